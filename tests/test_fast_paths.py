"""Shortcuts of the fast rules (a compiled search, rows already in the build's order): each gives the report the
plain computation gives, on corpora where its precondition holds and on corpora where it does not."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import numpy as np
import pyarrow as pa
import pytest
from text_corpora import variant

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, rules, textkernel
from corpus_ds import synthetic as synth
from corpus_ds.rules import dates, text
from corpus_ds.rules.context import Context, article_lists, flat, flat_surfaces

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


def _looked_up(keys: pa.Array, reference: pa.Array) -> list:
    """Context.article_rows' reading by hash lookups: the last row of a repeated reference value, -1 where absent."""
    last = at.row_index(keys, reference[::-1])
    return [len(reference) - 1 - r if r >= 0 else -1 for r in last.tolist()]


def _ids(rng: random.Random, n: int) -> list:
    """Article-like ids, some sharing a prefix with a longer one (a prefix sorts first)."""
    return [
        rng.choice(["a", "ab", "b", "syn-0", "syn-00", "é", ""]) + str(rng.randrange(50)) for _ in range(n)
    ]


@pytest.mark.parametrize("seed", range(200))
def test_the_merge_walk_gives_the_rows_the_lookup_gives(seed):
    """Keys and a reference in order or not (a reference with a repeat, keys that step back, absent keys, nulls,
    64-bit offsets, slices): where the walk answers, its rows are the lookup's; where the reference strictly
    increases and the keys never decrease, it answers."""
    rng = random.Random(seed)
    reference = sorted(set(_ids(rng, rng.randrange(0, 30))))
    keys = (
        sorted(rng.choice([*reference, "zz", "a"]) for _ in range(rng.randrange(0, 60))) if reference else []
    )
    if rng.random() < 0.3 and len(reference) > 1:
        reference[rng.randrange(1, len(reference))] = reference[0]  # a repeat or a step back
    if rng.random() < 0.3 and len(keys) > 1:
        i = rng.randrange(1, len(keys))
        keys[i - 1], keys[i] = keys[i], keys[i - 1]
    if rng.random() < 0.1 and keys:
        keys[rng.randrange(len(keys))] = None
    # Python orders strings by code point, as UTF-8 bytes order them
    ordered = (
        None not in keys and keys == sorted(keys) and all(a < b for a, b in itertools.pairwise(reference))
    )
    key_array = pa.array(["x", *keys], rng.choice([pa.string(), pa.large_string()])).slice(1)
    reference_array = pa.array(reference, rng.choice([pa.string(), pa.large_string()]))
    rows = checkkernel.sorted_rows(key_array, reference_array)
    assert (rows is not None) is ordered, (keys, reference)
    if rows is not None:
        assert rows.tolist() == _looked_up(key_array, reference_array), (keys, reference)


@pytest.mark.parametrize("seed", range(12))
def test_the_article_row_of_each_long_table_row_is_the_lookup_s(monkeypatch, seed):
    """Tables as the build writes them, shuffled, or with every article twice: the same rows by the merge walk and
    by the lookups of the reference path."""
    rng = random.Random(seed)
    corpus = synth.tables(20, chars=300, seed=seed)
    if seed % 3:
        corpus = variant(corpus, rng)
    found = {}
    for env in ("", "python"):
        monkeypatch.setenv(textkernel.ENV, env)
        ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
        found[env] = [ctx.article_rows(t).tolist() for t in ("mentions", "agreements", "dyads", "evidence")]
    assert found[""] == found["python"]


@pytest.mark.parametrize("head_in_runs", [True, False])
def test_a_row_lookup_judged_by_its_first_keys_gives_every_row(head_in_runs):
    """Keys whose first rows come in runs and the rest not, or the other way round: the rows of a lookup per key."""
    rng = random.Random(int(head_in_runs))
    runs = [f"id{k // 7}" for k in range(5000)]
    scattered = [f"id{rng.randrange(900)}" for _ in range(5000)]
    keys = pa.array(runs + scattered if head_in_runs else scattered + runs)
    reference = pa.array([f"id{k}" for k in range(0, 1000, 2)])
    index = pa.compute.index_in(keys, value_set=reference).fill_null(-1)
    assert at.row_index(keys, reference).tolist() == index.to_pylist()


@pytest.mark.parametrize("entry", ["sorted_rows", "index_in"])
def test_a_pass_that_writes_rows_refuses_an_output_that_overlaps_its_inputs_or_is_misaligned(entry):
    """What only a direct call can pass (the package passes a fresh output): rows written over the keys' offsets
    would change the strings the pass reads, and rows off their alignment are no int64 array. A ValueError each;
    a fresh output gets each key's row."""
    kernel = checkkernel.compiled()
    if kernel is None:
        pytest.fail("the compiled passes are not built")
    write_rows = getattr(kernel, entry)
    offsets = np.array([0, 1, 2, 0], np.int64)  # two keys; the last slot is room for the output below
    keys = (offsets, b"ab", True, 0, 2)
    reference = (np.array([0, 1, 2], np.int64), b"ab", True, 0, 2)
    with pytest.raises(ValueError, match="overlaps"):
        write_rows(keys, reference, offsets[1:3])
    with pytest.raises(ValueError, match="aligned"):
        write_rows(keys, reference, np.zeros(17, np.uint8)[1:].view(np.int64))
    rows = np.zeros(2, np.int64)
    write_rows(keys, reference, rows)
    assert rows.tolist() == [0, 1]


def test_the_shared_flattened_lists_are_what_each_rule_flattened_and_no_rule_can_change_them():
    """flat, flat_surfaces and article_lists compute once what the rules computed each for themselves; a rule that
    wrote into the shared arrays would change them for the rules after it, so a write raises."""
    corpus = synth.tables(20, chars=300, seed=3)
    ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
    for column in ("actors", "agreements", "cited_sources"):
        values, parents, position = at.flatten(corpus["articles"].column(column))
        shared = flat(ctx, column)
        assert shared[0].equals(values)
        assert shared[1].tolist() == parents.tolist() and shared[2].tolist() == position.tolist()
        ids = corpus["articles"].column("article_id").combine_chunks().take(pa.array(parents, pa.int64()))
        assert article_lists(ctx, column)[3].equals(ids)
        assert flat(ctx.fork(), column) is shared
        with pytest.raises(ValueError):
            shared[1][0] = 1
    surfaces, owner, _ = at.flatten(pa.compute.struct_field(flat(ctx, "actors")[0], "surfaces"))
    assert flat_surfaces(ctx)[0].equals(surfaces) and flat_surfaces(ctx)[1].tolist() == owner.tolist()


@pytest.mark.parametrize("sel", [[0, 1, 2, 3], [0, 2, 3], [], [3]])
def test_the_text_pass_takes_the_rows_a_long_table_queries_whether_it_queries_all_or_some(sel):
    """The quotes' rows are taken as they are where every row is queried, and picked out otherwise."""
    values = np.array([5, 7, 9, 11], np.int64)
    assert text._picked(values, np.array(sel, np.int64)).tolist() == values[sel].tolist()


def test_dyad_scores_name_every_unlisted_code_and_every_wrong_score_by_its_row():
    """The codes are looked up once each and their answers spread over the rows by index: an unlisted code is named at
    each row that carries it, a wrong score at its own row, in the rows' order."""
    from corpus_ds import cameo
    from corpus_ds.rules.event_data import rule_dyad_scores

    corpus = synth.tables(12, chars=300, seed=5)
    rows = corpus["dyads"].to_pylist()
    rows[1]["code"] = rows[4]["code"] = "999"
    rows[2]["goldstein"] = 99.0
    corpus["dyads"] = pa.Table.from_pylist(rows, schema=corpus["dyads"].schema)
    with pytest.raises(cameo.UnknownCode) as unlisted:
        cameo.goldstein("999")
    found = [(i.value, i.message) for i in _issues(rule_dyad_scores, corpus)]
    assert found[:2] == [("999", f"{rows[r]['article_id']}: {unlisted.value}") for r in (1, 4)]
    assert len(found) == 3 and found[2][0] == rows[2]["code"]
    assert found[2][1].startswith(f"{rows[2]['article_id']}: code {rows[2]['code']}: expected Goldstein")


def _arrow_rows(keys, reference) -> list:
    """Arrow's lookup, as row_index answered before the compiled one."""
    return pa.compute.index_in(at.single(keys), value_set=at.single(reference)).fill_null(-1).to_pylist()


def test_a_lookup_in_a_short_list_gives_the_first_row_arrow_gives():
    """The compiled lookup in a codebook or the registry against Arrow's: repeated words (the first row), empty and
    non-ASCII strings, chunked keys, absent keys; and where it cannot answer (nulls, other types, long lists) the
    answer is Arrow's too."""
    rng = random.Random(11)
    alphabet = ["a", "b", "ا", "é", "-", ""]
    for _ in range(500):
        words = [
            "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 3)))
            for _ in range(rng.randrange(0, 8))
        ]
        keys = [
            "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 3)))
            for _ in range(rng.randrange(0, 30))
        ]
        kind = rng.choice([pa.string(), pa.large_string()])
        chunked = pa.chunked_array([keys[:3], keys[3:]], kind)
        reference = pa.array(words, kind)
        assert at.row_index(chunked, reference).tolist() == _arrow_rows(chunked, reference), (keys, words)
    cases = [
        (pa.array(["a", None, "b"]), pa.array(["b", "a"])),  # a null key
        (pa.array(["a", "b"]), pa.array(["b", None, "a"])),  # a null word
        (pa.array(["a", "b"]), pa.array(["b", "a"], pa.large_string())),  # other types
        (pa.array(["w5", "w2000", "x"]), pa.array([f"w{i}" for i in range(2000)])),  # a long list
    ]
    for keys, reference in cases:
        assert at.row_index(keys, reference).tolist() == _arrow_rows(keys, reference)


def test_the_compiled_lookup_refuses_too_many_words():
    """What only a direct call can pass: more words than the lookup's buckets hold. A ValueError."""
    kernel = checkkernel.compiled()
    if kernel is None:
        pytest.fail("the compiled passes are not built")
    keys = (np.array([0, 1, 2], np.int64), b"ab", True, 0, 2)
    many = (np.arange(1026, dtype=np.int64), b"x" * 1025, True, 0, 1025)
    with pytest.raises(ValueError, match="at most 1024"):
        kernel.index_in(keys, many, np.zeros(2, np.int64))


def _offices_registry(corpus: dict, rng: random.Random) -> dict:
    """The registry's offices redrawn: starts and ends before, on and after the events, null starts and ends, none,
    several per person; kinds and roles changed, dates of events moved."""
    day = dt.date(2015, 1, 1)
    actors = corpus["actors"].to_pylist()
    for actor in actors:
        actor["offices"] = [
            {
                "title_en": "Synthetic office",
                "start": rng.choice([None, day + dt.timedelta(rng.randrange(-6, 6))]),
                "end": rng.choice([None, day + dt.timedelta(rng.randrange(-6, 6))]),
                "source": "synthetic",
            }
            for _ in range(rng.choice([0, 1, 1, 2, 3]))
        ]
        actor["kind"] = rng.choice(["person", "person", "organization"])
    articles = corpus["articles"].to_pylist()
    for row in articles:
        row["event_date"] = day + dt.timedelta(rng.randrange(-6, 6))
        for label in row["actors"]:
            label["role"] = rng.choice(["participant", "participant", "mentioned"])
    schema = corpus["actors"].schema
    return {
        **corpus,
        "actors": pa.Table.from_pylist(actors, schema=schema),
        "articles": pa.Table.from_pylist(articles, schema=corpus["articles"].schema),
    }


@pytest.mark.parametrize("seed", range(12))
def test_participants_compared_with_their_offices_are_covered_as_the_join_finds(monkeypatch, seed):
    """rule_offices compares each participant with each office of its actor; the join of labels and offices (what
    it does past MAX_OFFICES offices a person, or with null event dates) finds the same participants uncovered."""
    from corpus_ds.rules import actors

    rng = random.Random(seed)
    corpus = _offices_registry(synth.tables(40, chars=300, seed=seed), rng)
    compared = _issues(actors.rule_offices, corpus)
    monkeypatch.setattr(actors, "MAX_OFFICES", -1)
    joined = _issues(actors.rule_offices, corpus)
    assert compared == joined and compared


@pytest.mark.parametrize("seed", range(20))
def test_the_first_row_of_each_event_and_its_conflicts_are_those_a_dictionary_of_first_rows_gives(seed):
    """rule_event_conflict's codes in the order the ids first occur, against the first row of each id kept in a
    dict, and against the lookup among distinct ids it takes where it cannot encode (dates of another type here)."""
    from corpus_ds.rules import keys

    rng = random.Random(seed)
    n = rng.randrange(0, 60)
    ids = [f"ev-{rng.randrange(8)}" for _ in range(n)]
    days = [dt.date(2020, 1, 1) + dt.timedelta(rng.randrange(3)) for _ in range(n)]
    kinds = [rng.choice(["visit", "meeting", "visit_to"]) for _ in range(n)]
    first: dict[str, int] = {}
    for i, event in enumerate(ids):
        first.setdefault(event, i)
    want_rows = [first[e] for e in ids]
    want = [days[first[e]] != days[i] or kinds[first[e]] != kinds[i] for i, e in enumerate(ids)]
    for date in (pa.array(days, pa.date32()), pa.array(days, pa.date64())):
        rows, differs = keys._first_of_each_event(
            pa.array(ids, pa.string()), date, pa.array(kinds, pa.string())
        )
        assert rows.tolist() == want_rows and differs.tolist() == want


@pytest.mark.parametrize("seed", range(6))
def test_the_starts_read_from_the_list_offsets_are_those_counted_from_the_parents(seed):
    """flat_starts and surface_starts (the lists' offsets) against checkkernel.starts of the flattened values'
    parents, on corpora in other layouts (sliced, chunked) and with a null list, where they are counted."""
    from corpus_ds.rules.context import flat_starts, surface_starts

    rng = random.Random(seed)
    corpus = variant(synth.tables(20, chars=300, seed=seed), rng) if seed else synth.tables(20, chars=300)
    if seed == 5:  # a null list of surfaces: its offsets may span values its flattening leaves out
        rows = corpus["articles"].to_pylist()
        rows[2]["actors"][0]["surfaces"] = None
        corpus["articles"] = pa.Table.from_pylist(rows, schema=corpus["articles"].schema)
    ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
    n = corpus["articles"].num_rows
    for column in ("actors", "agreements", "cited_sources"):
        assert flat_starts(ctx, column).tolist() == checkkernel.starts(flat(ctx, column)[1], n).tolist()
    actors = len(flat(ctx, "actors")[0])
    assert surface_starts(ctx).tolist() == checkkernel.starts(flat_surfaces(ctx)[1], actors).tolist()
    # a null list whose offsets span values (Arrow allows it; its flattening leaves them out): counted
    from corpus_ds.rules.context import _starts_of

    lists = pa.ListArray.from_arrays(
        pa.array([0, 2, 3, 5], pa.int32()), pa.array(list("abcde")), mask=pa.array([False, True, False])
    )
    assert _starts_of(lists, np.array([0, 0, 2, 2]), 3).tolist() == [0, 2, 2, 4]  # flatten: a, b, d, e
