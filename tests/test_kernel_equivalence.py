"""The compiled text pass and the reference path give the same report on every defect corpus and valid variant."""

from __future__ import annotations

import datetime as dt
import random
import shutil

import pytest
from catalogue import CATALOGUE, DATA, TAMPERS
from conftest import REPO
from text_corpora import text_defect, variant

import corpus_ds
from corpus_ds import rules, textkernel, verify
from corpus_ds import synthetic as synth
from corpus_ds.validate import validate_sources

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


@pytest.mark.slow
@pytest.mark.parametrize("defect", CATALOGUE, ids=[d.id for d in CATALOGUE])
def test_both_paths_report_the_same_on_each_bad_contribution(tmp_path, monkeypatch, defect):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    defect.inject.apply(data)
    compiled, reference = both_paths(
        monkeypatch, lambda: validate_sources(data, TODAY, check_release=False).issues
    )
    assert compiled == reference


@pytest.mark.parametrize("tamper", TAMPERS, ids=[t.id for t in TAMPERS])
def test_both_paths_report_the_same_on_each_tampered_release(tmp_path, monkeypatch, tamper):
    release = tmp_path / "release"
    shutil.copytree(DATA / "release", release)
    tamper.inject.apply(release)
    for full in (False, True):
        compiled, reference = both_paths(
            monkeypatch, lambda full=full: verify.checked_release(release, TODAY, full=full)[1].issues
        )
        assert compiled == reference


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
