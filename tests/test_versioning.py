"""One version everywhere; data never changes without a version bump and a changelog entry."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import tomllib
from pathlib import Path

import yaml
from conftest import DATA, REPO

import corpus_ds
from corpus_ds import columns, release_format, versions
from corpus_ds.build import assemble


def _manifest():
    return json.loads((DATA / "release" / "manifest.json").read_text(encoding="utf-8"))


def test_citation_cff_agrees_with_the_package():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == corpus_ds.__version__
    assert str(cff["date-released"]) == corpus_ds.__released__
    assert f"## [{corpus_ds.__version__}] - {corpus_ds.__released__}" in (REPO / "CHANGELOG.md").read_text(
        encoding="utf-8"
    )


def test_manifest_names_the_package_version():
    assert _manifest()["version"] == corpus_ds.__version__


def test_version_has_one_source():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    # the build reads the version from src/corpus_ds/__init__.py, which `corpus-ds release` rewrites
    assert pyproject["project"]["dynamic"] == ["version"] and "version" not in pyproject["project"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "corpus_ds.__version__"}


def test_data_never_changes_without_a_version_bump_and_changelog_entry():
    """The fingerprint of what the sources build to must be the one the changelog records for this version."""
    assert f"## [{corpus_ds.__version__}] - " in (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), (
        f"CHANGELOG.md has no section for {corpus_ds.__version__}"
    )
    recorded = versions.recorded_fingerprint(REPO, corpus_ds.__version__)
    assert recorded, "the changelog section records no content fingerprint"
    built = assemble(DATA)
    assert built.report.valid, built.report.format()
    fingerprint = release_format.dataset_fingerprint(
        {name: release_format.fingerprint(t) for name, t in built.tables.items()}
    )
    assert fingerprint == recorded == _manifest()["fingerprint"], (
        "the data changed: bump the version, rebuild, and add a CHANGELOG entry with the new fingerprint"
    )


def test_fingerprint_is_content_based_not_byte_based():
    built = assemble(DATA)
    for name in columns.TABLES:
        assert release_format.fingerprint(built.tables[name]) == _manifest()["tables"][name]["fingerprint"]


def _fingerprints(changelog: str) -> dict[str, str]:
    """Version -> recorded content fingerprint, newest first as the changelog lists them."""
    out = {}
    for m in re.finditer(r"^## \[([^\]]+)\][^\n]*\n(.*?)(?=^## |\Z)", changelog, re.S | re.M):
        fp = re.search(r"Content fingerprint: `([0-9a-f]{64})`", m.group(2))
        out[m.group(1)] = fp.group(1) if fp else None
    return out


def edited_released_entries(repo: Path) -> list[str]:
    """Versions whose recorded fingerprint changed after a newer version was added to the changelog."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
        ).stdout

    now = _fingerprints((repo / "CHANGELOG.md").read_text(encoding="utf-8"))
    versions = list(now)
    edited = []
    for newer, older in itertools.pairwise(versions):
        first = git("log", "--reverse", "--format=%H", "-S", f"## [{newer}]", "--", "CHANGELOG.md").split()
        if first and _fingerprints(git("show", f"{first[0]}:CHANGELOG.md")).get(older) != now[older]:
            edited.append(older)
    return edited


def test_released_changelog_entries_are_never_edited():
    assert edited_released_entries(REPO) == []


def test_an_edited_released_entry_is_detected(tmp_path):
    def commit(text: str) -> None:
        (tmp_path / "CHANGELOG.md").write_text(text, encoding="utf-8")
        subprocess.run(["git", "-C", str(tmp_path), "add", "CHANGELOG.md"], check=True)
        subprocess.run(
            ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "c"],
            check=True,
        )

    entry = "## [{v}] - 2026-01-01\n\nContent fingerprint: `{fp}`\n\n"
    a, b, c = "a" * 64, "b" * 64, "c" * 64
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit("# Changelog\n\n" + entry.format(v="0.1.0", fp=a))
    commit("# Changelog\n\n" + entry.format(v="0.2.0", fp=b) + entry.format(v="0.1.0", fp=a))
    assert edited_released_entries(tmp_path) == []
    commit("# Changelog\n\n" + entry.format(v="0.2.0", fp=b) + entry.format(v="0.1.0", fp=c))
    assert edited_released_entries(tmp_path) == ["0.1.0"]
