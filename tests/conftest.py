"""Shared fixtures: a private copy of the data tree to break, and the real CLI run in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
_SESSION_START = time.time()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ (sources, raw captures, registry, committed release) that a test may damage."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def mutate(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text to replace is not there (so a test cannot pass vacuously)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpus_ds", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def pytest_terminal_summary(terminalreporter) -> None:
    """Name the artefacts the browser tests saved (screenshots of the review site), so CI logs show where they are."""
    artefacts = sorted(p for p in (REPO / "test-artifacts").rglob("*.png") if p.stat().st_mtime >= _SESSION_START)
    if artefacts:
        terminalreporter.section("artefacts")
        for path in artefacts:
            terminalreporter.write_line(str(path))
