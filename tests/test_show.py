"""`quotecli show`: the article with its records drawn on it, and `--explain`.

The layout (annotate.py) is checked on hand-made records, the rendering on the
seed article with the real engine: every marker must sit where the records say.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from quotecli import annotate, document, export, extract, render
from quotecli.cli import app

runner = CliRunner()
SEED = ROOT / "seeds" / "000_f9f8e09316241945.txt"
TEXT = SEED.read_text(encoding="utf-8")

#: A marker of the plain view: `[1` `1]` `(2` `2)` (with `!` when flagged), `{`, `¹}`, `<`, `¹>`.
MARKER = re.compile(
    r"(?P<open>[\[(])(?P<on>\d+(?:,\d+)*)!?|(?P<cn>\d+(?:,\d+)*)!?(?P<close>[\])])"
    r"|(?P<mopen>[{<])|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)?(?P<mclose>[}>])"
)
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return list(export.rows(extract(TEXT, doc_id=SEED.name)))


def plain(doc: annotate.Annotated, width: int = 10_000, explain: bool = False) -> str:
    return render.plain_text(render.annotated(doc, plain=True, explain=explain), width)


def paragraph_lines(out: str) -> list[str]:
    """The paragraph lines of a plain view rendered without wrapping: the first line of each block."""
    blocks = out.split("\n\n")[1:]  # the first block is the header
    return [block.split("\n")[0] for block in blocks]


def unmark(line: str, start: int) -> tuple[str, list[tuple[str, int, tuple[int, ...]]]]:
    """A rendered paragraph without its markers, and each marker as (what, offset into the text, numbers)."""
    plain_text, found, last = [], [], 0
    offset = start
    for m in MARKER.finditer(line):
        plain_text.append(line[last : m.start()])
        offset += m.start() - last
        last = m.end()
        if m["open"]:
            found.append((m["open"], offset, tuple(map(int, m["on"].split(",")))))
        elif m["close"]:
            found.append((m["close"], offset, tuple(map(int, m["cn"].split(",")))))
        elif m["mopen"]:
            found.append((m["mopen"], offset, ()))
        else:
            numbers = tuple(int(n) for n in m["sup"].translate(SUPERSCRIPT).split(",")) if m["sup"] else ()
            found.append((m["mclose"], offset, numbers))
    plain_text.append(line[last:])
    return "".join(plain_text), found


# The layout, on hand-made records


def row(**fields) -> dict:
    base = dict.fromkeys(
        ["doc_id", "speaker", "speaker_mention", "speaker_start", "speaker_end", "speaker_kind",
         "speaker_resolved_by", "speaker_role", "speaker_gender", "speaker_gender_basis",
         "cue", "cue_lemma", "cue_start", "cue_end"]
    )
    base.update(type="direct", rule="test", line=1, flags=[])
    base.update(fields)
    base.setdefault("fragments", [{"start": base["quote_start"], "end": base["quote_end"]}])
    return base


def at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def test_a_mention_inside_the_cue_nests_and_a_direct_quote_takes_its_marks() -> None:
    text = "«\u00a0Rien\u00a0», a-t-il dit."
    (qs, qe), (ss, se), (cs, ce) = at(text, "Rien"), at(text, "il"), at(text, "a-t-il dit")
    r = row(quote="Rien", quote_start=qs, quote_end=qe, speaker="Jean Dupont", speaker_mention="il",
            speaker_start=ss, speaker_end=se, cue="a-t-il dit", cue_start=cs, cue_end=ce)
    out = plain(annotate.layout(text, [r]))
    assert paragraph_lines(out) == ["[1«\u00a0Rien\u00a0»1], <a-t-{il¹} dit¹>."]
    assert "[1] direct · Jean Dupont ← il" in out


def test_a_mention_shared_by_two_records_carries_both_numbers() -> None:
    text = "«A», a dit M. X, selon qui «B»."
    (ss, se), (a, _), (b, _) = at(text, "M. X"), at(text, "A"), at(text, "B")
    mention = dict(speaker="X", speaker_mention="M. X", speaker_start=ss, speaker_end=se)
    one = row(quote="A", quote_start=a, quote_end=a + 1, cue="a dit", cue_start=5, cue_end=10, **mention)
    two = row(quote="B", quote_start=b, quote_end=b + 1, cue="selon", cue_start=17, cue_end=22, **mention)
    doc = annotate.layout(text, [one, two])
    assert paragraph_lines(plain(doc)) == ["[1«A»1], <a dit¹> {M. X¹,²}, <selon²> qui [2«B»2]."]


def test_indirect_quotes_use_parentheses_and_unattributed_ones_are_flagged() -> None:
    text = "Il pleuvra demain, selon des sources."
    r = row(type="indirect", quote="Il pleuvra demain", quote_start=0, quote_end=17, cue="selon", cue_start=19, cue_end=24)
    out = plain(annotate.layout(text, [r]))
    assert paragraph_lines(out) == ["(1!Il pleuvra demain1!), <selon¹> des sources."]
    assert "(1!) indirect · no speaker · cue: selon" in out


def test_a_mixed_quote_spans_its_content_with_the_verbatim_part_inside() -> None:
    text = "Il a rappelé les «exigences» de la France."
    r = row(type="mixed", quote="les «exigences» de la France", quote_start=13, quote_end=41,
            fragments=[{"start": 18, "end": 27}])
    doc = annotate.layout(text, [r])
    kinds = [(p.mark.kind.value, p.opening, p.mark.start, p.mark.end) for p in doc.paragraphs[0].pieces
             if isinstance(p, annotate.Tag)]
    assert kinds == [("quote", True, 13, 41), ("verbatim", True, 17, 28), ("verbatim", False, 17, 28),
                     ("quote", False, 13, 41)]
    assert paragraph_lines(plain(doc)) == ["Il a rappelé [1!les «exigences» de la France1!]."]


def test_marks_are_cut_at_paragraph_ends_and_text_is_never_markup() -> None:
    text = "[bold]A[/bold] «un\n\ndeux»"
    r = row(quote="un deux", quote_start=16, quote_end=24, fragments=[{"start": 16, "end": 24}])
    doc = annotate.layout(text, [r])
    assert [(p.start, p.end) for p in doc.paragraphs] == [(0, 18), (20, 25)]
    lines = paragraph_lines(plain(doc))
    assert lines == ["[bold]A[/bold] [1!«un1!]", "[1!deux»1!]"]
    assert len(doc.paragraphs[0].notes) == 1 and not doc.paragraphs[1].notes


def test_every_run_of_text_is_a_slice_of_the_paragraph_in_order() -> None:
    doc = annotate.layout(TEXT, export.rows(extract(TEXT)))
    for p in doc.paragraphs:
        runs = [piece for piece in p.pieces if isinstance(piece, annotate.Run)]
        assert "".join(TEXT[r.start : r.end] for r in runs) == TEXT[p.start : p.end]
        assert all(a.end == b.start for a, b in zip(runs, runs[1:]))


# The seed article, rendered


def test_the_seed_markers_are_where_the_records_say(rows: list[dict]) -> None:
    doc = annotate.layout(TEXT, rows, SEED.name)
    lines = paragraph_lines(plain(doc))
    spans = document.paragraphs(TEXT)
    assert len(lines) == len(spans)
    markers: dict[tuple[str, int], set[int]] = {}
    for line, span in zip(lines, spans):
        unmarked, found = unmark(line, span.start)
        assert unmarked == TEXT[span.start : span.end], "the text is shown exactly as written"
        for what, offset, numbers in found:
            markers.setdefault((what, offset), set()).update(numbers)
    quote_marks = "«»“”\"\u00a0\u202f "
    for n, r in enumerate(rows, start=1):
        opener, closer = ("(", ")") if r["type"] == "indirect" else ("[", "]")
        opened = [o for (what, o), ns in markers.items() if what == opener and n in ns]
        closed = [o for (what, o), ns in markers.items() if what == closer and n in ns]
        assert opened and closed, f"record {n} is highlighted"
        assert min(opened) <= r["quote_start"] and TEXT[min(opened) : r["quote_start"]].strip(quote_marks) == ""
        assert max(closed) >= r["quote_end"] and TEXT[r["quote_end"] : max(closed)].strip(quote_marks) == ""
        if r["speaker_start"] is not None:
            assert ("{", r["speaker_start"]) in markers
            assert n in markers[("}", r["speaker_end"])], f"speaker of record {n}"
        if r["cue_start"] is not None:
            assert ("<", r["cue_start"]) in markers
            assert n in markers[(">", r["cue_end"])], f"cue of record {n}"


def test_the_seed_notes_name_every_speaker(rows: list[dict]) -> None:
    out = plain(annotate.layout(TEXT, rows, SEED.name))
    for n, r in enumerate(rows, start=1):
        left, right = ("(", ")") if r["type"] == "indirect" else ("[", "]")
        flagged = "!" if r["flags"] or r["speaker"] is None else ""
        note = next(line for line in out.splitlines() if line.strip().startswith(f"{left}{n}{flagged}{right} "))
        assert r["type"] in note and (r["speaker"] or "no speaker") in note


def test_the_view_wraps_to_the_width() -> None:
    doc = annotate.layout(TEXT, export.rows(extract(TEXT)), SEED.name)
    for width in (40, 72):
        out = plain(doc, width)
        assert max(cell_len(line) for line in out.splitlines()) <= width
        assert all(line == line.rstrip() for line in out.splitlines())


def test_in_colour_quotes_are_styled_not_bracketed(rows: list[dict]) -> None:
    console = Console(width=1000, force_terminal=True, color_system="truecolor", file=None)
    with console.capture() as capture:
        console.print(render.annotated(annotate.layout(TEXT, rows, SEED.name)))
    out = capture.get()
    assert "\x1b[" in out
    assert "[1«" not in out and "{il" not in out
    bare = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "1«Je n'attends rien de spécial»" in bare
    assert "a-t-il¹ lancé¹" in bare or "il¹" in bare


# The command


def test_show_the_seed_with_no_color(monkeypatch: pytest.MonkeyPatch, rows: list[dict]) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    result = runner.invoke(app, ["show", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    flat = " ".join(result.stdout.split())  # undo the wrapping
    assert "[1«Je n'attends rien de spécial»1]" in flat
    assert "{il¹}" in flat
    for n, r in enumerate(rows, start=1):
        assert f"{n}{'!' if r['flags'] else ''}]" in flat or f"{n}{'!' if r['flags'] else ''})" in flat
        assert r["speaker"] in flat


def test_pager_off_a_terminal_is_plain_output() -> None:
    paged = runner.invoke(app, ["show", str(SEED), "--pager"])
    assert paged.exit_code == 0
    assert paged.stdout == runner.invoke(app, ["show", str(SEED)]).stdout


def test_show_explain_gives_every_rule_and_resolution(rows: list[dict]) -> None:
    result = runner.invoke(app, ["show", str(SEED), "--explain"])
    flat = " ".join(result.stdout.split())
    for r in rows:
        assert f"rule: {r['rule']} · speaker resolved by: {r['speaker_resolved_by']}" in flat


@pytest.mark.usefixtures("fake")
class TestChoosingTheDocument:
    @pytest.fixture
    def folder(self, tmp_path: Path) -> Path:
        (tmp_path / "a.txt").write_text("Ann|un\n", encoding="utf-8")
        (tmp_path / "b.txt").write_text("Bob|deux\n", encoding="utf-8")
        return tmp_path

    def test_several_documents_need_doc(self, folder: Path) -> None:
        result = runner.invoke(app, ["show", str(folder)])
        assert result.exit_code == 2 and "--doc" in result.stderr

    def test_doc_picks_one_by_its_id(self, folder: Path) -> None:
        result = runner.invoke(app, ["show", str(folder), "--doc", str(folder / "b.txt")])
        assert result.exit_code == 0
        assert "{Bob¹}" in result.stdout and "Ann" not in result.stdout

    def test_an_unknown_doc_is_a_usage_error(self, folder: Path) -> None:
        result = runner.invoke(app, ["show", str(folder), "--doc", "nope"])
        assert result.exit_code == 2 and "nope" in result.stderr

    def test_doc_picks_a_record_of_a_jsonl_corpus(self, tmp_path: Path) -> None:
        path = tmp_path / "news.jsonl"
        path.write_text('{"id": "u1", "text": "Ann|un"}\n{"id": "u2", "text": "Bob|deux"}\n', encoding="utf-8")
        result = runner.invoke(app, ["show", str(path), "--doc", "u2"])
        assert result.exit_code == 0 and result.stdout.startswith("u2\n") and "{Bob¹}" in result.stdout

    def test_stdin(self) -> None:
        result = runner.invoke(app, ["show", "-"], input="Eve|trois\n")
        assert result.exit_code == 0 and result.stdout.startswith("<stdin>\n") and "[1trois1]" in result.stdout

    def test_an_unreadable_file_is_reported(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"caf\xe9|x\n")
        result = runner.invoke(app, ["show", str(bad)])
        assert result.exit_code == 1 and "--encoding" in result.stderr


# --explain on list and who


def test_explain_names_a_rule_and_a_resolution_for_every_seed_record(rows: list[dict]) -> None:
    assert all(r["rule"] and r["speaker_resolved_by"] for r in rows)
    console = Console(width=400, color_system=None, file=None)
    with console.capture() as capture:
        console.print(render.quotes_table(rows, explain=True))
    out = capture.get()
    assert "rule, resolved by" in out.splitlines()[1]
    blocks = re.split(r"^[├└].*$", out, flags=re.MULTILINE)[:-1]  # one block of lines per record
    assert len(blocks) == len(rows)
    for r, block in zip(rows, blocks):
        cells = [line.split("│")[1:-1] for line in block.splitlines() if line.startswith("│")]
        quote, explained = (" ".join(c[i].strip() for c in cells) for i in (2, 4))
        assert quote.startswith(r["quote"][:40])
        assert explained == f"{r['rule']} {r['speaker_resolved_by']}"


def test_explain_on_the_command_line() -> None:
    for args in (["list", str(SEED)], ["who", "assad", str(SEED)]):
        plain_table = runner.invoke(app, [*args, "--format", "table"]).stdout
        explained = runner.invoke(app, [*args, "--format", "table", "--explain"]).stdout
        assert "resolved by" in explained and "resolved by" not in plain_table
        # machine formats carry the fields already: --explain changes nothing there
        assert runner.invoke(app, [*args, "--explain"]).stdout == runner.invoke(app, args).stdout
