"""Text -> paragraphs, sentences and line numbers, as spans; never alters the text."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

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
