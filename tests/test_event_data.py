"""Event-data labels: the CAMEO tables, the rules on dyads, places and instrument ids, the exports."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO, run_cli

from corpus_ds import build, cameo, columns, export, rules

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def built() -> dict[str, pa.Table]:
    result = build.assemble(REPO / "data")
    assert result.report.issues == []
    return result.tables


def _codes(tables: dict[str, pa.Table]) -> set[str]:
    return {i.code for i in rules.run(tables, today=TODAY, full=True)}


def _edit(tables: dict, table: str, change) -> dict:
    """A copy of the tables with the rows of one table changed by change(rows)."""
    rows = tables[table].to_pylist()
    change(rows)
    return {**tables, table: pa.Table.from_pylist(rows, schema=columns.schema(table))}


# --- the shipped CAMEO tables ------------------------------------------------------------------------------


def test_goldstein_file_is_gdelts_bytes_unchanged():
    data = cameo.table_text(cameo.GOLDSTEIN_FILE).encode("utf-8")
    assert (
        hashlib.sha256(data).hexdigest() == "22ae69794e081b8cc9bb87a15f59fabdaa6e9ba00b1d08990b46cd75291c0ca8"
    )


def test_every_score_is_read_from_the_file():
    frame = pd.read_csv(io.StringIO(cameo.table_text(cameo.GOLDSTEIN_FILE)), sep="\t", dtype=str)
    assert len(frame) == len(cameo.goldstein_table()) == 311
    for code, score in zip(frame["CAMEOEVENTCODE"], frame["GOLDSTEINSCALE"]):
        assert cameo.goldstein(code) == float(score)
    # the codes the corpus uses, as GDELT publishes them
    assert [cameo.goldstein(c) for c in ("041", "042", "043", "044", "051", "057")] == [
        1.0,
        1.9,
        2.8,
        2.5,
        3.4,
        8.0,
    ]


def test_quad_class_follows_the_root_code():
    assert [cameo.quad_class(c) for c in ("042", "057", "061", "0874", "112", "1823", "20")] == [
        1,
        1,
        2,
        2,
        3,
        4,
        4,
    ]
    assert set(cameo.quadclass_table()) == {f"{r:02d}" for r in range(1, 21)}


def test_a_code_missing_from_the_tables_is_an_error_not_a_default():
    with pytest.raises(cameo.UnknownCode):
        cameo.goldstein("0999")
    with pytest.raises(cameo.UnknownCode):
        cameo.quad_class("99")


def test_the_release_scores_are_derived_from_the_tables(built):
    for d in built["dyads"].to_pylist():
        assert (d["goldstein"], d["quad_class"]) == (cameo.goldstein(d["code"]), cameo.quad_class(d["code"]))


# --- rules -------------------------------------------------------------------------------------------------


def test_the_five_articles_hold_every_event_data_rule(built):
    assert _codes(built) == set()
    assert built["dyads"].num_rows == 14
    per_article = {a["article_id"]: a["place_city_en"] for a in built["articles"].to_pylist()}
    assert per_article == {
        "ru-ma-0001": "Marrakech",
        "ru-ma-0002": "Moscow",
        "ru-ma-0003": "Moscow",
        "ru-ma-0004": None,
        "ru-ma-0005": "Moscow",
    }


def _dyad(rows, article_id, index):
    return next(r for r in rows if r["article_id"] == article_id and r["dyad_index"] == index)


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda rows: _dyad(rows, "ru-ma-0002", 0).update(source="dmitry-patrushev"), "dyad-actor"),
        (lambda rows: _dyad(rows, "ru-ma-0002", 0).update(target="nasser-bourita"), "dyad-actor"),
        (lambda rows: _dyad(rows, "ru-ma-0004", 0).update(code="042", goldstein=1.9), "dyad-code"),
        (lambda rows: rows.remove(_dyad(rows, "ru-ma-0002", 3)), "dyad-code"),  # 057 without its reverse
        (
            lambda rows: _dyad(rows, "ru-ma-0001", 0).update(source="nasser-bourita", target="sergey-lavrov"),
            "dyad-direction",
        ),
        (
            lambda rows: [rows.remove(r) for r in [r for r in rows if r["article_id"] == "ru-ma-0004"]],
            "dyad-missing",
        ),
        (lambda rows: _dyad(rows, "ru-ma-0001", 0).update(goldstein=7.0), "derived-score-mismatch"),
        (lambda rows: _dyad(rows, "ru-ma-0001", 0).update(quad_class=2), "derived-score-mismatch"),
    ],
)
def test_a_wrong_dyad_is_reported(built, change, code):
    assert code in _codes(_edit(built, "dyads", change))


def _article(rows, article_id):
    return next(r for r in rows if r["article_id"] == article_id)


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda rows: _article(rows, "ru-ma-0005").update(place_country="MAR"), "dyad-direction"),
        (lambda rows: _article(rows, "ru-ma-0002").update(place_city=None), "place-missing"),
        (lambda rows: _article(rows, "ru-ma-0002").update(place_geonames_id=524901), "place-unsourced-id"),
        (lambda rows: _article(rows, "ru-ma-0002").update(cameo_code="041"), "dyad-code"),
        # a signing (057) with nothing signed
        (lambda rows: _article(rows, "ru-ma-0002")["agreements"][0].update(status="planned"), "dyad-code"),
    ],
)
def test_a_wrong_article_label_is_reported(built, change, code):
    assert code in _codes(_edit(built, "articles", change))


def _edit_instrument(tables: dict, article_id: str, index: int, **changes) -> dict:
    """An instrument label changed as a build would change it: in the article's list and in the agreements table."""
    tables = _edit(
        tables, "articles", lambda rows: _article(rows, article_id)["agreements"][index].update(changes)
    )
    return _edit(
        tables,
        "agreements",
        lambda rows: next(
            r for r in rows if r["article_id"] == article_id and r["agreement_index"] == index
        ).update(changes),
    )


@pytest.mark.parametrize(
    "article_id, index, changes",
    [
        # the MoU of 2025-10-16 is another type, or another status at the same event, in ru-ma-0003
        ("ru-ma-0003", 0, {"instrument": "agreement"}),
        ("ru-ma-0003", 0, {"status": "planned"}),
        # the 2016 statement referenced with another year, or concluded again in 2023
        ("ru-ma-0001", 2, {"year": 2015}),
        ("ru-ma-0001", 2, {"status": "concluded"}),
        # referenced at the event that concludes it, or planned after it was concluded
        ("ru-ma-0002", 0, {"status": "referenced"}),
        ("ru-ma-0001", 2, {"status": "planned"}),
    ],
)
def test_articles_that_disagree_on_a_shared_instrument_are_reported(built, article_id, index, changes):
    found = rules.run(_edit_instrument(built, article_id, index, **changes), today=TODAY, full=True)
    conflicts = [i for i in found if i.code == "instrument-conflict"]
    assert conflicts, [i.message for i in found]
    side_effects = {
        "agreement-type-mismatch",
        "dyad-code",
        "year-not-in-quote",
    }  # of the same edit, not conflicts
    assert {i.code for i in found} <= {"instrument-conflict", *side_effects}
    # the fast checks of load() find the same conflicts
    fast = rules.run(_edit_instrument(built, article_id, index, **changes), today=TODAY, full=False)
    assert [i for i in fast if i.code == "instrument-conflict"] == conflicts


def test_an_ambiguous_alias_outside_every_labelled_surface_must_be_settled(built):
    def add_father(rows):
        art = _article(rows, "ru-ma-0002")
        art["text"] += "\n\nوالتقى باتروشيف الأب لاحقا."

    issues = rules.run(_edit(built, "articles", add_father), today=TODAY, full=True)
    assert any(i.code == "alias-not-labelled" and i.value == "باتروشيف" for i in issues)

    def waive(rows):
        add_father(rows)
        _article(rows, "ru-ma-0002")["alias_waivers"] = [{"alias": "باتروشيف", "reason": "names the father"}]

    issues = rules.run(_edit(built, "articles", waive), today=TODAY, full=True)
    assert not any(i.code == "alias-not-labelled" for i in issues)


def test_an_alias_shared_by_two_actors_must_be_declared_ambiguous_by_both(built):
    def share(rows):
        next(r for r in rows if r["actor_id"] == "vladimir-putin")["aliases_ar"].append("لافروف")

    assert "alias-shared" in {
        i.code for i in rules.run_registry(_edit(built, "actors", share)["actors"], today=TODAY)
    }


def test_a_handover_day_recorded_in_both_offices_is_reported(built):
    def overlap(rows):
        office = next(r for r in rows if r["actor_id"] == "dmitry-patrushev")["offices"][0]
        office["end"] = dt.date(2024, 5, 14)

    found = rules.run_registry(_edit(built, "actors", overlap)["actors"], today=TODAY)
    assert "office-overlap" in {i.code for i in found}


# --- exports -----------------------------------------------------------------------------------------------


def test_every_plover_record_validates_and_maps_cameo_as_the_codebook_says():
    records = export.plover_records()
    assert len(records) == 14
    validator = jsonschema.Draft202012Validator(export.plover_schema())
    for r in records:
        assert list(validator.iter_errors(r)) == []
        assert (r["event"][0], (r["mode"] or [None])[0]) == cameo.PLOVER[r["cameo_code"]][:2]
    visit = next(r for r in records if r["id"] == "ru-ma-0005-0")
    assert visit["actor"][0]["code"] == "MAR" and visit["recipient"][0]["code"] == "RUS"
    assert visit["event_loc"]["country_code"] == "RUS" and visit["quad_code"] == 1
    assert list(validator.iter_errors({**visit, "quad_code": 7})) != []
    assert list(validator.iter_errors({**visit, "event": ["VISIT"]})) != []


def test_the_icews_tsv_read_back_by_pandas_keeps_the_leading_zeros(tmp_path):
    result = run_cli("export", "--format", "icews", str(tmp_path))
    assert result.returncode == 0, result.stderr
    tsv = (tmp_path / "events.icews.tsv").read_text(encoding="utf-8")
    assert tsv.splitlines()[0].split("\t") == list(export.ICEWS_COLUMNS)
    frame = pd.read_csv(tmp_path / "events.icews.tsv", sep="\t", dtype={"CAMEO Code": str})
    assert sorted(set(frame["CAMEO Code"])) == ["042", "043", "051", "057"]
    parquet = pq.read_table(tmp_path / "events.icews.parquet")
    assert parquet.schema.field("CAMEO Code").type == pa.string()
    assert sorted(set(parquet.column("CAMEO Code").to_pylist())) == ["042", "043", "051", "057"]
    assert frame.loc[frame["Event ID"] == "ru-ma-0001-0", "Intensity"].item() == 1.9


def test_the_plover_export_is_json_lines(tmp_path):
    result = run_cli("export", "--format", "plover", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines][:2] == ["ru-ma-0001-0", "ru-ma-0001-1"]


def test_an_unknown_export_format_is_refused(tmp_path):
    with pytest.raises(Exception, match="unknown export format"):
        export.export("gdelt", tmp_path)
