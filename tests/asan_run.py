"""The compiled passes built with AddressSanitizer, run on the defect corpora (started by tests/test_textkernel.py in
a process whose runtime is the sanitizer's; any read outside a buffer aborts it).

Usage: python asan_run.py TEXT_KERNEL_SO CHECK_KERNEL_SO TAMPERED_DIR (the tampered releases, written by
write_tampered)
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import importlib.util
import random
import shutil
import sys
from concurrent.futures import Future
from pathlib import Path

import numpy as np
from catalogue import DATA, TAMPERS
from text_corpora import (
    dyad_buffers,
    dyad_defect,
    evidence_buffers,
    evidence_defect,
    label_defect,
    location_defect,
    mention_buffers,
    mention_defect,
    offset_buffers,
    random_strings,
    text_defect,
    variant,
)

from corpus_ds import checkkernel, release_format, rules, textkernel, textsearch, verify
from corpus_ds import synthetic as synth
from corpus_ds.rules import long_tables
from corpus_ds.rules.actors import actor_labels_pass
from corpus_ds.rules.aliases import Aliases
from corpus_ds.rules.context import Context
from corpus_ds.rules.event_data import dyads_pass
from corpus_ds.rules.long_tables import evidence_pass, mentions_pass
from corpus_ds.rules.text import offsets_pass, scan_texts_compiled

TODAY = dt.date(2026, 11, 24)


def load_kernel(name: str, path: str, loader):
    """A sanitized build, installed as corpus_ds.<name> before anything imports the regular one."""
    spec = importlib.util.spec_from_file_location(f"corpus_ds.{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[f"corpus_ds.{name}"] = module
    assert loader() is module
    return module


def synthetic_corpora(n: int) -> int:
    for seed in range(n):
        rng = random.Random(seed)
        corpus = synth.tables(30, chars=400, seed=seed)
        for _ in range(rng.randrange(0, 6)):
            text_defect(corpus, rng)
        compiled_pass(variant(corpus, rng) if seed % 2 else corpus)
    return n


def compiled_pass(corpus: dict) -> None:
    """The compiled passes as the rules call them, without the rules around them (which no sanitizer needs to
    watch: they run no compiled code of the project, and under the sanitizer they took most of this test's time)."""
    ctx = Context(corpus, tuple(t for t in corpus if t != "actors"), rules.release_locator, TODAY)
    ctx.paragraphs = Future()
    ctx.paragraphs.set_result(scan_texts_compiled(ctx, textkernel.compiled()))
    offsets_pass(ctx)
    actor_labels_pass(ctx)
    dyads_pass(ctx)
    mentions_pass(ctx)
    evidence_pass(ctx)
    textsearch.patterns_in_texts(corpus["articles"].column("text"), Aliases(corpus["actors"]).search)
    textsearch.search_texts(corpus["articles"].column("text"), Aliases(corpus["actors"]).keys)
    textsearch.rows_maybe_forbidden(corpus["articles"].column("text"))
    arows = ctx.article_rows("mentions")
    keep = np.argsort(arows, kind="stable")
    keep = keep[arows[keep] >= 0]
    listed = corpus["mentions"].select(long_tables.MENTION_COLUMNS).take(keep)
    long_tables._all_listed(corpus["articles"], listed, arows[keep], lambda surface, actor: False)
    release_format.fingerprint(corpus["articles"])
    release_format.validate_fully(corpus["articles"])


def label_corpora(n: int) -> int:
    """Corpora with defects in the dyads, the mentions, the evidence rows and the quotes' places, for the valid-or-not
    passes."""
    for seed in range(n):
        rng = random.Random(seed)
        corpus = synth.tables(30, chars=300, seed=seed)
        for _ in range(rng.randrange(0, 3)):
            rng.choice([dyad_defect, mention_defect, evidence_defect, location_defect, label_defect])(
                corpus, rng
            )
        compiled_pass(corpus)
    return n


def write_tampered(directory: Path) -> None:
    """Every tampered release of the catalogue under directory (made by the test, outside the sanitizer: writing
    them is no kernel work, and a decompression bomb takes seconds to write under it)."""
    for i, tamper in enumerate(TAMPERS):
        release = directory / f"{i:03d}-{tamper.id}"
        shutil.copytree(DATA / "release", release)
        tamper.inject.apply(release)


def tampered_releases(directory: Path) -> int:
    releases = sorted(p for p in directory.iterdir() if p.is_dir())
    for release in releases:
        verify.checked_release(release, TODAY, full=False)
    return len(releases)


def random_pass_buffers(kernel, n: int) -> int:
    """Counts, row ranges, codes and strings drawn at random for each pass: an answer or a ValueError, never a stray
    read."""
    rng = np.random.default_rng(0)
    for _ in range(n):
        with contextlib.suppress(ValueError):
            kernel.dyads_valid(*dyad_buffers(rng))
        with contextlib.suppress(ValueError):
            kernel.mentions_valid(*mention_buffers(rng))
        with contextlib.suppress(ValueError):
            kernel.offsets_valid(*offset_buffers(rng))
        with contextlib.suppress(ValueError):
            kernel.distinct(random_strings(rng, int(rng.integers(0, 40))))
        with contextlib.suppress(ValueError):
            counts, ints, strings = mention_buffers(
                rng
            )  # its labelled actors and surfaces, as labels_valid takes them
            kernel.labels_valid((counts[0], counts[2], counts[3]), ints[3], strings[3], ints[4], strings[5])
        with contextlib.suppress(ValueError):
            kernel.evidence_valid(*evidence_buffers(rng))
        with contextlib.suppress(ValueError):
            kernel.all_in(
                random_strings(rng, int(rng.integers(0, 20))), random_strings(rng, int(rng.integers(0, 5)))
            )
        with contextlib.suppress(ValueError):
            kernel.slugs(random_strings(rng, int(rng.integers(0, 20))))
        with contextlib.suppress(ValueError):
            keys, rows = random_strings(rng, int(rng.integers(0, 20))), int(rng.integers(0, 22))
            kernel.index_in(keys, random_strings(rng, int(rng.integers(0, 20))), np.zeros(rows, np.int64))
        with contextlib.suppress(ValueError):
            keys, rows = random_strings(rng, int(rng.integers(0, 20))), int(rng.integers(0, 22))
            kernel.sorted_rows(keys, random_strings(rng, int(rng.integers(0, 20))), np.zeros(rows, np.int64))
    return 10 * n


def random_buffers(kernel, n: int) -> int:
    """Offsets, row counts and query rows drawn at random: an answer or a ValueError, never a stray read."""
    rng = np.random.default_rng(0)
    for _ in range(n):
        data = rng.integers(0, 256, rng.integers(0, 64), dtype=np.uint8).tobytes()
        offsets = rng.integers(-4, 70, rng.integers(0, 10)).astype(np.int32)
        rows, first, count = rng.integers(-3, 12, 6), int(rng.integers(-2, 6)), int(rng.integers(-2, 10))
        out = max(count, 0)
        query = (6, rows, rows.copy(), rows.copy(), offsets, data, False, first, count, np.zeros(6, np.uint8))
        with contextlib.suppress(ValueError):  # the buffers were refused: what must happen to most
            kernel.text_pass(
                offsets, data, False, first, count, np.zeros(out, np.int64), np.zeros(out, np.int64), [query]
            )
    return n


def random_searches(kernel, n: int) -> int:
    """Bytes that may not be UTF-8 searched with a real automaton, and automatons drawn at random: an answer or a
    ValueError, never a stray read."""
    rng = np.random.default_rng(1)
    patterns = textsearch.Patterns(["ال", "روسيا", "الرباط", "ا", "سفير روسيا"])
    symbols, delta, n_symbols, starts, ids = patterns.tables
    fold = np.frombuffer(textsearch._kernel_fold(), np.uint16)
    for _ in range(n):
        data = rng.integers(0, 256, rng.integers(0, 64), dtype=np.uint8).tobytes()
        offsets = np.sort(rng.integers(0, len(data) + 1, 4)).astype(np.int32)
        found, folded = np.zeros((3, 1), np.uint64), np.zeros(3, np.uint8)
        kernel.patterns_found(
            offsets, data, False, 0, 3, fold, symbols, delta, n_symbols, starts, ids, 5, found, folded
        )
        hit = np.zeros(int(rng.integers(2, 5)), np.uint8)  # of the right length or not
        with contextlib.suppress(ValueError):
            kernel.patterns_found(
                offsets, data, False, 0, 3, fold, symbols, delta, n_symbols, starts, ids, 5, found, folded,
                textsearch._maybe_forbidden_bits(), hit,
            )  # fmt: skip
        with contextlib.suppress(ValueError):
            needles = rng.integers(-2, 8, 4).astype(np.int32)
            kernel.count_in_rows(
                offsets,
                data,
                False,
                0,
                3,
                rng.integers(-1, 4, 3),
                needles,
                data,
                False,
                0,
                3,
                np.zeros(3, np.int64),
            )
        with contextlib.suppress(ValueError):
            kernel.json_strings(offsets, data, False, int(rng.integers(-1, 2)), 3, np.zeros(4, np.int64))
        with contextlib.suppress(ValueError):
            kernel.utf8_rows(offsets, data, False, int(rng.integers(-1, 2)), 3)
        with contextlib.suppress(ValueError):
            kernel.chars_in(
                offsets, data, False, int(rng.integers(-1, 2)), 3, textsearch._maybe_forbidden_bits(), folded
            )
        bad_delta = rng.integers(-2, len(delta) + 2, delta.shape).astype(np.int32)
        bad_ids = rng.integers(-2, 7, len(ids)).astype(np.int64)
        with contextlib.suppress(ValueError):
            kernel.patterns_found(
                offsets,
                data,
                False,
                0,
                3,
                fold,
                symbols,
                bad_delta,
                n_symbols,
                starts,
                bad_ids,
                5,
                found,
                folded,
            )
    return 5 * n


def main() -> int:
    kernel = load_kernel("_textkernel", sys.argv[1], textkernel.compiled)
    checks = load_kernel("_checkkernel", sys.argv[2], checkkernel.compiled)
    assert hasattr(ctypes.CDLL(None), "__asan_init"), "the sanitizer's runtime is not loaded"
    corpora = synthetic_corpora(60) + label_corpora(30) + tampered_releases(Path(sys.argv[3]))
    calls = random_buffers(kernel, 20000) + random_searches(kernel, 5000) + random_pass_buffers(checks, 2000)
    names = ", ".join(Path(k.__file__).name for k in (kernel, checks))
    print(f"sanitized kernels {names}: {corpora} corpora and {calls} random buffers, no error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
