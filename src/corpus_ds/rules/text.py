"""Rules on the texts: lengths and paragraphs, every quote at its offsets, text hashes, forbidden characters."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor, Future

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, textkernel, textsearch, vocab
from corpus_ds.arabic import forbidden_characters
from corpus_ds.checks import check
from corpus_ds.rules.aliases import searched_texts
from corpus_ds.rules.context import Context, locations, read_only

QUOTE_COLUMNS = {
    "mentions": "surface",
    "agreements": "quote",
    "dyads": "quote",
    "evidence": "quote",
}  # the quote of each long table


def _text_queries(ctx: Context) -> dict[str, np.ndarray]:
    """The rows of each long table whose quote lies in the text of a known article (computed once: the text pass
    and the offsets pass ask for them)."""

    def compute(c: Context) -> dict[str, np.ndarray]:
        where = {}
        for table in QUOTE_COLUMNS:
            t = c.tables[table]
            in_text = c.article_rows(table) >= 0
            if "location" in t.column_names:
                in_text &= locations(c, table) == LOCATIONS.index("text")
            where[table] = read_only((np.flatnonzero(in_text),))[0]
        return where

    return ctx.once("text queries", compute)


def _starts(ctx: Context, table: str) -> np.ndarray:
    """Each row's start (-1 where null) as int64, converted once for the text pass and the offsets pass."""
    return ctx.once(
        f"text pass starts {table}",
        lambda c: read_only((at.np_int(at.fill_null(c.column(table, "start"), -1)),))[0],
    )


def start_text_scan(ctx: Context, pool: Executor) -> tuple[Future, Future]:
    """The byte scan and the paragraph counts, submitted to the pool: one compiled pass when the kernel is built
    (textkernel), else the reference scan and the paragraph counts in two threads. The second future gives the
    paragraphs per text."""
    kernel = textkernel.compiled()
    if kernel is None:
        return pool.submit(scan_texts, ctx), pool.submit(at.paragraph_counts, ctx.column("articles", "text"))
    scan = pool.submit(scan_texts_compiled, ctx, kernel)
    return scan, scan


def scan_texts_compiled(ctx: Context, kernel) -> np.ndarray:
    """What scan_texts and the paragraph counts find, in one compiled pass (the reference when it declines)."""
    where = _text_queries(ctx)
    queries = [
        (
            _picked(ctx.article_rows(table), sel),
            _picked(_starts(ctx, table), sel),
            sel,
            at.single(ctx.column(table, quote)),
        )
        for (table, sel), quote in zip(where.items(), QUOTE_COLUMNS.values())
    ]
    try:
        ctx.n_chars, paragraphs, found = textkernel.scan(kernel, ctx.column("articles", "text"), queries)
    except textkernel.Declined:
        scan_texts(ctx)
        return at.paragraph_counts(ctx.column("articles", "text"))
    ctx.text_queries = {table: (sel, 0) for table, sel in where.items()}
    ctx.quotes_in_text = dict(zip(where, found))
    return paragraphs


def _picked(values: np.ndarray, sel: np.ndarray) -> np.ndarray:
    """values[sel], without the copy where sel (ascending rows) picks every row: most long tables have all their
    quotes in the text."""
    return values if len(sel) == len(values) else values[sel]


def scan_texts(ctx: Context) -> None:
    """The text bytes: lengths, the byte offset of every long-table quote in a text, and whether the quote is there."""
    rows, chars, where = [], [], {}
    for table, sel in _text_queries(ctx).items():
        where[table] = (sel, sum(len(r) for r in rows))
        rows.append(ctx.article_rows(table)[sel])
        chars.append(_starts(ctx, table)[sel])
    ctx.text_scan = at.TextScan(ctx.column("articles", "text"), np.concatenate(rows), np.concatenate(chars))
    ctx.n_chars = ctx.text_scan.n_chars
    ctx.text_queries = where
    # the quotes' bytes are compared here too, in the scan's thread, while the other rules run in the main thread;
    # a failure is rule_offsets' to report (the lengths and paragraphs of the texts are still checked)
    try:
        ctx.quotes_in_text = {
            table: at.quotes_match(
                ctx.text_scan,
                np.arange(first, first + len(sel)),
                sel,
                ctx.column(table, QUOTE_COLUMNS[table]),
            )
            for table, (sel, first) in where.items()
        }
    except Exception as exc:  # noqa: BLE001 (re-raised in rule_offsets, which reports it)
        ctx.quotes_error = exc


@check("articles", "text-hash-mismatch", rehash=True, text_scan=True)
def rule_text_hash(ctx: Context) -> None:
    digests = ctx.digests.result()  # hashed in run_articles' thread pool beside the other rules
    expected = at.single(ctx.column("articles", "text_sha256"))
    bad = np.flatnonzero(~at.np_bool(pc.equal(expected, pa.array(digests, pa.string()))))
    for i, aid, digest in zip(
        bad, ctx.values("articles", "article_id", bad), ctx.values("articles", "text_sha256", bad)
    ):
        actual = digests[i]
        ctx.add(
            "text-hash-mismatch",
            "articles",
            "text_sha256",
            aid,
            f"expected {digest}, text hashes to {actual}",
            actual,
        )


LOCATIONS = tuple(vocab.EVIDENCE_LOCATIONS)  # the places a quote may be, as the offsets pass numbers them
assert LOCATIONS == ("text", "title", "raw")  # IN_TEXT, IN_TITLE and IN_RAW of _checkkernel.c


def offsets_pass(ctx: Context) -> bool:
    """Whether rule_offsets would find nothing: the text pass found every quote located in the text but empty ones
    (at any offset, as in Python), and the compiled pass of offsets_prepared vouches for the rest."""
    if ctx.quotes_error is not None or not all(_missed_none(ctx, table) for table in QUOTE_COLUMNS):
        return False
    return offsets_prepared(ctx)


def _missed_none(ctx: Context, table: str) -> bool:
    """The text pass found each quote of the table located in the text, but empty ones."""
    found = ctx.quotes_in_text[table]
    if found.all():
        return True
    missed = ctx.text_queries[table][0][~found]
    quotes = at.single(ctx.column(table, QUOTE_COLUMNS[table])).take(pa.array(missed, pa.int64()))
    return quotes.null_count == 0 and pc.max(pc.binary_length(quotes)).as_py() == 0


def offsets_prepared(ctx: Context) -> bool:
    """Whether one compiled pass finds each quote's length equal to its offsets, each text quote's article known,
    each title quote in its title and each raw quote one of its article's removed lines, the quotes in the text
    taken as found (offsets_pass asks the text pass). It needs no text pass, so it runs while that pass does
    (False, and the rule runs, where the capture is at hand, ids repeat or the removed lines are out of the
    articles' order, or a raw quote is part of a removed line rather than one whole)."""

    def compute(c: Context) -> bool:
        kernel, a = c.ordered_kernel(), c.tables["articles"]
        if kernel is None or c.raw_texts is not None:
            return False
        removal_starts = checkkernel.starts(c.article_rows("removals"), a.num_rows)
        if removal_starts is None:
            return False
        removed = checkkernel.strings(c.column("removals", "content"))
        return all(_offsets_valid(c, kernel, table, removal_starts, removed) for table in QUOTE_COLUMNS)

    return ctx.once("offsets pass but the text's quotes", compute)


def _offsets_valid(ctx: Context, kernel, table: str, removal_starts: np.ndarray, removed: tuple) -> bool:
    t, quote = ctx.tables[table], QUOTE_COLUMNS[table]
    rows, starts, ends = (
        ctx.article_rows(table),
        _starts(ctx, table),
        at.np_int(at.fill_null(t.column("end"), -1)),
    )
    found = np.zeros(t.num_rows, bool)
    found[_text_queries(ctx)[table]] = True  # offsets_pass asks the text pass whether each was found
    if "location" in t.column_names:
        location = locations(ctx, table)
        location = np.where(location < 0, len(LOCATIONS), location)  # nowhere a quote is looked for
        in_title = np.flatnonzero(location == LOCATIONS.index("title"))
        found[in_title] = _title_quotes_found(ctx, table, in_title, starts, ends)
    else:
        location = np.zeros(t.num_rows, np.int64)
    arrays = (rows, starts, ends, location, found, removal_starts)
    counts = (ctx.tables["articles"].num_rows, t.num_rows, removed[4])
    return kernel.offsets_valid(
        counts, tuple(checkkernel.int64s(x) for x in arrays), checkkernel.strings(t.column(quote)), removed
    )


def _title_quotes_found(ctx: Context, table: str, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray):
    """Whether each title quote is in its article's title at its offsets (as rule_offsets finds them)."""
    quotes = ctx.column(table, QUOTE_COLUMNS[table])
    arows = ctx.article_rows(table)[rows]
    length = at.np_int(at.fill_null(pc.utf8_length(at.single(quotes).take(pa.array(rows, pa.int64()))), 0))
    ok = np.flatnonzero((arows >= 0) & (starts[rows] >= 0) & (ends[rows] - starts[rows] == length))
    found = np.zeros(len(rows), bool)
    if len(ok):
        scan = at.TextScan(ctx.column("articles", "title"), arows[ok], starts[rows][ok])
        found[ok] = at.quotes_match(scan, np.arange(len(ok)), rows[ok], quotes)
    return found


@check(
    "articles",
    "unknown-article",
    "offset-mismatch",
    text_scan=True,
    valid_if=offsets_pass,
    prepare=offsets_prepared,
)
def rule_offsets(ctx: Context) -> None:
    """Every surface form and evidence quote is where its offsets say; raw quotes lie in the capture's removed lines."""
    if ctx.quotes_error is not None:
        raise ctx.quotes_error
    for table, quote_col in QUOTE_COLUMNS.items():
        t = ctx.tables[table]
        arows = ctx.article_rows(table)
        starts = at.np_int(at.fill_null(t.column("start"), -1))
        ends = at.np_int(at.fill_null(t.column("end"), -1))
        quote_len = at.np_int(at.fill_null(pc.utf8_length(t.column(quote_col)), 0))
        shape_ok = (starts >= 0) & (ends - starts == quote_len)
        location = t.column("location") if "location" in t.column_names else None
        found = np.zeros(t.num_rows, bool)
        found[ctx.text_queries[table][0]] = ctx.quotes_in_text[table]
        found |= shape_ok & (quote_len == 0)  # an empty slice matches an empty quote anywhere, as in Python
        if location is not None:
            in_title = np.flatnonzero(at.np_bool(pc.equal(location, "title")) & (arows >= 0) & shape_ok)
            if len(in_title):
                title_scan = at.TextScan(ctx.column("articles", "title"), arows[in_title], starts[in_title])
                found[in_title] = at.quotes_match(
                    title_scan, np.arange(len(in_title)), in_title, t.column(quote_col)
                )
            in_raw = np.flatnonzero(at.np_bool(pc.equal(location, "raw")) & (arows >= 0) & shape_ok)
            found[in_raw] = _raw_quotes_found(ctx, table, quote_col, in_raw, starts, ends)
        for i in np.flatnonzero(arows < 0):
            aid = t.column("article_id")[int(i)].as_py()
            ctx.add(
                "unknown-article",
                table,
                "article_id",
                aid,
                f"row {i} names an article that is not in articles",
                aid,
            )
        bad_shape = np.flatnonzero((arows >= 0) & ~shape_ok)
        for i, aid, quote in zip(
            bad_shape, ctx.values(table, "article_id", bad_shape), ctx.values(table, quote_col, bad_shape)
        ):
            start, end = t.column("start")[int(i)].as_py(), t.column("end")[int(i)].as_py()
            ctx.add(
                "offset-mismatch",
                table,
                quote_col,
                aid,
                f"expected 0 <= start and end - start == len(quote), found [{start}:{end}] for {quote!r}",
                quote,
            )
        missing = np.flatnonzero((arows >= 0) & shape_ok & ~found)
        locations = (
            ctx.values(table, "location", missing) if location is not None else ["text"] * len(missing)
        )
        for i, aid, quote, loc in zip(
            missing,
            ctx.values(table, "article_id", missing),
            ctx.values(table, quote_col, missing),
            locations,
        ):
            ctx.add(
                "offset-mismatch",
                table,
                quote_col,
                aid,
                f"expected {quote!r} at {loc}[{starts[i]}:{ends[i]}]; it is not there",
                quote,
            )


def _raw_quotes_found(
    ctx: Context, table: str, quote_col: str, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Raw quotes: at their offsets in the capture when it is at hand, else somewhere in the article's removed lines.

    A quote that is a whole removed line range (source and date lines usually are) is found by one vectorised
    lookup; only the others are searched in the joined removed lines with Python.
    """
    if not len(rows):
        return np.zeros(0, bool)
    found = np.zeros(len(rows), bool)
    if (
        ctx.raw_texts is None
    ):  # (article, quote) as integers: the article's row and the quote's code among the contents
        removals = ctx.tables["removals"]
        contents = pc.unique(removals.column("content"))
        n = len(contents) + 1
        removal_rows = at.row_index(removals.column("article_id"), ctx.column("articles", "article_id"))
        removed = removal_rows * n + at.row_index(removals.column("content"), contents)
        quote_code = at.row_index(at.single(ctx.column(table, quote_col)).take(pa.array(rows)), contents)
        key = np.where(quote_code >= 0, ctx.article_rows(table)[rows] * n + quote_code, -1)
        found = at.np_bool(pc.is_in(pa.array(key), value_set=pa.array(removed))) & (quote_code >= 0)
    rest = np.flatnonzero(~found)
    if not len(rest):
        return found
    aids, quotes = ctx.values(table, "article_id", rows[rest]), ctx.values(table, quote_col, rows[rest])
    raw = ctx.raw_texts or {}
    removals = ctx.tables["removals"]
    wanted = at.np_bool(
        pc.is_in(removals.column("article_id"), value_set=pa.array(sorted(set(aids)), pa.string()))
    )
    keep = np.flatnonzero(wanted)
    removed: dict[str, str] = {}
    for aid, content in ctx.each("removals", keep, "article_id", "content"):
        removed[aid] = removed.get(aid, "") + "\n" + content
    found[rest] = [
        raw[a][s:e] == q if raw.get(a) is not None else q in removed.get(a, "")
        for a, q, s, e in zip(aids, quotes, starts[rows[rest]].tolist(), ends[rows[rest]].tolist())
    ]
    return found


@check("articles", "empty-text", "table-inconsistent", text_scan=True)
def rule_text_shape(ctx: Context) -> None:
    """n_chars and n_paragraphs describe the text, and the text is not empty (from the byte scan)."""
    n_chars, n_paragraphs = ctx.n_chars, ctx.paragraphs.result()
    empty = np.flatnonzero(n_chars == 0)
    for aid in ctx.values("articles", "article_id", empty):
        ctx.add(
            "empty-text",
            "articles",
            "text",
            aid,
            "cleaning left no text; record body lines in the source file's cleaning decisions",
        )
    differs = (at.np_int(ctx.column("articles", "n_chars")) != n_chars) | (
        at.np_int(ctx.column("articles", "n_paragraphs")) != n_paragraphs
    )
    for aid in ctx.values("articles", "article_id", np.flatnonzero(differs)):
        ctx.add(
            "table-inconsistent",
            "articles",
            "n_chars",
            aid,
            "n_chars or n_paragraphs does not describe the text",
        )


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@check(("registry", "articles"), "forbidden-character", full=True)
def rule_characters(ctx: Context) -> None:
    """No bidi controls, zero-width characters, controls, presentation forms or Persian look-alikes in text
    or labels (full: a compiled pass, or Arrow's compiled regex, picks the rows that may hold one; Python names what
    they hold)."""
    for table, column in _character_columns(ctx):
        searched = searched_texts(ctx) if (table, column) == ("articles", "text") else None
        if searched is not None:
            hit = searched.maybe_forbidden  # the texts: found by the search the full rules share
        else:
            hit = textsearch.rows_maybe_forbidden(ctx.column(table, column))
        _report_characters(ctx, table, column, np.flatnonzero(hit))


def characters_reference(ctx: Context) -> None:
    """rule_characters with every value checked in Python (the reference the tests compare it with)."""
    for table, column in _character_columns(ctx):
        _report_characters(ctx, table, column, np.arange(ctx.tables[table].num_rows))


def _character_columns(ctx: Context) -> Iterable[tuple[str, str]]:
    """The columns the character policy covers: every string, list and struct column but the removed lines, which
    are shown as captured."""
    skip = {"removals": {"content"}}
    for table in ctx.checked:
        schema = ctx.tables[table].schema
        for field in schema:
            if field.name not in skip.get(table, ()) and (
                pa.types.is_string(field.type) or pa.types.is_nested(field.type)
            ):
                yield table, field.name


def _report_characters(ctx: Context, table: str, column: str, rows: np.ndarray) -> None:
    """The forbidden characters of these rows of a column, the first of each string named."""
    if "article_id" in ctx.tables[table].column_names:
        ids = ctx.values(table, "article_id", rows)
    else:
        ids = [None] * len(rows)
    for aid, value in zip(ids, ctx.values(table, column, rows)):
        for s in _strings(value):
            found = forbidden_characters(s)
            if found:
                pos, what = found[0]
                ctx.add(
                    "forbidden-character",
                    table,
                    column,
                    aid,
                    f"{what} at position {pos} (and {len(found) - 1} more)",
                    s[:80],
                )
