"""Encodings, line ends, French typography and scraped HTML, with the real engine, as a user sees them.

Whatever the encoding (UTF-8 with or without a BOM, cp1252, latin-1, `--encoding auto`) and the line ends,
a file gives the same quotations, and every offset slices the text decoded from the file's bytes. Scraped
HTML is read as what it stands for (entities as characters, tags as noise or paragraph breaks, a stray
U+FEFF as nothing), its offsets still into the text as read.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import extract
from quotecli.cli import app

runner = CliRunner()
SEED = (ROOT / "seeds" / "000_f9f8e09316241945.txt").read_text(encoding="utf-8")
# A short article with what cp1252 has and latin-1 lacks (’ œ) kept for the encodings that have them.
ARTICLE = ("Le ministre Jean Dupont était à Lyon lundi.\n\n« Nous ne céderons pas », a-t-il déclaré devant les "
           "élus. Selon l'OSDH, les frappes ont repris.\n\nMarie Durand a estimé que « le cœur du sujet » restait "
           "l’emploi.\n")
LATIN1 = ARTICLE.replace("œ", "oe").replace("’", "'")


def records(path: Path, *options: str) -> tuple[list[dict], str, int]:
    result = runner.invoke(app, ["list", str(path), "--format", "jsonl", "--jobs", "1", *options])
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr, result.exit_code


def assert_slices_back(rows: list[dict], text: str) -> None:
    """Every offset of every record slices `text` back to what the record says."""
    assert rows
    for r in rows:
        frags = [text[f["start"] : f["end"]] for f in r["fragments"]]
        assert r["quote"] == (text[r["quote_start"] : r["quote_end"]] if r["type"] == "mixed" else " ".join(frags))
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        if r["cue_start"] is not None:
            assert text[r["cue_start"] : r["cue_end"]] == r["cue"]
        assert r["line"] == text[: r["quote_start"]].replace("\r\n", "\n").count("\n") + 1


def found(rows: list[dict]) -> list[tuple]:
    return [(r["type"], r["quote"], r["speaker"], r["cue_lemma"], r["rule"]) for r in rows]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize(
    ("text", "codec", "options"),
    [
        (ARTICLE, "utf-8", []),
        (ARTICLE, "utf-8-sig", []),  # a byte-order mark
        (ARTICLE, "cp1252", ["--encoding", "cp1252"]),
        (LATIN1, "latin-1", ["--encoding", "latin-1"]),
        (ARTICLE, "cp1252", ["--encoding", "auto"]),
        (ARTICLE, "utf-8-sig", ["--encoding", "auto"]),
        (ARTICLE, "utf-16", ["--encoding", "auto"]),  # its byte-order mark names it
        (SEED, "cp1252", ["--encoding", "auto"]),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "auto-cp1252", "auto-utf-8-bom", "auto-utf-16", "auto-seed"],
)
def test_every_encoding_and_line_end_finds_the_same_and_slices_the_decoded_bytes(
    tmp_path: Path, text: str, codec: str, options: list[str], newline: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.replace("\n", newline).encode(codec))
    rows, stderr, status = records(path, *options)
    assert status == 0 and "error" not in stderr
    decoded = path.read_bytes().decode(codec).removeprefix("\ufeff")  # the BOM is an encoding signature, not text
    assert_slices_back(rows, decoded)
    plain = [r.to_dict() for r in extract(text, doc_id=str(path))]
    assert found(rows) == found(plain)  # the same quotations whatever the bytes


def test_auto_names_the_files_not_read_as_utf8_and_counts_them(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(ARTICLE.encode("cp1252"))
    (tmp_path / "new.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes(ARTICLE.encode("utf-8-sig"))
    rows, stderr, status = records(tmp_path, "--encoding", "AUTO")
    assert status == 0 and len({r["doc_id"] for r in rows}) == 3
    assert stderr.splitlines() == [
        f"warning: {tmp_path / 'old.txt'}: not valid UTF-8: read as cp1252 (--encoding auto)",
        "--encoding auto: 2 files read as utf-8, 1 file read as cp1252.",
    ]
    assert records(tmp_path, "--encoding", "auto", "--quiet")[1].splitlines() == stderr.splitlines()[:1]


def test_auto_reads_corpus_files_line_by_line(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "u", "text": ARTICLE}, ensure_ascii=False).encode(),
             json.dumps({"id": "w", "text": ARTICLE}, ensure_ascii=False).encode("cp1252")]
    news.write_bytes(b"\n".join(lines) + b"\n")
    table = tmp_path / "news.csv"
    table.write_bytes(b'id,text\nw,"' + ARTICLE.encode("cp1252") + b'"\n')
    rows, stderr, status = records(news, "--encoding", "auto")
    assert status == 0 and [r["doc_id"] for r in rows].count("w") == [r["doc_id"] for r in rows].count("u") > 0
    assert f"warning: {news}: not valid UTF-8 from line 2: read as cp1252 (--encoding auto)" in stderr.splitlines()
    rows, stderr, status = records(table, "--encoding", "auto")
    assert status == 0 and found(rows) == found([r.to_dict() for r in extract(ARTICLE)])
    assert f"warning: {table}: not valid UTF-8 from line 2: read as cp1252 (--encoding auto)" in stderr.splitlines()


def test_auto_refuses_what_cp1252_cannot_read_either(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("« Oui », a dit Jean Dupont.".encode("cp1252") + b"\x81")
    rows, stderr, status = records(path, "--encoding", "auto")
    assert (rows, status) == ([], 1)
    assert stderr == f"error: {path}: not valid UTF-8 nor cp1252 (byte 0x81 at offset 27); try --encoding latin-1\n"
    rows, _, status = records(path, "--encoding", "latin-1")
    assert status == 0 and rows[0]["speaker"] == "Jean Dupont"


def test_the_default_still_names_cp1252_and_auto(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    _, stderr, status = records(path)
    assert status == 1 and stderr.startswith(f"error: {path}: not valid UTF-8 (byte 0xe9 at offset 24); try --encoding cp1252")


# -- French typography ---------------------------------------------------------------


TYPESET = [("'", "\u2019"), ("« ", "«\u202f"), (" »", "\u202f»"), (" :", "\u00a0:"), (" !", "\u202f!"), (" ?", "\u202f?")]


@pytest.mark.parametrize("text", [ARTICLE, SEED], ids=["article", "seed"])
def test_french_typography_finds_what_its_ascii_twin_finds(tmp_path: Path, text: str) -> None:
    typeset = text
    for plain, typo in TYPESET:
        typeset = typeset.replace(plain, typo)
    path = tmp_path / "typo.txt"
    path.write_text(typeset, encoding="utf-8")
    rows, _, _ = records(path)
    assert_slices_back(rows, typeset)
    twin = [r.to_dict() for r in extract(text)]
    assert [(r["quote_start"], r["quote_end"], r["type"], (r["speaker"] or "").replace("’", "'")) for r in rows] == \
           [(r["quote_start"], r["quote_end"], r["type"], r["speaker"] or "") for r in twin]
    assert not any(r["quote"].startswith(("\u00a0", "\u202f")) or r["quote"].endswith(("\u00a0", "\u202f")) for r in rows)


def test_no_break_spaces_inside_names_and_cues() -> None:
    [r] = extract("« Oui », a\u00a0dit M.\u202fDupont.")
    assert (r.quote, r.speaker and r.speaker.name, r.cue and r.cue.text) == ("Oui", "Dupont", "a\u00a0dit")


def test_a_bom_at_the_start_of_a_file_is_dropped_and_one_inside_is_text(tmp_path: Path) -> None:
    glued = codecs.BOM_UTF8 + ARTICLE.encode() + codecs.BOM_UTF8 + "« Encore », a dit Paul Durand.\n".encode()
    path = tmp_path / "glued.txt"  # two files concatenated with cat
    path.write_bytes(glued)
    rows, _, status = records(path)
    assert status == 0
    text = glued.decode("utf-8-sig")
    assert text.count("\ufeff") == 1
    assert_slices_back(rows, text)
    assert rows[-1]["speaker"] == "Paul Durand"


@pytest.mark.parametrize("glue", ["\n\ufeff", ".\ufeff", ". \ufeff"])
def test_a_bom_inside_the_text_is_ignorable(glue: str) -> None:
    records_ = extract(f"Le ministre est arrivé{glue}« Oui », a dit Jean Dupont.")
    assert [(r.type.value, r.quote) for r in records_] == [("direct", "Oui")]


# -- scraped HTML: read as what it stands for, offsets into the text as read ------------


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("&laquo; Oui &raquo;, a dit Jean Dupont.", [("direct", "Oui", "Jean Dupont", "Jean Dupont", "a dit")]),
        ("«&nbsp;Oui&nbsp;», a dit Jean&nbsp;Dupont.",
         [("direct", "Oui", "Jean Dupont", "Jean&nbsp;Dupont", "a dit")]),  # the name as resolved, the mention as written
        ("« Oui », a&nbsp;dit <b>Jean Dupont</b>.", [("direct", "Oui", "Jean Dupont", "Jean Dupont", "a&nbsp;dit")]),
        ("« Oui <b>non</b> », a dit Jean Dupont.",  # a tag inside the quotation is inside its span
         [("direct", "Oui <b>non", "Jean Dupont", "Jean Dupont", "a dit")]),
        ("<p>Il a rappelé les &laquo;exigences&raquo; de la France, selon Jean Dupont.</p>",
         [("mixed", "Il a rappelé les &laquo;exigences&raquo; de la France", "Jean Dupont", "Jean Dupont", "selon")]),
        ("<p>Jean Dupont est arrivé.</p>\n<p>Il a déclaré : « Oui ».</p>",
         [("direct", "Oui", "Jean Dupont", "Il", "a déclaré")]),
        ("Le ministre est arrivé.\ufeff« Oui », a dit <i>Jean</i> Dupont.",
         [("direct", "Oui", "Jean Dupont", "Jean</i> Dupont", "a dit")]),
    ],
)
def test_html_leftovers_keep_offsets_into_the_raw_text(tmp_path: Path, text: str, wanted: list[tuple]) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(text, encoding="utf-8")
    rows, stderr, status = records(path)
    assert status == 0 and stderr == ""
    assert [(r["type"], r["quote"], r["speaker"], r["speaker_mention"], r["cue"]) for r in rows] == wanted
    assert_slices_back(rows, text)  # offsets point into the text as read, tags and entities included


WANTED = [  # entities read as the characters they stand for, tags as noise or paragraph breaks
    ("&laquo; Oui &raquo;, a dit Jean Dupont.", "entities &laquo; &raquo; are quotation marks"),
    ("&#171;Oui&#187;, a dit Jean Dupont.", "numeric entities &#171; &#187; are quotation marks"),
    ("&quot;Oui&quot;, a dit Jean Dupont.", "&quot; is a straight quotation mark"),
    ("«&nbsp;Oui&nbsp;», a dit Jean Dupont.", "&nbsp; inside « » is a space: the quote is 'Oui'"),
    ("« Oui », a dit Jean&nbsp;Dupont.", "&nbsp; inside a name is a space: the speaker is Jean Dupont"),
    ("« Oui », a&nbsp;dit Jean Dupont.", "&nbsp; inside a verb group is a space"),
    ("<p>« Oui », a dit Jean Dupont.</p>", "a tag is no part of the quote: direct 'Oui'"),
    ("Le ministre est arrivé.</p><p>« Oui », a dit Jean Dupont.</p>", "</p><p> ends a paragraph"),
    ("« Oui », a dit <b>Jean Dupont</b>.", "an inline tag around the speaker is transparent"),
    ("<p>Jean Dupont est arrivé.</p>\n<p>Il a déclaré : « Oui ».</p>", "a closing tag is no part of the quote"),
]


@pytest.mark.parametrize(("text", "why"), WANTED)
def test_html_leftovers_wanted(text: str, why: str) -> None:
    [r] = extract(text)
    assert (r.type.value, r.quote, r.speaker and r.speaker.name) == ("direct", "Oui", "Jean Dupont")
