"""Versions: parse and compare them, and find the release the changelog records for a version."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from corpus_ds import filecaps
from corpus_ds.errors import CorpusError

INIT = Path("src/corpus_ds/__init__.py")
TRANSACTION = (
    ".corpus-ds-release"  # at the repository root: the journal and the staged files of a release (release.py)
)
JOURNAL = "journal.json"
BUMPS = ("none", "patch", "minor", "major")
RELEASE_FILES = (
    "manifest.json",
    "articles.parquet",
    "mentions.parquet",
    "agreements.parquet",
    "evidence.parquet",
    "actors.parquet",
    "removals.parquet",
)


def parse(version: str) -> tuple[int, int, int]:
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() and (p == "0" or not p.startswith("0")) for p in parts):
        raise CorpusError(f"version {version!r}: expected MAJOR.MINOR.PATCH, e.g. 0.2.0")
    return tuple(int(p) for p in parts)  # type: ignore[return-value]


def step(old: str, new: str) -> str:
    """The bump that goes from old to new (major, minor, patch), or 'none' if new is not later."""
    o, n = parse(old), parse(new)
    if n <= o:
        return "none"
    return "major" if n[0] > o[0] else "minor" if n[1] > o[1] else "patch"


def enough(bump: str, needed: str) -> bool:
    return BUMPS.index(bump) >= BUMPS.index(needed)


def current(root: Path) -> str:
    """The version in the checkout's src/corpus_ds/__init__.py (read as text: the running package may be another)."""
    m = re.search(r'^__version__ = "([^"]+)"', (Path(root) / INIT).read_text(encoding="utf-8"), re.M)
    if not m:
        raise CorpusError(f'{Path(root) / INIT}: expected a line __version__ = "X.Y.Z"')
    return m.group(1)


def recorded_fingerprint(root: Path, version: str) -> str | None:
    """The content fingerprint CHANGELOG.md records for version."""
    text = (Path(root) / "CHANGELOG.md").read_text(encoding="utf-8")
    section = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    found = section and re.search(r"Content fingerprint: `([0-9a-f]{64})`", section.group(1))
    return found.group(1) if found else None


def _fingerprint(manifest: Path) -> str | None:
    try:
        return filecaps.load_json(manifest).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None


def _git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=True).stdout


def released(root: Path, scratch: Path) -> Path:
    """The release directory of the current version as released: data/release if it still holds it, else the
    newest committed data/release whose fingerprint is the one the changelog records, extracted into scratch."""
    root = Path(root)
    version = current(root)
    want = recorded_fingerprint(root, version)
    if want is None:
        raise CorpusError(f"CHANGELOG.md: expected a section '## [{version}]' with its content fingerprint")
    if _fingerprint(root / "data" / "release" / "manifest.json") == want:
        return root / "data" / "release"
    try:
        commits = _git(root, "log", "--format=%H", "--", "data/release/manifest.json").decode().split()
        for commit in commits:
            manifest = json.loads(_git(root, "show", f"{commit}:data/release/manifest.json"))
            if manifest.get("fingerprint") == want:
                scratch.mkdir(parents=True, exist_ok=True)
                for name in RELEASE_FILES:
                    (scratch / name).write_bytes(_git(root, "show", f"{commit}:data/release/{name}"))
                return scratch
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    raise CorpusError(
        f"cannot find the released {version} (fingerprint {want[:16]}…) in data/release or in the git "
        "history of data/release; give the release to compare with explicitly: corpus-ds diff OLD_RELEASE"
    )


def pending(root: Path) -> str | None:
    """What an interrupted release left, said for a person (None if nothing): never changes anything."""
    transaction = Path(root) / TRANSACTION
    if not transaction.exists():
        return None
    if (transaction / JOURNAL).is_file():
        return (
            f"{transaction}: a `corpus-ds release` was interrupted after its commit point; the next "
            "`corpus-ds release`, `build` or `docs` completes it (rolls it forward)"
        )
    return (
        f"{transaction}: a `corpus-ds release` was interrupted before its commit point; the next "
        "`corpus-ds release`, `build` or `docs` removes what it staged (rolls it back; nothing had changed)"
    )
