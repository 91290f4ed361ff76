"""The compiled pass over the texts against the reference path: the same answers on any input, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import asan_run
import numpy as np
import pyarrow as pa
import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_ds import arrowtools, derive, release_format, textkernel

KERNEL = textkernel.compiled()
# A kernel call takes about a millisecond: six times the profile's examples (conftest.py), 300 in the default run.
MANY = 6 * settings.default.max_examples


def test_the_extension_is_built_and_chosen_unless_the_environment_asks_for_python(monkeypatch):
    """`pip install .` compiles the kernel: an install without it fails here, not silently slower."""
    monkeypatch.delenv(textkernel.ENV, raising=False)
    assert textkernel.compiled() is not None
    monkeypatch.setenv(textkernel.ENV, "python")
    assert textkernel.compiled() is None


def _reference(texts: pa.ChunkedArray, queries) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """What the reference path computes: arrowtools' scan, quote comparison and paragraph counts."""
    rows = np.concatenate([q[0] for q in queries] or [np.zeros(0, np.int64)])
    starts = np.concatenate([q[1] for q in queries] or [np.zeros(0, np.int64)])
    scan = arrowtools.TextScan(texts, rows, starts)
    found, first = [], 0
    for q_rows, _, quote_rows, quotes in queries:
        found.append(arrowtools.quotes_match(scan, np.arange(first, first + len(q_rows)), quote_rows, quotes))
        first += len(q_rows)
    return scan.n_chars, arrowtools.paragraph_counts(texts), found


def _compare(texts: pa.ChunkedArray, queries) -> None:
    n_chars, paragraphs, found = textkernel.scan(KERNEL, texts, queries)
    ref_chars, ref_paragraphs, ref_found = _reference(texts, queries)
    assert n_chars.tolist() == ref_chars.tolist()
    assert paragraphs.tolist() == ref_paragraphs.tolist()
    assert [f.tolist() for f in found] == [f.tolist() for f in ref_found]


ALPHABET = st.sampled_from(["\n", "\n", "ا", "ل", "ك", "ة", " ", "a", "é", "ऄ", "😀", "\u200f", "\x00"])
TEXT = st.lists(ALPHABET, max_size=90).map("".join)


@st.composite
def corpora(draw):
    """Texts in chunks (string or large_string, some sliced), and quote sets whose starts and quotes are right,
    slightly off or far out of range."""
    texts = draw(st.lists(TEXT, min_size=1, max_size=12))
    large = draw(st.booleans())
    kind = pa.large_string() if large else pa.string()
    cut = sorted(draw(st.lists(st.integers(0, len(texts)), max_size=3)))
    pieces = [texts[a:b] for a, b in zip([0, *cut], [*cut, len(texts)])]
    padded = draw(st.booleans())  # chunks that are slices of a longer array (a non-zero offset)
    chunks = [
        pa.array(["pad", *p, "pad"], kind).slice(1, len(p)) if padded else pa.array(p, kind) for p in pieces
    ]
    column = pa.chunked_array(chunks, kind)
    queries = []
    for _ in range(draw(st.integers(0, 3))):
        rows = sorted(draw(st.lists(st.integers(0, len(texts) - 1), max_size=20)))
        starts, quotes = [], []
        for r in rows:
            text = texts[r]
            k = draw(st.integers(-2, len(text) + 2) | st.sampled_from([-(2**62), 2**62]))
            n = draw(st.integers(0, 6))
            quote = text[max(k, 0) : max(k, 0) + n] if draw(st.booleans()) else draw(TEXT)[:n]
            starts.append(k)
            quotes.append(quote)
        quote_array = pa.array(["x", *quotes], pa.large_string() if draw(st.booleans()) else pa.string())
        quote_array = quote_array.slice(1)
        queries.append(
            (
                np.array(rows, np.int64),
                np.array(starts, np.int64),
                np.arange(len(rows), dtype=np.int64),
                quote_array,
            )
        )
    return column, queries


@settings(max_examples=MANY)
@given(corpora())
def test_kernel_agrees_with_the_reference_on_any_texts_and_offsets(corpus):
    _compare(*corpus)


def _cycling(first: int, count: int, n: int) -> str:
    """n characters cycling through count consecutive code points: no two neighbours alike, so a quote one code
    point off its start is not the text there."""
    return "".join(chr(first + i % count) for i in range(n))


LONG_TEXTS = {
    "ascii, then four-byte characters": _cycling(ord("a"), 26, 300) + _cycling(0x1F600, 64, 300),
    "four-byte characters, then ascii": _cycling(0x1F600, 64, 300) + _cycling(ord("a"), 26, 300),
    "arabic words, paragraphs and ascii": ("الكتاب " * 90) + "\n\n" + _cycling(ord("A"), 26, 200) + " ة" * 70,
    "whole blocks of two-byte characters": _cycling(0x0621, 26, 32 * 4),
    "three-byte characters across blocks": _cycling(0x0904, 40, 150) + "x",
}


@pytest.mark.parametrize("name", LONG_TEXTS)
def test_kernel_finds_each_quote_at_its_code_point_where_the_guess_of_its_block_is_off(name):
    """The pass looks for a code point near where the row's bytes per code point put it, then selects it among the
    starts of its 64-byte block: texts whose code points change length half way (the guess many blocks off), and
    texts of whole blocks, a quote asked for at every code point with its own characters (found) and with the
    characters one code point further on (not found, were the start off by one), against the reference."""
    text = LONG_TEXTS[name]
    texts = pa.chunked_array([pa.array(["short", text, ""], pa.string())])
    starts = [k for k in range(-1, len(text) + 2) for _ in range(2)]
    quotes = [
        text[max(k, 0) : max(k, 0) + 3] if i % 2 == 0 else text[k + 1 : k + 4] for i, k in enumerate(starts)
    ]
    rows = np.ones(len(starts), np.int64)
    queries = [(rows, np.array(starts, np.int64), np.arange(len(starts), dtype=np.int64), pa.array(quotes))]
    _compare(texts, queries)
    found = textkernel.scan(KERNEL, texts, queries)[2][0]
    assert found[2 : 2 * len(text) - 4 : 2].all() and not found[3 : 2 * len(text) - 4 : 2].any()


@pytest.mark.parametrize(
    "data", [b"\x80" * 200 + b"abc" * 60, b"abc" * 60 + b"\x80" * 200 + "ال".encode() * 40, b"\xf0" * 130]
)
def test_kernel_agrees_with_the_reference_on_long_rows_that_are_not_utf8(data):
    """Blocks without a code point start (stray continuation bytes) where the pass guesses a block: the index holds
    equal entries there, and every start and quote is compared with the reference."""
    offsets = np.array([0, len(data)], np.int32)
    column = pa.chunked_array(
        [pa.Array.from_buffers(pa.string(), 1, [None, pa.py_buffer(offsets), pa.py_buffer(data)])]
    )
    starts = np.arange(-1, len(data) + 2, dtype=np.int64)
    quotes = pa.array([data[max(k, 0) : max(k, 0) + 2] for k in starts.tolist()], pa.binary()).cast(
        pa.string(), safe=False
    )
    _compare(
        column, [(np.zeros(len(starts), np.int64), starts, np.arange(len(starts), dtype=np.int64), quotes)]
    )


@st.composite
def raw_bytes(draw):
    """Texts that are not UTF-8 (stray continuation bytes, truncated sequences), as a hostile file may hold."""
    data = draw(st.binary(max_size=200).map(lambda b: b + b"\n\n\x80\xd8"))
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), min_size=1, max_size=8)))
    offsets = np.array([0, *cuts, len(data)], np.int32)
    n = len(offsets) - 1
    column = pa.chunked_array(
        [pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)])]
    )
    rows = np.array(sorted(draw(st.lists(st.integers(0, n - 1), max_size=10))), np.int64)
    starts = np.array([draw(st.integers(-1, 60)) for _ in rows], np.int64)
    quotes = pa.array([draw(st.binary(max_size=4)) for _ in rows], pa.binary()).cast(pa.string(), safe=False)
    return column, [(rows, starts, np.arange(len(rows), dtype=np.int64), quotes)]


@settings(max_examples=MANY)
@given(raw_bytes())
def test_kernel_agrees_with_the_reference_on_bytes_that_are_not_utf8(corpus):
    _compare(*corpus)


@settings(max_examples=2 * MANY)
@given(
    st.lists(st.integers(-(2**31), 2**31 - 1), min_size=0, max_size=8),
    st.binary(max_size=40),
    st.integers(-3, 10),
    st.integers(-3, 10),
    st.lists(st.integers(-(2**40), 2**40), max_size=6),
)
def test_kernel_refuses_buffers_that_do_not_describe_strings(offsets, data, first, n, query_values):
    """Random offsets, row counts and query rows: a ValueError or an answer, never a read outside a buffer."""
    offsets = np.array(offsets, np.int32)
    rows = np.array(query_values, np.int64)
    n_out = max(n, 0)
    sets = [
        (
            len(rows),
            rows,
            rows.copy(),
            rows.copy(),
            offsets,
            data,
            False,
            first,
            n,
            np.zeros(len(rows), np.uint8),
        )
    ]
    try:
        KERNEL.text_pass(
            offsets, data, False, first, n, np.zeros(n_out, np.int64), np.zeros(n_out, np.int64), sets
        )
    except (ValueError, OverflowError):
        return
    # accepted: then the offsets really describe n strings of data, and every query row is one of them
    assert first >= 0 and first + n + 1 <= len(offsets)
    window = offsets[first : first + n + 1]
    assert (np.diff(window) >= 0).all() and window[0] >= 0 and window[-1] <= len(data)
    assert ((rows >= 0) & (rows < n)).all()


@pytest.mark.parametrize("base", [-1, 2**63 - 2, 2**63 - 1])
def test_kernel_refuses_a_base_row_out_of_range(base):
    """A set's rows are the texts' rows plus its base (the row of the chunk's first text): a negative base, or one
    whose last row would pass the largest integer, is refused; rows below the base or past its texts too."""
    texts = pa.array(["ab", "cd"])
    offsets, data = texts.buffers()[1:]

    def call(rows, set_base):
        found = np.zeros(len(rows), np.uint8)
        quote_rows = np.zeros(len(rows), np.int64)
        query = (
            len(rows),
            np.array(rows, np.int64),
            quote_rows,
            quote_rows,
            offsets,
            data,
            False,
            0,
            2,
            found,
        )
        KERNEL.text_pass(
            offsets, data, False, 0, 2, np.zeros(2, np.int64), np.zeros(2, np.int64), [(*query, set_base)]
        )
        return found.tolist()

    with pytest.raises((ValueError, OverflowError)):
        call([base], base)
    assert call([5, 6], 5) == [1, 0]  # "ab" at 0 of the first text, not of the second
    for rows in ([4], [7]):
        with pytest.raises(ValueError):
            call(rows, 5)


@pytest.mark.parametrize(
    "change",
    ["rows-out-of-order", "row-past-the-end", "quote-row-past-the-end", "short-output", "too-many-sets"],
)
def test_kernel_declines_queries_it_cannot_answer(change):
    texts = pa.chunked_array([pa.array(["ab\n\ncd", "xyz"])])
    rows, starts, quote_rows = np.array([0, 1]), np.array([0, 1]), np.array([0, 1])
    quotes = pa.array(["ab", "yz"])
    if change == "rows-out-of-order":
        rows = np.array([1, 0])
    elif change == "row-past-the-end":
        rows = np.array([0, 2])
    if change == "quote-row-past-the-end":  # a quote row outside its column: not found, never read
        _, _, found = textkernel.scan(KERNEL, texts, [(rows, starts, np.array([0, 7]), quotes)])
        assert found[0].tolist() == [True, False]
        return
    queries = [(rows, starts, quote_rows, quotes)] * (9 if change == "too-many-sets" else 1)
    if change == "short-output":
        offsets, data = texts.chunk(0).buffers()[1:]
        with pytest.raises(ValueError):
            KERNEL.text_pass(offsets, data, False, 0, 2, np.zeros(1, np.int64), np.zeros(2, np.int64), [])
        return
    with pytest.raises(textkernel.Declined):
        textkernel.scan(KERNEL, texts, queries)


def _sanitized_build(out: Path, name: str) -> Path:
    """A kernel (_textkernel or _checkkernel) compiled with AddressSanitizer (gcc, as CI installs it)."""
    target = out / f"{name}{sysconfig.get_config_var('EXT_SUFFIX')}"
    subprocess.run(
        [
            "gcc",
            "-shared",
            "-fPIC",
            "-g",
            "-O2",
            "-fwrapv",  # as Python builds extensions: overflowing sums wrap, so a check written with one must fail
            "-fsanitize=address",
            "-fno-omit-frame-pointer",
            f"-I{sysconfig.get_paths()['include']}",
            str(REPO / "src" / "corpus_ds" / f"{name}.c"),
            "-o",
            str(target),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return target


@pytest.mark.slow
def test_kernel_under_address_sanitizer_on_the_defect_corpora(tmp_path):
    """Every buffer access of the compiled passes (the text pass and the valid-or-not passes) checked by
    AddressSanitizer: Python and Arrow allocate with the system allocator (so each buffer has guard zones), and any
    read outside one aborts the run."""
    kernels = [_sanitized_build(tmp_path, name) for name in ("_textkernel", "_checkkernel")]
    runtime = subprocess.run(
        ["gcc", "-print-file-name=libasan.so"], check=True, capture_output=True, text=True, timeout=60
    ).stdout.strip()
    env = {
        **os.environ,
        "LD_PRELOAD": runtime,
        "ASAN_OPTIONS": "detect_leaks=0:halt_on_error=1",  # the interpreter keeps objects until exit by design
        "PYTHONMALLOC": "malloc",
        "ARROW_DEFAULT_MEMORY_POOL": "system",
    }
    env.pop(textkernel.ENV, None)
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    asan_run.write_tampered(tampered)
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "asan_run.py"), *map(str, kernels), str(tampered)],
        cwd=REPO / "tests",
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0 and "AddressSanitizer" not in done.stderr, done.stderr[-4000:]
    assert "no error" in done.stdout


def test_the_search_kernels_refuse_overlapping_outputs_overflowing_sizes_and_misaligned_buffers():
    """What only a direct call can pass (the package passes fresh outputs and Arrow's buffers): an output that is an
    input, a count of patterns whose bit table overflows, offsets not on their own alignment. A ValueError each."""
    from corpus_ds import textsearch

    offsets, data = np.array([0, 1], np.int64), np.full(100, 1, np.uint8)
    with pytest.raises(ValueError, match="overlaps"):
        KERNEL.json_strings(offsets, data, True, 0, 1, offsets)
    small = np.array([0, 3, 0x100, 0x100], np.int32)
    with pytest.raises(ValueError, match="overlaps"):
        KERNEL.chars_in(small, np.zeros(0x100, np.uint8), False, 0, 3, textsearch._maybe_forbidden_bits(),
                        small.view(np.uint8)[8:11])  # fmt: skip
    fold = np.frombuffer(textsearch._kernel_fold(), np.uint16)
    with pytest.raises(ValueError, match="out of range"):
        KERNEL.patterns_found(
            np.zeros(257, np.int32), b"", False, 0, 256, fold, np.zeros(0x10000, np.int32), np.zeros(2, np.int32), 2,
            np.zeros(2, np.int64), np.zeros(0, np.int64), 2**62, np.zeros(0, np.uint64), np.zeros(256, np.uint8),
        )  # fmt: skip
    with pytest.raises(ValueError, match="aligned"):
        KERNEL.json_strings(memoryview(bytearray(17))[1:], b"", True, 0, 1, np.zeros(2, np.int64))


def test_the_kernels_read_each_row_again_where_they_use_it(tmp_path):
    """One memory mapped twice passes the check that no output overlaps an input; what the loop writes through one
    mapping then changes what it reads through the other. Each row's offsets are checked where they are used: a
    count of -1 (the caller's exact check then runs), never a read outside the text."""
    import mmap

    texts = pa.array(["ب" * 3_000_000])
    needles = pa.array(["ب"] * 4)
    path = tmp_path / "shared"
    path.write_bytes(bytes(64))
    with open(path, "r+b") as fh:
        one, two = mmap.mmap(fh.fileno(), 64), mmap.mmap(fh.fileno(), 64)
        rows = np.frombuffer(one, np.int64, 4, 0)
        counts = np.frombuffer(two, np.int64, 4, 8)  # counts[q] is rows[q + 1]
        KERNEL.count_in_rows(*textkernel._strings(texts), rows, *textkernel._strings(needles), counts)
        assert counts[0] == 3_000_000 and list(counts[1:]) == [-1, -1, -1]
        del rows, counts
        one.close(), two.close()
    offsets = np.array([0, 1, 2], np.int64)
    found = np.zeros(1, np.uint8)
    query = (1, offsets[:1].copy(), offsets[:1].copy(), offsets[:1].copy(), offsets, b"ab", True, 0, 1, found)
    with pytest.raises(
        ValueError, match="overlaps"
    ):  # the text pass writes its counts over the quotes' offsets
        KERNEL.text_pass(offsets, b"ab", True, 0, 2, offsets[:2], np.zeros(2, np.int64), [query])


utf8_pieces = st.sampled_from(
    ["ا", "ب", "س", " ", "a", "\n", "،", "—", "😀", "\u200f"]  # ASCII, two-, three- and four-byte sequences
).map(lambda s: s.encode())
bad_pieces = st.sampled_from(
    [b"\x80", b"\xc0\xaf", b"\xd8", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80", b"\xff", b"\xd9\xd9"]
)


@given(
    st.lists(st.lists(st.one_of(utf8_pieces, utf8_pieces, utf8_pieces, bad_pieces), max_size=40), max_size=6),
    st.integers(0, 3),
)
@settings(max_examples=MANY)
def test_the_compiled_utf8_check_is_arrows(rows, cut):
    """The same answer as Arrow's full validation, on strings of every sequence length that may hold any malformed
    one (a stray continuation byte, an overlong form, a surrogate, a value past U+10FFFF, a cut sequence), at any
    place relative to the 16 bytes the fast loop reads at a time; and validate_fully raises what Arrow raises."""
    data = [b"".join(pieces) for pieces in rows]
    offsets = np.concatenate([[0], np.cumsum([len(d) for d in data])]).astype(np.int32)
    arr = pa.StringArray.from_buffers(len(data), pa.py_buffer(offsets), pa.py_buffer(b"".join(data)))
    arr = arr.slice(min(cut, len(arr)))
    try:
        arr.validate(full=True)
        valid = True
    except pa.ArrowInvalid:
        valid = False
    assert KERNEL.utf8_rows(*textkernel._strings(arr)) == valid
    table = pa.table({"s": pa.chunked_array([arr], pa.string())})
    if valid:
        release_format.validate_fully(table)
    else:
        with pytest.raises(pa.ArrowInvalid) as raised:
            release_format.validate_fully(table)
        with pytest.raises(pa.ArrowInvalid) as arrows:
            table.validate(full=True)
        assert str(raised.value) == str(arrows.value)


def test_the_compiled_utf8_check_refuses_offsets_out_of_order_or_bounds():
    data = "سلام".encode()
    for offsets in ([0, 4, 2], [0, 2, 99], [-1, 2, 4]):
        with pytest.raises(ValueError, match="offsets outside the data or decreasing"):
            KERNEL.utf8_rows(np.array(offsets, np.int32), data, False, 0, 2)
    assert KERNEL.utf8_rows(np.array([0, 4, 8], np.int32), data, False, 0, 2)
    assert not KERNEL.utf8_rows(np.array([0, 3, 8], np.int32), data, False, 0, 2)  # a sequence cut in two


@pytest.mark.parametrize("bad", [b"\x80", b"\xd8", b"\xd9\xd9", b"\xc1\x81", b"\xdf"])
def test_the_compiled_utf8_check_finds_a_malformed_byte_among_two_byte_sequences_at_any_place(bad):
    """Arabic letters (two-byte sequences) with one malformed piece put at every place of the 16-byte blocks that
    the fast loop reads: found at every place, and the letters alone pass."""
    letters = "سلام عليكم ورحمة الله".encode()
    assert KERNEL.utf8_rows(np.array([0, len(letters)], np.int32), letters, False, 0, 1)
    for place in range(0, len(letters) + 1, 2):
        data = letters[:place] + bad + letters[place:]
        assert not KERNEL.utf8_rows(np.array([0, len(data)], np.int32), data, False, 0, 1), place


@given(
    st.lists(st.text(alphabet=st.sampled_from("االلمسa "), max_size=60), min_size=1, max_size=4),
    st.lists(
        st.tuples(st.integers(0, 3), st.text(alphabet=st.sampled_from("االلمسa "), max_size=5)), max_size=8
    ),
)
@settings(max_examples=MANY)
def test_the_compiled_counter_counts_every_occurrence_as_python_finds_them(texts, asked):
    """Overlapping occurrences included, whichever byte of a needle the search looks for first (the rarest in the
    texts: here texts of few letters, so that every choice is made somewhere)."""
    asked = [(row % len(texts), needle) for row, needle in asked]
    texts_arr = pa.array(texts, pa.string())
    needles = pa.array([n for _, n in asked], pa.string())
    counts = np.zeros(len(asked), np.int64)
    rows = np.array([r for r, _ in asked], np.int64)
    KERNEL.count_in_rows(*textkernel._strings(texts_arr), rows, *textkernel._strings(needles), counts)
    for (row, needle), count in zip(asked, counts):
        assert count == (len(derive.occurrences(texts[row], needle)) if needle else -1)
