"""Every rule on the sources: one defect injected into a copy of data/, the report names file, field and code."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import pytest

from conftest import mutate
from corpus_ds import validate

A1 = "articles/ru-ma-0001.yaml"
A4 = "articles/ru-ma-0004.yaml"
A5 = "articles/ru-ma-0005.yaml"

# (id, file, old text, new text, expected code, expected field)
DEFECTS = [
    ("typo-key", A1, "actors:\n", "actros:\n", "unknown-field", "actros"),
    ("missing-field", A1, "  cameo_code: \"042\"\n", "", "missing-field", "event.cameo_code"),
    ("impossible-date", A1, 'date: "2023-12-20"', 'date: "2023-02-30"', "invalid-value", "dates.event.date"),
    ("wrong-type", A1, "year: 2002", "year: two-thousand-two", "invalid-value", "agreements[1].year"),
    ("vocabulary", A1, "instrument: verbal_commitment", "instrument: treaty", "vocabulary", "agreements[0].instrument"),
    ("sector-vocabulary", A1, "sectors: [trade, economy, science]", "sectors: [trade, space]", "vocabulary", "agreements[0].sectors[1]"),
    ("weekday-contradicts-date", A1, 'date: "2023-12-20"', 'date: "2023-12-21"', "weekday-mismatch", "dates.event.weekday_evidence"),
    ("event-after-publication", A4, 'date: "2023-09-01"\n    basis', 'date: "2023-09-08"\n    basis', "event-after-publication", "dates.published.date"),
    ("future-date", A4, 'date: "2023-09-01"\n    evidence', 'date: "2099-09-04"\n    evidence', "future-date", "dates.published.date"),
    ("unknown-actor", A1, "actor_id: nasser-bourita", "actor_id: nasser-burita", "unknown-actor", "actors[1].actor_id"),
    ("participant-without-office", A5, 'date: "2016-03-15"', 'date: "2009-03-17"', "participant-without-office", "actors[0].actor_id"),
    ("evidence-not-found", A1, "وقال لافروف", "وقال بوتين", "evidence-not-found", "source.cited_sources[0].evidence"),
    ("raw-evidence-not-found", A1, '"المصدر: RT", in: raw', '"المصدر: رويترز", in: raw', "evidence-not-found", "source.attribution.evidence"),
    ("surface-not-found", A1, "surfaces: [ناصر بوريطة]", "surfaces: [ناصر بوريطه]", "surface-not-found", "actors[1].surfaces[0]"),
    ("alias-not-labelled", A1, "  - actor_id: nasser-bourita\n    role: participant\n    surfaces: [ناصر بوريطة]\n", "", "alias-not-labelled", "actors"),
    ("typo-nested-key", A1, "    note: >-\n      The text says only", "    nota: >-\n      The text says only", "unknown-field", "dates.event.nota"),
    ("cameo-mismatch", A1, 'cameo_code: "042"', 'cameo_code: "057"', "cameo-mismatch", "event.cameo_code"),
    ("hand-typed-agreement-type", A1, "actors:\n", "agreement_type: agreement\nactors:\n", "derived-field-in-source", "agreement_type"),
    ("bidi-in-label", A1, "name: Sergey Lavrov, remarks", "name: Sergey\u202e Lavrov, remarks", "forbidden-character", "cited_sources"),
    ("persian-letter-in-surface", A1, "surfaces: [سيرغي لافروف, لافروف]", "surfaces: [سيرغی لافروف, لافروف]", "surface-not-found", "actors[0].surfaces[0]"),
    ("draft-in-release", A1, "status: reviewed", "status: draft", "draft-article", "review.status"),
    ("raw-sha256", A1, "sha256: 3d4d3b5f", "sha256: 0d4d3b5f", "raw-sha256-mismatch", "raw.sha256"),
    ("text-changed", A1, "text_sha256: 7f8e", "text_sha256: 0f8e", "text-changed", "cleaning.text_sha256"),
    ("bad-id", A1, "article_id: ru-ma-0001", "article_id: RU_MA_0001", "invalid-value", "article_id"),
    ("path-traversal-raw", A1, "file: 000_939059c162e2a8a6.txt", "file: ../../etc/passwd.txt", "invalid-value", "raw.file"),
    ("decision-out-of-range", A1, "decisions: []", "decisions: [{lines: [900, 901], as: masthead, why: test}]", "cleaning-decision-out-of-range", "cleaning.decisions"),
    ("yaml-syntax", A1, "actors:\n", "actors: [\n", "yaml-syntax", "line"),
    ("yaml-alias", A1, "sectors: [diplomacy]\n    year: 2002", "sectors: &s [diplomacy]\n    year: 2002", "yaml-syntax", "line"),
    ("duplicate-key", A1, "article_id: ru-ma-0001\n", "article_id: ru-ma-0001\narticle_id: ru-ma-0001\n", "yaml-syntax", "line 3"),
    ("custom-tag", A1, "annotator: annotator-a", "annotator: !!python/object/apply:os.system [echo]", "yaml-syntax", "line"),
    ("raw-evidence-in-text", A1, '"المصدر: RT", in: raw', '"ووصل لافروف", in: raw', "raw-evidence-in-text", "source.attribution.evidence"),
    ("weekday-not-recorded", A1, '    weekday_evidence: {quote: "اليوم الأربعاء"}\n', "", "weekday-not-recorded", "dates.event.weekday_evidence"),
    ("review-needs-second-person", A1, "reviewer: reviewer-c", "reviewer: annotator-a", "review-incomplete", "reviewer"),
    ("future-agreement-year", A1, "year: 2002", "year: 2099", "future-date", "agreements[1].year"),
    ("string-for-integer", A1, "year: 2002", 'year: "2002"', "invalid-value", "agreements[1].year"),
    ("boolean-for-integer", A1, '{quote: "وقال لافروف"}', '{quote: "وقال لافروف", occurrence: true}', "invalid-value", "source.cited_sources[0].evidence.occurrence"),
    ("one-letter-quote", A1, '{quote: "وقال لافروف"}', '{quote: "و"}', "invalid-value", "source.cited_sources[0].evidence.quote"),
    ("yaml-set", A1, "sectors: [diplomacy]\n    year: 2002", "sectors: !!set {diplomacy}\n    year: 2002", "yaml-type", "agreements[1].sectors"),
    ("duplicate-actor-label", A1, "actor_id: nasser-bourita", "actor_id: sergey-lavrov", "duplicate-actor-label", "actors[1].actor_id"),
    ("surface-two-actors", A1, "surfaces: [ناصر بوريطة]", "surfaces: [ناصر بوريطة, لافروف]", "surface-two-actors", "actors[1].surfaces"),
    ("event-conflict", "articles/ru-ma-0003.yaml", 'date: "2025-10-16"', 'date: "2025-10-23"', "event-conflict", "event.id"),
    ("cleaning-decisions-overlap", "articles/ru-ma-0003.yaml", "      why: The site's self-description",
     "      why: test\n    - lines: [2, 5]\n      as: navigation\n      why: The site's self-description", "cleaning-decisions-overlap", "cleaning.decisions[1]"),
    ("unknown-actor-in-cited-source", A1, "actor_id: sergey-lavrov\n      evidence", "actor_id: sergey-lavrof\n      evidence", "unknown-actor", "cited_sources[0].actor_id"),
    ("persian-letter-in-label", A1, "name: Sergey Lavrov, remarks", "name: Sergey Lavrov ی, remarks", "forbidden-character", "cited_sources"),
    ("presentation-form-in-label", A1, "value: RT", "value: RT \ufef7", "forbidden-character", "attribution"),
    ("unused-waiver", A1, "agreements:\n  - instrument", "alias_waivers:\n  - alias: بوتين\n    reason: test\nagreements:\n  - instrument", "waiver-unused", "alias_waivers[0].alias"),
    ("registry-duplicate-id", "actors.yaml", "  - actor_id: mohammed-vi\n", "  - actor_id: vladimir-putin\n", "duplicate-actor-id", "actor_id"),
    ("registry-future-office", "actors.yaml", 'start: "2012-05-07"', 'start: "2099-05-07"', "future-date", "offices[1].start"),
    ("year-not-in-quote", A1, "year: 2002", "year: 2010", "year-not-in-quote", "agreements[1].year"),
    ("weekday-with-date-not-recorded", A5, '    weekday_evidence: {quote: "الثلاثاء 15 مارس"}\n', "", "weekday-not-recorded", "dates.event.weekday_evidence"),
    ("article-quote-too-short", A1, '{quote: "وقال لافروف"}', '{quote: "ال"}', "invalid-value", "source.cited_sources[0].evidence.quote"),
    ("registry-empty-aliases", "actors.yaml", "aliases_ar: [فلاديمير بوتين, بوتين]", "aliases_ar: []", "invalid-value", "actors[3].aliases_ar"),
    ("registry-office-dates", "actors.yaml", 'end: "2017-04-04"', 'end: "2015-04-04"', "office-dates", "offices[0]"),
]


@pytest.mark.parametrize("case", DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defect_is_reported_with_file_field_and_code(data_copy, case):
    _, file, old, new, code, field = case
    mutate(data_copy / file, old, new)
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert not report.valid
    hits = [i for i in report.issues if i.code == code]
    assert hits, report.format()
    assert any(i.file.endswith(file) and field in i.field for i in hits), report.format()


def test_clean_tree_is_valid(data_copy):
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert report.valid, report.format()


def test_every_problem_is_reported_in_one_run(data_copy):
    mutate(data_copy / A1, "actors:\n", "actros:\n")
    mutate(data_copy / A4, 'date: "2023-09-01"\n    basis', 'date: "2023-09-02"\n    basis')
    mutate(data_copy / A5, 'cameo_code: "042"', 'cameo_code: "041"')
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert {"unknown-field", "weekday-mismatch", "cameo-mismatch"} <= set(report.codes())


def test_duplicate_id_and_raw_claimed_twice(data_copy):
    copy = (data_copy / A1).read_text(encoding="utf-8")
    (data_copy / "articles" / "ru-ma-0009.yaml").write_text(copy, encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert {"duplicate-id", "id-filename-mismatch"} <= set(report.codes())
    mutate(data_copy / "articles" / "ru-ma-0009.yaml", "article_id: ru-ma-0001", "article_id: ru-ma-0009")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert "raw-claimed-twice" in report.codes()


def test_unclaimed_raw_file(data_copy):
    (data_copy / "raw" / "005_extra.txt").write_text("مقال", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [(i.code, i.file.endswith("005_extra.txt")) for i in report.issues] == [("raw-unclaimed", True)]


def test_missing_raw_file(data_copy):
    (data_copy / "raw" / "000_939059c162e2a8a6.txt").unlink()
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert "raw-missing" in report.codes()


def test_alias_waiver_with_reason_is_accepted(data_copy):
    mutate(data_copy / A1, "  - actor_id: nasser-bourita\n    role: participant\n    surfaces: [ناصر بوريطة]\n",
           "")
    mutate(data_copy / A1, "agreements:\n  - instrument",
           "alias_waivers:\n  - alias: ناصر بوريطة\n    reason: test waiver\n  - alias: بوريطة\n    reason: test waiver\nagreements:\n  - instrument")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24), check_release=False)
    assert report.valid, report.format()


def test_release_out_of_sync_with_sources(data_copy):
    mutate(data_copy / A1, "name: Sergey Lavrov, remarks after the talks", "name: Sergey Lavrov, remarks after talks")
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
    assert [(i.code, i.field) for i in report.issues if i.code != "release-out-of-sync"] == [("inferred-date-without-note", "dates.event.note")]


def test_a_tree_where_everything_is_broken_gives_a_report_not_a_traceback(data_copy):
    for path in (data_copy / "articles").glob("*.yaml"):
        path.write_bytes(b"\xff\xfe not utf-8")
    (data_copy / "actors.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    shutil.rmtree(data_copy / "release")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    codes = [i.code for i in report.issues]
    # The unreadable sources may be the ones claiming the captures, so no capture is called unclaimed.
    assert sorted(codes) == ["invalid-utf8"] * 5 + ["not-a-mapping"]


@pytest.mark.parametrize("content,code", [
    (b"", "not-a-mapping"),
    (b"~\n", "not-a-mapping"),
    (b"\xef\xbb\xbfarticle_id: ru-ma-0001\n", "byte-order-mark"),
    (b"article_id: ru-ma-0001\r\n", "crlf-line-ends"),
    (b"[" * 400, "yaml-too-deep"),
    (b"a: " + b"x" * 1_100_000, "file-too-large"),
])
def test_unreadable_source_files(data_copy, content, code):
    path = data_copy / A1
    path.write_bytes(content)
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert any(i.code == code and i.file == str(path) for i in report.issues), report.format()


def test_files_that_are_not_sources_are_reported(data_copy):
    (data_copy / "articles" / "ru-ma-0006.yml").write_text("article_id: ru-ma-0006\n", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [i.code for i in report.issues] == ["unexpected-file"]


def test_raw_capture_that_is_a_link_outside_data(data_copy, tmp_path):
    outside = tmp_path / "outside.txt"
    raw = data_copy / "raw" / "000_939059c162e2a8a6.txt"
    outside.write_bytes(raw.read_bytes())
    raw.unlink()
    raw.symlink_to(outside)
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert "raw-outside-data" in report.codes()


def test_unreadable_registry_is_reported_once_not_per_actor(data_copy):
    (data_copy / "actors.yaml").write_text("", encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [(i.code, i.file.endswith("actors.yaml")) for i in report.issues] == [("not-a-mapping", True)]


def test_raw_evidence_rule_holds_for_cr_line_ends(data_copy):
    raw = data_copy / "raw" / "000_939059c162e2a8a6.txt"
    data = raw.read_bytes().replace(b"\n", b"\r")
    raw.write_bytes(data)
    mutate(data_copy / A1, "sha256: 3d4d3b5f0cb0e327f94e8046758179b0ec9cfc562e3b73603151671a7533f729",
           "sha256: " + hashlib.sha256(data).hexdigest())
    mutate(data_copy / A1, '"المصدر: RT", in: raw', '"ووصل لافروف", in: raw')
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert [i.code for i in report.issues] == ["raw-evidence-in-text"], report.format()
