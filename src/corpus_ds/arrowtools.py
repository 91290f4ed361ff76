"""Vectorised helpers over Arrow arrays: list flattening with positions, text byte scans, quotes at their offsets."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds.textkernel import Declined, _strings, extension

# Paragraphs are counted by splitting the texts a window of about this many bytes at a time: the split copies them.
WINDOW_BYTES = 8 << 20


def np_int(arr) -> np.ndarray:
    """An integer Arrow array (no nulls) as int64 numpy."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=np.int64)


THREADED_ROWS = 10_000  # below this many rows, work is done in the calling thread


class InlineExecutor(Executor):
    """Each task run at once in the calling thread (a failure kept on its future, as a thread pool keeps it)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 (kept on the future, as a thread pool would)
            future.set_exception(exc)
        return future


def executor(rows: int) -> Executor:
    """Two threads for THREADED_ROWS rows or more; the calling thread for fewer (a validation of five articles
    made thousands of thread hand-offs that cost more than the work they shared)."""
    return ThreadPoolExecutor(2) if rows >= THREADED_ROWS else InlineExecutor()


def fill_null(arr, value):
    """pc.fill_null, skipped where there is no null: the call costs tens of microseconds (it builds a scalar of the
    array's type), which adds up over the thousands of small arrays a validation of a few articles passes."""
    return arr if arr.null_count == 0 else pc.fill_null(arr, value)


def np_bool(arr) -> np.ndarray:
    """A boolean Arrow array as numpy, null counted as False."""
    return np.asarray(fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


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
    position = (
        np.arange(len(values), dtype=np.int64) + offsets[0] - offsets[parents] if len(values) else parents
    )
    return values, parents, position


def take_py(values, index: np.ndarray) -> list:
    """Python values of a few rows (used only to describe rows that fail a check)."""
    return single(values).take(pa.array(index, pa.int64())).to_pylist() if len(index) else []


def row_index(keys, reference) -> np.ndarray:
    """Row of each key in reference (first match), -1 where absent; runs of one key (long tables) are looked up once."""
    keys = single(keys)
    rows = _in_short_list(keys, single(reference))
    if rows is not None:
        return rows
    if len(keys) > 1024 and _in_runs(keys.slice(0, 4096)):
        runs = pc.run_end_encode(keys)
        if len(runs.values) * 2 < len(keys):
            ends = np_int(runs.run_ends)
            idx = np_int(fill_null(pc.index_in(runs.values, value_set=single(reference)), -1))
            return np.repeat(idx, np.diff(ends, prepend=0))
    return np_int(fill_null(pc.index_in(keys, value_set=single(reference)), -1))


def _in_short_list(keys: pa.Array, reference) -> np.ndarray | None:
    """row_index by the compiled lookup (_checkkernel.index_in: no hash table, an int64 row written per key) where the
    reference is a list of at most 1024 strings (a codebook, the registry) of the keys' type and neither side holds
    a null; None, and Arrow looks the keys up, where the lookup is not built or cannot answer."""
    kernel = extension("_checkkernel")
    if (
        kernel is None
        or not isinstance(reference, pa.Array)
        or len(reference) > 1024
        or keys.type != reference.type
        or not is_string_type(keys.type)
        or keys.null_count
        or reference.null_count
    ):
        return None
    rows = np.empty(len(keys), np.int64)
    try:
        kernel.index_in(_strings(keys), _strings(reference), rows)
    except (ValueError, Declined):
        return None
    return rows


def _in_runs(head: pa.Array) -> bool:
    """Whether the first keys come in runs (a long table's article ids): where they do not, encoding the runs of the
    whole column would cost as much as the lookup it saves (the answer is the same either way)."""
    return len(pc.run_end_encode(head).values) * 2 < len(head)


def rows_in_order(keys, reference: pa.Array):
    """Row in reference of each key when reference is strictly increasing (so unique) and keys follow it in
    runs, one run
    per reference value, in the same order (a long table as the build writes it); else None. A comparison of
    neighbours instead of a hash lookup per key."""
    runs = pc.run_end_encode(single(keys))
    values = runs.values
    if len(values) != len(reference) or not len(reference) or reference.null_count or values.null_count:
        return None
    if len(reference) > 1 and not pc.all(pc.less(reference[:-1], reference[1:])).as_py():
        return None
    if not pc.all(pc.equal(values, reference)).as_py():
        return None
    return np.repeat(np.arange(len(reference), dtype=np.int64), np.diff(np_int(runs.run_ends), prepend=0))


def _string_buffers(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (for this chunk's rows) and data bytes of a string array, zero-copy."""
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    bufs = chunk.buffers()
    offsets = np.frombuffer(bufs[1], dtype=width)[chunk.offset : chunk.offset + len(chunk) + 1].astype(
        np.int64
    )
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return offsets, data


BLOCK = 64  # bytes per entry of the character index
LOOKUP_BATCH = 1 << 14  # lookups per step of byte_of_char
_LOW = np.uint64(0x0101010101010101)


LARGE_FROM = 2**31  # bytes from which spans need 64-bit offsets (large_string)


def _offset_type(view: np.ndarray):
    """The numpy offsets type Arrow needs for spans of view: int32 (string) below 2 GB, int64 (large_string) above."""
    return np.int64 if len(view) >= LARGE_FROM else np.int32


def _utf8_spans(view: np.ndarray, bounds: np.ndarray) -> pa.Array:
    """The bytes of view between consecutive bounds (every row valid) as a string array, zero-copy, for Arrow's string
    kernels; bounds of _offset_type(view)."""
    large = bounds.dtype == np.int64
    return pa.Array.from_buffers(
        pa.large_string() if large else pa.string(),
        len(bounds) - 1,
        [None, pa.py_buffer(bounds), pa.py_buffer(view)],
    )


class _CharIndex:
    """Code point -> byte offsets in the bytes of one string chunk.

    Arrow's utf8_length (compiled, counting the bytes that start a character) counts the characters of every 64-byte
    block; a lookup finds the block by the running count, then the character's byte among the block's 8 words with a
    few numpy operations per lookup, never per byte of text.
    """

    def __init__(self, view: np.ndarray):
        self.view = view
        self.n_blocks = n_blocks = len(view) // BLOCK
        self.before = np.zeros(n_blocks + 1, np.int64)  # characters before each block
        if n_blocks:
            counts = pc.utf8_length(
                _utf8_spans(view, np.arange(0, n_blocks * BLOCK + 1, BLOCK, dtype=_offset_type(view)))
            )
            np.cumsum(counts.to_numpy(), out=self.before[1:])

    def byte_of_char(self, chars: np.ndarray) -> np.ndarray:
        """Byte position of each (chunk-wide) character index; callers pass indexes of characters that exist."""
        # a batch at a time: the temporaries (8 words per lookup) stay small, in the cache and in reused memory
        return np.concatenate(
            [self._byte_of_char(chars[i : i + LOOKUP_BATCH]) for i in range(0, len(chars), LOOKUP_BATCH)]
            or [chars]
        )

    def _byte_of_char(self, chars: np.ndarray) -> np.ndarray:
        block = np.searchsorted(self.before, chars, side="right") - 1
        rank = chars - self.before[block]  # characters into the block
        out = np.empty(len(chars), np.int64)
        inside = np.flatnonzero(block < self.n_blocks)
        if len(inside):
            b, r = block[inside], rank[inside]
            words = self.view[: self.n_blocks * BLOCK].view(np.uint64).reshape(-1, BLOCK // 8)[b]
            continuation = (
                (words >> np.uint64(7)) & ~(words >> np.uint64(6)) & _LOW
            )  # 10xxxxxx: bit 0 of each byte
            starts = _row_cumsum(
                8 - np.bitwise_count(continuation).astype(np.int64)
            )  # characters up to each word's end
            word = (starts <= r[:, None]).sum(axis=1)
            r = r - np.where(word > 0, starts[np.arange(len(word)), np.maximum(word - 1, 0)], 0)
            byte = words[np.arange(len(word)), word].view(np.uint8).reshape(-1, 8)
            is_start = ((byte & 0xC0) != 0x80).astype(np.int64)
            out[inside] = b * BLOCK + word * 8 + (_row_cumsum(is_start) <= r[:, None]).sum(axis=1)
        tail = np.flatnonzero(block >= self.n_blocks)  # the last, partial block
        if len(tail):
            tail_starts = np.flatnonzero((self.view[self.n_blocks * BLOCK :] & 0xC0) != 0x80)
            out[tail] = self.n_blocks * BLOCK + tail_starts[rank[tail]]
        return out


def _row_cumsum(m: np.ndarray) -> np.ndarray:
    """Running sums along the rows of a narrow matrix, as one pass over its flat values (numpy's axis=1 cumsum loops
    per row)."""
    flat = np.cumsum(m.ravel()).reshape(m.shape)
    return flat - np.concatenate([[0], flat[:-1, -1]])[:, None] if len(flat) else flat


def paragraph_counts(column) -> np.ndarray:
    """len(text.split("\n\n")) per non-empty row (0 when empty or null), split by Arrow a window of rows at a time
    (the split copies the text, so the copy stays small)."""
    column = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
    out = np.zeros(len(column), np.int64)
    base = 0
    for chunk in column.chunks:
        offsets, _ = _string_buffers(chunk)
        start = 0
        while start < len(chunk):
            stop = min(
                len(chunk),
                max(
                    start + 1, int(np.searchsorted(offsets, offsets[start] + WINDOW_BYTES, side="right")) - 1
                ),
            )
            out[base + start : base + stop] = np_int(
                pc.fill_null(
                    pc.list_value_length(pc.split_pattern(chunk.slice(start, stop - start), "\n\n")), 0
                )
            )
            start = stop
        out[base : base + len(chunk)][np.diff(offsets) == 0] = 0
        base += len(chunk)
    return out


class TextScan:
    """Code points per row of a string column, and the byte offset of given code point offsets.

    Offsets in the release count code points (what Python indexing uses); Arrow stores UTF-8. The character index of
    each chunk turns code point offsets into byte offsets, and quotes are then compared with the text by gathering
    bytes (quotes_match), with no Python string per row.
    """

    def __init__(self, column, rows: np.ndarray, chars: np.ndarray):
        column = column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])
        n = len(column)
        self.n_chars = np.zeros(n, np.int64)
        self.byte_pos = np.full(len(rows), -1, np.int64)  # -1: offset outside the text
        self.row_end = np.zeros(len(rows), np.int64)  # byte where the row's text ends
        self.chunk_of = np.full(len(rows), -1, np.int64)
        self.chunks = []
        starts = np.cumsum([0] + [len(chunk) for chunk in column.chunks])
        queries_of = _groups(np.searchsorted(starts, rows, side="right") - 1, column.num_chunks)
        for c, chunk in enumerate(column.chunks):
            base = int(starts[c])
            if not len(chunk):  # its offsets buffer may be empty
                self.chunks.append(np.zeros(0, np.uint8))
                continue
            offsets, data = _string_buffers(chunk)
            lo = int(offsets[0])
            view, offsets = data[lo : int(offsets[-1])], offsets - lo
            self.chunks.append(view)
            # every row's bytes are counted, a null row's too (Arrow lets it span bytes), as the character index does
            counts = np.array(
                np_int(pc.utf8_length(_utf8_spans(view, offsets.astype(_offset_type(view)))))
            )  # a writable copy
            first_char = np.zeros(len(chunk) + 1, np.int64)  # characters before each row in the chunk's bytes
            np.cumsum(counts, out=first_char[1:])
            counts[~np_bool(pc.is_valid(chunk))] = 0
            self.n_chars[base : base + len(chunk)] = counts
            mine = queries_of[c]
            local = rows[mine] - base
            k = chars[mine]
            ok = (k >= 0) & (k <= counts[local])
            at_end = ok & (k == counts[local])
            inner = ok & ~at_end
            pos = np.full(len(mine), -1, np.int64)
            pos[at_end] = offsets[local[at_end] + 1]
            if inner.any():
                pos[inner] = _CharIndex(view).byte_of_char(first_char[local[inner]] + k[inner])
            self.byte_pos[mine] = pos
            self.row_end[mine] = offsets[local + 1]
            self.chunk_of[mine] = c


def _groups(keys: np.ndarray, n: int) -> list[np.ndarray]:
    """For each k in range(n), the positions where keys == k, in order (one stable sort, not a pass per k; keys
    outside the range are left out)."""
    order = np.argsort(keys, kind="stable")
    bounds = np.searchsorted(keys[order], np.arange(n + 1))
    return [order[bounds[k] : bounds[k + 1]] for k in range(n)]


def _words_at(data: np.ndarray) -> np.ndarray:
    """data[i:i+8] read as one uint64 for every i (an overlapping view: no copy)."""
    if len(data) < 8:
        return np.zeros(0, np.uint64)
    return np.ndarray(shape=(len(data) - 7,), dtype="<u8", buffer=data, offset=0, strides=(1,))


def _equal_spans(
    a: np.ndarray, a_start: np.ndarray, b: np.ndarray, b_start: np.ndarray, lengths: np.ndarray
) -> np.ndarray:
    """Whether a[a_start:a_start+n] == b[b_start:b_start+n] for each span, comparing 8 bytes at a time."""
    equal = np.ones(len(lengths), bool)
    long_ = np.flatnonzero(lengths >= 8)
    if len(long_):
        n_words = (lengths[long_] + 7) // 8
        owner = np.repeat(np.arange(len(long_)), n_words)
        step = np.arange(len(owner)) - np.repeat(np.cumsum(n_words) - n_words, n_words)
        shift = np.minimum(
            step * 8, lengths[long_][owner] - 8
        )  # the last word ends at the span's end (overlap is fine)
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
    in_chunk = _groups(np.where(candidate, chunk, -1), len(scan.chunks))
    for c, data in enumerate(scan.chunks):
        mine = in_chunk[c]
        for i in range(0, len(mine), LOOKUP_BATCH):  # a batch at a time, as in byte_of_char
            sel = mine[i : i + LOOKUP_BATCH]
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
        out.extend(hashlib.sha256(view[a:b]).hexdigest() for a, b in itertools.pairwise(bounds))
    return out


def is_string_type(t: pa.DataType) -> bool:
    """Arrow's string or large string (what a text column may be read as)."""
    return pa.types.is_string(t) or pa.types.is_large_string(t)


def same_rows(expected: pa.Table, found: pa.Table, key: list) -> bool:
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
    if same_rows(expected, found, key):
        return set()
    both = pa.concat_tables(
        [
            expected.select(key).append_column("_side", pa.array(np.zeros(expected.num_rows, np.int8))),
            found.select(key).append_column("_side", pa.array(np.ones(found.num_rows, np.int8))),
        ]
    )
    grouped = both.group_by(key).aggregate([("_side", "sum"), ("_side", "count")])
    found_n = grouped.column("_side_sum")
    expected_n = pc.subtract(grouped.column("_side_count"), found_n)
    differ = pc.not_equal(pc.cast(found_n, pa.int64()), pc.cast(expected_n, pa.int64()))
    return set(pc.filter(grouped.column("article_id"), differ).to_pylist())


def map_unique(arr, fn, null: int) -> np.ndarray:
    """fn (giving an integer) applied once per distinct value (formulaic columns such as weekday quotes repeat a few
    values), null for a null; each row's through the codes of a dictionary encoding, by numpy."""
    encoded = single(arr).dictionary_encode()
    mapped = np.array([fn(v) for v in encoded.dictionary.to_pylist()] + [null], np.int64)
    return mapped[np_int(fill_null(encoded.indices, -1))]  # -1: the last, null's


def in_set(arr, values: Iterable) -> pa.Array:
    """Whether each value is one of values (a codebook vocabulary); null gives null."""
    return pc.is_in(arr, value_set=pa.array(list(values), type=arr.type))
