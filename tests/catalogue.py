"""The catalogue of hostile input: one entry per kind of bad contribution or damaged release, how to inject
it, and the issue it must raise."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

A1 = "articles/ru-ma-0001.yaml"
A2 = "articles/ru-ma-0002.yaml"
A3 = "articles/ru-ma-0003.yaml"
A4 = "articles/ru-ma-0004.yaml"
A5 = "articles/ru-ma-0005.yaml"
REGISTRY = "actors.yaml"
RAW1 = "raw/000_939059c162e2a8a6.txt"
RAW1_SHA = "3d4d3b5f0cb0e327f94e8046758179b0ec9cfc562e3b73603151671a7533f729"


@dataclass(frozen=True)
class Inject:
    """How a defect is put into a data tree: a description for people and the function that does it."""

    how: str
    apply: Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Inject:
    """Replace text in a file, failing loudly if the text is not there (so a case cannot pass vacuously)."""

    def apply(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return Inject(f"in {file}, replace {old!r} by {new!r}", apply)


def cut(file: str, start: str, end: str) -> Inject:
    """Remove the text from start up to (not including) end."""

    def apply(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert start in text and end in text, f"{start!r} or {end!r} not in {path}"
        i = text.index(start)
        path.write_text(text[:i] + text[text.index(end, i) :], encoding="utf-8")

    return Inject(f"in {file}, remove from {start!r} up to {end!r}", apply)


def write(file: str, content: bytes, how: str) -> Inject:
    def apply(data: Path) -> None:
        (data / file).write_bytes(content)

    return Inject(f"{file}: {how}", apply)


def transform(file: str, change: Callable[[bytes], bytes], how: str) -> Inject:
    def apply(data: Path) -> None:
        path = data / file
        path.write_bytes(change(path.read_bytes()))

    return Inject(f"{file}: {how}", apply)


def copy(file: str, to: str, *edits: tuple[str, str]) -> Inject:
    def apply(data: Path) -> None:
        text = (data / file).read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{old!r} not in {file}"
            text = text.replace(old, new, 1)
        (data / to).write_text(text, encoding="utf-8")

    return Inject(f"copy {file} to {to}" + "".join(f", replace {o!r} by {n!r}" for o, n in edits), apply)


def delete(file: str) -> Inject:
    return Inject(f"delete {file}", lambda data: (data / file).unlink())


def link_outside(file: str) -> Inject:
    """Move a file out of the data tree and leave a symbolic link to it in its place."""

    def apply(data: Path) -> None:
        path = data / file
        outside = data.parent / f"outside-{path.name}"
        outside.write_bytes(path.read_bytes())
        path.unlink()
        path.symlink_to(outside)

    return Inject(f"{file}: a symbolic link to a copy outside data/", apply)


def sparse(file: str, size: int) -> Inject:
    """A huge file made in an instant (sparse), to hit a size cap without filling the disk."""

    def apply(data: Path) -> None:
        with open(data / file, "r+b") as f:
            f.truncate(size)

    return Inject(f"{file}: grow to {size} bytes", apply)


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


BILLION_LAUGHS = b'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + b"".join(
    b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((c,) * 2 + (c - 1,) * 9)
    for c in range(ord("b"), ord("j"))
)


@dataclass(frozen=True)
class Defect:
    """One kind of bad input: its id, the file the report must name, how to inject it, the code and field
    path expected."""

    id: str
    file: str
    inject: Inject
    code: str
    field: str


_d = Defect


def _r(id: str, file: str, old: str, new: str, code: str, field: str) -> Defect:
    return Defect(id, file, replace(file, old, new), code, field)


DATA = Path(__file__).resolve().parents[1] / "data"


def position(file: str, needle: str, offset: int = 0) -> str:
    """'line L, column C' of a character of the committed file: the first occurrence of needle (the text a defect
    edits) plus offset, so that a case follows its text when lines are added above it."""
    text = (DATA / file).read_text(encoding="utf-8")
    at = text.index(needle) + offset
    line_start = text.rfind("\n", 0, at) + 1
    return f"line {text.count(chr(10), 0, at) + 1}, column {at - line_start + 1}"


CATALOGUE: list[Defect] = [
    # reading the file: syntax, encoding, size, YAML features that are never honoured
    # the parser stops at the first item after the unclosed bracket: the `-` of the next line
    _r("yaml-syntax", A1, "actors:\n", "actors: [\n", "yaml-syntax", position(A1, "actors:\n  - ", 10)),
    _r(
        "json-flow-syntax",
        A1,
        '{quote: "وقال لافروف"}',
        '{"quote": "وقال لافروف"',
        "yaml-syntax",
        position(A1, '{quote: "وقال لافروف"}\n', len('{quote: "وقال لافروف"}\n')),
    ),
    _r(
        "duplicate-key",
        A1,
        "article_id: ru-ma-0001\n",
        "article_id: ru-ma-0001\narticle_id: ru-ma-0001\n",
        "yaml-syntax",
        position(A1, "article_id: ru-ma-0001\n", len("article_id: ru-ma-0001\n")),
    ),
    _r(
        "custom-tag",
        A1,
        "annotator: annotator-a",
        "annotator: !!python/object/apply:os.system [echo]",
        "yaml-syntax",
        position(A1, "annotator: annotator-a", len("annotator: ")),
    ),
    _r(
        "yaml-anchor-alias",
        A1,
        "sectors: [diplomacy]\n    year: 2002",
        "sectors: &s [diplomacy]\n    year: 2002",
        "yaml-syntax",
        position(A1, "sectors: [diplomacy]\n    year: 2002", len("sectors: ")),
    ),
    _d(
        "billion-laughs",
        A1,
        write(A1, BILLION_LAUGHS, "anchors nested nine deep (a billion-laughs bomb)"),
        "yaml-syntax",
        "line 1, column 4",
    ),
    _r(
        "yaml-set",
        A1,
        "sectors: [diplomacy]\n    year: 2002",
        "sectors: !!set {diplomacy}\n    year: 2002",
        "yaml-type",
        "agreements[1].sectors",
    ),
    _d("yaml-too-deep", A1, write(A1, b"[" * 400, "400 nested flow lists"), "yaml-too-deep", "(file)"),
    _d("empty-file", A1, write(A1, b"", "empty"), "not-a-mapping", "(top)"),
    _d("null-document", A1, write(A1, b"~\n", "a null document"), "not-a-mapping", "(top)"),
    _d(
        "list-document",
        REGISTRY,
        write(REGISTRY, b"- just\n- a list\n", "a list instead of a mapping"),
        "not-a-mapping",
        "(top)",
    ),
    _d("huge-source", A1, write(A1, b"a: " + b"x" * 1_100_000, "1.1 MB"), "file-too-large", "(file)"),
    _d("huge-raw", RAW1, sparse(RAW1, 60_000_000), "file-too-large", "(file)"),
    _d(
        "invalid-utf8",
        A1,
        transform(A1, lambda b: b.replace(b"role: participant", b"role: \xffparticipant", 1), "a 0xFF byte"),
        "invalid-utf8",
        position(A1, "role: participant", len("role: ")),
    ),
    _d(
        "invalid-utf8-raw",
        RAW1,
        transform(RAW1, lambda b: b[:100] + b"\xc3\x28" + b[100:], "an invalid two-byte sequence"),
        "invalid-utf8",
        "line 9, column 10",
    ),
    _d(
        "byte-order-mark",
        A1,
        transform(A1, lambda b: b"\xef\xbb\xbf" + b, "a UTF-8 byte-order mark in front"),
        "byte-order-mark",
        "line 1, column 1",
    ),
    _d("crlf-line-ends", A1, transform(A1, _crlf, "CRLF line ends"), "crlf-line-ends", "line 1"),
    _r(
        "lone-surrogate",
        A1,
        '{quote: "وقال لافروف"}',
        '{quote: "وقال\\ud800 لافروف"}',
        "forbidden-character",
        "source.cited_sources[0].evidence.quote",
    ),
    _r("lone-surrogate-in-key", A1, "actors:\n", '"\\udc80": 1\nactors:\n', "forbidden-character", "(top)"),
    # The name is not UTF-8: Python holds it as U+DCFF and the command prints it escaped, as \udcff.
    _d(
        "file-name-not-utf8",
        "articles/ru-ma-\\udcff.yaml",
        copy(A1, os.fsdecode(b"articles/ru-ma-\xff.yaml")),
        "duplicate-id",
        "article_id",
    ),
    _d(
        "unexpected-file",
        "articles/ru-ma-0006.yml",
        write("articles/ru-ma-0006.yml", b"article_id: ru-ma-0006\n", "a .yml file"),
        "unexpected-file",
        "(file)",
    ),
    _d(
        "dangling-link",
        "articles/ru-ma-0007.yaml",
        Inject(
            "articles/ru-ma-0007.yaml: a link to nothing",
            lambda data: (data / "articles/ru-ma-0007.yaml").symlink_to(data / "nowhere.yaml"),
        ),
        "unexpected-file",
        "(file)",
    ),
    _d("source-link-outside", A1, link_outside(A1), "source-outside-data", "(file)"),
    _d("registry-link-outside", REGISTRY, link_outside(REGISTRY), "source-outside-data", "(file)"),
    # fields: unknown, missing, wrong types, vocabulary
    _r("typo-key", A1, "actors:\n", "actros:\n", "unknown-field", "actros"),
    _r(
        "typo-nested-key",
        A1,
        "    note: >-\n      The text says only",
        "    nota: >-\n      The text says only",
        "unknown-field",
        "dates.event.nota",
    ),
    _r("missing-field", A1, '  cameo_code: "042"\n', "", "missing-field", "event.cameo_code"),
    _r("wrong-type", A1, "year: 2002", "year: two-thousand-two", "invalid-value", "agreements[1].year"),
    _r("string-for-integer", A1, "year: 2002", 'year: "2002"', "invalid-value", "agreements[1].year"),
    _r(
        "boolean-for-integer",
        A1,
        '{quote: "وقال لافروف"}',
        '{quote: "وقال لافروف", occurrence: true}',
        "invalid-value",
        "source.cited_sources[0].evidence.occurrence",
    ),
    _r(
        "list-for-string",
        A1,
        "annotator: annotator-a",
        "annotator: [annotator-a]",
        "invalid-value",
        "review.annotator",
    ),
    _r(
        "one-letter-quote",
        A1,
        '{quote: "وقال لافروف"}',
        '{quote: "و"}',
        "invalid-value",
        "source.cited_sources[0].evidence.quote",
    ),
    _r(
        "vocabulary",
        A1,
        "instrument: verbal_commitment",
        "instrument: treaty",
        "vocabulary",
        "agreements[0].instrument",
    ),
    _r(
        "sector-vocabulary",
        A1,
        "sectors: [trade, economy, science]",
        "sectors: [trade, space]",
        "vocabulary",
        "agreements[0].sectors[1]",
    ),
    _r("cameo-mismatch", A1, 'cameo_code: "042"', 'cameo_code: "057"', "cameo-mismatch", "event.cameo_code"),
    _r(
        "hand-typed-agreement-type",
        A1,
        "actors:\n",
        "agreement_type: agreement\nactors:\n",
        "derived-field-in-source",
        "agreement_type",
    ),
    # dates
    _r(
        "impossible-date", A1, 'date: "2023-12-20"', 'date: "2023-02-30"', "invalid-value", "dates.event.date"
    ),
    _r(
        "weekday-contradicts-date",
        A1,
        'date: "2023-12-20"',
        'date: "2023-12-21"',
        "weekday-mismatch",
        "dates.event.weekday_evidence",
    ),
    _r(
        "weekday-quote-without-weekday",
        A1,
        '{quote: "اليوم الأربعاء"}',
        '{quote: "ووصل لافروف"}',
        "weekday-missing",
        "dates.event.weekday_evidence",
    ),
    _r(
        "weekday-not-recorded",
        A1,
        '    weekday_evidence: {quote: "اليوم الأربعاء"}\n',
        "",
        "weekday-not-recorded",
        "dates.event.weekday_evidence",
    ),
    _r(
        "event-after-publication",
        A4,
        'date: "2023-09-01"\n    basis',
        'date: "2023-09-08"\n    basis',
        "event-after-publication",
        "dates.published.date",
    ),
    _r(
        "future-date",
        A4,
        'date: "2023-09-01"\n    evidence',
        'date: "2099-09-04"\n    evidence',
        "future-date",
        "dates.published.date",
    ),
    _r("future-agreement-year", A1, "year: 2002", "year: 2099", "future-date", "agreements[1].year"),
    _r("year-not-in-quote", A1, "year: 2002", "year: 2010", "year-not-in-quote", "agreements[1].year"),
    _d(
        "inferred-date-without-note",
        A1,
        cut(A1, "    note: >-\n      The text says only", "    weekday_evidence:"),
        "inferred-date-without-note",
        "dates.event.note",
    ),
    _r("event-conflict", A3, 'date: "2025-10-16"', 'date: "2025-10-23"', "event-conflict", "event.id"),
    # actors and the registry
    _r(
        "unknown-actor",
        A1,
        "actor_id: nasser-bourita",
        "actor_id: nasser-burita",
        "unknown-actor",
        "actors[1].actor_id",
    ),
    _r(
        "unknown-actor-in-cited-source",
        A1,
        "actor_id: sergey-lavrov\n      evidence",
        "actor_id: sergey-lavrof\n      evidence",
        "unknown-actor",
        "cited_sources[0].actor_id",
    ),
    _r(
        "participant-without-office",
        A5,
        'date: "2016-03-15"',
        'date: "2009-03-17"',
        "participant-without-office",
        "actors[0].actor_id",
    ),
    _r(
        "alias-not-labelled",
        A1,
        "  - actor_id: nasser-bourita\n    role: participant\n    surfaces: [ناصر بوريطة]\n",
        "",
        "alias-not-labelled",
        "actors",
    ),
    _r(
        "unused-waiver",
        A1,
        "agreements:\n  - instrument",
        "alias_waivers:\n  - alias: بوتين\n    reason: test\nagreements:\n  - instrument",
        "waiver-unused",
        "alias_waivers[0].alias",
    ),
    _r(
        "duplicate-actor-label",
        A1,
        "actor_id: nasser-bourita",
        "actor_id: sergey-lavrov",
        "duplicate-actor-label",
        "actors[1].actor_id",
    ),
    _r(
        "surface-two-actors",
        A1,
        "surfaces: [ناصر بوريطة]",
        "surfaces: [ناصر بوريطة, لافروف]",
        "surface-two-actors",
        "actors[1].surfaces",
    ),
    _r(
        "registry-duplicate-id",
        REGISTRY,
        "  - actor_id: mohammed-vi\n",
        "  - actor_id: vladimir-putin\n",
        "duplicate-actor-id",
        "actor_id",
    ),
    _r(
        "registry-future-office",
        REGISTRY,
        'start: "2012-05-07"',
        'start: "2099-05-07"',
        "future-date",
        "offices[1].start",
    ),
    _r(
        "registry-empty-aliases",
        REGISTRY,
        "aliases_ar: [فلاديمير بوتين, بوتين]",
        "aliases_ar: []",
        "invalid-value",
        "actors[3].aliases_ar",
    ),
    _r(
        "registry-office-dates",
        REGISTRY,
        'end: "2017-04-04"',
        'end: "2015-04-04"',
        "office-dates",
        "offices[0]",
    ),
    _r(
        "registry-sector-vocabulary",
        REGISTRY,
        "sector: GOV",
        "sector: GOVT",
        "vocabulary",
        "actors[0].sector",
    ),
    _r(
        "registry-alias-shared",
        REGISTRY,
        "aliases_ar: [فلاديمير بوتين, بوتين]",
        "aliases_ar: [فلاديمير بوتين, بوتين, لافروف]",
        "alias-shared",
        "ambiguous_aliases",
    ),
    _r(
        "registry-handover-day-in-both-offices",
        REGISTRY,
        'end: "2024-05-13"',
        'end: "2024-05-14"',
        "office-overlap",
        "offices[0].end",
    ),
    _r(
        "surface-only-inside-a-waived-name",
        A5,
        "agreements:\n  - instrument",
        "alias_waivers:\n  - alias: محمد السادس\n    reason: test\nagreements:\n  - instrument",
        "surface-not-found",
        "actors[1].surfaces[0]",
    ),
    # event data: dyads, place, instrument identity
    _r(
        "dyad-actor-not-a-participant",
        A1,
        '      target: nasser-bourita\n      code: "042"',
        '      target: vladimir-putin\n      code: "042"',
        "dyad-actor",
        "event.dyads[0].target",
    ),
    _r(
        "dyad-code-not-allowed",
        A4,
        '      target: nasser-bourita\n      code: "051"',
        '      target: nasser-bourita\n      code: "042"',
        "dyad-code",
        "event.dyads[0]",
    ),
    _r(
        "dyad-direction",
        A1,
        '    country: MAR\n    evidence: {quote: "إلى مدينة مراكش المغربية"}',
        '    country: RUS\n    evidence: {quote: "إلى مدينة مراكش المغربية"}',
        "dyad-direction",
        "event.dyads[0]",
    ),
    _d("dyad-missing", A4, cut(A4, "  dyads:\n", "actors:\n"), "dyad-missing", "event.dyads"),
    _d("place-missing", A2, cut(A2, "  place:\n", "  dyads:\n"), "place-missing", "event.place.city"),
    _r(
        "place-unsourced-id",
        A2,
        '    country: RUS\n    evidence: {quote: "بالعاصمة الروسية موسكو"}\n',
        '    country: RUS\n    evidence: {quote: "بالعاصمة الروسية موسكو"}\n    geonames_id: 524901\n',
        "place-unsourced-id",
        "event.place.geonames_id",
    ),
    _r(
        "instrument-conflict",
        A3,
        "    instrument: memorandum_of_understanding\n    status: concluded",
        "    instrument: agreement\n    status: concluded",
        "instrument-conflict",
        "agreements[0].instrument_id",
    ),
    # evidence
    _r(
        "evidence-not-found",
        A1,
        "وقال لافروف",
        "وقال بوتين",
        "evidence-not-found",
        "source.cited_sources[0].evidence",
    ),
    _r(
        "raw-evidence-not-found",
        A1,
        '"المصدر: RT", in: raw',
        '"المصدر: رويترز", in: raw',
        "evidence-not-found",
        "source.attribution.evidence",
    ),
    _r(
        "raw-evidence-in-text",
        A1,
        '"المصدر: RT", in: raw',
        '"ووصل لافروف", in: raw',
        "raw-evidence-in-text",
        "source.attribution.evidence",
    ),
    _r(
        "surface-not-found",
        A1,
        "surfaces: [ناصر بوريطة]",
        "surfaces: [ناصر بوريطه]",
        "surface-not-found",
        "actors[1].surfaces[0]",
    ),
    # hidden and look-alike characters in labels
    _r(
        "bidi-in-label",
        A1,
        "name: Sergey Lavrov, remarks",
        "name: Sergey\u202e Lavrov, remarks",
        "forbidden-character",
        "source.cited_sources",
    ),
    _r(
        "zero-width-in-label",
        A1,
        "name: Sergey Lavrov, remarks",
        "name: Sergey\u200b Lavrov, remarks",
        "forbidden-character",
        "source.cited_sources",
    ),
    _r(
        "control-in-label",
        A1,
        "name: Sergey Lavrov, remarks after the talks",
        'name: "Sergey\\x07 Lavrov, remarks after the talks"',
        "forbidden-character",
        "source.cited_sources",
    ),
    _r(
        "presentation-form-in-label",
        A1,
        "value: RT",
        "value: RT \ufef7",
        "forbidden-character",
        "source.attribution.value",
    ),
    _r(
        "persian-letter-in-label",
        A1,
        "name: Sergey Lavrov, remarks",
        "name: Sergey Lavrov ی, remarks",
        "forbidden-character",
        "source.cited_sources",
    ),
    _r(
        "persian-letter-in-surface",
        A1,
        "surfaces: [سيرغي لافروف, لافروف]",
        "surfaces: [سيرغی لافروف, لافروف]",
        "surface-not-found",
        "actors[0].surfaces[0]",
    ),
    # identity: ids, files, raw captures
    _r("bad-id", A1, "article_id: ru-ma-0001", "article_id: RU_MA_0001", "invalid-value", "article_id"),
    _r(
        "path-traversal-id",
        A1,
        "article_id: ru-ma-0001",
        "article_id: ../../etc/passwd",
        "invalid-value",
        "article_id",
    ),
    _r(
        "path-traversal-raw",
        A1,
        "file: 000_939059c162e2a8a6.txt",
        "file: ../../etc/passwd.txt",
        "invalid-value",
        "raw.file",
    ),
    _d(
        "duplicate-id",
        "articles/ru-ma-0009.yaml",
        copy(A1, "articles/ru-ma-0009.yaml"),
        "duplicate-id",
        "article_id",
    ),
    _d(
        "id-filename-mismatch",
        "articles/ru-ma-0009.yaml",
        copy(A1, "articles/ru-ma-0009.yaml", ("article_id: ru-ma-0001", "article_id: ru-ma-0008")),
        "id-filename-mismatch",
        "article_id",
    ),
    _d(
        "raw-claimed-twice",
        "articles/ru-ma-0009.yaml",
        copy(A1, "articles/ru-ma-0009.yaml", ("article_id: ru-ma-0001", "article_id: ru-ma-0009")),
        "raw-claimed-twice",
        "raw.file",
    ),
    _r(
        "raw-sha256-mismatch", A1, "sha256: 3d4d3b5f", "sha256: 0d4d3b5f", "raw-sha256-mismatch", "raw.sha256"
    ),
    _d(
        "raw-bytes-changed",
        A1,
        transform(RAW1, lambda b: b.replace("لافروف".encode(), "لافرووف".encode(), 1), "one letter added"),
        "raw-sha256-mismatch",
        "raw.sha256",
    ),
    _d("raw-missing", A1, delete(RAW1), "raw-missing", "raw.file"),
    _d(
        "raw-unclaimed",
        "raw/005_extra.txt",
        write("raw/005_extra.txt", "مقال".encode(), "a capture no article names"),
        "raw-unclaimed",
        "(file)",
    ),
    _d("raw-link-outside", A1, link_outside(RAW1), "raw-outside-data", "raw.file"),
    _d(
        "release-out-of-sync",
        "release/articles.parquet",
        replace(
            A1, "name: Sergey Lavrov, remarks after the talks", "name: Sergey Lavrov, remarks after talks"
        ),
        "release-out-of-sync",
        "fingerprint",
    ),
    _d(
        "release-not-built",
        "release/manifest.json",
        delete("release/manifest.json"),
        "release-missing",
        "(file)",
    ),
    # cleaning and review
    _r("text-changed", A1, "text_sha256: 7f8e", "text_sha256: 0f8e", "text-changed", "cleaning.text_sha256"),
    _r(
        "decision-out-of-range",
        A1,
        "decisions: []",
        "decisions: [{lines: [900, 901], as: masthead, why: test}]",
        "cleaning-decision-out-of-range",
        "cleaning.decisions",
    ),
    _r(
        "cleaning-decisions-overlap",
        A3,
        "      why: The site's self-description",
        "      why: test\n    - lines: [2, 5]\n      as: navigation\n      why: The site's self-description",
        "cleaning-decisions-overlap",
        "cleaning.decisions[1]",
    ),
    _r(
        "every-line-removed",
        A1,
        "decisions: []",
        "decisions: [{lines: [1, 72], as: navigation, why: test}]",
        "empty-text",
        "cleaning",
    ),
    _r("draft-in-release", A1, "status: reviewed", "status: draft", "draft-article", "review.status"),
    _r(
        "review-needs-second-person",
        A1,
        "reviewer: reviewer-c",
        "reviewer: annotator-a",
        "review-incomplete",
        "review.reviewer",
    ),
    _r(
        "review-by-annotator-capitalised",
        A1,
        "reviewer: reviewer-c",
        "reviewer: ' Annotator-A'",
        "review-incomplete",
        "review.reviewer",
    ),
]

# Defects in different files that do not hide one another: one tree holding all of them must report every one.
TOGETHER = [
    "typo-key",
    "event-after-publication",
    "participant-without-office",
    "registry-future-office",
    "unexpected-file",
    "event-conflict",
]

assert len({d.id for d in CATALOGUE}) == len(CATALOGUE), "catalogue ids must be unique"


# --- tampered or corrupted releases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tamper:
    """One kind of damage to a built release: the file the error must name, the code and the field expected."""

    id: str
    file: str
    inject: Inject
    code: str
    field: str
    # Caught only by the full checks (load(validate="full"), validate --release): a forger rewrote the manifest's
    # checksums and fingerprints, and only a rule that searches the texts sees what changed.
    full_only: bool = False


def _manifest(release: Path) -> dict:
    return json.loads((release / "manifest.json").read_text(encoding="utf-8"))


def _save_manifest(release: Path, manifest: dict) -> None:
    (release / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def edit_manifest(how: str, change: Callable[[dict], None]) -> Inject:
    def apply(release: Path) -> None:
        manifest = _manifest(release)
        change(manifest)
        _save_manifest(release, manifest)

    return Inject(f"manifest.json: {how}", apply)


def rewrite_table(name: str, how: str, change: Callable[[pa.Table], pa.Table], *, checksum: bool) -> Inject:
    """Rewrite a table's Parquet file; with checksum=True also fix the manifest's sha256, as a careful forger would."""

    def apply(release: Path) -> None:
        path = release / f"{name}.parquet"
        pq.write_table(change(pq.read_table(path)), path, compression="zstd")
        if checksum:
            manifest = _manifest(release)
            manifest["tables"][name]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            _save_manifest(release, manifest)

    return Inject(
        f"{name}.parquet: {how}" + (", manifest sha256 updated" if checksum else ", manifest untouched"),
        apply,
    )


def damage(name: str, how: str, change: Callable[[bytes], bytes], *, checksum: bool = False) -> Inject:
    def apply(release: Path) -> None:
        path = release / name
        path.write_bytes(change(path.read_bytes()))
        if checksum:
            manifest = _manifest(release)
            manifest["tables"][path.stem]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            _save_manifest(release, manifest)

    return Inject(f"{name}: {how}" + (", manifest sha256 updated" if checksum else ""), apply)


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _bad_utf8_value(data: bytes) -> bytes:
    """The table rewritten without compression, then one string value's first byte made a stray continuation byte."""
    sink = pa.BufferOutputStream()
    pq.write_table(pq.read_table(pa.BufferReader(data)), sink, compression="none")
    raw = sink.getvalue().to_pybytes()
    assert b"ru-ma-0001" in raw
    return raw.replace(b"ru-ma-0001", b"\x80u-ma-0001", 1)


def _bad_utf8_column_name(data: bytes) -> bytes:
    """A column name in the footer's schema (its first field) made to start with a stray continuation byte."""
    footer = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    at = data.index(b"raw_original_name", footer)
    return data[:at] + b"\x93" + data[at + 1 :]


def _set_value(column: str, row: int, value) -> Callable[[pa.Table], pa.Table]:
    def change(table: pa.Table) -> pa.Table:
        values = table.column(column).to_pylist()
        values[row] = value
        i = table.schema.get_field_index(column)
        return table.set_column(i, table.schema.field(i), pa.array(values, type=table.schema.field(i).type))

    return change


def _retype(column: str, to: pa.DataType) -> Callable[[pa.Table], pa.Table]:
    def change(table: pa.Table) -> pa.Table:
        i = table.schema.get_field_index(column)
        return table.set_column(i, pa.field(column, to), table.column(column).cast(to))

    return change


def _metadata(key: str, value: str) -> Callable[[pa.Table], pa.Table]:
    def change(table: pa.Table) -> pa.Table:
        return table.replace_schema_metadata({**table.schema.metadata, key.encode(): value.encode()})

    return change


def _tables_entry(name: str, key: str, value) -> Callable[[dict], None]:
    def change(manifest: dict) -> None:
        manifest["tables"][name][key] = value

    return change


def forge(name: str, how: str, change: Callable[[pa.Table], pa.Table]) -> Inject:
    """A fully self-consistent forgery: one table changed, then every checksum and fingerprint recomputed by
    the build's writer."""

    def apply(release: Path) -> None:
        from corpus_ds import columns, release_format

        tables = {t: pq.read_table(release / f"{t}.parquet") for t in columns.TABLES}
        tables[name] = change(tables[name])
        forged = release.parent / "forged"
        release_format.write_release(tables, forged)
        for path in forged.iterdir():
            os.replace(path, release / path.name)
        forged.rmdir()

    return Inject(f"{name}.parquet: {how}; every checksum and fingerprint recomputed", apply)


def _nullable(column: str) -> Callable[[pa.Table], pa.Table]:
    def change(table: pa.Table) -> pa.Table:
        i = table.schema.get_field_index(column)
        return table.set_column(
            i, table.schema.field(i).with_nullable(not table.schema.field(i).nullable), table.column(column)
        )

    return change


TAMPERS: list[Tamper] = [
    Tamper(
        "flipped-byte",
        "articles.parquet",
        damage("articles.parquet", "one byte flipped", _flip),
        "checksum-mismatch",
        "sha256",
    ),
    Tamper(
        "truncated-file",
        "mentions.parquet",
        damage("mentions.parquet", "cut to half its length", lambda b: b[: len(b) // 2]),
        "checksum-mismatch",
        "sha256",
    ),
    Tamper(
        "truncated-file-checksum-updated",
        "mentions.parquet",
        damage("mentions.parquet", "cut to half its length", lambda b: b[: len(b) // 2], checksum=True),
        "parquet-unreadable",
        "(file)",
    ),
    Tamper("missing-file", "evidence.parquet", delete("evidence.parquet"), "release-file-missing", "(file)"),
    Tamper("missing-manifest", "manifest.json", delete("manifest.json"), "manifest-unreadable", "(file)"),
    Tamper(
        "manifest-json-syntax",
        "manifest.json",
        damage("manifest.json", "last brace removed", lambda b: b.rstrip()[:-1]),
        "manifest-unreadable",
        "(file)",
    ),
    Tamper(
        "manifest-table-entry-missing",
        "manifest.json",
        edit_manifest("the actors entry removed", lambda m: m["tables"].pop("actors")),
        "manifest-missing-table",
        "tables.actors",
    ),
    Tamper(
        "extra-column",
        "actors.parquet",
        rewrite_table(
            "actors",
            "a column added",
            lambda t: t.append_column("extra", pa.array([1] * t.num_rows, pa.int32())),
            checksum=True,
        ),
        "column-unexpected",
        "extra",
    ),
    Tamper(
        "missing-column",
        "actors.parquet",
        rewrite_table(
            "actors", "column country dropped", lambda t: t.drop_columns(["country"]), checksum=True
        ),
        "column-missing",
        "country",
    ),
    Tamper(
        "wrong-column-type",
        "mentions.parquet",
        rewrite_table("mentions", "start cast to int64", _retype("start", pa.int64()), checksum=True),
        "column-type",
        "start",
    ),
    Tamper(
        "rows-changed-without-manifest",
        "articles.parquet",
        rewrite_table(
            "articles", "outlet of the first row changed", _set_value("outlet", 0, "الجزيرة"), checksum=False
        ),
        "checksum-mismatch",
        "sha256",
    ),
    Tamper(
        "rows-changed-checksum-updated",
        "articles.parquet",
        rewrite_table(
            "articles", "outlet of the first row changed", _set_value("outlet", 0, "الجزيرة"), checksum=True
        ),
        "fingerprint-mismatch",
        "fingerprint",
    ),
    Tamper(
        "row-count-differs",
        "removals.parquet",
        edit_manifest(
            "removals rows + 1",
            lambda m: m["tables"]["removals"].update(rows=m["tables"]["removals"]["rows"] + 1),
        ),
        "row-count-mismatch",
        "rows",
    ),
    Tamper(
        "manifest-other-version",
        "manifest.json",
        edit_manifest("version 9.9.9", lambda m: m.update(version="9.9.9")),
        "version-mismatch",
        "version",
    ),
    Tamper(
        "manifest-release-fingerprint",
        "manifest.json",
        edit_manifest("release fingerprint changed", lambda m: m.update(fingerprint="0" * 64)),
        "fingerprint-mismatch",
        "fingerprint",
    ),
    Tamper(
        "metadata-other-version",
        "evidence.parquet",
        rewrite_table(
            "evidence",
            "Parquet metadata corpus_ds.version 0.0.9",
            _metadata("corpus_ds.version", "0.0.9"),
            checksum=True,
        ),
        "metadata-mismatch",
        "metadata.corpus_ds.version",
    ),
    Tamper(
        "metadata-other-schema-version",
        "evidence.parquet",
        rewrite_table(
            "evidence",
            "Parquet metadata corpus_ds.schema_version 99",
            _metadata("corpus_ds.schema_version", "99"),
            checksum=True,
        ),
        "metadata-mismatch",
        "metadata.corpus_ds.schema_version",
    ),
    Tamper(
        "invalid-utf8-in-a-string-column",
        "articles.parquet",
        damage(
            "articles.parquet",
            "written uncompressed, one article_id made invalid UTF-8",
            _bad_utf8_value,
            checksum=True,
        ),
        "parquet-unreadable",
        "(file)",
    ),
    Tamper(
        "invalid-utf8-in-a-column-name",
        "articles.parquet",
        damage(
            "articles.parquet",
            "a column name in the footer made invalid UTF-8",
            _bad_utf8_column_name,
            checksum=True,
        ),
        "parquet-unreadable",
        "(file)",
    ),
    Tamper(
        "nullability-changed",
        "actors.parquet",
        rewrite_table("actors", "column country made nullable", _nullable("country"), checksum=True),
        "schema-mismatch",
        "country",
    ),
    Tamper(
        "columns-reordered",
        "actors.parquet",
        rewrite_table(
            "actors",
            "columns in reverse order",
            lambda t: t.select(list(reversed(t.column_names))),
            checksum=True,
        ),
        "schema-mismatch",
        "(schema)",
    ),
    Tamper(
        "forged-offset",
        "mentions.parquet",
        forge("mentions", "start of the first mention moved", _set_value("start", 0, 0)),
        "offset-mismatch",
        "surface",
    ),
    Tamper(
        "forged-dyad-offset",
        "dyads.parquet",
        forge("dyads", "start of the first dyad's quote moved", _set_value("start", 0, 0)),
        "offset-mismatch",
        "quote",
    ),
    Tamper(
        "forged-goldstein-score",
        "dyads.parquet",
        forge("dyads", "Goldstein score of the first dyad changed", _set_value("goldstein", 0, 7.0)),
        "derived-score-mismatch",
        "dyads[0]",
    ),
    Tamper(
        "forged-dyad-direction",
        "dyads.parquet",
        forge(
            "dyads",
            "the first dyad's source and target swapped",
            lambda t: _set_value("target", 0, "sergey-lavrov")(_set_value("source", 0, "nasser-bourita")(t)),
        ),
        "dyad-direction",
        "dyads[0]",
    ),
    Tamper(
        "forged-agreement-type",
        "articles.parquet",
        forge(
            "articles",
            "agreement_type of the first article changed",
            _set_value("agreement_type", 0, "agreement"),
        ),
        "agreement-type-mismatch",
        "agreement_type",
    ),
    Tamper(
        "forged-text-hash",
        "articles.parquet",
        forge("articles", "text_sha256 of the first article zeroed", _set_value("text_sha256", 0, "0" * 64)),
        "text-hash-mismatch",
        "text_sha256",
        full_only=True,
    ),
    Tamper(
        "forged-bad-id",
        "articles.parquet",
        forge("articles", "first article_id not well formed", _set_value("article_id", 0, "../ru-ma-0001")),
        "bad-id",
        "article_id",
    ),
    Tamper(
        "forged-mention-dropped",
        "mentions.parquet",
        forge("mentions", "first row dropped", lambda t: t.slice(1)),
        "table-inconsistent",
        "article_id",
        full_only=True,
    ),
    Tamper(
        "forged-unknown-article",
        "mentions.parquet",
        forge(
            "mentions",
            "first row names an article not in the release",
            _set_value("article_id", 0, "ru-ma-9999"),
        ),
        "unknown-article",
        "article_id",
    ),
    Tamper(
        "forged-no-articles",
        "articles.parquet",
        forge("articles", "every row removed", lambda t: t.slice(0, 0)),
        "no-articles",
        "article_id",
    ),
    Tamper(
        "forged-empty-aliases",
        "actors.parquet",
        forge("actors", "aliases of the first actor emptied", _set_value("aliases_ar", 0, [])),
        "row-invalid",
        "aliases_ar",
    ),
    Tamper(
        "forged-weekday-quote",
        "articles.parquet",
        forge("articles", "weekday quote without a weekday", _set_value("event_weekday_quote", 0, "اليوم")),
        "weekday-missing",
        "event_weekday_quote",
    ),
    Tamper(
        "forged-hidden-character",
        "articles.parquet",
        forge("articles", "a zero-width space in a title", _set_value("title", 0, "عنوان\u200bمخفي")),
        "forbidden-character",
        "title",
        full_only=True,
    ),
    Tamper(
        "not-parquet",
        "actors.parquet",
        damage("actors.parquet", "replaced by text", lambda b: b"PAR1 not really\n", checksum=True),
        "parquet-unreadable",
        "(file)",
    ),
]

assert len({t.id for t in TAMPERS}) == len(TAMPERS), "tamper ids must be unique"
