"""quotecli.reading: scraped HTML leftovers read as what they stand for, offsets kept into the raw text.

`view(raw)` is tested as a table (raw -> the text the engine reads, None when it reads the raw text
as is), then its map at the edges; then, through `extract()` and the CLI, records on scraped text:
every span slices the raw text, no span starts or ends inside a leftover, and a text wrapped in
HTML finds what the plain text finds (hypothesis).
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from conftest import ROOT
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotecli import extract, patterns
from quotecli.cli import app
from quotecli.model import Record, Span
from quotecli.reading import View, view

SEED = (ROOT / "seeds" / "000_f9f8e09316241945.txt").read_text(encoding="utf-8")
SETTINGS = settings(max_examples=150, deadline=None, derandomize=os.environ.get("QUOTECLI_FUZZ") is None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

READS = [  # raw text -> the text the engine reads (None: the raw text itself, untouched)
    # named entities, as html.entities.html5 has them
    ("&laquo; Oui &raquo;", "« Oui »"),
    ("&quot;Oui&quot;", '"Oui"'),
    ("R&amp;D", "R&D"),
    ("a &lt; b &gt; c", "a < b > c"),
    ("l&apos;AFP, l&rsquo;OSDH", "l'AFP, l’OSDH"),
    ("&lsquo;a&rsquo; &ldquo;b&rdquo;", "‘a’ “b”"),
    ("Alors&hellip; 2012&ndash;2013 &mdash; fin", "Alors… 2012–2013 — fin"),
    ("&eacute;t&eacute;, &egrave;re, f&ecirc;te, &agrave;, fran&ccedil;ais, h&ocirc;te, s&ucirc;r, &icirc;le",
     "été, ère, fête, à, français, hôte, sûr, île"),
    ("&Eacute;tat &OElig;uvre", "État Œuvre"),
    ("«&nbsp;Oui&nbsp;»", "« Oui »"),  # &nbsp; keeps a space from collapsing: a space
    ("&NotEqualTilde;", "\u2242\u0338"),  # two characters for one reference
    # numeric references, decimal and hexadecimal
    ("&#171;Oui&#187;", "«Oui»"),
    ("&#xAB;Oui&#XBB;", "«Oui»"),
    ("l&#8217;AFP, l&#x2019;OSDH", "l’AFP, l’OSDH"),
    ("l&#146;AFP", "l’AFP"),  # HTML reads the cp1252 numbers as cp1252 does
    ("&#160;", " "),
    # block tags end a paragraph, inline tags are nothing
    ("arrivé.</p><p>« Oui »", "arrivé.\n\n« Oui »"),
    ("<p>Oui</p>", "\nOui\n"),
    ("ligne<br>suite<br/>fin<BR />", "ligne\nsuite\nfin\n"),
    ("<ul><li>un</li><li>deux</li></ul>", "\n\nun\n\ndeux\n\n"),
    ("<h2 class=\"titre\">Titre</h2>texte", "\nTitre\ntexte"),
    ("<blockquote>Oui</blockquote>", "\nOui\n"),
    ("a dit <b>Jean Dupont</b>.", "a dit Jean Dupont."),
    ('<a href="https://example.org/?a=1&amp;b=2" title="x">lien</a>', "lien"),
    ("<span style='color:red'>x</span><em>y</em><strong>z</strong><i>w</i>", "xyzw"),
    ("<param name=x>", ""),  # "p" and more letters: an inline element, not <p>
    # comments, scripts and style sheets hold no text
    ("Le ministre <!-- pub --> a dit", "Le ministre  a dit"),
    ("<!----> ok", " ok"),
    ("<!-- a <b>gras</b> --> c", " c"),
    ('« Oui <script type="text/javascript">var a = "« x »";</script>»', "« Oui »"),
    ("x<style>p { color: red }</style>y", "xy"),
    ("<SCRIPT>x</script >z", "z"),
    ("a<script>b", "ab"),  # never closed: a tag, its text kept
    ("a <!-- jamais fermé", None),  # never closed: text
    ("a<!-- b --> c <!-- d", "a c <!-- d"),
    # text that only looks like a leftover
    ("si a < b et b > c", None),
    ("<", None),
    ("x<3 et <<>>", None),
    ("<p et rien", None),
    ("AT&T et R&D", None),
    ("&foo; &bar;", None),  # unknown references stay text
    ("&notit; &amp", None),  # no legacy prefix reading, no reference without ';'
    ("&amp;laquo;", "&laquo;"),  # read once
    ("&#; &#x; &#12345678;", None),
    # U+FEFF: nothing where a line starts, a line break where a file was glued on after text
    ("\ufeffLe ministre", "Le ministre"),
    ("arrivé.\n\ufeff« Oui »", "arrivé.\n« Oui »"),
    ("arrivé. \ufeff« Oui »", "arrivé. « Oui »"),
    ("arrivé.\ufeff« Oui »", "arrivé.\n« Oui »"),
    ("arrivé.\ufeff\ufeff« Oui »", "arrivé.\n« Oui »"),
    # the fast path: no "&", "<" nor U+FEFF
    ("« Oui », a dit Jean Dupont.", None),
    ("", None),
]


@pytest.mark.parametrize(("raw", "clean"), READS, ids=[repr(r)[1:30] for r, _ in READS])
def test_view_reads(raw: str, clean: str | None) -> None:
    v = view(raw)
    assert (v and v.text) == clean
    if v is not None:
        assert_map(v, raw)


def assert_map(v: View, raw: str) -> None:
    """Each clean character comes from a raw range, in order; a copied one from itself."""
    previous_end = 0
    for i, char in enumerate(v.text):
        start, end = v.start_of(i), v.end_of(i)
        assert previous_end <= start < end <= len(raw), (i, char)
        assert raw[start:end] == char or view(raw[start:end]) is not None, (i, char, raw[start:end])
        previous_end = end if raw[start:end] == char else start  # two characters may share one reference


EDGES = [  # raw text, the clean span, the raw text it maps to
    ("«&nbsp;Oui&nbsp;»", "Oui", "Oui"),
    ("&laquo;&nbsp;Oui&nbsp;&raquo;", "« Oui »", "&laquo;&nbsp;Oui&nbsp;&raquo;"),
    ("<p>« Oui », a dit Jean Dupont.</p>", "« Oui », a dit Jean Dupont.", "« Oui », a dit Jean Dupont."),
    ("a dit <b>Jean Dupont</b>.", "Jean Dupont", "Jean Dupont"),
    ("« Oui <b>non</b> »", "Oui non", "Oui <b>non"),
    ("« <i>Oui</i>&hellip; »", "Oui…", "Oui</i>&hellip;"),
    ("Jean&nbsp;Dupont", "Jean Dupont", "Jean&nbsp;Dupont"),
    ("l&eacute;gitime", "légitime", "l&eacute;gitime"),
    ("l&eacute;gitime", "é", "&eacute;"),
]


@pytest.mark.parametrize(("raw", "part", "expected"), EDGES)
def test_a_span_maps_to_the_raw_text_it_was_read_from(raw: str, part: str, expected: str) -> None:
    v = view(raw)
    assert v is not None
    start = v.text.index(part)
    mapped = v.span(Span(start, start + len(part)))
    assert raw[mapped.start : mapped.end] == expected


@pytest.mark.parametrize(
    ("raw", "at", "expected"),
    [("<p>Oui</p>", 0, 0), ("<p>Oui</p>", 2, 4), ("<p>Oui</p>", 4, 6), ("<p>Oui</p>", 5, 10), ("a<b>b", 1, 1),
     ("a<b>b", 2, 5), ("&laquo;a", 1, 7)],
)
def test_an_empty_span_sits_where_the_raw_reading_of_what_is_before_it_ends(raw: str, at: int, expected: int) -> None:
    v = view(raw)
    assert v is not None and v.span(Span(at, at)) == Span(expected, expected)


def test_the_fast_path_is_none_and_costs_no_copy() -> None:
    text = "« Oui », a dit Jean Dupont. " * 10_000
    assert view(text) is None
    assert view(text + "&laquo;").text == text + "«"  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# Records on scraped text


def leftovers(raw: str) -> list[tuple[int, int, bool]]:
    """Each leftover the engine does not read as itself: its raw range, and whether it reads as nothing."""
    out = []
    for m in patterns.LEFTOVER.finditer(raw):
        v = view(m.group())
        if v is not None or m.group("bom"):
            out.append((m.start(), m.end(), not (v and v.text.strip())))
    return out


def check(raw: str) -> list[Record]:
    """Every span of every record is in range, slices back to what the record says, and has no
    leftover at its edges: no edge inside a tag or a reference, no tag first or last."""
    records = extract(raw)
    cuts = leftovers(raw)
    for r in records:
        spans = [r.span, *r.fragments]
        frags = [raw[f.start : f.end] for f in r.fragments]
        assert r.quote == (raw[r.span.start : r.span.end] if r.type.value == "mixed" else " ".join(frags)), r
        if r.speaker is not None and r.speaker.mention is not None:
            spans.append(r.speaker.mention)
            assert raw[r.speaker.mention.start : r.speaker.mention.end] == r.speaker.mention_text, r
        if r.cue is not None:
            spans.append(r.cue.span)
            assert raw[r.cue.span.start : r.cue.span.end] == r.cue.text, r
        assert r.line == raw[: r.span.start].replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1, r
        for sp in spans:
            assert 0 <= sp.start <= sp.end <= len(raw), (sp, r)
            for start, end, nothing in cuts:
                assert not start < sp.start < end and not start < sp.end < end, (raw[start:end], sp, r)
                if nothing and sp.start < sp.end:
                    assert sp.start != start and sp.end != end, (raw[start:end], sp, r)
    return records


#: Quotation pieces (as tests/test_invariants.py builds its soups) and scraped leftovers.
PIECES = [
    "«", "»", "« ", " »", "“", "”", '"', ", ", ". ", " : ", "\n", "\n\n", "\r\n", "\u00a0", " – ", "…",
    "Je n'attends rien", "Il y a une grande escalade", "la stratégie russe", " a-t-il lancé", " a déclaré",
    " a souligné", " a indiqué à l'AFP", " que ", " selon ", "Selon ", "M. ", "Rami Abdel Rahmane", "l'OSDH",
    "Jean Dupont", "le ministre", "Il", "Elle",
]
LEFTOVERS = [
    "<p>", "</p>", "</p><p>", "<br>", "<br/>", "<b>", "</b>", "<em>", "</em>", '<a href="/a?b=1&amp;c=2">', "</a>",
    "<li>", "<div class=\"x\">", "&laquo;", "&raquo;", "&laquo;&nbsp;", "&nbsp;&raquo;", "&nbsp;", "&amp;", "&quot;",
    "&#171;", "&#187;", "&#xAB;", "&#8217;", "&rsquo;", "&eacute;", "&hellip;", "\ufeff", "&foo;", "<", " < ", "&",
    "<!--", "-->", "<!-- pub -->", "<script>", "</script>", "<style>p{}</style>",
]
HTML_MARKS = [("«", "&laquo;"), ("»", "&raquo;"), ("\u00a0", "&nbsp;"), ("’", "&rsquo;"), ("é", "&eacute;")]
plain_soups = st.lists(st.sampled_from([*PIECES, "’", "été"]), max_size=40).map("".join)


def as_html(plain: str) -> str:
    """The text a scraper leaves: paragraphs in <p>, marks and accents as references."""
    for char, reference in HTML_MARKS:
        plain = plain.replace(char, reference)
    return "".join(f"<p>{line}</p>\n" for line in plain.split("\n"))


def unread(raw: str) -> str:
    """A raw string read back as plain text: tags dropped, references as characters."""
    return html.unescape(regex.sub(r"<[^<>]*>", "", raw))


soups = st.lists(st.sampled_from(PIECES + LEFTOVERS), max_size=40).map("".join)


@st.composite
def seed_paragraphs(draw: st.DrawFn) -> str:
    """One to twelve paragraphs of the seed article (blank lines count as paragraphs here)."""
    paras = SEED.split("\n")
    start = draw(st.integers(0, len(paras) - 1))
    return "\n".join(paras[start : start + draw(st.integers(1, 12))])


@st.composite
def scraped_seed(draw: st.DrawFn) -> str:
    """Some paragraphs of the seed article, maybe as HTML, with leftovers inserted anywhere (in words too)."""
    text = draw(seed_paragraphs())
    if draw(st.booleans()):
        text = as_html(text)
    chars = list(text)
    for _ in range(draw(st.integers(0, 30))):
        chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(LEFTOVERS)))
    return "".join(chars)


@SETTINGS
@given(st.one_of(soups, scraped_seed()))
def test_records_on_scraped_text_point_into_it(raw: str) -> None:
    check(raw)


@SETTINGS
@given(st.one_of(plain_soups, seed_paragraphs()))
def test_a_text_in_html_finds_what_the_plain_text_finds(plain: str) -> None:
    plain = plain.replace("\r\n", "\n")
    raw = as_html(plain)
    found = [(r.type, unread(r.quote), r.speaker and r.speaker.name, r.cue and r.cue.lemma, r.rule, r.flags)
             for r in check(raw)]
    assert found == [(r.type, r.quote, r.speaker and r.speaker.name, r.cue and r.cue.lemma, r.rule, r.flags)
                     for r in extract(plain)]


# --------------------------------------------------------------------------
# The command line

ARTICLE = (
    "<h1>Syrie&nbsp;: l&rsquo;offensive continue</h1>\n"
    "<p>Le ministre <b>Jean Dupont</b> &eacute;tait &agrave; Lyon lundi.</p><p>&laquo;&nbsp;Nous ne c&eacute;derons "
    "pas&nbsp;&raquo;, a-t-il d&eacute;clar&eacute; devant les &eacute;lus.</p>\n"
    "<p>Selon l&#8217;OSDH, les frappes ont repris.<br>Marie Durand a estim&eacute; que &#171;&#160;le c&oelig;ur "
    "du sujet&#160;&#187; restait l&rsquo;emploi.</p>\n"
)


def test_list_on_a_scraped_file_gives_offsets_into_the_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["list", str(path), "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0 and result.stderr == ""
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["type"], r["quote"], r["speaker"], r["line"]) for r in rows] == [
        ("direct", "Nous ne c&eacute;derons pas", "Jean Dupont", 2),
        ("indirect", "les frappes ont repris", "OSDH", 3),
        ("mixed", "&#171;&#160;le c&oelig;ur du sujet&#160;&#187; restait l&rsquo;emploi", "Marie Durand", 3),
    ]
    for r in rows:
        frags = [ARTICLE[f["start"] : f["end"]] for f in r["fragments"]]
        assert r["quote"] == (ARTICLE[r["quote_start"] : r["quote_end"]] if r["type"] == "mixed" else " ".join(frags))
        assert ARTICLE[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        assert ARTICLE[r["cue_start"] : r["cue_end"]] == r["cue"]
    assert [r["cue"] for r in rows] == ["a-t-il d&eacute;clar&eacute;", "Selon", "a estim&eacute;"]
