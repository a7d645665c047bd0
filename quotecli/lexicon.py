"""The French lexicon: speech verbs and their forms, titles, roles, word lists.

The data lives in `quotecli/data/fr/`, one entry a line (see the header of
each file); this module reads it once, conjugates the speech verbs and indexes
every surface form, so that patterns can take the forms as named lists
(`\\L<finite>`) and the engine can map a matched form back to its verb.

Conjugation: regular verbs (1st group in -er with its spelling changes, 2nd
group in -ir/-issant) are conjugated here; every other verb carries its
principal parts in `speech_verbs.tsv`, from which the remaining forms follow
by rule. Only the 3rd person is generated: that is what attribution uses.
"""
from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Literal

import regex

#: The moods `Lexicon.forms` and `VerbForm.mood` know, in their display order.
MOODS: tuple[str, ...] = ("finite", "participle", "present_participle", "infinitive")

#: What a speech verb can introduce (the `uses` column of speech_verbs.tsv):
#: incise    a postposed incise after a direct quote ("«…», a-t-il lancé");
#: que       a que-clause ("a affirmé que …");
#: inf       de/à + infinitive ("a appelé à …", "a promis de …");
#: bare_inf  a bare infinitive ("a dit vouloir …", "affirme avoir …");
#: obj       a direct object that is the claim ("a annoncé la découverte");
#: attr      an attribute, for pronominal verbs ("s'est dit prêt à …");
#: quoted    only with words in quotation marks: a verb of belief that
#:           reports a claim when it carries the speaker's own words
#:           ("pense que « cela envoie un signal clair »").
USES: tuple[str, ...] = ("incise", "que", "inf", "bare_inf", "obj", "attr", "quoted")

#: The columns of speech_verbs.tsv, in order.
VERB_COLUMNS: tuple[str, ...] = (
    "lemma",
    "uses",
    "ambiguous",
    "participle",
    "present_3sg",
    "present_3pl",
    "imparfait_3sg",
    "passe_simple_3sg",
    "futur_3sg",
    "present_participle",
    "subjonctif_3sg",
)
#: The principal parts a verb row may give explicitly ("-" where regular).
PARTS: tuple[str, ...] = VERB_COLUMNS[3:]

#: A grammatical gender as the data files write it; "-" (epicene) loads as None.
Gender = Literal["m", "f"]

_DATA = ("data", "fr")
_VERB_FILE = "speech_verbs.tsv"
_ABSENT = "-"
_VARIANT_SEP = "|"


class LexiconError(ValueError):
    """A data file is malformed (the data guard test should catch it first)."""


# --------------------------------------------------------------------------
# Records


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One analysis of a surface form: which verb, in which mood and agreement."""

    lemma: str  # "déclarer", "se dire", "faire savoir"
    mood: str  # "finite" | "participle" | "present_participle" | "infinitive"
    plural: bool | None  # finite forms and participles: number; else None
    feminine: bool | None  # participles: gender agreement; else None


@dataclass(frozen=True, slots=True)
class Verb:
    """A speech verb as speech_verbs.tsv describes it."""

    lemma: str
    pronominal: bool
    uses: frozenset[str]
    ambiguous: bool
    head: str  # the inflecting word without "se "/"s'": "dire", "inquiéter", "faire"
    tail: str  # the fixed rest of a multiword lemma: "savoir", "en garde", "" if none


@dataclass(frozen=True, slots=True)
class _Entry:
    """One generated surface form of one verb."""

    surface: str
    form: VerbForm
    verb: Verb


# --------------------------------------------------------------------------
# Text helpers


def _normalise(form: str) -> str:
    """A surface form as the index keys it: NFC, lower case, ' for ’, single spaces."""
    text = unicodedata.normalize("NFC", form).lower().replace("’", "'")
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Conjugation of regular verbs

#: é + the consonants of the stem's last syllable: répét-, suggér-, allégu-.
_E_ACUTE_LAST = regex.compile(r"é((?:gu|qu|[bcçdfghjklmnpqrstvwxz])++)$")
#: A mute e before the stem's final consonant: lev-, martel-, assen- (not tweet-).
_E_MUTE_LAST = regex.compile(r"(?<=[^aeiouyàâäéèêëîïôöûüœ])e(vr|br|[bcdfgjklmnpqrstvz])$")
#: The -eler/-eter verbs that double the consonant instead of taking è.
_DOUBLING = ("appeler", "jeter")


def _strong_stems(infinitive: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A 1st-group verb's stems before a mute ending (il rappelle) and in the future.

    Both spellings are given where the 1990 reform allows them: the future
    of répéter is répétera or répètera.
    """
    stem = infinitive[:-2]
    strong: tuple[str, ...]
    if stem.endswith(("oy", "uy")):  # employer -> emploie, emploiera
        strong = (stem[:-1] + "i",)
        return strong, strong
    if stem.endswith("ay"):  # balayer -> balaie or balaye
        strong = (stem[:-1] + "i", stem)
        return strong, strong
    if m := _E_ACUTE_LAST.search(stem):  # répéter -> répète, répétera/répètera
        strong = (stem[: m.start()] + "è" + m.group(1),)
        return strong, (stem, *strong)
    if m := _E_MUTE_LAST.search(stem):
        if infinitive.endswith(_DOUBLING):  # rappeler -> rappelle, rejeter -> rejette
            strong = (stem + stem[-1],)
        else:  # relever -> relève, marteler -> martèle
            strong = (stem[: m.start()] + "è" + m.group(1),)
        return strong, strong
    return (stem,), (stem,)


def _soft(stem: str) -> str:
    """The stem before a or o: annonç-, juge-."""
    if stem.endswith("c"):
        return stem[:-1] + "ç"
    if stem.endswith("g"):
        return stem + "e"
    return stem


def _regular_parts(infinitive: str) -> dict[str, tuple[str, ...]] | None:
    """The principal parts of a 1st- or 2nd-group verb; None for any other ending."""
    if infinitive.endswith("er"):
        stem = infinitive[:-2]
        strong, future = _strong_stems(infinitive)
        soft = _soft(stem)
        return {
            "participle": (stem + "é",),
            "present_3sg": tuple(s + "e" for s in strong),
            "present_3pl": tuple(s + "ent" for s in strong),
            "imparfait_3sg": (soft + "ait",),
            "passe_simple_3sg": (soft + "a",),
            "futur_3sg": tuple(s + "era" for s in future),
            "present_participle": (soft + "ant",),
        }
    if infinitive.endswith("ir"):  # 2nd group: réagir, réagissant
        stem = infinitive[:-2]
        return {
            "participle": (stem + "i",),
            "present_3sg": (stem + "it",),
            "present_3pl": (stem + "issent",),
            "imparfait_3sg": (stem + "issait",),
            "passe_simple_3sg": (stem + "it",),
            "futur_3sg": (infinitive + "a",),
            "present_participle": (stem + "issant",),
        }
    return None


# --------------------------------------------------------------------------
# From principal parts to every 3rd-person form


def _replace_end(form: str, old: str, new: str, part: str) -> str:
    if not form.endswith(old):
        raise LexiconError(f"{part} {form!r} should end in -{old}")
    return form[: len(form) - len(old)] + new


def _passe_simple_plural(form: str) -> str:
    """dit -> dirent, conclut -> conclurent, prévint -> prévinrent, annonça -> annoncèrent."""
    if form.endswith("a"):
        stem = form[:-1]
        if stem.endswith("ç"):
            stem = stem[:-1] + "c"
        elif stem.endswith("ge"):
            stem = stem[:-1]
        return stem + "èrent"
    for end in ("int", "it", "ut"):
        if form.endswith(end):
            return form[:-1] + "rent" if end != "int" else form[:-3] + "inrent"
    raise LexiconError(f"passe_simple_3sg {form!r} should end in -a, -it, -ut or -int")


def _participles(ms: str) -> Iterator[tuple[str, bool, bool]]:
    """The four agreements (form, plural, feminine): dit, dite, dits, dites."""
    yield ms, False, False
    yield ms + "e", False, True
    yield (ms if ms.endswith(("s", "x")) else ms + "s"), True, False
    yield ms + "es", True, True


#: A multiword tail after which the participle agrees ("mise en cause", "montée
#: au créneau"); after any other tail it cannot ("fait savoir", "tiré la sonnette").
_AGREEING_TAIL = regex.compile(r"(?:en|du|au|aux|à) ")


def _forms_of(
    head: str, tail: str, parts: Mapping[str, tuple[str, ...]]
) -> Iterator[tuple[str, str, bool | None, bool | None]]:
    """Every (form, mood, plural, feminine) of a verb from its principal parts."""
    yield head, "infinitive", None, None
    for p in parts["present_participle"]:
        yield p, "present_participle", None, None
    for p in parts["participle"]:
        for form, plural, feminine in _participles(p):
            if not tail or _AGREEING_TAIL.match(tail) or not (plural or feminine):
                yield form, "participle", plural, feminine
    singular: list[str] = list(parts["present_3sg"])
    plurals: list[str] = list(parts["present_3pl"])
    for p in parts["imparfait_3sg"]:
        singular.append(p)
        plurals.append(_replace_end(p, "ait", "aient", "imparfait_3sg"))
    for p in parts["passe_simple_3sg"]:
        singular.append(p)
        plurals.append(_passe_simple_plural(p))
    for p in parts["futur_3sg"]:
        stem = _replace_end(p, "a", "", "futur_3sg")
        singular += [p, stem + "ait"]  # futur, conditionnel
        plurals += [stem + "ont", stem + "aient"]
    for p in parts["subjonctif_3sg"]:
        singular.append(p)
        plurals.append(p + "nt")
    for form in singular:
        yield form, "finite", False, None
    for form in plurals:
        yield form, "finite", True, None


def _spellings(form: str) -> tuple[str, ...]:
    """A form and its 1990-reform spelling without î (reconnaît, reconnait)."""
    return (form, form.replace("î", "i")) if "î" in form else (form,)


# --------------------------------------------------------------------------
# Reading the data files


def _data_dir() -> Traversable:
    return resources.files("quotecli").joinpath(*_DATA)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for each line that is neither blank nor a # comment."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def _table(name: str, text: str) -> tuple[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    """A TSV file's header and rows; every row must have the header's width."""
    rows = list(_lines(text))
    if not rows:
        raise LexiconError(f"{name}: no header line")
    header = tuple(rows[0][1].split("\t"))
    body = []
    for number, line in rows[1:]:
        cells = tuple(line.split("\t"))
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{number}: {len(cells)} columns, expected {len(header)}")
        body.append((number, cells))
    return header, body


def _gender(name: str, number: int, cell: str) -> Gender | None:
    if cell == "m":
        return "m"
    if cell == "f":
        return "f"
    if cell == _ABSENT:
        return None
    raise LexiconError(f"{name}:{number}: gender {cell!r} is not m, f or -")


def _verb(name: str, number: int, row: Mapping[str, str]) -> tuple[Verb, dict[str, tuple[str, ...]]]:
    """A speech_verbs.tsv row as a Verb and its complete principal parts."""
    lemma = row["lemma"]
    words = lemma.split(" ")
    if words[0] == "se":
        pronominal, words = True, words[1:]
    elif words[0].startswith("s'"):
        pronominal, words = True, [words[0][2:], *words[1:]]
    else:
        pronominal = False
    head, tail = words[0], " ".join(words[1:])
    uses = row["uses"].split(",")
    if not uses or any(u not in USES for u in uses) or len(set(uses)) != len(uses):
        raise LexiconError(f"{name}:{number}: uses {row['uses']!r} must be a list among {USES}")
    if row["ambiguous"] not in ("yes", "no"):
        raise LexiconError(f"{name}:{number}: ambiguous must be yes or no")
    parts = _regular_parts(head) or {}
    for part in PARTS:
        if row[part] != _ABSENT:
            parts[part] = tuple(row[part].split(_VARIANT_SEP))
    if "subjonctif_3sg" not in parts:  # qu'ils disent -> qu'il dise
        present = parts.get("present_3pl", ())
        parts["subjonctif_3sg"] = tuple(_replace_end(p, "ent", "e", "present_3pl") for p in present)
    missing = [p for p in PARTS if not parts.get(p)]
    if missing:
        raise LexiconError(f"{name}:{number}: {lemma!r} is not regular; give {', '.join(missing)}")
    verb = Verb(lemma, pronominal, frozenset(uses), row["ambiguous"] == "yes", head, tail)
    return verb, parts


def _verb_entries(verb: Verb, parts: Mapping[str, tuple[str, ...]]) -> Iterator[_Entry]:
    for form, mood, plural, feminine in _forms_of(verb.head, verb.tail, parts):
        analysis = VerbForm(verb.lemma, mood, plural, feminine)
        for spelling in _spellings(form):
            surface = f"{spelling} {verb.tail}" if verb.tail else spelling
            yield _Entry(surface, analysis, verb)


# --------------------------------------------------------------------------
# The lexicon


def _analysis_order(form: VerbForm) -> tuple[str, int, bool, bool]:
    return form.lemma, MOODS.index(form.mood), bool(form.plural), bool(form.feminine)


@dataclass(frozen=True, slots=True, eq=False)  # eq=False: hashed by identity
class Lexicon:
    """Everything in data/fr, loaded: speech verbs with their forms, and word lists."""

    verbs: Mapping[str, Verb] = field(repr=False)  # by lemma
    _entries: tuple[_Entry, ...] = field(repr=False)
    _lists: Mapping[str, frozenset[str]] = field(repr=False)
    _gendered: Mapping[str, Mapping[str, Gender | None]] = field(repr=False)
    _index: Mapping[str, tuple[_Entry, ...]] = field(repr=False)

    def forms(
        self,
        mood: str,
        *,
        pronominal: bool | None = None,
        uses: str | None = None,
        lemma: str | None = None,
    ) -> list[str]:
        """Surface forms (lower case, NFC) of the given mood, filtered.

        For multiword lemmas the form includes the tail with a single space
        ("fait savoir"), ready to inject into a `regex` named list.
        """
        if mood not in MOODS:
            raise ValueError(f"mood {mood!r} is not one of {MOODS}")
        if uses is not None and uses not in USES:
            raise ValueError(f"use {uses!r} is not one of {USES}")
        if lemma is not None and lemma not in self.verbs:
            raise KeyError(f"no speech verb {lemma!r}")
        found = {
            e.surface
            for e in self._entries
            if e.form.mood == mood
            and (pronominal is None or e.verb.pronominal == pronominal)
            and (uses is None or uses in e.verb.uses)
            and (lemma is None or e.verb.lemma == lemma)
        }
        return sorted(found)

    def analyse(self, form: str, *, pronominal: bool | None = None) -> tuple[VerbForm, ...]:
        """All analyses of a surface form (case-insensitive, NFC), e.g. "dit" -> dire, se dire."""
        entries = self._index.get(_normalise(form), ())
        found = {e.form for e in entries if pronominal is None or e.verb.pronominal == pronominal}
        return tuple(sorted(found, key=_analysis_order))

    def words(self, name: str) -> frozenset[str]:
        """The entries of data file `name` (no extension); a TSV gives its first column."""
        try:
            return self._lists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r}; have {sorted(self._lists)}") from None

    def genders(self, name: str) -> Mapping[str, Gender | None]:
        """Entry -> gender ("m", "f", None if epicene) of a TSV file with a gender column."""
        try:
            return self._gendered[name]
        except KeyError:
            raise KeyError(f"no gendered list {name!r}; have {sorted(self._gendered)}") from None

    def titles(self) -> Mapping[str, Gender | None]:
        """Titles before a name ("M.", "Mme", "Dr", "maître") and their gender."""
        return self.genders("titles")

    def roles(self) -> Mapping[str, Gender | None]:
        """Role nouns ("président", "porte-parole") and the gender they imply."""
        return self.genders("roles")

    def first_names(self) -> Mapping[str, Gender | None]:
        """Common first names ("François", "Camille") and their usual gender."""
        return self.genders("first_names")


def _build(files: Mapping[str, str]) -> Lexicon:
    """A Lexicon from file name -> text; pure, so tests can feed it data."""
    verbs: dict[str, Verb] = {}
    entries: list[_Entry] = []
    lists: dict[str, frozenset[str]] = {}
    gendered: dict[str, Mapping[str, Gender | None]] = {}
    for name, text in sorted(files.items()):
        stem, _, ext = name.rpartition(".")
        if ext == "txt":
            lists[stem] = frozenset(line for _, line in _lines(text))
            continue
        if ext != "tsv":
            continue
        header, rows = _table(name, text)
        lists[stem] = frozenset(cells[0] for _, cells in rows)
        if "gender" in header:
            col = header.index("gender")
            gendered[stem] = MappingProxyType(
                {cells[0]: _gender(name, n, cells[col]) for n, cells in rows}
            )
        if name == _VERB_FILE:
            if header != VERB_COLUMNS:
                raise LexiconError(f"{name}: header must be {VERB_COLUMNS}")
            for number, cells in rows:
                verb, parts = _verb(name, number, dict(zip(header, cells)))
                verbs[verb.lemma] = verb
                entries.extend(_verb_entries(verb, parts))
    index: dict[str, list[_Entry]] = {}
    for entry in entries:
        index.setdefault(_normalise(entry.surface), []).append(entry)
    return Lexicon(
        verbs=MappingProxyType(verbs),
        _entries=tuple(entries),
        _lists=MappingProxyType(lists),
        _gendered=MappingProxyType(gendered),
        _index=MappingProxyType({k: tuple(v) for k, v in index.items()}),
    )


def data_files() -> dict[str, str]:
    """File name -> text of every file in quotecli/data/fr."""
    return {
        f.name: f.read_text(encoding="utf-8")
        for f in _data_dir().iterdir()
        if f.is_file() and not f.name.startswith(".")
    }


@functools.cache
def load() -> Lexicon:
    """The French lexicon, read from the package data once per process."""
    return _build(data_files())
