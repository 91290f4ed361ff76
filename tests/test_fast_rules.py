"""The vectorised checks agree with the pydantic row models, and the fast rules with the full ones, on
generated corpora."""

from __future__ import annotations

import datetime as dt
import random
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa
import pytest

from corpus_ds import arrowtools as at
from corpus_ds import columns, rowcheck, rules
from corpus_ds import synthetic as synth

TODAY = dt.date(2026, 11, 24)


def _set(row: dict, path: list, value) -> bool:
    """Set a nested value; False when the path does not exist in this row (the defect is then skipped)."""
    target = row
    for key in path[:-1]:
        if (isinstance(target, list) and (not isinstance(key, int) or key >= len(target))) or target is None:
            return False
        target = target[key]
    if isinstance(target, list) and path[-1] >= len(target):
        return False
    if target is None:
        return False
    target[path[-1]] = value
    return True


# (table, path inside a row, bad value): every kind of value a row model rejects, top level and nested.
DEFECTS = [
    ("articles", ["actors", 0, "role"], None),
    ("articles", ["actors", 1, "role"], "boss"),
    ("articles", ["actors", 0, "surfaces", 0], None),
    ("articles", ["actors", 1], None),
    ("articles", ["agreements", 0, "instrument"], "treaty"),
    ("articles", ["agreements", 0, "sectors", 0], "space"),
    ("articles", ["agreements", 0, "status"], None),
    ("articles", ["cited_sources", 0, "kind"], "rumour"),
    ("articles", ["event_type"], "summit"),
    ("articles", ["review_status"], "final"),
    ("articles", ["event_date_basis"], "guessed"),
    ("mentions", ["start"], -1),
    ("mentions", ["role"], "host"),
    ("mentions", ["end"], -7),
    ("agreements", ["sectors", 0], None),
    ("agreements", ["location"], "elsewhere"),
    ("agreements", ["start"], -3),
    ("dyads", ["code"], "099"),
    ("dyads", ["location"], "elsewhere"),
    ("dyads", ["start"], -4),
    ("evidence", ["location"], "footnote"),
    ("evidence", ["end"], -2),
    ("actors", ["aliases_ar"], []),
    ("actors", ["offices", 0, "title_en"], ""),
    ("actors", ["offices", 0, "source"], "   "),
    ("actors", ["offices", 0, "title_en"], "x" * 2001),
    ("actors", ["offices", 0, "start"], None),
    ("actors", ["offices", 0], None),
    ("actors", ["kind"], "alien"),
    ("actors", ["aliases_ar", 0], None),
    ("removals", ["reason"], "misc"),
]


def _inject(tables: dict[str, pa.Table], rng: random.Random, n: int) -> dict[str, pa.Table]:
    rows = {name: t.to_pylist() for name, t in tables.items()}
    for _ in range(n):
        table, path, value = rng.choice(DEFECTS)
        _set(rows[table][rng.randrange(len(rows[table]))], list(path), value)
    return {name: pa.Table.from_pylist(r, schema=columns.schema(name)) for name, r in rows.items()}


def _locs(found) -> set:
    return {(row, loc) for row, loc, _ in found}


@pytest.mark.parametrize("seed", range(6))
def test_vectorised_row_checks_find_exactly_what_pydantic_finds(seed):
    corpus = _inject(synth.tables(40, chars=300, seed=seed), random.Random(seed), 25)
    found_any = False
    for table in columns.TABLES:
        fast, reference = (
            rowcheck.problems(table, corpus[table]),
            rowcheck.reference_problems(table, corpus[table]),
        )
        assert _locs(fast) == _locs(reference), table
        found_any |= bool(reference)
    assert found_any


@pytest.mark.parametrize("seed", range(3))
def test_kinds_left_to_other_rules_are_skipped_at_the_top_level_only(seed):
    """rule_rows leaves top-level codebook and >= 0 problems to rule_vocabulary and rule_offsets: skipping them gives
    exactly the full list without them, nested ones kept."""
    corpus = _inject(synth.tables(40, chars=300, seed=seed), random.Random(seed), 25)
    skipped_some = False
    for table in columns.TABLES:
        full = rowcheck.problems(table, corpus[table])
        kept = [p for p in full if not (p[2] in rules.rows.REPORTED_ELSEWHERE and len(p[1]) == 1)]
        assert rowcheck.problems(table, corpus[table], skip_top=rules.rows.REPORTED_ELSEWHERE) == kept, table
        skipped_some |= len(kept) < len(full)
    assert skipped_some


@pytest.mark.parametrize("table,path", [(t, p) for t, p, _ in DEFECTS])
def test_each_defect_kind_is_found_by_both(table, path):
    corpus = synth.tables(5, chars=300, seed=1)
    for value in [v for t, p, v in DEFECTS if t == table and p == path]:
        rows = corpus[table].to_pylist()
        assert _set(rows[0], list(path), value)
        t = pa.Table.from_pylist(rows, schema=columns.schema(table))
        fast, reference = rowcheck.problems(table, t), rowcheck.reference_problems(table, t)
        assert reference and _locs(fast) == _locs(reference)


@pytest.mark.parametrize("seed", range(4))
def test_two_threads_and_the_calling_thread_give_one_report(monkeypatch, seed):
    """The driver shares the rules between two threads for a corpus and runs them in the calling thread for a few
    articles: the same issues in the same order either way."""
    from text_corpora import text_defect

    rng = random.Random(seed)
    corpus = synth.tables(30, chars=400, seed=seed)
    for _ in range(3):
        text_defect(corpus, rng)
    full = seed % 2 == 0
    assert isinstance(rules._executor(corpus), at.InlineExecutor)
    alone = rules.run(corpus, today=TODAY, full=full)
    monkeypatch.setattr(at, "THREADED_ROWS", 0)
    assert isinstance(rules._executor(corpus), ThreadPoolExecutor)
    assert rules.run(corpus, today=TODAY, full=full) == alone
    assert alone


def test_the_inline_executor_keeps_a_failure_on_its_future_as_a_thread_pool_does():
    """The driver reads a failed text pass from its future (and reports it): the inline executor keeps it there."""
    future = at.InlineExecutor().submit(lambda: 1 / 0)
    assert isinstance(future.exception(), ZeroDivisionError)
    assert at.InlineExecutor().submit(lambda x: x + 1, 1).result() == 2


def test_generated_corpus_passes_every_rule():
    assert rules.run(synth.tables(300, chars=600, seed=3), today=TODAY, full=True) == []


def _codes(issues) -> set:
    return {(i.code, i.file, i.field, i.article_id) for i in issues}


@pytest.mark.parametrize(
    "table,column,value,code",
    [
        ("mentions", "start", 0, "offset-mismatch"),
        ("mentions", "surface", "سامر الكاتبي", "offset-mismatch"),
        ("agreements", "start", 3, "offset-mismatch"),
        ("evidence", "quote", "المصدر: وكالة أخرى", "offset-mismatch"),
        ("evidence", "value", "bogus", "table-inconsistent"),
        ("agreements", "year", 1999, "table-inconsistent"),
        ("mentions", "role", "participant", "table-inconsistent"),
        ("articles", "n_chars", 5, "table-inconsistent"),
        ("articles", "n_paragraphs", 99, "table-inconsistent"),
        ("articles", "agreement_type", "agreement", "agreement-type-mismatch"),
        ("articles", "article_id", "syn-00000001", "duplicate-id"),
        ("articles", "event_date", dt.date(2024, 1, 1), "weekday-mismatch"),
        ("articles", "event_weekday_quote", "اليوم", "weekday-missing"),
        ("articles", "cameo_code", "041", "cameo-mismatch"),
        ("articles", "reviewer", "annotator-synthetic", "review-incomplete"),
        ("articles", "published_date", dt.date(2099, 1, 1), "future-date"),
        ("articles", "event_id", "syn-ev-elsewhere", "event-conflict"),
        ("mentions", "actor_id", "nobody", "unknown-actor"),
        ("mentions", "article_id", "syn-nowhere", "unknown-article"),
        ("dyads", "start", 0, "offset-mismatch"),
        ("dyads", "code", "099", "vocabulary"),
        ("dyads", "code", "051", "dyad-code"),
        ("dyads", "source", "nobody", "dyad-actor"),
        ("dyads", "goldstein", 9.5, "derived-score-mismatch"),
        ("dyads", "event_date", dt.date(2001, 1, 1), "table-inconsistent"),
        ("dyads", "article_id", "syn-nowhere", "unknown-article"),
        ("articles", "place_city", None, "place-missing"),
        ("articles", "place_country", "EGY", "dyad-direction"),
        ("articles", "place_geonames_id", 524901, "place-unsourced-id"),
    ],
)
def test_fast_rules_report_what_the_full_rules_report(table, column, value, code):
    """The loader's rules (full=False) find the same problems as the full set, for every rule they share."""
    corpus = synth.tables(30, chars=400, seed=5)
    rows = corpus[table].to_pylist()
    if (
        column == "event_id"
    ):  # take the id of an event on another day: the two articles now disagree on its date
        value = next(r["event_id"] for r in rows if r["event_date"] != rows[0]["event_date"])
    wanted = {  # rows where the change breaks a rule
        ("articles", "event_date"): lambda r: r["event_weekday_quote"] is not None,
        ("articles", "place_country"): lambda r: r["event_type"] in ("visit", "meeting_third_location"),
    }.get((table, column), lambda r: True)
    target = next(i for i, r in enumerate(rows) if r[column] != value and wanted(r))
    rows[target][column] = value
    corpus[table] = pa.Table.from_pylist(rows, schema=columns.schema(table))
    full, fast = rules.run(corpus, today=TODAY, full=True), rules.run(corpus, today=TODAY, full=False)
    assert code in {i.code for i in fast}, [i.message for i in fast]
    full_only = {"weekday-not-recorded", "alias-not-labelled", "waiver-unused", "forbidden-character"}
    assert _codes(fast) <= _codes(full)
    for extra in _codes(full) - _codes(fast):
        # only the full rules search the texts for every mention: a moved or renamed mention is then also "missing"
        assert extra[0] in full_only or extra[:2] == ("table-inconsistent", "mentions.parquet"), extra


def test_text_hashes_are_recomputed_by_the_full_checks_only():
    """Re-hashing every text is a tamper check like the content fingerprints: the full checks find a forged text_sha256,
    a release's fast checks (whose file checksums cover the texts) do not; partitions always re-hash
    (test_partitioned)."""
    corpus = synth.tables(30, chars=400, seed=5)
    hashes = corpus["articles"].column("text_sha256").to_pylist()
    hashes[3] = "0" * 64
    corpus["articles"] = corpus["articles"].set_column(
        corpus["articles"].schema.get_field_index("text_sha256"), "text_sha256", pa.array(hashes, pa.string())
    )
    full, fast = rules.run(corpus, today=TODAY, full=True), rules.run(corpus, today=TODAY, full=False)
    assert [(i.code, i.article_id) for i in full] == [
        ("text-hash-mismatch", corpus["articles"].column("article_id")[3].as_py())
    ]
    assert fast == []


@pytest.mark.parametrize(
    "seed,n,window,batch,large",
    [
        (0, 60, None, None, False),
        (1, 60, None, None, True),
        (2, 60, 64, 7, False),
        (3, 4000, None, None, False),
        (4, 4000, 1000, 7, True),
    ],
)
def test_byte_scan_agrees_with_python_strings(seed, n, window, batch, large, monkeypatch):
    """Code points, paragraphs, code point -> byte offsets and quotes from the Arrow buffers, against Python's str
    (window: paragraphs counted a few rows at a time; batch: lookups a few at a time; large: 64-bit offsets, as
    beyond 2 GB)."""
    import numpy as np

    from corpus_ds import arrowtools

    if window:
        monkeypatch.setattr(arrowtools, "WINDOW_BYTES", window)
    if batch:
        monkeypatch.setattr(arrowtools, "LOOKUP_BATCH", batch)
    if large:  # 64-bit offsets in the column, and in the spans the scan builds (as for a chunk of over 2 GB)
        monkeypatch.setattr(arrowtools, "LARGE_FROM", 1)

    rng = random.Random(seed)
    alphabet = ["a", " ", "\n", "ب", "ة", "€", "😀", "\u200b", "1"]
    texts = [
        "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 7, 8, 9, 130, 300]))) for _ in range(n)
    ]
    texts[3] = None
    kind = pa.large_string() if large else pa.string()
    column = pa.chunked_array(
        [pa.array(texts[:25], kind), pa.array([], kind), pa.array(texts[25:], kind).slice(2)]
    )
    python = texts[:25] + texts[27:]
    rows = np.array([r for r, t in enumerate(python) for _ in range(3) if t], np.int64)
    chars = np.array([rng.randint(0, len(python[r])) for r in rows], np.int64)
    scan = arrowtools.TextScan(column, rows, chars)
    assert scan.n_chars.tolist() == [len(t or "") for t in python]
    assert arrowtools.paragraph_counts(column).tolist() == [len(t.split("\n\n")) if t else 0 for t in python]
    for q, (r, k) in enumerate(zip(rows, chars)):
        assert scan.byte_pos[q] - (scan.row_end[q] - len(python[r].encode())) == len(python[r][:k].encode())
    # quotes: the text's own slice from each offset matches, the same slice with one character changed does not
    quotes = [python[r][k : k + rng.randint(1, 12)] for r, k in zip(rows, chars)]
    wrong = [q[:-1] + ("x" if q[-1:] != "x" else "y") if q else "x" for q in quotes]
    queries = np.arange(len(rows))
    assert arrowtools.quotes_match(
        scan, queries, queries, pa.array(quotes)
    ).all()  # an empty quote too, as in Python
    assert not arrowtools.quotes_match(scan, queries, queries, pa.array(wrong)).any()


def test_byte_scan_counts_past_a_null_row_that_spans_bytes():
    """Arrow lets a null row span bytes of the data buffer: they still shift the characters of the rows after it."""
    import numpy as np

    from corpus_ds import arrowtools

    data, offsets = "abcXYdéf".encode(), np.array([0, 3, 5, 9], np.int32)  # the null row spans "XY"
    validity = pa.array([True, False, True]).buffers()[1]
    column = pa.Array.from_buffers(pa.string(), 3, [validity, pa.py_buffer(offsets), pa.py_buffer(data)])
    assert column.to_pylist() == ["abc", None, "déf"]
    scan = arrowtools.TextScan(column, np.array([2, 2, 2]), np.array([0, 1, 2]))
    assert scan.n_chars.tolist() == [3, 0, 3]
    assert scan.byte_pos.tolist() == [5, 6, 8]


@pytest.mark.parametrize("full", [False, True])
def test_empty_tables_give_one_issue_not_a_failed_rule(full):
    empty = {name: columns.schema(name).empty_table() for name in columns.TABLES}
    assert [(i.code, i.field) for i in rules.run(empty, today=TODAY, full=full)] == [
        ("no-articles", "article_id")
    ]


@pytest.mark.parametrize("aliases", [None, [None]])
def test_registry_with_nulls_stops_before_the_article_rules(aliases):
    corpus = synth.tables(5, chars=300, seed=2)
    rows = corpus["actors"].to_pylist()
    rows[0]["aliases_ar"] = aliases
    corpus["actors"] = pa.Table.from_pylist(rows, schema=columns.schema("actors"))
    for full in (False, True):
        assert [i.code for i in rules.run(corpus, today=TODAY, full=full)] == ["null-value"]


@pytest.mark.parametrize("order", ["build", "reversed", "starts shuffled within each article"])
def test_overlapping_mentions_are_inconsistent_in_any_row_order(order):
    corpus = synth.tables(30, chars=400, seed=6)
    mentions = corpus["mentions"]
    doubled = pa.concat_tables(
        [mentions.slice(0, 1), mentions]
    )  # the first mention listed twice: it overlaps itself
    n = doubled.num_rows
    rows = {
        "build": range(n),
        "reversed": range(n - 1, -1, -1),
        "starts shuffled within each article": sorted(
            range(n), key=lambda i: (doubled.column("article_id")[i].as_py(), -i)
        ),
    }[order]
    corpus["mentions"] = doubled.take(pa.array(list(rows)))
    issues = rules.run(corpus, today=TODAY, full=False)
    assert [(i.code, i.file, i.article_id) for i in issues] == [
        ("table-inconsistent", "mentions.parquet", mentions.column("article_id")[0].as_py())
    ]


@pytest.mark.parametrize(
    "keys,reference,shortcut",
    [
        (
            ["a", "a", "b", "c", "c"],
            ["a", "b", "c"],
            True,
        ),  # the build's order: neighbours compared, no hash lookup
        (["a", "c", "c"], ["a", "b", "c"], False),  # an article without rows
        (["b", "a"], ["a", "b"], False),  # rows out of order
        (["a", "a", "b"], ["a", "a", "b"], False),  # a duplicated id: the general lookup (its last row)
        (["b", "b", "a"], ["b", "a"], False),  # articles not in id order
        (["a", None, "b"], ["a", "b"], False),
        (["a", "x", "c"], ["a", None, "c"], False),
        ([], [], False),
    ],
)
def test_rows_in_order_agrees_with_the_general_lookup(keys, reference, shortcut):
    import numpy as np

    from corpus_ds import arrowtools

    keys, reference = pa.array(keys, pa.string()), pa.array(reference, pa.string())
    last = arrowtools.row_index(keys, reference[::-1])
    general = np.where(last >= 0, len(reference) - 1 - last, -1)
    fast = arrowtools.rows_in_order(keys, reference)
    assert (fast is not None) == shortcut
    if fast is not None:
        assert fast.tolist() == general.tolist()


@pytest.mark.parametrize("high", [10, 2**40])
def test_rows_of_codes_are_matched_as_python_tuples_are(high):
    """The integer keys of rows of codes agree with tuples, also where combining the columns would overflow."""
    import numpy as np

    from corpus_ds.rules import event_data

    rng = np.random.default_rng(high)
    rows = [rng.integers(-1, high, 400) for _ in range(3)]
    reference = [np.concatenate([c[:150], rng.integers(-1, high, 100)]) for c in rows]
    expected = set(zip(*(c.tolist() for c in reference)))
    found = event_data._rows_in(rows, reference)
    assert found.tolist() == [t in expected for t in zip(*(c.tolist() for c in rows))]
    assert found[:150].all()


@pytest.mark.parametrize("seed", range(4))
def test_row_checks_of_chunks_and_slices_locate_nested_problems_as_pydantic_does(seed):
    """Items of lists without nulls are located through the lists' offsets (no row or position array per item), those
    of lists with nulls through their parents: in a table of sliced chunks, both give the rows and positions the
    row-by-row reference gives."""
    corpus = _inject(synth.tables(40, chars=300, seed=seed), random.Random(seed), 25)
    for table in columns.TABLES:
        t = corpus[table]
        k = t.num_rows // 3
        chunked = pa.concat_tables([t.slice(0, k), t.slice(k, 1), t.slice(k + 1)])
        assert chunked.column(0).num_chunks > 1 or t.num_rows < 3
        assert _locs(rowcheck.problems(table, chunked)) == _locs(rowcheck.reference_problems(table, t)), table
