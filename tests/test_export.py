"""export.py: rows as JSON, JSON Lines and CSV, every schema key in every row."""
from __future__ import annotations

import csv
import io
import json

import fake_engine
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecli import export
from quotecli.model import FIELDS

TEXT = "Bachar al-Assad|« Il n'y a pas, d'autre \"option\" »\n|sans locuteur\n"
ROWS = list(export.rows(fake_engine.extract(TEXT, doc_id="a.txt")))


def test_rows_are_the_flat_records_with_every_field() -> None:
    assert [list(r) for r in ROWS] == [list(FIELDS)] * 2
    assert ROWS[1]["speaker"] is None and ROWS[1]["doc_id"] == "a.txt"


def test_jsonl_is_one_object_a_line_in_schema_order() -> None:
    out = "".join(export.lines(ROWS, "jsonl", FIELDS))
    lines = out.splitlines()
    assert len(lines) == 2 and out.endswith("\n")
    assert [list(json.loads(line)) for line in lines] == [list(FIELDS)] * 2
    assert json.loads(lines[0])["quote"] == "« Il n'y a pas, d'autre \"option\" »"
    assert "«" in lines[0]  # UTF-8, not \u00ab escapes


def test_json_is_one_array() -> None:
    out = "".join(export.lines(ROWS, "json", FIELDS))
    assert json.loads(out) == [dict(r) for r in ROWS]
    assert "".join(export.lines([], "json", FIELDS)) == "[]\n"


def test_json_streams_row_by_row() -> None:
    chunks = export.lines(iter(ROWS), "json", FIELDS)
    assert next(chunks).startswith("[\n{")  # written before the other rows are made


def test_csv_has_a_header_empty_nulls_and_json_lists() -> None:
    out = "".join(export.lines(ROWS, "csv", FIELDS))
    table = list(csv.DictReader(io.StringIO(out)))
    assert list(table[0]) == list(FIELDS)
    assert table[0]["quote"] == ROWS[0]["quote"]  # commas and quotes survive
    assert table[1]["speaker"] == ""
    assert json.loads(table[0]["fragments"]) == ROWS[0]["fragments"]
    assert json.loads(table[0]["flags"]) == []
    assert table[0]["quote_start"] == str(ROWS[0]["quote_start"])


def test_csv_without_rows_is_its_header() -> None:
    assert "".join(export.lines([], "csv", FIELDS)) == ",".join(FIELDS) + "\n"


def test_a_row_missing_a_field_is_a_bug_not_a_gap() -> None:
    row = dict(ROWS[0])
    del row["speaker"]
    with pytest.raises(KeyError):
        list(export.lines([row], "jsonl", FIELDS))


def test_there_are_no_colour_codes() -> None:
    for fmt in export.FORMATS:
        assert "\x1b" not in "".join(export.lines(ROWS, fmt, FIELDS))


@given(st.text(min_size=1).filter(lambda s: "|" not in s and not set(s) & set("\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e")))
def test_any_quote_survives_every_format(quote: str) -> None:
    [row] = export.rows(fake_engine.extract(f"X|{quote}"))
    assert json.loads("".join(export.lines([row], "jsonl", FIELDS)))["quote"] == quote
    assert json.loads("".join(export.lines([row], "json", FIELDS)))[0]["quote"] == quote
    [back] = csv.DictReader(io.StringIO("".join(export.lines([row], "csv", FIELDS)), newline=""))
    assert back["quote"] == quote
