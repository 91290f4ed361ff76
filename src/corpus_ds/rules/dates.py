"""Rules on dates: weekday quotes, inferred dates, publication after the event, nothing in the future."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import textkernel, textsearch
from corpus_ds.arabic import TODAY_WEEKDAY, WEEKDAY_NAMES_EN, WEEKDAYS_AR, weekday_in
from corpus_ds.checks import check
from corpus_ds.rules.aliases import searched_texts
from corpus_ds.rules.context import Context


@check(
    "articles",
    "inferred-date-without-note",
    "weekday-missing",
    "weekday-mismatch",
    "event-after-publication",
    "future-date",
    "year-not-in-quote",
)
def rule_dates(ctx: Context) -> None:
    a = ctx.tables["articles"]
    note = a.column("event_date_note")
    no_note = at.np_bool(pc.equal(a.column("event_date_basis"), "inferred")) & ~at.np_bool(
        pc.greater(pc.utf8_length(note), 0)
    )
    for aid in ctx.values("articles", "article_id", np.flatnonzero(no_note)):
        ctx.add(
            "inferred-date-without-note",
            "articles",
            "event_date_note",
            aid,
            "an inferred event date needs a note saying how it was inferred",
        )
    quote = a.column("event_weekday_quote")
    named = at.map_unique(quote, lambda q: -2 if weekday_in(q) is None else weekday_in(q), -1)
    actual = at.np_int(at.fill_null(pc.day_of_week(a.column("event_date")), -1))
    missing = np.flatnonzero(named == -2)
    for aid, q in ctx.each("articles", missing, "article_id", "event_weekday_quote"):
        ctx.add(
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
        ctx.values("articles", "article_id", mismatch),
        ctx.values("articles", "event_weekday_quote", mismatch),
        ctx.values("articles", "event_date", mismatch),
    ):
        ctx.add(
            "weekday-mismatch",
            "articles",
            "event_weekday_quote",
            aid,
            f"{q!r} names a {WEEKDAY_NAMES_EN[named[i]]}, "
            f"but event_date {event} is a {WEEKDAY_NAMES_EN[event.weekday()]}",
            q,
        )
    today = pa.scalar(ctx.today, pa.date32())
    early = np.flatnonzero(at.np_bool(pc.less(a.column("published_date"), a.column("event_date"))))
    for aid, published, event in ctx.each("articles", early, "article_id", "published_date", "event_date"):
        ctx.add(
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
                ctx.add(
                    "future-date",
                    "articles",
                    column,
                    aid,
                    f"{column} {value} is after the build date {ctx.today}",
                    str(value),
                )
    g = ctx.tables["agreements"]
    year = g.column("year")
    late = at.np_bool(pc.greater(year, ctx.today.year))
    for aid, index, y in ctx.each(
        "agreements", np.flatnonzero(late), "article_id", "agreement_index", "year"
    ):
        ctx.add(
            "future-date",
            "agreements",
            f"agreements[{index}].year",
            aid,
            f"year {y} is after the build year {ctx.today.year}",
            y,
        )
    dated = np.flatnonzero(at.np_bool(pc.is_valid(year)) & ~late)
    unquoted = _unquoted_years(g, dated)
    if unquoted is None:
        years_not_in_quotes(ctx, dated)
    else:
        years_not_in_quotes(ctx, unquoted, checked=True)


def years_not_in_quotes(ctx: Context, rows: np.ndarray, *, checked: bool = False) -> None:
    """year-not-in-quote for each of these agreements whose quote lacks its year (checked: all of them do)."""
    for aid, index, y, q in ctx.each("agreements", rows, "article_id", "agreement_index", "year", "quote"):
        if checked or str(y) not in q:
            ctx.add(
                "year-not-in-quote",
                "agreements",
                f"agreements[{index}].year",
                aid,
                f"year {y} does not occur in the evidence quote; quote the words that give the year",
                y,
            )


def _unquoted_years(g: pa.Table, dated: np.ndarray) -> np.ndarray | None:
    """The dated agreement rows whose quote lacks the year's digits, by one compiled search of every quote for its
    year; None where the answer could differ from the Python check's (then it runs): no compiled search, years
    that are not integers, quotes that are null, not strings or not UTF-8 (Python raises on them), or ids that
    are not UTF-8 (reading them for every dated row raises)."""
    kernel = textkernel.compiled()
    year, quote, ids = (at.single(g.column(c)) for c in ("year", "quote", "article_id"))
    if kernel is None or not pa.types.is_integer(year.type) or quote.null_count or ids.null_count:
        return None
    try:
        if not (
            kernel.utf8_rows(*textkernel._strings(quote)) and kernel.utf8_rows(*textkernel._strings(ids))
        ):
            return None
        # Arrow writes an integer's digits as str() does
        needles = pc.cast(year.take(pa.array(dated, pa.int64())), pa.string())
        counts = np.zeros(len(dated), np.int64)
        rows = np.ascontiguousarray(dated, np.int64)
        kernel.count_in_rows(*textkernel._strings(quote), rows, *textkernel._strings(needles), counts)
    except (ValueError, textkernel.Declined):
        return None
    return None if (counts < 0).any() else dated[counts == 0]


@check("articles", "weekday-not-recorded", full=True)
def rule_weekday_recorded(ctx: Context) -> None:
    """A text that names the event's day ("اليوم الخميس", "الثلاثاء 15 مارس") has its weekday quote (full: a regex
    per text that names a weekday at all, found by the compiled search the full rules share, else by Arrow's
    compiled regex)."""
    unrecorded = ~at.np_bool(pc.is_valid(ctx.column("articles", "event_weekday_quote")))
    searched = searched_texts(ctx)
    if searched is not None:
        named = searched.rows_with_any(textsearch.weekday_keys())
    else:
        names = "|".join(map(re.escape, WEEKDAYS_AR))
        named = at.np_bool(
            at.fill_null(pc.match_substring_regex(ctx.column("articles", "text"), names), False)
        )
    _report_unrecorded(ctx, np.flatnonzero(unrecorded & named))


def weekday_recorded_reference(ctx: Context) -> None:
    """rule_weekday_recorded with the regex run on every text (the reference the tests compare it with)."""
    unrecorded = ~at.np_bool(pc.is_valid(ctx.column("articles", "event_weekday_quote")))
    _report_unrecorded(ctx, np.flatnonzero(unrecorded))


def _report_unrecorded(ctx: Context, rows: np.ndarray) -> None:
    for aid, text in ctx.each("articles", rows, "article_id", "text"):
        m = TODAY_WEEKDAY.search(text or "")
        if m:
            ctx.add(
                "weekday-not-recorded",
                "articles",
                "event_weekday_quote",
                aid,
                f"the text names the day of the event ({m.group(0)!r}); record it as the weekday evidence",
                m.group(0),
            )
