"""quotecli: who said what, in French news.

    >>> from quotecli import extract
    >>> [r.speaker.name for r in extract("« Rien », a dit Jean Dupont.")]
    ['Jean Dupont']
"""
from quotecli.model import FIELDS, Cue, QuoteType, Record, Span, Speaker, SpeakerKind
from quotecli.pipeline import extract

__version__ = "0.1.0"

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
