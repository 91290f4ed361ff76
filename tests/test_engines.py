"""The README's DuckDB, polars, pyarrow and mlcroissant examples, run exactly as printed from a directory outside any
checkout, answer the question they claim to answer (computed here independently, row by row)."""

from __future__ import annotations

import re
from collections import defaultdict

import pyarrow.parquet as pq
import pytest
from conftest import DATA
from test_docs import _front_matter

SECTION = "## Query it with DuckDB, polars, pyarrow, R or Spark"


def readme_block(first_import: str) -> str:
    """The one python block of the engines section that starts with first_import, as printed."""
    body = _front_matter()[1]
    section = body[body.index(SECTION) : body.index("\n## ", body.index(SECTION) + 1)]
    found = [b for b in re.findall(r"```python\n(.*?)```", section, re.S) if b.startswith(first_import)]
    assert len(found) == 1, f"expected one block starting {first_import!r} in {SECTION!r}"
    return found[0]


def run_block(block: str, where, monkeypatch) -> dict:
    monkeypatch.chdir(where)  # from anywhere: nothing may depend on the working directory
    namespace: dict = {}
    exec(compile(block, f"README.md, the block {block.splitlines()[0]!r}", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict]]:
    tables = ("articles", "agreements", "mentions", "actors")
    return {t: pq.read_table(DATA / "release" / f"{t}.parquet").to_pylist() for t in tables}


@pytest.fixture(scope="module")
def concluded(rows) -> list[tuple[str, int, int]]:
    """At how many distinct events each kind of instrument was concluded, by year: (instrument, year, events)."""
    article = {a["article_id"]: a for a in rows["articles"]}
    events = defaultdict(set)
    for g in rows["agreements"]:
        if g["status"] == "concluded":
            a = article[g["article_id"]]
            events[(g["instrument"], a["event_date"].year)].add(a["event_id"])
    return [(i, y, len(e)) for (i, y), e in sorted(events.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def test_the_question_is_not_the_count_of_rows(rows, concluded):
    """Referenced and planned instruments, and one event reported twice, would all inflate a count of rows."""
    by_rows = defaultdict(int)
    article = {a["article_id"]: a for a in rows["articles"]}
    for g in rows["agreements"]:
        by_rows[(g["instrument"], article[g["article_id"]]["event_date"].year)] += 1
    assert sorted(by_rows.items()) != sorted(((i, y), n) for i, y, n in concluded)
    assert ("memorandum_of_understanding", 2025, 1) in concluded  # one memorandum, reported by two articles
    assert not any(y == 2023 and i == "joint_statement" for i, y, _ in concluded)  # 2002 and 2016, referenced


def test_duckdb_example(tmp_path, monkeypatch, rows, concluded, capsys):
    ns = run_block(readme_block("import duckdb"), tmp_path, monkeypatch)
    assert ns["concluded"].fetchall() == concluded
    article = {a["article_id"]: a for a in rows["articles"]}
    name = {a["actor_id"]: a["name_en"] for a in rows["actors"]}
    events = defaultdict(set)
    for m in rows["mentions"]:
        if m["role"] == "participant":
            events[m["actor_id"]].add(article[m["article_id"]]["event_id"])
    expected = sorted(((a, name[a], len(e)) for a, e in events.items()), key=lambda r: (-r[2], r[0]))
    assert ns["participants"].fetchall() == expected
    assert "memorandum_of_understanding" in capsys.readouterr().out  # .show() printed the table


def test_polars_example(tmp_path, monkeypatch, concluded, capsys):
    ns = run_block(readme_block("import polars as pl"), tmp_path, monkeypatch)
    assert ns["concluded"].rows() == concluded
    assert "memorandum_of_understanding" in capsys.readouterr().out


def test_pyarrow_example(tmp_path, monkeypatch, concluded, capsys):
    ns = run_block(readme_block("import pyarrow.compute as pc"), tmp_path, monkeypatch)
    assert [tuple(r.values()) for r in ns["concluded"].to_pylist()] == concluded
    assert "'events': 1" in capsys.readouterr().out


def test_mlcroissant_example(tmp_path, monkeypatch, rows, capsys):
    ns = run_block(readme_block("import mlcroissant as mlc"), tmp_path, monkeypatch)
    first = rows["articles"][0]
    assert ns["first"]["articles/article_id"] == first["article_id"].encode()
    assert capsys.readouterr().out.startswith(f"b'{first['article_id']}' {first['event_date']}")


def test_the_r_and_spark_examples_ask_the_same_question():
    """Not run here (no R; Spark is tests/spark): they filter concluded instruments and count distinct events."""
    body = _front_matter()[1]
    section = body[body.index(SECTION) :]
    r_block = re.search(r"```r\n(.*?)```", section, re.S)[1]
    assert (
        'status == "concluded"' in r_block and "length(unique(x))" in r_block and "corpus-ds path" in r_block
    )
    spark = readme_block("from pyspark.sql")
    assert "WHERE g.status = 'concluded'" in spark and "count(DISTINCT a.event_id)" in spark
