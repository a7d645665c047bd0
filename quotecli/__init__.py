"""quotecli: who said what, in French news.

    >>> from quotecli import extract
    >>> [r.speaker.name for r in extract("« Rien », a dit Jean Dupont.")]
    ['Jean Dupont']
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quotecli.model import FIELDS, Cue, QuoteType, Record, Span, Speaker, SpeakerKind

if TYPE_CHECKING:
    from quotecli.pipeline import extract

__version__ = "0.2.0"


def __getattr__(name: str) -> Any:
    """`extract` is imported on first use: the engine compiles its patterns when loaded, and
    commands that only read a collection (`quotecli who`, `search`) start faster without it."""
    if name == "extract":
        from quotecli.pipeline import extract

        return extract
    raise AttributeError(f"module 'quotecli' has no attribute {name!r}")

__all__ = [
    "FIELDS",
    "Cue",
    "QuoteType",
    "Record",
    "Span",
    "Speaker",
    "SpeakerKind",
    "__version__",
    "extract",
]
