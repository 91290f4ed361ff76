"""The committed release: exact schemas, documented columns, checksums, tamper detection and atomic builds."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATA
from corpus_ds import build, columns, models, rules, validate
from corpus_ds.errors import Report

RELEASE = DATA / "release"
TODAY = dt.date(2026, 11, 24)


def _files(directory):
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.mark.parametrize("table", columns.TABLES)
def test_table_has_the_exact_schema(table):
    written = pq.read_schema(RELEASE / f"{table}.parquet")
    assert written.remove_metadata().equals(columns.schema(table).remove_metadata())
    assert not any(pa.types.is_large_string(f.type) or f.type == pa.null() for f in written)


@pytest.mark.parametrize("table", columns.TABLES)
def test_every_column_has_a_description(table):
    assert list(columns.COLUMNS[table]) == list(models.TABLE_MODELS[table].model_fields)
    for field in pq.read_schema(RELEASE / f"{table}.parquet"):
        assert len(field.metadata[b"description"]) > 10, field.name


@pytest.mark.parametrize("table", columns.TABLES)
def test_parquet_metadata_names_version_schema_and_fingerprint(table):
    meta = pq.read_schema(RELEASE / f"{table}.parquet").metadata
    manifest = json.loads((RELEASE / "manifest.json").read_text())
    assert meta[b"corpus_ds.version"].decode() == manifest["version"]
    assert meta[b"corpus_ds.schema_version"].decode() == models.SCHEMA_VERSION
    assert meta[b"corpus_ds.fingerprint"].decode() == manifest["fingerprint"]
    assert manifest["tables"][table]["rows"] == pq.read_metadata(RELEASE / f"{table}.parquet").num_rows


def test_committed_release_is_valid_and_in_sync():
    report = validate.validate_sources(DATA, today=TODAY)
    assert report.valid, report.format()


def test_release_rows_are_what_the_labels_say():
    t = {name: pq.read_table(RELEASE / f"{name}.parquet") for name in columns.TABLES}
    articles = {r["article_id"]: r for r in t["articles"].to_pylist()}
    assert len(articles) == 5
    assert {a: r["agreement_type"] for a, r in articles.items()} == {
        "ru-ma-0001": "verbal_commitment", "ru-ma-0002": "memorandum_of_understanding",
        "ru-ma-0003": "memorandum_of_understanding", "ru-ma-0004": "none", "ru-ma-0005": "agreement"}
    assert articles["ru-ma-0002"]["event_id"] == articles["ru-ma-0003"]["event_id"]
    assert articles["ru-ma-0004"]["published_date"] == dt.date(2023, 9, 1)
    for row in t["mentions"].to_pylist():
        assert articles[row["article_id"]]["text"][row["start"]:row["end"]] == row["surface"]


def _tamper_copy(tmp_path):
    target = tmp_path / "release"
    shutil.copytree(RELEASE, target)
    return target


def test_flipped_byte_is_a_checksum_mismatch(tmp_path):
    release = _tamper_copy(tmp_path)
    path = release / "articles.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    report = validate.validate_release(release, today=TODAY)
    assert [(i.code, i.file.endswith("articles.parquet")) for i in report.issues] == [("checksum-mismatch", True)]


def test_missing_file_and_wrong_version_are_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    (release / "mentions.parquet").unlink()
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert {"release-file-missing", "version-mismatch"} <= set(validate.validate_release(release, today=TODAY).codes())


def test_rewritten_table_with_updated_checksum_still_fails_schema_and_metadata(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "actors.parquet").drop_columns(["country"])
    pq.write_table(table, release / "actors.parquet")
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["tables"]["actors"]["sha256"] = build.sha256_bytes((release / "actors.parquet").read_bytes())
    (release / "manifest.json").write_text(json.dumps(manifest))
    report = validate.validate_release(release, today=TODAY)
    assert "column-missing" in report.codes()


def _tables():
    return {name: pq.read_table(RELEASE / f"{name}.parquet") for name in columns.TABLES}


def _replace(table: pa.Table, column: str, row: int, value) -> pa.Table:
    values = table.column(column).to_pylist()
    values[row] = value
    i = table.schema.get_field_index(column)
    return table.set_column(i, table.schema.field(i), pa.array(values, type=table.schema.field(i).type))


@pytest.mark.parametrize("table,column,value,code", [
    ("mentions", "start", 0, "offset-mismatch"),
    ("agreements", "start", 3, "offset-mismatch"),
    ("evidence", "quote", "المصدر: CNN", "offset-mismatch"),
    ("articles", "agreement_type", "agreement", "agreement-type-mismatch"),
    ("articles", "event_type", "summit", "vocabulary"),
    ("articles", "text_sha256", "0" * 64, "text-hash-mismatch"),
    ("articles", "article_id", "ru-ma-0002", "duplicate-id"),
    ("mentions", "actor_id", "nobody", "unknown-actor"),
    ("articles", "text", "نص\u200bمخفي", "forbidden-character"),
])
def test_rules_on_tampered_release_tables(table, column, value, code):
    t = _tables()
    t[table] = _replace(t[table], column, 0, value)
    assert code in {i.code for i in rules.run(t, today=TODAY)}


def test_untampered_tables_pass_every_rule():
    assert rules.run(_tables(), today=TODAY) == []


@pytest.mark.parametrize("instruments,expected", [
    ([], "none"),
    ([("agreement", "planned"), ("joint_statement", "referenced")], "none"),
    ([("verbal_commitment", "concluded"), ("memorandum_of_understanding", "concluded")], "memorandum_of_understanding"),
    ([("joint_statement", "concluded"), ("agreement", "concluded")], "agreement"),
    ([("verbal_commitment", "concluded")], "verbal_commitment"),
])
def test_agreement_type_derivation(instruments, expected):
    assert rules.derive_agreement_type(instruments) == expected


# --- atomic builds ---------------------------------------------------------------------------------

def test_build_reproduces_the_committed_release(data_copy):
    before = json.loads((data_copy / "release" / "manifest.json").read_text())
    report = build.build(data_copy, today=TODAY)
    assert report.valid, report.format()
    after = json.loads((data_copy / "release" / "manifest.json").read_text())
    assert after["fingerprint"] == before["fingerprint"]
    assert not list(data_copy.glob(".release-*"))


def test_exception_while_writing_leaves_previous_release_intact(data_copy, monkeypatch):
    before = _files(data_copy / "release")

    def failing_write(tables, out_dir):
        out_dir.mkdir(parents=True)
        (out_dir / "articles.parquet").write_bytes(b"half written")
        raise OSError("disk full")

    monkeypatch.setattr(build, "write_release", failing_write)
    with pytest.raises(OSError):
        build.build(data_copy, today=TODAY)
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))
    assert validate.validate_release(data_copy / "release", today=TODAY).valid


def test_validation_failure_after_writing_leaves_previous_release_intact(data_copy, monkeypatch):
    before = _files(data_copy / "release")

    def invalid(release_dir, today=None):
        r = Report()
        r.add("injected", str(release_dir), "", "injected failure")
        return r

    monkeypatch.setattr(validate, "validate_release", invalid)
    report = build.build(data_copy, today=TODAY)
    assert report.codes() == ["injected"]
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))


def test_invalid_sources_are_never_built(data_copy):
    before = _files(data_copy / "release")
    (data_copy / "articles" / "ru-ma-0001.yaml").write_text("article_id: [\n", encoding="utf-8")
    report = build.build(data_copy, today=TODAY)
    assert "yaml-syntax" in report.codes()
    assert _files(data_copy / "release") == before
