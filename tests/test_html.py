"""`quotecli show --format html`: a self-contained, escaped page, checked in headless Chromium.

The browser tests need Chromium (Debian: `apt-get install -y chromium`); they
skip, saying so, when it is absent. The screenshot is kept as a test artifact
in tests/artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from quotecli import annotate, document, export, extract, html
from quotecli.cli import app

runner = CliRunner()
SEED = ROOT / "seeds" / "000_f9f8e09316241945.txt"
TEXT = SEED.read_text(encoding="utf-8")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)"
)
#: The flags of a quiet, offline, throw-away headless Chromium.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def seed_page() -> tuple[str, list[dict]]:
    rows = list(export.rows(extract(TEXT, doc_id=SEED.name)))
    return html.page(annotate.layout(TEXT, rows, SEED.name), explain=True), rows


def test_the_page_is_self_contained(seed_page: tuple[str, list[dict]]) -> None:
    page, _ = seed_page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and '<meta charset="utf-8">' in page
    for outside in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
        assert outside not in page


def test_every_record_has_a_badge_a_note_and_its_explanation(seed_page: tuple[str, list[dict]]) -> None:
    page, rows = seed_page
    for n, r in enumerate(rows, start=1):
        assert f'href="#n{n}"' in page and f'<li id="n{n}">' in page
        assert f"rule: {r['rule']}" in page
    assert page.count('<section class="para">') == len(document.paragraphs(TEXT))
    assert 'class="q-direct' in page and 'class="q-mixed' in page and 'class="q-indirect' in page


@pytest.mark.usefixtures("fake")
def test_text_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('<b>Bob</b> & "Co"|<script>alert("x")</script>\n', encoding="utf-8")
    result = runner.invoke(app, ["show", str(path), "--format", "html"])
    assert result.exit_code == 0
    assert "<script" not in result.stdout and "<b>Bob" not in result.stdout
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in result.stdout
    assert "&lt;b&gt;Bob&lt;/b&gt; &amp; &quot;Co&quot;" in result.stdout


def chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@needs_chromium
def test_the_page_opens_in_chromium(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(SEED), "--format", "html"])
    assert result.exit_code == 0
    page = tmp_path / "seed.html"
    page.write_text(result.stdout, encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), tmp_path=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rows = list(export.rows(extract(TEXT)))
    assert len(re.findall(r'<a class="badge [a-z]+" href="#n\d+">', dom.stdout)) >= len(rows)
    assert len(re.findall(r"<li id=\"n\d+\">", dom.stdout)) == len(rows)
    assert "Je n'attends rien de spécial" in dom.stdout


@needs_chromium
def test_a_screenshot_of_the_page(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(SEED), "--format", "html", "--explain"])
    page = tmp_path / "seed.html"
    page.write_text(result.stdout, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "show-seed.png"
    shot.unlink(missing_ok=True)
    run = chromium(f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(), tmp_path=tmp_path)
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    assert png_size(shot) == (1200, 2000)
    # a blank 1200×2000 page compresses to a few kilobytes; highlighted text takes hundreds
    assert shot.stat().st_size > 100_000, f"{shot} looks blank"
