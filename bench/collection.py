"""Query latency of a large collection: python bench/collection.py [--records 1000000] [--db PATH].

Builds (once; kept at --db) a synthetic collection through the real write
path (`Collection.add`): records made from real ones, with speakers drawn
from a Zipf law over ~20,000 names (Emmanuel Macron among the most quoted) and
quotes of words drawn from the corpus. Then prints EXPLAIN QUERY PLAN of the
reading queries and times `who` and `search` for frequent and rare names and
words, both in-process (first row, all rows) and as the command a user runs
(`quotecli who NAME --db PATH > file`, the whole process). Not a test.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecli import extract, inputs, match
from quotecli.collection import Collection
from quotecli.inputs import Document
from quotecli.model import Record

CORPUS = ROOT.parent / "shared" / "corpus" / "gilets-jaunes-2018.jsonl.gz"
PER_DOCUMENT = 8
TOP = ["Emmanuel Macron", "Édouard Philippe", "Christophe Castaner", "Marine Le Pen", "Jean-Luc Mélenchon"]


def vocabulary() -> list[str]:
    """Words of the corpus (or of the sample), for quotes that index like real ones."""
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
            text = " ".join(json.loads(line)["text"] for _, line in zip(range(300), f))
    else:
        text = inputs.sample().text
    return [w for w in text.split() if w.isalpha()]


def speakers(rng: random.Random) -> list[str]:
    """~20,000 names: the TOP ones first, then first name x surname combinations."""
    lines = (ROOT / "quotecli" / "data" / "fr" / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    firsts = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    surnames = sorted({w for w in vocabulary() if w[:1].isupper() and len(w) > 3})
    names = {f"{rng.choice(firsts)} {rng.choice(surnames)}" for _ in range(25_000)} - set(TOP)
    return TOP + sorted(names)[:20_000]


def build(path: Path, records: int) -> None:
    rng = random.Random(5)
    templates = extract(inputs.sample().text, doc_id="x") + extract(
        "« Le pouvoir d'achat est notre priorité », a affirmé Emmanuel Macron mercredi.", doc_id="x"
    )
    names = speakers(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(names))))  # Zipf, s = 1
    words = vocabulary()

    def synthetic(doc: Document) -> list[Record]:
        out = []
        for template in rng.choices(templates, k=PER_DOCUMENT):
            name = rng.choices(names, cum_weights=cumulative)[0]
            quote = " ".join(rng.choices(words, k=rng.randint(6, 30)))
            if rng.random() < 0.01:
                quote += " pour le pouvoir d'achat"
            speaker = replace(template.speaker, name=name, mention_text=name) if template.speaker else None
            out.append(replace(template, quote=quote, speaker=speaker, doc_id=doc.doc_id))
        return out

    def extract_all(items: Iterable[object]) -> Iterator[object]:
        for item in items:
            yield (item, synthetic(item)) if isinstance(item, Document) else item

    docs = (Document(f"synthetic/{i:07d}", f"document {i}") for i in range(records // PER_DOCUMENT))
    start = time.perf_counter()
    with Collection.create(path) as coll:
        for n, _ in enumerate(coll.add(docs, extract_all, batch=5000), 1):
            if n % 10_000 == 0:
                print(f"  {n * PER_DOCUMENT:,} records, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    print(f"built {path} ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def timed_library(path: Path, kind: str, query: str) -> dict[str, object]:
    """First row and all rows of one query, through the library, in this process."""
    with Collection.existing(path) as coll:  # type: ignore[union-attr]
        start = time.perf_counter()
        rows = coll.who(match.words(query)) if kind == "who" else coll.search([match.words(query)])
        first = next(rows, None)
        to_first = time.perf_counter() - start
        count = (first is not None) + sum(1 for _ in rows)
        return {"query": f"{kind} {query}", "rows": count, "first_row_s": to_first, "all_rows_s": time.perf_counter() - start}


def timed_command(path: Path, kind: str, query: str, repeat: int = 3) -> float:
    """Median wall time of `quotecli KIND QUERY --db PATH > /dev/null`, the whole process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "quotecli", kind, query, "--db", str(path), "--quiet"],
                       cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "results" / "synthetic-1m.db")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.records)
    with Collection.existing(args.db) as coll:  # type: ignore[union-attr]
        print(f"{args.db}: {coll.documents():,} documents, {coll.records():,} records")
        for kind in ("list", "who", "search"):
            print(f"EXPLAIN QUERY PLAN {kind}:", *(f"  {step}" for step in coll.plan(kind)), sep="\n")
    queries = [("who", "macron"), ("who", "castaner"), ("who", names_rare(args.db)), ("search", "pouvoir d'achat"),
               ("search", "gilets"), ("search", "zzzz")]
    results = []
    for kind, query in queries:
        row = timed_library(args.db, kind, query)
        row["command_s"] = timed_command(args.db, kind, query)
        results.append(row)
        print(f"{row['query']:<26} {row['rows']:>8,} rows  first row {row['first_row_s'] * 1000:7.1f} ms  "
              f"all rows {row['all_rows_s'] * 1000:8.1f} ms  command {row['command_s']:.2f} s")
    out = args.db.with_suffix(".json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def names_rare(path: Path) -> str:
    """A speaker with few records (found through the speaker_key index)."""
    with Collection.existing(path) as coll:  # type: ignore[union-attr]
        sql = "SELECT speaker_key FROM records WHERE speaker_key IS NOT NULL GROUP BY speaker_key HAVING count(*) <= 3 LIMIT 1"
        key = coll.db.execute(sql).fetchone()[0]
    return str(key)


if __name__ == "__main__":
    main()
