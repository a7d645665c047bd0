"""What the attribution finders ask of a sentence, answered without scanning it.

cues._Spans answers "does any span overlap this / hold this point" by
bisection; it must answer exactly as the plain scan over every span would.
Reported content running to the end of a sentence stops at _LONGEST_CLAIM,
so text with no full stop cannot make every claim the rest of the document.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import cues, extract
from quotecli.model import Span

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: Span(t[0], t[0] + t[1])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(spans, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=20))
def test_spans_answer_as_a_scan_would(added: list[Span], queries: list[tuple[int, int]]) -> None:
    index = cues._Spans()
    for span in added:
        index.add(span)
    for start, length in queries:
        query = Span(start, start + length)
        assert index.overlaps(query) == any(s.overlaps(query) for s in added)
        assert index.holds(start) == any(s.start <= start < s.end for s in added)


def test_a_claim_in_text_without_full_stops_is_capped() -> None:
    clause = "le syndicat a estimé que la réforme est injuste, "
    text = "Selon la CGT, " + clause * 400  # one sentence of 20,000 characters
    records = extract(text)
    assert records and all(len(r.quote) <= cues._LONGEST_CLAIM for r in records)
    for r in records:
        assert text[r.span.start : r.span.end] == r.quote


def test_the_cap_never_cuts_a_quotation() -> None:
    filler = "la réforme, qui a été votée hier, sera appliquée, " * 38  # about 1,900 characters
    long_quote = "« " + "nous irons jusqu'au bout, " * 20 + "sans faiblir »"
    text = "Le ministre a déclaré que " + filler + long_quote + " et que tout ira bien"
    start = text.index("que ") + 4
    assert text.index("«") < start + cues._LONGEST_CLAIM < text.index("»")  # the cap falls inside the quotation
    [record] = [r for r in extract(text) if r.cue and r.cue.lemma == "déclarer"]
    assert record.span.end >= text.index("sans faiblir") and record.type.value == "mixed"
