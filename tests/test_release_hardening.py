"""What loads must be what was validated: metadata that would act, statistics that could lie, decompression bombs
(peak memory measured in a subprocess under a memory limit), manifests nested too deep."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from catalogue import TAMPERS
from conftest import DATA, REPO

import corpus_ds
from corpus_ds import columns, filecaps, loader
from corpus_ds.errors import ValidationError

BY_ID = {t.id: t for t in TAMPERS}


@pytest.fixture
def release(tmp_path):
    target = tmp_path / "release"
    shutil.copytree(DATA / "release", target)
    return target


@pytest.mark.parametrize("table", columns.TABLES)
@pytest.mark.parametrize("validate", [True, "full"])
def test_what_load_returns_is_what_was_validated_column_for_column(table, validate):
    frame = corpus_ds.load(table, validate=validate)
    arrow = pq.read_table(DATA / "release" / f"{table}.parquet")
    assert list(frame.columns) == arrow.column_names
    assert list(frame.index) == list(range(arrow.num_rows))
    for name in arrow.column_names:
        assert _python(frame[name]) == arrow.column(name).to_pylist(), name


def _python(series) -> list:
    """A column's values as Python objects, pandas' missing values (NA, NaN) as None."""
    import pandas as pd

    return [
        None if v is pd.NA or v is None or (isinstance(v, float) and v != v) else v for v in series.tolist()
    ]


def test_a_stored_pandas_entry_never_acts_on_what_load_returns():
    """Even a table carrying a pandas entry (read_release refuses such files) converts as its Arrow columns."""
    arrow = pq.read_table(DATA / "release" / "articles.parquet")
    forged = BY_ID["pandas-metadata-swaps-columns"]
    swapped = _table_with_pandas_entry(arrow, forged)
    for backend in ("pyarrow", "numpy"):
        frame = loader._to_pandas(swapped, backend)
        assert list(frame.columns) == arrow.column_names
        assert _python(frame["outlet"]) == arrow.column("outlet").to_pylist()
        assert _python(frame["text"]) == arrow.column("text").to_pylist()


def _table_with_pandas_entry(arrow: pa.Table, tamper) -> pa.Table:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        release = Path(scratch) / "release"
        shutil.copytree(DATA / "release", release)
        tamper.inject.apply(release)
        return pq.read_table(release / "articles.parquet")


def test_duckdb_trusts_lying_statistics_and_the_release_refuses_them(release):
    duckdb = pytest.importorskip("duckdb")
    path = str(release / "agreements.parquet")
    query = "SELECT count(*) FROM read_parquet(?) WHERE year = 2002"
    assert duckdb.execute(query, [path]).fetchone()[0] == 1
    BY_ID["statistics-lie"].inject.apply(release)
    # the attack: pyarrow reads the rows, DuckDB skips the row group its forged statistics rule out
    assert pq.read_table(path).column("year").to_pylist().count(2002) == 1
    assert duckdb.execute(query, [path]).fetchone()[0] == 0
    for validate in (True, "full"):
        with pytest.raises(ValidationError, match=r"year.statistics: .*\[parquet-statistics\]"):
            corpus_ds.load("agreements", path=release, validate=validate)


def test_the_release_carries_no_statistics_so_every_engine_reads_the_rows():
    duckdb = pytest.importorskip("duckdb")
    for table in columns.TABLES:
        meta = pq.read_metadata(DATA / "release" / f"{table}.parquet")
        for g in range(meta.num_row_groups):
            for c in range(meta.num_columns):
                chunk = meta.row_group(g).column(c)
                assert not chunk.is_stats_set and not chunk.has_column_index and not chunk.bloom_filter_offset
    path = str(DATA / "release" / "agreements.parquet")
    years = pq.read_table(path).column("year").to_pylist()
    for year in sorted({y for y in years if y is not None}):
        found = duckdb.execute(
            "SELECT count(*) FROM read_parquet(?) WHERE year = ?", [path, year]
        ).fetchone()[0]
        assert found == years.count(year)


BOMB = """
import hashlib, json, sys
import pyarrow as pa
import pyarrow.parquet as pq
from pathlib import Path

release = Path(sys.argv[1])
path = release / "removals.parquet"
removals = pq.read_table(path)
content = removals.column("content").to_pylist()
content[0] = "x" * 1_000_000_000
i = removals.schema.get_field_index("content")
bomb = removals.set_column(i, removals.schema.field(i), pa.array(content, removals.schema.field(i).type))
# zstd as the release's writer uses, at its fastest level and without a dictionary (hashing 1 GB would take seconds)
pq.write_table(bomb, path, compression="zstd", compression_level=1, use_dictionary=False, write_statistics=False)
manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
manifest["tables"]["removals"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
(release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
print(path.stat().st_size)
"""

LIMITED_LOAD = """
import resource, sys
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import corpus_ds
from corpus_ds.errors import ValidationError
for validate in (True, "full"):
    try:
        corpus_ds.load("removals", path=sys.argv[1], validate=validate)
        print("loaded")
    except ValidationError as exc:
        print(sorted(exc.report.codes()))
# VmHWM: this process's own peak (ru_maxrss would include the parent's memory at the fork)
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print("peak", int(peak.split()[1]) // 1024)
"""


@pytest.mark.slow
def test_a_decompression_bomb_is_refused_within_a_memory_limit(tmp_path):
    """A removals.parquet of a few hundred kilobytes whose one string decodes to 1 GB, its checksum matching: refused
    from its footer by load() and load(validate="full") in a process limited to 1 GiB of address space, which decoding
    it could not survive (see the control below)."""
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    written = subprocess.run(
        [sys.executable, "-c", BOMB, str(release)], capture_output=True, text=True, timeout=600
    )
    out, err = written.stdout, written.stderr
    assert written.returncode == 0, err
    assert int(out) < 2_000_000, "the bomb is small on disk"
    limit = 1 << 30
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_LOAD, str(release), str(limit)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["['parquet-too-large']"] * 2, done.stdout
    assert int(lines[2].split()[1]) < 512, f"peak resident memory {lines[2]} MB"


def test_decoding_the_bomb_is_what_the_limit_stops():
    """The control of the test above: under the same limit, decoding 1 GB (what a load without the footer check
    did) fails."""
    code = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        import pyarrow as pa
        try:
            pa.array(["x" * 1_000_000_000])
            print("decoded")
        except (MemoryError, pa.ArrowMemoryError):
            print("out of memory")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "out of memory", done.stdout + done.stderr


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_a_deep_manifest_is_a_located_error_everywhere(release, depth):
    (release / "manifest.json").write_text('{"tables": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    for validate in (True, "full"):
        with pytest.raises(ValidationError, match=r"manifest.json: \(file\): .*\[manifest-unreadable\]"):
            corpus_ds.load(path=release, validate=validate)
    with pytest.raises(corpus_ds.errors.CorpusError, match="cannot read the manifest"):
        loader.manifest(release)


def test_json_depth_is_measured_outside_strings():
    assert filecaps.json_depth_over('{"a": "[[[[[[[[[[[[["}', 2) is None
    assert filecaps.json_depth_over('{"a": "\\"[[[", "b": [[1]]}', 2) == 21
    assert json.loads('{"a": "\\"[[[", "b": [[1]]}')["b"] == [[1]]


def test_read_capped_reads_at_most_the_cap_whatever_the_size_says(tmp_path, monkeypatch):
    import os

    path = tmp_path / "big"
    path.write_bytes(b"x" * 10_000)
    real = os.fstat

    def lying_fstat(fd):  # a file that claims to be empty (as /proc files and devices do)
        info = real(fd)
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:]))

    monkeypatch.setattr(os, "fstat", lying_fstat)
    with pytest.raises(filecaps.TooLarge) as raised:
        filecaps.read_capped(path, 100)
    assert raised.value.size == 101


def test_devices_and_fifos_are_refused_without_blocking(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo")
    for path, kind in (
        (tmp_path / "fifo", "FIFO"),
        ("/dev/zero", "character device"),
        (tmp_path, "directory"),
    ):
        with pytest.raises(filecaps.NotARegularFile, match=kind):
            filecaps.read_capped(path, 100)
        assert not filecaps.regular_file(path)


def test_a_column_named_twice_in_row_groups_is_reported_not_raised(tmp_path):
    """The validating read decodes the texts by row group and the rest by name; a hostile file that names a column
    twice is read whole instead, and the report says what is wrong with it (no traceback)."""
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    t = pq.read_table(release / "articles.parquet")
    fields = [*t.schema, t.schema.field("text")]
    doubled = pa.Table.from_arrays(
        [*t.columns, t.column("text")], schema=pa.schema(fields, t.schema.metadata)
    )
    pq.write_table(doubled, release / "articles.parquet", row_group_size=2, write_statistics=False)
    from corpus_ds import release_format, verify

    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"]["articles"]["sha256"] = release_format.sha256_bytes(
        (release / "articles.parquet").read_bytes()
    )
    (release / "manifest.json").write_text(
        json.dumps(manifest), encoding="utf-8"
    )  # past the checksum: the schema
    _, report = verify.checked_release(release, full=False)
    codes = {i.code for i in report.issues}
    assert "checksum-mismatch" not in codes and codes & {"schema-mismatch", "column-unexpected"}, codes
