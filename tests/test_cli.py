"""cli.py: inputs, formats, errors and exit statuses, with a fake engine.

The fake engine (tests/fake_engine.py) makes one record per `speaker|quote`
line, so these tests check the command line whatever the real engine finds.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import fake_engine
import pytest
from conftest import ROOT
from typer.testing import CliRunner

import quotecli
from quotecli import inputs
from quotecli.cli import BROKEN_PIPE, app
from quotecli.model import FIELDS, Record, Speaker

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("fake")

ARTICLE = "Bachar al-Assad|Il n'y a pas d'autre option\nSergueï Lavrov|Je n'attends rien\n|sans locuteur\n"
# Run the CLI in a child process with the fake engine, as `quotecli ARGS` would run.
FAKE_MAIN = "import sys; sys.path.insert(0, 'tests'); import fake_engine, quotecli.cli as c; c.extract = fake_engine.extract; c.main()"


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def jsonl(out: str) -> list[dict]:
    rows = [json.loads(line) for line in out.splitlines()]
    assert all(list(row) == list(FIELDS) for row in rows), "every field, in schema order"
    return rows


def fake_cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", FAKE_MAIN, *args], cwd=ROOT, text=True, capture_output=True, **kwargs)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"quotecli {quotecli.__version__}\n"


def test_help_shows_the_commands_and_examples() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for text in ("list", "who", "Examples:", "quotecli who assad"):
        assert text in result.stdout


def test_list_prints_jsonl_when_piped(article: str) -> None:
    result = runner.invoke(app, ["list", article])
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [(r["speaker"], r["quote"]) for r in rows] == [
        ("Bachar al-Assad", "Il n'y a pas d'autre option"),
        ("Sergueï Lavrov", "Je n'attends rien"),
        (None, "sans locuteur"),
    ]
    assert {r["doc_id"] for r in rows} == {article}
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert result.stderr == ""


def test_offsets_point_into_the_file_as_it_is_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffintro\r\n« Oui »\r\nX|« Très »\r\n".encode())
    [row] = jsonl(runner.invoke(app, ["list", str(path)]).stdout)
    text = path.read_bytes().decode("utf-8-sig")
    assert text[row["quote_start"] : row["quote_end"]] == row["quote"] == "« Très »"


def test_json_is_one_array(article: str) -> None:
    result = runner.invoke(app, ["list", "--format", "json", article])
    assert [r["quote"] for r in json.loads(result.stdout)] == [r["quote"] for r in jsonl(runner.invoke(app, ["list", article]).stdout)]


def test_csv(article: str) -> None:
    result = runner.invoke(app, ["list", "-f", "csv", article])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(FIELDS) and len(rows) == 3
    assert rows[2]["speaker"] == ""


def test_table_on_request(article: str) -> None:
    result = runner.invoke(app, ["list", "--format", "table", article])
    assert result.exit_code == 0
    assert "Bachar al-Assad" in result.stdout and "3 quotations" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_an_unknown_format_is_a_usage_error(article: str) -> None:
    assert runner.invoke(app, ["list", "--format", "xml", article]).exit_code == 2


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/c.txt", "a/skip.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"X|{name}\n", encoding="utf-8")
    rows = jsonl(runner.invoke(app, ["list", str(tmp_path)]).stdout)
    assert [r["quote"] for r in rows] == ["a/c.txt", "b.txt"]
    assert [r["doc_id"] for r in rows] == [str(tmp_path / "a" / "c.txt"), str(tmp_path / "b.txt")]


def test_dash_reads_stdin_among_other_paths(article: str) -> None:
    result = runner.invoke(app, ["list", "-", article], input="X|de stdin\n")
    rows = jsonl(result.stdout)
    assert [r["doc_id"] for r in rows] == [inputs.STDIN_ID] + [article] * 3


def test_piped_stdin_is_read_when_no_path_is_given() -> None:
    result = runner.invoke(app, ["list"], input="X|« Oui »\n")
    assert [(r["doc_id"], r["quote"]) for r in jsonl(result.stdout)] == [(inputs.STDIN_ID, "« Oui »")]
    assert "sample" not in result.stderr


def test_the_sample_is_used_when_there_is_no_input_and_says_so() -> None:
    result = fake_cli("list", stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "bundled sample" in result.stderr and inputs.SAMPLE in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""  # the sample has no `speaker|quote` line: the fake finds nothing


def test_a_missing_path_is_one_line_and_status_2(article: str) -> None:
    result = runner.invoke(app, ["list", article, "nowhere.txt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "error: no such file or directory: nowhere.txt\n"


def test_an_undecodable_file_is_named_the_others_processed_status_1(tmp_path: Path, article: str) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes("X|« Très bien »\n".encode("cp1252"))
    result = runner.invoke(app, ["list", str(old), article])
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 3
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {old}: not valid UTF-8") and line.endswith("try --encoding cp1252")
    fixed = runner.invoke(app, ["list", "--encoding", "cp1252", str(old)])
    assert fixed.exit_code == 0 and jsonl(fixed.stdout)[0]["quote"] == "« Très bien »"


@pytest.mark.parametrize("name", ["klingon", "rot13"])  # rot13 is a codec, not a text encoding
def test_an_unknown_encoding_is_a_usage_error(article: str, name: str) -> None:
    result = runner.invoke(app, ["list", "--encoding", name, article])
    assert result.exit_code == 2 and result.stderr == f"error: unknown encoding: {name}\n"


def test_a_binary_file_is_skipped_with_a_warning(tmp_path: Path, article: str) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"X|\x00\x01\x02")
    result = runner.invoke(app, ["list", str(blob), article])
    assert result.exit_code == 0
    assert len(jsonl(result.stdout)) == 3
    assert result.stderr == f"warning: {blob}: binary file (NUL bytes), skipped\n"


def test_an_empty_file_is_fine(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for fmt, out in [("jsonl", ""), ("json", "[]\n"), ("csv", ",".join(FIELDS) + "\n")]:
        result = runner.invoke(app, ["list", "--format", fmt, str(empty)])
        assert (result.exit_code, result.stdout, result.stderr) == (0, out, "")


def test_who_matches_names_case_and_accent_insensitively(article: str) -> None:
    for query, expected in [
        ("assad", ["Bachar al-Assad"]),
        ("Bachar al-Assad", ["Bachar al-Assad"]),
        ("SERGUEI", ["Sergueï Lavrov"]),
        ("ass", []),
    ]:
        result = runner.invoke(app, ["who", query, article])
        assert result.exit_code == 0
        assert [r["speaker"] for r in jsonl(result.stdout)] == expected, query


def test_who_matches_the_mention_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def mention_only(text: str, doc_id: str | None = None) -> list[Record]:
        """The fake engine's records with the speaker left unresolved."""
        return [replace(r, speaker=Speaker(None, r.speaker.mention, r.speaker.mention_text))
                for r in fake_engine.extract(text, doc_id) if r.speaker]

    monkeypatch.setattr("quotecli.cli.extract", mention_only)
    path = tmp_path / "a.txt"
    path.write_text("M. Assad|Oui\n", encoding="utf-8")
    [row] = jsonl(runner.invoke(app, ["who", "assad", str(path)]).stdout)
    assert (row["speaker"], row["speaker_mention"]) == (None, "M. Assad")


def test_who_needs_a_name_with_letters(article: str) -> None:
    result = runner.invoke(app, ["who", " - ", article])
    assert result.exit_code == 2 and result.stderr.startswith("error: NAME has no letter or digit")


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Bachar al-Assad|Il n'y a pas d'autre option\n" * 20_000, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", FAKE_MAIN, "list", str(big)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stderr is not None
    assert json.loads(child.stdout.readline())["speaker"] == "Bachar al-Assad"
    child.stdout.close()  # as `| head -1` does
    stderr = child.stderr.read()
    assert child.wait(timeout=60) == BROKEN_PIPE
    assert stderr == ""


def test_quotecli_list_seeds_into_head_has_no_traceback() -> None:
    result = subprocess.run(f"{sys.executable} -m quotecli list seeds | head -1", shell=True, cwd=ROOT,
                            text=True, capture_output=True)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert result.stdout == "" or json.loads(result.stdout)["doc_id"] == "seeds/000_f9f8e09316241945.txt"


def test_python_m_quotecli_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "quotecli", "--version"], cwd=ROOT, text=True, capture_output=True)
    assert result.returncode == 0 and result.stdout == f"quotecli {quotecli.__version__}\n"


def test_the_table_is_still_printed_when_an_input_fails(tmp_path: Path, article: str) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes("X|« Très bien »\n".encode("cp1252"))
    result = runner.invoke(app, ["who", "assad", str(old), article, "--format", "table"])
    assert result.exit_code == 1
    assert "Bachar al-Assad" in result.stdout and "1 quotation" in result.stdout
