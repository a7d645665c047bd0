"""How a text names people and bodies: proper names, titles, roles, pronouns.

A mention is found by its shape alone; who it stands for is decided later
(speakers.py), with the whole document before it in view.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from quotecli import lexicon, patterns
from quotecli.document import Words
from quotecli.folding import fold
from quotecli.model import Span

_LEX = lexicon.load()
_PREPOSITIONS = frozenset(_LEX.words("prepositions"))
_QUANTIFIERS = frozenset({"certains", "certaines", "plusieurs", "quelques", "nombre"})
_FUNCTION_WORDS = frozenset(_LEX.words("function_words"))
_PAGE_FURNITURE = frozenset(_LEX.words("page_furniture"))
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "celui", "celle"})
_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "d", "de", "son", "sa", "ses", "leur", "leurs",
                          "ce", "cet", "cette", "ces", "notre", "votre", "plusieurs", "certains", "certaines",
                          "quelques", "nombre", "deux", "trois", "aux", "au"})


def _first_word(entry: str) -> str:
    m = patterns.WORD.search(entry)
    return m.group().lower() if m else ""


#: The words that can follow a determiner in a mention: the first word of
#: every role, body and group noun, and the adjectives that may precede them.
_HEAD_STARTERS = frozenset(
    _first_word(e) for e in (*_LEX.roles(), *_LEX.words("organisation_heads"), *_LEX.words("group_nouns"),
                             *_LEX.words("document_nouns"), *(w + "s" for w in _LEX.words("organisation_heads")),
                             *(w + "s" for w in _LEX.roles()))
) | {"même", "nouveau", "nouvelle", "nouvel", "ancien", "ancienne", "anciens", "anciennes", "ex", "futur",
     "future", "actuel", "actuelle", "vice", "jeune", "haut", "haute", "premier", "première", "principal",
     "principale", "dernier", "dernière", "un", "une", "nombreux", "nombreuses", "autres"}
#: Words that may open a mention in lower case (a capital opens one too).
_TRIGGERS = _PRONOUNS | _QUANTIFIERS | _DETERMINERS | {"ce", "cette"}
#: The triggers that open one whatever follows; the others are determiners,
#: which open one only before a word of _HEAD_STARTERS.
_ALONE = _PRONOUNS | _QUANTIFIERS
#: The first words of every MENTION reading but a bare name or acronym
#: (patterns.PROPER_MENTION): determiners, "l'un", titles, pronouns.
_OPENERS = _TRIGGERS | {"l", "d", "de", "nombre", "celui", "celle"} | {
    patterns.WORD.findall(t)[0].lower() for t in _LEX.titles() if patterns.WORD.findall(t)}
_PLACES = frozenset(_LEX.words("places"))
_TERRITORIES = frozenset(_LEX.words("territory_nouns"))
#: Adjectives of nationality and of roles, lower case: "syrien", "socialiste".
_ADJECTIVES = _LEX.words("demonyms") | _LEX.words("role_adjectives")
#: "rue", "porte", "gare" (data/fr/street_nouns.txt), folded: a name opening on one, or right after one, is a place.
STREET_NOUNS = frozenset(fold(w) for w in _LEX.words("street_nouns"))
_FIRST_NAMES = frozenset(fold(n) for n in _LEX.first_names())
_ROLES = frozenset(fold(r) for r in _LEX.roles())


def fold_first(name: str) -> str:
    """The first word of a name, folded: "Jean-Marie Le Pen" -> "jean marie"."""
    return fold(name.split(" ")[0])


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that may name a source."""

    span: Span
    kind: str  # "name", "titled", "acronym", "role", "organisation", "group", "document", "partitive", "pronoun"
    text: str  # the mention as written
    name: str | None = None  # the proper name in it: "François Hollande", "OSDH"
    head: str | None = None  # the role, body or group noun phrase without determiner
    title: str | None = None  # "M.", "Mme" …
    acronym: str | None = None  # "(OSDH)" after an expansion
    after_preposition: bool = False  # "à l'AFP", "du président": a complement, not a subject

    @property
    def is_pronoun(self) -> bool:
        return self.kind == "pronoun"


def find_mentions(text: str, paragraphs: Sequence[Span], words: Words, quoted: Sequence[Span] = ()) -> list[Mention]:
    """Every mention in the text, in order, none overlapping; none starting
    in `quoted` (sorted spans: the quotations, whose words are the speaker's)."""
    out: list[Mention] = []
    quoted_starts = [q.start for q in quoted]
    candidates = _candidates(text, words, paragraphs[0].start, paragraphs[-1].end) if paragraphs else []
    candidate_starts = [words.starts[i] for i in candidates]
    surnames: set[str] | None = None  # last words of the full names in the document, read once if needed
    for para in paragraphs:
        within = candidates[bisect_left(candidate_starts, para.start) : bisect_left(candidate_starts, para.end)]
        for m in _matches(text, para, words, within, quoted, quoted_starts):
            for mention in _split_names(text, *_holder_in_complement(text, _mention(text, m))):
                if _capitalised_opener(text, mention, para):
                    # "Griveaux invite Macron …" in a title: a surname the article gives in full elsewhere.
                    if surnames is None:
                        surnames = _surnames(text, words)
                    if mention.name not in surnames:
                        continue
                if _shouted_word(mention):
                    continue
                mention = _without_opener(text, mention, para)
                mention = _one_of(text, _demonstrative_noun(text, mention))
                if out and out[-1].after_preposition and not mention.after_preposition \
                        and out[-1].kind in ("role", "partitive") and mention.kind in ("name", "titled") \
                        and text[out[-1].span.end : mention.span.start].strip() == ",":
                    # "avec son complice de toujours, Jean-Michel Larqué": an apposition
                    # to a complement is a complement too.
                    mention = replace(mention, after_preposition=True)
                out.append(mention)
    return out


def _candidates(text: str, words: Words, start: int, end: int) -> list[int]:
    """The words where a mention can start, in order: a capitalised word, a
    pronoun, a quantifier, a determiner before a role, body or group noun
    (or before "dernier": "ce dernier").
    Chosen in one pass over the words from `start` to `end` (the document,
    or an incise inside a quotation): most determiners are followed by no
    such noun, and testing them one by one in `_matches` cost more than the
    pattern calls. (Whether the noun is in the same paragraph is for
    `_matches` to check.)"""
    lower = words.lower
    last = len(lower) - 1
    opening = [i for i in words.between(start, end) if (word := lower[i]) in _TRIGGERS
               and (word in _ALONE or (i < last and lower[i + 1] in _HEAD_STARTERS))]
    return sorted({*opening, *words.capitalised(start, end)})


def _matches(text: str, para: Span, words: Words, candidates: list[int], quoted: Sequence[Span],
             quoted_starts: list[int]):  # type: ignore[no-untyped-def]
    """MENTION matches in `para`, tried only at `candidates` (see
    `_candidates`; trying the pattern at every character costs a hundred
    times more)."""
    lower, starts = words.lower, words.starts
    after = para.start
    for i in candidates:
        pos = starts[i]
        if pos < after:
            continue
        word = lower[i]
        if not (word in _ALONE or text[pos].isupper()) and starts[i + 1] >= para.end:
            continue  # a determiner whose noun is in the next paragraph
        if pos > para.start and text[pos - 1] in "-\u2011":
            continue  # "Alep-Est", "a-t-il": inside a word
        q = bisect_right(quoted_starts, pos) - 1
        if q >= 0 and pos < quoted[q].end:
            continue
        if word in _OPENERS:
            pattern = patterns.MENTION
        elif _function_word(text, words, i, para.end):
            continue
        else:
            pattern = patterns.PROPER_MENTION
        m = pattern.match(text, pos, para.end)
        if m is not None and m.end() > m.start():
            after = m.end()
            yield m


#: Characters that are no word characters (\w) to the regex module.
_NOT_WORD = frozenset(patterns.SPACE + "\r\n,;:!?…«»\"“”()'’-\u2011")


def _function_word(text: str, words: Words, i: int, end_of_text: int) -> bool:
    """Whether word `i`, capitalised, is a function word ("Dans", "Selon",
    "À", "C'"), at which PROPER_MENTION, reading up to `end_of_text`, cannot
    match: its name branch refuses a function word followed by a word
    boundary, and its acronym branch needs two capitals. A quarter of the
    capitalised words it would be tried at; telling costs less than trying."""
    word = words.lower[i]
    if word not in _FUNCTION_WORDS:
        return False
    start, end = words.starts[i], words.ends[i]
    # Its lower case is as long as the word, so the pattern reads it letter
    # for letter; a boundary after it; no initial ("A. Dupont").
    return end - start == len(word) and end <= end_of_text \
        and (end == len(text) or text[end] in _NOT_WORD) and not text[start + 1 : start + 2].isupper()


def _holder_in_complement(text: str, m: Mention) -> list[Mention]:
    """A name right after a role in a complement is that role's holder:
    "l'aviation du président syrien Bachar al-Assad" is "l'aviation" and
    "du président syrien Bachar al-Assad" (a French name attaches to the
    nearest noun before it), so the role is tied to its holder."""
    if not m.name or m.kind not in ("role", "organisation"):  # a document keeps its author: "le bilan du ministre X"
        return [m]
    for det in patterns.COMPLEMENT_DETERMINER.finditer(text, m.span.start + 1, m.span.end):
        inner = patterns.MENTION.match(text, det.start(), m.span.end)
        if inner is None or inner.lastgroup != "np" or inner.end() != m.span.end:
            continue
        holder = _mention(text, inner)
        if holder.kind != "role" or holder.name != m.name:
            continue
        head = patterns.MENTION.match(text, m.span.start, det.start())
        outer = _mention(text, head) if head is not None and head.lastgroup == "np" else None
        return [outer, holder] if outer is not None and outer.span.end <= holder.span.start else [holder]
    return [m]


def _demonstrative_noun(text: str, m: Mention) -> Mention:
    """"ce Saranais", "cet Allemand", "cette Parisienne": a capitalised noun
    after a demonstrative names an inhabitant, a description that points
    back, not a person of that name."""
    if m.kind != "name" or not m.name or " " in m.name or m.name != m.text:
        return m
    word, start = _previous_word(text, m.span.start)
    if word not in ("ce", "cet", "cette"):
        return m
    before, at = _previous_word(text, start)
    return Mention(Span(start, m.span.end), "role", text[start : m.span.end], head=m.name,
                   after_preposition=_after_preposition(text, before, at))


def _one_of(text: str, m: Mention) -> Mention:
    """"l'un des organisateurs de la marche", "une des gilets jaunes": one
    person of a kind, the partitive taking in the plural role or group after
    it (with a name in apposition, MENTION reads it whole: "l'un des
    meneurs, Christopher")."""
    if m.kind not in ("role", "group") or m.name or not m.text.startswith(("des ", "des\u00a0")):
        return m
    word, start = _previous_word(text, m.span.start)
    if word not in ("un", "une"):
        return m
    if start >= 2 and text[start - 1] in "'’" and text[start - 2] in "lL" and not text[start - 3 : start - 2].isalpha():
        start -= 2  # "l'un des"
    head = f"{word} {m.text}"  # "un des organisateurs de la marche"
    before, at = _previous_word(text, start)
    return Mention(Span(start, m.span.end), "partitive", text[start : m.span.end], head=head,
                   after_preposition=_after_preposition(text, before, at))


def _split_names(text: str, *mentions: Mention) -> list[Mention]:
    """Each mention, with two names run together ("l'agence RIA Novosti
    Valentine Sapounov", "ministre de l'Intérieur Jan Hamáček") parted where
    a first name starts."""
    return [part for m in mentions for part in _split_two_names(text, m)]


def _split_two_names(text: str, m: Mention) -> list[Mention]:
    if m.kind not in ("name", "role", "organisation") or not m.name or m.name.count(" ") < 2:
        return [m]
    words = m.name.split(" ")
    for i in range(1, len(words) - 1):
        if fold(words[i]) in _FIRST_NAMES and fold(words[i - 1]) not in _FIRST_NAMES:
            if m.kind == "role" and words[0] == "Les":
                # "le député Les Républicains Éric Ciotti": a party, then the holder
                return [replace(m, name=" ".join(words[i:]), acronym=None)]
            cut = m.span.start + m.text.rindex(" ".join(words[i:]))
            # A bare name run into a person's ("son compte Facebook Priscillia Ludosky") is a
            # label of the noun before it, never the subject.
            first = replace(m, span=Span(m.span.start, cut - 1), text=text[m.span.start : cut - 1],
                            name=" ".join(words[:i]), acronym=None,
                            after_preposition=m.after_preposition or m.kind == "name")
            second = Mention(Span(cut, m.span.end), "name", text[cut : m.span.end], name=" ".join(words[i:]),
                             acronym=m.acronym)
            return [first, second]
    return [m]


def _shouted_word(m: Mention) -> bool:
    """"LE", "ET", "DES" in a title typed in capitals, "LIRE AUSSI" and other
    page furniture, a Roman numeral ("l'acte VIII"): no acronym."""
    if m.kind != "acronym":
        return False
    word = (m.name or "").lower()
    return word in _FUNCTION_WORDS or word in _PAGE_FURNITURE or patterns.ROMAN_NUMERAL.fullmatch(m.name or "") is not None


def _capitalised_opener(text: str, m: Mention, para: Span) -> bool:
    """A lone capitalised word opening a sentence ("Devant", "Souvent",
    "Commentateur") is no name, unless the lexicon knows it or a role
    follows it in apposition ("Barroso, le président de la Commission")."""
    if m.kind != "name" or " " in (m.name or " ") or m.name in _PLACES or fold_first(m.name or "") in _FIRST_NAMES:
        return False
    # An adverb in -ment is no name, whatever follows ("Finalement, le chef de l'État a décidé …").
    adverb = (m.name or "").endswith("ment")
    return _opens_sentence(text, m.span.start, para) and (adverb or patterns.apposition_role(text, m.span.end) is None)


def _surnames(text: str, words: Words) -> set[str]:
    """The words that end a full name somewhere in the document: a capitalised
    word right after a known first name ("Benjamin Griveaux" gives "Griveaux")."""
    found = set()
    capitalised = words.capitalised(0, len(text))
    for a, b in zip(capitalised, capitalised[1:]):
        if b == a + 1 and fold(words.lower[a]) in _FIRST_NAMES and text[words.ends[a] : words.starts[b]] in (" ", "\u00a0"):
            found.add(text[words.starts[b] : words.ends[b]])
    return found


def _without_opener(text: str, m: Mention, para: Span) -> Mention:
    """A name opening a sentence on a word that is no first name, followed by
    one ("Reste Karine, employée chez Michelin", "Prénommée Agnès, cette
    personne"), by "de" ("Partis d'Albanie, ils …", "Originaire de Lille"),
    or opening on a present participle ("Habitant Épernon en Eure-et-Loir,
    il a pris …"): the sentence's first word is no part of the name."""
    words = (m.name or "").split(" ")
    if m.kind != "name" or len(words) < 2 or fold(words[0]) in _FIRST_NAMES:
        return m
    rest = " ".join(words[1:])
    complement = patterns.LEADING_DE.match(rest)  # "Partant de Haute-Savoie", "Militant d'Attac": a complement
    if not (fold(words[1]) in _FIRST_NAMES or _participle(words[0]) or complement and _governs_de(words[0])) \
            or not _opens_sentence(text, m.span.start, para):
        return m
    if complement is not None:
        rest = rest[complement.end():]
    cut = m.span.start + m.text.rindex(rest)
    return replace(m, span=Span(cut, m.span.end), text=text[cut : m.span.end], name=rest,
                   after_preposition=m.after_preposition or complement is not None)


def _governs_de(word: str) -> bool:
    """Whether a capitalised word opening a sentence before "de" reads as a
    participle, an adjective or a noun governing it ("Venu de Chalon",
    "Partis d'Albanie", "Employée de Naval Group", "Sénateur de Vendée"),
    not as an unknown first name ("Leonel de Moustier")."""
    low = word.lower()
    return fold(word) in _ROLES or low.endswith(("é", "ée", "és", "ées", "i", "is", "u", "us", "ue", "ues", "ant", "ante",
                                                 "tion", "aire"))


def _participle(word: str) -> bool:
    """A present participle's shape: "Habitant", "Estimant" (a first name in
    -ant, "Constant", is in the lexicon and never asked)."""
    return len(word) > 5 and word.endswith("ant") and word[1:].islower()


def _opens_sentence(text: str, pos: int, para: Span) -> bool:
    i = pos
    while i > para.start and text[i - 1] in patterns.SPACE:
        i -= 1
    return i == para.start or text[i - 1] in ".!?…:«»“”\"—–-("


#: The group numbers of the patterns `_mention` reads. Asked for a group by
#: name, the regex module first reads the name as a number, and raises and
#: drops an exception (its message formatted) each time: by number, a group
#: costs a third as much.
_GROUPS = {pattern: pattern.groupindex for pattern in (patterns.MENTION, patterns.PROPER_MENTION)}


def _mention(text: str, m) -> Mention:  # type: ignore[no-untyped-def]
    """The mention a match of MENTION, or of PROPER_MENTION (some of its
    branches), reads."""
    span = Span(m.start(), m.end())
    before, at = _previous_word(text, span.start)
    after_prep = _after_preposition(text, before, at)
    g = _GROUPS[m.re]
    # The branches are alternatives, each a group enclosing its own groups:
    # the last group closed names the branch that matched ("name_acronym"
    # and "acronym" for a proper name).
    branch = m.lastgroup
    if branch == "np":
        after_prep = after_prep or m.group(g["det"]).strip().lower() in ("au", "aux", "du")
        kind = "role" if m.group(g["role"]) else "organisation" if m.group(g["organisation"]) else \
            "document" if m.group(g["document"]) else "group"
        head_start = m.end(g["det"])
        name = m.group(g["np_name"])
        head_end = m.start(g["np_name"]) if name else span.end
        head = text[head_start:head_end].rstrip(" ,\u00a0")
        if name and head and head.split()[-1].lower() in _TERRITORIES:
            # "le président de la région Provence-Alpes-Côte d'Azur Renaud Muselier": the
            # territory's name, then maybe the holder's, which opens on a first name
            # (data/fr/territory_nouns.txt).
            words = name.split()
            first = next((i for i, w in enumerate(words) if fold(w) in _FIRST_NAMES), len(words))
            name = " ".join(words[first:]) or None
            head_end = m.end(g["np_name"]) - len(name) if name else span.end
            head = text[head_start:head_end].rstrip(" ,\u00a0")
        if name and (_first_name_before(text, head_end) or kind == "role" and _party_label(name)
                     or _place_goes_on(head, name) or name.lower() in _ADJECTIVES):
            # "un proche d'Edouard Philippe": the name belongs to the complement;
            # "le député LR", "la maire PS": a party, not the holder's name;
            # "le maire de New York": the rest of the place;
            # "du Parti Socialiste": an adjective with a capital.
            name, head = None, text[head_start : span.end]
        if name and kind == "organisation" and head[:1].isupper() and not head.isupper() and " " not in head:
            name = f"{head} {name}"  # "l'Agence France-Presse": the capitalised head belongs to the name
        return Mention(span, kind, m.group(), name=name, head=head,
                       acronym=m.group(g["np_acronym"]), after_preposition=after_prep)
    if branch == "some":
        return Mention(span, "group", m.group(), head=text[m.start(g["some_head"]) : span.end],
                       after_preposition=after_prep)
    if branch == "partitive":
        return Mention(span, "partitive", m.group(), after_preposition=after_prep)
    if branch == "titled":
        return Mention(span, "titled", m.group(), name=m.group(g["title_name"]),
                       title=m.group(g["title"]), after_preposition=after_prep)
    if branch == "pronoun":
        return Mention(span, "pronoun", m.group(), name=m.group(g["pronoun"]).lower(),
                       after_preposition=after_prep)
    return _proper(m, g, span, after_prep, before.rstrip("'’"), at)


def _proper(m, g: Mapping[str, int], span: Span, after_prep: bool, before: str, before_at: int) -> Mention:  # type: ignore[no-untyped-def]
    """A name or an acronym (the groups MENTION and PROPER_MENTION share,
    numbered `g`); `before` is the word before it, starting at `before_at`."""
    if m.lastgroup == "acronym":
        return Mention(span, "acronym", m.group(), name=m.group(g["acronym"]), after_preposition=after_prep)
    name = m.group(g["name"])
    bare = name.split(" ", 1)[-1] if name[:3] in ("Le ", "La ") else ""
    if bare and bare.isupper() and " " not in bare:  # "Le PP": an acronym with its article
        return Mention(span, "acronym", m.group(), name=bare, after_preposition=after_prep)
    # "les Casques blancs", "des Gilets jaunes", "Les Gilets jaunes": a group named by a plural noun
    # (with its adjective); "Les Républicains" and "Les Échos" alone are names.
    after_article = before in ("les", "des")
    opening = name[:4] in ("Les ", "Les\u00a0") and " " not in name[4:]
    if after_article or opening:
        end = _plural_adjective_end(m.string, span.end)
        with_adjective = end > span.end
        if after_article or with_adjective:
            head = (name[4:] if opening and with_adjective else name) + m.string[span.end : end]
            span = Span(before_at if after_article else span.start, end)  # with its article, as a noun phrase
            return Mention(span, "group", m.string[span.start : span.end], head=head, after_preposition=after_prep)
    name = _strip_article(name)
    # A street's name ("la gare Saint-Lazare", "Rue de Rome, Boula …") is where things happen: a
    # complement, never the subject, unless it is a seat of power that speaks ("Quai d'Orsay").
    street = name not in _PLACES and (_street_named(m.string, before, before_at) or _opens_on_street(name))
    return Mention(span, "name", m.group(), name=name, acronym=m.group(g["name_acronym"]),
                   after_preposition=after_prep or street)


def _street_named(text: str, before: str, before_at: int) -> bool:
    """Whether the word before a name, `before` (starting at `before_at`),
    is a street noun whose name it is ("la gare Saint-Lazare"). "sur place"
    and "en place" are no place."""
    if fold(before) not in STREET_NOUNS:
        return False
    return before != "place" or _previous_word(text, before_at)[0] not in ("sur", "en")


def _opens_on_street(name: str) -> bool:
    """"Rue de Rivoli", "Porte Maillot": a name opening on a street noun."""
    first, _, rest = name.partition(" ")
    return bool(rest) and fold(first) in STREET_NOUNS


def _plural_adjective_end(text: str, end: int) -> int:
    """Where the group name ending at `end` ends with the lower-case plural
    adjective right after it ("les Casques| blancs|", "les Gilets| jaunes|"), or `end`."""
    if not text.startswith(" ", end):
        return end
    m = patterns.WORD.match(text, end + 1)
    if m is None:
        return end
    word = m.group()
    if len(word) < 4 or not word.islower() or not word.endswith(("s", "x")) or word in _FUNCTION_WORDS \
            or word in _PRONOUNS or text[m.end() : m.end() + 1] in ("-", "'", "’", "\u2011"):
        return end
    return m.end()


def _strip_article(name: str) -> str:
    """"La Russie" -> "Russie"; "Le Figaro" stays: the article is part of it."""
    if not name.startswith("L"):  # most names: no article to try
        return name
    for article in ("La ", "Les ", "Le ", "L'", "L’", "La\u00a0", "Le\u00a0"):
        if name.startswith(article):
            rest = name[len(article):]
            return rest if rest in _PLACES or rest.split(" ")[0] in _PLACES else name
    return name


def _place_goes_on(head: str, name: str) -> bool:
    """Whether a one-word name after a role ending in "de" and a capitalised
    word with no article continues that place ("maire de New| York",
    "préfet de Seine| Saint-Denis"); after "de la Santé" or "de l'Intérieur"
    a name is the holder's."""
    words = head.split()
    return " " not in name and len(words) >= 2 and words[-2] in ("de", "d'", "d’") and words[-1][:1].isupper()


def _party_label(name: str) -> bool:
    """A single word with two capitals in one of its parts: "LR", "PS", "LaREM",
    "MoDem" (not "Jean-Luc", not "Auvergne-Rhône-Alpes"); or a name opening
    on "Les" ("le député Les Républicains"), which no person's does."""
    if name.startswith(("Les ", "Les\u00a0")):  # unless a person's name follows: "Les Républicains Éric Ciotti"
        return not any(fold(w) in _FIRST_NAMES for w in name.split()[1:])
    return " " not in name and any(sum(c.isupper() for c in part) >= 2 for part in name.split("-"))


def _first_name_before(text: str, start: int) -> bool:
    word = _word_before(text, start)
    return bool(word) and fold(word) in _FIRST_NAMES


def _previous_word(text: str, end: int) -> tuple[str, int]:
    """The word before `end` (spaces skipped), lower case, an elided one with
    its apostrophe ("l'"), and where it starts."""
    i = end
    while i > 0 and text[i - 1] in patterns.SPACE:
        i -= 1
    j = i - 1 if i > 0 and text[i - 1] in "'’" else i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower(), j


def _word_before(text: str, start: int) -> str:
    return _previous_word(text, start)[0].rstrip("'’")


def _after_preposition(text: str, word: str, j: int) -> bool:
    """Whether `word`, the word before a mention (starting at `j`), is a
    preposition ("à", "du", "de l'")."""
    word = word.rstrip("'’")
    if word in ("l", "la", "le", "les"):  # "de l'AFP", "à la presse"
        word = _previous_word(text, j)[0]
    return word in _PREPOSITIONS or word == "d"
