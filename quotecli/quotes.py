"""Pairing quotation marks: « » “ ” " ", nesting, quotes over paragraphs.

Real news is full of odd marks: a stray », a quotation left open, straight
quotes used as both opener and closer. None of them stops the scan: every
oddity becomes a flag on the quotation it touches (or a stray mark the
pipeline reports), and the rest of the document is read as usual.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quotecli import patterns
from quotecli.model import Span

#: Closers for each opener. Straight " and ” (used as both by some sites)
#: pair with themselves.
_CLOSERS = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "”"}
_SYMMETRIC = {'"', "”"}


@dataclass(frozen=True, slots=True)
class Quotation:
    """Top-level text in quotation marks, maybe continued over paragraphs."""

    pieces: tuple[Span, ...]  # inside the marks, trimmed; one per paragraph
    marks: tuple[Span, ...]  # the same, marks included
    flags: tuple[str, ...] = ()
    # Both asked for at every step of the pipeline: computed once.
    span: Span = field(init=False, repr=False, compare=False)  # from the first piece to the last
    outer: Span = field(init=False, repr=False, compare=False)  # the same, marks included

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", Span(self.pieces[0].start, self.pieces[-1].end))
        object.__setattr__(self, "outer", Span(self.marks[0].start, self.marks[-1].end))


@dataclass(slots=True)
class _Open:
    char: str
    pos: int


class _Stack:
    """The marks open in a paragraph, innermost last, with a count of each kind."""

    def __init__(self) -> None:
        self.items: list[_Open] = []
        self.counts: dict[str, int] = {}

    def push(self, item: _Open) -> None:
        self.items.append(item)
        self.counts[item.char] = self.counts.get(item.char, 0) + 1

    def truncate(self, n: int) -> None:
        for item in self.items[n:]:
            self.counts[item.char] -= 1
        del self.items[n:]

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class _Pending:
    """A quotation left open at the end of a paragraph."""

    pieces: list[Span]
    marks: list[Span]
    flags: list[str]


def find_quotations(text: str, paragraphs: Sequence[Span]) -> tuple[list[Quotation], list[int]]:
    """Return the top-level quotations in text order and the stray marks.

    A stray mark is a closer with no opener (the seed's `humanitaire»`).
    """
    quotations: list[Quotation] = []
    stray: list[int] = []
    pending: _Pending | None = None
    for para in paragraphs:
        stack = _Stack()
        flags: list[str] = []
        marks = list(patterns.QUOTE_MARK.finditer(text, para.start, para.end))
        if pending is not None:
            # A quotation continued over paragraphs: each new paragraph opens
            # with « (or » in the older style); only the last one closes.
            if marks and marks[0].start() == para.start and marks[0].group() in "«»":
                stack.push(_Open("«", para.start))
                marks = marks[1:]
            else:
                quotations.append(_close_pending(pending, "unclosed"))
                pending = None
        for m in marks:
            char, pos = m.group(), m.start()
            closer_of = _match_open(stack, char, text, pos, para)
            if closer_of is not None:
                opened = stack.items[closer_of]
                if len(stack) - 1 > closer_of:
                    flags.append("unbalanced_marks")  # openers left inside
                stack.truncate(closer_of)
                if not stack:
                    piece, outer = _inner(text, opened.pos, pos + 1)
                    if pending is not None:
                        pending.pieces.append(piece)
                        pending.marks.append(outer)
                        pending.flags.extend(flags)
                        quotations.append(_close_pending(pending, "continued"))
                        pending = None
                    elif piece.end > piece.start:
                        quotations.append(Quotation((piece,), (outer,), tuple(dict.fromkeys(flags))))
                    flags = []
            elif char in _CLOSERS and _looks_like_opener(text, pos, para):
                stack.push(_Open(char, pos))
            else:
                stray.append(pos)
        if stack:
            bottom = stack.items[0]
            if len(stack) > 1:
                flags.append("unbalanced_marks")
            piece, outer = _inner(text, bottom.pos, para.end, closed=False)
            if pending is None:
                pending = _Pending([], [], [])
            pending.pieces.append(piece)
            pending.marks.append(outer)
            pending.flags.extend(flags)
        elif pending is not None:
            quotations.append(_close_pending(pending, "unclosed"))
            pending = None
    if pending is not None:
        quotations.append(_close_pending(pending, "unclosed"))
    quotations.sort(key=lambda q: q.pieces[0].start)
    return [q for q in quotations if q.pieces[0].end > q.pieces[0].start], stray


#: The openers each closing mark can close.
_OPENERS_OF = {"»": ("«",), "”": ("“", "„", "”"), "“": ("„",), '"': ('"',)}


def _match_open(stack: _Stack, char: str, text: str, pos: int, para: Span) -> int | None:
    """Index in `stack` of the opener that `char` closes, or None.

    » closes the nearest «, dropping any unclosed mark opened inside it; a
    straight " closes the nearest " unless it plainly opens a nested one.
    Openers are counted, so a closer with nothing to close costs O(1) and a
    closer that drops N marks pays for N pushes: the scan stays linear.
    """
    wanted = _OPENERS_OF.get(char)
    if wanted is None or not any(stack.counts.get(w) for w in wanted):
        return None
    if char in _SYMMETRIC and stack.items[-1].char == char and _looks_like_opener(text, pos, para) \
            and not _looks_like_closer(text, pos, para):
        return None  # a new nested opener of the same kind
    for i in range(len(stack) - 1, -1, -1):
        if stack.items[i].char in wanted:
            return i
    return None


def _looks_like_opener(text: str, pos: int, para: Span) -> bool:
    before = text[pos - 1] if pos > para.start else " "
    after = text[pos + 1] if pos + 1 < para.end else " "
    if text[pos] in "«“„":
        return True
    return (before.isspace() or before in "([{«“'’-—–/") and not after.isspace()


def _looks_like_closer(text: str, pos: int, para: Span) -> bool:
    before = text[pos - 1] if pos > para.start else " "
    after = text[pos + 1] if pos + 1 < para.end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _inner(text: str, open_pos: int, end: int, closed: bool = True) -> tuple[Span, Span]:
    """The trimmed inside of marks opening at `open_pos` and ending at `end`."""
    start = open_pos + 1
    stop = end - 1 if closed else end
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return Span(start, stop), Span(open_pos, end)


def _close_pending(p: _Pending, flag: str) -> Quotation:
    flags = [*p.flags, flag] if flag == "unclosed" or len(p.pieces) > 1 else p.flags
    return Quotation(tuple(p.pieces), tuple(p.marks), tuple(dict.fromkeys(flags)))
