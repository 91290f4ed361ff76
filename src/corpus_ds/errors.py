"""One base exception, a structured issue record and the report that collects every issue."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Optional


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
    article_id: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.file}: {self.field or '-'}: {self.message} [{self.code}]"


@dataclass
class Report:
    """Every issue found in one run; valid when there are none."""

    issues: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.issues

    def add(self, code: str, file: str, field: str, message: str, value: Any = None, article_id: Optional[str] = None) -> None:
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
