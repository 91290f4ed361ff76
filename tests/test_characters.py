"""The character policy by Unicode properties, folding that sees through disguises, and people told apart by their
TR39 confusable skeleton (the shipped table checked against ICU)."""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_ds import arabic, clean

ISSUE_EXAMPLES = {
    "tag character": "\U000e0041",
    "invisible operator": "\u2062",
    "variation selector": "\ufe0f",
    "combining grapheme joiner": "\u034f",
    "Hangul filler": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "interlinear annotation": "\ufff9",
    "private use": "\ue000",
    "noncharacter": "\ufffe",
    "line separator": "\u2028",
}


@pytest.mark.parametrize("category", ["Cc", "Cf", "Co", "Zl", "Zp", "Zs"])
def test_every_character_of_a_forbidden_category_is_forbidden(category):
    """Decided by the category, whatever the character: every code point of it (the newline and U+0020 excepted)."""
    members = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == category]
    allowed = {"\n", " "}
    missed = [
        f"U+{ord(ch):04X}" for ch in members if ch not in allowed and not arabic.forbidden_characters(ch)
    ]
    assert not missed


def test_noncharacters_and_default_ignorables_are_forbidden():
    nonchars = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
        chr(p * 0x10000 + e) for p in range(17) for e in (0xFFFE, 0xFFFF)
    ]
    ignorable = [
        *"\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b\u180e\u200b\u2060\u2064\u3164\ufe00\ufe0f\uffa0",
        "\U000e0001",
        "\U000e0100",
        "\U000e01ef",
    ]
    for ch in nonchars + ignorable + list(ISSUE_EXAMPLES.values()):
        assert arabic.forbidden_characters(f"ناصر{ch}بوريطة"), f"U+{ord(ch):04X}"


def test_letters_marks_digits_and_punctuation_are_allowed():
    text = "أجرى وزير الخارجية سيرغي لافروف، اليوم الثلاثاء 12 مارس، اتصالاً هاتفياً (RT) — «نص» ؟ ١٢٣ ٪ ..."
    assert arabic.forbidden_characters(text) == []


def test_the_characters_folded_without_the_pattern_are_none_it_drops():
    """fold_char skips the pattern of invisible characters for ASCII and the Arabic letters hamza to yeh (so that
    folding people's and weekdays' names needs no regex module): the pattern matches none of them, and a character
    just outside the range (the Arabic letter mark, the first harakat) still goes through it."""
    skipped = [chr(c) for c in range(0x80)] + [chr(c) for c in range(0x0621, 0x064B)]
    assert all(arabic._visible(ch) for ch in skipped)
    assert not [f"U+{ord(ch):04X}" for ch in skipped if arabic.invisible().match(ch)]
    assert not arabic._visible("\u061c") and not arabic._visible("\u064b") and not arabic._visible("\u0620")
    assert arabic.fold_char("\u061c") == "" and arabic.fold_char("\u064b") == ""


@pytest.mark.parametrize("kind", ISSUE_EXAMPLES)
def test_cleaning_drops_each_invisible_kind_and_says_so(kind):
    char = ISSUE_EXAMPLES[kind]
    line = f"وزير الخارجية{char} ناصر بو{char}ريطة"
    cleaned = clean.normalise_line(line)
    if unicodedata.category(char) in (
        "Zl",
        "Zp",
    ):  # a separator is layout: a space, so words never run together
        assert cleaned == "وزير الخارجية  ناصر بو ريطة"
    else:  # an invisible character is dropped
        assert cleaned == "وزير الخارجية ناصر بوريطة"
    assert not arabic.forbidden_characters(cleaned)


def test_cleaning_keeps_letters_and_marks_as_captured():
    line = "اتصالاً هاتفياً مع نظيره بوريـطة"  # tanwin and a tatweel: the article as written
    assert clean.normalise_line(line) == line


DISGUISES = {
    "tatweel": "بوريـطة",
    "fatha": "بوريطَة",
    "shadda and sukun": "بوّريْطة",
    "superscript alef": "بوريطٰة",
    "ta marbuta as ha": "بوريطه",
    "zero-width joiner": "بوري\u200dطة",
    "combining grapheme joiner": "بوري\u034fطة",
    "tag character": "بوري\U000e0041طة",
    "presentation forms": "ﺑﻮﺭﻳﻄﺔ",
}


@pytest.mark.parametrize("kind", DISGUISES)
def test_folding_sees_through_every_disguise(kind):
    text = f"واستقبل لافروف نظيره ناصر {DISGUISES[kind]} في موسكو"
    spans = arabic.find_folded(text, "ناصر بوريطة")
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == f"ناصر {DISGUISES[kind]}"


def test_folding_collapses_runs_of_spaces():
    assert arabic.find_folded("ناصر   بوريطة", "ناصر بوريطة") == [(0, 13)]


LOOK_ALIKES = [
    "\u0430nnotator-a",  # Cyrillic а
    "\uff41nnotator-a",  # full-width a
    "annotator\u2011a",  # non-breaking hyphen
    "annotator-a\u0640",  # trailing tatweel
    "Annotator-A",
    " annotator-a ",
    "ann\u03bftator-a",  # Greek omicron
    "annotat0r-a",
    "annotator\u200b-a",
]


@pytest.mark.parametrize("name", LOOK_ALIKES)
def test_look_alike_names_are_one_person(name):
    assert arabic.person_key(name) == arabic.person_key("annotator-a")


def test_different_people_stay_different():
    names = ["annotator-a", "annotator-b", "reviewer-c", "أحمد", "محمد", "Ahmed El-Amrani"]
    assert len({arabic.person_key(n) for n in names}) == len(names)


def test_the_confusables_table_names_its_source():
    data = json.loads(resources.files("corpus_ds").joinpath("confusables.json").read_text(encoding="utf-8"))
    assert (
        "confusables" in data["source"].lower() and data["unicode_version"] and len(data["prototypes"]) > 5000
    )


icu = pytest.importorskip(
    "icu", reason="PyICU is in the test extra (.ci/run installs what it builds against)"
)


def test_the_shipped_skeletons_are_icus_for_every_code_point():
    checker = icu.SpoofChecker()
    differs = []
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if arabic.skeleton(ch) != checker.getSkeleton(0, ch):
            differs.append(f"U+{cp:04X}")
    assert not differs, differs[:20]


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20))
def test_the_shipped_skeletons_are_icus_for_any_text(text):
    assert arabic.skeleton(text) == icu.SpoofChecker().getSkeleton(0, text)
