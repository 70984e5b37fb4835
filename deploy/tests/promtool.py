"""Finds promtool (Prometheus's own rule checker), built by install-promtool.sh, and runs it."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def path() -> str:
    found = os.environ.get("ORDERFLOW_PROMTOOL") or shutil.which("promtool")
    if found:
        return found
    cache = Path(os.environ.get("ORDERFLOW_CACHE_DIR")
                 or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orderflow")
    built = cache / "bin" / "promtool"
    if built.is_file():
        return str(built)
    raise AssertionError("promtool is not installed: run deploy/tests/install-promtool.sh (needs Go)")


def run(*args: str) -> subprocess.CompletedProcess:
    """promtool with these arguments; its output in the result, never raises on a non-zero exit."""
    return subprocess.run([path(), *args], capture_output=True, text=True, check=False)
