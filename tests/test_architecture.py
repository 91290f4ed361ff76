"""The shape of the code: imports run one way (no circle), and reading a release never imports the code that
writes one."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "corpus_ds"
# Modules that write a release or read sources: loading must never import them (nor their libraries).
WRITERS = (
    "build",
    "clean",
    "sources",
    "draft",
    "propose",
    "release",
    "validate",
    "site",
    "docs",
    "diff",
    "agreement",
    "export",
)
WRITER_LIBRARIES = ("yaml", "jinja2", "jsonschema")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every corpus_ds module a module imports, at its top or inside a function (both are dependencies)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("corpus_ds"):
            found |= {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules}
            if node.module in modules and node.module != "corpus_ds":
                found.add(node.module)
    # `from corpus_ds import __version__`: the package's face defines the version before it imports anything
    return found - {"corpus_ds"}


def import_graph() -> dict[str, set[str]]:
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(paths)) - {name} for name, path in paths.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    return next((c for node in sorted(graph) if node not in state and (c := visit(node))), None)


def test_the_import_graph_has_no_circle():
    graph = import_graph()
    assert "corpus_ds.build" in graph and "corpus_ds.rules.keys" in graph
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_circle_finder_finds_a_circle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_loading_imports_no_writer_code():
    """In a fresh process: import corpus_ds and load every table, validated; then look at what was imported."""
    code = (
        "import json, sys, corpus_ds; corpus_ds.tables(); corpus_ds.load(validate='full'); "
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = set(
        json.loads(
            subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        )
    )
    assert "corpus_ds.verify" in loaded and "corpus_ds.rules" in loaded  # it did validate
    assert not loaded & {f"corpus_ds.{name}" for name in WRITERS}, loaded & {
        f"corpus_ds.{n}" for n in WRITERS
    }
    assert not loaded & set(WRITER_LIBRARIES)


def test_the_loader_depends_on_no_writer_even_lazily():
    graph = import_graph()
    reachable, todo = set(), ["corpus_ds.loader"]
    while todo:
        node = todo.pop()
        if node not in reachable:
            reachable.add(node)
            todo += graph.get(node, ())
    assert not reachable & {f"corpus_ds.{name}" for name in WRITERS}, reachable


def test_the_validating_load_imports_no_pydantic():
    """load() checks a release with schemas and specs generated from the models (release_schema.py), never the
    models themselves: importing pydantic and the models would cost every fresh process more than a tenth of a
    second. Only validate="full" (croissant.json is derived from the models) needs them."""
    code = "import json, sys, corpus_ds; corpus_ds.tables(); print(json.dumps(sorted(sys.modules)))"
    loaded = set(
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
            ).stdout
        )
    )
    assert "corpus_ds.rules" in loaded and "corpus_ds.release_schema" in loaded  # it did validate
    assert not {name for name in loaded if name.split(".")[0] in ("pydantic", "pydantic_core")}
    assert not loaded & {"corpus_ds.models", "corpus_ds.schemagen", "corpus_ds.croissant"}
    # nor the regex module (9 ms of the load's start): only the full checks and cleaning use its patterns
    assert "regex" not in loaded
