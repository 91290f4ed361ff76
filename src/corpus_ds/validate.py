"""Run every check on the sources or on a release and collect every problem into one report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from corpus_ds import build, release_format, verify, versions
from corpus_ds.checks import check
from corpus_ds.errors import WHOLE_FILE, Report


@check("repository", "release-missing", "release-out-of-sync")
def check_in_sync(built: dict[str, pa.Table], release_dir: Path, report: Report) -> None:
    """The committed release must hold exactly what the sources build to (`corpus-ds build --check`)."""
    manifest_path = Path(release_dir) / release_format.MANIFEST
    try:
        manifest = release_format.read_manifest(release_dir)
    except (OSError, ValueError) as exc:
        report.add(
            "release-missing",
            str(manifest_path),
            WHOLE_FILE,
            f"expected a built release; run `corpus-ds build` ({exc.__class__.__name__})",
        )
        return
    for name, table in built.items():
        want = release_format.fingerprint(table)
        have = manifest.get("tables", {}).get(name, {}).get("fingerprint")
        if want != have:
            report.add(
                "release-out-of-sync",
                str(Path(release_dir) / f"{name}.parquet"),
                "fingerprint",
                "the committed release differs from what the sources build to; run `corpus-ds build`",
                have,
            )


@check("repository", "release-interrupted")
def check_release_transaction(root: Path, report: Report) -> None:
    """An interrupted `corpus-ds release` is reported, never repaired here (a check rewrites nothing)."""
    pending = versions.pending(root)
    if pending:
        report.add(
            "release-interrupted",
            str(Path(root) / versions.TRANSACTION),
            WHOLE_FILE,
            pending.split(": ", 1)[1],
        )


def validate_sources(data_dir: Path, today: dt.date | None = None, *, check_release: bool = True) -> Report:
    """Every problem of a data tree: source files, raw captures, labels, rules, and the committed release."""
    data_dir = Path(data_dir)
    release_format.recover(data_dir / "release")  # a release a killed build took away is put back first
    built = build.check_sources(data_dir, today)
    report = built.report
    check_release_transaction(data_dir.parent, report)
    if check_release and report.valid:
        release = data_dir / "release"
        report.extend(verify.validate_release(release, today=today).issues)
        check_in_sync(built.tables, release, report)
    return report
