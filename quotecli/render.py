"""Rows as Rich renderables for a terminal; this module never prints.

Renderers take rows (the flat records of README.md's schema) rather than
`Record` objects, so records read back from anywhere render the same way.
Every string from the text goes in as `Text`, never as markup: a `[` in a
quotation stays a `[`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quotecli import annotate, stats
from quotecli.annotate import Kind

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


def quotes_table(rows: Iterable[Mapping[str, Any]], explain: bool = False) -> Table:
    """A table of quotations: speaker, cue, quote (wrapped, never cut), where.

    `explain` adds the rule that made each record and how its speaker was resolved.
    """
    table = Table(show_lines=True)
    table.add_column("speaker", overflow="fold", max_width=24)
    table.add_column("cue", overflow="fold", max_width=16, style="cyan")
    table.add_column("quote", overflow="fold")
    table.add_column("where", overflow="fold", max_width=36, style="dim")
    if explain:
        table.add_column("rule", overflow="fold", max_width=22, style="magenta")
        table.add_column("resolved by", overflow="fold", max_width=22, style="green")
    count = 0
    for row in rows:
        cue = Text(row["cue"]) if row["cue"] is not None else _UNKNOWN
        quote = Text(row["quote"], style="italic" if row["type"] != "direct" else "")
        cells = [speaker(row), cue, quote, where(row)]
        if explain:
            resolved = row["speaker_resolved_by"]
            cells += [Text(row["rule"]), Text(resolved) if resolved is not None else _UNKNOWN]
        table.add_row(*cells)
        count += 1
    table.caption = f"{count} quotation{'s' if count != 1 else ''}"
    return table
