"""Work grows linearly with the text, whatever the text: hostile runs included.

No timing here (bench/adversarial.py measures time): each test counts the
lines of quotecli's own code that `extract()` executes, a figure that does not
depend on the machine or its load, on a text and on the same text four times
as long. Linear work gives a ratio of about 4; quadratic work about 16. The
count misses time spent inside C (a regex scanning far), which the benchmark
sees; it catches the Python loops that go back over a sentence, a paragraph or
a document for each thing found in it.
"""
from __future__ import annotations

import itertools
import string
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from conftest import ROOT

import quotecli
from quotecli import extract

PACKAGE = str(Path(quotecli.__file__).parent)
SEED = (ROOT / "seeds" / "000_f9f8e09316241945.txt").read_text(encoding="utf-8")
LINEAR = 6.0  #: the most `lines(4n) / lines(n)` may be: 4 plus room for what does not grow with n


def lines(text: str) -> int:
    """Lines of quotecli's code executed by `extract(text)`."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += event == "line"
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    before = sys.gettrace()  # a coverage tool's tracer, put back after
    sys.settrace(calls)
    try:
        extract(text)
    finally:
        sys.settrace(before)
    return count


def repeat(unit: str, n: int) -> str:
    """`unit` over and over, cut to `n` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def distinct_names(n: int) -> str:
    """A roster (election results, a list of victims): a different person in every sentence."""
    names = ("M. Du" + "".join(letters) + " a voté. " for letters in itertools.product(string.ascii_lowercase, repeat=4))
    return "".join(itertools.islice(names, n // 18 + 1))[:n]


def growth(make: Any, n: int) -> float:
    return lines(make(4 * n)) / lines(make(n))


HOSTILE = {  # each stays linear: a regression guard
    "a run of «": lambda n: "«" * n,
    "a run of »": lambda n: "»" * n,
    "quotations never closed": lambda n: repeat("« mot ", n),
    "quotations never closed, one a line": lambda n: repeat("« mot\n", n),
    "a run of straight quotes": lambda n: repeat('" mot ', n),
    "nested marks": lambda n: repeat("« “ ", n // 2) + repeat(" ” »", n // 2),
    "speech verbs": lambda n: repeat("a déclaré ", n),
    "incises without quotations": lambda n: repeat(", a-t-il dit", n),
    "one name over and over": lambda n: repeat("Jean Dupont ", n),
    "capitals": lambda n: repeat("A ", n),
    "gerunds": lambda n: repeat(", estimant que ", n),
    "commas": lambda n: "," * n,
    "the seed article over and over": lambda n: repeat(SEED, n),
    "scraped leftovers (read through quotecli.reading)": lambda n: repeat("<p>&laquo;&nbsp;a&nbsp;&raquo; <b>b</b>\ufeff", n),
}

#: Cases of SUPERLINEAR that the engine now handles in linear work (bisect over
#: a sentence's quotations and mentions, people indexed by name word).
FIXED = frozenset({"quotations with incises in one sentence", "'selon lequel' in one sentence",
                   'preposed verbs with que in one sentence', 'scraped paragraphs glued by tags (no space after the full stop)', 'an article with no full stop', 'a roster: a new person in every sentence'})

SUPERLINEAR = {  # engine bugs: one loop goes back over the sentence (or document) for each thing found in it
    "quotations with incises in one sentence": (
        lambda n: repeat("«Oui», a dit Jean Dupont, ", n), 1000,
        "per quotation, cues._inside() and pipeline's covered/_unwrap scan every quotation of the sentence"),
    "'selon lequel' in one sentence": (
        lambda n: repeat("M. Dupont, selon lequel ", n), 2000,
        "cues._markers() lists every mention of the sentence before each 'selon lequel'"),
    "preposed verbs with que in one sentence": (
        lambda n: repeat("il a dit que ", n), 2000,
        "cues._subject_before() walks back from the sentence's last mention for every verb"),
    "scraped paragraphs glued by tags (no space after the full stop)": (
        lambda n: repeat("<p>&laquo;&nbsp;Oui&nbsp;&raquo;, a dit Jean.</p>", n), 4000,
        "one sentence for the whole text: cues._tail() and _subject_before() scan its mentions for every cue"),
    "an article with no full stop": (
        lambda n: repeat(SEED.replace(".", ",").replace("\n", " "), n), 12000,
        "one sentence: cues._inside() scans every quotation of it for each comma"),
    "a roster: a new person in every sentence": (
        distinct_names, 2000,
        "speakers.Resolver._find_by_tokens() walks back over every person of the document for each name"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_work_grows_linearly(name: str) -> None:
    assert growth(HOSTILE[name], 2000 if name.startswith("the seed") else 1000) < LINEAR


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=f"quadratic: {why}"))
     if name not in FIXED else name for name, (_, _, why) in SUPERLINEAR.items()],
)
def test_work_grows_linearly_on_engine_bugs(name: str) -> None:
    make, n, _ = SUPERLINEAR[name]
    assert growth(make, n) < LINEAR
