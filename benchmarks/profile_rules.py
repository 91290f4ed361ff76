"""Where the fast checks spend their time: CPU seconds of each step of load(validate=True), one after another.

Run on a release directory (benchmarks/synth.py); the steps run in one thread here, so their CPU times add up to what
the loader spreads over two threads. Used to decide what to optimise; the ratios themselves come from run.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from concurrent.futures import Future
from pathlib import Path

from corpus_ds import arrowtools, columns, release_format, rules, textkernel
from corpus_ds.errors import Report

TABLES = columns.TABLES


def measure(step, *args) -> tuple[float, float, int]:
    """Wall and CPU seconds of a step, and the page faults it took (fresh memory handed over by the kernel)."""
    faults, wall, cpu = (
        resource.getrusage(resource.RUSAGE_SELF).ru_minflt,
        time.perf_counter(),
        time.process_time(),
    )
    step(*args)
    spent = time.perf_counter() - wall, time.process_time() - cpu
    return (*spent, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults)


def run_as_the_driver(ctx, rule) -> None:
    if not rules.vouched_for(ctx, rule):
        rule.run(ctx)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("release", type=Path)
    p.add_argument("--json", type=Path)
    a = p.parse_args()
    import pyarrow.parquet as pq

    steps: dict[str, tuple[float, float]] = {}
    steps[f"plain read (pq.read_table, {len(TABLES)} tables)"] = measure(
        lambda: [pq.read_table(a.release / f"{t}.parquet") for t in TABLES]
    )
    report = Report()
    tables = {}
    steps["read_release (checksums, schemas, metadata)"] = measure(
        lambda: tables.update(release_format.read_release(a.release, report, full=False) or {})
    )
    if not tables:
        print(report.format(), file=sys.stderr)
        return 1
    article_tables = tuple(t for t in tables if t != "actors")
    ctx = rules.Context(tables, article_tables, rules.release_locator, dt.date.today())
    # full=False, as load() runs them (the default, full=True, adds the registry's full checks: its characters)
    steps["registry rules"] = measure(lambda: rules.run_registry(tables["actors"], full=False))
    steps["article row of each long-table row"] = measure(
        lambda: [ctx.article_rows(t) for t in ("mentions", "agreements", "dyads", "evidence")]
    )
    ctx.paragraphs = Future()
    kernel = textkernel.compiled()  # CORPUS_DS_KERNEL=python profiles the reference path
    if kernel is not None:
        steps["compiled text pass (codes points, paragraphs, quotes)"] = measure(
            lambda: ctx.paragraphs.set_result(rules.text.scan_texts_compiled(ctx, kernel))
        )
    else:
        steps["byte scan of the texts (scan_texts)"] = measure(rules.text.scan_texts, ctx)
        steps["paragraph counts"] = measure(
            lambda: ctx.paragraphs.set_result(arrowtools.paragraph_counts(ctx.column("articles", "text")))
        )
    for rule in rules.selected("articles", full=False, rehash=False):
        # as the driver runs it: its compiled valid-or-not pass first, where it has one, then the rule if needed
        name, spent = rule.run.__name__, measure(run_as_the_driver, ctx, rule)
        steps[
            f"{name} (its pass vouched: the rule did not run)" if rules.vouched_for(ctx, rule) else name
        ] = spent
    steps["key rules"] = measure(
        rules.run_keys,
        rules.key_columns(tables["articles"]),
        rules.instrument_key_columns(tables["agreements"]),
    )
    rule_steps = [v for name, v in steps.items() if not name.startswith(("plain read", "read_release"))]
    rule_cpu, rule_faults = sum(v[1] for v in rule_steps), sum(v[2] for v in rule_steps)
    print(f"{'step':48s} {'wall s':>7s} {'cpu s':>7s} {'faults':>7s}")
    for name, (wall, cpu, faults) in steps.items():
        print(f"{name:48s} {wall:7.3f} {cpu:7.3f} {faults:7d}")
    print(f"{'all rules (sum)':48s} {'':7s} {rule_cpu:7.3f} {rule_faults:7d}")
    if ctx.issues:
        print(f"{len(ctx.issues)} issue(s) found: the corpus is not valid", file=sys.stderr)
    if a.json:
        a.json.write_text(
            json.dumps(
                {
                    "release": str(a.release),
                    "steps": {
                        k: {"wall_s": w, "cpu_s": c, "page_faults": f} for k, (w, c, f) in steps.items()
                    },
                    "rules_cpu_s": rule_cpu,
                    "rules_page_faults": rule_faults,
                },
                indent=2,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
