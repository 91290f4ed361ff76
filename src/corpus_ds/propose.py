"""Machine proposals for a new capture's labels: drafts for a person to check, never labels themselves."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus_ds import arabic, clean, datetext, markers, models
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


def event_date_candidates(text: str, anchor: dt.date | None) -> list[dict]:
    """Quotes that place the event in time, and the dates each allows: the event's weekday (اليوم الأربعاء,
    الثلاثاء 15 مارس) and relative words (اليوم، أمس، أمس الثلاثاء، أول أمس), counted from the publication date."""
    out: list[dict] = []
    for m in arabic.TODAY_WEEKDAY.finditer(text):
        quote = _with_month(text, m.start(), m.end())
        weekday = arabic.weekday_in(quote)
        if weekday is not None and all(c["quote"] != quote for c in out):
            out.append(
                {
                    "quote": quote,
                    "weekday": arabic.WEEKDAY_NAMES_EN[weekday],
                    "dates": _dates_for(quote, weekday, anchor),
                }
            )
    for m in RELATIVE_DAY.finditer(text):
        quote = m.group(0).strip()
        if any(quote in c["quote"] or c["quote"] in quote for c in out):
            continue
        back = 2 if "أول" in quote or "الأول" in quote else 1 if re.search("[أا]مس", quote) else 0
        weekday = arabic.weekday_in(quote)
        dates = []
        if anchor is not None:
            day = anchor - dt.timedelta(days=back)
            if weekday is None or day.weekday() == weekday:  # a weekday that contradicts the count is no help
                dates = [day.isoformat()]
        entry = {"quote": quote, "dates": dates}
        if weekday is not None:
            entry["weekday"] = arabic.WEEKDAY_NAMES_EN[weekday]
        out.append(entry)
    return out


_DAY_NAME = "|".join(arabic.WEEKDAYS_AR)
# Relative days as news texts write them; "اليوم" alone only before a comma or a preposition, where it means today.
RELATIVE_DAY = re.compile(
    rf"(?<![\u0621-\u064a])(?:(?:أول|اول)\s+(?:أمس|امس)|(?:أمس|امس)\s+(?:الأول|الاول)|(?:مساء|صباح|ظهر)?\s*(?:أمس|امس)"
    rf"(?:\s+(?:{_DAY_NAME}))?|اليوم(?=\s*[،,]|\s+(?:في|ب|خلال|من|على)\s))(?![\u0621-\u064a])"
)


def _with_month(text: str, start: int, end: int) -> str:
    """The weekday phrase extended by a following month name (الثلاثاء 15 مارس)."""
    m = re.match(rf"\s*({'|'.join(sorted(datetext.MONTHS, key=len, reverse=True))})", text[end:])
    return text[start : end + (m.end() if m else 0)]


def _dates_for(quote: str, weekday: int, anchor: dt.date | None) -> list[str]:
    day = re.search(r"(?<!\d)(\d{1,2})(?!\d)", quote.translate(datetext.ARABIC_DIGITS))
    month = next((n for name, n in datetext.MONTHS.items() if name in quote), None)
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


SOURCE_LINE = re.compile(r"^\s*(?:ال)?مصدر\s*[:：]\s*(\S.*?)\s*$")
# Everything a copyright footer says besides the outlet's name.
_COPYRIGHT_WORDS = re.compile(
    r"©|\(c\)|جميع\s+الحقوق\s+محفوظة|حقوق\s+النشر|محفوظة|Copyright|All\s+rights\s+reserved|(?:19|20)\d\d|[-–—|.:،,]",
    re.I,
)


def source_lines(units: Iterable) -> list[dict]:
    """Lines (or blocks) of the capture that name its source (المصدر: ...), with their number and text."""
    out = []
    for unit in units:
        m = SOURCE_LINE.match(unit.text)
        if m:
            out.append({"line": unit.number, "value": m.group(1), "quote": unit.text})
    return out


def inline_credit(text: str) -> dict | None:
    """The agency the text's opening dateline credits (الرباط - (ومع) -), quoted from the text."""
    m = markers.OPENING_DATELINE.match(text)
    if not m or not re.search(r"[\u0621-\u064aA-Za-z]", m.group(1)):
        return None
    return {"value": m.group(1).strip(), "quote": m.group(0).strip()}


def outlet_candidates(raw_text: str, units: Iterable, cleaned: clean.Cleaned) -> list[dict]:
    """The publisher's name where the page states it: its copyright footer ("© 2024 X", "جميع الحقوق محفوظة X"),
    quoted where the raw capture writes it."""
    roles = {n: d.role for n, d in cleaned.decisions.items()}
    for unit in units:
        text = unit.text
        if (
            roles.get(unit.number) in ("body", "title")
            or not markers.COPYRIGHT.search(text)
            or markers.words(text) > 14
        ):
            continue
        name = " ".join(_COPYRIGHT_WORDS.sub(" ", text).split())
        quote = text if text in raw_text else name
        if 2 <= len(name) <= 40 and quote in raw_text:
            return [{"line": unit.number, "value": name, "quote": quote, "why": "copyright footer"}]
    return []


TITLE_WORDS = markers.TITLE_WORDS
_STOP = frozenset(
    (
        "مع في على إلى الى عن من بين خلال لدى عند قبل بعد أن إن التي الذي وذلك حيث كما وقد قد إلى لـ بـ اليوم "
        "أمس"
    ).split()
    + list(arabic.WEEKDAYS_AR)
    + list(datetext.MONTHS)
)
_NAME_WORD = re.compile(r"^[\u0621-\u064a]{2,}$")


def person_candidates(text: str, registry: models.Registry | None) -> list[dict]:
    """People named after a title (وزير، سفير، رئيس، نائب، مدير ...) whom no registry alias matches: candidates
    for the registry, each with its Arabic name and its title as written."""
    known = [fold(alias)[0] for actor in (registry.actors if registry else []) for alias in actor.aliases_ar]
    out: dict[str, dict] = {}
    for title, name, quote in _titled_names(text):
        folded = fold(name)[0]
        if any(k in folded or folded in k for k in known) or name in out:
            continue
        out[name] = {"name_ar": name, "title_as_written": title, "quote": quote}
    return list(out.values())


def _titled_names(text: str) -> Iterable[tuple[str, str, str]]:
    """(title as written, name, the words quoted) for "TITLE، NAME،" and "TITLE ... NAME" in the text."""
    for m in re.finditer(rf"(?<![\u0621-\u064a])(?:{'|'.join(TITLE_WORDS)})(?![\u0621-\u064a])", text):
        clause = re.split(r"[.؟!?\n]", text[m.start() : m.start() + 200])[0]
        parts = [p.strip() for p in re.split(r"[،,]", clause)]
        words = parts[0].split()
        for k in range(1, len(words)):
            if (
                words[k - 1] in _STOP
            ):  # "سفير المغرب لدى موسكو": a place after a preposition is part of the office
                continue
            # the office ends where a word that is not part of a title begins: the name (two to four words)
            if not words[k].startswith(("ال", "و")) and _is_name(_name_from(words[k:])):
                name = _name_from(words[k:])
                yield " ".join(words[:k]), " ".join(name), " ".join(words[: k + len(name)])
                break
        else:
            if len(parts) >= 2 and _is_name(parts[1].split()):  # وزير الفلاحة المغربي، عبد الحق الزموري،
                yield parts[0], parts[1], f"{parts[0]}، {parts[1]}"


def _name_from(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w in _STOP or not _NAME_WORD.match(w) or len(out) == 4:
            break
        out.append(w)
    return out


def _is_name(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.match(w) and w not in _STOP for w in words)
        and not any(w in TITLE_WORDS for w in words)
    )


@dataclass(frozen=True)
class DateProposal:
    """A publication date the capture states, with the raw line that states it and why it was chosen."""

    date: dt.date
    quote: str
    line: int
    why: str


# Lines after the article never state its publication date (comments, related stories, an appended story).
_NOT_THE_ARTICLES = {"body", "title", "comments", "related", "appended_article", "tags", "caption"}


def publication_date(raw_text: str, cleaned: clean.Cleaned) -> DateProposal | None:
    """The publication date the page states for this article, from its date lines.

    A line marked as the publication date (نشر، تاريخ النشر) wins; else a date line between the headline and the
    text (or just above the headline); an update date (آخر تحديث) or a site clock far above the headline is not
    the publication date (an update date is proposed only where the header states no other, and the why says so).
    None where the page states none.
    """
    lines = clean.raw_lines(raw_text)
    roles = {n: d.role for n, d in cleaned.decisions.items()}
    # a dateline on its own line over the first paragraph is the article's, and states a date as the header does
    # ("موسكو - 15-2-2018 (ومأ) -")
    for n, d in cleaned.decisions.items():
        if d.role == "body" and d.decided_by == "rule:dateline":
            roles[n] = "date_line"
    title = next((n for n, r in sorted(roles.items()) if r == "title"), None)
    first_body = next((n for n, r in sorted(roles.items()) if r == "body"), None)
    last_body = max((n for n, r in roles.items() if r == "body"), default=None)
    top = title or first_body or 1
    site = _folded(" ".join(lines[: top - 1]))  # the site's name, as the page shows it over the headline
    candidates = []
    for n, line in enumerate(lines, 1):
        text = clean.normalise_line(line)
        if not text or roles.get(n) in _NOT_THE_ARTICLES:
            continue
        # a date line, or any short line of the article's header that states a date (a byline with its date)
        in_header = top - 3 <= n < (first_body or n + 1) and markers.words(text) <= 24
        # a print page's running head above the headline dates its issue ("صوت النيل الثلاثاء 22 من أبريل 2025 ...
        # العدد 51234"): a candidate, taken last, where no date line of the article's and no dateline says one
        # an aggregator's credit to the outlet it copied says when the outlet published it ("المصدر الأصلي: ... -
        # نُشر بتاريخ 16/03/2025", "المصدر الأصلي: صحيفة الرمال - 24 يونيو 2025"); a source the text cites does not
        credited = (
            roles.get(n) == "source_line"
            and markers.words(text) <= 24
            and bool(
                markers.ORIGINAL_SOURCE.match(text)
                or markers.FIRST_PUBLISHED.match(text)
                or markers.STATES_PUBLICATION.search(text)
            )
        )
        # a wire's closing stamp under its text, perhaps under the editors' initials: the agency and when it sent
        # the take ("وكالة ... / 2025-03-03 الساعة 21:18"), taken only where the header states no date
        stamp = (
            last_body is not None
            and n > last_body
            and _non_blank_between(lines, last_body, n) <= 1
            and markers.words(text) <= 10
            # (not a source the text cites, dated: "المصدر: تقرير ... الصادر في ...")
            and roles.get(n) != "source_line"
            and _is_stamp(text, site)
        )
        dated = markers.is_date_line(text) or in_header or credited or stamp
        if not (dated or (n < top and markers.ISSUE_NUMBER.search(text))):
            continue
        # (a Hijri date counts where its weekday fixes the day: "الأربعاء 9 جمادى الآخرة 1446 هـ - آخر تحديث: ...")
        found = sorted(datetext.find_dates(text) + datetext.hijri_dates(text), key=lambda f: f.start)
        if not found or (first_body is not None and last_body is not None and n > last_body + 6):
            continue
        before = text[
            : found[0].start
        ]  # "نشر ... | آخر تحديث ...": what precedes the first date says what it is
        if markers.ARCHIVE_CAPTURE.search(before):
            continue  # an archive's toolbar: the day it saved the page
        updated = bool(markers.UPDATE_MARKER.search(before)) and not markers.PUBLISHED_MARKER.search(before)
        # (a weekly's issue spans days; but an issue's number over the headline is the masthead's, the issue of the
        # day the page was saved: it is taken last, as a running head is)
        masthead = n < top and markers.ISSUE_NUMBER.search(before)
        marked = dated and bool(markers.PUBLISHED_MARKER.search(before)) and not masthead
        candidates.append((n, line, found[0], updated, marked))
    if not candidates:
        return _from_the_dateline(lines, first_body)

    def proposal(c, why: str) -> DateProposal:
        n, line, found, _, _ = c
        return DateProposal(found.date, _quote(line, found), n, why)

    # (under the text a note may say when the print edition carried it: the header's date line comes first)
    marked = [c for c in candidates if c[4] and not c[3]]
    online = [c for c in marked if not markers.PRINT_EDITION.search(clean.normalise_line(c[1]))]
    if online or (marked and not _header_dates(candidates, title, first_body)):
        return proposal((online or marked)[0], "date line marked as the publication date")
    usable = [c for c in candidates if not c[3]]
    header = _header_dates(candidates, title, first_body)
    if header:
        return proposal(header[0], "date line between the headline and the text")
    if (
        title is None and first_body is not None
    ):  # no headline in the capture: the article's header precedes its text
        near = [c for c in usable if c[0] < first_body and _non_blank_between(lines, c[0], first_body) <= 8]
        if near:
            return proposal(near[-1], "date line in the article's header")
    # (not the masthead's issue, which a print page's running head is: that comes last)
    issue = [c for c in usable if c[0] < top and markers.ISSUE_NUMBER.search(clean.normalise_line(c[1]))]
    above = [c for c in usable if c[0] < top and _non_blank_between(lines, c[0], top) <= 2 and c not in issue]
    if above:
        return proposal(above[-1], "date line just above the headline")
    after = [c for c in usable if last_body is not None and c[0] > last_body]
    if after:
        stamp = _is_stamp(clean.normalise_line(after[0][1]), site)
        return proposal(
            after[0], "the wire's stamp under the text" if stamp else "date line right after the text"
        )
    # last: a print page's running head, which dates the issue (a site's masthead shows today's issue too)
    dateline = _from_the_dateline(lines, first_body)
    if dateline is None and issue:
        return proposal(issue[-1], "the print issue's date in the page's running head")
    # last of all: the header states only when the article was updated ("آخر تحديث: 23/4/2025"), the one date the
    # page gives it; the why says so, for the person who checks the draft. Not where a line of the header says when
    # it was published (in a form not read: no year, a Hijri date without its weekday), nor where the update's line
    # says it too
    header = range(title + 1, first_body or len(lines) + 1) if title is not None else range(0)
    published = any(markers.PUBLISHED_MARKER.search(clean.normalise_line(lines[n - 1])) for n in header)
    updated = [c for c in candidates if c[3] and c[0] in header]
    if dateline is None and updated and not published:
        return proposal(updated[0], "the only date in the article's header is its update's")
    return dateline or _from_the_age(lines, candidates, title, first_body)


# "منذ 6 ساعات", "منذ ساعتين", "منذ 40 دقيقة": how old the article is, in hours or minutes (days are counted by the
# site in whole days of its own, which the clock cannot undo)
_AGE = re.compile(
    r"^\W*(?:نشر\s*[:：]?\s*)?منذ\s+(?:([\d٠-٩]{1,3})\s+(ساعة|ساعات|دقيقة|دقائق)|(ساعة|ساعتين|دقيقة|دقيقتين))"
    r"\s*(?:$|[|•·\-–—])"  # the age alone, or a cell of the header's line ("منذ 48 ساعة والطرق مغلقة" is a sentence)
)
# a clock's time, perhaps of twelve hours: "16:20", "04:20 م", "4:20 PM"
_CLOCK_TIME = re.compile(
    r"(?<![\d٠-٩])([0-2]?[\d٠-٩])\s*[:：]\s*([0-5][\d٠-٩])(?![\d٠-٩])\s*(م|مساء|مساءً|ص|صباحا|صباحًا|PM|AM)?(?!\w)",
    re.I,
)
CLOCK_LINES = 5  # the site's clock stands among the page's first lines, over its menu
_AGE_UNITS = {"ساعة": 60, "ساعات": 60, "ساعتين": 120, "دقيقة": 1, "دقائق": 1, "دقيقتين": 2}


def _hour(time: re.Match) -> int | None:
    """The hour of a clock's time on 24 hours: "04:20 م" is 16 (None where it is no hour)."""
    hour, half = int(time.group(1)), (time.group(3) or "").lower()
    if half and not 1 <= hour <= 12:
        return None
    if half in ("م", "مساء", "مساءً", "pm"):
        return hour % 12 + 12
    if half:
        return hour % 12
    return hour if hour < 24 else None


def _site_clock(line: str) -> re.Match | None:
    """The time a site's clock shows, where the line names the day of the week, as a clock does ("الأربعاء
    03.12.2025 - 16:20"; an article's stamp may not), and its hour is one."""
    text = clean.normalise_line(line)
    weekday = any(w in datetext.WEEKDAY_WORDS for w in re.findall(r"[\u0621-\u064a]+", text))
    time = _CLOCK_TIME.search(text) if weekday else None
    return time if time and _hour(time) is not None else None


def _from_the_age(
    lines: list[str], candidates: list, title: int | None, first_body: int | None
) -> DateProposal | None:
    """The header says only how old the article is ("منذ 6 ساعات") and the site's clock among the page's first lines
    says when it was saved, with its time ("الأربعاء 03.12.2025 - 16:20", "04:20 م"): the clock less the age."""
    if title is None or first_body is None:
        return None
    # (a line that opens on the age: "آخر تحديث: منذ ساعتين" is an update's)
    matched = ((k, _AGE.match(clean.normalise_line(lines[k - 1]))) for k in range(title + 1, first_body))
    n, age = next(((k, found) for k, found in matched if found), (0, None))
    top = [k for k, line in enumerate(lines, 1) if line.strip()][:CLOCK_LINES]
    clock = next((c for c in candidates if c[0] in top and c[0] < title and _site_clock(c[1])), None)
    if age is None or clock is None:
        return None
    count = int(age.group(1)) if age.group(1) else 1
    minutes = count * _AGE_UNITS[age.group(2) or age.group(3)]
    at, line, date, _, _ = clock
    time = _site_clock(line)
    saved = dt.datetime.combine(date.date, dt.time(_hour(time), int(time.group(2))))
    published = (saved - dt.timedelta(minutes=minutes)).date()
    return DateProposal(
        published, lines[n - 1].strip(), n, f"the page's clock on line {at} less the age the header states"
    )


def _header_dates(candidates: list, title: int | None, first_body: int | None) -> list:
    """The candidates between the headline and the text that are no update's date."""
    return [
        c
        for c in candidates
        if not c[3] and title is not None and title < c[0] and (first_body is None or c[0] < first_body)
    ]


def _from_the_dateline(lines: list[str], first_body: int | None) -> DateProposal | None:
    """No date line says when: the dateline that opens the text may (an agency's dispatch)."""
    if first_body is None:
        return None
    found = _dateline_date(clean.normalise_line(lines[first_body - 1]))
    if found is None:
        return None
    return DateProposal(
        found.date, _quote(lines[first_body - 1], found), first_body, "date in the opening dateline"
    )


DATELINE_PLACE_WORDS = 3  # "الرباط"، "الدار البيضاء"، "مدينة النخيل": the place a dateline opens with
# Words that put a date in a sentence rather than under a place: "منذ 7 أكتوبر"، "بحلول 31 ديسمبر"، "يوم 3 ديسمبر"
_DATE_IN_A_SENTENCE = clean.STOPWORDS | frozenset(
    "يوم اليوم مثل بحلول اعتبارا ابتداء مطلع نهاية أواخر أوائل مساء صباح ذكرى ولد توفي".split()
)
FIRST_WEB_YEAR = 1995  # no page of a news site was published before there were news sites


def _dateline_date(paragraph: str, today: dt.date | None = None) -> datetext.FoundDate | None:
    """The date of a dateline that opens the text ("الرباط 3 ديسمبر 2024 ـ ...", "القاهرة في 5 يناير 2025 (وكالة)
    -", "موسكو - 25 فبراير 2025 (وأن) -"): a place of one to three words (then "في", a weekday or a dash), the date,
    then the dateline's dash or parenthesis. Not a date a sentence opens with ("منذ 7 أكتوبر 2023 - ..."), nor one no
    web page can have been published on."""
    head = _PLACE_THEN_DASH.match(paragraph)  # the date stands between two dashes
    begin = head.end() if head else 0
    cut = re.search(r"[-–—ـ(]", paragraph[begin:80])
    if cut is None:
        return None
    end = begin + cut.start()
    found = datetext.find_dates(paragraph[begin:end])
    if not found or not re.fullmatch(r"[\s،,:\d]*", paragraph[begin + found[0].end : end]):
        return None  # only a time may stand between the date and the dash
    place = re.sub(r"[،,]", " ", head.group(1) if head else paragraph[: found[0].start]).split()
    while place and (place[-1] == "في" or place[-1] in arabic.WEEKDAYS_AR):
        place.pop()
    if head and (
        paragraph[begin : begin + found[0].start].strip() or not _AGENCY_AFTER.match(paragraph[end:])
    ):
        return None  # after the place's dash, the date comes first, then the agency ("(وأن) -")
    if not 1 <= len(place) <= DATELINE_PLACE_WORDS or any(w in _DATE_IN_A_SENTENCE for w in place):
        return None
    date = found[0].date
    if date.year < FIRST_WEB_YEAR or date > (today or dt.date.today()):
        return None
    return datetext.FoundDate(date, begin + found[0].start, begin + found[0].end)


# "(وأن) -", "(رويترز)", "(وكالات) -": an agency's credit in parentheses, as a dispatch's dateline gives it (a
# feature setting a scene between dashes, "مدينة النخيل - 14 مارس 2011 - كان ...", names none)
_AGENCY_AFTER = re.compile(
    r"\(\s*(?:[\u0621-\u064a]{2,4}|(?:[\u0621-\u064a]\s?\.?\s?){2,3}|[A-Z]{2,5}|وكال[ةات]+(?:\s+\S+){0,2}"
    r"|رويترز|الأناضول|سبوتنيك|نوفوستي|تاس|شينخوا)\s*\)"
)
# "موسكو - " right before a date's digits: a place and the dateline's first dash
_PLACE_THEN_DASH = re.compile(r"\s*([^\d\-–—ـ()،,:]{2,40}?)\s*[-–—ـ]\s*(?=[\d٠-٩])")


# a wire's closing stamp: the agency's name, a separator, then the date ("وكالة أنباء الواحة/ 2025-03-03 الساعة 21:18")
_STAMP_HEAD = re.compile(
    r"^\W*((?:[^\s/|]+\s+){0,3}[^\s/|]+?)\s*[/|\-–—]\s*(?:[\d٠-٩]{1,2}:[\d٠-٩]{2}\s*[/|\-–—]?\s*)?$"
)


def _is_stamp(text: str, site: str) -> bool:
    """The line is the site's own stamp: its name, as its masthead shows it, then the date (a deadline's label or a
    reader's name under the text is not the site's)."""
    found = datetext.find_dates(text)
    head = _STAMP_HEAD.match(text[: found[0].start]) if found else None
    return head is not None and _folded(head.group(1)) in site


def _folded(text: str) -> str:
    return "".join(fold(text)[0].split())  # (folded as names are: tatweel, marks and spaces do not count)


def _non_blank_between(lines: list[str], a: int, b: int) -> int:
    return sum(1 for n in range(a + 1, b) if clean.normalise_line(lines[n - 1]))


def _quote(raw_line: str, found: datetext.FoundDate) -> str:
    """The date line as the raw capture writes it (a quote `in: raw`), or only its date where the line holds
    characters that normalisation would change."""
    line = raw_line.strip(" \t\r\u00a0")
    if clean.normalise_line(raw_line) == line:
        return line
    text = clean.normalise_line(raw_line)
    return text[found.start : found.end]


# The page's own address in a saved page: its canonical link, its og:url, or the note a browser writes when it
# saves a page ("<!-- saved from url=(0045)https://... -->").
_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b", re.I)
_OG_URL = re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']?og:url\b", re.I)
_URL_VALUE = re.compile(r"\b(?:href|content)\s*=\s*[\"']?(https?://[^\"'\s<>]+)", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s<>]+?)\s*-->", re.I)


def page_url(raw_text: str, units) -> dict | None:
    """The address a saved page states for itself, quoted from the raw page; None if it states none.

    An address with an HTML entity (&amp;) is not proposed: its value would differ from its quote.
    """
    found = [
        (m.group(1), f"{'canonical link' if _CANONICAL.match(u.text) else 'og:url'} (unit {u.number})")
        for u in units
        if (_CANONICAL.match(u.text) or _OG_URL.match(u.text)) and (m := _URL_VALUE.search(u.text))
    ]
    saved = _SAVED_FROM.search(raw_text)
    if saved:
        found.append((saved.group(1), "the browser's note of where the page was saved from"))
    for url, why in found:
        if "&" not in url and url in raw_text:
            return {"value": url, "quote": url, "why": why}
    return None
