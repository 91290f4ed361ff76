"""Rules on the texts: lengths and paragraphs, every quote at its offsets, text hashes, forbidden characters."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.arabic import forbidden_characters
from corpus_ds.rules.context import Context

QUOTE_COLUMNS = {
    "mentions": "surface",
    "agreements": "quote",
    "evidence": "quote",
}  # the quote of each long table


def _scan_texts(c: Context) -> None:
    """The text bytes: lengths, the byte offset of every long-table quote in a text, and whether the quote is there."""
    rows, chars, where = [], [], {}
    for table in QUOTE_COLUMNS:
        t = c.t[table]
        arows = c.article_rows(table)
        in_text = arows >= 0
        if "location" in t.column_names:
            in_text &= at.np_bool(pc.equal(t.column("location"), "text"))
        sel = np.flatnonzero(in_text)
        where[table] = (sel, sum(len(r) for r in rows))
        rows.append(arows[sel])
        chars.append(at.np_int(pc.fill_null(t.column("start"), -1))[sel])
    c.text_scan = at.TextScan(c.col("articles", "text"), np.concatenate(rows), np.concatenate(chars))
    c.text_queries = where
    # the quotes' bytes are compared here too, in the scan's thread, while the other rules run in the main thread;
    # a failure is rule_offsets' to report (the lengths and paragraphs of the texts are still checked)
    try:
        c.quotes_in_text = {
            table: at.quotes_match(
                c.text_scan, np.arange(first, first + len(sel)), sel, c.col(table, QUOTE_COLUMNS[table])
            )
            for table, (sel, first) in where.items()
        }
    except Exception as exc:
        c.quotes_error = exc


def rule_text_hash(c: Context) -> None:
    digests = c.digests.result()  # hashed in run_articles' thread pool beside the other rules
    expected = at.single(c.col("articles", "text_sha256"))
    bad = np.flatnonzero(~at.np_bool(pc.equal(expected, pa.array(digests, pa.string()))))
    for i, aid, digest in zip(bad, c.py("articles", "article_id", bad), c.py("articles", "text_sha256", bad)):
        actual = digests[i]
        c.add(
            "text-hash-mismatch",
            "articles",
            "text_sha256",
            aid,
            f"expected {digest}, text hashes to {actual}",
            actual,
        )


def rule_offsets(c: Context) -> None:
    """Every surface form and evidence quote is where its offsets say; raw quotes lie in the capture's removed lines."""
    if c.quotes_error is not None:
        raise c.quotes_error
    for table, quote_col in QUOTE_COLUMNS.items():
        t = c.t[table]
        arows = c.article_rows(table)
        starts = at.np_int(pc.fill_null(t.column("start"), -1))
        ends = at.np_int(pc.fill_null(t.column("end"), -1))
        quote_len = at.np_int(pc.fill_null(pc.utf8_length(t.column(quote_col)), 0))
        shape_ok = (starts >= 0) & (ends - starts == quote_len)
        location = t.column("location") if "location" in t.column_names else None
        found = np.zeros(t.num_rows, bool)
        found[c.text_queries[table][0]] = c.quotes_in_text[table]
        found |= shape_ok & (quote_len == 0)  # an empty slice matches an empty quote anywhere, as in Python
        if location is not None:
            in_title = np.flatnonzero(at.np_bool(pc.equal(location, "title")) & (arows >= 0) & shape_ok)
            if len(in_title):
                title_scan = at.TextScan(c.col("articles", "title"), arows[in_title], starts[in_title])
                found[in_title] = at.quotes_match(
                    title_scan, np.arange(len(in_title)), in_title, t.column(quote_col)
                )
            in_raw = np.flatnonzero(at.np_bool(pc.equal(location, "raw")) & (arows >= 0) & shape_ok)
            found[in_raw] = _raw_quotes_found(c, table, quote_col, in_raw, starts, ends)
        for i in np.flatnonzero(arows < 0):
            aid = t.column("article_id")[int(i)].as_py()
            c.add(
                "unknown-article",
                table,
                "article_id",
                aid,
                f"row {i} names an article that is not in articles",
                aid,
            )
        bad_shape = np.flatnonzero((arows >= 0) & ~shape_ok)
        for i, aid, quote in zip(
            bad_shape, c.py(table, "article_id", bad_shape), c.py(table, quote_col, bad_shape)
        ):
            start, end = t.column("start")[int(i)].as_py(), t.column("end")[int(i)].as_py()
            c.add(
                "offset-mismatch",
                table,
                quote_col,
                aid,
                f"expected 0 <= start and end - start == len(quote), found [{start}:{end}] for {quote!r}",
                quote,
            )
        missing = np.flatnonzero((arows >= 0) & shape_ok & ~found)
        locations = c.py(table, "location", missing) if location is not None else ["text"] * len(missing)
        for i, aid, quote, loc in zip(
            missing, c.py(table, "article_id", missing), c.py(table, quote_col, missing), locations
        ):
            c.add(
                "offset-mismatch",
                table,
                quote_col,
                aid,
                f"expected {quote!r} at {loc}[{starts[i]}:{ends[i]}]; it is not there",
                quote,
            )


def _raw_quotes_found(
    c: Context, table: str, quote_col: str, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Raw quotes: at their offsets in the capture when it is at hand, else somewhere in the article's removed lines.

    A quote that is a whole removed line range (source and date lines usually are) is found by one vectorised
    lookup; only the others are searched in the joined removed lines with Python.
    """
    if not len(rows):
        return np.zeros(0, bool)
    found = np.zeros(len(rows), bool)
    if (
        c.raw_texts is None
    ):  # (article, quote) as integers: the article's row and the quote's code among the contents
        removals = c.t["removals"]
        contents = pc.unique(removals.column("content"))
        n = len(contents) + 1
        removal_rows = at.row_index(removals.column("article_id"), c.col("articles", "article_id"))
        removed = removal_rows * n + at.row_index(removals.column("content"), contents)
        quote_code = at.row_index(at.single(c.col(table, quote_col)).take(pa.array(rows)), contents)
        key = np.where(quote_code >= 0, c.article_rows(table)[rows] * n + quote_code, -1)
        found = at.np_bool(pc.is_in(pa.array(key), value_set=pa.array(removed))) & (quote_code >= 0)
    rest = np.flatnonzero(~found)
    if not len(rest):
        return found
    aids, quotes = c.py(table, "article_id", rows[rest]), c.py(table, quote_col, rows[rest])
    raw = c.raw_texts or {}
    removals = c.t["removals"]
    wanted = at.np_bool(
        pc.is_in(removals.column("article_id"), value_set=pa.array(sorted(set(aids)), pa.string()))
    )
    keep = np.flatnonzero(wanted)
    removed: dict[str, str] = {}
    for aid, content in zip(c.py("removals", "article_id", keep), c.py("removals", "content", keep)):
        removed[aid] = removed.get(aid, "") + "\n" + content
    found[rest] = [
        raw[a][s:e] == q if raw.get(a) is not None else q in removed.get(a, "")
        for a, q, s, e in zip(aids, quotes, starts[rows[rest]].tolist(), ends[rows[rest]].tolist())
    ]
    return found


def rule_text_shape(c: Context) -> None:
    """n_chars and n_paragraphs describe the text, and the text is not empty (from the byte scan)."""
    n_chars, n_paragraphs = c.text_scan.n_chars, c.paragraphs.result()
    empty = np.flatnonzero(n_chars == 0)
    for aid in c.py("articles", "article_id", empty):
        c.add(
            "empty-text",
            "articles",
            "text",
            aid,
            "cleaning left no text; record body lines in the source file's cleaning decisions",
        )
    differs = (at.np_int(c.col("articles", "n_chars")) != n_chars) | (
        at.np_int(c.col("articles", "n_paragraphs")) != n_paragraphs
    )
    for aid in c.py("articles", "article_id", np.flatnonzero(differs)):
        c.add(
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


def rule_characters(c: Context, tables: Iterable[str] = ()) -> None:
    """No bidi controls, zero-width characters, controls, presentation forms or Persian look-alikes in text or labels."""
    skip = {"removals": {"content"}}  # removed lines are shown as captured
    for table in tables or [n for n in c.t if n != "actors" or len(c.t) == 1]:
        t = c.t[table]
        ids = t.column("article_id").to_pylist() if "article_id" in t.column_names else [None] * t.num_rows
        for column in t.column_names:
            if column in skip.get(table, ()) or not (
                pa.types.is_string(t.schema.field(column).type)
                or pa.types.is_nested(t.schema.field(column).type)
            ):
                continue
            for aid, value in zip(ids, t.column(column).to_pylist()):
                for s in _strings(value):
                    found = forbidden_characters(s)
                    if found:
                        pos, what = found[0]
                        c.add(
                            "forbidden-character",
                            table,
                            column,
                            aid,
                            f"{what} at position {pos} (and {len(found) - 1} more)",
                            s[:80],
                        )
