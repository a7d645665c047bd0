"""pattern_cache: compiled patterns kept between runs, never needed, never trusted beyond a pattern."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from conftest import ROOT

from quotecli import pattern_cache, userdirs

FLAGS = regex.VERBOSE | regex.VERSION1
PATTERN = r"(?P<name> \p{Lu}\p{Ll}++ ) \s++ (?: a | avait ) \s++ dit"
TEXT = "Hier, Dupont a dit non ; Martin avait dit oui."


def hits(p: regex.Pattern[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("name")) for m in p.finditer(TEXT)]


def test_the_first_call_compiles_and_stores_the_next_loads_the_same_pattern(tmp_path: Path) -> None:
    first = pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    stored = list(tmp_path.glob("*.pickle"))
    assert len(stored) == 1
    second = pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    assert second is not first  # loaded, not the same object
    assert hits(second) == hits(first) == [(6, 18, "Dupont"), (25, 41, "Martin")]
    assert (second.pattern, second.flags, second.groupindex) == (first.pattern, first.flags, first.groupindex)
    assert not list(tmp_path.glob("*.tmp"))  # written whole, then renamed


def test_another_pattern_or_other_flags_are_kept_apart(tmp_path: Path) -> None:
    pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    pattern_cache.compile(PATTERN, FLAGS | regex.IGNORECASE, tmp_path)
    pattern_cache.compile(PATTERN + " s", FLAGS, tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 3


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x04\x95"], ids=["empty", "garbage", "truncated"])
def test_a_broken_cache_file_is_compiled_over(tmp_path: Path, content: bytes) -> None:
    pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    stored.write_bytes(content)
    assert hits(pattern_cache.compile(PATTERN, FLAGS, tmp_path)) == [(6, 18, "Dupont"), (25, 41, "Martin")]
    assert stored.read_bytes() != content  # and mended


def test_a_cache_file_naming_anything_but_a_pattern_is_refused(tmp_path: Path) -> None:
    """A cache file is unpickled as a regex pattern or not at all: one that would call os.system is never run."""
    pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    witness = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {witness}",))

    stored.write_bytes(pickle.dumps(Evil()))
    assert hits(pattern_cache.compile(PATTERN, FLAGS, tmp_path)) == [(6, 18, "Dupont"), (25, 41, "Martin")]
    assert not witness.exists()


def test_a_pattern_stored_under_the_wrong_name_is_not_used(tmp_path: Path) -> None:
    pattern_cache.compile(PATTERN, FLAGS, tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    stored.write_bytes(pickle.dumps(regex.compile("Martin", FLAGS)))
    assert [m.group() for m in pattern_cache.compile(PATTERN, FLAGS, tmp_path).finditer(TEXT)] == ["Dupont a dit", "Martin avait dit"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a POSIX user that permissions apply to")
def test_an_unwritable_cache_folder_only_means_compiling(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert hits(pattern_cache.compile(PATTERN, FLAGS, tmp_path / "patterns")) == [(6, 18, "Dupont"), (25, 41, "Martin")]
    finally:
        tmp_path.chmod(0o700)


def test_a_cache_folder_that_is_a_file_only_means_compiling(tmp_path: Path) -> None:
    blocker = tmp_path / "patterns"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert hits(pattern_cache.compile(PATTERN, FLAGS, blocker)) == [(6, 18, "Dupont"), (25, 41, "Martin")]


def test_the_folder_follows_the_environment_and_the_platform() -> None:
    assert pattern_cache.folder({"QUOTECLI_CACHE": "/c", "HOME": "/h"}) == Path("/c")
    assert pattern_cache.folder({"QUOTECLI_CACHE": "", "HOME": "/h"}) is None  # set empty: no cache
    assert userdirs.cache_home({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "linux") == Path("/x/quotecli")
    assert userdirs.cache_home({"XDG_CACHE_HOME": "rel", "HOME": "/h"}, "linux") == Path("/h/.cache/quotecli")
    assert userdirs.cache_home({"HOME": "/h"}, "darwin") == Path("/h/Library/Caches/quotecli")
    assert userdirs.cache_home({"LOCALAPPDATA": "C:/L", "HOME": "/h"}, "win32") == Path("C:/L/quotecli/Cache")


def test_the_engine_reads_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    """A fresh process with an empty cache (compiling, storing), one with it filled (loading), one with none."""
    code = ("import json, sys; from quotecli import extract; "
            "text = open(sys.argv[1], encoding='utf-8').read(); "
            "print(json.dumps([r.to_dict() for r in extract(text)], ensure_ascii=False))")
    seed = str(next((ROOT / "seeds").glob("*.txt")))

    def run(cache: str) -> str:
        env = {**os.environ, "QUOTECLI_CACHE": cache, "PYTHONPATH": str(ROOT)}
        return subprocess.run([sys.executable, "-c", code, seed], env=env, capture_output=True, text=True, check=True).stdout

    compiled, loaded, uncached = run(str(tmp_path)), run(str(tmp_path)), run("")
    assert len(list(tmp_path.glob("*.pickle"))) >= 2  # MENTION, APPOSITION_ROLE and the other large ones
    assert compiled == loaded == uncached
    assert '"speaker": "Bachar al-Assad"' in loaded

