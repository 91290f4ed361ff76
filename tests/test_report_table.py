"""The hostile-input table in DATASHEET.md is generated from the tests: it must be what the catalogue and this run give.

Regenerate it with `python -m pytest tests/test_hostile.py tests/test_fuzz.py tests/test_report_table.py
--write-report-table`
(or the whole suite with the same option), under the default "ci" hypothesis profile.
"""

from __future__ import annotations

import os

import pytest
import report_table
import test_fuzz
from catalogue import CATALOGUE, COMMANDS, TAMPERS
from conftest import REPO

from corpus_ds import docs

DOCUMENT = REPO / report_table.DOCUMENT


def _committed() -> str:
    return docs.blocks(DOCUMENT.read_text(encoding="utf-8"))[report_table.SECTION]


def test_committed_table_covers_the_whole_catalogue_without_crashes():
    rows = dict(zip(report_table.ROWS, report_table.cells(_committed())))
    assert rows["sources"][1:3] == [str(len(CATALOGUE))] * 2
    assert rows["releases"][1:3] == [str(len(TAMPERS))] * 2
    assert rows["commands"][1:3] == [str(len(COMMANDS))] * 2
    assert len(CATALOGUE) + len(TAMPERS) >= 40
    for key in report_table.FUZZ_TESTS:
        assert int(rows[key][3]) > 0
    assert [row[4].strip("*") for row in report_table.cells(_committed())] == ["0"] * (
        len(report_table.ROWS) + 1
    )


def test_the_tests_behind_the_table_exist():
    for names in report_table.FUZZ_TESTS.values():
        for name in names:
            assert callable(getattr(test_fuzz, name)), name


def test_table_is_what_this_run_gave(request):
    """Runs last, and only when every test the table reports on ran in this session (see conftest.py)."""
    live = report_table.render()
    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    if request.config.getoption("--write-report-table"):
        if profile != "ci":
            pytest.fail(
                "the committed table records the ci profile; regenerate it without HYPOTHESIS_PROFILE"
            )
        docs.update(DOCUMENT, {report_table.SECTION: live})
    committed, now = report_table.cells(_committed()), report_table.cells(live)
    hint = "run the command in this module's docstring to regenerate the table"
    assert [r[:3] + r[4:] for r in committed] == [r[:3] + r[4:] for r in now], hint
    if profile == "ci":
        # hypothesis's derandomised runs may stop a draw earlier or later from one checkout to another (a fresh
        # clone ran one example fewer than the checkout that wrote the table): the count must stay close, so a
        # fuzz test that stops running fails here
        for old_row, new_row in zip(committed, now):
            if old_row[3] != "–":
                assert abs(int(new_row[3].strip("*")) - int(old_row[3].strip("*"))) <= 0.02 * int(
                    old_row[3].strip("*")
                ), hint
