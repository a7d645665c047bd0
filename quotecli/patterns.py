"""Every regular expression quotecli uses, named and commented.

Patterns are VERBOSE and built with the `regex` module, which takes word
lists straight into a pattern as named lists (`\\L<verbs>`); the lists come
from the data files through `quotecli.lexicon`. Quantifiers that could meet
each other are possessive or bounded, so no pattern backtracks
catastrophically: each is tested on adversarial text in tests/test_patterns.py.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable

import regex

from quotecli import lexicon, pattern_cache

_FLAGS = regex.VERBOSE | regex.VERSION1

# --------------------------------------------------------------------------
# Layout

#: A line's content: the characters between two line breaks (LF, CR or CRLF).
LINE = regex.compile(r"[^\r\n]++")

#: A line break (CRLF, LF or CR), for line numbers.
NEWLINE = regex.compile(r"\r\n|\n|\r")

#: Abbreviations whose full stop ends no sentence (titles, initials, "p.").
_ABBREVIATIONS = r"""
    (?<! \m (?: M | MM | Mme | Mmes | Mlle | Me | Dr | Pr | Mgr | St | Ste | av | cf
             | etc | ex | p | n | no | art | al | vol | Jr | Sr | Cie | \p{Lu} ) )
"""

#: A sentence end: final punctuation (maybe with closing marks or a bracket)
#: followed by space and a capital, a digit or an opening mark; or, where a
#: scrape glued a heading to the next paragraph ("à 13 heures.Griveaux
#: invite …"), a full stop between a lower-case word and a capitalised one.
SENTENCE_END = regex.compile(
    r"""
    (?P<end> """
    + _ABBREVIATIONS
    + r"""
        (?: [.!?…] | \.\.\. )
        (?: [ \t\u00a0\u2009\u202f]?+ [»”"’)\]] ){0,3}  # not possessive: ‘. "Cela’ opens a quotation
    )
    (?: \s++ | (?<= \p{Ll} \p{Ll} [.!?] ) (?= \p{Lu} \p{Ll} ) )
    (?P<next> (?= [\p{Lu}\d«“"¿¡—–-] ) )
    """,
    _FLAGS,
)

# --------------------------------------------------------------------------
# Quotation marks

#: Every character that can open or close a quotation.
QUOTE_MARK = regex.compile(r'[«»“”„"]')

#: Space inside a line, as typography sets it around marks and before ":;!?":
#: plain, tab, no-break, thin, narrow no-break. (A mark is glued to its
#: word by any of them; one stage that forgot the thin space made a claim of
#: "» Ici, non plus la motivation …".)
SPACE = " \t\u00a0\u2009\u202f"

# --------------------------------------------------------------------------
# Building blocks, spliced into the patterns below as text

_LEX = lexicon.load()


def _variants(words: Iterable[str]) -> list[str]:
    """Each entry as written and with the other apostrophe (' and ’)."""
    out = set()
    for w in words:
        out.add(w)
        out.add(w.replace("'", "’"))
    return sorted(out)


def _plurals(words: frozenset[str]) -> set[str]:
    """Each noun and its plural in -s ("fédération", "fédérations")."""
    return set(words) | {w + "s" for w in words if " " not in w and not w.endswith(("s", "x", "z"))}


_LISTS = {
    "function_words": _variants(_LEX.words("function_words")),
    "prepositions": _variants(_LEX.words("prepositions")),
    "adverbs": _variants(_LEX.words("incise_adverbs")),
    "roles": _variants(_LEX.roles()),
    "organisations": _variants(_plurals(_LEX.words("organisation_heads"))),
    # the group nouns, and the plural of every one-word role: "les manifestantes", "l'une des administratrices"
    "groups": _variants(_LEX.words("group_nouns") | (_plurals(frozenset(_LEX.roles())) - set(_LEX.roles()))),
    "documents": _variants(_LEX.words("document_nouns")),
    "adjectives": _variants(_plurals(_LEX.words("demonyms") | _LEX.words("role_adjectives"))),
    "titles": _variants(_LEX.titles()),
    "numbered_names": _variants(_LEX.words("numbered_names")),
    "media": _variants(_LEX.words("media_nouns")),
    "subordinators": _variants(_LEX.words("subordinators")),
    "infinitive_nouns": _variants(_LEX.words("infinitive_nouns")),
    "measures": _variants(_LEX.words("measure_nouns")),
}



def _trie(words: Iterable[str]) -> str:
    """A word list as one alternation shaped like a trie: "dé(?:clar(?:e|é)|…)".

    The regex module's named lists (\\L<name>) cost time in proportion to
    their length wherever they are tried; a trie branches one character at a
    time, so a list of thousands costs little more than a word.

    Where a word ends inside a longer one ("ministre", "ministres"), the
    longer reading is one branch of an alternation whose last branch is
    empty, "(?:s|)", never an optional group "(?:s)?": the two read the same,
    but each "?" is a repeat, and the regex module's cost per call grows with
    the number of repeats in a pattern, match or not (the 4,000 "?" the tries
    put in MENTION cost it 4 microseconds a call).
    """
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [regex.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + "|)"
        return body

    return "(?:" + emit(root) + ")"


_TRIES = {name: _trie(words) for name, words in _LISTS.items()}


def _compile(pattern: str) -> regex.Pattern[str]:
    """Compile a VERBOSE pattern, its named lists (\\L<name>) spliced in as tries."""
    for name, trie in _TRIES.items():
        pattern = pattern.replace(f"\\L<{name}>", trie)
    return pattern_cache.compile(pattern, _FLAGS)  # the largest take most of a second to compile


#: An apostrophe, straight or curly.
_APOS = r"['’]"
#: A hyphen as French news types it (ASCII or non-breaking).
_HYPHEN = r"[-\u2011]"
#: Horizontal space, no-break spaces included.
_SP = r"[^\S\r\n]"

#: One word of a proper name: "Hollande", "Jean-Marie", "al-Assad", "Abou".
_NAME_WORD = r"""
    (?: (?: al | el | ad | as | ben | bin | ibn | abu | abou | ould ) [-\u2011] )?+
    \p{Lu} [\p{L}\p{M}]++ (?: [-\u2011'’] \p{Lu}? [\p{L}\p{M}]++ )*+
"""
#: Lower-case particles inside a name, one or two: "Charles de Gaulle", "Ursula von der Leyen".
_PARTICLE = r"(?: d['’] | (?: de | van | von | der | den | di | da | dos | del | della | ter | ten | zu ) \b )"
#: A proper name of one to five words, not starting with a function word
#: ("Dans", "Selon"); "Le Figaro", "La Poste", "Le Pen" keep their article.
NAME = rf"""
    \L<numbered_names> (?! [\p{{L}}\p{{M}}\d] )  # "France 2", "TF1" (data/fr/numbered_names.txt)
  | (?: (?: Le | La | Les ) {_SP}++ | L['’] | (?: \p{{Lu}} \. {_SP}*+ ){{1,2}}+ (?= \p{{Lu}} \p{{Ll}} ) )?+
    (?! (?i: \L<function_words> ) \b ) {_NAME_WORD}
    (?: (?: {_SP}++ {_PARTICLE} (?: {_SP}++ {_PARTICLE} )?+ {_SP}*+ | {_SP}++ ) {_NAME_WORD} ){{0,4}}+
"""
#: An acronym: "OSDH", "SUD-PTT", "CNIL", "ČTK".
ACRONYM = r"\b \p{Lu}{2,}+ (?: [-&] \p{Lu}++ )*+ \b (?! [-\u2011'’] )"
#: A paragraph that links to another article ("» LIRE AUSSI - …", "Lire aussi
#: Gilets jaunes : …", "À VOIR AUSSI"): page furniture, none of its words the
#: article's own.
SEE_ALSO = _compile(
    r"\G [\s»«•>\-–—]*+ (?: [ÀàA] \s++ )?+ (?i: lire | voir ) \s++ (?i: aussi | également ) \b"
)
#: A collective noun after a singular determiner, which takes a plural verb:
#: "clament une cinquantaine d'entre eux", "ont dit la plupart".
COLLECTIVE = _compile(
    r"\G \s*+ (?i: dizaine | vingtaine | trentaine | quarantaine | cinquantaine | centaine | millier | majorité"
    r" | partie | plupart | poignée | foule | multitude ) s?+ \b"
)
#: "de " or "d'" opening a name: what a participle before it governs
#: ("Partant de Haute-Savoie", "Militant d'Attac"), a complement.
LEADING_DE = regex.compile(r"(?:de[ \u00a0]|d['’])(?=\p{Lu})")
#: A Roman numeral from II to XXXIX ("l'acte VIII", "Louis XIV"), which ACRONYM also reads.
ROMAN_NUMERAL = regex.compile(r"X{0,3}+(?:IX|IV|V?+I{0,3}+)")


# --------------------------------------------------------------------------
# Mentions: how a text names a person or a body

#: A determiner opening a noun phrase; elided ones carry no space after.
_DET = rf"""
    (?i: (?: l['’] | d['’](?:anciens|anciennes|autres) {_SP}++ )
       | (?: le | la | les | un | une | des | du | son | sa | ses | leur | leurs | ce | cet | cette
           | ces | notre | votre | plusieurs | certains | certaines | quelques | nombre{_SP}++de
           | de{_SP}++nombreux | de{_SP}++nombreuses | deux | trois | aux | au ) {_SP}++ )
"""
#: Adjectives before a role: "le nouveau premier ministre", "le même chercheur".
_PRE_ADJ = r"(?i: même | dernier | dernière | récent | récente | nouveau | nouvelle | nouvel | ancien | ancienne | ex- | futur | future | actuel | actuelle | vice- | jeune | haut | haute | premier | première | principal | principale )"
#: A word that can follow a preposition in a role complement ("de la Santé").
_COMPLEMENT_WORD = r"""
    (?! (?i: \L<function_words> ) \b )
    [\p{L}\p{M}] [\p{L}\p{M}'’\-\u2011]*+
"""
#: A complement of a role or body: "de la Santé", "des Affaires étrangères",
#: "de l'AFP à Alep", "du Quai d'Orsay", "à l'économie", "des anciens
#: détenus". One word, its adjectives and maybe one before it: a following
#: proper name is the holder's ("ministre de la Santé Roman Prymula"), not
#: part of the complement.
_COMPLEMENT = rf"""
    {_SP}++
    (?: (?: (?i: de{_SP}++la{_SP}++ | de{_SP}++l['’] | des{_SP}++ | du{_SP}++ | de{_SP}++ | d['’]
               | (?: à{_SP}++la{_SP}++ | à{_SP}++l['’] ) (?! \L<media> \b ) )
            (?: {_PRE_ADJ} [sx]?+ {_SP}++ (?= \p{{Ll}} ) )?+ {_COMPLEMENT_WORD}
          | (?: aux | au ) {_SP}++ (?= \p{{Lu}} ) (?! (?i: \L<media> ) \b ) {_COMPLEMENT_WORD} )
        (?: {_SP}++ \L<adjectives> \b ){{0,2}}+
      | (?: à | en ) {_SP}++ (?! (?i: \L<media> ) \b ) \p{{Lu}} [\p{{L}}\p{{M}}\-\u2011]*+
    )
"""
#: A noun phrase naming a role, a body or a group, maybe with a name:
#: "le président syrien Bachar al-Assad", "l'Observatoire syrien des droits
#: de l'Homme (OSDH)", "le correspondant de l'AFP à Alep", "les secouristes".
_NOUN_PHRASE = rf"""
    (?P<det> {_DET} )
    (?: {_PRE_ADJ} [sx]?+ \b {_SP}*+ )?+  # the boundary: possessive, "ancien" would stop "l'ancienne ministre"
    (?: (?P<role> (?i: \L<roles> ) ) | (?P<organisation> (?i: \L<organisations> ) ) | (?P<group> (?i: \L<groups> ) )
      | (?P<document> (?i: \L<documents> ) ) )
    \b (?! [-\u2011] )
    (?: {_SP}++ (?i: \L<adjectives> ) \b ){{0,3}}+
    (?(group) (?: {_SP}++ \p{{Ll}} \p{{L}}{{0,24}}? (?: és | ées ) \b )?+ )
    (?: {_COMPLEMENT} ){{0,3}}+
    (?(role) (?: {_SP}++ et {_SP}++ (?i: \L<roles> ) \b (?: {_COMPLEMENT} ){{0,3}}+ )?+ )
    (?: {_SP}*+ \( {_SP}*+ (?P<np_acronym> {ACRONYM} ) {_SP}*+ \) )?+
    (?: {_SP}++ (?P<np_name> {NAME} ) )?+
"""
#: Some people of a kind: "certains wikipédiens", "plusieurs témoins".
_SOME = rf"""
    (?P<some_det> (?i: certains | certaines | plusieurs | quelques | de{_SP}++nombreux | de{_SP}++nombreuses
                     | nombre{_SP}++de | d['’]autres | d['’]anciens | d['’]anciennes ) ) {_SP}*+
    (?! (?i: \L<measures> ) \b )  # "quelques jours plus tard"
    (?P<some_head> \p{{Ll}} [\p{{L}}\p{{M}}\-]{{0,30}}? [sx] ) \b
    (?: {_SP}++ \L<adjectives> \b ){{0,2}}+
"""
#: "l'un d'eux", "l'une d'entre elles", "l'un des deux porte-parole, Joe
#: Incandela": resolved through the apposition that follows (without one,
#: "l'un des secouristes" is read as the group, "des secouristes").
_PARTITIVE = rf"""(?i: l['’]une?+ {_SP}++ ) (?: (?i: d['’] (?: eux | elles | entre {_SP}++ (?: eux | elles ) ) ) \b
                                       | (?i: des {_SP}++ (?: (?: deux | trois | quatre | cinq ) {_SP}++ )?+
                                              (?: \L<roles> | \L<groups> ) (?: s | x )?+ ) \b
                                         (?= {_SP}*+ , {_SP}*+ \p{{Lu}} ) )"""

#: A proper name or an acronym: "Bachar al-Assad", "l'OSDH", "Amnesty International (AI)".
_PROPER = rf"""
    (?: l['’] )?+ (?P<acronym> {ACRONYM} )
  | (?P<name> {NAME} ) (?: {_SP}*+ \( {_SP}*+ (?P<name_acronym> {ACRONYM} ) {_SP}*+ \) )?+
"""

#: Any mention of a possible source, the longest reading first.
MENTION = _compile(
    rf"""
    (?P<np> {_NOUN_PHRASE} )
  | (?P<partitive> {_PARTITIVE} )
  | (?P<some> {_SOME} )
  | (?P<titled> (?P<title> \L<titles> ) (?: (?<= \. ) {_SP}*+ | {_SP}++ ) (?P<title_name> {NAME} ) )
  | {_PROPER}
  | \b (?P<pronoun> (?i: il | elle | ils | elles | lui | eux | celui-ci | celle-ci | ce{_SP}++dernier | cette{_SP}++dernière ) ) \b
    """
)
#: Where a complement inside a noun phrase opens with a singular determiner
#: MENTION reads: "du président", "de la ministre", "de l'ambassadeur". A name
#: right after a role there is that role's holder ("l'aviation du président
#: syrien Bachar al-Assad"); after a plural ("le chef de file des Insoumis
#: Jean-Luc Mélenchon") it is the head's, so "des" is not one.
COMPLEMENT_DETERMINER = regex.compile(
    r"(?<= \s ) du (?= \s ) | (?<= \s de \s ) (?: la (?= \s ) | l['’] )", _FLAGS | regex.IGNORECASE)
#: MENTION where only a name or an acronym can start: at a capitalised word
#: that opens no determiner, title or pronoun. The same reading for a
#: fraction of the cost (the regex module's cost per call grows with the pattern).
PROPER_MENTION = _compile(_PROPER)

# --------------------------------------------------------------------------
# Attribution verbs: shapes only; the forms are looked up in verbs.py

#: Third-person forms of avoir used as auxiliary.
AUXILIARIES = ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "eurent")
#: Third-person forms of être, the auxiliary of pronominal verbs.
BE_FORMS = ("est", "sont", "était", "étaient", "serait", "seraient", "sera", "seront", "fut", "furent")

#: A word: letters and combining marks, no apostrophe or hyphen.
WORD = regex.compile(r"[\p{L}\p{M}]++")
_W = r"[\p{L}\p{M}]++"
#: Subject-verb inversion after a verb: "-t-il", "-elle", "-ils", "-t-on".
_INV = r"(?: [-\u2011] (?: t [-\u2011] )?+ (?P<inv> il | elle | on | ils | elles ) \b )?+"

#: A verb group's shape: a first word (a verb or an auxiliary), an optional
#: inversion, and up to seven more words (adverbs, a participle, the rest of
#: a multiword verb), looked up in verbs.py.
VG_WORDS = regex.compile(
    rf"""
    \G (?P<w> {_W} ) (?! ['’] ) {_INV}
    (?: {_SP}++ (?P<w> {_W} ) (?! ['’\-\u2011] ) ){{0,7}}+
    """,
    _FLAGS,
)
#: The same after "se" / "s'": "s'est-il félicité", "se dit", "s'interroge-t-il".
VG_PRONOMINAL = regex.compile(
    rf"""
    \G (?i: se {_SP}++ | s['’] ) (?P<w> {_W} ) (?! ['’] ) {_INV}
    (?: {_SP}++ (?P<w> {_W} ) (?! ['’\-\u2011] ) ){{0,7}}+
    """,
    _FLAGS,
)
#: What leads from reported content to a postposed incise: "», " or ", ".
#: An object pronoun may come first: "», lui avait dit X", "», nous a confié X".
INCISE_LEAD = regex.compile(
    rf"\G {_SP}*+ (?: [,–—] {_SP}*+ )?+ (?: (?: lui | leur | nous | vous | me | te ) {_SP}++ | [mt]['’] )?+",
    _FLAGS,
)

#: What may stand between a verb and the content it introduces:
#: time words, "à l'AFP", "dans un communiqué", ", au contraire,".
#: The determiner that opens a prepositional adjunct: "à l'AFP", "dans un communiqué".
_ADJUNCT_DET = rf"(?: la | le | les | l['’] | un | une | ce | cet | cette | son | sa | ses | leur | leurs | nos | notre | vos | votre | d['’]une | d['’]un ) {_SP}*+"
#: Before a direct object, an adjunct's noun phrase ends where the next one
#: begins: "a rappelé aux policiers| les règles qui …", "a annoncé à la
#: presse| des mesures". (Before "que", it may hold one: "déclare en recevant
#: la coupe que …".)
_NOT_A_DETERMINER = r"(?! (?: le | la | les | un | une | des | du | ces | ses | leurs ) \b | l['’] )"


def _adjunct(word_guard: str = "") -> str:
    """Adjuncts between a verb and what it introduces: "vendredi", "à
    l'AFP", "dans un communiqué"; each of their words passes `word_guard`."""
    return rf"""
    (?: {_SP}*+ ,? {_SP}*+
        (?: (?: (?: à | dans | devant | sur | auprès{_SP}++(?: de | du | des | d['’] ) | pour | depuis | après | dès | par | lors{_SP}++de | lors{_SP}++d['’] )
                {_SP}*+ (?: {_ADJUNCT_DET} | (?= \p{{Lu}} ) )
              | (?: au | aux | en | au{_SP}++contraire ) \b (?! ['’] ) )
            (?: {_SP}*+ (?! (?: que | qu['’] ) \b ) (?! [\p{{L}}]++ant \b ) {word_guard} [\p{{L}}\p{{M}}\d'’\-]++ ){{1,4}}+
          | \L<adverbs> \b
          | (?i: ce | cette ) {_SP}++ \L<adverbs> \b
          | (?: matin | soir | après-midi ) \b
          | d['’]une {_SP}++ (?: façon | manière ) {_SP}++ [\p{{L}}\p{{M}}]++
          | de {_SP}++ (?: façon | manière ) {_SP}++ [\p{{L}}\p{{M}}]++  # "de façon précise", "de manière claire"
        )
    ){{0,4}}+ {_SP}*+ ,?+ {_SP}*+
"""


_ADJUNCT = _adjunct()

#: Adjuncts alone, skipped before an incise's speaker ("a déclaré vendredi à l'AFP X").
ADJUNCTS = _compile(rf"\G {_ADJUNCT}")
#: Adjuncts alone, skipped before a direct-object claim ("a annoncé vendredi …"),
#: none running into the object.
OBJECT_ADJUNCTS = _compile(rf"\G {_adjunct(_NOT_A_DETERMINER)}")

#: How an infinitive clause starts: a negation, or a verb in -er (not -ier:
#: "son passé de banquier"), -ir, -oir or -re (not after a clitic: "de
#: l'ordre" is a noun). After an object it tells "a appelé les Tchèques à
#: rester" and "a accusé l'Élysée de vouloir …" from "a demandé l'arrêt de
#: toute action" (a noun's complement); "le choix d'attaquer" is a noun's
#: complement too (data/fr/infinitive_nouns.txt).
_INFINITIVE_START = r"""(?: ne \b | n['’]
                          | \p{Ll}[\p{L}\p{M}]*+ (?<= [^i]er | ir | oir | re ) \b
                          | (?: (?: se | les? | la | lui | leur | y | en ) \s++ | [sl]['’] )
                            \p{Ll}[\p{L}\p{M}]*+ (?<= [^i]er | ir | oir ) \b )"""

#: Right after a preposed verb: what introduces the content.
INTRODUCER = _compile(
    rf"""
    \G {_ADJUNCT}
    (?: (?P<colon> (?: que {_SP}*+ )? : ) {_SP}*+
      | (?P<que> que \b | qu['’] )
      | (?= [«“"] )
      | (?P<object> (?: les | la | le | l['’] | ses | son | sa | leurs | leur | ces | tous{_SP}++les ) {_SP}*+
                    (?P<noun_de> (?= (?i: \L<infinitive_nouns> ) s?+ \b ) )?+
                    [\p{{L}}\p{{M}}\-]++ (?: {_SP}++ (?! (?: à | de ) \b | d['’] ) [\p{{L}}\p{{M}}\-]++ )?+ {_SP}++ )?+
        (?P<infinitive> (?(object) (?(noun_de) à \b | (?: (?: à | de ) \b | d['’] ) ) (?= {_SP}*+ {_INFINITIVE_START} )
                                 | (?: (?: à | de ) \b | d['’] ) (?= {_SP}*+ \p{{Ll}} ) ) )
    )
    """
)

#: Right after a verb of saying, a bare infinitive ("a dit vouloir …",
#: "affirme avoir …", "racontent avoir vu …"), maybe after adjuncts; no
#: function word ("notre", "entre") and no noun of time ("soir").
BARE_INFINITIVE = _compile(
    rf"""
    \G {_ADJUNCT}
    (?= ne \b | n['’] | (?! (?i: \L<function_words> | soir | autre | lettre | naguère | guère | encore | ensemble ) \b ) {_INFINITIVE_START} )
    """
)

#: A sentence that opens on a subordinate clause: "Alors que X a affirmé que …,
#: le gouvernement …" (data/fr/subordinators.txt).
FRONTED_SUBORDINATE = _compile(
    rf"\G (?i: {_TRIES['subordinators']} ) (?: (?<= ['’] ) | \b ) (?! {_SP}++ bien {_SP}++ que )"  # "Si bien que": a consequence
)

#: A sentence that opens on a clause whose nouns are not the main clause's
#: subject: a subordinate ("Quand Sieyès écrit …, il poursuit"), an
#: infinitive ("Avant de quitter les artisans, Emmanuel Macron …") or a
#: gerund ("En recevant les syndicats, le ministre …"), maybe after "Mais",
#: "Et" or an adverb ("Par ailleurs, avant de …"). The main clause starts
#: after the comma that closes it.
FRONTED_CLAUSE = _compile(
    rf"""
    \G (?: (?i: mais | et | or | puis | \L<adverbs> ) {_SP}*+ ,?+ {_SP}*+ )?+
    (?: (?i: {_TRIES['subordinators']} ) (?: (?<= ['’] ) | \b ) (?! {_SP}++ bien {_SP}++ que )
      | (?i: avant {_SP}++ d['’] | avant {_SP}++ de \b | après {_SP}++ (?: avoir | être ) \b | afin {_SP}++ d['’]
           | afin {_SP}++ de \b | sans {_SP}++ (?: avoir | être ) \b )
      | (?i: en ) {_SP}++ \p{{Ll}} [\p{{L}}\p{{M}}]{{2,20}}? ant \b )
    """
)

# --------------------------------------------------------------------------
# Source markers: "selon X", "d'après X", "pour X", "à en croire X"

#: A marker opening a clause, before its source.
MARKER = _compile(
    rf"""
    (?<! [\p{{L}}\p{{M}}] )
    (?P<marker> (?i: selon | d['’]après | à {_SP}++ en {_SP}++ croire | de {_SP}++ l['’]avis {_SP}++ de | pour | dixit ) )
    {_SP}++
    """
)
#: "comme l'a annoncé X", "ainsi que le rappelle X": an incise naming its
#: source after its speech verb, which starts where the match ends.
AS_SAID = _compile(
    rf"""
    (?<! [\p{{L}}\p{{M}}] )
    (?i: comme | ainsi {_SP}++ que ) {_SP}++ (?i: l['’] | le {_SP}++ )
    """
)
#: "C'est ce qu'a annoncé X", "C'est en tout cas ce que souligne X", "c'est
#: ainsi qu'il a qualifié": what gives the source of the sentence or the
#: quotation before; the speech verb, or its subject, starts where the match ends.
THAT_IS_WHAT = _compile(
    rf"""
    \G (?i: c['’]est | c['’]était | voilà )
    (?: {_SP}++ (?i: en {_SP}++ tout {_SP}++ cas | du {_SP}++ moins | en {_SP}++ effet | précisément | justement
                   | notamment | aussi | également | exactement | très {_SP}++ exactement ) )?+
    {_SP}++ (?: (?: tout {_SP}++ )?+ ce | ainsi ) {_SP}++ (?: qu['’] | que {_SP}++ )
    """
)
#: "selon lequel …": the source is the mention before it.
MARKER_RELATIVE = _compile(
    rf"(?: , {_SP}*+ )?+ (?<! [\p{{L}}\p{{M}}] ) (?P<marker> selon | d['’]après | pour ) {_SP}++"
    rf" (?: lequel | laquelle | lesquels | lesquelles | qui ) \b {_SP}*+ ,?+ {_SP}*+"
)
#: First-person and legal complements of selon that name no source.
NOT_A_SOURCE = _compile(
    rf"(?i: moi | nous | la{_SP}++loi | les{_SP}++cas | le{_SP}++cas | les{_SP}++termes | certains ) \b"
)

#: After "-t-on": where the unnamed speakers work, which names them
#: ("explique-t-on à Matignon", "précise-t-on au ministère de l'Intérieur",
#: "confirme-t-on du côté de Rexecode", "déplorait-on au sein du ministère").
#: After "à" it may be whom they spoke to ("a-t-on déclaré à l'AFP"): group
#: `among` marks the prepositions that only say where they are.
ON_PLACE = _compile(
    rf"""
    \G {_SP}*+ (?: (?: ainsi | encore | déjà | alors | aussi | également | d['’]ailleurs ) {_SP}++ )?+
    (?: (?P<among> (?: du{_SP}++côté | au{_SP}++sein ) {_SP}++ (?: de{_SP}++la{_SP}++ | de{_SP}++ | d['’] | du{_SP}++ | des{_SP}++ )
                 | chez{_SP}++ )
      | à{_SP}++la{_SP}++ | à{_SP}++l['’] | à{_SP}++ | au{_SP}++ | aux{_SP}++ )
    (?= \p{{L}} )
    """
)

#: After a quotation, the agent of a passive: "qualifié de « … »| par |un dirigeant".
PASSIVE_AGENT = _compile(rf"\G {_SP}*+ par {_SP}++")

#: A noun the lexicon does not know, between a source marker and a name:
#: "selon la| sémiologue |Marie-France Chambat-Houillon" (one or two lower-case
#: words, none a function word: "selon le site de| Paul Dupont" names a site).
UNLISTED_ROLE = _compile(
    rf"""
    (?: (?i: le | la ) {_SP}++ | l['’] )
    (?: (?! (?i: \L<function_words> ) \b ) \p{{Ll}} [\p{{L}}\p{{M}}\-]*+ {_SP}++ ){{1,2}}+
    """
)

#: A role phrase: "directeur de l'OSDH", "un infirmier libéral".
_ROLE_PHRASE = rf"""
    (?P<role_phrase>
        (?: {_DET} )?+ (?: {_PRE_ADJ} [sx]?+ \b {_SP}*+ )?+
        (?i: \L<roles> ) \b (?! [-\u2011] )
        (?: {_SP}++ (?i: \L<adjectives> ) \b ){{0,3}}+
        (?: {_COMPLEMENT} ){{0,3}}+
        (?: {_SP}*+ \( {_SP}*+ {ACRONYM} {_SP}*+ \) )?+
    )
"""
#: A role in apposition after a name: "Rami Abdel Rahmane, directeur de l'OSDH".
APPOSITION_ROLE = _compile(rf"\G {_SP}*+ , {_SP}*+ {_ROLE_PHRASE}")
#: A role a name is said to hold: "Alain Faugeron est infirmier libéral",
#: "Jean Dupont était le maire de la ville".
COPULA_ROLE = _compile(rf"\G {_SP}++ (?: est | était ) {_SP}++ {_ROLE_PHRASE} (?= {_SP}*+ [,.;:!?…)] | {_SP}++ (?: à | au | dans | en | depuis | et ) \b )")
#: How far an APPOSITION_ROLE match may read. The pattern requires a comma
#: after a variable start, and the regex module looks for such a required
#: character across all the text it is given before trying the pattern:
#: given the rest of a document, each call would cost the document's length.
APPOSITION_REACH = 400


def apposition_role(text: str, pos: int, end: int | None = None) -> regex.Match[str] | None:
    """APPOSITION_ROLE at `pos`, reading at most APPOSITION_REACH characters.

    Most names are followed by no comma: that is checked first, in Python,
    which costs far less than a call of this large pattern."""
    end = min(len(text) if end is None else end, pos + APPOSITION_REACH)
    i = pos
    while i < end and text[i].isspace() and text[i] not in "\r\n":
        i += 1
    if i >= end or text[i] != ",":
        return None
    return APPOSITION_ROLE.match(text, pos, end)


def copula_role(text: str, pos: int) -> regex.Match[str] | None:
    """COPULA_ROLE at `pos` (a name's end), reading at most APPOSITION_REACH
    characters; most names are followed by no "est", checked first in Python."""
    if not text.startswith((" est ", " était "), pos):
        return None
    return COPULA_ROLE.match(text, pos, min(len(text), pos + APPOSITION_REACH))

#: Where an incise inside a quotation ends: «A, a-t-il dit, B» / «A, dit-il. B»;
#: not at the full stop of a title or an initial («A, explique M. Dupont. B»).
INCISE_END = regex.compile(
    r"(?: [,!?…] | (?<! \m (?: M | MM | Mme | Mlle | Me | Dr | Pr | Mgr | \p{Lu} ) ) \. ) [ \t\u00a0\u2009\u202f]*+",
    regex.VERBOSE)

#: A comma that may open a postposed incise after plain content.
INCISE_COMMA = regex.compile(r",")

#: A speaker described in words no list knows, ending an incise:
#: "ajoute le politique letton." (a determiner and at most five words).
DESCRIPTION = _compile(
    rf"""
    \G {_SP}*+
    (?P<det> (?i: le | la | les | un | une | ce | cette | cet ) {_SP}++ | l['’] )
    (?P<head> (?! (?i: \L<function_words> ) \b ) [\p{{L}}\p{{M}}'’\-]++ (?: {_SP}++ [\p{{L}}\p{{M}}'’\-]++ ){{0,4}}? )
    (?= {_SP}*+ (?: [,.;:!?…)] | $ ) )
    """
)

# --------------------------------------------------------------------------
# Scraped HTML: what quotecli.reading reads as the characters it stands for

#: HTML elements that lay text out in blocks: opening or closing one ends a
#: paragraph ("</p><p>", "<br>", "<li>"). Any other element is inline.
_BLOCK_TAG = r"""
    (?i: address | article | aside | blockquote | body | br | caption | center | dd | details | dialog | div
       | dl | dt | fieldset | figcaption | figure | footer | form | h[1-6] | head | header | hgroup | hr | html
       | li | main | nav | ol | p | pre | section | summary | table | tbody | td | tfoot | th | thead | title
       | tr | ul )
"""
#: A tag of the well-formed shape only: "<", maybe "/", a name starting with a
#: letter, attributes with no "<" or ">" (bounded), ">". So "a < b", "<3" and
#: a lone "<" stay text. Each try stops at the next "<": the scan stays linear.
_TAG = rf"""
    < /?+
    (?: (?P<block> {_BLOCK_TAG} ) | [A-Za-z] [A-Za-z0-9-]{{0,30}}+ ) (?= [\s/>] )
    [^<>]{{0,1000}}+ >
"""
#: A character reference with its semicolon: "&laquo;", "&#171;", "&#xAB;".
#: Whether a name stands for anything is for html.entities to say.
_ENTITY = r"""
    & (?: \# (?P<decimal> [0-9]{1,7}+ ) | \# [xX] (?P<hex> [0-9a-fA-F]{1,6}+ ) | (?P<named> [A-Za-z] [A-Za-z0-9]{1,31}+ ) ) ;
"""

#: The opening of what holds no text at all: a comment ("<!--"), a script or
#: a style sheet ("<script …>"); quotecli.reading finds where each ends.
_NO_TEXT = r"(?P<comment> <!-- ) | < (?P<raw> (?i: script | style ) ) (?= [\s/>] ) [^<>]{0,1000}+ >"

#: What scraped pages leave in a text: a comment, script or style sheet, a
#: tag, a character reference, or a run of U+FEFF (files glued together, each
#: with its byte-order mark).
LEFTOVER = regex.compile(
    rf"{_NO_TEXT} | (?P<tag> {_TAG} ) | (?P<entity> {_ENTITY} ) | (?P<bom> \ufeff++ )", _FLAGS)

#: The end of a script or a style sheet: "</script>", "</STYLE >".
RAW_TEXT_END = regex.compile(r"< / (?P<name> (?i: script | style ) ) \s*+ >", _FLAGS)

# Compiling leaves the regex module's parser objects in reference cycles, and
# they have a destructor: collected later, at whatever moment the collector
# chooses, a Ctrl-C landing in one is lost ("Exception ignored in …"). Collect
# them now, once, while the patterns are built.
gc.collect()
