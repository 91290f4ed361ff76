"""Searching whole texts for the full checks: texts folded and many patterns searched at once (Aho-Corasick), and
the rows that need a closer look picked out, by the compiled text extension from the Arrow buffers where it is built
(else texts folded a batch at a time, pyahocorasick, and Arrow's compiled regular expressions).

The full rules use these to find the few articles where their exact per-article check could report something; the
exact check (the same code as before) then runs on those articles only, so the findings are unchanged.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.arabic import SPELLING_FOLDS, WEEKDAYS_AR, fold, fold_char, is_forbidden

BATCH_ROWS = 8192  # rows converted to Python objects at a time: memory stays bounded whatever the corpus size

# The characters checked once per process (folding, the character policy) to decide what the compiled prefilters may
# pass: the Latin, Arabic and general punctuation blocks, where the characters of a news text are.
COMMON_BLOCKS = [*range(0x0800), *range(0x2000, 0x2070)]
# The characters bulk folding replaces (when folding changes them): the spelling variants, line breaks and tabs,
# tatweel and the harakat. A text holding any other character that folding changes is folded one character at a time.
_BULK_CHANGED = "\n\t\r\u0640" + "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"


@dataclasses.dataclass
class ArticleBatch:
    """A batch of articles as the full text rules read them: texts, labelled actors, whether any name is waived;
    the whole row (row()) only for the few articles a rule checks one by one."""

    articles: pa.Table
    first: int
    texts: list[str]
    waives: np.ndarray

    def row(self, k: int, names: list[str]) -> dict:
        return self.articles.select(names).slice(self.first + k, 1).to_pylist()[0]

    @functools.cached_property
    def _labelled(self) -> tuple[pa.Array, list[int], list[str]]:
        labelled, parents, _ = at.flatten(self.articles.column("actors").slice(self.first, len(self.texts)))
        return labelled, parents.tolist(), pc.struct_field(labelled, "actor_id").to_pylist()

    @functools.cached_property
    def actor_ids(self) -> list[set[str]]:
        """Per article, the actors it labels."""
        _, parents, ids = self._labelled
        out: list[set] = [set() for _ in self.texts]
        for p, actor_id in zip(parents, ids):
            out[p].add(actor_id)
        return out

    @functools.cached_property
    def labels(self) -> list[dict[str, list[tuple[str, str]]]]:
        """Per article, surface -> [(actor_id, role)] of every label that lists it, in label order."""
        labelled, parents, ids = self._labelled
        roles = pc.struct_field(labelled, "role").to_pylist()
        surfaces, owners, _ = at.flatten(pc.struct_field(labelled, "surfaces"))
        out: list[dict] = [{} for _ in self.texts]
        for owner, surface in zip(owners.tolist(), surfaces.to_pylist()):
            out[parents[owner]].setdefault(surface, []).append((ids[owner], roles[owner]))
        return out


def waiving(articles: pa.Table) -> np.ndarray:
    """The articles that waive a name (alias_waivers not empty)."""
    return at.np_bool(pc.greater(pc.list_value_length(articles.column("alias_waivers")), 0))


def article_batches(articles: pa.Table) -> Iterator[ArticleBatch]:
    """The articles BATCH_ROWS at a time (their texts as Python strings, a batch at a time: bounded memory)."""
    waives = waiving(articles)
    for first in range(0, articles.num_rows, BATCH_ROWS):
        texts = articles.column("text").slice(first, BATCH_ROWS).to_pylist()
        yield ArticleBatch(articles, first, texts, waives[first : first + len(texts)])


def has_null_labels(articles: pa.Table) -> bool:
    """Whether a label of the actors column is null (the per-article checks read those as they are)."""
    labelled, _, _ = at.flatten(articles.column("actors"))
    return bool(labelled.null_count) or bool(pc.struct_field(labelled, "actor_id").null_count)


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


# Code units bulk folding gives in place of a dropped character and of one it does not handle: noncharacters outside
# the common blocks, so that a text holding one of them is itself left to char-by-char folding.
_DROPPED = 0xFFFF
_UNHANDLED = 0xFFFE


@functools.cache
def _bulk_fold() -> pa.Array:
    """For each UTF-16 code unit, what bulk folding makes of it: the unit it becomes, _DROPPED, or _UNHANDLED (a
    character outside the common blocks, or one folding changes otherwise: the text is then folded char by char)."""
    table = np.full(0x10000, _UNHANDLED, np.uint16)
    for c in COMMON_BLOCKS:
        if fold_char(chr(c)) == chr(c):
            table[c] = c
    for ch in [*SPELLING_FOLDS, *_BULK_CHANGED]:
        out = fold_char(ch)
        if len(out) <= 1:
            table[ord(ch)] = ord(out) if out else _DROPPED
    table[ord(SEPARATOR)] = ord(SEPARATOR)
    return pa.array(table)


@functools.cache
def maybe_forbidden() -> str:
    """An RE2 class of every character outside the common blocks and of the forbidden ones inside them: a string
    that holds none of them holds no forbidden character (arabic.forbidden_characters)."""
    return re2_class([c for c in COMMON_BLOCKS if not is_forbidden(chr(c))], negated=True)


SEPARATOR = "\u200b"  # joins a batch of texts: a character folding drops, so no folded text or name holds it


def fold_all(texts: list[str]) -> list[str]:
    """fold(text)[0] of every text: the batch as one array of UTF-16 code units mapped through a table; a text
    holding a character the table does not handle (outside the common blocks) is folded char by char."""
    bulk = [i for i, t in enumerate(texts) if SEPARATOR not in t]
    units = np.frombuffer(SEPARATOR.join(texts[i] for i in bulk).encode("utf-16-le"), np.uint16)
    mapped = pc.take(_bulk_fold(), pa.array(units)).to_numpy()  # Arrow takes uint16 indices as they are
    unhandled = np.flatnonzero(mapped == _UNHANDLED)
    slow = set(range(len(texts))) - set(bulk)
    if len(unhandled):
        separators = np.flatnonzero(units == ord(SEPARATOR))
        slow |= {bulk[k] for k in np.searchsorted(separators, unhandled).tolist()}
    folded = dict(zip(bulk, _folded_units(mapped).split(SEPARATOR)))
    return [fold(t)[0] if i in slow else folded[i] for i, t in enumerate(texts)]


def _folded_units(mapped: np.ndarray) -> str:
    """The text of mapped code units: dropped ones left out, one space of each run of spaces kept."""
    if (mapped == _DROPPED).any():
        mapped = mapped[mapped != _DROPPED]
    space = mapped == ord(" ")
    keep = np.ones(len(mapped), bool)
    keep[1:] = ~(space[1:] & space[:-1])
    return mapped[keep].tobytes().decode("utf-16-le")


# transitions of the compiled search's table (64 MB): a bound a registry cannot pass
MAX_TABLE_CELLS = 1 << 24


class Patterns:
    """Many patterns searched in a text at once (an Aho-Corasick automaton); empty patterns are never found."""

    def __init__(self, patterns: Iterable[str]):
        import ahocorasick  # only the full checks search texts: the default load() never imports it

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

    @functools.cached_property
    def tables(self) -> tuple[np.ndarray, np.ndarray, int, np.ndarray, np.ndarray] | None:
        """The same automaton as dense tables for the compiled search: each folded unit's symbol, the transitions
        (states x symbols), and the patterns each state completes (its own and its fallbacks'). None for a
        registry so large that the table would hold more than MAX_TABLE_CELLS transitions (the Python automaton
        then searches)."""
        alphabet = sorted({c for p in self.patterns for c in p})
        if (sum(map(len, self.patterns)) + 1) * (len(alphabet) + 1) > MAX_TABLE_CELLS:
            return None
        symbol_of = {c: k + 1 for k, c in enumerate(alphabet)}  # 0: a character of no pattern
        symbols = np.zeros(0x10000, np.int32)
        for c, k in symbol_of.items():
            if ord(c) < 0x10000:
                symbols[ord(c)] = k
        goto: list[dict[int, int]] = [{}]
        ends: list[list[int]] = [[]]
        for i, pattern in enumerate(self.patterns):
            state = 0
            for c in pattern:
                state = goto[state].setdefault(symbol_of[c], len(goto))
                if state == len(goto):
                    goto.append({})
                    ends.append([])
            ends[state].append(i)
        delta = np.zeros((len(goto), len(alphabet) + 1), np.int32)
        fail = [0] * len(goto)
        queue = list(goto[0].values())
        delta[0, list(goto[0])] = queue
        for state in queue:  # breadth first: a state's fallback is settled before its children's
            ends[state] = ends[state] + ends[fail[state]]
            for symbol, child in goto[state].items():
                fail[child] = int(delta[fail[state], symbol]) if state else 0
                queue.append(child)
            delta[state] = delta[fail[state]]
            for symbol, child in goto[state].items():
                delta[state, symbol] = child
        starts = np.concatenate([[0], np.cumsum([len(e) for e in ends])]).astype(np.int64)
        ids = np.array([i for e in ends for i in e], np.int64)
        return symbols, np.ascontiguousarray(delta), len(alphabet) + 1, starts, ids


def patterns_in_texts(
    texts: pa.ChunkedArray, patterns: Patterns, flag_forbidden: bool = False
) -> tuple[np.ndarray, ...] | None:
    """Which patterns each folded text holds, by the compiled search over the Arrow buffers (no Python strings): a
    bit per pattern (row i, pattern p: found[i, p // 64] >> (p % 64) & 1), and which texts it folded (the others
    hold a character the table leaves to fold()). flag_forbidden: also, in the same pass, the texts that may hold a
    forbidden character (rows_maybe_forbidden). None where the compiled search is not built or declines."""
    from corpus_ds import textkernel

    kernel = textkernel.compiled()
    if kernel is None or texts.null_count or not hasattr(kernel, "patterns_found") or patterns.tables is None:
        return None
    symbols, delta, n_symbols, starts, ids = patterns.tables
    table = np.frombuffer(_kernel_fold(), np.uint16)
    words = (len(patterns.patterns) + 63) // 64
    found = np.zeros((len(texts), words), np.uint64)
    folded = np.zeros(len(texts), np.uint8)
    hit = np.zeros(len(texts) if flag_forbidden else 0, np.uint8)
    base = 0
    for chunk in texts.chunks:
        end = base + len(chunk)
        flags = (_maybe_forbidden_bits(), hit[base:end]) if flag_forbidden else ()
        try:
            kernel.patterns_found(
                *textkernel._strings(chunk), table, symbols, delta, n_symbols, starts, ids,
                len(patterns.patterns), found[base:end], folded[base:end], *flags,
            )  # fmt: skip
        except (ValueError, textkernel.Declined):
            return None
        base = end
    return (found, folded.view(bool), hit.view(bool)) if flag_forbidden else (found, folded.view(bool))


@functools.cache
def weekday_keys() -> tuple[str, ...]:
    """The weekday names as the folded texts hold them: a text that names a weekday holds one of these once folded
    (folding maps character by character and no name holds a space), so they prefilter rule_weekday_recorded.
    Folded when first asked for: folding imports the regex module, which the validating load does not need."""
    return tuple(dict.fromkeys(fold(name)[0] for name in WEEKDAYS_AR))


@dataclasses.dataclass
class Searched:
    """What one compiled pass over the texts found for the full rules that search them: the bits of the patterns
    each folded text holds (the registry's names and the weekday names), the texts it folded, and the texts that
    may hold a forbidden character."""

    patterns: Patterns
    found: np.ndarray
    folded: np.ndarray
    maybe_forbidden: np.ndarray

    def rows_with_any(self, keys: Iterable[str]) -> np.ndarray:
        """The texts that hold one of these patterns, or that the pass could not fold (left to the exact check)."""
        index = {p: i for i, p in enumerate(self.patterns.patterns)}
        out = ~self.folded
        for key in keys:
            if key in index:
                out = out | has_pattern(self.found, index[key])
        return out


def search_texts(texts: pa.ChunkedArray, names: Iterable[str]) -> Searched | None:
    """The registry's folded names, the weekday names and the forbidden characters, searched in every text at once
    (one compiled pass); None where the compiled search is not built or declines."""
    patterns = Patterns([*names, *weekday_keys()])
    result = patterns_in_texts(texts, patterns, flag_forbidden=True)
    return None if result is None else Searched(patterns, *result)


@functools.cache
def _kernel_fold() -> bytes:
    """The bulk fold table for one text at a time: the separator joins no batch here, so it folds as fold() does."""
    table = np.array(_bulk_fold(), np.uint16)
    folded = fold_char(SEPARATOR)
    table[ord(SEPARATOR)] = _DROPPED if not folded else ord(folded) if len(folded) == 1 else _UNHANDLED
    return table.tobytes()


def has_pattern(found: np.ndarray, p: int) -> np.ndarray:
    """The rows whose bits (patterns_in_texts) hold pattern p."""
    return ((found[:, p // 64] >> np.uint64(p % 64)) & np.uint64(1)).astype(bool)


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


@functools.cache
def _maybe_forbidden_bits() -> bytes:
    """maybe_forbidden() as a bit per code point of the Basic Multilingual Plane (beyond it every one may be)."""
    flagged = np.ones(0x10000, bool)
    flagged[[c for c in COMMON_BLOCKS if not is_forbidden(chr(c))]] = False
    return np.packbits(flagged, bitorder="little").tobytes()


def rows_maybe_forbidden(column) -> np.ndarray:
    """rows_with(column, maybe_forbidden()), by the compiled pass where it is built: the top-level rows where a
    string holds a character outside the common blocks or a forbidden one inside them (or bytes not UTF-8)."""
    from corpus_ds import textkernel

    kernel = textkernel.compiled()
    if kernel is None or not hasattr(kernel, "chars_in"):
        return rows_with(column, maybe_forbidden())
    hit = np.zeros(len(column), bool)
    for start, leaf, rows in _leaves(column):
        flags = np.zeros(len(leaf), np.uint8)
        try:
            kernel.chars_in(*textkernel._strings(leaf), _maybe_forbidden_bits(), flags)
        except (ValueError, textkernel.Declined):
            return rows_with(column, maybe_forbidden())
        hit[start + rows[flags.view(bool)]] = True
    return hit


def _leaves(column) -> list[tuple[int, pa.Array, np.ndarray]]:
    """Every string array nested in each chunk of a column: (the chunk's first row, the strings, their rows in it)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    starts = np.cumsum([0, *map(len, chunks)])
    return [
        (start, leaf, rows) for start, chunk in zip(starts, chunks) for leaf, rows in string_leaves(chunk)
    ]


def rows_with(column, pattern: str) -> np.ndarray:
    """Top-level rows of a column (strings, or lists and structs holding strings) where any string matches; the
    chunks are searched in two threads (Arrow's regex engine runs without the GIL)."""
    hit = np.zeros(len(column), bool)
    leaves = _leaves(column)

    def search(leaf: tuple[int, pa.Array, np.ndarray]) -> pa.Array:
        return pc.match_substring_regex(leaf[1], pattern)

    with at.executor(len(column) if len(leaves) > 1 else 0) as pool:
        matches = list(pool.map(search, leaves))
    for (start, _, rows), match in zip(leaves, matches):
        hit[start + rows[at.np_bool(at.fill_null(match, False))]] = True
    return hit
