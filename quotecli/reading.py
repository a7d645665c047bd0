"""The text as the engine reads it: scraped HTML leftovers read as what they stand for.

Scraped news keeps character references (`&laquo;`, `&#171;`, `&nbsp;`), tags
(`<p>`, `</p><p>`, `<b>Jean Dupont</b>`) and stray U+FEFF (files glued
together). `view(text)` gives the text the engine should read instead, with a
map back to the raw text, so that records keep pointing into the text exactly
as given: references become their characters, block tags a line break (a new
paragraph), inline tags, comments, scripts and style sheets nothing, and
U+FEFF nothing (a line break where it glues a file on to text). Most documents have none of this:
`view()` then returns None after a scan or three for `&`, `<` and U+FEFF.
"""
from __future__ import annotations

import html
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from html.entities import html5

import regex

from quotecli import patterns
from quotecli.model import Span


@dataclass(frozen=True, slots=True)
class View:
    """A clean text and, for each of its characters, the raw range it was read from.

    The map is kept as runs, one per stretch between leftovers and one per
    leftover read as characters: run j starts at clean offset `clean[j]` and
    raw offset `raw[j]`; `width[j]` is 0 where each clean character is one raw
    character, else every character of the run stands for the whole
    `raw[raw[j] : raw[j] + width[j]]` (an entity, a block tag).
    """

    text: str
    clean: array
    raw: array
    width: array

    def start_of(self, i: int) -> int:
        """The raw offset where clean character `i` starts."""
        j = bisect_right(self.clean, i) - 1
        return self.raw[j] + (i - self.clean[j] if self.width[j] == 0 else 0)

    def end_of(self, i: int) -> int:
        """The raw offset where clean character `i` ends."""
        j = bisect_right(self.clean, i) - 1
        return self.raw[j] + (i - self.clean[j] + 1 if self.width[j] == 0 else self.width[j])

    def span(self, span: Span) -> Span:
        """Clean `[a, b)` as raw `[start_of(a), end_of(b - 1))`: no leftover at either edge.

        An empty span sits where the raw reading of the text before it ends.
        """
        if span.end <= span.start:
            at = self.end_of(span.start - 1) if span.start > 0 else 0
            return Span(at, at)
        return Span(self.start_of(span.start), self.end_of(span.end - 1))


def view(text: str) -> View | None:
    """The text as the engine reads it, or None when it reads `text` as it is."""
    if "&" not in text and "<" not in text and "\ufeff" not in text:
        return None
    runs = _Runs()
    ends = _NoTextEnds(text)
    copied = 0  # the raw text before this is read
    for m in patterns.LEFTOVER.finditer(text):
        start, end = m.span()
        if start < copied:
            continue  # inside a comment or a script already read as nothing
        kind = m.lastgroup or ""  # the branch that matched: its group closes last
        if kind == "comment" or kind == "raw":
            end = ends.after(m)
            # Never closed, "<!--" is text after all; "<script>" is still a tag.
            reading: str | None = None if kind == "comment" and end == m.end() else ""
        else:
            reading = _reading(m, kind, text)
        if reading is None:
            continue  # stays text: copied with the stretch around it
        if start > copied:
            runs.add(text[copied:start], copied, 0)
        if reading:
            runs.add(reading, start, end - start)
        copied = end
    if not copied:
        return None  # nothing stood for anything else
    if copied < len(text) or not runs.parts:
        runs.add(text[copied:], copied, 0)
    return View("".join(runs.parts), runs.clean, runs.raw, runs.width)


class _NoTextEnds:
    """Where comments, scripts and style sheets end, each kind looked for in
    one pass over the text, the first time one opens: a page of unclosed
    "<!--" costs no more than one."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: dict[str, list[int]] = {}

    def after(self, m: regex.Match[str]) -> int:
        """The end of what `m` opens: after its closing ("-->", "</script>"),
        or the end of `m` when it is never closed."""
        kind = "comment" if m.group("comment") else m.group("raw").lower()
        ends = self._ends.get(kind)
        if ends is None:
            ends = self._ends[kind] = self._find(kind)
        i = bisect_right(ends, m.end() + (len("-->") - 1 if kind == "comment" else 0))
        return ends[i] if i < len(ends) else m.end()

    def _find(self, kind: str) -> list[int]:
        if kind == "comment":
            found, at = [], self._text.find("-->")
            while at != -1:
                found.append(at + 3)
                at = self._text.find("-->", at + 3)
            return found
        return [e.end() for e in patterns.RAW_TEXT_END.finditer(self._text) if e.group("name").lower() == kind]


class _Runs:
    """The clean text and its map, built a run at a time (see `View`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.clean, self.raw, self.width = array("l"), array("l"), array("l")
        self.length = 0

    def add(self, part: str, raw: int, width: int) -> None:
        self.parts.append(part)
        self.clean.append(self.length)
        self.raw.append(raw)
        self.width.append(width)
        self.length += len(part)


#: Groups read by number: by name, the regex module first tries the name as a number, at a cost.
_BLOCK, _NAMED = patterns.LEFTOVER.groupindex["block"], patterns.LEFTOVER.groupindex["named"]


def _reading(m: regex.Match[str], kind: str, text: str) -> str | None:
    """What one leftover (of branch `kind`) reads as; None when it is text after all (an unknown `&foo;`)."""
    if kind == "tag":
        return "\n" if m.start(_BLOCK) >= 0 else ""
    if kind == "bom":
        # Where a line starts (or after a space) U+FEFF is a file's byte-order mark
        # and reads as nothing; right after text, a file was glued on there: a
        # line break keeps the two files' words and sentences apart.
        start = m.start()
        return "" if start == 0 or text[start - 1].isspace() else "\n"
    named = m.group(_NAMED)
    if named:
        char = html5.get(named + ";")
    else:
        char = html.unescape(m.group())  # the HTML rules for numbers: &#146; is ’, &#0; is U+FFFD
    if char is None:
        return None
    # &nbsp; is how HTML keeps a space from collapsing: a space, so that
    # "Jean&nbsp;Dupont" resolves to the name "Jean Dupont".
    return char.replace("\u00a0", " ")
