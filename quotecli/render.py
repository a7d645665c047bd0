"""Rows as Rich renderables for a terminal; this module never prints.

Renderers take rows (the flat records of README.md's schema) rather than
`Record` objects, so records read back from anywhere render the same way.
Every string from the text goes in as `Text`, never as markup: a `[` in a
quotation stays a `[`.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from quotecli import annotate, stats
from quotecli.annotate import Kind

_UNKNOWN = Text("?", style="dim")


def plain_text(renderable: RenderableType, width: int) -> str:
    """`renderable` laid out `width` columns wide as text: no escape codes, no trailing spaces."""
    console = Console(width=width, file=io.StringIO(), color_system=None, highlight=False, emoji=False)
    with console.capture() as capture:
        console.print(renderable)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())


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
        table.add_column("rule, resolved by", overflow="fold", max_width=26)
    count = 0
    for row in rows:
        cue = Text(row["cue"]) if row["cue"] is not None else _UNKNOWN
        quote = Text(row["quote"], style="italic" if row["type"] != "direct" else "")
        cells = [speaker(row), cue, quote, where(row)]
        if explain:
            resolved = row["speaker_resolved_by"]
            cells.append(Text.assemble((row["rule"], "magenta"), "\n", (resolved, "green") if resolved else ("?", "dim")))
        table.add_row(*cells)
        count += 1
    table.caption = f"{count} quotation{'s' if count != 1 else ''}"
    return table


# The annotated article of `quotecli show`: the text with its records drawn on it.

#: How each quote type is drawn in colour; a mixed quote's verbatim parts are also bold.
QUOTE_STYLES = {"direct": Style(color="yellow", bold=True), "mixed": Style(color="magenta"), "indirect": Style(color="cyan")}
VERBATIM_STYLE = Style(bold=True)
SPEAKER_STYLE = Style(color="green", bold=True, underline=True)
CUE_STYLE = Style(color="bright_blue", underline=True)
FLAG_STYLE = Style(color="red", bold=True)
#: Plain-text brackets (NO_COLOR, pipes): `[1«…»1]` for direct and mixed quotes, `(1…1)` for indirect ones.
BRACKETS = {"direct": ("[", "]"), "mixed": ("[", "]"), "indirect": ("(", ")")}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(numbers: Iterable[int]) -> str:
    """Record numbers as superscript digits: `¹`, `⁴,⁵`."""
    return ",".join(str(n).translate(_SUPERSCRIPT) for n in numbers)


def annotated(doc: annotate.Annotated, plain: bool = False, explain: bool = False) -> Group:
    """The article with every record drawn on it, each paragraph followed by its notes.

    In colour, quotes are coloured by type and numbered with a badge, speakers
    and cues underlined with the number in superscript; `plain` draws the same
    with markers: `[1«…»1]`, `(2…2)`, `{speaker¹}`, `<cue¹>`, `!` for a flagged
    record. `explain` adds each record's rule and how its speaker was resolved.
    """
    parts: list[RenderableType] = [_header(doc, plain)]
    for paragraph in doc.paragraphs:
        parts += [Text(""), _paragraph(doc.text, paragraph, plain)]
        if paragraph.notes:
            parts.append(Padding(_notes(paragraph.notes, plain, explain), (0, 0, 0, 4)))
    return Group(*parts)


def _header(doc: annotate.Annotated, plain: bool) -> Text:
    """The document's id, its figures and the key to the marks."""
    header = Text()
    header.append(doc.doc_id if doc.doc_id is not None else "(text)", style="bold")
    header.append("\n" + annotate.summary(doc))
    header.append("\nkey: ", style="dim")
    if plain:
        header.append("[n«direct»n] [n mixed «…» n] (n indirect n) {speakerⁿ} <cueⁿ> n! flagged", style="dim")
        return header
    for name, style in QUOTE_STYLES.items():
        header.append(name, style=style)
        header.append("  ")
    header.append("«verbatim»", style=QUOTE_STYLES["mixed"] + VERBATIM_STYLE)
    header.append("  ")
    header.append("speaker", style=SPEAKER_STYLE)
    header.append("ⁿ  ", style="green")
    header.append("cue", style=CUE_STYLE)
    header.append("ⁿ  ", style="bright_blue")
    header.append("n!", style=FLAG_STYLE + Style(reverse=True))
    header.append(" flagged or no speaker", style="dim")
    return header


def _paragraph(text: str, paragraph: annotate.Paragraph, plain: bool) -> Text:
    """One paragraph's text, as written, with its marks drawn on it."""
    out = Text()
    for piece in paragraph.pieces:
        if isinstance(piece, annotate.Run):
            out.append(text[piece.start : piece.end], style=Style() if plain else _run_style(piece.marks))
        elif plain:
            out.append(_marker(piece))
        else:
            out.append_text(_badge(piece))
    return out


def _run_style(marks: Iterable[annotate.Mark]) -> Style:
    """The style of text under `marks`, outermost first: inner marks override outer ones."""
    style = Style()
    for mark in marks:
        if mark.kind is Kind.QUOTE:
            style += QUOTE_STYLES.get(mark.type or "", Style())
        elif mark.kind is Kind.VERBATIM:
            style += VERBATIM_STYLE
        else:
            style += SPEAKER_STYLE if mark.kind is Kind.SPEAKER else CUE_STYLE
    return style


def _marker(tag: annotate.Tag) -> str:
    """A tag in plain text: `[1` … `1]`, `(2` … `2)`, `{` … `¹}`, `<` … `¹>`; `!` marks a flagged quote."""
    mark = tag.mark
    if mark.kind is Kind.QUOTE:
        left, right = BRACKETS.get(mark.type or "", ("[", "]"))
        number = ",".join(map(str, mark.numbers)) + ("!" if mark.flagged else "")
        return left + number if tag.opening else number + right
    if mark.kind is Kind.VERBATIM:
        return ""  # the quotation marks of the text show it
    left, right = ("{", "}") if mark.kind is Kind.SPEAKER else ("<", ">")
    return left if tag.opening else superscript(mark.numbers) + right


def _badge(tag: annotate.Tag) -> Text:
    """A tag in colour: a number badge where a quote opens, superscript numbers after a speaker or cue."""
    mark = tag.mark
    if mark.kind is Kind.QUOTE and tag.opening:
        style = (FLAG_STYLE if mark.flagged else QUOTE_STYLES.get(mark.type or "", Style())) + Style(reverse=True)
        return Text(",".join(map(str, mark.numbers)) + ("!" if mark.flagged else ""), style=style)
    if mark.kind in (Kind.SPEAKER, Kind.CUE) and not tag.opening and not tag.echo:
        color = (SPEAKER_STYLE if mark.kind is Kind.SPEAKER else CUE_STYLE).color
        return Text(superscript(mark.numbers), style=Style(color=color))
    return Text()


def _notes(notes: Iterable[annotate.Note], plain: bool, explain: bool) -> Table:
    """The legend of a paragraph: one line per record that starts in it (two with `explain`)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for note in notes:
        grid.add_row(_note_badge(note, plain), _note(note, plain, explain))
    return grid


def _note_badge(note: annotate.Note, plain: bool) -> Text:
    label = f"{note.number}{'!' if note.flags else ''}"
    if plain:
        left, right = BRACKETS.get(note.row["type"], ("[", "]"))
        return Text(left + label + right)
    style = FLAG_STYLE if note.flags else QUOTE_STYLES.get(note.row["type"], Style())
    return Text(label, style=style + Style(reverse=True))


def _note(note: annotate.Note, plain: bool, explain: bool) -> Text:
    """`direct · Sergueï Lavrov ← il · cue: lancer`, the flags, and with `explain` the rule and resolution."""
    row = note.row
    styled = (lambda style: Style()) if plain else (lambda style: style)
    out = Text()
    out.append(row["type"], style=styled(QUOTE_STYLES.get(row["type"], Style())))
    out.append(" · ")
    if row["speaker"] is not None:
        out.append(row["speaker"], style=styled(Style(bold=True)))
        if row["speaker_mention"] is not None and row["speaker_mention"] != row["speaker"]:
            out.append(f" ← {row['speaker_mention']}", style=styled(Style(dim=True)))
    elif row["speaker_mention"] is not None:
        out.append(f"{row['speaker_mention']} (unresolved)", style=styled(Style(dim=True)))
    else:
        out.append("no speaker", style=styled(FLAG_STYLE))
    if note.role is not None:
        out.append(f", {note.role}", style=styled(Style(dim=True)))
    if row["cue"] is not None:
        out.append(" · cue: ")
        out.append(row["cue_lemma"] or row["cue"], style=styled(Style(color="bright_blue")))
    for flag in note.remarks:
        out.append(f" ! {flag.replace('_', ' ')}", style=styled(FLAG_STYLE))
    if explain:
        resolved = row["speaker_resolved_by"] if row["speaker_resolved_by"] is not None else "?"
        out.append(f"\nrule: {row['rule']} · speaker resolved by: {resolved}", style=styled(Style(dim=True)))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


# The dashboard of `quotecli stats`: a corpus in figures, with bars where a picture reads better.

_EIGHTHS = " ▏▎▍▌▋▊▉"
_PANEL_WIDTH = 40  # the narrowest a panel gets before the panels stack


def bar(value: int, largest: int, width: int) -> str:
    """A horizontal bar `width` cells long for `largest`, in eighths of a cell; never empty for a value > 0."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


#: A panel's rows: label, count, the bar's style, and an optional tag (a speaker's gender).
Item = tuple[str, int, str | Style, str]

_GENDER_STYLES = {"f": "magenta", "m": "cyan", "unknown": "dim"}


def dashboard(figures: stats.Figures, width: int = 80) -> Group:
    """The figures of a corpus for a terminal `width` columns wide: a headline, then panels of bars."""
    f = figures
    share = f"{f.attributed_share:.0%}" if f.attributed_share is not None else "–"
    headline = Text.assemble(
        (_plural(f.documents, "document"), "bold"),
        f" ({f.documents_with_quotations} with quotations) · ",
        (_plural(f.quotations, "quotation"), "bold"),
        " · ",
        (share, "bold green"),
        " with a speaker",
    )
    kinds = [(k if k != stats.NO_SPEAKER else "no speaker", n, "red" if k == stats.NO_SPEAKER else "green", "")
             for k, n in f.by_kind.items()]
    panels = [
        _panel("Quotations by type", [(t, n, QUOTE_STYLES[t], "") for t, n in f.by_type.items()], f.quotations),
        _panel("Speakers by kind", kinds, f.quotations),
        _panel("Gender: quotations by persons", _genders(f.gender_quotations), sum(f.gender_quotations.values())),
        _panel("Gender: persons quoted", _genders(f.gender_speakers), sum(f.gender_speakers.values())),
        _panel("Top cues", [(cue, n, "bright_blue", "") for cue, n in f.top_cues], f.quotations),
        _panel(
            "Top speakers",
            [(name, n, "green", g if g != "unknown" else "") for name, n, g in f.top_speakers],
            f.quotations,
        ),
    ]
    if f.flags:
        panels.append(_panel("Flags", [(k.replace("_", " "), n, "red", "") for k, n in f.flags.items()], f.quotations))
    per_row = max(1, width // _PANEL_WIDTH)
    grid = Table.grid(expand=True)
    for _ in range(per_row):
        grid.add_column(ratio=1)
    for i in range(0, len(panels), per_row):
        row = panels[i : i + per_row]
        grid.add_row(*row, *[""] * (per_row - len(row)))
    return Group(headline, grid)


def _genders(counts: Mapping[str, int]) -> list[Item]:
    return [(g, n, _GENDER_STYLES[g], "") for g, n in counts.items()]


def _panel(title: str, items: list[Item], whole: int) -> Panel:
    """Labelled bars scaled to the largest count, each with its count and its share of `whole`."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    if any(tag for *_, tag in items):
        grid.add_column(no_wrap=True, style="dim")
    grid.add_column(width=10, no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(justify="right", no_wrap=True, style="dim")
    largest = max((n for _, n, _, _ in items), default=0)
    for label, n, style, tag in items:
        tags = [tag] if len(grid.columns) == 5 else []
        share = f"{n / whole:.0%}" if whole else ""
        grid.add_row(Text(label), *tags, Text(bar(n, largest, 10), style=style), str(n), share)
    if not items:
        grid.add_row(Text("none", style="dim"), *[""] * (len(grid.columns) - 1))
    return Panel(grid, title=title, title_align="left", padding=(0, 1))


# The ranking of `quotecli speakers`: who gets a voice, and the gender balance under it.


def speakers_table(rows: Iterable[Mapping[str, Any]], summary: Mapping[str, Any]) -> Group:
    """A ranking of speakers (rows of `sources.FIELDS`) and, under it, the gender of persons' quotations.

    `summary` is `sources.Summary.to_dict()`; the other names a speaker went
    by (merged across documents) are listed dim under its name.
    """
    table = Table()
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("speaker", overflow="fold", min_width=14, max_width=34, ratio=3)
    table.add_column("kind", overflow="fold", min_width=6)
    table.add_column("role", overflow="fold", min_width=10, max_width=30, ratio=2)
    table.add_column("g.", no_wrap=True)  # gender: f, m or ?
    for name in ("quotes", "dir.", "mix.", "ind.", "docs"):
        table.add_column(name, justify="right", no_wrap=True)
    count = 0
    for count, row in enumerate(rows, 1):
        speaker = Text(row["speaker"], style="bold")
        others = list(dict.fromkeys(" ".join(n.split()) for n in row["names"] if " ".join(n.split()) != row["speaker"]))
        if others:
            speaker.append("\n= " + ", ".join(others), style="dim")
        gender = row["gender"] or "unknown"
        table.add_row(
            str(count),
            speaker,
            Text(row["kind"] or "?", style="dim" if row["kind"] in (None, "unknown") else ""),
            Text(row["role"]) if row["role"] is not None else _UNKNOWN,
            Text(gender if row["gender"] else "?", style=_GENDER_STYLES[gender]),
            str(row["quotations"]),
            *(Text(str(row[t]), style=QUOTE_STYLES[t]) for t in ("direct", "mixed", "indirect")),
            str(row["documents"]),
        )
    table.caption = f"{_plural(count, 'speaker')} shown of {summary['speakers']} · g. gender, dir./mix./ind. quotations by type"
    return Group(table, gender_line(summary))


def gender_line(summary: Mapping[str, Any]) -> Text:
    """`Quotations by persons (1,234): f 20% (250) · m 70% (864) · unknown 10% (120)` from a speakers summary."""
    persons = summary["persons"]
    line = Text.assemble(("Quotations by persons", "bold"), f" ({persons['quotations']:,} of {summary['quotations']:,}): ")
    for i, g in enumerate(("f", "m", "unknown")):
        figures = persons["gender"][g]
        share = f"{figures['share']:.0%}" if figures["share"] is not None else "–"
        line.append(" · " if i else "")
        line.append(f"{g} {share}", style=_GENDER_STYLES[g] if g != "unknown" else "")
        line.append(f" ({figures['quotations']:,})", style="dim")
    return line
