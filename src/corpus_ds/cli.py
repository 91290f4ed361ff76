"""The thin `corpus-ds` command: info, validate, build, schema, cite."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from corpus_ds import __version__

EPILOG = """examples:
  corpus-ds info                     dataset version, row counts and a preview of the articles
  corpus-ds validate                 check ./data (sources, raw captures, rules, committed release)
  corpus-ds validate --release DIR   check a built release directory
  corpus-ds validate --partitioned DIR  check a partitioned corpus, one partition in memory at a time
  corpus-ds build                    rebuild data/release from the sources (atomic)
  corpus-ds build --check            fail if the committed release is not what the sources build to
  corpus-ds schema --check           fail if schema/ is not what the models generate
  corpus-ds docs --check             fail if DATASHEET.md / CODEBOOK.md generated sections are stale
  corpus-ds cite                     BibTeX for this exact version
"""


def _today(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None


def _data_dir(given: Optional[str]) -> Path:
    """The given directory; by default ./data, or the data/ of the checkout this package runs from."""
    if given is not None:
        return Path(given)
    here = Path("data")
    checkout = Path(__file__).resolve().parents[2] / "data"
    return here if (here / "articles").is_dir() or not (checkout / "articles").is_dir() else checkout


def cmd_info(args: argparse.Namespace) -> int:
    from corpus_ds import loader

    frames = loader.tables(args.release)
    info = loader.manifest(args.release)
    print(f"corpus_ds {__version__}  (schema {info['schema_version']}, fingerprint sha256:{info['fingerprint'][:16]})")
    print("tables:")
    for name, frame in frames.items():
        print(f"  {name:<11} {len(frame):>5} rows")
    print("articles:")
    for row in frames["articles"].itertuples():
        headline = row.title if isinstance(row.title, str) else row.text.split("\n")[0]
        print(f"  {row.article_id}  {row.event_date}  {row.event_type:<16} {row.agreement_type:<28} {headline[:60]}")
    return 0


def _print_report(report, as_json: bool) -> int:
    print(report.to_json() if as_json else report.format())
    return int(not report.valid)


def cmd_validate(args: argparse.Namespace) -> int:
    from corpus_ds import validate

    if args.release is not None:
        return _print_report(validate.validate_release(Path(args.release), today=_today(args.today)), args.json)
    if args.partitioned is not None:
        from corpus_ds import partitioned

        if not partitioned.partitions(args.partitioned):
            print(f"{args.partitioned}: no partitions (expected {Path(args.partitioned) / 'articles'}/*.parquet)", file=sys.stderr)
            return 1
        return _print_report(partitioned.validate(Path(args.partitioned), today=_today(args.today)), args.json)
    data_dir = _data_dir(args.data_dir)
    if not (data_dir / "articles").is_dir():
        print(f"{data_dir}: not a corpus_ds data directory (expected {data_dir / 'articles'}/)", file=sys.stderr)
        return 1
    return _print_report(validate.validate_sources(data_dir, today=_today(args.today)), args.json)


def cmd_build(args: argparse.Namespace) -> int:
    from corpus_ds import build, validate

    data_dir = _data_dir(args.data_dir)
    if args.check:
        report = validate.validate_sources(data_dir, today=_today(args.today))
        return _print_report(report, False)
    report = build.build(data_dir, today=_today(args.today))
    if report.valid:
        manifest = json.loads((data_dir / "release" / build.MANIFEST).read_text(encoding="utf-8"))
        for name, entry in manifest["tables"].items():
            print(f"wrote {data_dir / 'release' / entry['file']}  ({entry['rows']} rows)")
        print(f"release {manifest['version']} fingerprint {manifest['fingerprint']}")
        return 0
    print(report.format())
    print("build refused: the previous release is unchanged", file=sys.stderr)
    return 1


def cmd_schema(args: argparse.Namespace) -> int:
    from corpus_ds import models

    out = Path(args.out)
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
    for path in stale:
        print(f"{path}: out of date with the models; run `corpus-ds schema` [schema-out-of-sync]")
    return int(bool(stale))


def cmd_docs(args: argparse.Namespace) -> int:
    import pyarrow.parquet as pq

    from corpus_ds import columns, docs

    root = Path(args.root)
    release = root / "data" / "release"
    built = {name: pq.read_table(release / f"{name}.parquet") for name in columns.TABLES}
    targets = {
        root / "DATASHEET.md": {"columns": docs.columns_section(), "counts": docs.counts_section(built), "codes": docs.codes_section()},
        root / "CODEBOOK.md": {"vocabulary": docs.vocabulary_section()},
    }
    stale = []
    for path, sections in targets.items():
        if args.check:
            current = docs.blocks(path.read_text(encoding="utf-8"))
            stale += [f"{path}: generated section '{k}' is out of date; run `corpus-ds docs` [docs-out-of-sync]"
                      for k, v in sections.items() if current.get(k) != v]
        elif docs.update(path, sections):
            print(f"updated {path}")
    print("\n".join(stale) if stale else "documents in sync")
    return int(bool(stale))


def cmd_cite(args: argparse.Namespace) -> int:
    from corpus_ds import loader

    loader.cite(args.format)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="corpus-ds", description="Arabic news on Russia–Morocco relations, labelled with evidence.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"corpus_ds {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("info", help="version, row counts and a preview of the articles")
    s.add_argument("--release", default=None, help="a release directory (default: the installed one)")
    s.set_defaults(func=cmd_info)

    s = sub.add_parser("validate", help="check a data tree or a release; exit 1 on any problem")
    s.add_argument("data_dir", nargs="?", default=None, help="data directory (default: ./data, else the checkout's data/)")
    s.add_argument("--release", default=None, help="validate this release directory instead")
    s.add_argument("--partitioned", default=None, help="validate a partitioned corpus (<DIR>/<table>/part-*.parquet) instead")
    s.add_argument("--today", default=None, help=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true", help="print the report as JSON")
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("build", help="build data/release from the sources, atomically")
    s.add_argument("data_dir", nargs="?", default=None, help="data directory (default: ./data, else the checkout's data/)")
    s.add_argument("--check", action="store_true", help="only check that the committed release is in sync")
    s.add_argument("--today", default=None, help=argparse.SUPPRESS)
    s.set_defaults(func=cmd_build)

    s = sub.add_parser("schema", help="write (or --check) the JSON Schemas generated from the models")
    s.add_argument("--out", default="schema")
    s.add_argument("--check", action="store_true")
    s.set_defaults(func=cmd_schema)

    s = sub.add_parser("docs", help="regenerate (or --check) the generated sections of DATASHEET.md and CODEBOOK.md")
    s.add_argument("--root", default=".", help="repository root (default: .)")
    s.add_argument("--check", action="store_true")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("cite", help="print a citation of this exact version")
    s.add_argument("--format", choices=["bibtex", "text"], default="bibtex")
    s.set_defaults(func=cmd_cite)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    from corpus_ds.errors import CorpusError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
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
