"""What the loader needs from the row models, derived here and written as plain code (release_schema.py), so that
reading a release imports no pydantic: the exact Arrow schema of each table and what each row model demands of its
values. `corpus-ds schema` writes it, `corpus-ds schema --check` and tests/test_schema.py check it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import annotated_types
import pyarrow as pa
from pydantic import BaseModel, StringConstraints

from corpus_ds import models
from corpus_ds.rowcheck import Spec

GENERATED = Path(__file__).with_name("release_schema.py")


def arrow_type(annotation: Any, metadata: Iterable = ()) -> pa.DataType:
    """The Arrow type of a row model's field, read off its annotation (as Hugging Face's Features derives them)."""
    annotation = _without_none(annotation)
    if typing.get_origin(annotation) is Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = [*metadata, *extra]
    origin = typing.get_origin(annotation)
    if origin is Literal or annotation is str:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if annotation is dt.date:
        return pa.date32()
    if annotation is float:
        return pa.float64()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [(name, arrow_type(f.annotation, f.metadata)) for name, f in annotation.model_fields.items()]
        )
    if annotation is int:
        bits = next((m.bits for m in metadata if isinstance(m, models.ArrowInt)), None)
        if bits is None:
            raise TypeError("an integer column needs its width: annotate it models.Int16, Int32 or Offset")
        return pa.int16() if bits == 16 else pa.int32()
    raise TypeError(f"no Arrow type for {annotation!r}")


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def schema(table: str) -> pa.Schema:
    """The exact schema of one release table, from its row model; every field carries its description."""
    model = models.TABLE_MODELS[table]
    return pa.schema(
        [
            pa.field(
                name,
                arrow_type(f.annotation, f.metadata),
                nullable=type(None) in getattr(f.annotation, "__args__", ()),
                metadata={"description": f.description or ""},
            )
            for name, f in model.model_fields.items()
        ],
        metadata={"description": models.TABLE_DESCRIPTIONS[table]},
    )


def _constraints(meta: list, into: dict) -> None:
    for m in meta:
        if isinstance(m, annotated_types.Ge):
            into["ge"] = m.ge
        elif isinstance(m, annotated_types.MinLen):
            into["min_len"] = m.min_length
        elif isinstance(m, StringConstraints):
            into["str_min"], into["str_max"] = m.min_length, m.max_length
            if m.pattern is not None:
                if m.pattern != r"\S":
                    raise NotImplementedError(f"row models use only the pattern \\S, found {m.pattern!r}")
                into["non_blank"] = True
        elif hasattr(m, "metadata"):
            _constraints(list(m.metadata), into)


def spec_of(annotation, metadata=()) -> Spec:
    """What a row model's field demands of one value, read off its type annotation."""
    found: dict = {}
    _constraints(list(metadata), found)
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional, annotation = True, args[0]
        origin = typing.get_origin(annotation)
    if origin is Annotated:
        annotation, *extra = typing.get_args(annotation)
        _constraints(extra, found)
        origin = typing.get_origin(annotation)
    min_len = found.pop("min_len", None)
    common = dict(optional=optional, ge=found.get("ge"), non_blank=found.get("non_blank", False))
    if origin is Literal:
        return Spec(literal=typing.get_args(annotation), **common)
    if origin is list:
        return Spec(item=spec_of(typing.get_args(annotation)[0]), min_items=min_len, **common)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Spec(
            fields=tuple(
                (name, spec_of(f.annotation, f.metadata)) for name, f in annotation.model_fields.items()
            ),
            **common,
        )
    return Spec(str_min=found.get("str_min", min_len), str_max=found.get("str_max"), **common)


def table_specs() -> dict[str, Spec]:
    return {table: spec_of(model) for table, model in models.TABLE_MODELS.items()}


def _type_code(t: pa.DataType) -> str:
    """Python code that builds an Arrow type of the release."""
    simple = {pa.string(): "pa.string()", pa.int16(): "pa.int16()", pa.int32(): "pa.int32()"}
    simple |= {pa.float64(): "pa.float64()", pa.date32(): "pa.date32()"}
    if t in simple:
        return simple[t]
    if pa.types.is_list(t):
        return f"pa.list_({_type_code(t.value_type)})"
    if pa.types.is_struct(t):
        return "pa.struct([" + ", ".join(f"({f.name!r}, {_type_code(f.type)})" for f in t) + "])"
    raise TypeError(f"no code for the Arrow type {t}")


def _schema_code(s: pa.Schema) -> str:
    fields = "".join(
        f"            pa.field({f.name!r}, {_type_code(f.type)}, nullable={f.nullable}, "
        f"metadata={{'description': {f.metadata[b'description'].decode()!r}}}),\n"
        for f in s
    )
    description = s.metadata[b"description"].decode()
    return f"pa.schema(\n        [\n{fields}        ],\n        metadata={{'description': {description!r}}},\n    )"


def render() -> str:
    """The text of release_schema.py."""
    tables = list(models.TABLE_MODELS)
    schemas = "".join(f"    {t!r}: {_schema_code(schema(t))},\n" for t in tables)
    specs = "".join(f"    {t!r}: {dataclasses.asdict(s)!r},\n" for t, s in table_specs().items())
    return (
        '"""Generated from the row models (models.py) by `corpus-ds schema`; do not edit. The exact Arrow schema of\n'
        "each release table and what each row model demands of its values (rowcheck.Spec as a dict), for the loader,\n"
        'which imports no pydantic. `corpus-ds schema --check` and tests/test_schema.py check it."""\n\n'
        "import pyarrow as pa\n\n"
        f"SCHEMAS = {{\n{schemas}}}\n\nROW_SPECS = {{\n{specs}}}\n"
    )
