"""inputs.py: paths, folders and stdin become documents or errors, never exceptions."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from conftest import ROOT

from quotecli import inputs
from quotecli.inputs import Document, InputError, Problem


def write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def test_a_file_becomes_a_document_named_by_its_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "« Rien », a-t-il dit.".encode())
    assert list(inputs.documents([path])) == [Document(path, "« Rien », a-t-il dit.", Path(path))]


def test_a_folder_gives_its_txt_files_recursively_in_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "notes.md", "a/TXT"]:
        write(tmp_path / name, b"x")
    ids = [d.doc_id for d in inputs.documents([str(tmp_path)])]
    rel = [os.path.relpath(i, tmp_path) for i in ids]
    assert rel == ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]
    assert all(i.startswith(str(tmp_path)) for i in ids)  # the path as found from the one given


def test_an_explicit_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", b"x")
    assert [d.doc_id for d in inputs.documents([path])] == [path]


def test_a_folder_without_txt_files_is_a_warning_not_silence(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", b"x")
    [error] = inputs.documents([str(tmp_path)])
    assert isinstance(error, InputError) and error.problem is Problem.NO_TEXT_FILES


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "real" / "a.txt", b"x")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    assert len(list(inputs.documents([str(tmp_path / "real")]))) == 1


def test_dash_reads_stdin_as_bytes() -> None:
    [doc] = inputs.documents(["-"], stdin=io.BytesIO("«\u202fOui\u202f»\r\n".encode()))
    assert doc == Document(inputs.STDIN_ID, "«\u202fOui\u202f»\r\n")


def test_newlines_are_not_translated(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"a\r\nb\rc\n")
    [doc] = inputs.documents([path])
    assert isinstance(doc, Document) and doc.text == "a\r\nb\rc\n"


def test_a_utf8_bom_is_not_text(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", "\ufeff« Oui »".encode())
    [doc] = inputs.documents([path])
    assert isinstance(doc, Document) and doc.text == "« Oui »"


def test_an_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    assert list(inputs.documents([path])) == [Document(path, "", Path(path))]


def test_latin1_bytes_are_an_error_naming_the_file_and_suggesting_an_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "« Très bien »".encode("cp1252"))
    [error] = inputs.documents([path])
    assert isinstance(error, InputError) and error.problem is Problem.UNDECODABLE
    assert error.path == path
    assert error.message.startswith(f"{path}: not valid UTF-8 (byte 0xab at offset 0)")
    assert "--encoding cp1252" in error.message
    assert "\n" not in error.message


def test_the_encoding_can_be_chosen(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "« Très bien »".encode("cp1252"))
    [doc] = inputs.documents([path], encoding="cp1252")
    assert isinstance(doc, Document) and doc.text == "« Très bien »"


def test_a_wrong_chosen_encoding_does_not_suggest_itself(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "café".encode())
    [error] = inputs.documents([path], encoding="ascii")
    assert isinstance(error, InputError)
    assert "not valid ascii" in error.message and "cp1252" not in error.message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"plain ascii\x00with a NUL"])
def test_nul_bytes_mean_binary(tmp_path: Path, data: bytes) -> None:
    [error] = inputs.documents([write(tmp_path / "x.txt", data)])
    assert isinstance(error, InputError) and error.problem is Problem.BINARY


def test_utf16_is_recognised_and_read_when_asked_for(tmp_path: Path) -> None:
    path = write(tmp_path / "u16.txt", "« Oui »".encode("utf-16"))
    [error] = inputs.documents([path])
    assert isinstance(error, InputError) and error.problem is Problem.UNDECODABLE
    assert error.message.endswith("try --encoding utf-16")
    [doc] = inputs.documents([path], encoding="utf-16")
    assert isinstance(doc, Document) and doc.text == "« Oui »"


def test_missing_and_unreadable_paths_are_errors(tmp_path: Path) -> None:
    gone = str(tmp_path / "gone.txt")
    assert [e.problem for e in inputs.documents([gone])] == [Problem.MISSING]  # type: ignore[union-attr]
    error = inputs.read_file(str(tmp_path))  # a folder cannot be read as a file
    assert isinstance(error, InputError) and error.problem is Problem.UNREADABLE


def test_missing_lists_the_paths_that_do_not_exist(tmp_path: Path) -> None:
    there = write(tmp_path / "a.txt", b"")
    assert inputs.missing([there, "-", str(tmp_path / "no"), str(tmp_path)]) == [str(tmp_path / "no")]


def test_the_sample_is_the_seed_article() -> None:
    doc = inputs.sample()
    assert doc.doc_id == inputs.SAMPLE
    assert doc.text == (ROOT / "seeds" / inputs.SAMPLE).read_text(encoding="utf-8")


def test_stdin_is_piped_for_pipes_and_files_not_for_devnull(tmp_path: Path) -> None:
    read, write_end = os.pipe()
    with os.fdopen(read, "rb") as pipe, os.fdopen(write_end, "wb"):
        assert inputs.stdin_is_piped(pipe)
    with open(os.devnull, "rb") as devnull:
        assert not inputs.stdin_is_piped(devnull)
    with open(write(tmp_path / "in.txt", b"x"), "rb") as file:
        assert inputs.stdin_is_piped(file)
    assert inputs.stdin_is_piped(io.BytesIO(b""))  # in-memory input: given on purpose
    assert not inputs.stdin_is_piped(None)


def test_paths_or_stdin() -> None:
    assert inputs.paths_or_stdin(["a", "b"], None) == ["a", "b"]
    assert inputs.paths_or_stdin([], io.BytesIO()) == ["-"]
    assert inputs.paths_or_stdin(None, None) is None
