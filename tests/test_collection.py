"""collection.py and the commands on it: add, then list / who / search from SQLite without re-extracting."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import fake_engine
import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import canon, collection, inputs, match, parallel
from quotecli.cli import app
from quotecli.collection import Change, Collection, CollectionError
from quotecli.inputs import Document
from quotecli.model import FIELDS

runner = CliRunner()

NEWS = [
    Document("a", "Bachar al-Assad|Il n'y a pas d'autre option\nSergueï Lavrov|Je n'attends rien\n", meta={"date": "2016-10-01"}),
    Document("b", "Jean-Luc Mélenchon|L'État doit répondre\n|sans locuteur\n", meta={"date": "2016-10-02"}),
    Document("c", "Élisabeth Borne|Le cœur du sujet, c'est le pouvoir d'achat\n", meta={"date": "2016-10-03"}),
]


def fake_all(items: Iterable[object]) -> Iterator[object]:
    return parallel.extract_all(items, 1, fake_engine.extract)  # type: ignore[arg-type]


def add(coll: Collection, docs: Iterable[Document], **kwargs: object) -> list[collection.Stored]:
    return list(coll.add(docs, fake_all, **kwargs))  # type: ignore[arg-type]


def extracted(docs: Iterable[Document]) -> list[dict]:
    return [r.to_dict() for d in docs for r in fake_engine.extract(d.text, d.doc_id)]


@pytest.fixture
def coll(tmp_path: Path) -> Iterator[Collection]:
    with Collection.create(tmp_path / "q.db") as c:
        yield c


def test_records_read_back_exactly_as_extracted_in_input_order(coll: Collection) -> None:
    assert [s.change for s in add(coll, NEWS)] == [Change.ADDED] * 3
    assert list(coll.rows()) == extracted(NEWS)
    assert [list(r) for r in coll.rows()] == [list(FIELDS)] * 5
    assert (coll.documents(), coll.records()) == (3, 5)


def content(coll: Collection) -> list[tuple]:
    """Everything stored but the bookkeeping of which add saw a document last."""
    return [
        *coll.db.execute("SELECT id, doc_id, sha256, chars, records, meta, engine FROM documents"),
        *coll.db.execute("SELECT * FROM records"),
        *coll.db.execute("SELECT rowid, * FROM speaker_index"),
        *coll.db.execute("SELECT rowid, * FROM quote_index"),
    ]


def test_adding_the_same_documents_again_changes_nothing(coll: Collection) -> None:
    add(coll, NEWS)
    before = content(coll)
    assert [s.change for s in add(coll, NEWS)] == [Change.UNCHANGED] * 3
    assert [s.records for s in add(coll, NEWS)] == [2, 2, 1]
    assert content(coll) == before


def test_a_changed_document_is_replaced_in_place(coll: Collection) -> None:
    add(coll, NEWS)
    changed = Document("a", "Bachar al-Assad|Nouvelle déclaration\n")
    assert [s.change for s in add(coll, [changed])] == [Change.REPLACED]
    rows = list(coll.rows())
    assert [r["quote"] for r in rows][:1] == ["Nouvelle déclaration"]  # still first: its place is kept
    assert coll.documents() == 3 and coll.records() == 4
    assert list(coll.who(match.words("lavrov"))) == []  # the old records left the indexes too
    assert [r["quote"] for r in coll.who(match.words("assad"))] == ["Nouvelle déclaration"]


def test_two_documents_with_one_id_in_one_add_are_both_kept(coll: Collection) -> None:
    twins = [Document("same-url", "X|premier\n"), Document("same-url", "Y|second\n")]
    assert [s.change for s in add(coll, twins)] == [Change.ADDED, Change.ADDED]
    assert [s.change for s in add(coll, twins)] == [Change.UNCHANGED, Change.UNCHANGED]
    assert [r["quote"] for r in coll.rows()] == ["premier", "second"]


def test_a_new_engine_version_re_extracts(coll: Collection, monkeypatch: pytest.MonkeyPatch) -> None:
    add(coll, NEWS)
    monkeypatch.setattr(collection, "ENGINE", "9.9.9")
    assert [s.change for s in add(coll, NEWS)] == [Change.REPLACED] * 3
    assert list(coll.rows()) == extracted(NEWS)


@pytest.mark.parametrize(
    ("query", "speakers"),
    [
        ("assad", ["Bachar al-Assad"]),
        ("al-Assad", ["Bachar al-Assad"]),
        ("BACHAR AL ASSAD", ["Bachar al-Assad"]),
        ("serguei", ["Sergueï Lavrov"]),
        ("melenchon", ["Jean-Luc Mélenchon"]),
        ("jean luc", ["Jean-Luc Mélenchon"]),
        ("elisabeth borne", ["Élisabeth Borne"]),
        ("ass", []),
        ("assad bachar", []),  # in order
    ],
)
def test_who_matches_like_who_on_files(coll: Collection, query: str, speakers: list[str]) -> None:
    add(coll, NEWS)
    found = [r["speaker"] for r in coll.who(match.words(query))]
    assert found == speakers
    assert found == [r["speaker"] for r in extracted(NEWS) if match.matches(match.words(query), (r["speaker"], r["speaker_mention"]))]


CLUSTERS = [
    Document("e", "Emmanuel Macron|Je ne céderai pas\nMacron|Nous irons jusqu'au bout\n"),  # a surname joins the full name
    Document("f", "Vladimir Putin|Nyet\nVladimir Poutine|Da\nBrigitte Macron|Bonjour\n"),  # the bundled aliases
    Document("g", "Bachar el-Assad|Rien\n"),  # particles
]


@pytest.mark.parametrize("query", ["emmanuel macron", "macron", "poutine", "putin", "assad", "al assad", "brigitte"])
def test_who_names_a_speaker_by_any_name_of_their_cluster_as_on_files(coll: Collection, query: str) -> None:
    add(coll, NEWS + CLUSTERS)
    every = extracted(NEWS + CLUSTERS)
    expected = list(canon.matching_rows(every, match.words(query), canon.bundled_aliases()))
    assert expected  # each query finds something
    assert list(coll.who(match.words(query))) == expected
    mine = canon.parse_aliases("Emmanuel Macron\tLe président\n", "mine.tsv")  # aliases of the user's: computed on the fly
    expected = list(canon.matching_rows(every, match.words("president"), canon.bundled_aliases().merged(mine)))
    assert [r["quote"] for r in expected] == ["Je ne céderai pas"]  # "Macron" alone stays apart: Brigitte Macron too
    assert list(coll.who(match.words("president"), aliases=canon.bundled_aliases().merged(mine))) == expected


@pytest.mark.parametrize(
    ("phrases", "quotes"),
    [
        (["pouvoir d'achat"], ["Le cœur du sujet, c'est le pouvoir d'achat"]),
        (["POUVOIR D’ACHAT"], ["Le cœur du sujet, c'est le pouvoir d'achat"]),  # case, typographic apostrophe
        (["etat"], ["L'État doit répondre"]),  # accents
        (["coeur"], ["Le cœur du sujet, c'est le pouvoir d'achat"]),  # ligature
        (["achat pouvoir"], []),  # a phrase is in order
        (["sujet", "achat"], ["Le cœur du sujet, c'est le pouvoir d'achat"]),  # every argument
        (["sujet", "option"], []),
        (["option"], ["Il n'y a pas d'autre option"]),
    ],
)
def test_search_finds_quotes_by_their_words(coll: Collection, phrases: list[str], quotes: list[str]) -> None:
    add(coll, NEWS)
    assert [r["quote"] for r in coll.search([match.words(p) for p in phrases])] == quotes


def test_kept_fields_are_stored_merged_and_given_back(coll: Collection) -> None:
    add(coll, NEWS)
    add(coll, [Document(d.doc_id, d.text) for d in NEWS])  # again, without --keep: nothing lost
    add(coll, [Document("c", NEWS[2].text, meta={"publisher": "Le Monde"})])
    rows = list(coll.rows(keep=("date", "publisher")))
    assert [(r["doc_id"], r["date"], r["publisher"]) for r in rows][-1] == ("c", "2016-10-03", "Le Monde")
    assert list(rows[0])[-2:] == ["date", "publisher"]


def test_an_interruption_rolls_back_the_open_batch_only(coll: Collection) -> None:
    docs = [Document(f"d{i}", f"X|quote {i}\n") for i in range(7)]

    def interrupted(items: Iterable[object]) -> Iterator[object]:
        for n, item in enumerate(fake_all(items)):
            if n == 5:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        list(coll.add(docs, interrupted, batch=2))  # type: ignore[arg-type]
    assert coll.documents() == 4  # two batches of two committed, the fifth rolled back
    assert [r["doc_id"] for r in coll.rows()] == ["d0", "d1", "d2", "d3"]
    assert len(list(coll.search([("quote",)]))) == 4  # the index agrees with the table
    assert [s.change for s in add(coll, docs)] == [Change.UNCHANGED] * 4 + [Change.ADDED] * 3


def test_the_indexes_are_used(coll: Collection) -> None:
    add(coll, NEWS)
    assert any("speaker_index VIRTUAL TABLE INDEX" in step for step in coll.plan("who"))
    assert any("USING INDEX records_by_speaker" in step for step in coll.plan("who"))
    assert any("quote_index VIRTUAL TABLE INDEX" in step for step in coll.plan("search"))
    assert any("records_in_order" in step for step in coll.plan("list"))


def test_existing_is_none_for_no_file_and_for_an_empty_collection(tmp_path: Path) -> None:
    assert Collection.existing(tmp_path / "none.db") is None
    Collection.create(tmp_path / "empty.db").close()
    assert Collection.existing(tmp_path / "empty.db") is None


def test_other_files_are_not_taken_for_a_collection(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello " * 1000, encoding="utf-8")
    for path in (other, notdb):
        with pytest.raises(CollectionError, match="not a quotecli collection"):
            Collection.create(path)
        with pytest.raises(CollectionError, match="not a quotecli collection"):
            Collection.existing(path)


def test_default_path_follows_the_platform_conventions() -> None:
    assert collection.default_path({"QUOTECLI_DB": "/x/q.db", "HOME": "/h"}) == Path("/x/q.db")
    assert collection.default_path({"XDG_DATA_HOME": "/data", "HOME": "/h"}, "linux") == Path("/data/quotecli/quotes.db")
    assert collection.default_path({"XDG_DATA_HOME": "rel", "HOME": "/h"}, "linux") == Path("/h/.local/share/quotecli/quotes.db")
    assert collection.default_path({"HOME": "/h"}, "darwin") == Path("/h/Library/Application Support/quotecli/quotes.db")


# -- the command line -----------------------------------------------------------

ARTICLES = [
    ("a.txt", "« Nous ne céderons pas », a déclaré Édouard Philippe lundi soir devant les députés.\n"),
    ("b.txt", ("« Le pouvoir d'achat est notre priorité », a affirmé Emmanuel Macron mercredi.\n"
               "Selon Jean-Luc Mélenchon, « le peuple a raison de se révolter ».\n")),
    ("c.txt", "« L'État doit entendre la colère », a estimé Marine Le Pen.\n"),
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES:
        (tmp_path / "corpus" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / inputs.SAMPLE).write_text(inputs.sample().text, encoding="utf-8")
    return tmp_path / "corpus"


def test_add_then_list_who_search_give_the_same_bytes_as_extraction(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    added = runner.invoke(app, ["add", str(folder), "--db", db])
    assert added.exit_code == 0, added.stderr
    assert added.stdout == "" and "4 added, 0 replaced, 0 unchanged" in added.stderr
    direct = runner.invoke(app, ["list", str(folder)]).stdout
    stored = runner.invoke(app, ["list", "--db", db])
    assert stored.stdout == direct and stored.stdout
    assert stored.stderr.startswith(f"Reading the collection {db} (4 documents)")
    for name in ("macron", "melenchon", "lavrov", "il"):  # `who NAME PATH` keeps the lines of `list PATH` that match
        lines = [line for line in direct.splitlines(keepends=True)
                 if match.matches(match.words(name), (json.loads(line)["speaker"], json.loads(line)["speaker_mention"]))]
        assert runner.invoke(app, ["who", name, "--db", db]).stdout == "".join(lines) != "", name
    found = runner.invoke(app, ["search", "pouvoir d'achat", "--db", db])
    assert [json.loads(line)["speaker"] for line in found.stdout.splitlines()] == ["Emmanuel Macron"]
    again = runner.invoke(app, ["add", str(folder), "--db", db, "--quiet"])
    assert (again.exit_code, again.stderr) == (0, "")


def test_without_a_collection_list_who_and_search_use_the_sample_and_say_so(tmp_path: Path) -> None:
    db = str(tmp_path / "none.db")
    for command in (["who", "lavrov"], ["search", "rien de spécial"]):
        result = runner.invoke(app, [*command, "--db", db])
        assert result.exit_code == 0
        assert f"no quotations collected in {db}" in result.stderr and inputs.SAMPLE in result.stderr
        assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {inputs.SAMPLE}
    assert not Path(db).exists()  # reading never creates the collection


def test_quotecli_db_names_the_collection_for_commands_without_path(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("QUOTECLI_DB", str(db))
    assert runner.invoke(app, ["add", str(folder / "a.txt")]).exit_code == 0
    result = subprocess.run(  # as a user runs it: stdin a terminal or /dev/null, not a pipe
        [sys.executable, "-m", "quotecli", "who", "philippe"],
        cwd=ROOT, text=True, capture_output=True, stdin=subprocess.DEVNULL, check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["speaker"] == "Édouard Philippe"
    assert result.stderr == f"Reading the collection {db} (1 document).\n"


def test_add_reports_bad_records_and_stores_the_rest(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text('{"id": "1", "text": "« Oui », a dit Jean Dupont."}\n{"id": "2", "text": \n', encoding="utf-8")
    result = runner.invoke(app, ["add", str(news), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 1
    assert f"error: {news}:2: not valid JSON" in result.stderr and "1 added" in result.stderr


def test_add_needs_something_to_add(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "stdin_is_piped", lambda stream: False)
    result = runner.invoke(app, ["add", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2 and result.stderr.startswith("error: nothing to add")


def test_search_needs_words(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "«»", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2 and result.stderr.startswith("error: WORDS has no letter or digit")


def test_a_file_that_is_not_a_collection_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello " * 1000, encoding="utf-8")
    result = runner.invoke(app, ["who", "macron", "--db", str(notes)])
    assert result.exit_code == 1 and result.stderr.startswith(f"error: {notes}: not a quotecli collection")
