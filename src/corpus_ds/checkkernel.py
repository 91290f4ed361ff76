"""The compiled valid-or-not passes (_checkkernel.c): whether a costly rule needs to run on these tables at all.

A rule registered with `valid_if` (corpus_ds.checks) first asks its pass; when the pass vouches for the tables the rule
is skipped, as it would have reported nothing, and otherwise it runs and writes the report. So the report is always
the rule's own. The passes run where the extension is built, unless CORPUS_DS_KERNEL=python asks for the reference
path (then every rule runs), which the tests compare with.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.textkernel import Declined, _strings, extension


def compiled() -> ModuleType | None:
    """The compiled passes, or None when they are not built or the environment asks for the reference path."""
    return extension("_checkkernel")


def int64s(values) -> np.ndarray:
    """A contiguous int64 copy of an integer or boolean array, as the passes take their columns."""
    return np.ascontiguousarray(values, dtype=np.int64)


def starts(rows: np.ndarray, n: int) -> np.ndarray | None:
    """Where the rows of each of n parents begin, for rows that list their parent in order (None otherwise): the
    rows of parent i are starts[i] to starts[i + 1]."""
    if len(rows) and (rows[0] < 0 or rows[-1] >= n or bool((rows[1:] < rows[:-1]).any())):
        return None
    return int64s(np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]))


def strings(values) -> tuple:
    """(offsets, data, 64-bit offsets, first row, rows) of a string column without nulls, for a pass."""
    values = at.single(values)
    if values.null_count:
        raise Declined("null strings")
    return _strings(values)


def strictly_increasing(values: pa.Array) -> bool:
    """Sorted without repeats (article ids as the build writes them): each id is its own canonical row."""
    if values.null_count:
        return False
    return len(values) < 2 or pc.all(pc.less(values[:-1], values[1:])).as_py() is True


def sorted_rows(keys, reference) -> np.ndarray | None:
    """Row in reference of each key, -1 where absent, by one merge walk where reference strictly increases and the
    keys never decrease (a long table's article ids as the build writes them: no hash table); None where they do
    not, where there are nulls, or where the pass is not built (the caller then looks the keys up)."""
    kernel = compiled()
    keys, reference = at.single(keys), at.single(reference)
    if kernel is None or keys.null_count or reference.null_count:
        return None
    rows = np.empty(len(keys), np.int64)
    try:
        return rows if kernel.sorted_rows(_strings(keys), _strings(reference), rows) else None
    except (ValueError, Declined):
        return None


def all_in(values, vocabulary) -> bool:
    """Whether every value (strings without nulls) is one of the vocabulary's, by the compiled pass; False where
    the pass is not built or cannot answer (nulls, values or words that are not strings, a long vocabulary), and
    the caller looks each value up."""
    kernel, words = compiled(), list(vocabulary)
    if kernel is None or values.null_count or len(words) > 1024 or not all(isinstance(w, str) for w in words):
        return False
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    if not all(pa.types.is_string(c.type) for c in chunks):
        return False
    allowed = _strings(pa.array(words, pa.string()))
    return all(kernel.all_in(_strings(c), allowed) for c in chunks if len(c))


def all_slugs(values) -> bool:
    """Whether every value (strings without nulls) matches vocab.ID_PATTERN, by the compiled pass; False where the
    pass is not built or cannot answer (nulls, values that are not strings), and the caller matches each value."""
    kernel = compiled()
    if kernel is None or values.null_count:
        return False
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    if not all(at.is_string_type(c.type) for c in chunks):
        return False
    return all(kernel.slugs(_strings(c)) for c in chunks if len(c))
