"""Shared fixtures: a private copy of the data tree to break, and the command run in this process or a subprocess."""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
_SESSION_START = time.time()

# Under pytest-xdist each worker gets its own temporary directory, for itself and the commands it starts: tests that
# check what a command leaves in the temporary directory must not see what the other worker's tests are doing.
if "PYTEST_XDIST_WORKER" in os.environ:
    _WORKER_TMP = tempfile.mkdtemp(prefix=f"pytest-worker-{os.environ['PYTEST_XDIST_WORKER']}-")
    os.environ["TMPDIR"] = tempfile.tempdir = _WORKER_TMP
    atexit.register(shutil.rmtree, _WORKER_TMP, ignore_errors=True)

# Fuzzing profiles: "ci" (the default) is small and derandomized, so every run tries the same examples and the
# report table in DATASHEET.md is reproducible; "long" (run by .ci/run after the suite) tries ten times as many,
# still derandomized; HYPOTHESIS_PROFILE=local runs many more, with fresh random examples.
settings.register_profile(
    "ci", max_examples=30, derandomize=True, deadline=None, database=None, print_blob=True
)
settings.register_profile(
    "long", max_examples=300, derandomize=True, deadline=None, database=None, print_blob=True
)
settings.register_profile("local", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


def run_process(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command in a subprocess (the entry point, exit codes, output encoding); a hang fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "corpus_ds", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command run in this process (cli.main), its output encoded as in a UTF-8 terminal.

    A tenth of a subprocess's cost; an exception that escapes cli.main is printed as a traceback with exit 1, as
    the interpreter would, so that tests see what a user would see.
    """
    from corpus_ds import cli

    out, err = io.BytesIO(), io.BytesIO()
    stdout, stderr = (
        io.TextIOWrapper(b, encoding="utf-8", errors="strict", newline="\n") for b in (out, err)
    )
    here = os.getcwd()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            if cwd is not None:
                os.chdir(cwd)
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:  # noqa: BLE001 (shown as the interpreter would show it)
            traceback.print_exc()
            code = 1
        finally:
            os.chdir(here)
            stdout.flush()
            stderr.flush()
    return subprocess.CompletedProcess(
        ["corpus-ds", *args], code, out.getvalue().decode(), err.getvalue().decode()
    )


def pytest_terminal_summary(terminalreporter) -> None:
    """Name the artefacts the browser tests saved (screenshots of the review site), so CI logs show where they are."""
    artefacts = sorted(
        p for p in (REPO / "test-artifacts").rglob("*.png") if p.stat().st_mtime >= _SESSION_START
    )
    if artefacts:
        terminalreporter.section("artefacts")
        for path in artefacts:
            terminalreporter.write_line(str(path))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With -n (pytest-xdist, default --dist load): each test is handed to the next free worker, except the tests of
    the hostile-input table, which go together to one worker in collection order (their tallies are module state),
    and the files of ONE_WORKER_FILES, each to one worker. Grouped here by file name, not by xdist_group marks:
    pytest 9.2 no longer sees the node-id suffixes those use."""
    if config.getvalue("dist") != "load":
        return None
    import report_table
    from xdist.scheduler import LoadScopeScheduling

    class TableOnOneWorker(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = Path(nodeid.split("::", 1)[0]).name
            if file in report_table.TALLYING_FILES and self._table_checked():
                return "hostile-input table"
            return file if file in ONE_WORKER_FILES else nodeid

        def _table_checked(self) -> bool:
            """Whether the table's live check runs (without it, as in the long fuzzing pass, nothing is tallied)."""
            if not hasattr(self, "_live_check"):  # worked out once, from the collection every worker sent
                live = any(nodeid.endswith(report_table.LIVE_CHECK) for nodeid in self.collection or ())
                self._live_check = live
            return self._live_check

    return TableOnOneWorker(config, log)


# Test files whose tests go to one worker together: those whose module-scoped fixtures are costly (a browser, a
# released clone, a built wheel, scored pages), so that the fixture is made once, and those holding the longest
# tests (the sanitizer run, whole contributions, the bomb), so that they start early: the scheduler hands out groups
# before single tests, larger groups first, and a long test handed out last keeps the whole run waiting.
ONE_WORKER_FILES = (
    "test_site_browser.py",
    "test_transactions.py",
    "test_wheel.py",
    "test_cleaning.py",
    "test_croissant.py",
    "test_engines.py",
    "test_event_data.py",
    "test_hub.py",
    "test_textkernel.py",
    "test_contribute.py",
    "test_release_hardening.py",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--write-report-table",
        action="store_true",
        help="write this run's hostile-input table into DATASHEET.md (see tests/test_report_table.py)",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]):
    """The table's tests run last, the live check first (so --write-report-table writes before the table is read),
    and the live check only in a run holding every test the table reports on."""
    yield  # after -k, -m and other deselection
    import report_table

    def name(item: pytest.Item) -> str:
        return f"{item.path.name}::{item.name}"

    table_tests = [item for item in items if item.path.name == report_table.LIVE_CHECK.split("::")[0]]
    for item in table_tests:
        items.remove(item)
    live = [item for item in table_tests if name(item) == report_table.LIVE_CHECK]
    if live and not report_table.required_tests() <= {name(item) for item in items}:
        config.hook.pytest_deselected(items=live)
        table_tests.remove(live[0])
    items.extend(sorted(table_tests, key=lambda item: name(item) != report_table.LIVE_CHECK))
