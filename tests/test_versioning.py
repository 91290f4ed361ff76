"""One version everywhere; data never changes without a version bump and a changelog entry."""

from __future__ import annotations

import json
import re

import yaml

import corpus_ds
from conftest import DATA, REPO
from corpus_ds import build, columns
from corpus_ds.build import assemble


def _manifest():
    return json.loads((DATA / "release" / "manifest.json").read_text(encoding="utf-8"))


def test_citation_cff_agrees_with_the_package():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == corpus_ds.__version__
    assert str(cff["date-released"]) == corpus_ds.__released__
    assert f"## [{corpus_ds.__version__}] - {corpus_ds.__released__}" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_manifest_names_the_package_version():
    assert _manifest()["version"] == corpus_ds.__version__


def test_version_has_one_source():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "src/corpus_ds/__init__.py"' in pyproject
    assert not re.search(r'^version\s*=', pyproject, re.M)


def test_data_never_changes_without_a_version_bump_and_changelog_entry():
    """The fingerprint of what the sources build to must be the one the changelog records for this version."""
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    section = re.search(rf"^## \[{re.escape(corpus_ds.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}\n(.*?)(?=^## |\Z)", changelog, re.S | re.M)
    assert section, f"CHANGELOG.md has no section for {corpus_ds.__version__}"
    recorded = re.search(r"Content fingerprint: `([0-9a-f]{64})`", section.group(1))
    assert recorded, "the changelog section records no content fingerprint"
    built = assemble(DATA)
    assert built.report.valid, built.report.format()
    fingerprint = build.dataset_fingerprint({name: build.fingerprint(t) for name, t in built.tables.items()})
    assert fingerprint == recorded.group(1) == _manifest()["fingerprint"], (
        "the data changed: bump the version, rebuild, and add a CHANGELOG entry with the new fingerprint")


def test_fingerprint_is_content_based_not_byte_based():
    built = assemble(DATA)
    for name in columns.TABLES:
        assert build.fingerprint(built.tables[name]) == _manifest()["tables"][name]["fingerprint"]
