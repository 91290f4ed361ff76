"""Vectorised helpers over Arrow arrays: list flattening with positions, text byte scans, quotes at their offsets."""

from __future__ import annotations

import hashlib
from typing import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Text bytes are scanned in windows of about this size, so temporary arrays stay small whatever the corpus size.
WINDOW_BYTES = 8 << 20


def np_int(arr) -> np.ndarray:
    """An integer Arrow array (no nulls) as int64 numpy."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=np.int64)


def np_bool(arr) -> np.ndarray:
    """A boolean Arrow array as numpy, null counted as False."""
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def single(arr) -> pa.Array:
    """One contiguous array from a (chunked) array; only used on columns far from the 2 GB string limit."""
    if isinstance(arr, pa.ChunkedArray):
        return arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    return arr


def flatten(arr) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """A list array's values with, for each value, the row of its list and its position in that list."""
    arr = single(arr)
    values = arr.flatten()
    parents = np_int(pc.list_parent_indices(arr)) if len(values) else np.zeros(0, np.int64)
    offsets = np_int(arr.offsets)
    position = np.arange(len(values), dtype=np.int64) + offsets[0] - offsets[parents] if len(values) else parents
    return values, parents, position


def take_py(values, index: np.ndarray) -> list:
    """Python values of a few rows (used only to describe rows that fail a check)."""
    return single(values).take(pa.array(index, pa.int64())).to_pylist() if len(index) else []


def row_index(keys, reference) -> np.ndarray:
    """Row of each key in reference (first match), -1 where absent; runs of one key (long tables) are looked up once."""
    keys = single(keys)
    if len(keys) > 1024:
        runs = pc.run_end_encode(keys)
        if len(runs.values) * 2 < len(keys):
            ends = np_int(runs.run_ends)
            idx = np_int(pc.fill_null(pc.index_in(runs.values, value_set=single(reference)), -1))
            return np.repeat(idx, np.diff(ends, prepend=0))
    return np_int(pc.fill_null(pc.index_in(keys, value_set=single(reference)), -1))


def _string_buffers(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (for this chunk's rows) and data bytes of a string array, zero-copy."""
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    bufs = chunk.buffers()
    offsets = np.frombuffer(bufs[1], dtype=width)[chunk.offset: chunk.offset + len(chunk) + 1].astype(np.int64)
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return offsets, data


WORDS = 16  # uint64 words per block of the character index
BLOCK = WORDS * 8
_LOW = np.uint64(0x0101010101010101)
_HIGH = np.uint64(0x8080808080808080)
_NEWLINES = np.uint64(0x0A0A0A0A0A0A0A0A)


CACHE_WORDS = 1 << 15  # words per step of the word loops: temporaries that stay in the CPU cache


def _index_words(view: np.ndarray, per_word: np.ndarray) -> np.ndarray:
    """One pass over the whole 8-byte words of view, a cache-sized step at a time: character starts per word
    (a continuation byte is 10xxxxxx) into per_word, and the words holding a newline."""
    a, b = np.empty(CACHE_WORDS, np.uint64), np.empty(CACHE_WORDS, np.uint64)
    count = np.empty(CACHE_WORDS, np.uint8)
    words = view[: len(per_word) * 8].view(np.uint64)
    newline_words = []
    for w0 in range(0, len(words), CACHE_WORDS):
        w = words[w0: w0 + CACHE_WORDS]
        n = len(w)
        np.right_shift(w, np.uint64(7), out=a[:n])
        np.right_shift(w, np.uint64(6), out=b[:n])
        np.invert(b[:n], out=b[:n])
        np.bitwise_and(a[:n], b[:n], out=a[:n])
        np.bitwise_and(a[:n], _LOW, out=a[:n])
        np.bitwise_count(a[:n], out=count[:n])
        np.subtract(np.uint8(8), count[:n], out=per_word[w0: w0 + n])
        np.bitwise_xor(w, _NEWLINES, out=a[:n])  # a newline byte becomes a zero byte
        np.subtract(a[:n], _LOW, out=b[:n])
        np.invert(a[:n], out=a[:n])
        np.bitwise_and(a[:n], b[:n], out=a[:n])
        np.bitwise_and(a[:n], _HIGH, out=a[:n])
        hits = np.flatnonzero(a[:n])
        if len(hits):
            newline_words.append(hits + w0)
    return np.concatenate(newline_words) if newline_words else np.zeros(0, np.int64)


class _ByteText:
    """The bytes of one string chunk with an index of character starts: code point <-> byte offsets.

    Counting the character starts eight bytes at a time gives the characters starting in each word (uint8: one byte
    of index per 8 bytes of text) and, per block of 128 bytes, the characters before it (int64). A lookup sums 16
    index bytes and reads 8 text bytes.
    """

    def __init__(self, offsets: np.ndarray, data: np.ndarray):
        self.lo = int(offsets[0])
        self.view = data[self.lo: int(offsets[-1])]
        self.offsets = offsets - self.lo
        n_words = -(-len(self.view) // 8)
        n_blocks = -(-n_words // WORDS)
        self.per_word = per_word = np.zeros(n_blocks * WORDS, np.uint8)  # characters starting in each word
        full = len(self.view) // 8
        self.newline_words = _index_words(self.view, per_word[:full])
        if full < n_words:
            per_word[full] = int(((self.view[full * 8:] & 0xC0) != 0x80).sum())
        self.before = np.zeros(n_blocks + 1, np.int64)  # characters before each block
        np.cumsum(per_word.reshape(-1, WORDS).sum(axis=1, dtype=np.int64), out=self.before[1:])

    def _word_bytes(self, words: np.ndarray) -> np.ndarray:
        """The 8 bytes of each word, one uint64 gather; past the end they read as continuation bytes (never counted)."""
        out = np.full((len(words), 8), 0x80, np.uint8)
        whole = words * 8 + 8 <= len(self.view)
        if whole.any():
            out[whole] = _words_at(self.view)[words[whole] * 8].view(np.uint8).reshape(-1, 8)
        for i in np.flatnonzero(~whole):  # the last, partial word of the buffer
            tail = self.view[words[i] * 8:]
            out[i, :len(tail)] = tail
        return out

    def chars_before(self, positions: np.ndarray) -> np.ndarray:
        """Number of characters before each byte position."""
        word = positions // 8
        is_start = (self._word_bytes(word) & 0xC0) != 0x80
        is_start &= np.arange(8) < (positions - word * 8)[:, None]
        block = word // WORDS
        counts = self.per_word.reshape(-1, WORDS)[np.minimum(block, len(self.before) - 2)] if len(self.per_word) else np.zeros((len(word), WORDS), np.uint8)
        within = (counts * (np.arange(WORDS) < (word - block * WORDS)[:, None])).sum(axis=1, dtype=np.int64)
        return self.before[block] + within * (block < len(self.before) - 1) + is_start.sum(axis=1)

    def byte_of_char(self, chars: np.ndarray) -> np.ndarray:
        """Byte position of each (chunk-wide) character index; callers pass indexes of characters that exist."""
        block = np.searchsorted(self.before, chars, side="right") - 1
        rank = (chars - self.before[block]).astype(np.uint8)  # < 128 characters into the block
        counts = self.per_word.reshape(-1, WORDS)[block]
        prefix = np.cumsum(counts, axis=1, dtype=np.uint8) - counts  # characters before each word of the block
        word_in_block = (prefix <= rank[:, None]).sum(axis=1, dtype=np.int64) - 1
        word = block * WORDS + word_in_block
        rank -= prefix[np.arange(len(block)), word_in_block]
        is_start = (self._word_bytes(word) & 0xC0) != 0x80
        return word * 8 + np.argmax(np.cumsum(is_start, axis=1, dtype=np.uint8) > rank[:, None], axis=1)

    def paragraphs(self) -> np.ndarray:
        """len(text.split("\\n\\n")) per non-empty row (0 when empty): runs of k newlines hold k // 2 separators."""
        lengths = np.diff(self.offsets)
        paragraphs = (lengths > 0).astype(np.int64)
        full = len(self.view) // 8
        found = []
        candidates = self.newline_words  # words holding a newline byte (found while indexing)
        if len(candidates):
            at = (candidates[:, None] * 8 + np.arange(8)).ravel()
            found.append(at[self.view[at] == 10])
        found.append(np.flatnonzero(self.view[full * 8:] == 10) + full * 8)
        newlines = np.concatenate(found)
        if len(newlines):
            row = np.searchsorted(self.offsets, newlines, side="right") - 1
            run_start = np.ones(len(newlines), bool)
            run_start[1:] = (np.diff(newlines) != 1) | (np.diff(row) != 0)
            run_len = np.bincount(np.cumsum(run_start) - 1)
            paragraphs += np.bincount(row[run_start], weights=run_len // 2, minlength=len(paragraphs)).astype(np.int64)
        return paragraphs


class TextScan:
    """Code points and paragraphs per row of a string column, and the byte offset of given code point offsets.

    Offsets in the release count code points (what Python indexing uses); Arrow stores UTF-8. The block index of
    _ByteText turns code point offsets into byte offsets, and quotes are then compared with the text by gathering
    bytes (quotes_match), with no Python string per row.
    """

    def __init__(self, column, rows: np.ndarray, chars: np.ndarray, paragraphs: bool = True):
        column = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
        n = len(column)
        self.n_chars = np.zeros(n, np.int64)
        self.n_paragraphs = np.zeros(n, np.int64)
        self.byte_pos = np.full(len(rows), -1, np.int64)  # -1: offset outside the text
        self.row_end = np.zeros(len(rows), np.int64)  # byte where the row's text ends
        self.chunk_of = np.full(len(rows), -1, np.int64)
        self.chunks = []
        base = 0
        for c, chunk in enumerate(column.chunks):
            offsets, data = _string_buffers(chunk)
            text = _ByteText(offsets, data)
            self.chunks.append(text.view)
            first_char = text.chars_before(text.offsets)
            counts = np.diff(first_char)
            self.n_chars[base: base + len(chunk)] = counts
            if paragraphs:
                self.n_paragraphs[base: base + len(chunk)] = text.paragraphs()
            mine = np.flatnonzero((rows >= base) & (rows < base + len(chunk)))
            local = rows[mine] - base
            k = chars[mine]
            ok = (k >= 0) & (k <= counts[local])
            at_end = ok & (k == counts[local])
            inner = ok & ~at_end
            pos = np.full(len(mine), -1, np.int64)
            pos[at_end] = text.offsets[local[at_end] + 1]
            pos[inner] = text.byte_of_char(first_char[local[inner]] + k[inner])
            self.byte_pos[mine] = pos
            self.row_end[mine] = text.offsets[local + 1]
            self.chunk_of[mine] = c
            base += len(chunk)


def _words_at(data: np.ndarray) -> np.ndarray:
    """data[i:i+8] read as one uint64 for every i (an overlapping view: no copy)."""
    if len(data) < 8:
        return np.zeros(0, np.uint64)
    return np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data, offset=0, strides=(1,))


def _equal_spans(a: np.ndarray, a_start: np.ndarray, b: np.ndarray, b_start: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Whether a[a_start:a_start+n] == b[b_start:b_start+n] for each span, comparing 8 bytes at a time."""
    equal = np.ones(len(lengths), bool)
    long_ = np.flatnonzero(lengths >= 8)
    if len(long_):
        n_words = (lengths[long_] + 7) // 8
        owner = np.repeat(np.arange(len(long_)), n_words)
        step = np.arange(len(owner)) - np.repeat(np.cumsum(n_words) - n_words, n_words)
        shift = np.minimum(step * 8, lengths[long_][owner] - 8)  # the last word ends at the span's end (overlap is fine)
        aw, bw = _words_at(a), _words_at(b)
        differs = aw[a_start[long_][owner] + shift] != bw[b_start[long_][owner] + shift]
        equal[long_[np.unique(owner[differs])]] = False
    short = np.flatnonzero((lengths > 0) & (lengths < 8))
    if len(short):
        k = np.arange(8)
        inside = k < lengths[short][:, None]
        ai = np.minimum(a_start[short][:, None] + k, len(a) - 1)
        bi = np.minimum(b_start[short][:, None] + k, len(b) - 1)
        equal[short] = ~((a[ai] != b[bi]) & inside).any(axis=1)
    return equal


def quotes_match(scan: TextScan, queries: np.ndarray, quote_rows: np.ndarray, quotes) -> np.ndarray:
    """Whether each quote's bytes are the text's bytes from its scanned start (so its code point end matches too)."""
    ok = np.zeros(len(queries), bool)
    q_offsets, q_data = _string_buffers(single(quotes))
    bs = scan.byte_pos[queries]
    chunk = scan.chunk_of[queries]
    q_len = q_offsets[quote_rows + 1] - q_offsets[quote_rows]
    candidate = (bs >= 0) & (bs + q_len <= scan.row_end[queries])
    for c, data in enumerate(scan.chunks):
        sel = np.flatnonzero(candidate & (chunk == c))
        if len(sel):
            ok[sel] = _equal_spans(data, bs[sel], q_data, q_offsets[quote_rows[sel]], q_len[sel])
    return ok


def sha256_hex(column) -> list[str]:
    """sha256 of every string's UTF-8 bytes, read straight from the Arrow buffers (hashlib releases the GIL)."""
    out: list[str] = []
    column = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
    for chunk in column.chunks:
        offsets, data = _string_buffers(chunk)
        view = memoryview(data)
        bounds = offsets.tolist()
        out.extend(hashlib.sha256(view[a:b]).hexdigest() for a, b in zip(bounds, bounds[1:]))
    return out


def _same_rows(expected: pa.Table, found: pa.Table, key: list) -> bool:
    """The same rows in the same order (what the build writes): then the multisets are equal too."""
    if expected.num_rows != found.num_rows:
        return False
    for name in key:
        e, f = single(expected.column(name)), single(found.column(name))
        if e.null_count != f.null_count or not e.type.equals(f.type):
            return False
        same = pc.equal(e, f)
        if same.null_count != e.null_count or not pc.all(pc.fill_null(same, True)).as_py():
            return False
        if e.null_count and not pc.all(pc.equal(pc.is_null(e), pc.is_null(f))).as_py():
            return False
    return True


def group_counts_differ(expected: pa.Table, found: pa.Table, key: Iterable[str]) -> set:
    """article_ids whose rows differ as multisets between expected and found (rows missing, added or changed)."""
    key = list(key)
    if _same_rows(expected, found, key):
        return set()
    both = pa.concat_tables([expected.select(key).append_column("_side", pa.array(np.zeros(expected.num_rows, np.int8))),
                             found.select(key).append_column("_side", pa.array(np.ones(found.num_rows, np.int8)))])
    grouped = both.group_by(key).aggregate([("_side", "sum"), ("_side", "count")])
    found_n = grouped.column("_side_sum")
    expected_n = pc.subtract(grouped.column("_side_count"), found_n)
    differ = pc.not_equal(pc.cast(found_n, pa.int64()), pc.cast(expected_n, pa.int64()))
    return set(pc.filter(grouped.column("article_id"), differ).to_pylist())


def map_unique(arr, fn, type: pa.DataType) -> pa.Array:
    """fn applied once per distinct value (formulaic columns such as weekday quotes repeat a few values)."""
    encoded = single(arr).dictionary_encode()
    mapped = pa.array([fn(v) for v in encoded.dictionary.to_pylist()], type)
    return mapped.take(encoded.indices)


def in_set(arr, values: Iterable) -> pa.Array:
    """Whether each value is one of values (a codebook vocabulary); null gives null."""
    return pc.is_in(arr, value_set=pa.array(list(values), type=arr.type))
