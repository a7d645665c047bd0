"""Shared fixtures: the repository's paths and a fake engine for CLI tests."""
from __future__ import annotations

from pathlib import Path

import fake_engine
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_user_collection(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's collection: QUOTECLI_DB points into a fresh folder."""
    monkeypatch.setenv("QUOTECLI_DB", str(tmp_path_factory.mktemp("data") / "quotes.db"))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI use tests/fake_engine.py instead of the real engine."""
    monkeypatch.setattr("quotecli.cli.extract", fake_engine.extract)
