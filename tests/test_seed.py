"""The seed article end to end, with the real engine: what issue 2 promises.

These tests use no fake: they fail until the engine finds the seed's quotes.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import inputs
from quotecli.cli import app
from quotecli.model import FIELDS

runner = CliRunner()
SEED = ROOT / "seeds" / inputs.SAMPLE
TEXT = SEED.read_text(encoding="utf-8")

ASSAD = [
    ("En tant que grande ville, elle sera un tremplin pour (...) libérer d'autres zones des terroristes",
     "Bachar al-Assad"),
    ("Il faut continuer de nettoyer cette zone et de renvoyer les terroristes en Turquie, d'où ils sont venus, "
     "ou de les tuer. Il n'y a pas d'autre option", "Bachar al-Assad"),
]
DIRECT = [
    ("Je n'attends rien de spécial", "Sergueï Lavrov"),
    ("La violence des raids démontre qu'il y a une décision russe pour prendre Alep-Est à n'importe quel prix",
     "Rami Abdel Rahmane"),
    ("Il y a une grande escalade", "Ibrahim Abou Laith"),
    ("Cela fait quatre jours que je ne dors pas en raison des bombardements", "Ibrahim Abou Laith"),
    *ASSAD,
]


def rows(*args: str) -> list[dict]:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(list(row) == list(FIELDS) for row in out)
    return out


def attributed_direct(out: list[dict]) -> list[tuple[str, str]]:
    return [(r["quote"], r["speaker"]) for r in out if r["type"] == "direct" and r["speaker"] is not None]


def test_the_six_direct_quotes_and_their_speakers() -> None:
    out = rows("list", "seeds/")
    assert attributed_direct(out) == DIRECT
    assert {r["doc_id"] for r in out} == {"seeds/000_f9f8e09316241945.txt"}


def test_who_assad_gives_the_two_direct_assad_quotes() -> None:
    out = rows("who", "Assad", "seeds/")
    assert attributed_direct(out) == ASSAD
    assert out == rows("who", "Bachar al-Assad", "seeds/")


def test_who_lavrov_finds_sergei_lavrov() -> None:
    assert attributed_direct(rows("who", "lavrov", "seeds/")) == DIRECT[:1]


def test_records_point_into_the_text_as_documented() -> None:
    out = rows("list", "seeds/")
    assert out
    for r in out:
        pieces = [TEXT[f["start"] : f["end"]] for f in r["fragments"]]
        if r["type"] == "mixed":  # the whole reported content; the verbatim parts inside it
            assert r["quote"] == TEXT[r["quote_start"] : r["quote_end"]]
            assert all(r["quote_start"] <= f["start"] <= f["end"] <= r["quote_end"] for f in r["fragments"])
        else:
            assert r["quote_start"] == r["fragments"][0]["start"] and r["quote_end"] == r["fragments"][-1]["end"]
            assert r["quote"] == " ".join(pieces)
        if r["speaker_mention"] is not None:
            assert TEXT[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        if r["cue"] is not None:
            assert TEXT[r["cue_start"] : r["cue_end"]] == r["cue"]
        assert r["line"] == TEXT.count("\n", 0, r["quote_start"]) + 1


@pytest.mark.parametrize("args", [["list"], ["list", "--format", "jsonl"]], ids=["default", "jsonl"])
def test_the_bundled_sample_gives_the_seed_quotes(args: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "quotecli", *args], cwd=ROOT, text=True,
                            capture_output=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert attributed_direct(out) == DIRECT
    assert {r["doc_id"] for r in out} == {inputs.SAMPLE}
