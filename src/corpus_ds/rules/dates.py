"""Rules on dates: weekday quotes, inferred dates, publication after the event, nothing in the future."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.arabic import TODAY_WEEKDAY, WEEKDAY_NAMES_EN, weekday_in
from corpus_ds.rules.context import Context


def rule_dates(c: Context) -> None:
    a = c.t["articles"]
    note = a.column("event_date_note")
    no_note = at.np_bool(pc.equal(a.column("event_date_basis"), "inferred")) & ~at.np_bool(
        pc.greater(pc.utf8_length(note), 0)
    )
    for aid in c.py("articles", "article_id", np.flatnonzero(no_note)):
        c.add(
            "inferred-date-without-note",
            "articles",
            "event_date_note",
            aid,
            "an inferred event date needs a note saying how it was inferred",
        )
    quote = a.column("event_weekday_quote")
    named = at.np_int(
        pc.fill_null(
            at.map_unique(quote, lambda q: -2 if weekday_in(q) is None else weekday_in(q), pa.int64()), -1
        )
    )
    actual = at.np_int(pc.fill_null(pc.day_of_week(a.column("event_date")), -1))
    missing = np.flatnonzero(named == -2)
    for aid, q in zip(
        c.py("articles", "article_id", missing), c.py("articles", "event_weekday_quote", missing)
    ):
        c.add(
            "weekday-missing",
            "articles",
            "event_weekday_quote",
            aid,
            f"expected an Arabic weekday name in {q!r}",
            q,
        )
    mismatch = np.flatnonzero((named >= 0) & (actual >= 0) & (named != actual))
    for i, aid, q, event in zip(
        mismatch,
        c.py("articles", "article_id", mismatch),
        c.py("articles", "event_weekday_quote", mismatch),
        c.py("articles", "event_date", mismatch),
    ):
        c.add(
            "weekday-mismatch",
            "articles",
            "event_weekday_quote",
            aid,
            f"{q!r} names a {WEEKDAY_NAMES_EN[named[i]]}, but event_date {event} is a {WEEKDAY_NAMES_EN[event.weekday()]}",
            q,
        )
    today = pa.scalar(c.today, pa.date32())
    early = np.flatnonzero(at.np_bool(pc.less(a.column("published_date"), a.column("event_date"))))
    for aid, published, event in zip(
        c.py("articles", "article_id", early),
        c.py("articles", "published_date", early),
        c.py("articles", "event_date", early),
    ):
        c.add(
            "event-after-publication",
            "articles",
            "published_date",
            aid,
            f"published_date {published} is before event_date {event}",
            str(published),
        )
    future = {
        column: at.np_bool(pc.greater(a.column(column), today)) for column in ("event_date", "published_date")
    }
    for i in np.flatnonzero(future["event_date"] | future["published_date"]):
        aid = a.column("article_id")[int(i)].as_py()
        for column in ("event_date", "published_date"):
            if future[column][i]:
                value = a.column(column)[int(i)].as_py()
                c.add(
                    "future-date",
                    "articles",
                    column,
                    aid,
                    f"{column} {value} is after the build date {c.today}",
                    str(value),
                )
    g = c.t["agreements"]
    year = g.column("year")
    late = at.np_bool(pc.greater(year, c.today.year))
    for aid, index, y in zip(
        c.py("agreements", "article_id", np.flatnonzero(late)),
        c.py("agreements", "agreement_index", np.flatnonzero(late)),
        c.py("agreements", "year", np.flatnonzero(late)),
    ):
        c.add(
            "future-date",
            "agreements",
            f"agreements[{index}].year",
            aid,
            f"year {y} is after the build year {c.today.year}",
            y,
        )
    dated = np.flatnonzero(at.np_bool(pc.is_valid(year)) & ~late)
    for aid, index, y, q in zip(
        c.py("agreements", "article_id", dated),
        c.py("agreements", "agreement_index", dated),
        c.py("agreements", "year", dated),
        c.py("agreements", "quote", dated),
    ):
        if str(y) not in q:
            c.add(
                "year-not-in-quote",
                "agreements",
                f"agreements[{index}].year",
                aid,
                f"year {y} does not occur in the evidence quote; quote the words that give the year",
                y,
            )


def rule_weekday_recorded(c: Context) -> None:
    """A text that names the event's day ("اليوم الخميس", "الثلاثاء 15 مارس") has its weekday quote (full: regex per text)."""
    unrecorded = np.flatnonzero(~at.np_bool(pc.is_valid(c.col("articles", "event_weekday_quote"))))
    for aid, text in zip(c.py("articles", "article_id", unrecorded), c.py("articles", "text", unrecorded)):
        m = TODAY_WEEKDAY.search(text or "")
        if m:
            c.add(
                "weekday-not-recorded",
                "articles",
                "event_weekday_quote",
                aid,
                f"the text names the day of the event ({m.group(0)!r}); record it as the weekday evidence",
                m.group(0),
            )
