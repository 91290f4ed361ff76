"""Consistency rules over the release tables, vectorised over Arrow columns; each issue has a stable code.

The rules come in three scopes so that the same functions validate one release, a partitioned corpus read batch by
batch, or partitions spread over a cluster: registry rules (the actors table, once), article rules (any set of
articles together with their long-table rows), and key rules (a few small columns of every article: uniqueness and
event consistency across partitions). A few rules re-derive annotations from the full texts with Python loops
(mention completeness, registry aliases, day-of-event phrases, forbidden characters) or re-hash every text
(text_sha256); they run when `full` is set (building, `corpus-ds validate`, load(validate="full")), not when loading a
release whose bytes match the manifest of a validated build. Partitions, which no manifest vouches for, are re-hashed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import clean, columns, models, rowcheck
from corpus_ds.errors import Issue

Tables = dict[str, pa.Table]
Locate = Callable[[str, str, str | None], tuple[str, str]]
KEY_COLUMNS = ("article_id", "raw_sha256", "raw_file", "text_sha256", "event_id", "event_date", "event_type")
QUOTE_COLUMNS = {
    "mentions": "surface",
    "agreements": "quote",
    "evidence": "quote",
}  # the quote of each long table

# Arabic weekday names as news texts write them, mapped to Python's weekday() (Monday = 0).
WEEKDAYS_AR = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def find_mentions(text: str, labelled: list[dict]) -> list[dict]:
    """Every occurrence of every surface form of the labelled actors; where forms overlap the longest wins.

    One function for the build (which writes the mentions table) and the rules (which check it).
    """
    candidates = []
    for actor in labelled:
        for surface in actor["surfaces"] or ():
            pos = text.find(surface) if surface else -1
            while pos >= 0:
                candidates.append((pos, -len(surface), actor["actor_id"], actor["role"], surface))
                pos = text.find(surface, pos + 1)
    rows, taken_until = [], -1
    for pos, neg_len, actor_id, role, surface in sorted(candidates, key=lambda c: (c[0], c[1])):
        if pos >= taken_until:
            taken_until = pos - neg_len
            rows.append(dict(actor_id=actor_id, role=role, surface=surface, start=pos, end=pos - neg_len))
    return rows


def release_locator(table: str, column: str, article_id: str | None) -> tuple[str, str]:
    return f"{table}.parquet", column


def derive_agreement_type(instruments: Iterable[tuple[str, str]]) -> str:
    """The most formal concluded instrument (agreement > MoU > joint statement > verbal commitment), else 'none'."""
    concluded = {inst for inst, status in instruments if status == "concluded"}
    return next((inst for inst in models.INSTRUMENT_RANK if inst in concluded), "none")


class _Ctx:
    def __init__(
        self,
        t: Tables,
        locate: Locate,
        today: dt.date,
        raw_texts: dict[str, str] | None,
        broken: frozenset,
        full: bool,
    ):
        self.t, self.locate, self.today, self.raw_texts, self.broken, self.full = (
            t,
            locate,
            today,
            raw_texts,
            broken,
            full,
        )
        self.issues: list[Issue] = []
        self._rows: dict[str, np.ndarray] = {}
        self.text_scan: at.TextScan | None = None
        self.text_queries: dict[
            str, tuple[np.ndarray, int]
        ] = {}  # table -> (its rows in the scan, first query)
        self.quotes_in_text: dict[
            str, np.ndarray
        ] = {}  # table -> whether the quote of each of those rows is at its offset
        self.paragraphs = None  # future: paragraphs per text
        self.quotes_error: Exception | None = None
        self.digests = None

    def add(
        self, code: str, table: str, column: str, article_id: str | None, message: str, value=None
    ) -> None:
        if code == "table-inconsistent" and article_id in self.broken:
            return  # rows left out because of a problem already reported for this article
        file, field = self.locate(table, column, article_id)
        prefix = f"{article_id}: " if article_id and file.endswith(".parquet") else ""
        self.issues.append(Issue(code, file, field, prefix + message, value, article_id))

    def col(self, table: str, column: str):
        return self.t[table].column(column)

    def py(self, table: str, column: str, where: np.ndarray) -> list:
        """Python values of the rows that fail a check (few), never of a whole column."""
        return at.take_py(self.t[table].column(column), where)

    def article_rows(self, table: str) -> np.ndarray:
        """Row in articles of each row of a long table (-1: no such article; the last row of a duplicated id)."""
        if table not in self._rows:
            ids = at.single(self.col("articles", "article_id"))
            rows = at.rows_in_order(self.col(table, "article_id"), ids)
            if rows is None:
                last = at.row_index(self.col(table, "article_id"), ids[::-1])
                rows = np.where(last >= 0, len(ids) - 1 - last, -1)
            self._rows[table] = rows
        return self._rows[table]


def _duplicates(values) -> list:
    counts = pc.value_counts(values)
    dup = pc.filter(counts, pc.greater(counts.field("counts"), 1))
    return dup.field("values").to_pylist()


# --- key rules: small columns of every article -------------------------------------------------------------------


def rule_unique_ids(c: _Ctx) -> None:
    for column, code in (
        ("article_id", "duplicate-id"),
        ("raw_sha256", "raw-claimed-twice"),
        ("raw_file", "raw-claimed-twice"),
        ("text_sha256", "duplicate-text"),
    ):  # the same article captured twice (other bytes, same text)
        for value in _duplicates(c.col("articles", column)):
            c.add(
                code,
                "articles",
                column,
                value if column == "article_id" else None,
                f"{column} {value!r} occurs more than once",
                value,
            )


def rule_event_conflict(c: _Ctx) -> None:
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


def rule_some_articles(c: _Ctx) -> None:
    if c.t["articles"].num_rows == 0:
        c.add("no-articles", "articles", "article_id", None, "expected at least one article in a release")


# --- registry rules: the actors table --------------------------------------------------------------------------


def rule_registry(c: _Ctx) -> None:
    actors = c.t["actors"]
    for value in _duplicates(actors.column("actor_id")):
        c.add(
            "duplicate-actor-id",
            "actors",
            "actor_id",
            None,
            f"actor_id {value!r} occurs more than once",
            value,
        )
    ok = at.np_bool(pc.match_substring_regex(actors.column("actor_id"), models.ID_PATTERN))
    for value in c.py("actors", "actor_id", np.flatnonzero(~ok)):
        c.add(
            "bad-id",
            "actors",
            "actor_id",
            None,
            f"expected lower-case ASCII words joined by '-', found {value!r}",
            value,
        )
    bad = np.flatnonzero(~at.np_bool(at.in_set(actors.column("kind"), models.ACTOR_KINDS)))
    for value in c.py("actors", "kind", bad):
        c.add(
            "vocabulary",
            "actors",
            "kind",
            None,
            f"{value!r} is not in the codebook: expected one of {', '.join(models.ACTOR_KINDS)}",
            value,
        )
    offices, parents, position = at.flatten(actors.column("offices"))
    if len(offices):
        start, end = pc.struct_field(offices, "start"), pc.struct_field(offices, "end")
        ids = at.take_py(actors.column("actor_id"), parents) if len(parents) else []
        reversed_ = at.np_bool(pc.less(end, start))
        for key, values in (("start", start), ("end", end)):
            future = at.np_bool(pc.greater(values, pa.scalar(c.today, pa.date32())))
            for i in np.flatnonzero(future):
                c.add(
                    "future-date",
                    "actors",
                    f"offices[{position[i]}].{key}",
                    None,
                    f"{ids[i]}: office {key} {values[int(i)].as_py()} is after the build date {c.today}",
                    str(values[int(i)].as_py()),
                )
        for i in np.flatnonzero(reversed_):
            c.add(
                "office-dates",
                "actors",
                f"offices[{position[i]}]",
                None,
                f"{ids[i]}: office ends {end[int(i)].as_py()} before it starts {start[int(i)].as_py()}",
                ids[i],
            )


# --- article rules -----------------------------------------------------------------------------------------------


def rule_rows(c: _Ctx) -> None:
    """Every row fits its row model (the reference), checked column by column: nested nulls, vocabularies, lengths."""
    skip = {"literal", "ge"}  # top-level columns: reported by rule_vocabulary and rule_offsets
    for table in c.t:
        t = c.t[table]
        ids = t.column("article_id") if "article_id" in t.column_names else t.column("actor_id")
        for row, loc, kind in rowcheck.problems(table, t):
            if kind in skip and len(loc) == 1:
                continue
            aid = ids[row].as_py()
            where = ".".join(str(p) for p in loc)
            c.add(
                "row-invalid",
                table,
                where,
                aid if table != "actors" else None,
                f"{where}: {_KIND_MESSAGE[kind]}",
                aid,
            )


_KIND_MESSAGE = {
    "null": "a value is required, found null",
    "literal": "value not in the codebook vocabulary",
    "ge": "expected a number >= 0",
    "too_short": "expected at least one item",
    "string": "expected 1 to 2000 characters, not all spaces",
}


def rule_article_ids(c: _Ctx) -> None:
    for column in ("article_id", "event_id"):
        values = c.col("articles", column)
        bad = np.flatnonzero(~at.np_bool(pc.match_substring_regex(values, models.ID_PATTERN)))
        for value in c.py("articles", column, bad):
            c.add(
                "bad-id",
                "articles",
                column,
                value if column == "article_id" else None,
                f"expected lower-case ASCII words joined by '-', found {value!r}",
                value,
            )


def _scan_texts(c: _Ctx) -> None:
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


def rule_text_hash(c: _Ctx) -> None:
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


def rule_actor_refs(c: _Ctx) -> None:
    known = at.single(c.col("actors", "actor_id"))
    m = c.t["mentions"]
    bad = np.flatnonzero(~at.np_bool(pc.is_in(m.column("actor_id"), value_set=known)))
    for aid, actor in zip(c.py("mentions", "article_id", bad), c.py("mentions", "actor_id", bad)):
        c.add(
            "unknown-actor", "mentions", "actor_id", aid, f"actor_id {actor!r} is not in the registry", actor
        )
    for column in ("actors", "cited_sources"):
        values, parents, position = at.flatten(c.col("articles", column))
        if not len(values):
            continue
        actor_id = pc.struct_field(values, "actor_id")
        unknown = at.np_bool(pc.is_valid(actor_id)) & ~at.np_bool(pc.is_in(actor_id, value_set=known))
        bad = np.flatnonzero(unknown)
        for i, aid in zip(bad, c.py("articles", "article_id", parents[bad])):
            value = actor_id[int(i)].as_py()
            c.add(
                "unknown-actor",
                "articles",
                f"{column}[{position[i]}].actor_id",
                aid,
                f"actor_id {value!r} is not in the registry",
                value,
            )


def rule_offsets(c: _Ctx) -> None:
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
    c: _Ctx, table: str, quote_col: str, rows: np.ndarray, starts: np.ndarray, ends: np.ndarray
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


def rule_text_shape(c: _Ctx) -> None:
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


def _inconsistent(c: _Ctx, table: str, aids: set) -> None:
    for aid in sorted(aids, key=lambda a: (a is None, a)):
        c.add(
            "table-inconsistent",
            table,
            "article_id",
            aid,
            f"the {table} rows of this article differ from what its articles row implies (rows missing, added or changed)",
        )


def _labelled(c: _Ctx, column: str) -> tuple[pa.Array, np.ndarray, np.ndarray, pa.Array]:
    values, parents, position = at.flatten(c.col("articles", column))
    return (
        values,
        parents,
        position,
        at.single(c.col("articles", "article_id")).take(pa.array(parents, pa.int64())),
    )


def rule_agreements_table(c: _Ctx) -> None:
    values, parents, position, aids = _labelled(c, "agreements")
    expected = pa.table(
        {
            "article_id": aids,
            "agreement_index": pa.array(position, pa.int16()),
            "instrument": pc.struct_field(values, "instrument"),
            "status": pc.struct_field(values, "status"),
            "sectors": _joined(pc.struct_field(values, "sectors")),
            "year": pc.struct_field(values, "year"),
            "quote": pc.struct_field(values, "quote"),
        }
    )
    t = c.t["agreements"]
    found = pa.table(
        {
            name: at.single(t.column(name))
            for name in ("article_id", "agreement_index", "instrument", "status", "year", "quote")
        }
    )
    found = found.append_column("sectors", _joined(t.column("sectors")))
    _inconsistent(c, "agreements", at.group_counts_differ(expected, found, expected.column_names))


def _joined(lists) -> pa.Array:
    """A list of strings as one string (a grouping key); the separator cannot occur in a cleaned value."""
    return pc.binary_join(at.single(lists), "\x1f")


def rule_evidence_table(c: _Ctx) -> None:
    a = c.t["articles"]
    aid = at.single(a.column("article_id"))
    parts, rows = [], []

    def part(mask, label, value, quote=None) -> None:
        """The evidence rows one label gives, for every article that has the label (called in the build's order)."""
        keep = np.flatnonzero(at.np_bool(mask))
        idx = pa.array(keep, pa.int64())
        quotes = at.single(quote).take(idx) if quote is not None else pa.nulls(len(keep), pa.string())
        parts.append(
            pa.table(
                {
                    "article_id": aid.take(idx),
                    "label": pa.array([label] * len(keep), pa.string()),
                    "value": at.single(value).take(idx),
                    "quote": quotes,
                }
            )
        )
        rows.append(keep)

    for column in ("outlet", "attribution"):
        part(pc.is_valid(a.column(column)), column, a.column(column))
    values, parents, position, aids = _labelled(c, "cited_sources")
    labels = pc.binary_join_element_wise("cited_sources[", pc.cast(pa.array(position), pa.string()), "]", "")
    parts.append(
        pa.table(
            {
                "article_id": aids,
                "label": labels,
                "value": pc.struct_field(values, "name"),
                "quote": pc.struct_field(values, "quote"),
            }
        )
    )
    rows.append(parents)
    part(
        pc.is_valid(a.column("published_date")),
        "published_date",
        pc.cast(a.column("published_date"), pa.string()),
    )
    weekday_quote = a.column("event_weekday_quote")
    part(
        pc.greater(pc.utf8_length(weekday_quote), 0),
        "event_weekday",
        pc.cast(a.column("event_date"), pa.string()),
        weekday_quote,
    )
    part(pc.is_valid(a.column("event_type")), "event_type", a.column("event_type"))
    expected = pa.concat_tables([p.cast(parts[0].schema) for p in parts])
    # the parts are in rank order and each is in article order: a stable sort by article alone gives (article, rank),
    # and merges the sorted runs in linear time where a two-key lexsort would sort everything
    expected = expected.take(pa.array(np.argsort(np.concatenate(rows), kind="stable")))
    e = c.t["evidence"]
    label = at.single(e.column("label"))
    with_quote = pc.or_(pc.starts_with(label, "cited_sources"), pc.equal(label, "event_weekday"))
    found = pa.table(
        {
            "article_id": at.single(e.column("article_id")),
            "label": label,
            "value": at.single(e.column("value")),
            "quote": pc.if_else(with_quote, at.single(e.column("quote")), pa.scalar(None, pa.string())),
        }
    )
    _inconsistent(
        c, "evidence", at.group_counts_differ(expected, found, ["article_id", "label", "value", "quote"])
    )


def rule_mentions_table(c: _Ctx) -> None:
    """Each mention is a labelled surface of a labelled actor in its role, and mentions of an article do not overlap.

    That every occurrence is listed (the longest-wins search of find_mentions) is checked by rule_mentions_complete.
    """
    actors, parents, position, aids = _labelled(c, "actors")
    surfaces, sp, _ = at.flatten(pc.struct_field(actors, "surfaces"))
    m = c.t["mentions"]
    # (article row, actor, role, surface) as one integer per row: codes instead of joined strings
    vocabulary = {
        "actor_id": pc.unique(pc.struct_field(actors, "actor_id")),
        "role": pa.array(list(models.ROLES)),
        "surface": pc.unique(surfaces),
    }
    labelled = _combined(
        [
            parents[sp],
            at.row_index(pc.struct_field(actors, "actor_id").take(pa.array(sp)), vocabulary["actor_id"]),
            at.row_index(pc.struct_field(actors, "role").take(pa.array(sp)), vocabulary["role"]),
            at.row_index(surfaces, vocabulary["surface"]),
        ],
        c.t["articles"].num_rows,
        vocabulary,
    )
    mention = _combined(
        [
            c.article_rows("mentions"),
            at.row_index(m.column("actor_id"), vocabulary["actor_id"]),
            at.row_index(m.column("role"), vocabulary["role"]),
            at.row_index(m.column("surface"), vocabulary["surface"]),
        ],
        c.t["articles"].num_rows,
        vocabulary,
    )
    bad = ~at.np_bool(pc.is_in(pa.array(mention), value_set=pa.array(labelled))) | (mention < 0)
    arows = c.article_rows("mentions")
    starts = at.np_int(pc.fill_null(m.column("start"), -1))
    ends = at.np_int(pc.fill_null(m.column("end"), -1))
    # the build writes mentions in (article, start) order: sort only a table that is not
    step = np.diff(arows)
    in_order = bool(np.all((step > 0) | ((step == 0) & (np.diff(starts) >= 0))))
    order = np.arange(m.num_rows) if in_order else np.lexsort((starts, arows))
    overlap = np.zeros(m.num_rows, bool)
    if m.num_rows > 1:
        same = arows[order][1:] == arows[order][:-1]
        overlap[order[1:]] = same & (starts[order][1:] < ends[order][:-1])
    _inconsistent(c, "mentions", set(c.py("mentions", "article_id", np.flatnonzero(bad | overlap))))


def _combined(codes: list[np.ndarray], n_rows: int, vocabulary: dict) -> np.ndarray:
    """Mixed-radix integer of (article row, actor, role, surface) codes; -1 where any part is unknown."""
    sizes = [n_rows + 1] + [len(v) + 1 for v in vocabulary.values()]
    if float(np.prod(sizes, dtype=np.float64)) >= 2**62:
        raise ValueError("too many distinct values to combine into one integer key")
    key = np.zeros(len(codes[0]), np.int64)
    for code, size in zip(codes, sizes):
        key = key * size + code
    return np.where(np.all([c >= 0 for c in codes], axis=0), key, -1) if len(key) else key


def rule_mentions_complete(c: _Ctx) -> None:
    """The mentions table is exactly what find_mentions gives for every article (full: one text search per surface)."""
    articles = {
        r["article_id"]: r for r in c.t["articles"].select(["article_id", "text", "actors"]).to_pylist()
    }
    expected = {
        aid: sorted(
            repr((m["actor_id"], m["role"], m["surface"], m["start"], m["end"]))
            for m in find_mentions(a["text"], a["actors"])
        )
        for aid, a in articles.items()
    }
    found: dict[str, list] = {}
    for r in c.t["mentions"].to_pylist():
        found.setdefault(r["article_id"], []).append(
            repr((r["actor_id"], r["role"], r["surface"], r["start"], r["end"]))
        )
    _inconsistent(
        c,
        "mentions",
        {aid for aid in set(expected) | set(found) if expected.get(aid, []) != sorted(found.get(aid, []))},
    )


_LETTER = "\u0621-\u064a\u066e-\u06d3"
# A weekday name as a word: not inside a longer word (الأحد is not الأحداث); و/ب/ل may be attached before it.
WEEKDAY_WORD = re.compile(rf"(?:^|(?<=[^{_LETTER}])|(?<=[وبل]))({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])")
# "اليوم الخميس": the event's own day as news texts name it.
TODAY_WEEKDAY = re.compile(
    rf"اليوم\s+({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])|(?<![{_LETTER}])({'|'.join(WEEKDAYS_AR)})،?\s+\d{{1,2}}(?!\d)"
)


def weekday_in(quote: str) -> int | None:
    m = WEEKDAY_WORD.search(quote)
    return WEEKDAYS_AR[m.group(1)] if m else None


def rule_dates(c: _Ctx) -> None:
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


def rule_weekday_recorded(c: _Ctx) -> None:
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


def rule_offices(c: _Ctx) -> None:
    """A participating person held a registered office on the event date (a join of labels and offices)."""
    actors, parents, position, aids = _labelled(c, "actors")
    if not len(actors):
        return
    registry = c.t["actors"]
    actor_id = pc.struct_field(actors, "actor_id")
    reg_row = at.row_index(actor_id, registry.column("actor_id"))
    kind = (
        at.single(registry.column("kind")).take(pa.array(np.where(reg_row >= 0, reg_row, 0)))
        if registry.num_rows
        else None
    )
    person = (reg_row >= 0) & (at.np_bool(pc.equal(kind, "person")) if kind is not None else False)
    participants = np.flatnonzero(
        at.np_bool(pc.equal(pc.struct_field(actors, "role"), "participant")) & person
    )
    if not len(participants):
        return
    event = at.single(c.col("articles", "event_date")).take(pa.array(parents[participants]))
    offices, office_actor, _ = at.flatten(registry.column("offices"))
    labels = pa.table(
        {"label": pa.array(participants), "actor_row": pa.array(reg_row[participants]), "event": event}
    )
    held = pa.table(
        {
            "actor_row": pa.array(office_actor),
            "start": pc.struct_field(offices, "start"),
            "end": pc.struct_field(offices, "end"),
        }
    )
    joined = labels.join(held, "actor_row", join_type="inner")
    covers = pc.and_kleene(
        pc.less_equal(joined.column("start"), joined.column("event")),
        pc.or_kleene(
            pc.is_null(joined.column("end")), pc.less_equal(joined.column("event"), joined.column("end"))
        ),
    )
    covered = at.np_int(pc.filter(joined.column("label"), pc.fill_null(covers, False)))
    for i in participants[~np.isin(participants, covered)]:
        aid, who, when = (
            aids[int(i)].as_py(),
            actor_id[int(i)].as_py(),
            c.t["articles"].column("event_date")[int(parents[i])].as_py(),
        )
        c.add(
            "participant-without-office",
            "articles",
            f"actors[{position[i]}].actor_id",
            aid,
            f"{who} held no registered office on the event date {when}",
            who,
        )


def rule_actor_labels(c: _Ctx) -> None:
    """An actor is labelled once per article, and a surface form names one actor."""
    actors, parents, position, aids = _labelled(c, "actors")
    if not len(actors):
        return
    actor_id = pc.struct_field(actors, "actor_id")
    first = _first_of(parents, actor_id)
    for i in np.flatnonzero(first != np.arange(len(first))):
        who = actor_id[int(i)].as_py()
        c.add(
            "duplicate-actor-label",
            "articles",
            f"actors[{position[i]}].actor_id",
            aids[int(i)].as_py(),
            f"{who} is already labelled at actors[{position[first[i]]}]",
            who,
        )
    surfaces, sp, _ = at.flatten(pc.struct_field(actors, "surfaces"))
    if not len(surfaces):
        return
    first = _first_of(parents[sp], surfaces)
    owner = actor_id.take(pa.array(sp))
    other = owner.take(pa.array(first))
    for j in np.flatnonzero(~at.np_bool(pc.equal(owner, other))):
        i = int(sp[j])
        c.add(
            "surface-two-actors",
            "articles",
            f"actors[{position[i]}].surfaces",
            aids[i].as_py(),
            f"surface {surfaces[int(j)].as_py()!r} is listed for both {other[int(j)].as_py()} and {owner[int(j)].as_py()}",
            surfaces[int(j)].as_py(),
        )


def _first_of(group: np.ndarray, values: pa.Array) -> np.ndarray:
    """For each element, the index of the first element with the same group and value."""
    codes = at.row_index(values, pc.unique(values))
    key = group * (int(codes.max()) + 1 if len(codes) else 1) + codes
    _, first_index, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first_index[inverse]


def rule_aliases_labelled(c: _Ctx) -> None:
    """Every registry alias found in a text is labelled there or waived with a reason: this catches forgotten actors."""
    registry = c.t["actors"].select(["actor_id", "aliases_ar"]).to_pylist()
    aliases = [(alias, r["actor_id"]) for r in registry for alias in r["aliases_ar"]]
    for row in c.t["articles"].select(["article_id", "text", "actors", "alias_waivers"]).to_pylist():
        aid, text = row["article_id"], row["text"]
        have = {a["actor_id"] for a in row["actors"]}
        waived = {w["alias"] for w in row["alias_waivers"]}
        for alias, actor_id in aliases:
            if alias in text and actor_id not in have and alias not in waived:
                c.add(
                    "alias-not-labelled",
                    "articles",
                    "actors",
                    aid,
                    f"registry alias {alias!r} of {actor_id} occurs in the text; label the actor or add an alias_waivers entry with a reason",
                    alias,
                )
        for i, w in enumerate(row["alias_waivers"]):
            if w["alias"] not in text:
                c.add(
                    "waiver-unused",
                    "articles",
                    f"alias_waivers[{i}].alias",
                    aid,
                    f"waived alias {w['alias']!r} does not occur in the text",
                    w["alias"],
                )


_VOCABULARY_COLUMNS = (
    ("articles", "event_date_basis", models.DATE_BASES),
    ("articles", "event_type", models.EVENT_TYPES),
    ("articles", "agreement_type", models.AGREEMENT_TYPES),
    ("articles", "review_status", models.REVIEW_STATUSES),
    ("mentions", "role", models.ROLES),
    ("agreements", "instrument", models.INSTRUMENTS),
    ("agreements", "status", models.STATUSES),
    ("agreements", "location", models.EVIDENCE_LOCATIONS),
    ("evidence", "location", models.EVIDENCE_LOCATIONS),
    ("removals", "reason", models.REMOVAL_REASONS),
)


def rule_vocabulary(c: _Ctx) -> None:
    for table, column, vocab in _VOCABULARY_COLUMNS:
        bad = np.flatnonzero(~at.np_bool(at.in_set(c.col(table, column), vocab)))
        for aid, value in zip(c.py(table, "article_id", bad), c.py(table, column, bad)):
            c.add(
                "vocabulary",
                table,
                column,
                aid,
                f"{value!r} is not in the codebook: expected one of {', '.join(vocab)}",
                value,
            )
    sectors = pc.list_flatten(at.single(c.col("agreements", "sectors")))
    for value in set(pc.filter(sectors, pc.invert(at.in_set(sectors, models.SECTORS))).to_pylist()):
        c.add("vocabulary", "agreements", "sectors", None, f"sector {value!r} is not in the codebook", value)
    kinds = pc.struct_field(pc.list_flatten(at.single(c.col("articles", "cited_sources"))), "kind")
    for value in set(pc.filter(kinds, pc.invert(at.in_set(kinds, models.CITED_KINDS))).to_pylist()):
        c.add(
            "vocabulary",
            "articles",
            "cited_sources.kind",
            None,
            f"cited source kind {value!r} is not in the codebook",
            value,
        )


def rule_derived(c: _Ctx) -> None:
    a = c.t["articles"]
    values, parents, _, _ = _labelled(c, "agreements")
    rank = np.full(a.num_rows, len(models.INSTRUMENT_RANK), np.int64)
    if len(values):
        level = at.row_index(pc.struct_field(values, "instrument"), pa.array(models.INSTRUMENT_RANK))
        concluded = at.np_bool(pc.equal(pc.struct_field(values, "status"), "concluded")) & (level >= 0)
        np.minimum.at(rank, parents[concluded], level[concluded])
    expected = pa.array(list(models.INSTRUMENT_RANK) + ["none"]).take(pa.array(rank))
    bad = np.flatnonzero(~at.np_bool(pc.equal(at.single(a.column("agreement_type")), expected)))
    for i, aid, declared in zip(
        bad, c.py("articles", "article_id", bad), c.py("articles", "agreement_type", bad)
    ):
        c.add(
            "agreement-type-mismatch",
            "articles",
            "agreement_type",
            aid,
            f"expected {expected[int(i)].as_py()!r} (derived from the concluded instruments), found {declared!r}",
            declared,
        )
    allowed = [f"{t}\x1f{code}" for t, codes in models.CAMEO_BY_EVENT_TYPE.items() for code in codes]
    pair = pc.binary_join_element_wise(a.column("event_type"), a.column("cameo_code"), "\x1f")
    bad = np.flatnonzero(
        at.np_bool(at.in_set(a.column("event_type"), models.CAMEO_BY_EVENT_TYPE))
        & ~at.np_bool(at.in_set(pair, allowed))
    )
    for aid, event_type, cameo in zip(
        c.py("articles", "article_id", bad),
        c.py("articles", "event_type", bad),
        c.py("articles", "cameo_code", bad),
    ):
        c.add(
            "cameo-mismatch",
            "articles",
            "cameo_code",
            aid,
            f"event_type {event_type!r} takes CAMEO code {' or '.join(models.CAMEO_BY_EVENT_TYPE[event_type])}, found {cameo!r}",
            cameo,
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


def rule_characters(c: _Ctx, tables: Iterable[str] = ()) -> None:
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
                    found = clean.forbidden_characters(s)
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


def rule_reviewed(c: _Ctx) -> None:
    """Only reviewed articles ship, and a review needs a second person."""
    a = c.t["articles"]
    draft = ~at.np_bool(pc.equal(a.column("review_status"), "reviewed"))
    for aid, status in zip(
        c.py("articles", "article_id", np.flatnonzero(draft)),
        c.py("articles", "review_status", np.flatnonzero(draft)),
    ):
        c.add(
            "not-reviewed",
            "articles",
            "review_status",
            aid,
            f"expected 'reviewed' in a release, found {status!r}",
            status,
        )

    def person(column: str) -> pa.ChunkedArray:  # "Alice" and " alice" are one person
        return pc.utf8_lower(pc.utf8_trim_whitespace(a.column(column)))

    same = at.np_bool(pc.equal(person("reviewer"), person("annotator")))
    lone = ~draft & (~at.np_bool(pc.is_valid(a.column("reviewer"))) | same)
    for aid, reviewer in zip(
        c.py("articles", "article_id", np.flatnonzero(lone)),
        c.py("articles", "reviewer", np.flatnonzero(lone)),
    ):
        c.add(
            "review-incomplete",
            "articles",
            "reviewer",
            aid,
            "a reviewed article needs a reviewer other than its annotator",
            reviewer,
        )


def rule_no_nulls(c: _Ctx, tables: Iterable[str]) -> None:
    """Required columns hold no nulls, and list columns hold no null elements."""
    for table in tables:
        t = c.t[table]
        for name in t.column_names:
            column, typ = t.column(name), t.schema.field(name).type
            if (
                name in columns.COLUMNS.get(table, {})
                and not columns.nullable(table, name)
                and column.null_count
            ):
                c.add(
                    "null-value", table, name, None, f"{column.null_count} null value(s) in a required column"
                )
            if (
                pa.types.is_list(typ)
                and column.null_count == 0
                and len(column)
                and pc.list_flatten(column).null_count
            ):
                c.add("null-value", table, name, None, "a list holds null elements")


ARTICLE_RULES: tuple[Callable[[_Ctx], None], ...] = (
    rule_rows,
    rule_article_ids,
    rule_actor_refs,
    rule_offsets,
    rule_text_shape,
    rule_mentions_table,
    rule_agreements_table,
    rule_evidence_table,
    rule_dates,
    rule_offices,
    rule_actor_labels,
    rule_vocabulary,
    rule_derived,
    rule_reviewed,
)
TEXT_RULES = (rule_text_hash, rule_offsets, rule_text_shape)  # they wait for the hashes and the byte scan
FULL_ARTICLE_RULES: tuple[Callable[[_Ctx], None], ...] = (
    rule_mentions_complete,
    rule_weekday_recorded,
    rule_aliases_labelled,
    rule_characters,
)
# rule_text_hash runs where `hashes` is set (run_articles): recomputing text_sha256 is, like the content fingerprints,
# a hash check that a release's file checksums make redundant unless its manifest was rewritten.
KEY_RULES: tuple[Callable[[_Ctx], None], ...] = (rule_unique_ids, rule_event_conflict, rule_some_articles)


def _guarded(ctx: _Ctx, rules: Iterable[Callable[[_Ctx], None]]) -> None:
    for rule in rules:
        try:
            rule(ctx)
        except Exception as exc:  # hostile values must give a report, never a traceback
            ctx.add(
                "rule-failed",
                "articles",
                rule.__name__,
                None,
                f"rule {rule.__name__} could not run on these tables ({exc.__class__.__name__}: {exc}); their values have an unexpected shape",
            )


def run_registry(
    actors: pa.Table, *, today: dt.date | None = None, locate: Locate = release_locator, full: bool = True
) -> list[Issue]:
    """The rules of the actor registry alone (run once, whatever the number of article partitions)."""
    ctx = _Ctx({"actors": actors}, locate, today or dt.date.today(), None, frozenset(), full)
    rule_no_nulls(ctx, ["actors"])
    if not ctx.issues:
        _guarded(ctx, [rule_registry, rule_rows] + ([rule_characters] if full else []))
    return ctx.issues


def run_articles(
    tables: Tables,
    *,
    today: dt.date | None = None,
    raw_texts: dict[str, str] | None = None,
    locate: Locate = release_locator,
    broken: Iterable[str] = (),
    full: bool = True,
    hashes: bool | None = None,
) -> list[Issue]:
    """The rules of a set of articles with their long-table rows; tables["actors"] is the registry they refer to.

    hashes: re-hash every text against text_sha256 (default: with the full rules). A release's file checksums cover
    its texts, so its fast checks leave it out; a partitioned corpus has no checksums and always re-hashes.
    """
    hashes = full if hashes is None else hashes
    ctx = _Ctx(tables, locate, today or dt.date.today(), raw_texts, frozenset(broken), full)
    names = [n for n in tables if n != "actors"]
    rule_no_nulls(ctx, names)
    if ctx.issues:
        return ctx.issues
    for table in ("mentions", "agreements", "evidence"):
        ctx.article_rows(table)  # computed once, before the threads share it
    # the full search of mentions implies what rule_mentions_table checks
    rules = (
        [r for r in ARTICLE_RULES if r is not rule_rows and not (full and r is rule_mentions_table)]
        + (list(FULL_ARTICLE_RULES) if full else [])
        + ([rule_text_hash] if hashes else [])
    )
    with ThreadPoolExecutor(2) as pool:
        # Hashing the texts and scanning their bytes run beside the other rules (hashlib and numpy release the GIL).
        if hashes:
            ctx.digests = pool.submit(at.sha256_hex, ctx.col("articles", "text"))
        scan = pool.submit(_scan_texts, ctx)
        ctx.paragraphs = pool.submit(at.paragraph_counts, ctx.col("articles", "text"))
        _guarded(ctx, [_article_rows] + [r for r in rules if r not in TEXT_RULES])
        try:
            scan.result()
        except Exception as exc:  # hostile values must give a report, never a traceback
            ctx.add(
                "rule-failed",
                "articles",
                "text_scan",
                None,
                f"the texts could not be scanned ({exc.__class__.__name__}: {exc})",
            )
            return ctx.issues
        _guarded(ctx, [r for r in rules if r in TEXT_RULES])
    return ctx.issues


def _article_rows(c: _Ctx) -> None:
    saved = c.t
    c.t = {n: t for n, t in saved.items() if n != "actors"}
    try:
        rule_rows(c)
    finally:
        c.t = saved


_article_rows.__name__ = "rule_rows"


def key_columns(articles: pa.Table) -> pa.Table:
    """The few columns of every article the key rules need (small enough to gather from every partition)."""
    return articles.select(list(KEY_COLUMNS))


def run_keys(keys: pa.Table, *, locate: Locate = release_locator, broken: Iterable[str] = ()) -> list[Issue]:
    """Uniqueness and event consistency across all articles, from their key columns."""
    ctx = _Ctx({"articles": keys}, locate, dt.date.today(), None, frozenset(broken), False)
    if any(keys.column(n).null_count for n in keys.column_names if not columns.nullable("articles", n)):
        return []  # the article rules reported the nulls
    _guarded(ctx, KEY_RULES)
    return ctx.issues


def run(
    tables: Tables,
    *,
    today: dt.date | None = None,
    raw_texts: dict[str, str] | None = None,
    locate: Locate = release_locator,
    broken: Iterable[str] = (),
    full: bool = True,
) -> list[Issue]:
    """Run every rule over the tables and return every issue found.

    broken: articles whose rows the build left out because of problems already reported (no second report).
    full: also the rules that search the texts with Python (see the module docstring).
    Nulls where the schema allows none are reported first; the other rules of that scope then do not run, and a
    rule that meets values of a shape it cannot handle reports that instead of raising.
    """
    issues = run_registry(tables["actors"], today=today, locate=locate, full=full)
    if any(
        i.code == "null-value" for i in issues
    ):  # articles cannot be checked against a registry with holes
        ctx = _Ctx(tables, locate, today or dt.date.today(), raw_texts, frozenset(broken), full)
        rule_no_nulls(ctx, [n for n in tables if n != "actors"])
        return issues + ctx.issues
    article_issues = run_articles(
        tables, today=today, raw_texts=raw_texts, locate=locate, broken=broken, full=full
    )
    issues += article_issues
    if not any(i.code == "null-value" for i in article_issues):
        issues += run_keys(key_columns(tables["articles"]), locate=locate, broken=broken)
    return issues
