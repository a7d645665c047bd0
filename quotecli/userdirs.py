"""Where quotecli keeps things for a user, by each platform's conventions.

Data (the collection) must last; a cache (compiled patterns) can be deleted
at any time and is rebuilt. Both take the environment and the platform as
arguments so that tests can ask for any of them.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def data_home(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """quotecli's data folder: XDG_DATA_HOME or ~/.local/share on Linux."""
    home = _home(env)
    if platform == "win32":
        return Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local") / "quotecli"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "quotecli"
    return _xdg(env, "XDG_DATA_HOME", home / ".local" / "share") / "quotecli"


def cache_home(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """quotecli's cache folder: XDG_CACHE_HOME or ~/.cache on Linux."""
    home = _home(env)
    if platform == "win32":
        return Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local") / "quotecli" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "quotecli"
    return _xdg(env, "XDG_CACHE_HOME", home / ".cache") / "quotecli"


def _home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or Path.home())


def _xdg(env: Mapping[str, str], name: str, default: Path) -> Path:
    """The XDG base directory spec: a relative path in the variable is invalid and ignored."""
    value = env.get(name, "")
    return Path(value) if os.path.isabs(value) else default
