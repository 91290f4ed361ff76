"""The committed release: exact schemas, documented columns, checksums, tamper detection and atomic builds."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DATA

import corpus_ds
from corpus_ds import build, columns, derive, models, release_format, rules, validate, verify
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
        "ru-ma-0001": "verbal_commitment",
        "ru-ma-0002": "memorandum_of_understanding",
        "ru-ma-0003": "memorandum_of_understanding",
        "ru-ma-0004": "none",
        "ru-ma-0005": "agreement",
    }
    assert articles["ru-ma-0002"]["event_id"] == articles["ru-ma-0003"]["event_id"]
    assert articles["ru-ma-0004"]["published_date"] == dt.date(2023, 9, 1)
    for row in t["mentions"].to_pylist():
        assert articles[row["article_id"]]["text"][row["start"] : row["end"]] == row["surface"]


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
    report = verify.validate_release(release, today=TODAY)
    assert [(i.code, i.file.endswith("articles.parquet")) for i in report.issues] == [
        ("checksum-mismatch", True)
    ]


def test_missing_file_and_wrong_version_are_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    (release / "mentions.parquet").unlink()
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["version"] = "9.9.9"
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert {"release-file-missing", "version-mismatch"} <= set(
        verify.validate_release(release, today=TODAY).codes()
    )


def _rewrite(release, name, table, **manifest_changes):
    """Write a table and update the manifest's checksum, as a careless or hostile editor would."""
    pq.write_table(table, release / f"{name}.parquet", write_statistics=False)  # as the release's writer does
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["tables"][name]["sha256"] = release_format.sha256_bytes(
        (release / f"{name}.parquet").read_bytes()
    )
    manifest["tables"][name].update(manifest_changes)
    (release / "manifest.json").write_text(json.dumps(manifest))


def test_dropped_column_with_updated_checksum_is_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    _rewrite(release, "actors", pq.read_table(release / "actors.parquet").drop_columns(["country"]))
    assert verify.validate_release(release, today=TODAY).codes() == ["column-missing"]


def test_retyped_column_with_updated_checksum_is_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "mentions.parquet")
    i = table.schema.get_field_index("start")
    table = table.set_column(i, pa.field("start", pa.int64()), table.column("start").cast(pa.int64()))
    _rewrite(release, "mentions", table)
    assert verify.validate_release(release, today=TODAY).codes() == ["column-type"]


def test_changed_rows_with_updated_checksum_fail_the_content_fingerprint(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "articles.parquet")
    _rewrite(
        release,
        "articles",
        _replace(table, "outlet", 0, "الجزيرة").replace_schema_metadata(table.schema.metadata),
    )
    report = verify.validate_release(release, today=TODAY)
    mismatch = [i for i in report.issues if i.code == "fingerprint-mismatch"]
    assert mismatch and mismatch[0].file.endswith("articles.parquet")


def test_metadata_naming_another_version_is_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "evidence.parquet")
    meta = dict(table.schema.metadata)
    meta[b"corpus_ds.version"] = b"0.0.9"
    _rewrite(release, "evidence", table.replace_schema_metadata(meta))
    assert verify.validate_release(release, today=TODAY).codes() == ["metadata-mismatch"]


def test_row_count_disagreeing_with_manifest_is_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "removals.parquet")
    _rewrite(release, "removals", table, rows=table.num_rows + 1)
    assert verify.validate_release(release, today=TODAY).codes() == ["row-count-mismatch"]


def test_null_inside_a_list_is_reported_not_raised(tmp_path):
    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "articles.parquet")
    actors = table.column("actors").to_pylist()
    actors[0] = actors[0] + [None]
    i = table.schema.get_field_index("actors")
    table = table.set_column(i, table.schema.field(i), pa.array(actors, type=table.schema.field(i).type))
    _rewrite(release, "articles", table)
    codes = verify.validate_release(release, today=TODAY).codes()
    assert "null-value" in codes


def test_malformed_manifest_entry_is_reported(tmp_path):
    release = _tamper_copy(tmp_path)
    manifest = json.loads((release / "manifest.json").read_text())
    manifest["tables"]["actors"] = "actors.parquet"
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert "manifest-missing-table" in verify.validate_release(release, today=TODAY).codes()


def test_fingerprint_does_not_depend_on_encoding_or_chunking(tmp_path):
    table = pq.read_table(RELEASE / "articles.parquet")
    pq.write_table(table, tmp_path / "plain.parquet", compression="none", row_group_size=2)
    again = pq.read_table(tmp_path / "plain.parquet")
    assert again.column("text").num_chunks > 1
    assert (
        release_format.fingerprint(again)
        == release_format.fingerprint(table)
        == json.loads((RELEASE / "manifest.json").read_text())["tables"]["articles"]["fingerprint"]
    )
    assert release_format.fingerprint(_replace(table, "outlet", 1, "x")) != release_format.fingerprint(table)


def _tables():
    return {name: pq.read_table(RELEASE / f"{name}.parquet") for name in columns.TABLES}


def _replace(table: pa.Table, column: str, row: int, value) -> pa.Table:
    values = table.column(column).to_pylist()
    values[row] = value
    i = table.schema.get_field_index(column)
    return table.set_column(i, table.schema.field(i), pa.array(values, type=table.schema.field(i).type))


@pytest.mark.parametrize(
    "table,column,value,code",
    [
        ("mentions", "start", 0, "offset-mismatch"),
        ("agreements", "start", 3, "offset-mismatch"),
        ("evidence", "quote", "المصدر: CNN", "offset-mismatch"),
        ("articles", "agreement_type", "agreement", "agreement-type-mismatch"),
        ("articles", "event_type", "summit", "vocabulary"),
        ("articles", "text_sha256", "0" * 64, "text-hash-mismatch"),
        ("articles", "article_id", "ru-ma-0002", "duplicate-id"),
        ("mentions", "actor_id", "nobody", "unknown-actor"),
        ("articles", "text", "نص\u200bمخفي", "forbidden-character"),
        ("articles", "article_id", "Bad Id", "bad-id"),
        ("articles", "event_weekday_quote", "اليوم", "weekday-missing"),
        ("articles", "title", "عنوان \u06a9", "forbidden-character"),
        ("mentions", "start", -6, "offset-mismatch"),
        ("articles", "reviewer", None, "review-incomplete"),
        ("articles", "cameo_code", "041", "cameo-mismatch"),
    ],
)
def test_rules_on_tampered_release_tables(table, column, value, code):
    t = _tables()
    t[table] = _replace(t[table], column, 0, value)
    assert code in {i.code for i in rules.run(t, today=TODAY)}


def test_untampered_tables_pass_every_rule():
    assert rules.run(_tables(), today=TODAY) == []


@pytest.mark.parametrize(
    "instruments,expected",
    [
        ([], "none"),
        ([("agreement", "planned"), ("joint_statement", "referenced")], "none"),
        (
            [("verbal_commitment", "concluded"), ("memorandum_of_understanding", "concluded")],
            "memorandum_of_understanding",
        ),
        ([("joint_statement", "concluded"), ("agreement", "concluded")], "agreement"),
        ([("verbal_commitment", "concluded")], "verbal_commitment"),
    ],
)
def test_agreement_type_derivation(instruments, expected):
    assert derive.derive_agreement_type(instruments) == expected


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

    def failing_write(tables, out_dir, *options):
        out_dir.mkdir(parents=True)
        (out_dir / "articles.parquet").write_bytes(b"half written")
        raise OSError("disk full")

    monkeypatch.setattr(release_format, "write_release", failing_write)
    with pytest.raises(OSError):
        build.build(data_copy, today=TODAY)
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))
    assert verify.validate_release(data_copy / "release", today=TODAY).valid


def test_validation_failure_after_writing_leaves_previous_release_intact(data_copy, monkeypatch):
    before = _files(data_copy / "release")

    def invalid(release_dir, today=None, **options):
        r = Report()
        r.add("checksum-mismatch", str(release_dir), "", "injected failure")
        return r

    monkeypatch.setattr(verify, "validate_release", invalid)
    report = build.build(data_copy, today=TODAY)
    assert report.codes() == ["checksum-mismatch"]
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))


def test_invalid_sources_are_never_built(data_copy):
    before = _files(data_copy / "release")
    (data_copy / "articles" / "ru-ma-0001.yaml").write_text("article_id: [\n", encoding="utf-8")
    report = build.build(data_copy, today=TODAY)
    assert "yaml-syntax" in report.codes()
    assert _files(data_copy / "release") == before


def test_a_build_killed_between_its_renames_is_recovered(data_copy):
    before = _files(data_copy / "release")
    os.replace(
        data_copy / "release", data_copy / ".release-old-99999"
    )  # the state a kill at that moment leaves
    report = build.build(data_copy, today=TODAY)
    assert report.valid, report.format()
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))


def _forge(tmp_path, name, change):
    """A fully self-consistent forged release: one table changed, every checksum and fingerprint recomputed."""
    t = _tables()
    t[name] = change(t[name])
    out = tmp_path / "forged"
    release_format.write_release(t, out)
    return out


def _set_nested(table, column, row, path, value):
    values = table.column(column).to_pylist()
    target = values[row]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    i = table.schema.get_field_index(column)
    return table.set_column(i, table.schema.field(i), pa.array(values, type=table.schema.field(i).type))


@pytest.mark.parametrize(
    "name,change,code",
    [
        ("mentions", lambda t: _replace(t, "role", 0, "mentioned"), "table-inconsistent"),
        ("mentions", lambda t: t.slice(1), "table-inconsistent"),
        ("agreements", lambda t: _replace(t, "instrument", 0, "agreement"), "table-inconsistent"),
        ("evidence", lambda t: _replace(t, "value", 0, "bogus"), "table-inconsistent"),
        ("articles", lambda t: _replace(t, "n_chars", 0, 5), "table-inconsistent"),
        ("articles", lambda t: _replace(t, "outlet", 0, "الجزيرة"), "table-inconsistent"),
        ("actors", lambda t: _replace(t, "aliases_ar", 0, []), "row-invalid"),
        ("articles", lambda t: _set_nested(t, "actors", 0, [0, "role"], None), "row-invalid"),
        ("actors", lambda t: _set_nested(t, "offices", 0, [0, "source"], None), "row-invalid"),
    ],
)
def test_forged_self_consistent_release_is_caught(tmp_path, name, change, code):
    report = verify.validate_release(_forge(tmp_path, name, change), today=TODAY)
    assert code in report.codes(), report.format()


def _fail_on(name: str, exc: BaseException):
    """A pq.write_table that writes the tables before `name` for real, then fails: a build interrupted mid-way."""
    real = pq.write_table

    def write_table(table, where, *args, **kwargs):
        if str(where).endswith(f"{name}.parquet"):
            raise exc
        return real(table, where, *args, **kwargs)

    return write_table


@pytest.mark.parametrize(
    "exc", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "interrupted"]
)
def test_failure_while_writing_a_table_leaves_the_previous_release_intact_and_loadable(
    data_copy, monkeypatch, exc
):
    before = _files(data_copy / "release")
    monkeypatch.setattr(release_format.pq, "write_table", _fail_on("agreements", exc))
    with pytest.raises(type(exc)):
        build.build(data_copy, today=TODAY)
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))
    monkeypatch.undo()
    assert len(corpus_ds.load(path=data_copy / "release")) == 5
    assert set(corpus_ds.tables(path=data_copy / "release")) == set(columns.TABLES)


def test_failure_while_swapping_in_the_new_release_puts_the_old_one_back(data_copy, monkeypatch):
    before = _files(data_copy / "release")
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append((src, dst))
        if (
            len(calls) == 2
        ):  # the first rename moved the old release aside; the second would move the new one in
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(release_format.os, "replace", replace)
    with pytest.raises(OSError):
        build.build(data_copy, today=TODAY)
    monkeypatch.undo()
    assert len(calls) == 3, calls  # aside, failed swap, back
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))
    assert len(corpus_ds.load(path=data_copy / "release")) == 5


def test_validation_failure_after_writing_leaves_a_release_that_still_loads(data_copy, monkeypatch):
    before = _files(data_copy / "release")
    real = verify.validate_release
    written = []

    def damaged_then_checked(release_dir, today=None, **options):
        written.append(sorted(p.name for p in release_dir.iterdir()))
        (release_dir / "mentions.parquet").write_bytes(b"damaged after writing")
        return real(release_dir, today=today)

    monkeypatch.setattr(verify, "validate_release", damaged_then_checked)
    report = build.build(data_copy, today=TODAY)
    assert report.codes() == ["checksum-mismatch"]
    assert written == [sorted([f"{t}.parquet" for t in columns.TABLES] + ["manifest.json", "croissant.json"])]
    monkeypatch.undo()
    assert _files(data_copy / "release") == before
    assert not list(data_copy.glob(".release-*"))
    assert verify.validate_release(data_copy / "release", today=TODAY).valid
    assert len(corpus_ds.load("mentions", path=data_copy / "release")) > 0


def test_content_fingerprints_recomputed_beside_the_rules_keep_their_place_in_the_report(tmp_path):
    """The fingerprints are recomputed while the rules run; their issues still come where reading the release puts
    them: after an earlier table's, before a later table's and before every rule's."""

    def in_order() -> list[str]:
        return [i.code for i in verify.validate_release(release, today=TODAY).issues]

    release = _tamper_copy(tmp_path)
    table = pq.read_table(release / "articles.parquet")
    n_chars = table.column("n_chars").to_pylist()
    changed = _replace(table, "n_chars", 0, n_chars[0] + 1).replace_schema_metadata(table.schema.metadata)
    _rewrite(release, "articles", changed)
    assert in_order() == ["fingerprint-mismatch", "table-inconsistent"]  # a rule's issue comes after
    inline = Report()  # the same release read with every fingerprint recomputed in place
    assert release_format.read_release(release, inline, full=True) is not None
    assert [i.code for i in inline.issues] == ["fingerprint-mismatch"]
    evidence = pq.read_table(release / "evidence.parquet")
    meta = dict(evidence.schema.metadata)
    meta[b"corpus_ds.version"] = b"0.0.9"
    _rewrite(release, "evidence", evidence.replace_schema_metadata(meta))
    assert in_order() == ["fingerprint-mismatch", "metadata-mismatch", "table-inconsistent"]


def test_two_content_fingerprints_recomputed_beside_the_rules_come_in_the_tables_order(tmp_path):
    """Two tables whose manifest entries name another fingerprint: their issues in the order the tables are read,
    then the release's."""
    release = _tamper_copy(tmp_path)
    manifest = json.loads((release / "manifest.json").read_text())
    for name in ("articles", "mentions"):
        manifest["tables"][name]["fingerprint"] = "0" * 64
    (release / "manifest.json").write_text(json.dumps(manifest))
    issues = verify.validate_release(release, today=TODAY).issues
    assert [(i.code, os.path.basename(i.file)) for i in issues[:3]] == [
        ("fingerprint-mismatch", "articles.parquet"),
        ("fingerprint-mismatch", "mentions.parquet"),
        ("fingerprint-mismatch", "manifest.json"),
    ]


def test_the_full_check_of_a_table_compares_the_declared_null_count_as_arrow_does():
    """validate_fully refuses what table.validate(full=True) refuses, even where the compiled UTF-8 check vouches for
    the bytes: here a validity bitmap holding one null where the array declares two."""
    bitmap = pa.py_buffer(bytes([0b01]))
    offsets = pa.py_buffer(bytes(np.array([0, 1, 2], np.int32).data))
    arr = pa.Array.from_buffers(pa.string(), 2, [bitmap, offsets, pa.py_buffer(b"ab")], null_count=2)
    table = pa.table({"s": arr})
    with pytest.raises(pa.ArrowInvalid) as arrows:
        table.validate(full=True)
    with pytest.raises(pa.ArrowInvalid) as ours:
        release_format.validate_fully(table)
    assert str(ours.value) == str(arrows.value)
