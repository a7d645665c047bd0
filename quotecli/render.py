"""Rows as Rich renderables for a terminal; this module never prints.

Renderers take rows (the flat records of README.md's schema) rather than
`Record` objects, so records read back from anywhere render the same way.
Every string from the text goes in as `Text`, never as markup: a `[` in a
quotation stays a `[`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table
from rich.text import Text

_UNKNOWN = Text("?", style="dim")


def where(row: Mapping[str, Any]) -> str:
    """`file:line`, or `line N` when the document has no id."""
    return f"{row['doc_id']}:{row['line']}" if row["doc_id"] is not None else f"line {row['line']}"


def speaker(row: Mapping[str, Any]) -> Text:
    """The resolved speaker, else the mention as written (dim), else `?`."""
    if row["speaker"] is not None:
        return Text(row["speaker"], style="bold")
    if row["speaker_mention"] is not None:
        return Text(row["speaker_mention"], style="dim")
    return _UNKNOWN


def quotes_table(rows: Iterable[Mapping[str, Any]]) -> Table:
    """A table of quotations: speaker, cue, quote (wrapped, never cut), where."""
    table = Table(show_lines=True)
    table.add_column("speaker", overflow="fold", max_width=24)
    table.add_column("cue", overflow="fold", max_width=16, style="cyan")
    table.add_column("quote", overflow="fold")
    table.add_column("where", overflow="fold", max_width=36, style="dim")
    count = 0
    for row in rows:
        cue = Text(row["cue"]) if row["cue"] is not None else _UNKNOWN
        quote = Text(row["quote"], style="italic" if row["type"] != "direct" else "")
        table.add_row(speaker(row), cue, quote, where(row))
        count += 1
    table.caption = f"{count} quotation{'s' if count != 1 else ''}"
    return table
