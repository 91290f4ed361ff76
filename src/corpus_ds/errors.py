"""One base exception, a structured issue record and the report that collects every issue."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Any

# Every issue code, with what it means. Codes are stable: tools may match on them. The DATASHEET lists them.
ISSUE_CODES = {
    # reading source files
    "file-unreadable": "A source file cannot be read.",
    "file-too-large": "A source file or raw capture is larger than its size cap.",
    "byte-order-mark": "A source file starts with a byte-order mark.",
    "invalid-utf8": "A file is not valid UTF-8.",
    "crlf-line-ends": "A source file has CR or CRLF line ends.",
    "yaml-syntax": "YAML syntax error, a duplicate key, an anchor or alias, or a custom tag (with line and column).",
    "yaml-too-deep": "A YAML document nested too deeply to read.",
    "yaml-type": "A YAML value JSON cannot express (set, binary, timestamp object, non-string key).",
    "not-a-mapping": "A source file is empty or not a mapping of fields.",
    "unexpected-file": "A file in data/articles/ that is not an <article_id>.yaml source file.",
    "unknown-field": "A field the codebook does not define (typos such as `actros`).",
    "missing-field": "A required field is missing.",
    "invalid-value": (
        "A value of the wrong type, pattern or range (impossible dates, malformed ids, quotes under two "
        "characters)."
    ),
    "vocabulary": "A value outside the codebook's vocabulary.",
    "derived-field-in-source": "agreement_type typed in a source file: it is derived by the build.",
    # identity and raw captures
    "duplicate-id": "Two articles share an article_id.",
    "duplicate-actor-id": "Two registry entries share an actor_id.",
    "id-filename-mismatch": "A source file is not named after its article_id.",
    "bad-id": "An id that is not lower-case ASCII words joined by '-'.",
    "raw-missing": "The raw capture a source file names is not in data/raw/.",
    "charset-mismatch": "A saved HTML capture's bytes do not decode in the charset the page declares.",
    "extra-missing": "A capture needs an optional dependency that is not installed (saved pages need the html extra).",
    "raw-outside-data": "A raw capture is a link, or lies outside data/raw/.",
    "source-outside-data": "A source file or the registry is a link, or lies outside data/.",
    "raw-sha256-mismatch": "A raw capture's bytes differ from the recorded sha256.",
    "raw-claimed-twice": "Two articles claim the same raw capture.",
    "raw-unclaimed": "A raw capture no article claims.",
    "duplicate-text": "Two articles have the same cleaned text: the same article captured twice.",
    "cleaning-decision-out-of-range": "A cleaning decision names lines beyond the capture.",
    "cleaning-decisions-overlap": "Two cleaning decisions cover the same raw line.",
    "text-changed": "Cleaning now gives a different text than the one the labels were made against.",
    "text-hash-mismatch": "text_sha256 does not match the text.",
    # evidence and actors
    "evidence-not-found": "An evidence quote is not found where it claims to be.",
    "raw-evidence-in-text": "A quote marked `in: raw` lies in a line kept in the title or text.",
    "surface-not-found": "A surface form does not occur in the text, or only inside a waived name or another "
    "actor's longer registered name.",
    "offset-mismatch": "Stored offsets do not point at the quote or surface form.",
    "unknown-article": "A row names an article that is not in the articles table.",
    "unknown-actor": "An actor_id that is not in the registry.",
    "duplicate-actor-label": "The same actor labelled twice in one article.",
    "surface-two-actors": "One surface form listed for two actors in one article.",
    "alias-not-labelled": "A registry alias occurs in the text but its actor is neither labelled nor waived there.",
    "waiver-unused": "An alias waiver names an alias that does not occur in the text.",
    "participant-without-office": "A participating person held no registered office on the event date.",
    "office-dates": "A registry office ends before it starts.",
    "alias-malformed": (
        "A registry alias that is not NFC, has leading, trailing or doubled spaces, or is listed twice."
    ),
    # dates and events
    "weekday-missing": "A weekday quote that names no weekday.",
    "weekday-mismatch": "The weekday quote names another day than event_date's.",
    "weekday-not-recorded": "The text names the event's day (اليوم + weekday) but no weekday quote is recorded.",
    "inferred-date-without-note": "An inferred event date without a note saying how.",
    "event-after-publication": "published_date is before event_date.",
    "future-date": "A date or year after the build date.",
    "year-not-in-quote": "A referenced instrument's year does not occur in its evidence quote.",
    "empty-text": "Cleaning left an article without text.",
    "table-inconsistent": (
        "A long table (mentions, agreements, dyads, evidence) or a derived column disagrees with the articles table."
    ),
    "row-invalid": (
        "A row breaks its row model (nulls inside nested values, an empty alias list, out-of-range numbers)."
    ),
    "event-conflict": "Articles sharing an event_id disagree on its date or type.",
    "agreement-type-mismatch": "agreement_type differs from its derivation from the concluded instruments.",
    "cameo-mismatch": "cameo_code does not match event_type.",
    "dyad-actor": "A dyad's source or target is not a labelled participant, or both are the same actor.",
    "dyad-code": "A dyad code the event type does not allow, a reciprocal code without its reverse, a missing "
    "required code, a cameo_code none of the dyads carries, or a signing without a signed instrument.",
    "dyad-direction": "A visit (042), hosting (043) or third-place (044) dyad whose actors' countries do not fit "
    "the place of the event.",
    "dyad-missing": "An article whose event has no dyad.",
    "derived-score-mismatch": "A dyad's Goldstein score or QuadClass differs from the shipped CAMEO tables.",
    "place-missing": "A visit, third-place meeting or signing without the place of the event.",
    "place-unsourced-id": "A GeoNames id without the URL of the record it was read from.",
    "instrument-conflict": "Articles sharing an instrument_id disagree on its type, its status at an event, or "
    "its date.",
    "alias-shared": "An alias listed by two registry actors that is not declared ambiguous by both.",
    "office-overlap": "Two offices of one actor overlap on a handover day (one ends the day the next starts).",
    "forbidden-character": (
        "A character text and labels may not hold, decided by its Unicode properties: a control, format (Cf), "
        "private-use (Co), unassigned or noncharacter (Cn), surrogate (Cs) or default-ignorable code point, a line "
        "or paragraph separator, a space other than U+0020; or an Arabic presentation form or Persian look-alike "
        "letter."
    ),
    # review
    "not-reviewed": "A draft article in a release.",
    "draft-article": (
        "A draft source file: values still to fill in, machine proposals to check, no second reviewer yet."
    ),
    "placeholder": "A value a draft left as TODO for a person to fill in.",
    "proposal-unconfirmed": "A reviewed article still holds a machine proposal (`proposed`) nobody confirmed.",
    "review-incomplete": "A reviewed article without a reviewer other than its annotator.",
    # releases
    "no-articles": "A release without articles.",
    "null-value": "A null in a required column, or a null element in a list.",
    "rule-failed": "A rule met values of a shape it cannot check.",
    "manifest-unreadable": "manifest.json is missing or not a valid manifest.",
    "manifest-missing-table": "The manifest has no proper entry for a table.",
    "release-file-missing": "A table file of the release is missing.",
    "checksum-mismatch": "A release file's sha256 differs from the manifest.",
    "parquet-unreadable": "A release file is not readable Parquet.",
    "column-missing": "A release table lacks a column.",
    "column-type": "A release column has another Arrow type.",
    "column-unexpected": "A release table has a column the schema does not define.",
    "schema-mismatch": "A release table's schema differs in order or nullability.",
    "metadata-mismatch": "Parquet metadata names another version, schema version or fingerprint.",
    "row-count-mismatch": "A table's row count differs from the manifest.",
    "metadata-unexpected": (
        "A release file holds Parquet key-value metadata the release never writes (a pandas entry that would rename "
        "columns or move one into the index)."
    ),
    "parquet-statistics": (
        "A release file carries row-group statistics, a page index, a bloom filter or a sort order: the release "
        "writes none, so that no engine answers a query from summaries that disagree with the rows."
    ),
    "parquet-too-large": (
        "A release file's footer declares more rows, values per row or decoded bytes than the caps allow (a "
        "decompression bomb); refused before anything is decoded."
    ),
    "fingerprint-mismatch": "A table's rows do not give the content fingerprint the manifest records.",
    "version-mismatch": "The manifest names another version than the package.",
    "release-missing": "No built release where one is expected.",
    "release-out-of-sync": "The committed release differs from what the sources build to.",
    "release-interrupted": (
        "A `corpus-ds release` was interrupted: the next release, build or docs command rolls it forward (past its "
        "commit point) or back."
    ),
    "croissant-out-of-sync": (
        "croissant.json is missing or is not what the release's manifest and the models generate."
    ),
}

# Characters a report line never prints as they are: controls (a newline would start a forged line), format and
# invisible characters, separators (U+2028 ends a line for some readers), surrogates and unassigned code points.
_UNSAFE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def printable(text: str) -> str:
    """text with every control, format or separator character escaped (\\n, \\u2028, \\udcff)."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch
        for ch in text
    )


WHOLE_FILE = "(file)"  # the field of an issue about a file as a whole
TOP_LEVEL = "(top)"  # the field of an issue about a document's top level

# The check running now (name, declared codes), set by corpus_ds.checks for the duration of each check.
_RAISING: ContextVar[tuple[str, frozenset[str]] | None] = ContextVar("corpus_ds_raising", default=None)


@contextmanager
def raising(name: str, codes: frozenset[str]) -> Iterator[None]:
    """While the block runs, an issue whose code is not in codes is a programming error."""
    token = _RAISING.set((name, codes))
    try:
        yield
    finally:
        _RAISING.reset(token)


class CorpusError(Exception):
    """Base class of every error corpus_ds raises on purpose."""


@dataclass(frozen=True)
class Issue:
    """One problem: a stable code slug, where it is (file or table, article, field) and what was expected."""

    code: str
    file: str
    field: str
    message: str
    value: Any = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.code not in ISSUE_CODES:  # a programming error: every code is documented
            raise ValueError(f"undocumented issue code {self.code!r}")
        check = _RAISING.get()
        if check is not None and self.code not in check[1]:  # and raised only by a check that declares it
            raise ValueError(f"{check[0]} raised {self.code!r}, which its @check does not declare")

    def __str__(self) -> str:
        """One line `file: field: message [code]`; a control or invisible character in any part is printed as an
        escape, so that a file name or a key holding a newline can never forge another line of the report."""
        return (
            f"{printable(self.file)}: {printable(self.field or '-')}: {printable(self.message)} [{self.code}]"
        )


@dataclass
class Report:
    """Every issue found in one run; valid when there are none."""

    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(
        default_factory=list
    )  # what a run did that is not a problem (a preview's left-outs)

    @property
    def valid(self) -> bool:
        return not self.issues

    def add(
        self,
        code: str,
        file: str,
        field: str,
        message: str,
        value: Any = None,
        article_id: str | None = None,
    ) -> None:
        self.issues.append(Issue(code, str(file), field, message, value, article_id))

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)

    def codes(self) -> list[str]:
        return sorted({i.code for i in self.issues})

    def format(self) -> str:
        lines = [str(i) for i in self.issues]
        lines.append(f"{len(self.issues)} problem(s)" if self.issues else "valid: no problems found")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps([asdict(i) for i in self.issues], ensure_ascii=False, default=str, indent=1)

    def raise_if_invalid(self, what: str) -> None:
        if not self.valid:
            raise ValidationError(what, self)


class ValidationError(CorpusError):
    """Raised with the whole report, so a caller sees every problem at once."""

    def __init__(self, what: str, report: Report):
        self.report = report
        super().__init__(f"{what}: {len(report.issues)} problem(s)\n{report.format()}")


class SourceError(CorpusError):
    """A source file could not be read or parsed; carries the issue that says where and why."""

    def __init__(self, issue: Issue):
        self.issue = issue
        super().__init__(str(issue))
