"""`corpus-ds release X.Y.Z`: bump the version everywhere it lives, stub the changelog from the diff, rebuild."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus_ds import diff, validate, versions
from corpus_ds.errors import CorpusError

INIT = versions.INIT
VERSION_FILES = (INIT, Path("CITATION.cff"), Path("CHANGELOG.md"), Path("DATASHEET.md"), Path("README.md"))
# Also written by `corpus-ds docs` during a release, so also put back if it fails.
GENERATED_FILES = (Path("CODEBOOK.md"), Path("LICENSE"))


def _sub(text: str, pattern: str, replacement: str, where: Path) -> str:
    new, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
    if n != 1:
        raise CorpusError(f"{where}: expected a line matching {pattern!r} to update")
    return new


UNRELEASED = "## [Unreleased]"


def changelog_entry(version: str, date: str, fingerprint: str, changes: diff.Diff, summary: str = "") -> str:
    body = (
        changes.markdown().split("\n", 2)[2].replace("### ", "#### ")
    )  # the diff without its heading, one level down
    summary = (
        summary.strip()
        or "<!-- Summarise the release here in a few lines for users; the list below is generated from the diff. -->"
    )
    return (
        f"## [{version}] - {date}\n\nContent fingerprint: `{fingerprint}`\n\n{summary}\n\n{body.strip()}\n\n"
    )


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run this checkout's own corpus-ds (its src/ first on the path) so that it sees the version just written."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "corpus_ds", *args], cwd=root, env=env, capture_output=True, text=True
    )


def release(root: Path, version: str, today: dt.date | None = None) -> str:
    """Make version the new release of the checkout at root; returns what was done, for the terminal.

    Nothing is written unless the sources validate and the version is a large enough step; if any later step
    fails, every file the command changed is put back (the version files and data/release/).
    """
    root = Path(root)
    today = today or dt.date.today()
    old = versions.current(root)
    step = versions.step(old, version)
    if step == "none":
        raise CorpusError(f"version {version}: expected a version after the current {old}")
    report = validate.validate_sources(root / "data", today=today, check_release=False)
    if not report.valid:
        raise CorpusError(f"the sources do not validate; fix them before a release:\n{report.format()}")
    with tempfile.TemporaryDirectory() as scratch:
        changes = diff.diff(versions.released(root, Path(scratch)), root / "data", f"{old} as released")
    if not versions.enough(step, changes.bump):
        raise CorpusError(
            f"version {version} is a {step} step from {old}, but the changes need a {changes.bump} "
            f"step ({changes.why()})"
        )
    saved = {p: (root / p).read_text(encoding="utf-8") for p in (*VERSION_FILES, *GENERATED_FILES)}
    release_dir = root / "data" / "release"
    backup = Path(tempfile.mkdtemp(prefix="corpus-ds-release-"))
    shutil.copytree(release_dir, backup / "release")
    try:
        _write_version(root, version, today.isoformat())
        built = _run(root, "build", "data", "--today", today.isoformat())
        if built.returncode != 0:
            raise CorpusError(f"the rebuild failed; nothing was changed:\n{built.stdout}{built.stderr}")
        fingerprint = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))["fingerprint"]
        _add_changelog(
            root, lambda summary: changelog_entry(version, today.isoformat(), fingerprint, changes, summary)
        )
        docs = _run(root, "docs", "--root", ".")
        if docs.returncode != 0:
            raise CorpusError(f"regenerating the documents failed:\n{docs.stdout}{docs.stderr}")
    except BaseException:
        for p, text in saved.items():
            (root / p).write_text(text, encoding="utf-8")
        shutil.rmtree(release_dir, ignore_errors=True)
        shutil.copytree(backup / "release", release_dir)
        raise
    finally:
        shutil.rmtree(backup, ignore_errors=True)
    return (
        f"released {version} (was {old}; a {step} step, the changes need {changes.bump})\n"
        f"content fingerprint {fingerprint}\n"
        f"updated: {', '.join(str(p) for p in VERSION_FILES)}, data/release/\n"
        "next: edit the CHANGELOG summary, run the tests, commit, and tag v" + version
    )


def _write_version(root: Path, version: str, date: str) -> None:
    init = (root / INIT).read_text(encoding="utf-8")
    init = _sub(init, r'^__version__ = "[^"]+"', f'__version__ = "{version}"', INIT)
    init = _sub(init, r'^__released__ = "[^"]+"', f'__released__ = "{date}"', INIT)
    (root / INIT).write_text(init, encoding="utf-8")
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    cff = _sub(cff, r"^version: .*$", f"version: {version}", Path("CITATION.cff"))
    cff = _sub(cff, r"^date-released: .*$", f'date-released: "{date}"', Path("CITATION.cff"))
    (root / "CITATION.cff").write_text(cff, encoding="utf-8")
    sheet = (root / "DATASHEET.md").read_text(encoding="utf-8")
    sheet = _sub(
        sheet, r"^# Datasheet for corpus_ds .*$", f"# Datasheet for corpus_ds {version}", Path("DATASHEET.md")
    )
    (root / "DATASHEET.md").write_text(sheet, encoding="utf-8")


def _add_changelog(root: Path, entry) -> None:
    """Insert the new version's entry above the older ones; an '## [Unreleased]' section becomes its summary."""
    path = root / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    summary = ""
    if f"\n{UNRELEASED}\n" in text:
        start = text.index(f"\n{UNRELEASED}\n") + 1
        end = text.find("\n## [", start)
        end = len(text) if end < 0 else end + 1
        summary, text = text[start + len(UNRELEASED) : end], text[:start] + text[end:]
    at = text.find("\n## [")
    if at < 0:
        raise CorpusError(f"{path}: expected earlier entries headed '## [X.Y.Z] - YYYY-MM-DD'")
    path.write_text(text[: at + 1] + entry(summary) + text[at + 1 :], encoding="utf-8")
