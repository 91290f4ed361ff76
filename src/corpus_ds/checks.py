"""The registry of checks: every function that reports issues, registered once with its scope and its codes."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from corpus_ds.errors import ISSUE_CODES, raising

# Where a check runs, in the order a corpus is checked.
SCOPES = {
    "source files": "Reading one source file of data/ (YAML, strict JSON types, the models).",
    "data tree": "The files of a data directory together: ids, raw captures, links, cleaning, evidence.",
    "release files": "Reading a release directory: manifest, checksums, exact schemas, metadata, fingerprints.",
    "nulls": "First in every scope below: a null where none is allowed stops that scope's other rules.",
    "registry": "The actors table, once per corpus.",
    "articles": "Any set of articles with their long-table rows (a release, a partition, a Dask task).",
    "keys": "A few columns of every article: uniqueness and events, across partitions.",
    "driver": "The rule driver itself: a rule that cannot run on hostile values.",
    "repository": "A checkout: the committed release against what the sources build to.",
}
# The modules that hold checks, so that the registry is complete whatever was imported before.
MODULES = ("sources", "build", "release_format", "rules", "validate", "partitioned")


@dataclass(frozen=True)
class Check:
    """One registered check: its name, where it runs, the codes it may raise and when the rule driver runs it."""

    name: str
    scopes: tuple[str, ...]
    codes: tuple[str, ...]
    run: Callable
    full: bool = False  # only with the full checks (they search whole texts)
    fast_only: bool = False  # not with the full checks, whose rules imply it
    rehash: bool = False  # where texts are re-hashed: the full checks and partitions
    text_scan: bool = False  # waits for the byte scan of the texts
    # a compiled pass that says the rule would find nothing (then it is skipped; otherwise it runs and reports)
    valid_if: Callable | None = None
    # the part of a text rule's pass the text pass does not decide, done while the text pass runs (Context.once)
    prepare: Callable | None = None

    @property
    def summary(self) -> str:
        return (self.run.__doc__ or "").strip().split("\n", 1)[0]


CHECKS: dict[str, Check] = {}


def check(
    scopes: str | tuple[str, ...],
    *codes: str,
    full: bool = False,
    fast_only: bool = False,
    rehash: bool = False,
    text_scan: bool = False,
    valid_if: Callable | None = None,
    prepare: Callable | None = None,
) -> Callable[[Callable], Callable]:
    """Register a function that reports issues, with its scopes and every code it may raise (enforced as it runs)."""
    scopes = (scopes,) if isinstance(scopes, str) else scopes
    unknown = [s for s in scopes if s not in SCOPES] + [c for c in codes if c not in ISSUE_CODES]
    if unknown or not codes:
        raise ValueError(f"@check: unknown scopes or codes {unknown}, or no code declared")

    def register(func: Callable) -> Callable:
        name = f"{func.__module__.removeprefix('corpus_ds.')}.{func.__name__}"
        declared = frozenset(codes)

        @functools.wraps(func)
        def run(*args, **kwargs):
            with raising(name, declared):
                return func(*args, **kwargs)

        if name in CHECKS:
            raise ValueError(f"@check: {name} is registered twice")
        CHECKS[name] = Check(name, scopes, codes, run, full, fast_only, rehash, text_scan, valid_if, prepare)
        return run

    return register


def in_scope(scope: str) -> list[Check]:
    """The checks of one scope, in the order they were registered."""
    return [c for c in CHECKS.values() if scope in c.scopes]


def all_checks() -> dict[str, Check]:
    """Every registered check (importing every module that holds checks)."""
    for module in MODULES:
        importlib.import_module(f"corpus_ds.{module}")
    return CHECKS


def raised_by(code: str) -> list[Check]:
    """The checks that may raise a code, in the order of their scopes, then by name (whatever the import order)."""
    order = list(SCOPES)
    found = [c for c in all_checks().values() if code in c.codes]
    return sorted(found, key=lambda c: (order.index(c.scopes[0]), c.name))
