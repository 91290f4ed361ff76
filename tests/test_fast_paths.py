"""Shortcuts of the fast rules (a compiled search, rows already in the build's order): each gives the report the
plain computation gives, on corpora where its precondition holds and on corpora where it does not."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pyarrow as pa
import pytest

from corpus_ds import rules, textkernel
from corpus_ds import synthetic as synth
from corpus_ds.rules import dates
from corpus_ds.rules.context import Context

TODAY = dt.date(2026, 11, 24)


def _issues(rule, corpus: dict) -> list:
    ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
    rules.run_guarded(ctx, [type("Rule", (), {"run": staticmethod(rule), "valid_if": None})])
    return ctx.issues


def _both(monkeypatch, rule, corpus: dict) -> tuple[list, list]:
    """The rule's issues with the compiled code and with the reference path."""
    monkeypatch.delenv(textkernel.ENV, raising=False)
    shipped = _issues(rule, corpus)
    monkeypatch.setenv(textkernel.ENV, "python")
    return shipped, _issues(rule, corpus)


def _not_utf8(column, row: int) -> pa.Array:
    """The strings with the first byte of a row replaced by one that is never UTF-8 (the row must not be empty)."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    _, offsets, data = arr.buffers()
    raw = bytearray(data.to_pybytes())
    raw[int(np.frombuffer(offsets, np.int32)[arr.offset + row])] = 0xFF
    return pa.Array.from_buffers(
        pa.string(), len(arr), [None, offsets, pa.py_buffer(bytes(raw))], 0, arr.offset
    )


YEAR_DEFECTS = ["absent", "present", "negative", "null quote", "float", "not utf-8", "id not utf-8"]
YEAR_WEIGHTS = [4, 4, 2, 1, 1, 1, 1]  # most corpora the search answers for


def _year_defect(corpus: dict, rng: random.Random, kind: str) -> None:
    """One defect of the agreements' years or quotes (those that are not UTF-8 planted last: they cannot be read)."""
    g = corpus["agreements"]
    i = rng.randrange(g.num_rows)
    years = g.column("year").to_pylist()
    years[i] = {
        "absent": rng.randrange(1950, 2026),
        "present": rng.randrange(1950, 2026),
        "negative": -7,
    }.get(kind, 2001)
    if kind not in (
        "absent",
        "float",
    ):  # the year quoted (a row Python would read though the search finds it)
        quotes = g.column("quote").to_pylist()
        quotes[i] = None if kind == "null quote" else f"{quotes[i]} {years[i]}"
        g = g.set_column(g.schema.get_field_index("quote"), "quote", pa.array(quotes, pa.string()))
    if kind in ("not utf-8", "id not utf-8"):
        name = "quote" if kind == "not utf-8" else "article_id"
        g = g.set_column(g.schema.get_field_index(name), name, _not_utf8(g.column(name), i))
    year = pa.array(years, pa.float64() if kind == "float" else g.schema.field("year").type)
    corpus["agreements"] = g.set_column(g.schema.get_field_index("year"), "year", year)


@pytest.mark.parametrize("seed", range(30))
def test_the_years_searched_at_once_give_the_per_row_report(monkeypatch, seed):
    """Years planted in and out of their quotes, and quotes or ids Python cannot read (the per-row check then
    fails, and the rule with it): the compiled search of every quote reports exactly what the check reports."""
    rng = random.Random(seed)
    corpus = synth.tables(30, chars=300, seed=seed)
    kinds = sorted(
        set(rng.choices(YEAR_DEFECTS, YEAR_WEIGHTS, k=rng.randrange(1, 4))), key=YEAR_DEFECTS.index
    )
    for kind in kinds:
        _year_defect(corpus, rng, kind)
    shipped, reference = _both(monkeypatch, dates.rule_dates, corpus)
    assert shipped == reference, kinds
