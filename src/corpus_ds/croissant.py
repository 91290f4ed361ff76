"""croissant.json: the release described in Croissant 1.1 (MLCommons), generated from the row models, the Arrow
schemas and the manifest. Every table is a RecordSet, every column a Field with its type and description."""

from __future__ import annotations

import json
import typing
from typing import Annotated, Any

import pyarrow as pa
from pydantic import BaseModel

from corpus_ds import about, citation, columns, models, schemagen

FILE = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
RAI_CONFORMS_TO = "http://mlcommons.org/croissant/RAI/1.0"
# The JSON-LD context of Croissant 1.1, as the reference implementation (mlcroissant) writes and expects it.
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "description": {"@container": "@language"},
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileObject": "cr:fileObject",
    "fileProperty": "cr:fileProperty",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "name": {"@container": "@language"},
    "parentField": "cr:parentField",
    "path": "cr:path",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {
    pa.string(): "sc:Text",
    pa.date32(): "sc:Date",
    pa.bool_(): "sc:Boolean",
    pa.int8(): "cr:Int8",
    pa.int16(): "cr:Int16",
    pa.int32(): "cr:Int32",
    pa.int64(): "cr:Int64",
    pa.float32(): "cr:Float32",
    pa.float64(): "cr:Float64",
}


def _leaf_type(table: str, path: str, arrow: pa.DataType) -> str:
    if arrow not in DATA_TYPES:
        raise TypeError(f"{table}.{path}: no Croissant data type for Arrow {arrow}")
    return DATA_TYPES[arrow]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The row model nested in a field's annotation (list[Model], Model | None), if any."""
    annotation = schemagen._without_none(annotation)
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is list:
        return _model_of(typing.get_args(annotation)[0])
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _field(table: str, column: str, path: tuple[str, ...], arrow: pa.DataType, info) -> dict:
    """One Field (with subFields for structs), read from the column `column`; path is its place inside it."""
    field_id = "/".join((table, column, *path))
    source: dict[str, Any] = {"fileObject": {"@id": f"{table}.parquet"}, "extract": {"column": column}}
    if path:
        source["transform"] = {"jsonPath": ".".join(path)}
    out: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": field_id}
    out["description"] = info.description or ""
    repeated = pa.types.is_list(arrow)
    item = arrow.value_type if repeated else arrow
    if pa.types.is_struct(item):
        if path:
            raise TypeError(f"{table}.{column}: a struct inside a struct is not described in Croissant here")
        nested = _model_of(info.annotation)
        out["subField"] = [
            _field(table, column, (*path, sub.name), sub.type, nested.model_fields[sub.name]) for sub in item
        ]
    else:
        if pa.types.is_list(item):
            raise TypeError(
                f"{table}.{'.'.join((column, *path))}: a list of lists has no Croissant form here"
            )
        out["dataType"] = _leaf_type(table, ".".join((column, *path)), item)
        out["source"] = source
    if repeated:
        out.update(isArray=True, arrayShape="-1")
    return out


def _key(table: str) -> str | None:
    """A table's key column: `<table>_id` without its plural s (articles: article_id), when the table has one."""
    name = f"{table[:-1]}_id" if table.endswith("s") else f"{table}_id"
    return name if name in columns.COLUMNS[table] else None


def record_set(table: str) -> dict:
    model = models.TABLE_MODELS[table]
    keys = {_key(t): t for t in columns.TABLES if _key(t)}
    fields = []
    for column, arrow in columns.COLUMNS[table].items():
        field = _field(table, column, (), arrow, model.model_fields[column])
        if column in keys and keys[column] != table:  # a foreign key: the table it names has it as key
            field["references"] = {"field": {"@id": f"{keys[column]}/{column}"}}
        fields.append(field)
    out = {
        "@type": "cr:RecordSet",
        "@id": table,
        "name": table,
        "description": models.TABLE_DESCRIPTIONS[table],
        "field": fields,
    }
    if _key(table):
        out["key"] = {"@id": f"{table}/{_key(table)}"}
    return out


def metadata(manifest: dict, released: str) -> dict:
    """The Croissant description of a release, from its manifest (version, fingerprint, every file's sha256)."""
    version, fingerprint = manifest["version"], manifest["fingerprint"]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": [CONFORMS_TO, RAI_CONFORMS_TO],
        "name": about.NAME,
        "description": about.ABSTRACT,
        "version": version,
        "datePublished": released,
        "creator": {"@type": "sc:Organization", "name": about.AUTHOR},
        "keywords": list(about.KEYWORDS),
        "inLanguage": about.LANGUAGE,
        "license": [
            {
                "@type": "sc:CreativeWork",
                "name": licence.spdx,
                "url": licence.url,
                "description": licence.covers,
            }
            for licence in about.LICENCES
        ],
        "usageInfo": about.LICENCE_STATEMENT,  # the statement in the words every document uses
        "citeAs": citation.bibtex(version, released, fingerprint),
        "identifier": f"sha256:{fingerprint}",
        "isLiveDataset": False,
        **{f"rai:{key}": value for key, value in about.RAI.items()},
        "rai:hasSyntheticData": about.HAS_SYNTHETIC_DATA,
        "distribution": [
            {
                "@type": "cr:FileObject",
                "@id": entry["file"],
                "name": entry["file"],
                "description": models.TABLE_DESCRIPTIONS[table],
                "contentUrl": entry["file"],  # beside croissant.json
                "encodingFormat": "application/x-parquet",
                "sha256": entry["sha256"],
            }
            for table, entry in manifest["tables"].items()
        ],
        "recordSet": [record_set(table) for table in columns.TABLES],
    }


def render(manifest: dict, released: str) -> str:
    return json.dumps(metadata(manifest, released), indent=2, ensure_ascii=False) + "\n"
