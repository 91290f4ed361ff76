"""The compiled text pass and the reference path give the same report on every defect corpus and valid variant."""

from __future__ import annotations

import datetime as dt
import random
import shutil

import pyarrow as pa
import pytest
from catalogue import CATALOGUE, DATA, TAMPERS
from conftest import REPO

import corpus_ds
from corpus_ds import columns, rules, textkernel, verify
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
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("release"))
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


def _text_defect(corpus: dict[str, pa.Table], rng: random.Random) -> None:
    """One change the text pass must see: a quote's offsets or bytes, an article's text or its counts."""
    table = rng.choice(["mentions", "agreements", "dyads", "evidence", "articles"])
    rows = corpus[table].to_pylist()
    row = rng.choice(rows)
    if table == "articles":
        column = rng.choice(["text", "n_chars", "n_paragraphs"])
        row[column] = {
            "text": lambda t: t[: rng.randrange(len(t) + 1)] + rng.choice(["", "\n\n", "é", "😀"]),
            "n_chars": lambda n: n + rng.choice([-1, 1]),
            "n_paragraphs": lambda n: max(0, n + rng.choice([-1, 1])),
        }[column](row[column])
    else:
        quote = {"mentions": "surface"}.get(table, "quote")
        change = rng.choice(["start", "end", "both", "quote", "far"])
        shift = rng.choice([-2, -1, 1, 2])
        if change in ("start", "both") and row["start"] is not None:
            row["start"] += shift
        if change in ("end", "both") and row["end"] is not None:
            row["end"] += shift
        if change == "quote":
            row[quote] = row[quote][:-1] + rng.choice(["ا", "x", "😀"]) if row[quote] else "x"
        if change == "far" and row["start"] is not None:
            row["start"], row["end"] = 10**9, 10**9 + len(row[quote] or "")
    corpus[table] = pa.Table.from_pylist(rows, schema=columns.schema(table))


def _variant(corpus: dict[str, pa.Table], rng: random.Random) -> dict[str, pa.Table]:
    """The same corpus in another Arrow layout: texts in several chunks or as large strings, long tables shuffled
    (not in the articles' order: the compiled pass declines), or sliced out of a longer table."""
    out = dict(corpus)
    kind = rng.choice(["chunks", "large", "shuffled", "sliced"])
    articles = corpus["articles"]
    if kind == "chunks":
        cut = sorted(rng.sample(range(1, articles.num_rows), 3))
        out["articles"] = pa.concat_tables(
            [articles.slice(a, b - a) for a, b in zip([0, *cut], [*cut, articles.num_rows])]
        )
    elif kind == "large":
        i = articles.schema.get_field_index("text")
        out["articles"] = articles.set_column(i, "text", articles.column("text").cast(pa.large_string()))
    elif kind == "shuffled":
        for name in ("mentions", "evidence"):
            order = list(range(corpus[name].num_rows))
            rng.shuffle(order)
            out[name] = corpus[name].take(pa.array(order))
    else:
        for name in ("articles", "mentions", "evidence"):
            doubled = pa.concat_tables([corpus[name], corpus[name]]).combine_chunks()
            out[name] = doubled.slice(corpus[name].num_rows)
    return out


@pytest.mark.parametrize("seed", range(40))
def test_both_paths_report_the_same_on_synthetic_text_defects(monkeypatch, seed):
    rng = random.Random(seed)
    corpus = synth.tables(40, chars=500, seed=seed)
    for _ in range(rng.randrange(1, 6)):
        _text_defect(corpus, rng)
    corpus = _variant(corpus, rng) if seed % 2 else corpus
    compiled, reference = both_paths(monkeypatch, lambda: rules.run(corpus, today=TODAY, full=False))
    assert compiled == reference and reference


@pytest.mark.parametrize("seed", range(16))
def test_both_paths_find_nothing_in_valid_variants(monkeypatch, seed):
    rng = random.Random(seed)
    corpus = _variant(synth.tables(40, chars=500, seed=100 + seed), rng)
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
