"""`quotecli stats`: corpus figures computed over records (stats.py) and drawn as a dashboard."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from quotecli import render, stats
from quotecli.cli import app

runner = CliRunner()

#: A small corpus of real-looking French news sentences; c.txt has no quotation.
CORPUS = {
    "a.txt": "« Nous ne céderons pas », a déclaré Édouard Philippe. Selon la ministre Élisabeth Borne, "
    "la réforme sera votée avant l'été.\n",
    "b.txt": "« C'est inacceptable », a dénoncé la CGT.\n\nMarine Le Pen a estimé que le gouvernement devait reculer.\n",
    "c.txt": "Il pleuvait sur Paris.\n",
    "sub/d.txt": "« Je suis inquiète », a confié Anne Hidalgo. « Nous verrons », a-t-elle ajouté.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in CORPUS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def row(**fields) -> dict:
    base = {"doc_id": "a.txt", "type": "direct", "speaker": None, "speaker_kind": None, "speaker_gender": None,
            "cue": None, "cue_lemma": None, "flags": []}
    return {**base, **fields}


# The figures, on hand-made rows


def test_no_rows() -> None:
    f = stats.compute([], documents=2)
    assert f.documents == 2 and f.quotations == 0 and f.documents_with_quotations == 0
    assert f.by_type == {"direct": 0, "mixed": 0, "indirect": 0}
    assert f.attributed_share is None and f.top_cues == [] and f.top_speakers == []
    assert f.gender_quotations == {"f": 0, "m": 0, "unknown": 0}
    assert json.loads(json.dumps(f.to_dict()))["attributed_share"] is None


def test_counts_shares_and_rankings() -> None:
    rows = [
        row(speaker="Anne Hidalgo", speaker_kind="person", speaker_gender="f", cue="a dit", cue_lemma="dire"),
        row(speaker="Anne Hidalgo", speaker_kind="person", cue="ajoute", cue_lemma="ajouter", type="indirect"),
        row(speaker="CGT", speaker_kind="organisation", cue="selon", cue_lemma="selon", doc_id="b.txt"),
        row(speaker="Jean Dupont", speaker_kind="person", speaker_gender="m", cue="dit", cue_lemma="dire", type="mixed"),
        row(flags=["unbalanced_marks"], cue=":", cue_lemma=None),
    ]
    f = stats.compute(rows, top=2)
    assert (f.documents, f.documents_with_quotations, f.quotations, f.attributed) == (2, 2, 5, 4)
    assert f.attributed_share == 0.8
    assert f.by_type == {"direct": 3, "mixed": 1, "indirect": 1}
    assert f.by_kind == {"person": 3, "organisation": 1, "group": 0, "unknown": 0, "none": 1}
    assert f.top_cues == [("dire", 2), (":", 1)]  # the cue as written when it has no lemma; ties alphabetical
    assert f.top_speakers == [("Anne Hidalgo", 2, "f"), ("CGT", 1, "unknown")]
    # a person's gender is what their records say, even when one record says nothing
    assert f.gender_quotations == {"f": 2, "m": 1, "unknown": 0}
    assert f.gender_speakers == {"f": 1, "m": 1, "unknown": 0}
    assert f.flags == {"unbalanced_marks": 1}


def test_the_json_object_has_every_key() -> None:
    keys = list(stats.compute([row()]).to_dict())
    assert keys == ["documents", "documents_with_quotations", "quotations", "by_type", "attributed",
                    "attributed_share", "by_kind", "flags", "top_cues", "top_speakers", "gender"]


def test_bars() -> None:
    assert render.bar(0, 10, 10) == "" and render.bar(5, 0, 10) == ""
    assert render.bar(10, 10, 10) == "█" * 10
    assert render.bar(5, 10, 10) == "█" * 5
    assert render.bar(1, 1000, 10) == "▏"  # a count is never drawn as nothing


# The command, on a small folder of .txt files


def test_stats_agree_with_counting_the_jsonl_by_hand(corpus: Path) -> None:
    listed = runner.invoke(app, ["list", str(corpus), "--format", "jsonl"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows, "the engine finds quotations in the corpus"
    result = runner.invoke(app, ["stats", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)

    assert got["documents"] == len(CORPUS)
    assert got["documents_with_quotations"] == len({r["doc_id"] for r in rows})
    assert got["quotations"] == len(rows)
    assert got["by_type"] == {t: sum(r["type"] == t for r in rows) for t in ("direct", "mixed", "indirect")}
    attributed = [r for r in rows if r["speaker"] is not None]
    assert got["attributed"] == len(attributed)
    assert got["attributed_share"] == round(len(attributed) / len(rows), 4)
    cues = Counter(r["cue_lemma"] or r["cue"] for r in rows if r["cue"] is not None)
    assert {c["cue"]: c["quotations"] for c in got["top_cues"]} == dict(cues.most_common(10))
    speakers = Counter(r["speaker"] for r in attributed)
    assert {s["speaker"]: s["quotations"] for s in got["top_speakers"]} == dict(speakers.most_common(10))
    persons = [r for r in attributed if r["speaker_kind"] == "person"]
    assert sum(got["gender"]["quotations"].values()) == len(persons)
    assert sum(got["gender"]["speakers"].values()) == len({r["speaker"] for r in persons})
    assert got["gender"]["quotations"]["f"] >= sum(r["speaker_gender"] == "f" for r in persons)


def test_piped_stats_are_json_and_the_table_is_a_dashboard(corpus: Path) -> None:
    assert json.loads(runner.invoke(app, ["stats", str(corpus)]).stdout)["documents"] == len(CORPUS)
    table = runner.invoke(app, ["stats", str(corpus), "--format", "table"]).stdout
    for title in ("Quotations by type", "Top cues", "Top speakers", "Gender"):
        assert title in table
    assert "4 documents (3 with quotations)" in table and "█" in table


def test_top_limits_the_rankings(corpus: Path) -> None:
    got = json.loads(runner.invoke(app, ["stats", str(corpus), "--top", "1", "-f", "json"]).stdout)
    assert len(got["top_cues"]) == 1 and len(got["top_speakers"]) == 1
    assert runner.invoke(app, ["stats", str(corpus), "--top", "-1"]).exit_code == 2


def test_the_dashboard_fits_the_width_with_or_without_colour() -> None:
    figures = stats.compute([row(speaker="Observatoire syrien des droits de l'Homme (OSDH)", cue_lemma="selon",
                                 cue="selon", speaker_kind="organisation")] * 3, documents=5)
    for width in (50, 80, 130):
        for color in ("truecolor", None):
            console = Console(width=width, color_system=color, force_terminal=color is not None, file=None)
            with console.capture() as capture:
                console.print(render.dashboard(figures, width))
            out = capture.get()
            lines = out.splitlines()
            words = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", out).split())
            assert "5 documents (1 with quotations) · 3 quotations · 100% with a speaker" in words
            assert (color is None) == ("\x1b[" not in out)
            if color is None:
                assert max(len(line) for line in lines) <= width


def test_stats_of_a_jsonl_corpus_count_its_records_as_documents(corpus: Path) -> None:
    jsonl = corpus / "news.jsonl"
    lines = [json.dumps({"id": name, "text": text}, ensure_ascii=False) for name, text in CORPUS.items()]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from_jsonl = json.loads(runner.invoke(app, ["stats", str(jsonl), "-f", "json"]).stdout)
    from_files = json.loads(runner.invoke(app, ["stats", str(corpus), "-f", "json"]).stdout)
    assert from_jsonl["documents"] == len(CORPUS)
    assert {k: v for k, v in from_jsonl.items() if k != "documents"} == {
        k: v for k, v in from_files.items() if k != "documents"
    }


def test_with_no_path_stats_are_those_of_the_collection(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["add", str(corpus), "--db", db]).exit_code == 0
    collected = json.loads(runner.invoke(app, ["stats", "--db", db, "-f", "json"]).stdout)
    direct = json.loads(runner.invoke(app, ["stats", str(corpus), "-f", "json"]).stdout)
    assert collected == direct
