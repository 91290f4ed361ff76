"""Documentation agrees with the code and the data: every column documented, counts true, README commands real."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
import pytest

from conftest import DATA, REPO
from corpus_ds import columns, docs, models


def _release():
    return {name: pq.read_table(DATA / "release" / f"{name}.parquet") for name in columns.TABLES}


def test_datasheet_documents_every_column_of_every_table():
    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["columns"]
    assert block == docs.columns_section(), "run `corpus-ds docs`"
    for table in columns.TABLES:
        for column in columns.COLUMNS[table]:
            assert f"| `{column}` |" in block
            assert columns.description(table, column), f"{table}.{column} has no description"


def test_datasheet_counts_match_the_data():
    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["counts"]
    assert block == docs.counts_section(_release()), "run `corpus-ds docs`"
    n_sources = len(list((DATA / "articles").glob("*.yaml")))
    assert f"| articles | {n_sources} |" in block


def test_codebook_lists_every_vocabulary_value():
    text = (REPO / "CODEBOOK.md").read_text(encoding="utf-8")
    assert docs.blocks(text)["vocabulary"] == docs.vocabulary_section()
    for vocab in (models.INSTRUMENTS, models.STATUSES, models.SECTORS, models.EVENT_TYPES, models.ROLES,
                  models.REMOVAL_REASONS, models.AGREEMENT_TYPES, models.CITED_KINDS):
        for value in vocab:
            assert f"| `{value}` |" in text


@pytest.mark.parametrize("name", ["README.md", "DATASHEET.md", "CODEBOOK.md", "CHANGELOG.md", "LICENSE", "LICENSE-DATA", "CITATION.cff",
                                  "CONTRIBUTING.md", ".github/pull_request_template.md",
                                  ".github/ISSUE_TEMPLATE/new-article.md", ".github/ISSUE_TEMPLATE/label-correction.md"])
def test_documents_exist(name):
    assert (REPO / name).read_text(encoding="utf-8").strip()


def test_readme_starts_with_the_two_commands_ci_runs():
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[3].endswith("pip install . && corpus-ds info")
    assert lines[4].endswith('pip install ".[test]" && python -m pytest')
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]"' in ci and "python -m pytest" in ci


def test_every_issue_code_is_documented_in_the_datasheet():
    from corpus_ds.errors import ISSUE_CODES

    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["codes"]
    assert block == docs.codes_section(), "run `corpus-ds docs`"
    used = set()
    for path in (REPO / "src" / "corpus_ds").glob("*.py"):
        used |= set(re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', path.read_text(encoding="utf-8")))
    candidates = {code for code in used if code in ISSUE_CODES or code.endswith(("-mismatch", "-missing", "-not-found"))}
    assert candidates <= set(ISSUE_CODES), candidates - set(ISSUE_CODES)


def test_agreement_figures_in_the_datasheet_are_what_the_command_gives():
    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["agreement"]
    assert block == docs.agreement_section(REPO), "run `corpus-ds docs`"
    assert "corpus-ds agreement data/articles data/annotations/annotator-b" in block


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "DATASHEET.md", "CODEBOOK.md", ".github/pull_request_template.md"])
def test_every_command_the_documents_name_exists(name):
    from corpus_ds import cli

    commands = set(cli.parser()._subparsers._group_actions[0].choices)
    named = set(re.findall(r"corpus-ds ([a-z]+)", (REPO / name).read_text(encoding="utf-8")))
    assert named <= commands, named - commands


def test_every_subcommand_help_has_examples():
    from corpus_ds import cli

    for name, command in cli.parser()._subparsers._group_actions[0].choices.items():
        text = command.format_help()
        assert "example" in text and f"corpus-ds {name}" in text.split("example", 1)[1], name


def test_hosted_ci_runs_the_same_checks_as_ci_run():
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = [step.get("run") for job in workflow["jobs"].values() for step in job["steps"]]
    assert ".ci/run" in steps
