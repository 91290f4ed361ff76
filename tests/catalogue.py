"""The catalogue of hostile input: one entry per kind of bad contribution or damaged release, how to inject
it, and the issue it must raise."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
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
    _d(
        "yaml-too-deep",
        A1,
        write(A1, b"[" * 400, "400 nested flow lists"),
        "yaml-too-deep",
        "line 1, column 33",
    ),
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
        "source.cited_sources[0].name",
    ),
    _r(
        "zero-width-in-label",
        A1,
        "name: Sergey Lavrov, remarks",
        "name: Sergey\u200b Lavrov, remarks",
        "forbidden-character",
        "source.cited_sources[0].name",
    ),
    _r(
        "control-in-label",
        A1,
        "name: Sergey Lavrov, remarks after the talks",
        'name: "Sergey\\x07 Lavrov, remarks after the talks"',
        "forbidden-character",
        "source.cited_sources[0].name",
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
        "source.cited_sources[0].name",
    ),
    _r(
        "persian-letter-in-surface",
        A1,
        "surfaces: [سيرغي لافروف, لافروف]",
        "surfaces: [سيرغی لافروف, لافروف]",
        "forbidden-character",
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
        "reviewer: Annotator-A",
        "review-incomplete",
        "review.reviewer",
    ),
]

# --- second round: what a determined attacker tried next -------------------------------------------------------


def _line_of(file: str, text: str) -> int:
    """The line of the committed data file on which text starts (so that an expected location follows the data)."""
    content = (Path(__file__).resolve().parents[1] / "data" / file).read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


ANNOTATOR_LINE = _line_of(A1, "annotator: annotator-a")


def _label_with(char: str) -> str:
    """A cited source's name holding the character, written as a YAML escape (so it survives any editor)."""
    return f'name: "Sergey{char.encode("unicode_escape").decode()} Lavrov, remarks after the talks"'


# Characters refused by their Unicode properties, not by a list: each variant is of another category or property.
INVISIBLE_VARIANTS = {
    "tag-character": "\U000e0041",  # Cf, tag LATIN CAPITAL LETTER A
    "invisible-operator": "\u2062",  # Cf, INVISIBLE TIMES
    "variation-selector": "\ufe0f",  # Mn, default-ignorable
    "variation-selector-supplement": "\U000e0100",  # Mn, default-ignorable
    "combining-grapheme-joiner": "\u034f",  # Mn, default-ignorable
    "hangul-filler": "\u3164",  # Lo, default-ignorable
    "interlinear-annotation": "\ufff9",  # Cf
    "private-use": "\ue000",  # Co
    "private-use-plane-15": "\U000f0000",  # Co
    "noncharacter": "\ufffe",  # Cn
    "noncharacter-fdd0": "\ufdd0",  # Cn (inside the presentation-form block)
    "unassigned": "\U0003fffd",  # Cn
    "line-separator": "\u2028",  # Zl, escaped
    "paragraph-separator": "\u2029",  # Zp
    "no-break-space": "\u00a0",  # Zs other than U+0020
    "mongolian-vowel-separator": "\u180e",  # Cf
    "word-joiner": "\u2060",  # Cf
    "soft-hyphen": "\u00ad",  # Cf
}

NAME = "name: Sergey Lavrov, remarks after the talks"


def _capture_disguise(name: str, disguised: str) -> Inject:
    """The registry name disguised everywhere in the capture, the source made consistent with it (sha256 of the
    capture and of the cleaned text, every quote), and the actor dropped from the labels: the alias rule must see
    through the disguise."""

    def apply(data: Path) -> None:
        import yaml

        from corpus_ds import clean

        raw = (data / RAW1).read_text(encoding="utf-8")
        assert name in raw
        new_raw = raw.replace(name, disguised)
        (data / RAW1).write_text(new_raw, encoding="utf-8")
        source = (data / A1).read_text(encoding="utf-8")
        old_text_sha = yaml.safe_load(source)["cleaning"]["text_sha256"]
        new_text_sha = hashlib.sha256(clean.clean(new_raw).text.encode("utf-8")).hexdigest()
        source = source.replace(RAW1_SHA, hashlib.sha256(new_raw.encode("utf-8")).hexdigest())
        source = source.replace(old_text_sha, new_text_sha).replace(name, disguised)
        label = f"  - actor_id: nasser-bourita\n    role: participant\n    surfaces: [ناصر {disguised}]\n"
        assert label in source
        (data / A1).write_text(source.replace(label, ""), encoding="utf-8")

    return Inject(
        f"{RAW1}: {name!r} written {disguised!r} everywhere, the actor dropped from the labels", apply
    )


def _fifo(file: str) -> Inject:
    def apply(data: Path) -> None:
        (data / file).unlink()
        os.mkfifo(data / file)

    return Inject(f"{file}: replaced by a FIFO (a read would wait for a writer forever)", apply)


def _directory(file: str) -> Inject:
    def apply(data: Path) -> None:
        (data / file).unlink()
        (data / file).mkdir()

    return Inject(f"{file}: replaced by a directory", apply)


SECOND_ROUND: list[Defect] = [
    *[
        _r(
            f"{kind}-in-label",
            A1,
            NAME,
            _label_with(char),
            "forbidden-character",
            "source.cited_sources[0].name",
        )
        for kind, char in INVISIBLE_VARIANTS.items()
    ],
    _r(
        "invisible-in-a-field-outside-the-release",
        A3,
        "why: The site's self-description (editorial board, accreditation), not navigation.",
        'why: "The site\\u2062s self-description (editorial board, accreditation), not navigation."',
        "forbidden-character",
        "cleaning.decisions[0].why",
    ),
    _r(
        "raw-noncharacter-in-source-file",
        A1,
        "annotator: annotator-a",
        "annotator: annotator-a\ufffe",
        "forbidden-character",
        f"line {ANNOTATOR_LINE}, column 25",
    ),
    # the alias rule sees through disguises of a registry name in the capture
    *[
        Defect(
            f"alias-disguised-{kind}",
            A1,
            _capture_disguise("بوريطة", disguised),
            "alias-not-labelled",
            "actors",
        )
        for kind, disguised in {
            "tatweel": "بوريـطة",
            "fatha": "بوريطَة",
            "shadda-sukun": "بوّريْطة",
            "superscript-alef": "بوريطٰة",
            "ta-marbuta-as-ha": "بوريطه",
        }.items()
    ],
    # look-alike people: refused by the person alphabet, or one person by confusable skeleton
    *[
        _r(
            f"reviewer-{kind}",
            A1,
            "reviewer: reviewer-c",
            f'reviewer: "{name}"',
            "invalid-value",
            "review.reviewer",
        )
        for kind, name in {
            "cyrillic-a": "\u0430nnotator-a",
            "full-width": "\uff41nnotator-a",
            "non-breaking-hyphen": "annotator\u2011a",
            "trailing-tatweel": "annotator-a\u0640",
            "trailing-space": "annotator-a ",
            "greek-omicron": "ann\u03bftator-a",
        }.items()
    ],
    _r(
        "reviewer-zero-width-joiner",
        A1,
        "reviewer: reviewer-c",
        'reviewer: "annotator\\u200d-a"',
        "forbidden-character",
        "review.reviewer",
    ),
    _d(
        "reviewer-skeleton-rn-m",
        A1,
        replace(
            A1,
            "annotator: annotator-a\n  reviewer: reviewer-c",
            "annotator: annotator-m\n  reviewer: annotator-rn",
        ),
        "review-incomplete",
        "review.reviewer",
    ),
    _d(
        "reviewer-skeleton-zero-o",
        A1,
        replace(A1, "reviewer: reviewer-c", "reviewer: annotat0r-a"),
        "review-incomplete",
        "review.reviewer",
    ),
    _d(
        "reviewer-skeleton-one-l",
        A1,
        replace(
            A1,
            "annotator: annotator-a\n  reviewer: reviewer-c",
            "annotator: reviewer-l\n  reviewer: reviewer-1",
        ),
        "review-incomplete",
        "review.reviewer",
    ),
    # registry aliases: NFC, trimmed, single-spaced, unique
    _r(
        "alias-nfd",
        REGISTRY,
        ", وزارة الشؤون الخارجية والتعاون الإفريقي",
        ", وزارة الشؤون الخارجية والتعاون الا\u0655فريقي",
        "alias-malformed",
        "actors[5].aliases_ar[2]",
    ),
    _r(
        "alias-leading-space",
        REGISTRY,
        "[ناصر بوريطة, بوريطة]",
        "[' ناصر بوريطة', بوريطة]",
        "alias-malformed",
        "actors[1].aliases_ar[0]",
    ),
    _r(
        "alias-trailing-space",
        REGISTRY,
        "[ناصر بوريطة, بوريطة]",
        "[ناصر بوريطة, 'بوريطة ']",
        "alias-malformed",
        "actors[1].aliases_ar[1]",
    ),
    _r(
        "alias-double-space",
        REGISTRY,
        "[ناصر بوريطة, بوريطة]",
        "['ناصر  بوريطة', بوريطة]",
        "alias-malformed",
        "actors[1].aliases_ar[0]",
    ),
    _r(
        "alias-duplicate",
        REGISTRY,
        "[ناصر بوريطة, بوريطة]",
        "[ناصر بوريطة, بوريطة, بوريطة]",
        "alias-malformed",
        "actors[1].aliases_ar[2]",
    ),
    _r(
        "alias-of-two-actors",
        REGISTRY,
        "[ناصر بوريطة, بوريطة]",
        "[ناصر بوريطة, بوريطة, لافروف]",
        "alias-malformed",
        "actors[1].aliases_ar[2]",
    ),
    # files that are not regular files
    _d("registry-fifo", REGISTRY, _fifo(REGISTRY), "file-unreadable", "(file)"),
    _d("raw-fifo", A1, _fifo(RAW1), "file-unreadable", "raw.file"),
    _d("raw-directory", A1, _directory(RAW1), "file-unreadable", "raw.file"),
    _d("article-fifo", A1, _fifo(A1), "unexpected-file", "(file)"),
    # numbers JSON would read otherwise, and values no field can hold
    *[
        _r(f"yaml11-{kind}", A1, "year: 2002", f"year: {text}", "yaml-type", "agreements[1].year")
        for kind, text in {
            "hex": "0x7d2",
            "underscores": "2_0_0_2",
            "sexagesimal": "33:22",
            "octal": "03722",
            "binary": "0b11111010010",
            "infinity": ".inf",
            "not-a-number": ".NaN",
            "yes": "yes",
            "capital-true": "True",
            "huge-integer": "9" * 5000,
        }.items()
    ],
    _r(
        "yaml11-on-for-occurrence",
        A1,
        '{quote: "وقال لافروف"}',
        '{quote: "وقال لافروف", occurrence: on}',
        "yaml-type",
        "source.cited_sources[0].evidence.occurrence",
    ),
    _d(
        "nul-byte",
        A1,
        transform(
            A1, lambda b: b.replace(b"annotator: annotator-a", b"annotator: annot\x00ator-a", 1), "a NUL byte"
        ),
        "forbidden-character",
        f"line {ANNOTATOR_LINE}, column 19",
    ),
    _d(
        "utf16-be-without-bom",
        A1,
        transform(A1, lambda b: b.decode().encode("utf-16-be"), "UTF-16BE, no BOM"),
        "forbidden-character",
        "line 1, column 1",
    ),
    _d(
        "utf16-le-without-bom",
        A1,
        transform(A1, lambda b: b.decode().encode("utf-16-le"), "UTF-16LE, no BOM"),
        "forbidden-character",
        "line 1, column 2",
    ),
    _d(
        "nesting-250-flow",
        A1,
        write(A1, b"a: " + b"[" * 250 + b"]" * 250 + b"\n", "250 nested flow lists"),
        "yaml-too-deep",
        "line 1, column 35",
    ),
    _d(
        "nesting-250-block",
        A1,
        write(
            A1,
            "".join(f"{'  ' * i}k{i}:\n" for i in range(250)).encode() + b"  " * 250 + b"v\n",
            "250 nested mappings",
        ),
        "yaml-too-deep",
        "line 33, column 65",
    ),
    # a file name or a key that would forge report lines
    _d(
        "file-name-forges-report-lines",
        "articles/ru-ma-0009\\nforged.yaml: article_id: fake [duplicate-id].yaml",
        copy(A1, "articles/ru-ma-0009\nforged.yaml: article_id: fake [duplicate-id].yaml"),
        "duplicate-id",
        "article_id",
    ),
    _r(
        "key-forges-report-lines",
        A1,
        "actors:\n",
        '"x\\n/etc/passwd.yaml": 1\nactors:\n',
        "unknown-field",
        "x\\n/etc/passwd.yaml",
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

CATALOGUE += SECOND_ROUND

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
        pq.write_table(change(pq.read_table(path)), path, compression="zstd", write_statistics=False)
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
    pq.write_table(pq.read_table(pa.BufferReader(data)), sink, compression="none", write_statistics=False)
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


# --- second round: what loads must be what was validated -------------------------------------------------------


def _pandas_metadata(mapping: dict) -> Callable[[pa.Table], pa.Table]:
    """A pandas entry whose columns list renames columns (field_name -> name) or declares index columns."""

    def change(table: pa.Table) -> pa.Table:
        columns = [
            {
                "name": mapping.get(n, n),
                "field_name": n,
                "pandas_type": "unicode",
                "numpy_type": "object",
                "metadata": None,
            }
            for n in table.column_names
        ]
        entry = {
            "index_columns": mapping.get("__index__", []),
            "column_indexes": [],
            "columns": columns,
            "creator": {"library": "pyarrow", "version": pa.__version__},
            "pandas_version": "2.2.0",
        }
        return table.replace_schema_metadata({**table.schema.metadata, b"pandas": json.dumps(entry).encode()})

    return change


def _rewrite_with(name: str, how: str, **options) -> Inject:
    """The table written again with writer options the release never uses; the manifest's sha256 updated."""

    def apply(release: Path) -> None:
        path = release / f"{name}.parquet"
        pq.write_table(pq.read_table(path), path, compression="zstd", **options)
        manifest = _manifest(release)
        manifest["tables"][name]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        _save_manifest(release, manifest)

    return Inject(f"{name}.parquet: written again {how}, manifest sha256 updated", apply)


def _lying_statistics(release: Path) -> None:
    """agreements.year written with statistics, then the footer's minimum of year patched from 2002 to 2003: DuckDB
    would skip the row group for WHERE year = 2002."""
    path = release / "agreements.parquet"
    pq.write_table(pq.read_table(path), path, compression="zstd", write_statistics=["year"])
    data = bytearray(path.read_bytes())
    footer_length = int.from_bytes(data[-8:-4], "little")
    start = len(data) - 8 - footer_length
    footer = bytes(data[start:-8])
    old, new = (2002).to_bytes(4, "little"), (2003).to_bytes(4, "little")
    assert footer.count(old) >= 1, "no statistics for year in the footer"
    data[start:-8] = footer.replace(old, new)
    path.write_bytes(bytes(data))
    manifest = _manifest(release)
    manifest["tables"]["agreements"]["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    _save_manifest(release, manifest)


def _bomb(release: Path) -> None:
    """removals.parquet whose one removed line decodes to 100 MB (a few kilobytes on disk), every checksum matching."""
    from corpus_ds import columns, release_format

    tables = {t: pq.read_table(release / f"{t}.parquet") for t in columns.TABLES}
    tables["removals"] = _set_value("content", 0, "ا" * 50_000_000)(tables["removals"])
    forged = release.parent / "forged"
    release_format.write_release(tables, forged)
    for path in forged.iterdir():
        os.replace(path, release / path.name)
    forged.rmdir()


def _deep_manifest(release: Path) -> None:
    (release / "manifest.json").write_text(
        '{"tables": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8"
    )


def _fifo_in_release(name: str) -> Inject:
    def apply(release: Path) -> None:
        (release / name).unlink()
        os.mkfifo(release / name)

    return Inject(f"{name}: replaced by a FIFO", apply)


def _nfd(value: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", value)


SECOND_ROUND_TAMPERS: list[Tamper] = [
    Tamper(
        "pandas-metadata-swaps-columns",
        "articles.parquet",
        rewrite_table(
            "articles",
            "a pandas entry naming outlet attribution and title text",
            _pandas_metadata(
                {"outlet": "attribution", "attribution": "outlet", "title": "text", "text": "title"}
            ),
            checksum=True,
        ),
        "metadata-unexpected",
        "metadata.pandas",
    ),
    Tamper(
        "pandas-metadata-index-columns",
        "articles.parquet",
        rewrite_table(
            "articles",
            "a pandas entry declaring article_id the index",
            _pandas_metadata({"__index__": ["article_id"]}),
            checksum=True,
        ),
        "metadata-unexpected",
        "metadata.pandas",
    ),
    Tamper(
        "unknown-metadata-key",
        "mentions.parquet",
        rewrite_table(
            "mentions", "a metadata key huggingface", _metadata("huggingface", "{}"), checksum=True
        ),
        "metadata-unexpected",
        "metadata.huggingface",
    ),
    Tamper(
        "metadata-other-table",
        "evidence.parquet",
        rewrite_table(
            "evidence",
            "corpus_ds.table says agreements",
            _metadata("corpus_ds.table", "agreements"),
            checksum=True,
        ),
        "metadata-mismatch",
        "metadata.corpus_ds.table",
    ),
    Tamper(
        "column-description-changed",
        "actors.parquet",
        rewrite_table(
            "actors",
            "the description of country changed",
            lambda t: t.cast(
                t.schema.set(
                    t.schema.get_field_index("country"),
                    t.schema.field("country").with_metadata({b"description": b"ISO code (trust me)"}),
                )
            ),
            checksum=True,
        ),
        "metadata-mismatch",
        "country.metadata",
    ),
    Tamper(
        "statistics-lie",
        "agreements.parquet",
        Inject("agreements.parquet: footer minimum of year patched, sha256 updated", _lying_statistics),
        "parquet-statistics",
        "year.statistics",
    ),
    Tamper(
        "statistics-honest",
        "articles.parquet",
        _rewrite_with("articles", "with statistics", write_statistics=True),
        "parquet-statistics",
        "article_id.statistics",
    ),
    Tamper(
        "page-index",
        "mentions.parquet",
        _rewrite_with("mentions", "with a page index", write_statistics=False, write_page_index=True),
        "parquet-statistics",
        "article_id.page_index",
    ),
    Tamper(
        "bloom-filter",
        "mentions.parquet",
        _rewrite_with(
            "mentions",
            "with a bloom filter on actor_id",
            write_statistics=False,
            bloom_filter_options={"actor_id": {"ndv": 10}},
        ),
        "parquet-statistics",
        "actor_id.bloom_filter",
    ),
    Tamper(
        "sort-order-declared",
        "mentions.parquet",
        _rewrite_with(
            "mentions",
            "declaring a sort order",
            write_statistics=False,
            sorting_columns=[pq.SortingColumn(0)],
        ),
        "parquet-statistics",
        "sorting_columns",
    ),
    Tamper(
        "decompression-bomb",
        "removals.parquet",
        Inject("removals.parquet: one removed line of 100 MB, every checksum recomputed", _bomb),
        "parquet-too-large",
        "total_uncompressed_size",
    ),
    Tamper(
        "values-per-row-bomb",
        "articles.parquet",
        forge("articles", "60,000 review notes in one row", _set_value("review_notes", 0, ["x"] * 60_000)),
        "parquet-too-large",
        "review_notes.list.element.num_values",
    ),
    Tamper(
        "deep-manifest",
        "manifest.json",
        Inject("manifest.json: 100,000 nested lists", _deep_manifest),
        "manifest-unreadable",
        "(file)",
    ),
    Tamper(
        "huge-manifest",
        "manifest.json",
        damage(
            "manifest.json",
            "2 MB of spaces before the closing brace",
            lambda b: b.rstrip()[:-1] + b" " * 2_000_000 + b"}",
        ),
        "manifest-unreadable",
        "(file)",
    ),
    Tamper(
        "manifest-fifo", "manifest.json", _fifo_in_release("manifest.json"), "manifest-unreadable", "(file)"
    ),
    Tamper(
        "table-fifo", "actors.parquet", _fifo_in_release("actors.parquet"), "release-file-missing", "(file)"
    ),
    *[
        Tamper(
            f"forged-{kind}-in-title",
            "articles.parquet",
            forge("articles", f"a {kind} character in a title", _set_value("title", 0, f"عنوان{char}مخفي")),
            "forbidden-character",
            "title",
            full_only=True,
        )
        for kind, char in (
            ("tag", "\U000e0041"),
            ("line-separator", "\u2028"),
            ("noncharacter", "\ufffe"),
            ("private-use", "\ue000"),
            ("variation-selector", "\ufe0f"),
            ("hangul-filler", "\u3164"),
        )
    ],
    Tamper(
        "forged-invisible-operator-in-review-note",
        "articles.parquet",
        forge(
            "articles", "an invisible operator in a review note", _set_value("review_notes", 0, ["a\u2062b"])
        ),
        "forbidden-character",
        "review_notes",
        full_only=True,
    ),
    *[
        Tamper(
            f"forged-reviewer-{kind}",
            "articles.parquet",
            forge(
                "articles",
                f"the reviewer written as the annotator with {kind}",
                _set_value("reviewer", 0, name),
            ),
            "review-incomplete",
            "reviewer",
        )
        for kind, name in (
            ("a-cyrillic-a", "\u0430nnotator-a"),
            ("a-full-width-letter", "\uff41nnotator-a"),
            ("a-non-breaking-hyphen", "annotator\u2011a"),
            ("a-trailing-tatweel", "annotator-a\u0640"),
            ("a-zero-for-o", "annotat0r-a"),
        )
    ],
    Tamper(
        "forged-alias-nfd",
        "actors.parquet",
        forge(
            "actors",
            "an alias in NFD",
            lambda t: _set_value("aliases_ar", 5, [_nfd(a) for a in t.column("aliases_ar")[5].as_py()])(t),
        ),
        "alias-malformed",
        "actors[5].aliases_ar[2]",
    ),
    Tamper(
        "forged-alias-disguised-in-text",
        "articles.parquet",
        forge(
            "articles",
            "بوريطة written with a tatweel in the first text, the actor dropped",
            lambda t: _set_value(
                "actors", 0, [a for a in t.column("actors")[0].as_py() if a["actor_id"] != "nasser-bourita"]
            )(_set_value("text", 0, t.column("text")[0].as_py().replace("بوريطة", "بوريـطة"))(t)),
        ),
        "alias-not-labelled",
        "actors",
        full_only=True,
    ),
]

TAMPERS += SECOND_ROUND_TAMPERS

assert len({t.id for t in TAMPERS}) == len(TAMPERS), "tamper ids must be unique"


# --- hostile input to the other commands: new, agreement, diff, validate --partitioned, info, site -------------------


@dataclass(frozen=True)
class Command:
    """One kind of hostile input to a command: how to set it up (returns the command's arguments), the exit code
    and a text the output must hold (a located `file: field: ... [code]` where there is a file and a field)."""

    id: str
    how: str
    setup: Callable[[Path, Path], list[str]]  # (scratch directory, copy of data/) -> arguments
    code: int
    expect: str
    without_duckdb: bool = False


CAPTURE = Path(__file__).resolve().parent / "data" / "new_capture.txt"
ANNOTATION = "000_939059c162e2a8a6.json"


def _new(name: str, content: bytes | None = None) -> Callable[[Path, Path], list[str]]:
    def setup(tmp: Path, data: Path) -> list[str]:
        path = tmp / name
        path.write_bytes(CAPTURE.read_bytes() if content is None else content)
        return ["new", str(path), "--data-dir", str(data)]

    return setup


def _new_special(make: Callable[[Path], Path]) -> Callable[[Path, Path], list[str]]:
    return lambda tmp, data: ["new", str(make(tmp)), "--data-dir", str(data)]


def _mkfifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def _annotation(change: Callable[[dict], None] | None = None, raw: bytes | None = None):
    """A second annotator's directory (a copy of data/annotations/annotator-b) with one file changed."""

    def setup(tmp: Path, data: Path) -> list[str]:
        directory = tmp / "b"
        shutil.copytree(data / "annotations" / "annotator-b", directory)
        path = directory / ANNOTATION
        if raw is not None:
            path.write_bytes(raw)
        elif change is not None:
            record = json.loads(path.read_text(encoding="utf-8"))
            change(record)
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        else:
            path.unlink()
            os.mkfifo(path)
        return ["agreement", str(data / "articles"), str(directory), "--registry", str(data / "actors.yaml")]

    return setup


def _set(key: str, value) -> Callable[[dict], None]:
    return lambda record: record.__setitem__(key, value)


def _diff(change: Callable[[Path], None]):
    """`corpus-ds diff OLD NEW` where OLD is a copy of the release damaged by change."""

    def setup(tmp: Path, data: Path) -> list[str]:
        old = tmp / "old"
        shutil.copytree(data / "release", old)
        change(old)
        return ["diff", str(old), str(data / "release")]

    return setup


def _rewrite(name: str, change: Callable[[pa.Table], pa.Table]) -> Callable[[Path], None]:
    def apply(directory: Path) -> None:
        path = directory / f"{name}.parquet"
        pq.write_table(change(pq.read_table(path)), path, write_statistics=False)

    return apply


def _partitioned(change: Callable[[Path], None] | None = None, without_duckdb: bool = False):
    def setup(tmp: Path, data: Path) -> list[str]:
        from corpus_ds import synthetic

        root = tmp / "corpus"
        synthetic.write_partitioned(root, 30, chars=300, seed=2, per_partition=10)
        if change is not None:
            change(root)
        return ["validate", "--partitioned", str(root), "--today", "2026-11-24"]

    return setup


def _in_partition(table: str, change: Callable[[pa.Table], pa.Table]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / table / "part-00001.parquet"
        pq.write_table(change(pq.read_table(path)), path)

    return apply


def _large_string(column: str) -> Callable[[pa.Table], pa.Table]:
    return _retype(column, pa.large_string())


def _duplicate_first_article(table: pa.Table) -> pa.Table:
    return pa.concat_tables([table, table.slice(0, 1)])


def _info_deep_manifest(tmp: Path, data: Path) -> list[str]:
    _deep_manifest(data / "release")
    return ["info", "--release", str(data / "release")]


def _site_into_a_link(tmp: Path, data: Path) -> list[str]:
    (tmp / "elsewhere").mkdir()
    (tmp / "out").symlink_to(tmp / "elsewhere")
    return ["site", str(tmp / "out"), "--release", str(data / "release")]


def _tree_named_with_a_newline(tmp: Path, data: Path) -> list[str]:
    renamed = tmp / "da\nta"
    os.replace(data, renamed)
    replace(A1, "actors:\n", "actros:\n").apply(renamed)
    return ["validate", str(renamed), "--today", "2026-11-24"]


COMMANDS: list[Command] = [
    Command(
        "new-fifo",
        "a FIFO given as the capture",
        _new_special(lambda t: _mkfifo(t / "c.txt")),
        1,
        "expected a regular file, found a FIFO",
    ),
    Command(
        "new-dev-zero",
        "/dev/zero given as the capture",
        _new_special(lambda t: Path("/dev/zero")),
        1,
        "found a character device",
    ),
    Command(
        "new-directory", "a directory given as the capture", _new_special(lambda t: t), 1, "found a directory"
    ),
    Command(
        "clean-fifo",
        "a FIFO given to corpus-ds clean",
        lambda tmp, data: ["clean", str(_mkfifo(tmp / "c.txt"))],
        1,
        "expected a regular file, found a FIFO",
    ),
    Command(
        "clean-dev-zero",
        "/dev/zero given to corpus-ds clean",
        lambda tmp, data: ["clean", "/dev/zero"],
        1,
        "found a character device",
    ),
    Command(
        "new-huge-sparse",
        "a 60 MB capture (sparse)",
        _new_special(lambda t: _sparse(t / "big.txt", 60_000_000)),
        1,
        "expected a capture of at most",
    ),
    Command(
        "new-name-newline",
        "a capture named with a newline and a YAML key",
        _new("a\nalias_waivers: [x].txt"),
        1,
        "holds a newline",
    ),
    Command(
        "new-name-line-separator",
        "a capture named with U+2028",
        _new("a\u2028alias_waivers: x.txt"),
        1,
        "holds a line separator",
    ),
    Command(
        "new-name-next-line",
        "a capture named with U+0085",
        _new("a\x85b.txt"),
        1,
        "holds a control character",
    ),
    Command(
        "new-name-tag-character",
        "a capture named with a tag character",
        _new("a\U000e0041b.txt"),
        1,
        "holds a invisible format character",
    ),
    Command(
        "new-capture-noncharacter",
        "a capture holding U+FFFE: a draft its own validator reads",
        _new(
            "ffe.txt",
            CAPTURE.read_text(encoding="utf-8").replace("اتصالا هاتفيا", "اتصالا\ufffe هاتفيا").encode(),
        ),
        0,
        "ru-ma-0006.yaml",
    ),
    Command(
        "agreement-event-type-list",
        "a flat annotation whose event_type is a list",
        _annotation(_set("event_type", ["visit"])),
        1,
        f"{ANNOTATION}: event_type: ",
    ),
    Command(
        "agreement-raw-file-list",
        "a flat annotation whose raw_file is a list",
        _annotation(_set("raw_file", ["x.txt"])),
        1,
        f"{ANNOTATION}: raw_file: ",
    ),
    Command(
        "agreement-raw-file-null",
        "a flat annotation whose raw_file is null",
        _annotation(_set("raw_file", None)),
        1,
        f"{ANNOTATION}: raw_file: ",
    ),
    Command(
        "agreement-raw-file-missing",
        "a flat annotation without raw_file",
        _annotation(lambda r: r.pop("raw_file")),
        1,
        f"{ANNOTATION}: raw_file: Field required [missing-field]",
    ),
    Command(
        "agreement-actors-not-a-list",
        "a flat annotation whose actors is a mapping",
        _annotation(_set("actors", {"a": 1})),
        1,
        f"{ANNOTATION}: actors: ",
    ),
    Command(
        "agreement-instrument-without-status",
        "an instrument without its status",
        _annotation(lambda r: r["instruments"][0].pop("status")),
        1,
        f"{ANNOTATION}: instruments[0].status: Field required [missing-field]",
    ),
    Command(
        "agreement-surfaces-number",
        "an actor whose surfaces is a number",
        _annotation(lambda r: r["actors"][0].__setitem__("surfaces", 5)),
        1,
        f"{ANNOTATION}: actors[0].surfaces: ",
    ),
    Command(
        "agreement-deep-json",
        "a flat annotation nested 100,000 deep",
        _annotation(raw=b"[" * 100_000 + b"]" * 100_000),
        1,
        "[file-unreadable]",
    ),
    Command(
        "agreement-not-an-object",
        "a flat annotation that is a list",
        _annotation(raw=b"[1, 2]"),
        1,
        "[not-a-mapping]",
    ),
    Command(
        "agreement-fifo",
        "a FIFO among the flat annotations",
        _annotation(),
        1,
        "found a FIFO (named pipe)) [file-unreadable]",
    ),
    Command(
        "diff-missing-column",
        "the old release lacks a column",
        _diff(_rewrite("articles", lambda t: t.drop_columns(["outlet"]))),
        1,
        "articles.parquet: outlet: expected column outlet (string) [column-missing]",
    ),
    Command(
        "diff-extra-column",
        "the old release has an extra column",
        _diff(_rewrite("actors", lambda t: t.append_column("x", pa.array([1] * t.num_rows)))),
        1,
        "actors.parquet: x: column not in the release schema [column-unexpected]",
    ),
    Command(
        "diff-large-string",
        "a large_string column",
        _diff(_rewrite("articles", _large_string("text"))),
        1,
        "articles.parquet: text: expected type string, found large_string [column-type]",
    ),
    Command(
        "diff-duplicate-article-id",
        "an article twice",
        _diff(_rewrite("articles", _duplicate_first_article)),
        1,
        "articles.parquet: article_id: ru-ma-0001: article_id 'ru-ma-0001' occurs more than once [duplicate-id]",
    ),
    Command(
        "diff-duplicate-actor-id",
        "an actor twice",
        _diff(_rewrite("actors", _duplicate_first_article)),
        1,
        "actors.parquet: actor_id: actor_id 'sergey-lavrov' occurs more than once [duplicate-actor-id]",
    ),
    Command(
        "diff-deep-manifest",
        "a manifest nested 100,000 deep",
        _diff(_deep_manifest),
        1,
        "cannot read the release",
    ),
    Command(
        "partitioned-dropped-column",
        "a partition without a column",
        _partitioned(_in_partition("mentions", lambda t: t.drop_columns(["surface"]))),
        1,
        "mentions/part-00001.parquet: surface: expected column surface (string) [column-missing]",
    ),
    Command(
        "partitioned-extra-column",
        "a partition with an extra column",
        _partitioned(_in_partition("articles", lambda t: t.append_column("x", pa.array([1] * t.num_rows)))),
        1,
        "articles/part-00001.parquet: x: column not in the release schema [column-unexpected]",
    ),
    Command(
        "partitioned-large-string",
        "a large_string column in a partition",
        _partitioned(_in_partition("articles", _large_string("text"))),
        1,
        "articles/part-00001.parquet: text: expected type string, found large_string [column-type]",
    ),
    Command(
        "partitioned-missing-partition",
        "a partition of mentions missing",
        _partitioned(lambda root: (root / "mentions" / "part-00002.parquet").unlink()),
        1,
        "mentions/part-00002.parquet: (file): expected this partition of the table",
    ),
    Command(
        "partitioned-not-parquet",
        "a partition that is not Parquet",
        _partitioned(lambda root: (root / "evidence" / "part-00000.parquet").write_bytes(b"PAR1 not really")),
        1,
        "evidence/part-00000.parquet: (file): cannot read Parquet",
    ),
    Command(
        "partitioned-without-duckdb",
        "validate --partitioned where DuckDB is not installed",
        _partitioned(),
        1,
        "needs DuckDB for the keys across partitions",
        without_duckdb=True,
    ),
    Command(
        "info-deep-manifest",
        "info on a release whose manifest is nested 100,000 deep",
        _info_deep_manifest,
        1,
        "manifest.json: (file): expected a JSON manifest",
    ),
    Command(
        "site-into-a-link",
        "site OUT where OUT is a link to another directory",
        _site_into_a_link,
        1,
        "is a symbolic link",
    ),
    Command(
        "validate-tree-name-with-newline",
        "a data directory whose name holds a newline, with a typo in a source",
        _tree_named_with_a_newline,
        1,
        "da\\nta/articles/ru-ma-0001.yaml: actros: Extra inputs are not permitted [unknown-field]",
    ),
]

assert len({c.id for c in COMMANDS}) == len(COMMANDS), "command case ids must be unique"
