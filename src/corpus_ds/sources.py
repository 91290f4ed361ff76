"""Read the human-edited source files (strict YAML) into models, turning every defect into a located issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, TypeVar

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from corpus_ds.errors import Issue, Report
from corpus_ds.models import ArticleSource, Registry

MAX_SOURCE_BYTES = 1_000_000
SCHEMA_HINT = "# yaml-language-server: $schema=../../schema/{name}.schema.json"

M = TypeVar("M", bound=BaseModel)


class StrictLoader(yaml.SafeLoader):
    """Safe YAML without the features a data file never needs: no anchors or aliases, no duplicate keys,
    no implicit timestamps (dates stay strings so that the models report impossible dates themselves)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "anchors and aliases are not allowed", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        for i, key in enumerate(keys):
            if key in keys[:i]:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", node.value[i][0].start_mark)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path, report: Report) -> Optional[Any]:
    """Parse one YAML file; on any defect add an issue naming the file (and line) and return None."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.add("file-unreadable", name, "", f"cannot read the file: {exc.strerror or exc}")
        return None
    if len(data) > MAX_SOURCE_BYTES:
        report.add("file-too-large", name, "", f"expected at most {MAX_SOURCE_BYTES} bytes, found {len(data)}")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        report.add("byte-order-mark", name, "", "expected UTF-8 without a byte-order mark")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add("invalid-utf8", name, "", f"expected UTF-8; invalid byte at offset {exc.start}")
        return None
    if "\r" in text:
        report.add("crlf-line-ends", name, "", "expected LF line ends, found CR")
        return None
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a restricted SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        report.add("yaml-syntax", name, where, f"YAML error: {problem}")
        return None


def _location(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def to_model(model: type[M], data: Any, name: str, report: Report) -> Optional[M]:
    """Validate parsed data against a model; every pydantic error becomes one issue with its field path."""
    if not isinstance(data, dict):
        report.add("not-a-mapping", name, "", f"expected a mapping of fields at the top level, found {type(data).__name__}")
        return None
    try:
        return model.model_validate(data)
    except PydanticError as exc:
        for err in exc.errors():
            code = {
                "extra_forbidden": "unknown-field",
                "missing": "missing-field",
                "literal_error": "vocabulary",
            }.get(err["type"], "invalid-value")
            value = err.get("input")
            report.issues.append(
                Issue(code, name, _location(err["loc"]), err["msg"], value if not isinstance(value, (dict, list)) else None)
            )
        return None


def read_article(path: Path, report: Report) -> Optional[ArticleSource]:
    data = read_yaml(path, report)
    if data is None:
        return None
    if isinstance(data, dict) and "agreement_type" in data:
        report.add("derived-field-in-source", str(path), "agreement_type",
                   "agreement_type is derived from the agreements by the build; remove it from the source file",
                   data["agreement_type"])
        data = {k: v for k, v in data.items() if k != "agreement_type"}
    return to_model(ArticleSource, data, str(path), report)


def read_registry(path: Path, report: Report) -> Optional[Registry]:
    data = read_yaml(path, report)
    return None if data is None else to_model(Registry, data, str(path), report)


def dump_yaml(data: Any) -> str:
    """Serialise for a human editor: Arabic kept readable, keys in the given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
