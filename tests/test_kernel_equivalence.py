"""The compiled text pass and the reference path give the same report on every defect corpus and valid variant.

The bad contributions and tampered releases of the catalogue are compared in tests/test_full_checks.py, with the
reference full checks in the same run (one comparison of the shipped paths against every reference)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from conftest import REPO
from text_corpora import text_defect, variant

import corpus_ds
from corpus_ds import rules, textkernel, verify
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
