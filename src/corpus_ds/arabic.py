"""Arabic text helpers shared by cleaning, drafts and rules: weekday names, folding for matching, forbidden
characters."""

from __future__ import annotations

import re

# Characters that must never reach text or labels.
BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")


PERSIAN_LOOKALIKES = {"\u06cc": "ی (Persian yeh)", "\u06a9": "ک (Persian keheh)"}


def forbidden_characters(s: str) -> list[tuple[int, str]]:
    """Positions and names of characters that text and labels must not contain."""
    found = []
    for i, ch in enumerate(s):
        cp = ord(ch)
        if ch in BIDI_CONTROLS:
            found.append((i, f"bidi control U+{cp:04X}"))
        elif ch in ZERO_WIDTH:
            found.append((i, f"zero-width character U+{cp:04X}"))
        elif (cp < 0x20 and ch != "\n") or 0x7F <= cp < 0xA0:
            found.append((i, f"control character U+{cp:04X}"))
        elif 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE:
            found.append((i, f"Arabic presentation form U+{cp:04X}"))
        elif ch in PERSIAN_LOOKALIKES:
            found.append((i, f"Persian look-alike letter {PERSIAN_LOOKALIKES[ch]}"))
    return found


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
_FOLD = {
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


_DROP = (
    {"\u0640"} | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
)  # tatweel, harakat, superscript alef


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for matching, and for each folded character the index of the character it came from."""
    out, index = [], []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(_FOLD.get(ch, ch))
        index.append(i)
    return "".join(out), index


def find_folded(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) in text of every match of needle, both folded; the slice text[start:end] is the surface."""
    folded, index = fold(text)
    key = fold(needle)[0]
    spans, pos = [], folded.find(key) if key else -1
    while pos >= 0:
        spans.append((index[pos], index[pos + len(key) - 1] + 1))
        pos = folded.find(key, pos + 1)
    return spans


def shorten(text: str, width: int) -> str:
    """text on one line, cut at a word boundary to at most width characters, an ellipsis marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:،؛") + "…"
