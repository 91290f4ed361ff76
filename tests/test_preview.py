"""`corpus-ds build --preview` before the labels are done: a draft with TODO values is left out (and named) until a
person fills them in; from then on it is in the preview, machine proposals and all. Nothing else is let through."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq
from conftest import TEST_DATA, mutate, run_cli
from test_contribute import FILLS

from corpus_ds import build, draft

TODAY = dt.date(2026, 11, 24)
CAPTURE = TEST_DATA / "new_capture.txt"


def _preview_ids(data_dir) -> list[str]:
    return pq.read_table(data_dir / "preview" / "articles.parquet").column("article_id").to_pylist()


def test_a_fresh_draft_is_left_out_by_name_and_the_rest_is_previewed(data_copy):
    path = draft.new_article(CAPTURE, data_copy)
    todo = path.read_text(encoding="utf-8").count(": TODO")
    release_before = {p.name: p.read_bytes() for p in (data_copy / "release").iterdir()}
    done = run_cli("build", str(data_copy), "--preview", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"left out of the preview: {path} (" in done.stdout and "TODO values to fill in" in done.stdout
    assert "PREVIEW:" in done.stdout and _preview_ids(data_copy) == [f"ru-ma-000{i}" for i in range(1, 6)]
    report = build.build(data_copy, today=TODAY, preview=True)
    assert report.valid and len(report.notes) == 1 and f"({todo} TODO values" in report.notes[0]
    assert {p.name: p.read_bytes() for p in (data_copy / "release").iterdir()} == release_before
    # The release build still refuses the draft and says why.
    refused = run_cli("build", str(data_copy), "--today", TODAY.isoformat())
    assert (
        refused.returncode == 1 and "[placeholder]" in refused.stdout and "[draft-article]" in refused.stdout
    )


def test_a_draft_enters_the_preview_once_no_todo_is_left_proposals_and_all(data_copy):
    path = draft.new_article(CAPTURE, data_copy)
    text = path.read_text(encoding="utf-8")
    for old, new in FILLS:
        text = text.replace(old, new, 1)
    labels = [line for line in text.splitlines() if not line.startswith("#")]  # not the capture shown below
    assert "proposed:" in text and not any("TODO" in line for line in labels)
    path.write_text(text, encoding="utf-8")
    report = build.build(data_copy, today=TODAY, preview=True)
    assert report.valid, report.format()
    assert report.notes == [] and _preview_ids(data_copy)[-1] == "ru-ma-0006"


def test_the_preview_lets_nothing_else_through(data_copy):
    draft.new_article(CAPTURE, data_copy)
    mutate(data_copy / "articles" / "ru-ma-0001.yaml", 'cameo_code: "042"', 'cameo_code: "041"')
    done = run_cli("build", str(data_copy), "--preview", "--today", TODAY.isoformat())
    assert done.returncode == 1 and "[cameo-mismatch]" in done.stdout
    assert "build refused: no preview was written" in done.stderr
