"""Key rules: uniqueness of ids, captures and texts, and event consistency, over a few columns of every article."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.rules.context import Context, duplicates

KEY_COLUMNS = ("article_id", "raw_sha256", "raw_file", "text_sha256", "event_id", "event_date", "event_type")


def rule_unique_ids(c: Context) -> None:
    for column, code in (
        ("article_id", "duplicate-id"),
        ("raw_sha256", "raw-claimed-twice"),
        ("raw_file", "raw-claimed-twice"),
        ("text_sha256", "duplicate-text"),
    ):  # the same article captured twice (other bytes, same text)
        for value in duplicates(c.col("articles", column)):
            c.add(
                code,
                "articles",
                column,
                value if column == "article_id" else None,
                f"{column} {value!r} occurs more than once",
                value,
            )


def rule_event_conflict(c: Context) -> None:
    """Articles sharing an event_id agree with the first of them on the event's date and type."""
    event_id = at.single(c.col("articles", "event_id"))
    codes = at.row_index(event_id, pc.unique(event_id))
    n = len(codes)
    first = np.full(int(codes.max()) + 1 if n else 0, n, np.int64)
    np.minimum.at(first, codes, np.arange(n))
    first_row = first[codes]
    date, kind = at.single(c.col("articles", "event_date")), at.single(c.col("articles", "event_type"))
    first_date, first_kind = date.take(pa.array(first_row)), kind.take(pa.array(first_row))
    differs = ~(at.np_bool(pc.equal(date, first_date)) & at.np_bool(pc.equal(kind, first_kind)))
    bad = np.flatnonzero(differs)
    for row, aid, eid, ev, et, fa, fd, fk in zip(
        bad,
        c.py("articles", "article_id", bad),
        c.py("articles", "event_id", bad),
        c.py("articles", "event_date", bad),
        c.py("articles", "event_type", bad),
        c.py("articles", "article_id", first_row[bad]),
        first_date.take(pa.array(bad)).to_pylist(),
        first_kind.take(pa.array(bad)).to_pylist(),
    ):
        c.add(
            "event-conflict",
            "articles",
            "event_id",
            aid,
            f"event {eid} is dated {fd} ({fk}) in {fa} but {ev} ({et}) here",
            eid,
        )


def rule_some_articles(c: Context) -> None:
    if c.t["articles"].num_rows == 0:
        c.add("no-articles", "articles", "article_id", None, "expected at least one article in a release")
