"""Rules on single rows: the row models (nulls, vocabularies, lengths), ids and derived columns."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, columns, rowcheck, vocab
from corpus_ds.checks import check
from corpus_ds.rules.context import Context, flat, locations

# Top-level codebook words and counts are reported by other rules (rule_vocabulary, rule_offsets, and the
# registry's rules for the actors' kind and sector), so the row models leave them out there.
REPORTED_ELSEWHERE = frozenset({"literal", "ge"})


@check(("registry", "articles"), "row-invalid")
def rule_rows(ctx: Context) -> None:
    """Every row fits its row model (the reference), checked column by column: nested nulls, vocabularies, lengths."""
    for table in ctx.checked:
        t = ctx.tables[table]
        ids = t.column("article_id") if "article_id" in t.column_names else t.column("actor_id")
        for row, loc, kind in rowcheck.problems(table, t, skip_top=REPORTED_ELSEWHERE):
            aid = ids[row].as_py()
            where = ".".join(str(p) for p in loc)
            ctx.add(
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


@check("articles", "bad-id")
def rule_article_ids(ctx: Context) -> None:
    for column in ("article_id", "event_id"):
        values = ctx.column("articles", column)
        if checkkernel.all_slugs(values):
            continue  # every id a slug, by one compiled pass: no regex runs
        bad = np.flatnonzero(~at.np_bool(pc.match_substring_regex(values, vocab.ID_PATTERN)))
        for value in ctx.values("articles", column, bad):
            ctx.add(
                "bad-id",
                "articles",
                column,
                value if column == "article_id" else None,
                f"expected lower-case ASCII words joined by '-', found {value!r}",
                value,
            )


_VOCABULARY_COLUMNS = (
    ("articles", "event_date_basis", vocab.DATE_BASES),
    ("articles", "event_type", vocab.EVENT_TYPES),
    ("articles", "agreement_type", vocab.AGREEMENT_TYPES),
    ("articles", "review_status", vocab.REVIEW_STATUSES),
    ("mentions", "role", vocab.ROLES),
    ("agreements", "instrument", vocab.INSTRUMENTS),
    ("agreements", "status", vocab.STATUSES),
    ("agreements", "location", vocab.EVIDENCE_LOCATIONS),
    ("dyads", "code", vocab.DYAD_CODES),
    ("dyads", "location", vocab.EVIDENCE_LOCATIONS),
    ("evidence", "location", vocab.EVIDENCE_LOCATIONS),
    ("removals", "reason", vocab.REMOVAL_REASONS),
)


@check("articles", "vocabulary")
def rule_vocabulary(ctx: Context) -> None:
    for table, column, allowed in _VOCABULARY_COLUMNS:
        located = column == "location" and at.is_string_type(ctx.column(table, column).type)
        if located and (locations(ctx, table) >= 0).all():
            continue  # every location in the codebook, by the lookup the text and offsets passes share
        if checkkernel.all_in(ctx.column(table, column), allowed):
            continue  # every value in the codebook, by one compiled pass
        bad = np.flatnonzero(~at.np_bool(at.in_set(ctx.column(table, column), allowed)))
        for aid, value in ctx.each(table, bad, "article_id", column):
            ctx.add(
                "vocabulary",
                table,
                column,
                aid,
                f"{value!r} is not in the codebook: expected one of {', '.join(allowed)}",
                value,
            )
    sectors = pc.list_flatten(at.single(ctx.column("agreements", "sectors")))
    for value in set(pc.filter(sectors, pc.invert(at.in_set(sectors, vocab.SECTORS))).to_pylist()):
        ctx.add(
            "vocabulary", "agreements", "sectors", None, f"sector {value!r} is not in the codebook", value
        )
    kinds = pc.struct_field(pc.list_flatten(at.single(ctx.column("articles", "cited_sources"))), "kind")
    for value in set(pc.filter(kinds, pc.invert(at.in_set(kinds, vocab.CITED_KINDS))).to_pylist()):
        ctx.add(
            "vocabulary",
            "articles",
            "cited_sources.kind",
            None,
            f"cited source kind {value!r} is not in the codebook",
            value,
        )


_AGREEMENT_TYPES = [*vocab.INSTRUMENT_RANK, "none"]  # rank -> the agreement type it gives
_CAMEO_TYPES = list(vocab.CAMEO_BY_EVENT_TYPE)
_CAMEO_CODES = sorted({code for codes in vocab.CAMEO_BY_EVENT_TYPE.values() for code in codes})
# _CAMEO_ALLOWED[event type, code]: whether an article of that event type may carry that CAMEO code
_CAMEO_ALLOWED = np.array(
    [[code in vocab.CAMEO_BY_EVENT_TYPE[t] for code in _CAMEO_CODES] for t in _CAMEO_TYPES], bool
)
assert len(set(_AGREEMENT_TYPES)) == len(_AGREEMENT_TYPES)  # a place among them is one type


def _index(values, words: list) -> np.ndarray:
    """Index of each value among the words (the first equal), -1 where none is or the value is null."""
    return at.row_index(values, pa.array(words, at.single(values).type))


@check("articles", "agreement-type-mismatch", "cameo-mismatch")
def rule_derived(ctx: Context) -> None:
    a = ctx.tables["articles"]
    values, parents, _ = flat(ctx, "agreements")
    rank = np.full(a.num_rows, len(vocab.INSTRUMENT_RANK), np.int64)
    if len(values):
        level = at.row_index(pc.struct_field(values, "instrument"), pa.array(vocab.INSTRUMENT_RANK))
        concluded = at.np_bool(pc.equal(pc.struct_field(values, "status"), "concluded")) & (level >= 0)
        np.minimum.at(rank, parents[concluded], level[concluded])
    # the declared type's place among the ranked types (and "none"), against the rank the instruments give
    bad = np.flatnonzero(_index(a.column("agreement_type"), _AGREEMENT_TYPES) != rank)
    for i, aid, declared in zip(
        bad, ctx.values("articles", "article_id", bad), ctx.values("articles", "agreement_type", bad)
    ):
        ctx.add(
            "agreement-type-mismatch",
            "articles",
            "agreement_type",
            aid,
            f"expected {_AGREEMENT_TYPES[rank[i]]!r} (derived from the concluded instruments), found {declared!r}",
            declared,
        )
    # each article's (event type, CAMEO code) looked up in the table of allowed pairs by their indexes
    event_type = _index(a.column("event_type"), _CAMEO_TYPES)
    cameo_code = _index(a.column("cameo_code"), _CAMEO_CODES)
    allowed = _CAMEO_ALLOWED[np.maximum(event_type, 0), np.maximum(cameo_code, 0)] & (cameo_code >= 0)
    bad = np.flatnonzero((event_type >= 0) & ~allowed)
    for aid, event_type, cameo in ctx.each("articles", bad, "article_id", "event_type", "cameo_code"):
        ctx.add(
            "cameo-mismatch",
            "articles",
            "cameo_code",
            aid,
            f"event_type {event_type!r} takes CAMEO code {' or '.join(vocab.CAMEO_BY_EVENT_TYPE[event_type])}, "
            f"found {cameo!r}",
            cameo,
        )


@check("nulls", "null-value")
def rule_no_nulls(ctx: Context) -> None:
    """Required columns hold no nulls, and list columns hold no null elements."""
    for table in ctx.checked:
        t = ctx.tables[table]
        for name in t.column_names:
            column, typ = t.column(name), t.schema.field(name).type
            if (
                name in columns.COLUMNS.get(table, {})
                and not columns.nullable(table, name)
                and column.null_count
            ):
                ctx.add(
                    "null-value", table, name, None, f"{column.null_count} null value(s) in a required column"
                )
            if (
                pa.types.is_list(typ)
                and column.null_count == 0
                and len(column)
                and pc.list_flatten(column).null_count
            ):
                ctx.add("null-value", table, name, None, "a list holds null elements")
