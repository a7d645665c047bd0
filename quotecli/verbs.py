"""Attribution verb groups: "a-t-il déclaré", "confie-t-il", "s'est dit", "estime".

Thousands of verb forms make a regex named list slow wherever it is tried,
so a verb group is read in two steps: a small pattern reads its shape (an
auxiliary, an inversion, the words that follow), then the words are looked up
in the lexicon's sets of forms, adverbs skipped and the longest multiword form
("fait savoir", "mis en garde") first. Searching a sentence only tries the
words that can start a verb group, found by one pass over its words.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from quotecli import lexicon, patterns
from quotecli.document import Words
from quotecli.model import Span

_LEX = lexicon.load()


def _forms(mood: str, pronominal: bool | None = None) -> frozenset[str]:
    return frozenset(f.replace("’", "'") for f in _LEX.forms(mood, pronominal=pronominal))


_FINITE = _forms("finite", False)
_PARTICIPLE = _forms("participle", False)
_PRON_FINITE = _forms("finite", True)
_PRON_PARTICIPLE = _forms("participle", True)
_PRESENT_PARTICIPLE = _forms("present_participle")
#: Adverbs, and the stressed pronouns that may stand in the same place ("a lui écrit").
_ADVERBS = frozenset(a.replace("’", "'") for a in _LEX.words("incise_adverbs")) | {"lui", "elle", "eux", "elles"}
_AUXILIARIES = frozenset(patterns.AUXILIARIES)
#: Words that can open a verb group after its subject.
_STARTERS = _AUXILIARIES | {"se", "s"} | frozenset(f.split()[0] for f in _FINITE)
_MAX_WORDS = 4  # the longest multiword form has this many words
_FINITE_FIRST = frozenset(f.split()[0] for f in _FINITE)
#: Any non-pronominal form: an inversion takes whatever the lexicon can
#: analyse ("conclu-t-il", a common slip for "conclut-il").
_INVERTIBLE = _FINITE_FIRST | _PARTICIPLE | _PRESENT_PARTICIPLE
#: Every word a verb group can start with (see _may_start).
_OPENING = _STARTERS | _INVERTIBLE
#: The object pronouns INCISE_LEAD lets stand before an incise's verb.
_OBJECT_PRONOUNS = frozenset({"lui", "leur", "nous", "vous", "me", "te", "m", "t"})
_PRON_FIRST = frozenset(f.split()[0] for f in _PRON_FINITE) | frozenset(patterns.BE_FORMS)
_PARTICIPLE_FIRST = frozenset(f.split()[0] for f in _PARTICIPLE)
_PRON_PARTICIPLE_FIRST = frozenset(f.split()[0] for f in _PRON_PARTICIPLE)
#: Words that may stand between an auxiliary and its participle: those of
#: the adverbs, and an inversion's "t" and pronoun ("a-t-il déclaré").
_BETWEEN = frozenset(w for a in _ADVERBS for w in patterns.WORD.findall(a)) | {"t", "il", "on", "ils", "elles"}
_MAX_GROUP_WORDS = 9  # VG_WORDS reads a first word, an inversion and up to seven more
#: First word of a form -> the most words a form starting with it has
#: ("mettre en garde": "mis" -> 3): most verbs are one word, and need no joining.
def _longest_from(forms: frozenset[str]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for form in forms:
        words = form.split()
        longest[words[0]] = max(longest.get(words[0], 1), len(words))
    return longest


_LONGEST_FROM = _longest_from(_FINITE | _PARTICIPLE | _PRON_FINITE | _PRON_PARTICIPLE)
_LONGEST_ADVERB_FROM = _longest_from(_ADVERBS)


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """A verb group of attribution and what it says about its subject."""

    span: Span
    lemma: str
    pronominal: bool
    inverted: Span | None  # the pronoun of an inversion: "il" in "a-t-il dit"
    feminine: bool = False  # a participle agreeing with a feminine subject: "s'est dite"


def may_follow(words: Words, pos: int) -> bool:
    """Whether the first word from `pos` on can open a verb group, maybe
    after an object pronoun ("», lui a dit X"): what INCISE_LEAD leads to."""
    i = bisect_left(words.starts, pos)
    if i < len(words.lower) and words.lower[i] in _OBJECT_PRONOUNS:
        i += 1
    return i < len(words.lower) and _may_start(words.lower, i)


def may_occur(words: Words, start: int, end: int) -> bool:
    """Whether a verb group or a gerund of attribution can start in
    [start, end): a cheap test on the words, true wherever one does."""
    lower = words.lower
    return bool(words.among(_PRESENT_PARTICIPLE, start, end)) or \
        any(_may_start(lower, i) for i in words.among(_OPENING, start, end))


def verb_group_at(text: str, pos: int, end: int, words: Words) -> VerbGroup | None:
    """The attribution verb group starting exactly at `pos`, if any."""
    i = words.at(pos)
    if i is None or not _may_start(words.lower, i):
        return None
    return _read(text, pos, end)


def _may_start(lower: list[str], i: int) -> bool:
    """Whether the words from `i` can make a verb group at all: a cheap test
    on the document's words that spares most of the patterns' work ("a",
    "est" and "se" start thousands of groups that are no speech)."""
    first = lower[i]
    if first in _INVERTIBLE:
        return True
    if first in _AUXILIARIES:
        return _participle_from(lower, i + 1, _PARTICIPLE_FIRST)
    if first in ("se", "s"):
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if nxt in patterns.BE_FORMS:
            return _participle_from(lower, i + 2, _PRON_PARTICIPLE_FIRST)
        return nxt in _PRON_FIRST
    return False


def _participle_from(lower: list[str], j: int, participles: frozenset[str]) -> bool:
    stop = min(len(lower), j + _MAX_GROUP_WORDS)
    while j < stop and lower[j] not in participles:
        if lower[j] not in _BETWEEN:
            return False
        j += 1
    return j < stop


def _read(text: str, pos: int, end: int) -> VerbGroup | None:
    # VG_PRONOMINAL starts with "se" or "s'": a letter spares most of its calls.
    m = patterns.VG_PRONOMINAL.match(text, pos, end) if text[pos] in "sS" else None
    if m is not None:
        found = _after_se(text, m)
        if found is not None:
            return found
    m = patterns.VG_WORDS.match(text, pos, end)
    if m is None:
        return None
    # What follows reads only the words matched: the same words, the same
    # reading, moved to where they stand ("a dit", "a-t-il déclaré" recur).
    key = m.group()
    if key in _READ:
        known = _READ[key]
    else:
        found = _read_words(text, m)
        known = None if found is None else _relative(found, m.start())
        if len(_READ) >= _READ_SIZE:
            _READ.clear()
        _READ[key] = known
    return None if known is None else _moved(known, m.start())


#: Readings of VG_WORDS matches by their text, relative to where they start (bounded: cleared when full).
_READ: dict[str, tuple[int, str, bool, tuple[int, int] | None, bool] | None] = {}
_READ_SIZE = 1 << 14


def _relative(vg: VerbGroup, start: int) -> tuple[int, str, bool, tuple[int, int] | None, bool]:
    inv = (vg.inverted.start - start, vg.inverted.end - start) if vg.inverted else None
    return vg.span.end - start, vg.lemma, vg.pronominal, inv, vg.feminine


def _moved(known: tuple[int, str, bool, tuple[int, int] | None, bool], start: int) -> VerbGroup:
    length, lemma, pronominal, inv, feminine = known
    return VerbGroup(Span(start, start + length), lemma, pronominal,
                     Span(start + inv[0], start + inv[1]) if inv else None, feminine)


def _read_words(text: str, m) -> VerbGroup | None:  # type: ignore[no-untyped-def]
    """The verb group a VG_WORDS match reads."""
    words = m.spans(_GROUPS[m.re][0])
    first = text[words[0][0] : words[0][1]].lower()
    inv = _inversion(m)
    if first in _AUXILIARIES:
        return _compound(text, m.start(), words[1:], inv, _PARTICIPLE, pronominal=False)
    if inv is not None:
        lemma = _lemma(first, pronominal=False)
        if lemma:
            return VerbGroup(Span(m.start(), inv.end), lemma, False, inv)
        # a multiword verb inverted: "met-il en perspective", "fait-il savoir"
        return _longest(text, m.start(), words, _FINITE, pronominal=False, inv=inv, least=2)
    return _longest(text, m.start(), words, _FINITE, pronominal=False, inv=None)


def verb_groups(text: str, start: int, end: int, words: Words,
                skip: Callable[[int], bool] | None = None) -> Iterator[VerbGroup]:
    """Verb groups without inversion in `text[start:end]`, in order; none is
    read where `skip` says (a stretch already read), which saves the work."""
    after = start
    for i in words.among(_STARTERS, start, end):
        pos = words.starts[i]
        if pos < after or not _may_start(words.lower, i):
            continue
        if pos > 0 and text[pos - 1] in "-\u2011'’":
            continue  # "porte-parole", "l'annonce": inside another word
        if skip is not None and skip(pos):
            continue
        vg = _read(text, pos, end)
        if vg is not None and vg.inverted is None:
            after = vg.span.end
            yield vg


def gerunds(start: int, end: int, words: Words) -> Iterator[tuple[Span, str]]:
    """Present participles of attribution verbs: "estimant", "soulignant"."""
    for i in words.among(_PRESENT_PARTICIPLE, start, end):
        lemma = _lemma(words.lower[i], pronominal=None)
        if lemma:
            yield Span(words.starts[i], words.ends[i]), lemma


def _after_se(text: str, m) -> VerbGroup | None:  # type: ignore[no-untyped-def]
    """"s'est-il félicité", "s'est dit", "s'interroge-t-il", "se dit"."""
    words = m.spans(_GROUPS[m.re][0])
    first = text[words[0][0] : words[0][1]].lower()
    inv = _inversion(m)
    if first in patterns.BE_FORMS:
        vg = _compound(text, m.start(), words[1:], inv, _PRON_PARTICIPLE, pronominal=True)
        if vg is not None:  # with être the participle agrees with the subject
            form = text[vg.span.start : vg.span.end].split()[-1]
            analyses = _LEX.analyse(form, pronominal=True)
            if analyses and analyses[0].feminine:
                vg = VerbGroup(vg.span, vg.lemma, vg.pronominal, vg.inverted, feminine=True)
        return vg
    if inv is not None:
        lemma = _lemma(first, pronominal=True)
        return VerbGroup(Span(m.start(), inv.end), lemma, True, inv) if lemma else None
    return _longest(text, m.start(), words, _PRON_FINITE, pronominal=True, inv=None)


def _compound(text: str, start: int, words: list[tuple[int, int]], inv: Span | None,
              participles: frozenset[str], pronominal: bool) -> VerbGroup | None:
    """Auxiliary, then adverbs ("encore", "de son côté"), then a participle."""
    i = 0
    while i < len(words):
        first = text[words[i][0] : words[i][1]].lower()
        for n in range(min(_LONGEST_ADVERB_FROM.get(first, 0), len(words) - i), 0, -1):
            if _join(text, words[i : i + n]) in _ADVERBS:
                i += n
                break
        else:
            break
    return _longest(text, start, words[i:], participles, pronominal, inv)


def _longest(text: str, start: int, words: list[tuple[int, int]], forms: frozenset[str],
             pronominal: bool, inv: Span | None, least: int = 1) -> VerbGroup | None:
    """The longest form among the first words ("fait savoir" before "fait")."""
    if not words:
        return None
    first = text[words[0][0] : words[0][1]].lower()
    for n in range(min(_MAX_WORDS, len(words), _LONGEST_FROM.get(first, 1)), least - 1, -1):
        form = _join(text, words[:n])
        if form in forms:
            lemma = _lemma(form, pronominal)
            if lemma:
                return VerbGroup(Span(start, words[n - 1][1]), lemma, pronominal, inv)
    return None


def _join(text: str, words: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in words).lower()


#: The groups "w" (each word) and "inv" (the inverted pronoun) of the verb
#: group patterns, by number: by name, the regex module first tries the name
#: as a number, at a cost.
_GROUPS = {p: (p.groupindex["w"], p.groupindex["inv"]) for p in (patterns.VG_WORDS, patterns.VG_PRONOMINAL)}


def _inversion(m) -> Span | None:  # type: ignore[no-untyped-def]
    inv = _GROUPS[m.re][1]
    start = m.start(inv)
    return Span(start, m.end(inv)) if start >= 0 and m.end(inv) > start else None


@lru_cache(maxsize=1 << 14)
def _lemma(form: str, pronominal: bool | None) -> str | None:
    """The verb a form belongs to, its likeliest reading first (cached: a
    handful of forms, "a dit", "a déclaré", make most of the calls)."""
    analyses = _LEX.analyse(form, pronominal=pronominal)
    return analyses[0].lemma if analyses else None
