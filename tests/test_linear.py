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

import gc
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


def roster(unit: str) -> Any:
    """A text of `unit` over and over, each time with a new word of four letters in place of {}."""
    def make(n: int) -> str:
        words = ("".join(letters) for letters in itertools.product(string.ascii_lowercase, repeat=4))
        return "".join(itertools.islice((unit.format(w) for w in words), n // len(unit) + 1))[:n]
    return make


def growth(make: Any, n: int) -> float:
    return lines(make(4 * n)) / lines(make(n))


HOSTILE = {  # each stays linear: a regression guard. name: (text of n characters, n)
    "a run of «": (lambda n: "«" * n, 1000),
    "a run of »": (lambda n: "»" * n, 1000),
    "quotations never closed": (lambda n: repeat("« mot ", n), 1000),
    "quotations never closed, one a line": (lambda n: repeat("« mot\n", n), 1000),
    "a run of straight quotes": (lambda n: repeat('" mot ', n), 1000),
    "nested marks": (lambda n: repeat("« “ ", n // 2) + repeat(" ” »", n // 2), 1000),
    "speech verbs": (lambda n: repeat("a déclaré ", n), 1000),
    "incises without quotations": (lambda n: repeat(", a-t-il dit", n), 1000),
    "one name over and over": (lambda n: repeat("Jean Dupont ", n), 1000),
    "capitals": (lambda n: repeat("A ", n), 1000),
    "gerunds": (lambda n: repeat(", estimant que ", n), 1000),
    "commas": (lambda n: "," * n, 1000),
    "the seed article over and over": (lambda n: repeat(SEED, n), 2000),
    "scraped leftovers (read through quotecli.reading)": (
        lambda n: repeat("<p>&laquo;&nbsp;a&nbsp;&raquo; <b>b</b>\ufeff", n), 1000),
    "comments and scripts never closed": (lambda n: repeat("<!-- <script> « a ", n), 1000),
    # Each of these once made one loop go back over the whole sentence (or
    # document) for every thing found in it; the sentence index in cues.py,
    # the bisections in pipeline.py and people indexed by name word fixed them.
    "quotations with incises in one sentence": (lambda n: repeat("«Oui», a dit Jean Dupont, ", n), 1000),
    "'selon lequel' in one sentence": (lambda n: repeat("M. Dupont, selon lequel ", n), 2000),
    "a quotation and 'pour' over and over": (lambda n: repeat("«Oui», pour Jean Dupont ", n), 2000),
    "quotations with incises and no comma": (lambda n: repeat("«Oui» a dit Jean Dupont ", n), 2000),
    "incises inside quotations, one paragraph": (lambda n: repeat("«Oui, a réagi Jean Dupont, non» ", n), 2000),
    "preposed verbs with que in one sentence": (lambda n: repeat("il a dit que ", n), 2000),
    "'comme l'a dit X' in one sentence, no comma": (lambda n: repeat("comme l'a dit Jean Dupont ", n), 2000),
    "'comme l'a dit X,' in one sentence": (lambda n: repeat("Comme l'a dit Jean Dupont, oui ", n), 2000),
    "'…, comme l'a dit X' in one sentence": (lambda n: repeat("oui, comme l'a dit Jean Dupont ", n), 2000),
    "a subordinate clause and a cue, over and over": (lambda n: repeat("Alors que Jean a dit que oui, il ", n), 2000),
    "scraped paragraphs glued by tags (no space after the full stop)": (
        lambda n: repeat("<p>&laquo;&nbsp;Oui&nbsp;&raquo;, a dit Jean.</p>", n), 4000),
    "an article with no full stop": (lambda n: repeat(SEED.replace(".", ",").replace("\n", " "), n), 12000),
    "a roster: a new person in every sentence": (distinct_names, 2000),
    "a roster of acronyms": (lambda n: roster("Le {}X a voté. ")(n).upper(), 2000),
    "a roster of bodies": (roster("La fédération des {}s a voté. "), 2000),
    "pronouns and generic bodies with no antecedent of their kind": (
        roster("M. Du{} a voté. « Non », ont-ils dit. La centrale syndicale a dit que non. "), 4000),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_work_grows_linearly(name: str) -> None:
    make, n = HOSTILE[name]
    assert growth(make, n) < LINEAR


@pytest.mark.parametrize("text", [SEED, "« Oui », a dit Jean Dupont, " * 500, "<p>&laquo;&nbsp;Oui&nbsp;&raquo;, a dit Jean.</p>" * 200],
                         ids=["seed", "quote-incises", "html"])
def test_extract_makes_no_reference_cycles(text: str) -> None:
    """extract() pauses the cyclic collector for one document: it may, because
    nothing it builds is left in a cycle (refcounting frees it all)."""
    gc.collect()
    gc.disable()
    try:
        extract(text)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_extract_leaves_the_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    extract(SEED)
    assert gc.isenabled()
    gc.disable()
    try:
        extract(SEED)
        assert not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()
