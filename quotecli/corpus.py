"""Corpus files: JSON Lines and CSV with one document a record, gzip-compressed or not.

Everything `quotecli` reads goes through `documents()`: text files, folders and
stdin as `inputs` reads them, and besides them corpus files, chosen by suffix
(`.jsonl`, `.ndjson`, `.csv`, `.tsv`, each optionally `.gz`). They are read as
streams, one record at a time, so a corpus of any size takes the memory of one
record. As in `inputs`, a bad record is data: an `InputError` naming
`file:line`, and reading goes on with the next record.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

import regex

from quotecli import inputs
from quotecli.inputs import GZIP, STDIN, Document, InputError, Origin, Problem

#: Corpus formats by suffix (before any `.gz`); every other file is one text.
FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
CSV_FIELD_LIMIT = 2**31 - 1  # news articles can be longer than csv's default 128 KiB field limit

_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")  # from a JSON `\ud800` escape, or an undecodable CSV byte


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a corpus record hold the text and the id, and which others to keep as metadata."""

    text: str = "text"
    id: str = "id"
    keep: tuple[str, ...] = ()


def documents(
    paths: Iterable[str | InputError],
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    fields: Fields = Fields(),
) -> Iterator[Document | InputError]:
    """Each path read in turn: corpus files record by record, anything else as `inputs.documents` reads it."""
    for path in paths:
        if isinstance(path, InputError):
            yield path
        elif path != STDIN and format_of(path) and os.path.isfile(path):
            yield from read_corpus(path, encoding, fields)
        else:
            yield from inputs.documents([path], encoding, stdin)


def format_of(path: str) -> str | None:
    """`jsonl`, `csv` or `tsv` for a corpus file (by suffix, case-insensitive, `.gz` allowed), else None."""
    name = path.lower().removesuffix(GZIP)
    return next((fmt for suffix, fmt in FORMATS.items() if name.endswith(suffix)), None)


def listed(list_file: str, stdin: BinaryIO | None = None) -> Iterator[str | InputError]:
    """The paths in `list_file` (`-`: stdin), one a line, streamed; a missing one is an error naming the line.

    Blank lines are skipped; paths are relative to the current directory.
    """
    try:
        opened = nullcontext(stdin or sys.stdin.buffer) if list_file == STDIN else open(list_file, "rb")  # noqa: SIM115
    except OSError as e:
        yield InputError(list_file, Problem.UNREADABLE, f"{list_file}: cannot read: {e.strerror or e}")
        return
    with opened as stream:
        for n, raw in enumerate(stream, 1):
            path = os.fsdecode(raw.rstrip(b"\r\n"))
            if not path.strip():
                continue
            if path != STDIN and not os.path.exists(path):
                yield InputError(path, Problem.MISSING, f"{list_file}:{n}: {path}: no such file or directory")
            else:
                yield path


def read_corpus(path: str, encoding: str | None = None, fields: Fields = Fields()) -> Iterator[Document | InputError]:
    """The records of one JSON Lines or CSV file as documents; a bad record is an error and is skipped."""
    fmt = format_of(path) or "jsonl"
    if not _ascii_compatible(encoding):
        yield InputError(path, Problem.UNDECODABLE, f"{path}: a {fmt} file must be in an ASCII-compatible encoding (UTF-8, cp1252…), not {encoding}")
        return
    line = 0
    try:
        with _open(path) as (raw, stream):
            records = _jsonl(path, stream, raw, encoding, fields) if fmt == "jsonl" else _csv(path, stream, raw, encoding, fields, fmt)
            for line, item in records:
                yield item
    except (OSError, EOFError, zlib.error) as e:  # a truncated or corrupt .gz, a failing disk
        where = f"after line {line}" if line else "at the start"
        kept = f"the records up to line {line} were read" if line else "no record was read"
        yield InputError(path, Problem.UNREADABLE, f"{path}: cannot read {where}: {e}; {kept}, the rest is lost: "
                         "is the file truncated or corrupt? fetch it again")


@contextmanager
def _open(path: str) -> Iterator[tuple[IO[bytes], IO[bytes]]]:
    """The raw file (whose position is the progress) and the stream of its bytes, decompressed if `.gz`."""
    with open(path, "rb") as raw:
        if path.lower().endswith(GZIP):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield raw, unzipped  # type: ignore[misc]
        else:
            yield raw, raw


def _jsonl(
    path: str, stream: IO[bytes], raw: IO[bytes], encoding: str | None, fields: Fields
) -> Iterator[tuple[int, Document | InputError]]:
    """(line number, document or error) for each non-blank line of a JSON Lines stream."""
    for n, data in enumerate(stream, 1):
        where = f"{path}:{n}"
        codec = _line_encoding(data, encoding, n == 1)
        try:
            line = data.decode(codec)
        except UnicodeDecodeError as e:
            yield n, _undecodable(where, encoding, data, e)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield n, InputError(where, Problem.MALFORMED, f"{where}: not valid JSON ({e.msg}, column {e.colno}); skipped")
            continue
        if not isinstance(obj, dict):
            yield n, InputError(where, Problem.MALFORMED, f"{where}: not a JSON object; skipped")
            continue
        if ("\\ud" in line or "\\uD" in line) and _LONE_SURROGATE.search(json.dumps(obj, ensure_ascii=False)):
            yield n, InputError(where, Problem.MALFORMED, f"{where}: a string has an unpaired surrogate (\\ud800-\\udfff); skipped")
            continue
        yield n, _document(where, path, n, obj, fields, raw.tell(), _name(codec))


def _line_encoding(data: bytes, encoding: str | None, first: bool) -> str:
    """The codec of one line: `--encoding`'s, or (`auto`) UTF-8 when the line is valid UTF-8, else cp1252."""
    if encoding == inputs.AUTO:
        return inputs.auto_encoding(data) if first else "utf-8" if inputs.valid_utf8(data) else inputs.FALLBACK
    return encoding or (inputs.UTF8 if first else "utf-8")


def _name(codec: str) -> str:
    """The encoding a document says it was read as: "utf-8" for UTF-8 with or without a BOM."""
    return "utf-8" if codec == inputs.UTF8 else codec


def _csv(
    path: str, stream: IO[bytes], raw: IO[bytes], encoding: str | None, fields: Fields, fmt: str
) -> Iterator[tuple[int, Document | InputError]]:
    """(line number, document or error) for each record of a CSV (or TSV) stream with a header row."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    auto = encoding == inputs.AUTO  # lines are read as UTF-8, and a row that is not is read again as cp1252
    chosen = None if auto else encoding
    lines = (data.decode(chosen or (inputs.UTF8 if n == 0 else "utf-8"), "surrogateescape") for n, data in enumerate(stream))
    reader = csv.reader(lines, delimiter="\t" if fmt == "tsv" else ",")
    header = next(reader, None)
    if header is None:
        return
    if fields.text not in header:
        columns = ", ".join(header)
        yield 1, InputError(path, Problem.MALFORMED, f"{path}:1: no {fields.text!r} column (columns: {columns}); see --text-field")
        return
    while True:
        n = reader.line_num + 1  # the line the next record starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield n, InputError(f"{path}:{n}", Problem.MALFORMED, f"{path}:{n}: not valid CSV ({e}); skipped")
            if reader.line_num < n:
                return
            continue
        if not row:
            continue
        where = f"{path}:{n}"
        codec = chosen or "utf-8"
        if any(_LONE_SURROGATE.search(cell) for cell in row):
            fallback = _as_fallback(row) if auto else None
            if fallback is None:
                yield n, _undecodable(where, encoding)
                continue
            row, codec = fallback, inputs.FALLBACK
        yield n, _document(where, path, n, dict(zip(header, row)), fields, raw.tell(), codec)


def _document(
    where: str, path: str, line: int, obj: Mapping[str, Any], fields: Fields, read: int, encoding: str | None = None
) -> Document | InputError:
    """A record as a document: its text field, its id (else `file:line`) and the fields to keep."""
    text = obj.get(fields.text)
    if not isinstance(text, str):
        what = f"no {fields.text!r} field" if text is None else f"{fields.text!r} is not a string"
        return InputError(where, Problem.MALFORMED, f"{where}: {what}; skipped (see --text-field)")
    key = obj.get(fields.id)
    doc_id = where if key is None or key == "" else key if isinstance(key, str) else json.dumps(key, ensure_ascii=False)
    meta = {name: obj.get(name) for name in fields.keep}
    return Document(doc_id, text, None, meta, Origin(path, line, read), encoding)


def _as_fallback(row: list[str]) -> list[str] | None:
    """A CSV row read as UTF-8 with surrogateescape, read again from its very bytes as cp1252; None if it is not."""
    try:
        return [cell.encode("utf-8", "surrogateescape").decode(inputs.FALLBACK) for cell in row]
    except UnicodeError:
        return None


def _undecodable(where: str, encoding: str | None, data: bytes = b"", e: UnicodeDecodeError | None = None) -> InputError:
    auto = encoding == inputs.AUTO
    hint = "try --encoding latin-1" if auto else "try another --encoding" if encoding else "try --encoding cp1252"
    detail = f" (byte 0x{data[e.start]:02x} at column {e.start + 1})" if e is not None else ""
    what = f"UTF-8 nor {inputs.FALLBACK}" if auto else encoding or "UTF-8"
    return InputError(where, Problem.UNDECODABLE, f"{where}: not valid {what}{detail}; {hint}")


def _ascii_compatible(encoding: str | None) -> bool:
    """True when lines can be split on the byte `\\n` and JSON punctuation is ASCII (UTF-16 fails)."""
    try:
        return encoding in (None, inputs.AUTO) or '{"\n,'.encode(encoding) == b'{"\n,'
    except (LookupError, UnicodeError):
        return False
