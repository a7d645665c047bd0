"""Corpus figures over records: how many quotations, of which type, by whom.

`compute(rows, documents)` is a pure reduction over flat records (README's
schema), so it gives the same figures whether the records come straight from
`extract()` or are read back from a JSON Lines file. `Figures.to_dict()` is
the `quotecli stats --format json` object; every key is always present.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Row = Mapping[str, Any]

TYPES = ("direct", "mixed", "indirect")
KINDS = ("person", "organisation", "group", "unknown")
GENDERS = ("f", "m", "unknown")
NO_SPEAKER = "none"  #: the `by_kind` key of records without a speaker


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of a corpus: counts, shares and the most frequent cues and speakers."""

    documents: int
    documents_with_quotations: int
    quotations: int
    by_type: dict[str, int]  # every type of TYPES, zero included
    attributed: int  # quotations with a resolved speaker
    by_kind: dict[str, int]  # speaker_kind of each quotation; NO_SPEAKER when it has none
    flags: dict[str, int]  # how many quotations carry each flag, most first
    top_cues: list[tuple[str, int]]  # cue lemma, quotations; most first
    top_speakers: list[tuple[str, int, str]]  # speaker, quotations, gender (f, m, unknown)
    gender_quotations: dict[str, int]  # quotations by persons, by the speaker's gender
    gender_speakers: dict[str, int]  # distinct persons quoted, by gender

    @property
    def attributed_share(self) -> float | None:
        """The share of quotations with a resolved speaker; None when there are none."""
        return _share(self.attributed, self.quotations)

    def to_dict(self) -> dict[str, Any]:
        """The figures as the JSON object of `quotecli stats --format json`."""
        return {
            "documents": self.documents,
            "documents_with_quotations": self.documents_with_quotations,
            "quotations": self.quotations,
            "by_type": self.by_type,
            "attributed": self.attributed,
            "attributed_share": self.attributed_share,
            "by_kind": self.by_kind,
            "flags": self.flags,
            "top_cues": [{"cue": cue, "quotations": n} for cue, n in self.top_cues],
            "top_speakers": [{"speaker": s, "quotations": n, "gender": g} for s, n, g in self.top_speakers],
            "gender": {"quotations": self.gender_quotations, "speakers": self.gender_speakers},
        }


def compute(rows: Iterable[Row], documents: int | None = None, top: int = 10) -> Figures:
    """The figures of `rows`; `documents` counts the inputs read (default: the doc_ids seen).

    Cues count by lemma (`a-t-il lancé` and `lance` are both `lancer`), speakers
    by resolved name; gender counts only speakers of kind `person`, and a
    person's gender is the one most of their records give.
    """
    quotations = attributed = 0
    by_type: Counter[str] = Counter({t: 0 for t in TYPES})
    by_kind: Counter[str] = Counter({k: 0 for k in (*KINDS, NO_SPEAKER)})
    flags: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    genders: defaultdict[str, Counter[str]] = defaultdict(Counter)  # speaker -> gender -> records
    persons: set[str] = set()
    person_quotations: list[str] = []  # the speaker of each quotation by a person
    doc_ids: set[Any] = set()
    for row in rows:
        quotations += 1
        doc_ids.add(row["doc_id"])
        by_type[row["type"]] += 1
        by_kind[row["speaker_kind"] or NO_SPEAKER] += 1
        flags.update(row["flags"])
        if (cue := row["cue_lemma"] or row["cue"]) is not None:
            cues[cue] += 1
        if (name := row["speaker"]) is not None:
            attributed += 1
            speakers[name] += 1
            genders[name][row["speaker_gender"] or "unknown"] += 1
            if row["speaker_kind"] == "person":
                persons.add(name)
                person_quotations.append(name)
    gender_of = {name: _gender(counts) for name, counts in genders.items()}
    return Figures(
        documents=len(doc_ids) if documents is None else documents,
        documents_with_quotations=len(doc_ids),
        quotations=quotations,
        by_type=dict(by_type),
        attributed=attributed,
        by_kind=dict(by_kind),
        flags=dict(_most(flags, len(flags))),
        top_cues=_most(cues, top),
        top_speakers=[(name, n, gender_of[name]) for name, n in _most(speakers, top)],
        gender_quotations=_genders(gender_of[name] for name in person_quotations),
        gender_speakers=_genders(gender_of[name] for name in persons),
    )


def _gender(counts: Counter[str]) -> str:
    """The gender most records give (`unknown` only when none gives one); ties go to `f` before `m`."""
    known = [(-counts[g], g) for g in ("f", "m") if counts[g]]
    return min(known)[1] if known else "unknown"


def _genders(found: Iterable[str]) -> dict[str, int]:
    counts = Counter(found)
    return {g: counts[g] for g in GENDERS}


def _most(counts: Counter[str], top: int) -> list[tuple[str, int]]:
    """The `top` most frequent keys, most first, ties in alphabetical order (case-blind)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))[: max(top, 0)]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
