"""corpus.py and the CLI: JSON Lines, CSV, gzip and --files-from, a bad record reported as file:line and skipped."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli import corpus, inputs
from quotecli.cli import app
from quotecli.corpus import Fields
from quotecli.inputs import Document, InputError, Problem
from quotecli.model import FIELDS

runner = CliRunner()

ARTICLES = [
    {"id": "lefigaro/1", "date": "2018-12-01", "publisher": "Le Figaro", "text": "Édouard Philippe|Nous ne céderons pas\n"},
    {"id": "lepoint/2", "date": "2018-12-02", "publisher": "Le Point", "text": "intro\nEmmanuel Macron|Le pouvoir d'achat\n"},
]


def jsonl_bytes(objs: list[object]) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode()


def read(path: Path, **fields: object) -> list[Document | InputError]:
    return list(corpus.documents([str(path)], fields=Fields(**fields)))  # type: ignore[arg-type]


def test_jsonl_records_become_documents_with_id_text_and_kept_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(jsonl_bytes(ARTICLES))
    docs = read(path, keep=("date", "missing"))
    assert docs == [
        Document("lefigaro/1", ARTICLES[0]["text"], None, {"date": "2018-12-01", "missing": None}),
        Document("lepoint/2", ARTICLES[1]["text"], None, {"date": "2018-12-02", "missing": None}),
    ]
    assert [d.origin.line for d in docs if isinstance(d, Document) and d.origin] == [1, 2]


def test_other_field_names_and_ids_that_are_missing_or_numbers(tmp_path: Path) -> None:
    path = tmp_path / "api.ndjson"
    path.write_bytes(jsonl_bytes([{"body": "a", "uid": 17}, {"body": "b"}, {"body": "c", "uid": ""}]))
    docs = read(path, text="body", id="uid")
    assert [(d.doc_id, d.text) for d in docs if isinstance(d, Document)] == [
        ("17", "a"),
        (f"{path}:2", "b"),  # no id: the record's place stands in
        (f"{path}:3", "c"),
    ]


def test_a_bad_line_is_reported_with_its_location_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    lines = [
        json.dumps(ARTICLES[0]).encode(),
        b'{"id": "cut", "text": "la suite',  # truncated by the scraper
        b"",  # blank lines are nothing
        b'["not", "an", "object"]',
        b'{"id": "notext", "title": "x"}',
        b'{"id": "nulltext", "text": null}',
        '{"id": "latin", "text": "é"}'.encode("latin-1"),
        b'{"id": "lone", "text": "\\ud83d"}',
        json.dumps(ARTICLES[1]).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    got = read(path)
    assert [d.doc_id for d in got if isinstance(d, Document)] == ["lefigaro/1", "lepoint/2"]
    errors = [e for e in got if isinstance(e, InputError)]
    assert [(e.problem, e.message.split(": ")[0]) for e in errors] == [
        (Problem.MALFORMED, f"{path}:2"),
        (Problem.MALFORMED, f"{path}:4"),
        (Problem.MALFORMED, f"{path}:5"),
        (Problem.MALFORMED, f"{path}:6"),
        (Problem.UNDECODABLE, f"{path}:7"),
        (Problem.MALFORMED, f"{path}:8"),
    ]
    assert "not valid JSON" in errors[0].message and "skipped" in errors[0].message
    assert "no 'text' field" in errors[2].message
    assert "try --encoding cp1252" in errors[4].message
    assert all("\n" not in e.message for e in errors)


def test_gzip_files_are_read_directly(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(ARTICLES)))
    (tmp_path / "one.txt.gz").write_bytes(gzip.compress("« Oui », a dit Jean.".encode()))
    docs = list(corpus.documents([str(tmp_path / "news.jsonl.gz"), str(tmp_path / "one.txt.gz")]))
    assert [(d.doc_id, d.text) for d in docs if isinstance(d, Document)] == [
        ("lefigaro/1", ARTICLES[0]["text"]),
        ("lepoint/2", ARTICLES[1]["text"]),
        (str(tmp_path / "one.txt.gz"), "« Oui », a dit Jean."),
    ]


def test_folders_contribute_txt_gz_files_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"b"))
    (tmp_path / "c.jsonl").write_bytes(jsonl_bytes(ARTICLES))  # corpus files are named explicitly
    docs = list(corpus.documents([str(tmp_path)]))
    assert [d.text for d in docs if isinstance(d, Document)] == ["a", "b"]


def test_a_truncated_gzip_keeps_what_was_read_and_says_where_it_broke(tmp_path: Path) -> None:
    whole = gzip.compress(jsonl_bytes(ARTICLES * 200))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    got = read(path)
    *docs, error = got
    assert docs and all(isinstance(d, Document) for d in docs)
    assert isinstance(error, InputError) and error.problem is Problem.UNREADABLE
    assert error.message.startswith(f"{path}: cannot read after line ")


def test_csv_with_a_header_and_texts_over_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        'id,date,text\n'
        'a1,2019-01-05,"X|« Première »\r\nY|« Seconde, avec virgule »"\n'
        '\n'
        'a2,2019-01-06,"Z|""guillemets droits"""\n',
        encoding="utf-8", newline="",
    )
    docs = read(path, keep=("date",))
    assert docs == [
        Document("a1", "X|« Première »\r\nY|« Seconde, avec virgule »", None, {"date": "2019-01-05"}),
        Document("a2", 'Z|"guillemets droits"', None, {"date": "2019-01-06"}),
    ]
    assert [d.origin.line for d in docs if isinstance(d, Document) and d.origin] == [2, 5]


def test_csv_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,text\nok,fine\nold,caf\xe9\nshort\n")
    got = read(path)
    assert [d.doc_id for d in got if isinstance(d, Document)] == ["ok"]
    assert [e.message.split(": ")[0] for e in got if isinstance(e, InputError)] == [f"{path}:3", f"{path}:4"]
    assert [d.text for d in corpus.documents([str(path)], encoding="cp1252") if isinstance(d, Document)] == ["fine", "café"]


def test_a_csv_without_the_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("id\tbody\n1\tsomething\n", encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, InputError) and "no 'text' column (columns: id, body)" in error.message
    assert [d.text for d in read(path, text="body") if isinstance(d, Document)] == ["something"]


def test_files_from_lists_paths_and_names_the_line_of_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'a.txt'}\n\n{tmp_path / 'gone.txt'}\n", encoding="utf-8")
    got = list(corpus.listed(str(listing)))
    assert got[0] == str(tmp_path / "a.txt")
    assert isinstance(got[1], InputError) and got[1].message.startswith(f"{listing}:3: {tmp_path / 'gone.txt'}: no such file")
    assert [p for p in corpus.listed("-", io.BytesIO(f"{tmp_path / 'a.txt'}\r\n".encode()))] == [str(tmp_path / "a.txt")]


def test_utf16_corpus_files_are_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    path.write_bytes(jsonl_bytes(ARTICLES).decode().encode("utf-16"))
    [error] = list(corpus.documents([str(path)], encoding="utf-16"))
    assert isinstance(error, InputError) and "ASCII-compatible" in error.message


# -- the command line -----------------------------------------------------------


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_bytes([ARTICLES[0], {"id": "broken"}, ARTICLES[1]])))
    return path


@pytest.mark.usefixtures("fake")
def test_list_reads_a_jsonl_gz_keeps_metadata_after_the_schema_keys_and_reports_the_bad_record(news: Path) -> None:
    result = runner.invoke(app, ["list", str(news), "--keep", "date,publisher", "--jobs", "1"])
    assert result.exit_code == 1  # one record was bad: reported, the others processed
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in rows] == [[*FIELDS, "date", "publisher"]] * 2
    assert [(r["doc_id"], r["speaker"], r["date"], r["publisher"]) for r in rows] == [
        ("lefigaro/1", "Édouard Philippe", "2018-12-01", "Le Figaro"),
        ("lepoint/2", "Emmanuel Macron", "2018-12-02", "Le Point"),
    ]
    assert result.stderr == f"error: {news}:2: no 'text' field; skipped (see --text-field)\n"


@pytest.mark.usefixtures("fake")
def test_without_keep_the_records_have_the_schema_keys_only(news: Path, tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text("X|oui\n", encoding="utf-8")
    rows = [json.loads(line) for line in runner.invoke(app, ["list", str(news), str(plain)]).stdout.splitlines()]
    assert all(list(r) == list(FIELDS) for r in rows) and len(rows) == 3
    csv_out = runner.invoke(app, ["list", str(plain), "--keep", "date", "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].endswith(",flags,date")  # a text file has no metadata: an empty cell


@pytest.mark.usefixtures("fake")
def test_keep_cannot_shadow_a_record_key(news: Path) -> None:
    result = runner.invoke(app, ["list", str(news), "--keep", "date,quote"])
    assert result.exit_code == 2 and result.stderr == "error: --keep quote: already a key of every record\n"


@pytest.mark.usefixtures("fake")
def test_files_from_on_the_command_line(tmp_path: Path, news: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{news}\n{tmp_path / 'gone.txt'}\n", encoding="utf-8")
    result = runner.invoke(app, ["who", "macron", "--files-from", str(listing)])
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["lepoint/2"]
    assert f"error: {listing}:2: {tmp_path / 'gone.txt'}: no such file or directory\n" in result.stderr
    assert result.exit_code == 1
    piped = runner.invoke(app, ["list", "--files-from", "-"], input=f"{news}\n")
    assert len(piped.stdout.splitlines()) == 2


def test_the_sample_message_is_one_line_and_quiet_silences_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "stdin_is_piped", lambda stream: False)
    monkeypatch.setattr("quotecli.cli.extract", lambda text, doc_id=None: [])
    loud = runner.invoke(app, ["list"])
    assert loud.exit_code == 0 and "bundled sample" in loud.stderr and len(loud.stderr.splitlines()) == 1
    quiet = runner.invoke(app, ["list", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
