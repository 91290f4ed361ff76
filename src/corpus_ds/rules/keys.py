"""Key rules: uniqueness of ids, captures and texts, and event consistency, over a few columns of every article."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel
from corpus_ds.checks import check
from corpus_ds.rules.context import Context, duplicates

KEY_COLUMNS = ("article_id", "raw_sha256", "raw_file", "text_sha256", "event_id", "event_date", "event_type")


UNIQUE_COLUMNS = {
    "article_id": "duplicate-id",
    "raw_sha256": "raw-claimed-twice",
    "raw_file": "raw-claimed-twice",
    "text_sha256": "duplicate-text",  # the same article captured twice (other bytes, same text)
}


def unique_ids_pass(ctx: Context) -> bool:
    """Whether rule_unique_ids would find nothing: every value of each column distinct (a compiled hash table,
    equal hashes compared byte for byte)."""
    kernel = checkkernel.compiled()
    return kernel is not None and all(
        kernel.distinct(checkkernel.strings(ctx.column("articles", column))) for column in UNIQUE_COLUMNS
    )


@check("keys", "duplicate-id", "raw-claimed-twice", "duplicate-text", valid_if=unique_ids_pass)
def rule_unique_ids(ctx: Context) -> None:
    for column, code in UNIQUE_COLUMNS.items():
        for value in duplicates(ctx.column("articles", column)):
            ctx.add(
                code,
                "articles",
                column,
                value if column == "article_id" else None,
                f"{column} {value!r} occurs more than once",
                value,
            )


@check("keys", "event-conflict")
def rule_event_conflict(ctx: Context) -> None:
    """Articles sharing an event_id agree with the first of them on the event's date and type."""
    event_id = at.single(ctx.column("articles", "event_id"))
    date, kind = (
        at.single(ctx.column("articles", "event_date")),
        at.single(ctx.column("articles", "event_type")),
    )
    first_row, differs = _first_of_each_event(event_id, date, kind)
    bad = np.flatnonzero(differs)
    for aid, eid, ev, et, fa, fd, fk in zip(
        ctx.values("articles", "article_id", bad),
        ctx.values("articles", "event_id", bad),
        ctx.values("articles", "event_date", bad),
        ctx.values("articles", "event_type", bad),
        ctx.values("articles", "article_id", first_row[bad]),
        ctx.values("articles", "event_date", first_row[bad]),
        ctx.values("articles", "event_type", first_row[bad]),
    ):
        ctx.add(
            "event-conflict",
            "articles",
            "event_id",
            aid,
            f"event {eid} is dated {fd} ({fk}) in {fa} but {ev} ({et}) here",
            eid,
        )


def _first_of_each_event(event_id: pa.Array, date: pa.Array, kind: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The first row of each row's event, and whether the row's date or type differs from that row's: one
    dictionary encoding of the ids (codes in the order the ids first occur) and of the types, dates compared as
    days; a lookup of each id among the distinct ids where a column holds nulls."""
    n = len(event_id)
    if not (event_id.null_count or date.null_count or kind.null_count or date.type != pa.date32()):
        encoded = event_id.dictionary_encode()
        codes = at.np_int(encoded.indices)
        seen = np.maximum.accumulate(codes) if n else codes
        first = np.flatnonzero(np.concatenate([[True], seen[1:] > seen[:-1]])) if n else codes
        if len(first) == len(encoded.dictionary) and np.array_equal(codes[first], np.arange(len(first))):
            first_row = first[codes]
            days = at.np_int(pc.cast(date, pa.int32()))
            kinds = at.np_int(kind.dictionary_encode().indices)
            return first_row, (days[first_row] != days) | (kinds[first_row] != kinds)
    codes = at.row_index(event_id, pc.unique(event_id))
    first = np.full(int(codes.max()) + 1 if n else 0, n, np.int64)
    np.minimum.at(first, codes, np.arange(n))
    first_row = first[codes]
    first_date, first_kind = date.take(pa.array(first_row)), kind.take(pa.array(first_row))
    return first_row, ~(at.np_bool(pc.equal(date, first_date)) & at.np_bool(pc.equal(kind, first_kind)))


@check("keys", "no-articles")
def rule_some_articles(ctx: Context) -> None:
    if ctx.tables["articles"].num_rows == 0:
        ctx.add("no-articles", "articles", "article_id", None, "expected at least one article in a release")
