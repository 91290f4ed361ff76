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

import pytest
import report_table
import yaml
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

import corpus_ds
from corpus_ds import columns, release_format, sources, validate, verify
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
