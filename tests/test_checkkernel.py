"""The compiled valid-or-not passes (corpus_ds.checkkernel): they vouch for valid corpora, never for one their rule
finds something in, leave the report exactly the rule's, and refuse buffers that do not describe the columns."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from concurrent.futures import Future

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from text_corpora import (
    agreement_defect,
    dyad_buffers,
    dyad_defect,
    evidence_buffers,
    evidence_defect,
    label_defect,
    location_defect,
    mention_buffers,
    mention_defect,
    offset_buffers,
    text_defect,
    variant,
)

from corpus_ds import checkkernel, checks, rules, textkernel, vocab
from corpus_ds import synthetic as synth
from corpus_ds.rules import actors, event_data, long_tables, text
from corpus_ds.rules.context import Context

TODAY = dt.date(2026, 11, 24)
KERNEL = checkkernel.compiled()


def _context(corpus: dict) -> Context:
    return Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)


def _scanned(corpus: dict) -> Context:
    """A context after the text pass, as the driver hands it to the rules that need it."""
    ctx = _context(corpus)
    ctx.paragraphs = Future()
    ctx.paragraphs.set_result(text.scan_texts_compiled(ctx, textkernel.compiled()))
    return ctx


# Each pass: its rule, the pass, the defects that test it, and the defects after which it may decline though the
# rule finds nothing (tables out of the build's order, nulls, a raw quote that is part of a line).
PASSES = {
    "dyads": (event_data.rule_dyads, event_data.dyads_pass, [dyad_defect], set()),
    "mentions": (long_tables.rule_mentions_table, long_tables.mentions_pass, [mention_defect], {"reorder"}),
    "evidence": (
        long_tables.rule_evidence_table,
        long_tables.evidence_pass,
        [evidence_defect],
        {"swap", "null"},
    ),
    "offsets": (text.rule_offsets, text.offsets_pass, [text_defect, location_defect], {"part"}),
    "actor labels": (actors.rule_actor_labels, actors.actor_labels_pass, [label_defect], set()),
    "agreements": (
        long_tables.rule_agreements_table,
        long_tables.agreements_pass,
        [agreement_defect],
        {"swap", "joined"},
    ),
}
BUFFERS = {  # each pass of the kernel with a generator of random arguments for it
    "dyads_valid": dyad_buffers,
    "mentions_valid": mention_buffers,
    "offsets_valid": offset_buffers,
    "evidence_valid": evidence_buffers,
}


def _found(rule, corpus: dict) -> list:
    ctx = _scanned(corpus)
    rule(ctx)
    return ctx.issues


@pytest.mark.parametrize("name", PASSES)
@pytest.mark.parametrize("seed", range(6))
def test_each_pass_vouches_for_valid_corpora(name, seed):
    rule, vouches, _, _ = PASSES[name]
    corpus = synth.tables(40, chars=300, seed=seed)
    assert _found(rule, corpus) == [] and vouches(_scanned(corpus)) is True


@pytest.mark.parametrize("name", PASSES)
@pytest.mark.parametrize("seed", range(40))
def test_each_pass_vouches_exactly_where_its_rule_finds_nothing(monkeypatch, name, seed):
    """Never valid where the rule finds something; valid where it finds nothing, except after the defects it may
    leave to the rule; the whole report the same with the passes and without them."""
    rule, vouches, defects, may_decline = PASSES[name]
    rng = random.Random(seed)
    corpus = synth.tables(30, chars=300, seed=seed)
    kinds = [rng.choice(defects)(corpus, rng) for _ in range(rng.randrange(1, 3))]
    found, vouched = _found(rule, corpus), vouches(_scanned(corpus))
    assert not (found and vouched), (kinds, found[:3])
    assert vouched or found or may_decline & set(kinds), kinds
    monkeypatch.delenv(textkernel.ENV, raising=False)
    shipped = rules.run(corpus, today=TODAY, full=False)
    monkeypatch.setenv(textkernel.ENV, "python")
    assert rules.run(corpus, today=TODAY, full=False) == shipped


@pytest.mark.parametrize("name", BUFFERS)
def test_each_pass_answers_or_refuses_random_buffers(name):
    """Counts, row ranges, codes and strings drawn at random: an answer or a ValueError, never a stray read (the
    sanitizer run, tests/test_textkernel.py, draws more of them)."""
    rng = np.random.default_rng(len(name))
    answers = set()
    for _ in range(1500):
        with contextlib.suppress(ValueError):
            answers.add(getattr(KERNEL, name)(*BUFFERS[name](rng)))
    assert answers == {True, False}


def _dyad_issues(corpus: dict) -> list:
    ctx = _context(corpus)
    event_data.rule_dyads(ctx)
    return ctx.issues


def test_the_extension_is_built():
    """CI builds it: without it every rule runs and the passes are never tested."""
    assert KERNEL is not None


@pytest.mark.parametrize("seed", range(8))
def test_the_dyads_pass_declines_tables_out_of_order(seed):
    """Dyads not in their articles' order are left to the rule (the pass reads each article's rows as one run)."""
    rng = random.Random(seed)
    corpus = synth.tables(30, chars=300, seed=seed)
    order = list(range(corpus["dyads"].num_rows))
    rng.shuffle(order)
    corpus["dyads"] = corpus["dyads"].take(pa.array(order))
    assert _dyad_issues(corpus) == [] and event_data.dyads_pass(_context(corpus)) is False
    assert event_data.dyads_pass(_context(variant(synth.tables(30, chars=300, seed=seed), rng))) in (
        True,
        False,
    )


def test_the_dyads_pass_refuses_buffers_that_do_not_fit():
    with pytest.raises(ValueError, match="dyad starts"):
        KERNEL.dyads_valid((2, 1, 1, 1, 1, 1), tuple(np.zeros(1, np.int64) for _ in range(14)), (0, 0, 0, 0))
    with pytest.raises(ValueError, match="contiguous"):
        KERNEL.dyads_valid((0, 0, 0, 0, 0, 0), ("x",) * 14, (0, 0, 0, 0))


def test_the_mentions_pass_refuses_strings_that_do_not_fit():
    ints = tuple(np.array(v, np.int64) for v in ([0, 1], [0], [1], [0, 1], [0, 1]))
    text = (np.array([0, 1], np.int32), b"a", False, 0, 1)
    bad = (np.array([0, 5], np.int32), b"a", False, 0, 1)  # an offset past the data
    with pytest.raises(ValueError, match="offsets outside"):
        KERNEL.mentions_valid((1, 1, 1, 1), ints, (text, text, bad, text, text, text))
    with pytest.raises(ValueError, match="do not fit"):
        KERNEL.mentions_valid(
            (1, 1, 1, 1), ints, (text, text, (text[0], b"a", False, 1, 1), text, text, text)
        )


def test_the_evidence_pass_refuses_labels_that_do_not_fit():
    text = (np.array([0, 1], np.int32), b"a", False, 0, 1)
    starts, valid = np.array([0, 1], np.int64), np.ones(1, np.int64)
    label = ("a", False, True, np.ones(1, np.int64), text, text)
    assert KERNEL.evidence_valid((1, 1), starts, (text, text, text), valid, [label]) is True
    assert KERNEL.evidence_valid((1, 1), starts, (text, text, text), np.zeros(1, np.int64), [label]) is False
    with pytest.raises(ValueError, match="label spans"):
        KERNEL.evidence_valid((1, 1), starts, (text, text, text), valid, [(*label[:3], starts, *label[4:])])
    with pytest.raises(ValueError, match="at most 16"):
        KERNEL.evidence_valid((1, 1), starts, (text, text, text), valid, [label] * 17)


def _strings(values: list[str]) -> tuple:
    return checkkernel.strings(pa.array(values, pa.string()))


def test_distinct_is_no_two_strings_the_same_bytes():
    """Against Python's set on random short strings (many repeats, many hash-table collisions), empty strings and
    strings that differ only after a shared prefix or in length."""
    rng = random.Random(4)
    for _ in range(400):
        values = [
            "".join(rng.choice("ab") for _ in range(rng.randrange(0, 5))) for _ in range(rng.randrange(0, 40))
        ]
        assert KERNEL.distinct(_strings(values)) is (len(set(values)) == len(values)), values
    assert KERNEL.distinct(_strings(["x" * 64 + "a", "x" * 64 + "b", "x" * 65, ""])) is True
    assert KERNEL.distinct(_strings(["é", "e\u0301", "é"])) is False
    assert KERNEL.distinct(_strings([f"syn-{i:08d}" for i in range(50_000)])) is True


@pytest.mark.parametrize("column", ["article_id", "raw_sha256", "raw_file", "text_sha256"])
def test_the_unique_ids_pass_vouches_exactly_where_its_rule_finds_nothing(monkeypatch, column):
    corpus = synth.tables(30, chars=300, seed=5)
    keys = rules.key_columns(corpus["articles"])
    ctx = Context({"articles": keys}, ("articles",), rules.release_locator, TODAY)
    assert rules.vouched_for(ctx, checks.CHECKS["rules.keys.rule_unique_ids"])
    values = keys.column(column).to_pylist()
    values[7] = values[3]
    keys = keys.set_column(keys.schema.get_field_index(column), column, pa.array(values, pa.string()))
    ctx = Context({"articles": keys}, ("articles",), rules.release_locator, TODAY)
    assert not rules.vouched_for(ctx, checks.CHECKS["rules.keys.rule_unique_ids"])
    monkeypatch.delenv(textkernel.ENV, raising=False)
    shipped = rules.run_keys(keys)
    monkeypatch.setenv(textkernel.ENV, "python")
    assert rules.run_keys(keys) == shipped and shipped


def test_the_instrument_pass_vouches_only_where_no_instrument_is_named_twice(monkeypatch):
    corpus = synth.tables(30, chars=300, seed=6)
    check = checks.CHECKS["rules.event_data.rule_instrument_identity"]
    keys, instruments = (
        rules.key_columns(corpus["articles"]),
        rules.instrument_key_columns(corpus["agreements"]),
    )

    def context(instruments):
        return Context(
            {"articles": keys, "agreements": instruments}, ("articles",), rules.release_locator, TODAY
        )

    assert rules.vouched_for(context(instruments), check)
    rows = instruments.to_pylist()
    rows[1]["instrument_id"] = rows[0]["instrument_id"]  # named twice: the rule decides whether they agree
    shared = pa.Table.from_pylist(rows, schema=instruments.schema)
    assert not rules.vouched_for(context(shared), check)
    monkeypatch.delenv(textkernel.ENV, raising=False)
    shipped = rules.run_keys(keys, shared)
    monkeypatch.setenv(textkernel.ENV, "python")
    assert rules.run_keys(keys, shared) == shipped


@pytest.mark.parametrize("seed", range(40))
def test_the_actor_labels_pass_vouches_exactly_where_its_rule_finds_nothing(seed):
    rng = random.Random(seed)
    corpus = synth.tables(30, chars=300, seed=seed)
    kinds = [label_defect(corpus, rng) for _ in range(rng.randrange(0, 3))]
    ctx = _context(corpus)
    actors.rule_actor_labels(ctx)
    assert actors.actor_labels_pass(_context(corpus)) is (not ctx.issues), (kinds, ctx.issues[:3])
    assert bool(ctx.issues) is bool({"twice", "shared"} & set(kinds))


def test_the_offsets_pass_counts_code_points_as_python_does():
    """Quotes of one- to four-byte characters across the eight-byte words the count reads: the length its offsets
    give is the one Python gives, one more is not."""
    rng = random.Random(7)
    alphabet = ["a", "ب", "€", "😀", " "]
    for _ in range(300):
        quote = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))
        removed = checkkernel.strings(pa.array([quote]))
        for end, answer in ((len(quote), True), (len(quote) + 1, False)):
            arrays = (*(np.array([x], np.int64) for x in (0, 0, end, 2, 0)), np.array([0, 1], np.int64))
            assert KERNEL.offsets_valid((1, 1, 1), arrays, removed, removed) is answer, quote


def test_all_in_is_every_value_one_of_the_words():
    """Against a set lookup on random strings; nulls, other types and chunked columns are answered or left to the
    lookup (False), never answered wrongly."""
    rng = random.Random(8)
    for _ in range(300):
        words = sorted({"".join(rng.choice("abé") for _ in range(rng.randrange(0, 3))) for _ in range(4)})
        values = [
            "".join(rng.choice("abé") for _ in range(rng.randrange(0, 3)))
            for _ in range(rng.randrange(0, 20))
        ]
        answer = checkkernel.all_in(pa.chunked_array([values[:5], values[5:]], pa.string()), words)
        assert answer is all(v in words for v in values), (values, words)
    assert checkkernel.all_in(pa.array(["a", None]), ["a"]) is False  # a null: the lookup decides
    assert checkkernel.all_in(pa.array([1, 2]), [1, 2]) is False  # not strings: the lookup decides
    assert checkkernel.all_in(pa.array(["a"], pa.large_string()), ["a"]) is False


def test_a_row_count_that_would_overflow_is_refused():
    """Declared counts near the largest integer: refused before any offset is read (the sums never wrap)."""
    import sys

    offsets = np.zeros(4, np.int32)
    with pytest.raises(ValueError, match="do not fit"):
        KERNEL.distinct((offsets, b"", False, 0, sys.maxsize))
    with pytest.raises(ValueError, match="do not fit"):
        KERNEL.distinct((offsets, b"", False, 2, sys.maxsize - 1))
    with pytest.raises(ValueError):
        textkernel.compiled().text_pass(
            offsets, b"", False, 0, sys.maxsize, np.zeros(1, np.int64), np.zeros(1, np.int64), []
        )


@pytest.mark.parametrize("name", BUFFERS)
def test_every_entry_point_refuses_counts_that_cannot_fit(name):
    """Declared counts near the largest integer, in each place of each entry point: refused (or answered) before a
    buffer is read, never a crash."""
    import sys

    rng = np.random.default_rng(11)
    for _ in range(200):
        counts, *rest = BUFFERS[name](rng)
        counts = tuple(int(rng.choice([sys.maxsize, sys.maxsize // 8, -1, c])) for c in counts)
        with contextlib.suppress(ValueError, OverflowError):
            getattr(KERNEL, name)(counts, *rest)


def test_ids_with_a_null_are_not_in_order():
    assert checkkernel.strictly_increasing(pa.array(["a", "b", None, "b"])) is False
    assert checkkernel.strictly_increasing(pa.array(["a", "b", "c"])) is True


def test_an_article_of_too_many_dyads_or_removed_lines_is_left_to_the_rule():
    """Past 256 dyads, participants or removed lines in one article the dyads and offsets passes decline (their
    rules are vectorised); the report is the rules' own."""
    corpus = synth.tables(3, chars=300, seed=12)
    dyads = corpus["dyads"].to_pylist()
    first = [d for d in dyads if d["article_id"] == dyads[0]["article_id"]]
    dyads[len(first) : len(first)] = [dict(first[k % len(first)]) for k in range(300)]
    corpus["dyads"] = pa.Table.from_pylist(dyads, schema=corpus["dyads"].schema)
    removals = corpus["removals"].to_pylist()
    extra = [
        {**removals[0], "line_start": 1000 + k, "line_end": 1000 + k, "content": f"س{k}"} for k in range(300)
    ]
    corpus["removals"] = pa.Table.from_pylist(extra + removals, schema=corpus["removals"].schema)
    assert _found(event_data.rule_dyads, corpus) == [] and event_data.dyads_pass(_scanned(corpus)) is False
    assert _found(text.rule_offsets, corpus) == [] and text.offsets_pass(_scanned(corpus)) is False


def test_an_article_of_too_many_actors_is_left_to_the_rule():
    """A pass compares an article's rows pair by pair: past a bound it declines, and the rule (vectorised) runs,
    so a hostile article of thousands of actors costs no quadratic time."""
    corpus = synth.tables(3, chars=300, seed=9)
    rows = corpus["articles"].to_pylist()
    base = rows[0]["actors"][0]
    rows[0]["actors"] += [{**base, "actor_id": f"syn-actor-x{k}", "surfaces": [f"س{k}"]} for k in range(300)]
    corpus["articles"] = pa.Table.from_pylist(rows, schema=corpus["articles"].schema)
    ctx = _context(corpus)
    assert actors.actor_labels_pass(ctx) is False and long_tables.mentions_pass(ctx) is False
    actors.rule_actor_labels(ctx)
    assert ctx.issues == []  # the rule finds nothing: the pass only declined


@pytest.mark.parametrize("n_rows", [10, 2**20, 2**40, 2**58])
def test_the_mentions_pass_declines_where_the_rule_s_keys_do_not_fit(n_rows):
    """The pass vouches only where the rule can run: its keys (article row, actor, role, surface) must fit an
    integer, or the rule reports that it failed; the two are sized alike."""
    actor_ids = pa.array([f"syn-actor-{k % 40}" for k in range(2000)])
    surfaces = pa.array([f"س{k}" for k in range(3000)])
    vocabulary = {
        "actor_id": pc.unique(actor_ids),
        "role": pa.array(list(vocab.ROLES)),
        "surface": pc.unique(surfaces),
    }
    try:
        long_tables._combined([np.zeros(1, np.int64)] * 4, n_rows, vocabulary)
        fits = True
    except ValueError:
        fits = False
    assert long_tables._keys_fit(n_rows, actor_ids, surfaces) is fits


def test_all_slugs_is_every_value_matched_by_the_id_pattern():
    """Against Arrow's regex (what rule_article_ids runs) on random strings of slug bytes, hyphens and bytes the
    pattern refuses; nulls and other types are left to the regex (False), never answered wrongly."""
    rng = random.Random(9)
    alphabet = ["a", "z", "0", "9", "-", "-", "A", "_", " ", "é", "\n", "ا"]
    for _ in range(2000):
        values = [
            "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6)))
            for _ in range(rng.randrange(1, 4))
        ]
        column = pa.chunked_array([values[:1], values[1:]], rng.choice([pa.string(), pa.large_string()]))
        regex = pc.all(pc.match_substring_regex(column, vocab.ID_PATTERN)).as_py()
        assert checkkernel.all_slugs(column) is regex, values
    assert checkkernel.all_slugs(pa.array(["a", None])) is False  # a null: the regex decides
    assert checkkernel.all_slugs(pa.array([1, 2])) is False  # not strings: the regex decides


@pytest.mark.parametrize("bad", ["Ru-ma-1", "ru--ma", "-ru", "ru-", "", "ru ma", "ru-ma\n", "روسيا"])
def test_the_article_ids_the_slug_pass_refuses_are_reported_as_the_regex_finds_them(monkeypatch, bad):
    """Where an id is no slug the pass leaves the ids to the regex: the same issues with the pass and without it."""
    corpus = synth.tables(8, chars=300, seed=2)
    ids = corpus["articles"].column("event_id").to_pylist()
    ids[3] = bad
    corpus["articles"] = corpus["articles"].set_column(
        corpus["articles"].schema.get_field_index("event_id"), "event_id", pa.array(ids, pa.string())
    )
    found = {}
    for env in ("", "python"):
        monkeypatch.setenv(textkernel.ENV, env)
        ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
        rules.rows.rule_article_ids(ctx)
        found[env] = ctx.issues
    assert found[""] == found["python"] and [i.value for i in found[""]] == [bad]


def _with_quote(corpus: dict, table: str, row: int, **values) -> None:
    rows = corpus[table].to_pylist()
    rows[row].update(values)
    corpus[table] = pa.Table.from_pylist(rows, schema=corpus[table].schema)


def test_the_offsets_pass_vouches_for_an_empty_quote_the_text_pass_did_not_find():
    """An empty quote past its text's end: the text pass does not find it, the rule passes it (as Python's slice
    does), so the pass, which takes its length from the quote, still vouches; a quote of one letter there it does
    not."""
    corpus = synth.tables(3, chars=300, seed=3)
    row = corpus["evidence"].column("location").to_pylist().index("text")
    _with_quote(corpus, "evidence", row, quote="", start=10**6, end=10**6)
    ctx = _scanned(corpus)
    assert not ctx.quotes_in_text["evidence"].all()
    assert _found(text.rule_offsets, corpus) == [] and text.offsets_pass(ctx) is True
    _with_quote(corpus, "evidence", row, quote="ب", start=10**6, end=10**6 + 1)
    assert _found(text.rule_offsets, corpus) and text.offsets_pass(_scanned(corpus)) is False


def test_the_offsets_pass_prepared_before_the_text_pass_gives_the_same_answer():
    """offsets_prepared runs while the text pass runs (the driver's preparation); offsets_pass after it then asks
    only the text pass, and answers as when it computes everything itself."""
    corpus = synth.tables(30, chars=300, seed=4)
    for quote_row in (None, 5):
        if quote_row is not None:  # a quote the text pass does not find
            _with_quote(corpus, "mentions", quote_row, surface="ثثثث")
        ctx = _context(corpus)
        text.offsets_prepared(ctx)
        ctx.paragraphs = Future()
        ctx.paragraphs.set_result(text.scan_texts_compiled(ctx, textkernel.compiled()))
        assert text.offsets_pass(ctx) is text.offsets_pass(_scanned(corpus)) is (quote_row is None)


def test_the_key_rules_run_beside_the_article_rules_and_report_last():
    """run() gives the key rules to the article rules' threads; the report is the one of the scopes run one after
    another (the article rules' issues, then the key rules')."""
    corpus = synth.tables(3000, chars=50, seed=8)  # enough rows for the two threads
    rows = corpus["articles"].to_pylist()
    rows[9]["text_sha256"] = rows[4]["text_sha256"]  # a key rule's issue
    rows[2]["n_chars"] += 1  # an article rule's
    corpus["articles"] = pa.Table.from_pylist(rows, schema=corpus["articles"].schema)
    one_by_one = (
        rules.run_registry(corpus["actors"], today=TODAY, full=False)
        + rules.run_articles(corpus, today=TODAY, full=False)
        + rules.run_keys(
            rules.key_columns(corpus["articles"]), rules.instrument_key_columns(corpus["agreements"])
        )
    )
    found = rules.run(corpus, today=TODAY, full=False)
    assert found == one_by_one and {"duplicate-text", "table-inconsistent"} <= {i.code for i in found}


def test_a_failed_preparation_leaves_the_rule_to_run():
    """A text rule whose preparation raises: its pass then fails too, and the rule runs (and would report)."""
    ran = []

    def broken(ctx):
        raise ValueError("hostile")

    check = checks.Check(
        "t.rule", ("articles",), ("empty-text",), ran.append, text_scan=True, valid_if=broken, prepare=broken
    )
    ctx, scan = _context(synth.tables(3, chars=300, seed=1)), Future()
    scan.set_result(None)
    with rules.at.executor(20_000) as pool:
        rules.run_shared(ctx, [check], pool, scan)
    assert len(ran) == 1 and ctx.issues == []
