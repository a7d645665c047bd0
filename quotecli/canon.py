"""Speakers across a corpus: one canonical name for each person or body.

The engine resolves speakers inside one document (`M. Assad` -> `Bachar
al-Assad`); this module joins the names of a whole run, from names alone:

1. Names that fold to the same key are one: case, accents, hyphens,
   apostrophes, particles (al-, el-, de, d', von…: data/fr/name_particles.txt)
   and a leading title (M., Mme…) do not count. `Bachar al-Assad`, `Bachar
   el-Assad` and `M. Bachar Assad` are one name. Names apart: persons, bodies,
   groups, and descriptions (`chef de l'État`: lower case), which merge only
   with the same description.
2. An alias file (data/fr/aliases.tsv, and the user's `--aliases FILE`) maps
   variants to a canonical name: `Vladimir Putin` -> `Vladimir Poutine`,
   `ONU` -> `Organisation des Nations unies`.
3. A body's acronym (`OSDH`, written in capitals) joins the one body whose
   name the engine gave with that acronym (`Observatoire … (OSDH)`).
4. A surname alone (`Macron`, `M. Le Maire`, `Kosciusko-Morizet`) joins the
   one full name that is first names (data/fr/first_names.tsv) then that
   surname (`Emmanuel Macron`) and is not of the other gender; with two
   candidates (`Le Pen`: Marine and Jean-Marie) it stays apart. A particle
   in the surname must be in the full name (`Le Pen` is not `Loïc Pen`). A
   first name alone (`Olivier`) is taken for a surname only after a title
   (`M. Philippe`): people in the news are often named by first name only.
   Two full names never merge on a shared surname: `Marie Dupont` is not
   `Jean-Marie Dupont`.

Everything here is a pure function of names, kinds, genders and counts, so
the same names give the same clusters whatever the order they were seen in.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import regex

from quotecli import lexicon, match
from quotecli.folding import fold

BUNDLED = "aliases.tsv"  #: the alias file shipped in quotecli/data/fr
HEADER = ("canonical", "variant")  #: the optional header line of an alias file

_LEX = lexicon.load()
_PARTICLES = frozenset(_LEX.words("name_particles"))
_FIRST_NAMES = frozenset(w for name in _LEX.first_names() for w in fold(name).split())

#: A trailing parenthesis: the acronym the engine adds to a body's name, "(OSDH)".
_PAREN = regex.compile(r"\s*+\(([^()]{1,40}+)\)\s*+$")
#: An acronym as written: two to ten capitals or digits, maybe with dots ("O.N.U."); no lower case.
_ACRONYM = regex.compile(r"(?:\p{Lu}\.?+){2,10}+|\p{Lu}(?:[\p{Lu}\d]\.?+){1,9}+")
_WORD = regex.compile(r"[^\W_]++")  # a run of letters or digits: hyphens, apostrophes and dots split


class AliasError(ValueError):
    """An alias file is unreadable or has a bad line; the message names the file and the line."""


def _words(text: str) -> tuple[str, ...]:
    """The folded words of `text`: "M. Bachar al-Assad" -> ("m", "bachar", "al", "assad")."""
    return tuple(_WORD.findall(fold(text).replace("œ", "oe").replace("æ", "ae")))


_TITLES = frozenset(w for title in _LEX.titles() for w in _words(title))


# -- 1. keys ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Key:
    """What identifies a name across documents: its words, folded, without particles and title."""

    words: tuple[str, ...]
    acronym: str | None = None  # a body's acronym, from "Name (ACR)" or a name written in capitals

    @property
    def text(self) -> str:
        return " ".join(self.words)


def key(name: str) -> Key:
    """The key of a speaker name: "M. Bachar el-Assad" and "Bachar al-Assad" -> bachar assad.

    A trailing "(ACR)" is set apart as the acronym; a leading title is dropped
    when a name follows it; particles are dropped unless nothing else is left.
    """
    acronym = None
    if (paren := _PAREN.search(name)) and _ACRONYM.fullmatch(paren.group(1).strip()):
        acronym = "".join(_words(paren.group(1)))
        name = name[: paren.start()]
    words = _untitled(_words(name))
    kept = tuple(w for w in words if w not in _PARTICLES)
    words = kept or words
    if acronym is None and _ACRONYM.fullmatch(name.strip()):
        acronym = "".join(words)
    return Key(words, acronym)


def is_proper(name: str) -> bool:
    """True for a name (`Jean Dupont`, `OSDH`), False for a description (`correspondant de l'AFP`)."""
    first = next((c for c in name if c.isalpha()), "")
    return first.isupper()


def _titled(mention: str) -> bool:
    """A mention made of a title and a name: "M. Philippe", "Mme Le Pen"."""
    words = _words(mention)
    return len(words) > 1 and words[0] in _TITLES


def _short_form(words: tuple[str, ...], titled: bool) -> bool:
    """Words that may be a surname alone: words not starting with a first name;
    a first name too ("Philippe", "Claude") when the text put a title before it."""
    return words[0] not in _FIRST_NAMES or (titled and len(words) == 1)


def _ends_with(name: str, short: str) -> bool:
    """True when `name` is first names and then the surname `short`: "Emmanuel
    Macron" ends with "Macron", "Marine Le Pen" with "Le Pen"; "France
    d'Emmanuel Macron" does not (not first names), nor "Loïc Pen" with "Le Pen"
    (a particle in the surname must be in the full name too, any one of them:
    "el-Assad" is "al-Assad")."""
    surname = key(short).words
    words = _untitled(_words(name))
    given = list(words)
    left = len(surname)
    while given and left:  # take the surname off the end, with its particles
        if given.pop() not in _PARTICLES:
            left -= 1
    while given and given[-1] in _PARTICLES:
        given.pop()
    tail = words[len(given) :]
    if tuple(w for w in tail if w not in _PARTICLES) != surname:
        return False
    if _untitled(_words(short))[0] in _PARTICLES and not any(w in _PARTICLES for w in tail):
        return False
    parts = [part for part in name.split() if not set(_words(part)) <= _TITLES]  # "Jean-Pierre" is one part
    return 0 < len(given) <= 3 and all(w in _FIRST_NAMES for w in given) and len(parts) > 1


def _untitled(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` without the titles that open them, if a name follows."""
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return words


# -- 2. aliases -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Aliases:
    """Variant names -> canonical name, looked up by key."""

    canonical: Mapping[str, str] = field(default_factory=dict)  # key text of a variant or canonical -> canonical
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> its variants, as written

    def of(self, name: str) -> str | None:
        """The canonical name `name` is a variant of (or is), else None."""
        return self.canonical.get(key(name).text)

    def names(self, canonical: str) -> tuple[str, ...]:
        """Every name the file gives for `canonical`: itself and its variants."""
        return (canonical, *self.variants.get(canonical, ()))

    def merged(self, other: Aliases) -> Aliases:
        """These aliases, with `other`'s taking precedence for a variant both give."""
        canonical = {**self.canonical, **other.canonical}
        variants: dict[str, list[str]] = defaultdict(list)
        for source in (self, other):
            for name, names in source.variants.items():
                for variant in names:
                    if canonical.get(key(variant).text) == name and variant not in variants[name]:
                        variants[name].append(variant)
        return Aliases(canonical, {name: tuple(v) for name, v in variants.items()})


NO_ALIASES = Aliases()  #: no alias at all: names merge by the other rules only


def parse_aliases(text: str, source: str) -> Aliases:
    """The aliases in `text` (an alias file's content); `source` names the file in errors.

    One `canonical<TAB>variant` pair a line; blank lines and `#` comments are
    skipped, and so is a first line `canonical<TAB>variant`. A line without
    exactly two non-empty columns, or a variant given two canonical names, is
    an `AliasError` naming `source:line`.
    """
    canonical: dict[str, str] = {}
    variants: dict[str, list[str]] = defaultdict(list)
    first = True
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw).strip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if first and tuple(c.casefold() for c in cells) == HEADER:
            first = False
            continue
        first = False
        where = f"{source}:{number}"
        if len(cells) != 2 or not all(cells):
            shown = line if len(line) <= 60 else line[:57] + "…"
            raise AliasError(f"{where}: expected canonical<TAB>variant, got {shown!r} ({len(cells)} column{'s' if len(cells) != 1 else ''})")
        name, variant = cells
        if not _words(name) or not _words(variant):
            raise AliasError(f"{where}: a name needs a letter or digit: {line!r}")
        for form in (name, variant):
            k = key(form).text
            if canonical.get(k, name) != name:
                raise AliasError(f"{where}: {form!r} is already an alias of {canonical[k]!r}")
            canonical[k] = name
        if variant not in variants[name]:
            variants[name].append(variant)
    return Aliases(canonical, {name: tuple(v) for name, v in variants.items()})


def bundled_aliases() -> Aliases:
    """The aliases shipped with quotecli: quotecli/data/fr/aliases.tsv."""
    text = resources.files("quotecli").joinpath("data", "fr", BUNDLED).read_text(encoding="utf-8")
    return parse_aliases(text, BUNDLED)


def load_aliases(paths: Sequence[str] = ()) -> Aliases:
    """The bundled aliases extended by the files in `paths`, later files taking precedence.

    A file that cannot be read or decoded as UTF-8 is an `AliasError` naming it.
    """
    aliases = bundled_aliases()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise AliasError(f"{path}: cannot read the alias file: {e.strerror or e}") from None
        except UnicodeDecodeError as e:
            raise AliasError(f"{path}: the alias file is not UTF-8 (byte 0x{e.object[e.start]:02x} at offset {e.start})") from None
        aliases = aliases.merged(parse_aliases(text, path))
    return aliases


# -- 3. clusters --------------------------------------------------------------


@dataclass(slots=True)
class Seen:
    """What a run says about one speaker name: how often, as what kind, of which gender."""

    quotations: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    titled: int = 0  # quotations whose mention is a title and a name: "M. Philippe"

    def add(self, kind: str | None, gender: str | None, mention: str | None = None, n: int = 1) -> None:
        self.quotations += n
        self.kinds[kind or "unknown"] += n
        if gender in ("f", "m"):
            self.genders[gender] += n
        if mention is not None and _titled(mention):
            self.titled += n

    @property
    def kind(self) -> str:
        """The kind most quotations give; a named kind beats `unknown` on a tie."""
        return _most(self.kinds, ("person", "organisation", "group", "unknown")) or "unknown"

    @property
    def gender(self) -> str | None:
        """The gender most quotations give, else None."""
        return _most(self.genders, ("f", "m"))


def _most(counts: Counter[str], order: Sequence[str]) -> str | None:
    """The most frequent key of `counts`, ties broken by `order`; None when empty."""
    present = [k for k in order if counts[k]] + sorted(k for k in counts if k not in order and counts[k])
    return max(present, key=lambda k: (counts[k], -present.index(k))) if present else None


def seen_in(rows: Iterable[Mapping[str, Any]]) -> dict[str, Seen]:
    """Speaker name -> what the rows say about it (rows without a speaker are skipped)."""
    seen: dict[str, Seen] = defaultdict(Seen)
    for row in rows:
        if row["speaker"] is not None:
            seen[row["speaker"]].add(row["speaker_kind"], row["speaker_gender"], row["speaker_mention"])
    return dict(seen)


def _family(name: str, kind: str) -> str:
    """Which names may merge: persons (with unknowns), bodies (with acronyms), groups, descriptions."""
    if kind == "organisation" or (kind == "unknown" and _ACRONYM.fullmatch(name.strip())):
        return "body"
    if not is_proper(name):
        return "description"
    return "group" if kind == "group" else "person"


@dataclass(frozen=True, slots=True)
class Canon:
    """The canonical name of every speaker name of a run, and every name each canonical one goes by."""

    canonical: Mapping[str, str]  # speaker name -> canonical name
    members: Mapping[str, tuple[str, ...]]  # canonical name -> the speaker names it stands for, most quoted first
    aliases: Aliases = NO_ALIASES

    def name(self, speaker: str) -> str:
        """The canonical name of `speaker` (itself when the run never saw it)."""
        return self.canonical.get(speaker) or self.aliases.of(speaker) or speaker

    def names(self, canonical: str) -> tuple[str, ...]:
        """Every name `canonical` goes by: itself, the names it stands for, its aliases."""
        seen = dict.fromkeys((canonical, *self.members.get(canonical, ()), *self.aliases.names(canonical)))
        return tuple(seen)


def build(seen: Mapping[str, Seen], aliases: Aliases = NO_ALIASES) -> Canon:
    """The clusters of the speaker names in `seen`, by the four rules of this module."""
    names = sorted(seen)  # a fixed order: the result does not depend on the order rows came in
    sets = _Sets(names, seen)
    family = {n: _family(n, seen[n].kind) for n in names}
    alias_of = {n: aliases.of(n) for n in names}
    keys = {n: key(alias_of[n]) if alias_of[n] else key(n) for n in names}

    # Rules 1 and 2: one key (after aliases) in one family is one speaker.
    first: dict[tuple[str, tuple[str, ...]], str] = {}
    for n in names:
        k = ("alias", (alias_of[n],)) if alias_of[n] else (family[n], keys[n].words)
        sets.union(first.setdefault(k, n), n)

    # Rule 3: an acronym alone joins the one body that gave it.
    bodies: defaultdict[str, set[str]] = defaultdict(set)
    for n in names:
        if family[n] == "body" and keys[n].acronym and len(keys[n].words) > 1:
            bodies[keys[n].acronym].add(n)
    for n in names:
        k = keys[n]
        if family[n] == "body" and k.acronym and len(k.words) == 1 and not alias_of[n]:
            found = {sets.root(b) for b in bodies.get(k.acronym, ())}
            if len(found) == 1:
                sets.union(found.pop(), n)

    # Rule 4: a surname alone joins the one person whose full name ends with it.
    # Only full names are candidates, so the order short forms are taken in
    # matters only through gender, and it is fixed: longest first, then by name.
    persons = [n for n in names if family[n] == "person"]
    by_last: defaultdict[str, list[str]] = defaultdict(list)
    for n in persons:  # the candidates: persons named by first names and a surname
        if seen[n].kind == "person" and len(keys[n].words) > 1 and keys[n].words[0] in _FIRST_NAMES:
            by_last[keys[n].words[-1]].append(n)
    for n in sorted(persons, key=lambda n: (-len(keys[n].words), n)):
        words = keys[n].words
        if alias_of[n] or not _short_form(words, seen[n].titled > 0) or _words(n)[:1] == ("les",):
            continue  # "Les Tuche" is a family, not Jeff Tuche
        found = {
            sets.root(m)
            for m in by_last[words[-1]]
            if len(keys[m].words) > len(words) and _ends_with(alias_of[m] or m, n)
            and _compatible(sets.gender(m), sets.gender(n))
        }
        found.discard(sets.root(n))
        if len(found) == 1:
            sets.union(found.pop(), n)

    clusters: defaultdict[str, list[str]] = defaultdict(list)
    for n in names:
        clusters[sets.root(n)].append(n)
    canonical: dict[str, str] = {}
    members: dict[str, tuple[str, ...]] = {}
    for group in clusters.values():
        shown = _display(group, seen, keys, alias_of)
        ordered = tuple(sorted(group, key=lambda n: (-seen[n].quotations, n)))
        members[shown] = tuple(dict.fromkeys((*members.get(shown, ()), *ordered)))
        for n in group:
            canonical[n] = shown
    return Canon(canonical, members, aliases)


class _Sets:
    """Union-find over names, keeping the gender counts of each cluster."""

    def __init__(self, names: Sequence[str], seen: Mapping[str, Seen]) -> None:
        self._parent = {n: n for n in names}
        self._genders = {n: Counter(seen[n].genders) for n in names}

    def root(self, n: str) -> str:
        parent = self._parent
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            keep, gone = min(ra, rb), max(ra, rb)  # the smaller name as root: independent of the order of unions
            self._parent[gone] = keep
            self._genders[keep] += self._genders.pop(gone)

    def gender(self, n: str) -> str | None:
        """The gender most of the quotations of `n`'s cluster give, else None."""
        return _most(self._genders[self.root(n)], ("f", "m"))


def _compatible(a: str | None, b: str | None) -> bool:
    """Two genders that may be one person's: equal, or one unknown."""
    return a is None or b is None or a == b


def _display(group: Sequence[str], seen: Mapping[str, Seen], keys: Mapping[str, Key], alias_of: Mapping[str, str | None]) -> str:
    """The name a cluster is shown by: its alias canonical name, else its fullest, most quoted name."""
    named: Counter[str] = Counter()
    for n in group:
        if alias_of[n]:
            named[alias_of[n]] += seen[n].quotations  # type: ignore[index]
    if named:
        return max(sorted(named), key=lambda a: named[a])  # type: ignore[return-value]
    return min(group, key=lambda n: (-len(keys[n].words), -bool(keys[n].acronym), -seen[n].quotations, -len(n), n))


def canon_of(rows: Iterable[Mapping[str, Any]], aliases: Aliases = NO_ALIASES) -> Canon:
    """The clusters of the speaker names in `rows`."""
    return build(seen_in(rows), aliases)


# -- uses: list --canonical and who -----------------------------------------------


def canonical_rows(rows: Iterable[Mapping[str, Any]], aliases: Aliases = NO_ALIASES) -> Iterator[dict[str, Any]]:
    """`rows` with `speaker` set to its canonical name across all of them (so all are read first)."""
    kept = [dict(row) for row in rows]
    names = canon_of(kept, aliases)
    for row in kept:
        if row["speaker"] is not None:
            row["speaker"] = names.name(row["speaker"])
        yield row


def names_matching(needle: Sequence[str], names: Canon) -> frozenset[str]:
    """The speaker names that `needle` (the `match.words()` of a query) names: those
    of every cluster one of whose names (in the run or the aliases) contains it."""
    return frozenset(
        member
        for shown, members in names.members.items()
        if _named(needle, names.names(shown))
        for member in members
    )


def _named(needle: Sequence[str], candidates: Iterable[str | None]) -> bool:
    """True when `needle` occurs, whole and in order, in one of `candidates`;
    particles aside, too (`el-Assad` finds `Bachar al-Assad`)."""
    candidates = [c for c in candidates if c is not None]
    if match.matches(needle, candidates):
        return True
    bare = tuple(w for w in needle if w not in _PARTICLES)
    return bool(bare) and any(match.contains(key(c).words, bare) for c in candidates)


def matching_rows(
    rows: Iterable[Mapping[str, Any]], needle: Sequence[str], aliases: Aliases = NO_ALIASES
) -> Iterator[Mapping[str, Any]]:
    """The rows whose speaker `needle` names, in order: by its speaker name, its mention,
    or any other name its speaker goes by in the run or the aliases. All rows are read first."""
    kept = list(rows)
    hits = names_matching(needle, canon_of(kept, aliases))
    mentions: dict[str, bool] = {}  # mention -> does it match: "il" is asked thousands of times
    for row in kept:
        mention = row["speaker_mention"]
        if mention is not None and mention not in mentions:
            mentions[mention] = _named(needle, (mention,))
        if row["speaker"] in hits or (mention is not None and mentions[mention]):
            yield row
