"""Read the human-edited source files (strict YAML) into models, turning every defect into a located issue."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from corpus_ds import arabic, filecaps, memo
from corpus_ds.checks import check
from corpus_ds.errors import TOP_LEVEL, WHOLE_FILE, Issue, Report
from corpus_ds.models import PLACEHOLDER, ArticleSource, Registry

MAX_SOURCE_BYTES = 1_000_000
# Nesting a data file never needs (an article is six levels deep): deeper is refused before anything recurses.
MAX_DEPTH = 32
# Digits of an integer: years and counts need four; more than this is no value of the codebook.
MAX_INT_DIGITS = 18
SCHEMA_HINT = "# yaml-language-server: $schema=../../schema/{name}.schema.json"

M = TypeVar("M", bound=BaseModel)


class NotJson:
    """A plain scalar that YAML 1.1 reads as a number or boolean but JSON would not read the same way (0x7d2,
    2_0_0_2, 33:22, 03722, yes, .inf), or an integer too long to be a value: refused with its field path."""

    def __init__(self, text: str, reads_as: str):
        self.text, self.reads_as = text, reads_as


_JSON_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_JSON_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


class TooDeep(yaml.composer.ComposerError):
    """Nesting beyond MAX_DEPTH, with the place where it went too deep."""


class StrictLoader(yaml.SafeLoader):
    """Safe YAML without the features a data file never needs: no anchors or aliases, no duplicate keys,
    no implicit timestamps (dates stay strings so that the models report impossible dates themselves), no nesting
    deeper than MAX_DEPTH, and no number or boolean that JSON would read otherwise (YAML 1.1's hex, octal,
    sexagesimal and underscored integers, yes/no/on/off)."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class attribute, overridden)
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases are not allowed", event.start_mark
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if self._depth >= MAX_DEPTH:
                raise TooDeep(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            self._depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)):
                continue  # unhashable keys are refused later as values JSON cannot express
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        if not _JSON_INT.fullmatch(text):
            return NotJson(text, "an integer")
        if len(text.lstrip("-")) > MAX_INT_DIGITS:
            return NotJson(text, f"an integer of {len(text.lstrip('-'))} digits")
        return int(text)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        if not _JSON_FLOAT.fullmatch(node.value) or len(node.value) > 40:
            return NotJson(node.value, "a number")
        return float(node.value)

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> Any:
        if node.value not in ("true", "false"):
            return NotJson(node.value, "a boolean")
        return node.value == "true"


StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
StrictLoader.add_constructor("tag:yaml.org,2002:bool", StrictLoader.construct_yaml_bool)

# What a YAML stream may hold (PyYAML refuses the rest): checked first, so that a NUL byte (a UTF-16 file read as
# UTF-8) or a noncharacter is reported at its line and column.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Parsed documents, per content: a validation, a build and a release read the same unchanged files within a process.
_PARSED = memo.ContentCache()


class Unreadable:
    """Marks a file that could not be parsed (its issue is in the report); distinct from an empty document."""


UNREADABLE = Unreadable()


@check(
    "source files",
    "file-unreadable",
    "file-too-large",
    "byte-order-mark",
    "invalid-utf8",
    "crlf-line-ends",
    "yaml-syntax",
    "yaml-too-deep",
    "yaml-type",
    "forbidden-character",
)
def read_yaml(path: Path, report: Report) -> Any:
    """Parse one YAML file; on any defect add an issue naming the file (and line) and return UNREADABLE."""
    name = str(path)
    try:
        data = filecaps.read_capped(path, MAX_SOURCE_BYTES)
    except filecaps.TooLarge as exc:
        report.add(
            "file-too-large", name, WHOLE_FILE, f"expected at most {MAX_SOURCE_BYTES} bytes, found {exc.size}"
        )
        return UNREADABLE
    except OSError as exc:
        report.add("file-unreadable", name, WHOLE_FILE, f"cannot read the file: {exc.strerror or exc}")
        return UNREADABLE
    if data.startswith(b"\xef\xbb\xbf"):
        report.add("byte-order-mark", name, "line 1, column 1", "expected UTF-8 without a byte-order mark")
        return UNREADABLE
    text = decode_utf8(data, name, report)
    if text is None:
        return UNREADABLE
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        report.add("crlf-line-ends", name, f"line {line}", "expected LF line ends, found CR")
        return UNREADABLE
    bad = _UNPRINTABLE.search(text)
    if bad:
        hint = " (a UTF-16 file? save it as UTF-8)" if bad.group() == "\x00" else ""
        report.add(
            "forbidden-character",
            name,
            _line_column(text, bad.start()),
            f"expected printable UTF-8 text; found U+{ord(bad.group()):04X}{hint}",
        )
        return UNREADABLE
    try:
        data = _PARSED.get(memo.digest(text), lambda: yaml.load(text, Loader=StrictLoader))
    except TooDeep as exc:
        report.add("yaml-too-deep", name, _mark(exc), f"expected a shallow document: {exc.problem}")
        return UNREADABLE
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        report.add("yaml-syntax", name, _mark(exc), f"YAML error: {problem}")
        return UNREADABLE
    except RecursionError:
        report.add(
            "yaml-too-deep", name, WHOLE_FILE, "expected a shallow document; the nesting is too deep to read"
        )
        return UNREADABLE
    found = _non_json(data, "")
    if found is not None:
        report.add(found[0], name, found[1], found[2])
        return UNREADABLE
    return data


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _mark(exc: yaml.YAMLError) -> str:
    """Where a YAML error is, as 'line L, column C' (a reader error gives an offset instead of a mark)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else WHOLE_FILE


def decode_utf8(data: bytes, name: str, report: Report) -> str | None:
    """The text of a file's bytes, or None with an invalid-utf8 issue naming the line and column of the
    first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        report.add(
            "invalid-utf8",
            name,
            f"line {line}, column {column}",
            f"expected UTF-8; invalid byte 0x{data[exc.start]:02x} at offset {exc.start}",
        )
        return None


def _non_json(value: Any, path: str) -> tuple[str, str, str] | None:
    """The first value JSON cannot express (sets, bytes, lone surrogates, ...) as (code, path, message),
    so the schema and the models see the same data and every string can be printed and encoded."""
    if isinstance(value, str):
        bad = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
        if bad is not None:
            return (
                "forbidden-character",
                path or TOP_LEVEL,
                f"expected Unicode text; found the lone surrogate U+{ord(bad):04X} (an escape that is not a character)",
            )
        found = arabic.forbidden_characters(value)
        if (
            found
        ):  # no value of a source file may hold what text and labels may not (arabic.forbidden_characters)
            position, what = found[0]
            return ("forbidden-character", path or TOP_LEVEL, f"{what} at position {position}")
        return None
    if isinstance(value, NotJson):
        shown = value.text if len(value.text) <= 24 else value.text[:20] + "…"
        return (
            "yaml-type",
            path or TOP_LEVEL,
            f"expected a value JSON reads the same way; found {shown!r}, which YAML 1.1 reads as "
            f"{value.reads_as} (write the number in decimal, true or false, or quote it as text)",
        )
    if value is None or isinstance(value, (bool, int, float)):
        return None
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _non_json(v, f"{path}[{i}]")
            if found:
                return found
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                return ("yaml-type", path or TOP_LEVEL, _expected_json(f"{type(k).__name__} key {k!r}"))
            found = _non_json(k, path or TOP_LEVEL) or _non_json(v, f"{path}.{k}" if path else k)
            if found:
                return found
        return None
    return ("yaml-type", path or TOP_LEVEL, _expected_json(type(value).__name__))


def _expected_json(found: str) -> str:
    return f"expected a string, number, boolean, null, list or mapping; found YAML type {found}"


def _location(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def field_paths(value: Any, path: str = "") -> Iterable[tuple[str, Any]]:
    """Every (field path, value) of parsed YAML, in the path notation issues use: actors[0].surfaces[1]."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from field_paths(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from field_paths(v, f"{path}[{i}]")


def placeholders(data: Any) -> list[str]:
    """Field paths a draft left as TODO for a person to fill in."""
    return [path for path, value in field_paths(data) if value == PLACEHOLDER]


def proposals(data: Any) -> list[str]:
    """Field paths of the machine proposals still marked `proposed` (each a label a person has not yet confirmed)."""
    return [
        path.rsplit(".", 1)[0]
        for path, value in field_paths(data)
        if value is not None and (path == "proposed" or path.endswith(".proposed"))
    ]


def describe(model: type[BaseModel], path: str) -> str:
    """What the codebook asks for at a field path: the field's description and, for a vocabulary, its values."""
    info = None
    for part in re.findall(r"[^.\[\]]+", path):
        if part.isdigit() or model is None:
            continue
        fields = {f.alias or n: f for n, f in model.model_fields.items()}
        info = fields.get(part)
        if info is None:
            return "see CODEBOOK.md"
        model = next(
            (t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None
        )
    if info is None:
        return "see CODEBOOK.md"
    values = [v for t in _types(info.annotation) if get_origin(t) is Literal for v in get_args(t)]
    return (info.description or "see CODEBOOK.md") + (
        f" Expected one of: {', '.join(values)}." if values else ""
    )


def _types(annotation: Any) -> list:
    """The annotation and every type nested in it (Optional, list, Annotated)."""
    out = [annotation]
    for arg in get_args(annotation):
        out += _types(arg)
    return out


def _under(loc: str, paths: list[str]) -> bool:
    return any(loc == p or loc.startswith((p + ".", p + "[")) for p in paths)


@check(
    "source files",
    "not-a-mapping",
    "placeholder",
    "unknown-field",
    "missing-field",
    "vocabulary",
    "invalid-value",
)
def to_model(model: type[M], data: Any, name: str, report: Report) -> M | None:
    """Validate parsed data against a model; every pydantic error becomes one issue with its field path.

    A TODO left by a draft is reported once as a placeholder, not again as the type error it also is.
    """
    if not isinstance(data, dict):
        found = "an empty document" if data is None else type(data).__name__
        report.add(
            "not-a-mapping", name, TOP_LEVEL, f"expected a mapping of fields at the top level, found {found}"
        )
        return None
    todo = placeholders(data)
    for path in todo:
        report.add("placeholder", name, path, f"still {PLACEHOLDER}: {describe(model, path)}")
    try:
        # Strict JSON-mode validation: exactly what the published JSON Schema accepts (no "2002" for 2002, no
        # true for 1).
        validated = model.model_validate_json(json.dumps(data), strict=True)
        return None if todo else validated  # a draft with blanks is explained, never built
    except PydanticError as exc:
        for err in exc.errors():
            code = {
                "extra_forbidden": "unknown-field",
                "missing": "missing-field",
                "literal_error": "vocabulary",
            }.get(err["type"], "invalid-value")
            value = err.get("input")
            if _under(_location(err["loc"]), todo):
                continue
            report.issues.append(
                Issue(
                    code,
                    name,
                    _location(err["loc"]),
                    err["msg"],
                    value if not isinstance(value, (dict, list)) else None,
                )
            )
        return None


@check("source files", "derived-field-in-source", "draft-article", "proposal-unconfirmed")
def read_article(path: Path, report: Report) -> ArticleSource | None:
    data = read_yaml(path, report)
    if data is UNREADABLE:
        return None
    if isinstance(data, dict) and "agreement_type" in data:
        report.add(
            "derived-field-in-source",
            str(path),
            "agreement_type",
            "agreement_type is derived from the agreements by the build; remove it from the source file",
            data["agreement_type"],
        )
        data = {k: v for k, v in data.items() if k != "agreement_type"}
    _check_draft(path, data, report)
    return to_model(ArticleSource, data, str(path), report)


def _check_draft(path: Path, data: Any, report: Report) -> None:
    """Say plainly that a draft is a draft (and what is left to do); a reviewed article may hold no proposal."""
    if not isinstance(data, dict):
        return
    review = data.get("review")
    status = review.get("status") if isinstance(review, dict) else None
    article_id = data.get("article_id") if isinstance(data.get("article_id"), str) else None
    marked = proposals(data)
    if status == "draft":
        todo = len(placeholders(data))
        left = (
            f"{todo} TODO values to fill in and {len(marked)} machine proposals to check (delete each `proposed` key "
            "once checked); then "
            if todo or marked
            else "every value is filled in and no proposal is left; now "
        )
        report.add(
            "draft-article",
            str(path),
            "review.status",
            f"draft: {left}a second person checks every label against its evidence and sets review.status: "
            "reviewed and review.reviewer. Drafts never enter a release.",
            status,
            article_id,
        )
    elif status == "reviewed":
        for where in marked:
            report.add(
                "proposal-unconfirmed",
                str(path),
                f"{where}.proposed" if where != "proposed" else where,
                "a machine proposal is still marked: check the label against its evidence, then delete `proposed`",
                None,
                article_id,
            )


def read_registry(path: Path, report: Report) -> Registry | None:
    data = read_yaml(path, report)
    return None if data is UNREADABLE else to_model(Registry, data, str(path), report)


def dump_yaml(data: Any) -> str:
    """Serialise for a human editor: Arabic kept readable, keys in the given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
