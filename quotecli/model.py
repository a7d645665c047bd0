"""The records quotecli produces: small frozen dataclasses over character spans.

Every offset is a character offset into the text exactly as it was given to
`extract()`; strings in a record are always slices of that text (or, for the
resolved speaker name, a name read from the text, HTML references as the
characters they stand for, or from the alias data).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from operator import attrgetter
from typing import Any, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle instances as their class called with their field values.

    Records cross from worker processes to the parent by pickle (--jobs).
    A frozen dataclass with slots is otherwise pickled through a state
    dictionary restored one `object.__setattr__` at a time; this makes the
    records the parent takes in a third cheaper to rebuild.
    """
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign, assignment]
    return cls


class QuoteType(str, Enum):
    """What kind of reported speech a record is."""

    DIRECT = "direct"  # the whole reported content stands in quotation marks
    MIXED = "mixed"  # reported content carrying a verbatim fragment in marks
    INDIRECT = "indirect"  # reported content without marks


class SpeakerKind(str, Enum):
    """What sort of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    UNKNOWN = "unknown"


@_pickled_by_fields
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range `[start, end)` of the document."""

    start: int
    end: int

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: the mention as written and the name it resolves to."""

    name: str | None  # resolved full name (or description), None if unknown
    mention: Span | None  # where the text names the speaker for this quote
    mention_text: str | None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    resolved_by: str | None = None  # how `name` was found from `mention`
    role: str | None = None  # e.g. "directeur de l'OSDH"
    gender: str | None = None  # "f", "m" or None
    gender_basis: str | None = None  # what in the text shows the gender


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cue:
    """The attribution cue: a speech verb, `selon`, a colon …"""

    span: Span
    text: str
    lemma: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Record:
    """One quotation or claim, tied to its speaker and cue."""

    type: QuoteType
    quote: str
    span: Span  # from the first character of the content to the last
    fragments: tuple[Span, ...]
    speaker: Speaker | None
    cue: Cue | None
    rule: str  # the name of the rule that made this record
    line: int  # 1-based line of `span.start`
    flags: tuple[str, ...] = ()
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as the flat JSON object documented in README.md."""
        sp = self.speaker
        return {
            "doc_id": self.doc_id,
            "type": self.type.value,
            "quote": self.quote,
            "quote_start": self.span.start,
            "quote_end": self.span.end,
            "fragments": [{"start": f.start, "end": f.end} for f in self.fragments],
            "speaker": sp.name if sp else None,
            "speaker_mention": sp.mention_text if sp else None,
            "speaker_start": sp.mention.start if sp and sp.mention else None,
            "speaker_end": sp.mention.end if sp and sp.mention else None,
            "speaker_kind": sp.kind.value if sp else None,
            "speaker_resolved_by": sp.resolved_by if sp else None,
            "speaker_role": sp.role if sp else None,
            "speaker_gender": sp.gender if sp else None,
            "speaker_gender_basis": sp.gender_basis if sp else None,
            "cue": self.cue.text if self.cue else None,
            "cue_lemma": self.cue.lemma if self.cue else None,
            "cue_start": self.cue.span.start if self.cue else None,
            "cue_end": self.cue.span.end if self.cue else None,
            "rule": self.rule,
            "line": self.line,
            "flags": list(self.flags),
        }


#: The keys of `Record.to_dict()`, in order: the public JSON schema.
FIELDS: tuple[str, ...] = (
    "doc_id",
    "type",
    "quote",
    "quote_start",
    "quote_end",
    "fragments",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker_kind",
    "speaker_resolved_by",
    "speaker_role",
    "speaker_gender",
    "speaker_gender_basis",
    "cue",
    "cue_lemma",
    "cue_start",
    "cue_end",
    "rule",
    "line",
    "flags",
)
