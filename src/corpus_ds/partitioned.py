"""Validate a partitioned corpus with the release rules: partition by partition in one process, or on a Dask cluster.

Layout: one directory per table, `<root>/<table>/part-NNNNN.parquet`, where part k of every table holds the same
articles (the registry, `<root>/actors/`, is shared). Memory stays bounded by one partition: the registry rules run
once, the article rules per partition, and uniqueness, event and instrument consistency across partitions are found
by DuckDB over the key columns of every partition (it streams and spills), then reported by the same key rules.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import columns, release_format, rules
from corpus_ds.errors import WHOLE_FILE, CorpusError, Issue, Report

ARTICLE_TABLES = tuple(name for name in columns.TABLES if name != "actors")
ISSUE_FIELDS = ("code", "file", "field", "message", "value", "article_id")
# Issues as Arrow (e.g. Spark's mapInArrow): one type per column, so the value is its text (None stays null).
ISSUE_SCHEMA = pa.schema([(name, pa.string()) for name in ISSUE_FIELDS])
DUCKDB_MEMORY = "512MB"


def partitions(root: str | Path) -> list[str]:
    """Partition file names, in order (those of the articles table)."""
    return sorted(p.name for p in (Path(root) / "articles").glob("*.parquet"))


def registry(root: str | Path) -> pa.Table:
    files = sorted((Path(root) / "actors").glob("*.parquet"))
    return (
        pa.concat_tables([pq.read_table(f) for f in files])
        if files
        else columns.schema("actors").empty_table()
    )


def schema_issues(root: str | Path) -> list[Issue]:
    """Every partition file exists for every article table and has its table's exact schema (the release's check:
    no missing, extra or retyped column, no large_string, the same order and nullability). Only footers are read."""
    root = Path(root)
    issues = []
    for name in columns.TABLES:
        expected = columns.schema(name)
        wanted = partitions(root) if name in ARTICLE_TABLES else []
        found = sorted(p.name for p in (root / name).glob("*.parquet"))
        for part in sorted(set(wanted) - set(found)):
            message = "expected this partition of the table beside the articles partition of the same name"
            issues.append(Issue("release-file-missing", str(root / name / part), WHOLE_FILE, message))
        for part in found:
            path = root / name / part
            try:
                schema = pq.read_schema(path)
            except (pa.ArrowException, OSError) as exc:
                issues.append(
                    Issue("parquet-unreadable", str(path), WHOLE_FILE, f"cannot read Parquet: {exc}")
                )
                continue
            if not schema.remove_metadata().equals(expected.remove_metadata()):
                issues += release_format.schema_issues(str(path), expected, schema)
    return issues


def _locator(root: Path, part: str):
    return lambda table, column, article_id: (str(root / table / part), column)


def validate_partition(
    root: str | Path, part: str, today: dt.date | None = None, actors: pa.Table | None = None
) -> list[Issue]:
    """The article rules on one partition (with the registry it refers to)."""
    root = Path(root)
    tables = {name: pq.read_table(root / name / part) for name in ARTICLE_TABLES}
    tables["actors"] = actors if actors is not None else registry(root)
    # no manifest vouches for a partition's bytes: its texts are re-hashed against text_sha256
    return rules.run_articles(tables, today=today, locate=_locator(root, part), full=False, hashes=True)


def key_candidates(root: str | Path) -> tuple[pa.Table, pa.Table, int]:
    """The key columns of only those articles and instrument rows that can break a key rule (a repeated id, capture
    or event; an instrument id several rows share), in corpus order, and the number of articles; DuckDB scans every
    partition without holding them."""
    try:
        import duckdb
    except ImportError:
        raise CorpusError(
            "validating a partitioned corpus needs DuckDB for the keys across partitions: "
            "pip install 'corpus_ds[scale]'"
        ) from None

    parts = partitions(root)
    files = [str(Path(root) / "articles" / part) for part in parts]
    agreement_files = [str(Path(root) / "agreements" / part) for part in parts]
    key_schema = columns.schema("articles")
    instrument_schema = columns.schema("agreements")
    empty = (
        key_schema.empty_table().select(list(rules.KEY_COLUMNS)),
        instrument_schema.empty_table().select(list(rules.INSTRUMENT_KEY_COLUMNS)),
    )
    if not files:
        return *empty, 0
    con = duckdb.connect()
    # bounded memory whatever the corpus size: DuckDB spills its hash tables to disk beyond this
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    con.execute(f"SET temp_directory = '{Path(tempfile.gettempdir()) / 'corpus_ds-duckdb'}'")
    con.execute("SET preserve_insertion_order = true")
    keys, instrument_keys = ", ".join(rules.KEY_COLUMNS), ", ".join(rules.INSTRUMENT_KEY_COLUMNS)
    source = (
        f"(SELECT {keys}, filename, file_row_number "
        "FROM read_parquet($files, filename = true, file_row_number = true))"
    )
    instruments = (
        f"(SELECT {instrument_keys}, filename, file_row_number "
        "FROM read_parquet($agreement_files, filename = true, file_row_number = true))"
    )
    shared = f"""
        WITH g AS {instruments}
        SELECT {instrument_keys} FROM g
        WHERE instrument_id IN (SELECT instrument_id FROM g GROUP BY 1 HAVING count(*) > 1)
        ORDER BY list_position($agreement_files, filename), file_row_number
    """
    params = {"files": files, "agreement_files": agreement_files}
    instrument_rows = con.sql(shared, params={"agreement_files": agreement_files}).to_arrow_table()
    # the articles of shared instruments join the candidates: the instrument rule needs their events
    query = f"""
        WITH a AS {source}, g AS {instruments}
        SELECT {keys} FROM a
        WHERE article_id IN (SELECT article_id FROM a GROUP BY 1 HAVING count(*) > 1)
           OR raw_sha256 IN (SELECT raw_sha256 FROM a GROUP BY 1 HAVING count(*) > 1)
           OR raw_file IN (SELECT raw_file FROM a GROUP BY 1 HAVING count(*) > 1)
           OR text_sha256 IN (SELECT text_sha256 FROM a GROUP BY 1 HAVING count(*) > 1)
           OR event_id IN (SELECT event_id FROM a GROUP BY 1 HAVING count(DISTINCT (event_date, event_type)) > 1)
           OR article_id IN (
               SELECT article_id FROM g
               WHERE instrument_id IN (SELECT instrument_id FROM g GROUP BY 1 HAVING count(*) > 1)
           )
        ORDER BY list_position($files, filename), file_row_number
    """
    candidates = con.sql(query, params=params).to_arrow_table()
    total = con.execute("SELECT count(*) FROM read_parquet($files)", {"files": files}).fetchone()[0]
    return (
        candidates.cast(pa.schema([key_schema.field(n) for n in rules.KEY_COLUMNS])),
        instrument_rows.cast(pa.schema([instrument_schema.field(n) for n in rules.INSTRUMENT_KEY_COLUMNS])),
        total,
    )


def key_issues(root: str | Path) -> list[Issue]:
    root = Path(root)
    candidates, instruments, total = key_candidates(root)
    if total == 0:  # the key rules say so, at the first partition's file
        first = str(root / "articles" / (partitions(root) or ["part-00000.parquet"])[0])
        return rules.run_keys(
            candidates, instruments, locate=lambda table, column, article_id: (first, column)
        )
    if not candidates.num_rows:
        return []
    # the candidates are a subset: "no articles" among them says nothing of the corpus
    issues = rules.run_keys(
        candidates, instruments, locate=lambda table, column, article_id: (str(root / "articles"), column)
    )
    return [i for i in issues if i.code != "no-articles"]


def registry_issues(
    root: str | Path, today: dt.date | None = None, actors: pa.Table | None = None
) -> list[Issue]:
    """The registry rules, run once; a null-value among them means the article rules must not run (see validate)."""
    actors = actors if actors is not None else registry(root)
    return rules.run_registry(
        actors, today=today, locate=_locator(Path(root), "part-00000.parquet"), full=False
    )


def validate(root: str | Path, today: dt.date | None = None) -> Report:
    """Every release rule over a partitioned corpus, one partition in memory at a time."""
    root = Path(root)
    broken = schema_issues(root)
    if broken:  # the rules read columns by name and type: a file without the exact schema is refused first
        return Report(broken)
    actors = registry(root)
    return Report(
        rules.in_order(
            lambda: registry_issues(root, today, actors),
            lambda: (validate_partition(root, part, today, actors) for part in partitions(root)),
            lambda: key_issues(root),
        )
    )


def _issue_frame(issues: list[Issue]):
    import pandas as pd

    return pd.DataFrame(
        [{k: getattr(i, k) for k in ISSUE_FIELDS} for i in issues], columns=list(ISSUE_FIELDS), dtype=object
    )


def issue_batch(issues: list[Issue]) -> pa.RecordBatch:
    """Issues as an Arrow record batch of ISSUE_SCHEMA (Spark's mapInArrow yields these; Issue(**row) reads
    one back)."""
    rows = [
        {k: getattr(i, k) for k in ISSUE_FIELDS} | {"value": None if i.value is None else str(i.value)}
        for i in issues
    ]
    return pa.RecordBatch.from_pylist(rows, schema=ISSUE_SCHEMA)


def validate_dask(root: str | Path, today: dt.date | None = None, client=None) -> Report:
    """The same report as validate(), with the article rules of each partition run by Dask (map_partitions).

    client: a dask.distributed Client (a LocalCluster or a real cluster); without one, Dask's default scheduler.
    """
    import dask.dataframe as dd
    import pandas as pd

    root = Path(root)
    broken = schema_issues(root)
    if broken:
        return Report(broken)

    def article_issues() -> list[list[Issue]]:
        names = partitions(root)
        parts = dd.from_pandas(pd.DataFrame({"part": names}), npartitions=max(1, len(names)), sort=False)

        def run(frame: pd.DataFrame) -> pd.DataFrame:
            actors = registry(root)
            return _issue_frame(
                [i for part in frame["part"] for i in validate_partition(root, part, today, actors)]
            )

        computed = parts.map_partitions(run, meta=_issue_frame([]))
        frame = client.compute(computed).result() if client is not None else computed.compute()
        return [
            [
                Issue(r.code, r.file, r.field, r.message, r.value, r.article_id)
                for r in frame.itertuples(index=False)
            ]
        ]

    return Report(
        rules.in_order(lambda: registry_issues(root, today), article_issues, lambda: key_issues(root))
    )
