"""Parsed and cleaned files are reused per content, as copies, and failures are never reused."""

from __future__ import annotations

import pytest
from catalogue import DATA
from conftest import mutate

from corpus_ds import capture, memo, sources
from corpus_ds.errors import CorpusError, Report


def test_each_caller_gets_its_own_copy_of_a_kept_result():
    cache, calls = memo.ContentCache(), []

    def parse():
        calls.append(1)
        return {"list": [1, 2]}

    first = cache.get("k", parse)
    first["list"].append(3)
    assert cache.get("k", parse) == {"list": [1, 2]} and len(calls) == 1


def test_a_failure_is_computed_again_and_not_kept():
    cache, calls = memo.ContentCache(), []

    def fail():
        calls.append(1)
        raise ValueError("bad")

    for _ in range(2):
        with pytest.raises(ValueError):
            cache.get("k", fail)
    assert len(calls) == 2


def test_the_least_recently_used_results_go_first_within_the_budget():
    cache = memo.ContentCache(max_bytes=8_000)
    for key in "abc":
        cache.get(key, lambda: "x" * 900)
    cache.get("a", lambda: pytest.fail("a was kept"))  # a is now the most recent
    for key in "defghijk":
        cache.get(key, lambda: "x" * 900)
    assert cache.get("a", lambda: "recomputed") == "recomputed"  # dropped once the budget was full
    assert cache.get("k", lambda: pytest.fail("k was kept")) == "x" * 900


def test_a_changed_file_is_read_again_and_its_error_names_the_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text((DATA / "actors.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    good = sources.read_yaml(path, Report())
    assert sources.read_yaml(path, Report()) == good
    mutate(path, "actors:", "actors: [")
    report = Report()
    assert sources.read_yaml(path, report) is sources.UNREADABLE
    assert [(i.code, i.file) for i in report.issues] == [("yaml-syntax", str(path))]


def test_a_cleaned_capture_is_the_same_from_the_cache_and_errors_name_the_callers_file(monkeypatch):
    monkeypatch.setattr(capture, "_CLEANED", memo.ContentCache())
    calls = []
    real = capture._clean_bytes
    monkeypatch.setattr(capture, "_clean_bytes", lambda *a, **k: calls.append(1) or real(*a, **k))
    raw = sorted((DATA / "raw").glob("*.txt"))[0].read_bytes()
    first = capture.clean_bytes(raw, "a.txt", where="first")
    again = capture.clean_bytes(raw, "b.txt", where="second")
    assert again == first and again is not first and len(calls) == 1
    capture.clean_bytes(raw, "a.txt", [(1, 1, "navigation")], where="first")
    assert len(calls) == 2, "other decisions are another cleaning"
    with pytest.raises(CorpusError, match=r"^third:"):
        capture.clean_bytes(b"\xff\xfe not utf-8", "c.txt", where="third")
    with pytest.raises(CorpusError, match=r"^fourth:"):
        capture.clean_bytes(b"\xff\xfe not utf-8", "c.txt", where="fourth")
