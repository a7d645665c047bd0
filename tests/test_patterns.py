"""Every named pattern of quotecli/patterns.py: an example that matches, one that does not.

The EXAMPLES table holds, for each public compiled pattern (and for the NAME
and ACRONYM building blocks, through MENTION), texts and what the pattern
gives on them: the text of a group, or None for no match. A test fails when
patterns.py gains a public pattern without examples here. Patterns must not
backtrack catastrophically: each is run on long adversarial text.
"""
from __future__ import annotations

import time
from typing import NamedTuple

import pytest
import regex

from quotecli import patterns


class Ex(NamedTuple):
    """`getattr(patterns, pattern).<how>(text)` gives `expected` in `group` (None: no match)."""

    name: str  # the table key: a pattern name, or NAME / ACRONYM (tried through MENTION)
    text: str
    expected: str | None
    group: int | str = 0
    how: str = "search"  # "search", or "match" for \G-anchored and start-anchored patterns
    pattern: str | None = None  # the attribute to use, when not `name`

    @property
    def positive(self) -> bool:
        return bool(self.expected)


EXAMPLES = [
    # layout
    Ex("LINE", "Première ligne\r\nDeuxième ligne", "Première ligne"),
    Ex("LINE", "\r\n\n\r", None),
    Ex("NEWLINE", "Alep\r\nLausanne", "\r\n"),
    Ex("NEWLINE", "une seule ligne", None),
    Ex("SENTENCE_END", "Il est parti. Le ministre a réagi.", ".", "end"),
    Ex("SENTENCE_END", "«C'est fini.» Le ministre a réagi.", ".»", "end"),
    Ex("SENTENCE_END", "Cependant, M. Lavrov s'est montré sceptique", None),  # abbreviation
    Ex("SENTENCE_END", "la mort de plus de 300.000 personnes", None),  # no space after the stop
    Ex("SENTENCE_END", "eu lieu à 13 heures.Griveaux invite Macron", ".", "end"),  # a heading glued by the scrape
    Ex("SENTENCE_END", "sur le site lemonde.fr hier", None),
    # quotation marks
    Ex("QUOTE_MARK", "a rappelé les «exigences» de la France", "«"),
    Ex("QUOTE_MARK", "Qualifié de \"gourou de la majorité\"", '"'),
    Ex("QUOTE_MARK", "a rappelé les exigences de la France", None),
    # mentions, and the NAME and ACRONYM blocks inside them
    Ex("MENTION", "le président syrien Bachar al-Assad a déclaré", "Bachar al-Assad", "np_name", "match"),
    Ex("MENTION", "le correspondant de l'AFP à Alep, les Casques", "le correspondant de l'AFP à Alep", 0, "match"),
    Ex("MENTION", "Les témoignages des anciens détenus rapportent", "Les témoignages des anciens détenus", 0, "match"),
    Ex("MENTION", "un proche du premier ministre a tranché", "un proche du premier ministre", 0, "match"),
    Ex("MENTION", "M. Abdel Rahmane a souligné", "Abdel Rahmane", "title_name", "match"),
    Ex("MENTION", "l'un d'eux, Ibrahim Abou Laith", "l'un d'eux", "partitive", "match"),
    Ex("MENTION", "L'un des deux porte-parole, Joe Incandela", "L'un des deux porte-parole", "partitive", "match"),
    Ex("MENTION", "l'un des secouristes, bonnet rouge", None, "partitive", "match"),
    Ex("MENTION", "il a lancé", "il", "pronoun", "match"),
    Ex("MENTION", "Dans le quartier-Est", None, 0, "match"),  # a capitalised function word
    Ex("MENTION", "selon lequel la stratégie", None, 0, "match"),
    Ex("NAME", "Rami Abdel Rahmane, directeur", "Rami Abdel Rahmane", "name", "match", "MENTION"),
    Ex("NAME", "Charles de Gaulle a dit", "Charles de Gaulle", "name", "match", "MENTION"),
    Ex("NAME", "Ursula von der Leyen a dit", "Ursula von der Leyen", "name", "match", "MENTION"),
    Ex("NAME", "France 24 le ministre", "France 24", "name", "match", "MENTION"),
    Ex("NAME", "Réunion 1ère, les blocages", "Réunion 1ère", "name", "match", "MENTION"),
    Ex("NAME", "France 2018", "France", "name", "match", "MENTION"),
    Ex("NAME", "Pour Jan Hamáček, cette attitude", None, "name", "match", "MENTION"),
    Ex("ACRONYM", "l'OSDH a indiqué", "OSDH", "acronym", "match", "MENTION"),
    Ex("PROPER_MENTION", "Amnesty International (AI) a dénoncé", "AI", "name_acronym", "match"),
    Ex("PROPER_MENTION", "Dans le quartier-Est", None, 0, "match"),
    Ex("ACRONYM", "SUD-PTT a relevé", "SUD-PTT", "acronym", "match", "MENTION"),
    Ex("ACRONYM", "l'Observatoire syrien des droits de l'Homme (OSDH)", "OSDH", "np_acronym", "match", "MENTION"),
    Ex("ACRONYM", "Osdh a indiqué", None, "acronym", "match", "MENTION"),
    Ex("WORD", "l'AFP", "l"),
    Ex("WORD", " ,;: 2016 (…) ", None),
    # verb groups
    Ex("VG_WORDS", "a-t-il lancé lors d'une visite", "a-t-il lancé lors", 0, "match"),
    Ex("VG_WORDS", "confie-t-il.", "il", "inv", "match"),
    Ex("VG_WORDS", "«Je n'attends rien»", None, 0, "match"),
    Ex("VG_PRONOMINAL", "s'est-il félicité.", "s'est-il félicité", 0, "match"),
    Ex("VG_PRONOMINAL", "se dit prêt", "se dit prêt", 0, "match"),
    Ex("VG_PRONOMINAL", "a dit", None, 0, "match"),
    # what leads to an incise, and what follows a preposed verb
    Ex("INCISE_LEAD", ", lui avait dit Christian Jacob", ", lui ", 0, "match"),
    Ex("INCISE_LEAD", ", a-t-il lancé", ", ", 0, "match"),
    Ex("INCISE_LEAD", "et il a dit", "", 0, "match"),  # matches nothing: no lead here
    Ex("ADJUNCTS", " vendredi à l'AFP que", " vendredi à l'AFP ", 0, "match"),
    Ex("ADJUNCTS", " dans un communiqué, qu'il", " dans un communiqué, ", 0, "match"),
    Ex("ADJUNCTS", " de façon précise qu'il", " de façon précise ", 0, "match"),
    Ex("OBJECT_ADJUNCTS", " auprès du Figaro la préfecture", " auprès du Figaro ", 0, "match"),
    Ex("ADJUNCTS", "deux réunions internationales", "", 0, "match"),  # an object is no adjunct
    Ex("OBJECT_ADJUNCTS", " aux policiers les règles", " aux policiers ", 0, "match"),
    Ex("OBJECT_ADJUNCTS", " vendredi à la presse des mesures", " vendredi à la presse ", 0, "match"),
    Ex("OBJECT_ADJUNCTS", "deux réunions internationales", "", 0, "match"),
    Ex("INTRODUCER", " que sa prochaine cible", "que", "que", "match"),
    Ex("INTRODUCER", " vendredi à l'AFP qu'il", "qu'", "que", "match"),
    Ex("INTRODUCER", " : « Au Mali »", ":", "colon", "match"),
    Ex("INTRODUCER", " à voter pour Barack Obama", "à", "infinitive", "match"),
    Ex("INTRODUCER", " la découverte d'une particule", None, 0, "match"),
    Ex("INTRODUCER", " les Tchèques à rester chez eux", "à", "infinitive", "match"),
    Ex("INTRODUCER", " l'arrêt de toute action", None, 0, "match"),
    Ex("INTRODUCER", " le choix d'attaquer l'État", None, 0, "match"),
    Ex("INTRODUCER", " des délégués sur le plateau", None, 0, "match"),  # "des" is no "de"
    Ex("INTRODUCER", " depuis longtemps", None, 0, "match"),  # nor "depuis"
    Ex("INTRODUCER", " les gens desormais", None, 0, "match"),
    # source markers
    Ex("MARKER", "Selon le correspondant de l'AFP", "Selon", "marker"),
    Ex("MARKER", "D'après V. Sapounov, le Kouzbass", "D'après", "marker"),
    Ex("MARKER", "à en croire le ministre", "à en croire", "marker"),
    Ex("MARKER", "», dixit Éric Drouet", "dixit", "marker"),
    Ex("MARKER", "la consélection des élus", None),
    Ex("THAT_IS_WHAT", "C’est ce qu’a annoncé Éric Alan Caldwell", "C’est ce qu’", 0, "match"),
    Ex("THAT_IS_WHAT", "C'est en tout cas ce que souligne Richard Ferrand", "C'est en tout cas ce que ", 0, "match"),
    Ex("THAT_IS_WHAT", "C'est ici que se trouve", None, 0, "match"),
    Ex("THAT_IS_WHAT", "c'est ainsi qu'il a qualifié", "c'est ainsi qu'", 0, "match"),
    Ex("AS_SAID", "bien que, comme le rappelle HRW, « la Russie »", "comme le "),
    Ex("AS_SAID", "ainsi que l’avait suggéré François Fillon", "ainsi que l’"),
    Ex("AS_SAID", "comme les autres", None),
    Ex("AS_SAID", "Commerce l'a dit", None),
    Ex("SEE_ALSO", "» LIRE AUSSI - «Gilets jaunes»", "» LIRE AUSSI", 0, "match"),
    Ex("SEE_ALSO", "Lire aussi\u00a0Gilets jaunes", "Lire aussi", 0, "match"),
    Ex("SEE_ALSO", "À VOIR AUSSI - Les images", "À VOIR AUSSI", 0, "match"),
    Ex("SEE_ALSO", "Voir la vidéo", None, 0, "match"),
    Ex("COLLECTIVE", " cinquantaine d'entre eux", " cinquantaine", 0, "match"),
    Ex("COLLECTIVE", " ministre", None, 0, "match"),
    Ex("LEADING_DE", "de Haute-Savoie", "de ", 0, "match"),
    Ex("LEADING_DE", "d’Attac", "d’", 0, "match"),
    Ex("LEADING_DE", "de la Loire", None, 0, "match"),
    Ex("LEADING_DE", "Dupont", None, 0, "match"),
    Ex("ROMAN_NUMERAL", "VIII", "VIII", 0, "fullmatch"),
    Ex("ROMAN_NUMERAL", "XIV", "XIV", 0, "fullmatch"),
    Ex("ROMAN_NUMERAL", "CGT", None, 0, "fullmatch"),
    # after a name: "Alain Faugeron| est infirmier libéral dans les environs"
    Ex("COPULA_ROLE", " est infirmier libéral dans les environs", " est infirmier libéral", 0, "match"),
    Ex("COPULA_ROLE", " était le maire de Lyon.", " était le maire de Lyon", 0, "match"),
    Ex("COPULA_ROLE", " est parti.", None, 0, "match"),
    Ex("COPULA_ROLE", " est ministre des Finances depuis mai", " est ministre des Finances", 0, "match"),
    Ex("COPULA_ROLE", " est ministre des choses", None, 0, "match"),
    Ex("FRONTED_CLAUSE", "Si Emmanuel Macron a répondu, d'autres", "Si", 0, "match"),
    Ex("FRONTED_CLAUSE", "Par ailleurs, avant de quitter les artisans", "Par ailleurs, avant de", 0, "match"),
    Ex("FRONTED_CLAUSE", "En recevant les syndicats, le ministre", "En recevant", 0, "match"),
    Ex("FRONTED_CLAUSE", "En France, le ministre", None, 0, "match"),
    Ex("FRONTED_CLAUSE", "Pour Jean Dupont, le ministre", None, 0, "match"),
    Ex("FRONTED_SUBORDINATE", "Alors que Roman Prymula avait affirmé", "Alors que", 0, "match"),
    Ex("FRONTED_SUBORDINATE", "Lorsqu’on leur propose", "Lorsqu’", 0, "match"),
    Ex("FRONTED_SUBORDINATE", "Si, le 22 novembre, Manuel Bompard", "Si", 0, "match"),
    Ex("FRONTED_SUBORDINATE", "Si bien que le chef de l'État", None, 0, "match"),
    Ex("FRONTED_SUBORDINATE", "Sinon, le gouvernement", None, 0, "match"),
    Ex("MARKER_RELATIVE", "M. Abdel Rahmane, selon lequel la stratégie russe", "selon", "marker"),
    Ex("MARKER_RELATIVE", "Selon le correspondant de l'AFP", None),
    Ex("BARE_INFINITIVE", " avoir vu plusieurs personnes", " ", 0, "match"),
    Ex("BARE_INFINITIVE", " ne pas connaître cet homme", " ", 0, "match"),
    Ex("BARE_INFINITIVE", " notre pays", None, 0, "match"),
    Ex("BARE_INFINITIVE", " naguère que", None, 0, "match"),
    Ex("PASSIVE_AGENT", " par un dirigeant de LREM", " par ", 0, "match"),
    Ex("PASSIVE_AGENT", " parmi les élus", None, 0, "match"),
    Ex("ON_PLACE", " à Matignon.", " à ", 0, "match"),
    Ex("ON_PLACE", " encore au ministère.", " encore au ", 0, "match"),
    Ex("ON_PLACE", " du côté de Rexecode.", "du côté de ", "among", "match"),
    Ex("ON_PLACE", " laconiquement.", None, 0, "match"),
    Ex("UNLISTED_ROLE", "la sémiologue ", "la sémiologue ", 0, "fullmatch"),
    Ex("UNLISTED_ROLE", "l'ancienne chroniqueuse ", "l'ancienne chroniqueuse ", 0, "fullmatch"),
    Ex("UNLISTED_ROLE", "le site de ", None, 0, "fullmatch"),  # "selon le site de Paul Dupont": a site's
    Ex("UNLISTED_ROLE", "le ", None, 0, "fullmatch"),
    Ex("NOT_A_SOURCE", "moi, la situation est grave", "moi", 0, "match"),
    Ex("NOT_A_SOURCE", "la loi, le maire doit", "la loi", 0, "match"),
    Ex("NOT_A_SOURCE", "les cas, la peine", "les cas", 0, "match"),
    Ex("NOT_A_SOURCE", "l'OSDH, plus de 370 personnes", None, 0, "match"),
    Ex("NOT_A_SOURCE", "moins de cent morts", None, 0, "match"),
    # speakers after the verb
    Ex("APPOSITION_ROLE", ", directeur de l'Observatoire syrien des droits de l'Homme (OSDH), qui",
       "directeur de l'Observatoire syrien des droits de l'Homme (OSDH)", "role_phrase", "match"),
    Ex("APPOSITION_ROLE", ", qui n'était pas en mesure", None, 0, "match"),
    Ex("DESCRIPTION", " le politique letton.", "politique letton", "head", "match"),
    Ex("DESCRIPTION", " dans la nuit.", None, 0, "match"),
    Ex("INCISE_END", "Nous allons renforcer les effectifs, a-t-il dit, et nous", ", "),
    Ex("INCISE_END", "a-t-il dit sans", None),
    Ex("INCISE_END", "explique M. Dupont, et", ", "),
    Ex("INCISE_END", "explique J. Dupont, et", ", "),
    Ex("INCISE_COMMA", "Les forces du régime ont avancé, a indiqué l'OSDH", ","),
    Ex("INCISE_COMMA", "Les forces du régime ont avancé", None),
    Ex("COMPLEMENT_DETERMINER", "l'aviation du président syrien", "du"),
    Ex("COMPLEMENT_DETERMINER", "la porte-parole de la ministre", "la"),
    Ex("COMPLEMENT_DETERMINER", "le conseiller de l'ambassadeur", "l'"),
    Ex("COMPLEMENT_DETERMINER", "le chef de file des Insoumis", None),
    Ex("COMPLEMENT_DETERMINER", "du pain", None),
    # scraped HTML leftovers (quotecli.reading)
    Ex("LEFTOVER", "arrivé.</p><p>« Oui »", "p", "block"),
    Ex("LEFTOVER", "<BR/>", "BR", "block"),
    Ex("LEFTOVER", "a dit <b>Jean</b>", "<b>", "tag"),
    Ex("LEFTOVER", "<param name=x>", "<param name=x>", "tag"),  # "p" then more letters: not <p>
    Ex("LEFTOVER", "<pre>", "pre", "block"),
    Ex("LEFTOVER", '<a href="/a?b=1&amp;c=2">', '<a href="/a?b=1&amp;c=2">', "tag"),  # its &amp; is the tag's
    Ex("LEFTOVER", "&laquo;&nbsp;Oui", "laquo", "named"),
    Ex("LEFTOVER", "&#171;Oui", "171", "decimal"),
    Ex("LEFTOVER", "&#xAB;Oui", "AB", "hex"),
    Ex("LEFTOVER", "arrivé.\ufeff\ufeff« Oui", "\ufeff\ufeff", "bom"),
    Ex("LEFTOVER", "si a < b et b > c", None),  # no letter after "<"
    Ex("LEFTOVER", "<3 et <", None),
    Ex("LEFTOVER", "<p et rien", None),  # never closed
    Ex("LEFTOVER", "AT&T, R&D, &#; &x;", None),  # no name of two letters, no digits, no semicolon
    Ex("LEFTOVER", "a dit <!-- pub --> que", "<!--", "comment"),
    Ex("LEFTOVER", '<script type="text/javascript">var a;', "script", "raw"),
    Ex("LEFTOVER", "<scripts>", "<scripts>", "tag"),  # another element
    Ex("RAW_TEXT_END", "var a;</SCRIPT >« Oui »", "SCRIPT", "name"),
    Ex("RAW_TEXT_END", "a </scripts> b", None),
]


def public_patterns() -> dict[str, regex.Pattern[str]]:
    return {k: v for k, v in vars(patterns).items() if isinstance(v, regex.Pattern) and not k.startswith("_")}


def run(ex: Ex) -> str | None:
    pattern = getattr(patterns, ex.pattern or ex.name)
    m = getattr(pattern, ex.how)(ex.text)
    return None if m is None else m.group(ex.group)


@pytest.mark.parametrize("ex", EXAMPLES, ids=[f"{e.name}:{e.text[:30]}" for e in EXAMPLES])
def test_example(ex: Ex) -> None:
    assert run(ex) == ex.expected


def test_every_public_pattern_has_examples() -> None:
    missing = set(public_patterns()) - {e.name for e in EXAMPLES}
    assert not missing, f"patterns without an example in tests/test_patterns.py: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted({e.name for e in EXAMPLES}))
def test_every_pattern_has_a_match_and_a_miss(name: str) -> None:
    kinds = {e.positive for e in EXAMPLES if e.name == name}
    assert kinds == {True, False}, f"{name} needs an example that matches and one that does not"


def test_examples_name_real_patterns() -> None:
    known = set(public_patterns()) | {"NAME", "ACRONYM"}
    assert {e.name for e in EXAMPLES} <= known
    assert isinstance(patterns.NAME, str) and isinstance(patterns.ACRONYM, str)  # building blocks, spliced as text


# --------------------------------------------------------------------------
# No catastrophic backtracking

ADVERSARIAL = ["a", "A", "Jean-", "Jean ", "Jean de ", "de la ", ", ", " ", "\u00a0", "\u202f", "«", "a-t-il ",
               "le président ", "M. ", "à l'AFP ", ". ", ".", "l'", "A. ", "al-", "(OSDH ", "que ", ", selon ",
               "Selon le ", "l'un d'eux, ", "le ministre de la Santé ", "<", "<a ", "</p", "&", "&#1", "&laquo",
               "\ufeff"]


@pytest.mark.parametrize("name", sorted(public_patterns()))
def test_pattern_is_fast_on_adversarial_text(name: str) -> None:
    pattern = public_patterns()[name]
    for unit in ADVERSARIAL:
        text = unit * (3000 // len(unit))
        start = time.perf_counter()
        list(pattern.finditer(text))
        for pos in range(0, len(text), 97):
            pattern.match(text, pos)
        assert time.perf_counter() - start < 0.5, (name, unit)


QUADRATIC: dict[str, str] = {}  # patterns known to be quadratic on a run of spaces, with why


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=QUADRATIC[n])) if n in QUADRATIC else n
    for n in sorted(public_patterns())])
def test_pattern_search_is_linear_on_a_run_of_spaces(name: str) -> None:
    pattern = public_patterns()[name]
    text = "Il a dit" + " \u00a0\u202f" * 5400 + "que oui."
    start = time.perf_counter()
    list(pattern.finditer(text))
    assert time.perf_counter() - start < 0.2, name


@pytest.mark.parametrize("text", [
    "<a " + "mot " * 250_000,  # a tag never closed: tried once, up to 1,000 characters
    ("<a " + "b" * 990) * 1000,  # tags never closed, each just inside the bound
    "&#" + "1" * 1_000_000,
    "&a" + "b" * 1_000_000,
    "<!-- <script> a " * 60_000,
], ids=["unclosed-tag", "unclosed-tags", "long-number", "long-name", "unclosed-comments-and-scripts"])
def test_leftover_scan_is_linear(text: str) -> None:
    start = time.perf_counter()
    list(patterns.LEFTOVER.finditer(text))
    assert time.perf_counter() - start < 0.5

@pytest.mark.parametrize(("text", "role"), [
    ("Rami Abdel Rahmane, directeur de l'OSDH, a dit", "directeur de l'OSDH"),
    ("Jean Dupont, qui a dit", None),
    ("Jean Dupont a dit", None),
])
def test_apposition_role_in_a_window_reads_as_the_whole_pattern(text: str, role: str | None) -> None:
    pos = text.index(" a dit") if "," not in text else text.index(",")
    whole = patterns.APPOSITION_ROLE.match(text, pos)
    windowed = patterns.apposition_role(text, pos)
    assert (whole and whole.group("role_phrase")) == (windowed and windowed.group("role_phrase")) == role


def test_apposition_role_reads_no_further_than_its_reach() -> None:
    far = "Jean Dupont" + " " * patterns.APPOSITION_REACH + ", directeur de l'OSDH"
    assert patterns.APPOSITION_ROLE.match(far, 11) is not None  # the whole pattern would read that far
    assert patterns.apposition_role(far, 11) is None


def test_a_trie_reads_its_words_longest_first_without_optional_groups() -> None:
    words = ["ministre", "ministres", "mini", "maire", "à"]
    trie = patterns._trie(words)
    assert ")?" not in trie  # a word ending inside a longer one is an empty branch, not an optional group
    pattern = regex.compile(trie)
    assert all(pattern.fullmatch(word) for word in words)
    assert pattern.match("ministres de").group() == "ministres"
    assert pattern.match("minis").group() == "mini"
    assert not pattern.fullmatch("minist") and not pattern.match("maître")
