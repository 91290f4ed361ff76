"""Dates as Arabic news pages write them: the month names of every region, Arabic-Indic digits, numeric forms,
Hijri dates beside Gregorian ones, weekdays and relative times."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from corpus_ds import arabic

# Gregorian month names: Egyptian and Gulf (يناير), Maghreb (يوليوز، غشت، شتنبر، نونبر، دجنبر), Mauritanian (أغشت،
# دجمبر), Algerian and Tunisian (جانفي، جوان، أوت), Levantine and Iraqi (كانون الثاني ... كانون الأول), in their
# common spellings; and the English and French names, which bilingual pages of the Maghreb show beside the Arabic.
MONTHS = {
    **dict.fromkeys(("يناير", "جانفي", "كانون الثاني", "January", "Jan", "janvier"), 1),
    **dict.fromkeys(("فبراير", "فيفري", "شباط", "February", "Feb", "février", "fevrier"), 2),
    **dict.fromkeys(("مارس", "آذار", "اذار", "March", "Mar", "mars"), 3),
    **dict.fromkeys(("أبريل", "ابريل", "إبريل", "أفريل", "افريل", "نيسان", "April", "Apr", "avril"), 4),
    **dict.fromkeys(("مايو", "ماي", "أيار", "ايار", "May", "mai"), 5),
    **dict.fromkeys(("يونيو", "يونيه", "جوان", "حزيران", "June", "Jun", "juin"), 6),
    **dict.fromkeys(("يوليو", "يوليه", "يوليوز", "جويلية", "جويلة", "تموز", "July", "Jul", "juillet"), 7),
    **dict.fromkeys(
        ("أغسطس", "اغسطس", "غشت", "أغشت", "اغشت", "أوت", "اوت", "آب", "اب", "August", "Aug", "août", "aout"),
        8,
    ),
    **dict.fromkeys(("سبتمبر", "شتنبر", "أيلول", "ايلول", "September", "Sep", "Sept", "septembre"), 9),
    **dict.fromkeys(("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "October", "Oct", "octobre"), 10),
    **dict.fromkeys(("نوفمبر", "نونبر", "تشرين الثاني", "November", "Nov", "novembre"), 11),
    **dict.fromkeys(
        (
            "ديسمبر",
            "دجنبر",
            "دجمبر",
            "دسمبر",
            "كانون الأول",
            "كانون الاول",
            "December",
            "Dec",
            "décembre",
            "decembre",
        ),
        12,
    ),
}
# The Hijri months as pages write them (after a number "ذي القعدة" and "جمادي" are as common as "ذو" and "جمادى"; the
# letters' variants, ى for ي, ه for ة, a shadda, are read by _loose below)
HIJRI_MONTH_NUMBERS = {
    "محرم": 1,
    "صفر": 2,
    **{f"ربيع {second}": 3 for second in ("الأول", "أول")},
    **{f"ربيع {second}": 4 for second in ("الآخر", "الثاني", "آخر", "ثاني")},
    **{f"{first} {second}": 5 for first in ("جمادى", "جمادي") for second in ("الأولى", "الأول")},
    **{
        f"{first} {second}": 6
        for first in ("جمادى", "جمادي")
        for second in ("الآخرة", "الآخر", "الثانية", "الثاني")
    },
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    **{f"{first} القعدة": 11 for first in ("ذو", "ذي")},
    **{f"{first} الحجة": 12 for first in ("ذو", "ذي")},
}
# (longest first: "جمادى الآخرة" before "جمادى الآخر")
HIJRI_MONTHS = tuple(sorted(HIJRI_MONTH_NUMBERS, key=len, reverse=True))
_VOWEL_MARKS = "\u064b-\u0652"


def _plain(word: str) -> str:
    """A word without its vowel marks, its letters' variants made one (أإآ as ا, ى as ي, ة as ه)."""
    return re.sub(f"[{_VOWEL_MARKS}]", "", word).translate(str.maketrans("أإآىة", "ااايه"))


def _loose(word: str) -> str:
    """A pattern for a word in any of its spellings: vowel marks anywhere, the variants _plain makes one."""
    variants = {"ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]"}
    return "".join(variants.get(c, re.escape(c)) + f"[{_VOWEL_MARKS}]*" for c in _plain(word))


_HIJRI_MONTH = "|".join(_loose(m) for m in HIJRI_MONTHS)
_HIJRI_MONTH_OF = {_plain(m): n for m, n in HIJRI_MONTH_NUMBERS.items()}
WEEKDAY_WORDS = (
    "السبت",
    "الأحد",
    "الاحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
)
WEEKDAY_WORDS += ("الجمعة",)
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

_YEAR = r"((?:19|20)\d\d)"  # a Gregorian year; a Hijri year (14xx) never matches
_SEP = r"\s*(?:[,،/\-]|\s)\s*"
_MONTH_NAME = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# A month may be written twice, in two regions' names: كانون الأول/ديسمبر, تشرين الثاني (نوفمبر)
_MONTH = rf"(?:{_MONTH_NAME})(?:\s*/\s*(?:{_MONTH_NAME})|\s*\(\s*(?:{_MONTH_NAME})\s*\))?"
_NOT_LETTER = r"(?![\u0621-\u064a\w])"
# the days of a month as ordinals in words, "الأول" to "الحادي والثلاثين" (the case ending -ون or -ين)
_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}
ORDINAL_DAYS = {
    "الأول": 1,
    **{u: n for n, u in enumerate(_UNITS[1:], 2)},
    "العاشر": 10,
    **{f"{u} عشر": 10 + n for n, u in enumerate(_UNITS, 1)},
    **_TENS,
    **{f"{u} و{t}": n + k for t, n in _TENS.items() for k, u in enumerate(_UNITS, 1) if n + k <= 31},
}
_ORDINAL_DAY = "|".join(sorted((re.escape(w) for w in ORDINAL_DAYS), key=len, reverse=True))
_PATTERNS = (
    # 12 نوفمبر 2024, 12 تشرين الثاني، 2024, 1st, September 2023, 1er juillet 2025; 12/نوفمبر/2024 and 12 - نونبر -
    # 2024 (a slash or a dash before the year only when the same stands between day and month); "10 من أبريل 2012",
    # as Egyptian papers write it
    (
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?(?:\s*(?P<sep>[/\-])\s*|{_SEP})(?:من\s+)?({_MONTH}){_NOT_LETTER}\.?"
            rf"(?(sep)\s*(?P=sep)\s*|[\s,،]*){_YEAR}",
            re.I,
        ),
        "dmy",
    ),
    # نوفمبر 12, 2024; Dec 3, 2024
    (
        re.compile(rf"(?<![\u0621-\u064a\w])({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?[\s,،]+{_YEAR}", re.I),
        "mdy",
    ),
    # 2024-11-12, 2024/11/12
    (re.compile(rf"(?<!\d){_YEAR}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d)"), "ymd"),
    # "2025-أيار-21", "2024/نوفمبر/12": the year first, the month by its name between the same two separators
    (
        re.compile(
            rf"(?<!\d){_YEAR}\s*(?P<sep>[-/.])\s*({_MONTH}){_NOT_LETTER}\s*(?P=sep)\s*(\d{{1,2}})(?!\d)", re.I
        ),
        "y_month_d",
    ),
    # "14:20 2024 الأربعاء 20 نوفمبر": the year first, as a right-to-left line shows a date the page wrote left to
    # right; only at the start of the line or after its time (after other words a number is an issue's or a budget's)
    (
        re.compile(
            rf"(?:^\s*|(?<!\d)\d{{1,2}}:\d{{2}}\s+)(?:(?:GMT|UTC)\s+)?{_YEAR}\s+(?:(?:{'|'.join(WEEKDAY_WORDS)})[\s,،]+)?"
            rf"(\d{{1,2}})\s+({_MONTH}){_NOT_LETTER}(?![\s,،]*\d{{4}})"
        ),
        "ydm",
    ),
    # "فاتح أكتوبر 2025": the first of the month, as Moroccan pages write it ("الفاتح من نوفمبر 1954" names a day
    # in history, the revolution's, on Algerian pages)
    (
        re.compile(rf"(?<![\u0621-\u064a])فاتح\s+({_MONTH}){_NOT_LETTER}[\s,،]*{_YEAR}", re.I),
        "first",
    ),
    # "الثاني من أكتوبر 2025", "الخميس، الحادي والعشرين من مارس 2025": the day as an ordinal in words, as formal
    # prose and some date headers write it; first on its line or after a label's colon, a dash or a comma, after the
    # weekday, or after a word that leads to a day ("يوم", "في", "بتاريخ", "الموافق", "من", "منذ", "حتى"); after a
    # noun it is no day ("الأسبوع الأول من مارس 2026", "كانون الأول ديسمبر 2024")
    (
        re.compile(
            rf"(?:^[^\w\u0621-\u064a]*|[:：\-–—،,(]\s*"
            rf"|(?<![\u0621-\u064a])(?:{'|'.join(WEEKDAY_WORDS)}|يوم|في|بتاريخ|الموافق|من|منذ|حتى)\s+)"
            rf"({_ORDINAL_DAY})\s+(?:من\s+)?(?:شهر\s+)?"
            rf"({_MONTH}){_NOT_LETTER}[\s,،]*{_YEAR}",
            re.I,
        ),
        "ordinal",
    ),
    # 12/11/2024, 12.11.2024, 12-11-2024, 14 - 10 - 2024 (day first, as Arabic pages write it; one separator,
    # spaced or not); the year may run into a time
    (re.compile(rf"(?<!\d)(\d{{1,2}}) ?([/.\-]) ?(\d{{1,2}}) ?\2 ?{_YEAR}"), "dmy_numeric"),
)
# a day and its month alone on a line, perhaps without the year, with a dot before or after it or a time: an
# embedded post's date ("12 فبراير ·", "· 12 فبراير", "12 فبراير 2025 · 14:05"); a timeline's "4 مارس" has none
DAY_AND_MONTH = re.compile(
    rf"^[\s\u200e\u200f]*(?:[·•][\s\u200e\u200f]*)[\d٠-٩]{{1,2}}\s+(?:{_MONTH}){_NOT_LETTER}(?:[\s,،]+{_YEAR})?\s*$"
    rf"|^[\s\u200e\u200f]*[\d٠-٩]{{1,2}}\s+(?:{_MONTH}){_NOT_LETTER}(?:[\s,،]+{_YEAR})?"
    r"\s*(?:[·•]\s*(?:[\d٠-٩]{1,2}:[\d٠-٩]{2})?|[\d٠-٩]{1,2}:[\d٠-٩]{2})\s*$",
    re.I,
)
# "24 شوال 1446", "24 من شوال 1446" (as the Gregorian date beside it may be written: "22 من أبريل 2025")
_HIJRI = re.compile(rf"(?<!\d)\d{{1,2}}\s*(?:من\s+)?(?:{_HIJRI_MONTH})\s*[،,]?\s*\d{{3,4}}")
RELATIVE = re.compile(
    r"منذ\s+(?:\d+|[\u0621-\u064a]+)\s+(?:ثانية|ثوان|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين)"
)


@dataclass(frozen=True)
class FoundDate:
    """A Gregorian date written in a text, with where it is (offsets index the text as given)."""

    date: dt.date
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every full Gregorian date in a text, in order; Hijri dates and impossible dates are left out."""
    digits = text.translate(ARABIC_DIGITS)  # one character for one: offsets stay those of text
    hijri = [m.span() for m in _HIJRI.finditer(digits)]
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _PATTERNS:
        for m in pattern.finditer(digits):
            # (an ordinal day's match starts at the words that lead to it: its date starts at the day)
            span = (m.start(1), m.end()) if order == "ordinal" else m.span()
            if any(a < span[1] and span[0] < b for a, b in taken + hijri):
                continue
            date = _date(m, order)
            if date is not None:
                found.append(FoundDate(date, *span))
                taken.append(span)
    return sorted(found, key=lambda f: f.start)


def _date(m: re.Match, order: str) -> dt.date | None:
    g = m.groups()
    if order == "dmy":
        day, month, year = int(g[0]), _month_any_case(g[2]), int(g[3])  # g[1]: a slash or a dash, if any
    elif order == "mdy":
        month, day, year = _month_any_case(g[0]), int(g[1]), int(g[2])
    elif order == "ymd":
        year, month, day = int(g[0]), int(g[1]), int(g[2])
    elif order == "y_month_d":
        year, month, day = int(g[0]), _month_any_case(g[2]), int(g[3])  # g[1]: the separator
    elif order == "ydm":
        year, day, month = int(g[0]), int(g[1]), _month_any_case(g[2])
    elif order == "first":
        day, month, year = 1, _month_any_case(g[0]), int(g[1])
    elif order == "ordinal":
        day, month, year = ORDINAL_DAYS.get(re.sub(r"\s+", " ", g[0])), _month_any_case(g[1]), int(g[2])
    else:
        day, month, year = int(g[0]), int(g[2]), int(g[3])  # g[1]: the separator
        if month > 12 >= day:
            day, month = (
                month,
                day,
            )  # "06-14-2011 10:23 AM": the month first, as English-language software writes it
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def _month_any_case(name: str) -> int | None:
    """The month of a written month (the first name where two are given), in any letter case."""
    first = re.split(r"\s*[/(]\s*", name.strip())[0]
    return MONTHS.get(first) or next((n for m, n in MONTHS.items() if m.lower() == first.lower()), None)


# each weekday (in _plain's spelling) as date.weekday() counts it
_WEEKDAY_OF = {_plain(w): n for w, n in arabic.WEEKDAYS_AR.items()}
_HIJRI_WITH_WEEKDAY = re.compile(
    rf"({'|'.join(_loose(w) for w in WEEKDAY_WORDS)})\s*[-–،,]?\s*(?:الموافق\s+)?(\d{{1,2}})\s*(?:من\s+)?"
    rf"({_HIJRI_MONTH})\s*[،,]?\s*(1[34]\d\d)"  # a Hijri year of the web's time (1300-1499)
)
# the arithmetical (tabular) Islamic calendar: 30-year cycles of 11 leap years, 1 Muharram 1 on 16 July 622 of the
# Julian calendar
_HIJRA = dt.date(622, 7, 19).toordinal()
HIJRI_DRIFT_DAYS = 2  # how far the calendar a country observes strays from the arithmetical one


def hijri_dates(text: str) -> list[FoundDate]:
    """The Gregorian days of the Hijri dates a text writes after their weekday ("الأربعاء 9 جمادى الآخرة 1446"):
    the arithmetical calendar's day, moved to the nearest day of that weekday (the calendars countries observe, Umm
    al-Qura or sighting, stray from it by a day or two). A Hijri date without its weekday is left out: its day is
    not certain."""
    found = []
    for m in _HIJRI_WITH_WEEKDAY.finditer(text.translate(ARABIC_DIGITS)):
        weekday, day, month, year = (
            m.group(1),
            int(m.group(2)),
            _HIJRI_MONTH_OF[_plain(m.group(3))],
            int(m.group(4)),
        )
        if not 1 <= day <= 30:
            continue
        estimate = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _HIJRA - 1
        window = [
            dt.date.fromordinal(estimate + shift) for shift in range(-HIJRI_DRIFT_DAYS, HIJRI_DRIFT_DAYS + 1)
        ]
        # (five days in a row hold each weekday once at most)
        days = [d for d in window if d.weekday() == _WEEKDAY_OF[_plain(weekday)]]
        if days:
            found.append(FoundDate(days[0], *m.span()))
    return found


def has_hijri(text: str) -> bool:
    return bool(_HIJRI.search(text.translate(ARABIC_DIGITS)))


def without_dates(text: str) -> str:
    """The text with its Gregorian and Hijri dates and its relative times blanked out (for telling a date line)."""
    spans = [(f.start, f.end) for f in find_dates(text)]
    digits = text.translate(ARABIC_DIGITS)
    spans += [m.span() for m in _HIJRI.finditer(digits)] + [m.span() for m in RELATIVE.finditer(digits)]
    out = list(text)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    return "".join(out)
