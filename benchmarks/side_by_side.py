"""Two versions of the code side by side: the plain read of the seven tables and tables(validate=True) with each
source tree, in fresh processes, round robin (so that a drift of the machine's speed moves them all alike).

    python benchmarks/side_by_side.py benchmarks/.data/release-100k --runs 15 /path/to/old/src /path/to/new/src

Each source tree is put first on PYTHONPATH in its processes (the extensions built in place in each); the plain read
runs with the first. Prints the median and best wall time, the median CPU seconds (all threads), the page faults and
the peak memory of each, with ratios against the plain read of the same run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = """
import resource, sys, time
import pandas as pd, pyarrow as pa, pyarrow.parquet as pq
import corpus_ds
from corpus_ds import columns
D, mode = sys.argv[1], sys.argv[2]
u = resource.getrusage(resource.RUSAGE_SELF)
cpu0, faults0 = u.ru_utime + u.ru_stime, u.ru_minflt
t0 = time.perf_counter()
if mode == "plain":
    _ = [pd.read_parquet(f"{D}/{t}.parquet", dtype_backend="pyarrow") for t in columns.TABLES]
else:
    _ = corpus_ds.tables(D, validate=True)
elapsed = time.perf_counter() - t0
u = resource.getrusage(resource.RUSAGE_SELF)
print(elapsed, u.ru_utime + u.ru_stime - cpu0, u.ru_minflt - faults0, u.ru_maxrss / 1024)
"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("release")
    p.add_argument("sources", nargs="+", help="source trees (each holding corpus_ds/)")
    p.add_argument("--runs", type=int, default=9)
    a = p.parse_args()
    release = str(Path(a.release).resolve())
    for src in a.sources:  # bytecode written first, as `pip install` does (see run.py)
        compileall.compile_dir(str(Path(src) / "corpus_ds"), quiet=1)
    names = [("plain read", a.sources[0], "plain")] + [
        (f"validate=True {s}", s, "validate") for s in a.sources
    ]
    samples: dict[str, list[tuple[float, ...]]] = {name: [] for name, _, _ in names}
    for _ in range(a.runs):
        for name, src, mode in names:
            env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
            out = subprocess.run(
                [sys.executable, "-c", CHILD, release, mode],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            samples[name].append(tuple(map(float, out.stdout.split())))
    base = samples["plain read"]
    median, best, cpu = (
        statistics.median(s[0] for s in base),
        min(s[0] for s in base),
        statistics.median(s[1] for s in base),
    )
    for name, got in samples.items():
        m, b, c = (
            statistics.median(s[0] for s in got),
            min(s[0] for s in got),
            statistics.median(s[1] for s in got),
        )
        print(
            f"{name:50s} median {m:.3f} ({m / median:.2f}x) best {b:.3f} ({b / best:.2f}x) cpu {c:.3f} "
            f"({c / cpu:.2f}x) faults {statistics.median(s[2] for s in got):.0f} peak {max(s[3] for s in got):.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
