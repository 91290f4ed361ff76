"""The thin `corpus-ds` command: info, validate, build, new, diff, agreement, release, schema, docs, cite, site."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from corpus_ds import __version__

EPILOG = """examples:
  corpus-ds info                     dataset version, row counts and a preview of the articles
  corpus-ds path                     the directory of the installed release (for DuckDB, R, polars, Spark)
  corpus-ds path mentions            the Parquet file of one table
  corpus-ds validate                 check ./data (sources, raw captures, rules, committed release);
                                     outside a checkout, the installed release
  corpus-ds validate --release DIR   check a built release directory
  corpus-ds validate --partitioned DIR  check a partitioned corpus, one partition in memory at a time
  corpus-ds build                    rebuild data/release from the sources (atomic)
  corpus-ds build --check            fail if the committed release is not what the sources build to
  corpus-ds build --preview          build drafts too, into data/preview/ (marked as a preview; never released)
  corpus-ds new capture.txt          add a raw capture and write a draft source file to complete
  corpus-ds clean capture.html       show each line or block of a capture, its role and the rule behind it
  corpus-ds diff                     label changes of the working sources since the current version's release
  corpus-ds diff OLD_RELEASE NEW     label changes between two releases (or a release and a data directory)
  corpus-ds agreement A B            inter-annotator agreement of two annotation directories
  corpus-ds release 0.2.0            bump the version everywhere, stub the changelog from the diff, rebuild
  corpus-ds schema --check           fail if schema/ (or release_schema.py) is not what the models generate
  corpus-ds docs --check             fail if a generated document or section (DATASHEET, CODEBOOK, README
                                     card, CITATION.cff, LICENSE) is stale
  corpus-ds export --format plover OUT  PLOVER records (JSON Lines), one per dyad, validated against the schema
  corpus-ds export --format icews OUT   ICEWS-style flat table (TSV and Parquet), CAMEO codes as text
  corpus-ds cite                     BibTeX for this exact version
  corpus-ds cite --format cff        CITATION.cff for this exact version
  corpus-ds site public/             write the static review site (every label on its evidence) to public/
"""


def _today(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


CHECKOUT_HINT = (
    "run it at the root of a checkout of the corpus_ds repository (git clone it, then "
    '`pip install -e ".[test]"`; CONTRIBUTING.md, "Set up")'
)


def package_checkout() -> Path | None:
    """The checkout this package runs from (an editable install), or None for an installed wheel."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "data" / "articles").is_dir() else None


def _data_dir(given: str | None) -> Path | None:
    """The given directory; by default ./data, else the data/ of the checkout this package runs from, else None."""
    if given is not None:
        return Path(given)
    if (Path("data") / "articles").is_dir():
        return Path("data")
    checkout = package_checkout()
    return checkout / "data" if checkout is not None else None


def _needs_checkout(command: str, what: str) -> int:
    """Say plainly that a command needs a checkout (the installed package carries only the built release)."""
    print(
        f"corpus-ds {command}: needs {what}, which the installed package does not carry (it holds the built "
        f"release only: `corpus-ds path`); {CHECKOUT_HINT}",
        file=sys.stderr,
    )
    return 1


def _not_a_data_dir(data_dir: Path) -> int:
    print(
        f"{data_dir}: not a corpus_ds data directory (expected {data_dir / 'articles'}/); "
        "for a built release use --release DIR",
        file=sys.stderr,
    )
    return 1


def cmd_info(args: argparse.Namespace) -> int:
    from corpus_ds import arabic, loader

    frames = loader.tables(args.release)
    info = loader.manifest(args.release)
    print(
        f"corpus_ds {__version__}  (schema {info['schema_version']}, fingerprint sha256:{info['fingerprint'][:16]})"
    )
    print(f"release: {args.release or loader.path()}")
    print("tables:")
    for name, frame in frames.items():
        print(f"  {name:<11} {len(frame):>5} rows")
    print("articles:")
    print(f"  {'article_id':<10}  {'event_date':<10}  {'event_type':<16} {'agreement_type':<28} title")
    for row in frames["articles"].itertuples():
        title = arabic.shorten(row.title, 60) if isinstance(row.title, str) else "(the page shows no title)"
        print(
            f"  {row.article_id:<10}  {row.event_date!s:<10}  {row.event_type:<16} {row.agreement_type:<28} {title}"
        )
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    from corpus_ds import loader

    print(loader.path(args.table))
    return 0


def _print_report(report, as_json: bool) -> int:
    print(report.to_json() if as_json else report.format())
    return int(not report.valid)


def cmd_validate(args: argparse.Namespace) -> int:
    from corpus_ds import validate, verify

    if args.release is not None:
        report = verify.validate_release(Path(args.release), today=_today(args.today), preview=args.preview)
        return _print_report(report, args.json)
    if args.partitioned is not None:
        from corpus_ds import partitioned

        if not partitioned.partitions(args.partitioned):
            print(
                f"{args.partitioned}: no partitions (expected {Path(args.partitioned) / 'articles'}/*.parquet)",
                file=sys.stderr,
            )
            return 1
        return _print_report(
            partitioned.validate(Path(args.partitioned), today=_today(args.today)), args.json
        )
    data_dir = _data_dir(args.data_dir)
    if data_dir is None:  # outside a checkout: the release installed with the package
        from corpus_ds import loader

        release = loader.path()
        print(
            f"no data directory here (./data/articles): validating the installed release {release}",
            file=sys.stderr,
        )
        return _print_report(verify.validate_release(release, today=_today(args.today)), args.json)
    if not (data_dir / "articles").is_dir():
        return _not_a_data_dir(data_dir)
    return _print_report(validate.validate_sources(data_dir, today=_today(args.today)), args.json)


def cmd_build(args: argparse.Namespace) -> int:
    from corpus_ds import build, release, release_format, validate

    data_dir = _data_dir(args.data_dir)
    if data_dir is None:
        return _needs_checkout(
            "build", "the sources (data/articles, data/raw, data/actors.yaml, or their directory: build DIR)"
        )
    if not (data_dir / "articles").is_dir():
        return _not_a_data_dir(data_dir)
    if args.check:
        report = validate.validate_sources(data_dir, today=_today(args.today))
        return _print_report(report, False)
    recovered = release.recover(data_dir.parent)
    if recovered:
        print(f"corpus-ds: {recovered}", file=sys.stderr)
    if recovered == release.ROLLED_FORWARD:  # this process still runs the old version: build nothing with it
        return 0
    what = "preview" if args.preview else "release"
    out = data_dir / (build.PREVIEW_DIR if args.preview else "release")
    release_format.recover(
        out
    )  # a build killed between its renames: its release is back before it is looked at
    existed = (out / release_format.MANIFEST).is_file()
    report = build.build(data_dir, today=_today(args.today), preview=args.preview)
    for note in report.notes:
        print(note)
    if report.valid:
        manifest = release_format.read_manifest(out)
        for entry in manifest["tables"].values():
            print(f"wrote {out / entry['file']}  ({entry['rows']} rows)")
        if args.preview:
            print(release_format.PREVIEW_NOTE)
        print(f"{what} {manifest['version']} fingerprint {manifest['fingerprint']}")
        return 0
    print(report.format())
    kept = f"the previous {what} is unchanged" if existed else f"no {what} was written"
    print(f"build refused: {kept} ({out})", file=sys.stderr)
    return 1


def cmd_new(args: argparse.Namespace) -> int:
    from corpus_ds import draft

    data_dir = _data_dir(args.data_dir)
    if data_dir is None:
        return _needs_checkout(
            "new", "a data directory to add the capture to (data/articles, data/raw, or --data-dir DIR)"
        )
    if not (data_dir / "articles").is_dir():
        return _not_a_data_dir(data_dir)
    path = draft.new_article(Path(args.raw_file), data_dir, args.id)
    print(f"copied the capture to {data_dir / 'raw'} (bytes untouched) and wrote a draft source file.")
    print("next steps:")
    print("  1. read the article (its cleaned text is at the end of the draft) and fill in every TODO;")
    print(
        "     check each proposal against the text, fix it, and delete its `proposed:` line "
        "(CODEBOOK.md, CONTRIBUTING.md)"
    )
    print(f"  2. corpus-ds validate {data_dir}        explains what is still missing or wrong")
    print(
        "  3. an actor the registry lacks: add it to data/actors.yaml with its offices and sources (CONTRIBUTING.md)"
    )
    print(
        "  4. a second person reviews every label against its evidence, sets review.status: reviewed "
        "and review.reviewer"
    )
    print(f"  5. corpus-ds build {data_dir}           then corpus-ds diff, and open a pull request")
    print(path)
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from corpus_ds import capture, propose, scoring

    if args.score:
        scores = [scoring.score_page(page) for page in scoring.pages(Path(d) for d in args.captures)]
        if not scores:
            print(
                f"corpus-ds: no captures with a .truth.json beside them in {', '.join(args.captures)}",
                file=sys.stderr,
            )
            return 1
        print(scoring.as_json(scores) if args.json else scoring.report(scores))
        return 0
    if len(args.captures) != 1:
        print("corpus-ds: clean takes one capture (or --score DIR ...)", file=sys.stderr)
        return 2
    path = Path(args.captures[0])
    result = capture.clean_file(path)
    found = result.published
    events = propose.event_date_candidates(result.cleaned.text, found.date if found else None)
    rows = [
        {"unit": u.number, "role": d.role, "rule": d.decided_by, "sure": d.sure, "text": u.text}
        for u in result.units
        if (d := result.cleaned.decisions.get(u.number))
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "capture": str(path),
                    "kind": result.kind,
                    "units": rows,
                    "title": result.cleaned.title,
                    "published_date": found
                    and {
                        "date": found.date.isoformat(),
                        "quote": found.quote,
                        "unit": found.line,
                        "why": found.why,
                    },
                    "event_date_candidates": events,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for r in rows:
        mark = " " if r["sure"] else "?"
        print(f"{r['unit']:4d} {r['role']:<16}{mark} {r['rule'].removeprefix('rule:'):<28} {r['text']}")
    print(f"title: {result.cleaned.title or '(none found)'}")
    print(
        f"published: {found.date.isoformat()} ({found.why}: {found.quote!r})"
        if found
        else "published: (none stated)"
    )
    for c in events:
        print(
            f"event date: {c['quote']!r} allows {', '.join(c['dates']) or 'no date without a publication date'}"
        )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import tempfile

    from corpus_ds import diff, versions

    if args.old and args.new:  # two releases or data directories: no checkout needed
        result = diff.diff(Path(args.old), Path(args.new), None)
        print(result.to_json() if args.json else result.markdown())
        return 0
    data_dir = _data_dir(None)
    if data_dir is None or not (data_dir.resolve().parent / versions.INIT).is_file():
        return _needs_checkout(
            "diff", "the working sources and the version history (or two directories: corpus-ds diff OLD NEW)"
        )
    new = Path(args.new) if args.new else data_dir
    with tempfile.TemporaryDirectory() as scratch:
        root = data_dir.resolve().parent
        old = Path(args.old) if args.old else versions.released(root, Path(scratch))
        result = diff.diff(old, new, None if args.old else f"{versions.current(root)} as released")
    print(result.to_json() if args.json else result.markdown())
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from corpus_ds import agreement, sources
    from corpus_ds.errors import Report

    data_dir = _data_dir(None)
    if args.registry is None and data_dir is None:
        return _needs_checkout("agreement", "the actor registry (data/actors.yaml, or --registry FILE)")
    registry_path = Path(args.registry) if args.registry else data_dir / "actors.yaml"
    report = Report()
    registry = sources.read_registry(registry_path, report)
    if registry is None:
        print(report.format(), file=sys.stderr)
        return 1
    figures = agreement.measure(
        agreement.read_annotations(Path(args.a), registry), agreement.read_annotations(Path(args.b), registry)
    )
    print(json.dumps(figures, indent=2) if args.json else agreement.markdown(figures, args.a, args.b))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from corpus_ds import export

    for path in export.export(args.format, Path(args.out), args.release):
        print(f"wrote {path}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from corpus_ds import release, versions

    if not (Path(args.root) / versions.INIT).is_file():
        return _needs_checkout("release", f"the checkout's {versions.INIT} and data/ (--root {args.root})")
    print(release.release(Path(args.root), args.version, _today(args.today)))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from corpus_ds import models

    out = Path(args.out)
    if args.check and not out.is_dir():
        return _needs_checkout("schema --check", f"the committed JSON Schemas to compare ({out}/)")
    stale = []
    for name, schema in models.json_schemas().items():
        path = out / f"{name}.schema.json"
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    stale += _generated_module(args.check)
    for path in stale:
        print(f"{path}: out of date with the models; run `corpus-ds schema` [schema-out-of-sync]")
    return int(bool(stale))


def _generated_module(check: bool) -> list[str]:
    """Write (or compare) the loader's generated schemas, release_schema.py; the stale path, if any."""
    from corpus_ds import schemagen

    text = schemagen.render()
    if check:
        same = schemagen.GENERATED.is_file() and schemagen.GENERATED.read_text(encoding="utf-8") == text
        return [] if same else [str(schemagen.GENERATED)]
    if not schemagen.GENERATED.is_file() or schemagen.GENERATED.read_text(encoding="utf-8") != text:
        schemagen.GENERATED.write_text(text, encoding="utf-8")
        print(f"wrote {schemagen.GENERATED}")
    return []


def cmd_docs(args: argparse.Namespace) -> int:
    from corpus_ds import docs, release

    root = Path(args.root)
    if not (root / "DATASHEET.md").is_file():
        return _needs_checkout(
            "docs", f"the checkout's documents ({root / 'DATASHEET.md'}, CODEBOOK.md, README.md)"
        )
    pending = release.pending(root)
    if pending and args.check:  # a check never rolls anything forward or back: it says what is pending
        print(f"{pending} [release-interrupted]")
        return 1
    recovered = release.recover(root)
    if recovered:
        print(f"corpus-ds: {recovered}", file=sys.stderr)
    if (
        recovered == release.ROLLED_FORWARD
    ):  # the release wrote its documents; this process runs the old version
        return 0
    if args.check:
        stale = docs.stale(root)
        print("\n".join(stale) if stale else "documents in sync")
        return int(bool(stale))
    for path in docs.write(root):
        print(f"updated {path}")
    print("documents in sync")
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from corpus_ds import loader

    print(loader.cite(args.format))
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from corpus_ds import site

    data_dir = _data_dir(None)
    raw_dir = Path(args.raw) if args.raw is not None else data_dir / "raw" if data_dir else None
    if args.raw is not None and not raw_dir.is_dir():
        print(f"corpus-ds: {raw_dir}: expected a directory of raw captures", file=sys.stderr)
        return 1
    if raw_dir is None or not raw_dir.is_dir():
        print(
            f"note: no raw captures{f' at {raw_dir}' if raw_dir else ''}; quotes in removed lines are placed by "
            "their text in the removed lines the release keeps (removals.content)",
            file=sys.stderr,
        )
        raw_dir = None
    written = site.build_site(Path(args.out_dir), args.release, raw_dir)
    print(f"wrote {len(written)} files to {args.out_dir}; open {Path(args.out_dir) / 'index.html'}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="corpus-ds",
        description="Arabic news on Russia–Morocco relations, labelled with evidence.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"corpus_ds {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("info", help="version, row counts and a preview of the articles")
    s.add_argument("--release", default=None, help="a release directory (default: the installed one)")
    s.set_defaults(func=cmd_info)

    s = sub.add_parser(
        "path", help="where the installed release's files are (a directory, or one table's file)"
    )
    s.add_argument("table", nargs="?", default=None, help="a table name: print its Parquet file instead")
    s.set_defaults(func=cmd_path)

    s = sub.add_parser("validate", help="check a data tree or a release; exit 1 on any problem")
    s.add_argument(
        "data_dir",
        nargs="?",
        default=None,
        help="data directory (default: ./data, else the data/ of the checkout the package runs from; outside a "
        "checkout, the installed release is validated)",
    )
    s.add_argument("--release", default=None, help="validate this release directory instead")
    s.add_argument(
        "--partitioned",
        default=None,
        help="validate a partitioned corpus (<DIR>/<table>/part-*.parquet) instead",
    )
    s.add_argument("--today", default=None, help=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true", help="print the report as JSON")
    s.add_argument(
        "--preview",
        action="store_true",
        help="with --release: allow draft articles (a `build --preview` output); never for a release",
    )
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("build", help="build data/release from the sources, atomically (needs a checkout)")
    s.add_argument(
        "data_dir",
        nargs="?",
        default=None,
        help="data directory (default: ./data, else the data/ of the checkout the package runs from)",
    )
    s.add_argument("--check", action="store_true", help="only check that the committed release is in sync")
    s.add_argument(
        "--preview",
        action="store_true",
        help="admit draft articles and write to data/preview/ instead, marked as a preview (never data/release/)",
    )
    s.add_argument("--today", default=None, help=argparse.SUPPRESS)
    s.set_defaults(func=cmd_build)

    s = sub.add_parser(
        "new",
        help="add a raw capture and write a draft source file for a person to complete",
        epilog="example:\n  corpus-ds new ~/captures/page.txt\n  corpus-ds new page.txt --id ru-ma-0042",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument(
        "raw_file", help="the capture as collected (UTF-8 text); copied byte for byte into data/raw/"
    )
    s.add_argument("--id", default=None, help="article id (default: the next free ru-ma-NNNN)")
    s.add_argument(
        "--data-dir", default=None, help="data directory (default: ./data, else the checkout's data/)"
    )
    s.set_defaults(func=cmd_new)

    s = sub.add_parser(
        "clean",
        help="show how a capture is cleaned: each line (or HTML block), its role and the rule that decided it",
        epilog="examples:\n  corpus-ds clean page.txt\n  corpus-ds clean page.html --json\n"
        "  corpus-ds clean --score tests/data/pages/text tests/data/pages/html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument(
        "captures", nargs="+", help="a capture (copied text or saved HTML); with --score, directories"
    )
    s.add_argument(
        "--score", action="store_true", help="score every capture that has a <name>.truth.json beside it"
    )
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(func=cmd_clean)

    s = sub.add_parser(
        "diff",
        help="label-level differences between releases or against the working sources",
        epilog="examples:\n  corpus-ds diff                      committed release -> working sources\n"
        "  corpus-ds diff old/release data/release\n  corpus-ds diff --json > changes.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument(
        "old",
        nargs="?",
        default=None,
        help="a release directory or data directory (default: the current version as released, from "
        "data/release or, once rebuilt, from its git history)",
    )
    s.add_argument(
        "new",
        nargs="?",
        default=None,
        help="a release directory or data directory (default: data, built in memory)",
    )
    s.add_argument("--json", action="store_true", help="print the differences as JSON")
    s.set_defaults(func=cmd_diff)

    s = sub.add_parser(
        "agreement",
        help="inter-annotator agreement between two annotation directories",
        epilog="example:\n  corpus-ds agreement data/articles data/annotations/annotator-b\n"
        "A and B hold source files (*.yaml) or flat JSON annotations (*.json) of the same captures.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("a", help="first annotation directory (the reference for precision and recall)")
    s.add_argument("b", help="second annotation directory")
    s.add_argument("--registry", default=None, help="actor registry (default: data/actors.yaml)")
    s.add_argument("--json", action="store_true", help="print the figures as JSON")
    s.set_defaults(func=cmd_agreement)

    s = sub.add_parser(
        "export",
        help="write the event-data exports, one record per dyad: PLOVER (JSON Lines) or ICEWS-style (TSV, Parquet)",
        epilog="examples:\n  corpus-ds export --format plover out/     writes out/events.plover.jsonl\n"
        "  corpus-ds export --format icews out/      writes out/events.icews.tsv and out/events.icews.parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("--format", required=True, choices=["plover", "icews"], help="the export format")
    s.add_argument("out", help="directory to write to (created if missing)")
    s.add_argument("--release", default=None, help="a release directory (default: the installed one)")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser(
        "release",
        help="bump the version everywhere, stub the changelog from the diff, rebuild",
        epilog="example:\n  corpus-ds release 0.2.0     (run at the repository root)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("version", help="the new version, MAJOR.MINOR.PATCH")
    s.add_argument("--root", default=".", help="repository root (default: .)")
    s.add_argument("--today", default=None, help=argparse.SUPPRESS)
    s.set_defaults(func=cmd_release)

    s = sub.add_parser("schema", help="write (or --check) the JSON Schemas generated from the models")
    s.add_argument(
        "--out", default="schema", help="directory of the schemas (default: schema, as in a checkout)"
    )
    s.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming every schema in --out that differs from what the models generate",
    )
    s.set_defaults(func=cmd_schema)

    s = sub.add_parser(
        "docs",
        help="regenerate (or --check) the generated documents: sections of DATASHEET.md, CODEBOOK.md and README.md "
        "(with its dataset card), CITATION.cff and LICENSE",
    )
    s.add_argument("--root", default=".", help="repository root (default: .)")
    s.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming every generated section or file that is out of date",
    )
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("cite", help="print a citation of this exact version")
    s.add_argument(
        "--format",
        choices=["bibtex", "text", "cff"],
        default="bibtex",
        help="bibtex (default), text (one paragraph) or cff (a CITATION.cff file)",
    )
    s.set_defaults(func=cmd_cite)

    s = sub.add_parser(
        "site", help="write a static, offline review site: every label highlighted on its evidence"
    )
    s.add_argument("out_dir", help="directory to write the site to (created if missing)")
    s.add_argument("--release", default=None, help="a release directory (default: the installed one)")
    s.add_argument(
        "--raw",
        default=None,
        help="raw captures, to place evidence found in removed lines at its exact offsets (default: ./data/raw "
        "or the checkout's; without them, quotes are placed by their text in removals.content)",
    )
    s.set_defaults(func=cmd_site)

    for name, command in sub.choices.items():  # every subcommand's --help ends with its examples from EPILOG
        if command.epilog is None:
            command.epilog = "examples:\n" + "\n".join(
                line for line in EPILOG.splitlines() if line.startswith(f"  corpus-ds {name}")
            )
            command.formatter_class = argparse.RawDescriptionHelpFormatter
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from corpus_ds.errors import CorpusError

    for stream in (
        sys.stdout,
        sys.stderr,
    ):  # a value that is not valid Unicode is printed escaped, never a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except (
        BrokenPipeError
    ):  # the reader went away (`corpus-ds info | head -1`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1
    except CorpusError as exc:
        print(f"corpus-ds: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # disk full, permissions, a file that is not there: say which, never a traceback
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"corpus-ds: cannot read or write{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # e.g. a malformed --today
        print(f"corpus-ds: {exc}", file=sys.stderr)
        return 2


def run() -> None:
    """The console entry point: a closed pipe ends the process silently by SIGPIPE, as it ends Unix tools."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    raise SystemExit(main())
