"""`corpus-ds release X.Y.Z`: bump the version everywhere it lives, stub the changelog from the diff, rebuild; as one
journaled transaction.

Every new file is first staged in .corpus-ds-release/ at the repository root, beside the files it replaces; nothing
the repository holds changes while staging. The commit point is one rename: the journal listing the moves appears.
Then each staged file is renamed over its target. Whatever stops the command (an error, Ctrl-C, SIGTERM, SIGKILL, a
power cut), the repository is either as it was or, once the journal exists, rolled forward to the new release by the
next `corpus-ds release`, `build` or `docs` (`validate` and `docs --check` report the pending transaction).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus_ds import build, diff, docs, release_format, validate, verify, versions
from corpus_ds.errors import CorpusError

INIT = versions.INIT
VERSION_FILES = (INIT, Path("CITATION.cff"), Path("CHANGELOG.md"), Path("DATASHEET.md"), Path("README.md"))
# Also written by `corpus-ds docs` during a release, so also staged with it.
GENERATED_FILES = (Path("CODEBOOK.md"), Path("LICENSE"))
RELEASE_DIR = Path("data/release")
TRANSACTION, JOURNAL, pending = versions.TRANSACTION, versions.JOURNAL, versions.pending
# Fault injection for the tests: pause (and say so in a file) at this step, so that a signal can be sent there.
PAUSE_ENV = "CORPUS_DS_RELEASE_PAUSE_AT"


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


class Interrupted(BaseException):
    """SIGTERM during a release: handled like Ctrl-C (a rollback, or a roll forward past the commit point)."""


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises Interrupted (SIGINT raises KeyboardInterrupt as always)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise Interrupted(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _pause_at(step: str, transaction: Path) -> None:
    """Fault injection for the tests (PAUSE_ENV): mark the step in a file, then wait to be signalled."""
    if os.environ.get(PAUSE_ENV) == step:
        (transaction / f"paused-{step}").write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(600)


def recover(root: Path) -> str | None:
    """Roll an interrupted release forward (its journal exists) or back (it does not); what was done, or None."""
    transaction = Path(root) / TRANSACTION
    if not transaction.exists():
        return None
    if (transaction / JOURNAL).is_file():
        _roll_forward(Path(root), transaction)
        return ROLLED_FORWARD
    shutil.rmtree(transaction)
    return "an interrupted release was rolled back (nothing had changed)"


# A process that rolled a release forward still runs the version it imported: it must not build or write documents.
ROLLED_FORWARD = (
    "an interrupted release was completed (rolled forward): its release and documents are in place; run the "
    "command again to do anything more"
)


def _roll_forward(root: Path, transaction: Path) -> None:
    """Rename every staged file over its target (idempotent: a move already done is skipped), then drop the journal."""
    journal = json.loads((transaction / JOURNAL).read_text(encoding="utf-8"))
    for staged, target in journal["moves"]:
        source, destination = transaction / staged, root / target
        if not source.exists():
            continue  # moved before the interruption
        if source.is_dir():
            replaced = transaction / "replaced" / staged
            if destination.exists():
                replaced.parent.mkdir(parents=True, exist_ok=True)
                shutil.rmtree(replaced, ignore_errors=True)
                os.replace(destination, replaced)
            os.replace(source, destination)
        else:
            os.replace(source, destination)
    shutil.rmtree(transaction)


def release(root: Path, version: str, today: dt.date | None = None) -> str:
    """Make version the new release of the checkout at root; returns what was done, for the terminal.

    Nothing is written unless the sources validate and the version is a large enough step. The new files are staged
    and committed by renames (see the module docstring): an error or an interruption before the commit point leaves
    every file as it was; after it, the release is completed.
    """
    root = Path(root)
    today = today or dt.date.today()
    recovered = recover(root)
    old = versions.current(root)
    step = versions.step(old, version)
    if step == "none":
        raise CorpusError(f"version {version}: expected a version after the current {old}")
    report = validate.validate_sources(root / "data", today=today, check_release=False)
    if not report.valid:
        raise CorpusError(f"the sources do not validate; fix them before a release:\n{report.format()}")
    transaction = root / TRANSACTION
    transaction.mkdir()
    committed = False
    try:
        with _signals_interrupt():
            changes = diff.diff(
                versions.released(root, transaction / "scratch"), root / "data", f"{old} as released"
            )
            if not versions.enough(step, changes.bump):
                raise CorpusError(
                    f"version {version} is a {step} step from {old}, but the changes need a {changes.bump} "
                    f"step ({changes.why()})"
                )
            moves, fingerprint = _stage(root, transaction, version, today, changes)
            _pause_at("staged", transaction)
            journal = transaction / f"{JOURNAL}.new"
            journal.write_text(json.dumps({"version": version, "old": old, "moves": moves}), encoding="utf-8")
            _fsync(journal)
            os.replace(journal, transaction / JOURNAL)  # the commit point
            committed = True
            _pause_at("committed", transaction)
            _roll_forward(root, transaction)
    except (KeyboardInterrupt, Interrupted) as exc:
        what = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"stopped by {exc}"
        if committed:
            _roll_forward(root, transaction)
            raise CorpusError(f"release {version} {what} after its commit point: it was completed") from None
        shutil.rmtree(transaction, ignore_errors=True)
        raise CorpusError(f"release {version} {what}: rolled back, every file is as it was") from None
    except BaseException:
        if committed:
            _roll_forward(root, transaction)
        else:
            shutil.rmtree(transaction, ignore_errors=True)
        raise
    return (
        (f"{recovered}\n" if recovered else "")
        + f"released {version} (was {old}; a {step} step, the changes need {changes.bump})\n"
        f"content fingerprint {fingerprint}\n"
        f"updated: {', '.join(str(p) for p in VERSION_FILES)}, data/release/\n"
        "next: edit the CHANGELOG summary, run the tests, commit, and tag v" + version
    )


def _stage(
    root: Path, transaction: Path, version: str, today: dt.date, changes: diff.Diff
) -> tuple[list[tuple[str, str]], str]:
    """Write every new file under transaction/stage (the repository is untouched): the moves and the fingerprint."""
    stage = transaction / "stage"
    date = today.isoformat()
    texts = {p: (root / p).read_text(encoding="utf-8") for p in (*VERSION_FILES, *GENERATED_FILES)}
    texts.update(_bumped(texts, version, date))
    built = build.check_sources(root / "data", today=today)
    if not built.report.valid:
        raise CorpusError(f"the rebuild failed; nothing was changed:\n{built.report.format()}")
    release_dir = stage / RELEASE_DIR
    release_dir.parent.mkdir(parents=True)
    manifest = release_format.write_release(built.tables, release_dir, version=version, released=date)
    checked = verify.validate_release(release_dir, today=today, version=version, released=date)
    if not checked.valid:
        raise CorpusError(f"the rebuild failed; nothing was changed:\n{checked.format()}")
    fingerprint = manifest["fingerprint"]
    texts[Path("CHANGELOG.md")] = _with_changelog_entry(
        texts[Path("CHANGELOG.md")],
        lambda summary: changelog_entry(version, date, fingerprint, changes, summary),
    )
    try:
        texts.update(docs.rendered(root, texts, release_dir, version, date))
    except (CorpusError, OSError, ValueError) as exc:
        raise CorpusError(f"regenerating the documents failed; nothing was changed:\n{exc}") from None
    moves = []
    for relative, text in texts.items():
        target = root / relative
        if not target.is_file() or text != target.read_text(encoding="utf-8"):
            staged = stage / relative
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(text, encoding="utf-8")
            _fsync(staged)
            moves.append((str(staged.relative_to(transaction)), str(relative)))
    moves.append((str(release_dir.relative_to(transaction)), str(RELEASE_DIR)))
    return moves, fingerprint


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _bumped(texts: dict[Path, str], version: str, date: str) -> dict[Path, str]:
    """The version files with the new version and date."""
    init = _sub(texts[INIT], r'^__version__ = "[^"]+"', f'__version__ = "{version}"', INIT)
    init = _sub(init, r'^__released__ = "[^"]+"', f'__released__ = "{date}"', INIT)
    cff = _sub(texts[Path("CITATION.cff")], r"^version: .*$", f"version: {version}", Path("CITATION.cff"))
    cff = _sub(cff, r"^date-released: .*$", f'date-released: "{date}"', Path("CITATION.cff"))
    sheet = _sub(
        texts[Path("DATASHEET.md")],
        r"^# Datasheet for corpus_ds .*$",
        f"# Datasheet for corpus_ds {version}",
        Path("DATASHEET.md"),
    )
    return {INIT: init, Path("CITATION.cff"): cff, Path("DATASHEET.md"): sheet}


def _with_changelog_entry(text: str, entry) -> str:
    """The changelog with the new version's entry above the older ones; '## [Unreleased]' becomes its summary."""
    summary = ""
    if f"\n{UNRELEASED}\n" in text:
        start = text.index(f"\n{UNRELEASED}\n") + 1
        end = text.find("\n## [", start)
        end = len(text) if end < 0 else end + 1
        summary, text = text[start + len(UNRELEASED) : end], text[:start] + text[end:]
    at = text.find("\n## [")
    if at < 0:
        raise CorpusError("CHANGELOG.md: expected earlier entries headed '## [X.Y.Z] - YYYY-MM-DD'")
    return text[: at + 1] + entry(summary) + text[at + 1 :]
