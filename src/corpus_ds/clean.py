"""Extractive boilerplate removal and normalisation of raw captures of Arabic news pages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus_ds.arabic import drop_invisible, is_presentation_form


def normalise_line(line: str) -> str:
    """Drop invisible characters (every format, private-use, unassigned, surrogate and default-ignorable code point:
    bidi controls, zero-width characters, tag characters, variation selectors, noncharacters; see
    arabic.drop_invisible) and controls; any space or separator character to a plain space; Arabic presentation
    forms to the letters they draw; NFC; no leading or trailing spaces.

    Only invisible characters, layout and glyph encoding are touched: letters, typos and punctuation stay as captured.
    """
    out = []
    for ch in drop_invisible(line):
        if ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
            out.append(" ")  # tabs, form feeds, NBSP, line separators: spaces, so words never run together
        elif unicodedata.category(ch) == "Cc":
            continue
        elif is_presentation_form(ch):
            out.append(
                unicodedata.normalize("NFKC", ch)
            )  # a glyph variant of a letter, not a different letter
        else:
            out.append(ch)
    # NFC last: removing an invisible character can bring a letter and its combining mark together.
    return unicodedata.normalize("NFC", "".join(out)).strip()


def raw_lines(raw_text: str) -> list[str]:
    """Split a capture into lines (CRLF and CR tolerated); line numbers are 1-based positions in this list."""
    return raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# --- markers that work on the next capture of an Arabic news page ---------------------------------

_ALEF = "[اأإآ]"
_YA = "[يى]"
_HA = "[ةه]"
# A block after which nothing belongs to the article.
_TANWIN = "[\u064b-\u0652]?"
# "اقرأ أيضاً" in its spellings (أيضا، أيضاً، أيضًا), alone or followed by a headline on the same line.
READ_ALSO = re.compile(
    rf"^\s*(?:{_ALEF}قر{_ALEF}\s+{_ALEF}يض{_TANWIN}{_ALEF}?{_TANWIN}|{_ALEF}قر{_ALEF}\s+{_ALEF}لمزيد|Read also)"
    rf"\s*(?:[:：].*)?$",
    re.I,
)
SIMILAR = re.compile(
    rf"^\s*(?:مق{_ALEF}لات\s+مش{_ALEF}به{_HA}|مو{_ALEF}ضيع\s+ذ{_ALEF}ت\s+صل{_HA}|{_ALEF}خب{_ALEF}ر\s+ذ{_ALEF}ت\s+صل{_HA}|Related)\s*[:：]?\s*$",
    re.I,
)
COMMENTS = re.compile(r"^\s*(?:التعليقات|تعليقات|Comments)\s*[:：]?\s*$", re.I)
SOURCE_LINE = re.compile(r"^\s*المصدر\s*[:：]")
DATE_LINE = re.compile(r"^\s*(?:تاريخ\s+النشر|نشر\s+في|آخر\s+تحديث|Published)\s*[:：]?", re.I)
TAGS = re.compile(r"^\s*(?:كلمات\s+دلالية|الكلمات\s+المفتاحية|وسوم|Tags)\s*[:：]", re.I)
SHARE_BAR = re.compile(r"^\s*(?:طباعة|شارك|Print|Share)(?:\s|$)", re.I)
BYLINE_MARKER = re.compile(r"^\s*(?:نشر|بقلم|كتب|كتبت|By)\s*[:：]?\s*$", re.I)
BULLET = re.compile(r"^\s*[•·▪►*\-–]\s+")
SENTENCE_END = re.compile(r"[.!؟?…»\"”]\s*$")

BODY_MIN_WORDS = 15  # a paragraph of the article, not a menu item or a headline
TITLE_MAX_WORDS = 30
CREDIT_MAX_WORDS = 4
DATE_LINE_MAX_WORDS = 10  # "نشر في ..." opening a long sentence is article text, not a date line


@dataclass(frozen=True)
class LineDecision:
    line: int  # 1-based raw line number
    role: str  # 'title', 'body' or a removal reason
    decided_by: str  # 'rule:<name>' or 'source'


def _words(line: str) -> int:
    return len(line.split())


def _is_latin_credit(line: str) -> bool:
    s = line.strip()
    return bool(s) and _words(s) <= CREDIT_MAX_WORDS and not re.search(r"[\u0600-\u06FF]", s)


def classify_lines(lines: Sequence[str]) -> dict[int, LineDecision]:
    """Classify every non-blank raw line with generic rules; undecidable lines default to the safest role."""
    norm = [normalise_line(x) for x in lines]
    decided: dict[int, LineDecision] = {}

    def mark(i: int, role: str, rule: str) -> None:
        decided[i + 1] = LineDecision(i + 1, role, f"rule:{rule}")

    # 1. Cut markers: after "read also" nothing is the article; after comments only comments follow.
    cut = len(norm)
    mode = None
    for i, s in enumerate(norm):
        if not s:
            continue
        if mode is None and (READ_ALSO.match(s) or SIMILAR.match(s) or COMMENTS.match(s)):
            cut = i
        if i < cut:
            continue
        if COMMENTS.match(s):
            mode = "comments"
            mark(i, "comments", "comments-marker")
        elif READ_ALSO.match(s) or SIMILAR.match(s):
            mark(i, "related", "read-also-marker")
            mode = "similar" if SIMILAR.match(s) else (mode or "related")
        elif mode == "comments":
            mark(i, "comments", "after-comments")
        elif TAGS.match(s):
            mark(i, "tags", "tags-marker")
        elif SHARE_BAR.match(s):
            mark(i, "share_bar", "share-marker")
        elif mode == "similar" or BULLET.match(s):
            mark(i, "related", "similar-articles-list")
        else:
            mark(i, "appended_article", "after-read-also")

    # 2. Single-line markers before the cut.
    for i in range(cut):
        s = norm[i]
        if not s:
            continue
        if SOURCE_LINE.match(s):
            mark(i, "source_line", "source-marker")
        elif DATE_LINE.match(s) and _words(s) <= DATE_LINE_MAX_WORDS:
            mark(i, "date_line", "date-marker")
        elif TAGS.match(s):
            mark(i, "tags", "tags-marker")
        elif SHARE_BAR.match(s) and _words(s) <= 3:
            mark(i, "share_bar", "share-marker")
        elif BYLINE_MARKER.match(s):
            mark(i, "byline", "byline-marker")
            nxt = next((j for j in range(i + 1, cut) if norm[j]), None)
            if nxt is not None and _words(norm[nxt]) <= CREDIT_MAX_WORDS:
                mark(nxt, "byline", "byline-name")

    # 3. The first body paragraph: a long line that ends a sentence.
    open_lines = [i for i in range(cut) if norm[i] and (i + 1) not in decided]
    first_body = next(
        (i for i in open_lines if _words(norm[i]) >= BODY_MIN_WORDS and SENTENCE_END.search(norm[i])), None
    )
    if first_body is None:
        first_body = next((i for i in open_lines if _words(norm[i]) >= BODY_MIN_WORDS), None)
    if first_body is None:
        for i in open_lines:
            mark(i, "navigation", "no-body-found")
        return decided

    # 4. The title: the nearest undecided short line before the first body paragraph.
    before = [i for i in open_lines if i < first_body]
    title = None
    if before and _words(norm[before[-1]]) <= TITLE_MAX_WORDS and not norm[before[-1]].endswith("."):
        title = before[-1]
        mark(title, "title", "line-before-first-paragraph")
    for i in before:
        if i != title:
            mark(i, "navigation", "before-title" if title is not None else "before-first-paragraph")

    # 5. Inside the article: captions repeat a headline; a short Latin-script name under a caption is its credit.
    seen: set[str] = set()
    previous_role = None
    for i in range(first_body, cut):
        s = norm[i]
        if not s:
            continue
        if (i + 1) in decided:
            previous_role = decided[i + 1].role
            seen.add(s)
            continue
        if (title is not None and s == norm[title]) or (s in seen and _words(s) <= TITLE_MAX_WORDS):
            mark(i, "caption", "repeated-headline")
        elif previous_role == "caption" and _is_latin_credit(s):
            mark(i, "credit", "latin-name-under-caption")
        else:
            mark(i, "body", "article-region")
        previous_role = decided[i + 1].role
        seen.add(s)
    return decided


@dataclass(frozen=True)
class Removal:
    line_start: int
    line_end: int
    reason: str
    decided_by: str
    content: str


@dataclass(frozen=True)
class Cleaned:
    title: str | None
    text: str
    removals: tuple[Removal, ...]
    decisions: dict[int, LineDecision]


class CleaningConflict(ValueError):
    """A recorded decision names lines outside the capture."""


def clean(raw_text: str, overrides: Iterable[tuple[int, int, str]] = ()) -> Cleaned:
    """Clean a capture: generic rules, then the decisions recorded in the article's source file.

    overrides: (first_line, last_line, role) triples, 1-based inclusive; role is 'title', 'body' or a reason.
    Deterministic: the same raw text and overrides always give the same title, text and removals.
    """
    lines = raw_lines(raw_text)
    decisions = classify_lines(lines)
    for first, last, role in overrides:
        if last > len(lines):
            raise CleaningConflict(f"lines {first}-{last} lie beyond the capture's {len(lines)} lines")
        for n in range(first, last + 1):
            if normalise_line(lines[n - 1]):
                decisions[n] = LineDecision(n, role, "source")

    ordered = sorted(decisions.values(), key=lambda d: d.line)
    titles = [normalise_line(lines[d.line - 1]) for d in ordered if d.role == "title"]
    paragraphs = [normalise_line(lines[d.line - 1]) for d in ordered if d.role == "body"]
    return Cleaned(
        title=" ".join(titles) if titles else None,
        text="\n\n".join(paragraphs),
        removals=tuple(_removal_runs(lines, ordered)),
        decisions=decisions,
    )


def _removal_runs(lines: Sequence[str], ordered: Sequence[LineDecision]) -> Iterable[Removal]:
    """Merge consecutive removed lines (blank lines between them included) with the same reason and decider."""
    run: list[LineDecision] = []

    def flush() -> Removal:
        first, last = run[0].line, run[-1].line
        return Removal(first, last, run[0].role, run[0].decided_by, "\n".join(lines[first - 1 : last]))

    for d in ordered:
        if d.role in ("title", "body"):
            if run:
                yield flush()
                run = []
            continue
        if run and (run[-1].role, run[-1].decided_by) != (d.role, d.decided_by):
            yield flush()
            run = []
        run.append(d)
    if run:
        yield flush()
