"""How a text names people and bodies: proper names, titles, roles, pronouns.

A mention is found by its shape alone; who it stands for is decided later
(speakers.py), with the whole document before it in view.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from quotecli import lexicon, patterns
from quotecli.model import Span

_LEX = lexicon.load()
_PREPOSITIONS = frozenset(_LEX.words("prepositions"))
_PLACES = frozenset(_LEX.words("places"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that may name a source."""

    span: Span
    kind: str  # "name", "titled", "acronym", "role", "organisation", "group", "partitive", "pronoun"
    text: str  # the mention as written
    name: str | None = None  # the proper name in it: "François Hollande", "OSDH"
    head: str | None = None  # the role, body or group noun phrase without determiner
    title: str | None = None  # "M.", "Mme" …
    acronym: str | None = None  # "(OSDH)" after an expansion
    after_preposition: bool = False  # "à l'AFP", "du président": a complement, not a subject

    @property
    def is_pronoun(self) -> bool:
        return self.kind == "pronoun"


def find_mentions(text: str, paragraphs: Sequence[Span]) -> list[Mention]:
    """Every mention in the text, in order, none overlapping."""
    out: list[Mention] = []
    for para in paragraphs:
        for m in patterns.MENTION.finditer(text, para.start, para.end):
            out.append(_mention(text, m))
    return out


def _mention(text: str, m) -> Mention:  # type: ignore[no-untyped-def]
    span = Span(m.start(), m.end())
    after_prep = _after_preposition(text, m.start())
    if m.group("np"):
        after_prep = after_prep or m.group("det").strip().lower() in ("au", "aux", "du")
        kind = "role" if m.group("role") else "organisation" if m.group("organisation") else "group"
        head_start = m.end("det")
        head_end = m.start("np_name") if m.group("np_name") else m.end()
        head = text[head_start:head_end].rstrip(" ,\u00a0")
        name = m.group("np_name")
        return Mention(span, kind, m.group(), name=name, head=head,
                       acronym=m.group("np_acronym"), after_preposition=after_prep)
    if m.group("partitive"):
        return Mention(span, "partitive", m.group(), after_preposition=after_prep)
    if m.group("titled"):
        return Mention(span, "titled", m.group(), name=m.group("title_name"),
                       title=m.group("title"), after_preposition=after_prep)
    if m.group("acronym"):
        return Mention(span, "acronym", m.group(), name=m.group("acronym"), after_preposition=after_prep)
    if m.group("name"):
        if _word_before(text, m.start()) in ("les", "des"):  # "les Casques blancs"
            return Mention(span, "group", m.group(), head=m.group("name"), after_preposition=after_prep)
        return Mention(span, "name", m.group(), name=_strip_article(m.group("name")),
                       acronym=m.group("name_acronym"), after_preposition=after_prep)
    return Mention(span, "pronoun", m.group(), name=m.group("pronoun").lower(),
                   after_preposition=after_prep)


def _strip_article(name: str) -> str:
    """"La Russie" -> "Russie"; "Le Figaro" stays: the article is part of it."""
    for article in ("La ", "Les ", "Le ", "L'", "L’", "La\u00a0", "Le\u00a0"):
        if name.startswith(article):
            rest = name[len(article):]
            return rest if rest in _PLACES or rest.split(" ")[0] in _PLACES else name
    return name


def _word_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \u00a0\u202f":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower()


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before `start` is a preposition ("à", "du", "de l'")."""
    i = start
    while i > 0 and text[i - 1] in " \u00a0\u202f":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’"):
        j -= 1
    word = text[j:i].lower().rstrip("'’")
    if word in ("l", "la", "le", "les"):  # "de l'AFP", "à la presse"
        k = j
        while k > 0 and text[k - 1] in " \u00a0\u202f":
            k -= 1
        m = k
        while m > 0 and text[m - 1].isalpha():
            m -= 1
        word = text[m:k].lower()
    return word in _PREPOSITIONS or word == "d"


def mentions_in(mentions: Sequence[Mention], span: Span) -> list[Mention]:
    """The mentions lying inside `span` (mentions are sorted and disjoint)."""
    i = bisect_left([m.span.start for m in mentions], span.start)
    out = []
    while i < len(mentions) and mentions[i].span.end <= span.end:
        out.append(mentions[i])
        i += 1
    return out
