"""README.md documents every command, option and record key, and CI runs its test command."""
from __future__ import annotations

import json
import re

import pytest
import typer
from conftest import ROOT

from quotecli import extract, inputs
from quotecli.cli import app
from quotecli.model import FIELDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = GROUP.commands  # type: ignore[attr-defined]
OPTIONS = {opt for cmd in [GROUP, *COMMANDS.values()] for p in cmd.params for opt in p.opts if opt.startswith("--")}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section(name: str) -> None:
    assert f"\n### quotecli {name}\n" in README


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_every_option_is_documented(option: str) -> None:
    assert re.search(rf"(?<![\w-]){option}(?![\w-])", README)


def test_the_schema_table_lists_every_key_in_order() -> None:
    keys = re.findall(r"^\| `(\w+)` \|", README, flags=re.MULTILINE)
    assert keys == list(FIELDS)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    [command] = [line for line in README.splitlines() if line.startswith("python3 -m pip install '.[test]'")]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


def test_the_example_record_is_real_output() -> None:
    [block] = re.findall(r"```json\n(.*?)\n```", README, flags=re.DOTALL)
    example = json.loads(block)
    text = inputs.sample().text
    found = [r.to_dict() for r in extract(text, doc_id=inputs.SAMPLE) if r.quote == example["quote"]]
    assert found == [example]
