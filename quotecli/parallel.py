"""Extraction over many documents in worker processes, in input order, in bounded memory.

Documents are grouped into chunks (a few dozen documents or ~64 KB of text),
and each chunk is one task for a `multiprocessing.Pool`. At most `WINDOW`
chunks per worker are in flight: the input is read only as fast as results are
taken, so memory stays bounded however large the corpus and however slow the
consumer (a pager, a disk). Results come back in input order whatever the
number of workers, so `--jobs 1` and `--jobs N` print the same bytes.

`Pool.imap` is not used because its feeder thread reads the input as fast as
workers take tasks and its results queue grows without bound when the
consumer is slower than the workers; `apply_async` with a window is bounded.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import TypeVar

from quotecli.inputs import Document, InputError, Problem
from quotecli.model import Record

T = TypeVar("T")
Extract = Callable[..., Sequence[Record]]  #: `extract(text, doc_id=...)`
Result = tuple[Document, Sequence[Record]]

CHUNK_DOCUMENTS = 32  #: documents per task, at most ...
CHUNK_CHARS = 64_000  #: ... and characters of text (a task is cut after the document that passes this)
WINDOW = 3  #: chunks in flight per worker: enough to keep workers busy while results are consumed


def cores() -> int:
    """The processors this process may run on (its affinity, not the machine's count, in a container)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_all(
    items: Iterable[Document | T],
    jobs: int | None = None,
    extract: Extract | None = None,
    chunk_documents: int = CHUNK_DOCUMENTS,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Result | InputError | T]:
    """`(document, records)` for each document of `items`, in order; other items are passed through.

    A document on which the engine raises becomes an `InputError` (FAILED)
    and the run goes on. `jobs` is the number of worker processes (default:
    the cores); with 1, or when the input fits in one chunk, extraction runs
    in this process. `extract` (default: the engine) must be importable by
    name (a module-level function) when `jobs` > 1.
    """
    if extract is None:
        from quotecli.pipeline import extract
    jobs = jobs or cores()
    chunks = _chunks(items, chunk_documents, chunk_chars)
    first, second = next(chunks, None), next(chunks, None)
    if jobs == 1 or second is None:
        for chunk in chain([first, second], chunks):
            if chunk is not None:
                yield from _merge(chunk, _extract_chunk(extract, _payload(chunk)))
        return
    yield from _pooled(chain([first, second], chunks), jobs, extract)


def _pooled(chunks: Iterator[list[Document | T]], jobs: int, extract: Extract) -> Iterator[Result | InputError | T]:
    """The results of `chunks` extracted by `jobs` worker processes, in order, with `WINDOW * jobs` in flight."""
    import quotecli.pipeline  # noqa: F401  loaded before forking, workers share its compiled patterns

    with multiprocessing.get_context().Pool(jobs, initializer=_ignore_sigint) as pool:
        pending: deque[tuple[list[Document | T], multiprocessing.pool.AsyncResult]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_extract_chunk, (extract, _payload(chunk)))))
            if len(pending) >= WINDOW * jobs:
                done, result = pending.popleft()
                yield from _merge(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield from _merge(done, result.get())


def _chunks(items: Iterable[Document | T], documents: int, chars: int) -> Iterator[list[Document | T]]:
    """`items` in lists of at most `documents` documents or about `chars` characters of text."""
    chunk: list[Document | T] = []
    count = size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            count += 1
            size += len(item.text)
            if count >= documents or size >= chars:
                yield chunk
                chunk, count, size = [], 0, 0
    if chunk:
        yield chunk


def _payload(chunk: Sequence[object]) -> list[tuple[str, str] | None]:
    """What a worker needs: (doc_id, text) of each document, None in place of other items."""
    return [(item.doc_id, item.text) if isinstance(item, Document) else None for item in chunk]


def _extract_chunk(extract: Extract, payload: Sequence[tuple[str, str] | None]) -> list[Sequence[Record] | str | None]:
    """The records of each document of a chunk, or the engine's error as text (runs in a worker)."""
    out: list[Sequence[Record] | str | None] = []
    for job in payload:
        if job is None:
            out.append(None)
            continue
        doc_id, text = job
        try:
            out.append(list(extract(text, doc_id=doc_id)))
        except Exception as e:  # noqa: BLE001  one document must not stop a corpus
            out.append(" ".join(f"{type(e).__name__}: {e}".split()))  # one line
    return out


def _merge(chunk: Sequence[Document | T], results: Sequence[Sequence[Record] | str | None]) -> Iterator[Result | InputError | T]:
    for item, result in zip(chunk, results, strict=True):
        if not isinstance(item, Document):
            yield item
        elif isinstance(result, str):
            yield InputError(item.doc_id, Problem.FAILED, f"{item.doc_id}: extraction failed ({result}); skipped")
        else:
            yield item, result  # type: ignore[misc]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and rolls back cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
