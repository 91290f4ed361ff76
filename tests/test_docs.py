"""Documentation agrees with the code and the data: every column documented, counts true, README commands real."""

from __future__ import annotations

import re

import pyarrow.parquet as pq
import pytest
import yaml
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
    for vocab in (
        models.INSTRUMENTS,
        models.STATUSES,
        models.SECTORS,
        models.EVENT_TYPES,
        models.ROLES,
        models.REMOVAL_REASONS,
        models.AGREEMENT_TYPES,
        models.CITED_KINDS,
    ):
        for value in vocab:
            assert f"| `{value}` |" in text


@pytest.mark.parametrize(
    "name",
    [
        "README.md",
        "DATASHEET.md",
        "CODEBOOK.md",
        "CHANGELOG.md",
        "LICENSE",
        "LICENSE-DATA",
        "CITATION.cff",
        "CONTRIBUTING.md",
        ".github/pull_request_template.md",
        ".github/ISSUE_TEMPLATE/new-article.md",
        ".github/ISSUE_TEMPLATE/label-correction.md",
    ],
)
def test_documents_exist(name):
    assert (REPO / name).read_text(encoding="utf-8").strip()


def _front_matter() -> tuple[dict, str]:
    """The README's YAML front matter (its Hugging Face dataset card) and the text after it."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n"), "the README starts with YAML front matter"
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def test_readme_front_matter_is_a_dataset_card_for_every_table():
    card, _ = _front_matter()
    assert card["license"] == "other" and (REPO / card["license_link"]).is_file()
    assert card["language"] == ["ar"] and card["pretty_name"].strip()
    configs = {c["config_name"]: c for c in card["configs"]}
    assert set(configs) == set(columns.TABLES)
    for name, config in configs.items():
        files = [config["data_files"]] if isinstance(config["data_files"], str) else config["data_files"]
        assert files and all((REPO / f).is_file() for f in files), name
        assert all(pq.read_schema(REPO / f).names == list(columns.COLUMNS[name]) for f in files), name
    assert [c["config_name"] for c in card["configs"] if c.get("default")] == ["articles"]


def test_readme_starts_with_the_two_commands_ci_runs():
    lines = _front_matter()[1].splitlines()
    assert lines[3].endswith("pip install . && corpus-ds info")
    assert lines[4].endswith('pip install ".[test]" && python -m pytest')
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]"' in ci and "python -m pytest" in ci


def test_every_issue_code_is_documented_in_the_datasheet():
    from corpus_ds.errors import ISSUE_CODES

    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["codes"]
    assert block == docs.codes_section(), "run `corpus-ds docs`"
    used = set()
    for path in (REPO / "src" / "corpus_ds").rglob("*.py"):
        used |= set(re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', path.read_text(encoding="utf-8")))
    candidates = {
        code for code in used if code in ISSUE_CODES or code.endswith(("-mismatch", "-missing", "-not-found"))
    }
    assert candidates <= set(ISSUE_CODES), candidates - set(ISSUE_CODES)


def test_agreement_figures_in_the_datasheet_are_what_the_command_gives():
    block = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["agreement"]
    assert block == docs.agreement_section(REPO), "run `corpus-ds docs`"
    assert "corpus-ds agreement data/articles data/annotations/annotator-b" in block


@pytest.mark.parametrize(
    "name",
    ["README.md", "CONTRIBUTING.md", "DATASHEET.md", "CODEBOOK.md", ".github/pull_request_template.md"],
)
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


def _readme_sql() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", _front_matter()[1], re.S)


def test_readme_duckdb_queries_run_over_the_release_and_count_right():
    import duckdb

    by_instrument, by_actor = _readme_sql()
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{REPO}'")
    release = _release()
    agreements = release["agreements"].to_pylist()
    year = {r["article_id"]: r["event_date"].year for r in release["articles"].to_pylist()}
    expected = {}
    for g in agreements:
        expected[(g["instrument"], year[g["article_id"]])] = (
            expected.get((g["instrument"], year[g["article_id"]]), 0) + 1
        )
    rows = con.sql(by_instrument).fetchall()
    assert {(i, y): n for i, y, n in rows} == expected and [r[1] for r in rows] == sorted(r[1] for r in rows)
    actors = {}
    for m in release["mentions"].to_pylist():
        actors.setdefault(m["actor_id"], set()).add(m["article_id"])
    rows = con.sql(by_actor).fetchall()
    assert {a: n for a, _, n in rows} == {a: len(s) for a, s in actors.items()}
    assert [n for _, _, n in rows] == sorted((n for _, _, n in rows), reverse=True)
