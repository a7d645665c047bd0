"""canon.py: one name per speaker across a corpus; the alias files; sources.py's ranking.

Each merge rule has its cases and its negatives (two people who must stay
apart); the alias data file has its guard.
"""
from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli import canon, match, sources
from quotecli.canon import AliasError, Aliases, key, parse_aliases

ALIASES = canon.bundled_aliases()


def row(speaker: str | None, doc: str = "a.txt", kind: str | None = "person", gender: str | None = None,
        mention: str | None = None, type: str = "direct", role: str | None = None) -> dict[str, Any]:
    """A record with the keys canon and sources read."""
    return {
        "doc_id": doc, "type": type, "speaker": speaker, "speaker_mention": mention or speaker,
        "speaker_kind": kind if speaker else None, "speaker_gender": gender, "speaker_role": role,
    }


def clusters(*rows: dict[str, Any], aliases: Aliases = canon.NO_ALIASES) -> dict[str, str]:
    """Speaker name -> canonical name."""
    return dict(canon.canon_of(rows, aliases).canonical)


# --------------------------------------------------------------------------
# Rule 1: keys fold case, accents, hyphens, apostrophes, particles and titles

SAME_KEY = [
    ("Bachar al-Assad", "Bachar el-Assad"),
    ("Bachar al-Assad", "bachar Assad"),
    ("Bachar al-Assad", "M. Bachar al Assad"),
    ("Édouard Philippe", "Edouard Philippe"),
    ("Édouard Philippe", "Édouard\u00a0Philippe"),
    ("Jean-Luc Mélenchon", "Jean Luc Melenchon"),
    ("Valéry Giscard d'Estaing", "Valéry Giscard d’Estaing"),
    ("Ursula von der Leyen", "Ursula Von Der Leyen"),
    ("Mme Marine Le Pen", "Marine Le Pen"),
    ("chef de l'État", "chef de l’Etat"),
]
OTHER_KEY = [
    ("Marine Le Pen", "Jean-Marie Le Pen"),
    ("Marie Dupont", "Jean Dupont"),
    ("Marie Dupont", "Jean-Marie Dupont"),
    ("Bachar al-Assad", "Hafez al-Assad"),
    ("Ben Ali", "Ali"),  # ben is part of the name, not a particle
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_variants_fold_to_one_key(a: str, b: str) -> None:
    assert key(a) == key(b)


@pytest.mark.parametrize(("a", "b"), OTHER_KEY)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert key(a) != key(b)


def test_key_sets_a_bodys_acronym_apart() -> None:
    assert key("Observatoire syrien des droits de l'Homme (OSDH)") == canon.Key(("observatoire", "syrien", "droits", "homme"), "osdh")
    assert key("OSDH") == canon.Key(("osdh",), "osdh")
    assert key("Bachar al-Assad").acronym is None
    assert key("Jacques Chirac (ancien président)").words == ("jacques", "chirac", "ancien", "president")  # no acronym: kept
    assert key("Le La").words == ("le", "la")  # only particles: kept rather than nothing
    assert key("O.N.U.").acronym == "onu" and key("G20").acronym == "g20" and key("Onu").acronym is None


def test_variants_across_documents_are_one_speaker_shown_by_the_most_quoted_form() -> None:
    found = clusters(
        row("Bachar al-Assad", "a.txt"), row("Bachar al-Assad", "a.txt"),
        row("Bachar el-Assad", "b.txt"), row("Bachar Al Assad", "c.txt"), row("M. Bachar Assad", "d.txt"),
    )
    assert set(found.values()) == {"Bachar al-Assad"}


def test_descriptions_merge_only_on_the_same_key() -> None:
    found = clusters(row("chef de l'État"), row("chef de l’Etat"), row("Emmanuel Macron"), row("ministre"))
    assert found["chef de l’Etat"] == "chef de l'État"
    assert found["ministre"] == "ministre" and found["Emmanuel Macron"] == "Emmanuel Macron"


def test_a_body_and_a_person_never_merge() -> None:
    found = clusters(row("Renault", kind="organisation"), row("Louis Renault"))
    assert found["Renault"] == "Renault"


# --------------------------------------------------------------------------
# Rule 2: aliases


def test_an_alias_gives_the_canonical_name_even_when_the_run_never_writes_it() -> None:
    found = clusters(row("Vladimir Putin", "a.txt"), row("ONU", kind="organisation"), aliases=ALIASES)
    assert found == {"Vladimir Putin": "Vladimir Poutine", "ONU": "Organisation des Nations unies"}


def test_an_alias_joins_the_canonical_name_seen_in_another_document() -> None:
    found = clusters(row("Sergueï Lavrov", "a.txt"), row("Sergei Lavrov", "b.txt"), row("Serguei Lavrov", "c.txt"), aliases=ALIASES)
    assert set(found.values()) == {"Sergueï Lavrov"}


def test_without_the_alias_file_transliterations_stay_apart() -> None:
    found = clusters(row("Vladimir Poutine"), row("Vladimir Putin"))
    assert found["Vladimir Putin"] == "Vladimir Putin"


# --------------------------------------------------------------------------
# Rule 3: a body's acronym


def test_an_acronym_joins_the_one_body_that_gave_it() -> None:
    found = clusters(
        row("Observatoire syrien des droits de l'Homme (OSDH)", "a.txt", kind="organisation"),
        row("OSDH", "b.txt", kind="organisation"),
    )
    assert found["OSDH"] == "Observatoire syrien des droits de l'Homme (OSDH)"


def test_an_acronym_of_two_bodies_stays_apart() -> None:
    found = clusters(
        row("Parti populaire (PP)", kind="organisation"), row("préfecture de police (PP)", kind="organisation"),
        row("PP", "b.txt", kind="organisation"),
    )
    assert found["PP"] == "PP"


# --------------------------------------------------------------------------
# Rule 4: a surname alone joins the one full name that ends with it


@pytest.mark.parametrize(("short", "mention", "full"), [
    ("Macron", "M. Macron", "Emmanuel Macron"),
    ("Macron", "Macron", "Emmanuel Macron"),
    ("Assad", "M. Assad", "Bachar al-Assad"),
    ("Rahmane", "M. Rahmane", "Rami Abdel Rahmane"),
    ("Kosciusko-Morizet", "Mme Kosciusko-Morizet", "Nathalie Kosciusko-Morizet"),
    ("Le Maire", "M. Le Maire", "Bruno Le Maire"),
    ("Dupont-Aignan", "M. Dupont-Aignan", "Nicolas Dupont-Aignan"),
    ("Philippe", "M. Philippe", "Édouard Philippe"),  # a first name, but after a title
])
def test_a_surname_alone_joins_the_one_full_name(short: str, mention: str, full: str) -> None:
    found = clusters(row(full, "a.txt"), row(short, "b.txt", mention=mention, kind="unknown"))
    assert found[short] == full


def test_a_surname_with_two_candidates_stays_apart() -> None:
    found = clusters(row("Marine Le Pen", "a.txt"), row("Jean-Marie Le Pen", "b.txt"), row("Le Pen", "c.txt"))
    assert found == {"Marine Le Pen": "Marine Le Pen", "Jean-Marie Le Pen": "Jean-Marie Le Pen", "Le Pen": "Le Pen"}


def test_a_gendered_surname_joins_the_one_candidate_of_its_gender() -> None:
    found = clusters(
        row("Marine Le Pen", "a.txt", gender="f"), row("Jean-Marie Le Pen", "b.txt", gender="m"),
        row("Le Pen", "c.txt", gender="f", mention="Mme Le Pen"),
    )
    assert found["Le Pen"] == "Marine Le Pen"
    assert found["Jean-Marie Le Pen"] == "Jean-Marie Le Pen"


@pytest.mark.parametrize(("a", "b"), [
    ("Marine Le Pen", "Jean-Marie Le Pen"),
    ("Marie Dupont", "Jean Dupont"),
    ("Marie Dupont", "Jean-Marie Dupont"),
    ("Jean Dupont", "Pierre-Jean Dupont"),
])
def test_two_full_names_sharing_a_surname_never_merge(a: str, b: str) -> None:
    found = clusters(row(a, "a.txt"), row(b, "b.txt"))
    assert found[a] == a and found[b] == b


def test_a_surname_with_a_particle_needs_one_in_the_full_name() -> None:
    """Loïc Pen is no Le Pen, Karl Montagne no La Montagne (a newspaper); el-Assad is al-Assad."""
    found = clusters(row("Loïc Pen"), row("Le Pen", "b.txt"), row("Karl Montagne"), row("La Montagne", "c.txt"))
    assert found["Le Pen"] == "Le Pen" and found["La Montagne"] == "La Montagne"
    assert clusters(row("Bachar al-Assad"), row("El-Assad", "b.txt", mention="M. El-Assad"))["El-Assad"] == "Bachar al-Assad"


def test_a_first_name_alone_is_not_taken_for_a_surname() -> None:
    """Gilets jaunes named by first name only ("Olivier", 52 ans) are not Philippe Olivier."""
    found = clusters(row("Philippe Olivier", "a.txt"), row("Olivier", "b.txt"), row("Claude", "c.txt"), row("Jean-Claude", "d.txt"))
    assert found["Olivier"] == "Olivier" and found["Claude"] == "Claude"


def test_a_surname_does_not_join_a_description_or_a_phrase_ending_with_it() -> None:
    found = clusters(row("Emmanuel Macron"), row("France d'Emmanuel Macron"), row("Mesures de Macron"), row("Macron", "b.txt"),
                     row("proche d'Emmanuel Macron"))
    assert found["Macron"] == "Emmanuel Macron"
    assert found["France d'Emmanuel Macron"] == "France d'Emmanuel Macron"
    assert found["proche d'Emmanuel Macron"] == "proche d'Emmanuel Macron"


def test_a_family_is_not_its_member() -> None:
    assert clusters(row("Jeff Tuche"), row("Les Tuche", "b.txt"))["Les Tuche"] == "Les Tuche"


NAMES = ["Emmanuel Macron", "Macron", "Marine Le Pen", "Jean-Marie Le Pen", "Le Pen", "Bachar al-Assad",
         "Bachar el-Assad", "Assad", "OSDH", "Observatoire syrien des droits de l'Homme (OSDH)", "ONU", "Philippe",
         "Édouard Philippe", "Edouard Philippe", "chef de l'État"]


@settings(max_examples=50, deadline=None)
@given(st.permutations(range(len(NAMES))), st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_the_order_of_the_rows(order: list[int], rnd: random.Random) -> None:
    rows = [row(NAMES[i], f"{i}.txt", kind="organisation" if "OSDH" in NAMES[i] or NAMES[i] == "ONU" else "person",
                mention="M. Philippe" if NAMES[i] == "Philippe" else None) for i in order]
    assert clusters(*rows, aliases=ALIASES) == clusters(*sorted(rows, key=lambda r: r["speaker"]), aliases=ALIASES)


# --------------------------------------------------------------------------
# Uses: list --canonical and who


def test_canonical_rows_rewrite_the_speaker_only() -> None:
    rows = [row("Bachar al-Assad", "a.txt"), row("Assad", "b.txt", mention="M. Assad"), row(None, "b.txt")]
    out = list(canon.canonical_rows(rows, ALIASES))
    assert [r["speaker"] for r in out] == ["Bachar al-Assad", "Bachar al-Assad", None]
    assert out[1]["speaker_mention"] == "M. Assad"
    assert rows[1]["speaker"] == "Assad", "the input rows are not changed"


@pytest.mark.parametrize(("query", "found"), [
    ("assad", ["a.txt", "b.txt", "c.txt"]),
    ("Bachar", ["a.txt", "b.txt", "c.txt"]),  # "Assad" in b.txt is Bachar al-Assad
    ("Bachar al-Assad", ["a.txt", "b.txt", "c.txt"]),
    ("el-assad", ["a.txt", "b.txt", "c.txt"]),
    ("bachar assad", ["a.txt", "b.txt", "c.txt"]),
    ("putin", ["d.txt"]),  # an alias of Vladimir Poutine
    ("poutine", ["d.txt"]),
    ("nations unies", ["e.txt"]),
    ("ass", []),
    ("marine", ["f.txt"]),  # not the ambiguous "Le Pen" of h.txt
    ("le pen", ["f.txt", "g.txt", "h.txt"]),
])
def test_who_finds_every_name_a_speaker_goes_by(query: str, found: list[str]) -> None:
    rows = [
        row("Bachar al-Assad", "a.txt"), row("Assad", "b.txt", mention="M. Assad"), row("Bachar el-Assad", "c.txt"),
        row("Vladimir Poutine", "d.txt"), row("ONU", "e.txt", kind="organisation"),
        row("Marine Le Pen", "f.txt"), row("Jean-Marie Le Pen", "g.txt"), row("Le Pen", "h.txt"),
    ]
    assert [r["doc_id"] for r in canon.matching_rows(rows, match.words(query), ALIASES)] == found


# --------------------------------------------------------------------------
# Alias files


def test_parse_aliases() -> None:
    text = "\ufeff# a comment\ncanonical\tvariant\n\nVladimir Poutine\tVladimir Putin\nVladimir Poutine\tWladimir Putin\n"
    aliases = parse_aliases(text, "mine.tsv")
    assert aliases.of("vladimir putin") == aliases.of("Wladimir Putin") == aliases.of("Vladimir Poutine") == "Vladimir Poutine"
    assert aliases.names("Vladimir Poutine") == ("Vladimir Poutine", "Vladimir Putin", "Wladimir Putin")
    assert aliases.of("Poutine") is None


@pytest.mark.parametrize(("text", "line", "says"), [
    ("Vladimir Poutine Vladimir Putin\n", 1, "expected canonical<TAB>variant"),
    ("# ok\nA\tB\tC\n", 2, "3 columns"),
    ("A\tB\n\nA\t\n", 3, "expected canonical<TAB>variant"),
    ("\tB\n", 1, "expected canonical<TAB>variant"),
    ("A\tB\nC\tB\n", 2, "already an alias of 'A'"),
    ("A\t...\n", 1, "a letter or digit"),
])
def test_a_bad_alias_line_is_an_error_naming_the_file_and_line(text: str, line: int, says: str) -> None:
    with pytest.raises(AliasError) as e:
        parse_aliases(text, "mine.tsv")
    assert str(e.value).startswith(f"mine.tsv:{line}: ") and says in str(e.value)


def test_load_aliases_extends_the_bundled_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("Emmanuel Macron\tJupiter\nVladimir Poutine\tVova\n", encoding="utf-8")
    aliases = canon.load_aliases([str(mine)])
    assert aliases.of("Jupiter") == "Emmanuel Macron"
    assert aliases.of("Vladimir Putin") == "Vladimir Poutine", "the bundled aliases are kept"
    assert set(aliases.names("Vladimir Poutine")) == {"Vladimir Poutine", "Vladimir Putin", "Vova"}


def test_a_later_alias_file_wins(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("Front national\tRN\n", encoding="utf-8")
    assert canon.load_aliases([str(mine)]).of("RN") == "Front national"


@pytest.mark.parametrize(("content", "says"), [(None, "cannot read the alias file"), (b"A\t\xe9\n", "not UTF-8")])
def test_an_unreadable_alias_file_is_an_error_naming_it(tmp_path: Path, content: bytes | None, says: str) -> None:
    path = tmp_path / "aliases.tsv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(AliasError) as e:
        canon.load_aliases([str(path)])
    assert str(e.value).startswith(f"{path}: ") and says in str(e.value)


# --------------------------------------------------------------------------
# Data guard: quotecli/data/fr/aliases.tsv

ALIAS_TEXT = (Path(canon.__file__).parent / "data" / "fr" / canon.BUNDLED).read_text(encoding="utf-8")
ALIAS_LINES = [line for line in ALIAS_TEXT.splitlines() if not line.startswith("#")]


def test_alias_file_is_clean_nfc_text_with_a_header() -> None:
    assert unicodedata.normalize("NFC", ALIAS_TEXT) == ALIAS_TEXT
    assert ALIAS_TEXT.endswith("\n") and "\r" not in ALIAS_TEXT and "\ufeff" not in ALIAS_TEXT
    assert ALIAS_LINES[0] == "canonical\tvariant"


def test_alias_file_has_two_columns_sorted_without_duplicates() -> None:
    pairs = ALIAS_LINES[1:]
    assert pairs == sorted(pairs), "sorted by code point (LC_ALL=C sort)"
    assert len(set(pairs)) == len(pairs)
    for line in pairs:
        cells = line.split("\t")
        assert len(cells) == 2 and all(c and c == c.strip() and "  " not in c for c in cells), line


def test_alias_file_variants_are_not_already_merged_and_not_chained() -> None:
    canonicals = {line.split("\t")[0] for line in ALIAS_LINES[1:]}
    seen: set[tuple[str, ...]] = set()
    for line in ALIAS_LINES[1:]:
        name, variant = line.split("\t")
        assert key(variant) != key(name), f"{line!r}: folding already merges these"
        assert variant not in canonicals, f"{variant!r} is itself a canonical name"
        assert key(variant).words not in seen, f"{variant!r} twice"
        seen.add(key(variant).words)


def test_alias_file_parses() -> None:
    assert ALIASES.of("ONU") == "Organisation des Nations unies"


# --------------------------------------------------------------------------
# sources.rank: the ranking and the summary


def test_rank_counts_quotations_by_type_and_documents_under_the_canonical_name() -> None:
    rows = [
        row("Bachar al-Assad", "a.txt", gender="m", role="président syrien"),
        row("Bachar al-Assad", "a.txt", type="mixed", gender="m"),
        row("Assad", "b.txt", mention="M. Assad", type="indirect", kind="unknown"),
        row("Marine Le Pen", "b.txt", gender="f"),
        row("ONU", "c.txt", kind="organisation", gender="f"),
        row(None, "c.txt"),
    ]
    ranking = sources.rank(rows, ALIASES)
    first, second, third = ranking.rows
    assert list(first) == list(sources.FIELDS)
    assert first == {
        "speaker": "Bachar al-Assad", "kind": "person", "role": "président syrien", "gender": "m", "quotations": 3,
        "direct": 1, "mixed": 1, "indirect": 1, "documents": 2, "names": ["Bachar al-Assad", "Assad"],
    }
    assert (second["speaker"], second["gender"]) == ("Marine Le Pen", "f")
    assert (third["speaker"], third["kind"], third["gender"]) == ("Organisation des Nations unies", "organisation", None)
    summary = ranking.summary.to_dict()
    assert summary["documents"] == 3 and summary["quotations"] == 6 and summary["attributed"] == 5
    assert summary["speakers"] == 3
    gender = summary["persons"]["gender"]
    assert summary["persons"] == {"speakers": 2, "quotations": 4, "gender": gender}
    assert gender == {
        "f": {"speakers": 1, "quotations": 1, "share": 0.25},
        "m": {"speakers": 1, "quotations": 3, "share": 0.75},
        "unknown": {"speakers": 0, "quotations": 0, "share": 0.0},
    }


def test_rank_of_nothing() -> None:
    ranking = sources.rank([])
    assert ranking.rows == []
    assert ranking.summary.to_dict()["persons"]["gender"]["f"] == {"speakers": 0, "quotations": 0, "share": None}
