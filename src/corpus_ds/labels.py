"""Each evidence-backed label declared once: where it lives in a source file, its article column, its evidence row
and its kind on the review site. The build, the rules, the source locations of issues, the site, the drafts and the
synthetic generator all read these declarations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EvidenceLabel:
    """A label whose value is backed by a quote: one row of the evidence table per article (per item of a list)."""

    name: str  # the evidence table's label; the items of a list are name[i]
    source: str  # where the labelled object lives in a source file, e.g. "source.outlet"
    value: str  # the object's field holding the value
    column: str  # the articles column holding the value (a list of structs for a list label)
    kind: str  # its colour and group on the review site
    evidence: str = "evidence"  # the object's field holding the evidence quote
    quote_column: str | None = None  # the articles column (a struct field, for a list) keeping the quote
    many: bool = False  # a list of labelled objects
    writes_column: bool = True  # the build fills `column` from this label (False: another label owns it)
    brief: tuple[str, str] | None = None  # (heading, shown when absent) in the site's "labels in brief"

    def objects(self, src: Any) -> Iterator[tuple[str, str, Any]]:
        """(evidence label, source path, labelled object) of every present object in a source file's model."""
        found = resolve(src, self.source)
        if self.many:
            for i, item in enumerate(found or ()):
                yield f"{self.name}[{i}]", f"{self.source}[{i}]", item
        elif found is not None and getattr(found, self.evidence) is not None:
            yield self.name, self.source, found

    def column_value(self, src: Any) -> Any:
        """The value the build writes to `column` for a source file: the label's value, or its list of items."""
        found = resolve(src, self.source)
        if self.many:
            return [item for _, _, item in self.objects(src)]
        return getattr(found, self.value) if found is not None else None

    def quote_value(self, src: Any) -> str | None:
        """The quote the build keeps in quote_column (single labels), or None where the label is absent."""
        return next((getattr(obj, self.evidence).quote for _, _, obj in self.objects(src)), None)


def resolve(obj: Any, path: str) -> Any:
    """Follow a dotted attribute path; None as soon as a step is None."""
    for step in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, step)
    return obj


def as_text(value: Any) -> str:
    """A label's value as the evidence table writes it (dates in ISO form)."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


EVIDENCE_LABELS: tuple[EvidenceLabel, ...] = (
    EvidenceLabel(
        "outlet",
        "source.outlet",
        "value",
        column="outlet",
        kind="source",
        brief=("Outlet", "not identified by the capture"),
    ),
    EvidenceLabel(
        "attribution",
        "source.attribution",
        "value",
        column="attribution",
        kind="source",
        brief=("Attribution", "none"),
    ),
    EvidenceLabel(
        "cited_sources",
        "source.cited_sources",
        "name",
        column="cited_sources",
        kind="source",
        quote_column="quote",
        many=True,
    ),
    EvidenceLabel(
        "published_date",
        "dates.published",
        "date",
        column="published_date",
        kind="date",
        brief=("Published", "not stated by the capture"),
    ),
    EvidenceLabel(
        "event_weekday",
        "dates.event",
        "date",
        column="event_date",
        kind="date",
        evidence="weekday_evidence",
        quote_column="event_weekday_quote",
        writes_column=False,
    ),
    EvidenceLabel("event_type", "event", "type", column="event_type", kind="event"),
    EvidenceLabel(
        "place",
        "event.place",
        "city",
        column="place_city",
        kind="event",
        quote_column="place_quote",
        brief=("Place", "none (a remote event)"),
    ),
    EvidenceLabel(
        "source_url",
        "provenance.url",
        "value",
        column="source_url",
        kind="source",
        brief=("Source URL", "not stated by the capture"),
    ),
    EvidenceLabel(
        "captured_at",
        "provenance.captured_at",
        "value",
        column="captured_at",
        kind="source",
        brief=("Captured", "not stated by the capture"),
    ),
)
BY_NAME = {label.name: label for label in EVIDENCE_LABELS}


def label_of(evidence_label: str) -> EvidenceLabel:
    """The declaration of an evidence row's label (cited_sources[2] -> cited_sources)."""
    return BY_NAME[evidence_label.split("[", 1)[0]]


def source_fields() -> dict[str, str]:
    """Articles column -> the source path a person edits to change it (for the location of an issue)."""
    out = {}
    for label in EVIDENCE_LABELS:
        if label.writes_column:
            out[label.column] = label.source if label.many else f"{label.source}.{label.value}"
        if label.quote_column and not label.many:
            out[label.quote_column] = f"{label.source}.{label.evidence}"
    return out
