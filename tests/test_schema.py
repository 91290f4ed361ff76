"""schema/ is generated from the models, and the published JSON Schemas accept the data and reject bad data."""

from __future__ import annotations

import copy
import json

import jsonschema
import pyarrow.parquet as pq
import pytest
import yaml
from conftest import DATA, REPO, run_cli

from corpus_ds import columns, models
from corpus_ds.sources import StrictLoader

SCHEMA_DIR = REPO / "schema"


def _schema(name):
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _validator(name):
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_committed_schemas_match_the_models():
    committed = {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json")}
    generated = models.json_schemas()
    assert committed == set(generated)
    for name, schema in generated.items():
        assert _schema(name) == schema, f"schema/{name}.schema.json is stale: run `corpus-ds schema`"


def test_schema_check_command(tmp_path):
    assert run_cli("schema", "--check", cwd=REPO).returncode == 0
    stale = run_cli("schema", "--check", "--out", str(tmp_path))
    assert stale.returncode == 1 and "[schema-out-of-sync]" in stale.stdout


def _sources():
    return sorted((DATA / "articles").glob("*.yaml"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.stem)
def test_every_source_file_validates_against_the_published_schema(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../schema/article_source.schema.json"
    _validator("article_source").validate(yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader))


def test_registry_validates_against_the_published_schema():
    _validator("registry").validate(
        yaml.load((DATA / "actors.yaml").read_text(encoding="utf-8"), Loader=StrictLoader)
    )


@pytest.mark.parametrize(
    "change",
    [
        ("actros", []),
        ("event", {"id": "x", "type": "summit", "cameo_code": "042", "evidence": {"quote": "x"}}),
        ("dates", {"published": None, "event": {"date": "2023-02-30", "basis": "inferred"}}),
        ("article_id", "../etc"),
    ],
)
def test_published_schema_rejects_bad_sources(change):
    data = yaml.load((DATA / "articles" / "ru-ma-0001.yaml").read_text(encoding="utf-8"), Loader=StrictLoader)
    bad = copy.deepcopy(data)
    bad[change[0]] = change[1]
    assert list(_validator("article_source").iter_errors(bad))


@pytest.mark.parametrize("table", columns.TABLES)
def test_every_built_row_validates_against_the_published_row_schema(table):
    validator = _validator(f"{table}_row")
    rows = json.loads(
        json.dumps(pq.read_table(DATA / "release" / f"{table}.parquet").to_pylist(), default=str)
    )
    assert rows
    for row in rows:
        validator.validate(row)
        models.TABLE_MODELS[table].model_validate(row)


def _properties(schema):
    yield from schema.get("properties", {}).items()
    for definition in schema.get("$defs", {}).values():
        yield from definition.get("properties", {}).items()


@pytest.mark.parametrize("name", sorted(models.json_schemas()))
def test_every_published_field_has_a_description(name):
    missing = [key for key, prop in _properties(_schema(name)) if not prop.get("description")]
    assert not missing, f"{name}: fields without description: {missing}"


SCHEMA_CODES = {"unknown-field", "missing-field", "invalid-value", "vocabulary"}


def _schema_defects():
    from catalogue import CATALOGUE

    return [d for d in CATALOGUE if d.code in SCHEMA_CODES and d.file.startswith("articles/")]


@pytest.mark.parametrize("defect", _schema_defects(), ids=lambda d: d.id)
def test_published_schema_and_models_reject_the_same_bad_sources(defect, data_copy):
    """Whatever the models reject as a malformed field, the published JSON Schema rejects too."""
    from corpus_ds.errors import Report
    from corpus_ds.sources import read_article

    file, code = defect.file, defect.code
    defect.inject.apply(data_copy)
    report = Report()
    assert read_article(data_copy / file, report) is None and code in report.codes()
    data = yaml.load((data_copy / file).read_text(encoding="utf-8"), Loader=StrictLoader)
    assert list(_validator("article_source").iter_errors(data)), (
        f"{defect.id}: the JSON Schema accepts what the models reject"
    )


def test_the_loaders_generated_schemas_are_what_the_models_give():
    """release_schema.py (what load() reads instead of the models) is what schemagen renders from them, and the
    schemas and row specs it holds are exactly the models' own."""
    from corpus_ds import rowcheck, schemagen

    assert schemagen.GENERATED.read_text(encoding="utf-8") == schemagen.render(), "run `corpus-ds schema`"
    for table in models.TABLE_MODELS:
        assert columns.schema(table).equals(schemagen.schema(table), check_metadata=True), table
    assert schemagen.table_specs() == rowcheck.TABLE_SPECS
