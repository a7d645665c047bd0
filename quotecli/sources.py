"""Who gets a voice: the speakers of a corpus ranked, and the gender balance.

`rank(rows)` is a pure reduction over flat records (README's schema), so it
gives the same ranking whether the records come straight from `extract()`, a
collection or a JSON Lines file. Speaker names are counted under their
canonical name across the whole run (quotecli/canon.py): `Bachar el-Assad`
in one article and `M. Assad` in another are one source.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from quotecli import canon

Row = Mapping[str, Any]

TYPES = ("direct", "mixed", "indirect")
GENDERS = ("f", "m", "unknown")

#: The keys of a speaker row, in order: the schema of `quotecli speakers` (README.md).
FIELDS: tuple[str, ...] = (
    "speaker",
    "kind",
    "role",
    "gender",
    "quotations",
    "direct",
    "mixed",
    "indirect",
    "documents",
    "names",
)


@dataclass(slots=True)
class _Tally:
    """What the rows say about one speaker name."""

    by_type: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    documents: set[Any] = field(default_factory=set)

    def add(self, other: _Tally) -> None:
        self.by_type += other.by_type
        self.kinds += other.kinds
        self.genders += other.genders
        self.roles += other.roles
        self.documents |= other.documents


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures under the ranking: quotations, attribution and gender among persons."""

    documents: int  # documents read (or seen in the rows, when that is unknown)
    quotations: int
    attributed: int  # quotations with a speaker
    speakers: int  # canonical speakers
    persons: int  # canonical speakers of kind person
    person_quotations: int
    gender_quotations: dict[str, int]  # quotations by persons, by the person's gender (f, m, unknown)
    gender_speakers: dict[str, int]  # persons, by gender

    def to_dict(self) -> dict[str, Any]:
        """The `summary` object of `quotecli speakers --format json`; every key always present."""
        return {
            "documents": self.documents,
            "quotations": self.quotations,
            "attributed": self.attributed,
            "speakers": self.speakers,
            "persons": {
                "speakers": self.persons,
                "quotations": self.person_quotations,
                "gender": {
                    g: {
                        "speakers": self.gender_speakers[g],
                        "quotations": self.gender_quotations[g],
                        "share": _share(self.gender_quotations[g], self.person_quotations),
                    }
                    for g in GENDERS
                },
            },
        }


@dataclass(frozen=True, slots=True)
class Ranking:
    """The speakers of a run, most quoted first, and the summary figures."""

    rows: list[dict[str, Any]]
    summary: Summary


def rank(rows: Iterable[Row], aliases: canon.Aliases = canon.NO_ALIASES, documents: int | None = None) -> Ranking:
    """Every speaker of `rows` under its canonical name, most quoted first, with the summary.

    A speaker's kind, role and gender are the ones most of its quotations give
    (a known kind or gender beats none; gender for persons only, ties to f);
    `documents` counts the inputs read
    (default: the doc_ids seen). Quotations without a speaker are not ranked,
    only counted in the summary.
    """
    tallies: defaultdict[str, _Tally] = defaultdict(_Tally)
    seen: defaultdict[str, canon.Seen] = defaultdict(canon.Seen)
    quotations = 0
    doc_ids: set[Any] = set()
    for row in rows:
        quotations += 1
        doc_ids.add(row["doc_id"])
        if (name := row["speaker"]) is None:
            continue
        seen[name].add(row["speaker_kind"], row["speaker_gender"], row["speaker_mention"])
        tally = tallies[name]
        tally.by_type[row["type"]] += 1
        tally.kinds[row["speaker_kind"] or "unknown"] += 1
        if row["speaker_gender"] in ("f", "m"):
            tally.genders[row["speaker_gender"]] += 1
        if row["speaker_role"]:
            tally.roles[row["speaker_role"]] += 1
        tally.documents.add(row["doc_id"])
    names = canon.build(seen, aliases)
    merged: defaultdict[str, _Tally] = defaultdict(_Tally)
    for name, tally in tallies.items():
        merged[names.name(name)].add(tally)
    ranked = sorted((_row(name, tally, names) for name, tally in merged.items()), key=_order)
    persons = [r for r in ranked if r["kind"] == "person"]
    gender_quotations = {g: sum(r["quotations"] for r in persons if (r["gender"] or "unknown") == g) for g in GENDERS}
    summary = Summary(
        documents=len(doc_ids) if documents is None else documents,
        quotations=quotations,
        attributed=sum(r["quotations"] for r in ranked),
        speakers=len(ranked),
        persons=len(persons),
        person_quotations=sum(gender_quotations.values()),
        gender_quotations=gender_quotations,
        gender_speakers={g: sum(1 for r in persons if (r["gender"] or "unknown") == g) for g in GENDERS},
    )
    return Ranking(ranked, summary)


def _row(name: str, tally: _Tally, names: canon.Canon) -> dict[str, Any]:
    """One speaker row, every key of FIELDS present."""
    kinds = Counter({k: n for k, n in tally.kinds.items() if k != "unknown"}) or tally.kinds
    kind = _most(kinds, ("person", "organisation", "group", "unknown"))
    return {
        "speaker": name,
        "kind": kind,
        "role": _most(tally.roles, ()),
        "gender": _most(tally.genders, ("f", "m")) if kind == "person" else None,  # a body's "elle" is grammar
        "quotations": sum(tally.by_type.values()),
        **{t: tally.by_type[t] for t in TYPES},
        "documents": len(tally.documents),
        "names": list(names.members.get(name, (name,))),
    }


def _most(counts: Counter[str], order: tuple[str, ...]) -> str | None:
    """The most frequent key, ties broken by `order`, then alphabetically; None when there is none."""
    present = [k for k, n in counts.items() if n]
    if not present:
        return None
    return min(present, key=lambda k: (-counts[k], order.index(k) if k in order else len(order), k))


def _order(row: Row) -> tuple[Any, ...]:
    """Most quoted first, then in most documents, then by name (case-blind)."""
    return (-row["quotations"], -row["documents"], row["speaker"].casefold(), row["speaker"])


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
