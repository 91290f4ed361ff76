"""Arabic text helpers shared by cleaning, drafts and rules: weekday names, folding for matching, the character
policy (what text and labels may hold, what cleaning drops) and confusable skeletons of names."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

# Characters that must never reach text or labels, decided by Unicode properties rather than a list: controls (Cc,
# the newline between paragraphs excepted), format characters (Cf: bidi controls, zero-width characters, invisible
# operators, tag characters, interlinear annotation marks), private use (Co), unassigned code points and
# noncharacters (Cn), surrogates (Cs), every default-ignorable code point (variation selectors, the combining
# grapheme joiner, Hangul fillers), line and paragraph separators, and spaces other than U+0020.
INVISIBLE_CLASS = r"\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}"


# The patterns are compiled when first used, with the regex module imported then: the validating load imports this
# module for the weekday names and never uses them (regex's import and the compiles took 9 ms of its start).
@cache
def invisible():
    """The pattern of invisible characters (INVISIBLE_CLASS), compiled on first use."""
    import regex

    return regex.compile(f"[{INVISIBLE_CLASS}]")


@cache
def _forbidden():
    import regex

    return regex.compile(
        rf"[{INVISIBLE_CLASS}\p{{Cc}}\p{{Zl}}\p{{Zp}}\p{{Zs}}\uFB50-\uFDFF\uFE70-\uFEFE\u06CC\u06A9--[\n ]]",
        regex.V1,
    )


@cache
def _unassigned():
    import regex

    return regex.compile(r"\p{Cn}")  # by the same Unicode database as _forbidden(), not unicodedata's


BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


PERSIAN_LOOKALIKES = {"\u06cc": "ی (Persian yeh)", "\u06a9": "ک (Persian keheh)"}


def describe_character(ch: str) -> str:
    """What kind of forbidden character ch is, for an issue message."""
    cp, category = ord(ch), unicodedata.category(ch)
    if ch in BIDI_CONTROLS:
        return f"bidi control U+{cp:04X}"
    if ch in PERSIAN_LOOKALIKES:
        return f"Persian look-alike letter {PERSIAN_LOOKALIKES[ch]}"
    if is_presentation_form(ch) and not invisible().match(ch):
        return f"Arabic presentation form U+{cp:04X}"
    kinds = {
        "Cc": "control character",
        "Cf": "invisible format character",
        "Co": "private-use character",
        "Cs": "lone surrogate",
        "Zl": "line separator",
        "Zp": "paragraph separator",
        "Zs": "space other than a plain space",
    }
    if _unassigned().match(ch) or (0xFDD0 <= cp <= 0xFDEF) or (cp & 0xFFFE) == 0xFFFE:
        return f"unassigned code point or noncharacter U+{cp:04X}"
    if category in kinds:
        return f"{kinds[category]} U+{cp:04X} ({category})"
    return f"default-ignorable character U+{cp:04X} ({category})"


def forbidden_characters(s: str) -> list[tuple[int, str]]:
    """Positions and names of characters that text and labels must not contain."""
    return [(m.start(), describe_character(m.group())) for m in _forbidden().finditer(s)]


def is_forbidden(ch: str) -> bool:
    """Whether text and labels must not hold this character."""
    return _forbidden().match(ch) is not None


def drop_invisible(s: str) -> str:
    """s without its invisible characters (format, private-use, unassigned, surrogate, default-ignorable): what
    cleaning does to them in a capture, and folding before a match."""
    return invisible().sub("", s)


def is_presentation_form(ch: str) -> bool:
    cp = ord(ch)
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE


# Arabic weekday names as news texts write them, mapped to Python's weekday() (Monday = 0).
WEEKDAYS_AR = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
    "الاحد": 6,
}


WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_LETTER = "\u0621-\u064a\u066e-\u06d3"


# A weekday name as a word: not inside a longer word (الأحد is not الأحداث); و/ب/ل may be attached before it.
WEEKDAY_WORD = re.compile(rf"(?:^|(?<=[^{_LETTER}])|(?<=[وبل]))({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])")


# "اليوم الخميس": the event's own day as news texts name it.
TODAY_WEEKDAY = re.compile(
    rf"اليوم\s+({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])|(?<![{_LETTER}])({'|'.join(WEEKDAYS_AR)})،?\s+\d{{1,2}}(?!\d)"
)


def weekday_in(quote: str) -> int | None:
    m = WEEKDAY_WORD.search(quote)
    return WEEKDAYS_AR[m.group(1)] if m else None


# Spelling variation that must not hide a name: hamza and madda on alef, alef maqsura, ta marbuta, Persian and
# Urdu letters, and the letters Arabic uses for the g of transliterated names (سيرغي، سيرجي، سيركي، سيرگي).
SPELLING_FOLDS = {
    **dict.fromkeys("أإآٱ", "ا"),
    "ى": "ي",
    "ی": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ھ": "ه",
    "ک": "ك",
    "ڤ": "ف",
    "پ": "ب",
    "چ": "ج",
    **dict.fromkeys("غجگقك", "ك"),
}

_TATWEEL = "\u0640"
# Characters no invisible class holds (ASCII, and the Arabic letters hamza to yeh: letters, none default-ignorable),
# folded without the pattern (tests/test_characters.py checks each against it): names of people and weekdays fold
# without importing the regex module.
_VISIBLE_LETTERS = ("\u0621", "\u064a")


def _visible(ch: str) -> bool:
    return ch.isascii() or _VISIBLE_LETTERS[0] <= ch <= _VISIBLE_LETTERS[1]


@cache
def fold_char(ch: str) -> str:
    """One character folded: dropped (tatweel, every combining mark, every invisible character), a space for any
    space, the letter a presentation form draws, or the letter it is spelt as."""
    if (
        ch == _TATWEEL
        or unicodedata.category(ch) in ("Mn", "Me")
        or (not _visible(ch) and invisible().match(ch))
    ):
        return ""
    if ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
        return " "
    if is_presentation_form(ch):
        return "".join(
            SPELLING_FOLDS.get(c, c)
            for c in unicodedata.normalize("NFKC", ch)
            if not unicodedata.combining(c)
        )
    return SPELLING_FOLDS.get(ch, ch)


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for matching, and for each folded character the index of the character it came from.

    Folding sees through every disguise that leaves a name looking the same: tatweel, harakat and any other combining
    mark, invisible characters inserted inside a word, presentation forms, the spelling variants above, and runs of
    spaces (one space)."""
    out, index = [], []
    for i, ch in enumerate(text):
        for c in fold_char(ch):
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
            index.append(i)
    return "".join(out), index


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) in text of every match of needle, both folded; the slice text[start:end] is the surface."""
    folded, index = fold(text)
    key = fold(needle)[0].strip()
    spans, pos = [], folded.find(key) if key else -1
    while pos >= 0:
        spans.append((index[pos], index[pos + len(key) - 1] + 1))
        pos = folded.find(key, pos + 1)
    return spans


@cache
def _prototypes() -> dict[str, str]:
    """The TR39 confusable prototypes shipped with the package (confusables.json names its source)."""
    data = json.loads(resources.files("corpus_ds").joinpath("confusables.json").read_text(encoding="utf-8"))
    return data["prototypes"]


def skeleton(s: str) -> str:
    """The Unicode TR39 skeleton of s: NFD, each character replaced by its confusable prototype, NFD again."""
    table = _prototypes()
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in unicodedata.normalize("NFD", s)))


def person_key(name: str) -> str:
    """Who a name denotes, for telling two people apart: folded (invisible characters, marks, tatweel, spaces),
    NFKC, case-folded, then its confusable skeleton, so that a Cyrillic а, a full-width letter, a non-breaking
    hyphen or a trailing tatweel never makes a second person."""
    folded = unicodedata.normalize("NFKC", fold(name)[0]).casefold().strip()
    return skeleton(folded).casefold()


def shorten(text: str, width: int) -> str:
    """text on one line, cut at a word boundary to at most width characters, an ellipsis marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:،؛") + "…"
