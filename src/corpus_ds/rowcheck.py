"""The pydantic row models as vectorised Arrow checks, and the row-by-row pydantic reference they must agree with."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel
from corpus_ds.release_schema import ROW_SPECS

# A problem: (row, location inside the row as pydantic writes it, kind). Kinds: null, literal, ge, too_short, string.
Problem = tuple[int, tuple, str]


@dataclass(frozen=True)
class Spec:
    """What a row model demands of one value (schemagen reads it off the type annotation)."""

    optional: bool = False
    literal: tuple | None = None
    ge: int | None = None
    min_items: int | None = None
    str_min: int | None = None
    str_max: int | None = None
    non_blank: bool = False
    item: Spec | None = None
    fields: tuple | None = None


def _spec(d: dict) -> Spec:
    """A Spec from its dict in release_schema.ROW_SPECS (generated from the row models by schemagen)."""
    item, fields = d["item"], d["fields"]
    return Spec(
        **{
            **d,
            "item": _spec(item) if item is not None else None,
            "fields": tuple((name, _spec(f)) for name, f in fields) if fields is not None else None,
        }
    )


TABLE_SPECS = {table: _spec(d) for table, d in ROW_SPECS.items()}


@dataclass(frozen=True)
class _Level:
    """Where the values of one level of nesting come from, looked up only for the few values that break a rule (a
    valid release needs no row or list position of any value). The top level is a chunk's rows from `first` on; a
    list's values know their list either through the list's offsets or, where the list holds nulls, through the
    parents and positions at.flatten gives."""

    above: _Level | None
    first: int = 0
    offsets: np.ndarray | None = None
    parents: np.ndarray | None = None
    position: np.ndarray | None = None

    def up(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For values idx of this level, their lists' rows one level up and their positions in those lists."""
        if self.parents is not None:
            return self.parents[idx], self.position[idx]
        parent = np.searchsorted(self.offsets, idx + self.offsets[0], side="right") - 1
        return parent, idx + self.offsets[0] - self.offsets[parent]


def _emit(out: list, bad: np.ndarray, level: _Level, path: list, kind: str) -> None:
    """Each bad value as (row, location, kind): its row and list positions found by walking up its levels."""
    idx = np.flatnonzero(bad)
    if not len(idx):
        return
    places = {}
    while level.above is not None:
        idx, places[id(level)] = level.up(idx)
        level = level.above
    for k, row in enumerate(level.first + idx):
        out.append((int(row), tuple(p if isinstance(p, str) else int(places[id(p)][k]) for p in path), kind))


def _and(valid: np.ndarray | None, mask: np.ndarray) -> np.ndarray:
    """mask where the values are valid (valid None: every value is)."""
    return mask if valid is None else valid & mask


def _walk(
    arr: pa.Array,
    spec: Spec,
    level: _Level,
    path: list,
    live: np.ndarray | None,
    out: list,
    skip: frozenset = frozenset(),
) -> None:
    """Problems of arr and of the values inside it; live: the values whose parents are valid (None: all of them);
    skip: kinds not looked for at this level (not below it)."""
    if arr.null_count == 0:
        valid = live
    else:
        valid = _and(live, at.np_bool(pc.is_valid(arr)))
        if not spec.optional:
            _emit(out, ~valid if live is None else live & ~valid, level, path, "null")
    if not (valid.any() if valid is not None else len(arr)):
        return
    # most columns have every value in the codebook: one compiled pass says so, and no value is looked up
    if spec.literal is not None and "literal" not in skip and not checkkernel.all_in(arr, spec.literal):
        _emit(out, _and(valid, ~at.np_bool(at.in_set(arr, spec.literal))), level, path, "literal")
    if spec.ge is not None and "ge" not in skip:
        _emit(out, _and(valid, at.np_bool(pc.less(arr, spec.ge))), level, path, "ge")
    if spec.str_min is not None or spec.str_max is not None or spec.non_blank:
        length = at.np_int(at.fill_null(pc.utf8_length(arr), 0))
        bad = np.zeros(len(arr), bool)
        if spec.str_min is not None:
            bad |= length < spec.str_min
        if spec.str_max is not None:
            bad |= length > spec.str_max
        if spec.non_blank:
            bad |= at.np_bool(pc.utf8_is_space(arr)) | (length == 0)
        _emit(out, _and(valid, bad), level, path, "string")
    if spec.item is not None:
        if spec.min_items is not None:
            short = at.np_int(at.fill_null(pc.list_value_length(arr), 0)) < spec.min_items
            _emit(out, _and(valid, short), level, path, "too_short")
        _walk_items(arr, spec.item, level, path, live, out)
    if spec.fields is not None:
        for name, child in spec.fields:
            _walk(pc.struct_field(arr, name), child, level, [*path, name], valid, out)


def _walk_items(
    arr: pa.Array, spec: Spec, level: _Level, path: list, live: np.ndarray | None, out: list
) -> None:
    """The items of a list array: found through its offsets where it holds no null and every parent is valid (no
    array per item), else through at.flatten's parents and positions."""
    if arr.null_count == 0 and live is None:
        values = arr.flatten()
        if len(values):
            below = _Level(level, offsets=at.np_int(arr.offsets))
            _walk(values, spec, below, [*path, below], None, out)
        return
    values, parents, position = at.flatten(arr)
    if len(values):
        below = _Level(level, parents=parents, position=position)
        alive = (np.ones(len(arr), bool) if live is None else live)[parents]
        _walk(values, spec, below, [*path, below], alive, out)


def _plain(spec: Spec) -> bool:
    """Nothing to check but nulls."""
    return (
        spec.literal is None
        and spec.ge is None
        and spec.item is None
        and spec.fields is None
        and not (spec.str_min or spec.str_max or spec.non_blank)
    )


def problems(table: str, t, skip_top: frozenset = frozenset()) -> list[Problem]:
    """Every place where the table's rows break their row model, found column by column, chunk by chunk.

    skip_top: kinds of problem not looked for in the top-level values (another rule reports those)."""
    out: list[Problem] = []
    spec = dict(TABLE_SPECS[table].fields)
    for name in t.column_names:
        if name not in spec:
            continue
        column = t.column(name)
        chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
        first = 0
        for chunk in chunks:
            if not (_plain(spec[name]) and (spec[name].optional or chunk.null_count == 0)):
                _walk(chunk, spec[name], _Level(None, first), [name], None, out, skip_top)
            first += len(chunk)
    return sorted(out)


_KIND = {"literal_error": "literal", "greater_than_equal": "ge", "too_short": "too_short"}


def reference_problems(table: str, t) -> list[Problem]:
    """The same as problems(), found by validating every row with its pydantic model (slow; the reference)."""
    from pydantic import ValidationError

    from corpus_ds import models

    out: list[Problem] = []
    for i, row in enumerate(t.to_pylist()):
        try:
            models.TABLE_MODELS[table].model_validate(row)
        except ValidationError as exc:
            out.extend((i, tuple(e["loc"]), _KIND.get(e["type"], "other")) for e in exc.errors())
    return out
