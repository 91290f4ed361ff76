"""The README's Spark recipe, run as written in Spark local mode, gives the report partitioned.validate gives."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter

import pyarrow as pa
import pytest
from test_docs import _front_matter
from test_partitioned import _damaged, _write, synth

from corpus_ds import columns, partitioned


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = (
        sys.executable
    )  # the executors' Python must have corpus_ds (default: python3 on PATH)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("corpus_ds-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if saved is None:
        os.environ.pop("PYSPARK_PYTHON")
    else:
        os.environ["PYSPARK_PYTHON"] = saved


def _recipe(root) -> str:
    """The README's Spark block, with the corpus path set to root."""
    block = next(b for b in re.findall(r"```python\n(.*?)```", _front_matter()[1], re.S) if "mapInArrow" in b)
    assert len(re.findall(r"^root = .*$", block, re.M)) == 1
    return re.sub(r"^root = .*$", f"root = {str(root)!r}", block, flags=re.M)


def _text(issues) -> Counter:
    """Issues as comparable rows, each value as its text (Spark carries one type per column)."""
    return Counter(
        (i.code, i.file, i.field, i.message, None if i.value is None else str(i.value), i.article_id)
        for i in issues
    )


def _run(spark, root):
    namespace = {}
    exec(compile(_recipe(root), "README.md (Spark)", "exec"), namespace)
    assert namespace["spark"] is spark  # getOrCreate() took the small local session
    return namespace["report"]


def test_readme_spark_recipe_on_a_valid_corpus(spark, tmp_path, capsys):
    synth.write_partitioned(tmp_path / "corpus", 120, chars=300, seed=2, per_partition=40)
    report = _run(spark, tmp_path / "corpus")
    assert report.valid and partitioned.validate(tmp_path / "corpus").valid
    assert "valid: no problems found" in capsys.readouterr().out


def test_readme_spark_recipe_on_a_defective_corpus(spark, tmp_path):
    corpus, ids = _damaged(
        duplicate_id=True
    )  # problems inside partitions and across them (a duplicate id in two)
    actors = corpus["actors"].to_pylist()
    actors[1]["kind"] = "bogus"  # and one in the registry, which no partition task sees
    corpus["actors"] = pa.Table.from_pylist(actors, schema=columns.schema("actors"))
    _write(tmp_path, corpus, 25, ids)
    expected = partitioned.validate(tmp_path)
    assert {"duplicate-id", "raw-claimed-twice", "event-conflict", "cameo-mismatch", "vocabulary"} <= set(
        expected.codes()
    )
    assert any(i.value is None for i in expected.issues)
    report = _run(spark, tmp_path)
    assert _text(report.issues) == _text(expected.issues)


def test_the_readme_spark_query_counts_concluded_instruments_by_distinct_event(spark, tmp_path, monkeypatch):
    """The README's Spark example, run as printed from outside a checkout, answers as DuckDB, polars and pyarrow."""
    from test_engines import readme_block, run_block

    from corpus_ds import loader

    articles = {a["article_id"]: a for a in loader.load("articles", output="arrow").to_pylist()}
    events = {}
    for g in loader.load("agreements", output="arrow").to_pylist():
        if g["status"] == "concluded":
            a = articles[g["article_id"]]
            events.setdefault((g["instrument"], a["event_date"].year), set()).add(a["event_id"])
    expected = [(i, y, len(e)) for (i, y), e in sorted(events.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
    ns = run_block(readme_block("from pyspark.sql import SparkSession"), tmp_path, monkeypatch)
    assert [tuple(row) for row in ns["concluded"].collect()] == expected
