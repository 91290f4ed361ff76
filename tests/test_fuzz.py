"""Property-based fuzzing: mutated source records and damaged release files give a report or a corpus_ds
error, never a crash.

Examples per test come from the hypothesis profile (tests/conftest.py): "ci" by default,
HYPOTHESIS_PROFILE=local for more.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import report_table
import yaml
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

import corpus_ds
from corpus_ds import arabic, columns, release_format, sources, validate, verify
from corpus_ds.errors import CorpusError, Report

pytestmark = pytest.mark.slow  # a few hundred generated inputs: run by .ci/run, left out by -m 'not slow'

TODAY = dt.date(2026, 11, 24)
ARTICLES = sorted(p.name for p in (DATA / "articles").glob("*.yaml"))

# Characters a hostile or careless edit slips into text: bidi and zero-width controls, C0/C1 controls, a BOM,
# line separators, a presentation form, Persian look-alikes, a lone surrogate, combining marks.
NASTY = [
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200f",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\r",
    "\u2028",
    "\ufef7",
    "\u06cc",
    "\u06a9",
    "\ud800",
    "\u0651\u0651",
    "\t",
    " ",
    "\n\n\n",
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a parsed record (the root included), as a tuple of keys and indexes."""
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*path, i))
    return out


def _get(value: Any, path: tuple) -> Any:
    for key in path:
        value = value[key]
    return value


def _set(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    _get(value, path[:-1])[path[-1]] = new
    return value


def _drop(value: Any, path: tuple) -> Any:
    if not path:
        return None
    del _get(value, path[:-1])[path[-1]]
    return value


@st.composite
def mutated(draw, record: Any) -> Any:
    """The record after one to three random mutations: drop, retype, truncate, insert a nasty character,
    shuffle, add a key."""
    record = copy.deepcopy(record)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(record)))
        target = _get(record, path)
        ops: list[str] = ["drop", "retype"]
        if isinstance(target, str):
            ops += ["truncate", "insert"]
        if isinstance(target, list) and len(target) > 1:
            ops.append("shuffle")
        if isinstance(target, dict):
            ops.append("add-key")
        op = draw(st.sampled_from(ops))
        if op == "drop":
            record = _drop(record, path)
        elif op == "retype":
            record = _set(record, path, draw(json_values))
        elif op == "truncate":
            record = _set(record, path, target[: draw(st.integers(0, max(len(target) - 1, 0)))])
        elif op == "insert":
            at = draw(st.integers(0, len(target)))
            record = _set(record, path, target[:at] + draw(st.sampled_from(NASTY)) + target[at:])
        elif op == "shuffle":
            record = _set(record, path, draw(st.permutations(target)))
        else:
            target[draw(st.text(min_size=1, max_size=12))] = draw(json_values)
    return record


def _serialise(record: Any, as_yaml: bool) -> bytes:
    """YAML as an editor would write it, or JSON (also YAML) with every non-ASCII character escaped."""
    if as_yaml:
        try:
            return sources.dump_yaml(record).encode("utf-8")
        except (UnicodeEncodeError, yaml.YAMLError):
            pass  # a lone surrogate cannot be written as UTF-8 text: write it as an escape instead
    return json.dumps(record, ensure_ascii=True).encode("ascii")


def _checked(kind: str, run: Callable[[], Any]) -> Any:
    """Run one check: anything but a corpus_ds error is a crash, counted and re-raised."""
    try:
        return run()
    except CorpusError as exc:
        return exc
    except BaseException:
        report_table.crashes[kind] += 1
        raise


def _printable(report: Report) -> None:
    """Every issue is a located, coded record, and the report prints the way the command prints it."""
    for issue in report.issues:
        assert issue.code and issue.file, issue
    report.format().encode("utf-8", "backslashreplace")
    json.loads(report.to_json())


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """One copy of data/ for all examples of a test; each example restores the file it changed."""
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    return target


def _fuzz_source(tree: Path, relative: str, new: bytes) -> None:
    path = tree / relative
    original = path.read_bytes()
    report_table.examples["fuzz-sources"] += 1
    try:
        path.write_bytes(new)
        result = _checked("fuzz-sources", lambda: validate.validate_sources(tree, today=TODAY))
    finally:
        path.write_bytes(original)
    if isinstance(result, Report):
        _printable(result)
        assert result.valid or all(i.code for i in result.issues)


@given(data=st.data())
def test_mutated_article_is_accepted_or_reported(tree, data):
    name = data.draw(st.sampled_from(ARTICLES))
    record = yaml.load((DATA / "articles" / name).read_text(encoding="utf-8"), Loader=sources.StrictLoader)
    _fuzz_source(tree, f"articles/{name}", _serialise(data.draw(mutated(record)), data.draw(st.booleans())))


@given(data=st.data())
def test_mutated_registry_is_accepted_or_reported(tree, data):
    record = yaml.load((DATA / "actors.yaml").read_text(encoding="utf-8"), Loader=sources.StrictLoader)
    _fuzz_source(tree, "actors.yaml", _serialise(data.draw(mutated(record)), data.draw(st.booleans())))


@given(data=st.data())
def test_damaged_raw_capture_with_a_matching_sha256_is_accepted_or_reported(tree, data):
    """Random damage to a capture whose recorded sha256 is forged to match, so that cleaning and every rule meet it."""
    name = data.draw(st.sampled_from(ARTICLES))
    source = (DATA / "articles" / name).read_text(encoding="utf-8")
    raw_file = yaml.load(source, Loader=sources.StrictLoader)["raw"]["file"]
    raw_path = tree / "raw" / raw_file
    original = raw_path.read_bytes()
    new = data.draw(damaged(original))
    forged = source.replace(
        release_format.sha256_bytes(original), release_format.sha256_bytes(new), 1
    ).encode("utf-8")
    try:
        raw_path.write_bytes(new)
        _fuzz_source(tree, f"articles/{name}", forged)
    finally:
        raw_path.write_bytes(original)


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """The bytes with random damage: bytes overwritten, a cut, or bytes inserted."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["overwrite", "cut", "insert"]))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if op == "overwrite" and out:
            out[at] = draw(st.integers(0, 255).filter(lambda b, old=out[at]: b != old))
        elif op == "cut":
            del out[at : at + draw(st.integers(1, 64))]
        else:
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(out)


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz-release") / "release"
    shutil.copytree(DATA / "release", target)
    return target


def _fuzz_release(release: Path, damage: dict[str, bytes]) -> None:
    """Write the damaged files, then load() and validate_release: a table, a corpus_ds error or a report,
    nothing else."""
    originals = {name: (release / name).read_bytes() for name in damage}
    report_table.examples["fuzz-releases"] += 1
    try:
        for name, new in damage.items():
            (release / name).write_bytes(new)
        for table in ("articles", "mentions"):
            # "full": the checks meant for files whose checksums may be forged too; what loads must be readable.
            loaded = _checked(
                "fuzz-releases",
                lambda table=table: corpus_ds.load(table, path=release, validate="full").to_dict("records"),
            )
            assert isinstance(loaded, CorpusError) or len(loaded) > 0
        report = _checked("fuzz-releases", lambda: verify.validate_release(release, today=TODAY))
        _printable(report)
    finally:
        for name, data in originals.items():
            (release / name).write_bytes(data)


@given(data=st.data())
def test_damaged_parquet_is_refused_with_a_corpus_error(release, data):
    """Random byte damage to one table; half the time the manifest's sha256 is forged to match, so Parquet
    itself is parsed."""
    name = data.draw(st.sampled_from(columns.TABLES)) + ".parquet"
    new = data.draw(damaged((release / name).read_bytes()))
    damage = {name: new}
    if data.draw(st.booleans()):
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
        manifest["tables"][name[: -len(".parquet")]]["sha256"] = release_format.sha256_bytes(new)
        damage["manifest.json"] = json.dumps(manifest).encode()
    _fuzz_release(release, damage)


@given(data=st.data())
def test_damaged_manifest_is_refused_with_a_corpus_error(release, data):
    """Random bytes in the manifest, or one of its values replaced by another JSON value."""
    raw = (release / "manifest.json").read_bytes()
    if data.draw(st.booleans()):
        new = data.draw(damaged(raw))
    else:
        manifest = json.loads(raw)
        path = data.draw(st.sampled_from(_paths(manifest)))
        new = json.dumps(_set(manifest, path, data.draw(json_values))).encode()
    _fuzz_release(release, {"manifest.json": new})


# --- second round: Unicode categories in every field, file-type tricks, Parquet footers and metadata ------------------


def _forbidden_pool() -> list[str]:
    """One character of each forbidden kind at least, and every default-ignorable code point (not a hand list: the
    policy's own regular expression picks them from the whole of Unicode)."""
    ignorable = [
        chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and arabic.invisible().match(chr(c))
    ]
    return sorted(
        set(ignorable[:: max(1, len(ignorable) // 400)]) | set("\x00\x07\x1b\x7f\x85\u2028\u2029\u00a0\u3000")
    )


FORBIDDEN = _forbidden_pool()
# Python's and the regex package's Unicode databases may be of different versions: a code point the older one
# calls unassigned (Cn) may be a letter to the newer one, which the project's policy uses.
forbidden_characters = st.sampled_from(FORBIDDEN) | st.characters(
    categories=["Cc", "Cf", "Co", "Cn", "Zl", "Zp"], exclude_characters="\n"
).filter(lambda ch: bool(arabic.forbidden_characters(ch)))


def _string_paths(value: Any) -> list[tuple]:
    return [p for p in _paths(value) if p and isinstance(_get(value, p), str)]


@given(data=st.data())
def test_forbidden_characters_in_any_string_field_are_reported(tree, data):
    """A character of a forbidden Unicode category put into any string of an article or the registry: refused."""
    name = data.draw(st.sampled_from([*(f"articles/{a}" for a in ARTICLES), "actors.yaml"]))
    record = yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=sources.StrictLoader)
    path = data.draw(st.sampled_from(_string_paths(record)))
    value = _get(record, path)
    at = data.draw(st.integers(0, len(value)))
    char = data.draw(forbidden_characters)
    _set(record, path, value[:at] + char + value[at:])
    report_table.examples["fuzz-sources"] += 1
    path_file = tree / name
    original = path_file.read_bytes()
    try:
        path_file.write_bytes(_serialise(record, data.draw(st.booleans())))
        result = _checked("fuzz-sources", lambda: validate.validate_sources(tree, today=TODAY))
    finally:
        path_file.write_bytes(original)
    assert isinstance(result, Report) and not result.valid, f"U+{ord(char):04X} at {path} was accepted"
    _printable(result)


TRICKS = ("fifo", "directory", "dangling-link", "link-to-dev-zero", "link-to-fifo", "sparse-huge", "empty")


def _trick(path: Path, trick: str) -> None:
    import os

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
    if trick == "fifo":
        os.mkfifo(path)
    elif trick == "directory":
        path.mkdir()
    elif trick == "dangling-link":
        path.symlink_to(path.parent / "nowhere")
    elif trick == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif trick == "link-to-fifo":
        os.mkfifo(path.parent / f".{path.name}.fifo")
        path.symlink_to(path.parent / f".{path.name}.fifo")
    elif trick == "sparse-huge":
        with open(path, "wb") as f:
            f.truncate(80_000_000)
    else:
        path.write_bytes(b"")


def _within(seconds: float, run: Callable[[], Any]) -> Any:
    """run() in a thread; a hang (a read that waits on a FIFO) is a failure, counted as a crash."""
    import threading

    out: dict = {}

    def target() -> None:
        try:
            out["value"] = run()
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test's thread)
            out["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        report_table.crashes["fuzz-sources"] += 1
        pytest.fail(f"hung for {seconds} s")
    if "error" in out:
        raise out["error"]
    return out["value"]


@given(data=st.data())
def test_file_type_tricks_are_reported_without_blocking(tmp_path_factory, data):
    """Any file of the tree (a source, the registry, a capture, the manifest, a table) replaced by a FIFO, a
    directory, a link to a device or a FIFO, a dangling link, a huge sparse file or nothing: a report, never a hang."""
    tree = tmp_path_factory.mktemp("tricks") / "data"
    shutil.copytree(DATA, tree)
    candidates = sorted(  # what `corpus-ds validate` reads (the second annotation is read by `agreement`)
        str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file() and "annotations" not in p.parts
    )
    target = tree / data.draw(st.sampled_from(candidates))
    trick = data.draw(st.sampled_from(TRICKS))
    _trick(target, trick)
    report_table.examples["fuzz-sources"] += 1
    result = _within(
        60, lambda: _checked("fuzz-sources", lambda: validate.validate_sources(tree, today=TODAY))
    )
    if isinstance(result, Report):
        _printable(result)
        assert not result.valid, f"{target} as {trick} was accepted"
    shutil.rmtree(tree.parent)


def _footer_mutations(draw, table: pa.Table, raw: bytes) -> bytes:
    """The table written again with writer options or metadata the release never uses, or its footer's bytes
    damaged (the Thrift metadata, its length, the magic)."""
    op = draw(
        st.sampled_from(
            [
                "metadata-key",
                "pandas-entry",
                "statistics",
                "page-index",
                "bloom-filter",
                "sorting",
                "row-groups",
                "compression",
                "plain-encoding",
                "page-v2",
                "footer-bytes",
                "footer-length",
            ]
        )
    )
    names = table.column_names
    options: dict = {"compression": "zstd", "write_statistics": False}
    if op == "metadata-key":
        key = draw(st.text(min_size=1, max_size=12))
        value = draw(st.text(max_size=40))
        table = table.replace_schema_metadata({**table.schema.metadata, key.encode(): value.encode()})
    elif op == "pandas-entry":
        a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        entry = {
            "index_columns": draw(st.lists(st.sampled_from(names), max_size=1)),
            "column_indexes": [],
            "columns": [
                {
                    "name": {a: b, b: a}.get(n, n),
                    "field_name": n,
                    "pandas_type": "unicode",
                    "numpy_type": "object",
                    "metadata": None,
                }
                for n in names
            ],
        }
        table = table.replace_schema_metadata(
            {**table.schema.metadata, b"pandas": json.dumps(entry).encode()}
        )
    elif op == "statistics":
        options["write_statistics"] = draw(
            st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)
        )
    elif op == "page-index":
        options["write_page_index"] = True
    elif op == "bloom-filter":
        flat = [f.name for f in table.schema if pa.types.is_string(f.type)]
        options["bloom_filter_options"] = {draw(st.sampled_from(flat)): {"ndv": 10}}
    elif op == "sorting":
        options["sorting_columns"] = [pq.SortingColumn(draw(st.integers(0, len(names) - 1)))]
    elif op == "row-groups":
        options["row_group_size"] = draw(st.integers(1, 4))
    elif op == "compression":
        options["compression"] = draw(st.sampled_from(["none", "snappy", "gzip", "lz4", "brotli"]))
    elif op == "plain-encoding":
        options["use_dictionary"] = False
    elif op == "page-v2":
        options["data_page_version"] = "2.0"
    if op in ("footer-bytes", "footer-length"):
        out = bytearray(raw)
        length = int.from_bytes(out[-8:-4], "little")
        if op == "footer-bytes":
            for _ in range(draw(st.integers(1, 4))):
                at = draw(st.integers(len(out) - 8 - length, len(out) - 1))
                out[at] = draw(st.integers(0, 255))
        else:
            out[-8:-4] = draw(st.integers(0, 2**32 - 1)).to_bytes(4, "little")
        return bytes(out)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **options)
    return sink.getvalue().to_pybytes()


@given(data=st.data())
def test_mutated_parquet_footer_and_metadata_are_refused_or_loaded_as_validated(release, data):
    """A table rewritten with a mutated footer or metadata, its sha256 forged to match: a corpus_ds error, or (for
    changes that are only encoding) exactly the validated Arrow data, column for column."""
    name = data.draw(st.sampled_from(columns.TABLES))
    path = release / f"{name}.parquet"
    original = pq.read_table(path)
    new = _footer_mutations(data.draw, original, path.read_bytes())
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"][name]["sha256"] = release_format.sha256_bytes(new)
    saved = {n: (release / n).read_bytes() for n in (path.name, "manifest.json")}
    report_table.examples["fuzz-releases"] += 1
    try:
        path.write_bytes(new)
        (release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        for validate_mode in (True, "full"):
            loaded = _checked(
                "fuzz-releases", lambda v=validate_mode: corpus_ds.load(name, path=release, validate=v)
            )
            if not isinstance(loaded, CorpusError):
                assert list(loaded.columns) == original.column_names
                for column in original.column_names:
                    got = [
                        None if v is pd.NA or (isinstance(v, float) and v != v) else v
                        for v in loaded[column].tolist()
                    ]
                    assert got == original.column(column).to_pylist(), column
    finally:
        for n, content in saved.items():
            (release / n).write_bytes(content)


def _inject_leaf(draw, value: Any, char: str) -> Any:
    """value with char inserted into one of its strings (at any depth of lists and structs)."""
    leaves = [p for p in _paths(value) if isinstance(_get(value, p), str)]
    if not leaves:
        return None
    where = draw(st.sampled_from(leaves))
    text = _get(value, where)
    at = draw(st.integers(0, len(text)))
    return _set(copy.deepcopy(value), where, text[:at] + char + text[at:])


@given(data=st.data())
def test_forbidden_characters_in_any_string_column_are_refused(release, data):
    """A forbidden character in any string of any table (removed lines excepted: they are shown as captured), every
    checksum and fingerprint recomputed: load(validate="full") and validate --release refuse it."""
    name = data.draw(st.sampled_from(columns.TABLES))
    tables = {t: pq.read_table(release / f"{t}.parquet") for t in columns.TABLES}
    table = tables[name]
    candidates = [
        f.name
        for f in table.schema
        if (pa.types.is_string(f.type) or pa.types.is_nested(f.type))
        and (name, f.name) != ("removals", "content")
    ]
    column = data.draw(st.sampled_from(candidates))
    values = table.column(column).to_pylist()
    row = data.draw(st.integers(0, len(values) - 1))
    changed = _inject_leaf(data.draw, values[row], data.draw(forbidden_characters))
    if changed is None:
        return
    values[row] = changed
    i = table.schema.get_field_index(column)
    tables[name] = table.set_column(
        i, table.schema.field(i), pa.array(values, type=table.schema.field(i).type)
    )
    forged = release.parent / "forged"
    shutil.rmtree(forged, ignore_errors=True)
    try:
        release_format.write_release(tables, forged)
    except (pa.ArrowException, UnicodeEncodeError):  # a lone surrogate cannot be written: nothing to load
        return
    report_table.examples["fuzz-releases"] += 1
    loaded = _checked("fuzz-releases", lambda: corpus_ds.load(name, path=forged, validate="full"))
    assert isinstance(loaded, CorpusError), f"{name}.{column} row {row} accepted"
    report = _checked("fuzz-releases", lambda: verify.validate_release(forged, today=TODAY))
    assert not report.valid
    _printable(report)
