"""croissant.json: generated from the models and the manifest, kept in sync, valid for the reference implementation
(mlcroissant), and every record read through it is the release's row."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DATA, run_cli

import corpus_ds
from corpus_ds import about, columns, croissant, models, release_format
from corpus_ds.errors import Report

RELEASE = DATA / "release"


@pytest.fixture(scope="module")
def mlc():
    import mlcroissant

    return mlcroissant


def _plain(value):
    """A value as mlcroissant yields it, made comparable with Arrow's to_pylist (text, dates, ints, field ids)."""
    if isinstance(value, dict):
        return {k.rsplit("/", 1)[1]: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, np.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, np.integer):
        return int(value)
    return value


def test_the_shipped_croissant_json_is_what_the_release_generates():
    manifest = json.loads((RELEASE / "manifest.json").read_text(encoding="utf-8"))
    assert (RELEASE / croissant.FILE).read_text(encoding="utf-8") == croissant.render(
        manifest, corpus_ds.__released__
    )
    report = Report()
    release_format.check_croissant(RELEASE, report)
    assert report.valid, report.format()


@pytest.mark.parametrize("damage", ["edited", "missing"])
def test_a_stale_or_missing_croissant_json_is_reported(tmp_path, damage):
    release = tmp_path / "release"
    shutil.copytree(RELEASE, release)
    path = release / croissant.FILE
    if damage == "missing":
        path.unlink()
    else:
        path.write_text(path.read_text(encoding="utf-8").replace("Stable article identifier", "Id"), "utf-8")
    result = run_cli("validate", "--release", str(release))
    assert result.returncode == 1
    assert f"{path}: (file): expected the Croissant metadata of this release" in result.stdout
    assert "[croissant-out-of-sync]" in result.stdout
    assert corpus_ds.load(path=release) is not None  # the default load() checks data, not catalogue metadata


def test_every_table_is_a_record_set_and_every_column_a_field_with_its_type_and_description():
    meta = json.loads((RELEASE / croissant.FILE).read_text(encoding="utf-8"))
    manifest = json.loads((RELEASE / "manifest.json").read_text(encoding="utf-8"))
    assert [r["@id"] for r in meta["recordSet"]] == list(columns.TABLES)
    for record_set in meta["recordSet"]:
        table = record_set["@id"]
        assert record_set["description"] == models.TABLE_DESCRIPTIONS[table]
        fields = {f["@id"].split("/", 1)[1]: f for f in record_set["field"]}
        assert list(fields) == list(columns.COLUMNS[table])
        for column, field in fields.items():
            assert field["description"] == columns.description(table, column)
            assert field.get("isArray", False) == pa.types.is_list(columns.COLUMNS[table][column])
            if "subField" not in field:
                assert field["source"]["extract"]["column"] == column
                assert field["dataType"] in croissant.DATA_TYPES.values()
    assert {d["contentUrl"]: d["sha256"] for d in meta["distribution"]} == {
        e["file"]: e["sha256"] for e in manifest["tables"].values()
    }
    assert meta["version"] == corpus_ds.__version__ and meta["datePublished"] == corpus_ds.__released__
    assert meta["citeAs"] == corpus_ds.cite() and meta["identifier"] == f"sha256:{manifest['fingerprint']}"
    assert [lic["name"] for lic in meta["license"]] == [lic.spdx for lic in about.LICENCES]
    assert meta["usageInfo"] == about.LICENCE_STATEMENT
    assert {k.removeprefix("rai:") for k in meta if k.startswith("rai:")} == {*about.RAI, "hasSyntheticData"}


def test_mlcroissant_validates_it_without_error_or_warning(mlc):
    dataset = mlc.Dataset(jsonld=str(corpus_ds.path() / croissant.FILE))
    issues = dataset.metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
    assert dataset.metadata.version == corpus_ds.__version__
    assert [r.id for r in dataset.metadata.record_sets] == list(columns.TABLES)


@pytest.mark.parametrize("table", columns.TABLES)
def test_records_read_through_croissant_are_the_release_rows(mlc, table):
    dataset = mlc.Dataset(jsonld=str(corpus_ds.path() / croissant.FILE))
    records = [_plain(r) for r in dataset.records(record_set=table)]
    expected = pq.read_table(RELEASE / f"{table}.parquet").to_pylist()
    assert len(records) == len(expected) > 0
    assert records == expected
    if table == "articles":
        assert isinstance(records[0]["event_date"], dt.date) and isinstance(records[0]["actors"], list)


def test_mlcroissant_refuses_a_file_whose_sha256_differs(mlc, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(RELEASE, release)
    table = pq.read_table(release / "actors.parquet")
    pq.write_table(table.slice(0, 1), release / "actors.parquet")  # other bytes, croissant.json unchanged
    dataset = mlc.Dataset(jsonld=str(release / croissant.FILE))
    with pytest.raises(Exception, match=r"Download\(actors\.parquet\)") as info:
        list(dataset.records(record_set="actors"))
    chain, error = [], info.value
    while error is not None:
        chain.append(str(error))
        error = error.__cause__ or error.__context__
    assert any("Hash of downloaded file" in text for text in chain), chain


@pytest.fixture
def places_table(monkeypatch):
    """A release table declared only in the models (as an event-data table would be): no other code is told."""
    import importlib

    from pydantic import Field

    from corpus_ds import columns as columns_module
    from corpus_ds import release_schema, schemagen

    class PlaceRow(models.Strict):
        article_id: str = Field(description="Article that names the place.")
        place: str = Field(description="Place name as written.")
        aliases: list[str] = Field(description="Other spellings.")
        n: models.Int16 = Field(description="Times named.")

    monkeypatch.setitem(models.TABLE_MODELS, "places", PlaceRow)
    monkeypatch.setitem(models.TABLE_DESCRIPTIONS, "places", "One row per place an article names.")
    # what `corpus-ds schema` regenerates from the models (release_schema.py), then read by columns on import
    generated: dict = {}
    exec(schemagen.render(), generated)
    for name in ("SCHEMAS", "ROW_SPECS"):
        monkeypatch.setattr(release_schema, name, generated[name])
    importlib.reload(columns_module)
    yield "places"
    monkeypatch.undo()
    importlib.reload(columns_module)


def test_a_table_declared_in_the_models_reaches_paths_loading_croissant_and_the_card(places_table, tmp_path):
    from corpus_ds import columns as columns_module
    from corpus_ds import docs, loader

    assert loader.table_names()[-1] == places_table and loader.TABLE_NAMES == columns_module.TABLES
    assert corpus_ds.files()[places_table] == corpus_ds.path() / "places.parquet"
    release = tmp_path / "release"
    shutil.copytree(RELEASE, release)
    rows = [{"article_id": "ru-ma-0001", "place": "مراكش", "aliases": [], "n": 2}]
    pq.write_table(
        pa.Table.from_pylist(rows, schema=columns_module.schema(places_table)), release / "places.parquet"
    )
    assert corpus_ds.load(places_table, path=release, validate=False, output="arrow").to_pylist() == rows
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"][places_table] = {"file": "places.parquet", "rows": 1, "sha256": "0" * 64}
    meta = croissant.metadata(manifest, corpus_ds.__released__)
    record_set = next(r for r in meta["recordSet"] if r["@id"] == places_table)
    fields = {f["@id"]: f for f in record_set["field"]}
    assert fields["places/article_id"]["references"] == {"field": {"@id": "articles/article_id"}}
    assert fields["places/aliases"]["isArray"] and fields["places/n"]["dataType"] == "cr:Int16"
    assert "places.parquet" in {d["contentUrl"] for d in meta["distribution"]}
    assert "config_name: places" in docs.card(5)
