"""Where documents come from: files, folders, stdin and the bundled sample.

Reading never raises for a bad input and never prints: each input becomes a
`Document` or an `InputError`, and the caller decides what to say and how to
exit. Text is decoded from bytes with no newline translation, so character
offsets in records match the file as it is on disk (CRLF stays CRLF). The one
thing removed is a UTF-8 byte-order mark, which is an encoding signature and
not text: offsets count from the first character after it.

`--encoding auto` (`AUTO`) decides per file: a byte-order mark names the
encoding; else UTF-8 when the bytes are valid UTF-8, else cp1252 (Windows
French, where « » are the bytes 0xAB 0xBB). Each `Document` says which
encoding its text was decoded from.
"""
from __future__ import annotations

import codecs
import gzip
import os
import zlib
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import IO, Any, BinaryIO

STDIN = "-"  #: the path that means standard input
STDIN_ID = "<stdin>"  #: the doc_id of a document read from standard input
SUFFIX = ".txt"  #: the files a folder contributes (recursively), and their gzip-compressed `.txt.gz`
GZIP = ".gz"  #: a file with this suffix is decompressed before anything else
UTF8 = "utf-8-sig"  #: the default decoding: UTF-8, a leading BOM dropped
AUTO = "auto"  #: the `--encoding` that chooses per file: a BOM's, else UTF-8, else cp1252
FALLBACK = "cp1252"  #: what `auto` reads text that is not UTF-8 as: Windows French, « » as 0xAB 0xBB
SAMPLE = "000_f9f8e09316241945.txt"  #: the bundled seed article, in quotecli/sample/


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document was read: its file, its line in a corpus file, and how far the file was read."""

    file: str
    line: int | None = None  # the line a JSON Lines or CSV record starts on; None for a whole file
    read: int = 0  # bytes of the file (as stored, compressed or not) read up to this document: for progress


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from: its id (the path as given or found), text and origin."""

    doc_id: str
    text: str
    path: Path | None = None  # None for stdin and corpus records
    meta: Mapping[str, Any] = field(default_factory=dict)  # e.g. date, publisher
    origin: Origin | None = field(default=None, compare=False)  # where it was read from
    encoding: str | None = field(default=None, compare=False)  # what the text was decoded from: "utf-8", "cp1252"…


class Problem(str, Enum):
    """Why an input gave no document."""

    MISSING = "missing"  # the path does not exist
    UNREADABLE = "unreadable"  # the OS refused to read it
    UNDECODABLE = "undecodable"  # not valid text in the chosen encoding
    BINARY = "binary"  # NUL characters: not a text file
    NO_TEXT_FILES = "no_text_files"  # a folder without any *.txt file
    MALFORMED = "malformed"  # a corpus record that is not valid JSON or CSV, or has no text
    FAILED = "failed"  # the engine raised on this document


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not become a document: errors are data here."""

    path: str
    problem: Problem
    message: str  # one line, naming the path


def missing(paths: Iterable[str]) -> list[str]:
    """The given paths that do not exist (`-` always exists)."""
    return [p for p in paths if p != STDIN and not os.path.exists(p)]


def documents(
    paths: Iterable[str], encoding: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | InputError]:
    """Each path read in turn: files as given, folders walked, `-` as stdin."""
    for path in paths:
        if path == STDIN:
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
            decoded = decode_as(data, STDIN_ID, encoding)
            yield Document(STDIN_ID, decoded[0], encoding=decoded[1]) if isinstance(decoded, tuple) else decoded
        elif os.path.isdir(path):
            found = text_files(path)
            if not found:
                yield InputError(path, Problem.NO_TEXT_FILES, f"{path}: no *{SUFFIX} or *{SUFFIX}{GZIP} file in this folder")
            for file in found:
                doc = read_file(file, encoding)
                if isinstance(doc, InputError) and doc.problem is Problem.MISSING:  # listed, then deleted
                    doc = InputError(file, Problem.MISSING, f"{file}: deleted since {path} was listed; skipped")
                yield doc
        else:
            yield read_file(path, encoding)


def text_files(folder: str) -> list[str]:
    """The `*.txt` and `*.txt.gz` files under `folder`, recursively, sorted; symlinked folders not followed."""
    found = []
    for top, _dirs, files in os.walk(folder):
        found.extend(os.path.join(top, f) for f in files if f.endswith((SUFFIX, SUFFIX + GZIP)))
    return sorted(found, key=lambda p: Path(p).parts)


def read_file(path: str, encoding: str | None = None) -> Document | InputError:
    """One file as a `Document`, or why it cannot be one."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return InputError(path, Problem.MISSING, f"{path}: no such file or directory")
    except OSError as e:
        return InputError(path, Problem.UNREADABLE, f"{path}: cannot read: {e.strerror or e}")
    size = len(data)
    if path.endswith(GZIP):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            return InputError(path, Problem.UNREADABLE, f"{path}: not valid gzip data ({e}); skipped: the file is truncated or corrupt")
    decoded = decode_as(data, path, encoding)
    if isinstance(decoded, InputError):
        return decoded
    return Document(path, decoded[0], Path(path), origin=Origin(path, read=size), encoding=decoded[1])


def decode(data: bytes, name: str, encoding: str | None = None) -> str | InputError:
    """Bytes as text, exactly (no newline translation); NUL characters mean binary."""
    decoded = decode_as(data, name, encoding)
    return decoded[0] if isinstance(decoded, tuple) else decoded


def decode_as(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str] | InputError:
    """Bytes as text, and the encoding they were read as (`auto`: the one it chose); NUL characters mean binary."""
    codec = auto_encoding(data) if encoding == AUTO else encoding or UTF8
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if b"\0" in data and not utf16:
            return _binary(name)
        hint = "try --encoding latin-1" if encoding == AUTO else "try another --encoding" if encoding else \
            f"try --encoding {'utf-16' if utf16 else 'cp1252'}"
        where = f"byte 0x{data[e.start]:02x} at offset {e.start}"
        what = f"UTF-8 nor {FALLBACK}" if encoding == AUTO else encoding or "UTF-8"
        return InputError(name, Problem.UNDECODABLE, f"{name}: not valid {what} ({where}); {hint}")
    return _binary(name) if "\0" in text else (text, "utf-8" if codec == UTF8 else codec)


def auto_encoding(data: bytes) -> str:
    """The encoding `--encoding auto` reads `data` as: a byte-order mark's, else UTF-8 if valid, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return UTF8
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return UTF8 if valid_utf8(data) else FALLBACK


def valid_utf8(data: bytes) -> bool:
    """Whether `data` decodes as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _binary(name: str) -> InputError:
    return InputError(name, Problem.BINARY, f"{name}: binary file (NUL bytes), skipped")


def sample() -> Document:
    """The bundled seed article, shipped inside the package (works from a wheel too)."""
    resource = resources.files("quotecli") / "sample" / SAMPLE
    path = Path(str(resource)) if isinstance(resource, Path) else None
    return Document(SAMPLE, resource.read_bytes().decode(UTF8), path)


def stdin_is_piped(stream: IO[Any] | None) -> bool:
    """True when stdin carries input: a pipe or a redirected file, not a terminal or /dev/null."""
    if stream is None or stream.closed:
        return False
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError):  # an in-memory stream (as in tests): input was given
        return not stream.isatty()
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def paths_or_stdin(paths: Sequence[str] | None, stdin: IO[Any] | None) -> list[str] | None:
    """The paths to read: as given, else `-` when stdin is piped, else None (use the sample)."""
    if paths:
        return list(paths)
    return [STDIN] if stdin_is_piped(stdin) else None
