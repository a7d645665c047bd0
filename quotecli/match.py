"""Matching a name typed by a user against a speaker: `quotecli who NAME`.

A query matches a name when its words appear in the name as whole words, in
order and contiguous, ignoring case, accents and punctuation: `assad`,
`al-Assad` and `Bachar al-Assad` all match "Bachar al-Assad"; `ass` does not.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits: hyphens, apostrophes and dots split
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})  # after casefold; NFKD leaves them whole


def words(text: str) -> tuple[str, ...]:
    """The words of `text`, case-folded and without accents: "Sergueï L." -> ("serguei", "l")."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    bare = "".join(c for c in folded if not unicodedata.combining(c))
    return tuple(_WORD.findall(bare))


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when `needle` occurs in `haystack` as a contiguous run of words."""
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def matches(needle: Sequence[str], names: Iterable[str | None]) -> bool:
    """True when `needle` (the `words()` of a query) occurs, whole and in order, in one of `names`."""
    needle = tuple(needle)
    return any(name is not None and contains(words(name), needle) for name in names)
