"""Hostile and broken input through the real command: every kind in the catalogue gives exit 1 and a
located, coded message."""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import sys
from pathlib import Path

import pytest
import report_table
from catalogue import CATALOGUE, COMMANDS, TAMPERS, TOGETHER
from conftest import DATA, run_cli

import corpus_ds
from corpus_ds.errors import ISSUE_CODES, ValidationError

TODAY = "2026-11-24"
# Every line of a report: `file: field: message [code]` naming a documented code, or the closing count.
REPORT_LINE = re.compile(rf".+: .+: .* \[(?:{'|'.join(map(re.escape, ISSUE_CODES))})\]")
CLOSING = re.compile(r"\d+ problem\(s\)|valid: no problems found")
BY_ID = {d.id: d for d in CATALOGUE}


def reported(stdout: str, file: Path, field: str, code: str) -> bool:
    """True if a report line reads `file: field: message [code]` for exactly this file, field and code."""
    prefix = f"{file}: "
    for line in stdout.splitlines():
        if (
            line.startswith(prefix)
            and line.endswith(f"[{code}]")
            and line[len(prefix) :].split(": ", 1)[0] == field
        ):
            return True
    return False


def _stamp(tree: Path) -> dict:
    """Size and modification time of every file: enough to see a rewrite without reading huge files."""
    return {p: (p.lstat().st_size, p.lstat().st_mtime_ns) for p in tree.rglob("*")}


def _run(kind: str, case_id: str, *args: str):
    report_table.tried[kind].add(case_id)
    result = run_cli(*args)
    if "Traceback" in result.stdout + result.stderr or result.returncode not in (0, 1):
        report_table.crashes[kind] += 1
    return result


@pytest.mark.parametrize("defect", CATALOGUE, ids=[d.id for d in CATALOGUE])
def test_bad_contribution_is_reported_by_the_cli(data_copy, defect):
    defect.inject.apply(data_copy)
    before = _stamp(data_copy)
    result = _run("sources", defect.id, "validate", str(data_copy), "--today", TODAY)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert reported(result.stdout, data_copy / defect.file, defect.field, defect.code), (
        f"expected `{data_copy / defect.file}: {defect.field}: ... [{defect.code}]` in\n{result.stdout}"
    )
    assert _stamp(data_copy) == before, "validate changed the data tree"
    forged = [
        line
        for line in result.stdout.splitlines()
        if not (line.startswith(f"{data_copy}/") and REPORT_LINE.fullmatch(line))
        and not CLOSING.fullmatch(line)
    ]
    assert not forged, f"report lines that are not `file: field: message [code]` of the tree: {forged}"
    report_table.caught["sources"].add(defect.id)


def test_every_problem_of_a_tree_is_reported_in_one_run(data_copy):
    for name in TOGETHER:
        BY_ID[name].inject.apply(data_copy)
    result = run_cli("validate", str(data_copy), "--today", TODAY)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    missing = [
        n
        for n in TOGETHER
        if not reported(result.stdout, data_copy / BY_ID[n].file, BY_ID[n].field, BY_ID[n].code)
    ]
    assert not missing, result.stdout


def test_cli_validate_never_rewrites_sources(data_copy):
    """Byte for byte, on a valid tree and on a broken one."""
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    assert run_cli("validate", str(data_copy), "--today", TODAY).returncode == 0
    BY_ID["typo-key"].inject.apply(data_copy)
    BY_ID["crlf-line-ends"].inject.apply(data_copy)
    before[data_copy / "articles/ru-ma-0001.yaml"] = (data_copy / "articles/ru-ma-0001.yaml").read_bytes()
    assert run_cli("validate", str(data_copy), "--today", TODAY, "--json").returncode == 1
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("tamper", TAMPERS, ids=[t.id for t in TAMPERS])
def test_tampered_release_is_refused_by_load_and_the_cli(tmp_path, tamper):
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    tamper.inject.apply(release)
    report_table.tried["releases"].add(tamper.id)
    try:
        if not tamper.full_only:  # the default load() refuses it too, whichever rule sees it first
            with pytest.raises(ValidationError):
                corpus_ds.load(path=release)
        with pytest.raises(ValidationError) as raised:
            corpus_ds.load(path=release, validate="full")
    except Exception:
        report_table.crashes["releases"] += 1
        raise
    hits = [
        i
        for i in raised.value.report.issues
        if i.code == tamper.code and i.file == str(release / tamper.file)
    ]
    assert [i.field for i in hits if i.field == tamper.field], raised.value.report.format()
    assert f"{release / tamper.file}: {tamper.field}: " in str(raised.value)
    result = _run("releases", tamper.id, "validate", "--release", str(release), "--today", TODAY)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert reported(result.stdout, release / tamper.file, tamper.field, tamper.code), result.stdout
    report_table.caught["releases"].add(tamper.id)


class Hung(BaseException):
    """A command that did not return within its time (a BaseException: run_cli's catch-all must not take it)."""


@contextlib.contextmanager
def deadline(seconds: int):
    """Raise Hung in this (the main) thread after `seconds`: a blocking open() of a FIFO is interrupted by the
    signal, so a hang fails the case instead of the run."""

    def expire(signum, frame):
        raise Hung(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("case", COMMANDS, ids=[c.id for c in COMMANDS])
def test_hostile_input_to_every_command_is_refused_or_harmless(data_copy, tmp_path, case, monkeypatch):
    """Each case through cli.main with a deadline (a FIFO must never hang it): the expected exit code, the located
    message, never a traceback. The real entry point's own behaviour (exit codes, encoding, pipes) is tested in
    test_cli.py."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    args = case.setup(scratch, data_copy)
    report_table.tried["commands"].add(case.id)
    if case.without_duckdb:  # as on an install without the scale extra
        monkeypatch.setitem(sys.modules, "duckdb", None)
    try:
        with deadline(120):
            result = run_cli(*args)
    except Hung:
        report_table.crashes["commands"] += 1
        raise
    output = result.stdout + result.stderr
    if "Traceback" in output or result.returncode not in (0, 1):
        report_table.crashes["commands"] += 1
    assert "Traceback" not in output, output
    assert result.returncode == case.code, output
    assert case.expect in output, output
    if (
        args[0] == "new" and case.code == 0
    ):  # the draft is one its own validator reads: only what is left to do
        checked = run_cli("validate", str(data_copy), "--today", TODAY, "--json")
        codes = {issue["code"] for issue in __import__("json").loads(checked.stdout)}
        assert codes <= {"draft-article", "placeholder"}, checked.stdout
    report_table.caught["commands"].add(case.id)
