"""Throughput and memory of extraction on a real corpus: python bench/throughput.py [CORPUS] [--jobs 2] [--repeat 3].

Measures, each in a fresh process (so each peak memory is its own), each
`--repeat` times with the fastest run kept (a single run varies by 10 to 40%
on a shared machine):

- read:   streaming the corpus into documents (gzip, JSON), no extraction;
- scan:   the floor: one pass of a `[«»]` regex over every text, already in memory;
- jobs=1: reading + extraction in this process (quotecli.parallel, as `--jobs 1`);
- jobs=N: the same with N worker processes (as `--jobs N`), in input order.

Throughput is in MB of text per second, where text is the documents' text
encoded as UTF-8 (1 MB = 10^6 bytes), and in documents per second. Peak memory
is `resource.getrusage(...).ru_maxrss`: of the measuring process, and of its
largest worker (RUSAGE_CHILDREN gives the largest child, not a sum: the
whole tree peaks at most at parent + N x worker). Writes the figures as JSON to
bench/results/ (git-ignored) and prints a table. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import provenance
from quotecli import corpus, inputs, parallel

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "gilets-jaunes-2018.jsonl.gz"
MARKS = re.compile("[«»]")


def documents(path: str, limit: int | None) -> list[inputs.Document] | object:
    docs = (d for d in corpus.documents([path]) if isinstance(d, inputs.Document))
    return itertools.islice(docs, limit) if limit else docs


def measure(mode: str, path: str, limit: int | None, jobs: int) -> dict[str, object]:
    """One measurement, in this process: seconds, documents, UTF-8 bytes of text, records found."""
    n_docs = n_bytes = found = 0
    if mode == "scan":
        texts = [d.text for d in documents(path, limit)]
        n_docs, n_bytes = len(texts), sum(len(t.encode()) for t in texts)
        start = time.perf_counter()
        found = sum(1 for text in texts for _ in MARKS.finditer(text))
        seconds = time.perf_counter() - start
    elif mode == "read":
        start = time.perf_counter()
        for doc in documents(path, limit):
            n_docs += 1
            n_bytes += len(doc.text.encode())
        seconds = time.perf_counter() - start
    else:
        start = time.perf_counter()
        for doc, records in parallel.extract_all(documents(path, limit), jobs):  # type: ignore[misc]
            n_docs += 1
            n_bytes += len(doc.text.encode())
            found += len(records)
        seconds = time.perf_counter() - start
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "mode": mode,
        "jobs": jobs if mode == "extract" else None,
        "seconds": seconds,
        "documents": n_docs,
        "text_bytes": n_bytes,
        "found": found,  # records extracted, or « » marks for the scan
        "mb_per_s": n_bytes / 1e6 / seconds if seconds else None,
        "docs_per_s": n_docs / seconds if seconds else None,
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "maxrss_kb": me.ru_maxrss,  # kilobytes on Linux
        "worker_maxrss_kb": kids.ru_maxrss or None,
    }


def run(mode: str, path: str, limit: int | None, jobs: int, repeat: int) -> dict[str, object]:
    """`measure` in `repeat` fresh Python processes, the fastest kept (the
    others' extra time is the machine's load, not the engine's)."""
    args = [sys.executable, __file__, path, "--child", mode, "--jobs", str(jobs)] + (["--limit", str(limit)] if limit else [])
    runs = [json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout) for _ in range(repeat)]
    return {**min(runs, key=lambda r: r["seconds"]), "all_seconds": [r["seconds"] for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="a corpus quotecli reads (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the parallel run (default: 2)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement, the fastest kept (default: 3)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.corpus, args.limit, args.jobs)))
        return

    runs = [
        run("read", args.corpus, args.limit, 1, args.repeat),
        run("scan", args.corpus, args.limit, 1, args.repeat),
        run("extract", args.corpus, args.limit, 1, args.repeat),
        run("extract", args.corpus, args.limit, args.jobs, args.repeat),
    ]
    result = {
        "corpus": args.corpus,
        "limit": args.limit,
        "repeat": args.repeat,
        **provenance(),
        "units": {"mb": "10^6 bytes of document text encoded as UTF-8", "maxrss_kb": "ru_maxrss, KiB"},
        "runs": runs,
    }
    out = ROOT / "bench" / "results" / f"throughput-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _table(result, out)


def _table(result: dict, out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    first = result["runs"][0]
    table = Table(title=f"{Path(result['corpus']).name}: {first['documents']:,} documents, "
                        f"{first['text_bytes'] / 1e6:.1f} MB of text (UTF-8)")
    for name in ("run", "seconds", "MB/s", "docs/s", "found", "CPU s", "peak RSS", "worker peak"):
        table.add_column(name, justify="left" if name == "run" else "right", no_wrap=True)
    names = {"read": "read (gzip + JSON)", "scan": "floor: scan « »"}
    for r in result["runs"]:
        name = names.get(r["mode"], f"extract --jobs {r['jobs']}")
        worker = f"{r['worker_maxrss_kb'] / 1024:.0f} MiB" if r["worker_maxrss_kb"] and r["mode"] == "extract" and r["jobs"] > 1 else "-"
        table.add_row(
            name, f"{r['seconds']:.3f}", f"{r['mb_per_s']:.2f}", f"{r['docs_per_s']:,.0f}", f"{r['found']:,}",
            f"{r['cpu_seconds']:.1f}", f"{r['maxrss_kb'] / 1024:.0f} MiB", worker,
        )
    extract = [r for r in result["runs"] if r["mode"] == "extract"]
    scan = next(r for r in result["runs"] if r["mode"] == "scan")
    table.caption = (
        f"extraction is {extract[0]['seconds'] / scan['seconds']:,.0f}x the « » scan; "
        f"--jobs {extract[-1]['jobs']} speed-up {extract[0]['seconds'] / extract[-1]['seconds']:.2f}x on {result['cores']} cores "
        f"(load average {result['load_average'][0]:.1f}); written to {out.relative_to(ROOT)}"
    )
    Console(width=max(Console().width, 110)).print(table)



if __name__ == "__main__":
    main()
