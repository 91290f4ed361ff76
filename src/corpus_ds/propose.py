"""Machine proposals for a new capture's labels: drafts for a person to check, never labels themselves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from corpus_ds import arabic, clean, models
from corpus_ds.arabic import find_folded, fold


def actor_candidates(text: str, registry: models.Registry) -> list[dict]:
    """Registry actors whose aliases occur in text (spelling folded), with their surfaces and where they occur."""
    hits = []  # (start, -length, actor_id, surface, alias)
    for actor in registry.actors:
        for alias in actor.aliases_ar:
            hits += [(s, s - e, actor.actor_id, text[s:e], alias) for s, e in find_folded(text, alias)]
    registered = {actor.actor_id: set(actor.aliases_ar) for actor in registry.actors}
    taken_until, found = -1, {}
    for start, neg_len, actor_id, surface, _alias in sorted(hits):  # where matches overlap the longest wins
        if start < taken_until:
            continue
        taken_until = start - neg_len
        entry = found.setdefault(actor_id, {"surfaces": [], "positions": [], "variants": []})
        entry["positions"].append(start)
        if surface not in entry["surfaces"]:
            entry["surfaces"].append(surface)
        if surface not in registered[actor_id] and surface not in entry["variants"]:
            entry["variants"].append(surface)
    return [{"actor_id": actor_id, **entry} for actor_id, entry in found.items()]


def _sentence(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence around text[start:end], cut at the nearest full stop, question mark or line end, at most
    limit characters."""
    left = max(text.rfind(ch, 0, start) for ch in ".!؟?\n") + 1
    rights = [p for p in (text.find(ch, end) for ch in ".!؟?\n") if p >= 0]
    right = min(rights) if rights else len(text)
    left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return text[left:right].strip(" ،,")


# Cue phrases and the instrument each suggests (matched folded, like the names); the person decides what the
# article reports.
INSTRUMENT_CUES = (
    ("مذكره تفاهم", "memorandum_of_understanding"),
    ("مذكرات تفاهم", "memorandum_of_understanding"),
    ("مذكره التفاهم", "memorandum_of_understanding"),
    ("اتفاقيه", "agreement"),
    ("اتفاقيات", "agreement"),
    ("معاهده", "agreement"),
    ("بيان مشترك", "joint_statement"),
    ("البيان المشترك", "joint_statement"),
    ("اعلان مشترك", "joint_statement"),
    ("الاعلان المشترك", "joint_statement"),
    ("اعلان", "joint_statement"),
    ("بيانا خاصا", "joint_statement"),
    ("اتفق الجانبان", "verbal_commitment"),
    ("اتفق الطرفان", "verbal_commitment"),
    ("اتفق الوزيران", "verbal_commitment"),
    ("اتفق البلدان", "verbal_commitment"),
    ("اتفقنا", "verbal_commitment"),
    ("اتفقا على", "verbal_commitment"),
    ("اتفقوا على", "verbal_commitment"),
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def instrument_candidates(text: str) -> list[dict]:
    """One candidate per sentence and instrument a cue phrase suggests, with the sentence as the evidence quote."""
    folded, index = fold(text)
    found: dict[tuple[str, str], dict] = {}
    for cue, instrument in INSTRUMENT_CUES:
        cue = fold(cue)[0]
        pos = folded.find(cue)
        while pos >= 0:
            start, end = index[pos], index[pos + len(cue) - 1] + 1
            quote = _sentence(text, start, end)
            entry = found.setdefault(
                (instrument, quote), {"instrument": instrument, "quote": quote, "cues": [], "start": start}
            )
            if text[start:end] not in entry["cues"]:
                entry["cues"].append(text[start:end])
            pos = folded.find(cue, pos + 1)
    out = sorted(found.values(), key=lambda c: c["start"])
    for c in out:
        years = _YEAR.findall(c["quote"])
        c["year"] = int(years[0]) if len(set(years)) == 1 else None
    return out


def weekday_candidates(text: str, anchor: dt.date | None) -> list[dict]:
    """Quotes naming the event's weekday (اليوم الأربعاء, الثلاثاء 15 مارس) and the dates each allows.

    With an anchor date (publication), the two dates on that weekday up to the anchor; with a day and month in the
    quote, the recent years in which that day fell on that weekday.
    """
    out = []
    for m in arabic.TODAY_WEEKDAY.finditer(text):
        quote = _sentence_part(text, m.start(), m.end())
        weekday = arabic.weekday_in(quote)
        if weekday is None or any(c["quote"] == quote for c in out):
            continue
        out.append(
            {
                "quote": quote,
                "weekday": arabic.WEEKDAY_NAMES_EN[weekday],
                "dates": _dates_for(quote, weekday, anchor),
            }
        )
    return out


def _sentence_part(text: str, start: int, end: int) -> str:
    """The weekday phrase extended by a following month name (الثلاثاء 15 مارس)."""
    m = re.match(rf"\s*({'|'.join(MONTHS_AR)})", text[end:])
    return text[start : end + (m.end() if m else 0)]


MONTHS_AR = {
    "يناير": 1,
    "كانون الثاني": 1,
    "فبراير": 2,
    "شباط": 2,
    "مارس": 3,
    "آذار": 3,
    "أبريل": 4,
    "ابريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "أيار": 5,
    "يونيو": 6,
    "حزيران": 6,
    "يوليو": 7,
    "تموز": 7,
    "أغسطس": 8,
    "آب": 8,
    "سبتمبر": 9,
    "أيلول": 9,
    "أكتوبر": 10,
    "تشرين الأول": 10,
    "نوفمبر": 11,
    "تشرين الثاني": 11,
    "ديسمبر": 12,
    "كانون الأول": 12,
    "يونيه": 6,
    "يوليه": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}
MONTHS_EN = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
}


def _dates_for(quote: str, weekday: int, anchor: dt.date | None) -> list[str]:
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", quote.translate(_ARABIC_DIGITS))
    month = next((n for name, n in MONTHS_AR.items() if name in quote), None)
    last = anchor or dt.date.today()
    if day and month:
        dates = []
        for year in range(last.year, last.year - 30, -1):
            try:
                d = dt.date(year, month, int(day.group(1)))
            except ValueError:
                continue
            if d <= last and d.weekday() == weekday:
                dates.append(d.isoformat())
        return dates[:3]
    if anchor is None:
        return []
    back = (anchor.weekday() - weekday) % 7
    return [(anchor - dt.timedelta(days=back + 7 * k)).isoformat() for k in range(2)]


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
SOURCE_LINE = re.compile(r"^\s*(?:ال)?مصدر\s*[:：]\s*(\S.*?)\s*$")
DATE_LINE = re.compile(
    r"تاريخ النشر|نشر في|آخر تحديث|^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|^\s*\d{4}-\d{2}-\d{2}"
)


def source_lines(raw_text: str) -> list[dict]:
    """Lines of the capture that name its source (المصدر: ...), quoted as they appear in the raw capture."""
    out = []
    for n, line in enumerate(clean.raw_lines(raw_text), 1):
        m = SOURCE_LINE.match(clean.normalise_line(line))
        if m:
            out.append({"line": n, "value": m.group(1), "quote": clean.normalise_line(line)})
    return out


def date_lines(raw_text: str) -> list[dict]:
    """Lines of the capture that look like a publication date line, with the date they state where it parses."""
    out = []
    for n, line in enumerate(clean.raw_lines(raw_text), 1):
        text = clean.normalise_line(line)
        if DATE_LINE.search(text) and len(text) < 120:
            parsed = parse_date(text)
            out.append({"line": n, "quote": text, "date": parsed.isoformat() if parsed else None})
    return out


def parse_date(text: str) -> dt.date | None:
    """A full date written in a date line: 2023-09-01, 01/09/2023, 1st, September 2023, 16 أكتوبر 2025."""
    t = text.translate(_ARABIC_DIGITS)
    patterns: Iterable[tuple[str, tuple[int, int, int]]] = (
        (r"(\d{4})-(\d{2})-(\d{2})", (1, 2, 3)),
        (r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", (3, 2, 1)),
    )
    for rx, (y, mo, d) in patterns:
        m = re.search(rx, t)
        if m:
            return _date(m.group(y), m.group(mo), m.group(d))
    lower = t.lower()
    for name, month in [*MONTHS_EN.items(), *MONTHS_AR.items()]:
        m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{name},?\s+(\d{{4}})", lower) or re.search(
            rf"{name}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", lower
        )
        if m:
            return _date(m.group(2), str(month), m.group(1))
    return None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
