"""The context a rule runs in (tables, how issues are located, shared derived columns) and helpers rules share."""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, vocab
from corpus_ds.errors import Issue

Tables = dict[str, pa.Table]
Locate = Callable[[str, str, str | None], tuple[str, str]]


def release_locator(table: str, column: str, article_id: str | None) -> tuple[str, str]:
    return f"{table}.parquet", column


class Context:
    """What a rule sees: every table, the tables its scope checks, where issues point, and shared derived columns."""

    def __init__(
        self,
        tables: Tables,
        checked: tuple[str, ...],
        locate: Locate,
        today: dt.date,
        *,
        raw_texts: dict[str, str] | None = None,
        broken: frozenset = frozenset(),
        full: bool = False,
    ):
        self.tables, self.checked, self.locate, self.today = tables, checked, locate, today
        self.raw_texts, self.broken, self.full = raw_texts, broken, full
        self.issues: list[Issue] = []
        self._rows: dict[str, np.ndarray] = {}
        # once known, whether the article ids are in the build's order (a list, so that forks share the answer)
        self._in_order: list[bool] = []
        # Filled by the byte scan of the texts, which runs in a thread beside the other rules (see the driver).
        self.text_scan: at.TextScan | None = None  # the reference path's scan
        self.n_chars: np.ndarray | None = None  # code points per text
        self.text_queries: dict[
            str, tuple[np.ndarray, int]
        ] = {}  # table -> (its rows in the scan, first query)
        self.quotes_in_text: dict[str, np.ndarray] = {}  # table -> whether each of those rows' quote is there
        self.quotes_error: Exception | None = None
        self.paragraphs = None  # a future: paragraphs per text
        self.digests = None  # a future: sha256 per text, where texts are re-hashed
        self._once: dict[str, object] = {}  # what once() computed, shared with the forks
        # a lock per key, so that a long computation holds up only the rules that wait for the same thing (what
        # once() computes may ask once() for a part: hence reentrant); _once_lock guards the dict of locks
        self._once_locks: dict[str, threading.RLock] = {}
        self._once_lock = threading.Lock()

    def fork(self) -> Context:
        """The same tables and shared columns with issues of its own, for a rule run in another thread."""
        twin = copy.copy(self)
        twin.issues = []
        return twin

    def once(self, key: str, compute: Callable[[Context], object]):
        """compute(self), computed once for this context and its forks: the first rule that asks computes it while
        the others wait (what several rules share, whichever thread runs them first)."""
        with self._once_lock:
            lock = self._once_locks.setdefault(key, threading.RLock())
        with lock:
            if key not in self._once:
                self._once[key] = compute(self)
            return self._once[key]

    def add(
        self, code: str, table: str, column: str, article_id: str | None, message: str, value=None
    ) -> None:
        if code == "table-inconsistent" and article_id in self.broken:
            return  # rows left out because of a problem already reported for this article
        file, field = self.locate(table, column, article_id)
        prefix = f"{article_id}: " if article_id and file.endswith(".parquet") else ""
        self.issues.append(Issue(code, file, field, prefix + message, value, article_id))

    def column(self, table: str, column: str):
        return self.tables[table].column(column)

    def values(self, table: str, column: str, where: np.ndarray) -> list:
        """Python values of the rows that fail a check (few), never of a whole column."""
        return at.take_py(self.tables[table].column(column), where)

    def each(self, table: str, where: np.ndarray, *columns: str) -> Iterator[tuple]:
        """The failing rows one by one, as tuples of their values in the named columns."""
        return zip(*(self.values(table, column, where) for column in columns))

    def ordered_kernel(self):
        """The compiled valid-or-not passes, where they are built and the article ids are sorted without repeats as
        the build writes them (each id its own canonical row, which the passes read articles by); else None."""
        kernel = checkkernel.compiled()
        if kernel is not None and not self._in_order:
            self._in_order.append(
                checkkernel.strictly_increasing(at.single(self.column("articles", "article_id")))
            )
        return kernel if kernel is not None and self._in_order[0] else None

    def article_rows(self, table: str) -> np.ndarray:
        """Row in articles of each row of a long table (-1: no such article; the last row of a duplicated id)."""
        if table not in self._rows:
            ids = at.single(self.column("articles", "article_id"))
            rows = checkkernel.sorted_rows(self.column(table, "article_id"), ids)
            if rows is None:
                rows = at.rows_in_order(self.column(table, "article_id"), ids)
            if rows is None:
                last = at.row_index(self.column(table, "article_id"), ids[::-1])
                rows = np.where(last >= 0, len(ids) - 1 - last, -1)
            self._rows[table] = rows
        return self._rows[table]


def duplicates(values) -> list:
    counts = pc.value_counts(values)
    dup = pc.filter(counts, pc.greater(counts.field("counts"), 1))
    return dup.field("values").to_pylist()


def inconsistent(ctx: Context, table: str, aids: set) -> None:
    for aid in sorted(aids, key=lambda a: (a is None, a)):
        ctx.add(
            "table-inconsistent",
            table,
            "article_id",
            aid,
            f"the {table} rows of this article differ from what its articles row implies (rows missing, added "
            "or changed)",
        )


def flat(ctx: Context, column: str) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """at.flatten of a list column of the articles, computed once for every rule that reads it (five rules flatten
    the labelled actors); its arrays are read-only, as they are shared."""
    return ctx.once(f"flat {column}", lambda c: read_only(at.flatten(c.column("articles", column))))


def flat_surfaces(ctx: Context) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """at.flatten of the surfaces of the labelled actors (flat(ctx, "actors")), computed once likewise."""
    return ctx.once(
        "flat surfaces", lambda c: read_only(at.flatten(pc.struct_field(flat(c, "actors")[0], "surfaces")))
    )


def flat_starts(ctx: Context, column: str) -> np.ndarray | None:
    """Where each article's values of flat(ctx, column) begin (int64, one more than the articles), from the list
    column's offsets, computed once; None where the rows are not in order (checkkernel.starts)."""
    return ctx.once(
        f"starts {column}",
        lambda c: _starts_of(c.column("articles", column), flat(c, column)[1], len(c.tables["articles"])),
    )


def surface_starts(ctx: Context) -> np.ndarray | None:
    """Where each labelled actor's surfaces of flat_surfaces(ctx) begin, computed once likewise."""

    def compute(c: Context) -> np.ndarray | None:
        actors = flat(c, "actors")[0]
        return _starts_of(pc.struct_field(actors, "surfaces"), flat_surfaces(c)[1], len(actors))

    return ctx.once("starts surfaces", compute)


def _starts_of(lists, parents: np.ndarray, n: int) -> np.ndarray | None:
    """checkkernel.starts(parents, n) for the values of a list array: its offsets (less the first) where no list
    is null (a null list may span values its flattening leaves out), else counted from the parents."""
    lists = at.single(lists)
    if lists.null_count or len(lists) != n:
        return checkkernel.starts(parents, n)
    offsets = at.np_int(lists.offsets)
    return read_only((offsets - offsets[0],))[0]


def registry_rows(ctx: Context, column: str) -> np.ndarray:
    """Row in the registry of the actor_id of each value of flat(ctx, column) (-1: not registered, or null),
    computed once (the labelled actors' rows are read by rule_actor_refs, rule_offices and the dyads pass)."""

    def compute(c: Context) -> np.ndarray:
        values = flat(c, column)[0]
        if not len(values):
            return np.zeros(0, np.int64)
        return read_only(
            (at.row_index(pc.struct_field(values, "actor_id"), c.column("actors", "actor_id")),)
        )[0]

    return ctx.once(f"registry rows {column}", compute)


def locations(ctx: Context, table: str) -> np.ndarray:
    """Index of each row's location among vocab.EVIDENCE_LOCATIONS (text, title, raw; -1: another value, or null),
    looked up once for the text pass, the offsets pass and rule_vocabulary."""

    def compute(c: Context) -> np.ndarray:
        column = c.column(table, "location")
        words = pa.array(list(vocab.EVIDENCE_LOCATIONS), column.type)
        return read_only((at.row_index(column, words),))[0]

    return ctx.once(f"locations {table}", compute)


def participants(ctx: Context) -> np.ndarray:
    """Whether each labelled actor (flat(ctx, "actors")) has the role participant, computed once."""

    def compute(c: Context) -> np.ndarray:
        actors = flat(c, "actors")[0]
        if not len(actors):
            return np.zeros(0, bool)
        return read_only((at.np_bool(pc.equal(pc.struct_field(actors, "role"), "participant")),))[0]

    return ctx.once("participants", compute)


def read_only(parts: tuple) -> tuple:
    """The numpy arrays among parts made read-only: a rule that changed one would change it for the others."""
    for part in parts:
        if isinstance(part, np.ndarray):
            part.flags.writeable = False
    return parts


def article_lists(ctx: Context, column: str) -> tuple[pa.Array, np.ndarray, np.ndarray, pa.Array]:
    """flat(ctx, column) with the article id of each value, computed once."""

    def compute(c: Context) -> tuple[pa.Array, np.ndarray, np.ndarray, pa.Array]:
        values, parents, position = flat(c, column)
        ids = at.single(c.column("articles", "article_id")).take(pa.array(parents, pa.int64()))
        return values, parents, position, ids

    return ctx.once(f"lists {column}", compute)


def joined(lists) -> pa.Array:
    """A list of strings as one string (a grouping key); the separator cannot occur in a cleaned value."""
    return pc.binary_join(at.single(lists), "\x1f")


def first_of(group: np.ndarray, values: pa.Array) -> np.ndarray:
    """For each element, the index of the first element with the same group and value."""
    codes = at.row_index(values, pc.unique(values))
    key = group * (int(codes.max()) + 1 if len(codes) else 1) + codes
    _, first_index, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first_index[inverse]
