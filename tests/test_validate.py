"""Validation of sources in-process, where the exact set of issues matters (the catalogue in test_hostile
runs the command)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

from conftest import mutate

from corpus_ds import validate

A1 = "articles/ru-ma-0001.yaml"
A2 = "articles/ru-ma-0002.yaml"
A4 = "articles/ru-ma-0004.yaml"


def test_clean_tree_is_valid(data_copy):
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert report.valid, report.format()


def test_unclaimed_raw_file(data_copy):
    (data_copy / "raw" / "005_extra.txt").write_text("مقال", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [(i.code, i.file.endswith("005_extra.txt")) for i in report.issues] == [("raw-unclaimed", True)]


def test_alias_waiver_with_reason_is_accepted(data_copy):
    # an actor mentioned in ru-ma-0002 (no dyad names him) left unlabelled, each of his aliases waived
    mutate(
        data_copy / A2,
        "  - actor_id: vladimir-putin\n    role: mentioned\n    surfaces: [فلاديمير بوتين]\n",
        "",
    )
    mutate(
        data_copy / A2,
        "agreements:\n  - instrument",
        "alias_waivers:\n  - alias: فلاديمير بوتين\n    reason: test waiver\n  - alias: بوتين\n    reason: test "
        "waiver\nagreements:\n  - instrument",
    )
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24), check_release=False)
    assert report.valid, report.format()
    # without the waivers, each alias is reported
    mutate(
        data_copy / A2,
        "alias_waivers:\n  - alias: فلاديمير بوتين\n    reason: test waiver\n"
        "  - alias: بوتين\n    reason: test waiver\n",
        "",
    )
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24), check_release=False)
    assert [(i.code, i.value) for i in report.issues] == [
        ("alias-not-labelled", "فلاديمير بوتين"),
        ("alias-not-labelled", "بوتين"),
    ], report.format()


def test_release_out_of_sync_with_sources(data_copy):
    mutate(
        data_copy / A1,
        "name: Sergey Lavrov, remarks after the talks",
        "name: Sergey Lavrov, remarks after talks",
    )
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert report.codes() == ["release-out-of-sync"], report.format()


def test_validate_never_rewrites_sources(data_copy):
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    mutate(data_copy / A1, "actors:\n", "actros:\n")
    before[data_copy / A1] = (data_copy / A1).read_bytes()
    validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    after = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    assert before == after


def test_inferred_date_needs_a_note(data_copy):
    path = data_copy / A4
    text = path.read_text(encoding="utf-8")
    start = text.index("    note: >-\n", text.index("basis: inferred"))
    end = text.index("    weekday_evidence:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [(i.code, i.field) for i in report.issues if i.code != "release-out-of-sync"] == [
        ("inferred-date-without-note", "dates.event.note")
    ]


def test_a_tree_where_everything_is_broken_gives_a_report_not_a_traceback(data_copy):
    for path in (data_copy / "articles").glob("*.yaml"):
        path.write_bytes(b"\xff\xfe not utf-8")
    (data_copy / "actors.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    shutil.rmtree(data_copy / "release")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    codes = [i.code for i in report.issues]
    # The unreadable sources may be the ones claiming the captures, so no capture is called unclaimed.
    assert sorted(codes) == ["invalid-utf8"] * 5 + ["not-a-mapping"]


def test_files_that_are_not_sources_are_reported(data_copy):
    (data_copy / "articles" / "ru-ma-0006.yml").write_text("article_id: ru-ma-0006\n", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [i.code for i in report.issues] == ["unexpected-file"]


def test_unreadable_registry_is_reported_once_not_per_actor(data_copy):
    (data_copy / "actors.yaml").write_text("", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [(i.code, i.file.endswith("actors.yaml")) for i in report.issues] == [("not-a-mapping", True)]


def test_raw_evidence_rule_holds_for_cr_line_ends(data_copy):
    raw = data_copy / "raw" / "000_939059c162e2a8a6.txt"
    data = raw.read_bytes().replace(b"\n", b"\r")
    raw.write_bytes(data)
    mutate(
        data_copy / A1,
        "sha256: 3d4d3b5f0cb0e327f94e8046758179b0ec9cfc562e3b73603151671a7533f729",
        "sha256: " + hashlib.sha256(data).hexdigest(),
    )
    mutate(data_copy / A1, '"المصدر: RT", in: raw', '"ووصل لافروف", in: raw')
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [i.code for i in report.issues] == ["raw-evidence-in-text"], report.format()
