"""Generated documents and sections: the DATASHEET's and CODEBOOK's tables, the README's dataset card, citation
and licence, CITATION.cff and LICENSE; `corpus-ds docs` writes them, `--check` and a test keep them in sync."""

from __future__ import annotations

import os
import re
import textwrap
from collections import Counter
from pathlib import Path

import pyarrow as pa

from corpus_ds import about, citation, columns, models

_BLOCK = re.compile(
    r"(<!-- BEGIN generated:(?P<name>[a-z_]+) -->\n)(?P<body>.*?)(<!-- END generated:(?P=name) -->)", re.S
)


def columns_section() -> str:
    out = []
    for table in columns.TABLES:
        out.append(f"#### `{table}`: {models.TABLE_DESCRIPTIONS[table]}\n")
        out.append("| column | Arrow type | description |\n|---|---|---|")
        for field in columns.schema(table):
            out.append(f"| `{field.name}` | `{field.type}` | {columns.description(table, field.name)} |")
        out.append("")
    return "\n".join(out)


# The codebook's vocabularies besides event_type (which carries CAMEO codes), in the order the codebook lists them.
VOCABULARIES = (
    ("instrument", models.INSTRUMENTS),
    ("status", models.STATUSES),
    ("agreement_type", models.AGREEMENT_TYPES),
    ("sectors", models.SECTORS),
    ("role", models.ROLES),
    ("cited source kind", models.CITED_KINDS),
    ("event_date_basis", models.DATE_BASES),
    ("review_status", models.REVIEW_STATUSES),
    ("actor kind", models.ACTOR_KINDS),
    ("evidence location", models.EVIDENCE_LOCATIONS),
    ("removal reason", models.REMOVAL_REASONS),
)


def vocabulary_section() -> str:
    out = ["#### event_type (with its CAMEO code)\n", "| value | CAMEO | definition |\n|---|---|---|"]
    out += [f"| `{k}` | {code} | {text} |" for k, (code, text) in models.EVENT_TYPES.items()]
    out.append("")
    for name, vocab in VOCABULARIES:
        out.append(f"#### {name}\n")
        out.append("| value | definition |\n|---|---|")
        out += [f"| `{k}` | {v} |" for k, v in vocab.items()]
        out.append("")
    return "\n".join(out)


SECOND_ANNOTATION = Path("data/annotations/annotator-b")
EVENT_DATA_ANNOTATION = Path("data/annotations/annotator-d")  # the dyads and places, annotated independently


def agreement_section(root: Path, second: Path = SECOND_ANNOTATION) -> str:
    """Agreement of the release's labels with an independent second annotation, as `corpus-ds agreement` gives it."""
    from corpus_ds import agreement, sources
    from corpus_ds.errors import Report

    registry = sources.read_registry(root / "data" / "actors.yaml", Report())
    a = agreement.read_annotations(root / "data" / "articles", registry)
    b = agreement.read_annotations(root / second, registry)
    command = f"corpus-ds agreement data/articles {second.as_posix()}"
    table = agreement.markdown(agreement.measure(a, b), "data/articles", second.as_posix())
    return f"Obtained with `{command}`:\n\n{table}\n"


def codes_section() -> str:
    """Every issue code, what it means and the checks that raise it (from the @check registry)."""
    from corpus_ds import checks
    from corpus_ds.errors import ISSUE_CODES

    def name(check) -> str:  # a check that searches the texts runs only with the full checks
        return f"`{check.name}` (full)" if check.full else f"`{check.name}`"

    rows = [
        f"| `{code}` | {text} | {', '.join(name(c) for c in checks.raised_by(code))} |"
        for code, text in ISSUE_CODES.items()
    ]
    return "| code | problem | raised by |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def counts_section(tables: dict[str, pa.Table]) -> str:
    articles = tables["articles"].to_pylist()
    out = ["| table | rows |\n|---|---|"]
    out += [f"| `{name}` | {tables[name].num_rows} |" for name in columns.TABLES]
    out.append("")
    facts = [
        ("articles", len(articles)),
        ("distinct events", len({a["event_id"] for a in articles})),
        ("articles with a title", sum(a["title"] is not None for a in articles)),
        ("articles with an outlet", sum(a["outlet"] is not None for a in articles)),
        ("articles with an attribution", sum(a["attribution"] is not None for a in articles)),
        ("articles with a stated publication date", sum(a["published_date"] is not None for a in articles)),
        ("event dates inferred", sum(a["event_date_basis"] == "inferred" for a in articles)),
        ("characters of text", sum(a["n_chars"] for a in articles)),
        ("actors in the registry", tables["actors"].num_rows),
        ("instruments", tables["agreements"].num_rows),
    ]
    out.append("| quantity | count |\n|---|---|")
    out += [f"| {k} | {v} |" for k, v in facts]
    out.append("")
    for column in ("agreement_type", "event_type"):
        counts = Counter(a[column] for a in articles)
        out.append(f"| {column} | articles |\n|---|---|")
        out += [f"| `{k}` | {v} |" for k, v in sorted(counts.items())]
        out.append("")
    status = Counter((r["instrument"], r["status"]) for r in tables["agreements"].to_pylist())
    out.append("| instrument | status | count |\n|---|---|---|")
    out += [f"| `{i}` | `{s}` | {n} |" for (i, s), n in sorted(status.items())]
    out.append("")
    return "\n".join(out)


def render(text: str, sections: dict[str, str]) -> str:
    """Replace the body of every generated block whose name is in sections."""

    def replace(m: re.Match) -> str:
        name = m.group("name")
        return m.group(0) if name not in sections else f"{m.group(1)}{sections[name]}{m.group(4)}"

    return _BLOCK.sub(replace, text)


def blocks(text: str) -> dict[str, str]:
    return {m.group("name"): m.group("body") for m in _BLOCK.finditer(text)}


def update(path: Path, sections: dict[str, str]) -> bool:
    """Rewrite the generated blocks of a document; True if anything changed."""
    old = path.read_text(encoding="utf-8")
    new = render(old, sections)
    if new != old:  # written beside it, then renamed: a reader sees the old document or the new, never half
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(new, encoding="utf-8")
        os.replace(tmp, path)
    return new != old


def licence_section() -> str:
    """The licence statement in the words every document uses, with the file of each licence."""
    files = "\n".join(f"- `{licence.spdx}`: [{licence.file}]({licence.file})" for licence in about.LICENCES)
    return f"{about.LICENCE_STATEMENT}\n\n{files}\n"


def licence_file() -> str:
    """LICENSE: the statement and where each licence's text is (the files LICENSES/<SPDX id>.txt)."""
    wrap = textwrap.TextWrapper(width=100, break_on_hyphens=False)
    parts = [
        "corpus_ds licence",
        f"SPDX-License-Identifier: {about.SPDX_EXPRESSION}",
        wrap.fill(about.LICENCE_STATEMENT),
        "\n".join(f"{licence.spdx}: {licence.file}" for licence in about.LICENCES),
        wrap.fill(
            f"Copyright (c) 2026 {about.AUTHOR}, for the code, the labels and the documentation. Attribution "
            "under CC BY 4.0: cite the version you used (`corpus-ds cite`, CITATION.cff)."
        ),
    ]
    return "\n\n".join(parts) + "\n"


def citation_section(version: str, released: str, fingerprint: str) -> str:
    """The README's citation of the current version: BibTeX and CITATION.cff, as `corpus-ds cite` prints them."""
    return (
        f"BibTeX (`corpus-ds cite`, `corpus_ds.cite()`):\n\n```bibtex\n"
        f"{citation.bibtex(version, released, fingerprint)}\n```\n\n"
        f"CFF (`corpus-ds cite --format cff`, the same as [CITATION.cff](CITATION.cff)):\n\n```yaml\n"
        f"{citation.cff(version, released, fingerprint)}```\n"
    )


def uses_section() -> str:
    """What the data is for and what it is not for (the card's statement of purpose; croissant.json says the same)."""
    return f"{about.RAI['dataUseCases']}\n\n{about.RAI['dataLimitations']}\n"


def rai_section() -> str:
    """croissant.json's responsible-AI fields, as they ship."""
    rows = [f"| `rai:{key}` | {value} |" for key, value in about.RAI.items()]
    rows.append(f"| `rai:hasSyntheticData` | {str(about.HAS_SYNTHETIC_DATA).lower()} |")
    return "| field | value |\n|---|---|\n" + "\n".join(rows) + "\n"


SPLIT = "release"  # the card's one split: every row of the release (not a training split)


def _size_category(n: int) -> str:
    for bound, name in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
    ):
        if n < bound:
            return name
    return "n>1M"


def card(n_articles: int) -> str:
    """The README's YAML front matter: a Hugging Face dataset card with one configuration per release table."""
    import yaml

    data = {
        "license": "other",
        "license_name": about.SPDX_EXPRESSION.lower().replace(" ", "-"),
        "license_link": "LICENSE",
        "language": [about.LANGUAGE],
        "pretty_name": about.TITLE,
        "annotations_creators": ["machine-generated"],  # AI annotators (DATASHEET, Labeling)
        "language_creators": ["found"],
        "multilinguality": ["monolingual"],
        "source_datasets": ["original"],
        "size_categories": [_size_category(n_articles)],
        "tags": ["international-relations", "event-data", "arabic", "evidence", "evaluation"],
        "configs": [
            {
                "config_name": table,
                "data_files": [{"split": SPLIT, "path": f"data/release/{table}.parquet"}],
                **({"default": True} if table == columns.TABLES[0] else {}),
            }
            for table in columns.TABLES
        ],
    }
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def front_matter(text: str) -> tuple[str, str]:
    """A document's YAML front matter (with its --- lines) and the rest."""
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return "", text
    end = text.index("\n---\n", 3) + 5
    return text[:end], text[end:]


def _generated(
    root: Path, release: Path | None = None, version: str | None = None, released: str | None = None
) -> dict[Path, tuple[dict[str, str], str | None]]:
    """Each generated document: its generated sections by name and, for a whole file, its full text.

    README.md's front matter is its section "card"; CITATION.cff and LICENSE are generated whole. release, version
    and released default to the checkout's data/release and the package's version (`corpus-ds release` passes the
    release it stages and the version it makes).
    """
    import json

    import pyarrow.parquet as pq

    from corpus_ds import __released__, __version__

    release = Path(release) if release is not None else root / "data" / "release"
    version, released = version or __version__, released or __released__
    built = {name: pq.read_table(release / f"{name}.parquet") for name in columns.TABLES}
    fingerprint = json.loads((release / "manifest.json").read_text(encoding="utf-8"))["fingerprint"]
    licence = licence_section()
    return {
        root / "DATASHEET.md": (
            {
                "columns": columns_section(),
                "counts": counts_section(built),
                "codes": codes_section(),
                "agreement": agreement_section(root),
                "agreement_event_data": agreement_section(root, EVENT_DATA_ANNOTATION),
                "licence": licence,
                "rai": rai_section(),
            },
            None,
        ),
        root / "CODEBOOK.md": ({"vocabulary": vocabulary_section(), "codes": codes_section()}, None),
        root / "README.md": (
            {
                "card": card(built["articles"].num_rows),
                "uses": uses_section(),
                "citation": citation_section(version, released, fingerprint),
                "licence": licence,
            },
            None,
        ),
        root / "CITATION.cff": ({}, citation.cff(version, released, fingerprint)),
        root / "LICENSE": ({}, licence_file()),
    }


def _render(path: Path, sections: dict[str, str], whole: str | None, old: str | None = None) -> str:
    if whole is not None:
        return whole
    old = path.read_text(encoding="utf-8") if old is None else old
    if "card" in sections:
        old = sections["card"] + front_matter(old)[1]
    return render(old, sections)


def stale(root: Path) -> list[str]:
    """One line for every generated section or file that differs from what the code and the release generate."""
    out = []
    for path, (sections, whole) in _generated(Path(root)).items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if whole is not None:
            if current != whole:
                out.append(f"{path}: out of date; run `corpus-ds docs` [docs-out-of-sync]")
            continue
        have = blocks(current or "")
        have["card"] = front_matter(current or "")[0]
        out += [
            f"{path}: generated section '{name}' is out of date; run `corpus-ds docs` [docs-out-of-sync]"
            for name, text in sections.items()
            if have.get(name) != text
        ]
    return out


def rendered(
    root: Path, texts: dict[Path, str], release: Path, version: str, released: str
) -> dict[Path, str]:
    """Every generated document as it would be for this release and version, the others' sections rendered into the
    given texts (paths relative to root): what `corpus-ds release` stages, without writing anything."""
    out = {}
    for path, (sections, whole) in _generated(Path(root), release, version, released).items():
        relative = path.relative_to(root)
        current = texts.get(relative)
        if current is None and whole is None:
            current = path.read_text(encoding="utf-8")
        out[relative] = _render(path, sections, whole, current)
    return out


def write(root: Path) -> list[Path]:
    """Regenerate every generated section and file; the paths that changed."""
    changed = []
    for path, (sections, whole) in _generated(Path(root)).items():
        new = _render(path, sections, whole)
        if not path.is_file() or path.read_text(encoding="utf-8") != new:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
