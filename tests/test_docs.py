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
        "LICENSES/MIT.txt",
        "LICENSES/CC-BY-4.0.txt",
        "LICENSES/LicenseRef-Publisher-Texts.txt",
        "CITATION.cff",
        "CONTRIBUTING.md",
        ".github/pull_request_template.md",
        ".github/ISSUE_TEMPLATE/new-article.md",
        ".github/ISSUE_TEMPLATE/label-correction.md",
        ".github/ISSUE_TEMPLATE/removal-request.md",
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
        files = [f["path"] for f in config["data_files"]]
        assert files and all((REPO / f).is_file() for f in files), name
        assert all(pq.read_schema(REPO / f).names == list(columns.COLUMNS[name]) for f in files), name
    assert [c["config_name"] for c in card["configs"] if c.get("default")] == ["articles"]
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert docs.front_matter(text)[0] == docs.card(len(_release()["articles"])), "run `corpus-ds docs`"


def test_every_generated_document_is_in_sync():
    assert docs.stale(REPO) == [], "run `corpus-ds docs`"


def test_docs_check_names_what_is_stale_and_docs_rewrites_it(tmp_path):
    import shutil

    from conftest import run_cli

    root = tmp_path / "checkout"
    for name in ("README.md", "DATASHEET.md", "CODEBOOK.md", "CITATION.cff", "LICENSE"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "data", root / "data")
    (root / "LICENSE").write_text("MIT\n", encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    (root / "README.md").write_text(readme.replace("split: release", "split: train", 1), encoding="utf-8")
    check = run_cli("docs", "--check", "--root", str(root))
    assert check.returncode == 1
    assert f"{root / 'LICENSE'}: out of date; run `corpus-ds docs` [docs-out-of-sync]" in check.stdout
    assert f"{root / 'README.md'}: generated section 'card' is out of date" in check.stdout
    assert run_cli("docs", "--root", str(root)).returncode == 0
    assert run_cli("docs", "--check", "--root", str(root)).returncode == 0
    assert (root / "README.md").read_text(encoding="utf-8") == (REPO / "README.md").read_text(
        encoding="utf-8"
    )


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
    event_data = docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["agreement_event_data"]
    assert event_data == docs.agreement_section(REPO, docs.EVENT_DATA_ANNOTATION), "run `corpus-ds docs`"
    assert "| dyads (source, target, code) |" in event_data and "| actor ids |" not in event_data


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
