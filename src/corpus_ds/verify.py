"""Read a release once and run every rule on it: what load(), `corpus-ds validate --release` and the build's last
check share."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa

from corpus_ds import __released__, __version__, rules
from corpus_ds import arrowtools as at
from corpus_ds.errors import Report
from corpus_ds.release_format import Deferred, check_croissant, read_release, recover, settle


def allow_drafts(report: Report) -> None:
    """Drop the issues that only say an article is a draft (a preview allows drafts; every other issue stays)."""
    report.issues = [i for i in report.issues if i.code not in ("draft-article", "not-reviewed")]


def checked_release(
    release_dir: Path,
    today: dt.date | None = None,
    full: bool = True,
    preview: bool = False,
    version: str = __version__,
    released: str = __released__,
) -> tuple[dict[str, pa.Table] | None, Report]:
    """Read a release once and run every rule on it: the tables (None if unreadable) and the report.

    full=False (load()): checksums instead of recomputed content fingerprints, and the rules that need no search of
    whole texts (see rules/__init__.py); full=True also checks that croissant.json describes the release, once its
    files check out.
    preview=True: drafts are allowed and no croissant.json is expected, because the caller asks for it (never
    because a manifest says so: nothing vouches for that key).
    """
    recover(release_dir)  # a release a killed build took away is put back before it is read
    report = Report()
    deferred: Deferred = []
    loaded = read_release(release_dir, report, full, version, deferred)
    # a thread only where fingerprints are recomputed (the full checks, not load())
    with ThreadPoolExecutor(1) if deferred else at.InlineExecutor() as pool:
        # the content fingerprints are recomputed while the rules run (hashlib and Arrow release the GIL)
        fingerprints = [pool.submit(check) for _, check in deferred]
        found = (
            rules.run(
                loaded,
                today=today,
                full=full,
                locate=lambda t, c, a: (str(Path(release_dir) / f"{t}.parquet"), c),
            )
            if loaded is not None
            else []
        )
        settle(report, deferred, [f.result() for f in fingerprints])
    if (
        full and not preview and report.valid
    ):  # describing files already reported broken would say nothing new
        check_croissant(release_dir, report, released)
    if loaded is not None:
        report.extend(found)
        if preview:
            allow_drafts(report)
    return loaded, report


def validate_release(
    release_dir: Path,
    today: dt.date | None = None,
    preview: bool = False,
    version: str = __version__,
    released: str = __released__,
) -> Report:
    return checked_release(release_dir, today, preview=preview, version=version, released=released)[1]
