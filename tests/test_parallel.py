"""parallel.py and --jobs: input order whatever the workers, bounded reading ahead, one failing document skipped."""
from __future__ import annotations

import gzip
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import fake_engine
import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import inputs, parallel
from quotecli.cli import app
from quotecli.inputs import Document, InputError, Problem
from quotecli.model import QuoteType, Record

runner = CliRunner()

PARAGRAPHS = [
    "« Nous ne céderons pas », a déclaré Édouard Philippe lundi soir devant les députés.",
    "Le ministre de l'Intérieur, Christophe Castaner, a dénoncé des « violences inacceptables » sur les Champs-Élysées.",
    "« Le pouvoir d'achat est notre priorité », a affirmé Emmanuel Macron mercredi.",
    "Selon Jean-Luc Mélenchon, « le peuple a raison de se révolter ».",
    "« C'est le cœur de notre action », a lancé Bruno Le Maire. Il a ajouté : « Nous irons jusqu'au bout. »",
]


def boom(text: str, doc_id: str | None = None) -> list[Record]:
    """The fake engine, failing on documents that say BOOM (module level: workers import it by name)."""
    if "BOOM" in text:
        raise ValueError("the engine tripped\non two lines")
    return fake_engine.extract(text, doc_id)


def docs(n: int) -> list[Document]:
    return [Document(f"d{i}", f"Speaker {i}|quote {i}\n" * (1 + i % 3)) for i in range(n)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_with_other_items_in_place(jobs: int) -> None:
    items: list[Document | InputError] = [*docs(25)]
    items.insert(7, InputError("x", Problem.MISSING, "x: gone"))
    out = list(parallel.extract_all(items, jobs, fake_engine.extract, chunk_documents=2))
    assert [o if isinstance(o, InputError) else o[0] for o in out] == items
    assert [[r.quote for r in o[1]] for o in out if isinstance(o, tuple)] == [
        [f"quote {i}"] * (1 + i % 3) for i in range(25)
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_the_engine_fails_on_is_an_error_and_the_rest_goes_on(jobs: int) -> None:
    items = [*docs(5), Document("bad", "BOOM"), *docs(5)]
    out = list(parallel.extract_all(items, jobs, boom, chunk_documents=3))
    [error] = [o for o in out if isinstance(o, InputError)]
    assert error.problem is Problem.FAILED
    assert error.message == "bad: extraction failed (ValueError: the engine tripped on two lines); skipped"
    assert len(out) == 11 and out[5] is error


def test_the_input_is_read_only_a_bounded_window_ahead() -> None:
    pulled = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for doc in docs(1000):
            pulled += 1
            yield doc

    results = parallel.extract_all(stream(), 2, fake_engine.extract, chunk_documents=4)
    next(results)
    assert pulled <= (parallel.WINDOW * 2 + 1) * 4  # not the 1000 documents
    results.close()  # stops the workers


def test_chunks_are_cut_by_documents_and_by_size() -> None:
    sizes = [len(c) for c in parallel._chunks([Document(str(i), "x" * 10) for i in range(10)], 4, 25)]
    assert sizes == [3, 3, 3, 1]  # 30 characters pass 25 before 4 documents


def test_jobs_1_and_jobs_2_print_identical_jsonl(tmp_path: Path) -> None:
    """The real engine on real French text, enough documents for several chunks of the pool."""
    seed = (ROOT / "seeds" / inputs.SAMPLE).read_text(encoding="utf-8")
    records = [{"id": f"p{i}", "text": PARAGRAPHS[i % len(PARAGRAPHS)] * (1 + i % 4)} for i in range(80)]
    records.insert(40, {"id": "seed", "text": seed})
    corpus = tmp_path / "corpus.jsonl.gz"
    corpus.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()))
    one = runner.invoke(app, ["list", str(corpus), "--jobs", "1"])
    two = runner.invoke(app, ["list", str(corpus), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    rows = [json.loads(line) for line in one.stdout.splitlines()]
    assert len({r["doc_id"] for r in rows}) == 81  # every document gave quotations, in order:
    assert [r["doc_id"] for r in rows] == sorted((r["doc_id"] for r in rows), key=lambda d: [x["id"] for x in records].index(d))


def test_records_cross_to_the_parent_unchanged() -> None:
    """Workers hand records over by pickle: every field, nested spans, speakers and cues included, comes back equal."""
    from quotecli.pipeline import extract

    seed = (ROOT / "seeds" / inputs.SAMPLE).read_text(encoding="utf-8")
    records = extract("\n\n".join([seed, *PARAGRAPHS, "« Rien ne nous arrêtera. »"]), doc_id="seed")
    back = pickle.loads(pickle.dumps(records))
    assert back == records
    assert [r.to_dict() for r in back] == [r.to_dict() for r in records]
    assert {r.type for r in back} == set(QuoteType)  # all three kinds crossed, with and without a cue
    assert any(r.cue is None for r in back) and any(r.cue is not None for r in back)


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    assert runner.invoke(app, ["list", "--jobs", "0", str(ROOT / "seeds")]).exit_code == 2
