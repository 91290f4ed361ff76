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
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa

from corpus_ds import arrowtools as at
from corpus_ds import columns
from corpus_ds.errors import Issue
from corpus_ds.rules.actors import rule_actor_labels, rule_actor_refs, rule_aliases_labelled, rule_offices
from corpus_ds.rules.context import Context, Locate, Tables, release_locator
from corpus_ds.rules.dates import rule_dates, rule_weekday_recorded
from corpus_ds.rules.keys import KEY_COLUMNS, rule_event_conflict, rule_some_articles, rule_unique_ids
from corpus_ds.rules.long_tables import (
    rule_agreements_table,
    rule_evidence_table,
    rule_mentions_complete,
    rule_mentions_table,
)
from corpus_ds.rules.registry import rule_registry
from corpus_ds.rules.review import rule_reviewed
from corpus_ds.rules.rows import rule_article_ids, rule_derived, rule_no_nulls, rule_rows, rule_vocabulary
from corpus_ds.rules.text import (
    _scan_texts,
    rule_characters,
    rule_offsets,
    rule_text_hash,
    rule_text_shape,
)

# --- key rules: small columns of every article -------------------------------------------------------------------


# --- registry rules: the actors table --------------------------------------------------------------------------


# --- article rules -----------------------------------------------------------------------------------------------


ARTICLE_RULES: tuple[Callable[[Context], None], ...] = (
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
FULL_ARTICLE_RULES: tuple[Callable[[Context], None], ...] = (
    rule_mentions_complete,
    rule_weekday_recorded,
    rule_aliases_labelled,
    rule_characters,
)
# rule_text_hash runs where `hashes` is set (run_articles): recomputing text_sha256 is, like the content fingerprints,
# a hash check that a release's file checksums make redundant unless its manifest was rewritten.
KEY_RULES: tuple[Callable[[Context], None], ...] = (rule_unique_ids, rule_event_conflict, rule_some_articles)


def _guarded(ctx: Context, rules: Iterable[Callable[[Context], None]]) -> None:
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
    ctx = Context({"actors": actors}, locate, today or dt.date.today(), None, frozenset(), full)
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
    ctx = Context(tables, locate, today or dt.date.today(), raw_texts, frozenset(broken), full)
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


def _article_rows(c: Context) -> None:
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
    ctx = Context({"articles": keys}, locate, dt.date.today(), None, frozenset(broken), False)
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
        ctx = Context(tables, locate, today or dt.date.today(), raw_texts, frozenset(broken), full)
        rule_no_nulls(ctx, [n for n in tables if n != "actors"])
        return issues + ctx.issues
    article_issues = run_articles(
        tables, today=today, raw_texts=raw_texts, locate=locate, broken=broken, full=full
    )
    issues += article_issues
    if not any(i.code == "null-value" for i in article_issues):
        issues += run_keys(key_columns(tables["articles"]), locate=locate, broken=broken)
    return issues
