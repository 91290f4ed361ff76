"""Consistency rules over the release tables, vectorised over Arrow columns, and the driver that runs them in order.

The rules come in three scopes so that the same functions validate one release, a partitioned corpus read batch by
batch, or partitions spread over a cluster: registry rules (the actors table, once), article rules (any set of
articles together with their long-table rows), and key rules (a few small columns of every article and of every
instrument row: uniqueness, and event and instrument consistency across partitions). A few rules search whole
texts (mention completeness, registry aliases, day-of-event phrases, forbidden characters: compiled passes over the
texts' bytes, Arrow's regexes and an Aho-Corasick search pick the articles an exact per-article check then runs on,
corpus_ds.textsearch) or
re-hash every text (text_sha256); they run when `full` is set (building, `corpus-ds validate`,
load(validate="full")), not when loading a release whose bytes match the manifest of a validated build. Partitions,
which no manifest vouches for, are re-hashed.

Each rule is a function of a Context, registered once with `@check` (corpus_ds.checks): its scopes, the codes it may
raise, and when it runs (`full`, `fast_only`, `rehash`, `text_scan`). The topic modules hold the rules; this module
holds the one order every corpus is checked in, whether it is a release, a partition or a Dask task.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future
from queue import Empty, SimpleQueue

import pyarrow as pa

from corpus_ds import arrowtools as at
from corpus_ds import checks, columns
from corpus_ds.checks import Check, check
from corpus_ds.errors import Issue
from corpus_ds.rules.context import Context, Locate, Tables, release_locator
from corpus_ds.rules.event_data import INSTRUMENT_KEY_COLUMNS
from corpus_ds.rules.keys import KEY_COLUMNS
from corpus_ds.rules.rows import rule_no_nulls
from corpus_ds.rules.text import start_text_scan

# Importing the topic modules registers their rules, in this order: the order of their issues in a report.
TOPICS = ("rows", "registry", "actors", "long_tables", "dates", "review", "text", "keys", "event_data")
for _topic in TOPICS:
    importlib.import_module(f"corpus_ds.rules.{_topic}")

__all__ = [
    "INSTRUMENT_KEY_COLUMNS",
    "KEY_COLUMNS",
    "Context",
    "Locate",
    "Tables",
    "in_order",
    "instrument_key_columns",
    "key_columns",
    "release_locator",
    "run",
]


def selected(scope: str, *, full: bool, rehash: bool) -> list[Check]:
    """The rules of a scope that run with these options, in registration order."""
    return [
        c
        for c in checks.in_scope(scope)
        if (full or not c.full) and not (full and c.fast_only) and (rehash or not c.rehash)
    ]


@check("driver", "rule-failed")
def run_guarded(ctx: Context, rules: Iterable[Check]) -> None:
    """Run rules one after another; a rule that raises on hostile values becomes an issue, never a traceback."""
    for rule in rules:
        try:
            if vouched_for(ctx, rule):
                continue
            rule.run(ctx)
        except Exception as exc:  # noqa: BLE001 (any failure of a rule on hostile values is reported)
            name = rule.run.__name__
            ctx.add(
                "rule-failed",
                "articles",
                name,
                None,
                f"rule {name} could not run on these tables ({exc.__class__.__name__}: {exc}); "
                "their values have an unexpected shape",
            )


def vouched_for(ctx: Context, rule: Check) -> bool:
    """The rule's compiled pass says it would find nothing here. A pass that cannot answer (values of a shape it
    does not take) leaves the rule to run: it never decides what the report says."""
    if rule.valid_if is None:
        return False
    try:
        return bool(rule.valid_if(ctx))
    except Exception:  # noqa: BLE001 (the rule itself then runs and reports, or reports that it failed)
        return False


def run_shared(
    ctx: Context, rules: list[Check], pool: Executor, scan: Future, beside: Iterable[Callable[[], None]] = ()
) -> None:
    """Rules taken in turn by this thread and a thread of the pool (Arrow, numpy and the text pass release the GIL),
    each reporting into a fork of ctx; their issues then join ctx's in the rules' order, the report one thread would
    give. A rule that needs the text pass waits for it and is left out if it failed. So a rule must leave nothing on
    the context for another rule: only its issues are gathered.

    The rules that need the text pass come last (the caller sorts them so). Before the rules the threads take the
    text rules' preparations (the part of their passes the text pass does not decide) and the jobs beside (the key
    rules): work that would otherwise wait for the text pass, while a core stood idle, and then run alone."""
    forks: list[Context | None] = [None] * len(rules)
    first_text = next((i for i, rule in enumerate(rules) if rule.text_scan), len(rules))

    def rule_job(i: int) -> Callable[[], None]:
        def job() -> None:
            if rules[i].text_scan and scan.exception() is not None:
                return
            forks[i] = ctx.fork()  # made now: a text rule's fork sees what the finished pass left on ctx
            run_guarded(forks[i], [rules[i]])

        return job

    todo: SimpleQueue[Callable[[], None]] = SimpleQueue()
    # the long jobs first, so that no thread takes one up when the other has nothing left to do
    for job in [*(_preparing(ctx, r) for r in rules[first_text:] if r.prepare is not None), *beside]:
        todo.put(job)
    for i in range(len(rules)):
        todo.put(rule_job(i))

    def drain() -> None:
        while True:
            try:
                job = todo.get_nowait()
            except Empty:
                return
            job()

    helper = pool.submit(drain)
    drain()
    helper.result()
    for fork in forks:
        if fork is not None:
            ctx.issues.extend(fork.issues)


def _preparing(ctx: Context, rule: Check) -> Callable[[], None]:
    """A text rule's preparation as a job: what it computes is left for its pass (Context.once); a failure is left
    for the pass too, which computes it again, fails, and lets the rule run and report."""

    def job() -> None:
        with contextlib.suppress(Exception):  # the pass meets the failure again and declines
            rule.prepare(ctx)

    return job


@check("driver", "rule-failed")
def _text_scan_failed(ctx: Context, exc: Exception) -> None:
    """The byte scan of the texts failed: the rules that need it cannot run."""
    ctx.add(
        "rule-failed",
        "articles",
        "text_scan",
        None,
        f"the texts could not be scanned ({exc.__class__.__name__}: {exc})",
    )


def run_registry(
    actors: pa.Table, *, today: dt.date | None = None, locate: Locate = release_locator, full: bool = True
) -> list[Issue]:
    """The rules of the actor registry alone (run once, whatever the number of article partitions)."""
    ctx = Context({"actors": actors}, ("actors",), locate, today or dt.date.today(), full=full)
    rule_no_nulls(ctx)
    if not ctx.issues:
        run_guarded(ctx, selected("registry", full=full, rehash=False))
    return ctx.issues


def article_nulls(tables: Tables, *, locate: Locate = release_locator) -> list[Issue]:
    """Nulls where none are allowed in the article tables (all that is checked beside a registry with holes)."""
    ctx = Context(tables, _article_tables(tables), locate, dt.date.today())
    rule_no_nulls(ctx)
    return ctx.issues


def _article_tables(tables: Tables) -> tuple[str, ...]:
    return tuple(name for name in tables if name != "actors")


def _executor(tables: Tables) -> Executor:
    """Two threads for a corpus, the calling thread alone below 10,000 rows in all the tables together."""
    return at.executor(sum(t.num_rows for t in tables.values()))


def run_articles(
    tables: Tables,
    *,
    today: dt.date | None = None,
    raw_texts: dict[str, str] | None = None,
    locate: Locate = release_locator,
    broken: Iterable[str] = (),
    full: bool = True,
    hashes: bool | None = None,
    beside: Iterable[Callable[[], None]] = (),
) -> list[Issue]:
    """The rules of a set of articles with their long-table rows; tables["actors"] is the registry they refer to.

    hashes: re-hash every text against text_sha256 (default: with the full rules). A release's file checksums cover
    its texts, so its fast checks leave it out; a partitioned corpus has no checksums and always re-hashes.
    beside: jobs the rules' threads take up too, while the text pass runs (run() gives the key rules); none runs
    where a null stops the rules.
    """
    hashes = full if hashes is None else hashes
    ctx = Context(
        tables,
        _article_tables(tables),
        locate,
        today or dt.date.today(),
        raw_texts=raw_texts,
        broken=frozenset(broken),
        full=full,
    )
    rule_no_nulls(ctx)
    if ctx.issues:
        return ctx.issues
    rules = selected("articles", full=full, rehash=hashes)
    with _executor(tables) as pool:
        # computed once, before the rules share them; two at a time (the merge walk runs without the GIL)
        for _ in pool.map(ctx.article_rows, ("evidence", "mentions", "dyads", "agreements")):
            pass
        # Hashing the texts and scanning their bytes run beside the other rules (hashlib and numpy release the GIL).
        if hashes:
            ctx.digests = pool.submit(at.sha256_hex, ctx.column("articles", "text"))
        scan, ctx.paragraphs = start_text_scan(ctx, pool)
        # the rules that need the text pass last, as their issues come last in a report
        run_shared(ctx, sorted(rules, key=lambda r: r.text_scan), pool, scan, beside)
        if scan.exception() is not None:  # hostile values must give a report, never a traceback
            _text_scan_failed(ctx, scan.exception())
    return ctx.issues


def key_columns(articles: pa.Table) -> pa.Table:
    """The few columns of every article the key rules need (small enough to gather from every partition)."""
    return articles.select(list(KEY_COLUMNS))


def instrument_key_columns(agreements: pa.Table) -> pa.Table:
    """The columns of every instrument row the key rules need (instrument identity across articles)."""
    return agreements.select(list(INSTRUMENT_KEY_COLUMNS))


def run_keys(
    keys: pa.Table,
    instruments: pa.Table | None = None,
    *,
    locate: Locate = release_locator,
    broken: Iterable[str] = (),
) -> list[Issue]:
    """Uniqueness and event and instrument consistency across all articles, from their key columns.

    instruments: instrument_key_columns of the agreements of those articles (none: no instrument is checked).
    """
    if instruments is None:
        instruments = instrument_key_columns(columns.schema("agreements").empty_table())
    for table, name in ((keys, "articles"), (instruments, "agreements")):
        if any(table.column(n).null_count for n in table.column_names if not columns.nullable(name, n)):
            return []  # the article rules reported the nulls
    ctx = Context(
        {"articles": keys, "agreements": instruments},
        ("articles",),
        locate,
        dt.date.today(),
        broken=frozenset(broken),
    )
    run_guarded(ctx, selected("keys", full=False, rehash=False))
    return ctx.issues


def in_order(
    registry_issues: Callable[[], list[Issue]],
    article_issues: Callable[[], Iterable[list[Issue]]],
    key_issues: Callable[[], list[Issue]],
    beside_a_broken_registry: Callable[[], list[Issue]] = list,
) -> list[Issue]:
    """The order every corpus is checked in, whole or in partitions: the registry first; then the articles (a batch
    at a time), unless the registry holds nulls (articles cannot be checked against a registry with holes); then the
    keys across all articles, unless the articles hold nulls."""
    issues = registry_issues()
    if _has_nulls(issues):
        return issues + beside_a_broken_registry()
    found = [issue for batch in article_issues() for issue in batch]
    issues += found
    if not _has_nulls(found):
        issues += key_issues()
    return issues


def _has_nulls(issues: list[Issue]) -> bool:
    return any(i.code == "null-value" for i in issues)


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
    keys: Future = Future()

    def key_issues() -> list[Issue]:
        return run_keys(
            key_columns(tables["articles"]),
            instrument_key_columns(tables["agreements"]),
            locate=locate,
            broken=broken,
        )

    def keys_beside() -> None:
        # the key rules need only what the article rules need, so the article rules' threads run them too, while
        # the text pass runs (alone after the article rules, they kept one core idle); their issues still come last
        try:
            keys.set_result(key_issues())
        except Exception as exc:  # noqa: BLE001 (raised where the issues are asked for, as it was run there)
            keys.set_exception(exc)

    return in_order(
        lambda: run_registry(tables["actors"], today=today, locate=locate, full=full),
        lambda: [
            run_articles(
                tables,
                today=today,
                raw_texts=raw_texts,
                locate=locate,
                broken=broken,
                full=full,
                beside=[keys_beside],
            )
        ],
        lambda: keys.result() if keys.done() else key_issues(),
        lambda: article_nulls(tables, locate=locate),
    )
