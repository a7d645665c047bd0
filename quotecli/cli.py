"""The `quotecli` command: a thin typer client of the library.

Data goes to stdout, messages to stderr. Errors are `QuotecliError`s, turned
into one line on stderr and an exit status in one place, `_reporting()`.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from quotecli import __version__, export, inputs, match, render
from quotecli.model import FIELDS, Record
from quotecli.pipeline import extract

EXAMPLES = """\
Examples:

\b
  quotecli list                          # the bundled sample article
  quotecli list article.txt corpus/      # files, and folders (*.txt, recursively)
  curl -s URL | quotecli list            # piped text (or: quotecli list -)
  quotecli list corpus/ | jq -c 'select(.type == "direct")'
  quotecli who assad corpus/             # what Bachar al-Assad said
  quotecli list --format csv corpus/ > quotes.csv
"""

app = typer.Typer(
    epilog=EXAMPLES,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
stdout = Console(highlight=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class QuotecliError(Exception):
    """An error reported on one line of stderr; `exit_code` is the process's status."""

    exit_code = 1


class UsageError(QuotecliError):
    """The command line is wrong: a missing path, an unknown encoding, an empty NAME."""

    exit_code = 2


class InputFailed(QuotecliError):
    """Some inputs could not be read (each was reported already); the others were processed."""

    exit_code = 1


BROKEN_PIPE = 141  # 128 + SIGPIPE: what Unix tools return when the reader goes away

#: The input problems that are only warnings: the input is skipped, the status stays 0.
WARNINGS = frozenset({inputs.Problem.BINARY, inputs.Problem.NO_TEXT_FILES})


class Format(str, Enum):
    """Output formats: a Rich table for people, the rest for programs."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders (*.txt, recursively) or - for stdin.", metavar="PATH", show_default=False),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Default: table on a terminal, jsonl otherwise.", show_default=False),
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", metavar="NAME", help="Encoding of the inputs, e.g. cp1252. Default: UTF-8.", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        stdout.print(f"quotecli {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Find quotations in French news and tie each to its speaker."""


@app.command("list", epilog="""Examples:

\b
  quotecli list seeds/ --format json
  cat article.txt | quotecli list
  quotecli list --encoding cp1252 old/*.txt
""")
def list_(paths: Paths = None, fmt: FormatOption = None, encoding: EncodingOption = None) -> None:
    """List the quotations in the texts.

    With no PATH, reads piped stdin, else the bundled sample article.
    """
    with _reporting() as failures:
        docs = _documents(paths, encoding)
        _emit(export.rows(_records(docs, failures)), fmt)


@app.command(epilog="""Examples:

\b
  quotecli who lavrov seeds/
  quotecli who "Bachar al-Assad" corpus/ --format csv
""")
def who(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name or part of one: assad, \"Bachar al-Assad\".")],
    paths: Paths = None,
    fmt: FormatOption = None,
    encoding: EncodingOption = None,
) -> None:
    """List the quotations of one speaker.

    NAME matches whole words of the speaker's name or of its mention, in
    order, ignoring case and accents: assad finds Bachar al-Assad.
    """
    with _reporting() as failures:
        if not (needle := match.words(name)):
            raise UsageError(f"NAME has no letter or digit: {name!r}")
        rows = export.rows(_records(_documents(paths, encoding), failures))
        _emit((r for r in rows if match.matches(needle, (r["speaker"], r["speaker_mention"]))), fmt)


@contextmanager
def _reporting() -> Iterator[list[inputs.InputError]]:
    """The one place where errors become a line on stderr and an exit status.

    Yields the list where input failures are collected: any makes the status 1.
    """
    failures: list[inputs.InputError] = []
    try:
        yield failures
        if failures:
            raise InputFailed()  # each was reported as it happened
    except QuotecliError as e:
        if str(e):
            stderr.print(f"[bold red]error:[/] {escape(str(e))}")
        raise typer.Exit(e.exit_code) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(BROKEN_PIPE) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the final flush at exit cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file descriptor (in tests)
        pass


def _documents(paths: list[str] | None, encoding: str | None) -> Iterable[inputs.Document | inputs.InputError]:
    """The inputs of a command line, checked up front: a bad path or encoding is a usage error."""
    if encoding is not None:
        _check_encoding(encoding)
    if absent := inputs.missing(paths or []):
        raise UsageError(f"no such file or directory: {', '.join(absent)}")
    chosen = inputs.paths_or_stdin(paths, sys.stdin)
    if chosen is None:
        stderr.print(f"[dim]No input given: reading the bundled sample, {inputs.SAMPLE}.[/]")
        return [inputs.sample()]
    return inputs.documents(chosen, encoding, sys.stdin.buffer)


def _records(docs: Iterable[inputs.Document | inputs.InputError], failures: list[inputs.InputError]) -> Iterator[Record]:
    """The records of each document in turn; problems reported on stderr, failures collected."""
    for doc in docs:
        if isinstance(doc, inputs.Document):
            yield from extract(doc.text, doc_id=doc.doc_id)
        elif doc.problem in WARNINGS:
            stderr.print(f"[yellow]warning:[/] {escape(doc.message)}")
        else:
            stderr.print(f"[bold red]error:[/] {escape(doc.message)}")
            failures.append(doc)


def _check_encoding(name: str) -> None:
    """A usage error unless `name` is a text encoding Python knows (`rot13` is not)."""
    try:
        b"x".decode(name, "ignore")  # b"" would pass any codec
    except LookupError:
        raise UsageError(f"unknown encoding: {name}") from None


def _emit(
    rows: Iterable[Mapping[str, Any]],
    fmt: Format | None,
    table: Callable[[Iterable[Mapping[str, Any]]], RenderableType] = render.quotes_table,
    fields: tuple[str, ...] = FIELDS,
) -> None:
    """The output sink of every command: a Rich table, or rows streamed in a machine format."""
    if fmt is None:
        fmt = Format.table if sys.stdout.isatty() else Format.jsonl
    if fmt is Format.table:
        stdout.print(table(rows))
    else:
        for chunk in export.lines(rows, fmt.value, fields):
            sys.stdout.write(chunk)
    sys.stdout.flush()  # a closed pipe shows up here, inside _reporting(), not at exit


def main() -> None:
    """The console script `quotecli`."""
    app(prog_name="quotecli")
