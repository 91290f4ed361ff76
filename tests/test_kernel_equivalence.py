"""The compiled text pass and the reference path give the same report on every defect corpus and valid variant.

The bad contributions and tampered releases of the catalogue are compared in tests/test_full_checks.py, with the
reference full checks in the same run (one comparison of the shipped paths against every reference)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from conftest import REPO
from text_corpora import text_defect, variant

import corpus_ds
from corpus_ds import release_format, rules, textkernel, verify
from corpus_ds import synthetic as synth

TODAY = dt.date(2026, 11, 24)


def both_paths(monkeypatch, check):
    """check() with the compiled kernel, then with the reference path forced by the environment."""
    monkeypatch.delenv(textkernel.ENV, raising=False)
    assert textkernel.compiled() is not None
    compiled = check()
    monkeypatch.setenv(textkernel.ENV, "python")
    reference = check()
    monkeypatch.delenv(textkernel.ENV)
    return compiled, reference


@pytest.mark.parametrize("seed", range(40))
def test_both_paths_report_the_same_on_synthetic_text_defects(monkeypatch, seed):
    rng = random.Random(seed)
    corpus = synth.tables(40, chars=500, seed=seed)
    for _ in range(rng.randrange(1, 6)):
        text_defect(corpus, rng)
    corpus = variant(corpus, rng) if seed % 2 else corpus
    compiled, reference = both_paths(monkeypatch, lambda: rules.run(corpus, today=TODAY, full=False))
    assert compiled == reference and reference


@pytest.mark.parametrize("seed", range(16))
def test_both_paths_find_nothing_in_valid_variants(monkeypatch, seed):
    rng = random.Random(seed)
    corpus = variant(synth.tables(40, chars=500, seed=100 + seed), rng)
    compiled, reference = both_paths(monkeypatch, lambda: rules.run(corpus, today=TODAY, full=False))
    assert compiled == reference == []


def test_a_synthetic_release_loads_validated(tmp_path, monkeypatch):
    """The benchmark corpora are releases the loader accepts (no Parquet statistics, exact checksums)."""
    synth.write_release(tmp_path / "release", 30, chars=400, seed=2)
    for kernel in ("compiled", "python"):
        monkeypatch.setenv(textkernel.ENV, kernel)
        assert corpus_ds.tables(tmp_path / "release", output="arrow")["articles"].num_rows == 30


def test_the_committed_release_is_valid_on_both_paths(monkeypatch):
    compiled, reference = both_paths(
        monkeypatch, lambda: verify.checked_release(REPO / "data" / "release", TODAY, full=False)[1].issues
    )
    assert compiled == reference == []


@pytest.mark.parametrize("seed", range(6))
def test_texts_decoded_by_row_group_give_the_tables_and_report_of_one_row_group(tmp_path, monkeypatch, seed):
    """The validating read decodes the texts a row group per chunk, beside the other columns (one chunk each): the
    tables and the report are those of the same release written in one row group, defects (seeds 1-5) or none."""
    rng = random.Random(seed)
    corpus = synth.tables(40, chars=500, seed=seed)
    for _ in range(rng.randrange(1, 4) if seed else 0):
        text_defect(corpus, rng)
    read = {}
    for name, rows_per_group in (("one", 1_000), ("groups", 7)):
        monkeypatch.setitem(release_format.PARQUET_OPTIONS, "row_group_size", rows_per_group)
        release_format.write_release(corpus, tmp_path / name)
        loaded, report = verify.checked_release(tmp_path / name, TODAY, full=False)
        where = [(i.code, Path(i.file).name, i.field, i.message, i.article_id) for i in report.issues]
        read[name] = (loaded, where)
    (one, one_issues), (groups, group_issues) = read["one"], read["groups"]
    assert one["articles"].column("text").num_chunks == 1
    assert groups["articles"].column("text").num_chunks == 6  # 40 rows, 7 a group
    assert groups["articles"].column("article_id").num_chunks == 1
    assert all(groups[t].equals(one[t]) for t in one)
    assert group_issues == one_issues and bool(one_issues) == bool(seed)
