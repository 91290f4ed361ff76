"""load(), tables(), cite(): typed frames from the installed release, validated by default."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import DATA, REPO

import corpus_ds
from corpus_ds import about, columns, loader
from corpus_ds.errors import CorpusError, ValidationError


def test_load_gives_one_typed_row_per_article():
    df = corpus_ds.load()
    assert list(df["article_id"]) == ["ru-ma-0001", "ru-ma-0002", "ru-ma-0003", "ru-ma-0004", "ru-ma-0005"]
    assert df["event_date"].dtype == pd.ArrowDtype(pa.date32())
    assert df["published_date"].dtype == pd.ArrowDtype(pa.date32())
    assert df["actors"].dtype.pyarrow_dtype == columns.COLUMNS["articles"]["actors"]
    assert df.loc[df.article_id == "ru-ma-0005", "event_date"].iloc[0] == dt.date(2016, 3, 15)
    assert not any(dtype == np.dtype(object) for dtype in df.dtypes)


@pytest.mark.parametrize("table", loader.TABLE_NAMES)
def test_every_table_loads_with_its_columns(table):
    df = corpus_ds.load(table)
    assert list(df.columns) == list(columns.COLUMNS[table])
    assert len(df) > 0


def test_loader_table_names_match_the_release_tables():
    assert loader.TABLE_NAMES == columns.TABLES


def test_numpy_backend_gives_classic_pandas_dtypes():
    agreements = corpus_ds.load("agreements", dtype_backend="numpy")
    assert agreements["start"].dtype == "int32"
    assert agreements["year"].dtype == "float64"  # an integer column with nulls, as pandas has it
    assert all(isinstance(v, list) for v in agreements["sectors"])
    articles = corpus_ds.load(dtype_backend="numpy")
    assert articles["event_date"].dtype.kind == "M"  # datetime64, not objects of datetime.date
    assert articles["published_date"].isna().sum() == 4 and articles["published_date"].dtype.kind == "M"
    assert articles.loc[articles.article_id == "ru-ma-0005", "event_date"].iloc[0] == pd.Timestamp(
        "2016-03-15"
    )
    actors = articles["actors"].iloc[0]
    assert (
        isinstance(actors, list) and isinstance(actors[0], dict) and isinstance(actors[0]["surfaces"], list)
    )
    assert not any(isinstance(v, np.ndarray) for column in articles for v in articles[column])


def test_tables_returns_every_table():
    frames = corpus_ds.tables()
    assert set(frames) == set(columns.TABLES)
    assert len(frames["mentions"]) == len(corpus_ds.load("mentions"))


def test_unknown_table_is_a_clear_error():
    with pytest.raises(CorpusError, match="unknown table 'actor'"):
        corpus_ds.load("actor")


def test_load_refuses_a_tampered_release(tmp_path):
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    with open(release / "evidence.parquet", "r+b") as fh:
        fh.seek(100)
        byte = fh.read(1)
        fh.seek(100)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(ValidationError) as info:
        corpus_ds.load(path=release)
    assert info.value.report.codes() == ["checksum-mismatch"]
    assert "evidence.parquet" in str(info.value)
    assert len(corpus_ds.load("articles", path=release, validate=False)) == 5


def test_cite_returns_the_citation_and_prints_nothing(capsys):
    fingerprint = loader.manifest()["fingerprint"]
    text = corpus_ds.cite()
    assert capsys.readouterr().out == ""  # a function returns; the command prints
    assert text.startswith("@misc{corpus_ds_") and text.endswith("}")
    for field in (
        f"version      = {{{corpus_ds.__version__}}}",
        f"date         = {{{corpus_ds.__released__}}}",
        f"sha256:{fingerprint}}}",  # the full fingerprint, not a prefix
        f"license      = {{{about.SPDX_EXPRESSION}}}",
        "keywords     = {Arabic, news,",
        "abstract     = {A versioned dataset of Arabic-language news articles about Russia--Morocco relations.",
    ):
        assert field in text, field
    plain = corpus_ds.cite("text")
    assert corpus_ds.__version__ in plain and fingerprint in plain and about.LICENCE_STATEMENT in plain
    assert corpus_ds.cite("cff") == (REPO / "CITATION.cff").read_text(encoding="utf-8")
    with pytest.raises(CorpusError, match="unknown citation format 'apa'"):
        corpus_ds.cite("apa")


def test_the_command_prints_the_citation_once():
    from conftest import run_cli

    out = run_cli("cite").stdout
    assert out == corpus_ds.cite() + "\n" and out.count("@misc{") == 1


def test_path_and_files_name_the_installed_release():
    directory = corpus_ds.path()
    assert (directory / "manifest.json").is_file() and (directory / "croissant.json").is_file()
    assert corpus_ds.files() == {name: directory / f"{name}.parquet" for name in columns.TABLES}
    assert all(p.is_file() for p in corpus_ds.files().values())
    assert corpus_ds.path("mentions") == directory / "mentions.parquet"
    with pytest.raises(CorpusError, match="unknown table 'mention'"):
        corpus_ds.path("mention")


@pytest.mark.parametrize("validate", [True, False, "full"])
def test_columns_selects_and_orders_columns(validate):
    df = corpus_ds.load("mentions", columns=["surface", "actor_id"], validate=validate)
    assert list(df.columns) == ["surface", "actor_id"]
    assert df.equals(corpus_ds.load("mentions")[["surface", "actor_id"]])


def test_columns_names_an_unknown_column_and_refuses_a_bare_string():
    with pytest.raises(CorpusError, match="table 'mentions' has no column 'actor'"):
        corpus_ds.load("mentions", columns=["actor"])
    with pytest.raises(CorpusError, match="expected a list of column names"):
        corpus_ds.load("mentions", columns="actor_id")


@pytest.mark.parametrize("validate", [True, False])
def test_arrow_output_is_the_exact_release_table(validate):
    for name in columns.TABLES:
        table = corpus_ds.load(name, output="arrow", validate=validate)
        assert isinstance(table, pa.Table)
        assert table.schema.remove_metadata().equals(columns.schema(name).remove_metadata())
        assert table.num_rows == loader.manifest()["tables"][name]["rows"]
    some = corpus_ds.load("agreements", output="arrow", columns=["article_id", "year"], validate=validate)
    assert some.column_names == ["article_id", "year"] and some.schema.field("year").type == pa.int16()


def test_arrow_output_read_without_validation_imports_no_pandas():
    code = (
        "import sys, corpus_ds; t = corpus_ds.load('articles', output='arrow', validate=False); "
        "print(type(t).__name__, t.num_rows, 'pandas' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.split() == ["Table", "5", "False"]


def test_polars_output_keeps_the_release_types():
    import polars as pl

    frames = corpus_ds.tables(output="polars")
    assert set(frames) == set(columns.TABLES) and all(isinstance(f, pl.DataFrame) for f in frames.values())
    articles = frames["articles"]
    assert articles.schema["event_date"] == pl.Date
    assert articles.schema["actors"] == pl.List(
        pl.Struct({"actor_id": pl.String, "role": pl.String, "surfaces": pl.List(pl.String)})
    )
    assert articles.to_arrow().to_pylist() == corpus_ds.load(output="arrow").to_pylist()


def test_polars_output_without_polars_says_how_to_get_it(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_polars(name, *args, **kwargs):
        if name == "polars":
            raise ImportError("No module named 'polars'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_polars)
    with pytest.raises(CorpusError, match="needs polars: pip install polars"):
        corpus_ds.load(output="polars")


def test_unknown_output_or_backend_is_a_clear_error():
    with pytest.raises(CorpusError, match="output='spark': expected one of pandas, arrow, polars"):
        corpus_ds.load(output="spark")
    with pytest.raises(CorpusError, match="unknown dtype_backend 'torch'"):
        corpus_ds.tables(dtype_backend="torch")


@pytest.mark.parametrize("validate", [True, False, "full"])
def test_a_missing_release_directory_is_a_clear_error(tmp_path, validate):
    missing = tmp_path / "no-such-release"
    with pytest.raises(CorpusError) as info:
        corpus_ds.load(path=missing, validate=validate)
    assert str(missing) in str(info.value)
    assert not isinstance(info.value, FileNotFoundError)


def test_a_missing_or_broken_file_without_validation_names_the_file(tmp_path):
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    (release / "mentions.parquet").unlink()
    with pytest.raises(CorpusError, match=r"mentions\.parquet: no such file; expected the mentions table"):
        corpus_ds.load("mentions", path=release, validate=False)
    (release / "actors.parquet").write_bytes(b"not parquet")
    with pytest.raises(CorpusError, match=r"actors\.parquet: cannot read it as Parquet"):
        corpus_ds.load("actors", path=release, validate=False)
    assert len(corpus_ds.load("articles", path=release, validate=False)) == 5


def test_import_is_light():
    code = (
        "import sys, corpus_ds; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pydantic', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_validate_takes_true_false_or_full():
    from corpus_ds.errors import CorpusError

    assert corpus_ds.load(validate="full").equals(corpus_ds.load())
    with pytest.raises(CorpusError, match="expected True, False or 'full'"):
        corpus_ds.load(validate="yes")


def test_a_plain_read_keeps_each_row_group_a_chunk_of_its_own(tmp_path):
    """Row groups decoded side by side come back in order, one chunk each, the requested columns only."""
    import pyarrow.parquet as pq

    from corpus_ds import release_format

    table = pa.table({"n": list(range(1000)), "s": [str(i) for i in range(1000)]})
    pq.write_table(table, tmp_path / "t.parquet", row_group_size=7)
    read = release_format.read_row_groups(tmp_path / "t.parquet")
    assert read.equals(table) and read.column("n").num_chunks == 143
    assert release_format.read_row_groups(tmp_path / "t.parquet", ["s"]).column_names == ["s"]


def test_a_fifo_in_place_of_a_table_is_refused_by_a_plain_read(tmp_path):
    """A plain read refuses what is not a regular file before opening it (a FIFO would block the read)."""
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    (release / "articles.parquet").unlink()
    os.mkfifo(release / "articles.parquet")
    with pytest.raises(CorpusError, match="expected a regular file"):
        corpus_ds.load(path=release, validate=False)
