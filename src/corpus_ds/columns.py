"""Exact Arrow schemas of the release tables, with column descriptions taken from the row models."""

from __future__ import annotations

import pyarrow as pa

from corpus_ds import models

_str = pa.string()
_date = pa.date32()
_i32 = pa.int32()
_i16 = pa.int16()
_strs = pa.list_(_str)

_OFFICE = pa.struct([("title_en", _str), ("start", _date), ("end", _date), ("source", _str)])

COLUMNS: dict[str, dict[str, pa.DataType]] = {
    "articles": {
        "article_id": _str,
        "title": _str,
        "text": _str,
        "outlet": _str,
        "attribution": _str,
        "cited_sources": pa.list_(
            pa.struct([("name", _str), ("kind", _str), ("actor_id", _str), ("quote", _str)])
        ),
        "published_date": _date,
        "event_date": _date,
        "event_date_basis": _str,
        "event_date_note": _str,
        "event_weekday_quote": _str,
        "event_id": _str,
        "event_type": _str,
        "cameo_code": _str,
        "agreement_type": _str,
        "actors": pa.list_(pa.struct([("actor_id", _str), ("role", _str), ("surfaces", _strs)])),
        "agreements": pa.list_(
            pa.struct(
                [("instrument", _str), ("status", _str), ("sectors", _strs), ("year", _i16), ("quote", _str)]
            )
        ),
        "alias_waivers": pa.list_(pa.struct([("alias", _str), ("reason", _str)])),
        "n_paragraphs": _i32,
        "n_chars": _i32,
        "raw_file": _str,
        "raw_original_name": _str,
        "raw_sha256": _str,
        "text_sha256": _str,
        "review_status": _str,
        "annotator": _str,
        "reviewer": _str,
        "review_notes": _strs,
    },
    "mentions": {
        "article_id": _str,
        "actor_id": _str,
        "role": _str,
        "surface": _str,
        "start": _i32,
        "end": _i32,
    },
    "agreements": {
        "article_id": _str,
        "agreement_index": _i16,
        "instrument": _str,
        "status": _str,
        "sectors": _strs,
        "year": _i16,
        "quote": _str,
        "location": _str,
        "start": _i32,
        "end": _i32,
        "note": _str,
    },
    "evidence": {
        "article_id": _str,
        "label": _str,
        "value": _str,
        "quote": _str,
        "location": _str,
        "start": _i32,
        "end": _i32,
    },
    "actors": {
        "actor_id": _str,
        "kind": _str,
        "name_en": _str,
        "name_ar": _str,
        "aliases_ar": _strs,
        "country": _str,
        "offices": pa.list_(_OFFICE),
    },
    "removals": {
        "article_id": _str,
        "line_start": _i32,
        "line_end": _i32,
        "reason": _str,
        "decided_by": _str,
        "content": _str,
    },
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
