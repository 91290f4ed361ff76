"""The compiled pass over the texts (_textkernel.c): code points, paragraphs and quotes at their offsets, in one pass.

It computes exactly what the reference path computes (arrowtools.TextScan, quotes_match, paragraph_counts), from the
Arrow buffers without copying them. The reference stays: it runs when the extension is not built, when
CORPUS_DS_KERNEL=python asks for it, and whenever the compiled pass declines the buffers (nulls in the texts, long
tables not in the articles' order, offsets that do not describe their data).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import numpy as np
import pyarrow as pa

ENV = "CORPUS_DS_KERNEL"  # "python": the reference path even where the extension is built


class Declined(Exception):
    """The compiled pass cannot answer for these buffers; the reference path does."""


def extension(name: str) -> ModuleType | None:
    """A compiled module of the package (_textkernel, _checkkernel), or None when it is not built or the
    environment asks for the reference path."""
    if os.environ.get(ENV, "").strip().lower() == "python":
        return None
    try:
        return importlib.import_module(f"corpus_ds.{name}")
    except ImportError:
        return None


def compiled() -> ModuleType | None:
    """The compiled text pass, or None (see extension)."""
    return extension("_textkernel")


def _strings(arr: pa.Array) -> tuple:
    """(offsets buffer, data buffer, 64-bit offsets, first row, rows) of a string array, for the kernel."""
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        raise Declined(f"expected strings, found {arr.type}")
    _, offsets, data = arr.buffers()
    if offsets is None:  # an empty array may have no offsets at all
        offsets = pa.py_buffer(np.zeros(1, np.int64 if pa.types.is_large_string(arr.type) else np.int32))
    return (
        offsets,
        data if data is not None else b"",
        pa.types.is_large_string(arr.type),
        arr.offset,
        len(arr),
    )


def _in_order(rows: np.ndarray, n: int) -> bool:
    """Rows of the n texts, non-decreasing (each chunk of texts then takes one slice of them)."""
    if not len(rows):
        return True
    return rows[0] >= 0 and rows[-1] < n and not bool((rows[1:] < rows[:-1]).any())


def scan(
    kernel: ModuleType,
    texts: pa.ChunkedArray,
    queries: list[tuple[np.ndarray, np.ndarray, np.ndarray, pa.Array]],
) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Code points and paragraphs of every text, and for each query set (text row, code point start, quote row,
    quotes) whether each quote's bytes are the text's from that start on. Declined when it cannot answer."""
    if texts.null_count:
        raise Declined("null texts")
    n_chars = np.zeros(len(texts), np.int64)
    n_paragraphs = np.zeros(len(texts), np.int64)
    found = [np.zeros(len(rows), np.uint8) for rows, *_ in queries]
    quote_arrays = [_strings(quotes) for *_, quotes in queries]
    if not all(_in_order(rows, len(texts)) for rows, *_ in queries):
        raise Declined("long-table rows not in the articles' order")
    base = 0
    for chunk in texts.chunks:
        if len(chunk):
            sets = []
            for (rows, starts, quote_rows, _), quote, out in zip(queries, quote_arrays, found):
                lo, hi = np.searchsorted(rows, [base, base + len(chunk)])
                sets.append(
                    (
                        int(hi - lo),
                        # the table's own rows (the kernel subtracts base): a view where they are int64 already
                        np.ascontiguousarray(rows[lo:hi], np.int64),
                        np.ascontiguousarray(starts[lo:hi], np.int64),
                        np.ascontiguousarray(quote_rows[lo:hi], np.int64),
                        *quote,
                        out[lo:hi],
                        base,
                    )
                )
            end = base + len(chunk)
            try:
                kernel.text_pass(*_strings(chunk), n_chars[base:end], n_paragraphs[base:end], sets)
            except (ValueError, TypeError) as exc:  # (TypeError: an extension built from older sources)
                raise Declined(str(exc)) from None
        base += len(chunk)
    return n_chars, n_paragraphs, [f.view(bool) for f in found]
