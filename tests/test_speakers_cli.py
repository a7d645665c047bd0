"""`quotecli speakers`, `who --type`, `list --canonical` and `--aliases` on the command line.

The first tests run the real engine on the seed article; the others use the
fake engine (tests/fake_engine.py: one record per `speaker|quote` line), so
they check the command line whatever the engine finds.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import sources
from quotecli.cli import app
from quotecli.model import FIELDS

runner = CliRunner()
SEEDS = str(ROOT / "seeds")


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.stderr
    return result.stdout


def speaker_rows(*args: str) -> list[dict]:
    rows = [json.loads(line) for line in run("speakers", *args, "--format", "jsonl").splitlines()]
    assert all(list(r) == list(sources.FIELDS) for r in rows), "every key, in schema order"
    return rows


# --------------------------------------------------------------------------
# The seed article, real engine


def test_speakers_of_the_seed() -> None:
    rows = {r["speaker"]: r for r in speaker_rows(SEEDS)}
    counts = {name: (r["kind"], r["quotations"], r["direct"], r["mixed"], r["indirect"], r["documents"]) for name, r in rows.items()}
    assert counts["Bachar al-Assad"] == ("person", 4, 2, 1, 1, 1)
    assert counts["Rami Abdel Rahmane"] == ("person", 3, 1, 1, 1, 1)
    assert counts["Ibrahim Abou Laith"] == ("person", 2, 2, 0, 0, 1)
    assert counts["Sergueï Lavrov"] == ("person", 1, 1, 0, 0, 1)
    assert rows["Bachar al-Assad"]["role"] == "président syrien"
    assert rows["Rami Abdel Rahmane"]["role"].startswith("directeur de l'Observatoire syrien des droits de l'Homme")
    assert rows["Sergueï Lavrov"]["gender"] == "m"


def test_who_type_direct_assad_in_the_seed() -> None:
    rows = [json.loads(line) for line in run("who", "--type", "direct", "assad", SEEDS, "-f", "jsonl").splitlines()]
    assert len(rows) == 2
    assert {r["speaker"] for r in rows} == {"Bachar al-Assad"} and {r["type"] for r in rows} == {"direct"}


def test_speakers_with_no_input_and_no_collection_reads_the_bundled_sample(tmp_path: Path) -> None:
    result = runner.invoke(app, ["speakers", "--db", str(tmp_path / "none.db"), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert "bundled sample" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["speaker"] == "Bachar al-Assad"


# --------------------------------------------------------------------------
# Fake engine: across documents, formats, options



@pytest.fixture
def corpus(tmp_path: Path) -> str:
    """Three articles naming Assad three ways, and two people called Le Pen."""
    (tmp_path / "a.txt").write_text("Bachar al-Assad|Il n'y a pas d'autre option\nBachar al-Assad|Rien\nMarine Le Pen|Non\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bachar el-Assad|Nous gagnerons\nJean-Marie Le Pen|Oui\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Assad|Un tremplin\nLe Pen|Peut-être\n|sans locuteur\n", encoding="utf-8")
    return str(tmp_path)


@pytest.mark.usefixtures("fake")
def test_one_person_across_documents_is_one_row(corpus: str) -> None:
    rows = speaker_rows(corpus)
    assert [(r["speaker"], r["quotations"], r["documents"]) for r in rows] == [
        ("Bachar al-Assad", 4, 3),
        ("Jean-Marie Le Pen", 1, 1),
        ("Le Pen", 1, 1),  # two candidates: stays apart
        ("Marine Le Pen", 1, 1),
    ]
    assert rows[0]["names"] == ["Bachar al-Assad", "Assad", "Bachar el-Assad"]


@pytest.mark.usefixtures("fake")
def test_json_is_one_object_with_the_rows_and_the_summary(corpus: str) -> None:
    out = json.loads(run("speakers", corpus, "--format", "json"))
    assert list(out) == ["speakers", "summary"]
    assert out["speakers"][0]["speaker"] == "Bachar al-Assad"
    summary = out["summary"]
    assert (summary["documents"], summary["quotations"], summary["attributed"], summary["speakers"]) == (3, 8, 7, 4)
    assert summary["persons"]["gender"]["unknown"] == {"speakers": 4, "quotations": 7, "share": 1.0}


@pytest.mark.usefixtures("fake")
def test_jsonl_and_csv_are_rows_only(corpus: str) -> None:
    lines = run("speakers", corpus, "--format", "jsonl").splitlines()
    assert len(lines) == 4 and all("summary" not in json.loads(line) for line in lines)
    table = list(csv.reader(io.StringIO(run("speakers", corpus, "--format", "csv"))))
    assert table[0] == list(sources.FIELDS)
    assert table[1][0] == "Bachar al-Assad" and json.loads(table[1][-1])[0] == "Bachar al-Assad"
    assert len(table) == 5


@pytest.mark.usefixtures("fake")
def test_table_shows_the_gender_line_under_the_ranking(corpus: str) -> None:
    out = run("speakers", corpus, "--format", "table")
    assert "Bachar" in out and "= Assad" in out, "the other names under the canonical one"
    assert "Quotations by persons (7 of 8): f 0% (0) · m 0% (0) · unknown 100% (7)" in out


@pytest.mark.usefixtures("fake")
def test_top_limits_the_rows_not_the_summary(corpus: str) -> None:
    out = json.loads(run("speakers", corpus, "--top", "1", "--format", "json"))
    assert len(out["speakers"]) == 1 and out["summary"]["speakers"] == 4


@pytest.mark.usefixtures("fake")
def test_who_finds_a_speaker_by_a_name_from_another_document(corpus: str) -> None:
    rows = [json.loads(line) for line in run("who", "bachar", corpus, "-f", "jsonl").splitlines()]
    assert [r["speaker"] for r in rows] == ["Bachar al-Assad", "Bachar al-Assad", "Bachar el-Assad", "Assad"]
    assert all(list(r) == list(FIELDS) for r in rows), "who prints records as they are"


@pytest.mark.usefixtures("fake")
def test_who_type(corpus: str) -> None:
    assert run("who", "assad", corpus, "--type", "mixed", "-f", "jsonl") == ""
    assert len(run("who", "assad", corpus, "-t", "direct", "-f", "jsonl").splitlines()) == 4
    result = runner.invoke(app, ["who", "assad", corpus, "--type", "quoted"])
    assert result.exit_code == 2


@pytest.mark.usefixtures("fake")
def test_list_canonical_rewrites_the_speaker(corpus: str) -> None:
    plain = [json.loads(line) for line in run("list", corpus, "-f", "jsonl").splitlines()]
    canonical = [json.loads(line) for line in run("list", corpus, "--canonical", "-f", "jsonl").splitlines()]
    assert [r["speaker"] for r in canonical if r["speaker"] and "Assad" in r["speaker"]] == ["Bachar al-Assad"] * 4
    assert [{k: v for k, v in r.items() if k != "speaker"} for r in canonical] == \
        [{k: v for k, v in r.items() if k != "speaker"} for r in plain]


@pytest.mark.usefixtures("fake")
def test_aliases_file_extends_the_bundled_one_and_implies_canonical(corpus: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("# mine\nBachar al-Assad\tle Lion de Damas\n", encoding="utf-8")
    (Path(corpus) / "d.txt").write_text("le Lion de Damas|Victoire\n", encoding="utf-8")
    rows = [json.loads(line) for line in run("list", corpus, "--aliases", str(mine), "-f", "jsonl").splitlines()]
    assert rows[-1]["speaker"] == "Bachar al-Assad" and rows[-1]["speaker_mention"] == "le Lion de Damas"
    assert speaker_rows(corpus, "--aliases", str(mine))[0]["quotations"] == 5
    assert len(run("who", "lion", corpus, "--aliases", str(mine), "-f", "jsonl").splitlines()) == 5


@pytest.mark.parametrize("command", [["speakers"], ["list"], ["who", "assad"]])
def test_a_bad_aliases_file_is_a_usage_error_naming_the_file_and_line(command: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Vladimir Poutine\tPutin\nPoutine only\n", encoding="utf-8")
    result = runner.invoke(app, [*command, str(tmp_path), "--aliases", str(bad)])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{bad}:2: expected canonical<TAB>variant" in result.stderr
    result = runner.invoke(app, [*command, str(tmp_path), "--aliases", str(tmp_path / "missing.tsv")])
    assert result.exit_code == 2 and "missing.tsv: cannot read the alias file" in result.stderr


@pytest.mark.usefixtures("fake")
def test_speakers_reads_the_collection_when_there_is_one(corpus: str, tmp_path: Path) -> None:
    db = str(tmp_path / "quotes.db")
    run("add", corpus, "--db", db, "--jobs", "1", "--quiet")
    rows = speaker_rows("--db", db)
    assert rows[0]["speaker"] == "Bachar al-Assad" and rows[0]["documents"] == 3
