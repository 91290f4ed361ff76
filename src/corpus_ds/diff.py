"""Label-level differences between two releases, or between a release and the working sources."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import build, columns, release_format, rules
from corpus_ds.errors import CorpusError, Issue, Report
from corpus_ds.rules.context import duplicates

# Columns that are labels; the rest of the articles table is text, provenance or derived from the text.
TEXT_COLUMNS = ("title", "text", "text_sha256", "n_paragraphs", "n_chars")
# The long tables, with what identifies a row within its article: a change there that the articles row does not
# show (an evidence quote, an instrument's note, a cleaning decision) is a change of the data too.
# Each with the key of a row within its article and the columns the articles row does not already show (mentions
# follow entirely from the surfaces and the text, which the articles row holds).
LONG_TABLES = {
    "agreements": (("agreement_index",), ("note", "location", "start", "end")),
    "evidence": (("label",), ("quote", "location", "start", "end")),
    "removals": (("line_start",), ("line_end", "reason", "decided_by", "content")),
}
# Keys that identify an item of a nested list, so a changed item is compared with its counterpart.
ITEM_KEYS = {"actors": "actor_id", "alias_waivers": "alias", "offices": "title_en"}


@dataclass
class Snapshot:
    label: str
    tables: dict[str, pa.Table]
    version: str | None = None


@dataclass
class Diff:
    old: str
    new: str
    added: list[dict] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)
    text_changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    actors_added: list[str] = field(default_factory=list)
    actors_removed: list[str] = field(default_factory=list)
    actors_changed: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)
    schema_changed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.bump == "none"

    @property
    def bump(self) -> str:
        """The smallest version bump the changes need (see CONTRIBUTING.md, 'Versions')."""
        if self.schema_changed or self.removed or self.actors_removed:
            return "major"
        if self.added or self.actors_added:
            return "minor"
        if self.changed or self.text_changed or self.actors_changed:
            return "patch"
        return "none"

    def why(self) -> str:
        reasons = {
            "major": "columns changed or articles or actors removed",
            "minor": "articles or actors added",
            "patch": "labels, texts or registry entries corrected",
            "none": "no data changed",
        }
        return reasons[self.bump]

    def to_json(self) -> str:
        return json.dumps({**self.__dict__, "bump": self.bump}, ensure_ascii=False, indent=2, default=str)

    def markdown(self) -> str:
        out = [
            f"## Data changes: {self.old} → {self.new}",
            "",
            f"Required version bump: **{self.bump}** ({self.why()}).",
            "",
        ]
        if self.schema_changed:
            out += ["### Schema", *[f"- {s}" for s in self.schema_changed], ""]
        if self.added:
            out += [
                f"### Articles added ({len(self.added)})",
                *[
                    f"- `{a['article_id']}`: {a['event_date']} {a['event_type']}, "
                    f"agreement_type {a['agreement_type']}, "
                    f"{a['n_actors']} actors, {a['n_agreements']} instruments ({a['raw_file']})"
                    for a in self.added
                ],
                "",
            ]
        if self.removed:
            out += [f"### Articles removed ({len(self.removed)})", *[f"- `{a}`" for a in self.removed], ""]
        if self.changed:
            out += [
                f"### Labels changed ({sum(len(v) for v in self.changed.values())} in {len(self.changed)} articles)"
            ]
            for aid, changes in self.changed.items():
                out.append(f"- `{aid}`")
                out += [f"  - `{path}`: {_show(old)} → {_show(new)}" for path, old, new in changes]
            out.append("")
        if self.text_changed:
            out += ["### Texts changed"]
            out += [
                f"- `{aid}`: text sha256 {o[0][:12]}… → {n[0][:12]}…, {o[1]} → {n[1]} characters"
                for aid, (o, n) in self.text_changed.items()
            ]
            out.append("")
        if self.actors_added or self.actors_removed or self.actors_changed:
            out += ["### Actor registry"]
            out += [f"- added `{a}`" for a in self.actors_added] + [
                f"- removed `{a}`" for a in self.actors_removed
            ]
            for actor_id, changes in self.actors_changed.items():
                out += [f"- `{actor_id}` `{path}`: {_show(old)} → {_show(new)}" for path, old, new in changes]
            out.append("")
        if self.empty:
            out += ["No label, text or registry changes.", ""]
        return "\n".join(out)


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return f"`{text if len(text) <= 120 else text[:117] + '...'}`"


def snapshot(path: Path) -> Snapshot:
    """A release directory (read as it is) or a data directory (its sources built in memory)."""
    path = Path(path)
    if (path / release_format.MANIFEST).is_file():
        try:
            manifest = release_format.read_manifest(path)
            tables = {
                name: pq.read_table(path / f"{name}.parquet", use_threads=False)
                for name in ("articles", "actors", *LONG_TABLES)
            }
        except (OSError, ValueError, pa.ArrowException) as exc:
            raise CorpusError(
                f"{path}: cannot read the release ({exc}); check it with `corpus-ds validate --release {path}`"
            ) from None
        _refuse_malformed(path, tables)
        return Snapshot(f"{manifest.get('version', '?')} ({path})", tables, manifest.get("version"))
    if (path / "articles").is_dir():
        built = build.assemble(path)
        if not built.report.valid:
            raise CorpusError(
                f"{path}: the sources do not build; run `corpus-ds validate {path}`:\n{built.report.format()}"
            )
        return Snapshot(f"working sources ({path})", built.tables)
    raise CorpusError(
        f"{path}: expected a release directory (with {release_format.MANIFEST}) or a data directory (with articles/)"
    )


def _refuse_malformed(path: Path, tables: dict[str, pa.Table]) -> None:
    """A release to compare has the release's exact schema and unique keys (article ids, actor ids): the diff matches
    rows by them, and a missing column or a repeated id would make it compare the wrong rows or fail."""
    issues = []
    for name, table in tables.items():
        expected = columns.schema(name)
        if not table.schema.remove_metadata().equals(expected.remove_metadata()):
            issues += release_format.schema_issues(str(path / f"{name}.parquet"), expected, table.schema)
    if not issues:
        issues += rules.run_keys(
            rules.key_columns(tables["articles"]),
            locate=lambda table, column, article_id: (str(path / f"{table}.parquet"), column),
        )
        issues += [
            Issue(
                "duplicate-actor-id",
                str(path / "actors.parquet"),
                "actor_id",
                f"actor_id {v!r} occurs more than once",
                v,
            )
            for v in duplicates(tables["actors"].column("actor_id"))
        ]
        issues = [
            i for i in issues if i.code != "event-conflict"
        ]  # a label disagreement, which the diff shows
    if issues:
        raise CorpusError(f"{path}: cannot compare this release:\n{Report(issues).format()}")


def _by_key(rows: list[dict], key: str) -> dict[str, dict]:
    return {r[key]: r for r in rows}


def changes(old: Any, new: Any, path: str) -> list[tuple[str, Any, Any]]:
    """Field-by-field differences of two values; list items matched by their key where they have one."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        return [
            c
            for k in dict.fromkeys([*old, *new])
            for c in changes(old.get(k), new.get(k), f"{path}.{k}" if path else k)
        ]
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(x, dict) for x in old + new):
        key = ITEM_KEYS.get(path.rsplit(".", 1)[-1])
        if key and all(key in x for x in old + new):
            o, n = _by_key(old, key), _by_key(new, key)
            return [
                c for k in dict.fromkeys([*o, *n]) for c in changes(o.get(k), n.get(k), f"{path}[{key}={k}]")
            ]
        out = []
        for i in range(max(len(old), len(new))):
            out += changes(old[i] if i < len(old) else None, new[i] if i < len(new) else None, f"{path}[{i}]")
        return out
    return [(path, old, new)]


def _long_rows(table: pa.Table, key: tuple[str, ...], shown: tuple[str, ...]) -> dict[str, dict[str, dict]]:
    """article_id -> {row key -> the shown columns of the row} of a long table."""
    out: dict[str, dict[str, dict]] = {}
    for row in table.to_pylist():
        out.setdefault(row["article_id"], {})["/".join(str(row[k]) for k in key)] = {c: row[c] for c in shown}
    return out


def compare(old: Snapshot, new: Snapshot) -> Diff:
    d = Diff(old.label, new.label)
    for name in ("articles", "actors"):
        o, n = old.tables[name].schema, new.tables[name].schema
        if not o.remove_metadata().equals(n.remove_metadata()):
            d.schema_changed.append(
                f"{name}: {sorted(set(o.names) ^ set(n.names)) or 'column types changed'}"
            )
    skip = set(TEXT_COLUMNS)
    a_old = _by_key(old.tables["articles"].to_pylist(), "article_id")
    a_new = _by_key(new.tables["articles"].to_pylist(), "article_id")
    for aid, row in a_new.items():
        if aid not in a_old:
            d.added.append(
                {
                    "article_id": aid,
                    "event_date": row["event_date"],
                    "event_type": row["event_type"],
                    "agreement_type": row["agreement_type"],
                    "n_actors": len(row["actors"]),
                    "n_agreements": len(row["agreements"]),
                    "raw_file": row["raw_file"],
                }
            )
            continue
        before = a_old[aid]
        labels = changes(
            {k: v for k, v in before.items() if k not in skip},
            {k: v for k, v in row.items() if k not in skip},
            "",
        )
        if labels:
            d.changed[aid] = labels
        if before["text_sha256"] != row["text_sha256"] or before["title"] != row["title"]:
            d.text_changed[aid] = (
                (before["text_sha256"], before["n_chars"]),
                (row["text_sha256"], row["n_chars"]),
            )
    for name, (key, shown) in LONG_TABLES.items():
        rows_old, rows_new = (
            _long_rows(old.tables[name], key, shown),
            _long_rows(new.tables[name], key, shown),
        )
        for aid in a_old.keys() & a_new.keys():
            before, after = rows_old.get(aid, {}), rows_new.get(aid, {})
            for k in dict.fromkeys([*before, *after]):
                found = changes(before.get(k), after.get(k), f"{name}[{k}]")
                if found:
                    d.changed.setdefault(aid, []).extend(found)
    d.changed = dict(sorted(d.changed.items()))
    d.removed = [aid for aid in a_old if aid not in a_new]
    r_old = _by_key(old.tables["actors"].to_pylist(), "actor_id")
    r_new = _by_key(new.tables["actors"].to_pylist(), "actor_id")
    d.actors_added = [a for a in r_new if a not in r_old]
    d.actors_removed = [a for a in r_old if a not in r_new]
    for actor_id in r_new.keys() & r_old.keys():
        found = changes(r_old[actor_id], r_new[actor_id], "")
        if found:
            d.actors_changed[actor_id] = found
    d.actors_changed = dict(sorted(d.actors_changed.items()))
    return d


def diff(old: Path, new: Path, old_label: str | None = None) -> Diff:
    before = snapshot(old)
    if old_label:
        before.label = old_label
    return compare(before, snapshot(new))
