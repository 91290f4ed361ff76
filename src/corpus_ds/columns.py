"""Exact Arrow schemas of the release tables, with their column descriptions: derived from the row models
(schemagen.py) and read here from the generated release_schema.py, so that the loader imports no pydantic."""

from __future__ import annotations

import pyarrow as pa

from corpus_ds.release_schema import SCHEMAS

COLUMNS: dict[str, dict[str, pa.DataType]] = {
    table: {f.name: f.type for f in schema} for table, schema in SCHEMAS.items()
}
TABLES = tuple(COLUMNS)


def description(table: str, column: str) -> str:
    return SCHEMAS[table].field(column).metadata[b"description"].decode()


def nullable(table: str, column: str) -> bool:
    """Whether the row model allows null in this column."""
    return SCHEMAS[table].field(column).nullable


def schema(table: str) -> pa.Schema:
    """The exact schema of one release table; every field carries its description as metadata."""
    return SCHEMAS[table]
