"""What the reader and the writer of a release share: the manifest, metadata keys, hashing and fingerprints, and reading
and schema-checking a release's files."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corpus_ds import __released__, __version__, columns, filecaps, vocab
from corpus_ds import arrowtools as at
from corpus_ds.checks import check
from corpus_ds.errors import WHOLE_FILE, Issue, Report

MANIFEST = "manifest.json"
# Checks read_release leaves to its caller: where their issues go in the report, and the check itself.
Deferred = list[tuple[int, Callable[[], list[Issue]]]]


META_PREFIX = "corpus_ds."
# Every Parquet key-value metadata key a release file holds: the table's description (columns.py) and these. Any other
# key is refused, never just ignored: readers act on some (pandas renames columns or moves one into the index).
META_KEYS = ("version", "schema_version", "fingerprint", "table", "table_fingerprint")

# Caps on what a release file declares in its footer, checked before anything is decoded (a decompression bomb
# declares what it will become): rows per table, leaf values per row, and decoded bytes per byte of file (zstd on
# news text gives 3 to 5; MAX_EXPANSION leaves room for repetitive columns) beyond a fixed allowance.
MAX_ROWS = 100_000_000
MAX_VALUES_PER_ROW = 10_000
MAX_EXPANSION = 100
EXPANSION_ALLOWANCE = 64 * 1024 * 1024
# The footer itself is bounded before it is parsed (its length, then every string and list in its Thrift encoding),
# so that a forged footer cannot make the parser allocate what it declares.
MAX_FOOTER_BYTES = 16 * 1024 * 1024
MAX_CROISSANT_BYTES = 16 * 1024 * 1024
# How every release file is written. No statistics, page index or bloom filter: engines that prune with them would
# trust summaries a forger can rewrite without touching the rows; a release file that carries any is refused
# (_footer_issues).
PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": False, "write_page_index": False}
THRIFT_LIMITS = {"thrift_string_size_limit": MAX_FOOTER_BYTES, "thrift_container_size_limit": 100_000}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_text(text: str) -> str:
    return sha256_bytes(text.encode("utf-8"))


def fingerprint(table: pa.Table) -> str:
    """Content fingerprint of a table: its column names and rows as canonical JSON (json.dumps of each row as a dict,
    sorted keys, dates as ISO strings), one line per row.

    It does not depend on Parquet encoding, compression or how pyarrow prints types (the exact types are
    checked separately against the release schema), so the same content gives the same fingerprint everywhere. The
    JSON is written by Arrow's compiled kernels a column at a time and a batch of rows at a time (canonical_rows),
    the same bytes as json.dumps, and hashed straight from Arrow's buffer.
    """
    h = hashlib.sha256(json.dumps(table.column_names).encode())
    with ThreadPoolExecutor(
        1
    ) as pool:  # a batch is hashed while the next is written (hashlib releases the GIL)
        hashed = pool.submit(h.update, b"")
        for batch in table.to_batches(max_chunksize=FINGERPRINT_ROWS):
            rows = _canonical_buffer(batch)
            hashed.result()
            hashed = pool.submit(h.update, rows)
        hashed.result()
    return h.hexdigest()


def fingerprint_reference(table: pa.Table) -> str:
    """fingerprint() row by row with json.dumps (the reference the tests compare it with)."""
    h = hashlib.sha256(json.dumps(table.column_names).encode())
    for row in table.to_pylist():
        h.update(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


FINGERPRINT_ROWS = 8192  # rows whose JSON is in memory at a time


def canonical_rows(batch: pa.RecordBatch | pa.Table) -> bytes:
    """Each row as json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) plus a newline, UTF-8."""
    return bytes(_canonical_buffer(batch))


def _canonical_buffer(batch: pa.RecordBatch | pa.Table) -> memoryview | bytes:
    """canonical_rows() as a view of the Arrow buffer that holds them (no copy), or bytes where json.dumps wrote
    them (a value only it renders exactly)."""
    names = batch.schema.names
    try:  # each object closed with its line's end, so that the rows are joined by Arrow once
        rows = _json_object(names, [batch.column(n) for n in names], batch.num_rows, close="}\n")
    except _NotCanonical:
        return _rows_by_json(batch)
    rows = rows.combine_chunks() if isinstance(rows, pa.ChunkedArray) else rows
    if not len(rows):
        return b""
    offsets = np.frombuffer(rows.buffers()[1], np.int64)[rows.offset : rows.offset + len(rows) + 1]
    return memoryview(rows.buffers()[2])[offsets[0] : offsets[-1]]


def _rows_by_json(batch) -> bytes:
    return "".join(
        json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n" for row in batch.to_pylist()
    ).encode()


class _NotCanonical(Exception):
    """A value only json.dumps of the whole row renders exactly (a date Python cannot represent)."""


_ENCODE_STRING = (
    json.encoder.encode_basestring
)  # json's own (C) string encoder, as json.dumps(ensure_ascii=False)


def _json_object(names: list[str], arrays: list, n: int, close: str = "}") -> pa.Array:
    """The JSON object {name: value} of every row, keys sorted, each value rendered by _json_array, then close."""
    if len(set(names)) != len(names):
        raise _NotCanonical()  # a dict keeps one value per key: json.dumps of the rows says which
    pieces: list = []
    for k, i in enumerate(sorted(range(len(names)), key=lambda i: names[i])):
        pieces += [_text(("{" if k == 0 else ", ") + _ENCODE_STRING(names[i]) + ": "), _json_array(arrays[i])]
    if not pieces:
        return pa.array(["{" + close] * n, pa.large_string())
    return pc.binary_join_element_wise(*pieces, _text(close), _text(""))


def _text(s: str) -> pa.Scalar:
    """A constant piece of the JSON, of the type the rendered values have (large strings: a batch's rows may hold
    more than 2 GB of text)."""
    return pa.scalar(s, pa.large_string())


def _json_array(arr) -> pa.Array:
    """The JSON of every value of an Arrow array, as json.dumps(value, ensure_ascii=False, sort_keys=True,
    default=str) writes it, as a string array ("null" for a null)."""
    arr = arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        rendered = _json_strings(arr)
    elif pa.types.is_integer(t) or pa.types.is_boolean(t):
        rendered = pc.cast(arr, pa.large_string())
    elif pa.types.is_date32(t):
        rendered = _json_dates(arr)
    elif pa.types.is_list(t) or pa.types.is_large_list(t):
        rendered = _json_lists(arr)
    elif pa.types.is_struct(t):
        fields = [arr.field(i) for i in range(t.num_fields)]
        rendered = _json_object([f.name for f in t], fields, len(arr))
    elif pa.types.is_floating(t):
        rendered = pa.array(list(map(_json_float, arr.to_pylist())), pa.large_string())
    else:  # any other type: json.dumps of each value
        rendered = pa.array(
            [json.dumps(v, ensure_ascii=False, sort_keys=True, default=str) for v in arr.to_pylist()]
        )
    if arr.null_count:
        rendered = pc.if_else(arr.is_valid(), rendered.cast(pa.large_string()), _text("null"))
    return rendered.cast(pa.large_string()) if rendered.type != pa.large_string() else rendered


_NON_FINITE = {math.inf: "Infinity", -math.inf: "-Infinity"}


def _json_float(value: float | None) -> str:
    """json.dumps of a float (repr's digits; NaN and the infinities by their JavaScript names), or "null"."""
    if value is None:
        return "null"
    if math.isfinite(value):
        return float.__repr__(value)
    return "NaN" if math.isnan(value) else _NON_FINITE[value]


def _json_strings(arr) -> pa.Array:
    """Each string as json.dumps(ensure_ascii=False) writes it: by the compiled kernel from the Arrow buffers where
    it is built, else by json's own encoder value by value."""
    from corpus_ds import textkernel

    kernel = textkernel.compiled()
    if kernel is not None:
        try:
            starts = np.zeros(len(arr) + 1, np.int64)
            data = kernel.json_strings(*textkernel._strings(arr), starts)
            return pa.LargeStringArray.from_buffers(len(arr), pa.py_buffer(starts), pa.py_buffer(data))
        except (ValueError, textkernel.Declined):
            pass
    return pa.array(["null" if v is None else _ENCODE_STRING(v) for v in arr.to_pylist()], pa.large_string())


def _json_dates(arr) -> pa.Array:
    days = pc.cast(arr, pa.int32())
    lo, hi = pc.min_max(days).values()
    if lo.is_valid and (lo.as_py() < _FIRST_DAY or hi.as_py() > _LAST_DAY):
        raise _NotCanonical()  # outside Python's dates: the rows' own conversion decides what happens
    return pc.binary_join_element_wise(_text('"'), pc.cast(arr, pa.large_string()), _text('"'), _text(""))


_FIRST_DAY = (dt.date(1, 1, 1) - dt.date(1970, 1, 1)).days
_LAST_DAY = (dt.date(9999, 12, 31) - dt.date(1970, 1, 1)).days


def _json_lists(arr) -> pa.Array:
    """Each list as "[" + its items' JSON joined by ", " + "]" (the joining done by Arrow)."""
    items = _json_array(arr.flatten())
    lengths = pc.fill_null(pc.list_value_length(arr), 0).to_numpy(zero_copy_only=False)
    offsets = pa.array(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32))
    joined = pc.binary_join(pa.ListArray.from_arrays(offsets, items), _text(", "))
    return pc.binary_join_element_wise(_text("["), joined, _text("]"), _text(""))


def dataset_fingerprint(per_table: dict[str, str]) -> str:
    return sha256_text(json.dumps(per_table, sort_keys=True))


PREVIEW_NOTE = (
    "PREVIEW: may contain draft articles whose labels nobody has checked; never cite or publish it."
)


def new_manifest(fingerprint: str, dataset: str = "corpus_ds", version: str = __version__) -> dict:
    """A manifest before its tables are added: the dataset, the version, the schema version and the fingerprint."""
    return {
        "dataset": dataset,
        "version": version,
        "schema_version": vocab.SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "tables": {},
    }


def table_metadata(
    name: str, fingerprint: str, table_fingerprint: str, version: str = __version__
) -> dict[bytes, bytes]:
    """The corpus_ds.* key-value metadata of one table's Parquet file."""
    values = {
        "version": version,
        "schema_version": vocab.SCHEMA_VERSION,
        "fingerprint": fingerprint,
        "table": name,
        "table_fingerprint": table_fingerprint,
    }
    return {f"{META_PREFIX}{k}".encode(): v.encode() for k, v in values.items()}


def write_release(
    built: dict[str, pa.Table],
    out_dir: Path,
    preview: bool = False,
    version: str = __version__,
    released: str = __released__,
) -> dict:
    """Write Parquet files and the manifest of `version` released on `released` (default: the package's) into
    out_dir (which must not exist yet)."""
    out_dir.mkdir(parents=True)
    per_table = {name: fingerprint(t) for name, t in built.items()}
    fp = dataset_fingerprint(per_table)
    manifest = new_manifest(fp, version=version)
    if preview:
        manifest.update(preview=True, note=PREVIEW_NOTE)
    for name, table in built.items():
        meta = {**(table.schema.metadata or {}), **table_metadata(name, fp, per_table[name], version)}
        path = out_dir / f"{name}.parquet"
        pq.write_table(table.replace_schema_metadata(meta), path, **PARQUET_OPTIONS)
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
        from corpus_ds import croissant  # derived from the models: imported by writers and full checks only

        (out_dir / croissant.FILE).write_text(croissant.render(manifest, released), encoding="utf-8")
    return manifest


@check("release files", "croissant-out-of-sync")
def check_croissant(release_dir: Path, report: Report, released: str = __released__) -> None:
    """croissant.json is what the manifest and the models generate (types, descriptions, sha256s, licence)."""
    from corpus_ds import croissant  # derived from the models: imported by writers and full checks only

    path = Path(release_dir) / croissant.FILE
    try:
        manifest = read_manifest(release_dir)
        expected = croissant.render(manifest, released)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # an unreadable manifest is reported by read_release
    try:
        found = filecaps.read_capped(path, MAX_CROISSANT_BYTES).decode("utf-8")
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
    """Undo what a killed build left, before anything reads out_dir: if it was killed between its two renames, the
    previous release is put back; the directories of builds no longer running (.NAME-new-PID, .NAME-old-PID) go."""
    out_dir = Path(out_dir)
    parent = out_dir.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{out_dir.name}-old-*"))
    if not out_dir.exists() and not out_dir.is_symlink() and olds:
        os.replace(olds[-1], out_dir)
    for debris in (*parent.glob(f".{out_dir.name}-old-*"), *parent.glob(f".{out_dir.name}-new-*")):
        pid = debris.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _running(int(pid)):
            shutil.rmtree(debris, ignore_errors=True)


def _running(pid: int) -> bool:
    """True if a process with this id runs (a build of this one is never debris of itself)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


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


def schema_issues(file: str, expected: pa.Schema, found: pa.Schema) -> list[Issue]:
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


HASH_BLOCK = 1 << 20  # bytes per read of a file being hashed


def _file_sha256(path: Path) -> str | None:
    """sha256 of a file read in blocks (hashlib releases the GIL, so this overlaps Parquet decoding)."""
    h = hashlib.sha256()
    if not filecaps.regular_file(path):  # a FIFO would block the read forever
        return None
    buffer = memoryview(bytearray(HASH_BLOCK))  # one block, reused: no fresh memory per read
    try:
        with open(path, "rb", buffering=0) as f:
            while n := f.readinto(buffer):
                h.update(buffer[:n])
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
    "metadata-unexpected",
    "parquet-statistics",
    "parquet-too-large",
    "row-count-mismatch",
)
def read_release(
    release_dir: Path,
    report: Report,
    full: bool = True,
    version: str = __version__,
    deferred: Deferred | None = None,
) -> dict[str, pa.Table] | None:
    """Read a release, checking the manifest, checksums, exact schemas and metadata; None if unreadable.

    The sha256 of every file against the manifest (tamper detection) is computed in a thread while the tables are
    decoded. full: also recompute each table's content fingerprint from its rows (canonical JSON, row by row: the
    cost of a Python object per value), which only says something the checksums do not when the manifest itself
    was rewritten; `corpus-ds validate --release` and the build do it, load() relies on the checksums.
    deferred: a list that receives those recomputations instead, each with where its issues go in the report (the
    caller runs them beside the rules, then settle() puts their issues in place).
    """
    release_dir = Path(release_dir)
    manifest_path = release_dir / MANIFEST
    try:
        manifest = read_manifest(release_dir)
        entries = manifest["tables"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        report.add(
            "manifest-unreadable",
            str(manifest_path),
            WHOLE_FILE,
            f"expected a JSON manifest with a 'tables' mapping: {exc}",
        )
        return None
    if manifest.get("version") != version:
        report.add(
            "version-mismatch",
            str(manifest_path),
            "version",
            f"expected version {version} (the package), the manifest names {manifest.get('version')!r}",
            manifest.get("version"),
        )
    out: dict[str, pa.Table] = {}
    with ThreadPoolExecutor(1) as pool:
        digests = {
            name: pool.submit(_file_sha256, release_dir / f"{name}.parquet") for name in columns.TABLES
        }
        for name in columns.TABLES:
            table = _read_table(
                release_dir, name, entries, manifest, digests[name], report, full, version, deferred
            )
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


def read_manifest(release_dir: Path) -> dict:
    """manifest.json under the caps of every JSON file of the project (size, depth); OSError or ValueError if it is
    not a readable JSON object."""
    manifest = filecaps.load_json(Path(release_dir) / MANIFEST)
    if not isinstance(manifest, dict):
        raise ValueError(f"expected a JSON object, found {type(manifest).__name__}")
    return manifest


def _footer_issues(path: Path, name: str, size: int) -> list[Issue]:
    """What the footer declares, checked before anything is decoded: the caps (rows, values, decoded bytes), no
    statistics, page index, bloom filter or sort order, and exactly the key-value metadata the writer puts there."""
    with open(path, "rb") as f:
        f.seek(max(size - 8, 0))
        tail = f.read(8)
    footer = int.from_bytes(tail[:4], "little") if len(tail) == 8 else -1
    if tail[4:] != b"PAR1" or not 0 < footer <= min(MAX_FOOTER_BYTES, size - 12):
        message = f"expected a Parquet file ending in a footer of at most {MAX_FOOTER_BYTES} bytes and PAR1"
        return [Issue("parquet-unreadable", str(path), WHOLE_FILE, message)]
    try:
        with pq.ParquetFile(path, **THRIFT_LIMITS) as parquet:
            meta = parquet.metadata
            return (
                _cap_issues(str(path), meta, size)
                + _summary_issues(str(path), meta)
                + _key_issues(str(path), meta, name)
            )
    except (pa.ArrowException, OSError, ValueError) as exc:  # a damaged footer (names that are not UTF-8 too)
        return [Issue("parquet-unreadable", str(path), WHOLE_FILE, f"cannot read the Parquet footer: {exc}")]


def _cap_issues(file: str, meta: pq.FileMetaData, size: int) -> list[Issue]:
    issues = []
    if not 0 <= meta.num_rows <= MAX_ROWS:
        message = f"expected at most {MAX_ROWS} rows, the footer declares {meta.num_rows}"
        issues.append(Issue("parquet-too-large", file, "rows", message, meta.num_rows))
    chunks = [
        (g, meta.row_group(g).column(c)) for g in range(meta.num_row_groups) for c in range(meta.num_columns)
    ]
    decoded = sum(chunk.total_uncompressed_size for _, chunk in chunks)
    allowed = MAX_EXPANSION * size + EXPANSION_ALLOWANCE
    if not 0 <= decoded <= allowed:
        message = (
            f"expected at most {allowed} decoded bytes for a file of {size} bytes ({MAX_EXPANSION} per byte and "
            f"{EXPANSION_ALLOWANCE} more), the footer declares {decoded}: a decompression bomb"
        )
        issues.append(Issue("parquet-too-large", file, "total_uncompressed_size", message, decoded))
    for g, chunk in chunks:
        rows = meta.row_group(g).num_rows
        if not 0 <= chunk.num_values <= max(rows, 1) * MAX_VALUES_PER_ROW:
            message = (
                f"expected at most {MAX_VALUES_PER_ROW} values per row, row group {g} declares "
                f"{chunk.num_values} in {rows} rows"
            )
            issues.append(
                Issue(
                    "parquet-too-large", file, f"{chunk.path_in_schema}.num_values", message, chunk.num_values
                )
            )
            break
    return issues


def _summary_issues(file: str, meta: pq.FileMetaData) -> list[Issue]:
    """The release writes no statistics, page index, bloom filter or sort order: an engine that prunes with them
    would trust summaries a forger rewrites without touching the rows (DuckDB skipping a row group it should read)."""
    found: dict[str, str] = {}
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        if group.sorting_columns:
            found.setdefault("sorting_columns", f"row group {g} declares a sort order")
        for c in range(meta.num_columns):
            chunk, where = group.column(c), group.column(c).path_in_schema
            if chunk.is_stats_set or getattr(chunk, "is_geo_stats_set", False):
                found.setdefault(f"{where}.statistics", f"row group {g} carries statistics")
            if chunk.has_column_index or chunk.has_offset_index:
                found.setdefault(f"{where}.page_index", f"row group {g} carries a page index")
            if (chunk.bloom_filter_offset or 0) > 0:
                found.setdefault(f"{where}.bloom_filter", f"row group {g} carries a bloom filter")
    return [
        Issue(
            "parquet-statistics",
            file,
            where,
            f"expected no statistics, page index, bloom filter or sort order: {what}",
        )
        for where, what in found.items()
    ]


def _key_issues(file: str, meta: pq.FileMetaData, name: str) -> list[Issue]:
    """Exactly the key-value metadata the writer puts there: ARROW:schema, the table's description, corpus_ds.*."""
    allowed = {
        b"ARROW:schema",
        *(columns.schema(name).metadata or {}),
        *(META_PREFIX.encode() + k.encode() for k in META_KEYS),
    }
    return [
        Issue(
            "metadata-unexpected",
            file,
            f"metadata.{key.decode(errors='backslashreplace')}",
            "expected only the metadata keys the release writes (ARROW:schema, description, corpus_ds.*): readers "
            "act on others (a pandas entry renames columns or moves one into the index)",
            key.decode(errors="backslashreplace"),
        )
        for key in meta.metadata or {}
        if key not in allowed
    ]


def _metadata_issues(path: Path, name: str, table: pa.Table) -> list[Issue]:
    """The schema's own metadata (the table description, each column's description) is exactly the release's."""
    expected = columns.schema(name)
    meta = {k: v for k, v in (table.schema.metadata or {}).items() if not k.startswith(META_PREFIX.encode())}
    issues = [
        Issue(
            "metadata-mismatch",
            str(path),
            f"metadata.{k.decode(errors='backslashreplace')}",
            "expected the release's description of the table",
            None,
        )
        for k in meta
        if meta[k] != (expected.metadata or {}).get(k)
    ]
    for field in expected:
        if table.schema.field(field.name).metadata != field.metadata:
            issues.append(
                Issue(
                    "metadata-mismatch",
                    str(path),
                    f"{field.name}.metadata",
                    "expected the release's column metadata (its description and nothing else)",
                )
            )
    return issues


def read_row_groups(path: Path, columns: list[str] | None = None) -> pa.Table:
    """A Parquet file as a table of one chunk per row group, as pandas.read_parquet reads it, for reads without
    checks. The row groups are decoded side by side, as the dataset reader behind pandas.read_parquet does, without
    importing it (it loads pandas): read one after another, 1M articles took 7.7 s against its 5.0 s. ParquetFile.read
    would concatenate the row groups into one chunk, a copy of every column (more memory at its peak, and more
    time)."""
    with pa.OSFile(str(path)) as source:
        return _row_groups(source, pq.ParquetFile(source), columns)


def _row_groups(source: pa.NativeFile, parquet: pq.ParquetFile, columns: list[str] | None) -> pa.Table:
    """The row groups of an open file decoded side by side. One open file and one parsed footer serve every thread
    (positioned reads), so that a file renamed meanwhile cannot mix two versions and a footer of many row groups is
    parsed once."""
    groups, metadata = parquet.num_row_groups, parquet.metadata
    if groups <= 1:
        return parquet.read(columns=columns)

    def group(i: int) -> pa.Table:
        return pq.ParquetFile(source, metadata=metadata).read_row_group(i, columns=columns)

    with ThreadPoolExecutor(min(groups, os.cpu_count() or 1)) as pool:
        return pa.concat_tables(pool.map(group, range(groups)))


# Columns the rules only hand to the compiled pass over the texts, which takes them a chunk at a time: decoded a row
# group per thread and never joined into one chunk (the texts are most of a release's bytes).
CHUNKED_COLUMNS = {"articles": ("text",)}


def _read_checked(path: Path, name: str) -> pa.Table:
    """A table for the rules: one chunk per column, except CHUNKED_COLUMNS, decoded by row group beside the rest
    (from the same open file and footer)."""
    with pa.OSFile(str(path)) as source:
        parquet = pq.ParquetFile(source, **THRIFT_LIMITS)
        names = parquet.schema_arrow.names
        chunked = [c for c in CHUNKED_COLUMNS.get(name, ()) if c in names]
        # a name twice (a hostile file) cannot be read by name: read whole, and the schema check reports it
        if not chunked or parquet.num_row_groups <= 1 or len(set(names)) != len(names):
            return parquet.read()
        with ThreadPoolExecutor(1) as pool:
            by_group = pool.submit(_row_groups, source, parquet, chunked)
            rest = pq.ParquetFile(source, metadata=parquet.metadata).read(
                columns=[c for c in names if c not in chunked]
            )
            columns = {c: rest.column(c) for c in rest.column_names} | {
                c: by_group.result().column(c) for c in chunked
            }
    return pa.Table.from_arrays([columns[c] for c in names], schema=parquet.schema_arrow)


def _decode(path: Path, name: str, full: bool) -> tuple[pa.Table | None, list[Issue]]:
    """A table file decoded, or the issues that stop it: a footer that breaks a cap or carries what the release never
    writes (then nothing is decoded), or Parquet that cannot be read."""
    footer = _footer_issues(path, name, path.stat().st_size)
    if footer:
        return None, footer
    try:
        # one chunk per column: the rules work on whole columns (read a row group at a time, the chunks would be
        # joined rule by rule, more memory and time at 1M articles than the one join of ParquetFile.read)
        table = _read_checked(path, name)
        # Parquet readers do not check UTF-8 or every offset. full: check them all, so that a forged file whose
        # checksum was rewritten gives an issue, not a decoding error later. Otherwise the checksums vouch for the
        # bytes the build wrote, the structure is still checked, and a decoding error is caught where it happens
        # (guarded rules, _to_pandas): the full UTF-8 scan of the texts would cost more than all the rules together.
        if full:
            validate_fully(table)
        else:
            table.validate()
    except (
        pa.ArrowException,
        OSError,
        ValueError,
    ) as exc:  # ValueError: bytes that are not UTF-8 where text is due
        return None, [Issue("parquet-unreadable", str(path), WHOLE_FILE, f"cannot read Parquet: {exc}")]
    return table, []


def _content_issues(path: Path, table: pa.Table, listed, meta: dict) -> list[Issue]:
    """The table's content fingerprint recomputed from its rows, against the manifest and the file's metadata."""
    content = fingerprint(table)
    if content == listed and content == meta.get(META_PREFIX + "table_fingerprint"):
        return []
    return [
        Issue(
            "fingerprint-mismatch",
            str(path),
            "fingerprint",
            f"expected content fingerprint {listed} (manifest), the rows give {content}",
            content,
        )
    ]


def settle(report: Report, deferred: Deferred, done: list[list[Issue]]) -> None:
    """The issues of deferred checks put where read_release would have added them."""
    # the last first, so that the places of those before it stay where they are
    for (place, _), issues in reversed(list(zip(deferred, done))):
        report.issues[place:place] = issues


def validate_fully(table: pa.Table) -> None:
    """table.validate(full=True), the UTF-8 of the string columns checked by the compiled pass where it is built
    (Arrow's check takes twice as long on Arabic text). Where the pass does not vouch for a column, or another
    column fails, Arrow's own check of the whole table runs and raises what it raises."""
    from corpus_ds import textkernel

    kernel = textkernel.compiled()
    try:
        table.validate()
        strings = []
        for column in table.columns:
            if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
                column.validate(full=True)
            elif kernel is None:
                raise _NotVouched()
            else:
                strings += column.chunks
        # the chunks checked in two threads (the pass releases the GIL): the texts are most of a release's bytes
        with at.executor(sum(map(len, strings))) as pool:
            if not all(pool.map(lambda c: _utf8(kernel, c) and _nulls_as_declared(c), strings)):
                raise _NotVouched()
    except (pa.ArrowException, _NotVouched):
        table.validate(full=True)


def _nulls_as_declared(chunk: pa.Array) -> bool:
    """Whether the array's validity bitmap holds as many nulls as it declares (Arrow's full check compares them)."""
    bitmap = chunk.buffers()[0]
    if bitmap is None:
        return chunk.null_count == 0
    bits = np.unpackbits(np.frombuffer(bitmap, np.uint8), bitorder="little")
    valid = bits[chunk.offset : chunk.offset + len(chunk)]
    return len(valid) == len(chunk) and len(chunk) - int(valid.sum()) == chunk.null_count


class _NotVouched(Exception):
    """The compiled pass does not vouch for a string column: Arrow checks it."""


def _utf8(kernel, chunk: pa.Array) -> bool:
    """Whether the compiled pass vouches for a string array: offsets in order and in bounds, well-formed UTF-8."""
    from corpus_ds import textkernel

    try:
        return bool(kernel.utf8_rows(*textkernel._strings(chunk)))
    except (ValueError, textkernel.Declined):
        return False


def _read_table(
    release_dir: Path,
    name: str,
    entries,
    manifest: dict,
    digest,
    report: Report,
    full: bool,
    version: str,
    deferred: Deferred | None,
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
    if not filecaps.regular_file(path):
        report.add(
            "release-file-missing",
            str(path),
            WHOLE_FILE,
            "expected this file of the release (a regular file)",
        )
        return None
    # The file is decoded while its checksum is computed in the other thread; what decoding found is reported only
    # once the checksum matches, so the report is what checking the checksum first would give.
    table, problems = _decode(path, name, full)
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
    if problems:
        report.extend(problems)
        return None
    expected = columns.schema(name)
    if not table.schema.remove_metadata().equals(expected.remove_metadata()):
        report.extend(schema_issues(str(path), expected, table.schema))
        return None
    metadata = _metadata_issues(path, name, table)
    if metadata:
        report.extend(metadata)
        return None
    meta = {
        k.decode(errors="replace"): v.decode(errors="replace")
        for k, v in (table.schema.metadata or {}).items()
    }
    for key, want in (
        ("version", version),
        ("schema_version", vocab.SCHEMA_VERSION),
        ("fingerprint", manifest.get("fingerprint")),
        ("table", name),
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
        check = functools.partial(_content_issues, path, table, entry.get("fingerprint"), meta)
        if deferred is None:
            report.extend(check())
        else:
            deferred.append((len(report.issues), check))
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
