"""load(), tables(), cite(): typed frames from the installed release, validated by default."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import DATA

import corpus_ds
from corpus_ds import columns, loader
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


def test_numpy_backend():
    df = corpus_ds.load("agreements", dtype_backend="numpy")
    assert df["start"].dtype == "int32"


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


def test_cite_names_the_exact_version(capsys):
    text = corpus_ds.cite()
    assert f"version   = {{{corpus_ds.__version__}}}" in text
    assert text.startswith("@misc{corpus_ds_") and text in capsys.readouterr().out
    assert corpus_ds.__version__ in corpus_ds.cite("text", echo=False)


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
