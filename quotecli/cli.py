"""The `quotecli` command: a thin typer client of the library.

Data goes to stdout, messages to stderr. Errors are `QuotecliError`s, turned
into one line on stderr and an exit status in one place, `_reporting()`.
"""
from __future__ import annotations

import errno
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import chain
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.markup import escape

from quotecli import __version__, annotate, canon, collection, corpus, export, html, inputs, match, parallel, progress, render, sources, stats
from quotecli.model import FIELDS, QuoteType, Record

EXAMPLES = """\
Examples:

\b
  quotecli list                          # the bundled sample article
  quotecli list article.txt corpus/      # files, and folders (*.txt, recursively)
  curl -s URL | quotecli list            # piped text (or: quotecli list -)
  quotecli list corpus/ | jq -c 'select(.type == "direct")'
  quotecli who assad corpus/             # what Bachar al-Assad said
  quotecli list --format csv corpus/ > quotes.csv
  quotecli show article.txt              # the article with its quotations highlighted
  quotecli stats corpus/                 # figures: types, attribution, cues, speakers
  quotecli speakers corpus/ --top 20     # who gets a voice, variants merged; gender
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
INTERRUPTED = 130  # 128 + SIGINT: what Unix tools return on Ctrl-C
#: Errors writing standard output that are the disk's, not the reader's: said on one line, status 1.
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

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
    typer.Argument(help="Files (.txt, .jsonl, .csv, .gz), folders (*.txt, recursively) or - for stdin.", metavar="PATH", show_default=False),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Default: table on a terminal, jsonl otherwise.", show_default=False),
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", metavar="NAME", help="Encoding of the inputs: cp1252, latin-1, auto (UTF-8, else cp1252)… Default: UTF-8.",
                 show_default=False),
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Add the rule that made each record and how its speaker was resolved.")
]
# Corpus and collection options (list, who, add, search); their logic is in corpus, parallel, collection.
FilesFromOption = Annotated[
    str | None,
    typer.Option("--files-from", metavar="FILE", help="Also read the paths listed in FILE, one a line (- for stdin).", show_default=False),
]
TextFieldOption = Annotated[str, typer.Option("--text-field", metavar="NAME", help="The text field of JSON Lines and CSV records.")]
IdFieldOption = Annotated[str, typer.Option("--id-field", metavar="NAME", help="The id field of JSON Lines and CSV records: the doc_id.")]
KeepOption = Annotated[
    list[str] | None,
    typer.Option("--keep", metavar="FIELDS", help="Record fields to keep as extra keys, e.g. date,publisher.", show_default=False),
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes. Default: the cores.", show_default=False)
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no informational messages.")]
DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="PATH", help="The collection. Default: $QUOTECLI_DB, else the user data folder.", show_default=False),
]
# Speakers across documents (list, who, speakers); their logic is in canon and sources.
AliasesOption = Annotated[
    list[str] | None,
    typer.Option("--aliases", metavar="FILE", help="More name variants, canonical<TAB>variant a line (repeatable).", show_default=False),
]


class ShowFormat(str, Enum):
    """What `show` prints: the annotated text for a terminal, or a self-contained HTML page."""

    text = "text"
    html = "html"


class StatsFormat(str, Enum):
    """What `stats` prints: a dashboard for people, or one JSON object."""

    table = "table"
    json = "json"


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
  quotecli list news.jsonl.gz --keep date,publisher --jobs 4
  quotecli list corpus/ --canonical      # one name per speaker across the corpus
""")
def list_(
    paths: Paths = None,
    fmt: FormatOption = None,
    encoding: EncodingOption = None,
    explain: ExplainOption = False,
    files_from: FilesFromOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    keep: KeepOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
    canonical: Annotated[
        bool, typer.Option("--canonical", help="Speakers by their one name across the run (reads all inputs before printing).")
    ] = False,
    aliases: AliasesOption = None,
) -> None:
    """List the quotations in the texts.

    With no PATH, reads piped stdin, else the collection (see add), else
    the bundled sample article.
    """
    with _reporting() as failures:
        names = _aliases(aliases)
        src = _corpus(paths, files_from, encoding, text_field, id_field, keep, jobs, quiet, db)
        rows = _found(src, failures, None, _progress_visible(src, fmt))
        if canonical or aliases:  # --aliases FILE implies --canonical
            rows = canon.canonical_rows(rows, names)
        _emit(rows, fmt, lambda rows: render.quotes_table(rows, explain), FIELDS + src.fields.keep)


@app.command(epilog="""Examples:

\b
  quotecli who lavrov seeds/
  quotecli who "Bachar al-Assad" corpus/ --format csv
  quotecli who macron                    # from the collection (see add)
  quotecli who --type direct assad seeds/
""")
def who(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name or part of one: assad, \"Bachar al-Assad\".")],
    paths: Paths = None,
    fmt: FormatOption = None,
    encoding: EncodingOption = None,
    explain: ExplainOption = False,
    files_from: FilesFromOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    keep: KeepOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
    quote_type: Annotated[
        QuoteType | None, typer.Option("--type", "-t", help="Only quotations of this type.", show_default=False)
    ] = None,
    aliases: AliasesOption = None,
) -> None:
    """List the quotations of one speaker.

    NAME matches whole words of the speaker's name, of its mention, or of
    any name the same speaker goes by in the run or the aliases, in order,
    ignoring case and accents: assad finds Bachar al-Assad, and so does
    putin find Vladimir Poutine. All inputs are read before printing.
    With no PATH, searches the collection (see add).
    """
    with _reporting() as failures:
        if not (needle := match.words(name)):
            raise UsageError(f"NAME has no letter or digit: {name!r}")
        names = _aliases(aliases)
        src = _corpus(paths, files_from, encoding, text_field, id_field, keep, jobs, quiet, db)
        rows = _found(src, failures, needle, _progress_visible(src, fmt), names)  # see canon.matching_rows
        found = (r for r in rows if quote_type is None or r["type"] == quote_type.value)
        _emit(found, fmt, lambda rows: render.quotes_table(rows, explain), FIELDS + src.fields.keep)


@app.command(epilog="""Examples:

\b
  quotecli show seeds/000_f9f8e09316241945.txt
  NO_COLOR=1 quotecli show article.txt --explain
  quotecli show corpus/ --doc corpus/2016/a.txt --pager
  quotecli show news.jsonl.gz --doc https://example.org/article-1
  quotecli show article.txt --format html > article.html
""")
def show(
    path: Annotated[
        str | None,
        typer.Argument(metavar="PATH", help="A file, - for stdin; a folder or corpus file with --doc.", show_default=False),
    ] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", metavar="ID", help="The doc_id to show when PATH holds several.")
    ] = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text for a terminal, html for a page to share.")
    ] = ShowFormat.text,
    pager: Annotated[bool, typer.Option("--pager", help="Page the text (on a terminal).")] = False,
    explain: ExplainOption = False,
    encoding: EncodingOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
) -> None:
    """Show one document with its quotations highlighted.

    Quotes are numbered and coloured by type, their speaker and cue marked
    with the same number; notes under each paragraph name the speakers.
    """
    with _reporting() as failures:
        src = _corpus([path] if path else None, None, encoding, text_field, id_field, None, 1, True, None)
        docs = _inputs(src)
        if docs is None:  # the collection keeps records, not texts: there is nothing to draw them on
            stderr.print(f"[dim]No input given: showing the bundled sample, {inputs.SAMPLE}.[/]")
            docs = [inputs.sample()]
        chosen = _one_document(docs, doc, failures)
        _note_encoding(chosen, src)
        layout = annotate.layout(chosen.text, export.rows(extract(chosen.text, doc_id=chosen.doc_id)), chosen.doc_id)
        if fmt is ShowFormat.html:
            sys.stdout.write(html.page(layout, explain))
            sys.stdout.flush()
            return
        plain = stdout.no_color or bool(os.environ.get("NO_COLOR")) or not stdout.is_terminal
        view = render.annotated(layout, plain=plain, explain=explain)
        if pager and stdout.is_terminal:
            os.environ.setdefault("LESS", "-R")  # less shows colours only with -R
        with stdout.pager(styles=not plain) if pager and stdout.is_terminal else nullcontext():
            if plain:  # markers instead of colours, and no trailing spaces
                stdout.out(render.plain_text(view, stdout.width), end="", highlight=False)
            else:
                stdout.print(view)
        sys.stdout.flush()


@app.command("stats", epilog="""Examples:

\b
  quotecli stats corpus/
  quotecli stats corpus/ --format json | jq .gender
""")
def stats_(
    paths: Paths = None,
    fmt: Annotated[
        StatsFormat | None,
        typer.Option("--format", "-f", help="Default: table on a terminal, json otherwise.", show_default=False),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=0, metavar="N", help="How many cues and speakers to rank.")] = 10,
    encoding: EncodingOption = None,
    files_from: FilesFromOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
) -> None:
    """Figures for a corpus: quotations by type, attribution, top cues and speakers, gender.

    With no PATH, the figures of the collection (see add).
    """
    with _reporting() as failures:
        src = _corpus(paths, files_from, encoding, text_field, id_field, None, jobs, quiet, db)
        if (docs := _inputs(src)) is None:
            with _collection(src, "reading") as coll:
                figures = replace(stats.compute(coll.rows(), top=top), documents=coll.documents())
        else:
            read: list[str] = []
            figures = stats.compute(_extracted(_noted(docs, read), failures, src, True), top=top)
            figures = replace(figures, documents=len(read))  # known only once every document was read
        if (fmt or (StatsFormat.table if sys.stdout.isatty() else StatsFormat.json)) is StatsFormat.table:
            stdout.print(render.dashboard(figures, stdout.width))
        else:
            sys.stdout.write(json.dumps(figures.to_dict(), ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()


@app.command(epilog="""Examples:

\b
  quotecli speakers corpus/ --top 20
  quotecli speakers news.jsonl.gz --format csv > speakers.csv
  quotecli speakers corpus/ --format json | jq .summary.persons.gender
  quotecli speakers corpus/ --format jsonl | jq -c 'select(.kind == "person")'
""")
def speakers(
    paths: Paths = None,
    fmt: FormatOption = None,
    top: Annotated[
        int | None, typer.Option("--top", min=1, metavar="N", help="Only the N most quoted. Default: all.", show_default=False)
    ] = None,
    aliases: AliasesOption = None,
    encoding: EncodingOption = None,
    files_from: FilesFromOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    db: DbOption = None,
) -> None:
    """Rank the speakers: who is quoted, how often, in how many documents.

    One row per person or body, its name variants merged across documents;
    under the table (and in --format json) the gender of persons' quotations.
    With no PATH, the speakers of the collection (see add).
    """
    with _reporting() as failures:
        names = _aliases(aliases)
        src = _corpus(paths, files_from, encoding, text_field, id_field, None, jobs, quiet, db)
        if (docs := _inputs(src)) is None:
            with _collection(src, "reading") as coll:
                ranking = sources.rank(coll.rows(), names, documents=coll.documents())
        else:
            read: list[str] = []
            ranking = sources.rank(_extracted(_noted(docs, read), failures, src, _progress_visible(src, fmt)), names)
            ranking = replace(ranking, summary=replace(ranking.summary, documents=len(read)))
        rows = ranking.rows[:top] if top else ranking.rows
        summary = ranking.summary.to_dict()
        if fmt is Format.json:  # an object: the rows, and the figures about all of them
            for chunk in export.json_object(rows, sources.FIELDS, "speakers", {"summary": summary}):
                sys.stdout.write(chunk)
            sys.stdout.flush()
        else:
            _emit(rows, fmt, lambda rows: render.speakers_table(rows, summary), sources.FIELDS)


@app.command(epilog="""Examples:

\b
  quotecli add corpus/ news.jsonl.gz --keep date,publisher
  find corpus -name '*.txt' | quotecli add --files-from -
  quotecli who macron                    # then ask the collection
""")
def add(
    paths: Paths = None,
    files_from: FilesFromOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    encoding: EncodingOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    keep: KeepOption = None,
) -> None:
    """Extract the quotations of the texts and store them in the collection.

    Adding a document again changes nothing; a changed one (same doc_id,
    other text) is replaced. list, who and search then read the collection.
    """
    with _reporting() as failures:
        src = _corpus(paths, files_from, encoding, text_field, id_field, keep, jobs, quiet, db)
        if (docs := _inputs(src)) is None:
            raise UsageError("nothing to add: give a PATH, --files-from FILE or piped input")
        path = src.db or str(collection.default_path())
        changes = {change: 0 for change in collection.Change}
        quotations = 0
        try:
            with _interrupt_kept() as interrupted, collection.Collection.create(path) as coll, \
                    _meter(src, "adding", not quiet) as meter:
                for item in coll.add(docs, lambda items: parallel.extract_all(items, src.jobs, extract)):
                    if interrupted.is_set():
                        raise KeyboardInterrupt
                    if isinstance(item, inputs.InputError):
                        _report(item, failures)
                        continue
                    _note_encoding(item.doc, src)
                    changes[item.change] += 1
                    quotations += item.records
                    meter.advance(item.doc, item.records)
        except KeyboardInterrupt:
            stderr.print(f"[bold red]interrupted:[/] {escape(path)} keeps what was stored until {collection.BATCH_SECONDS:g} s ago; add again to go on")
            raise typer.Exit(INTERRUPTED) from None
        _encodings_read(src)
        done = ", ".join(f"{n:,} {change.value}" for change, n in changes.items())
        _info(f"{escape(path)}: {done} ({quotations:,} quotations) in {meter.seconds:.1f} s.", quiet)


@app.command(epilog="""Examples:

\b
  quotecli search "pouvoir d'achat"
  quotecli search macron démission --format csv
""")
def search(
    words: Annotated[list[str], typer.Argument(metavar="WORDS...", help="Words to find; each argument is a phrase.")],
    fmt: FormatOption = None,
    db: DbOption = None,
    keep: KeepOption = None,
    quiet: QuietOption = False,
    explain: ExplainOption = False,
) -> None:
    """Find quotations in the collection by their words.

    Each argument is a phrase, its words whole and in order; every one must
    match. Case and accents are ignored: etat finds État.
    """
    with _reporting():
        phrases = [match.words(w) for w in words]
        if not all(phrases):
            raise UsageError(f"WORDS has no letter or digit: {words[[bool(p) for p in phrases].index(False)]!r}")
        src = _corpus(None, None, None, "text", "id", keep, 1, quiet, db)
        with _collection(src, "searching") as coll:
            _emit(coll.search(phrases, src.fields.keep), fmt, lambda rows: render.quotes_table(rows, explain), FIELDS + src.fields.keep)


def _one_document(
    docs: Iterable[inputs.Document | inputs.InputError], doc_id: str | None, failures: list[inputs.InputError]
) -> inputs.Document:
    """The document to show: the one given, or the one whose doc_id is `doc_id`; unreadable ones reported."""
    found: list[inputs.Document] = []
    for doc in docs:
        if isinstance(doc, inputs.InputError):
            _report(doc, failures)
        elif doc_id is None or doc.doc_id == doc_id:
            found.append(doc)
            if doc_id is not None or len(found) > 1:
                break
    if len(found) > 1:
        raise UsageError(f"several documents to show; choose one with --doc ID, e.g. --doc {found[0].doc_id}")
    if not found:
        if failures:
            raise InputFailed()
        raise UsageError(f"no document {doc_id!r} in the input" if doc_id is not None else "no document to show")
    return found[0]


def _noted(docs: Iterable[inputs.Document | inputs.InputError], read: list[str]) -> Iterator[inputs.Document | inputs.InputError]:
    """`docs` passed through, the doc_id of each document appended to `read` as it goes by."""
    for doc in docs:
        if isinstance(doc, inputs.Document):
            read.append(doc.doc_id)
        yield doc


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
    except collection.CollectionError as e:
        stderr.print(f"[bold red]error:[/] {escape(str(e))}")
        raise typer.Exit(1) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(BROKEN_PIPE) from None
    except OSError as e:  # inputs never raise (their errors are data): this is standard output failing
        if e.errno not in FULL:
            raise
        _silence_stdout()
        stderr.print(f"[bold red]error:[/] cannot write the output: {escape(e.strerror or str(e))}; free some space, or write elsewhere, and run again")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        stderr.print("[bold red]interrupted[/]")
        raise typer.Exit(INTERRUPTED) from None


@contextmanager
def _interrupt_kept() -> Iterator[threading.Event]:
    """Ctrl-C as KeyboardInterrupt, and also recorded in the Event given.

    Python drops an exception raised inside a destructor ("Exception
    ignored in …"), and the regex module's parser objects have one that the
    garbage collector may run at any moment: an interrupt landing there
    would be lost and `add` would run on. The caller checks the Event.
    """
    interrupted = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return

    def on_sigint(signum: int, frame: object) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


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
        else:
            _report(doc, failures)


def _report(problem: inputs.InputError, failures: list[inputs.InputError]) -> None:
    """An input problem on one line of stderr: a warning, or an error collected in `failures`."""
    if problem.problem in WARNINGS:
        stderr.print(f"[yellow]warning:[/] {escape(problem.message)}")
    else:
        stderr.print(f"[bold red]error:[/] {escape(problem.message)}")
        failures.append(problem)


def _aliases(files: list[str] | None) -> canon.Aliases:
    """The bundled name aliases and those of `--aliases FILE`s; a bad file is a usage error naming its line."""
    try:
        return canon.load_aliases(files or ())
    except canon.AliasError as e:
        raise UsageError(str(e)) from None


def _info(message: str, quiet: bool) -> None:
    """An informational line on stderr (markup allowed), unless --quiet."""
    if not quiet:
        stderr.print(f"[dim]{message}[/]")


@dataclass(frozen=True, slots=True)
class _Corpus:
    """What list, who and add read, as given on the command line."""

    paths: list[str] | None
    files_from: str | None
    encoding: str | None
    fields: corpus.Fields
    jobs: int | None
    quiet: bool
    db: str | None
    read_as: dict[str, set[str]] = field(default_factory=dict)  # --encoding auto: the encodings each file was read as


def _corpus(
    paths: list[str] | None, files_from: str | None, encoding: str | None, text_field: str, id_field: str,
    keep: list[str] | None, jobs: int | None, quiet: bool, db: str | None,
) -> _Corpus:
    """The corpus options checked: --keep names split on commas, none of them a record key."""
    names = tuple(dict.fromkeys(n.strip() for item in keep or [] for n in item.split(",") if n.strip()))
    if clash := [n for n in names if n in FIELDS]:
        raise UsageError(f"--keep {clash[0]}: already a key of every record")
    if encoding is not None and encoding.lower() == inputs.AUTO:
        encoding = inputs.AUTO
    return _Corpus(paths, files_from, encoding, corpus.Fields(text_field, id_field, names), jobs, quiet, db)


def _inputs(src: _Corpus) -> Iterable[inputs.Document | inputs.InputError] | None:
    """The documents the command line names (paths, --files-from, piped stdin), or None when it names none.

    With --db and no PATH, piped stdin is not read: the collection is.
    """
    if src.encoding is not None:
        _check_encoding(src.encoding)
    named = [*(src.paths or []), *([src.files_from] if src.files_from else [])]
    if absent := inputs.missing(named):
        raise UsageError(f"no such file or directory: {', '.join(absent)}")
    if src.files_from:
        paths: Iterable[str | inputs.InputError] = chain(src.paths or [], corpus.listed(src.files_from, sys.stdin.buffer))
    elif src.paths or (src.db is None and inputs.stdin_is_piped(sys.stdin)):
        paths = src.paths or [inputs.STDIN]
    else:
        return None
    return corpus.documents(paths, src.encoding, sys.stdin.buffer, src.fields)


def _found(
    src: _Corpus, failures: list[inputs.InputError], needle: tuple[str, ...] | None, visible: bool,
    aliases: canon.Aliases | None = None,
) -> Iterator[dict[str, Any]]:
    """The rows of `list` (or of `who`, with `needle`): from the inputs, else the collection, else the sample.

    `who` on inputs reads them all before printing (a name's other names are
    known at the end); on the collection it looks them up in its indexes.
    """
    docs = _inputs(src)
    if docs is None:
        with _collection(src, "reading") as coll:
            yield from coll.who(needle, src.fields.keep, aliases) if needle else coll.rows(src.fields.keep)
        return
    rows = _extracted(docs, failures, src, visible)
    yield from canon.matching_rows(rows, needle, aliases or canon.Aliases()) if needle else rows


@contextmanager
def _collection(src: _Corpus, doing: str) -> Iterator[collection.Collection]:
    """The collection of --db (or the default), said on stderr; the sample in memory when it is missing or empty."""
    path = src.db or str(collection.default_path())
    coll = collection.Collection.existing(path)
    if coll is not None:
        n = coll.documents()
        _info(f"{doing.capitalize()} the collection {escape(path)} ({n:,} document{'s' if n != 1 else ''}).", src.quiet)
    else:
        _info(f"No input given and no quotations collected in {escape(path)} (see quotecli add): {doing} the bundled sample, {inputs.SAMPLE}.", src.quiet)
        coll = collection.Collection.create(":memory:")
        for _ in coll.add([inputs.sample()], lambda items: parallel.extract_all(items, 1, extract)):
            pass
    with coll:
        yield coll


def _extracted(
    docs: Iterable[inputs.Document | inputs.InputError], failures: list[inputs.InputError], src: _Corpus, visible: bool
) -> Iterator[dict[str, Any]]:
    """The rows of each document, extracted by `--jobs` processes in input order, kept fields added."""
    with _meter(src, "extracting", visible) as meter:
        for item in parallel.extract_all(docs, src.jobs, extract):
            if isinstance(item, inputs.InputError):
                _report(item, failures)
                continue
            doc, records = item
            _note_encoding(doc, src)
            meter.advance(doc, len(records))
            for row in export.rows(records):
                row.update((name, doc.meta.get(name)) for name in src.fields.keep)
                yield row
    _encodings_read(src)


def _note_encoding(doc: inputs.Document, src: _Corpus) -> None:
    """With --encoding auto, say once per file when it was not read as UTF-8, and which encoding was used."""
    if src.encoding != inputs.AUTO or doc.encoding is None:
        return
    file = doc.origin.file if doc.origin else doc.doc_id
    seen = src.read_as.setdefault(file, set())
    if doc.encoding != "utf-8" and doc.encoding not in seen:
        line = f" from line {doc.origin.line}" if doc.origin and doc.origin.line else ""
        stderr.print(f"[yellow]warning:[/] {escape(file)}: not valid UTF-8{line}: read as {doc.encoding} (--encoding auto)")
    seen.add(doc.encoding)


def _encodings_read(src: _Corpus) -> None:
    """With --encoding auto, one line at the end: how many files were read in each encoding."""
    if src.encoding != inputs.AUTO or not src.read_as:
        return
    counts: dict[str, int] = {}
    for used in src.read_as.values():  # a corpus file may have records in both
        name = " and ".join(sorted(used))
        counts[name] = counts.get(name, 0) + 1
    each = ", ".join(f"{n:,} file{'s' if n != 1 else ''} read as {name}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    _info(f"--encoding auto: {escape(each)}.", src.quiet)


def _meter(src: _Corpus, label: str, visible: bool) -> progress.Meter:
    """The progress bar of a run: on stderr when it is a terminal, unless --quiet."""
    visible = visible and stderr.is_terminal and not src.quiet
    total = progress.total_bytes(src.paths) if visible and src.paths and not src.files_from else None
    return progress.Meter(stderr, label, total, visible)


def _progress_visible(src: _Corpus, fmt: Format | None) -> bool:
    """A bar would garble data printed to the same terminal: only when stdout is not one, or for a table."""
    return fmt is Format.table or not sys.stdout.isatty()


def _check_encoding(name: str) -> None:
    """A usage error unless `name` is `auto` or a text encoding Python knows (`rot13` is not)."""
    if name == inputs.AUTO:
        return
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


def extract(text: str, doc_id: str | None = None) -> list[Record]:
    """The engine, imported on first use so that commands reading the collection start fast."""
    from quotecli.pipeline import extract as engine

    return engine(text, doc_id=doc_id)


def main() -> None:
    """The console script `quotecli`."""
    app(prog_name="quotecli")
