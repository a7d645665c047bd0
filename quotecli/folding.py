"""Folding text for comparison: case, accents, hyphens and apostrophes.

Only ever used to compare or look up; offsets always point into the text as
written.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache


# Names and words recur across a document and a corpus: folding each once
# saves most of the Unicode work.
@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces:
    "Bachar al-Assad" -> "bachar al assad", "Édouard" -> "edouard"."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("-", " ").replace("\u2011", " ").replace("'", " ").replace("’", " ").split())
