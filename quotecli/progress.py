"""The progress bar of long runs, on stderr: part of the command line, like cli.py.

The bar advances by the bytes of the input files read (compressed bytes for a
`.gz`), so it has an end when the inputs are files; on stdin or `--files-from`
it only counts. Beside it: the time left, documents, megabytes of text
(UTF-8), quotations found and the rate in MB of text per second.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn

from quotecli import inputs
from quotecli.inputs import Document


def total_bytes(paths: Iterable[str]) -> int | None:
    """The size of the input files, folders' text files included; None when an input is stdin."""
    total = 0
    for path in paths:
        if path == inputs.STDIN:
            return None
        files = inputs.text_files(path) if os.path.isdir(path) else [path]
        total += sum(os.path.getsize(f) for f in files if os.path.isfile(f))
    return total


class Meter:
    """Counts documents, text and quotations as results arrive; shows them when `enabled`."""

    def __init__(self, console: Console, label: str, total: int | None, enabled: bool) -> None:
        self.documents = self.text_bytes = self.quotations = 0
        self._files_done = 0  # bytes of the input files finished
        self._file: str | None = None
        self._in_file = 0
        self._start = time.monotonic()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=10),
            TaskProgressColumn(),
            TimeRemainingColumn(),  # the closing summary line gives the time taken
            TextColumn("{task.fields[documents]:,} docs {task.fields[mb]:,.1f} MB {task.fields[quotations]:,} quotes {task.fields[rate]:.2f} MB/s"),
            console=console,
            disable=not enabled,
            transient=False,
            refresh_per_second=4,
            redirect_stdout=False,  # stdout carries the data: never through the stderr console
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(label, total=total, documents=0, mb=0.0, quotations=0, rate=0.0)

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()

    def advance(self, doc: Document, quotations: int) -> None:
        """One more document done, with its number of quotations."""
        self.documents += 1
        self.text_bytes += len(doc.text.encode("utf-8", "surrogatepass"))
        self.quotations += quotations
        if doc.origin is not None:
            if doc.origin.file != self._file:
                self._files_done += self._in_file
                self._file = doc.origin.file
            self._in_file = doc.origin.read
        seconds = max(time.monotonic() - self._start, 1e-9)
        mb = self.text_bytes / 1e6
        self._progress.update(
            self._task,
            completed=self._files_done + self._in_file,
            documents=self.documents,
            mb=mb,
            quotations=self.quotations,
            rate=mb / seconds,
        )

    @property
    def seconds(self) -> float:
        return time.monotonic() - self._start
