"""match.py: `who NAME` finds a speaker by whole words, ignoring case and accents."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecli.match import contains, matches, words

CASES = [
    # query, speaker name or mention, expected
    ("assad", "Bachar al-Assad", True),
    ("Assad", "Bachar al-Assad", True),
    ("Bachar al-Assad", "Bachar al-Assad", True),
    ("BACHAR AL ASSAD", "Bachar al-Assad", True),
    ("al-Assad", "Bachar al-Assad", True),
    ("lavrov", "Sergueï Lavrov", True),
    ("serguei", "Sergueï Lavrov", True),
    ("SERGUEÏ LAVROV", "Sergueï Lavrov", True),
    ("abdel rahmane", "Rami Abdel Rahmane", True),
    ("M. Assad", "M. Assad", True),  # a mention as written
    ("OSDH", "l'OSDH", True),  # the apostrophe splits words
    ("giscard d’estaing", "Valéry Giscard d'Estaing", True),  # either apostrophe
    ("coeur", "Jacques Cœur", True),  # ligature
    ("ass", "Bachar al-Assad", False),  # part of a word is not a word
    ("assa", "Bachar al-Assad", False),
    ("assad bachar", "Bachar al-Assad", False),  # order matters
    ("bachar assad", "Bachar al-Assad", False),  # contiguous words
    ("lavrov", "Sergueï Lavrovski", False),
    ("kerry", "Sergueï Lavrov", False),
]


@pytest.mark.parametrize(("query", "name", "expected"), CASES)
def test_matches(query: str, name: str, expected: bool) -> None:
    assert matches(words(query), [name]) is expected


def test_any_of_the_names_may_match_and_none_is_skipped() -> None:
    assert matches(words("assad"), [None, "M. Assad"])
    assert not matches(words("assad"), [None, None])


def test_an_empty_query_matches_nothing() -> None:
    assert words(" - ' ") == ()
    assert not matches((), ["Bachar al-Assad"])
    assert not contains(("a",), ())


def test_words() -> None:
    assert words("Sergueï Lavrov") == ("serguei", "lavrov")
    assert words("l’OSDH, 2016_bis") == ("l", "osdh", "2016", "bis")


NAME = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüçÉÈÀÇœ", min_size=1, max_size=8),
    min_size=1,
    max_size=4,
).map(lambda ws: " ".join(w.capitalize() for w in ws))


@given(NAME)
def test_a_name_matches_itself_in_any_case(name: str) -> None:
    assert matches(words(name), [name])
    assert matches(words(name.upper()), [name])
    assert matches(words(name.lower()), [name.upper()])


@given(NAME, st.data())
def test_a_name_matches_each_of_its_words(name: str, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(name.split()))
    assert matches(words(word), [name])
