"""Benchmark runner: each measurement in a fresh subprocess, median wall time of N runs and peak memory, ratios.

    python benchmarks/run.py benchmarks/.data/release-100k --runs 5 --json benchmarks/results/100k.json

Times cover the operation only (imports are done before the clock starts); peak memory is the child's
ru_maxrss (the whole process, interpreter and imports included). Ratios are against
pandas.read_parquet(dtype_backend="pyarrow") of the same files, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

from corpus_ds.columns import (
    TABLES,
)  # every table of a release (the plain reads read them all, as tables() does)

assert len(TABLES) == 7, TABLES  # the measurement names below say how many

SETUP = f"""
import resource, sys, time, json
import pandas as pd, pyarrow as pa, pyarrow.parquet as pq
import corpus_ds
D = sys.argv[1]
TABLES = {TABLES!r}
"""

# name -> (code run once under the clock, baseline-for-ratio key)
MEASUREMENTS = {
    "pq.read_table (7 tables)": "[pq.read_table(f'{D}/{t}.parquet') for t in TABLES]",
    "pandas.read_parquet default (7 tables)": "[pd.read_parquet(f'{D}/{t}.parquet') for t in TABLES]",
    "pandas.read_parquet pyarrow (7 tables)": (
        "[pd.read_parquet(f'{D}/{t}.parquet', dtype_backend='pyarrow') for t in TABLES]"
    ),
    "corpus_ds.tables validate=False": "corpus_ds.tables(D, validate=False)",
    "corpus_ds.tables validate=True": "corpus_ds.tables(D, validate=True)",
    # the same load on the reference path (no compiled text pass), as a corpus_ds without the extension runs it
    "corpus_ds.tables validate=True, reference path": (
        "__import__('os').environ['CORPUS_DS_KERNEL'] = 'python'; corpus_ds.tables(D, validate=True)"
    ),
    "pandas.read_parquet pyarrow (articles)": "pd.read_parquet(f'{D}/articles.parquet', dtype_backend='pyarrow')",
    "corpus_ds.load validate=False": "corpus_ds.load(path=D, validate=False)",
    "corpus_ds.load validate=True": "corpus_ds.load(path=D, validate=True)",
    "pydantic TypeAdapter, row-wise (7 tables)": """
from pydantic import TypeAdapter
from corpus_ds import models, verify
for t in TABLES:
    rows = pq.read_table(f'{D}/{t}.parquet').to_pylist()
    TypeAdapter(list[models.TABLE_MODELS[t]]).validate_python(rows)
""",
    # The same row-wise validation, a record batch at a time: at 1M articles the whole-table version needs more memory
    # than the machine has, so this is the one that runs there (time comparable, memory bounded by the batch).
    "pydantic TypeAdapter, row-wise in batches of 50k rows (7 tables)": """
from pydantic import TypeAdapter
from corpus_ds import models
for t in TABLES:
    adapter = TypeAdapter(list[models.TABLE_MODELS[t]])
    for batch in pq.ParquetFile(f'{D}/{t}.parquet').iter_batches(batch_size=50_000):
        adapter.validate_python(batch.to_pylist())
""",
    "pandera column checks, no evidence (7 tables)": "__import__('pandera_checks').validate(D)",
    "corpus-ds validate --release (full)": "__import__('corpus_ds.verify').verify.validate_release(D)",
}
SLOW = {
    "pydantic TypeAdapter, row-wise (7 tables)",
    "pydantic TypeAdapter, row-wise in batches of 50k rows (7 tables)",
    "corpus-ds validate --release (full)",
}
PAIRS = {  # measurement -> the plain read it is compared with
    "pq.read_table (7 tables)": "pandas.read_parquet pyarrow (7 tables)",
    "pandas.read_parquet default (7 tables)": "pandas.read_parquet pyarrow (7 tables)",
    "corpus_ds.tables validate=False": "pandas.read_parquet pyarrow (7 tables)",
    "corpus_ds.tables validate=True": "pandas.read_parquet pyarrow (7 tables)",
    "corpus_ds.tables validate=True, reference path": "pandas.read_parquet pyarrow (7 tables)",
    "corpus_ds.load validate=False": "pandas.read_parquet pyarrow (articles)",
    "corpus_ds.load validate=True": "pandas.read_parquet pyarrow (articles)",
    "pydantic TypeAdapter, row-wise (7 tables)": "pandas.read_parquet pyarrow (7 tables)",
    "pydantic TypeAdapter, row-wise in batches of 50k rows (7 tables)": "pandas.read_parquet pyarrow (7 tables)",
    "pandera column checks, no evidence (7 tables)": "pandas.read_parquet pyarrow (7 tables)",
    "corpus-ds validate --release (full)": "pandas.read_parquet pyarrow (7 tables)",
}


def child(code: str, directory: str) -> dict:
    """Run one measurement in a fresh interpreter: seconds and CPU seconds (all threads) for the code alone, and the
    process's peak memory."""
    code = textwrap.dedent(code).strip()
    body = code if "\n" in code else f"_ = {code}"  # keep the result alive: its memory counts
    program = (
        SETUP
        + "\n_u = resource.getrusage(resource.RUSAGE_SELF)\ncpu0 = _u.ru_utime + _u.ru_stime\n"
        + "t0 = time.perf_counter()\n"
        + body
        + "\nelapsed = time.perf_counter() - t0\n"
        "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(json.dumps({'seconds': elapsed, 'cpu_s': usage.ru_utime + usage.ru_stime - cpu0,"
        " 'peak_mb': usage.ru_maxrss / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program, directory], capture_output=True, text=True, cwd=Path(__file__).parent
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def import_cost(runs: int) -> dict:
    """Time of `import corpus_ds` and of `import pandas, pyarrow` in fresh interpreters (median)."""
    result = {}
    for name, stmt in (
        ("import corpus_ds", "import corpus_ds"),
        ("import pandas, pyarrow", "import pandas, pyarrow"),
    ):
        times = []
        for _ in range(runs):
            code = f"import time, sys; t=time.perf_counter(); {stmt}; print(time.perf_counter()-t)"
            times.append(
                float(
                    subprocess.run(
                        [sys.executable, "-c", code], capture_output=True, text=True, check=True
                    ).stdout
                )
            )
        result[name] = statistics.median(times)
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, corpus_ds; print(sorted(m for m in ('pandas','pyarrow','numpy','dask','duckdb','pydantic') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    result["heavy modules loaded by import corpus_ds"] = heavy
    return result


def compile_bytecode() -> None:
    """Write corpus_ds's bytecode before measuring, as `pip install` does: where PYTHONDONTWRITEBYTECODE is set, a
    checkout would otherwise compile every module it imports again in each measured process (about 25 ms each)."""
    import compileall

    import corpus_ds

    compileall.compile_dir(Path(corpus_ds.__file__).parent, quiet=1)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("release", help="a release directory (corpus_ds.synthetic)")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", nargs="*", help="measurement names to run (default: all)")
    p.add_argument("--skip", nargs="*", default=[], help="measurement names to leave out")
    p.add_argument(
        "--slow-runs",
        type=int,
        default=3,
        help="runs of the slow baselines (row-wise pydantic, full validation)",
    )
    p.add_argument("--json", type=Path)
    a = p.parse_args()
    names = [n for n in MEASUREMENTS if (not a.only or n in a.only) and n not in a.skip]
    compile_bytecode()
    results = {}
    # Round robin (every measurement once, then again): the machine's speed drifts (shared CPUs, memory reclaimed by the
    # host), and a drift then moves every measurement alike instead of whichever ran during it.
    samples: dict[str, list] = {name: [] for name in names}
    for round_ in range(max(a.runs, a.slow_runs if SLOW & set(names) else 0)):
        for name in names:
            if round_ < (a.slow_runs if name in SLOW else a.runs):
                samples[name].append(child(MEASUREMENTS[name], str(Path(a.release).resolve())))
    for name in names:
        got = samples[name]
        results[name] = {
            "median_s": statistics.median(s["seconds"] for s in got),
            "peak_mb": max(s["peak_mb"] for s in got),
            "median_cpu_s": statistics.median(s["cpu_s"] for s in got),
            "min_s": min(s["seconds"] for s in got),
            "runs": len(got),
            "samples_s": [round(s["seconds"], 3) for s in got],
        }
        print(
            f"{name:50s} {results[name]['median_s']:8.2f} s  {results[name]['peak_mb']:8.0f} MB",
            file=sys.stderr,
        )
    # min: the machine's reads are bimodal (a fresh process sometimes pays twice the page faults), so the best run is
    # shown beside the median, with its own ratio
    print(
        f"\n{'measurement':50s} {'median s':>9s} {'min s':>6s} {'cpu s':>6s} {'peak MB':>8s} {'time x':>7s} "
        f"{'min x':>6s} {'mem x':>6s}  baseline"
    )
    for name, r in results.items():
        base = results.get(PAIRS.get(name, ""))
        ratio_t = f"{r['median_s'] / base['median_s']:.2f}" if base else ""
        ratio_m = f"{r['peak_mb'] / base['peak_mb']:.2f}" if base else ""
        ratio_min = f"{r['min_s'] / base['min_s']:.2f}" if base else ""
        r["time_ratio"], r["min_time_ratio"], r["memory_ratio"], r["baseline"] = (
            ratio_t,
            ratio_min,
            ratio_m,
            PAIRS.get(name),
        )
        print(
            f"{name:50s} {r['median_s']:9.2f} {r['min_s']:6.2f} {r['median_cpu_s']:6.2f} {r['peak_mb']:8.0f} "
            f"{ratio_t:>7s} {ratio_min:>6s} "
            f"{ratio_m:>6s}  {PAIRS.get(name, '') if base else ''}"
        )
    imports = import_cost(a.runs)
    for k, v in imports.items():
        print(f"{k}: {v if isinstance(v, str) else f'{v * 1000:.0f} ms'}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        machine = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": __import__("os").cpu_count(),
        }
        a.json.write_text(
            json.dumps(
                {"release": a.release, "machine": machine, "results": results, "imports": imports}, indent=2
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
