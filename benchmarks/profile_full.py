"""CPU seconds of each step the full checks add to load(validate=True): the content fingerprint of each table and each
full rule, one after another in one process (the search of the texts three of them share shown on its own);
--reference runs the simple implementations the tests compare them with.

    python benchmarks/profile_full.py benchmarks/.data/release-100k [--reference] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import time
from pathlib import Path

from corpus_ds import checks, columns, release_format, rules
from corpus_ds.errors import Report
from corpus_ds.rules import actors, dates, long_tables, text
from corpus_ds.rules.context import Context

REFERENCES = {
    "rules.text.rule_characters": text.characters_reference,
    "rules.actors.rule_aliases_labelled": actors.aliases_labelled_reference,
    "rules.long_tables.rule_mentions_complete": long_tables.mentions_complete_reference,
    "rules.dates.rule_weekday_recorded": dates.weekday_recorded_reference,
}


def timed(step: str, run, out: dict) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    out[step] = {"cpu_s": round(time.process_time() - cpu, 2), "wall_s": round(time.perf_counter() - wall, 2)}
    print(f"{step:<50} {out[step]['cpu_s']:>8.2f} CPU s {out[step]['wall_s']:>8.2f} s", flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("release", type=Path)
    p.add_argument("--reference", action="store_true", help="the reference implementations instead")
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    report = Report()
    tables = release_format.read_release(args.release, report, full=False)
    if tables is None:
        raise SystemExit(f"{args.release}: not a readable release: {report.issues[:3]}")
    fingerprint = release_format.fingerprint_reference if args.reference else release_format.fingerprint
    out: dict = {}
    for name in columns.TABLES:
        timed(
            f"fingerprint {name} ({tables[name].num_rows} rows)", lambda n=name: fingerprint(tables[n]), out
        )
    ctx = Context(
        tables, tuple(n for n in tables if n != "actors"), rules.release_locator, dt.date.today(), full=True
    )
    if not args.reference:  # the one pass three full rules share, made once by the first of them to ask
        timed("compiled search of the texts (shared)", lambda: actors.searched_texts(ctx), out)
    for check in checks.in_scope("articles"):
        if check.full:
            run = REFERENCES[check.name] if args.reference else check.run
            timed(check.name, lambda r=run: r(ctx), out)
    total = sum(step["cpu_s"] for step in out.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'total':<50} {total:>8.2f} CPU s; peak {peak:.0f} MB; {len(ctx.issues)} issues")
    if args.json:
        args.json.write_text(
            json.dumps({"steps": out, "total_cpu_s": total, "peak_mb": peak}, indent=2) + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
