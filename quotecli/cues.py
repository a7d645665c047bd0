"""Attribution cues in one sentence: incises, preposed verbs, `selon`, colons.

Each finder reads one construction and returns `Attribution`s: which text is
the reported content, which words are the cue, and where the speaker is named.
The pipeline decides the record type from the content and resolves speakers.
"""
from __future__ import annotations

from collections.abc import Sequence
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from quotecli import lexicon, patterns, verbs
from quotecli.document import Words
from quotecli.mentions import Mention, find_mentions
from quotecli.model import Span
from quotecli.quotes import Quotation

_LEX = lexicon.load()
#: Countries, capitals and seats of power (data/fr/places.txt): "à Matignon" is where speakers are.
_SEATS = frozenset(_LEX.words("places"))
#: Nouns of the press (data/fr/media_nouns.txt): "à l'Agence France-Presse" is whom speakers talk to.
_MEDIA = frozenset(_LEX.words("media_nouns"))
_TRAILING = patterns.SPACE + ".,;:–—-"
_COMMA_SPACE = patterns.SPACE + ","
#: Reported content that runs to the end of its sentence stops after this
#: many characters (at a word, never inside a quotation). News prose has no
#: sentence this long (the longest claim in the corpus is 1,313 characters);
#: text with no full stop (a glued scrape, a list) would otherwise make every
#: claim in it the whole rest of the text.
_LONGEST_CLAIM = 2000


@dataclass(frozen=True, slots=True)
class Attribution:
    """Reported content tied to its cue and to where its speaker is named."""

    rule: str
    content: tuple[Span, ...]
    cue: Span | None
    lemma: str | None
    mention: Mention | None = None  # the speaker as the text names it here
    pronoun: Span | None = None  # the subject of an inverted verb: "il" in "a-t-il dit"
    antecedent: bool = False  # "selon lequel": the source is the mention before
    feminine: bool = False  # the verb agrees with a feminine subject ("s'est dite")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with what the earlier stages found in it."""

    span: Span
    quotations: Sequence[Quotation]  # top-level quotations ending inside it
    mentions: Sequence[Mention]  # mentions inside it, outside quotations
    words: Words = field(compare=False)  # the document's words
    # Where each quotation and mention starts, for bisecting: a sentence can
    # be a whole document (no full stop), so nothing here scans it all.
    quote_starts: Sequence[int] = field(default=(), compare=False)
    mention_starts: Sequence[int] = field(default=(), compare=False)
    quote_colons: Sequence[int] = field(default=(), compare=False)  # colons right before a quotation
    breaks: Sequence[int] = field(default=(), compare=False)  # ":" and ";" outside quotations
    contrasts: Sequence[int] = field(default=(), compare=False)  # the commas before "tandis que", outside quotations
    # The sentence before, when it holds no quotation and reports nothing: what
    # "C'est ce qu'a annoncé X" can take up.
    previous: Span | None = field(default=None, compare=False)

    @classmethod
    def of(cls, text: str, span: Span, quotations: Sequence[Quotation], mentions: Sequence[Mention],
           words: Words, previous: Span | None = None) -> "Sentence":
        colons = (_colon_before(text, q.outer.start, span.start) for q in quotations)
        quote_starts = [q.outer.start for q in quotations]
        return cls(span, quotations, mentions, words, quote_starts, [m.span.start for m in mentions],
                   [c for c in colons if c is not None], _breaks(text, span, quotations, quote_starts),
                   _contrasts(text, span, words, quotations, quote_starts), previous)

    def in_quotation(self, pos: int) -> bool:
        """Whether `pos` lies inside one of the sentence's quotations (marks included)."""
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and pos < self.quotations[i].outer.end

    def first_mention_from(self, pos: int) -> int:
        """Index of the first mention starting at or after `pos`."""
        return bisect_left(self.mention_starts, pos)


def _breaks(text: str, span: Span, quotations: Sequence[Quotation], quote_starts: list[int]) -> list[int]:
    """Where ":" and ";" break a sentence into clauses, outside its quotations."""
    found = []
    for char in ":;":
        at = text.find(char, span.start, span.end)
        while at != -1:
            i = bisect_right(quote_starts, at) - 1
            if i < 0 or at >= quotations[i].outer.end:
                found.append(at)
            at = text.find(char, at + 1, span.end)
    return sorted(found)


def _contrasts(text: str, span: Span, words: Words, quotations: Sequence[Quotation],
               quote_starts: list[int]) -> list[int]:
    """The commas before "tandis que" outside quotations that open another
    speaker's clause, one with a cue of its own: "X a qualifié le procédé de
    « … », tandis que Y a demandé …". A clause that goes on in marks or with
    no cue is the same claim's contrast ("tandis que ce dernier affiche …")."""
    found: list[int] = []
    if text.find("tandis", span.start, span.end) == -1:  # most sentences: a C-level search spares the word index
        return found
    for i in words.among(_CONTRAST_WORDS, span.start, span.end):
        if i + 1 >= len(words.lower) or words.lower[i + 1] not in ("que", "qu"):
            continue
        after = words.ends[i + 1]
        while after < span.end and text[after] in patterns.SPACE + "'’":
            after += 1
        if text.startswith(("«", "“", '"'), after):
            continue  # "…, tandis qu'« … »": the same speaker's words go on
        reach = min(span.end, after + _CONTRAST_REACH)
        if not verbs.may_occur(words, after, reach) and not words.among(_MARKER_WORDS, after, reach):
            continue  # "…, tandis que ce dernier affiche …": a contrast inside the same claim
        comma = words.starts[i] - 1
        while comma > span.start and text[comma] in patterns.SPACE:
            comma -= 1
        q = bisect_right(quote_starts, comma) - 1
        if text[comma] == "," and (q < 0 or comma >= quotations[q].outer.end):
            found.append(comma)
    return found


#: The word of a contrast that opens another subject's clause.
_CONTRAST_WORDS = frozenset({"tandis"})
#: How far after "tandis que" the other speaker's cue may stand.
_CONTRAST_REACH = 300


class _Spans:
    """Spans added in any order, asked whether any overlaps a span or holds a
    point: kept sorted by start with the furthest end reached so far, so each
    question is one bisection. Finders read a sentence left to right, so a
    new span mostly goes at the end and keeping the order costs little."""

    __slots__ = ("_starts", "_ends", "_reach")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._reach: list[int] = []

    def add(self, span: Span) -> None:
        i = bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)
        self._ends.insert(i, span.end)
        reach = self._reach[i - 1] if i else span.end
        del self._reach[i:]
        for end in self._ends[i:]:
            reach = max(reach, end)
            self._reach.append(reach)

    def overlaps(self, span: Span) -> bool:
        """Whether any span overlaps `span` (as Span.overlaps)."""
        i = bisect_left(self._starts, span.end)
        return i > 0 and self._reach[i - 1] > span.start

    def holds(self, pos: int) -> bool:
        """Whether any span holds `pos`."""
        i = bisect_right(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos


class _Found:
    """A sentence's attributions so far, indexed for what the finders ask of
    them: a sentence can be a whole document, so none of these questions
    scans all that was found."""

    def __init__(self) -> None:
        self.items: list[Attribution] = []
        self.content = _Spans()  # every content piece
        self.used = _Spans()  # cue and speaker stretches already read
        self._cue_ends: list[int] = []  # sorted, with the index of their attribution
        self._cued: list[int] = []
        self._read_to: list[int] = []  # with them, where each one's cue and speaker stretches end
        self._by_piece: dict[Span, list[int]] = {}

    def add(self, a: Attribution, *used: Span) -> None:
        index = len(self.items)
        self.items.append(a)
        for piece in a.content:
            self.content.add(piece)
            self._by_piece.setdefault(piece, []).append(index)
        for span in used:
            self.used.add(span)
        if a.cue is not None:
            i = bisect_right(self._cue_ends, a.cue.end)
            self._cue_ends.insert(i, a.cue.end)
            self._cued.insert(i, index)
            read_to = a.cue.end
            for span in used:
                read_to = span.end if span.end > read_to else read_to
            self._read_to.insert(i, read_to)

    def last_cued(self, limit: int) -> Attribution | None:
        """The attribution whose cue ends last at or before `limit`."""
        i = bisect_right(self._cue_ends, limit)
        return self.items[self._cued[i - 1]] if i else None

    def last_read(self, limit: int) -> tuple[int, int] | None:
        """For that attribution: where its cue ends, and where its cue and speaker stretches end."""
        i = bisect_right(self._cue_ends, limit)
        return (self._cue_ends[i - 1], self._read_to[i - 1]) if i else None

    def holding(self, piece: Span) -> list[int]:
        """Indices of the attributions whose content holds `piece`."""
        return self._by_piece.get(piece, [])


def find_attributions(text: str, s: Sentence) -> list[Attribution]:
    """All attributions of one sentence, in text order, content never shared."""
    if not s.quotations and not verbs.may_occur(s.words, s.span.start, s.span.end) \
            and not s.words.among(_MARKER_WORDS, s.span.start, s.span.end):
        return []  # no quotation, no speech verb, no marker: nothing any finder starts from
    found = _Found()
    take = found.add

    # 1. A quotation followed by an incise: «…», a-t-il lancé / a déclaré X.
    # Each quotation's incise is read once: a quotation also asks for the next one's.
    incises = [_incise(text, q.outer.end, s.span.end, s.words) for q in s.quotations]
    inners = [_inner_incise(text, q.pieces[-1], s.words) for q in s.quotations]
    own_end = s.span.start  # where the last quotation with an incise of its own ends
    for q, vg, inner in zip(s.quotations, incises, inners):
        if vg is None:
            if inner is not None:
                own_end = q.outer.end
            continue
        tail = _tail(text, s, vg, quoted=True)
        if tail is None:
            continue
        mention, tail_end = tail
        # Content never reaches back into a quotation that has its own incise:
        # "«A, lance Sylviane. …»«B» renchérit Camille" gives Camille «B» only.
        start = max(_clause_start(text, s, s.span.start, found, q.outer.start), own_end)
        if inner is not None:
            own_end = q.outer.end
        content: tuple[Span, ...]
        if _blank(text, start, q.outer.start) or _only_a_link(text, start, q.outer.start):
            content = _quotation_content(text, q, s, tail_end, incises)
        elif vg.inverted is None and not text.startswith(",", _skip_space(text, q.outer.end, s.span.end)) \
                and _word_before(text, q.outer.start) in _NP_DETERMINERS:
            continue  # "Le mouvement des «gilets jaunes» révèle un malaise": a subject and its verb
        else:
            content = (_trim(text, start, q.outer.end),)
        take(_attribution("quote-incise", vg, content, mention), Span(q.outer.end, tail_end))

    # 2. An incise inside one quotation: «A, a-t-il dit, B».
    for q, inner in zip(s.quotations, inners):
        piece = q.pieces[-1]
        if inner is None:
            continue
        vg, cut, resume = inner
        pieces = (*q.pieces[:-1], _trim(text, piece.start, cut), Span(resume, piece.end))
        holders = found.holding(q.pieces[-1])
        for i in holders:  # already content: just split it
            found.items[i] = _split(found.items[i], q, pieces)
        if holders:
            continue
        mention = None
        if vg.inverted is None:  # «A, a réagi le bloquiste Mario Beaulieu. B»
            mention = next((m for m in _inner_mentions(text, vg.span.end, resume, s.words) if not m.after_preposition), None)
            if mention is None:
                continue
        take(_attribution("quote-inner-incise", vg, pieces, mention), Span(cut, resume))

    # 3. Plain content followed by an incise: "…, a indiqué l'OSDH."
    for comma in patterns.INCISE_COMMA.finditer(text, s.span.start, s.span.end):
        pos = comma.start()
        if not verbs.may_follow(s.words, pos) or s.in_quotation(pos) or found.used.holds(pos):
            continue  # most commas: no verb after them (the cheapest test first)
        start = _clause_start(text, s, s.span.start, found, pos)
        if _blank(text, start, pos):
            continue
        claim = [_trim(text, start, pos)]
        if found.content.overlaps(claim[0]):
            continue  # an incise inside content already reported ("…», affirmaient-ils, …», témoignait X)
        vg = _incise(text, pos, s.span.end, s.words)
        if vg is None:
            continue
        inverted = vg.inverted is not None
        tail = _tail(text, s, vg)
        if tail is None:
            continue
        mention, tail_end = tail
        if (inverted or _quotation_next(text, s, tail_end + 1)) and text.startswith(",", tail_end, s.span.end) \
                and not _blank(text, tail_end, s.span.end, _TRAILING):
            end = _claim_end(text, s, tail_end + 1, s.span.end)
            claim.append(_trim(text, tail_end + 1, end))  # "X, a-t-il dit, Y."
            tail_end = end
        elif _only_names(text, s, claim[0]):
            continue  # "L'avocat des familles, Arié Alimi, a demandé …": the verb's subject, not a claim
        take(_attribution("content-incise", vg, tuple(claim), mention), Span(pos, tail_end))

    # 4. Source markers: "selon X, …", "…, selon X.", "selon lequel …".
    _markers(text, s, found)

    # 4b. "comme l'a annoncé X, …", "…, ainsi que l'a rappelé X."
    _as_said(text, s, found)

    # 4c. "C'est ce qu'a annoncé X.": what the sentence before says.
    _that_is_what(text, s, found)

    # 4d. A passive with its agent: "Qualifié de « gourou de la majorité » par un dirigeant de LREM".
    _passives(text, s, found)

    # 5. A preposed verb: "X a déclaré que …", "X a déclaré : «…»".
    _preposed(text, s, found)

    # 6. A gerund with the main clause's subject: "…, estimant que …".
    _gerunds(text, s, found)

    # 7. A quotation after a colon, its speaker the clause's subject:
    #    "Denis Baupin a ensuite défendu sa décision : « … »".
    _colon_quotes(text, s, found)

    return sorted(found.items, key=lambda a: a.content[0].start if a.content else 0)


#: Verbs whose object, before a colon and a quotation, only announces it
#: ("exprimer sa colère", "décrire la situation en ces termes"); a stance
#: ("dénoncer l'absence de …", "condamner les dégradations") is a claim.
_ANNOUNCING = frozenset({"exprimer", "décrire", "résumer", "formuler", "raconter"})


def _words_in_marks(s: Sentence, span: Span) -> bool:
    """Whether a quotation of the sentence opens inside `span`."""
    i = bisect_left(s.quote_starts, span.start)
    return i < len(s.quote_starts) and s.quote_starts[i] < span.end


def _only_names(text: str, s: Sentence, span: Span) -> bool:
    """Whether `span` holds nothing but mentions, their appositions and the
    commas between them, maybe after a word that governs the first ("Invité
    de BFM Business, son patron, Yves Veyrier"): a subject, which says nothing."""
    pos = _skip_space(text, span.start, span.end)
    i = s.first_mention_from(pos)
    opener = patterns.WORD.match(text, pos, span.end)
    if opener is not None and i < len(s.mentions) and s.mentions[i].after_preposition \
            and patterns.LEADING_DE.match(text, _skip_space(text, opener.end(), span.end)) is not None:
        pos = s.mentions[i].span.start  # "Invité de| BFM Business"
    while pos < span.end:
        if i >= len(s.mentions) or s.mentions[i].span.start != pos:
            return False
        m = s.mentions[i]
        role = patterns.apposition_role(text, m.span.end, span.end)
        pos = _skip_space(text, role.end() if role else m.span.end, span.end)
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1, span.end)
        i = s.first_mention_from(pos)
    return True


def _passives(text: str, s: Sentence, found: _Found) -> None:
    """A quotation after a speech verb's participle and "de" or "comme", then
    "par" and who said it: the agent speaks ("qualifié de « … » par X")."""
    words = s.words
    for q in s.quotations:
        # Bounded: the regex module first scans the whole range for the pattern's literal "par".
        agent = patterns.PASSIVE_AGENT.match(text, q.outer.end, min(s.span.end, q.outer.end + _SHORT_REACH))
        if agent is None or found.content.overlaps(q.span):
            continue
        i = s.first_mention_from(agent.end())
        mention = s.mentions[i] if i < len(s.mentions) else None
        if mention is None or mention.span.start != agent.end() or mention.is_pronoun:
            continue
        w = bisect_left(words.starts, q.outer.start) - 1  # "de", then the participle
        if w < 1 or words.lower[w] not in ("de", "d", "comme"):
            continue
        verbs_of = [f for f in _LEX.analyse(words.lower[w - 1]) if f.mood == "participle"]
        if not verbs_of:
            continue
        cue = Span(words.starts[w - 1], words.ends[w - 1])
        found.add(Attribution("passive", (Span(words.starts[w], q.outer.end),), cue, verbs_of[0].lemma, mention),
                  Span(q.outer.end, mention.span.end))


def _preposed(text: str, s: Sentence, found: _Found) -> None:
    def read(pos: int) -> bool:
        return s.in_quotation(pos) or found.used.holds(pos)

    for vg in verbs.verb_groups(text, s.span.start, s.span.end, s.words, skip=read):
        subject = _subject_before(text, s, vg.span.start)
        pronoun = None
        if subject is None and _coordinated(text, s, vg.span.start):
            # "X a dénoncé … et a annoncé …": the subject of the verb before;
            # "Il fut exclu de son groupe et déclara alors : …": the first subject.
            earlier = found.last_cued(vg.span.start)
            if earlier is not None and (earlier.mention is not None or earlier.pronoun is not None):
                subject, pronoun = earlier.mention, earlier.pronoun
            else:
                subject = next((m for m in s.mentions if not m.after_preposition and m.span.end <= vg.span.start), None)
        if subject is None and pronoun is None:
            continue
        lemma = vg.lemma
        verb = _LEX.verbs.get(lemma)
        intro = patterns.INTRODUCER.match(text, vg.span.end, s.span.end)
        content_start: int | None = None
        rule = "preposed"
        if intro is not None:
            if intro.group("infinitive") and not (verb and "inf" in verb.uses):
                intro = None
            elif intro.group("que") and verb and "que" not in verb.uses and "incise" not in verb.uses:
                intro = None
        if intro is not None:
            content_start = intro.end()
            rule = "preposed-colon" if intro.group("colon") else "preposed-que" if intro.group("que") \
                else "preposed-infinitive" if intro.group("infinitive") else "preposed-quote"
        elif verb and "bare_inf" in verb.uses \
                and (bare := patterns.BARE_INFINITIVE.match(text, vg.span.end, min(s.span.end, vg.span.end + _ADJUNCT_REACH))):
            content_start = bare.end()
            rule = "preposed-infinitive"
        elif verb and ({"obj", "attr"} & verb.uses):
            adjuncts = patterns.OBJECT_ADJUNCTS.match(text, vg.span.end, s.span.end)
            content_start = adjuncts.end() if adjuncts else vg.span.end
            rule = "preposed-object"
        if content_start is None:
            continue
        # "X a précisé que … : « … »": the quotation after the colon is its own record.
        end = _content_end(text, s, content_start)
        colon_quote = _quotation_from(s, end + 1) if text.startswith(":", end, s.span.end) else None
        main = min(_main_clause_start(text, s, vg.span.start, content_start, end),
                   _next_coordinated_cue(text, s, vg.span.start, content_start, end))
        if main < end:  # the quotation after the colon is the main clause's, or the next verb's
            end, colon_quote = main, None
        content = _trim(text, content_start, end)
        if content.end <= content.start or found.content.overlaps(content):
            continue
        if rule == "preposed-object" and verb is not None and "attr" not in verb.uses \
                and not _object_ok(text, content, s, verb):
            continue
        cue = vg.span
        quoted_after = colon_quote is not None and not found.content.overlaps(colon_quote.span)
        if rule != "preposed-object" or not quoted_after or lemma not in _ANNOUNCING \
                or _words_in_marks(s, content):
            found.add(Attribution(rule, (content,), cue, lemma, subject, pronoun, feminine=vg.feminine), cue)
        # else "X a exprimé sa colère : « … »", "a décrit la situation en ces termes : « … »": the
        # object only announces the quotation, which is what was said
        if colon_quote is not None and quoted_after:
            found.add(Attribution("preposed-colon", colon_quote.pieces, cue, lemma, subject, pronoun))


#: Subject pronouns that open a main clause: "…, il a rejeté cette éventualité".
_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})
#: How far into its sentence a cue may stand and still be read as in a
#: subordinate clause opening it: such a clause is short, and the bound
#: keeps a sentence with no end from making each cue count its commas.
_SUBORDINATE_REACH = 300


def _main_clause_start(text: str, s: Sentence, cue: int, start: int, end: int) -> int:
    """Where content from `start` to `end` ends when its cue stands in a
    subordinate clause opening the sentence: at the comma before the main
    clause's subject. "Alors que Roman Prymula avait affirmé qu'il était
    prêt à démissionner, il a rejeté cette éventualité": Prymula said the
    first part only.

    The cue is in the subordinate clause while an even number of commas
    stands between the conjunction and the cue (an apposition or an adverbial
    comes in pairs: "Si, le 22 novembre, Manuel Bompard s'est dit …"); with
    an odd number the main clause has begun and its verb is the cue."""
    if cue - s.span.start > _SUBORDINATE_REACH:
        return end
    opening = patterns.FRONTED_SUBORDINATE.match(text, s.span.start, cue)
    if opening is None or _clause_commas(text, s, opening.end(), cue) % 2:
        return end
    comma = _clause_comma(text, s, start, end)
    while comma < end:
        i = s.first_mention_from(comma + 1)
        m = s.mentions[i] if i < len(s.mentions) else None
        if m is not None and not m.after_preposition and _blank(text, comma + 1, m.span.start) \
                and (m.kind != "pronoun" or m.text.lower() in _SUBJECT_PRONOUNS):
            return comma
        comma = _clause_comma(text, s, comma + 1, end)
    return end


#: The words that open the clause of every FRONTED_CLAUSE match, after "Mais" or an adverb.
_CLAUSE_OPENERS = frozenset({w.split(" ")[0].split("'")[0] for w in _LEX.words("subordinators")}
                            | {"avant", "après", "afin", "sans"})
#: How many words FRONTED_CLAUSE may read before its clause opens ("Par ailleurs, avant de …").
_CLAUSE_OPENER_REACH = 4


def main_clause_start(text: str, s: Sentence) -> int:
    """Where the main clause of a sentence opening on a fronted clause starts
    (patterns.FRONTED_CLAUSE): after the comma closing that clause, if one
    stands near; otherwise the sentence's start."""
    first = s.words.at(s.span.start)
    if first is None or not _may_open_clause(s.words.lower, first):
        return s.span.start  # most sentences: a look at their first words spares the pattern
    opening = patterns.FRONTED_CLAUSE.match(text, s.span.start, s.span.end)
    if opening is None:
        return s.span.start
    comma = _clause_comma(text, s, opening.end(), min(s.span.end, s.span.start + _SUBORDINATE_REACH))
    return comma + 1 if text.startswith(",", comma) else s.span.start


def _may_open_clause(lower: Sequence[str], first: int) -> bool:
    """Whether one of the first words from word `first` opens a fronted
    clause: a conjunction, "avant", "après", or "en" before a word in -ant."""
    for i in range(first, min(first + _CLAUSE_OPENER_REACH, len(lower))):
        if lower[i] in _CLAUSE_OPENERS or lower[i] == "en" and i + 1 < len(lower) and lower[i + 1].endswith("ant"):
            return True
    return False


def _clause_commas(text: str, s: Sentence, start: int, end: int) -> int:
    """How many commas outside quotations stand between `start` and `end`."""
    n, comma = 0, _clause_comma(text, s, start, end)
    while comma < end:
        n, comma = n + 1, _clause_comma(text, s, comma + 1, end)
    return n


def _colon_quotes(text: str, s: Sentence, found: _Found) -> None:
    for q in s.quotations:
        if found.content.overlaps(q.span):
            continue
        colon = _colon_before(text, q.outer.start, s.span.start)
        if colon is None or not _blank(text, q.outer.end, s.span.end, _TRAILING + "!?…»"):
            continue
        a = found.last_cued(colon)
        if a is not None and a.rule.startswith("preposed") and text.startswith(",", a.content[-1].end):
            # What `a` reports ends before a main clause with a subject of its own (_main_clause_start):
            # "Quand le procureur fait remarquer que …, le chauffeur routier rétorque : « … »".
            i = s.first_mention_from(a.content[-1].end)
            subject = next((m for m in s.mentions[i : s.first_mention_from(colon)] if not m.after_preposition), None)
            if subject is not None:
                found.add(Attribution("colon", q.pieces, Span(colon, colon + 1), ":", subject))
                continue
        if a is not None:  # "Selon X, … : « … »": the same source goes on
            found.add(Attribution("colon-continuation", q.pieces, a.cue, a.lemma, a.mention, a.pronoun))
            continue
        start = _clause_start(text, s, s.span.start, found, colon)
        between = s.mentions[s.first_mention_from(start) : s.first_mention_from(colon)]
        before = [m for m in between if m.span.end <= colon and not m.after_preposition and not _contracted_des(text, m)]
        if not before:  # "l'enseignement est pour lui une vocation : « … »"
            before = [m for m in between if m.span.end <= colon and m.is_pronoun]
        if not before:
            continue
        if _word_at(text, start) in _OPENING_PREPOSITIONS:
            # "Dans le morceau Parfum, Jazzy Bazz slame : « … »": the subject follows the adverbial.
            comma = _clause_comma(text, s, start, colon)
            before = [m for m in before if m.span.start > comma] or before
        last = before[-1]
        # "Guillaume Lebeau : « … »" names who speaks right before the colon; after a subject
        # pronoun, the noun there is its object ("il invite l'opposition à la prudence : « … »").
        first = before[0]  # a person: not "je citerai X :", not "il faut rire, je citerai X :"
        third_person = first.is_pronoun and (first.name or "") in _SUBJECT_PRONOUNS \
            and _word_at(text, first.span.end) not in _IMPERSONAL
        subject = last if not text[last.span.end : colon].strip() and not third_person else before[0]
        found.add(Attribution("colon", q.pieces, Span(colon, colon + 1), ":", subject))


#: Determiners: words in marks right after one are a noun phrase's ("des «gilets jaunes»").
_NP_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
                             "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "aux", "au"})
#: Verbs after which "il" stands for no one: "il faut", "il y a", "il s'agit".
_IMPERSONAL = frozenset({"faut", "y", "s", "semble", "paraît", "suffit", "reste", "fallait", "fallut", "faudra"})
#: Prepositions that open an adverbial before a clause's subject.
_OPENING_PREPOSITIONS = frozenset({"dans", "sur", "en", "à", "pour", "après", "avant", "lors", "depuis", "devant",
                                   "face", "selon", "chez", "durant", "pendant", "sous", "malgré", "avec", "par"})


def _word_at(text: str, pos: int) -> str:
    """The word starting at `pos` (spaces skipped), lower case."""
    start = pos
    while start < len(text) and text[start] in patterns.SPACE:
        start += 1
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end].lower()


def _colon_before(text: str, pos: int, start: int) -> int | None:
    """The colon right before `pos` (only spaces between), if any."""
    i = pos
    while i > start and text[i - 1] in patterns.SPACE:
        i -= 1
    return i - 1 if i > start and text[i - 1] == ":" else None


def _gerunds(text: str, s: Sentence, found: _Found) -> None:
    for cue, lemma in verbs.gerunds(s.span.start, s.span.end, s.words):
        if s.in_quotation(cue.start) or found.used.holds(cue.start):
            continue
        intro = patterns.INTRODUCER.match(text, cue.end, s.span.end)
        quoted = None
        if intro is not None and (intro.group("que") or intro.group("colon")):
            start = intro.end()
        else:
            # "en demandant au président une suspension de séance, afin de « retrouver … »":
            # an object, read only when it carries the speaker's words in marks.
            verb = _LEX.verbs.get(lemma)
            adjuncts = patterns.OBJECT_ADJUNCTS.match(text, cue.end, s.span.end)
            start = adjuncts.end() if adjuncts else cue.end
            quoted = _quotation_from(s, start)
            if verb is None or "obj" not in verb.uses or quoted is None or quoted.outer.start - start > _OBJECT_REACH:
                continue
        earlier = found.last_cued(cue.start)
        end = _claim_end(text, s, start, s.span.end)
        if earlier is not None:
            subject, pronoun = earlier.mention, earlier.pronoun
        else:
            subject = _subject_in(s, s.span.start, cue.start)
            pronoun = None
            if subject is None:  # "Estimant que « … », il vota contre": the clause's subject follows
                end = _clause_comma(text, s, start, start + _LONGEST_CLAIM)
                subject = _subject_in(s, end + 1, s.span.end) if text.startswith(",", end) else None
        if subject is None and pronoun is None:
            continue
        content = _trim(text, start, end)
        if content.end <= content.start or found.content.overlaps(content):
            continue
        if quoted is not None and content.end < quoted.outer.end:
            continue  # the words in marks belong to the next clause
        found.add(Attribution("gerund", (content,), cue, lemma, subject, pronoun), cue)


#: How far the patterns read after a quotation or a verb for what is right
#: there ("» par X", "a dit vendredi à l'AFP vouloir …"): bounded, since the
#: regex module scans a whole range for a pattern's literal before matching.
_SHORT_REACH = 16
_ADJUNCT_REACH = 200
#: How far into a gerund's object its quotation may open ("une suspension de séance, afin de « … »").
_OBJECT_REACH = 120


#: A word every source marker holds (MARKER, MARKER_RELATIVE): a sentence
#: without one has no marker, and is spared the patterns.
_MARKER_WORDS = frozenset({"selon", "après", "croire", "avis", "pour", "dixit"})


def _subject_in(s: Sentence, start: int, end: int) -> Mention | None:
    """The first mention in [start, end) that is no complement."""
    for i in range(s.first_mention_from(start), len(s.mentions)):
        m = s.mentions[i]
        if m.span.end > end:
            return None
        if not m.after_preposition:
            return m
    return None


def _markers(text: str, s: Sentence, found: _Found) -> None:
    if not s.words.among(_MARKER_WORDS, s.span.start, s.span.end):
        return
    relatives = [(rel, _antecedent(text, s, rel.start()))
                 for rel in patterns.MARKER_RELATIVE.finditer(text, s.span.start, s.span.end) if not s.in_quotation(rel.start())]
    for (rel, source), nxt in zip(relatives, [*relatives[1:], None]):
        if source is None:
            continue
        # What the source says runs to the end of the sentence, to the next "selon lequel" and its source, or
        # to a colon before a quotation ("selon qui il serait «de bon ton» … : «…», a-t-il lâché").
        end = s.span.end if nxt is None else max(rel.end(), nxt[1].span.start if nxt[1] else nxt[0].start())
        end = min(_content_end(text, s, rel.end()), _claim_end(text, s, rel.end(), end))
        content = _trim(text, rel.end(), _relative_clause_end(text, s, rel.end(), end))
        if not _says_something(text, content) or found.content.overlaps(content):
            continue  # content is never shared: a quotation with its own incise in it was taken first
        marker = Span(rel.start("marker"), rel.end("marker"))
        found.add(Attribution("marker-relative", (content,), marker, _marker_lemma(rel.group("marker")),
                              source, antecedent=True), Span(rel.start(), rel.end()))
    for mk in patterns.MARKER.finditer(text, s.span.start, s.span.end):
        if s.in_quotation(mk.start()) or found.used.holds(mk.start()) or found.content.holds(mk.start() - 1):
            continue  # inside what an incise reports ("«…» pour lui, estimait X, du CNRS"), not opening it
        i = s.first_mention_from(mk.end())
        source = s.mentions[i] if i < len(s.mentions) else None
        if source is not None and text[mk.end() : source.span.start] not in ("", "l'", "l’", "L'", "L’") \
                and not (source.kind == "name" and patterns.UNLISTED_ROLE.fullmatch(text, mk.end(), source.span.start)):
            source = None
        if source is None or patterns.NOT_A_SOURCE.match(text, mk.end()):
            continue
        word = mk.group("marker").lower()
        lemma = _marker_lemma(word)
        after = _skip_apposition(text, s, source)
        front = _blank(text, _clause_start(text, s, s.span.start, found), mk.start())
        quoted = _quotation_before(s, mk.start())
        if quoted is not None and not (_only_comma(text, quoted.outer.end, mk.start())
                                       and _blank(text, _clause_start(text, s, s.span.start, found, quoted.outer.start),
                                                  quoted.outer.start)):
            quoted = None
        if quoted is not None and word != "pour":  # «…», selon un proche d'Edouard Philippe, …
            if not found.content.overlaps(quoted.span):
                marker = Span(mk.start("marker"), mk.end("marker"))
                found.add(Attribution("quote-marker", quoted.pieces, marker, lemma, source), Span(mk.start(), after))
            continue
        if front and text[after : after + 1] != ",":
            # "Pour l'organisation militant pour les droits de l'Homme, …": a
            # short modifier of the source before the comma.
            comma = _clause_comma(text, s, after)
            if comma >= s.span.end and after > source.span.end \
                    and text.startswith(",", _skip_space(text, source.span.end, s.span.end)) \
                    and ":" not in text[after:comma] and ";" not in text[after:comma]:  # "Selon X, député LaREM : «…»"
                # "Selon l'OSDH, le président syrien a quitté Damas": no comma closes
                # the role, so it is no apposition but the subject of what was said.
                after = source.span.end
            elif comma - after <= 60 and not any(c in text[after:comma] for c in "«»“”\":;"):
                after = comma
        if front and text[after : after + 1] == ",":
            next_comma = _clause_comma(text, s, after + 1)
            if next_comma < s.span.end and _modifier(text[after + 1 : next_comma]):
                after = next_comma  # "Selon le rapport annuel …, relatif à l'égalité homme-femme, …"
            content = _trim(text, after + 1, _content_end(text, s, after + 1))
            if _only_a_name(text, s, content):
                continue  # "Pour la principale association de défense du logiciel libre, l'April : «…»": its name
            rule = "marker-front"
        elif not front and word != "pour" and text[mk.start() - 2 : mk.start()].strip() in (",", "", "»", "”", '"') \
                and _blank(text, after, s.span.end, _TRAILING):
            # "…, selon X." or, the words being X's, "… «une option parmi d'autres» selon X."
            start = _clause_start(text, s, s.span.start, found)
            if text[mk.start() - 2 : mk.start()].strip() not in (",", "") \
                    and verbs.may_occur(s.words, start, mk.start()):
                continue  # "X a dénoncé «…» selon elle": the verb's claim, which the marker only echoes
            content = _trim(text, start, mk.start())
            rule = "marker-back"
        elif not front and word != "pour" and text[mk.start() - 2 : mk.start()].strip() == "," \
                and text.startswith(",", after) and not s.in_quotation(after):
            # "La ville est, selon l'OSDH, tombée aux mains des rebelles": what stands
            # around the marker, in two pieces.
            start = _clause_start(text, s, s.span.start, found)
            # In a relative or subordinate clause, the marker speaks for that clause only:
            # "le budget, qui comportait, selon lui, des « éléments d'insincérité »".
            linked = s.words.among(_RELATIVES, start, mk.start())
            comma = text.rfind(",", start, mk.start())
            if linked and "," not in text[s.words.starts[linked[-1]] : comma]:  # no clause closed between
                start = s.words.starts[linked[-1]]
            before, rest = _trim(text, start, mk.start()), _trim(text, after + 1, _content_end(text, s, after + 1))
            if before.end <= before.start or rest.end <= rest.start or found.content.overlaps(before) \
                    or found.content.overlaps(rest):
                continue
            marker = Span(mk.start("marker"), mk.end("marker"))
            found.add(Attribution("marker-incise", (before, rest), marker, lemma, source), Span(mk.start(), after + 1))
            continue
        else:
            continue
        if content.end <= content.start or found.content.overlaps(content):
            continue
        if word == "pour" and source.kind in ("group",) :
            continue
        marker = Span(mk.start("marker"), mk.end("marker"))
        found.add(Attribution(rule, (content,), marker, lemma, source), Span(mk.start(), after))


#: Words opening a relative or subordinate clause ("que" is too often "ainsi que", "rien que").
_RELATIVES = frozenset({"qui", "dont", "où", "puisque", "lorsque"})

#: How long the rest of a source's phrase after its name and apposition may be.
_SOURCE_REST = 60
#: A word every AS_SAID match holds.
_AS_WORDS = frozenset({"comme", "ainsi"})
#: Words after which a "comme l'a dit X," opens what X said: "bien que,
#: comme le rappelle HRW, « … »".
_LINKS = ("mais", "et", "or", "car", "donc", "puisque", "que", "qu'", "qu’", "si")


def _opens_clause(text: str, start: int, pos: int) -> bool:
    """Whether `pos` opens its clause, which starts at `start`: only
    spaces, commas and a link word stand between."""
    lead = text[max(start, pos - 24) : pos].rstrip(patterns.SPACE + ",")
    if not lead:
        return _blank(text, start, pos, patterns.SPACE + ",")
    low = lead.lower()
    return any(low.endswith(w) and (len(low) == len(w) or not low[-len(w) - 1].isalnum()) for w in _LINKS)


def _as_said(text: str, s: Sentence, found: _Found) -> None:
    """"Comme l'explique Stanislas Guerini, …" says what follows;
    "…, comme l'a annoncé le ministre." what comes before. The verb is a
    speech verb used in incises; "comme le montre le graphique" is none."""
    if not s.words.among(_AS_WORDS, s.span.start, s.span.end):
        return
    for m in patterns.AS_SAID.finditer(text, s.span.start, s.span.end):
        if s.in_quotation(m.start()) or found.used.holds(m.start()):
            continue
        vg = verbs.verb_group_at(text, m.end(), s.span.end, s.words)
        verb = _LEX.verbs.get(vg.lemma) if vg is not None else None
        if vg is None or vg.inverted is not None or verb is None or "incise" not in verb.uses:
            continue
        source = _subject_in(s, vg.span.end, _clause_comma(text, s, vg.span.end, vg.span.end + _INCISE_REACH))
        if source is None:
            continue
        after = _skip_apposition(text, s, source)
        start = _clause_start(text, s, s.span.start, found)
        # The rest of the source's phrase: "Stanislas Guerini, le nouveau patron du parti| majoritaire LaREM,"
        # or "François Fillon| en 2017."; a comma or a colon before a quotation ends it.
        comma = min(_clause_comma(text, s, after, after + _SOURCE_REST + 1), _content_end(text, s, after))
        if comma - after > _SOURCE_REST or any(c in text[after:comma] for c in "«»“”\":;"):
            continue
        content: tuple[Span, ...]
        if _opens_clause(text, start, m.start()) and comma < s.span.end:
            end = _content_end(text, s, comma + 1)
            nxt = _clause_comma(text, s, comma + 1, end)
            if nxt < s.span.end and (_modifier(text[comma + 1 : nxt]) or nxt == end and _modifier(text[comma + 1 : nxt], None)):
                # "Comme l'explique Coordination SUD, organisation qui fédère des ONG : « … »"
                comma, end = nxt, _content_end(text, s, nxt + 1)
            q = _quotation_from(s, comma + 1)
            if text[comma] == ":" and q is not None:
                content = q.pieces
            else:
                content = (_trim(text, comma + 1, end),)
            rule = "as-said-front"
        elif text[m.start() - 2 : m.start()].strip() == "," and comma >= s.span.end \
                and found.last_read(m.start()) is None and not _blank(text, start, m.start(), _TRAILING):
            # What the sentence says up to here, no earlier attribution's stretch in it:
            # «…», a fait valoir X, autre figure du mouvement, comme le relève le HuffPost" is no claim.
            content = (_trim(text, start, m.start()),)
            rule = "as-said-back"
        else:
            continue
        if not _says_something(text, Span(content[0].start, content[-1].end)) \
                or any(found.content.overlaps(c) for c in content):
            continue
        found.add(Attribution(rule, content, vg.span, vg.lemma, source, feminine=vg.feminine), Span(m.start(), after))


def _that_is_what(text: str, s: Sentence, found: _Found) -> None:
    """"C'est ce qu'a annoncé Éric Alan Caldwell, mercredi matin.": the
    sentence before is what the source said (Sentence.previous). "« Un choc »,
    c'est ainsi qu'il a qualifié les révélations": the quotation before is."""
    if s.previous is not None:
        _taken_up(text, s, found, s.span.start, (_trim(text, s.previous.start, s.previous.end),))
    for q in s.quotations:
        after = _skip_space(text, q.outer.end, s.span.end)
        if text.startswith(",", after) and _blank(text, _clause_start(text, s, s.span.start, found, q.outer.start),
                                                  q.outer.start) and not found.content.overlaps(q.span):
            _taken_up(text, s, found, _skip_space(text, after + 1, s.span.end), q.pieces)


def _taken_up(text: str, s: Sentence, found: _Found, pos: int, content: tuple[Span, ...]) -> None:
    """THAT_IS_WHAT at `pos` with its speech verb and source, which stands
    after the verb ("ce qu'a annoncé X") or before it ("ce que X a dit",
    "ainsi qu'il a qualifié"): `content` is what the source said."""
    m = patterns.THAT_IS_WHAT.match(text, pos, s.span.end)
    if m is None:
        return
    source: Mention | None = None
    vg = verbs.verb_group_at(text, m.end(), s.span.end, s.words)
    if vg is None:
        i = s.first_mention_from(m.end())
        source = s.mentions[i] if i < len(s.mentions) and s.mentions[i].span.start == m.end() else None
        if source is None:
            return
        vg = verbs.verb_group_at(text, _skip_space(text, source.span.end, s.span.end), s.span.end, s.words)
    if vg is None or vg.inverted is not None or bisect_left(s.breaks, vg.span.end) < len(s.breaks):
        return  # "C'est ce que disent les gouvernants : …" announces what follows
    if source is None:
        source = _subject_in(s, vg.span.end, _clause_comma(text, s, vg.span.end, vg.span.end + _INCISE_REACH))
    if source is not None and _says_something(text, Span(content[0].start, content[-1].end)):
        found.add(Attribution("that-is-what", content, vg.span, vg.lemma, source, feminine=vg.feminine),
                  Span(m.start(), max(vg.span.end, _skip_apposition(text, s, source))))


#: The first words of a main clause's verb after a relative incise: "X, selon lequel …, a été joint".
_MAIN_VERB_STARTS = frozenset(patterns.AUXILIARIES) | frozenset(patterns.BE_FORMS)


def _relative_clause_end(text: str, s: Sentence, start: int, end: int) -> int:
    """Where a relative clause from `start` ends before `end`: at a comma that
    the main clause's verb follows ("Le directeur de l'OSDH, Rami Abdel
    Rahmane, selon lequel la stratégie russe est …|, a été joint")."""
    comma = _clause_comma(text, s, start, end)
    while comma < end:
        i = s.words.at(_skip_space(text, comma + 1, end))
        if i is not None and s.words.lower[i] in _MAIN_VERB_STARTS:
            return comma
        comma = _clause_comma(text, s, comma + 1, end)
    return end


def _antecedent(text: str, s: Sentence, pos: int) -> Mention | None:
    """The source a "selon lequel" at `pos` refers to: the mention right
    before it, with at most its apposition between ("M. Abdel Rahmane,
    directeur de l'OSDH, selon lequel"); "des infractions pour lesquelles"
    and "une étude, publiée mardi, selon laquelle" name none."""
    for i in range(s.first_mention_from(pos) - 1, -1, -1):
        m = s.mentions[i]
        if m.after_preposition or m.span.end > pos:
            continue
        return m if _blank(text, _skip_apposition(text, s, m), pos, patterns.SPACE + ",") else None
    return None


def _says_something(text: str, content: Span) -> bool:
    """Whether content holds a word or a number: marks and punctuation alone say nothing."""
    return any(c.isalnum() for c in text[content.start : content.end])


def _modifier(segment: str, longest: int | None = 6) -> bool:
    """A phrase modifying a source, not reported content: it opens with a
    lower-case content word ("relatif à …", "publié mardi"), and is short
    (at most `longest` words; None: any length)."""
    words = segment.split()
    return 0 < len(words) <= (longest or len(words)) and words[0][:1].islower() \
        and words[0].lower() not in _FUNCTION_WORDS


def _clause_comma(text: str, s: Sentence, start: int, limit: int | None = None) -> int:
    """The first comma after `start` outside quotations, or the sentence end
    (read no further than `limit`, which is then returned for none)."""
    end = s.span.end if limit is None else min(limit, s.span.end)
    comma = text.find(",", start, end)
    while comma != -1 and s.in_quotation(comma):
        comma = text.find(",", comma + 1, end)
    return comma if comma != -1 else end


def _content_end(text: str, s: Sentence, start: int) -> int:
    """Where reported content from `start` ends: the sentence end, or a colon
    before a quotation ("… a précisé que … : « … »"), which is a record of
    its own."""
    i = bisect_left(s.quote_colons, start)
    end = s.quote_colons[i] if i < len(s.quote_colons) else _claim_end(text, s, start, s.span.end)
    j = bisect_left(s.contrasts, start)  # ", tandis que Y …": another speaker's clause
    return min(end, s.contrasts[j]) if j < len(s.contrasts) else end


def _claim_end(text: str, s: Sentence, start: int, end: int) -> int:
    """`end`, or where content from `start` stops at _LONGEST_CLAIM: after
    the quotation open there, else at the last space before it."""
    cap = start + _LONGEST_CLAIM
    if end <= cap:
        return end
    q = _quotation_before(s, cap)
    if q is not None and q.outer.end > cap:
        return min(q.outer.end, end)
    space = text.rfind(" ", start, cap)
    return space if space > start else cap


def _marker_lemma(word: str) -> str:
    w = word.lower().replace("’", "'")
    return "selon" if w == "selon" else "d'après" if w.startswith("d'") else "dixit" if w == "dixit" else \
        "pour" if w == "pour" else "à en croire" if w.startswith("à") else "de l'avis de"


def _skip_apposition(text: str, s: Sentence, m: Mention) -> int:
    """End of a source mention with its apposition: "X, directeur de Y", or
    "le président du conseil du CERN, Michel Spiro," (the name of the role)."""
    role = patterns.apposition_role(text, m.span.end, s.span.end)
    if role:
        return role.end()
    if m.kind in ("role", "partitive"):
        i = s.first_mention_from(m.span.end + 1)
        name = s.mentions[i] if i < len(s.mentions) else None
        if name is not None and name.kind in ("name", "titled") and _only_comma(text, m.span.end, name.span.start):
            return name.span.end
    return m.span.end


def _tail(text: str, s: Sentence, vg: verbs.VerbGroup, quoted: bool = False) -> tuple[Mention | None, int] | None:
    """After an incise verb: the speaker mention and where the incise ends.

    With inversion ("a-t-il dit") the speaker is the pronoun; otherwise the
    first mention that is not a complement ("à l'AFP") names the speaker.
    After a quotation (`quoted`), adjuncts between commas may stand before
    it ("«…», a souligné, en pleurs, X"; "a expliqué à l'AFP, X"); after
    plain text, what follows such a comma is the verb's object, the text
    before it the verb's subject ("X, porte-parole, mettait en garde, dans
    un registre complémentaire, les manifestants …").
    """
    end, pos = s.span.end, vg.span.end
    comma = text.find(",", pos, min(end, pos + _INCISE_REACH))
    if vg.inverted is not None:
        return _on_place(text, s, vg), (comma if comma != -1 else end)
    adjuncts = patterns.ADJUNCTS.match(text, pos, end)
    reach = adjuncts.end() if adjuncts else pos  # only adjuncts may stand before the speaker
    if quoted and reach > comma != -1 and text[pos:reach].strip(_COMMA_SPACE):
        comma = text.find(",", reach, min(end, reach + _INCISE_REACH))  # the adjuncts hold commas
    for i in range(s.first_mention_from(pos), len(s.mentions)):
        m = s.mentions[i]
        if (comma != -1 and m.span.start > comma) or (m.span.start > reach and not _article_between(text, reach, m.span.start)):
            break
        if m.after_preposition:
            # a complement or label the speaker may follow: "à l'AFP Jean Dupont", "l'Argentin| Juan Molina"
            reach = max(reach, _skip_space(text, m.span.end, end))
            continue
        if _disagree(text, s, vg, m.span):
            return None  # "…, invite les manifestants à …": the verb's object, not its subject
        stop = text.find(",", m.span.end, min(end, m.span.end + _INCISE_REACH))
        return m, (stop if stop != -1 else end)
    d = patterns.DESCRIPTION.match(text, adjuncts.end() if adjuncts else pos, end)
    if d is None or _disagree(text, s, vg, Span(d.start(), d.end())):
        return None  # "…, ont attaqué ce nouveau traité": an object, not the verb's subject
    plural = d.group("det").strip().lower() == "les"
    return Mention(Span(d.start("det"), d.end()), "group" if plural else "role", d.group(), head=d.group("head")), d.end()


def _on_place(text: str, s: Sentence, vg: verbs.VerbGroup) -> Mention | None:
    """After "-t-on", the place that names the unnamed speakers: "explique-t-on
    à Matignon" is Matignon speaking, "répond-on" no one."""
    if vg.inverted is None or text[vg.inverted.start : vg.inverted.end] != "on":
        return None
    place = patterns.ON_PLACE.match(text, vg.span.end, min(s.span.end, vg.span.end + _ADJUNCT_REACH))
    if place is None:
        return None
    i = s.first_mention_from(vg.span.end)
    m = s.mentions[i] if i < len(s.mentions) else None
    if m is None or m.span.start > place.end() or m.kind == "pronoun":
        return None
    # After "à", only a body or a seat of power is a place ("à Matignon", "au ministère"),
    # not whom they spoke to ("à l'AFP", "à l'Agence France-Presse").
    if place.group("among") or m.name in _SEATS:
        return m
    press = m.head is not None and m.head.split()[0].lower() in _MEDIA
    return m if m.kind == "organisation" and not press else None


#: The auxiliaries of compound tenses, and the plural ones.
_AUXILIARY_WORDS = frozenset(patterns.AUXILIARIES) | frozenset(patterns.BE_FORMS)
_PLURAL_AUXILIARIES = frozenset({"ont", "avaient", "auraient", "auront", "eurent",
                                 "sont", "étaient", "seraient", "seront", "furent"})
#: Determiners by number: what a noun phrase after an incise verb must agree with.
_PLURAL_DETERMINERS = frozenset({"les", "des", "ces", "leurs", "plusieurs", "certains", "certaines"})
_SINGULAR_DETERMINERS = frozenset({"le", "la", "l", "un", "une", "ce", "cet", "cette", "son", "sa", "leur"})


def _disagree(text: str, s: Sentence, vg: verbs.VerbGroup, phrase: Span) -> bool:
    """Whether a noun phrase after a verb group cannot be its subject: its
    determiner's number is not the verb's ("…, a dévoilé les modalités",
    "…, ont attaqué ce traité"). A name or an unknown number never disagrees,
    nor a phrase after "un"/"une" ("affirme l'un des secouristes") or before
    "et"/"ou" ("indiquent le ministre et son secrétaire d'État")."""
    det = text[phrase.start : phrase.start + 8].replace("’", "'").split(" ", 1)[0].split("'", 1)[0].lower()
    plural_np = True if det in _PLURAL_DETERMINERS else False if det in _SINGULAR_DETERMINERS else None
    if plural_np is None or _word_before(text, phrase.start) in ("un", "une", "aucun", "aucune", "chacun", "chacune") \
            or text.startswith((" et ", " ou "), phrase.end) \
            or patterns.COLLECTIVE.match(text, phrase.start + len(det) + 1, phrase.end):
        return False  # "clament une cinquantaine d'entre eux": a collective takes a plural verb
    plural_verb = _verb_plural(s, vg)
    return plural_verb is not None and plural_verb != plural_np


def _word_before(text: str, pos: int) -> str:
    """The word before `pos` (spaces skipped), lower case."""
    end = pos
    while end > 0 and text[end - 1] in patterns.SPACE:
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


def _verb_plural(s: Sentence, vg: verbs.VerbGroup) -> bool | None:
    """Whether a verb group's finite verb is plural (None: cannot tell)."""
    i = s.words.at(vg.span.start)
    if i is None:
        return None
    word = s.words.lower[i]
    if word in ("se", "s") and i + 1 < len(s.words.lower):
        word = s.words.lower[i + 1]  # "s'est dit", "se disent"
    if word in _AUXILIARY_WORDS:
        return word in _PLURAL_AUXILIARIES
    numbers = {a.plural for a in _LEX.analyse(word) if a.mood == "finite"}
    return numbers.pop() if len(numbers) == 1 else None


def _article_between(text: str, start: int, end: int) -> bool:
    """Whether only an article ("la", "l'") or nothing stands in `text[start:end]`."""
    start, end = _skip_space(text, start, end), _skip_space_back(text, start, end)
    return end - start <= 3 and text[start:end].lower() in _ARTICLES


def _subject_before(text: str, s: Sentence, pos: int) -> Mention | None:
    """The subject of a verb at `pos`: the nearest mention before it that is
    no complement, with only adverbs, an apposition, a relative clause or a
    parenthesis between ("Rami Abdel Rahmane, directeur de l'OSDH, a déclaré")."""
    for i in range(s.first_mention_from(pos) - 1, -1, -1):
        m = s.mentions[i]
        if m.span.end > pos:
            continue
        if pos - m.span.end > 200:
            return None
        if m.after_preposition or _contracted_des(text, m):
            continue
        if _subject_gap(text[m.span.end : pos]):
            return m
    return None


def _contracted_des(text: str, m: Mention) -> bool:
    """Whether a mention opens on "des" standing for "de les", after a
    lower-case word: "ministre chargé des| Collectivités territoriales", "la
    première manifestation des| gilets jaunes" are complements; "l'ensemble
    des députés", "et des chauffeurs", "Samedi, des manifestants" are subjects."""
    if not m.text[:4].lower() == "des ":
        return False
    word = _word_before(text, m.span.start)
    if not word or word in _DES_SUBJECT_AFTER:
        return False
    end = m.span.start
    while text[end - 1] in patterns.SPACE:
        end -= 1
    return text[end - len(word)].islower()  # as written: "Samedi, des …" or "Hier des …" open a subject


#: Words after which "des" opens a subject: links, and quantities of people ("la plupart des …").
_DES_SUBJECT_AFTER = frozenset({
    "et", "ou", "mais", "puis", "quand", "lorsque", "que", "qu", "où", "si", "car", "donc", "alors",
    "ensemble", "plupart", "un", "une", "majorité", "partie", "nombre", "centaines", "milliers", "dizaines",
    "moitié", "tiers", "quart", "aucun", "aucune", "chacun", "chacune", "certains", "certaines", "beaucoup", "peu",
    "tous", "toutes", "plusieurs", "autres", "parmi",
})


#: Words that join a second verb to the subject of the first.
_COORDINATORS = frozenset({"et", "mais", "puis"})


def _next_coordinated_cue(text: str, s: Sentence, cue: int, start: int, end: int) -> int:
    """Where content from `start` to `end` ends before a second speech verb
    of the subject of the cue at `cue`: "a reconnu l'importance de cette
    lutte| mais a appelé au rejet du projet", "a affirmé que …| et a ajouté
    que …". The second verb makes a record of its own (_coordinated).

    Its auxiliary must be the cue's own ("a … et a", "s'est … et s'est"): in
    "a annoncé qu'il transmettrait … et demanderait à …" the second verb is
    still what was announced."""
    words = s.words
    first = words.at(cue)
    aux = words.lower[first] if first is not None else ""
    compound = aux in patterns.AUXILIARIES or aux == "s"
    for i in words.among(_COORDINATORS, start, end):
        at = words.starts[i]
        if i + 1 >= len(words.starts) or s.in_quotation(at):
            continue
        nxt = words.lower[i + 1]
        if compound and nxt != aux or not compound and (nxt in patterns.AUXILIARIES or nxt in ("s", "se")):
            continue
        vg = verbs.verb_group_at(text, words.starts[i + 1], s.span.end, words)
        if vg is None:
            continue
        # A simple tense on both sides ("se dit « rassuré » et pense que …"): the second
        # verb must introduce what is said, as verbs of the que-clause seldom do.
        intro = None if compound else patterns.INTRODUCER.match(text, vg.span.end, s.span.end)
        if compound or intro is not None and (intro.group("que") or intro.group("colon")):
            return at
    return end


def _coordinated(text: str, s: Sentence, pos: int) -> bool:
    """Whether the verb at `pos` follows "et" / "mais" (a second verb of one subject)."""
    before = text[max(s.span.start, pos - 8) : pos].split()
    return bool(before) and before[-1].lower() in ("et", "mais", "puis")


def _subject_gap(gap: str) -> bool:
    """What may separate a subject from its verb."""
    g = gap.strip(patterns.SPACE)
    if not g:
        return True
    if g.startswith(",") and g.endswith(","):  # ", directeur de l'OSDH," or ", qui …,"
        relative = g[1:].split(None, 1)[:1] in (["qui"], ["dont"], ["que"], ["qu'"])
        return len(g) < 160 and (relative or not any(c in g for c in "«»“”\""))
    if g.startswith("(") and g.endswith(")"):
        return True
    words = g.replace(",", " ").split()
    return len(words) <= 3 and all(w.lower() in _ADVERBS for w in words)


_FUNCTION_WORDS = frozenset(_LEX.words("function_words"))
#: How far an incise may run to its comma ("…, a déclaré X, président de …,"):
#: further, it runs to the end of its sentence. Real incises are far shorter;
#: the bound keeps each incise's reading short in text without commas.
_INCISE_REACH = 500
#: What may stand between an incise verb and its speaker's name: "a dit la CGT".
_ARTICLES = frozenset({"", "l'", "l’", "la", "le", "les"})
#: Words that may stand between a subject and its verb besides adverbs.
_ADVERBS = frozenset(_LEX.words("incise_adverbs")) | {"ne", "n'", "lui", "elle", "donc"}


#: Nouns of people (roles.tsv, one word, and their plural in -s).
_PERSON_NOUNS = frozenset(w for role in _LEX.roles() if " " not in role for w in (role.lower(), role.lower() + "s"))


def _object_ok(text: str, content: Span, s: Sentence, verb: lexicon.Verb) -> bool:
    """A direct-object claim ("a annoncé deux réunions") needs a real object:
    not a pronoun, not a bare name, and some length. After a verb that is
    often no speech, not a person either: "l'Hexagone rappelle l'un de ses
    ambassadeurs", "a relevé le préfet de ses fonctions"."""
    words = text[content.start : content.end].split()
    i = bisect_left(s.quote_starts, content.start)
    has_quote = i < len(s.quote_starts) and s.quote_starts[i] < content.end
    if verb.ambiguous and any(w.lower().split("'")[-1].split("’")[-1] in _PERSON_NOUNS for w in words[:4]):
        return False
    return has_quote or len(words) >= 4


def _attribution(rule: str, vg: verbs.VerbGroup, content: tuple[Span, ...], mention: Mention | None) -> Attribution:
    if vg.inverted:
        rule += "-inversion"
    return Attribution(rule, content, vg.span, vg.lemma, mention, pronoun=vg.inverted, feminine=vg.feminine)


def _incise(text: str, pos: int, end: int, words: Words) -> verbs.VerbGroup | None:
    """A verb group opening a postposed incise at `pos` ("», a-t-il dit")."""
    if not verbs.may_follow(words, pos):
        return None  # most commas: no verb after them, no pattern tried
    lead = patterns.INCISE_LEAD.match(text, pos, end)
    return verbs.verb_group_at(text, lead.end(), end, words) if lead else None


def _inner_mentions(text: str, start: int, end: int, words: Words) -> list[Mention]:
    """Mentions in an incise inside a quotation (mentions in quotations are
    otherwise not read: they are the speaker's words)."""
    return find_mentions(text, [Span(start, end)], words)


def _inner_incise(text: str, piece: Span, words: Words) -> tuple[verbs.VerbGroup, int, int] | None:
    """An inverted incise inside a quotation, «A, a-t-il dit, B»: the verb
    group, where A ends and where B starts."""
    comma = text.find(",", piece.start, piece.end)
    while comma != -1:
        vg = _incise(text, comma, piece.end, words)
        if vg is not None:
            stop = patterns.INCISE_END.search(text, vg.span.end, min(piece.end, vg.span.end + 80))
            if stop is not None:
                return vg, comma, _incise_resume(text, stop, piece.end)
        comma = text.find(",", comma + 1, piece.end)
    return None


def _incise_resume(text: str, stop: regex.Match[str], end: int) -> int:
    """Where the quotation resumes after an incise ending at `stop` (an
    INCISE_END match): after it, or, when the speaker's apposition and
    adjuncts close the incise with a full stop, after that («A, explique
    M. Dupont, ancien chef d'entreprise, à nos confrères. B»)."""
    if not stop.group().startswith(","):
        return stop.end()
    pos = stop.start()
    while True:
        role = patterns.apposition_role(text, pos, end)
        adjuncts = patterns.ADJUNCTS.match(text, pos, min(end, pos + _ADJUNCT_REACH)) if role is None else None
        reach = role.end() if role else adjuncts.end() if adjuncts else pos
        if reach <= pos + 1:
            return stop.end()
        pos = _skip_space_back(text, pos, reach)
        close = patterns.INCISE_END.match(text, pos, end)
        if close is None:
            return stop.end()
        if not close.group().startswith(","):
            return close.end()


def _quotation_content(text: str, q: Quotation, s: Sentence, tail_end: int,
                       incises: Sequence[verbs.VerbGroup | None]) -> tuple[Span, ...]:
    """A quotation's pieces, plus a second quotation right after the incise:
    «A», a-t-il dit, «B» (unless «B» has an incise of its own: «B», a ajouté X;
    `incises`: each of the sentence's quotations' own)."""
    pieces = list(q.pieces)
    if text.startswith(",", tail_end, s.span.end):
        i = bisect_left(s.quote_starts, tail_end)
        nxt = s.quotations[i] if i < len(s.quotations) else None
        if nxt is not None and _skip_space(text, tail_end + 1, nxt.outer.start) >= nxt.outer.start \
                and incises[i] is None:
            pieces.extend(nxt.pieces)
    return tuple(pieces)


def _split(a: Attribution, q: Quotation, pieces: tuple[Span, ...]) -> Attribution:
    if q.pieces[-1] in a.content:
        i = a.content.index(q.pieces[-1])
        new = (*a.content[:i], *pieces[len(q.pieces) - 1 :], *a.content[i + 1 :])
        return Attribution(a.rule, new, a.cue, a.lemma, a.mention, a.pronoun, a.antecedent)
    return a


def _clause_start(text: str, s: Sentence, default: int, found: _Found, before: int | None = None) -> int:
    """Where content ending before `before` may begin: the sentence start, or
    after an earlier attribution or a colon ("… publics : « … », déclare X")."""
    limit = s.span.end if before is None else before
    last = found.last_read(limit)
    start = default
    if last is not None:
        # After its speaker too ("«A», a indiqué M. Dupont, et «B»"), unless that runs past `limit`.
        cue_end, read_to = last
        start = max(default, read_to if read_to <= limit else cue_end)
    i = bisect_left(s.breaks, limit) - 1  # the last break before `limit`
    return s.breaks[i] + 1 if i >= 0 and s.breaks[i] >= start else start


#: What may join a quotation to the attribution before it: "…, a indiqué M. Dupont, et «…»".
_QUOTE_LINKS = frozenset({"et", "mais", "puis"})


def _only_a_link(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds at most one of _QUOTE_LINKS besides
    spaces and commas (a stretch of a dozen characters at most is read)."""
    if end - start > 12:
        return False
    words = text[start:end].replace(",", " ").split()
    return not words or (len(words) == 1 and words[0].lower() in _QUOTE_LINKS)


def _blank(text: str, start: int, end: int, chars: str = patterns.SPACE + "–—-:") -> bool:
    """Whether `text[start:end]` holds only `chars`; reads no further than
    the first other character (the stretch can be the rest of a long sentence)."""
    while start < end and text[start] in chars:
        start += 1
    return start >= end


def _only_comma(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a comma, maybe with spaces around it."""
    start, end = _skip_space(text, start, end), _skip_space_back(text, start, end)
    return end - start == 1 and text[start] == ","


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _skip_space_back(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _quotation_from(s: Sentence, pos: int) -> Quotation | None:
    """The sentence's first quotation opening at or after `pos`."""
    i = bisect_left(s.quote_starts, pos)
    return s.quotations[i] if i < len(s.quotations) else None


def _only_a_name(text: str, s: Sentence, content: Span) -> bool:
    """Whether `content` is one name or acronym, maybe after "l'", and nothing else."""
    i = s.first_mention_from(content.start)
    if i == len(s.mentions):
        return False
    m = s.mentions[i]
    return m.kind in ("name", "acronym") and m.span.end == content.end \
        and text[content.start : m.span.start] in ("", "l'", "l’", "L'", "L’")


def _quotation_next(text: str, s: Sentence, pos: int) -> bool:
    """Whether a quotation opens at `pos`, after spaces: "X, ajoute le politologue, « … »" goes on in it
    (after a name, a comma followed by words may open an apposition instead)."""
    q = _quotation_from(s, pos)
    return q is not None and _blank(text, pos, q.outer.start, patterns.SPACE)


def _quotation_before(s: Sentence, pos: int) -> Quotation | None:
    """The sentence's last quotation opening before `pos`."""
    i = bisect_left(s.quote_starts, pos)
    return s.quotations[i - 1] if i else None


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _TRAILING:
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end)
