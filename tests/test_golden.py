"""Golden records: `extract()` on whole real articles, compared with tests/golden/*.json.

Each golden file names its text (`text_file`, relative to the shared data
folder, ../shared beside the repository) and lists the records the engine
must give, in order, as `{type, quote, speaker, cue_lemma}`. See
tests/golden/README.md for how they were made and checked.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from quotecli import extract

GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
FILES = sorted(GOLDEN.glob("*.json"))
SEED_NAME = "000_f9f8e09316241945.txt"


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def text_of(golden: dict[str, Any]) -> str:
    """The golden file's text: from ../shared, or (the seed only) from the repository's seeds/."""
    rel = golden["text_file"]
    path = SHARED / rel
    if not path.is_file() and rel.startswith("seeds/"):
        path = ROOT / "seeds" / Path(rel).name
    if not path.is_file():
        pytest.skip(f"{rel} not found: the shared data folder ({SHARED}) is not beside the repository")
    return path.read_text(encoding="utf-8")


def as_golden(text: str) -> list[dict[str, Any]]:
    return [{"type": r.type.value, "quote": r.quote, "speaker": r.speaker.name if r.speaker else None,
             "cue_lemma": r.cue.lemma if r.cue else None} for r in extract(text)]


def test_there_are_golden_files() -> None:
    assert {p.stem for p in FILES} >= {"seed"} and len(FILES) >= 4


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden_file_is_well_formed(path: Path) -> None:
    golden = load(path)
    assert list(golden) == ["source", "text_file", "records"]
    assert golden["source"] and golden["text_file"]
    for r in golden["records"]:
        assert list(r) == ["type", "quote", "speaker", "cue_lemma"]
        assert r["type"] in ("direct", "mixed", "indirect")
    # pretty-printed as the README says, so that diffs are readable
    assert path.read_text(encoding="utf-8") == json.dumps(golden, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden_records(path: Path) -> None:
    golden = load(path)
    assert as_golden(text_of(golden)) == golden["records"]


# --------------------------------------------------------------------------
# The golden records agree with the gold annotation of ../shared/eval/dev

def _words(s: str | None) -> list[str]:
    s = unicodedata.normalize("NFKD", (s or "").casefold())
    return re.findall(r"[^\W_]+", "".join(c for c in s if not unicodedata.combining(c)))


def _dice(a: list[str], b: list[str]) -> float:
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b)) if a and b else 0.0


def _gold_for(doc: str) -> list[dict[str, Any]]:
    for name in ("seed.gold.jsonl", "news.gold.jsonl"):
        path = SHARED / "eval" / "dev" / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                if entry["doc"] == doc:
                    return entry["quotes"]
    pytest.skip(f"no gold annotation for {doc} in {SHARED / 'eval' / 'dev'}")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden_records_match_the_gold_annotation(path: Path) -> None:
    """Every golden record overlaps a gold quote (Dice >= 0.5, as score.py) and names one of its speakers."""
    golden = load(path)
    gold = _gold_for(Path(golden["text_file"]).name)
    for r in golden["records"]:
        words = _words(r["quote"])
        match = max(gold, key=lambda g: _dice(_words(" ".join(g["quote"]) if isinstance(g["quote"], list)
                                                      else g["quote"]), words))
        g_words = _words(" ".join(match["quote"]) if isinstance(match["quote"], list) else match["quote"])
        assert _dice(g_words, words) >= 0.5, r["quote"]
        if match.get("speaker"):
            said = " ".join(_words(r["speaker"]))
            assert any(f" {' '.join(_words(a))} " in f" {said} " for a in match["speaker"]), (r, match["speaker"])


# --------------------------------------------------------------------------
# The seed's exact expectations

@pytest.fixture(scope="module")
def seed() -> list[dict[str, Any]]:
    return as_golden(text_of({"text_file": f"seeds/{SEED_NAME}"}))


def test_seed_has_19_records(seed: list[dict[str, Any]]) -> None:
    assert len(seed) == 19


def test_seed_direct_quotes_and_their_speakers(seed: list[dict[str, Any]]) -> None:
    assert [r["speaker"] for r in seed if r["type"] == "direct"] == [
        "Sergueï Lavrov", "Rami Abdel Rahmane", "Ibrahim Abou Laith", "Ibrahim Abou Laith",
        "Bachar al-Assad", "Bachar al-Assad",
    ]


def test_seed_intertitles_are_not_attributed_quotations(seed: list[dict[str, Any]]) -> None:
    attributed = {r["quote"] for r in seed if r["speaker"] is not None}
    assert "À n'importe quel prix" not in attributed
    assert "tremplin" not in attributed
    assert not [r for r in seed if r["quote"] in ("À n'importe quel prix", "tremplin")]


def test_seed_golden_file_holds_the_same_expectations() -> None:
    records = load(GOLDEN / "seed.json")["records"]
    assert len(records) == 19
    assert sum(r["type"] == "direct" for r in records) == 6
