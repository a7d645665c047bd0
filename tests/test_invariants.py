"""Properties every extraction keeps, whatever the text (hypothesis).

Over arbitrary Unicode, over soups of the pieces quotations are made of, over
long runs of hostile pieces, and over real articles (the seed, and the dev
texts when ../shared is there) with quotation marks inserted, deleted and
swapped, paragraphs joined, swapped and repeated, scraped noise (HTML tags
and entities, U+FEFF, U+00A0, U+202F, U+2019) and CRLF line endings:
`extract()` never raises, every offset is in range and slices back to the
string it stands for, the record is consistent with its fragments, the
output is sorted and deterministic (in one process and across processes with
other hash seeds), and no two records of one type share a fragment. French
typography and CRLF find what the ASCII, LF text finds, offsets shifted by
the CRs.

Examples are derandomized (the same ones on every run, as CI needs);
QUOTECLI_FUZZ=1 draws new ones. The engine bugs these properties found, in
CI or in such random runs, are pinned below as tests of their own.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli import extract
from quotecli.model import FIELDS, Record

SEED = (ROOT / "seeds" / "000_f9f8e09316241945.txt").read_text(encoding="utf-8")
#: Real articles to mutate: the seed, and the dev texts of the shared data folder when it is beside the repository.
ARTICLES = [SEED, *(p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "eval" / "dev" / "texts").glob("*.txt")))]
MARKS = "«»“”\""
SETTINGS = settings(max_examples=150, deadline=None, derandomize=os.environ.get("QUOTECLI_FUZZ") is None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check(text: str, whole_words: bool = False) -> list[Record]:
    """Assert every invariant of `extract(text)`; return the records.

    With `whole_words` (text made of real words, not of pieces glued
    together), no fragment, speaker mention or cue starts or ends inside a
    word: "invite de[s délégués]" was a claim once."""
    records = extract(text)
    n = len(text)
    for r in records:
        d = r.to_dict()
        if whole_words:
            bounds = [*r.fragments, *(s for s in (r.speaker and r.speaker.mention, r.cue and r.cue.span) if s)]
            assert not any(_inside_a_word(text, p) for b in bounds for p in (b.start, b.end)), d
        assert list(d) == list(FIELDS)
        assert d["type"] in ("direct", "mixed", "indirect")
        frags = [(f["start"], f["end"]) for f in d["fragments"]]
        assert frags, d
        for start, end in [*frags, (d["quote_start"], d["quote_end"])]:
            assert 0 <= start <= end <= n, d
        assert frags == sorted(frags) and all(a[1] <= b[0] for a, b in zip(frags, frags[1:], strict=False)), d
        if d["type"] == "mixed":
            assert d["quote"] == text[d["quote_start"] : d["quote_end"]], d
            assert all(d["quote_start"] <= s and e <= d["quote_end"] for s, e in frags), d
        else:
            assert d["quote"] == " ".join(text[s:e] for s, e in frags), d
            assert (d["quote_start"], d["quote_end"]) == (frags[0][0], frags[-1][1]), d
        # the speaker mention and the cue slice back to what the record says
        if d["speaker_start"] is None:
            assert d["speaker_end"] is None and d["speaker_mention"] is None, d
        else:
            assert 0 <= d["speaker_start"] <= d["speaker_end"] <= n, d
            assert text[d["speaker_start"] : d["speaker_end"]] == d["speaker_mention"], d
        if d["cue_start"] is None:
            assert d["cue_end"] is None and d["cue"] is None and d["cue_lemma"] is None, d
        else:
            assert 0 <= d["cue_start"] <= d["cue_end"] <= n, d
            assert text[d["cue_start"] : d["cue_end"]] == d["cue"], d
        if d["speaker_kind"] is None:  # no speaker at all: every speaker key is null
            assert all(d[k] is None for k in FIELDS if k.startswith("speaker")), d
        # line: 1-based, LF, CR and CRLF each ending a line
        assert d["line"] == len(re.split(r"\r\n|\r|\n", text[: d["quote_start"]])), d
        assert all(isinstance(f, str) for f in d["flags"]), d
    # sorted, and no two records of one type share a fragment
    starts = [r.span.start for r in records]
    assert starts == sorted(starts)
    for i, a in enumerate(records):
        for b in records[i + 1 :]:
            if a.type is b.type:
                assert not any(f.overlaps(g) for f in a.fragments for g in b.fragments), (a.quote, b.quote)
    # same input, same output
    assert [r.to_dict() for r in extract(text)] == [r.to_dict() for r in records]
    return records


def _inside_a_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalpha() and text[pos].isalpha()


# --------------------------------------------------------------------------
# Strategies

#: Pieces French news quotations are made of, to build texts that reach every rule.
PIECES = [
    "«", "»", "“", "”", '"', "« ", " »", ", ", ". ", " : ", ":", "; ", " (", ") ", "\n", "\n\n", "\r\n", "\r",
    "\u00a0", "\u202f", " – ", "…", "!", "?", "-",
    "Je n'attends rien", "Il y a une grande escalade", "la stratégie russe", "les forces du régime ont avancé",
    " a-t-il lancé", " a-t-elle estimé", " confie-t-il", " s'est-il félicité", " a déclaré", " a souligné",
    " a indiqué à l'AFP", " lui avait dit", " a annoncé", " a rappelé", " s'est dite prête à", " s'est dit",
    " estimant que ", " que ", " qu'", " selon ", "Selon ", " d'après ", "D'après ", "Pour ", " pour ",
    " selon lequel ", " selon moi", "selon la loi", "M. ", "Mme ", "M. Abdel Rahmane", "Rami Abdel Rahmane",
    "Ibrahim Abou Laith", "l'un d'eux, ", "Sergueï Lavrov", "Bachar al-Assad", "le président syrien",
    "Le président syrien", "l'Observatoire syrien des droits de l'Homme (OSDH)", "l'OSDH", "OSDH", "le Kremlin",
    "les secouristes", "Les Casques blancs", "directeur de l'OSDH", "il", "elle", "ils", "Il", "Elle", "on",
    "le correspondant de l'AFP à Alep", "Jean Dupont", "Marie Dupont", "la ministre", "le ministre",
]
soups = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """The seed with marks inserted, deleted and swapped; maybe paragraphs joined, maybe CRLF."""
    chars = list(SEED)
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "delete", "swap"]))
        marks = [i for i, c in enumerate(chars) if c in MARKS]
        if op == "insert":
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(["«", "»", "“", "”", '"', "« ", " »"])))
        elif marks and op == "delete":
            del chars[draw(st.sampled_from(marks))]
        elif marks:
            chars[draw(st.sampled_from(marks))] = draw(st.sampled_from(MARKS))
    text = "".join(chars)
    joins = draw(st.integers(0, 12))
    if joins:
        text = text.replace("\n\n", draw(st.sampled_from([" ", "\n"])), joins)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


#: What scraped pages leave in the text: HTML tags and entities, invisible and typographic characters, line ends.
NOISE = [
    "<p>", "</p>", "<br>", "<br/>", "<em>", "</em>", '<a href="https://example.org/a?b=1&amp;c=2">', "</a>",
    "&laquo;", "&raquo;", "&laquo;&nbsp;", "&nbsp;&raquo;", "&nbsp;", "&amp;", "&quot;", "&#171;", "&#187;", "&#8217;",
    "\ufeff", "\u00a0", "\u202f", "\u2019", "\u200b", "\u00ad", "\u2028", "\t", "\r\n", "\r", "\n\n", " ", "«", "»",
]


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A real article with marks inserted, deleted and swapped, paragraphs joined, swapped or
    repeated, and scraped noise (tags, entities, invisible characters) inserted anywhere."""
    paras = draw(st.sampled_from(ARTICLES)).split("\n")
    for _ in range(draw(st.integers(0, 3))):
        i, j = draw(st.integers(0, len(paras) - 1)), draw(st.integers(0, len(paras) - 1))
        op = draw(st.sampled_from(["swap", "repeat", "join"]))
        if op == "swap":
            paras[i], paras[j] = paras[j], paras[i]
        elif op == "repeat":
            paras.insert(j, paras[i])
        elif i + 1 < len(paras):
            paras[i : i + 2] = [paras[i] + draw(st.sampled_from(["", " "])) + paras[i + 1]]
    chars = list("\n".join(paras))
    for _ in range(draw(st.integers(0, 10))):
        op = draw(st.sampled_from(["insert", "delete", "swap", "noise"]))
        marks = [i for i, c in enumerate(chars) if c in MARKS]
        if op == "insert":
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(["«", "»", "“", "”", '"', "« ", " »"])))
        elif op == "noise":
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(NOISE)))
        elif marks and op == "delete":
            del chars[draw(st.sampled_from(marks))]
        elif marks:
            chars[draw(st.sampled_from(marks))] = draw(st.sampled_from(MARKS))
    return "".join(chars)


#: Pieces whose long runs are hostile: marks without their pair, nested marks, cues, names, no full stop.
RUNS = ["«", "»", "« ", " »", "“", "”", '"', "« “ ", " ” »", "«a", "b»", ", a-t-il dit", " a déclaré", " selon ",
        "Jean Dupont ", "M. ", ": ", "que ", ", ", "\n", "\r", "&laquo;", "<p>", "\u00a0", "\ufeff"]
runs = st.lists(st.tuples(st.sampled_from(RUNS), st.integers(1, 60)), max_size=6).map(lambda parts: "".join(p * n for p, n in parts))


def typeset(text: str, thin: str = "\u202f", colon: str = "\u00a0") -> str:
    """French typography, one character for one so offsets stay: ’ for ', `thin` spaces (narrow no-break, or the
    thin space some papers use everywhere) inside « » and before ; ! ?, `colon` (no-break) before :."""
    for plain, typo in [("'", "\u2019"), ("« ", f"«{thin}"), (" »", f"{thin}»"), (" ;", f"{thin};"), (" !", f"{thin}!"),
                        (" ?", f"{thin}?"), (" :", f"{colon}:")]:
        text = text.replace(plain, typo)
    return text


def found(records: list[Record], shift: dict[int, int] | None = None) -> list[tuple[object, ...]]:
    """What a user checks of each record, apostrophes folded (names are as written), offsets mapped by `shift`."""
    at = (lambda o: o + shift[o]) if shift else (lambda o: o)
    return [(r.type, at(r.span.start), at(r.span.end), r.speaker and (r.speaker.name or "").replace("\u2019", "'"),
             r.cue and r.cue.lemma, r.rule, r.flags) for r in records]


# --------------------------------------------------------------------------
# Properties

@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_unicode(text: str) -> None:
    check(text)


@SETTINGS
@given(soups)
def test_soup_of_quotation_pieces(text: str) -> None:
    check(text)


@SETTINGS
@given(mutated_seed())
def test_mutated_seed(text: str) -> None:
    check(text, whole_words=True)


@settings(SETTINGS, max_examples=60)
@given(mutated_article())
def test_mutated_real_articles_with_scraped_noise(text: str) -> None:
    check(text, whole_words=True)


@settings(SETTINGS, max_examples=100)
@given(runs)
def test_long_runs_of_hostile_pieces(text: str) -> None:
    check(text)


@settings(SETTINGS, max_examples=25)
@given(mutated_seed())
def test_typography_and_crlf_change_nothing_but_offsets(text: str) -> None:
    """’ for ', narrow no-break or thin spaces in « », and CRLF line ends (offsets shifted by one per line before) find the same."""
    text = text.replace("\r\n", "\n")
    plain = check(text)
    assert found(check(typeset(text))) == found(plain)
    assert found(check(typeset(text, thin="\u2009", colon="\u2009"))) == found(plain)
    crlf = text.replace("\n", "\r\n")
    shift, n = {}, 0
    for i, c in enumerate(text + " "):
        shift[i] = n
        n += c == "\n"
    assert found(check(crlf)) == found(plain, shift)


def test_the_same_input_gives_the_same_bytes_in_every_process(tmp_path: Path) -> None:
    """Nothing depends on set or dict order under another hash seed: two processes print the same bytes."""
    files = []
    for i, text in enumerate(ARTICLES[:4]):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    outputs = set()
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", SPEAKERS_AND_LIST, *map(str, files)], cwd=ROOT, capture_output=True,
                                text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1 and len(next(iter(outputs))) > 1000


#: `quotecli list` and `quotecli speakers --format json` on the files given, in one process.
SPEAKERS_AND_LIST = """
import sys
from typer.testing import CliRunner
from quotecli.cli import app
runner = CliRunner()
for command in (["list", "--jobs", "1"], ["speakers", "--format", "json", "--jobs", "1"]):
    sys.stdout.write(runner.invoke(app, [*command, *sys.argv[1:]]).stdout)
"""


def test_the_seed_itself() -> None:
    assert len(check(SEED, whole_words=True)) == 19


@pytest.mark.parametrize("article", ARTICLES, ids=[f"article{i}" for i in range(len(ARTICLES))])
def test_real_articles_as_they_are(article: str) -> None:
    """The seed, and the dev texts when ../shared is there, unmutated."""
    check(article, whole_words=True)


def test_crlf_gives_the_same_quotations() -> None:
    lf = [(r.type, r.quote, r.speaker and r.speaker.name) for r in check(SEED)]
    crlf = [(r.type, r.quote, r.speaker and r.speaker.name) for r in check(SEED.replace("\n", "\r\n"))]
    assert crlf == lf


def test_offsets_count_code_points_not_bytes() -> None:
    text = "«Ça coûte 20\u202f€ — c’est énorme», a déclaré Zoë Ødegaard."
    (r,) = check(text)
    assert text[r.span.start : r.span.end] == "Ça coûte 20\u202f€ — c’est énorme"


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "«", "»", "« »", "«»", '"', '""', "«\n»", ":", "selon",
                                  "Selon ,", "a-t-il dit", "«a», a-t-il dit", "\r\r\n\n\r", "\x00«\x00»\x00"])
def test_degenerate_inputs(text: str) -> None:
    check(text)


# --------------------------------------------------------------------------
# Engine bugs these properties found

def test_selon_lequel_twice_makes_no_record_of_marks_alone() -> None:
    """Found by the random fuzz run: the first relative's content held the
    second one whole, and the second's content was a lone «."""
    assert check("M. Abdel Rahmane selon lequel  selon lequel «") == []
    records = check("M. Dupont, selon lequel la ville est tombée, et M. Martin, selon lequel les civils fuient.")
    assert [r.speaker.name for r in records] == ["Dupont", "Martin"]
    assert records[0].quote.startswith("la ville est tombée") and "Martin" not in records[0].quote  # stops before the next source
    assert records[1].quote == "les civils fuient"


def test_no_shared_fragment_after_selon_lequel() -> None:
    check("«La violence des raids est inédite», a souligné M. Abdel Rahmane, selon lequel la stratégie russe «est "
          "d'ouvrir une route vers l'aéroport. Il y a une grande escalade», a affirmé à l'AFP l'un d'eux, Ibrahim "
          "Abou Laith.")


def test_a_quotation_with_its_own_incise_is_not_joined_to_the_one_before() -> None:
    """«A», a-t-il dit, «B», a ajouté X: «B» is X's alone (both direct records held it)."""
    records = check("«La réforme sera votée», a-t-il assuré, «sans aucun délai», a ajouté le député Paul Durand.")
    assert [r.quote for r in records] == ["La réforme sera votée", "sans aucun délai"]


def test_no_shared_fragment_with_two_incises() -> None:
    check("La réforme sera votée, a-t-il assuré, «sans aucun délai», a ajouté le député Paul Durand.")


def test_mixed_quote_with_an_incise_is_its_slice() -> None:
    check("Le ministre Jean Dupont était à Lyon. La réforme est indispensable, a-t-il dit, et elle sera «votée avant "
          "l'été».")


def test_content_never_holds_the_speaker_of_an_earlier_incise() -> None:
    text = ("Le ministre Jean Dupont était à Lyon. Les frappes sont «intenses», a indiqué M. Dupont, et «la violence "
            "des raids est inédite», a-t-il souligné.")
    records = check(text)
    for a in records:
        for b in records:
            m = b.speaker.mention if b is not a and b.speaker else None
            assert m is None or not a.span.start <= m.start < a.span.end, (a.quote, b.speaker)


def test_no_shared_fragment_when_sentences_run_together() -> None:
    check("Le président français François Hollande a rappelé vendredi les «exigences»Des frappes aériennes très "
          "intenses ont à nouveau visé vendredi plusieurs quartiers d'Alep-Est (le secteur aux mains des rebelles), a "
          "indiqué à l'AFP Rami Abdel Rahmane, directeur de l'Observatoire syrien des droits de l'Homme (OSDH), qui "
          "n'était pas en mesure de donner le nombre de morts dans l'immédiat.«La violence des raids démontre qu'il y "
          "a une décision russe pour prendre Alep-Est à n'importe quel prix», a souligné M. Abdel Rahmane.")
