"""Text -> paragraphs, sentences and line numbers, as spans; never alters the text."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, count

from quotecli import patterns
from quotecli.model import Span


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, without their surrounding white space.

    News bodies put one paragraph on a line; blank lines between them are
    optional. A paragraph never spans a newline.
    """
    spans = []
    for m in patterns.LINE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        end = _rstrip(text, start, end)
        if end > start:
            spans.append(Span(start, end))
    return spans


def sentences(text: str, paragraph: Span, protected: Sequence[Span]) -> list[Span]:
    """Split one paragraph into sentences.

    `protected` spans (the quotations, sorted) are never cut: a quotation
    holding several sentences stays inside one sentence of the narrative.
    """
    cuts: list[int] = []
    i = 0  # protected spans and sentence ends both come in text order
    for m in patterns.SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        cut = m.end("end")
        while i < len(protected) and protected[i].end <= cut:
            i += 1
        if i < len(protected) and protected[i].start < cut:
            continue
        cuts.append(m.start("next"))
    spans = []
    start = paragraph.start
    for cut in cuts:
        end = _rstrip(text, start, cut)
        if end > start:
            spans.append(Span(start, end))
        start = cut
    if paragraph.end > start:
        spans.append(Span(start, paragraph.end))
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class LineIndex:
    """Maps a character offset to its 1-based line number in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in patterns.NEWLINE.finditer(text)]

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


class Words:
    """The document's words (patterns.WORD), found in one pass and shared by
    every stage that looks words up: where each starts and ends, and its
    lower case. Stages then walk only the words they care about instead of
    re-reading the text word by word."""

    __slots__ = ("starts", "ends", "lower", "_chosen", "_capitalised")

    def __init__(self, text: str) -> None:
        found = list(patterns.WORD.finditer(text))
        match = type(found[0]) if found else None
        self.starts: list[int] = list(map(match.start, found)) if match else []
        self.ends: list[int] = list(map(match.end, found)) if match else []
        self.lower: list[str] = list(map(str.lower, map(match.group, found))) if match else []
        self._chosen: dict[frozenset[str], tuple[list[int], list[int]]] = {}
        capitalised = [i for i, start in enumerate(self.starts) if text[start].isupper()]
        self._capitalised = (capitalised, [self.starts[i] for i in capitalised])

    def between(self, start: int, end: int) -> range:
        """Indices of the words starting in [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def at(self, pos: int) -> int | None:
        """Index of the word starting exactly at `pos`, if any."""
        i = bisect_left(self.starts, pos)
        return i if i < len(self.starts) and self.starts[i] == pos else None

    def among(self, wanted: frozenset[str], start: int, end: int) -> list[int]:
        """Indices of the words starting in [start, end) whose lower case is
        in `wanted`. The document is searched once per word set; each range
        is then two bisections."""
        chosen = self._chosen.get(wanted)
        if chosen is None:
            # The word tests and the choice both run in C (a third faster than a comprehension).
            indices = list(compress(count(), map(wanted.__contains__, self.lower)))
            chosen = self._chosen[wanted] = (indices, [self.starts[i] for i in indices])
        return _within(chosen, start, end)

    def capitalised(self, start: int, end: int) -> list[int]:
        """Indices of the words starting in [start, end) with a capital."""
        return _within(self._capitalised, start, end)


def _within(chosen: tuple[list[int], list[int]], start: int, end: int) -> list[int]:
    indices, starts = chosen
    return indices[bisect_left(starts, start) : bisect_left(starts, end)]
