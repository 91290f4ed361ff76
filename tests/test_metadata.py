"""What the dataset says about itself: CITATION.cff valid under the CFF 1.2.0 schema and complete, one licence
statement in every document and format, and a dataset card that says what the data is for."""

from __future__ import annotations

import copy
import json
import re
import tomllib

import jsonschema
import pytest
import yaml
from conftest import DATA, REPO, TEST_DATA
from packaging.licenses import canonicalize_license_expression
from test_docs import _front_matter

import corpus_ds
from corpus_ds import about, citation, croissant, docs

# The JSON Schema of CFF 1.2.0 (schema.json of the Citation File Format's 1.2.0 release, CC BY 4.0): cffconvert, the
# usual validator, pins jsonschema<4, which this project cannot install beside its own jsonschema>=4.18.
CFF_SCHEMA = json.loads((TEST_DATA / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))


def cff_problems(document: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(
        CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    return [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]


def _cff() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_is_valid_cff_1_2_0():
    assert CFF_SCHEMA["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    assert cff_problems(_cff()) == []
    assert cff_problems(yaml.safe_load(corpus_ds.cite("cff"))) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: c.pop("authors"), ""),
        (lambda c: c.update(license="MIT AND CC-BY-4.0"), "license"),  # SPDX ids only, never an expression
        (lambda c: c.update({"date-released": "24 November 2026"}), "date-released"),
        (lambda c: c["identifiers"][0].update(type="sha256"), "identifiers.0"),
    ],
)
def test_the_cff_validator_refuses_what_cff_1_2_0_refuses(change, field):
    broken = copy.deepcopy(_cff())
    change(broken)
    problems = cff_problems(broken)
    assert problems and any(p.startswith(f"{field}:") for p in problems), problems


def test_citation_cff_carries_the_fingerprint_abstract_keywords_licence_and_date():
    cff = _cff()
    fingerprint = json.loads((DATA / "release" / "manifest.json").read_text(encoding="utf-8"))["fingerprint"]
    assert cff["version"] == corpus_ds.__version__ and cff["date-released"] == corpus_ds.__released__
    assert {"type": "other", "value": f"sha256:{fingerprint}"}.items() <= cff["identifiers"][0].items()
    assert cff["abstract"] == f"{about.ABSTRACT} {about.LICENCE_STATEMENT}"
    assert about.SPDX_EXPRESSION in cff["abstract"] and cff["keywords"] == list(about.KEYWORDS)
    assert cff["title"] == about.TITLE and cff["type"] == "dataset"
    assert (REPO / "CITATION.cff").read_text(encoding="utf-8") == citation.cff(
        corpus_ds.__version__, corpus_ds.__released__, fingerprint
    )


def test_the_readme_shows_bibtex_and_cff_of_the_current_version():
    block = docs.blocks(_front_matter()[1])["citation"]
    assert f"```bibtex\n{corpus_ds.cite()}\n```" in block
    assert f"```yaml\n{corpus_ds.cite('cff')}```" in block


def test_bibtex_escapes_tex_and_names_a_corporate_author():
    bib = citation.bibtex("1.2.3", "2027-01-02", "f" * 64)
    assert (
        "{{corpus\\_ds maintainers}}" in bib
        and "Russia--Morocco" in bib
        and "corpus_ds" not in bib.split("\n", 1)[1]
    )
    assert citation._latex("50% & $x_1$ #2 ~ ^ {a} \\") == (
        "50\\% \\& \\$x\\_1\\$ \\#2 \\~{} \\^{} \\{a\\} \\textbackslash{}"
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def test_one_licence_statement_in_every_document_and_format():
    statement = about.LICENCE_STATEMENT
    assert statement.startswith(f"Licence: {about.SPDX_EXPRESSION} (SPDX).")
    readme = _front_matter()[1]
    assert docs.blocks(readme)["licence"] == docs.licence_section()
    assert statement in docs.blocks((REPO / "DATASHEET.md").read_text(encoding="utf-8"))["licence"]
    assert statement in docs.blocks(readme)["licence"]
    assert _words(statement) in _words((REPO / "LICENSE").read_text(encoding="utf-8"))
    assert statement in _cff()["abstract"]
    assert (
        json.loads((DATA / "release" / croissant.FILE).read_text(encoding="utf-8"))["usageInfo"] == statement
    )
    assert about.SPDX_EXPRESSION in corpus_ds.cite() and statement in corpus_ds.cite("text")


def test_the_spdx_expression_is_valid_and_matches_the_package_metadata_and_the_files():
    assert canonicalize_license_expression(about.SPDX_EXPRESSION) == about.SPDX_EXPRESSION
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pyproject["license"] == about.SPDX_EXPRESSION
    shipped = {
        p.relative_to(REPO).as_posix() for pattern in pyproject["license-files"] for p in REPO.glob(pattern)
    }
    assert shipped == {"LICENSE", *(licence.file for licence in about.LICENCES)}
    for licence in about.LICENCES:
        assert licence.spdx in about.SPDX_EXPRESSION and (REPO / licence.file).is_file()
    assert (
        (REPO / "LICENSES" / "CC-BY-4.0.txt")
        .read_text(encoding="utf-8")
        .startswith("Creative Commons Attribution 4.0 International Public License")
    )
    assert "Permission is hereby granted, free of charge" in (REPO / "LICENSES" / "MIT.txt").read_text(
        "utf-8"
    )
    assert pyproject["keywords"] == list(about.KEYWORDS)


def test_publishers_find_how_to_ask_for_a_removal_and_what_happens():
    notice = (REPO / about.LICENCES[-1].file).read_text(encoding="utf-8")
    assert about.LICENCES[-1].spdx == about.PUBLISHER_TEXTS == "LicenseRef-Publisher-Texts"
    assert "How to ask:" in notice and "What happens:" in notice and "Removal request" in notice
    template = (REPO / ".github" / "ISSUE_TEMPLATE" / "removal-request.md").read_text(encoding="utf-8")
    assert template.startswith("---\nname: Removal request")
    assert "LicenseRef-Publisher-Texts" in (REPO / "DATASHEET.md").read_text(encoding="utf-8")


def test_the_card_says_what_the_data_is_for_and_names_no_training_split():
    card, body = _front_matter()
    assert card["license"] == "other" and card["license_link"] == "LICENSE"
    assert card["license_name"] == about.SPDX_EXPRESSION.lower().replace(" ", "-")
    assert "task_categories" not in card  # no task the DATASHEET says the data is not suited to
    splits = {f["split"] for c in card["configs"] for f in c["data_files"]}
    assert splits == {docs.SPLIT} and not splits & {"train", "training", "validation", "test"}
    uses = docs.blocks(body)["uses"]
    assert "Not for training models" in uses and uses == docs.uses_section()
    datasheet = (REPO / "DATASHEET.md").read_text(encoding="utf-8")
    assert "**Not suited to:**" in datasheet and "training models" in datasheet
    assert re.search(r"annotations_creators:\n- machine-generated", (REPO / "README.md").read_text("utf-8"))
