"""A stand-in for `quotecli.extract`, so CLI tests do not depend on the engine.

Each line `Speaker Name|quoted words` of a text becomes one direct record whose
speaker is `Speaker Name` (None when empty) and whose quote is the rest of the
line; other lines give nothing. Offsets are real offsets into the text.
"""
from __future__ import annotations

import re

from quotecli.model import Cue, QuoteType, Record, Span, Speaker, SpeakerKind

_LINE = re.compile(r"^(?P<speaker>[^|\r\n]*)\|(?P<quote>[^\r\n]+)", re.MULTILINE)


def extract(text: str, doc_id: str | None = None) -> list[Record]:
    """One record per `speaker|quote` line, in text order."""
    return [_record(text, m, doc_id) for m in _LINE.finditer(text)]


def _record(text: str, m: re.Match[str], doc_id: str | None) -> Record:
    quote = Span(m.start("quote"), m.end("quote"))
    name = m["speaker"] or None
    speaker = Speaker(name, Span(m.start("speaker"), m.end("speaker")), name, SpeakerKind.PERSON) if name else None
    return Record(
        type=QuoteType.DIRECT,
        quote=m["quote"],
        span=quote,
        fragments=(quote,),
        speaker=speaker,
        cue=Cue(Span(m.end("speaker"), m.start("quote")), "|", "dire"),
        rule="fake",
        line=text.count("\n", 0, m.start()) + 1,
        doc_id=doc_id,
    )
