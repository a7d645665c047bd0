"""Compiled patterns kept between runs, as Python keeps bytecode.

The regex module parses a pattern in Python. With their word lists spliced
in as tries, MENTION and APPOSITION_ROLE took most of a second to compile:
every run paid it before reading a word, `quotecli list article.txt` as much
as a corpus. A compiled regex pattern pickles as its compiled code, and
loading that takes milliseconds. So the first run compiles each pattern and
stores it in the user's cache folder (`QUOTECLI_CACHE` to choose another),
under a name made of everything the code depends on: the pattern's text, its
flags, the regex module's version and Python's. Later runs load it.

The cache is never needed: a missing, unreadable, corrupt or unwritable one
means compiling, as before, and nothing is said. A cache file is unpickled
only as a regex pattern: any other object it names is refused.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import regex

from quotecli import userdirs

ENV = "QUOTECLI_CACHE"  #: the cache folder, instead of the user's; empty: no cache
#: What the compiled code of a pattern depends on, besides the pattern and its flags.
_CODE_VERSION = f"regex {regex.__version__}, Python {sys.version_info[0]}.{sys.version_info[1]}"


def folder(env: Mapping[str, str] = os.environ) -> Path | None:
    """Where compiled patterns are kept; None when `QUOTECLI_CACHE` is set empty."""
    if ENV in env:
        return Path(env[ENV]).expanduser() if env[ENV] else None
    return userdirs.cache_home(env) / "patterns"


def compile(pattern: str, flags: int, where: Path | None = None) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, loaded from the cache in `where`
    (default: `folder()`) when it is there, stored there when it is not."""
    where = folder() if where is None else where
    if where is None:
        return regex.compile(pattern, flags)
    key = hashlib.sha256(f"{_CODE_VERSION}\n{flags}\n{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    path = where / f"{key}.pickle"
    found = _load(path, pattern)
    if found is not None:
        return found
    compiled = regex.compile(pattern, flags)
    _store(path, compiled)
    return compiled


class _PatternsOnly(pickle.Unpickler):
    """An unpickler that builds a regex pattern and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")


def _load(path: Path, pattern: str) -> regex.Pattern[str] | None:
    try:
        found = _PatternsOnly(io.BytesIO(path.read_bytes())).load()
    except Exception:  # noqa: BLE001  missing, unreadable, truncated, foreign: compile instead
        return None
    if not isinstance(found, regex.Pattern) or found.pattern != pattern:
        return None
    return found


def _store(path: Path, compiled: regex.Pattern[str]) -> None:
    """Write the compiled pattern whole or not at all: a temporary file
    renamed into place, so that a run reading alongside never sees half.
    A read-only home or a full disk leaves the cache as it was."""
    data = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
