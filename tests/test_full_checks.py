"""The full checks (validate="full", `corpus-ds validate`) give exactly the findings of their simple reference
implementations: every text searched alias by alias and surface by surface in Python, every value checked for
forbidden characters, and the fingerprint written row by row with json.dumps.

The fast implementations pick the rows that may hold a finding (Arrow's compiled regexes, Aho-Corasick over texts
folded in bulk) and run the exact per-row check there; these tests run both on the defect catalogue, on every
tampered release, on synthetic corpora with planted defects, and on values drawn by hypothesis."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import math
import shutil
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_ds import (
    arabic,
    checks,
    columns,
    derive,
    release_format,
    rules,
    synthetic,
    textkernel,
    textsearch,
    validate,
    verify,
)
from corpus_ds.errors import raising
from corpus_ds.rules import actors, dates, long_tables, text
from corpus_ds.rules import aliases as rules_aliases
from corpus_ds.rules.context import Context

sys.path.insert(0, str(Path(__file__).parent))
from catalogue import CATALOGUE, TAMPERS

TODAY = dt.date(2026, 11, 24)

REFERENCES = {
    "rules.text.rule_characters": text.characters_reference,
    "rules.actors.rule_aliases_labelled": actors.aliases_labelled_reference,
    "rules.long_tables.rule_mentions_complete": long_tables.mentions_complete_reference,
    "rules.dates.rule_weekday_recorded": dates.weekday_recorded_reference,
}


@contextlib.contextmanager
def reference_checks(monkeypatch, calls: list):
    """The full checks replaced by their reference implementations (each call recorded in calls)."""
    with monkeypatch.context() as m:
        for name, reference in REFERENCES.items():
            check = checks.CHECKS[name]
            m.setitem(checks.CHECKS, name, dataclasses.replace(check, run=_counted(reference, calls, check)))
        m.setattr(release_format, "fingerprint", _counted(release_format.fingerprint_reference, calls))
        yield


def fast_and_reference(monkeypatch, run):
    """The result of run() with the full checks as shipped, then with their reference implementations."""
    calls = []
    fast = run()
    with reference_checks(monkeypatch, calls):
        slow = run()
    return fast, slow, calls


def shipped_equals_reference(monkeypatch, run) -> list:
    """run()'s issues as shipped, asserted equal to its issues with every reference path at once: the text pass in
    Python and every rule run without its compiled valid-or-not pass (corpus_ds.textkernel.ENV), and the reference
    full checks. Only when they differ is each reference run on
    its own, so that the failure names the path that gives another report."""
    assert textkernel.compiled() is not None, "the compiled text pass is not built"
    monkeypatch.delenv(textkernel.ENV, raising=False)
    shipped = _rows(run())
    with reference_checks(monkeypatch, []), monkeypatch.context() as m:
        m.setenv(textkernel.ENV, "python")
        reference = _rows(run())
    if shipped != reference:
        with monkeypatch.context() as m:
            m.setenv(textkernel.ENV, "python")
            kernel = "the same" if _rows(run()) == shipped else "another"
        with reference_checks(monkeypatch, []):
            full = "the same" if _rows(run()) == shipped else "another"
        pytest.fail(
            f"the reference paths give another report: without the compiled passes {kernel} report, the reference "
            f"full checks {full}\nshipped: {shipped}\nreference: {reference}"
        )
    return shipped


def _rows(result) -> list[tuple]:
    """A report's (or checked_release's) issues as comparable tuples."""
    issues = result[1].issues if isinstance(result, tuple) else result.issues
    return [dataclasses.astuple(i) for i in issues]


def _counted(func, calls: list, check: checks.Check | None = None):
    """func, recording each call; run as the check it stands for (raising only the codes that check declares)."""

    def run(*args, **kwargs):
        calls.append(func.__name__)
        if check is None:
            return func(*args, **kwargs)
        with raising(check.name, frozenset(check.codes)):
            return func(*args, **kwargs)

    return run


# --- the defect catalogue and the tampered releases ---------------------------------------------------------------


@pytest.mark.parametrize("defect", CATALOGUE, ids=[d.id for d in CATALOGUE])
def test_each_bad_contribution_gives_the_reference_report(monkeypatch, data_copy, defect):
    defect.inject.apply(data_copy)
    release = defect.file.startswith(
        "release/"
    )  # the committed release is checked only where it is the defect
    found = shipped_equals_reference(
        monkeypatch, lambda: validate.validate_sources(data_copy, TODAY, check_release=release)
    )
    assert defect.code in {code for code, *_ in found}


def test_committed_data_runs_every_reference(monkeypatch, data_copy):
    fast, slow, calls = fast_and_reference(monkeypatch, lambda: validate.validate_sources(data_copy))
    assert fast.issues == slow.issues == []
    assert set(calls) == {f.__name__ for f in REFERENCES.values()} | {"fingerprint_reference"}


@pytest.mark.parametrize("tamper", TAMPERS, ids=[t.id for t in TAMPERS])
def test_each_tampered_release_gives_the_reference_report(monkeypatch, tmp_path, tamper):
    """The fast checks of a release (load's default) and the full ones, each as shipped and by the references."""
    release = tmp_path / "release"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "release", release)
    tamper.inject.apply(release)
    shipped_equals_reference(monkeypatch, lambda: verify.checked_release(release, TODAY, full=False))
    found = shipped_equals_reference(monkeypatch, lambda: verify.validate_release(release))
    assert tamper.code in {code for code, *_ in found}


# --- synthetic corpora with planted defects ------------------------------------------------------------------------

REGISTRY = synthetic.registry()
# A name of an actor the synthetic articles never label, with the letters folding sees through (ي، ه، ا، لا).
UNLABELLED = "فيصل اللاذقاني"
EXTRA_ACTOR = {
    **REGISTRY[3],
    "actor_id": "syn-actor-extra",
    "name_en": "Synthetic extra actor",
    "name_ar": UNLABELLED,
    "aliases_ar": [UNLABELLED],
}


def _text_edit(row: int, change):
    def plant(tables: dict) -> None:
        a = tables["articles"]
        texts = a.column("text").to_pylist()
        texts[row] = change(texts[row])
        tables["articles"] = a.set_column(
            a.schema.get_field_index("text"), "text", pa.array(texts, pa.string())
        )

    return plant


def _set(table: str, column: str, row: int, value):
    def plant(tables: dict) -> None:
        t = tables[table]
        values = t.column(column).to_pylist()
        values[row] = value(values[row]) if callable(value) else value
        field = t.schema.field(column)
        tables[table] = t.set_column(t.schema.get_field_index(column), field, pa.array(values, field.type))

    return plant


def _drop_row(table: str, row: int):
    def plant(tables: dict) -> None:
        t = tables[table]
        tables[table] = pa.concat_tables([t.slice(0, row), t.slice(row + 1)])

    return plant


def _repeat_row(table: str, row: int):
    def plant(tables: dict) -> None:
        t = tables[table]
        tables[table] = pa.concat_tables([t.slice(0, row + 1), t.slice(row)])

    return plant


def _add_surface(row: int, actor: int, surface: str):
    def change(labelled):
        labelled[actor]["surfaces"] = [*labelled[actor]["surfaces"], surface]
        return labelled

    return _set("articles", "actors", row, change)


def _first_surface(tables: dict, row: int) -> str:
    return tables["articles"].column("actors")[row].as_py()[0]["surfaces"][0]


def _disguised(name: str, how: str) -> str:
    given_name, family = name.split(" ")
    return {
        "plain": name,
        "tatweel": given_name[:2] + "\u0640" + given_name[2:] + " " + family,
        "harakat": given_name[:1] + "\u064e" + given_name[1:] + " " + family + "\u064b",
        "ta marbuta": name + "ة",
        "alef with hamza": name.replace("ا", "أ"),
        "spaces": given_name + "   " + family,
        "line break": given_name + "\n" + family,
        "zero-width joiner": given_name[:2] + "\u200d" + given_name[2:] + " " + family,
        "presentation form": name.replace("لا", "\ufefb"),
        "isolated alef": name.replace("ا", "\ufe8d", 1),
        "no-break space": given_name + "\u00a0" + family,
        "persian yeh": name.replace("ي", "\u06cc"),
        "joined to a word": "و" + name + "ية",
    }[how]


DISGUISES = [
    "plain",
    "tatweel",
    "harakat",
    "ta marbuta",
    "alef with hamza",
    "spaces",
    "line break",
    "zero-width joiner",
    "presentation form",
    "isolated alef",
    "no-break space",
    "persian yeh",
    "joined to a word",
]

PLANTS = {
    **{
        f"unlabelled alias, {how}": _text_edit(3, lambda t, how=how: t + " " + _disguised(UNLABELLED, how))
        for how in DISGUISES
    },
    "alias inside a waived name": lambda tables: (
        _text_edit(4, lambda t: t + " جامعة " + UNLABELLED)(tables),
        _set("articles", "alias_waivers", 4, [{"alias": "جامعة " + UNLABELLED, "reason": "a university"}])(
            tables
        ),
    ),
    "unused waiver": _set("articles", "alias_waivers", 6, [{"alias": "اسم غير موجود", "reason": "none"}]),
    "ambiguous alias": _set(
        "actors", "ambiguous_aliases", 0, [{"alias": "الجانبان", "also_names": "both sides"}]
    ),
    "forbidden character in a text": _text_edit(7, lambda t: t[:10] + "\u202e" + t[10:]),
    "forbidden characters in a title": _set("articles", "title", 8, lambda v: (v or "") + "\u200b\u0007"),
    "forbidden character in a surface list": lambda tables: _add_surface(9, 0, "كريم\u200cالخياط")(tables),
    "forbidden character in a review note": _set("articles", "review_notes", 10, ["ملاحظة\ufeff"]),
    "forbidden character in an evidence quote": _set("evidence", "quote", 11, lambda v: v + "\u00ad"),
    "forbidden character in a registry alias": _set("actors", "aliases_ar", 12, lambda v: [*v, "اسم\u2066"]),
    "non-BMP character in a text": _text_edit(13, lambda t: t + " \U0001f600 \U000e0041"),
    "mention row dropped": _drop_row("mentions", 5),
    "mention row repeated": _repeat_row("mentions", 8),
    "mention moved": _set("mentions", "start", 12, lambda v: v + 1),
    "labelled surface occurs again": lambda tables: _text_edit(
        14, lambda t: t + " " + _first_surface(tables, 14)
    )(tables),
    "overlapping surfaces": lambda tables: (
        _text_edit(15, lambda t: t + " " + _first_surface(tables, 15).split(" ")[0])(tables),
        _add_surface(15, 0, _first_surface(tables, 15).split(" ")[0])(tables),
    ),
    "surface labelled twice": lambda tables: _add_surface(16, 1, _first_surface(tables, 16))(tables),
    "surface inside a longer registered name": lambda tables: (
        _add_surface(17, 0, "سامر")(tables),
        _text_edit(17, lambda t: t + " " + REGISTRY[5]["aliases_ar"][0])(tables),
    ),
    "day named, not recorded": lambda tables: (
        _text_edit(18, lambda t: t + " اليوم الخميس")(tables),
        _set("articles", "event_weekday_quote", 18, None)(tables),
    ),
    "day and date named, not recorded": lambda tables: (
        _text_edit(19, lambda t: t + " الخميس، ١٢ مارس")(tables),
        _set("articles", "event_weekday_quote", 19, None)(tables),
    ),
    "repeated article id": _set("articles", "article_id", 20, lambda v: "syn-00000021"),
}


def _corpus() -> dict[str, pa.Table]:
    tables = synthetic.tables(40, chars=400, seed=3)
    extra = pa.Table.from_pylist([EXTRA_ACTOR], schema=columns.schema("actors"))
    tables["actors"] = pa.concat_tables([tables["actors"], extra])
    return tables


def _rules_both_ways(monkeypatch, tables: dict) -> tuple[list, list]:
    fast, slow, _ = fast_and_reference(
        monkeypatch, lambda: rules.run(tables, today=synthetic.TODAY, full=True)
    )
    return fast, slow


@pytest.mark.parametrize("plant", list(PLANTS), ids=list(PLANTS))
def test_planted_defect_gives_the_reference_findings(monkeypatch, plant):
    tables = _corpus()
    PLANTS[plant](tables)
    fast, slow = _rules_both_ways(monkeypatch, tables)
    assert fast == slow
    assert fast, "the planted defect must give a finding (else the comparison says nothing)"


def test_all_planted_defects_together_give_the_reference_findings(monkeypatch):
    tables = _corpus()
    for plant in PLANTS.values():
        plant(tables)
    fast, slow = _rules_both_ways(monkeypatch, tables)
    assert fast == slow
    codes = {i.code for i in fast}
    assert {"alias-not-labelled", "waiver-unused", "forbidden-character", "weekday-not-recorded"} <= codes


def test_unlabelled_alias_is_found_through_every_disguise():
    tables = _corpus()
    for row, how in enumerate(DISGUISES):
        _text_edit(row, lambda t, how=how: t + " " + _disguised(UNLABELLED, how))(tables)
    ctx = Context(tables, ("articles",), rules.release_locator, synthetic.TODAY, full=True)
    actors.rule_aliases_labelled(ctx)
    found = {i.article_id for i in ctx.issues if i.code == "alias-not-labelled"}
    aids = tables["articles"].column("article_id").to_pylist()
    assert {aids[row] for row, how in enumerate(DISGUISES) if how != "joined to a word"} <= found


def test_fingerprint_of_synthetic_tables_is_the_reference():
    tables = _corpus()
    for plant in PLANTS.values():
        plant(tables)
    for name, table in tables.items():
        assert release_format.fingerprint(table) == release_format.fingerprint_reference(table), name
        sliced = table.slice(3, max(table.num_rows - 5, 0))
        assert release_format.fingerprint(sliced) == release_format.fingerprint_reference(sliced), name


def test_committed_release_fingerprints_are_unchanged():
    release = Path(__file__).resolve().parents[1] / "data" / "release"
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    for name in columns.TABLES:
        table = pq.read_table(release / f"{name}.parquet")
        assert release_format.fingerprint(table) == manifest["tables"][name]["fingerprint"]


# --- matching subtleties, drawn by hypothesis ----------------------------------------------------------------------

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
SPECIAL = (
    "أإآٱىیةۀھکڤپچگ"  # spelling variants
    "\u0640\u064b\u064e\u0650\u0651\u0652\u0670"  # tatweel, harakat
    "  \n\t\r\u00a0\u2003\u2028"  # spaces
    "\u200b\u200c\u200d\u200e\u202e\u2066\ufeff\u00ad\u061c"  # invisible and bidi
    "\ufefb\ufe8d\ufdf2"  # presentation forms
    '"\\\x00\x07\x1f\x7f'  # what JSON escapes, and DEL
    "\U0001f600\U000e0041\U0010fffd"  # beyond the BMP
    "é٣1،."
)
texts = st.text(alphabet=st.sampled_from(ARABIC + SPECIAL), max_size=60)
words = st.text(alphabet=st.sampled_from(ARABIC + "أةى\u0640\u064e "), min_size=1, max_size=6)


@given(st.lists(texts, max_size=8))
def test_bulk_folding_is_folding(values):
    assert textsearch.fold_all(values) == [arabic.fold(v)[0] for v in values]


@given(st.lists(texts, max_size=8))
def test_forbidden_prefilter_misses_no_forbidden_character(values):
    hit = textsearch.rows_with(pa.array(values, pa.string()), textsearch.maybe_forbidden())
    for value, flagged in zip(values, hit):
        assert flagged or not arabic.forbidden_characters(value)


@given(st.lists(st.one_of(st.none(), texts), max_size=8), st.integers(0, 3))
def test_the_compiled_character_prefilter_flags_the_rows_the_regex_flags(values, cut):
    """The same rows as Arrow's regex with maybe_forbidden(), on plain strings and on strings inside lists."""
    column = pa.chunked_array([pa.array(values[:cut], pa.string()), pa.array(values[cut:], pa.string())])
    assert list(textsearch.rows_maybe_forbidden(column)) == list(
        textsearch.rows_with(column, textsearch.maybe_forbidden())
    )
    nested = pa.array([[v, "نص"] for v in values], pa.list_(pa.string()))
    assert list(textsearch.rows_maybe_forbidden(nested)) == list(
        textsearch.rows_with(nested, textsearch.maybe_forbidden())
    )


@given(st.lists(st.one_of(st.none(), texts), max_size=8), st.integers(0, 3))
def test_the_compiled_json_strings_are_json_dumps(values, cut):
    """Each string as json.dumps(ensure_ascii=False) writes it (quotes, backslashes, every control character), from
    a sliced array too."""
    arr = pa.array(values, pa.string()).slice(min(cut, len(values)))
    rendered = release_format._json_strings(arr).to_pylist()  # a null's slot is left to the caller ("null")
    assert len(rendered) == len(arr)
    assert [r for r, v in zip(rendered, arr.to_pylist()) if v is not None] == [
        json.dumps(v, ensure_ascii=False) for v in arr.to_pylist() if v is not None
    ]


@given(texts, st.lists(words, max_size=6))
def test_multi_pattern_search_finds_every_pattern(value, patterns):
    search = textsearch.Patterns(patterns)
    assert search.found(value) == {p for p in patterns if p in value}


@given(st.lists(texts, min_size=1, max_size=8), st.lists(words, max_size=6))
def test_the_compiled_search_finds_what_folding_and_the_automaton_find(values, patterns):
    """Bit for bit the patterns of each folded text; a text left unfolded holds what only fold() folds."""
    search = textsearch.Patterns(patterns)
    # the extension is built (tests/test_textkernel.py), so the compiled search answers
    found, folded = textsearch.patterns_in_texts(pa.chunked_array([pa.array(values, pa.string())]), search)
    table = np.frombuffer(textsearch._kernel_fold(), np.uint16)
    for i, value in enumerate(values):
        if not folded[i]:
            assert any(ord(c) > 0xFFFF or table[ord(c)] == 0xFFFE for c in value)
            continue
        bits = {p for p in range(len(search.patterns)) if textsearch.has_pattern(found[i : i + 1], p)[0]}
        assert {search.patterns[p] for p in bits} == search.found(arabic.fold(value)[0])


weekday_texts = st.lists(
    st.one_of(
        texts, st.sampled_from(list(arabic.WEEKDAYS_AR)), st.sampled_from(["الخميـــس", "الجُمعة", "الاحد"])
    ),
    max_size=5,
).map(" ".join)


@given(st.lists(weekday_texts, min_size=1, max_size=6), st.integers(0, 3), st.lists(words, max_size=4))
def test_the_shared_search_flags_what_the_separate_searches_flag(values, cut, names):
    """One pass for the three full rules that search the texts: the same forbidden-character rows as the character
    prefilter (a text it cannot fold is left to the exact check), every text whose raw form names a weekday (what
    the regex of rule_weekday_recorded finds), and the same bits for the registry's names as their own search."""
    column = pa.chunked_array([pa.array(values[:cut], pa.string()), pa.array(values[cut:], pa.string())])
    searched = textsearch.search_texts(column, names)
    assert list(searched.maybe_forbidden | ~searched.folded) == list(
        textsearch.rows_maybe_forbidden(column) | ~searched.folded
    )
    assert searched.maybe_forbidden[~searched.folded].all()
    named = textsearch.rows_with(column, "|".join(arabic.WEEKDAYS_AR))
    assert not (named & ~searched.rows_with_any(textsearch.weekday_keys())).any()
    alone = textsearch.Patterns(names)
    found, folded = textsearch.patterns_in_texts(column, alone)
    assert list(folded) == list(searched.folded)
    for p, name in enumerate(
        alone.patterns
    ):  # a text it could not fold holds what it found before it stopped
        assert list(textsearch.has_pattern(found, p) & folded) == list(
            searched.rows_with_any([name]) & folded
        )


def test_the_shared_search_finds_a_disguised_weekday_and_a_forbidden_character():
    values = ["وقع ذلك يوم الخميـــس الماضي", "اليوم الجُمعة", "نص بلا يوم", "نص فيه‏ علامة", "الأحد "]
    searched = textsearch.search_texts(pa.chunked_array([pa.array(values)]), [])
    # a bidi mark and a no-break space are left to the exact checks (fold() and the character policy)
    assert list(searched.folded) == [True, True, True, False, False]
    assert list(searched.rows_with_any(textsearch.weekday_keys())) == [True, True, False, True, True]
    assert list(searched.maybe_forbidden) == [False, False, False, True, True]


def test_a_registry_too_large_for_the_compiled_table_is_searched_by_the_python_automaton():
    """Aliases of many distinct characters would make the dense table quadratic: the search falls back."""
    names = ["".join(chr(0x4E00 + 8 * i + j) for j in range(8)) for i in range(3000)]
    search = textsearch.Patterns(names)
    assert search.tables is None
    assert textsearch.patterns_in_texts(pa.chunked_array([pa.array([names[0]])]), search) is None


def test_the_compiled_search_folds_as_fold_does():
    """Runs of spaces and line breaks kept as one space, dropped marks and tatweel, spelling variants; a text with a
    character only fold() folds (a no-break space) is left to it."""
    search = textsearch.Patterns([arabic.fold(name)[0] for name in ("روسيا والمغرب", "الرباط", "مدينة")])
    values = [
        "روسيا \n\t والمغرب",
        "الرّباط",
        "مدينه",
        "روسيا\u0640 والمغرب",
        "روسيا  المغرب",
        "روسيا\u00a0والمغرب",
    ]
    found, folded = textsearch.patterns_in_texts(pa.chunked_array([pa.array(values)]), search)
    has = [[bool(textsearch.has_pattern(found, p)[i]) for p in range(3)] for i in range(len(values))]
    assert has[:5] == [[True, False, False], [False, True, False], [False, False, True], [True, False, False],
                       [False, False, False]]  # fmt: skip
    assert list(folded) == [True] * 5 + [False]


surface_sets = st.lists(st.lists(words, min_size=1, max_size=3), min_size=1, max_size=3)


@given(
    st.lists(st.one_of(words, st.sampled_from([" ", "\n", "ال"])), max_size=20),
    surface_sets,
    st.lists(words, max_size=2),
    st.lists(words, max_size=3),
    st.sampled_from(["as found", "one dropped", "one repeated", "one moved", "one relabelled"]),
)
def test_listed_mentions_are_accepted_only_when_find_mentions_agrees(pieces, surfaces, waived, names, change):
    value = "".join(pieces)
    labelled = [
        {"actor_id": f"a{i}", "role": "participant", "surfaces": list(s)} for i, s in enumerate(surfaces)
    ]
    registered = {"other": tuple(names), **{a["actor_id"]: tuple(a["surfaces"]) for a in labelled}}
    article = {"text": value, "actors": labelled, "alias_waivers": [{"alias": w} for w in waived]}
    found = [
        (m["actor_id"], m["role"], m["surface"], m["start"], m["end"])
        for m in derive.find_mentions(value, labelled, waived, registered)
    ]
    listed = found
    if listed and change == "one dropped":
        listed = listed[1:]
    elif listed and change == "one repeated":
        listed = [*listed, listed[0]]
    elif listed and change == "one moved":
        listed = [(*listed[0][:3], listed[0][3] + 1, listed[0][4] + 1), *listed[1:]]
    elif listed and change == "one relabelled":
        listed = [("other", *listed[0][1:]), *listed[1:]]
    contained = lambda s, a: bool(derive.containers(s, a, (), registered))  # noqa: E731
    labels: dict = {}
    for actor in labelled:
        for surface in actor["surfaces"]:
            labels.setdefault(surface, []).append((actor["actor_id"], actor["role"]))
    if not waived and long_tables._listed_are_all(value, labels, listed, contained):
        assert not long_tables._differs(article, listed, registered)
    assert long_tables._differs(article, listed, registered) == (sorted(listed) != sorted(found))
    # the compiled check of every article at once vouches exactly where the per-article one does
    articles = pa.Table.from_pylist(
        [{"text": value, "actors": labelled}],
        schema=columns.schema("articles").empty_table().select(["text", "actors"]).schema,
    )
    mentions = pa.Table.from_pylist(
        [dict(zip(long_tables.MENTION_COLUMNS, m)) for m in listed],
        schema=columns.schema("mentions").empty_table().select(long_tables.MENTION_COLUMNS).schema,
    )
    sure = long_tables._all_listed(articles, mentions, np.zeros(len(listed), np.int64), contained)
    assert bool(sure[0]) == long_tables._listed_are_all(value, labels, listed, contained)


class _Recorder:
    def __init__(self):
        self.issues = []

    def add(self, *args):
        self.issues.append(args)


@given(
    st.lists(st.one_of(texts, st.sampled_from([REGISTRY[i]["aliases_ar"][0] for i in range(6)])), max_size=6),
    st.sets(st.integers(0, 5), max_size=3),
    st.lists(st.sampled_from(["سامر", "الكاتبي", "كريم المنصوري"]), max_size=2),
)
def test_aliases_prefilter_misses_no_finding(pieces, labelled, ambiguous):
    registry = [dict(r) for r in REGISTRY[:6]]
    registry[0]["ambiguous_aliases"] = [{"alias": a, "also_names": "x"} for a in ambiguous]
    aliases = rules_aliases.Aliases(pa.Table.from_pylist(registry, schema=columns.schema("actors")))
    value = " ".join(pieces)
    row = {
        "article_id": "a",
        "text": value,
        "actors": [
            {"actor_id": registry[i]["actor_id"], "role": "mentioned", "surfaces": []} for i in labelled
        ],
        "alias_waivers": [],
    }
    recorder = _Recorder()
    aliases.report(recorder, row)
    folded = textsearch.fold_all([value])[0]
    may = aliases.may_report(folded, {a["actor_id"] for a in row["actors"]})
    assert may or not recorder.issues
    # the compiled search over every article at once says the same
    article = pa.Table.from_pylist([{**row, "text": value}], schema=columns.schema("articles").empty_table()
                                   .select(actors.ALIAS_COLUMNS).schema)  # fmt: skip
    searched = textsearch.search_texts(article.column("text"), aliases.keys)
    if searched.folded[0]:  # folded by the table (else the article goes to the exact check anyway)
        assert bool(aliases.may_report_rows(searched, article)[0]) == may


json_strings = st.text(alphabet=st.sampled_from(ARABIC + SPECIAL + "%s{}[]:,"), max_size=40)
long_strings = st.text(alphabet=st.sampled_from(ARABIC + " \n"), min_size=300, max_size=400)
SCHEMA = pa.schema(
    [
        ("s", pa.string()),
        ("long", pa.string()),
        ("i", pa.int32()),
        ("b", pa.bool_()),
        ("d", pa.date32()),
        ("f", pa.float64()),
        ("tags", pa.list_(pa.string())),
        ("%key\n", pa.struct([("z", pa.string()), ("a", pa.list_(pa.date32())), ("é", pa.int16())])),
        ("nested", pa.list_(pa.struct([("q", pa.string()), ("n", pa.list_(pa.string()))]))),
    ]
)
dates_ = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
rows = st.fixed_dictionaries(
    {
        "s": st.none() | json_strings,
        "long": st.none() | long_strings | json_strings,
        "i": st.none() | st.integers(-(2**31), 2**31 - 1),
        "b": st.none() | st.booleans(),
        "d": st.none() | dates_,
        "f": st.none() | st.floats(allow_nan=True, allow_infinity=True),
        "tags": st.none() | st.lists(st.none() | json_strings, max_size=3),
        "%key\n": st.none()
        | st.fixed_dictionaries(
            {
                "z": st.none() | json_strings,
                "a": st.none() | st.lists(st.none() | dates_, max_size=2),
                "é": st.none() | st.integers(-(2**15), 2**15 - 1),
            }
        ),
        "nested": st.none()
        | st.lists(
            st.none()
            | st.fixed_dictionaries(
                {"q": st.none() | json_strings, "n": st.none() | st.lists(json_strings, max_size=2)}
            ),
            max_size=3,
        ),
    }
)


@given(st.lists(rows, max_size=12), st.integers(0, 3))
def test_fingerprint_is_the_reference(values, cut):
    table = pa.Table.from_pylist(values, schema=SCHEMA)
    for t in (table, table.slice(min(cut, table.num_rows))):
        assert release_format.fingerprint(t) == release_format.fingerprint_reference(t)


@given(st.lists(long_strings, min_size=1, max_size=4))
def test_fingerprint_of_long_texts_is_the_reference(values):
    table = pa.table({"text": pa.array(values), "n": pa.array(range(len(values)))})
    assert release_format.fingerprint(table) == release_format.fingerprint_reference(table)
    chunked = pa.concat_tables([table.slice(0, 1), table.slice(1)])
    assert release_format.fingerprint(chunked) == release_format.fingerprint_reference(chunked)


def test_fingerprint_of_nan_and_infinity_is_the_reference():
    table = pa.table({"f": pa.array([math.nan, math.inf, -math.inf, 1e-7, 0.1, None])})
    assert release_format.fingerprint(table) == release_format.fingerprint_reference(table)


def test_prefilter_of_a_nested_column_maps_values_to_their_rows():
    column = pa.chunked_array(
        [
            pa.array([[{"q": "a", "n": ["b"]}], None], SCHEMA.field("nested").type),
            pa.array([[], [{"q": "c", "n": ["ok", "x\u200by"]}, None]], SCHEMA.field("nested").type),
        ]
    )
    hit = textsearch.rows_with(column.slice(1), textsearch.maybe_forbidden())
    assert hit.tolist() == [False, False, True]


def test_a_registry_whose_names_cannot_be_read_fails_the_alias_rule_alone(monkeypatch):
    """The shared search of the texts needs the registry's names; where reading them fails, the weekday and
    character rules still search the texts on their own and report, and only the alias rule reports the failure."""
    tables = _corpus()
    for plant in PLANTS.values():
        plant(tables)

    def unreadable(self, actors_table):
        raise ValueError("a registry of an unexpected shape")

    monkeypatch.setattr(rules_aliases.Aliases, "__init__", unreadable)
    issues = rules.run(tables, today=synthetic.TODAY, full=True)
    failed = [i for i in issues if i.code == "rule-failed"]
    assert [i.field for i in failed] == ["rule_aliases_labelled"]
    assert {"forbidden-character", "weekday-not-recorded"} <= {i.code for i in issues}
