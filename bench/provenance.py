"""What a benchmark result was measured on: the code, the interpreter, the machine's load.

Shared by the scripts of bench/ (run as `python bench/NAME.py`, which puts
this folder on the import path).
"""
from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def provenance() -> dict[str, object]:
    """The quotecli version and commit (and whether the tree differs from it), Python, the cores,
    the load average (other processes on the machine skew wall-clock figures) and the time."""
    from quotecli import __version__, parallel

    return {
        "quotecli": __version__,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "cores": parallel.cores(),
        "load_average": os.getloadavg(),
        "when": datetime.now().isoformat(timespec="seconds"),
    }


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
