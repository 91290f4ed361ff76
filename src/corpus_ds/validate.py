"""Run every check on the sources or on a release and collect every problem into one report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import __version__, build, columns, models, rules
from corpus_ds.errors import Issue, Report
from corpus_ds.sources import WHOLE_FILE

# Where a release column's value comes from in a source file, so source problems point at the line to edit.
_SOURCE_FIELD = {
    ("articles", "text"): "cleaning",
    ("articles", "text_sha256"): "cleaning.text_sha256",
    ("articles", "event_weekday_quote"): "dates.event.weekday_evidence",
    ("articles", "event_date"): "dates.event.date",
    ("articles", "event_date_note"): "dates.event.note",
    ("articles", "published_date"): "dates.published.date",
    ("articles", "event_type"): "event.type",
    ("articles", "event_id"): "event.id",
    ("articles", "cameo_code"): "event.cameo_code",
    ("articles", "agreement_type"): "agreements",
    ("articles", "review_status"): "review.status",
    ("articles", "reviewer"): "review.reviewer",
    ("articles", "raw_sha256"): "raw.sha256",
    ("articles", "raw_file"): "raw.file",
    ("mentions", "surface"): "actors",
    ("mentions", "actor_id"): "actors",
    ("agreements", "quote"): "agreements",
    ("agreements", "sectors"): "agreements",
    ("evidence", "quote"): "evidence",
}


def source_locator(data_dir: Path) -> rules.Locate:
    def locate(table: str, column: str, article_id: str | None) -> tuple[str, str]:
        if table == "actors" or article_id is None:
            return (str(data_dir / "actors.yaml"), column) if table == "actors" else (f"{table}", column)
        return str(data_dir / "articles" / f"{article_id}.yaml"), _SOURCE_FIELD.get((table, column), column)

    return locate


def _schema_issues(file: str, expected: pa.Schema, found: pa.Schema) -> list[Issue]:
    """Name each column that is missing, unexpected or of the wrong type; else say what else differs."""
    got = {f.name: f for f in found}
    issues = [
        Issue("column-missing", file, f.name, f"expected column {f.name} ({f.type})")
        for f in expected
        if f.name not in got
    ]
    issues += [
        Issue(
            "column-type",
            file,
            f.name,
            f"expected type {f.type}, found {got[f.name].type}",
            str(got[f.name].type),
        )
        for f in expected
        if f.name in got and not got[f.name].type.equals(f.type)
    ]
    issues += [
        Issue("column-unexpected", file, n, "column not in the release schema", n)
        for n in got
        if n not in expected.names
    ]
    if (
        not issues
    ):  # same columns and types: say which column's nullability or which order differs, on one line
        issues = [
            Issue("schema-mismatch", file, f.name, f"expected {_nulls(f)}, found {_nulls(got[f.name])}")
            for f in expected
            if got[f.name].nullable != f.nullable
        ]
    if not issues:
        issues.append(
            Issue(
                "schema-mismatch",
                file,
                "(schema)",
                f"expected the columns {', '.join(expected.names)} with the release's nested nullability; found {', '.join(found.names)}",
            )
        )
    return issues


def _nulls(field: pa.Field) -> str:
    return "nullable" if field.nullable else "not null"


def _file_sha256(path: Path) -> str | None:
    """sha256 of a file read in blocks (hashlib releases the GIL, so this overlaps Parquet decoding)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 22), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def read_release(release_dir: Path, report: Report, full: bool = True) -> dict[str, pa.Table] | None:
    """Read a release, checking the manifest, checksums, exact schemas and metadata; None if unreadable.

    The sha256 of every file against the manifest (tamper detection) is computed in a thread while the tables are
    decoded. full: also recompute each table's content fingerprint from its rows (canonical JSON, row by row: the
    cost of a Python object per value), which only says something the checksums do not when the manifest itself
    was rewritten; `corpus-ds validate --release` and the build do it, load() relies on the checksums.
    """
    release_dir = Path(release_dir)
    manifest_path = release_dir / build.MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        entries = manifest["tables"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.add(
            "manifest-unreadable",
            str(manifest_path),
            WHOLE_FILE,
            f"expected a JSON manifest with a 'tables' mapping: {exc}",
        )
        return None
    if manifest.get("version") != __version__:
        report.add(
            "version-mismatch",
            str(manifest_path),
            "version",
            f"expected version {__version__} (the package), the manifest names {manifest.get('version')!r}",
            manifest.get("version"),
        )
    out: dict[str, pa.Table] = {}
    with ThreadPoolExecutor(1) as pool:
        digests = {
            name: pool.submit(_file_sha256, release_dir / f"{name}.parquet") for name in columns.TABLES
        }
        for name in columns.TABLES:
            table = _read_table(release_dir, name, entries, manifest, digests[name], report, full)
            if table is not None:
                out[name] = table
    if out and isinstance(entries, dict):
        combined = build.dataset_fingerprint(
            {
                name: entries[name].get("fingerprint")
                for name in columns.TABLES
                if isinstance(entries.get(name), dict)
            }
        )
        if len(out) == len(columns.TABLES) and combined != manifest.get("fingerprint"):
            report.add(
                "fingerprint-mismatch",
                str(manifest_path),
                "fingerprint",
                f"expected the release fingerprint {combined} (from the table fingerprints), the manifest says {manifest.get('fingerprint')}",
            )
    return out if len(out) == len(columns.TABLES) else None


def allow_drafts(report: Report) -> None:
    """Drop the issues that only say an article is a draft (a preview allows drafts; every other issue stays)."""
    report.issues = [i for i in report.issues if i.code not in ("draft-article", "not-reviewed")]


def _read_table(
    release_dir: Path, name: str, entries, manifest: dict, digest, report: Report, full: bool
) -> pa.Table | None:
    manifest_path = release_dir / build.MANIFEST
    entry = entries.get(name) if isinstance(entries, dict) else None
    path = release_dir / f"{name}.parquet"
    if not isinstance(entry, dict):
        report.add(
            "manifest-missing-table",
            str(manifest_path),
            f"tables.{name}",
            "expected an entry {file, rows, sha256, fingerprint} for this table",
            entry,
        )
        return None
    if not path.is_file():
        report.add("release-file-missing", str(path), WHOLE_FILE, "expected this file of the release")
        return None
    try:
        table = pq.read_table(path)
        # Parquet readers do not check UTF-8 or every offset. full: check them all, so that a forged file whose
        # checksum was rewritten gives an issue, not a decoding error later. Otherwise the checksums vouch for the
        # bytes the build wrote, the structure is still checked, and a decoding error is caught where it happens
        # (guarded rules, _to_pandas): the full UTF-8 scan of the texts would cost more than all the rules together.
        table.validate(full=full)
        error = None
    except (pa.ArrowException, OSError) as exc:
        table, error = None, exc
    actual = digest.result()
    if actual is None:
        report.add("release-file-missing", str(path), WHOLE_FILE, "expected this file of the release")
        return None
    if actual != entry.get("sha256"):
        report.add(
            "checksum-mismatch",
            str(path),
            "sha256",
            f"expected {entry.get('sha256')} (manifest), the file has {actual}",
            actual,
        )
        return None
    if table is None:
        report.add("parquet-unreadable", str(path), WHOLE_FILE, f"cannot read Parquet: {error}")
        return None
    expected = columns.schema(name)
    if not table.schema.remove_metadata().equals(expected.remove_metadata()):
        report.extend(_schema_issues(str(path), expected, table.schema))
        return None
    meta = {
        k.decode(errors="replace"): v.decode(errors="replace")
        for k, v in (table.schema.metadata or {}).items()
    }
    for key, want in (
        ("version", __version__),
        ("schema_version", models.SCHEMA_VERSION),
        ("fingerprint", manifest.get("fingerprint")),
    ):
        if meta.get(build.META_PREFIX + key) != want:
            report.add(
                "metadata-mismatch",
                str(path),
                f"metadata.{build.META_PREFIX}{key}",
                f"expected {want!r}, found {meta.get(build.META_PREFIX + key)!r}",
                meta.get(build.META_PREFIX + key),
            )
    if table.num_rows != entry.get("rows"):
        report.add(
            "row-count-mismatch",
            str(path),
            "rows",
            f"expected {entry.get('rows')} rows (manifest), found {table.num_rows}",
            table.num_rows,
        )
    if full:
        content = build.fingerprint(table)
        if content != entry.get("fingerprint") or content != meta.get(
            build.META_PREFIX + "table_fingerprint"
        ):
            report.add(
                "fingerprint-mismatch",
                str(path),
                "fingerprint",
                f"expected content fingerprint {entry.get('fingerprint')} (manifest), the rows give {content}",
                content,
            )
    elif meta.get(build.META_PREFIX + "table_fingerprint") != entry.get("fingerprint"):
        report.add(
            "fingerprint-mismatch",
            str(path),
            "fingerprint",
            f"expected content fingerprint {entry.get('fingerprint')} (manifest), the file's metadata says "
            f"{meta.get(build.META_PREFIX + 'table_fingerprint')}",
            meta.get(build.META_PREFIX + "table_fingerprint"),
        )
    return table


def checked_release(
    release_dir: Path, today: dt.date | None = None, full: bool = True, preview: bool = False
) -> tuple[dict[str, pa.Table] | None, Report]:
    """Read a release once and run every rule on it: the tables (None if unreadable) and the report.

    full=False (load()): checksums instead of recomputed content fingerprints, and the rules that need no Python
    loop over the texts (see rules.py). preview=True: drafts are allowed, because the caller asks for it (never
    because a manifest says so: nothing vouches for that key).
    """
    report = Report()
    loaded = read_release(release_dir, report, full)
    if loaded is not None:
        report.extend(
            rules.run(
                loaded,
                today=today,
                full=full,
                locate=lambda t, c, a: (str(Path(release_dir) / f"{t}.parquet"), c),
            )
        )
        if preview:
            allow_drafts(report)
    return loaded, report


def validate_release(release_dir: Path, today: dt.date | None = None, preview: bool = False) -> Report:
    return checked_release(release_dir, today, preview=preview)[1]


def check_in_sync(built: dict[str, pa.Table], release_dir: Path, report: Report) -> None:
    """The committed release must hold exactly what the sources build to (`corpus-ds build --check`)."""
    manifest_path = Path(release_dir) / build.MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        report.add(
            "release-missing",
            str(manifest_path),
            WHOLE_FILE,
            f"expected a built release; run `corpus-ds build` ({exc.__class__.__name__})",
        )
        return
    for name, table in built.items():
        want = build.fingerprint(table)
        have = manifest.get("tables", {}).get(name, {}).get("fingerprint")
        if want != have:
            report.add(
                "release-out-of-sync",
                str(Path(release_dir) / f"{name}.parquet"),
                "fingerprint",
                "the committed release differs from what the sources build to; run `corpus-ds build`",
                have,
            )


def check_sources(data_dir: Path, today: dt.date | None = None) -> build.Built:
    """Build the tables in memory and run every rule on them; the report is in the result."""
    data_dir = Path(data_dir)
    built = build.assemble(data_dir)
    if (
        built.registry_ok
    ):  # without a registry every actor rule would fail: its own error says what to fix first
        broken = {i.article_id for i in built.report.issues if i.article_id}
        built.report.extend(
            rules.run(
                built.tables,
                today=today,
                raw_texts=built.raw_texts,
                locate=source_locator(data_dir),
                broken=broken,
            )
        )
    # A draft is reported once, by its source file, with what is left to do; not again as a release rule.
    drafts = {i.article_id for i in built.report.issues if i.code == "draft-article"}
    built.report.issues = [
        i for i in built.report.issues if not (i.code == "not-reviewed" and i.article_id in drafts)
    ]
    return built


def validate_sources(data_dir: Path, today: dt.date | None = None, *, check_release: bool = True) -> Report:
    """Every problem of a data tree: source files, raw captures, labels, rules, and the committed release."""
    data_dir = Path(data_dir)
    built = check_sources(data_dir, today)
    report = built.report
    if check_release and report.valid:
        release = data_dir / "release"
        report.extend(validate_release(release, today=today).issues)
        check_in_sync(built.tables, release, report)
    return report
