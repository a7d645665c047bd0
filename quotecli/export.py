"""Records as machine-readable text: JSON, JSON Lines and CSV.

Every command emits rows through `lines()`, so all of them share the same
formats. A row is a flat mapping (a record's `to_dict()`, the schema
documented in README.md). Non-ASCII text is written as is (no `\\u` escapes)
and there are no colour codes, ever.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from quotecli.model import Record

Row = Mapping[str, Any]


def rows(records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    """Each record as its flat JSON object (every schema key present)."""
    return (r.to_dict() for r in records)


class JsonRow(Mapping[str, Any]):
    """A row kept as the JSON text `jsonl()` wrote for it (keys `fields`, in order), as a collection
    stores records: `jsonl()` writes the text back as it is, and it is parsed only when a key is read."""

    __slots__ = ("_row", "fields", "text")

    def __init__(self, text: str, fields: Sequence[str]) -> None:
        self.text, self.fields = text, tuple(fields)
        self._row: dict[str, Any] | None = None

    def _parsed(self) -> dict[str, Any]:
        if self._row is None:
            self._row = json.loads(self.text)
        return self._row

    def __getitem__(self, key: str) -> Any:
        return self._parsed()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())


def jsonl(rows: Iterable[Row], fields: Sequence[str]) -> Iterator[str]:
    """JSON Lines: one object a line, keys in `fields` order."""
    fields = tuple(fields)
    for row in rows:
        if isinstance(row, JsonRow) and row.fields == fields:
            yield row.text + "\n"  # the very text this function wrote when the row was stored
        else:
            yield json.dumps({k: row[k] for k in fields}, ensure_ascii=False) + "\n"


def json_array(rows: Iterable[Row], fields: Sequence[str]) -> Iterator[str]:
    """One JSON array, streamed: one object a line between `[` and `]`."""
    sep = "[\n"
    for line in jsonl(rows, fields):
        yield sep + line.removesuffix("\n")
        sep = ",\n"
    yield "[]\n" if sep == "[\n" else "\n]\n"


def _cell(value: Any) -> Any:
    """A CSV cell: null is empty, lists and objects are compact JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def csv_rows(rows: Iterable[Row], fields: Sequence[str]) -> Iterator[str]:
    """CSV with a header of `fields`; always the header, even with no rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    yield _take(buffer)
    for row in rows:
        writer.writerow([_cell(row[k]) for k in fields])
        yield _take(buffer)


def _take(buffer: io.StringIO) -> str:
    """What was written to `buffer`, emptying it."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


#: The machine formats by name: each turns rows into chunks of text to write.
FORMATS: dict[str, Callable[[Iterable[Row], Sequence[str]], Iterator[str]]] = {
    "json": json_array,
    "jsonl": jsonl,
    "csv": csv_rows,
}


def lines(rows: Iterable[Row], fmt: str, fields: Sequence[str]) -> Iterator[str]:
    """`rows` as text in format `fmt` (a key of FORMATS), streamed chunk by chunk."""
    return FORMATS[fmt](rows, fields)


def json_object(rows: Iterable[Row], fields: Sequence[str], key: str, extra: Mapping[str, Any]) -> Iterator[str]:
    """One JSON object: `rows` as an array under `key` (one row a line), then the keys of `extra`.

    For commands whose output is a list plus figures about all of it
    (`quotecli speakers --format json`: `{"speakers": [...], "summary": {...}}`).
    """
    yield "{" + json.dumps(key, ensure_ascii=False) + ": "
    array = "".join(json_array(rows, fields)).removesuffix("\n")
    tail = "".join(f",\n{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items())
    yield array + tail + "\n}\n"
