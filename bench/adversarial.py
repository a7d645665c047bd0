"""Extraction speed on hostile text, next to ordinary news: python bench/adversarial.py [--mb 1] [--timeout 60] [--repeat 3].

Each hostile input (a million « in a row, quotations never closed, speech
verbs or incises over and over, a paragraph with no full stop, scraped HTML…)
is one document of 1, 2 and 4 MB (text encoded as UTF-8, 1 MB = 10^6 bytes;
`--mb` scales them). Ordinary news is real articles from the corpus
(../shared/corpus/gilets-jaunes-2018.jsonl.gz) joined to the same sizes. Each
extraction runs in a fresh process, timed around `extract(text)` alone, and is
stopped at `--timeout` seconds; each is run `--repeat` times and the fastest
run kept, as timeit does: on a shared machine a single run varies by 10 to 40%.

For each input the table gives its MB/s at the first size next to ordinary
news, how many times slower it is (flagged when more than 3x), and how time
grows when the size doubles: about x2 is linear, about x4 quadratic. An input
that does not finish at twice the first size is measured at 1/32, 1/16 and
1/8 of it instead, to show its growth (and, when it does not finish at the
first size either, its time there is estimated from that growth). Also a
10 MB paragraph with no full stop, on its own (stopped at twice the time that
would flag it). Writes the figures, every run's time included, as JSON to
bench/results/ (not versioned). Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import resource
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import provenance  # noqa: E402  bench/ is on the path: this is run as a script

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "gilets-jaunes-2018.jsonl.gz"
SLOW = 3.0  #: flag an input more than this many times slower than ordinary news
MB = 1_000_000
SEPARATOR = "\x1e"  #: between the articles of an input extracted one document per article


def fit(unit: str, size: int) -> str:
    """`unit` repeated to `size` bytes of UTF-8 (cut on a character)."""
    per_char = len(unit.encode()) / len(unit)
    text = unit * (int(size / len(unit.encode())) + 1)
    return text[: int(size / per_char)]


def roster(size: int) -> str:
    """A list of people, a new one in every sentence (election results, victims): `M. Duaaab a voté.`"""
    names = ("M. Du" + "".join(s) + " a voté. " for s in itertools.product(string.ascii_lowercase, repeat=5))
    return "".join(itertools.islice(names, size // 18 + 1))[:size]


def nested(size: int) -> str:
    half = size // 2
    return fit("« “ ‹ ", half) + fit(" › ” »", half)


#: The hostile inputs: name -> (what it is, how to make `size` bytes of it from the news text).
INPUTS: dict[str, tuple[str, Callable[[int, str], str]]] = {
    "news": ("ordinary news: real articles joined in one document", lambda n, news: plain(fit(news, n))),
    "articles": ("the same news, one document per article", lambda n, news: fit(news, n)),
    "open«": ("a million « in a row", lambda n, news: fit("«", n)),
    "close»": ("» in a row", lambda n, news: fit("»", n)),
    "unclosed": ("quotations never closed, in one paragraph", lambda n, news: fit("« mot ", n)),
    "unclosed-lines": ("quotations never closed, one a line", lambda n, news: fit("« mot\n", n)),
    "straight": ('straight quotes " in a row, with words', lambda n, news: fit('" mot ', n)),
    "nested": ("marks nested ever deeper, then closed", lambda n, news: nested(n)),
    "verbs": ("speech verbs over and over", lambda n, news: fit("a déclaré ", n)),
    "incises": ("incises with no quotation: , a-t-il dit", lambda n, news: fit(", a-t-il dit", n)),
    "quote-incises": ("quotations with incises in one sentence", lambda n, news: fit("«Oui», a dit Jean Dupont, ", n)),
    "selon-lequel": ("'selon lequel' over and over", lambda n, news: fit("M. Dupont, selon lequel ", n)),
    "quote-pour": ("a quotation and 'pour' over and over, no full stop", lambda n, news: fit("«Oui», pour Jean Dupont ", n)),
    "no-comma": ("quotations with incises and no comma", lambda n, news: fit("«Oui» a dit Jean Dupont ", n)),
    "que": ("preposed verb + que over and over", lambda n, news: fit("il a dit que ", n)),
    "as-said": ("'comme l'a dit X' over and over, no comma", lambda n, news: fit("comme l'a dit Jean Dupont ", n)),
    "selon-inside": ("', selon X,' inside one endless clause", lambda n, news: fit("la ville qui est, selon Jean Dupont, tombée ", n)),
    "roster": ("a new person in every sentence", lambda n, news: roster(n)),
    "html": ("scraped HTML: entities, tags gluing paragraphs", lambda n, news: fit("<p>&laquo;&nbsp;Oui&nbsp;&raquo;, a dit Jean.</p>", n)),
    "no-stop": ("news with no full stop: one paragraph", lambda n, news: fit(no_stop(plain(news)), n)),
    "one-line": ("news on one line (paragraphs joined by spaces)", lambda n, news: fit(plain(news).replace("\n", " "), n)),
    "crlf": ("news with CRLF line ends", lambda n, news: fit(plain(news).replace("\n", "\r\n"), n)),
    "spaces": ("spaces and no-break spaces", lambda n, news: fit(" \u00a0\u202f", n)),
    "word": ("one word with no space", lambda n, news: fit("a", n)),
}
#: Measured once, at this size in MB, whatever `--mb`: the brief's 10 MB paragraph with no full stop.
BIG = {"no-stop-10MB": ("a 10 MB paragraph with no full stop", 10, "no-stop")}


def plain(news: str) -> str:
    """The articles joined into one text, one after the other."""
    return news.replace(SEPARATOR, "\n")


def no_stop(news: str) -> str:
    return news.replace(".", ",").replace("!", ",").replace("?", ",").replace("\n", " ")


def load_news(path: Path, size: int) -> str:
    """Real articles (separated by SEPARATOR) until `size` bytes of UTF-8 (the corpus over again if it is shorter)."""
    texts, total = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"].strip()
            texts.append(text)
            total += len(text.encode()) + 1
            if total >= size:
                break
    joined = SEPARATOR.join(texts)
    return SEPARATOR.join([joined] * math.ceil(size / max(total, 1)))


def child(path: str) -> None:
    """Extract from the text in `path` and print seconds, bytes and records as JSON (runs in a fresh process)."""
    from quotecli.pipeline import extract

    text = Path(path).read_text(encoding="utf-8")
    extract("« Oui », a dit Jean Dupont.")  # patterns and lexicon ready: only the text is timed
    start = time.perf_counter()
    records = [r for doc in text.split(SEPARATOR) for r in extract(doc)]
    seconds = time.perf_counter() - start
    text = text.replace(SEPARATOR, "\n")
    print(json.dumps({"seconds": seconds, "bytes": len(text.encode()), "records": len(records),
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def measure(text: str, folder: Path, timeout: float, repeat: int) -> dict[str, object] | None:
    """`extract(text)` timed in `repeat` fresh processes, the fastest kept (what
    the machine's load added to the others is noise, not the engine's); None
    when a run did not finish within `timeout` seconds."""
    path = folder / "input.txt"
    path.write_text(text, encoding="utf-8")
    runs = []
    for _ in range(repeat):
        try:
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                                 check=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        runs.append(json.loads(out.stdout))
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "all_seconds": [r["seconds"] for r in runs]}


def series(make: Callable[[int], str], sizes: list[int], folder: Path, timeout: float, repeat: int) -> list[dict[str, object] | None]:
    """Measurements at each size, stopping at the first that times out (a bigger one would too)."""
    found: list[dict[str, object] | None] = []
    for size in sizes:
        m = measure(make(size), folder, timeout, repeat)
        found.append(m)
        if m is None:
            break
    return found


def growth(runs: list[dict[str, object] | None]) -> list[float]:
    """Time ratios between successive doublings."""
    done = [r for r in runs if r is not None]
    return [float(b["seconds"]) / float(a["seconds"]) for a, b in itertools.pairwise(done)]  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="the first size, in MB; then twice and four times it (default: 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run is stopped (default: 60)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement, the fastest kept (default: 3)")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the news (default: %(default)s)")
    parser.add_argument("--only", nargs="*", help="only these inputs (names as in the table)")
    parser.add_argument("--no-big", action="store_true", help="skip the 10 MB paragraph")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return

    base = int(args.mb * MB)
    sizes = [base, 2 * base, 4 * base]
    big = {} if args.no_big else BIG
    news = load_news(Path(args.corpus), max([4 * base, *(mb * MB for _, mb, _ in big.values())]))
    names = [n for n in INPUTS if not args.only or n in args.only or n == "news"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            what, make = INPUTS[name]
            runs = series(lambda n, make=make: make(n, news), sizes, folder, args.timeout, args.repeat)
            probe: list[dict[str, object] | None] = []
            if sum(r is not None for r in runs) < 2:  # too slow to double from the first size: show its growth at smaller ones
                probe = series(lambda n, make=make: make(n, news), [base // 32, base // 16, base // 8], folder, args.timeout, args.repeat)
            rows.append({"name": name, "what": what, "sizes": sizes, "runs": runs, "probe": probe})
            _progress(rows[-1])
        news_rate = _rate(rows[0]["runs"][0]) or 1.0
        for name, (what, mb, like) in big.items():
            if args.only and name not in args.only and like not in args.only:
                continue
            limit = max(args.timeout, 2 * SLOW * mb / news_rate)  # twice what would be flagged slow
            run = measure(INPUTS[like][1](mb * MB, news), folder, limit, args.repeat)
            rows.append({"name": name, "what": what, "sizes": [mb * MB], "runs": [run], "probe": []})
            _progress(rows[-1])
    result = {
        **provenance(),
        "timeout_s": args.timeout,
        "repeat": args.repeat,
        "units": {"mb": "10^6 bytes of text encoded as UTF-8"},
        "rows": rows,
    }
    out = ROOT / "bench" / "results" / f"adversarial-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    _table(result, out)


def _rate(run: dict[str, object] | None) -> float | None:
    return float(run["bytes"]) / MB / float(run["seconds"]) if run else None  # type: ignore[arg-type]


def _estimate(row: dict) -> float | None:
    """MB/s at the first size, estimated from the growth measured at smaller sizes (for inputs that timed out)."""
    done = [r for r in row["probe"] if r]
    ratios = growth(row["probe"])
    if not done or not ratios:
        return None
    exponent = max(1.0, math.log2(sum(ratios) / len(ratios)))
    seconds = float(done[-1]["seconds"]) * (row["sizes"][0] / float(done[-1]["bytes"])) ** exponent
    return row["sizes"][0] / MB / seconds


def _progress(row: dict) -> None:
    rates = " ".join(f"{r:.2f}" if r else "timeout" for r in map(_rate, row["runs"]))
    print(f"{row['name']}: MB/s {rates}", file=sys.stderr, flush=True)


def _table(result: dict, out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    rows = result["rows"]
    news = _rate(rows[0]["runs"][0])
    table = Table(title=f"Extraction on hostile input, next to ordinary news ({rows[0]['sizes'][0] / MB:g} MB each, "
                        f"stopped after {result['timeout_s']:g} s)")
    for name in ("input", "MB/s", "news MB/s", "time / news", "growth per doubling", "records", ""):
        table.add_column(name, justify="left" if name in ("input", "growth per doubling", "") else "right", no_wrap=name != "")
    for row in rows:
        first = row["runs"][0]
        rate = _rate(first)
        estimated = rate is None and _estimate(row) is not None
        if estimated:
            rate = _estimate(row)
        slower = news / rate if rate and news else None
        ratios = growth(row["runs"] if not row["probe"] else row["probe"])
        grows = " ".join(f"x{g:.1f}" for g in ratios) or "-"
        if row["probe"]:
            grows += f" ({row['sizes'][0] / 32 / 1000:.0f}-{row['sizes'][0] / 8 / 1000:.0f} KB)"
        if any(r is None for r in row["runs"][1:]):
            grows += ", timeout"
        size = f" ({row['sizes'][0] / MB:g} MB)" if row["sizes"][0] != rows[0]["sizes"][0] else ""
        shown = "timeout" if rate is None else ("≈" if estimated else "") + (f"{rate:.2f}" if rate >= 0.01 else f"{rate:.1g}")
        flag = "SLOW" if slower is None or slower > SLOW else ""
        if flag and (estimated or rate is None):
            flag += " (did not finish)"
        table.add_row(f"{row['name']}{size}: {row['what']}", shown, f"{news:.2f}" if news else "-",
                      f"{slower:.1f}x" if slower else "-", grows, f"{first['records']:,}" if first else "-", flag)
    table.caption = (f"time / news: news MB/s / input MB/s, flagged above {SLOW:g}x; growth: time at 2n / time at n "
                     f"(x2 linear, x4 quadratic); ≈: estimated from the growth; commit {result['commit']}"
                     f"{' (dirty)' if result['dirty'] else ''}, load average {result['load_average'][0]:.1f}; "
                     f"written to {out.relative_to(ROOT)}")
    Console(width=max(Console().width, 150)).print(table)




if __name__ == "__main__":
    main()
