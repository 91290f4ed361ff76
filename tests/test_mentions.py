"""Mentions of labelled actors: an ambiguous alias inside a waived name, or inside a longer name the registry gives
another actor, is not a mention (one derivation for the build and the rules: derive.find_mentions)."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
from conftest import mutate

from corpus_ds import build, clean, columns, derive, release_format, rules, validate

TODAY = dt.date(2026, 11, 24)
KING = {"actor_id": "mohammed-vi", "role": "participant", "surfaces": ["محمد السادس"]}
# A fictional sentence written for these tests: the King, then a university named after him.
TEXT = "استقبل الملك محمد السادس الوفد، ثم زار الوفد جامعة محمد السادس في بنجرير."
AT_KING, AT_UNIVERSITY = TEXT.index("محمد السادس"), TEXT.rindex("محمد السادس")


def _starts(mentions: list[dict]) -> list[int]:
    return [m["start"] for m in mentions]


def test_without_a_waiver_every_occurrence_of_a_surface_is_a_mention():
    assert _starts(derive.find_mentions(TEXT, [KING])) == [AT_KING, AT_UNIVERSITY]


def test_an_occurrence_inside_a_waived_longer_name_is_not_a_mention():
    found = derive.find_mentions(TEXT, [KING], waived=["جامعة محمد السادس"])
    assert [(m["actor_id"], m["start"], m["end"]) for m in found] == [
        ("mohammed-vi", AT_KING, AT_KING + len("محمد السادس"))
    ]


def test_a_waived_surface_names_the_actor_nowhere():
    assert derive.find_mentions(TEXT, [KING], waived=["محمد السادس"]) == []


def test_a_longer_name_of_another_registry_actor_holds_the_occurrence_but_the_actors_own_does_not():
    registered = {
        "mohammed-vi": ("الملك محمد السادس", "محمد السادس"),
        "mohammed-vi-polytechnic-university": ("جامعة محمد السادس",),
    }
    found = derive.find_mentions(TEXT, [KING], registered=registered)
    assert _starts(found) == [AT_KING]  # inside the King's own alias الملك محمد السادس: still the King
    # an occurrence inside the other actor's shorter or equal name is not affected
    assert _starts(derive.find_mentions(TEXT, [KING], registered={"other": ("محمد",)})) == [
        AT_KING,
        AT_UNIVERSITY,
    ]


def test_a_waived_name_that_only_overlaps_the_surface_does_not_hold_it():
    assert _starts(derive.find_mentions(TEXT, [KING], waived=["السادس في بنجرير"])) == [
        AT_KING,
        AT_UNIVERSITY,
    ]


def test_the_longest_labelled_surface_still_wins():
    university = {"actor_id": "university", "role": "mentioned", "surfaces": ["جامعة محمد السادس"]}
    found = derive.find_mentions(TEXT, [KING, university])
    assert [(m["actor_id"], m["start"]) for m in found] == [
        ("mohammed-vi", AT_KING),
        ("university", TEXT.index("جامعة")),
    ]


# --- through the source files: a capture that names an institution after the King ----------------------------

A1, RAW1 = "articles/ru-ma-0001.yaml", "raw/000_939059c162e2a8a6.txt"  # the King is not in this article
A5, RAW5 = "articles/ru-ma-0005.yaml", "raw/004_c0d78954bb0513ce.txt"  # the King is a participant
# A fictional sentence added to a paragraph of a copy of a capture (it never enters data/).
ADDED = " وزار وفد روسي جامعة محمد السادس متعددة التخصصات."
WAIVER = (
    "alias_waivers:\n  - alias: جامعة محمد السادس\n    reason: a university named after the King\n"
    "agreements:\n  - instrument"
)


def _capture_naming_the_university(data, source: str, raw: str, paragraph: str) -> None:
    """Add the fictional sentence to the paragraph that holds `paragraph`, with the hashes a contributor records."""
    raw_path = data / raw
    old_raw = raw_path.read_text(encoding="utf-8")
    end = old_raw.index("\n", old_raw.index(paragraph))
    new_raw = old_raw[:end] + ADDED + old_raw[end:]
    raw_path.write_text(new_raw, encoding="utf-8")
    mutate(data / source, release_format.sha256_text(old_raw), release_format.sha256_bytes(new_raw.encode()))
    old_text, new_text = (release_format.sha256_text(clean.clean(r).text) for r in (old_raw, new_raw))
    mutate(data / source, old_text, new_text)


def _king_mentions(data) -> list[int]:
    built = build.assemble(data)
    assert built.report.issues == [], built.report.format()
    rows = built.tables["mentions"].to_pylist()
    return [m["start"] for m in rows if m["article_id"] == "ru-ma-0005" and m["actor_id"] == "mohammed-vi"]


def test_the_build_and_the_rules_leave_out_an_occurrence_the_file_waives(data_copy):
    before = _king_mentions(data_copy)
    _capture_naming_the_university(data_copy, A5, RAW5, "ووقع الجانبان اتفاقية")
    assert len(_king_mentions(data_copy)) == len(before) + 1  # unwaived, the university would be the King
    mutate(data_copy / A5, "agreements:\n  - instrument", WAIVER)
    assert _king_mentions(data_copy) == before
    report = validate.validate_sources(data_copy, today=TODAY, check_release=False)
    assert report.valid, report.format()

    # the full rules re-derive the mentions the same way: a mentions table that still lists it is inconsistent
    tables = build.assemble(data_copy).tables
    university = tables["articles"].to_pylist()
    text = next(a["text"] for a in university if a["article_id"] == "ru-ma-0005")
    mentions = tables["mentions"].to_pylist()
    start = text.index("جامعة محمد السادس") + len("جامعة ")
    mentions.append(
        dict(
            article_id="ru-ma-0005",
            actor_id="mohammed-vi",
            role="participant",
            surface="محمد السادس",
            start=start,
            end=start + len("محمد السادس"),
        )
    )
    mentions.sort(key=lambda m: (m["article_id"], m["start"]))
    forged = {**tables, "mentions": pa.Table.from_pylist(mentions, schema=columns.schema("mentions"))}
    found = rules.run(forged, today=TODAY, full=True)
    assert [(i.code, i.article_id) for i in found] == [("table-inconsistent", "ru-ma-0005")]


def test_an_ambiguous_alias_in_an_institutions_name_must_be_settled(data_copy):
    """The King is not in ru-ma-0001: the bare ambiguous alias inside the university's name must be waived."""
    _capture_naming_the_university(data_copy, A1, RAW1, "وقال لافروف")
    report = validate.validate_sources(data_copy, today=TODAY, check_release=False)
    assert [(i.code, i.value) for i in report.issues] == [("alias-not-labelled", "محمد السادس")], (
        report.format()
    )
    mutate(data_copy / A1, "agreements:\n  - instrument", WAIVER)
    report = validate.validate_sources(data_copy, today=TODAY, check_release=False)
    assert report.valid, report.format()


def test_a_surface_found_only_inside_a_waived_name_is_reported(data_copy):
    mutate(
        data_copy / A5,
        "agreements:\n  - instrument",
        "alias_waivers:\n  - alias: محمد السادس\n    reason: waived by mistake\nagreements:\n  - instrument",
    )
    report = validate.validate_sources(data_copy, today=TODAY, check_release=False)
    assert [(i.code, i.field) for i in report.issues] == [("surface-not-found", "actors[1].surfaces[0]")]
    assert "inside a waived name" in report.issues[0].message
