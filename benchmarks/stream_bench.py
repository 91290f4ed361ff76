"""Streaming validation of a partitioned corpus: time and peak memory at growing row counts (memory must stay flat).

    python benchmarks/stream_bench.py --articles 1000000 5000000 --chars 300 --json benchmarks/results/stream.json

One partition of synthetic articles is generated (corpus_ds.synthetic) and copied under new keys (article ids,
captures, event ids rewritten per copy, so every key is unique, and the copy's number appended to each text, so
every text is too), which makes large corpora quick to write; the texts otherwise repeat from one partition to the
next. The corpus must validate: a run that finds issues is reported as such and fails. Validation runs in
a fresh process: corpus_ds.partitioned.validate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from corpus_ds import arrowtools, columns
from corpus_ds import synthetic as synth

HERE = Path(__file__).resolve().parent


def _rekey(table, k: int):
    """The same rows under keys of copy k (ids keep the release id pattern); each text gains the copy's number at its
    end (no offset moves), with n_chars and text_sha256 to match, so no two articles share a text."""
    out = table
    if "text" in out.column_names:
        text = pc.binary_join_element_wise(out.column("text"), f" {k:05d}", "")
        for name, values in (
            ("text", text),
            ("n_chars", pc.cast(pc.utf8_length(text), pa.int32())),
            ("text_sha256", pa.array(arrowtools.sha256_hex(text), pa.string())),
        ):
            i = out.schema.get_field_index(name)
            out = out.set_column(i, out.schema.field(i), values)
    if "agreements" in out.column_names:  # the instrument ids inside each article's list of agreements
        i = out.schema.get_field_index("agreements")
        out = out.set_column(i, out.schema.field(i), _rekey_instruments(out.column("agreements"), k))
    for name, pattern, replacement in (
        ("article_id", "^syn-", f"s{k:05d}-"),
        ("instrument_id", "^syn-", f"s{k:05d}-"),
        ("raw_file", "^syn_", f"s{k:05d}_"),
        ("event_id", "^syn-ev-", f"s{k:05d}-ev-"),
        ("raw_sha256", "^.....", f"{k:05x}"),
    ):
        if name in out.column_names:
            i = out.schema.get_field_index(name)
            out = out.set_column(
                i, out.schema.field(i), pc.replace_substring_regex(out.column(name), pattern, replacement)
            )
    return out


def _rekey_instruments(lists, k: int) -> pa.Array:
    """A list<struct> column with each struct's instrument_id renamed for copy k (one instrument per copy, so
    copies do not conclude one instrument at several events)."""
    lists = arrowtools.single(lists)
    items = lists.values
    fields = [items.field(j) for j in range(items.type.num_fields)]
    j = items.type.get_field_index("instrument_id")
    fields[j] = pc.replace_substring_regex(fields[j], "^syn-", f"s{k:05d}-")
    rebuilt = pa.StructArray.from_arrays(fields, fields=list(items.type), mask=items.is_null())
    return pa.ListArray.from_arrays(lists.offsets, rebuilt, type=lists.type, mask=lists.is_null())


def write(out: Path, n: int, chars: int, per_partition: int) -> None:
    shutil.rmtree(out, ignore_errors=True)
    template = out.parent / f"{out.name}-template"
    if not template.exists():
        synth.write_partitioned(template, per_partition, chars, seed=11, per_partition=per_partition)
    for name in columns.TABLES:
        (out / name).mkdir(parents=True)
    shutil.copy(template / "actors" / "part-00000.parquet", out / "actors" / "part-00000.parquet")
    base = {
        name: pq.read_table(template / name / "part-00000.parquet")
        for name in columns.TABLES
        if name != "actors"
    }
    for k in range(n // per_partition):
        for name, table in base.items():
            pq.write_table(_rekey(table, k), out / name / f"part-{k:05d}.parquet", compression="zstd")


def measure(root: Path) -> dict:
    code = (
        "import time, json, resource, sys, datetime as dt; from corpus_ds import partitioned; t=time.perf_counter(); "
        "r=partitioned.validate(sys.argv[1], today=dt.date(2026, 11, 24)); "
        "print(json.dumps({'seconds': time.perf_counter()-t, 'issues': len(r.issues), "
        "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, nargs="+", default=[1_000_000, 5_000_000])
    p.add_argument("--chars", type=int, default=300)
    p.add_argument("--per-partition", type=int, default=50_000)
    p.add_argument("--json", type=Path)
    a = p.parse_args()
    results = {}
    for n in a.articles:
        root = HERE / ".data" / f"partitioned-{n}"
        write(root, n, a.chars, a.per_partition)
        r = measure(root)
        rows = {
            name: sum(pq.read_metadata(f).num_rows for f in (root / name).glob("*.parquet"))
            for name in columns.TABLES
        }
        r.update(articles=n, rows=rows, partitions=n // a.per_partition)
        results[n] = r
        print(
            f"{n:9d} articles ({sum(rows.values()):,} rows in 6 tables): {r['seconds']:7.1f} s, "
            f"peak {r['peak_mb']:.0f} MB, "
            f"{r['issues']} issues",
            flush=True,
        )
        if r["issues"]:  # a benchmark of an invalid corpus measures its error reports, not validation
            print(
                f"the generated corpus is not valid ({r['issues']} issues): fix the generator",
                file=sys.stderr,
            )
            return 1
        shutil.rmtree(root)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(
            json.dumps(
                {"chars_per_text": a.chars, "per_partition": a.per_partition, "results": results}, indent=2
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
