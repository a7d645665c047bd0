"""Shared fixtures: the repository's paths and a fake engine for CLI tests."""
from __future__ import annotations

from pathlib import Path

import fake_engine
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI use tests/fake_engine.py instead of the real engine."""
    monkeypatch.setattr("quotecli.cli.extract", fake_engine.extract)
