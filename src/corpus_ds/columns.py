"""Exact Arrow schemas of the release tables, derived from the row models with their column descriptions."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Union

import pyarrow as pa
from pydantic import BaseModel

from corpus_ds import models


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


COLUMNS: dict[str, dict[str, pa.DataType]] = {
    table: {name: arrow_type(f.annotation, f.metadata) for name, f in model.model_fields.items()}
    for table, model in models.TABLE_MODELS.items()
}
TABLES = tuple(COLUMNS)


def description(table: str, column: str) -> str:
    return models.TABLE_MODELS[table].model_fields[column].description or ""


def nullable(table: str, column: str) -> bool:
    """Whether the row model allows null in this column."""
    annotation = models.TABLE_MODELS[table].model_fields[column].annotation
    return type(None) in getattr(annotation, "__args__", ())


def schema(table: str) -> pa.Schema:
    """The exact schema of one release table; every field carries its description as metadata."""
    return pa.schema(
        [
            pa.field(
                name, typ, nullable=nullable(table, name), metadata={"description": description(table, name)}
            )
            for name, typ in COLUMNS[table].items()
        ],
        metadata={"description": models.TABLE_DESCRIPTIONS[table]},
    )
