"""End to end, through the real command on a temporary copy of the repository: add a capture, correct a
label, release."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TEST_DATA

CAPTURE = TEST_DATA / "new_capture.txt"
IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv*",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    "preview",
    ".preview-*",
    ".release-*",
    "test-artifacts",
    "dist",
    "build",
)

# What a person writes into the draft after reading the test capture (its TODOs, in the order the draft lists them).
FILLS = [
    ("  outlet: TODO", "  outlet: null"),
    (
        "  cited_sources: TODO",
        "  cited_sources:\n  - name: Statement of the Russian Ministry of Foreign Affairs\n    kind: statement\n"
        "    actor_id: russia-ministry-of-foreign-affairs\n    evidence: {quote: وذكرت وزارة الخارجية الروسية في بيان}",
    ),
    ("    date: TODO", "    date: '2024-03-12'"),
    ("    basis: TODO", "    basis: inferred"),
    (
        "    note: TODO",
        "    note: The text says اليوم الثلاثاء; the capture's date line gives 12/03/2024, a Tuesday.",
    ),
    ("  id: TODO", "  id: 2024-03-12-lavrov-bourita-phone-call"),
    ("  type: TODO", "  type: phone_call"),
    ("  cameo_code: TODO", "  cameo_code: '041'"),
    ("    quote: TODO", "    quote: اتصالا هاتفيا مع نظيره المغربي ناصر بوريطة"),
    ("  role: TODO", "  role: participant"),
    ("  role: TODO", "  role: participant"),
    ("  role: TODO", "  role: mentioned"),
    ("  status: TODO\n  sectors: TODO", "  status: concluded\n  sectors: [diplomacy]"),
    ("  status: TODO\n  sectors: TODO", "  status: planned\n  sectors: [fisheries]"),
    ("  annotator: TODO", "  annotator: test-annotator"),
]
# The event-data labels the draft leaves TODO for the same capture (a phone call: no place, the capture states no
# address or capture time).
FILLS += [
    (
        "  dyads: TODO",
        "  dyads:\n"
        + "".join(
            f"  - source: {a}\n    target: {b}\n    code: '041'\n"
            "    evidence: {quote: اتصالا هاتفيا مع نظيره المغربي ناصر بوريطة}\n"
            for a, b in (("sergey-lavrov", "nasser-bourita"), ("nasser-bourita", "sergey-lavrov"))
        ).rstrip("\n"),
    ),
    ("  place: TODO", "  place: null"),
    ("- instrument_id: TODO", "- instrument_id: 2024-03-12-commitment-commission-meeting-moscow"),
    ("- instrument_id: TODO", "- instrument_id: planned-mou-sea-fisheries"),
    ("  url: TODO", "  url: null"),
    ("  captured_at: TODO", "  captured_at: null"),
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the repository, committed in a git repository of its own, as a contributor's clone would be."""
    root = tmp_path / "repo"
    shutil.copytree(REPO, root, ignore=IGNORE)
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "clone"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The copy's own corpus-ds (its src/ first on the path), run at the copy's root."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "corpus_ds", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def versioning_test(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n0",  # one test: no worker processes
            "-p",
            "no:cacheprovider",
            "tests/test_versioning.py",
            "-k",
            "data_never_changes",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def fill_in(draft: Path) -> None:
    """Do what the annotator does: check every proposal (delete its `proposed` line) and fill in every TODO."""
    text = draft.read_text(encoding="utf-8")
    text = re.sub(r"\n *proposed: .*", "", text)
    for old, new in FILLS:
        assert old in text, old
        text = text.replace(old, new, 1)
    assert not [line for line in text.splitlines() if "TODO" in line and not line.startswith("#")]
    draft.write_text(text, encoding="utf-8")


def current(root: Path) -> tuple[str, str]:
    """The version of the copy and its release date (src/corpus_ds/__init__.py); the tests release after it."""
    init = (root / "src" / "corpus_ds" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "(.+)"', init, re.M)[1], re.search(
        r'^__released__ = "(.+)"', init, re.M
    )[1]


def step(version: str, part: str) -> str:
    """The next patch or minor version."""
    major, minor, patch = map(int, version.split("."))
    return f"{major}.{minor}.{patch + 1}" if part == "patch" else f"{major}.{minor + 1}.0"


def add_unreleased_note(root: Path, note: str) -> None:
    """A note for users collected under [Unreleased] before a release, as CONTRIBUTING.md describes."""
    path = root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    first = text.index("\n## [") + 1
    path.write_text(text[:first] + f"## [Unreleased]\n\n- {note}\n\n" + text[first:], encoding="utf-8")


def release_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "data" / "release").iterdir())}


@pytest.mark.slow
def test_adding_a_capture_from_draft_to_release(repo):
    before = release_bytes(repo)
    old, today = current(repo)
    new = step(old, "minor")

    done = cli(repo, "new", str(CAPTURE))
    assert done.returncode == 0, done.stderr
    draft = repo / done.stdout.strip().splitlines()[-1]
    assert draft == repo / "data" / "articles" / "ru-ma-0006.yaml" and draft.is_file()
    assert (repo / "data" / "raw" / CAPTURE.name).read_bytes() == CAPTURE.read_bytes()
    labels = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert [a["actor_id"] for a in labels["actors"]] == [
        "sergey-lavrov",
        "nasser-bourita",
        "russia-ministry-of-foreign-affairs",
    ]
    assert all(a["proposed"] for a in labels["actors"] + labels["agreements"])
    assert [a["instrument"] for a in labels["agreements"]] == [
        "verbal_commitment",
        "memorandum_of_understanding",
    ]
    assert labels["source"]["attribution"]["value"] == "وكالة الأنباء"
    assert labels["dates"]["published"]["date"] == "2024-03-12"
    assert "2024-03-12" in labels["dates"]["event"]["proposed"]
    assert labels["review"]["status"] == "draft"

    # Validate explains what is left; the build refuses the draft and leaves the release alone.
    done = cli(repo, "validate", "--today", today)
    assert done.returncode == 1
    assert (
        "ru-ma-0006.yaml: review.status: draft: 23 TODO values to fill in and 8 machine proposals"
        in done.stdout
    )
    assert "ru-ma-0006.yaml: event.type: still TODO" in done.stdout and "[placeholder]" in done.stdout
    fill_in(draft)
    done = cli(repo, "validate", "--today", today)
    assert done.returncode == 1
    assert [line.split("[")[-1] for line in done.stdout.splitlines() if line.endswith("]")] == [
        "draft-article]"
    ], done.stdout
    done = cli(repo, "build", "--today", today)
    assert done.returncode == 1 and "[draft-article]" in done.stdout
    assert release_bytes(repo) == before

    # A preview admits the draft, says so, and never touches data/release.
    done = cli(repo, "build", "--preview", "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PREVIEW" in done.stdout
    manifest = json.loads((repo / "data" / "preview" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["preview"] is True and manifest["tables"]["articles"]["rows"] == 6
    assert release_bytes(repo) == before

    # A second person reviews; then the build takes the article in.
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace("  status: draft", "  status: reviewed").replace(
            "  reviewer: null", "  reviewer: test-reviewer"
        ),
        encoding="utf-8",
    )
    done = cli(repo, "build", "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "wrote data/release/articles.parquet  (6 rows)" in done.stdout

    done = cli(repo, "diff")
    assert done.returncode == 0, done.stderr
    assert "Required version bump: **minor**" in done.stdout
    assert (
        "- `ru-ma-0006`: 2024-03-12 phone_call, agreement_type verbal_commitment, 3 actors, 2 instruments"
        in done.stdout
    )
    assert "Labels changed" not in done.stdout

    # Data changed without a release: the tests say so, and a too small step is refused.
    assert versioning_test(repo).returncode == 1
    done = cli(repo, "release", step(old, "patch"), "--today", today)
    assert done.returncode == 1 and "the changes need a minor step" in done.stderr
    add_unreleased_note(repo, "Test note: one article added by a contributor.")
    done = cli(repo, "release", new, "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f'__version__ = "{new}"' in (repo / "src" / "corpus_ds" / "__init__.py").read_text(
        encoding="utf-8"
    )
    assert yaml.safe_load((repo / "CITATION.cff").read_text(encoding="utf-8"))["version"] == new
    assert (
        json.loads((repo / "data" / "release" / "manifest.json").read_text(encoding="utf-8"))["version"]
        == new
    )
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index(f"## [{new}] - {today}") < changelog.index(f"## [{old}]")
    assert "#### Articles added (1)" in changelog
    # The notes collected under [Unreleased] became the new version's summary.
    assert "## [Unreleased]" not in changelog
    assert (
        changelog.index(f"## [{new}]")
        < changelog.index("Test note: one article added by a contributor.")
        < changelog.index("#### Articles added (1)")
        < changelog.index(f"## [{old}]")
    )
    assert versioning_test(repo).returncode == 0
    done = cli(repo, "validate", "--today", today)
    assert done.returncode == 0, done.stdout


@pytest.mark.slow
def test_correcting_a_label_needs_a_patch_release(repo):
    version, today = current(repo)
    source = repo / "data" / "articles" / "ru-ma-0001.yaml"
    text = source.read_text(encoding="utf-8")
    old = "    instrument: verbal_commitment\n    status: concluded"
    assert text.index(old) < text.index("instrument:", text.index(old) + 1)  # agreements[0]
    source.write_text(
        text.replace(old, "    instrument: verbal_commitment\n    status: planned", 1), encoding="utf-8"
    )

    done = cli(repo, "diff")
    assert done.returncode == 0, done.stderr
    assert "Required version bump: **patch**" in done.stdout
    assert "- `ru-ma-0001`" in done.stdout
    assert '  - `agreements[0].status`: `"concluded"` → `"planned"`' in done.stdout
    assert '  - `agreement_type`: `"verbal_commitment"` → `"none"`' in done.stdout

    done = cli(repo, "validate", "--today", today)
    assert done.returncode == 1 and "[release-out-of-sync]" in done.stdout
    assert cli(repo, "build", "--today", today).returncode == 0
    # Rebuilt: the diff still measures from the released version (found in the git history), not from the rebuilt
    # files.
    assert '`agreements[0].status`: `"concluded"` → `"planned"`' in cli(repo, "diff").stdout
    assert versioning_test(repo).returncode == 1
    done = cli(repo, "release", step(version, "patch"), "--today", today)
    assert done.returncode == 0, done.stdout + done.stderr
    assert versioning_test(repo).returncode == 0
    assert "#### Labels changed (2 in 1 articles)" in (repo / "CHANGELOG.md").read_text(encoding="utf-8")


def test_release_refuses_without_writing_anything(repo):
    files = ("src/corpus_ds/__init__.py", "CITATION.cff", "CHANGELOG.md", "DATASHEET.md")
    before = {f: (repo / f).read_bytes() for f in files}
    old, today = current(repo)
    for version, message in (
        (old, f"expected a version after the current {old}"),
        ("1.2", "expected MAJOR.MINOR.PATCH"),
    ):
        done = cli(repo, "release", version, "--today", today)
        assert done.returncode == 1 and message in done.stderr
    source = repo / "data" / "articles" / "ru-ma-0001.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("actors:\n", "actros:\n", 1), encoding="utf-8"
    )
    done = cli(repo, "release", step(old, "minor"), "--today", today)
    assert done.returncode == 1 and "[unknown-field]" in done.stderr
    assert {f: (repo / f).read_bytes() for f in files} == before


def test_a_release_that_fails_late_puts_every_file_back(repo):
    """The rebuild succeeds, then regenerating the documents fails: the version files and data/release/ are restored."""
    source = repo / "data" / "articles" / "ru-ma-0001.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace(
            "    status: concluded\n    sectors: [trade", "    status: planned\n    sectors: [trade", 1
        ),
        encoding="utf-8",
    )
    (repo / "data" / "annotations" / "annotator-b" / "zzz.json").write_text("{bad", encoding="utf-8")
    files = [
        "src/corpus_ds/__init__.py",
        "CITATION.cff",
        "CHANGELOG.md",
        "DATASHEET.md",
        *[f"data/release/{p.name}" for p in (repo / "data" / "release").iterdir()],
    ]
    before = {f: (repo / f).read_bytes() for f in files}
    version, today = current(repo)
    done = cli(repo, "release", step(version, "patch"), "--today", today)
    assert done.returncode == 1 and "regenerating the documents failed" in done.stderr
    assert {f: (repo / f).read_bytes() for f in files} == before
    assert sorted(p.name for p in (repo / "data" / "release").iterdir()) == sorted(
        f.split("/")[-1] for f in files if f.startswith("data/")
    )
