"""Failures: a truncated gzip, a bad JSON line, a file deleted while reading, a full disk, Ctrl-C, a read-only
collection, a full output. Each gives one line on stderr naming the file and what to do, the documented exit
status, and loses nothing already stored: what the collection held before is still there and readable, and
adding again goes on where the failure stopped.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import collection, inputs
from quotecli.cli import INTERRUPTED, app

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("fake")  # tests/fake_engine.py: one record per `speaker|quote` line
posix = pytest.mark.skipif(os.name != "posix", reason="signals and resource limits of POSIX systems")


def article(i: int, records: int = 1) -> str:
    return "".join(f"Orateur {i}|citation {i}.{j}\n" for j in range(records))


def folder_of(path: Path, n: int, start: int = 0, records: int = 1) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (path / f"a{i:03}.txt").write_text(article(i, records), encoding="utf-8")
    return path


def listed(db: Path) -> str:
    """What `quotecli list --db` prints: the collection as a user reads it."""
    result = runner.invoke(app, ["list", "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def consistent(db: Path) -> int:
    """Check the tables agree with each other; the number of documents stored."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None) as con:
        # One read transaction: every SELECT sees the same snapshot while `add` may still be writing.
        con.execute("BEGIN")
        docs, counted = con.execute("SELECT count(*), coalesce(sum(records), 0) FROM documents").fetchone()
        assert counted == con.execute("SELECT count(*) FROM records").fetchone()[0]
        assert counted == con.execute("SELECT count(*) FROM quote_index").fetchone()[0]
        assert con.execute("SELECT count(*) FROM records WHERE doc NOT IN (SELECT id FROM documents)").fetchone()[0] == 0
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.execute("COMMIT")
    return int(docs)


def one_error_line(stderr: str, start: str) -> str:
    """The one `error:` line of stderr, which starts with `start`."""
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {start}"), stderr
    assert "Traceback" not in stderr
    return errors[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A collection holding three documents already: what no failure may lose."""
    path = tmp_path / "q.db"
    result = runner.invoke(app, ["add", str(folder_of(tmp_path / "before", 3, start=900)), "--db", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    return path


# -- inputs ----------------------------------------------------------------------


def test_a_truncated_gzip_stores_the_records_before_the_break(tmp_path: Path, db: Path) -> None:
    before = listed(db)
    whole = gzip.compress("".join(json.dumps({"id": f"n{i}", "text": article(i)}) + "\n" for i in range(300)).encode())
    news = tmp_path / "news.jsonl.gz"
    news.write_bytes(whole[: len(whole) // 2])
    result = runner.invoke(app, ["add", str(news), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    line = one_error_line(result.stderr, f"{news}: cannot read after line ")
    n = int(line.split("after line ")[1].split(":")[0])
    assert "the rest is lost" in line and "fetch it again" in line
    assert consistent(db) == 3 + n  # every record before the break, and everything stored before
    assert listed(db).startswith(before)
    news.write_bytes(whole)  # fetched again: adding goes on
    again = runner.invoke(app, ["add", str(news), "--db", str(db), "--jobs", "1"])
    assert again.exit_code == 0 and f"{300 - n:,} added, 0 replaced, {n:,} unchanged" in again.stderr


def test_a_truncated_txt_gz_is_skipped_and_named(tmp_path: Path, db: Path) -> None:
    before = listed(db)
    whole = gzip.compress(article(1, 500).encode())
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    folder_of(tmp_path / "in", 1)
    result = runner.invoke(app, ["add", str(tmp_path / "in"), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    one_error_line(result.stderr, f"{tmp_path / 'in' / 'cut.txt.gz'}: not valid gzip data (")
    assert "truncated or corrupt" in result.stderr
    assert consistent(db) == 4 and listed(db).startswith(before)


def test_a_json_line_that_is_not_an_object_is_skipped_and_named(tmp_path: Path, db: Path) -> None:
    before = listed(db)
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "a", "text": article(1)}) + '\n["not", "an", "object"]\n42\n'
                    + json.dumps({"id": "b", "text": article(2)}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["add", str(news), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {news}:2: not a JSON object; skipped",
        f"error: {news}:3: not a JSON object; skipped",
    ]
    assert "2 added" in result.stderr
    assert consistent(db) == 5 and listed(db).startswith(before)


def test_a_file_deleted_between_listing_its_folder_and_reading_it(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = listed(db)
    corpus = folder_of(tmp_path / "corpus", 3)
    listing = inputs.text_files

    def then_deleted(folder: str) -> list[str]:
        found = listing(folder)
        os.remove(found[1])  # gone between the listing and the reading, as a cleaning job does
        return found

    monkeypatch.setattr(inputs, "text_files", then_deleted)
    result = runner.invoke(app, ["add", str(corpus), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    one_error_line(result.stderr, f"{corpus / 'a001.txt'}: deleted since {corpus} was listed; skipped")
    assert "2 added" in result.stderr
    assert consistent(db) == 5 and listed(db).startswith(before)


# -- the collection --------------------------------------------------------------


def limited(pages: int) -> Callable[..., sqlite3.Connection]:
    """`collection._connect` for a disk with room for `pages` more pages (SQLite's max_page_count): full after that."""
    real = collection._connect

    def connect(target: str, uri: bool = False) -> sqlite3.Connection:
        con = real(target, uri)
        if not uri:  # the writer: readers open `?mode=ro` URIs
            con.execute(f"PRAGMA max_page_count = {con.execute('PRAGMA page_count').fetchone()[0] + pages}")
        return con

    return connect


def test_a_full_disk_while_adding_keeps_the_batches_committed(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = listed(db)
    corpus = folder_of(tmp_path / "corpus", 40, records=40)
    monkeypatch.setattr(collection, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(collection, "_connect", limited(40))
    result = runner.invoke(app, ["add", str(corpus), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    line = one_error_line(result.stderr, f"{db}: the disk is full; the first ")
    assert line.endswith("documents of this add were stored and are kept, as is everything stored before; "
                         "free some space, then add again to go on")
    kept = int(line.split("the first ")[1].split()[0])
    monkeypatch.undo()  # space freed
    assert 0 < kept < 40 and consistent(db) == 3 + kept
    assert listed(db).startswith(before)
    again = runner.invoke(app, ["add", str(corpus), "--db", str(db), "--jobs", "1"])
    assert again.exit_code == 0 and f"{40 - kept} added, 0 replaced, {kept} unchanged" in again.stderr
    assert consistent(db) == 43


FAKE_ADD = """
import sys, time
sys.path.insert(0, "tests")
import fake_engine
import quotecli.cli as cli, quotecli.collection as collection
collection.BATCH_DOCUMENTS = 2
def slow(text, doc_id=None):
    time.sleep(0.02)
    return fake_engine.extract(text, doc_id)
cli.extract = slow
cli.main()
"""


@posix
def test_a_write_the_system_refuses_keeps_what_was_committed(tmp_path: Path, db: Path) -> None:
    """A real failing write (the file size limit, RLIMIT_FSIZE, as a quota does), in a child process."""
    before = listed(db)
    corpus = folder_of(tmp_path / "corpus", 60, records=40)
    size = sum(p.stat().st_size for p in tmp_path.iterdir() if p.name.startswith("q.db"))

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200_000, size + 200_000))

    result = subprocess.run([sys.executable, "-c", FAKE_ADD, "add", str(corpus), "--db", str(db), "--jobs", "1"],
                            cwd=ROOT, text=True, capture_output=True, preexec_fn=limit, timeout=60, check=False)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result.stderr, f"{db}: ")
    assert "add again to go on" in line
    stored = consistent(db)
    assert 3 < stored < 63 and listed(db).startswith(before)
    assert runner.invoke(app, ["add", str(corpus), "--db", str(db), "--jobs", "1"]).exit_code == 0
    assert consistent(db) == 63


@posix
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_in_the_middle_of_add_keeps_the_collection_consistent(tmp_path: Path, db: Path, jobs: int) -> None:
    before = listed(db)
    corpus = folder_of(tmp_path / "corpus", 400)
    child = subprocess.Popen([sys.executable, "-c", FAKE_ADD, "add", str(corpus), "--db", str(db), "--jobs", str(jobs)],
                             cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while consistent(db) < 3 + 4 and time.monotonic() < deadline:  # some batches are committed ...
            time.sleep(0.05)
        os.killpg(child.pid, signal.SIGINT)  # ... then Ctrl-C, sent to the process group as a terminal does
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == INTERRUPTED, err
    assert out == ""
    assert [line for line in err.splitlines() if line] == [
        f"interrupted: {db} keeps what was stored until {collection.BATCH_SECONDS:g} s ago; add again to go on"
    ]
    stored = consistent(db)
    assert 3 + 4 <= stored < 403 and listed(db).startswith(before)
    again = runner.invoke(app, ["add", str(corpus), "--db", str(db), "--jobs", "1"])
    assert again.exit_code == 0 and f"{403 - stored} added, 0 replaced, {stored - 3} unchanged" in again.stderr


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open every collection as SQLite opens a file it may not write (as root, chmod cannot show it)."""
    real = collection._connect

    def connect(target: str, uri: bool = False) -> sqlite3.Connection:
        return real(target if uri else f"{Path(target).resolve().as_uri()}?mode=ro", True)

    monkeypatch.setattr(collection, "_connect", connect)


def test_a_read_only_collection_is_refused_in_one_line_and_left_as_it_was(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = listed(db)
    read_only(monkeypatch)
    result = runner.invoke(app, ["add", str(folder_of(tmp_path / "corpus", 2)), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1
    one_error_line(result.stderr, f"{db}: the collection is read-only (attempt to write a readonly database); "
                   "nothing of this add was stored, as is everything stored before; make the file and its folder "
                   "writable, or choose another with --db")
    assert listed(db) == before  # and it can still be read
    monkeypatch.undo()
    assert consistent(db) == 3 and listed(db) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_file(tmp_path: Path, db: Path) -> None:
    before = listed(db)
    for p in tmp_path.glob("q.db*"):
        p.chmod(0o444)
    result = runner.invoke(app, ["add", str(folder_of(tmp_path / "corpus", 2)), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 1 and "read-only" in one_error_line(result.stderr, f"{db}: ")
    assert listed(db) == before


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["add", str(folder_of(tmp_path / "corpus", 1)), "--db", str(blocker / "q.db")])
    assert result.exit_code == 1
    one_error_line(result.stderr, f"{blocker / 'q.db'}: cannot create its folder (")
    assert blocker.read_text(encoding="utf-8") == ""


# -- the output --------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_to_a_full_disk_is_one_line_and_status_1(tmp_path: Path) -> None:
    corpus = folder_of(tmp_path / "corpus", 50, records=20)
    code = "import sys; sys.path.insert(0, 'tests'); import fake_engine, quotecli.cli as c; c.extract = fake_engine.extract; c.main()"
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-c", code, "list", str(corpus), "--jobs", "1"], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr == ("error: cannot write the output: No space left on device; free some space, or write "
                             "elsewhere, and run again\n")


def test_ctrl_c_in_any_other_command_is_status_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(text: str, doc_id: str | None = None) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr("quotecli.cli.extract", interrupted)
    result = runner.invoke(app, ["list", str(folder_of(tmp_path / "corpus", 1)), "--jobs", "1"])
    assert (result.exit_code, result.stderr) == (INTERRUPTED, "interrupted\n")


def test_no_quotation_found_is_success(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Aucune citation ici.\n", encoding="utf-8")
    result = runner.invoke(app, ["list", str(empty)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
