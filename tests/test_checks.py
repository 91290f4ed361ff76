"""The @check registry: every issue code is raised by a declared check, and no check raises a code it does
not declare."""

from __future__ import annotations

import inspect
import re

import pytest
from conftest import REPO

from corpus_ds import checks, docs, rules
from corpus_ds.errors import ISSUE_CODES, Report


def test_every_issue_code_is_declared_by_a_check():
    declared = {code for check in checks.all_checks().values() for code in check.codes}
    assert set(ISSUE_CODES) - declared == set(), "codes no check declares"
    assert declared - set(ISSUE_CODES) == set(), "declared codes that are not documented"


def test_codes_written_in_a_check_are_codes_it_declares():
    """Read each check's own source: every code it names is one it declares (helpers are checked as they run)."""
    for check in checks.all_checks().values():
        source = inspect.getsource(inspect.unwrap(check.run))
        named = {code for code in re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', source) if code in ISSUE_CODES}
        assert named <= set(check.codes), (
            f"{check.name} names {named - set(check.codes)} without declaring it"
        )


def test_a_check_that_raises_an_undeclared_code_fails_loudly(monkeypatch):
    monkeypatch.setattr(checks, "CHECKS", {})

    @checks.check("source files", "placeholder")
    def reads_a_file(report: Report) -> None:
        report.add("invalid-value", "file.yaml", "field", "a code this check never declared")

    with pytest.raises(ValueError, match="does not declare"):
        reads_a_file(Report())
    report = Report()
    report.add("invalid-value", "file.yaml", "field", "outside any check every documented code may be added")
    assert report.codes() == ["invalid-value"]


def test_a_check_declares_known_scopes_and_codes_and_is_registered_once(monkeypatch):
    monkeypatch.setattr(checks, "CHECKS", {})
    with pytest.raises(ValueError, match="unknown"):
        checks.check("articles", "no-such-code")
    with pytest.raises(ValueError, match="unknown"):
        checks.check("nowhere", "vocabulary")

    def rule(ctx) -> None:
        """A rule."""

    checks.check("articles", "vocabulary")(rule)
    with pytest.raises(ValueError, match="registered twice"):
        checks.check("articles", "vocabulary")(rule)


def test_the_driver_picks_rules_by_their_declared_options():
    def names(**options) -> set[str]:
        return {c.run.__name__ for c in rules.selected("articles", **options)}

    fast, full = names(full=False, rehash=False), names(full=True, rehash=True)
    assert "rule_mentions_table" in fast and "rule_mentions_table" not in full  # implied by the full search
    assert {"rule_mentions_complete", "rule_aliases_labelled", "rule_characters"} <= full - fast
    assert "rule_text_hash" in names(full=False, rehash=True) and "rule_text_hash" not in fast
    assert {c.run.__name__ for c in rules.selected("registry", full=False, rehash=False)} == {
        "rule_registry",
        "rule_registry_aliases_and_handovers",
        "rule_rows",
        "rule_aliases_well_formed",
    }
    assert {c.run.__name__ for c in rules.selected("keys", full=False, rehash=False)} == {
        "rule_unique_ids",
        "rule_event_conflict",
        "rule_some_articles",
        "rule_instrument_identity",
    }
    # the event-data rules are vectorised: the default load() runs them
    assert {"rule_dyads", "rule_dyad_scores", "rule_place"} <= fast & full


def test_the_codes_sections_show_the_checks_behind_each_code():
    section = docs.codes_section()
    assert "| `duplicate-id` |" in section and "`rules.keys.rule_unique_ids`" in section
    assert "`build.read_sources`" in section.split("| `duplicate-id` |")[1].split("\n")[0]
    for name in ("DATASHEET.md", "CODEBOOK.md"):
        assert docs.blocks((REPO / name).read_text(encoding="utf-8"))["codes"] == section, (
            f"run `corpus-ds docs` ({name})"
        )


def test_the_rules_run_and_report_in_the_order_of_their_topics():
    """A report lists issues in the order the rules were registered, so that order is part of what a report says: a
    topic module that imports another one's helpers must not register that module's rules earlier. (Importing the
    alias helpers from rules.actors into rules.text once put the actor rules before the text rules.)"""
    order = {}
    for scope in ("registry", "articles", "keys"):
        topics = [c.name.split(".")[1] for c in checks.in_scope(scope)]
        order[scope] = list(dict.fromkeys(topics))
    assert order == {
        "registry": ["rows", "text", "registry"],
        "articles": ["event_data", "rows", "text", "actors", "long_tables", "dates", "review"],
        "keys": ["event_data", "keys"],
    }
