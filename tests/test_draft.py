"""`corpus-ds new`: the capture is copied byte for byte, the draft explains itself, nothing is ever overwritten."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import pytest
import yaml
from conftest import TEST_DATA, run_cli

from corpus_ds import draft, validate, verify
from corpus_ds.errors import CorpusError, ValidationError

CAPTURE = TEST_DATA / "new_capture.txt"


def test_draft_is_reported_as_a_draft_with_what_is_left(data_copy):
    path = draft.new_article(CAPTURE, data_copy)
    assert path.name == "ru-ma-0006.yaml"
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24))
    assert report.codes() == ["draft-article", "placeholder"]
    fields = {i.field for i in report.issues if i.code == "placeholder"}
    assert {"event.type", "actors[0].role", "agreements[1].sectors", "review.annotator"} <= fields
    assert all(i.file == str(path) for i in report.issues)


def test_every_proposal_is_marked_and_the_text_view_is_a_comment(data_copy):
    path = draft.new_article(CAPTURE, data_copy, "ru-ma-0100")
    text = path.read_text(encoding="utf-8")
    labels = yaml.safe_load(text)
    proposals = [
        labels["source"]["attribution"],
        labels["dates"]["published"],
        labels["dates"]["event"],
        *labels["actors"],
        *labels["agreements"],
    ]
    assert all(p.get("proposed") for p in proposals)
    assert labels["cleaning"]["decisions"] == [] and labels["raw"]["original_name"] == CAPTURE.name
    # the annotator sees what the cleaner removed, and which rule decided
    assert "#   17 related           read-also-marker           اقرأ أيضًا" in text


def test_an_unconfirmed_proposal_in_a_reviewed_article_is_an_error(data_copy):
    source = data_copy / "articles" / "ru-ma-0001.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace(
            "    surfaces: [ناصر بوريطة]\n", "    surfaces: [ناصر بوريطة]\n    proposed: alias match\n", 1
        ),
        encoding="utf-8",
    )
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24), check_release=False)
    assert [(i.code, i.field) for i in report.issues] == [("proposal-unconfirmed", "actors[1].proposed")]


@pytest.mark.parametrize(
    "setup,message",
    [
        (
            lambda d: (d / "articles" / "ru-ma-0006.yaml").write_text("x", encoding="utf-8"),
            "never overwrites",
        ),
        (lambda d: (d / "raw" / CAPTURE.name).write_bytes(b"another capture"), "never overwrites"),
    ],
)
def test_new_never_overwrites(data_copy, setup, message):
    setup(data_copy)
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    with pytest.raises(CorpusError, match=message):
        draft.new_article(CAPTURE, data_copy, "ru-ma-0006")
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before


def test_the_same_capture_is_not_added_twice(data_copy):
    draft.new_article(CAPTURE, data_copy)
    with pytest.raises(CorpusError, match=r"already in the corpus: .*raw/new_capture.txt \(same bytes\)"):
        draft.new_article(CAPTURE, data_copy)


def test_another_capture_of_an_article_in_the_corpus_is_refused(data_copy, tmp_path):
    crlf = tmp_path / "same-page-crlf.txt"
    crlf.write_bytes((data_copy / "raw" / "000_939059c162e2a8a6.txt").read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(CorpusError, match=r"already in the corpus: .*ru-ma-0001.yaml \(same cleaned text\)"):
        draft.new_article(crlf, data_copy)
    # Written by hand instead, the second source is caught by the rules.
    shutil.copy(crlf, data_copy / "raw" / crlf.name)
    text = (data_copy / "articles" / "ru-ma-0001.yaml").read_text(encoding="utf-8")
    text = text.replace("article_id: ru-ma-0001", "article_id: ru-ma-0009").replace(
        "file: 000_939059c162e2a8a6.txt", f"file: {crlf.name}"
    )
    text = text.replace(
        "3d4d3b5f0cb0e327f94e8046758179b0ec9cfc562e3b73603151671a7533f729",
        hashlib.sha256(crlf.read_bytes()).hexdigest(),
    )
    (data_copy / "articles" / "ru-ma-0009.yaml").write_text(text, encoding="utf-8")
    report = validate.validate_sources(data_copy, today=dt.date(2026, 11, 24), check_release=False)
    assert "duplicate-text" in report.codes(), report.format()


def test_a_capture_without_article_text_is_refused(data_copy, tmp_path):
    page = tmp_path / "menu-only.txt"
    page.write_text("Home\nNews\nContact\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="finds no article text"):
        draft.new_article(page, data_copy)
    assert not (data_copy / "raw" / page.name).exists()


@pytest.mark.parametrize(
    "content,article_id,message",
    [
        (b"\xff\xfe broken", None, "expected UTF-8 text; invalid byte at offset 0"),
        (b"  \n", None, "the capture is empty"),
        ("خبر".encode(), "../escape", "expected lower-case ASCII words"),
    ],
)
def test_bad_captures_and_ids_are_refused_through_the_cli(data_copy, tmp_path, content, article_id, message):
    capture = tmp_path / "capture.txt"
    capture.write_bytes(content)
    done = run_cli(
        "new", str(capture), "--data-dir", str(data_copy), *(["--id", article_id] if article_id else [])
    )
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr
    assert (
        not (data_copy / "raw" / "capture.txt").exists()
        and not (data_copy / "articles" / "ru-ma-0006.yaml").exists()
    )


def test_new_prints_next_steps_and_the_draft_path_last(data_copy):
    done = run_cli("new", str(CAPTURE), "--data-dir", str(data_copy))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert "next steps:" in lines and lines[-1] == str(data_copy / "articles" / "ru-ma-0006.yaml")


def test_a_preview_build_holds_the_draft_and_says_so(data_copy):
    import corpus_ds
    from corpus_ds import build

    path = draft.new_article(CAPTURE, data_copy)
    path.write_text(
        path.read_text(encoding="utf-8").replace("TODO", "x"), encoding="utf-8"
    )  # filled, but wrongly
    report = build.build(data_copy, today=dt.date(2026, 11, 24), preview=True)
    assert (
        "draft-article" not in report.codes() and not report.valid
    )  # a preview admits drafts, not wrong labels
    release_before = {p.name: p.read_bytes() for p in (data_copy / "release").iterdir()}
    path.unlink()
    (data_copy / "raw" / CAPTURE.name).unlink()
    source = data_copy / "articles" / "ru-ma-0001.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("status: reviewed", "status: draft"), encoding="utf-8"
    )
    assert build.build(data_copy, today=dt.date(2026, 11, 24), preview=True).valid
    assert {p.name: p.read_bytes() for p in (data_copy / "release").iterdir()} == release_before
    # Drafts pass only where the caller asks for a preview: the manifest's own "preview" key vouches for nothing.
    assert (
        json.loads((data_copy / "preview" / "manifest.json").read_text(encoding="utf-8"))["preview"] is True
    )
    with pytest.raises(ValidationError, match=r"not-reviewed"):
        corpus_ds.load(path=data_copy / "preview")
    assert verify.validate_release(data_copy / "preview", today=dt.date(2026, 11, 24), preview=True).valid
    done = run_cli("validate", "--release", str(data_copy / "preview"), "--today", "2026-11-24")
    assert done.returncode == 1 and "[not-reviewed]" in done.stdout
    assert (
        run_cli(
            "validate", "--release", str(data_copy / "preview"), "--preview", "--today", "2026-11-24"
        ).returncode
        == 0
    )
    articles = corpus_ds.load(path=data_copy / "preview", validate=False)
    assert dict(zip(articles["article_id"], articles["review_status"]))["ru-ma-0001"] == "draft"
