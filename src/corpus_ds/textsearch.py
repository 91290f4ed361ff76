"""Searching whole texts for the full checks: many texts folded at once, many patterns searched at once
(Aho-Corasick), and the rows that need a closer look picked out by Arrow's compiled regular expressions.

The full rules use these to find the few articles where their exact per-article check could report something; the
exact check (the same code as before) then runs on those articles only, so the findings are unchanged.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator

import ahocorasick
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.arabic import _FOLD, _folded_char, fold, is_forbidden

BATCH_ROWS = 8192  # rows converted to Python objects at a time: memory stays bounded whatever the corpus size

# The characters checked once per process (folding, the character policy) to decide what the compiled prefilters may
# pass: the Latin, Arabic and general punctuation blocks, where the characters of a news text are.
COMMON_BLOCKS = [*range(0x0800), *range(0x2000, 0x2070)]
# The characters bulk folding replaces (when folding changes them): the spelling variants, line breaks and tabs,
# tatweel and the harakat. A text holding any other character that folding changes is folded one character at a time.
_BULK_CHANGED = "\n\t\r\u0640" + "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"


def batches(table: pa.Table, names: list[str]) -> Iterator[tuple[int, list[dict]]]:
    """(first row, rows as dicts) of the named columns, BATCH_ROWS rows at a time."""
    for start in range(0, table.num_rows, BATCH_ROWS):
        yield start, table.select(names).slice(start, BATCH_ROWS).to_pylist()


def _without_surrogates(runs: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for a, b in runs:
        for lo, hi in ((a, min(b, 0xD7FF)), (max(a, 0xE000), b)):
            if lo <= hi:
                yield lo, hi


def _ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted code points as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for c in sorted(codes):
        if runs and runs[-1][1] == c - 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def re2_class(codes: Iterable[int], negated: bool = False) -> str:
    """An RE2 character class of code points."""
    return re2_ranges(_ranges(codes), negated)


def re2_ranges(runs: Iterable[tuple[int, int]], negated: bool = False) -> str:
    """An RE2 character class of (first, last) code point runs (surrogates left out: UTF-8 cannot hold them)."""
    parts = []
    for a, b in _without_surrogates(runs):
        parts.append(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}")
    return "[" + ("^" if negated else "") + "".join(parts) + "]"


@functools.cache
def _bulk_fold() -> tuple[tuple[tuple[str, str], ...], str]:
    """The replacements that fold a text in bulk, each applied before any whose output holds its source, and an RE2
    class of every character they leave that folding would change (a text holding one is folded char by char)."""
    unchanged = {c for c in COMMON_BLOCKS if _folded_char(chr(c)) == chr(c)}
    changed = {ch: _folded_char(ch) for ch in [*_FOLD, *_BULK_CHANGED] if _folded_char(ch) != ch}
    ordered: list[tuple[str, str]] = []
    while changed:
        # a replacement goes before every replacement whose source its output holds (which would change it again)
        ready = [s for s, out in changed.items() if not any(o in out for o in changed if o != s)]
        if not ready:
            break  # a cycle: those characters are left to folding char by char
        for s in ready:
            ordered.append((s, changed.pop(s)))
    handled = unchanged | {ord(s) for s, _ in ordered}
    return tuple(ordered), re2_class(handled, negated=True)


@functools.cache
def maybe_forbidden() -> str:
    """An RE2 class of every character outside the common blocks and of the forbidden ones inside them: a string
    that holds none of them holds no forbidden character (arabic.forbidden_characters)."""
    return re2_class([c for c in COMMON_BLOCKS if not is_forbidden(chr(c))], negated=True)


def needs_char_fold(texts) -> np.ndarray:
    """Whether each text holds a character bulk folding does not handle (Arrow's compiled regex, no Python)."""
    return at.np_bool(pc.fill_null(pc.match_substring_regex(texts, _bulk_fold()[1]), False))


SEPARATOR = (
    "\u200b"  # joins a batch of texts to fold: a character bulk folding leaves to char-by-char folding
)


def fold_all(texts: list[str], char_by_char: Iterable[bool]) -> list[str]:
    """fold(text)[0] of every text: most by a few str.replace over the whole batch, the marked ones one by one."""
    char_by_char = list(char_by_char)
    joined = SEPARATOR.join(t for t, slow in zip(texts, char_by_char) if not slow)
    for source, target in _bulk_fold()[0]:
        joined = joined.replace(source, target)
    while "  " in joined:  # folding keeps one space of a run
        joined = joined.replace("  ", " ")
    bulk = iter(joined.split(SEPARATOR))
    return [fold(t)[0] if slow else next(bulk) for t, slow in zip(texts, char_by_char)]


class Patterns:
    """Many patterns searched in a text at once (an Aho-Corasick automaton); empty patterns are never found."""

    def __init__(self, patterns: Iterable[str]):
        self.patterns = list(dict.fromkeys(p for p in patterns if p))
        self.automaton = ahocorasick.Automaton()
        for i, pattern in enumerate(self.patterns):
            self.automaton.add_word(pattern, i)
        if self.patterns:
            self.automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        """The patterns that occur in text."""
        if not self.patterns:
            return set()
        return {self.patterns[i] for _, i in self.automaton.iter(text)}

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """(start, pattern) of every occurrence, overlapping ones included, by start then pattern."""
        if not self.patterns:
            return []
        return sorted(
            (end - len(self.patterns[i]) + 1, self.patterns[i]) for end, i in self.automaton.iter(text)
        )


def rows_matching(table: pa.Table, column: str, pattern: str) -> np.ndarray:
    """Rows of a string column (top level) in which the RE2 pattern matches."""
    return np.flatnonzero(
        at.np_bool(pc.fill_null(pc.match_substring_regex(table.column(column), pattern), False))
    )


def string_leaves(arr: pa.Array, rows: np.ndarray | None = None) -> Iterator[tuple[pa.Array, np.ndarray]]:
    """Every string array nested in arr, with the top-level row of each of its values."""
    rows = np.arange(len(arr)) if rows is None else rows
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        yield arr, rows
    elif pa.types.is_list(t) or pa.types.is_large_list(t):
        flat = arr.flatten()
        parents = at.np_int(pc.list_parent_indices(arr))
        yield from string_leaves(flat, rows[parents] if len(parents) else parents)
    elif pa.types.is_struct(t):
        for i in range(t.num_fields):
            yield from string_leaves(arr.field(i), rows)


def rows_with(column, pattern: str) -> np.ndarray:
    """Top-level rows of a column (strings, or lists and structs holding strings) where any string matches."""
    hit = np.zeros(len(column), bool)
    base = 0
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    for chunk in chunks:
        for leaf, rows in string_leaves(chunk):
            if len(leaf):
                match = at.np_bool(pc.fill_null(pc.match_substring_regex(leaf, pattern), False))
                hit[base + rows[match]] = True
        base += len(chunk)
    return hit


def pairwise_overlap(spans: list[tuple[int, int]]) -> bool:
    """Whether any two (start, end) spans, sorted by start, overlap."""
    return any(b[0] < a[1] for a, b in itertools.pairwise(spans))
