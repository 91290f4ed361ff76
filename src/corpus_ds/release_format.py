"""What the reader and the writer of a release share: the manifest, metadata keys, hashing and fingerprints, and reading
and schema-checking a release's files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import __released__, __version__, columns, croissant, models
from corpus_ds.checks import check
from corpus_ds.errors import WHOLE_FILE, Issue, Report

MANIFEST = "manifest.json"


META_PREFIX = "corpus_ds."


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_text(text: str) -> str:
    return sha256_bytes(text.encode("utf-8"))


def fingerprint(table: pa.Table) -> str:
    """Content fingerprint of a table: its column names and rows as canonical JSON.

    It does not depend on Parquet encoding, compression or how pyarrow prints types (the exact types are
    checked separately against the release schema), so the same content gives the same fingerprint everywhere.
    """
    h = hashlib.sha256(json.dumps(table.column_names).encode())
    for row in table.to_pylist():
        h.update(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


def dataset_fingerprint(per_table: dict[str, str]) -> str:
    return sha256_text(json.dumps(per_table, sort_keys=True))


PREVIEW_NOTE = (
    "PREVIEW: may contain draft articles whose labels nobody has checked; never cite or publish it."
)


def new_manifest(fingerprint: str, dataset: str = "corpus_ds") -> dict:
    """A manifest before its tables are added: the dataset, the version, the schema version and the fingerprint."""
    return {
        "dataset": dataset,
        "version": __version__,
        "schema_version": models.SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "tables": {},
    }


def table_metadata(name: str, fingerprint: str, table_fingerprint: str) -> dict[bytes, bytes]:
    """The corpus_ds.* key-value metadata of one table's Parquet file."""
    values = {
        "version": __version__,
        "schema_version": models.SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "table": name,
        "table_fingerprint": table_fingerprint,
    }
    return {f"{META_PREFIX}{k}".encode(): v.encode() for k, v in values.items()}


def write_release(built: dict[str, pa.Table], out_dir: Path, preview: bool = False) -> dict:
    """Write Parquet files and the manifest into out_dir (which must not exist yet)."""
    out_dir.mkdir(parents=True)
    per_table = {name: fingerprint(t) for name, t in built.items()}
    fp = dataset_fingerprint(per_table)
    manifest = new_manifest(fp)
    if preview:
        manifest.update(preview=True, note=PREVIEW_NOTE)
    for name, table in built.items():
        meta = {**(table.schema.metadata or {}), **table_metadata(name, fp, per_table[name])}
        path = out_dir / f"{name}.parquet"
        pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")
        manifest["tables"][name] = {
            "file": path.name,
            "rows": table.num_rows,
            "sha256": sha256_bytes(path.read_bytes()),
            "fingerprint": per_table[name],
        }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    if not preview:  # a preview is never published: it gets no metadata for catalogues
        (out_dir / croissant.FILE).write_text(croissant.render(manifest, __released__), encoding="utf-8")
    return manifest


@check("release files", "croissant-out-of-sync")
def check_croissant(release_dir: Path, report: Report) -> None:
    """croissant.json is what the manifest and the models generate (types, descriptions, sha256s, licence)."""
    path = Path(release_dir) / croissant.FILE
    try:
        manifest = json.loads((Path(release_dir) / MANIFEST).read_text(encoding="utf-8"))
        expected = croissant.render(manifest, __released__)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # an unreadable manifest is reported by read_release
    try:
        found = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        found = None
        why = f"cannot read it ({exc.__class__.__name__})"
    else:
        why = "it differs from what the manifest and the models generate"
    if found != expected:
        report.add(
            "croissant-out-of-sync",
            str(path),
            WHOLE_FILE,
            f"expected the Croissant metadata of this release: {why}; run `corpus-ds build`",
        )


def recover(out_dir: Path) -> None:
    """If a build was killed between its two renames, put the previous release back before anything else."""
    if not out_dir.exists():
        for old in sorted(out_dir.parent.glob(f".{out_dir.name}-old-*")):
            os.replace(old, out_dir)
            return


def write_atomically(
    tables: dict[str, pa.Table], out_dir: Path, *, preview: bool, check: Callable[[Path], Report]
) -> Report:
    """Write a release beside out_dir, check what was written, then swap it in; the check's report.

    A failure at any step (an exception, or a check that finds problems) leaves the previous release byte for byte
    as it was: the new files are written to a temporary directory, and out_dir changes only by renames.
    """
    recover(out_dir)
    tmp = out_dir.parent / f".{out_dir.name}-new-{os.getpid()}"
    old = out_dir.parent / f".{out_dir.name}-old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        write_release(tables, tmp, preview)
        report = check(tmp)
        if not report.valid:
            return report
        if out_dir.exists():
            os.replace(out_dir, old)
        try:
            os.replace(tmp, out_dir)
        except OSError:
            if old.exists():
                os.replace(old, out_dir)
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report


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
                f"expected the columns {', '.join(expected.names)} with the release's nested nullability; found "
                f"{', '.join(found.names)}",
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


@check(
    "release files",
    "manifest-unreadable",
    "version-mismatch",
    "fingerprint-mismatch",
    "manifest-missing-table",
    "release-file-missing",
    "checksum-mismatch",
    "parquet-unreadable",
    "column-missing",
    "column-type",
    "column-unexpected",
    "schema-mismatch",
    "metadata-mismatch",
    "row-count-mismatch",
)
def read_release(release_dir: Path, report: Report, full: bool = True) -> dict[str, pa.Table] | None:
    """Read a release, checking the manifest, checksums, exact schemas and metadata; None if unreadable.

    The sha256 of every file against the manifest (tamper detection) is computed in a thread while the tables are
    decoded. full: also recompute each table's content fingerprint from its rows (canonical JSON, row by row: the
    cost of a Python object per value), which only says something the checksums do not when the manifest itself
    was rewritten; `corpus-ds validate --release` and the build do it, load() relies on the checksums.
    """
    release_dir = Path(release_dir)
    manifest_path = release_dir / MANIFEST
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
        combined = dataset_fingerprint(
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
                f"expected the release fingerprint {combined} (from the table fingerprints), the manifest says "
                f"{manifest.get('fingerprint')}",
            )
    return out if len(out) == len(columns.TABLES) else None


def _read_table(
    release_dir: Path, name: str, entries, manifest: dict, digest, report: Report, full: bool
) -> pa.Table | None:
    manifest_path = release_dir / MANIFEST
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
        with pq.ParquetFile(path) as parquet:  # one file: no dataset machinery (which would import pandas)
            table = parquet.read()
        # Parquet readers do not check UTF-8 or every offset. full: check them all, so that a forged file whose
        # checksum was rewritten gives an issue, not a decoding error later. Otherwise the checksums vouch for the
        # bytes the build wrote, the structure is still checked, and a decoding error is caught where it happens
        # (guarded rules, _to_pandas): the full UTF-8 scan of the texts would cost more than all the rules together.
        table.validate(full=full)
        error = None
    except (pa.ArrowException, OSError, UnicodeDecodeError) as exc:  # a damaged footer may hold invalid names
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
        if meta.get(META_PREFIX + key) != want:
            report.add(
                "metadata-mismatch",
                str(path),
                f"metadata.{META_PREFIX}{key}",
                f"expected {want!r}, found {meta.get(META_PREFIX + key)!r}",
                meta.get(META_PREFIX + key),
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
        content = fingerprint(table)
        if content != entry.get("fingerprint") or content != meta.get(META_PREFIX + "table_fingerprint"):
            report.add(
                "fingerprint-mismatch",
                str(path),
                "fingerprint",
                f"expected content fingerprint {entry.get('fingerprint')} (manifest), the rows give {content}",
                content,
            )
    elif meta.get(META_PREFIX + "table_fingerprint") != entry.get("fingerprint"):
        report.add(
            "fingerprint-mismatch",
            str(path),
            "fingerprint",
            f"expected content fingerprint {entry.get('fingerprint')} (manifest), the file's metadata says "
            f"{meta.get(META_PREFIX + 'table_fingerprint')}",
            meta.get(META_PREFIX + "table_fingerprint"),
        )
    return table
