"""Generated sections of DATASHEET.md and CODEBOOK.md (columns, vocabularies, counts), kept in sync by a test."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyarrow as pa

from corpus_ds import columns, models

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


def agreement_section(root: Path) -> str:
    """Agreement of the release's labels with the independent second annotation, as `corpus-ds agreement` gives it."""
    from corpus_ds import agreement, sources
    from corpus_ds.errors import Report

    registry = sources.read_registry(root / "data" / "actors.yaml", Report())
    a = agreement.read_annotations(root / "data" / "articles", registry)
    b = agreement.read_annotations(root / SECOND_ANNOTATION, registry)
    command = f"corpus-ds agreement data/articles {SECOND_ANNOTATION.as_posix()}"
    table = agreement.markdown(agreement.measure(a, b), "data/articles", SECOND_ANNOTATION.as_posix())
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
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old
