"""render.py: a table of quotations that wraps, never cuts, and never reads markup."""
from __future__ import annotations

import fake_engine
from rich.console import Console

from quotecli import export, render

LONG = " ".join(f"mot{i}" for i in range(60))


def show(text: str, width: int = 60) -> str:
    console = Console(width=width, record=True, file=None, color_system=None)
    with console.capture() as capture:
        console.print(render.quotes_table(export.rows(fake_engine.extract(text, doc_id="a.txt"))))
    return capture.get()


def test_a_long_quote_is_wrapped_not_cut() -> None:
    out = show(f"Bachar al-Assad|{LONG}\n")
    words = [w for line in out.splitlines() for w in line.replace("│", " ").split()]
    assert all(f"mot{i}" in words for i in range(60))
    assert "…" not in out


def test_the_table_shows_speaker_cue_and_where() -> None:
    out = show("\nSergueï Lavrov|Je n'attends rien\n")
    assert "Sergueï Lavrov" in out and "a.txt:2" in out and "|" in out
    assert "1 quotation" in out


def test_text_is_never_read_as_markup() -> None:
    out = show("[bold]X[/bold]|[red]rouge[/red] (sic)\n")
    assert "[red]rouge[/red]" in out and "[bold]X[/bold]" in out


def test_unknown_speaker_and_missing_doc_id() -> None:
    row = next(export.rows(fake_engine.extract("|sans locuteur")))
    assert render.speaker(row).plain == "?"
    assert render.where({**row, "doc_id": None}) == "line 1"
    assert "0 quotations" in show("rien ici")
