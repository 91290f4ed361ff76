"""Sources -> release tables: clean each capture, resolve evidence to offsets, write Parquet atomically."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from corpus_ds import cameo, capture, clean, columns, derive, filecaps, models, rules, sources, verify
from corpus_ds.checks import check
from corpus_ds.errors import WHOLE_FILE, CorpusError, Report
from corpus_ds.labels import EVIDENCE_LABELS, EvidenceLabel, as_text, source_fields
from corpus_ds.release_format import recover, sha256_bytes, sha256_text, write_atomically

MAX_RAW_BYTES = 20_000_000  # a captured news page is far smaller; a bigger file is a mistake, not an article


@dataclass
class Built:
    """Release tables assembled in memory, with the report of every problem met on the way."""

    tables: dict[str, pa.Table]
    report: Report
    raw_texts: dict[str, str] = field(default_factory=dict)
    registry_ok: bool = True


def _find(haystack: str | None, quote: str, occurrence: int) -> int:
    """Start of the n-th occurrence of quote, or -1."""
    if haystack is None:
        return -1
    pos = -1
    for _ in range(occurrence):
        pos = haystack.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


class _Article:
    """Resolves one source file's labels against its cleaned text, recording problems in the report."""

    def __init__(
        self,
        path: Path,
        src: models.ArticleSource,
        result: capture.CleanResult,
        report: Report,
        registered: dict[str, tuple[str, ...]],
    ):
        self.path, self.src, self.report = str(path), src, report
        self.raw, self.cleaned, self.units = result.raw_text, result.cleaned, result.units
        self.registered = registered  # every registry name by actor (derive.registered_names)
        self.places = {"text": self.cleaned.text, "title": self.cleaned.title, "raw": self.raw}

    def locate(self, ev: models.Evidence, field_path: str) -> tuple[int, int] | None:
        start = _find(self.places[ev.in_], ev.quote, ev.occurrence)
        if start < 0:
            self.report.add(
                "evidence-not-found",
                self.path,
                field_path,
                f"quote not found in {ev.in_} (occurrence {ev.occurrence}); expected it verbatim after normalisation",
                ev.quote,
                self.src.article_id,
            )
            return None
        if ev.in_ == "raw":  # the capture's lines (or a page's blocks) the quote touches must be removed ones
            end = start + len(ev.quote)
            kept = [
                u.number
                for u in self.units
                if u.start < max(end, start + 1)
                and start < u.end
                and self.cleaned.decisions.get(u.number, clean.LineDecision(0, "", "")).role
                in ("title", "body")
            ]
            if kept:
                role = self.cleaned.decisions[kept[0]].role
                self.report.add(
                    "raw-evidence-in-text",
                    self.path,
                    field_path,
                    f"the quote lies in raw line {kept[0]}, which is kept as {role}; "
                    f"use in: {'title' if role == 'title' else 'text'}",
                    ev.quote,
                    self.src.article_id,
                )
                return None
        return start, start + len(ev.quote)

    def evidence_rows(self) -> list[dict]:
        """One row per declared evidence label present in the source file, in the declarations' order."""
        items = [
            (
                name,
                as_text(getattr(obj, label.value)),
                getattr(obj, label.evidence),
                f"{path}.{label.evidence}",
            )
            for label in EVIDENCE_LABELS
            for name, path, obj in label.objects(self.src)
        ]
        rows = []
        for label, value, ev, path in items:
            span = self.locate(ev, path)
            if span:
                rows.append(
                    dict(
                        article_id=self.src.article_id,
                        label=label,
                        value=value,
                        quote=ev.quote,
                        location=ev.in_,
                        start=span[0],
                        end=span[1],
                    )
                )
        return rows

    def agreement_rows(self) -> list[dict]:
        rows = []
        for i, a in enumerate(self.src.agreements):
            span = self.locate(a.evidence, f"agreements[{i}].evidence")
            if span:
                rows.append(
                    dict(
                        article_id=self.src.article_id,
                        agreement_index=i,
                        **_instrument(a),
                        location=a.evidence.in_,
                        start=span[0],
                        end=span[1],
                        note=a.note,
                    )
                )
        return rows

    def check_site(self) -> None:
        """The site of the place is quoted too (it has no evidence row: the place's quote names the city)."""
        place = self.src.event.place
        if place is not None and place.site is not None:
            self.locate(place.site.evidence, "event.place.site.evidence")

    def dyad_rows(self) -> list[dict]:
        """One row per dyad, its Goldstein score and QuadClass derived from the shipped CAMEO tables."""
        rows = []
        for i, d in enumerate(self.src.event.dyads):
            span = self.locate(d.evidence, f"event.dyads[{i}].evidence")
            if span:
                rows.append(
                    dict(
                        article_id=self.src.article_id,
                        dyad_index=i,
                        event_id=self.src.event.id,
                        event_date=self.src.dates.event.date,
                        source=d.source,
                        target=d.target,
                        code=d.code,
                        goldstein=cameo.goldstein(d.code),
                        quad_class=cameo.quad_class(d.code),
                        quote=d.evidence.quote,
                        location=d.evidence.in_,
                        start=span[0],
                        end=span[1],
                    )
                )
        return rows

    def mention_rows(self) -> list[dict]:
        """Every occurrence of every listed surface form (derive.find_mentions); a form that names the actor nowhere
        (absent, or only inside a waived name or another actor's longer registered name) is an issue."""
        text = self.cleaned.text
        waived = [w.alias for w in self.src.alias_waivers]
        for i, actor in enumerate(self.src.actors):
            for j, surface in enumerate(actor.surfaces):
                starts = derive.occurrences(text, surface)
                around = derive.containers(surface, actor.actor_id, waived, self.registered)
                if not starts:
                    problem = "surface form not found in the text; expected it exactly as written there"
                elif around and all(derive.inside(text, p, surface, around) for p in starts):
                    problem = (
                        "every occurrence of this surface form lies inside a waived name or a longer name the "
                        "registry gives another actor, so it names this actor nowhere"
                    )
                else:
                    continue
                self.report.add(
                    "surface-not-found",
                    self.path,
                    f"actors[{i}].surfaces[{j}]",
                    problem,
                    surface,
                    self.src.article_id,
                )
        labelled = [
            dict(actor_id=a.actor_id, role=a.role, surfaces=list(a.surfaces)) for a in self.src.actors
        ]
        found = derive.find_mentions(text, labelled, waived, self.registered)
        return [dict(article_id=self.src.article_id, **m) for m in found]

    def article_row(self) -> dict:
        s, text = self.src, self.cleaned.text
        return dict(
            article_id=s.article_id,
            title=self.cleaned.title,
            text=text,
            **label_columns(s),
            event_date=s.dates.event.date,
            event_date_basis=s.dates.event.basis,
            event_date_note=s.dates.event.note,
            event_id=s.event.id,
            cameo_code=s.event.cameo_code,
            **place_columns(s.event.place),
            agreement_type=derive.derive_agreement_type([(a.instrument, a.status) for a in s.agreements]),
            actors=[dict(actor_id=a.actor_id, role=a.role, surfaces=list(a.surfaces)) for a in s.actors],
            agreements=[_instrument(a) for a in s.agreements],
            alias_waivers=[dict(alias=w.alias, reason=w.reason) for w in s.alias_waivers],
            n_paragraphs=len(text.split("\n\n")) if text else 0,
            n_chars=len(text),
            raw_file=s.raw.file,
            raw_original_name=s.raw.original_name,
            raw_sha256=s.raw.sha256,
            text_sha256=sha256_text(text),
            review_status=s.review.status,
            annotator=s.review.annotator,
            reviewer=s.review.reviewer,
            review_notes=list(s.review.notes),
        )

    def removal_rows(self) -> list[dict]:
        return [
            dict(
                article_id=self.src.article_id,
                line_start=r.line_start,
                line_end=r.line_end,
                reason=r.reason,
                decided_by=r.decided_by,
                content=r.content,
            )
            for r in self.cleaned.removals
        ]


def place_columns(place: models.Place | None) -> dict:
    """The place columns the place label does not fill itself (English names, country, GeoNames)."""
    site = place.site if place else None
    return dict(
        place_site=site.name if site else None,
        place_city_en=place.city_en if place else None,
        place_site_en=site.name_en if site else None,
        place_country=place.country if place else None,
        place_geonames_id=place.geonames_id if place else None,
        place_geonames_source=place.geonames_source if place else None,
    )


def label_columns(src: models.ArticleSource) -> dict:
    """The articles columns that the declared evidence labels fill (labels.EVIDENCE_LABELS)."""
    out = {}
    for label in EVIDENCE_LABELS:
        if label.writes_column:
            value = label.column_value(src)
            out[label.column] = [_struct_of(label, item) for item in value] if label.many else value
        if label.quote_column and not label.many:
            out[label.quote_column] = label.quote_value(src)
    return out


def _struct_of(label: EvidenceLabel, item) -> dict:
    """One item of a list label as its struct in the articles column, the quote taken from its evidence."""
    fields = [f.name for f in columns.COLUMNS["articles"][label.column].value_type]
    return {
        f: getattr(item, label.evidence).quote if f == label.quote_column else getattr(item, f)
        for f in fields
    }


def _read_raw(data_dir: Path, path: Path, src: models.ArticleSource, report: Report) -> bytes | None:
    raw_path = data_dir / "raw" / src.raw.file
    where = str(path)
    if not raw_path.exists() and not raw_path.is_symlink():
        report.add(
            "raw-missing",
            where,
            "raw.file",
            f"expected the capture at {raw_path}",
            src.raw.file,
            src.article_id,
        )
        return None
    if raw_path.is_symlink() or data_dir.resolve() not in raw_path.resolve().parents:
        report.add(
            "raw-outside-data",
            where,
            "raw.file",
            "expected a regular file inside data/raw/, found a link",
            src.raw.file,
            src.article_id,
        )
        return None
    try:
        data = filecaps.read_capped(raw_path, MAX_RAW_BYTES)
    except filecaps.TooLarge as exc:
        report.add(
            "file-too-large",
            str(raw_path),
            WHOLE_FILE,
            f"expected a capture of at most {MAX_RAW_BYTES} bytes, found {exc.size}",
            None,
            src.article_id,
        )
        return None
    except OSError as exc:
        # a FIFO, a device, a directory, no permission: an issue of this article, never the end of the whole run
        report.add(
            "file-unreadable",
            where,
            "raw.file",
            f"cannot read the capture {raw_path}: {exc.strerror or exc}",
            src.raw.file,
            src.article_id,
        )
        return None
    actual = sha256_bytes(data)
    if actual != src.raw.sha256:
        report.add(
            "raw-sha256-mismatch",
            where,
            "raw.sha256",
            f"expected {src.raw.sha256}, the file has {actual}",
            actual,
            src.article_id,
        )
    return data


def _clean_capture(
    data_dir: Path, path: Path, src: models.ArticleSource, data: bytes, report: Report
) -> capture.CleanResult | None:
    """Decode and clean one capture with the decisions its source file records; None (and an issue) if it cannot."""
    raw_path = data_dir / "raw" / src.raw.file
    if capture.kind_of(src.raw.file) == "text" and sources.decode_utf8(data, str(raw_path), report) is None:
        return None
    overrides = [(d.lines[0], d.lines[1], d.as_) for d in src.cleaning.decisions]
    try:
        return capture.clean_bytes(data, src.raw.file, overrides, where=str(raw_path))
    except clean.CleaningConflict as exc:
        report.add(
            "cleaning-decision-out-of-range", str(path), "cleaning.decisions", str(exc), None, src.article_id
        )
    except capture.ExtraMissing as exc:
        report.add("extra-missing", str(raw_path), WHOLE_FILE, str(exc), None, src.article_id)
    except CorpusError as exc:  # a page whose bytes do not decode in the charset it declares
        report.add(
            "charset-mismatch", str(raw_path), WHOLE_FILE, str(exc).split(": ", 1)[-1], None, src.article_id
        )
    return None


def _check_decisions(path: Path, src: models.ArticleSource, report: Report) -> None:
    """Recorded cleaning decisions may not overlap: two decisions about one line contradict each other."""
    spans = sorted((d.lines[0], d.lines[1], i) for i, d in enumerate(src.cleaning.decisions))
    for (a0, a1, i), (b0, b1, j) in itertools.pairwise(spans):
        if b0 <= a1:
            report.add(
                "cleaning-decisions-overlap",
                str(path),
                f"cleaning.decisions[{j}]",
                f"lines {b0}-{b1} overlap decision {i} (lines {a0}-{a1}); expected each raw line decided once",
                None,
                src.article_id,
            )


def _outside(data_dir: Path, path: Path, report: Report) -> bool:
    """A source that is a link (or resolves outside data/) is refused unread: contributions are regular
    files of the tree."""
    if path.is_symlink() or data_dir.resolve() not in path.resolve().parents:
        report.add(
            "source-outside-data",
            str(path),
            WHOLE_FILE,
            "expected a regular file inside data/, found a link",
        )
        return True
    return False


@check(
    "data tree",
    "source-outside-data",
    "unexpected-file",
    "cleaning-decisions-overlap",
    "id-filename-mismatch",
    "duplicate-id",
    "raw-claimed-twice",
    "raw-unclaimed",
)
def read_sources(
    data_dir: Path, report: Report
) -> tuple[models.Registry | None, list[tuple[Path, models.ArticleSource]]]:
    registry_path = data_dir / "actors.yaml"
    registry = (
        None if _outside(data_dir, registry_path, report) else sources.read_registry(registry_path, report)
    )
    articles = []
    seen_ids: dict[str, Path] = {}
    seen_raw: dict[str, Path] = {}
    all_read = True
    for path in sorted((data_dir / "articles").iterdir()) if (data_dir / "articles").is_dir() else ():
        if path.suffix != ".yaml" or not path.is_file():
            if not path.name.startswith("."):
                report.add(
                    "unexpected-file",
                    str(path),
                    WHOLE_FILE,
                    "expected only <article_id>.yaml source files in data/articles/",
                )
            continue
        src = None if _outside(data_dir, path, report) else sources.read_article(path, report)
        if src is None:
            all_read = False
            continue
        _check_decisions(path, src, report)
        if path.stem != src.article_id:
            report.add(
                "id-filename-mismatch",
                str(path),
                "article_id",
                f"expected the file to be named {src.article_id}.yaml",
                src.article_id,
                src.article_id,
            )
        if src.article_id in seen_ids:
            report.add(
                "duplicate-id",
                str(path),
                "article_id",
                f"article_id already used by {seen_ids[src.article_id]}",
                src.article_id,
                src.article_id,
            )
            continue
        if src.raw.file in seen_raw:
            report.add(
                "raw-claimed-twice",
                str(path),
                "raw.file",
                f"the capture already belongs to {seen_raw[src.raw.file]}",
                src.raw.file,
                src.article_id,
            )
        seen_ids[src.article_id] = path
        seen_raw[src.raw.file] = path
        articles.append((path, src))
    raw_dir = data_dir / "raw"
    # A source that could not be read may be the one claiming a capture: only a fully read tree can say "unclaimed".
    for raw_path in sorted(raw_dir.iterdir()) if raw_dir.is_dir() and all_read else ():
        if raw_path.name not in seen_raw and not raw_path.name.startswith("."):
            report.add(
                "raw-unclaimed",
                str(raw_path),
                WHOLE_FILE,
                "expected every capture to belong to exactly one article; none names this file",
            )
    return registry, articles


@check(
    "data tree",
    "charset-mismatch",
    "extra-missing",
    "raw-missing",
    "raw-outside-data",
    "file-too-large",
    "file-unreadable",
    "raw-sha256-mismatch",
    "invalid-utf8",
    "cleaning-decision-out-of-range",
    "text-changed",
    "evidence-not-found",
    "raw-evidence-in-text",
    "surface-not-found",
)
def assemble(data_dir: Path) -> Built:
    """Build every table in memory from data_dir; problems go into the report, never out as tracebacks."""
    report = Report()
    registry, articles = read_sources(data_dir, report)
    rows: dict[str, list[dict]] = {name: [] for name in columns.TABLES}
    raw_texts = {}
    registered = (
        derive.registered_names(
            a.model_dump(include={"actor_id", "aliases_ar", "ambiguous_aliases"}) for a in registry.actors
        )
        if registry is not None
        else {}
    )
    for path, src in articles:
        data = _read_raw(data_dir, path, src, report)
        if data is None:
            continue
        result = _clean_capture(data_dir, path, src, data, report)
        if result is None:
            continue
        raw_text, cleaned = result.raw_text, result.cleaned
        raw_texts[src.article_id] = raw_text
        actual = sha256_text(cleaned.text)
        if actual != src.cleaning.text_sha256:
            report.add(
                "text-changed",
                str(path),
                "cleaning.text_sha256",
                f"the labels were made against text {src.cleaning.text_sha256}, cleaning now gives {actual}; "
                "check every evidence quote, then update text_sha256",
                actual,
                src.article_id,
            )
        art = _Article(path, src, result, report, registered)
        rows["articles"].append(art.article_row())
        rows["mentions"].extend(art.mention_rows())
        rows["agreements"].extend(art.agreement_rows())
        rows["dyads"].extend(art.dyad_rows())
        art.check_site()
        rows["evidence"].extend(art.evidence_rows())
        rows["removals"].extend(art.removal_rows())
    if registry is not None:
        rows["actors"] = [a.model_dump(mode="python") for a in registry.actors]
    built = {name: pa.Table.from_pylist(rows[name], schema=columns.schema(name)) for name in columns.TABLES}
    return Built(built, report, raw_texts, registry_ok=registry is not None)


PREVIEW_DIR = "preview"


def build(
    data_dir: Path, out_dir: Path | None = None, today: dt.date | None = None, preview: bool = False
) -> Report:
    """Build the release atomically: write beside it, validate what was written, then swap it in.

    A failure at any step leaves the previous release byte for byte as it was. preview=True admits draft
    articles, marks the manifest as a preview and writes to data/preview/ (git-ignored), never data/release/.
    """
    data_dir = Path(data_dir)
    out_dir = Path(out_dir) if out_dir else data_dir / (PREVIEW_DIR if preview else "release")
    recover(data_dir / "release")  # first, always: whatever happens next, a killed build's release is back
    recover(out_dir)
    built = check_sources(data_dir, today=today)
    report = built.report
    if preview:
        leave_out_unfinished_drafts(report)
        verify.allow_drafts(report)
    if not report.valid:
        return report
    report.extend(
        write_atomically(
            built.tables,
            out_dir,
            preview=preview,
            check=lambda written: verify.validate_release(written, today=today, preview=preview),
        ).issues
    )
    return report


def leave_out_unfinished_drafts(report: Report) -> None:
    """A preview leaves out each draft that still has TODO values: its rows cannot be typed until a person fills
    them in. That file's issues go (`corpus-ds validate` lists them) and a note says what is left; every other
    issue, a complete draft's wrong label included, still refuses the preview."""
    drafts = {i.file for i in report.issues if i.code == "draft-article"}
    todo = Counter(i.file for i in report.issues if i.code == "placeholder" and i.file in drafts)
    report.issues = [i for i in report.issues if i.file not in todo]
    report.notes += [
        f"left out of the preview: {file} ({n} TODO value{'s' if n != 1 else ''} to fill in; a draft enters the "
        "preview once none is left, its machine proposals may stay; `corpus-ds validate` lists what is left)"
        for file, n in sorted(todo.items())
    ]


# Where a release column's value comes from in a source file, so that an issue points at the field to edit:
# the evidence labels' columns from their declarations, the others here.
_SOURCE_FIELD = {
    **{("articles", column): path for column, path in source_fields().items()},
    ("articles", "text"): "cleaning",
    ("articles", "text_sha256"): "cleaning.text_sha256",
    ("articles", "event_date"): "dates.event.date",
    ("articles", "event_date_note"): "dates.event.note",
    ("articles", "event_id"): "event.id",
    ("articles", "cameo_code"): "event.cameo_code",
    ("articles", "agreement_type"): "agreements",
    ("articles", "review_status"): "review.status",
    ("articles", "reviewer"): "review.reviewer",
    ("articles", "raw_sha256"): "raw.sha256",
    ("articles", "raw_file"): "raw.file",
    ("mentions", "surface"): "actors",
    ("mentions", "actor_id"): "actors",
    ("agreements", "quote"): "agreements",
    ("agreements", "sectors"): "agreements",
    ("evidence", "quote"): "evidence",
    ("articles", "place_country"): "event.place.country",
    ("articles", "place_geonames_id"): "event.place.geonames_id",
    ("dyads", "code"): "event.dyads",
    ("dyads", "quote"): "event.dyads",
    ("dyads", "article_id"): "event.dyads",
}


def source_locator(data_dir: Path) -> rules.Locate:
    def locate(table: str, column: str, article_id: str | None) -> tuple[str, str]:
        if table == "actors":
            return str(data_dir / "actors.yaml"), column
        if article_id is None:  # a rule over several articles (a key repeated across them): their directory
            return str(data_dir / "articles"), column
        if table == "dyads" and column.startswith("dyads["):  # dyads[i].source -> event.dyads[i].source
            return str(data_dir / "articles" / f"{article_id}.yaml"), f"event.{column}"
        return str(data_dir / "articles" / f"{article_id}.yaml"), _SOURCE_FIELD.get((table, column), column)

    return locate


def check_sources(data_dir: Path, today: dt.date | None = None) -> Built:
    """Build the tables in memory and run every rule on them; the report is in the result."""
    data_dir = Path(data_dir)
    built = assemble(data_dir)
    if (
        built.registry_ok
    ):  # without a registry every actor rule would fail: its own error says what to fix first
        broken = {i.article_id for i in built.report.issues if i.article_id}
        built.report.extend(
            rules.run(
                built.tables,
                today=today,
                raw_texts=built.raw_texts,
                locate=source_locator(data_dir),
                broken=broken,
            )
        )
    # A draft is reported once, by its source file, with what is left to do; not again as a release rule.
    drafts = {i.article_id for i in built.report.issues if i.code == "draft-article"}
    built.report.issues = [
        i for i in built.report.issues if not (i.code == "not-reviewed" and i.article_id in drafts)
    ]
    return built


def _instrument(a: models.AgreementLabel) -> dict:
    """An instrument's fields as both the articles' nested column and the agreements table carry them."""
    return dict(
        instrument_id=a.instrument_id,
        instrument=a.instrument,
        status=a.status,
        sectors=list(a.sectors),
        year=a.year,
        quote=a.evidence.quote,
    )
