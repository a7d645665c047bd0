"""An annotated document as data: where each record's quote, speaker and cue sit in the text.

`layout(text, rows)` cuts the text into paragraphs and each paragraph into
runs of text under the same marks, with a tag wherever a mark opens or
closes. Every view (terminal colour, plain-text markers, HTML) draws the same
picture from these offsets, so they cannot disagree. Pure: no rich, no I/O.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

Row = Mapping[str, Any]

#: Quotation marks a direct quote's highlight reaches over (the record's fragments exclude them).
OPENING_MARKS = frozenset("«“„‹\"")
CLOSING_MARKS = frozenset("»”“›\"")
#: Spaces that French typography puts between a quotation mark and the words.
MARK_SPACES = frozenset(" \u00a0\u202f\u2009")


class Kind(str, Enum):
    """What a mark shows; the order is the nesting order, outermost first."""

    QUOTE = "quote"  # the reported content: a direct quote's fragments, a mixed or indirect quote's span
    VERBATIM = "verbatim"  # the parts of a mixed quote that stand in quotation marks
    CUE = "cue"  # the attribution cue
    SPEAKER = "speaker"  # the speaker mention


_DEPTH = {kind: i for i, kind in enumerate(Kind)}


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text shown one way, for the records numbered `numbers`."""

    kind: Kind
    start: int
    end: int
    numbers: tuple[int, ...]  # one mention or cue can serve several records
    type: str | None = None  # the quote type (direct, mixed, indirect) for QUOTE and VERBATIM
    flagged: bool = False  # QUOTE of a record with flags or without a speaker


@dataclass(frozen=True, slots=True)
class Run:
    """Text `[start, end)` under `marks` (outermost first)."""

    start: int
    end: int
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Tag:
    """Where `mark` opens (`opening`) or closes; tags nest whenever the marks do."""

    mark: Mark
    opening: bool
    echo: bool = False  # a closing speaker or cue tag right before one with the same numbers: say them once


@dataclass(frozen=True, slots=True, eq=False)
class Note:
    """One record, numbered, as the legend shows it."""

    number: int
    row: Row

    @property
    def flags(self) -> tuple[str, ...]:
        """The record's flags, plus `no_speaker` when it has no speaker at all."""
        flags = tuple(self.row["flags"])
        if self.row["speaker"] is None and "no_speaker" not in flags:
            flags += ("no_speaker",)
        return flags

    @property
    def role(self) -> str | None:
        """The speaker's role when it says more than the name and mention (not `président` of `Le président X`)."""
        role = self.row["speaker_role"]
        if role is None or any(role in (name or "") for name in (self.row["speaker"], self.row["speaker_mention"])):
            return None
        return role

    @property
    def remarks(self) -> tuple[str, ...]:
        """The flags worth a remark beside the speaker: `no_speaker` goes without saying when there is no mention."""
        silent = self.row["speaker_mention"] is None
        return tuple(f for f in self.flags if f != "no_speaker" or not silent)


@dataclass(frozen=True, slots=True, eq=False)
class Paragraph:
    """One paragraph: its pieces in text order and the notes of the quotes that start in it."""

    start: int
    end: int
    pieces: tuple[Run | Tag, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True, eq=False)
class Annotated:
    """A document laid out for reading: its text, paragraphs and numbered records."""

    text: str
    doc_id: str | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...]


def summary(doc: Annotated) -> str:
    """`19 quotations (6 direct, 4 mixed, 9 indirect), 19 with a speaker, 1 flagged`."""
    rows = [note.row for note in doc.notes]
    counts = [f"{n} {t}" for t in ("direct", "mixed", "indirect") if (n := sum(r["type"] == t for r in rows))]
    out = f"{len(rows)} quotation{'' if len(rows) == 1 else 's'}"
    if counts:
        out += f" ({', '.join(counts)})"
    out += f", {sum(r['speaker'] is not None for r in rows)} with a speaker"
    return out + f", {sum(bool(note.flags) for note in doc.notes)} flagged"


def layout(text: str, rows: Iterable[Row], doc_id: str | None = None) -> Annotated:
    """The annotated view of `text` with the records `rows` (flat records, in order), numbered from 1."""
    notes = tuple(Note(i, row) for i, row in enumerate(rows, start=1))
    marks = _merge(mark for note in notes for mark in _marks(text, note))
    from quotecli import document  # here: the engine's patterns compile on import, and most commands never lay out

    spans = document.paragraphs(text)
    starts = [p.start for p in spans]
    by_paragraph: list[list[Note]] = [[] for _ in spans]
    for note in notes:
        if spans:  # a note goes with the paragraph where its quote starts
            by_paragraph[max(0, bisect_right(starts, note.row["quote_start"]) - 1)].append(note)
    paragraphs = tuple(
        Paragraph(p.start, p.end, _pieces(p.start, p.end, marks), tuple(found))
        for p, found in zip(spans, by_paragraph)
    )
    return Annotated(text, doc_id, paragraphs, notes)


def _marks(text: str, note: Note) -> Iterable[Mark]:
    """The marks of one record: its quote (and verbatim parts), its speaker mention, its cue."""
    row, n = note.row, (note.number,)
    flagged = bool(note.flags)
    fragments = [(f["start"], f["end"]) for f in row["fragments"]]
    if row["type"] == "mixed":
        yield Mark(Kind.QUOTE, row["quote_start"], row["quote_end"], n, "mixed", flagged)
        for start, end in fragments:
            yield Mark(Kind.VERBATIM, *_with_marks(text, start, end), n, "mixed")
    elif row["type"] == "direct":
        for start, end in fragments or [(row["quote_start"], row["quote_end"])]:
            yield Mark(Kind.QUOTE, *_with_marks(text, start, end), n, "direct", flagged)
    else:
        for start, end in fragments or [(row["quote_start"], row["quote_end"])]:
            yield Mark(Kind.QUOTE, start, end, n, row["type"], flagged)
    if row["speaker_start"] is not None and row["speaker_end"] is not None:
        yield Mark(Kind.SPEAKER, row["speaker_start"], row["speaker_end"], n)
    if row["cue_start"] is not None and row["cue_end"] is not None:
        yield Mark(Kind.CUE, row["cue_start"], row["cue_end"], n)


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` widened over the quotation marks right around it (a space between allowed)."""
    before = start - 1 if start > 0 and text[start - 1] in MARK_SPACES else start
    if before > 0 and text[before - 1] in OPENING_MARKS:
        start = before - 1
    after = end + 1 if end < len(text) and text[end] in MARK_SPACES else end
    if after < len(text) and text[after] in CLOSING_MARKS:
        end = after + 1
    return start, end


def _merge(marks: Iterable[Mark]) -> list[Mark]:
    """One mark per kind and span: a mention shared by two records carries both numbers."""
    merged: dict[tuple[Kind, int, int], Mark] = {}
    for m in marks:
        if m.end <= m.start:
            continue
        key = (m.kind, m.start, m.end)
        if (seen := merged.get(key)) is None:
            merged[key] = m
        else:
            merged[key] = Mark(m.kind, m.start, m.end, seen.numbers + m.numbers, seen.type, seen.flagged or m.flagged)
    return list(merged.values())


def _pieces(start: int, end: int, marks: Sequence[Mark]) -> tuple[Run | Tag, ...]:
    """Runs and tags of the paragraph `[start, end)`; a mark crossing its edges is cut there."""
    inside = [
        Mark(m.kind, max(m.start, start), min(m.end, end), m.numbers, m.type, m.flagged)
        for m in marks
        if m.start < end and start < m.end
    ]
    cuts = sorted({start, end, *(m.start for m in inside), *(m.end for m in inside)})
    pieces: list[Run | Tag] = []
    active: list[Mark] = []
    for here, there in zip(cuts, [*cuts[1:], None]):
        # close the marks ending here, innermost first; then open those starting here, outermost first
        for m in sorted((m for m in active if m.end == here), key=lambda m: (-m.start, -_DEPTH[m.kind])):
            active.remove(m)
            pieces.append(Tag(m, opening=False))
        for m in sorted((m for m in inside if m.start == here), key=lambda m: (-m.end, _DEPTH[m.kind])):
            active.append(m)
            pieces.append(Tag(m, opening=True))
        if there is not None:
            pieces.append(Run(here, there, tuple(active)))
    return tuple(_echoes(pieces))


def _echoes(pieces: list[Run | Tag]) -> list[Run | Tag]:
    """Mark the closing tags whose numbers the next closing tag repeats (`confie-t-il` ends mention and cue)."""
    for i, (piece, after) in enumerate(zip(pieces, pieces[1:])):
        if (
            isinstance(piece, Tag) and isinstance(after, Tag)
            and not piece.opening and not after.opening
            and {piece.mark.kind, after.mark.kind} <= {Kind.SPEAKER, Kind.CUE}
            and piece.mark.numbers == after.mark.numbers
        ):
            pieces[i] = Tag(piece.mark, opening=False, echo=True)
    return pieces
