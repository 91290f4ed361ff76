"""The citation of one exact version, as BibTeX, plain text or CITATION.cff (CFF 1.2.0), from about.py."""

from __future__ import annotations

import json
import re

from corpus_ds import about

FORMATS = ("bibtex", "text", "cff")
CFF_MESSAGE = (
    "If you use this dataset, please cite the exact version you used (its content fingerprint names it)."
)

_LATEX_SPECIAL = re.compile(r"([\\{}_%&#$^~])")


def _latex(text: str) -> str:
    """Text as a BibTeX field value: TeX's special characters escaped, en dashes as --."""
    escaped = _LATEX_SPECIAL.sub(
        lambda m: {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(m[1], "\\" + m[1]), text
    )
    return escaped.replace("–", "--")


def bibtex(version: str, released: str, fingerprint: str) -> str:
    fields = {
        "title": _latex(about.TITLE),
        "author": "{" + _latex(about.AUTHOR) + "}",  # a corporate author, not "maintainers, corpus_ds"
        "year": released[:4],
        "date": released,
        "version": version,
        "abstract": _latex(about.ABSTRACT),
        "keywords": _latex(", ".join(about.KEYWORDS)),
        "license": about.SPDX_EXPRESSION,
        "note": f"Dataset version {version}, content fingerprint sha256:{fingerprint}",
        "howpublished": f"Python package {_latex(about.NAME)} {version}",
    }
    width = max(map(len, fields))
    body = ",\n".join(f"  {k.ljust(width)} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{{about.NAME}_{version.replace('.', '_')},\n{body}\n}}"


def text(version: str, released: str, fingerprint: str) -> str:
    return (
        f"{about.AUTHOR} ({released[:4]}). {about.TITLE} (version {version}, released {released}) [Data set]. "
        f"Content fingerprint sha256:{fingerprint}. {about.LICENCE_STATEMENT}"
    )


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def cff(version: str, released: str, fingerprint: str) -> str:
    """CITATION.cff for this version. CFF's `license` takes SPDX identifiers read as alternatives (OR), so it cannot
    say AND nor name a LicenseRef: the whole licence statement, expression first, closes the abstract instead."""
    lines = [
        "cff-version: 1.2.0",
        f"message: {_quoted(CFF_MESSAGE)}",
        "type: dataset",
        f"title: {_quoted(about.TITLE)}",
        f"version: {_quoted(version)}",
        f"date-released: {_quoted(released)}",
        "authors:",
        f"  - name: {_quoted(about.AUTHOR)}",
        f"abstract: {_quoted(about.ABSTRACT + ' ' + about.LICENCE_STATEMENT)}",
        "keywords:",
        *(f"  - {_quoted(k)}" for k in about.KEYWORDS),
        "identifiers:",
        "  - type: other",
        f"    value: {_quoted('sha256:' + fingerprint)}",
        f"    description: {_quoted(f'Content fingerprint of version {version} (manifest.json, CHANGELOG.md)')}",
    ]
    return "\n".join(lines) + "\n"


def cite(style: str, version: str, released: str, fingerprint: str) -> str:
    writers = {"bibtex": bibtex, "text": text, "cff": cff}
    if style not in writers:
        from corpus_ds.errors import CorpusError

        raise CorpusError(f"unknown citation format {style!r}: expected one of {', '.join(FORMATS)}")
    return writers[style](version, released, fingerprint)
