"""Extractive boilerplate removal and normalisation of raw captures of Arabic news pages."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from corpus_ds import datetext, markers
from corpus_ds.arabic import INVISIBLE_CLASS, drop_invisible, fold, is_presentation_form

# Any character normalise_line changes or drops besides NFC and the outer strip: most lines have none, and skip the
# loop over their characters (every character Python calls a space is a control or a separator: Cc or Z).
_NEEDS_NORMALISING = regex.compile(
    rf"[{INVISIBLE_CLASS}\p{{Cc}}\p{{Z}}\uFB50-\uFDFF\uFE70-\uFEFE--[ ]]", regex.V1
)


def normalise_line(line: str) -> str:
    """Drop invisible characters (every format, private-use, unassigned, surrogate and default-ignorable code point:
    bidi controls, zero-width characters, tag characters, variation selectors, noncharacters; see
    arabic.drop_invisible) and controls; any space or separator character to a plain space; Arabic presentation
    forms to the letters they draw; NFC; no leading or trailing spaces.

    Only invisible characters, layout and glyph encoding are touched: letters, typos and punctuation stay as captured.
    """
    if not _NEEDS_NORMALISING.search(line):
        return unicodedata.normalize("NFC", line).strip()
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


# --- lines of a capture as the cleaner sees them ----------------------------------------------------

MIN_PROSE_WORDS = 8  # a sentence of the article, not a menu item, a headline or a caption
LONG_LINE_WORDS = 25  # so long that it is prose even without a full stop
LOOKAHEAD = 3  # non-blank lines a short line may wait for the article's prose to resume
TITLE_MAX_WORDS = 35
KICKER_MAX_WORDS = 7  # a supertitle or kicker above a headline is a few words
SHORT_HEADLINE_MIN_WORDS = 5  # a kicker naming an event ("قمة الواحة والمرجان الاقتصادية") is shorter
STANDFIRST_MIN_WORDS = 14  # a line this long under a headline is its standfirst rather than the headline
BYLINE_MAX_WORDS = 4  # a name, perhaps with a place, between a headline and its date line
DATE_BELOW_HEADLINE = 3  # lines from a headline down to its date line: the headline, a byline, the date
TITLE_WINDOW = 25  # non-blank lines before the first paragraph where the headline is looked for


_HEADLINE_END = re.compile(r'(?:[?؟!]|[^.!؟?…:؛\s]\s*[»"”]|﴾(?:\s*[\[(][^\[\]()]{1,30}[\])])?)\s*$')


_ITEM_SEPARATOR = re.compile(r"\s[•▪■◆●|]\s")


def is_prose(s: str) -> bool:
    """A sentence of an article: long enough and ended as one (or so long that it is prose without a full stop)."""
    n = _words(s)
    if len(_ITEM_SEPARATOR.findall(s)) >= 2 and not s.endswith(".") and not markers.CONTINUATION.match(s):
        return False  # a ticker or a row of links: items set apart by bullets or bars, no sentence
    if markers.is_cookie_banner(s):
        return False  # the site speaks to its visitor of cookies, wherever its banner was copied
    # a question or an exclamation mark ends many headlines, and so does a quotation ("X: «...»"): only a long line
    # ending with one is prose (a quotation that ends a sentence of the article closes on its full stop)
    # (an agency's copy may close its last sentence with its end mark: "... المقبل. (النهاية)")
    closed = _CLOSING_MARK_OF_COPY.sub("", s)
    ends = markers.SENTENCE_END.search(closed) and (n >= 15 or not _HEADLINE_END.search(closed))
    return (n >= MIN_PROSE_WORDS and bool(ends)) or n >= LONG_LINE_WORDS


_CLOSING_MARK_OF_COPY = re.compile(r"(?<=[.!؟?])\s*[(\[]\s*(?:النهاية|انتهى|انتهي)\s*[)\]]\s*$")


STOPWORDS = frozenset(
    (
        "في من على إلى الى عن مع أن ان إن لا ما هذا هذه ذلك تلك التي الذي الذين كان كانت قد لم لن بين بعد قبل "
        "حتى عند كما أو او ثم هو هي هم كل غير بل إذا اذا حيث خلال منذ أي اي لكن ضمن نحو لدى إلا الا أيضا ايضا "
        "عبر أمام دون وفي ومن وعلى وإلى وأن ولا وما وقد وكان وهو وهي"
    ).split()
)


@dataclass(frozen=True)
class LineDecision:
    line: int  # 1-based raw line number
    role: str  # 'title', 'body' or a removal reason
    decided_by: str  # 'rule:<name>' or 'source'
    sure: bool = True  # False where the cleaner had only a weak signal: the draft asks a person to look


def _words(line: str) -> int:
    return len(line.split())


# The stopwords as folding spells them ("على" folds to "علي"): content_words keeps those (the thresholds of the older
# rules were set with them counted); the newer rules that compare shares of a line's words leave them out
_FOLDED_STOPWORDS = frozenset(fold(w)[0] for w in STOPWORDS)


def _meaningful_words(line: str) -> set[str]:
    """content_words without the folded stopwords ("علي", "الي"), which would inflate a share of shared words."""
    return content_words(line) - _FOLDED_STOPWORDS


def content_words(line: str) -> set[str]:
    """Folded words that carry content (no stopwords, no particles attached), for comparing two lines."""
    out = set()
    for word in re.findall(r"[\u0621-\u064a\w]{3,}", fold(line)[0]):
        for prefix in ("وال", "بال", "لل", "ال", "و"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        if word not in STOPWORDS:
            out.add(word)
    return out


_IN_WORD_TATWEEL = re.compile(r"(?<=[\u0621-\u064a])\u0640+(?=[\u0621-\u064a])")


class _Page:
    """A capture's non-blank lines with what each says of itself, and the decisions made so far."""

    def __init__(self, lines: Sequence[str], hints: Mapping[int, frozenset[str]]):
        # (read without the tatweel that stretches a word, "إشـهـار" as "إشهار": it never changes which word it is;
        # the text keeps it, as captured)
        self.text = [_IN_WORD_TATWEEL.sub("", normalise_line(x)) for x in lines]
        # cells of a row of a table (tabs or " | "), counted before normalising turns tabs into spaces
        self.cells = [len(_CELL_SEPARATOR.split(x.strip())) for x in lines]
        self.hints = hints
        self.order = [i for i, s in enumerate(self.text) if s]  # indexes of non-blank lines
        self.decided: dict[int, LineDecision] = {}
        ends = [
            bool(markers.PARAGRAPH_END.search(self.text[i])) for i in self.order if _words(self.text[i]) >= 15
        ]
        # most sites end every paragraph with a full stop; a caption or a summary then shows by its lack of one
        self.punctuates = bool(ends) and sum(ends) >= 0.6 * len(ends)
        self.live_stamps: frozenset[int] = frozenset()  # set once the text's first paragraph is known
        self.gallery: frozenset[int] = _gallery_lines(self)
        self.speakers: dict[str, list[int]] = {}  # the lines each label opens ("نيفا: ..."), in order
        labels: dict[str, list[int]] = {}  # the labels alone on their lines ("رنا الخطيب:"), by name
        for i in self.order:
            if found := _SPEAKER.match(self.text[i]):
                self.speakers.setdefault(found.group(1), []).append(i)
            elif found := _SPEAKER_ALONE.match(self.text[i]):
                labels.setdefault(found.group(1), []).append(i)
        # a transcript's turns: labels alone, one of them again and again, each over what the speaker says (six words
        # or more), in sentences (a reader's comment may close on none), or in any words under a heading that names
        # a transcript
        said = {i: next((x for x in self.text[i + 1 :] if x), "") for lines in labels.values() for i in lines}
        turns = [i for i, below in said.items() if _words(below) >= 6]
        first = min(turns, default=0)
        above = next((x for x in reversed(self.text[:first]) if x), "")
        named = bool(_TRANSCRIPT_HEADING.search(above)) and _words(above) <= KICKER_MAX_WORDS
        ended = [i for i in turns if named or markers.SENTENCE_END.search(said[i])]
        recurring = any(len(lines) >= 2 for lines in labels.values())
        self.turn_labels = frozenset(ended) if recurring and len(ended) >= TRANSCRIPT_TURNS else frozenset()
        # an interview that sets its questions apart without a label: questions, each over a paragraph of prose that
        # answers it (a card's question headline stands over a teaser that says it again)
        self.questions = [
            i
            for k, i in enumerate(self.order[:-1])
            if _question(self.text[i]) and _answered(self.text[i], self.text[self.order[k + 1]])
        ]
        # the page's first lines, where the site names itself, under what a browser or a cache sets over the page
        self.masthead = [i for i in self.order if not _over_the_page(self.text[i])][:MASTHEAD_LINES]
        self.column_words = _column_words(self)  # the most words a line of a print column holds
        self.wrapped: frozenset[int] = _wrapped_paragraphs(self)
        # a table of contents: its label and its items, which head the article's sections further down
        self.contents, self.sections = _table_of_contents(self)

    def mark(self, i: int, role: str, rule: str, sure: bool = True) -> None:
        self.decided[i + 1] = LineDecision(i + 1, role, f"rule:{rule}", sure)

    def rule(self, i: int) -> str | None:
        """What decided line i so far (None if nothing did)."""
        d = self.decided.get(i + 1)
        return d.decided_by if d else None

    def role(self, i: int) -> str | None:
        d = self.decided.get(i + 1)
        return d.role if d else None

    def prose(self, i: int) -> bool:
        return i in self.wrapped or is_prose(self.text[i])

    def after(self, i: int) -> list[int]:
        return [j for j in self.order if j > i]

    def before(self, i: int) -> list[int]:
        return [j for j in self.order if j < i]


def classify_lines(
    lines: Sequence[str], hints: Mapping[int, frozenset[str]] | None = None
) -> dict[int, LineDecision]:
    """Classify every non-blank raw line with signals that carry across sites.

    The article's text is the run of prose (long lines that end sentences) that starts after the page's header;
    short lines inside it are subheadings, list items or one-line paragraphs when the prose resumes after them.
    The headline is the short line before that run that shares the most words with its first paragraphs. The
    genre's markers (read also, tags, comments, source lines, share bars, captions and credits) say what the
    other lines are, and where the article ends.

    hints: what a saved page's markup says of a line (by 0-based index): "heading" (an h2-h6 of the article, not
    of a box beside it), "link" (all of its text is a link), "bold" (all of it in <b> or <strong>), "next-item"
    (an item of the list the line above is an item of), "some-link" (a link and other words), "standfirst" or
    "author" (the one block of an element whose class names it so). Copied text has none.
    """
    page = _Page(lines, hints or {})
    for i in page.contents:
        page.mark(i, "navigation", "table-of-contents")
    start = _first_paragraph(page)
    if start is None:
        for i in page.order:
            page.mark(i, "navigation", "no-body-found")
        return page.decided
    start = _opened_by_a_dateline(page, start)
    start = _first_question(page, start)
    start = _under_the_byline_and_date(page, start)
    restated = _restated_by_next(page, start)
    if restated is not None:  # a headline that ends with a full stop, or a summary, repeated by the lead
        start, first = restated, start
        title = _headline(page, start)
        if title is None and page.text[first] != page.text[start]:
            page.mark(first, "title", "restated-by-the-lead", sure=False)
            title = first
        elif title is None:
            page.mark(first, "summary", "restated-by-the-lead", sure=False)
        else:
            page.mark(first, "summary", "restated-by-the-lead", sure=False)
    else:
        page.live_stamps = _live_stamps(page, start)  # a live page's first update's heading is no headline
        title = _headline(page, start)
        lead = _lead_under_its_photo(page, start) if title is None else None
        if lead is not None:
            page.mark(start, "title", "headline-over-its-photo", sure=False)
            title, start = start, lead
    page.live_stamps = _live_stamps(page, start)
    end = _article(page, start, title)
    end = _correction_label(page, end)
    _first_update(page, start)
    _header(page, start, title)
    _after_article(page, end)
    _author_box(page, start)
    return page.decided


def _correction_label(page: _Page, end: int) -> int:
    """Where a site's correction ends the article, its label alone on the line above ("تصحيح") ends it: the end."""
    above = page.before(end)[-1:] if end < len(page.text) else []
    if (
        above
        and markers.CORRECTION_LABEL.match(page.text[above[0]])
        and markers.CORRECTION.match(page.text[end])
    ):
        page.mark(above[0], "source_line", "correction-label")
        return above[0]
    return end


AUTHOR_BOX_LINES = 2  # the author's name, then a line or two about them
AUTHOR_BIO_MAX_WORDS = 40
_REPORTING = re.compile(r"(?<!\S)(?:أن|إن|قال|يقول|يرى|يؤكد|أكد|أوضح|يوضح|أضاف|يضيف|اعتبر|يعتبر)(?!\S)")


CONTENTS_MIN_ITEMS = 2


def _table_of_contents(page: _Page) -> tuple[frozenset[int], frozenset[str]]:
    """A table of contents ("محتويات المقال"): its label, then short lines each of which heads a section of the
    article further down (the same words again on a line of their own). The lines of the table, and the headings'
    words."""
    lines: set[int] = set()
    headings: set[str] = set()
    for at, i in enumerate(page.order):
        if not markers.CONTENTS.match(page.text[i]):
            continue
        items = []
        for j in page.order[at + 1 :]:
            s = page.text[j]
            heads_a_section = any(x > j and page.text[x] == s for x in page.order)
            if _words(s) > TITLE_MAX_WORDS or not heads_a_section or j in lines:
                break
            items.append(j)
        if len(items) >= CONTENTS_MIN_ITEMS:
            lines.update([i, *items])
            headings.update(page.text[j] for j in items)
    return frozenset(lines), frozenset(headings)


def _signed_above(page: _Page, first: int) -> bool:
    """A byline stands between the headline and the line `first`."""
    return any(
        (markers.header(page.text[j]) or _NOTHING).role == "byline"
        for j in page.before(first)[-TITLE_WINDOW:]
    )


def _author_box(page: _Page, start: int) -> None:
    """An author's box at the end of the text: the byline's name again on its own line, and what they do; or a
    name set alone under the headline, again under the text (perhaps under "عن الكاتب") over a line that says what
    the writer does ("أستاذ جامعي وباحث ...")."""
    body = [i for i in page.order if i >= start and page.role(i) == "body"]
    names, bare = _byline_names(page, start), _bare_names(page, start)
    for n, i in enumerate(body[1:], 1):
        name = page.text[i].strip()
        if len(body) - n - 1 > AUTHOR_BOX_LINES or _words(name) > 4 or markers.SENTENCE_END.search(name):
            continue
        about = body[n + 1 :]
        if any(markers.CONTINUATION.match(page.text[j]) for j in about):
            continue
        if name in names or (name in bare and about and markers.WRITER_ROLE.match(page.text[about[0]])):
            labelled = markers.AUTHOR_BOX.match(page.text[body[n - 1]])
            for j in body[n - 1 if labelled else n :]:
                page.mark(j, "byline", "author-box", sure=False)
            return
    # "عن الكاتب" over the box's one line, which opens on the byline's name (or the name set alone under the
    # headline): "فلان صحفي تونسي متخصص في ..."
    label, bio = (page.text[x] for x in body[-2:]) if len(body) >= 2 else ("", "")
    if markers.AUTHOR_BOX.match(label) and any(bio.startswith(name + " ") for name in names | bare):
        for j in body[-2:]:
            page.mark(j, "byline", "author-box", sure=False)
        return
    if len(body) < 3:
        return
    # the writer's name alone, then one line that says what they do ("كاتب وباحث مغربي ..."), closing the text
    name, about = page.text[body[-2]], page.text[body[-1]]
    # "خبير ... يقول إن ...": the article's expert speaks, no box describes them
    reports = _REPORTING.search(about)
    if (
        _bare_name(name)
        and markers.WRITER_ROLE.match(about)
        and _words(about) <= AUTHOR_BIO_MAX_WORDS
        and not reports
    ):
        for j in body[-2:]:
            page.mark(j, "byline", "author-box", sure=False)
        return
    # the writer's name and what they do on the text's last line: "فلان: كاتب وأستاذ للعلاقات الدولية ..."; a
    # name the article speaks of (an appointee's profile, an interview's voice) is the article's
    # "* كاتب وباحث لبناني ...": what the writer does, after the mark a column's closing note opens on
    last = page.text[body[-1]]
    noted = re.match(r"^\s*\*\s*(.*)$", last)
    # (an item of a list the text closes on is no note: "* قاض ...", "* أستاذ جامعي ..." one under another)
    listed = _LIST_ITEM.match(page.text[body[-2]]) is not None
    if (
        not listed
        and noted
        and markers.WRITER_ROLE.match(noted.group(1))
        and _words(last) <= AUTHOR_BIO_MAX_WORDS
        and not _REPORTING.search(last)
    ):
        page.mark(body[-1], "byline", "author-box", sure=False)
        return
    # "فلان صحافي وباحث ...": the name the header gives the writer opens the text's last line, what they do follows
    # (a name set alone under the headline may be a profile's subject: "فلان روائي من مواليد ..." is the text's; a
    # writer's box says they write)
    opener = next((name for name in names | bare if last.startswith(name + " ")), None)
    role = markers.WRITER_ROLE if opener in names else _WRITES
    if (
        opener
        and role.match(last[len(opener) :])
        and _words(last) <= AUTHOR_BIO_MAX_WORDS
        and not _REPORTING.search(last)
    ):
        page.mark(body[-1], "byline", "author-box", sure=False)
        return
    # (or "* فلان، كاتب وباحث ...": the note a column closes on, after a mark)
    signed = re.match(r"^\s*[*•]?\s*([^:،,*•]+?)\s*([:،,])\s*(.*)$", page.text[body[-1]])
    writer, colon, about_them = signed.groups() if signed else ("", "", "")
    writer = " ".join(writer.split())
    profile = (
        colon
        and not listed
        and _bare_name(writer)
        and markers.WRITER_ROLE.match(about_them)
        and not _REPORTING.search(about_them)
    )
    spoken_of = any(
        writer in " ".join(page.text[i].split())
        for i in page.order
        if i < body[-1] and page.role(i) in ("body", "title")
    )
    if (
        profile
        and (writer in names or writer in bare or not spoken_of)
        and _words(about_them) <= AUTHOR_BIO_MAX_WORDS
    ):
        labelled = markers.AUTHOR_BOX.match(page.text[body[-2]])  # under "عن الكاتب"
        for j in body[-2:] if labelled else body[-1:]:
            page.mark(j, "byline", "author-box", sure=False)
        return
    # "عن الكاتب" over one line that names the writer and says what they do ("فلان، صحفي متخصص في ..."), or on it
    label, colon, about_them = page.text[body[-1]].partition(":")
    if colon and markers.AUTHOR_BOX.match(label) and _words(about_them) >= 3:
        page.mark(body[-1], "byline", "author-box", sure=False)
    elif markers.AUTHOR_BOX.match(page.text[body[-2]]):
        named, _, role = page.text[body[-1]].partition("،")
        if _words(named) <= 4 and markers.WRITER_ROLE.match(role):
            for j in body[-2:]:
                page.mark(j, "byline", "author-box", sure=False)
    else:
        # "عن الكاتبة" over a few lines that close the text, the first opening on the writer's name and what they do
        # ("سلمى الفيلالي صحافية مغربية متخصصة في ...")
        for n in range(max(len(body) - 1 - AUTHOR_BIO_LINES, 1), len(body) - 1):
            if markers.AUTHOR_BOX.match(page.text[body[n]]) and _name_and_role(page.text[body[n + 1]]):
                for j in body[n:]:
                    page.mark(j, "byline", "author-box", sure=False)
                return


AUTHOR_BIO_LINES = 3  # the lines of a writer's box under its label
# what a writer's box says its writer does: writes, reports, researches
_WRITES = re.compile(r"^\s*(?:ال)?(?:كاتب|صح(?:ا)?في|إعلامي|محرر|باحث|محلل)(?:ة|ون|ين)?\b")


def _name_and_role(s: str) -> bool:
    """A line that opens on a name of two to four words, then what the person does: "فلان الفلاني، صحافي ..." """
    words = s.split()
    return any(
        _bare_name(" ".join(words[:n]).rstrip("،,")) and bool(markers.WRITER_ROLE.match(" ".join(words[n:])))
        for n in range(2, 5)
    )


def _byline_names(page: _Page, start: int) -> set[str]:
    """The names a byline above the text gives: its parts between separators, without "بقلم" or "كتب"; and the
    line under a label that stands alone ("Author," then the name)."""
    names: set[str] = set()
    header = page.before(start)
    for n, i in enumerate(header):
        s = page.text[i]
        found = markers.header(s)
        after_label = n > 0 and markers.BYLINE_LABEL.match(page.text[header[n - 1]])
        if (found and found.role == "byline") or after_label:
            for part in re.split(r"\s*[/\-–—،,:|]\s*", s):
                part = re.sub(r"^(?:بقلم|كتب|كتبت|إعداد|By)\s+", "", part.strip(), flags=re.I)
                if part:
                    names.add(part)
    return names


def _verdict_box(page: _Page, first: int, following: list[int]) -> int | None:
    """A fact-check's box, lines one under another: the claim's label alone ("الادعاء") over the claim, the
    verdict's label ("الحكم", "التقييم: زائف") under it, perhaps the verdict's word ("زائف"). first is one of these
    lines, or the line right under them, and none says on (a court story's "الادعاء" heads "وكان ممثل الادعاء ...").
    They are the summary; the text starts under them, with the sentence under the verdict (a sentence summing the
    verdict up reads as the text's lead does). None where the box is not so."""
    label = next(
        (j for j in range(first, max(first - 4, -1), -1) if markers.CLAIM_LABEL.match(page.text[j])), None
    )
    if label is None or not all(page.text[j] for j in range(label, first + 1)):
        return None
    claim, verdict = label + 1, label + 2
    if not _line(page, verdict) or not markers.VERDICT_LABEL.match(page.text[verdict]):
        return None
    box = [label, claim, verdict]
    if _line(page, verdict + 1) and _words(page.text[verdict + 1]) <= VERDICT_MAX_WORDS:
        box.append(verdict + 1)  # the verdict's word under its label
    start = first if first > box[-1] else next((x for x in following if x > box[-1]), None)
    # (a line that opens on a connective's "و" goes on with a paragraph: "ويتهم الادعاء ..."; "فيديو" opens a claim)
    goes_on = any(_SAYS_ON.match(page.text[j]) or _waw_connective(page.text[j]) for j in box)
    if first > box[-1] + 1 or start is None or goes_on:
        return None
    for j in box:
        page.mark(j, "summary", "fact-check-box", sure=False)
    return start


VERDICT_MAX_WORDS = 3  # "زائف", "مضلل جزئيا": a verdict's word under its label


def _waw_connective(s: str) -> bool:
    """A line that opens on "و" that the connectives' pattern reads as one ("ويتهم", "ووجهت")."""
    return s.lstrip().startswith("و") and bool(markers.CONTINUATION.match(s))


def _line(page: _Page, j: int) -> bool:
    """Line j is on the page and not blank."""
    return 0 <= j < len(page.text) and bool(page.text[j])


SUMMARY_POINT_MAX_WORDS = 20  # a point of a summary's box; the article's paragraphs run longer
# a paragraph that goes on with the one above, saying on: "وقال"، "وأضاف"، "وأوضحت" (not "وفاة", "وصول" or "بحسب",
# which open a summary's points too)
_SAYS_ON = re.compile(
    r"^\s*(?:و(?:قال|أضاف|أوضح|أكد|أشار|تابع|لفت|شدد|ذكر|اعتبر|كشف|كان|أفاد|بين|نوه|أعلن|توقع|طالب|جاء|قض"
    r"|[يت]أتي|[يت]توقع)(?:ت|وا|ى)?(?![\u0621-\u064a])|(?:من\s+(?:جهت|جانب)(?:ه|ها|هم)|في\s+المقابل)\b)"
)


def _summary_points(page: _Page, first: int, following: list[int]) -> list[int]:
    """Under a summary's label, its points without bullets: short sentences one under another, no blank line
    between them, the first the summary's first line, and a blank line after the last (copied text sets the
    article's paragraphs apart so). They are the summary; the lines after them are what is left of following."""
    run: list[int] = []
    for j in page.after(first):
        if j != (run[-1] if run else first) + 1 or j >= following[-1]:  # (the article keeps a line at least)
            break
        if (
            _words(page.text[j]) > SUMMARY_POINT_MAX_WORDS
            or not markers.SENTENCE_END.search(page.text[j])
            or _SAYS_ON.match(page.text[j])  # "وقال ...": the article's paragraphs go on so, no point
        ):
            return following
        run.append(j)
    if not run:
        return following
    after = [x for x in following if x > run[-1]]
    if page.text[run[-1] + 1 : run[-1] + 2] != [""] or not after:
        return following
    if _SAYS_ON.match(page.text[after[0]]):
        return following  # "وأضاف ...": the paragraph goes on with the last line, the article's lead
    for j in run:
        page.mark(j, "summary", "under-a-summary-label", sure=False)
    return after


def _bare_names(page: _Page, start: int) -> set[str]:
    """A name set alone between the headline and the text, as opinion pages set their writer's (no "بقلم", no
    dash); it may as well be a photo's subject, so an author's box needs more than the name to be one."""
    header = page.before(start)
    title = next((i for i in header if page.role(i) == "title"), None)
    return {
        page.text[i].strip()
        for i in header
        if title is not None and i > title and _bare_name(page.text[i]) and not markers.header(page.text[i])
    }


# a title before a writer's name: "د. ", "أ.د. ", "ذ. " (Morocco's "الأستاذ"), "م. " (an engineer), "الدكتور"
_HONORIFIC = re.compile(
    r"^\s*(?:أ\.\s?د\.|[\u0621-\u064a]\.|(?:ال)?(?:دكتور|أستاذ|بروفيسور|مهندس)ة?(?=\s))\s*"
)


def _bare_name(s: str) -> bool:
    """Two to four Arabic words and nothing else, perhaps after a title ("د. "): a person's name, as a byline or
    an author's box shows it."""
    s = _HONORIFIC.sub("", s, count=1)
    return 2 <= _words(s) <= BYLINE_MAX_WORDS and bool(re.fullmatch(r"[\u0621-\u064a\s]+", s.strip()))


_INTERVIEW = re.compile(r"(?<![\u0621-\u064a])(?:حوار|مقابلة|حاور(?:ه|ها|ته|هم))(?![\u0621-\u064a])")


def _first_question(page: _Page, start: int) -> int:
    """An interview that sets its questions apart without a label opens on its first question, right over the first
    answer and under the article's header (its date line, its byline): the text starts there."""
    above = page.before(start)[-2:]
    if len(above) < 2 or above[-1] not in page.questions or len(page.questions) < INTERVIEW_TURNS:
        return start
    # the page says it is an interview ("حاوره: ...", "في حوار خاص"): an explainer's questions head its sections
    said = any(_INTERVIEW.search(page.text[i]) for i in page.before(above[-1]))
    dated = (markers.header(page.text[above[0]]) or _NOTHING).role in ("date_line", "byline")
    return above[-1] if said and (dated or markers.DATE_MARKER.match(page.text[above[0]])) else start


def _transcript_lines(page: _Page) -> frozenset[int]:
    """The timed lines of a video's transcript under its label ("نص الفيديو": "[00:18] ..."); under a toggle
    ("إظهار نص الفيديو ▾"), line after line (a live page's updates under a folded toggle stand apart, a blank line
    between)."""
    found, last, toggled, offset = set(), None, False, None
    for i in page.order:
        timed = _OFFSET.match(page.text[i])
        if markers.TRANSCRIPT.match(page.text[i]):
            last, toggled, offset = i, bool(markers.TRANSCRIPT_TOGGLE.match(page.text[i])), None
        elif last is not None and timed and (i == last + 1 or (not toggled and _goes_on(offset, timed))):
            found.add(i)
            last, offset = i, timed
        else:
            last = None
    return frozenset(found)


# a transcript line's offset: its bracket and its minutes and seconds ("[00:18] ...")
_OFFSET = re.compile(r"^\s*([\[(])\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*[\])]\s*\S")


def _goes_on(before: re.Match | None, line: re.Match) -> bool:
    """Past a blank line, a transcript goes on in the same bracket and a later offset (a live page's clock times
    under it, "(11:05)" after "[00:09]", are its updates)."""
    if before is None:
        return True

    def seconds(m: re.Match) -> int:  # "[12:05]" minutes and seconds, "[00:12:05]" hours too
        parts = [int(g) for g in m.groups()[1:] if g is not None]
        return sum(part * 60**power for power, part in enumerate(reversed(parts)))

    return before.group(1) == line.group(1) and seconds(line) > seconds(before)


WRITERS_BOX_LINES = 3  # the sentences of a column's box about its writer, over the headline


def _header_under_writers_box(page: _Page, candidates: list[int]) -> int | None:
    """A column's box about its writer over the headline ("كاتب وباحث مغربي ...", "صدر له كتاب ..."), then the
    headline and its date line: the date line (the text starts under it), or None."""
    if not candidates or not markers.WRITER_ROLE.match(page.text[candidates[0]]):
        return None
    # the article's header above, a headline over its date line: the line is its text (an obituary's "الكاتب
    # والباحث ..."); a site's date bar over its masthead is no header
    above = page.before(candidates[0])
    for n, j in enumerate(above):
        dated = (markers.header(page.text[j]) or _NOTHING).role == "date_line"
        if dated and n and _headline_like(page, above[n - 1]) and not page.prose(above[n - 1]):
            return None
    for j in page.after(candidates[0])[: WRITERS_BOX_LINES + HEADER_LOOKAHEAD]:
        if (markers.header(page.text[j]) or _NOTHING).role != "date_line":
            continue
        over = page.before(j)[-1]
        box = [i for i in candidates if i < j]
        headline = not page.prose(over) and _headline_like(page, over)
        return j if headline and len(box) <= WRITERS_BOX_LINES and any(i > j for i in candidates) else None
    return None


def _first_paragraph(page: _Page) -> int | None:
    """The first line of the article's prose; a summary above the byline or date line is not it."""
    transcript = _transcript_lines(page)
    candidates = [
        i
        for i in page.order
        if page.prose(i)
        and i not in page.gallery
        and i not in transcript
        and not markers.before_text(page.text[i])
        and not _above_credit(page, i)
        and not _says_it_is_a_caption(page.text[i])
        and not markers.is_breadcrumb(page.text[i])
        and not markers.is_cookie_notice(page.text[i])
        and not markers.CACHE_BANNER.match(page.text[i])
        and not _ticker_item_over_header(page, i)
        and not _long_headline_over_header(page, i)
    ]
    header = _header_under_writers_box(page, candidates)
    if header is not None:
        candidates = [i for i in candidates if i > header]
    if not candidates:  # a page without full stops: long lines
        candidates = [
            i for i in page.order if _words(page.text[i]) >= 15 and not markers.before_text(page.text[i])
        ]
    if not candidates:
        return None
    first = candidates[0]
    following = [j for j in candidates if j > first]
    above = page.before(first)[-1:]

    points = _key_points_over(page, first)
    after_points = [j for j in following if points and j > points[-1]]
    # "النقاط الرئيسية" over short lines without bullets: the summary's points, up to the text
    if after_points:
        for j in points:
            page.mark(j, "summary", "key-point", sure=False)
        return after_points[0]
    listed = _LIST_ITEM.match(page.text[first]) or (following and _list_item(page, following[0]))
    label = page.text[above[0]] if above else ""
    if following and (start := _verdict_box(page, first, following)) is not None:
        return start
    if following and (
        markers.SUMMARY_LABEL.match(label) or (listed and markers.KEY_POINTS_LABEL.match(label))
    ):
        page.mark(first, "summary", "under-a-summary-label", sure=False)
        # a summary of key points: the items after the first are the summary too, up to the first paragraph
        if listed:
            for j in page.after(first):
                if j >= following[-1] or not _list_item(page, j):
                    break
                page.mark(j, "summary", "under-a-summary-label", sure=False)
                following = [x for x in following if x > j]
        else:
            following = _summary_points(page, first, following)
        return following[0]
    # a standfirst the lead opens with word for word, under a headline (else it is the headline: _restated_by_next)
    opening = page.text[first].rstrip(" .。،")
    opens = bool(following) and page.text[following[0]].startswith(tuple(opening + c for c in " .،,"))
    lead = following[0] if opens else None
    headline_above = any(
        len(content_words(page.text[j]) & content_words(page.text[first])) >= 3
        for j in page.before(first)[-TITLE_WINDOW:]
    )
    if lead is not None and headline_above and len(page.text[lead]) > len(page.text[first]):
        page.mark(first, "summary", "opening-of-the-lead", sure=False)  # a standfirst the lead opens with
        return lead
    if (start := _header_over_the_text(page, first, following)) is not None:
        return start
    if following:
        between = [j for j in page.order if first < j < following[0]]
        # (a card's time under its headline, among cards of other stories, is no date line of the article's)
        cards = _cards_times(page, between)
        header = [None if j in cards else markers.header(page.text[j]) for j in between]
        # under the header's byline, another byline between paragraphs signs a part of a dossier ("مراسلنا في ...:
        # فلان"): the paragraph above it is the text, no standfirst
        signed = [m is not None and m.role == "byline" for m in header]
        if any(signed) and all(a or m is None for a, m in zip(signed, header)) and _signed_above(page, first):
            return first
        if _under_a_time(page, first) and _under_a_time(page, following[0]):
            return first  # a live page's updates, each under its time (and heading), newest first
        if any(_header_furniture(m) for m in header):
            # (with no headline above it or among the lines under it, it is the headline: _headline finds it)
            headline_below = any(
                not m
                and _headline_like(page, j)
                and len(content_words(page.text[j]) & content_words(page.text[first])) >= 2
                for j, m in zip(between, header)
            )
            # (or a headline right over it, perhaps over a kicker, in words of its own: a short question, a figure
            # of speech; a trail of the site's sections is none)
            right_above = _headline_right_over(page, first)
            if headline_above or headline_below or right_above:
                page.mark(first, "summary", "summary-above-byline", sure=False)
            return following[0]
    return first


def _header_over_the_text(page: _Page, first: int, following: list[int]) -> int | None:
    """Two lines of prose with a headline between them, then the header's byline, date line or share bar, then
    prose: a note over the headline (a dossier's, an update's) and the standfirst under it, the text under the
    header. Where the text starts, or None."""
    if len(following) < 2 or _header_just_above(page, first) or _headline_right_over(page, first):
        return None  # (under the headline, its date line or its writer's name, `first` is the text's first paragraph)
    standfirst, text = following[0], following[1]
    between = [j for j in page.order if first < j < standfirst]
    header = [j for j in page.order if standfirst < j < text]
    if not (
        between
        and all(_headline_like(page, j) for j in between)
        and any(_words(page.text[j]) >= 3 for j in between)
        and header
        and all(_header_line(page, j) for j in header)
        and _signed_or_dated(page, header)
    ):
        return None
    page.mark(first, "summary", "note-over-headline", sure=False)
    page.mark(standfirst, "summary", "summary-above-byline", sure=False)
    return text


def _header_just_above(page: _Page, i: int) -> bool:
    """A date line, a byline, a share bar or a writer's name alone in the two lines over line i (a site's date of the
    day over its menu is none)."""
    return any(_header_line(page, j) for j in page.before(i)[-2:])


def _header_line(page: _Page, j: int) -> bool:
    """A line of the article's header: a byline, a date line, a share bar, or a writer's name alone (as opinion
    pages set it)."""
    return _header_furniture(markers.header(page.text[j])) or _bare_name(page.text[j])


def _signed_or_dated(page: _Page, header: list[int]) -> bool:
    """The header's lines name a writer or a date, not a share bar alone."""
    return any((markers.header(page.text[j]) or _NOTHING).role in ("byline", "date_line") for j in header)


HEADER_FURNITURE = ("byline", "date_line", "share_bar")
HEADER_LOOKAHEAD = 5  # the lines under a headline where its byline, date line or share bar begins


def _under_a_time(page: _Page, i: int) -> bool:
    """One of the two lines over line i shows a time alone, or a time and a name ("18:05 صوت الساحل"): an update's."""
    return any(_clock_of(page.text[j]) for j in page.before(i)[-2:])


def _header_furniture(found: markers.Marker | None) -> bool:
    """A marker of the article's header under its headline: a byline, a date line, a share bar (a player's buttons
    belong to a video)."""
    return found is not None and found.role in HEADER_FURNITURE and found.rule != "player-buttons"


def _headline_right_over(page: _Page, i: int, tickers: bool = True) -> bool:
    """A headline of three words or more in one of the two lines over line i (perhaps over a kicker), no trail of
    the site's sections; tickers=False: no breaking-news ticker's line ("عاجل: ...") either."""
    return any(
        _headline_like(page, j)
        and _words(page.text[j]) >= 3
        and not markers.BREADCRUMB.search(page.text[j])
        and (tickers or not _BREAKING.match(page.text[j]))
        # (nor an advert's words under its label: a headline may stand there too, but not over another)
        and not any(markers.AD_LABEL_ALONE.match(page.text[x]) for x in page.before(j)[-1:])
        for j in page.before(i)[-2:]
    )


def _long_headline_over_header(page: _Page, i: int) -> bool:
    """A line that is prose by its length alone (no sentence's end) over the article's header furniture, a byline,
    a date line or a share bar, past at most a standfirst right under it: a long headline (some sites write 30
    words), not the first paragraph."""
    s = page.text[i]
    if markers.SENTENCE_END.search(s) or _words(s) > TITLE_MAX_WORDS:
        return False
    above = page.before(i)[-HEADER_LOOKAHEAD:]
    if any((markers.header(page.text[j]) or _NOTHING).role in HEADER_FURNITURE for j in above):
        return False  # under a byline or a date line: the article's header is above it, and it is the text
    # a headline right over it, perhaps over a kicker ("عيون على الشبكة", "تحليل"): it is the standfirst (a
    # ticker's news over the page's header is none)
    if _headline_right_over(page, i, tickers=False):
        return False
    under = page.after(i)[:HEADER_LOOKAHEAD]
    for k, j in enumerate(under):
        if _header_furniture(markers.header(page.text[j])):
            return True
        if page.prose(j) and k > 0:
            return False  # a paragraph before any furniture: the text has begun
    return False


KEY_POINTS_MAX = 6  # the points a summary box lists
KEY_POINT_MAX_WORDS = 15
LONG_KEY_POINT_MAX_WORDS = 25  # a point a sentence long, where furniture and not the text closes the box


def _key_points_over(page: _Page, first: int) -> list[int]:
    """The points of a summary box that a label ("النقاط الرئيسية") heads a line or two above the first line of prose,
    short lines without bullets (the first paragraph, a point among them, is one of them): the lines under the label
    up to the first that is no short point (a photo's caption, the text)."""
    above = page.before(first)[-3:]
    label = next((k for k in above if markers.KEY_POINTS_LABEL.match(page.text[k])), None)
    if label is None:
        return []
    points = _points_under(page, label, KEY_POINT_MAX_WORDS)
    if first not in points:
        # longer points, where the page's furniture closes the box (a live page's first update time, a date line),
        # not the text going on
        points = _points_under(page, label, LONG_KEY_POINT_MAX_WORDS)
        after = page.after(points[-1])[:1] if points else []
        if (
            not after
            or page.prose(after[0])
            or not (markers.header(page.text[after[0]]) or markers.widget(page.text[after[0]]))
        ):
            return []
    return points if first in points else []


def _points_under(page: _Page, label: int, most_words: int) -> list[int]:
    """The short lines under a key points' label, up to the first that is no point (a photo's caption, the text)."""
    points = []
    for j in page.after(label)[:KEY_POINTS_MAX]:
        s = page.text[j]
        if (
            _words(s) > most_words
            or markers.header(s)
            or markers.widget(s)
            or markers.CAPTION.match(s)
            or markers.CONTINUATION.match(s)  # "وقع ...": the text under a section's heading
        ):
            break
        points.append(j)
    return points


def _ends_on_colon(s: str) -> bool:
    """A line that announces what follows: it ends on a colon."""
    return s.rstrip().endswith((":", "："))


_LIST_ITEM = re.compile(r"\s*(?:[-–•*·▪◦]|\d{1,2}\s*[.)\-–])\s")


def _listed_in_text(page: _Page, rest: list[int], k: int) -> bool:
    """rest[k] is an item of a list or a timeline the text announces: under a line of the text that ends on a
    colon, or under the list's item before it. Items need not end a sentence, so they are no photo's caption (a
    saved page's items that are links are a box's)."""
    if not (k and _an_item(page.text[rest[k]])) or "link" in page.hints.get(rest[k], ()):
        return False
    above = rest[k - 1]
    return page.role(above) == "body" and (_ends_on_colon(page.text[above]) or _an_item(page.text[above]))


# an item of a timeline: its year and a dash ("2016 - توقيع ...")
_TIMELINE_ITEM = re.compile(r"\s*[\d٠-٩]{4}\s*[-–—:]\s")


LIST_HEADING_MAX_WORDS = 10  # a list's heading; a photo's caption runs longer


def _an_item(s: str) -> bool:
    """An item of a list ("- ...", "2. ...") or of a timeline ("2016 - ...", "2016: ...")."""
    return bool(_LIST_ITEM.match(s) or _TIMELINE_ITEM.match(s))


def _heads_a_list(page: _Page, rest: list[int], k: int) -> bool:
    """The two lines under rest[k] are items of a list or a timeline, which no lead-in above announces (a line
    between the lead-in and its list is a photo's caption): rest[k] is the list's heading, not a caption."""
    under = [page.text[x] for x in rest[k + 1 : k + 3]]
    announced = k > 0 and _ends_on_colon(page.text[rest[k - 1]])
    return (
        len(under) == 2
        and all(_an_item(u) for u in under)
        and not announced
        and _words(page.text[rest[k]]) <= LIST_HEADING_MAX_WORDS
    )


RESTATED = 0.6  # of a summary's content words, found again in the lead that restates it
PHOTO_RESTATED = 0.4  # the same past a photo, where a standfirst over the photo says it in its own words
RESTATED_GAP = 8  # lines of a box or a photo that may stand between a summary and the lead that restates it


# the lines of prose a header may set over its byline and date (a standfirst, a caption), and the header's lines
# under them (a credit, the byline, the date, its update, the reading time)
STANDFIRST_AND_CAPTION = 2
HEADER_LINES = 6


def _under_the_byline_and_date(page: _Page, first: int) -> int:
    """The first paragraph under the header's byline and date line, where the line taken for it is a standfirst (no
    sentence's end closes it, on a page whose paragraphs end so), perhaps with a photo's caption under it, over
    them: those lines are the header's, marked unsure. Where no byline and dated line stand between them and the
    next line of prose, or the line taken ends a sentence (a brief's last paragraph over its signature and date),
    first stays."""
    if not page.punctuates or markers.SENTENCE_END.search(page.text[first]):
        return first
    over: list[int] = [first]
    roles: set[str] = set()
    for j in page.after(first)[: STANDFIRST_AND_CAPTION + HEADER_LINES]:
        if page.prose(j):
            if "dated" in roles and "byline" in roles:
                page.mark(over[0], "summary", "over-the-byline-and-date", sure=False)
                for i in over[1:]:
                    page.mark(i, "caption", "over-the-byline-and-date", sure=False)
                return j
            if roles or len(over) == STANDFIRST_AND_CAPTION:
                return first
            over.append(j)
            continue
        found = markers.header(page.text[j])
        if found is None:
            return first
        # (a reading time is the header's, but no date)
        roles.add("dated" if markers.is_date_line(page.text[j]) else found.role)
    return first


# lines (a summary, a photo's caption and its credit) that may stand over the paragraph a dateline opens
DATELINE_BELOW_MAX = 3


def _opened_by_a_dateline(page: _Page, first: int) -> int:
    """The article's first paragraph is the one its dateline opens ("موسكو - (وكالة) - ..."): a summary it restates
    (two fifths of the summary's words), or a photo's caption and its credit, sentences as they may be, stand over
    it, not in the article. The lines above it are marked so; where no paragraph a few lines down opens with a
    dateline, or the first one does, or what stands over it is neither, first stays."""
    below = page.after(first)[:DATELINE_BELOW_MAX]
    if _opens_with_dateline(page.text[first], first=True):
        return first
    if (
        len(below) >= 2
        and page.prose(below[1])
        and _dateline_over_the_text(page, below[0])
        and not any(_dateline_alone(page.text[j]) for j in page.after(below[1]))
    ):
        # a standfirst right over the dateline alone on its line ("موسكو - الموقع."), which opens the article (a
        # roundup's lead stands over its first section's dateline, and other sections' datelines follow)
        page.mark(first, "summary", "over-the-dateline", sure=False)
        return below[1]
    found = next((k for k, j in enumerate(below) if _opens_with_dateline(page.text[j], first=True)), None)
    if found is None or any(
        markers.ends_article(page.text[j]) or markers.widget(page.text[j]) for j in below[:found]
    ):
        return first
    lead = below[found]
    own = _meaningful_words(page.text[first])
    restated = len(own & _meaningful_words(page.text[lead])) >= PHOTO_RESTATED * max(1, len(own))
    photo = any(
        (markers.header(page.text[j]) or _NOTHING).role in ("caption", "credit") for j in below[:found]
    )
    if not (restated or photo):
        return first  # the lead, then a roundup's section that an agency's dateline opens: both the article's
    for i in [first, *below[:found]]:
        role = "summary" if i == first and restated else (markers.header(page.text[i]) or _NOTHING).role
        page.mark(i, role or "caption", "over-the-datelines-paragraph", sure=False)
    return lead


# the lines of a box of key figures or of a photo's or a video's player, which may stand between a summary and the lead
_MEDIA_BOX_RULES = frozenset({"fact-box", "video", "player-button", "go-to-link", "gallery"})


def _restated_by_next(page: _Page, first: int) -> int | None:
    """The next paragraph, when a short first "paragraph" is a headline or a summary that the lead after it
    restates (most of its words again), right after it or past a few lines that are not prose."""
    following = page.after(first)[: RESTATED_GAP + 1]
    # a box of key points or a photo may stand between the summary and the lead: lines that are not prose
    nxt_prose = next((k for k, j in enumerate(following) if page.prose(j)), None)
    if nxt_prose is None:
        return None
    lead = following[nxt_prose]
    # (a lead said again word for word, whatever its length, under its summary box and perhaps a photo)
    said_again = page.text[lead] == page.text[first]
    if _words(page.text[first]) > 30 and not said_again:
        return None
    own, nxt = content_words(page.text[first]), content_words(page.text[lead])
    media = False  # under a video's label: the video's title
    for j in following[:nxt_prose]:  # a box of links or another story's headline between them: not a summary
        s = page.text[j]
        if _LIST_ITEM.match(s):
            continue  # a key point
        found = markers.ends_article(s) or markers.widget(s)
        if (found and found.rule not in _MEDIA_BOX_RULES) or (
            not media
            and not said_again  # (a photo's caption between a summary and the lead that says it again)
            and _announces_a_story(page, j)
            and len(content_words(s) & (own | nxt)) < len(content_words(s)) / 2
        ):
            return None
        media = bool(found) and found.rule == "video"
    # past a photo (its caption or credit between them) a standfirst may say the lead's news in its own words
    photo = any(
        (markers.header(page.text[j]) or _NOTHING).role in ("caption", "credit")
        for j in following[:nxt_prose]
    )
    # (a paragraph that a connective opens goes on from the first, as "وأوضح ..." does: the first is the lead)
    fresh = not markers.CONTINUATION.match(page.text[lead])
    # (the same words again: a summary box that repeats the first paragraph, above it)
    said_again = page.text[lead] == page.text[first]
    if len(own) >= 4 and len(own & nxt) >= RESTATED * len(own) and (len(nxt) > len(own) or said_again):
        return lead
    mine, theirs = _meaningful_words(page.text[first]), _meaningful_words(page.text[lead])
    if photo and fresh and len(mine) >= 4 and len(mine & theirs) >= PHOTO_RESTATED * len(mine):
        return lead if len(nxt) > len(own) else None
    return None


def _headline_under_the_byline(page: _Page, under_byline: list[int], start: int) -> int | None:
    """Where nothing over the byline is the headline: the first line under the byline and the date line that shares
    the lead's words, over the photo, its caption (which may say it again) or its share bar, and does not read as a
    lead; the line right over the text is the photo's caption. Marked unsure."""
    found = next(
        (i for i in under_byline if page.after(i)[:1] != [start] and not _reads_as_a_lead(page.text[i])), None
    )
    if found is not None:
        page.mark(found, "title", "headline-under-the-byline", sure=False)
    return found


def _headline_over_the_headers_standfirst(page: _Page, window: list[int]) -> int | None:
    """Where no line shares the lead's words: the line right over the standfirst that stands over the header's
    byline and date (_under_the_byline_and_date), a headline in words of its own (not the site's name, no label
    and its value). Marked unsure."""
    standfirst = next((i for i in window if page.rule(i) == "rule:over-the-byline-and-date"), None)
    above = page.before(standfirst)[-1:] if standfirst is not None else []
    if not (above and above[0] in window and _headline_like(page, above[0])):
        return None
    s = page.text[above[0]]
    if _names_the_site(page, s, above[0]) or not _reads_as_a_headline(s, 2):
        return None
    page.mark(above[0], "title", "headline-over-the-headers-standfirst", sure=False)
    return above[0]


def _headline_over_a_credit(page: _Page, over_a_credit: list[int], lead: set[str]) -> int | None:
    """Where the header holds no other headline: the first line after the date line and over a credit that shares
    many of the lead's words ("12.10.2024", the headline, "أرشيف": a photo credited without a caption, or the
    agency's credit under its headline). A line over a credit that says it is a photo's ("تصوير: ...", "صورة: ...",
    "©") is the photo's caption. Marked unsure."""
    found = next(
        (
            i
            for i in over_a_credit
            if _shares_as_a_headline(content_words(page.text[i]), lead) and not _above_photo_credit(page, i)
        ),
        None,
    )
    if found is not None:
        page.mark(found, "title", "headline-over-a-credit", sure=False)
    return found


# what a lead says and a headline does not: the day before ("أمس"), who said what ("قال الوزير إن ...")
_LEAD_WORDS = re.compile(
    r"(?<![\u0621-\u064a])أمس(?![\u0621-\u064a])"  # (not "الأمس", a noun: "ميناء الأمس")
    r"|^\s*[وف]?(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|أوضح|أوضحت|أفاد|أفادت)\s.*\s[إأ]ن(?:ه|ها|هم)?\s"
)


def _reads_as_a_lead(s: str) -> bool:
    return bool(_LEAD_WORDS.search(s))


def _lead_under_its_photo(page: _Page, first: int) -> int | None:
    """The lead, when the first "paragraph" is a long headline: right under the byline or the date line, closing on
    no sentence's end, over a photo's caption or credit and the text."""
    above = page.before(first)[-1:]
    if (
        not above
        or (markers.header(page.text[above[0]]) or _NOTHING).role not in ("byline", "date_line")
        or markers.SENTENCE_END.search(page.text[first])
        or _words(page.text[first]) > TITLE_MAX_WORDS
        or _reads_as_a_lead(page.text[first])
    ):
        return None
    following = page.after(first)[: RESTATED_GAP + 1]
    lead = next((k for k, j in enumerate(following) if page.prose(j)), None)
    photo = following[:lead] if lead is not None else []
    if not photo or not all(
        (markers.header(page.text[j]) or _NOTHING).role in ("caption", "credit") for j in photo
    ):
        return None
    return following[lead]


def _ticker_over(page: _Page, i: int, strong: list[int]) -> bool:
    """Whether line i is a breaking-news ticker's ("عاجل: ...", or under the ticker's label alone), other lines
    between it and the next candidate headline."""
    below = [j for j in strong if j > i]
    above = page.before(i)[-1:]
    ticker = _BREAKING.match(page.text[i]) or (above and _TICKER_LABEL.match(page.text[above[0]]))
    return bool(ticker) and bool(below) and page.after(i)[:1] != below[:1]


_SAYS_VIDEO = re.compile(r"(?<![\u0621-\u064a])(?:ب?ال)?فيديو|(?<![\u0621-\u064a])شاهد")


def _under_a_player(page: _Page, i: int) -> bool:
    """Whether line i stands right under a video's player (its length, its play button) and says it is the video's
    title ("شاهد بالفيديو.. ..."); the page's headline may stand there too."""
    if not _SAYS_VIDEO.search(page.text[i]):
        return False
    above = page.before(i)[-1:]
    player = markers.widget(page.text[above[0]]) if above else None
    return player is not None and player.rule in ("video", "player-button")


def _under_a_ticker_label(page: _Page, i: int) -> bool:
    """Whether line i is an item of a breaking-news ticker: one of two or more lines, without a blank one between
    them, under the ticker's label alone ("عاجل"), which the page's other news fills (a ticker may say news that
    shares the article's words, but it is not its headline). One line alone under the label is a headline under
    its kicker."""

    def item(j: int) -> bool:
        return 0 <= j < len(page.text) and bool(page.text[j]) and _words(page.text[j]) <= TITLE_MAX_WORDS

    label = next(
        (
            j
            for j in range(i - 1, max(i - TICKER_ITEMS, 0) - 1, -1)
            if not item(j) or _TICKER_LABEL.match(page.text[j])
        ),
        None,
    )
    if label is None or not page.text[label] or not _TICKER_LABEL.match(page.text[label]):
        return False
    items = list(itertools.takewhile(item, range(label + 1, label + 1 + TICKER_ITEMS)))
    items = [j for j in items if not markers.header(page.text[j])]  # the headline's date under it is no item
    return len(items) >= 2


TICKER_ITEMS = 6  # the items a ticker shows at once


_TICKER_LABEL = re.compile(
    r"^\s*(?:عاجل|(?:ال)?أخبار\s+(?:ال)?عاجلة|شريط\s+(?:ال)?أخبار|Breaking(?:\s+news)?)\s*[:：]?\s*$", re.I
)


def _ticker_item_over_header(page: _Page, i: int) -> bool:
    """Line i is a ticker's item ("عاجل: ...", "Dernière minute | آخر ساعة : ...") with a line that reads as a
    headline under it before any line of prose: above the article's header, not the lead a site opens with "عاجل:"."""
    if not _BREAKING.match(page.text[i]):
        return False
    for j in page.after(i)[:HEADER_LOOKAHEAD]:
        if page.prose(j):
            return False
        if _headline_like(page, j) and _words(page.text[j]) >= 4 and not markers.header(page.text[j]):
            return True
    return False


# a breaking-news ticker's item after its label, the label perhaps in two languages ("Dernière minute | آخر ساعة :")
_BREAKING_LABEL = (
    r"(?:عاجل|خبر\s+عاجل|(?:ال)?أخبار\s+(?:ال)?عاجلة|آخر\s+ساعة|آخر\s+(?:ال)?[أا]خبار"
    r"|Derni[eè]re\s+minute|Breaking(?:\s+news)?|Flash\s+info)"
)
_BREAKING = re.compile(rf"^\s*{_BREAKING_LABEL}(?:\s*[|/]\s*{_BREAKING_LABEL})?\s*[:：|\-–]", re.I)
LEAD_PARAGRAPHS = 5  # the lines of prose whose words the headline shares
LEAD_SPAN = 12  # the lines after the first paragraph where they are looked for


_SEPARATOR_ALONE = re.compile(r"^\s*[/>»›|]\s*$")  # a breadcrumb's separator on a line of its own


def _trails_last_item(page: _Page, window: list[int], i: int) -> bool:
    """Line i closes a breadcrumb copied an item a line (a separator alone above it, or the trail's home two lines
    up or fewer: "الرئيسية", "سياسة", then i) and says again what a line below it in the header says: the trail's
    last item, the headline repeated under it."""
    above = page.before(i)[-BREADCRUMB_ITEMS:]
    trail = bool(above) and (
        bool(_SEPARATOR_ALONE.match(page.text[above[-1]]))
        or any(
            markers.HOME.match(page.text[j]) and _words(page.text[j]) <= 2 for j in above
        )  # the home alone
    )
    # (the copy the next line that reads as a headline: a subtitle between them makes the lower copy a caption)
    again = next((j for j in window if j > i and page.text[j] == page.text[i]), None)
    return trail and again is not None and not any(_headline_like(page, x) for x in window if i < x < again)


BREADCRUMB_ITEMS = 2  # the home and a section over the trail's last item


def _over_its_date(page: _Page, i: int) -> bool:
    """Line i stands over the date line of the article's header, in one block with it (its subtitle, its photo's
    caption or its credit may stand between; a blank line ends the block of a list's item)."""
    last = i
    for j in page.after(i)[:HEADER_LOOKAHEAD]:
        if j != last + 1:
            return False
        if (markers.header(page.text[j]) or _NOTHING).role == "date_line":
            return True
        last = j
    return False


def _past_the_dateline(s: str) -> str:
    """A paragraph without the agency its dateline credits ("موسكو - (وأم) - ...": the place stays, the headline may
    name it); an aside between dashes ("قال الوزير - خلال ... -") is no dateline."""
    found = markers.OPENING_DATELINE.match(s)
    if not found:
        return s
    # (in parentheses, or one word: "فيروزة - (ونخ) -", "المرجان - ونخ -"; longer, only a dateline's shape)
    agency = "(" in found.group(0) or _words(found.group(1)) == 1 or _opens_with_dateline(s, first=True)
    return s[: found.start(1)] + s[found.end(1) :] if agency else s


def _headline(page: _Page, start: int) -> int | None:
    """The headline: a line of the article's header that shares words with the lead.

    A line that shares many (three or more, and most of its own) is a strong candidate: the first of them is the
    headline, passing over a short kicker above it. Otherwise the weak candidate nearest the text is taken (a
    masthead or a menu far above shares a word or two by chance). It comes before the byline (a line after one
    is a caption or a summary), is not a caption above a photo credit, and is not one item of a list of other
    headlines.
    """
    # the first paragraphs: five lines of prose, past what stands between them (a live page's times and shares)
    prose = [i for i in [start, *page.after(start)[:LEAD_SPAN]] if page.prose(i)][:LEAD_PARAGRAPHS]
    # (not the dateline's agency, "موسكو - (وأم) -", which the masthead names too)
    lead = set().union(*(content_words(_past_the_dateline(page.text[i])) for i in prose))
    # (neither a slider's slides nor a video's transcript, which say the story's words, hold the headline)
    boxed = _slides(page, page.before(start)) | _transcript_lines(page) | _gallery(page, page.before(start))
    window = _article_header(page, [i for i in page.before(start) if i not in boxed][-TITLE_WINDOW:])
    seen_byline = seen_date = False
    strong: list[int] = []
    weak: list[int] = []
    # candidates held back, strong and weak: a ticker's items, a video's title under its player
    held_back: tuple[list[int], list[int]] = ([], [])
    under_byline: list[int] = []
    over_a_credit: list[int] = []
    for k, i in enumerate(window):
        s = page.text[i]
        found = markers.header(s)
        headline_above = any(_headline_like(page, j) for j in window[:k])
        byline = (
            found
            and found.role == "byline"
            and not _trail_of_sections(page, i, headline_above)
            and not _menu_of_pairs(page, i)
        )
        seen_byline |= bool(byline) or bool(markers.BYLINE_LABEL.match(s))
        seen_date |= bool(found and found.role == "date_line")
        if strong and (found or page.prose(i)):
            break  # the group of strong candidates ends where the article's header furniture begins
        if not _headline_like(page, i):
            continue
        if seen_date and _above_credit(page, i):
            over_a_credit.append(i)  # a photo's caption, where the header holds a headline elsewhere
            continue
        if page.before(i)[-1:] and page.before(i)[-1] in page.live_stamps:
            continue  # an update's heading under its time
        if _trails_last_item(page, window, i):
            continue  # a breadcrumb copied an item a line, its separators between: its last item repeats the headline
        own = content_words(s)
        shared = len(own & lead)
        # a line that shares many of the lead's words is its headline even among lines that look like a list
        if shared < 2 or (shared < 3 and len(own) < 3) or (shared < 4 and _in_a_list(page, window, k, lead)):
            continue
        # under the byline stand a caption and a summary, or a headline the site sets under it
        if seen_byline:
            under_byline.append(i)
            continue
        # (the first item under "آخر الأخبار", "الأكثر قراءة" is another story's headline, unless the page has no
        # other: a site may name the section over its headline so)
        listed = k > 0 and _related_marker(page.text[window[k - 1]]) and not _over_its_date(page, i)
        held = (
            held_back
            if _under_a_ticker_label(page, i) or _under_a_player(page, i) or listed
            else (strong, weak)
        )
        (held[0] if _shares_as_a_headline(own, lead) else held[1]).append(i)
    if not strong:  # (a site may set its headline under "عاجل" alone, as its kicker, or under a video)
        strong, weak = held_back[0], sorted(weak + held_back[1])
    # a breaking-news ticker's line ("عاجل: ...") says the news the headline a few lines under it says again (a
    # headline a site marks "عاجل:" stands right over its subtitle or its date)
    strong = [i for i in strong if not _ticker_over(page, i, strong)] or strong
    top, header_end = _over_the_header(page, window)
    if strong:
        long_enough = [i for i in strong if _words(page.text[i]) > KICKER_MAX_WORDS]
        best = long_enough[0] if long_enough else strong[0]
        best = _headline_under_long_kicker(page, best, strong)
    elif weak:
        best = weak[-1]
    else:
        found = _headline_over_the_headers_standfirst(page, window)
        if found is None:
            found = _headline_in_words_of_its_own(page, window, top)
        if found is None:
            found = _headline_under_the_byline(page, under_byline, start)
        return found if found is not None else _headline_over_a_credit(page, over_a_credit, lead)
    if (
        top is not None
        and top != page.order[0]  # the site's name, first on the page, over its clock and its follow-us icons
        and window.index(best) > header_end
        and _reads_as_a_headline(page.text[top], 4)
        and _a_whole_header(page, window, top, header_end)
    ):
        # the line taken shares the lead's words under the article's header (a photo's caption, a video's title
        # over the text): the headline stands over the header, in words of its own ("مرساة في الدار البيضاء")
        page.mark(top, "title", "headline-over-its-header", sure=False)
        return top
    over, date_line = _headline_over_date(page, window, lead)
    if over is not None and best > date_line:
        best = over  # under the article's date line stand a photo's caption and the summary, not the headline
    named, trail = _named_by_the_pages_title(page, window), None
    if named is None:
        named = trail = _named_by_the_breadcrumb(page, window)
    if named is not None and named in page.before(best)[-2:]:
        # the page's title (a browser's or a print's head: "headline | site") or the breadcrumb over the header
        # names the line above
        best = named
    else:
        trail = None  # (a trail that names the line already taken, or one far above it, moved nothing)
    if _above_photo_credit(page, best):
        best = _headline_under_photo(page, window, best, lead)
    above = page.before(best)[-1:]
    if above and above[0] in window and _standfirst_under(page, above[0], best, lead):
        page.mark(best, "summary", "standfirst-under-the-headline", sure=False)
        best = above[0]
    elif best == top and (headline := _headline_over_its_standfirst(page, window, best)) is not None:
        return headline
    if best == trail:
        # only the trail's words set it over the line under it (a kicker may open on a topic's name cut short)
        page.mark(best, "title", "headline-the-breadcrumb-cuts-short", sure=False)
        return best
    page.mark(best, "title", "headline-shares-the-lead")
    return best


LONG_KICKER_MIN_WORDS = 13


GALLERY_MIN_PHOTOS = 3


def _byline_or_date(page: _Page, i: int) -> bool:
    """Line i is a byline or a date line."""
    return (markers.header(page.text[i]) or _NOTHING).role in ("date_line", "byline")


def _gallery(page: _Page, lines: list[int]) -> set[int]:
    """A gallery over the text: three photos or more, each a caption over its credit ("عدسة: فلان"), perhaps a
    counter ("1 / 9") over them. Its captions say the story's words but never hold the headline, and would push it
    out of the lines where it is looked for."""
    photos = [
        (above, i)
        for k, (above, i) in enumerate(itertools.pairwise(lines))
        if _is_credit(page.text[i])
        and not _is_credit(page.text[above])
        and _words(page.text[above]) < LONG_LINE_WORDS
        # (a line over a credit over the byline is the headline)
        and not (k + 2 < len(lines) and _byline_or_date(page, lines[k + 2]))
    ]
    if len(photos) < GALLERY_MIN_PHOTOS:
        return set()
    found = {x for pair in photos for x in pair}
    return found | {i for i in lines if markers.GALLERY_COUNTER.match(page.text[i])}


def _slides(page: _Page, lines: list[int]) -> set[int]:
    """A slider's slides over the text: each counter ("3/12"), the photo's caption under it and the caption's credit.
    A caption says the story's words, but it is never the headline, and a long gallery would push the headline out
    of the lines where it is looked for."""
    found: set[int] = set()
    counters = [n for n, i in enumerate(lines) if markers.GALLERY_COUNTER.match(page.text[i])]
    if len(counters) < 2:
        return found  # a lead photo's counter alone ("1/6") over the headline
    for n in counters:
        under = lines[n + 1 : n + 3]
        # (a line over a date line or a byline is the headline, not a caption)
        if under and not (len(under) == 2 and _byline_or_date(page, under[1])):
            found.update([lines[n], under[0]])
        if len(under) == 2 and _is_credit(page.text[under[1]]):
            found.add(under[1])
    return found


# the prepositions an upper title's clause opens on ("بعد ارتفاع ...", "على هامش ...")
_CLAUSE_OPENS = re.compile(r"^\s*(?:بعد|قبل|في|وسط|عقب|إثر|اثر|خلال|رغم|مع|على\s+هامش|بين|أمام|منذ)\s")


def _headline_under_long_kicker(page: _Page, best: int, strong: list[int]) -> int:
    """An upper title, as Egyptian sites set one over the headline: a long clause that opens on a preposition
    ("بعد ارتفاع أعداد الطلاب ... وتوسيع برنامج المنح"), in one piece and without a full stop, right over a shorter
    line that shares the lead's words too and ends on none, under which the standfirst (a sentence) stands over the
    byline or the date: that shorter line is the headline. A headline over its subtitle stands over the date
    itself; a headline that opens on a preposition splits its clause off ("في منتدى زراعي بمراكش.. خبراء ...")."""
    s = page.text[best]
    below = page.after(best)[:3]
    if len(below) < 3 or below[0] not in strong or below[0] != best + 1:
        return best
    headline, standfirst, furniture = (page.text[j] for j in below)
    kicker = (
        _words(s) >= LONG_KICKER_MIN_WORDS
        and bool(_CLAUSE_OPENS.match(s))
        and not re.search(r"\.\.|[:：|]", s)
        and not markers.SENTENCE_END.search(s)
    )
    shorter = _words(headline) < _words(s) and not markers.SENTENCE_END.search(headline)
    stated = page.prose(below[1]) and bool(markers.SENTENCE_END.search(standfirst.rstrip()[-1:]))
    header = _header_furniture(markers.header(furniture))
    return below[0] if kicker and shorter and stated and header and not markers.header(headline) else best


def _named_by_the_pages_title(page: _Page, window: list[int]) -> int | None:
    """A line of the article's header that the page's own title, among its first lines, gives word for word before a
    bar, the site's name after the last bar ("موسكو والرباط... شراكة طاقية | الشرق الجديد", as a browser prints or
    shows it): the headline (a menu's, a ticker's or a date's bar ends on no site's name)."""
    titles = set()
    for i in page.masthead:
        parts = [p.strip() for p in page.text[i].split("|")]
        site = parts[-1]
        if len(parts) >= 2 and site and not markers.is_date_line(site) and _names_the_site(page, site, i):
            titles.add(parts[0])
    return next((i for i in window if page.text[i].strip() in titles and _words(page.text[i]) >= 3), None)


_CUT_SHORT = re.compile(r"\s*(?:\.{2,}|…)$")  # the ellipsis a trail closes an item it cut short with


def _named_by_the_breadcrumb(page: _Page, window: list[int]) -> int | None:
    """The one line of the article's header that the breadcrumb over it gives cut short, where the trail says so
    ("الرئيسية » اقتصاد » الرباط وموسكو تجددان اتفاق..."), in three words or more (the last perhaps cut inside):
    the headline, too long for the trail. (A trail that gives a line whole may end on a topic, an event, a programme
    or a writer, whose name a kicker over the headline says: "ما وراء الحدث مع فلان", "كأس أمم أفريقيا 2025 -
    المجموعة الأولى".)"""
    shown_by = []  # the words each trail cut short over the header's last line shows
    for j in page.before(window[-1]) if window else []:
        last = markers.trail_items(page.text[j])[-1] if markers.is_breadcrumb(page.text[j]) else ""
        shown = _CUT_SHORT.sub("", last).split()
        if shown != last.split() and len(shown) >= 3:
            shown_by.append(shown)
    if not shown_by:
        return None
    named = set()
    for i in window:
        if not _headline_like(page, i):
            continue
        words = page.text[i].split()
        for shown in shown_by:
            n = len(shown)
            # (the headline goes on past the cut, which may fall inside its last word shown)
            if len(words) > n and words[: n - 1] == shown[:-1] and words[n - 1].startswith(shown[-1]):
                named.add(i)
    # (two lines that open on the words the trail shows: a ticker's item over the headline, say)
    return named.pop() if len(named) == 1 else None


def _headline_over_date(page: _Page, window: list[int], lead: set[str]) -> tuple[int | None, int]:
    """The headline standing over the article's date line (the last date line over the text: a site's own date may
    stand higher up), and that date line. Going up from it: a byline of a few words may come first, then the
    headline block, lines longer than a kicker that share the lead's words and announce nothing with a colon (a
    headline, perhaps its subtitle); the block ends at any other line. Its first line is the headline, where a
    byline stands between it and the date (a headline, its author, its date: what no site's date under a line of
    other news shows)."""
    dates = [
        k for k, i in enumerate(window) if (markers.header(page.text[i]) or _NOTHING).role == "date_line"
    ]
    if not dates:
        return None, len(page.text)
    last = k = dates[-1]
    while k - 1 in dates:
        k -= 1  # the date lines in a row ("نُشر في ..." over "آخر تحديث ..."): the headline stands over the first
    block: list[int] = []
    byline = standfirst = False
    for i in reversed(window[max(0, k - DATE_BELOW_HEADLINE - 1) : k]):
        s = page.text[i]
        if (
            _headline_like(page, i)
            and _words(s) > KICKER_MAX_WORDS
            and not s.endswith(":")
            and len(content_words(s) & lead) >= 2
        ):
            block.append(i)
        elif byline and not block and not standfirst and _words(s) >= STANDFIRST_MIN_WORDS:
            standfirst = True  # the standfirst, a sentence or two, between the byline and the headline
        elif block or _words(s) > BYLINE_MAX_WORDS:
            break
        else:
            byline = True
    if not standfirst:  # without a standfirst between, the headline stands at most three lines over the date
        block = [i for i in block if window.index(i) >= k - DATE_BELOW_HEADLINE]
    return (block[-1] if block and byline else None), window[last]


def _shares_as_a_headline(own: set[str], lead: set[str]) -> bool:
    """A line's words share many of the lead's (three or more, and most of its own): a strong headline candidate."""
    shared = len(own & lead)
    return shared >= 3 and shared >= 0.4 * len(own)


def _headline_under_photo(page: _Page, window: list[int], best: int, lead: set[str]) -> int:
    """The line taken for the headline is a photo's caption above its credit when it is short (a name and an
    office, as a kicker is short) and the line after the credit reads as a longer headline sharing the lead's words
    (the photo stands above the headline); otherwise it stays the headline (a photo under it, credited without a
    caption, and a standfirst after the credit)."""
    k = window.index(best) + 2  # past the credit
    if k >= len(window) or _words(page.text[best]) > KICKER_MAX_WORDS:
        return best
    after = page.text[window[k]]
    if (
        _headline_like(page, window[k])
        and _words(after) > _words(page.text[best])
        and _shares_as_a_headline(content_words(after), lead)
    ):
        page.mark(best, "caption", "caption-above-a-photo-credit", sure=False)
        return window[k]
    return best


# a subtitle that opens on who said the headline's words, then a colon: "مصدر دبلوماسي لـ«الساحل»: ..."
_ATTRIBUTED = re.compile(r"^[^:：.،]{3,80}[:：]\s*\S")


def _standfirst_under(page: _Page, headline: int, best: int, lead: set[str]) -> bool:
    """The line taken for the headline is the standfirst under it: it runs to a sentence or two, half again as
    long as the line right above, which reads as a headline (longer than a kicker) and shares the lead's words too.
    A kicker over a long headline stays a kicker."""
    s = page.text[headline]
    asks = s.rstrip().endswith(("؟", "?"))  # a headline may be a short question, as no kicker is
    shared = len(content_words(s) & lead)
    # (a short headline says three of the lead's words or more, as a kicker does only with its label before a colon,
    # "الصيد البحري والنقل: اجتماع تقني مشترك")
    restates = shared >= 3 and _words(s) >= SHORT_HEADLINE_MIN_WORDS and not re.search(r"[:：]", s)
    # a headline all in quotation marks says the speaker's words, which the lead reports in its own
    # (and under it who said them: "مصدر ... لـ«الساحل»: ..."; a campaign's or a series' name in quotation marks
    # over a headline is a kicker)
    quoted = bool(re.fullmatch(r'\s*[«"“][^«»"“”]+[»"”]\s*', s)) and bool(_ATTRIBUTED.match(page.text[best]))
    return (
        _headline_like(page, headline)
        and (_words(s) > KICKER_MAX_WORDS or asks or restates or quoted)
        and (shared >= 2 or quoted)
        and _words(page.text[best]) >= max(STANDFIRST_MIN_WORDS, 1.5 * _words(s))
    )


def _trail_of_sections(page: _Page, i: int, under_a_headline: bool = False) -> bool:
    """A line that reads as "name / place" but names sections of the menus above it: each part a whole line above
    (a menu one item per line), or all parts whole words of one line above (a menu copied on one line), or, over
    every line that reads as a headline, its first part a line above ("برامج / جسور ثقافية"). Then it is a
    breadcrumb ("اقتصاد / اقتصاد عالمي"), not a byline (which stands under the headline: "الرمان / سامي")."""
    parts = [p.strip() for p in re.split(r"\s[/>»›|]\s", page.text[i])]
    if len(parts) < 2 or not all(parts):
        return False
    above = [page.text[j].strip() for j in page.order if j < i]
    # every part a line above, or over the headline the first: a menu's section, then the page under it
    if all(p in above for p in parts) or (parts[0] in above and not under_a_headline):
        return True
    words = [re.compile(rf"(?<!\S){re.escape(p)}(?!\S)") for p in parts]
    return any(all(w.search(line) for w in words) for line in above)


def _menu_of_pairs(page: _Page, i: int) -> bool:
    """A line shaped as "place - name" with another line of a few words set apart by dashes right above or below it:
    a menu's items ("الرباط - سلا - القنيطرة"، "سوس - ماسة"), not a byline, which stands alone."""
    return any(
        _DASHED_WORDS.match(page.text[j])
        and (markers.header(page.text[j]) or _NOTHING).role in ("", "byline")  # "تصوير - فلان": a credit
        for j in page.before(i)[-1:] + page.after(i)[:1]
    )


# no digits: a date line ("03 دجنبر 2024 - 16:20") is no menu item
_DASHED_WORDS = re.compile(
    r"^\s*[^\s\-–—\d]+(?:\s+[^\s\-–—\d]+){0,2}(?:\s+[-–—]\s+[^\s\-–—\d]+(?:\s+[^\s\-–—\d]+){0,2})+\s*$"
)


def _video_box_line(page: _Page, window: list[int], k: int) -> bool:
    """A video box's length ("2:47"), its player's link ("مشاهدة على YouTube"), or a player's button ("تشغيل",
    "استمع للمقال") or setting ("HD") beside another line of the player; no menu's item ("فيديو", "معرض الصور",
    "استمع الآن")."""

    def rule(x: int) -> str:
        return (markers.widget(page.text[x]) or _NOTHING).rule

    s = page.text[window[k]]
    near = window[max(k - 1, 0) : k] + window[k + 1 : k + 2]
    if rule(window[k]) in ("player-button", "audio"):
        return any(rule(x) in ("player-button", "audio", "video") for x in near)
    if markers.PLAYER_SETTING.match(s):  # "HD", "الترجمة" beside the player's other buttons or its length
        return any(
            rule(x) in ("player-button", "video") or markers.PLAYER_SETTING.match(page.text[x]) for x in near
        )
    return rule(window[k]) == "embedded-post" or (
        rule(window[k]) == "video" and bool(markers.DURATION.search(s))
    )


def _under_listen_on(page: _Page, window: list[int], k: int) -> bool:
    """window[k] names a platform where the episode is heard, in the list under its label ("استمع عبر:")."""
    while k >= 0 and markers.is_platform(page.text[window[k]]):
        k -= 1
    return k >= 0 and bool(markers.LISTEN_ON.match(page.text[window[k]]))


def _article_header(page: _Page, window: list[int]) -> list[int]:
    """The lines before the text that belong to the article's header: back from the text up to a menu (three
    short lines in a row that no marker explains), which ends the page's own header."""
    menu = 0
    for k in range(len(window) - 1, -1, -1):
        s = page.text[window[k]]
        explained = (
            markers.header(s)
            or markers.DATELINE.match(s)
            or markers.BYLINE_LABEL.match(s)
            or markers.KEY_POINTS_LABEL.match(s)  # a box of the article's header ("أبرز النقاط")
            # a column's writer: what they do ("كاتب وباحث سوري"), the link to their other columns
            or markers.WRITER_ROLE.match(s)
            or markers.WRITER_ARCHIVE.match(s)
            or _furniture(page, window[k])  # a byline's handle, a count of views
            or _NAME_WITH_PLACE.match(s)  # "سعد المالكي (الرباط)"
            or _video_box_line(page, window, k)  # a video's length or its player's link, over the text
            or _under_listen_on(page, window, k)  # "سبوتيفاي" under "استمع عبر:"
            or _BARE_COUNT.match(s)  # a share button's or the comments' count ("0", "12"), no menu's item
        )
        if not _LETTER_OR_DIGIT.search(s) or window[k] in page.contents:
            continue  # a button's sign ("+", "-" of the text's size) is no menu's item, nor is the article's contents
        # (three words alone are a menu's item among others, or a short headline over its header: "قمح بطعم الأطلسي")
        short = _words(s) <= 2 or (_words(s) == 3 and menu > 0)
        menu = menu + 1 if short and not explained else 0
        if menu == 3:
            return window[k + 3 :]
    return window


# a count under a headline, alone on its line: "1,874 مشاهدة", "12 تعليقا", "84 مشاركة"
_COUNTER = re.compile(
    r"^\W{0,3}[\d٠-٩][\d٠-٩.,]*\s*(?:مشاهد[ةه]|مشاهدات|قراء[ةه]|قراءات|تعليق[اًً]*|تعليقات|مشارك[ةه]|مشاركات)\s*$"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_BARE_COUNT = re.compile(r"^\s*[\d٠-٩]{1,6}\s*$")
# a byline's name with its place or site, as a header prints it: "سعد المالكي (الرباط)", "الرباط - الواحة نت",
# "الجسر نيوز/ دولي"
_NAME_WITH_PLACE = re.compile(
    # (a place in parentheses has no digits and no kicker's or series' word: "(فيديو)", "(فيديو+صور)", "(3-1)",
    # "(الجزء الثاني)", "(تفاصيل)", "(بالأرقام)" close headlines)
    r"^\s*[^\s().:،]+(?:\s+[^\s().:،]+){0,3}\s*"
    r"(?:\((?![^()]*(?:فيديو|صور|شاهد|تقرير|حوار|خاص|مباشر|إنفو|انفو|محدث|تحديث|حصري|جزء|حلق|تفاصيل|أرقام|[+]))"
    r"[^()\d]{1,30}\)"
    r"|[-–—/]\s*[^\s().:،]+(?:\s+[^\s().:،]+){0,2})\s*$"
)
NAMES_OVER_A_DATE = 3  # name lines (a byline, its handle, its place) between a headline and its date line


def _furniture(page: _Page, i: int) -> bool:
    """A line of the article's header that says no words of the article: a date line, an age, a byline, a share
    bar, a count of views, a handle."""
    s = page.text[i]
    found = markers.header(s)
    return bool(
        (found and found.role in ("date_line", "byline", "share_bar"))
        or _age(s) is not None
        or _COUNTER.match(s.translate(datetext.ARABIC_DIGITS))
        or markers.HANDLE_LINE.match(s)
    )


def _over_the_header(page: _Page, window: list[int]) -> tuple[int | None, int]:
    """The line that stands over the article's header (its byline, date lines, share bar, counts: the last run of
    such lines before the text), past a byline's name and place and a summary box: where a headline stands, whatever
    its words; and the index in window of the run's last line. None where there is no such run or the line there
    does not read as a headline."""
    runs = [k for k, i in enumerate(window) if _furniture(page, i)]
    if not runs:
        return None, len(window)
    k, names = runs[-1], 0
    while k > 0:
        i = window[k - 1]
        s = page.text[i]
        summary = (
            page.role(i) == "summary" or markers.KEY_POINTS_LABEL.match(s) or markers.SUMMARY_LABEL.match(s)
        )
        if _furniture(page, i) or summary:
            k -= 1
        elif names < NAMES_OVER_A_DATE and _NAME_WITH_PLACE.match(s):
            k, names = k - 1, names + 1
        else:
            break
    if k == 0:
        return None, runs[-1]
    over = window[k - 1]
    fits = _headline_like(page, over) and _words(page.text[over]) >= 3 and not page.text[over].endswith(":")
    return (over if fits else None), runs[-1]


def _short_headline_over(page: _Page, window: list[int], headline: int, best: int) -> bool:
    """The line over the article's header is a standfirst (a sentence's length, half again as long as the line above
    it) right under a short headline in words of its own ("جسر فوق الأطلسي"), which opens the header: nothing above
    it in the header reads as a headline, and it is not the site's name."""
    s = page.text[headline]
    opens = window.index(headline) == 0 or not _headline_like(page, window[window.index(headline) - 1])
    return (
        opens
        and best == headline + 1  # set right under it (a site's name over its headline stands apart)
        and not _names_the_site(page, s, headline)
        # a kicker over a long headline opens on a preposition ("بعد طول انتظار", "في ذكرى الاستقلال") or is the
        # genre's word; a short headline names a thing ("جسر فوق الأطلسي")
        and fold(s.split()[0])[0] not in _FOLDED_STOPWORDS
        and not markers.KICKER.match(s)
        and _headline_like(page, headline)
        # (two words over a standfirst, "رهان الهيدروجين", but not over a line that says who spoke first, "الوزير:
        # ...", which a headline of twenty words or more may be)
        and (_words(s) >= 3 or not _ATTRIBUTED.match(page.text[best]))
        and not re.search(r"[:：|]", s)
        and _words(page.text[best]) >= max(STANDFIRST_MIN_WORDS, 1.5 * _words(s))
        # a standfirst runs longer than a headline, or closes on a full stop (an event's name over a long headline
        # stays a kicker, as does a label over a headline that asks)
        and (_words(page.text[best]) >= STANDFIRST_LONG_WORDS or page.text[best].rstrip().endswith("."))
    )


STANDFIRST_LONG_WORDS = 20


def _headline_over_its_standfirst(page: _Page, window: list[int], standfirst: int) -> int | None:
    """The short headline right over the line over the article's header, where that line is its standfirst: both
    marked (unsure), the headline returned; None where the line above is no such headline."""
    above = page.before(standfirst)[-1:]
    if not (above and above[0] in window and _short_headline_over(page, window, above[0], standfirst)):
        return None
    page.mark(standfirst, "summary", "standfirst-under-the-headline", sure=False)
    page.mark(above[0], "title", "headline-over-its-standfirst", sure=False)
    return above[0]


def _headline_in_words_of_its_own(page: _Page, window: list[int], top: int | None) -> int | None:
    """Where no line shares the lead's words: the line right above the byline or the date line; else the line over
    the article's header, or the short headline right over it where that line is its standfirst. Marked unsure."""
    found = _line_above_byline(page, window)
    if found is not None:
        page.mark(found, "title", "line-above-byline", sure=False)
        return found
    if top is None:
        return None
    headline = _headline_over_its_standfirst(page, window, top)
    if headline is not None:
        return headline
    if _reads_as_a_headline(page.text[top], 3):
        page.mark(top, "title", "headline-over-its-header", sure=False)
        return top
    return None


def _reads_as_a_headline(s: str, least: int) -> bool:
    """A line over an article's header that is a headline rather than a section's name, a writer's name, a label
    and its value or a site's motto: so many words or more, no colon, no dash or bar between parts."""
    return _words(s) >= least and not re.search(r"[:：|]|\s[-–—]\s", s)


def _a_whole_header(page: _Page, window: list[int], top: int, end: int) -> bool:
    """The lines from under the headline to the header's end hold two of its parts or more, its share bar among
    them (the article's header closes on it): a site's date and views alone, over a line of other news or a menu
    and under the theme's headline, are no article's header."""
    parts = window[window.index(top) + 1 : end + 1]
    shares = any((markers.header(page.text[i]) or _NOTHING).role == "share_bar" for i in parts)
    return shares and sum(_furniture(page, i) for i in parts) >= 2


def _line_above_byline(page: _Page, window: list[int]) -> int | None:
    """Where no line shares the lead's words: the headline-like line right above the byline or the date line
    (a weak signal, to be marked unsure)."""
    for k, i in enumerate(window[1:], 1):
        found = markers.header(page.text[i])
        if found and found.role in ("byline", "date_line"):
            above = window[k - 1]
            # (not a writer's name and place the markers do not know: "الرباط - مراسل «فجر»")
            named = _NAME_WITH_PLACE.match(page.text[above])
            # (nor a breadcrumb's last item that the header says again under the byline: that copy is the headline)
            trail = _trails_last_item(page, window, above)
            headline = _headline_like(page, above) and _words(page.text[above]) >= 3
            return above if headline and not named and not trail else None
    return None


_CLOCK_FIRST = re.compile(r"^\s*\d{1,2}:\d{2}\s+\D")


def _headline_like(page: _Page, i: int) -> bool:
    s = page.text[i]
    return (
        i + 1 not in page.decided
        and 2 <= _words(s) <= TITLE_MAX_WORDS
        and not s.endswith(".")
        and not markers.header(s)
        and not markers.ends_article(s)
        and not markers.is_breadcrumb(s)
        and not _tab_title(s)
        and not _CLOCK_FIRST.match(s)  # "17:18 headline": an item of a feed of the latest news
        and "©" not in s  # a photo's caption that credits it ("... © الوكالة")
        and bool(re.search(r"[\u0621-\u064a]", s))
    )


def _tab_title(s: str) -> bool:
    """A browser's tab title copied with the page ("Headline | Site") or a site's name and motto; a kicker before
    a single bar ("مباشر | headline") leaves a headline."""
    parts = re.split(r"\s\|\s", s)
    return len(parts) > 1 and not (len(parts) == 2 and markers.KICKER.match(parts[0]))


def _in_a_list(page: _Page, window: list[int], k: int, lead: set[str]) -> bool:
    """One of several headline-like lines in a row that do not share the lead's words: a list of other stories."""
    neighbours = [window[j] for j in (k - 1, k + 1) if 0 <= j < len(window)]
    return len(neighbours) == 2 and all(
        _headline_like(page, j) and _words(page.text[j]) >= 4 and len(content_words(page.text[j]) & lead) < 2
        for j in neighbours
    )


# a time alone on its line, perhaps said with its half of the day: "19:40", "6:15 م" (مساءً), "11:20 ص", "9:05 am"
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?:\s*(ص|م|[ap]\.?m\.?))?\s*$", re.I)
# a time, then a name of up to three words ("18:05 صوت الساحل")
_SIGNED_CLOCK = re.compile(r"^\s*(\d{1,2}:\d{2})\s+((?:[\u0621-\u064a]+\s?){1,3})\s*$")


def _clock_of(line: str) -> tuple[re.Match, str] | None:
    """A time alone ("19:40"; "6:15 م", said with its half of the day, names no one) or a time and a name after it
    ("18:05 صوت الساحل"): the time's match and the name ("" for none)."""
    text = line.translate(datetext.ARABIC_DIGITS)
    if m := _CLOCK.match(text):
        return m, ""
    signed = _SIGNED_CLOCK.match(text)
    return (_CLOCK.match(signed.group(1)), signed.group(2).strip()) if signed else None


def _clock_minutes(m: re.Match) -> int | None:
    """The minutes since midnight of a time _CLOCK matched, or None if it names no time of day."""
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if minute >= 60 or hour >= (13 if half else 24):
        return None
    if half:  # twelve hours a half: 12:30 ص is half past midnight, 12:30 م half past noon
        hour = hour % 12 + (12 if half in ("م",) or half.startswith("p") else 0)
    return hour * 60 + minute


# a time said as an age, alone on its line: "منذ 52 دقيقة", "منذ ساعتين", "منذ 3 أيام"
_AGE = re.compile(r"^\s*منذ\s+(?:(\d{1,3})\s+)?([\u0621-\u064a]+)\s*$")
_AGE_UNITS = {  # minutes in each unit; the dual names two
    "دقيقة": 1, "دقيقه": 1, "دقائق": 1, "دقيقتين": 2, "ساعة": 60, "ساعه": 60, "ساعات": 60, "ساعتين": 120,
    "يوم": 1440, "أيام": 1440, "يومين": 2880,
}  # fmt: skip
_AGE_PLURALS = frozenset({"دقائق", "ساعات", "أيام"})  # "منذ ساعات", without a count: some hours, no time


def _age(s: str) -> int | None:
    """The minutes a time said as an age stands for ("منذ ساعتين": 120), or None."""
    m = _AGE.match(s.translate(datetext.ARABIC_DIGITS))
    if not m or m.group(2) not in _AGE_UNITS or (m.group(1) is None and m.group(2) in _AGE_PLURALS):
        return None
    count = int(m.group(1)) if m.group(1) else 1
    return count * _AGE_UNITS[m.group(2)]


LIVE_STAMPS_MIN = 3
# where a live page's first update begins: within five lines from two above the first paragraph
LIVE_FIRST_STAMP_WITHIN = 5


def _live_stamps(page: _Page, start: int) -> frozenset[int]:
    """The lines of a live page's updates that show only their time ("19:40", then "18:15" ...), or only its age
    ("منذ 52 دقيقة", then "منذ ساعتين" ...): the longest run, three or more, of lines that show only a time of one
    kind, in the order of a live page's updates (newest or oldest first), that starts at the text (the first
    update's time is at most two lines above the first paragraph, or among its first lines) and has prose between
    each time and the next. Times above the text (a ticker's), a video's duration (under its marker) and times
    after the article (a feed's, another story's) are not updates."""
    lines = [*page.before(start)[-2:], start, *page.after(start)]
    # a time alone, or every update's time with a name after it ("18:05 صوت الساحل": the site's or the writer's):
    # one list of bare times, one of named times (different writers may sign the updates)
    bare, named, names, ages, halves = [], [], [], [], set()
    for n, i in enumerate(lines):
        found = _clock_of(page.text[i])
        minutes = _clock_minutes(found[0]) if found else None
        after_video = n > 0 and bool(markers.VIDEO.match(page.text[lines[n - 1]]))
        if found and minutes is not None and not after_video:
            m, name = found
            (named if name else bare).append((i, minutes))
            names += [name] if name else []
            if m.group(3):
                halves.add(i)  # "6:15 م": said with its half of the day
        elif (age := _age(page.text[i])) is not None:
            ages.append((i, -age))  # the older the update, the earlier its time
    prose = [x for x in page.order if page.prose(x)]
    # (every name once, "09:00 حفل الافتتاح", "11:30 ندوة الذاكرة": a programme's items, not a live page's signatures)
    if len(set(names)) == len(names):
        named = []
    # ages are coarse ("منذ ساعتين" twice running): a run of them may repeat one, never a clock time
    runs = [
        _longest_run(times, prose, strict)
        for times, strict in ((bare, True), (named, True), (ages, False))
        if times and times[0][0] in lines[:LIVE_FIRST_STAMP_WITHIN]
    ]
    best = max(runs, key=len, default=[])
    minutes = dict(bare + named)
    if halves & set(best) and len(best) > 1 and minutes.get(best[0], 0) < minutes.get(best[-1], 0):
        # "9:30 ص" then "4:00 م": a programme's times in the day's order, not a live page's
        return frozenset()
    return frozenset(best) if len(best) >= LIVE_STAMPS_MIN else frozenset()


CARD_TIME_WORDS = 5  # a card's date: "17 شتنبر 2024", "الثلاثاء 17 شتنبر 2024"


def _cards_times(page: _Page, lines: list[int]) -> list[int]:
    """The times of cards of other stories among these lines: two or more, or one under a marker of other stories
    ("اقرأ أيضا", its card's headline, "منذ 5 ساعات"); one alone is the header's own section, headline and date."""
    cards = [j for j in lines if _card_time(page, j)]
    marked = any(_related_marker(page.text[x]) for j in cards for x in page.before(j)[-2:-1])
    return cards if len(cards) >= 2 or marked else []


def _card_time(page: _Page, i: int) -> bool:
    """Line i is the time under a card of other stories: its headline right above it (no prose), the card's
    section or label above that ("اقتصاد", then "أسعار المحروقات تنخفض ...", then "منذ ساعتين")."""
    s = page.text[i]
    timed = _time_alone(s) or (markers.is_date_line(s) and _words(s) <= CARD_TIME_WORDS)
    above = page.before(i)[-2:]
    if not timed or len(above) < 2 or above[1] != i - 1:
        return False
    label, headline = (page.text[j] for j in above)
    return (
        not page.prose(above[1])
        and _words(headline) >= 4
        and not markers.SENTENCE_END.search(headline)
        and _words(label) <= 3
        and not page.prose(above[0])
    )


def _longest_run(times: list[tuple[int, int]], prose: list[int], strict: bool) -> list[int]:
    """The lines of the longest run of times from the first on, decreasing or increasing (strictly, or not), with
    prose between each time and the next."""

    def follows(a: int, b: int, sign: int) -> bool:  # b can come after a in the run: in order, prose between
        between = bisect.bisect_left(prose, times[b][0]) - bisect.bisect_right(prose, times[a][0])
        earlier, later = sign * times[a][1], sign * times[b][1]
        return (earlier > later or (not strict and earlier == later)) and between > 0

    best: list[int] = []
    for sign in (1, -1):  # the longest strictly decreasing, then increasing, run from the first time on
        chains: list[list[int]] = [[0]]
        for n in range(1, len(times)):
            before = [c for c in chains if c and follows(c[-1], n, sign)]
            chains.append([*max(before, key=len), n] if before else [])
        longest = max(chains, key=len)
        best = longest if len(longest) > len(best) else best
    return [times[n][0] for n in best]


def _article(page: _Page, start: int, title: int | None) -> int:
    """Mark the article's lines from its first paragraph on; the index of the first line after it."""
    headline = page.text[title] if title is not None else None
    seen: set[str] = set()
    rest = [i for i in page.order if i >= start]
    k = 0
    while k < len(rest):
        i = rest[k]
        s = page.text[i]
        if i + 1 in page.decided and i != start:
            k += 1
            continue
        if i in page.gallery:
            # a gallery's caption (or its label) between the paragraphs: the article goes on
            page.mark(i, "caption", "gallery-caption")
            k += 1
            continue
        if markers.PAGE_JUMP.match(s) and i != start:
            # a print page's article goes on a page further: what stands between is not its
            back = _back_from_the_jump(page, rest, k, page.before(start)[-TITLE_WINDOW:])
            if back is not None:
                k = back
                continue
        if i != start and (after := _print_page_break(page, rest, k)) is not None:
            k = after  # a printed page ends and the next begins: the article goes on
            continue
        if i in page.live_stamps:  # an update of a live page begins: the article goes on
            page.mark(i, "date_line", "live-update-time")
            k += 1
            continue
        if i != start and (
            (markers.REFERENCES.match(s) and _cited_works_under(page, rest, k))
            or (markers.NOTES.match(s) and _notes_cite_works(page, rest[k + 1 :]))
        ):
            page.mark(i, "source_line", "references-label")
            return i  # the works an analysis cites close it
        if i != start:
            # a source under a photo's caption names the photo's source, not the article's
            stop = markers.ends_article(s) if not _is_credit_after_caption(page, i) else None
            box = _box_title(page, rest, k) or _promotion(s)
            # the agency's copy ends, an excerpt's link to the whole article ("تابع القراءة على الموقع"), or the
            # comments begin: what follows is the page's
            if stop and (
                stop.rule in ("end-of-copy", "read-on-link") or _comments_begin(page, rest, k, stop)
            ):
                return i
            captions = _captions_under_label(page, rest, k) if box and box.rule == "gallery" else k + 1
            if captions > k + 1:
                page.mark(i, "caption", "gallery")
                for x in rest[k + 1 : captions]:
                    counter = markers.GALLERY_COUNTER.match(page.text[x])
                    page.mark(x, "caption", "gallery" if counter else "caption-under-gallery-label")
                k = captions
                continue
            if stop or box:
                resume = _box_of_links(page, rest, k, stop) if stop else None
                if resume is None:
                    resume = _interruption(page, rest, k)
                if resume is None:
                    return i
                k = resume
                continue
        end = _list_under_lead_in(page, rest, k) if i != start else None
        if end is not None:
            page.mark(i, "body", "list-lead-in")
            for x in rest[k + 1 : end]:
                page.mark(x, "body", "list-item")
            k = end
            continue
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        # (a transcript names its speakers again and again)
        again = s in seen and _words(s) <= TITLE_MAX_WORDS and i not in page.turn_labels
        if (headline is not None and s == headline) or again:
            page.mark(i, "caption", "repeated-headline")
        elif _is_credit_after_caption(page, i):
            page.mark(
                i, "credit", "latin-name-under-caption" if markers.is_latin_credit(s) else "credit-words"
            )
        elif (
            (nxt is not None and _credits_a_photo(page, s, nxt) and not page.prose(i))
            or (
                nxt is not None
                and _is_credit(page.text[nxt])
                and _short_credit(page.text[nxt])
                and i != start
                and _prose_resumes(page, rest[k + 2 :])  # else: the last paragraph, then the agency's credit
                and not _caption_under_credit(page, rest, k + 1)
            )
            or (
                # a gallery's last photo ("8 / 8"), its caption a sentence, its credit under it, where the text ends
                nxt is not None
                and _is_credit(page.text[nxt])
                and k > 0
                and _last_photos_counter(page.text[rest[k - 1]])
                and _words(s) <= CAPTION_MAX_WORDS
                and not _prose_resumes(page, rest[k + 2 :])
            )
        ):
            page.mark(i, "caption", "line-above-credit")
        elif i != start and nxt is not None and _headline_over_dateline(page, start, i, nxt):
            return i  # another story's headline over its first paragraph, which its dateline opens
        elif i != start and (lines := _pull_quote_over_lines(page, rest, k)):
            for x in rest[k : k + lines - 1]:
                page.mark(x, "pull_quote", "pull-quote-over-lines")
            k = _pull_quote(page, rest, k + lines - 1)  # its last line (it repeats the text), and the speaker
            continue
        elif i != start and _repeats_the_text(page, i):
            k = _pull_quote(page, rest, k)
            continue
        elif _pull_quote_under_mark(page, rest, k):
            # a box's big quotation mark, then its quote
            page.mark(i, "pull_quote", "quote-mark-over-pull-quote")
            if k + 2 < len(rest) and _QUOTE_MARK.fullmatch(page.text[rest[k + 2]]):
                closing = rest[k + 2]
                page.mark(rest[k + 1], "pull_quote", "repeats-the-text")
                k = _pull_quote(page, rest, k + 2)  # the speaker's name stands under the box's closing mark
                page.mark(closing, "pull_quote", "quote-mark-under-pull-quote")
            else:
                k = _pull_quote(page, rest, k + 1)
            continue
        elif i != start and _labelled_caption(s):
            page.mark(i, "caption", "labelled-caption")  # a sentence its label says is a photo's or a chart's
        elif i != start and _says_it_is_a_caption(s):
            page.mark(i, "caption", "caption-between-paragraphs")  # "جانب من اللقاء ..."، "... (أ ف ب)."
        elif page.prose(i) or i == start:
            if (
                page.punctuates
                and not markers.SENTENCE_END.search(s)
                and _words(s) >= 7
                and i != start
                and i not in page.wrapped  # a line of a paragraph a print column broke ends no sentence
                and not markers.CONTINUATION.match(s)  # "ومن المقرر أن ...": the article goes on
                and "heading"
                not in page.hints.get(i, ())  # the markup's heading of the article: a subheading
            ):
                page.mark(i, "caption", "no-sentence-end", sure=False)
            else:
                page.mark(i, "body", "article-region")
        elif nxt is not None and _words(s) <= POST_ACCOUNT_WORDS and _post_time(page.text[nxt]):
            page.mark(i, "embed", "post-account")  # a post copied from a social network: its account's name
        elif markers.ON_A_NETWORK.match(s) and (stamp := _post_under(page, rest, k)):
            # "قناة ... على تيليغرام" over the post's text and its time: the text is the post's, however it reads
            page.mark(i, "embed", "post-card-top")
            for x in rest[k + 1 : stamp]:
                page.mark(x, "embed", "post-text")
            k = stamp - 1
        elif i in page.turn_labels or (k and rest[k - 1] in page.turn_labels):
            # a speaker's label, or what they say under it (a question)
            page.mark(i, "body", "transcript-turn")
        elif (
            nxt is not None
            and nxt in page.turn_labels
            and _words(s) <= KICKER_MAX_WORDS
            and _TRANSCRIPT_HEADING.search(s)
        ):
            page.mark(i, "body", "transcript-heading")  # "نص الحلقة" over the transcript's first turn
        else:
            m = markers.header(s)
            if m and m.role == "date_line" and _dateline_over_paragraph(page, i, nxt):
                page.mark(i, "body", "dateline-over-paragraph")
            elif m and m.role in _SAID_IN_THE_TEXT:
                page.mark(i, m.role, m.rule)
            elif _words(s) <= BYLINE_MAX_WORDS and _copyright_names(page, s):
                # the site's own name alone among the paragraphs: its channel's card over an embedded post, its
                # logo's words, never a heading of the text
                page.mark(i, "navigation", "the-sites-name")
            elif markers.is_cookie_banner(s):
                # the site's cookie banner, copied where it floated over the text, and its buttons under it
                page.mark(i, "navigation", "cookie-notice")
                while k + 1 < len(rest) and _a_banners_button(page.text[rest[k + 1]]):
                    k += 1
                    page.mark(rest[k], "navigation", "cookie-notice")
            elif _next_numbered_section(page, rest, k):
                # "ثانيا: ..." after the article's "أولا: ...": its next section, whatever box stands under it
                page.mark(i, "body", "numbered-section")
            elif _ranked(page, rest, k):
                # a ranked list's card set between the paragraphs ("الأكثر قراءة": "٣", then its headline)
                page.mark(i, "related", "rank-of-a-card")
                if nxt is not None and not page.prose(nxt) and not _RANK.match(page.text[nxt]):
                    page.mark(nxt, "related", "card-under-its-rank")
                    k += 1
            elif _prose_resumes(page, rest[k + 1 :]):
                # (a line the markup sets as the article's heading is its subheading, however long)
                heading = "heading" in page.hints.get(i, ())
                heading = heading or _heads_a_list(page, rest, k)  # a list's or a timeline's, over its items
                heading = heading or _listed_in_text(page, rest, k) or _dateline_over_paragraph(page, i, nxt)
                heading = heading or bool(_NAMED_SOURCE_HEADING.match(s))  # a press review's, however long
                if page.punctuates and _words(s) >= 7 and not markers.SENTENCE_END.search(s) and not heading:
                    page.mark(i, "caption", "no-sentence-end", sure=False)
                else:
                    page.mark(i, "body", "short-line-in-text")
            elif markers.PARAGRAPH_END.search(s) and k and page.role(rest[k - 1]) == "body":
                page.mark(i, "body", "closing-sentence", sure=False)
            elif listed := _list_from(page, rest, k):
                for x in rest[k : k + listed]:  # a short heading and its list, where the article may end
                    page.mark(x, "body", "list-in-text")
                k += listed
                continue
            else:
                resume = _interruption(page, rest, k)
                if resume is None:
                    return i
                k = resume
                continue
        seen.add(s)
        k += 1
    return len(page.text)


# what a header's marker says of a line inside the text that it decides there
_SAID_IN_THE_TEXT = frozenset(
    ("credit", "caption", "advertisement", "date_line", "byline", "share_bar", "source_line")
)


PRINTED_HEAD_LINES = 3  # the lines a browser prints atop every page: the time it printed, the page's title


# a printed page's number at its foot, alone or after the address: "1/3", "صفحة 1 من 3"; and the address with it
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:صفحة\s+)?[\d٠-٩]{1,3}\s*(?:/|من|of)\s*[\d٠-٩]{1,3}\s*$")
_PRINTED_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s+صفحة\s+[\d٠-٩]{1,3}\s*من\s*[\d٠-٩]{1,3}\s*$")


def _printed_furniture(page: _Page, i: int) -> str:
    """What a browser prints around a page's text at line i: "foot" (the page's address, its number "1/3"), "head"
    (one of the page's own first lines again, further down), or "" for neither."""
    s = page.text[i]
    if markers.ADDRESS_ALONE.match(s) or markers.GALLERY_COUNTER.match(s) or _PRINTED_ADDRESS.match(s):
        return "foot"
    first = page.order[:PRINTED_HEAD_LINES]
    return "head" if i not in first and any(page.text[j] == s for j in first) else ""


def _print_page_break(page: _Page, rest: list[int], k: int) -> int | None:
    """A browser's break between printed pages at rest[k]: the page's address and its number ("1/3") that it prints
    at a page's foot, and the lines it prints atop every page (the page's own first lines again), in any order. They
    are marked and the index in rest after them returned; None where rest[k] opens no such break (a repeated head
    line and the page's number are both needed)."""
    step, numbered, repeated = k, False, False
    while step < len(rest) and (kind := _printed_furniture(page, rest[step])):
        # (the page's number says it is a print: a web page's short link over its site's name says nothing)
        numbered |= kind == "foot" and bool(_PAGE_NUMBER.search(page.text[rest[step]]))
        repeated |= kind == "head"
        step += 1
    if not (numbered and repeated):
        return None
    for x in rest[k:step]:
        page.mark(x, "navigation", "print-page-break")
    return step


def _back_from_the_jump(page: _Page, rest: list[int], k: int, header: list[int]) -> int | None:
    """Where a print page's article comes back after its jump (rest[k], "التتمة ص ١٣"): the next jump's line
    ("تتمة المنشور ص ١٢"), the headline repeated under it, then the article. What stands between (another story, an
    advertisement, the next page's running header) is marked; the index in rest where the article goes on, or None
    where no jump back follows."""
    back = next(
        (step for step in range(k + 1, len(rest)) if markers.PAGE_JUMP.match(page.text[rest[step]])), None
    )
    if back is None or back + 1 >= len(rest):
        return None
    # the headline, or the line of the header it shortens ("شركة روسية وأخرى مغربية تبحثان ..."), under the jump
    # back says the same article comes back (a second jump forward may lead to another story)
    own = content_words(page.text[rest[back + 1]])
    if not any(len(own & content_words(page.text[x])) >= RESTATED * max(1, len(own)) for x in header):
        return None
    page.mark(rest[k], "navigation", "page-jump")
    for x in rest[k + 1 : back]:
        found = (
            markers.header(page.text[x]) or markers.ends_article(page.text[x]) or markers.widget(page.text[x])
        )
        page.mark(x, found.role if found else "appended_article", "between-the-pages-jumps", sure=False)
    page.mark(rest[back], "navigation", "page-jump")
    page.mark(rest[back + 1], "navigation", "headline-over-the-jump")
    return back + 2


LIST_MAX_ITEMS = 15


def _comments_begin(page: _Page, rest: list[int], k: int, stop: markers.Marker) -> bool:
    """The comments' heading (rest[k]) over what opens a comment, a reader's name or the form, or a comment that
    opens on its writer, its day and its time ("ود مدني - 05-03-2025 14:20 ..."), not a paragraph (a subheading
    "تعليقات المتابعين" over the article's prose goes on with it)."""
    if stop.rule != "comments-marker" or k + 1 >= len(rest):
        return False
    # (a signed comment the article quotes under its subheading has the article's prose under it)
    signed = bool(_SIGNED_COMMENT.match(page.text[rest[k + 1]])) and not (
        k + 2 < len(rest) and page.prose(rest[k + 2]) and not _SIGNED_COMMENT.match(page.text[rest[k + 2]])
    )
    return not page.prose(rest[k + 1]) or signed


# a reader's comment on one line: their name or place, a dash, the day and the time, then what they say
_SIGNED_COMMENT = re.compile(
    r"^\s*[^\d\-–—|]{2,40}?\s[-–—|]\s*[\d٠-٩]{1,4}[-/.][\d٠-٩]{1,2}[-/.][\d٠-٩]{1,4}\s+[\d٠-٩]{1,2}:[\d٠-٩]{2}\s"
)


def _heads_a_listed_section(page: _Page, rest: list[int], step: int) -> bool:
    """rest[step] is the heading of a section the table of contents lists, over its paragraph (a list's item may
    say the same words, over the next item)."""
    return page.text[rest[step]] in page.sections and step + 1 < len(rest) and page.prose(rest[step + 1])


_TITLED = ("video", "market-quote")  # widgets whose title stands over them: it closes a list above


def _list_under_lead_in(page: _Page, rest: list[int], k: int) -> int | None:
    """A list the article announces: a line of the article's that ends with a colon ("وتشمل المرحلة الأولى ما
    يلي:"), then items that say nothing of themselves (no marker, no date line), up to the article's prose going
    on, or up to what ends the article (tags, a source line, comments). The index in rest after the list, or None.

    Short items in a row would otherwise wait in vain for the prose to come back and be taken for a box."""
    s = page.text[rest[k]].strip("*_ ")  # (a chat's bold, "*أبرز فقرات البرنامج:*", keeps its colon)
    if (
        not s.endswith(":")
        or markers.ends_article(s)  # "*اقرأ أيضا:*": a box's marker in a chat's bold
        or (page.role(rest[k - 1]) != "body" and not _lead_in_after_links(page, rest[k]))
        or _says_what_it_is(s)
        or markers.is_date_line(s)
        or markers.QUOTE_LEAD_IN.search(s)  # "كتب على حسابه:": a quotation or a post follows, not a list
        or markers.LINKS_LEAD_IN.search(s)  # "يمكنكم متابعة التقارير التالية:": other stories follow
    ):
        return None
    step = k + 1

    def quote(x: int) -> bool:
        return (markers.widget(page.text[x]) or _NOTHING).rule == "market-quote"

    # the figures the article announces may be quotes themselves ("المؤشر العام: 11250 نقطة ▲ 0.8%")
    quotes = step < len(rest) and quote(rest[step])
    while step < len(rest) and step - k <= LIST_MAX_ITEMS:
        j = rest[step]
        t = page.text[j]
        link = "link" in page.hints.get(j, ())  # a saved page's list of links is a box of other stories
        # (a video's title over its duration, a market widget's over its quotes)
        video = (
            step + 1 < len(rest) and (markers.widget(page.text[rest[step + 1]]) or _NOTHING).rule in _TITLED
        )
        if quotes and quote(j):
            step += 1
            continue
        if (
            j + 1 in page.decided
            or page.prose(j)
            or _says_what_it_is(t)
            or markers.is_date_line(t)
            or link
            or video
            or _heads_a_listed_section(page, rest, step)
        ):
            break  # (a widget's title closes the list)
        step += 1
    if step < k + 3:
        return None  # a list has two items at least; a line under a colon alone is left to the other rules
    if step == len(rest):
        return None  # items up to the page's end: what closed them says nothing of them
    if _heads_a_listed_section(page, rest, step):
        return step  # the article's next section, as its table of contents names it
    if page.prose(rest[step]):
        # the article's prose goes on after the items: a connective opens it, or it shares the article's words
        # (another story's paragraph does not); the last items may be sentences of their own
        return next(
            (x for x in (_last_items(page, rest, k, step), step) if _goes_on_after(page, rest, k, x)), None
        )
    after = page.text[rest[step]]
    found = markers.ends_article(after) or markers.header(after) or _NOTHING
    if found.rule in ("tags-marker", "comments-marker") or found.role == "source_line":
        return step
    # a box set inside the article closes the list ("اقرأ أيضا: ..."): the items are the article's where each
    # ends as a list's item or a sentence does, with a full stop or a comma (other stories' headlines end on none)
    # (or a live page's update closes with its share bar)
    boxed = found.role in ("related", "share_bar") or markers.widget(after) or _promotion(after)
    # (or a video's title over its player's duration: "شاهد.. جولة ...", then "01:45"; a market widget's over its
    # quotes)
    under = page.text[rest[step + 1]] if step + 1 < len(rest) else ""
    boxed = boxed or (markers.widget(under) or _NOTHING).rule in _TITLED
    items = [page.text[x] for x in rest[k + 1 : step]]
    listed = all(t.rstrip().endswith((".", "؛", ";", "،")) for t in items) or _numbered_in_order(items)
    # (or all set off by the same mark: "- موسكو - مراكش: كل يوم ثلاثاء")
    marks = {m.group(0).strip() for t in items if (m := _BULLET_MARK.match(t))}
    # items of data, each with a label or a figure (other stories' headlines, marked the same, carry neither)
    data = all(_BULLET_MARK.match(t) and re.search(r"[:：\d٠-٩]", t) for t in items)
    # or items of a few words each, all set off by the same mark (a headline says more)
    terms = all(_BULLET_MARK.match(t) and _words(t) <= LIST_TERM_WORDS for t in items)
    listed = listed or (len(marks) == 1 and (data or terms))
    return step if boxed and listed else None


_BULLET_MARK = re.compile(r"^\s*[-–•*·▪◦]\s")
LIST_TERM_WORDS = 6  # a list's item that names a thing ("• الهندسة النووية والطاقة"), its mark counted
_ITEM_NUMBER = re.compile(r"^\s*([\d٠-٩]{1,2})\s*[-.)–]\s*\S")


def _numbered_in_order(items: list[str]) -> bool:
    """Items numbered 1, 2, 3 ... in order ("١- الطب البشري"), as the article numbers the list it announces."""
    numbers = [_ITEM_NUMBER.match(t) for t in items]
    return all(numbers) and [int(m.group(1).translate(datetext.ARABIC_DIGITS)) for m in numbers] == list(
        range(1, len(items) + 1)
    )


def _goes_on_after(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Whether rest[step], a line of prose under a list, goes on with the article above the list."""
    if step == len(rest) or not page.prose(rest[step]):
        return False
    after = page.text[rest[step]]
    return bool(markers.CONTINUATION.match(after.lstrip('«"“'))) or _goes_on_with(page, rest[:k], after)


# an item long enough to read as a sentence, yet shorter than the article's paragraphs
LIST_ITEM_MAX_WORDS = 12


def _last_items(page: _Page, rest: list[int], k: int, step: int) -> int:
    """Where a list's items end, given the first line of prose under them (rest[step]): items long enough to be
    sentences ("تدريب الكوادر الفنية في المؤسسات الزراعية لدى البلدين.") still belong to it while they are short
    and close as every item above them does; the index in rest of the first line after them."""
    marks = {page.text[x].rstrip()[-1] for x in rest[k + 1 : step]}
    if len(marks) != 1 or marks.isdisjoint(".؛;،"):
        return step
    last = step
    while (
        last < len(rest)
        and last - k <= LIST_MAX_ITEMS
        and _words(page.text[rest[last]]) <= LIST_ITEM_MAX_WORDS
        and page.text[rest[last]].rstrip()[-1] in marks
        and not _says_what_it_is(page.text[rest[last]])
        and not markers.CONTINUATION.match(page.text[rest[last]])  # "وأكد الوزير ...": the article goes on
    ):
        last += 1
    return last


CONTINUED_SHARE = 0.2  # of a paragraph's content words, found in the article above: the same story goes on


def _goes_on_with(page: _Page, article: list[int], paragraph: str) -> bool:
    """Whether a paragraph shares enough of its words with the article's body above it to go on with it."""
    return _known_share(page, article, paragraph) >= CONTINUED_SHARE


def _known_share(page: _Page, article: list[int], paragraph: str) -> float:
    """The share of a paragraph's content words that the article's body lines (of those given) already hold."""
    words = content_words(paragraph)
    seen = set().union(*(content_words(page.text[i]) for i in article if page.role(i) == "body"))
    return len(words & seen) / max(1, len(words))


_ASIDE_START = re.compile(r"(?:في|خلال|على|عن|من|إلى|الى|لدى|عند|أمام|حسب|وفق|بعد|قبل)\b|[وفبل]")


# "بغداد/ شفق نيوز - ...", "الرافدين نيوز/ موسكو - ...": a place and an outlet, either first, joined by a slash
# "بغداد/ شفق نيوز -", and as the Gulf's agencies write it, the day too, the agency between slashes: "دبي في 6 مايو/
# وام/ ..."
_SLASH_DATELINE = re.compile(
    r"^\s*([\u0621-\u064a][\u0621-\u064a ]{1,20}?)(?:\s+في\s+\d{1,2}\s+[\u0621-\u064a]+(?:\s+\d{4})?)?"
    r"\s*/\s*([\u0621-\u064a][\u0621-\u064a ]{1,20}?)\s*[-–—:/]\s"
)


def _says_it_is_a_caption(s: str) -> bool:
    """A sentence a caption's opening ("جانب من ..."، "صورة من ...") or its closing photo credit ("... (أ ف ب)") says
    is a photo's, short as a caption is, one clause ("جانب من المحادثات تناول ...، بحسب ..." is not) and no
    connective goes on with the text."""
    found = markers.header(s)
    return (
        found is not None
        and (found.rule == "caption-with-photo-note" or bool(_CAPTION_OPENING.match(s)))
        and _words(s) <= CAPTION_MAX_WORDS
        and not markers.CONTINUATION.match(s)
        and not re.search(r"[،,؛]", s)
    )


# a caption's opening words: "جانب من ..." (a view of), "صورة من ..." (a photo of); a label ("الصورة: ...") may open
# a sentence about the photo, which the article's own
_CAPTION_OPENING = re.compile(r"^\s*\(?\s*(?:جانب\s+من|صورة\s+(?:من|ل))\s")


def _labelled_caption(s: str) -> bool:
    """A caption its label names ("إنفوجرافيك: ..."): one sentence of a caption's length (a paragraph about the
    photo of an exhibition may open on "الصورة:" too, and runs on)."""
    one_sentence = not re.search(r"[.!؟?]\s+\S", s)
    label = markers.LABELLED_CAPTION.match(s)
    # "الصورة: هي بطل هذا المعرض ...": a sentence about the photo, which a pronoun opens, is no caption of one
    about = label is not None and _ABOUT_IT.match(s[label.end() :])
    return label is not None and not about and _words(s) <= CAPTION_MAX_WORDS and one_sentence


_ABOUT_IT = re.compile(r"\s*(?:هي|هو|هذا|هذه|ذلك|تلك|إنها|انها|إنه|انه)(?!\S)")


def _headline_over_dateline(page: _Page, start: int, i: int, nxt: int) -> bool:
    """A headline (four words or more, no sentence) right over a paragraph that a dateline opens, in an article
    that its own dateline opened: a story begins there, as a dateline opens only a story's first paragraph (a
    roundup whose lead has none sets a dateline at the head of each section)."""
    s = page.text[i]
    return (
        _opens_with_dateline(page.text[start])
        and _headline_like(page, i)
        and _words(s) >= 4
        and not markers.SENTENCE_END.search(s)
        and _opens_with_dateline(page.text[nxt])
    )


# "موسكو (رويترز) - ...", "الرباط (آفاق) – ...": a place of one or two words, the agency in parentheses (one to three
# words), then a dash
_PLACE_THEN_AGENCY = re.compile(
    r"^\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*\(\s*[^()\s]+(?:\s+[^()\s]+){0,2}\s*\)\s*[-–—]\s"
    # or the agency named after a dash and closed by a full stop: "مراكش - وكالة أنباء القوقاز. وصل ..."
    r"|^\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*[-–—]\s*وكال(?:ة|ات)(?:\s+[\u0621-\u064a]+){0,3}\.\s"
)
_TITLE_BEFORE_SLASH = re.compile(
    r"(?:الدكتور|الدكتورة|اللواء|العميد|العقيد|الفريق|المهندس|المهندسة|السيد|السيدة|السفير|الأستاذ|الأستاذة|الشيخ"
    r"|المستشار|الحاج|النائب|الوزير|المحامي|الأمير|الرئيس)\s*$"
)


def _opens_with_dateline(paragraph: str, first: bool = False) -> bool:
    """A dateline: a place of one to three words, then an agency in parentheses or of one to three words set off by
    dashes ("الخليل - البيادر -", "لندن: (رويترز)"); not an aside between dashes ("بوريطة - في تصريح للصحافة -")
    nor a colon after a speaker ("وقال الوزير: ..."). first: at the article's first lines, also the agency in
    parentheses right after the place ("موسكو (رويترز) - ..."), which inside a text may be a name and a trade
    ("سامي (صياد) - يقول")."""
    if markers.CONTINUATION.match(paragraph):
        return False  # "وأكد ... - رئيس الجامعة -": a paragraph that goes on from the one above
    if first and _PLACE_THEN_AGENCY.match(paragraph):
        return True
    slashed = _SLASH_DATELINE.match(paragraph)
    if slashed:
        titled = _TITLE_BEFORE_SLASH.search(slashed.group(1))  # "الدكتور/ سامر": the Egyptian press's title
        return not titled and all(1 <= _words(part) <= 3 for part in slashed.groups())
    m = markers.OPENING_DATELINE.match(paragraph)
    if not m:
        return False
    place = re.split(r"[-–—:]", m.group(0), maxsplit=1)[0]
    agency = m.group(1).strip()
    if not 1 <= _words(place) <= 3 or not 1 <= _words(agency) <= 3:
        return False
    bracketed = "(" in m.group(0)
    dashed = bool(re.match(r"[^-–—:]*[-–—]", m.group(0)))
    # "وكالات" and "وكالة ...": the agencies, not an aside that و opens
    return bracketed or (dashed and (agency.startswith("وكال") or not _ASIDE_START.match(agency)))


def _new_story_header(page: _Page, gap: list[int]) -> bool:
    """A box that ends with what opens a story: a headline-like line or a date line."""
    return any(markers.is_date_line(page.text[x]) or _headline_like(page, x) for x in gap[-2:])


def _headline_and_date(page: _Page, gap: list[int], paragraph: str) -> bool:
    """A box that ends with a headline and a date line under it (perhaps its source line under that), or the site's
    own dateline ("الدوحة - اللؤلؤة", the masthead's name after the place), and is no box of links (whose cards show
    headlines and dates): what opens a story appended after a promotion or a widget."""
    # (the story's source line may stand under its date: "المصدر: وكالات")
    tail = len(gap)
    while tail > 2 and (markers.ends_article(page.text[gap[tail - 1]]) or _NOTHING).rule == "source-marker":
        tail -= 1
    if tail < len(gap) and any(markers.widget(page.text[x]) for x in gap):
        # a video's or a photo's box shows its title, its date and its source: no story of its own
        return False
    # the date line, or two ("منذ 5 ساعات" over "الإثنين، 14 أبريل 2025 12:05 م"), or the site's own dateline
    dated = 0
    while dated < min(DATES_UNDER_HEADLINE, tail - 1) and markers.is_date_line(
        page.text[gap[tail - 1 - dated]]
    ):
        dated += 1
    boxed = any(
        (markers.widget(page.text[x]) or _NOTHING).role not in ("", "navigation") or _promotion(page.text[x])
        for x in gap[: tail - 1 - dated]
    )  # (a video, a gallery, an advert: "التالي", the arrows to the next story, opens none)
    headline = page.text[gap[tail - 1 - dated]] if dated else ""
    if dated > 1 and boxed and not _shares_words(headline, paragraph, STORY_SHARED_WORDS):
        # a video's or an advert's card under its label: its title, its age and its date (the next story, set under
        # an advert's slot, says its headline's words again in its lead)
        return False
    if not dated and tail >= 2 and _sites_own_dateline(page, gap[tail - 1]):
        dated = 1
    return (
        dated > 0
        and _headline_like(page, gap[tail - 1 - dated])
        and not any(_related_marker(page.text[x]) for x in gap)
    )


DATES_UNDER_HEADLINE = 2  # a story's age and its date, each a line under its headline
# the headline's words a story's lead says again (a video's title and the paragraph under it share a place's name)
STORY_SHARED_WORDS = 4


def _sites_own_dateline(page: _Page, i: int) -> bool:
    """A place, a dash and the site's name, which its masthead set alone on one of the page's first lines."""
    found = re.fullmatch(
        r"\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2}\s*[-–—]\s*(.{2,30}?)\s*", page.text[i]
    )
    return found is not None and any(page.text[j].strip() == found.group(1) for j in page.masthead)


# the newsroom's words that sign a story before the site's name, where a dateline sets its place
_NEWSROOM = re.compile(
    r"^\s*(?:هيئة\s+(?:ال)?تحرير|(?:ال)?تحرير|متابعة|متابعات|إعداد|اعداد|فريق(?:\s+\S+)?|قسم(?:\s+\S+)?"
    r"|مكتب(?:\s+\S+)?|(?:ال)?محرر|مراسل(?:نا|ة)?|خاص)\s*$"
)


def _place_and_the_site(page: _Page, i: int) -> bool:
    """A place, a dash or a colon, and a name the page shows on another line too (its masthead, a credit, the
    footer's copyright): the site's own dateline ("عمّان - المشرق", "الرباط: «الساحل»"), not a writer's byline."""
    line = _tatweel_dash(page.text[i])
    found = re.fullmatch(rf"\s*{_PLACE}\s*[-–—:]\s*«?([^«»:\-–—]{{2,30}}?)»?\.?\s*", line)
    said = markers.header(line)
    if found is None or markers.BYLINE.match(line) or (said is not None and said.role != "byline"):
        return False  # "كتب: فلان", "صورة: وكالات": a byline's or a photo's credit
    place = re.split(r"\s*[-–—:]", line.strip(), maxsplit=1)[0]
    if _NEWSROOM.match(place):
        return False  # "هيئة التحرير – الموقع", "متابعة – الموقع": who wrote it, no place
    site = _names_the_site(page, found.group(1), i)
    above = {
        page.text[j].strip() for j in page.order[:i] if _words(page.text[j]) <= 3 and j not in page.masthead
    }
    # "الرئيسية - محليات": a trail of the menu's sections, each a line of the menu above (the site's name may stand
    # above as the article's byline: it is still the site); a regional site's menu lists its towns, and a town the
    # text names, before the site's own name, is its dateline ("العرائش - صدى الشمال")
    if markers.HOME.match(place) or (place in above and not (site and _named_further_on(page, place, i))):
        return False
    if found.group(1).strip() in above and not site:
        return False
    return site


def _named_further_on(page: _Page, name: str, i: int) -> bool:
    """Whether a paragraph after line i names it (a town the article speaks of)."""
    return any(_as_words(name).search(page.text[j]) for j in page.after(i) if page.prose(j))


def _tatweel_dash(s: str) -> str:
    """A tatweel set alone between spaces is a dash, as some sites type it ("الرباط ـ آفاق")."""
    return re.sub(r"(?:(?<=\s)|^)\u0640+(?=\s|$)", "-", s)


def _copyright_names(page: _Page, name: str) -> bool:
    """The page's copyright line ("© 2025 صوت الواحة. جميع الحقوق محفوظة") names the site so: name is the site's."""
    found = _as_words(name)
    return any(markers.is_copyright(page.text[j]) and found.search(page.text[j]) for j in page.order)


def _as_words(name: str) -> re.Pattern:
    """A name found as whole words in a line (not inside a longer word), perhaps after the preposition ل joined to
    it ("جميع الحقوق محفوظة لشبكة ...")."""
    return re.compile(rf"(?<!\w)ل?{re.escape(name.strip())}(?!\w)")


_OUTLET_WORDS = "جريدة|صحيفة|يومية|موقع|وكالة|قناة|مجلة|شبكة"


def _names_the_site(page: _Page, name: str, i: int) -> bool:
    """Whether the page names itself so elsewhere than line i: in its masthead's first lines, the footer's
    copyright, or a line above that names it as an outlet (an aggregator's "جريدة المسار" over the headline); a
    writer's name comes again in a box about them or under a photo they took, which are none of these."""
    found = _as_words(name)
    outlet = re.compile(rf"\s*(?:{_OUTLET_WORDS})\s+{re.escape(name.strip())}\s*")
    return any(
        found.search(page.text[j])
        and (
            j in page.masthead
            or markers.is_copyright(page.text[j])
            or (j < i and outlet.fullmatch(page.text[j]))
        )
        for j in page.order
        if j != i
    )


def _the_sites_credit(page: _Page, i: int) -> bool:
    """ "موسكو اليوم / فلان": the site's own name, then a slash and a name, is its credit for a photo (or its writer),
    not a place's dateline, even where the site's name opens on a place; "بغداد/ شبكة دجلة" names the site after
    the slash: the place, then the site, its dateline."""
    site, slash, after = page.text[i].partition("/")
    return (
        bool(slash and site.strip())
        and _names_the_site(page, site, i)
        and not _names_the_site(page, after, i)
    )


POST_ACCOUNT_WORDS = 8


def _post_under(page: _Page, rest: list[int], k: int) -> int | None:
    """Where in rest a post's time and counts stand (a date line with a middle dot: "👁 12.4K · 03.06.2025"), one
    or two lines under rest[k], below the post's text; None if they do not."""
    return next((m for m in range(k + 1, min(k + 3, len(rest))) if _post_stamp(page.text[rest[m]])), None)


def _post_stamp(s: str) -> bool:
    """A post's time and counts under its text: a date line with a middle dot; or the network's name, a middle dot
    and the day ("منشور متداول على فيسبوك · 29 مايو")."""
    network, dot, day = s.rpartition("·")
    dated = _DAY_AND_MONTH.match(day) is not None or bool(
        datetext.find_dates(day)
    )  # "29 مايو", "29 مايو 2025"
    named = dated and bool(re.search(rf"(?<!\w){markers.NETWORKS}(?!\w)", network))
    return bool(dot) and (markers.is_date_line(s) or named)


MASTHEAD_LINES = 5  # the first lines of a copied page, where the site's name stands alone


def _last_photos_counter(s: str) -> bool:
    """A gallery's counter (markers.GALLERY_COUNTER) at its last photo: "8 / 8", "8 من 8"."""
    if not markers.GALLERY_COUNTER.match(s):
        return False
    photo, photos = (int(n) for n in re.findall(r"\d+", s))
    return photo == photos > 1


COOKIE_BUTTON_WORDS = 4


def _a_banners_button(s: str) -> bool:
    """A button under a cookie banner: a few words that say what it does ("موافق", "إعدادات ملفات الارتباط"); a
    subheading of the text under the banner is none."""
    return _words(s) <= COOKIE_BUTTON_WORDS and bool(markers.COOKIE_BUTTON.match(s))


def _over_the_page(s: str) -> bool:
    """A line set over the page itself: a cookie notice, a search engine's cache banner."""
    return markers.is_cookie_notice(s) or bool(markers.CACHE_BANNER.match(s))


def _post_time(s: str) -> bool:
    """A social post's time line as a browser copies it: a date or a relative time, then a middle dot and the
    audience's icon ("منذ ٣ ساعات · 🌍"); not a live page's stamp ("منذ 2 دقيقة · 09:40") nor a date line's parts."""
    audience = s.rsplit("·", 1)[-1]
    return (
        "·" in s
        and markers.is_date_line(s)
        and _words(s) <= 8
        and bool(audience.strip())
        and not re.search(r"\w", audience)
    )


def _promotion(s: str) -> markers.Marker | None:
    """An advertisement or a promotion that is not a paragraph: it may open a box of several lines."""
    found = markers.header(s)
    return found if found and found.role == "advertisement" else None


# After these, the page never goes back to the article: comments, tags, the link to the next story, the footer.
HARD_ENDS = frozenset(
    {"comments-marker", "tags-marker", "next-story-marker", "copyright-marker", "end-of-copy"}
)
SUBHEADING_MAX_WORDS = 6
MARKED_HEADING_MAX_WORDS = 12  # a heading a saved page marks up (h2-h6) over a section of the article
CAPTION_MAX_WORDS = 25  # a caption its label names runs to a sentence, not to a paragraph
PULL_QUOTE_SHARE = 0.75  # of a pull quote's content words, found in a longer line nearby
QUOTE_BOX_SHARE = 0.5  # the same for a line all in quotation marks that closes no sentence
FAR_QUOTE_SHARE = 0.7  # the same for such a line away from its paragraph (further than four lines)
PULL_QUOTE_MIN_WORDS = 7  # a sentence; a shorter line that repeats words of a paragraph is its subheading


def _interruption(page: _Page, rest: list[int], k: int) -> int | None:
    """Where the article resumes after a box set inside it (links, a gallery, a video, an embedded post, a poll,
    an advertisement, a source or credit line): mark the box and return the index in rest of the paragraph that
    goes on with the article, or None if the article ends at rest[k].

    The paragraph must come before anything that ends a page and no other story's byline may come between. It
    goes on with the article when a connective opens it (و، ف، من جهته: a first paragraph starts afresh), or,
    after a box that shows no headline of another story, when it does not restate one of the box's lines.
    """
    step = _next_paragraph(page, rest, k)
    if step is None:
        return None
    gap = rest[k:step]
    paragraph = page.text[rest[step]]
    # a live page's update time and heading are no other story's date line and headline, nor are a post's text and
    # its time under its account's handle
    posted = bool(markers.HANDLE_LINE.match(page.text[gap[0]])) and _card_footer(page, gap[-1])
    # a live page's next update under its time: what it shows (a video and its title) is the update's, unless a
    # box of other stories stands in the gap (their cards show times too); a box that an update's share bar closes
    # before the time was that update's
    stamps = [n for n, x in enumerate(gap) if x in page.live_stamps]
    boxed = gap[_closed_update(page, gap) :] if stamps else []
    update = bool(stamps) and not any(_other_stories(page, x) for x in boxed)
    # (a box of other stories whose cards show no time, then the next update's time: the update goes on with it; a
    # time right under the box's marker is its card's)
    undated = boxed[: boxed.index(gap[stamps[-1]])] if stamps else []
    update = update or (
        len(undated) >= 2
        and not _other_stories(page, undated[-1])
        and not any(_dated_or_played(page.text[x]) for x in undated)
    )
    if not markers.CONTINUATION.match(paragraph) and not update:
        if _opens_with_dateline(paragraph) and _new_story_header(page, gap) and not posted:
            return None  # a headline or a date line, then "الخليل - (وكالة) - ...": another story begins
        if _headline_and_date(page, gap, paragraph) and not posted:
            return None  # a headline and its date line, then a paragraph that starts afresh: another story
        lines = [page.text[x] for x in gap]
        # (or the interview's next turn: "س: ..." or "ج: ..." where the article has turns so labelled above the box)
        goes_on = markers.WAW_ALEF.match(paragraph) or _turn_goes_on(page, rest[step])
        # before "واستحوذت ...", or under a live page's update time, the box's last line may be the subheading that
        # heads the paragraph: it shares its words
        # (so may it under an advertisement's label alone: the advert's picture is not copied)
        advert = (
            len(gap) == 2
            and markers.AD_LABEL_ALONE.match(lines[0])
            and _words(lines[-1]) <= SUBHEADING_MAX_WORDS
            and re.match(r"\s*و[\u0621-\u064a]{2,}", paragraph)  # "ونص المحضر ...": the article goes on
            and _goes_on_with(page, rest[:k], paragraph)  # in its words ("وسط حضور ..." opens another story)
        )
        headed = goes_on or (len(gap) >= 2 and gap[-2] in page.live_stamps) or advert
        # a gallery's captions and credits (from its first "1 / 4" on) describe the article's photos, in its words;
        # a headline above the gallery may still be another story's
        counted = next((n for n, s in enumerate(lines) if markers.GALLERY_COUNTER.match(s)), len(lines))
        links = lines[:-1] if headed else lines
        if _starts_another_story(page, rest[:k], links[:counted], paragraph):
            return None
        # an embedded post, a gallery or a video explains the lines around its signature or counter (the post's
        # text, the account's name); otherwise every line must say what it is, and none may be another headline
        # a sponsored box: its marker explains the links under it
        # (a video's own "شاهد أيضا" under its player is no box of other stories)
        widget = (any(markers.widget(s) for s in lines) or _promotion(lines[0]) is not None) and not any(
            _related_marker(page.text[x]) and not _watch_also_under_video(page, x) for x in gap
        )
        # (a post's text over its network's name and day: "... · 29 مايو" says whose it is)
        posted = {n for n in range(len(lines) - 1) if _post_stamp(lines[n + 1])}
        posted |= {n + 1 for n in posted}
        known = widget or all(
            _says_what_it_is(s) or n in posted for n, s in enumerate(lines[:-1])
        )  # the last may be a subheading
        # a print page sets several stories one under another: a headline after its box (an advertisement), over a
        # paragraph that starts afresh and says some of it again, opens the next
        printed = bool(page.wrapped) and rest[step] in page.wrapped
        lead_words = content_words(_column_paragraph(page, rest, step)) if printed else set()
        headed = any(
            _announces_a_story(page, x) and len(content_words(page.text[x]) & lead_words) >= 2 for x in gap
        )
        unknown = (
            not known
            or (not widget and any(_announces_a_story(page, x) for n, x in enumerate(gap) if n not in posted))
            or headed
        )
        # a box of other headlines, then "واستحوذت ..." (no other story's header between): the article goes on
        if unknown and not goes_on:
            return None
    _mark_box(page, gap)
    return step


def _dated_or_played(s: str) -> bool:
    """A card's date or age, a time, or a video's line ("شاهد: ...", its length): a box the page dates or plays."""
    return _time_alone(s) or bool(markers.header(s) or markers.widget(s) or _CLOCK.match(s))


def _closed_update(page: _Page, gap: list[int]) -> int:
    """Where in a gap of a live page the next update opens: after the last share bar above its time (0 if none)."""
    stamp = next(n for n, x in enumerate(gap) if x in page.live_stamps)
    shares = [n for n in range(stamp) if (markers.header(page.text[gap[n]]) or _NOTHING).role == "share_bar"]
    return shares[-1] + 1 if shares else 0


_WATCH_ALSO = re.compile(r"^\s*شاهد(?:وا)?\s+(?:أيض[اًا]+|ايض[اًا]+|كذلك)\s*[:：]?\s*$")


def _watch_also_under_video(page: _Page, i: int) -> bool:
    """ "شاهد أيضا" right under a video's lines: the player's own link to more videos, not a box of other stories."""
    above = page.before(i)[-1:]
    return (
        bool(_WATCH_ALSO.match(page.text[i]))
        and bool(above)
        and (markers.widget(page.text[above[0]]) or _NOTHING).rule == "video"
    )


def _related_marker(s: str) -> bool:
    """A marker of other stories, of any kind: "اقرأ أيضا", "الأكثر قراءة", "آخر الأخبار"."""
    return (markers.ends_article(s) or _NOTHING).role == "related"


def _other_stories(page: _Page, i: int) -> bool:
    """A marker of other stories ("اقرأ أيضا", "الأكثر قراءة"), not a video's title under its player ("شاهد: ...")."""
    found = markers.ends_article(page.text[i])
    if found is None or found.role != "related":
        return False
    above = page.before(i)[-1:]
    return not (above and (markers.widget(page.text[above[0]]) or _NOTHING).rule == "video")


def _box_title(page: _Page, rest: list[int], k: int) -> markers.Marker | None:
    """A widget's line; a fact box's title only when short items follow it, not the article's prose (then it is
    a subheading: "ما نعرفه حتى الآن" over paragraphs)."""
    found = markers.widget(page.text[rest[k]])
    # "... عبر الرابط التالي:" then the address: the article gives it ("رابط مختصر:" is a box's label)
    above = page.text[rest[k - 1]] if k else ""
    if found and found.rule == "address-alone" and _ends_on_colon(above) and _words(above) >= 4:
        return None
    if found and found.rule == "fact-box" and k + 1 < len(rest) and page.prose(rest[k + 1]):
        # key points set as a list ("• ...") stay a box, though each point is a sentence
        listed = markers.KEY_POINTS_LABEL.match(page.text[rest[k]]) and _LIST_ITEM.match(
            page.text[rest[k + 1]]
        )
        return found if listed and _points_restate_the_text(page, rest, k) else None
    return found


POINT_RESTATED = 0.5  # of a key point's content words, found in the article's paragraphs around the box


def _points_restate_the_text(page: _Page, rest: list[int], k: int) -> bool:
    """The points under a key-points label (rest[k]) restate the article, which goes on after them: a box. Points
    that say what no paragraph says, or that end the text, are the article's own list."""
    end = k + 1
    while end < len(rest) and _LIST_ITEM.match(page.text[rest[end]]):
        end += 1
    if end == len(rest) or not page.prose(rest[end]):
        return False
    said = set().union(
        *(content_words(page.text[j]) for j in page.order if page.prose(j) and j not in rest[k:end])
    )
    return all(
        len(content_words(page.text[j]) & said) >= POINT_RESTATED * len(content_words(page.text[j]))
        for j in rest[k + 1 : end]
    )


POST_TEXT_MIN_WORDS = 4  # a post's text, hashtags and all (it may end on no full stop)


def _closes_the_card(page: _Page, i: int | None) -> bool:
    """Under a post's text, what closes its card: its footer (_card_footer: a date with its time, counts, a
    signature), or a date without its time over the post's counts or over the article's next paragraph (an
    article's date line under its last paragraph has neither under it)."""
    if i is None:
        return False
    after = page.after(i)[:1]
    return _card_footer(page, i) or (
        markers.is_date_line(page.text[i])
        and bool(after)
        and (_card_footer(page, after[0]) or page.prose(after[0]))
    )


def _tops_a_card(page: _Page, i: int) -> bool:
    """An account's handle alone on its line (line i) over the post's text and its date: the top of the post's card,
    not a signature under the line above it."""
    after = page.after(i)[:2]
    if not markers.HANDLE_LINE.match(page.text[i]) or len(after) < 2:
        return False
    text, below = page.text[after[0]], page.text[after[1]]
    return _words(text) >= POST_TEXT_MIN_WORDS and not markers.widget(text) and markers.is_date_line(below)


def _next_paragraph(page: _Page, rest: list[int], k: int) -> int | None:
    """The index in rest of the next line of prose after rest[k] that is not part of a box, before a hard end."""
    points = bool(markers.KEY_POINTS_LABEL.match(page.text[rest[k]]))
    advert = bool(markers.AD_LABEL_ALONE.match(page.text[rest[k]]))
    transcript = False
    for step in range(k + 1, len(rest)):
        j = rest[step]
        s = page.text[j]
        if j in page.gallery:
            continue  # "3- زوار أمام الجناح ..." under "1 من 5": the gallery's third caption
        transcript = bool(markers.TRANSCRIPT.match(s)) or (transcript and bool(markers.TIMED_LINE.match(s)))
        if transcript:
            continue  # "نص الفيديو", then "[00:19] ...": the video's transcript
        points = points and bool(_LIST_ITEM.match(s))
        if points:
            continue  # "• ..." under "أبرز النقاط": a point of the box
        found = markers.ends_article(s)
        # (under an advert's label, its brand and offer: "Libyana Mobile – باقات الإنترنت", no writer's name)
        said = markers.header(s) or _NOTHING
        following = rest[step + 1] if step + 1 < len(rest) else None
        # (nor is a post's account over its handle: "وزارة ... - المملكة المغربية", then "@...")
        account = following is not None and bool(markers.HANDLE_LINE.match(page.text[following]))
        byline = said.role == "byline" and not (advert and step == k + 1 and said.rule == "name-after-dash")
        if (found and found.rule in HARD_ENDS) or (byline and not account):
            return None
        # a post's text sits above its signature; a video's or a poll's title is on its own line
        embedded = (
            following is not None
            and (markers.widget(page.text[following]) or _NOTHING).rule == "embedded-post"
            and not _tops_a_card(page, following)
        )
        paragraph = page.prose(j) or _short_continuation(s) or _asked_in_the_interview(page, j)
        # under its account's handle, the post's text over its date (a time or not) or its counts
        embedded = embedded or (_under_a_handle(page, rest[k:step]) and _closes_the_card(page, following))
        if paragraph and not markers.widget(s) and not _repeats_the_text(page, j) and not embedded:
            if _promotion(s):
                continue  # a newsletter's pitch is a sentence of its box
            # a paragraph already set aside (a saved page's main text leaves it out) is not the article's
            return None if j + 1 in page.decided else step
    return None


_NOTHING = markers.Marker("", "")


# a paragraph that goes on with the article: "وأضاف ..."، "وإذ ...", as no photo's caption opens
_GOES_ON = re.compile(r"^\s*و[أإ]")
_INNER_SENTENCE_END = re.compile(r"[.!؟?](?=\s+\S)")


def _captions_under_label(page: _Page, rest: list[int], k: int) -> int:
    """Under a gallery's label ("معرض الصور", rest[k]), its captions, each one sentence no longer than a caption and
    none opening with a connective, as the article's paragraph after a gallery does, perhaps with the slides'
    numbers between them: the index in rest after them (k + 1 where none stands there)."""
    end = k + 1
    if not markers.GALLERY.match(page.text[rest[k]]):
        return end  # a counter ("1 من 5") numbers its captions: _gallery_lines finds them
    counted = False
    while end < len(rest):
        s = page.text[rest[end]]
        if markers.GALLERY_COUNTER.match(s):
            end, counted = end + 1, True  # "1 / 6": the slide's number, under or over its caption
            continue
        if markers.is_credit(s) and counted and end + 1 < len(rest):
            if not markers.GALLERY_COUNTER.match(page.text[rest[end + 1]]):
                end += 1  # the last photo's credit closes the gallery: the text goes on under it
                break
            end += 1  # "تصوير: ...": a photo's credit under its caption, the next slide's number under it
            continue
        long = _words(s) > CAPTION_MAX_WORDS or _INNER_SENTENCE_END.search(s)
        if long or _opens_on_a_connective(s) or not page.prose(rest[end]):
            break
        end += 1
    # one-sentence paragraphs read the same: the slides' numbers, the page's furniture right under the last
    # caption, or the article going on there with a connective, show them to be a gallery's (an article does not
    # end on its gallery's label and a few paragraphs)
    closed = end < len(rest) and (not page.prose(rest[end]) or _opens_on_a_connective(page.text[rest[end]]))
    return end if counted or closed else k + 1


def _opens_on_a_connective(s: str) -> bool:
    return bool(markers.CONTINUATION.match(s) or markers.WAW_ALEF.match(s) or _GOES_ON.match(s))


_GALLERY_CAPTION = re.compile(r"^\s*(\d{1,3})\s*[-–.)]\s*\S")
_GALLERY_LABEL = re.compile(r"^\s*(?:ال)?صور\s*$")


def _gallery_lines(page: _Page) -> frozenset[int]:
    """A gallery's counter and its captions: under "1 من 5", the captions numbered 1 to 5, all of them and no sixth
    (a list the article goes on with has its own count), with a bare "الصور" right over the counter. A counter that
    a sentence introduces ("... هي:") heads the article's own list, and a counter alone is a slider's."""
    found: set[int] = set()
    order = page.order
    for n, i in enumerate(order):
        digits = page.text[i].translate(datetext.ARABIC_DIGITS)
        if not markers.GALLERY_COUNTER.match(page.text[i]):
            continue
        size = int(re.findall(r"\d+", digits)[-1])
        above = order[n - 1] if n else None
        if size < 1 or (above is not None and _ends_on_colon(page.text[above])):
            continue
        run = order[n + 1 : n + 2 + size]
        numbers = [_GALLERY_CAPTION.match(page.text[j].translate(datetext.ARABIC_DIGITS)) for j in run]
        counted = [int(m.group(1)) if m else None for m in numbers]
        if counted[:size] != list(range(1, size + 1)) or (len(counted) > size and counted[size] == size + 1):
            continue
        found.update([i, *run[:size]])
        if above is not None and _GALLERY_LABEL.match(page.text[above]):
            found.add(above)
    return frozenset(found)


WRAPPED_MIN_LINES = 3
# a line of a page's column, broken where the column ends (a print page copied as text)
WRAPPED_MAX_WORDS = 14
# longer lines a print copy may hold (its issue line, a caption); a web page has many
WRAPPED_LONG_LINES = 2
WRAPPED_MIN_WORDS = 5  # a column's line; a masthead's or a page number's is shorter
_BROKEN_CLAUSE = re.compile(r"[،,؛]\s*$")


def _column_paragraph(page: _Page, rest: list[int], step: int) -> str:
    """The paragraph a print column broke into lines, from rest[step] to the line that ends it."""
    lines = []
    for x in rest[step:]:
        if x not in page.wrapped:
            break
        lines.append(page.text[x])
        if markers.PARAGRAPH_END.search(page.text[x]):
            break
    return " ".join(lines)


COLUMN_LINES = 4  # lines broken at a wider column's width that show it
COLUMN_SPREAD = 0.15  # how far from their middle length such lines may be
COLUMN_SHARE = 0.75  # of the broken lines, those about the middle length


def _column_words(page: _Page) -> int:
    """The most words a line of the page's print column holds: a newspaper column's, or more where the page shows a
    wider one (a web page printed to PDF, then copied): four lines or more of eight words or more that stop short of a
    sentence's end with the text going on right under them, most about as long as each other."""
    broken = [
        i
        for k, i in enumerate(page.order[:-1])
        if _words(page.text[i]) >= 8
        and not markers.SENTENCE_END.search(page.text[i])
        # a date line ("نُشر في 18 تشرين الثاني 2025 | 17:30") is no column's, nor the head a browser prints
        and not markers.header(page.text[i])
        and i not in page.order[:PRINTED_HEAD_LINES]
        and not _printed_furniture(page, i)
        and page.order[k + 1] == i + 1  # the line right under it, no blank line between
        and _words(page.text[i + 1]) >= 2
        and not markers.header(page.text[i + 1])  # a link's headline over its date goes on with no text
    ]
    if len(broken) < COLUMN_LINES:
        return WRAPPED_MAX_WORDS
    lengths = sorted(len(page.text[i]) for i in broken)
    middle = lengths[len(lengths) // 2]
    near = [n for n in lengths if abs(n - middle) <= COLUMN_SPREAD * middle]
    if len(near) < COLUMN_SHARE * len(lengths):
        return WRAPPED_MAX_WORDS
    return max(WRAPPED_MAX_WORDS, max(_words(page.text[i]) for i in broken) + 1)


def _wrapped_paragraphs(page: _Page) -> frozenset[int]:
    """The lines of paragraphs broken at the column's width, as a print page copied from its viewer gives them (on a
    page with hardly a line longer than a column's): three lines or more, none ending a sentence but the last, which
    does, and one of the others at least ending in the middle of a clause (a comma) or on a function word, as no
    headline of a list does. Each is a line of prose."""
    if sum(_words(page.text[i]) > page.column_words for i in page.order) > WRAPPED_LONG_LINES:
        return frozenset()  # a web page sets each paragraph on one line: only a print copy breaks them all
    found = _wrapped_runs(page, strict=True)
    # once the page shows its print column, its other paragraphs so broken below it are too: two lines or more that
    # end one sentence, where no line breaks a clause (above it stand the headline and the standfirst)
    if not found:
        return found
    return found | {i for i in _wrapped_runs(page, strict=False) if i > min(found)}


def _ends_on_a_function_word(s: str) -> bool:
    """ "... وذلك فى": a line that stops on a function word (a preposition, a conjunction, a pronoun, "كان"), in any
    spelling (Egyptian pages write في "فى"), breaks its clause: a sentence or a headline seldom ends so."""
    return fold(s.split()[-1])[0] in _FOLDED_STOPWORDS


# of a page's lines, those a blank line follows where a viewer copies it double-spaced
DOUBLE_SPACED_SHARE = 0.8


def _double_spaced(page: _Page) -> bool:
    """A copy that sets a blank line under nearly every line (some PDF viewers): blank lines then say nothing."""
    under = [i + 1 < len(page.text) and not page.text[i + 1].strip() for i in page.order[:-1]]
    return bool(under) and sum(under) >= DOUBLE_SPACED_SHARE * len(under)


def _next_blank_run_end(page: _Page, i: int) -> int:
    """Line i and the blank lines right under it: the last of them."""
    while i + 1 < len(page.text) and not page.text[i + 1].strip():
        i += 1
    return i


def _wrapped_runs(page: _Page, strict: bool) -> frozenset[int]:
    found: set[int] = set()
    run: list[int] = []
    seen = -1  # the last line the run took or passed over
    spaced = _double_spaced(page)
    for i in page.order:
        s = page.text[i]
        if len(run) == 1 and i > seen + 1 and not spaced:
            run = []  # a line alone over a blank one (a caption set apart) opens no column's paragraph
        if markers.PAGE_JUMP.match(s) and not strict and len(run) >= 2:
            found.update(run)  # a paragraph that goes on a page further, after its jump
        # a page break inside a paragraph: the footer a browser prints (the address, the page's number) and the
        # running head it prints on the next page (the page's first lines again), blank lines among them
        if run and _printed_furniture(page, i):
            seen = _next_blank_run_end(page, i)
            continue
        photo = (markers.header(s) or _NOTHING).role in ("caption", "credit")
        if photo and run and not markers.SENTENCE_END.search(page.text[run[-1]]):
            seen = _next_blank_run_end(page, i)
            continue  # a photo's caption or credit set inside a paragraph, which the column goes on with below
        seen = i
        marked = markers.ends_article(s) or markers.header(s) or markers.widget(s) or _LIST_ITEM.match(s)
        last = markers.PARAGRAPH_END.search(s)  # a paragraph's last line may be a word or two
        clause = bool(run) and _BROKEN_CLAUSE.search(s)  # or a clause's last word ("والماكريل،") over a photo
        # (once the column shows, a line of four long words goes on with the clause the line above broke, or
        # breaks one itself: "وفدا ضم ممثلين عن شركات عاملة في" over "قطاعات الطاقة والنقل والصناعات")
        goes_on = (
            not strict
            and bool(run)
            and (
                _BROKEN_CLAUSE.search(page.text[run[-1]])
                or _ends_on_a_function_word(page.text[run[-1]])
                or "،" in s
            )
        )
        short = _words(s) < (1 if last or clause else WRAPPED_MIN_WORDS - bool(goes_on))
        if _words(s) > page.column_words or short or marked or markers.LIST_COUNTER.match(s):
            run = []
            continue
        run.append(i)
        if not last:
            continue
        inner = run[:-1]
        broken = sum(
            bool(_BROKEN_CLAUSE.search(page.text[j]) or _ends_on_a_function_word(page.text[j])) for j in inner
        )
        words = sum(_words(page.text[j]) for j in run)
        if strict:
            wrapped = len(run) >= WRAPPED_MIN_LINES and bool(broken) and words >= LONG_LINE_WORDS
        else:
            wrapped = len(run) >= 2 and words >= MIN_PROSE_WORDS
        if wrapped:
            found.update(run)
        run = []
    return frozenset(found)


_SPEAKER = re.compile(r"^\s*([^\s:：]+(?:\s[^\s:：]+)?)\s*[:：]\s*\S")
# a transcript's speaker named alone on a line, the words under it: "رنا الخطيب:"
_SPEAKER_ALONE = re.compile(r"^\s*([^\s:：\d]+(?:\s[^\s:：\d]+){0,2})\s*[:：]\s*$")
TRANSCRIPT_TURNS = 3  # speakers' labels alone in a transcript
# the heading that names a transcript over its first turn: "نص الحلقة", "النص الكامل للمقابلة", "تفريغ الحوار"
# (opening on its word: a comments box may name a text, "تعليقات القراء على نص الخطاب")
_TRANSCRIPT_HEADING = re.compile(r"^\s*(?:ال)?(?:نص|تفريغ)(?![\u0621-\u064a])")
INTERVIEW_TURNS = 3  # lines opening on the same speaker's label: an interview's questions (or answers)


def _answered(question: str, below: str) -> bool:
    """Whether the line below a question is prose that answers it rather than restating it (a teaser does)."""
    own = content_words(question)
    return is_prose(below) and len(own & content_words(below)) < RESTATED * max(1, len(own))


def _question(s: str) -> bool:
    return _words(s) >= 6 and s.rstrip().endswith(("؟", "?"))


def _asked_in_the_interview(page: _Page, i: int) -> bool:
    """A question of an interview: it opens on a label ("نيفا: ..."، "س: ...") that opens two more lines of the
    page, or, where the page sets no label, it is one of three questions or more each over a paragraph; one of them
    already in the article above, and it asks in a sentence of six words or more; such a line goes on with the
    article after a box."""
    if not _question(page.text[i]):
        return False
    labelled = _labelled_turns(page, i)
    turns = labelled if labelled is not None else page.questions
    if labelled is None and i not in turns:
        return False
    # the interview has asked so already in the article's text (a box's headlines may share a label, "دراسة: ...")
    asked = any(j < i and page.role(j) == "body" for j in turns)
    return len(turns) >= INTERVIEW_TURNS and asked


def _labelled_turns(page: _Page, i: int) -> list[int] | None:
    """The lines that open on the label line i opens on ("س: ..."، "الواحي: ..."), or None if it opens on none."""
    found = _SPEAKER.match(page.text[i])
    return page.speakers.get(found.group(1), []) if found else None


def _turn_goes_on(page: _Page, i: int) -> bool:
    """An interview's turn ("س: ..."، "ج: ...") whose label opens turns of the article's text above it."""
    turns = _labelled_turns(page, i) or []
    return len(turns) >= INTERVIEW_TURNS and any(j < i and page.role(j) == "body" for j in turns)


def _a_turn_said_once(page: _Page, i: int) -> bool:
    """An interview's turn ("س: ...", its label opening two more lines of the page) that no longer turn of the same
    label says again (a highlight repeats an answer under its speaker's label: "الواحي: «...»")."""
    turns = _labelled_turns(page, i) or []
    others = [j for j in turns if j != i]
    return len(turns) >= INTERVIEW_TURNS and not _says_again(page, i, others)


POST_COUNTS_MAX_WORDS = 10
_REACTIONS = re.compile(r"\d[\d.,]*\s*(?:ألف\s+|K\s*)?(?:إعجاب|إعاد[ةه]\s+نشر|مشاركة|مشاهدة|تعليق)")


def _card_footer(page: _Page, i: int | None) -> bool:
    """A line that closes a post's card under its text: its date, a count, its signature or a button."""
    if i is None:
        return False
    s = page.text[i]
    stamp = markers.is_date_line(s) and bool(re.search(r"\d:\d\d", s))  # a post's time and date
    # its counts, in figures and the network's signs ("♥ 412   🔁 96"), and no words (a ratio "1 / 4", a time or a
    # year has no sign)
    signs = bool(re.search(r"\d", s) and re.search(r"[^\w\s.,:/·\-]", s)) and not re.search(
        r"[^\W\d_]{2,}", s
    )
    # or in words: "٣٤٥٠ إعادة نشر - ١٢ ألف إعجاب"
    counts = signs or (_words(s) <= POST_COUNTS_MAX_WORDS and bool(_REACTIONS.search(s)))
    return (
        (markers.widget(s) or _NOTHING).role == "embed"
        or stamp
        or counts
        or bool(re.fullmatch(r"[\d.,KkMm\s]+", s))
    )


def _under_a_handle(page: _Page, above: list[int]) -> bool:
    """A post's card copied from its top: the account's name, its handle alone on a line and maybe a follow
    button, then the post's text (which is not the article going on)."""
    lines = [page.text[x] for x in above[-2:]]
    while lines and (markers.header(lines[-1]) or _NOTHING).role == "share_bar":
        lines.pop()
    return bool(lines) and bool(markers.HANDLE_LINE.match(lines[-1]))


def _short_continuation(s: str) -> bool:
    """A short sentence that a connective opens ("وتتوزع الوثائق على النحو التالي:"): the article's own."""
    return _words(s) >= 4 and bool(markers.CONTINUATION.match(s)) and bool(markers.SENTENCE_END.search(s))


def _says_what_it_is(s: str) -> bool:
    """A line that a marker explains: the article may resume after a box made only of such lines."""
    return bool(
        markers.ends_article(s)
        or markers.widget(s)
        or markers.header(s)
        or markers.LIST_END.match(s)
        or markers.LIST_COUNTER.match(s)
    )


def _announces_a_story(page: _Page, i: int) -> bool:
    """A line that opens a list of other stories or may be another story's headline."""
    s = page.text[i]
    found = markers.ends_article(s)
    if found:
        return found.role == "related"
    if markers.widget(s) or markers.header(s) or markers.LIST_END.match(s) or markers.LIST_COUNTER.match(s):
        return False
    return _headline_like(page, i) and _words(s) >= 4


def _mark_box(page: _Page, gap: list[int]) -> None:
    """Mark the lines of a box inside the article; a short line right before the article resumes, after a box
    that closes (its last card is dated, the list ends, a caption or a widget), is the next section's
    subheading."""
    kind = _NOTHING
    table = _table_in(page, gap) | _facts_in(page, gap)
    schedule = _schedule_in(page, gap)
    lead_in = _lead_in(page, gap)
    # a photo a light version leaves out ("[صورة]") has one caption under it at most: where is the last of them
    photos = [m for m, y in enumerate(gap) if markers.PHOTO_PLACEHOLDER.match(page.text[y])]
    placeholder = bool(photos) and photos[0] == 0
    last = lead_in - 1  # the last line of the box, or the subheading above the article's lead-in
    for n, x in enumerate(gap):
        s = page.text[x]
        found = markers.ends_article(s) or markers.widget(s) or markers.header(s)
        if x in page.live_stamps:  # an update's time under the box that closed the update before it
            page.mark(x, "date_line", "live-update-time")
        elif n and gap[n - 1] in page.live_stamps and _update_heading(s):
            page.mark(x, "body", "live-update-heading")
        elif n and page.rule(gap[n - 1]) in _UPDATE_RULES and _update_sentence(s):
            page.mark(x, "body", "live-update-text")  # a short sentence of the update (an item of its list)
        elif x in table:
            page.mark(x, "body", "table-in-text")
        elif x in schedule:
            page.mark(x, "body", "schedule-in-text")
        elif n >= lead_in:
            page.mark(x, "body", "lead-in-after-box")
        elif n == last and _subheading_after_box(page, gap, n):
            page.mark(x, "body", "subheading-after-box")
        elif (
            placeholder
            and n >= max((m for m in photos if m < n), default=n) + 2
            and not found
            and kind.role in ("", "caption")
            and _words(s) <= SUBHEADING_MAX_WORDS
        ):
            page.mark(x, "body", "subheading-under-a-photo")  # the photo's one caption is above
        elif n == 0 and len(gap) > 1 and _heading_above_box(page, x, gap[1]):
            page.mark(x, "body", "subheading-above-box")
        elif found and kind.role == "related" and markers.header(s):
            page.mark(x, "related", "read-also-box")  # a card's date, credit or caption
        elif found:
            page.mark(x, found.role, found.rule)
            kind = found if found.role in ("related", "embed", "caption", "advertisement") else kind
        elif markers.LIST_END.match(s) or markers.LIST_COUNTER.match(s):
            page.mark(x, "related", "list-of-links")
        else:
            page.mark(x, kind.role or "navigation", f"{kind.rule or 'box'}-inside-article")
    first = page.text[gap[0]] if gap else ""
    post = (markers.widget(first) or _NOTHING).rule == "embedded-post"
    labelled = post and bool(markers.EMBED_TOP.search(first))  # a label over the card, not its signature
    signed = post and not labelled
    if (signed and _tops_a_card(page, gap[0])) or labelled:
        # the handle (or "منشور على فيسبوك") tops the post's card: over it the account's name, never the article's
        # paragraph
        name = page.before(gap[0])[-1:]
        short = name and _words(page.text[name[0]]) <= POST_ACCOUNT_WORDS
        if short and not page.prose(name[0]) and not markers.SENTENCE_END.search(page.text[name[0]]):
            page.mark(name[0], "embed", "post-account")
    elif signed:
        _post_above_signature(page, gap[0])


SCHEDULE_MIN_ITEMS = 3
SCHEDULE_DAY_WORDS = 5  # "الاثنين 25 نونبر 2024": a day's date before the colon


def _a_days_item(s: str) -> bool:
    """An item of a programme: a day's date, a colon, then what happens that day ("الاثنين 25 نونبر: حفل ...")."""
    day, colon, what = s.partition(":")
    found = _DAY_AND_MONTH.match(day)
    dated = bool(datetext.find_dates(day)) or (found is not None and found.group(1) in datetext.MONTHS)
    return bool(colon) and _words(day) <= SCHEDULE_DAY_WORDS and _words(what) >= 2 and dated


# a day without its year: "الاثنين 25 نونبر", "25 نونبر"
_DAY_AND_MONTH = re.compile(r"^\s*(?:[\u0621-\u064a]+\s+)?[\d٠-٩]{1,2}\s+([\u0621-\u064a]+)\s*$")


def _schedule_in(page: _Page, gap: list[int]) -> set[int]:
    """The days of a programme set among the paragraphs (three or more one under another, each a day's date, a
    colon and what happens), with the short heading over them: the article's own (a box's cards show a headline and
    its date, not a date and a colon)."""
    run = [x for x in gap if _a_days_item(page.text[x])]
    if len(run) < SCHEDULE_MIN_ITEMS or run != gap[gap.index(run[0]) : gap.index(run[0]) + len(run)]:
        return set()
    above = gap[: gap.index(run[0])]
    if any((markers.ends_article(page.text[x]) or _NOTHING).role == "related" for x in above):
        return set()  # under "اقرأ أيضا" or "الأكثر قراءة": a box's cards, dated before their headlines
    if not _speaks_of_the_article(page, gap[0], [page.text[x].partition(":")[2] for x in run]):
        return set()  # (a weather or a fixtures box speaks of other things than the article)
    heading = [
        x for x in above[-1:] if _words(page.text[x]) <= SUBHEADING_MAX_WORDS and not _marked(page.text[x])
    ]
    return set(run) | set(heading)


def _marked(s: str) -> bool:
    """A line a marker explains: a box's, an advert's, a widget's or the header's."""
    return bool(markers.ends_article(s) or markers.widget(s) or markers.header(s) or _promotion(s))


_CELL_SEPARATOR = re.compile(r"\t|\s\|\s")


def _dated_cell(s: str) -> bool:
    """A row with a cell that is a date or a time ago: a card's."""
    return any(datetext.find_dates(c) or datetext.RELATIVE.search(c) for c in _CELL_SEPARATOR.split(s))


def _table_in(page: _Page, gap: list[int]) -> set[int]:
    """The rows of a table of figures set among the paragraphs (three rows or more with the same number of cells,
    split by tabs or " | ", most of them with digits), with the line that introduces it: the article's own data,
    not a box (an embedded post's "Channel | Breaking" has two cells and no figures)."""
    cells = [page.cells[x] for x in gap]
    rows: set[int] = set()
    n = 0
    while n < len(gap):
        end = n
        while end + 1 < len(gap) and cells[end + 1] == cells[n]:
            end += 1
        run = gap[n : end + 1]
        figures = sum(bool(re.search(r"\d", page.text[x])) for x in run)
        # rows under a box's marker (read also, most read, a ticker), or a marker in the first row: the box's; but
        # a read-also box holds links, not figures: rows a card and a title below its marker are the article's
        # (unless they are dated, as cards are: "headline | 8 أبريل 2025", "headline | منذ 3 ساعات")
        dated = any(_dated_cell(page.text[x]) for x in run)
        explained = any(
            _says_what_it_is(page.text[x])
            and not (markers.READ_ALSO.match(page.text[x]) and n - m >= 3 and not dated)
            for m, x in enumerate(gap[: n + 1])
        )
        if cells[n] >= 2 and len(run) >= 3 and 2 * figures >= len(run) and not explained:
            rows.update(run)
            above = gap[n - 1] if n else None
            if above is not None and above not in rows and not _says_what_it_is(page.text[above]):
                rows.add(above)  # the table's title, or the sentence that announces it
        n = end + 1
    return rows


def _list_item(page: _Page, j: int) -> bool:
    """An item of a list: a bullet or a number opens it, or (a saved page's items carry no bullet) its markup says
    it is one more item of the list above."""
    return bool(_LIST_ITEM.match(page.text[j])) or "next-item" in page.hints.get(j, frozenset())


FACTS_MIN_ITEMS = 3


def _a_fact(s: str) -> bool:
    """A label in words, a colon and its value: "الكميات المصدرة: أكثر من 160 ألف طن", or a list's item ("• القمح:
    41%"). A clock's "14:05 ..." opens a ticker's item, and a label of one word alone names what a ticker prices
    ("الدولار: 3.67 درهم")."""
    item = _LIST_ITEM.sub("", s, count=1)
    label = item.partition(":")[0]
    worded = len(re.findall(r"[^\W\d_]{2,}", label)) >= (1 if item != s else 2)
    return bool(_FACT.match(item)) and worded and not _marked(s)


def _facts_in(page: _Page, gap: list[int]) -> set[int]:
    """The article's figures set among its paragraphs, as an infographic's text or a box of key figures gives them:
    three facts or more (a label, a colon and a value, most values with a figure: a timeline's "2016: ..." and a box
    that sets each figure first, "1.2 مليون طن: ...", have none), one under another or under short headings, that
    speak of the article (a box's cards are headlines, not labels with values; a ticker's or a poll's labels say
    nothing of the text)."""
    run: list[int] = []
    for n, x in enumerate(gap):
        s = page.text[x]
        heading = (
            _words(s) <= SUBHEADING_MAX_WORDS
            and not _marked(s)
            and n + 1 < len(gap)
            and _a_fact(page.text[gap[n + 1]])
        )
        if _a_fact(s) or heading:
            run.append(x)
        elif run:
            break
    facts = [x for x in run if _a_fact(page.text[x])]
    figures = sum(bool(re.search(r"\d", page.text[x].partition(":")[2])) for x in facts)
    if len(facts) < FACTS_MIN_ITEMS or 2 * figures < len(facts):
        return set()
    boxes = ("related", "advertisement")
    above = gap[: gap.index(run[0])]
    if any(
        (markers.ends_article(page.text[x]) or _promotion(page.text[x]) or _NOTHING).role in boxes
        for x in above
    ):
        return set()  # under "اقرأ أيضا", "الأكثر قراءة" or "إعلان": a box's cards, an advert's prices
    return set(run) if _speaks_of_the_article(page, gap[0], [page.text[x] for x in facts]) else set()


def _list_from(page: _Page, rest: list[int], k: int) -> int:
    """How many lines from rest[k] on are the article's own list (a short heading, then its items); 0 if none."""
    end = k if _list_item(page, rest[k]) else k + 1
    while end < len(rest) and _list_item(page, rest[end]):
        end += 1
    return end - k if _an_articles_list(page, rest[k:end]) else 0


LIST_MIN_ITEMS = 2
# "قواعد التعليق"، "إرشادات التعليق"، "قبل أن تكتب": a heading over the site's rules for comments ("شروط المشاركة"
# heads a contest's conditions)
_COMMENT_RULES = re.compile(
    r"(?:قواعد|شروط|ضوابط|سياس[ةه]|إرشادات|ميثاق|آداب)\s+(?:ال)?تعليق|قبل\s+(?:أن\s+تكتب|التعليق)"
)
# of the items' content words, so many in the text above (a site's rules, an app's pitch share none)
LIST_SHARED_WORDS = 2
_FACT = re.compile(r"^[^:：]{2,60}[:：]\s*\S")


def _an_articles_list(page: _Page, lines: list[int]) -> bool:
    """Lines that are the article's own list: perhaps a short heading, then two items or more (bulleted or
    numbered), each a sentence closed by a full stop or, but the last, a semicolon, as a sentence's list of
    clauses sets them (a box's links are headlines, which close on none), or each a
    fact, a label and its value, under a heading with a colon ("الملف في أرقام:" over "- المبادلات التجارية: 2.6
    مليار دولار"; a table of contents' items are headlines); no marker explains any of them, and the items speak of
    what the article does (a site's rules for comments or an app's pitch end their items so too)."""
    if any(_says_what_it_is(page.text[x]) for x in lines):
        return False
    announced = bool(lines) and _ends_on_colon(page.text[lines[0]])
    items = [
        x
        for x in lines
        if _list_item(page, x)
        and (
            (announced and _FACT.match(page.text[x]))
            or page.text[x].rstrip().endswith(".")
            or (x != lines[-1] and page.text[x].rstrip().endswith(("؛", ";")))
        )
    ]
    heading = lines[: len(lines) - len(items)]
    if len(items) < LIST_MIN_ITEMS or items != lines[len(heading) :] or len(heading) > 1:
        return False  # (the items close the lines, one under another, under one heading at most)
    if heading and _words(page.text[heading[0]]) > SUBHEADING_MAX_WORDS:
        return False
    if heading and _COMMENT_RULES.search(page.text[heading[0]]):
        return False  # the site's rules for comments, under a heading that names them
    return _speaks_of_the_article(page, lines[0], [page.text[x] for x in items])


def _speaks_of_the_article(page: _Page, first: int, texts: list[str]) -> bool:
    """The texts (a list's items, a programme's days) share LIST_SHARED_WORDS content words or more with the
    article's text above line first."""
    said = set().union(
        *(content_words(page.text[j]) for j in page.order if j < first and page.role(j) == "body")
    )
    listed = set().union(*(content_words(t) for t in texts))
    return len(said & listed) >= LIST_SHARED_WORDS


def _heading_above_box(page: _Page, i: int, box: int) -> bool:
    """A saved page's heading of the article right above a box (a widget, or a read-also box the article resumes
    after): the section the box sits in."""
    s = page.text[i]
    boxed = markers.widget(page.text[box]) or _related_marker(page.text[box])
    return (
        "heading" in page.hints.get(i, ())
        and bool(boxed)
        and _words(s) <= SUBHEADING_MAX_WORDS
        and not (markers.ends_article(s) or markers.widget(s) or markers.header(s))
    )


def _lead_in(page: _Page, gap: list[int]) -> int:
    """Where the article resumes at the end of a box: its own sentence that announces a list (it ends with a
    colon) and the list's items after it; len(gap) if it does not. On a saved page a shorter heading does too,
    where neither it nor the items are links (a box's cards link their stories); right under the box's marker
    only where the marker's line carries its one link itself ("اقرأ أيضا: ...")."""
    first = 1 if gap and page.hints and _inline_link_words(page.text[gap[0]]) else 2
    for n in range(len(gap) - 1, first - 1, -1):
        s = page.text[gap[n]].rstrip()
        if (
            s.endswith(":")
            and (_words(s) >= 4 or _unlinked(page, gap[n:]))
            and not (markers.ends_article(s) or markers.widget(s))
        ):
            return n
        if not _LIST_ITEM.match(s):
            break
    return len(gap)


def _unlinked(page: _Page, lines: list[int]) -> bool:
    """Lines of a saved page (copied text says nothing of links) none of which holds a link."""
    return bool(page.hints) and not any({"link", "some-link"} & page.hints.get(x, frozenset()) for x in lines)


def _inline_link_words(marker_line: str) -> list[int]:
    """The words of the headline a "read also:" line carries after its colon, if it carries one."""
    _, colon, link = marker_line.partition(":")
    return [_words(link)] if colon and _words(link) >= 3 else []


def _opens_a_section(page: _Page, i: int) -> bool:
    """A short line under a box of links that can be a subheading: two words or more (or a question), and not a
    link to more of the box ("عرض الكل", "المزيد"); a lone word is a section's name."""
    s = page.text[i]
    return not markers.SEE_ALL.match(s) and (_words(s) >= 2 or s.rstrip().endswith(("?", "؟")))


# «الأسمدة أولاً»: a phrase of a few words in quotes ends no sentence (a longer line in quotes is a video's title or
# a post's words)
_QUOTED_PHRASE = re.compile(r'^[«"“](?:[^\s.!؟?…«»"“”]+\s?){1,3}[»"”]$')


def _titled(page: _Page, gap: list[int]) -> bool:
    """A box of a video or a gallery: the line in quotes after its marker is its title."""
    return any((markers.widget(page.text[x]) or _NOTHING).rule in ("video", "gallery") for x in gap)


_ATTRIBUTION = re.compile(r"^\s*[—–]\s*\S")


_PLAYER_WORD = re.compile(r"^\s*(?:استمع|استماع|شاهد|مشاهدة)\s*$")


# a time alone, as a card of other stories shows it: "قبل ساعة", "منذ 35 دقيقة", "أمس"
_CARD_TIME = re.compile(
    r"^\s*(?:(?:قبل|منذ)\s+(?:[\d٠-٩]+\s+)?(?:ثانية|ثوان|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين"
    r"|أسبوع|أسابيع|أسبوعين|شهر|أشهر|شهرين)|أمس|أول\s+أمس|البارحة)\s*$"
)


def _time_alone(s: str) -> bool:
    """A card's time alone on its line: an age ("منذ ساعتين") or "قبل ساعة", "أمس"."""
    return _age(s) is not None or bool(_CARD_TIME.match(s))


def _a_cards_time(page: _Page, gap: list[int], n: int, related: bool) -> bool:
    """The time at gap[n] is a card's: other cards of the box show theirs, or it stands under the box's marker and
    its one card's headline (not a video's), where the article heads no section of its own so (a chronicle's
    "قبل أسبوع", "قبل يومين", then this one)."""
    if any(_time_alone(page.text[x]) for x in gap[:n]):
        return True
    if not related or n != 2 or markers.widget(page.text[gap[1]]):
        return False
    return not any(
        page.role(x) == "body" and _CARD_TIME.match(page.text[x]) for x in page.order if x < gap[0]
    )


def _subheading_after_box(page: _Page, gap: list[int], n: int) -> bool:
    s, hints = page.text[gap[n]], page.hints.get(gap[n], frozenset())
    # a subheading may ask a question; one that ends a sentence otherwise is a box's line
    # (a saved page's markup says what is a heading: it may be longer than a copied subheading looks, except
    # after a box of other stories, whose cards' headlines are headings too)
    related = _related_marker(page.text[gap[0]])
    most = MARKED_HEADING_MAX_WORDS if "heading" in hints and not related else SUBHEADING_MAX_WORDS
    if (
        n == 0
        or _words(s) > most
        or "link" in hints
        or "next-item" in hints  # one more item of the box's list
        or (
            markers.PARAGRAPH_END_NOT_QUESTION.search(s)
            and not (_QUOTED_PHRASE.match(s) and not _titled(page, gap))
        )
    ):
        return False
    if markers.ends_article(s) or markers.widget(s) or markers.header(s) or markers.LIST_END.match(s):
        return False
    if markers.CONTACT_LINE.match(s):
        return False  # an advert's telephone at its end ("للاتصال: 05.37..."), no heading of the text
    if markers.SEE_ALL.match(s):
        return False  # the box's link to all of its kind ("كل النتائج", "عرض المزيد"), no heading of the text
    if _closes_a_pair(page, gap, n):
        return False  # the name under the box's last card, as under each card above it
    if _CARD_TIME.match(s) and _a_cards_time(page, gap, n, related):
        return False  # a card's time ("قبل ساعة", "أمس") in a box of cards, or under the box's marker and its card
    if n == 1 and markers.VIDEO_LABEL.match(page.text[gap[0]]) and "heading" not in hints:
        return False  # the label alone ("فيديو") over the one line under it: the video's title
    if _PLAYER_WORD.match(s) and markers.widget(page.text[gap[n - 1]]):
        return False  # "استمع" under a player's length or title: its button (elsewhere a word of the text)
    if markers.POLL_RESULTS.match(s) and any(markers.POLL.match(page.text[x]) for x in gap[:n]):
        return False  # "النتائج" under a poll's vote button: the poll's other button
    if datetext.find_dates(s) or datetext.RELATIVE.search(s) or markers.BULLET.match(s):
        return False
    if not re.search(r"[^\W\d_]", s):
        return False  # figures alone (a post's count of replies): no words to head a section with
    if _ATTRIBUTION.match(s) and _CLOSING_MARK.search(page.text[gap[n - 1]].rstrip()[-1:]):
        return False  # "— أندريه سافيليف" under a quotation: who said it
    if "heading" in hints:  # the page marks it up as a heading of the article
        return True
    before = page.text[gap[n - 1]]
    opener = markers.ends_article(page.text[gap[0]])
    if opener is None or opener.role != "related":
        return True
    # cards of a photo and a headline: the photo's line opens the next card, closing nothing
    photo = ("caption", "credit")
    if (markers.header(before) or _NOTHING).role in photo and any(
        (markers.header(page.text[x]) or _NOTHING).role in photo for x in gap[1 : n - 1]
    ):
        return False
    # in a box of links a short line is one more link, unless the box has visibly closed, or the line is far
    # shorter than the box's links (a headline of other stories is a sentence, a subheading a few words)
    links = [_words(page.text[x]) for x in gap[1:n]] + _inline_link_words(page.text[gap[0]])
    if links and 2 * _words(s) <= min(links) and _opens_a_section(page, gap[n]):
        return True
    return n >= 2 and bool(
        markers.LIST_END.match(before)
        or datetext.find_dates(before)
        or datetext.RELATIVE.search(before)
        or markers.widget(before)
        or markers.header(before)
    )


CARD_NAME_MAX_WORDS = 3
CARD_HEADLINE_MIN_WORDS = 5
CARD_PAIRS_MIN = 3


def _closes_a_pair(page: _Page, gap: list[int], n: int) -> bool:
    """Cards of a headline and a name under it (a sponsored box: the advertiser's or the section's name, "محتوى
    مدعوم"): gap[n], a name's length under a headline's, closes the last of three such pairs or more in a row. Where
    the name stands over each headline instead, a name stands over the first pair: the short line after the last
    card heads the text."""
    pairs = 0
    while n - 2 * pairs - 1 >= 0 and _card_name(page, gap[n - 2 * pairs]):
        if _words(page.text[gap[n - 2 * pairs - 1]]) < CARD_HEADLINE_MIN_WORDS:
            break
        pairs += 1
    over = n - 2 * pairs
    return pairs >= CARD_PAIRS_MIN and not (over >= 0 and _card_name(page, gap[over]))


def _card_name(page: _Page, i: int) -> bool:
    """A name under (or over) a card's headline: a few words, no figures (a gallery's "2 / 4"), no marker."""
    s = page.text[i]
    return _words(s) <= CARD_NAME_MAX_WORDS and not re.search(r"[\d٠-٩]", s) and not _says_what_it_is(s)


_MEDIA_LINK = re.compile(r"^\s*(?:pic\.twitter\.com/|https?://)\S*\s*$", re.I)


def _post_above_signature(page: _Page, signature: int) -> None:
    """An embedded post's text stands right above its signature, with the account's name over it: lines that
    were taken for the article's (or a caption's) before the signature showed what they are."""
    above = page.before(signature)
    # the post's reactions, counts and date (its day and month alone: "12 فبراير ·")
    while above and (
        page.role(above[-1]) in ("embed", "date_line") or datetext.DAY_AND_MONTH.match(page.text[above[-1]])
    ):
        if page.role(above[-1]) == "body":  # (a day without its year reads as no date line)
            page.mark(above[-1], "embed", "post-date", sure=False)
        above.pop()
    if not above or page.role(above[-1]) not in ("body", "caption"):
        return
    page.mark(above[-1], "embed", "post-above-signature", sure=False)
    # the post's photo, as its link ("pic.twitter.com/..."), under its text, which its account's handle tops
    linked = _MEDIA_LINK.match(page.text[above[-1]]) and len(above) > 2
    if (
        linked
        and page.role(above[-2]) in ("body", "caption")
        and markers.HANDLE_LINE.match(page.text[above[-3]])
    ):
        above.pop()
        page.mark(above[-1], "embed", "post-above-signature", sure=False)
    if (
        markers.HASHTAGS.match(page.text[above[-1]])
        and len(above) > 2
        and page.role(above[-2]) == "body"
        and page.text[above[-3]].endswith(":")  # "كتب على حسابه:" announced the post
    ):
        above.pop()  # the post's hashtags close its text
        page.mark(above[-1], "embed", "post-above-signature", sure=False)
    for h in reversed(above[-3:-1]):  # the account's name, and the post's date
        if page.role(h) == "date_line":
            continue
        # (the account's name under the card's label reads as a subheading under a box)
        if page.decided.get(h + 1, _UNDECIDED).decided_by not in (
            "rule:short-line-in-text",
            "rule:subheading-after-box",
        ):
            break
        announces = markers.CONTINUATION.match(page.text[h]) and _words(page.text[h]) > BYLINE_MAX_WORDS
        if _ends_on_colon(page.text[h]) or announces:
            break  # "وكتب ... على منصة إكس:" announces the post: the article's sentence, not the account's name
        if page.text[h].rstrip().endswith((".", "؛", "!")):
            break  # a sentence's end: the article's (a list's last item), never an account's name or a date
        page.mark(h, "embed", "post-above-signature", sure=False)


_UNDECIDED = LineDecision(0, "", "")
QUOTED = re.compile(r'^\s*[«"“]([^«»"“”]{10,})[»"”]\s*$')


def _quoted_elsewhere(page: _Page, i: int) -> bool:
    """A short pull quote: a line in quotation marks whose words stand as they are in a longer line nearby."""
    found = QUOTED.match(page.text[i])
    if not found or _words(found.group(1)) < 4:
        return False
    at = page.order.index(i)
    if at > 0 and page.text[page.order[at - 1]].endswith((":", "：")):
        return False  # a quotation the line above introduces is the article's own
    inner = unquoted(found.group(1))
    # a quote of a sentence's length may stand further below its paragraph (not above it: a card's teaser under
    # the text may quote the article)
    far = [j for j in page.order if j < i] if _words(inner) >= PULL_QUOTE_MIN_WORDS - 1 else []
    near = [j for j in [*_neighbours(page, i), *far] if j != i and page.role(j) not in ("title", "summary")]
    # (the paragraph may quote only a part of it: 'إن الرباط "تتعامل مع ..."')
    return any(len(page.text[j]) > len(page.text[i]) + 10 and inner in unquoted(page.text[j]) for j in near)


def unquoted(text: str) -> str:
    """A line without its quotation marks, its words one space apart."""
    return " ".join(re.sub(r"[«»\"“”„]", "", text).split())


def _neighbours(page: _Page, i: int) -> list[int]:
    """The four non-blank lines either side of line i, where a pull quote's paragraph stands."""
    at = page.order.index(i)
    return [j for j in page.order[max(0, at - 4) : at + 5] if j != i]


_QUOTE_MARK = re.compile(r'\s*[«»"“”„]\s*')
_CLOSING_MARK = re.compile(r'[»"”]')


def _caption_under_credit(page: _Page, rest: list[int], k: int) -> bool:
    """The photo's caption stands under its credit (rest[k]): "مصدر الصورة، ..." then "التعليق على الصورة، ...", so
    the line above the credit is no caption (unless it is one too, a photo's above)."""
    if k + 1 >= len(rest) or k < 1 or markers.CAPTION_LABEL.match(page.text[rest[k - 1]]):
        return False  # the line above the credit is itself a caption ("التعليق على الصورة، ..."), of a photo above
    return bool(markers.CAPTION_LABEL.match(page.text[rest[k + 1]]))


def _pull_quote_under_mark(page: _Page, rest: list[int], k: int) -> bool:
    """A box's opening quotation mark alone on its line (rest[k]), then one line of quote that the text says in
    full, closed by nothing or by a mark alone on the next line: a pull quote. Not a quotation the article opens
    there: under a line that announces it (":") or leaves a quote open, or going on over more lines (a verse, a
    quotation split over lines, which a closing mark at the end of the next line or alone two lines down shows)."""
    if (
        not _QUOTE_MARK.fullmatch(page.text[rest[k]])
        or page.text[rest[k]].strip() in "»”"
        or k + 1 >= len(rest)
    ):
        return False
    above = page.text[rest[k - 1]] if k else ""
    if _ends_on_colon(above) or sum(above.count(c) for c in '"“”«»') % 2:
        return False
    following = [page.text[j] for j in rest[k + 2 : k + 4]]
    closed_below = bool(following) and _QUOTE_MARK.fullmatch(following[0])
    split = bool(following) and not closed_below and _CLOSING_MARK.search(following[0].rstrip()[-2:])
    verse = len(following) > 1 and not closed_below and _QUOTE_MARK.fullmatch(following[1])
    if split or verse:
        return False
    return _repeats_the_text(page, rest[k + 1], marked=True)


_OPENING_MARK = re.compile(r'^\s*["“«]')
_ANY_MARK = re.compile(r'["“”«»]')
PULL_QUOTE_LINES = 6  # a box's quotation set in large type over a few short lines
QUOTE_SEARCH_LINES = 12  # the lines either side where the article says the quotation in full


def _pull_quote_over_lines(page: _Page, rest: list[int], k: int) -> int:
    """A quotation set over two to six short lines (a print page's box: an opening mark on the first, a closing one
    at the end of the last) whose words the article says in full nearby: how many lines it takes; 0 where it is
    the article's own quotation (a verse, a quote the text does not say again)."""
    first = page.text[rest[k]]
    if not _OPENING_MARK.match(first) or _ANY_MARK.search(first.lstrip()[1:]) or _words(first) < 2:
        return 0  # (a mark alone on its line opens a box whose quote _pull_quote_under_mark reads)
    for end in range(k + 1, min(k + PULL_QUOTE_LINES, len(rest))):
        s = page.text[rest[end]]
        if _words(s) > WRAPPED_MAX_WORDS:
            return 0
        marks = _ANY_MARK.findall(s)
        if not marks:
            continue
        if len(marks) > 1 or not _CLOSING_MARK.search(s.rstrip()[-1:]) or _words(s) < 2:
            return 0
        quote = " ".join(_ANY_MARK.sub(" ", " ".join(page.text[x] for x in rest[k : end + 1])).split())
        near = rest[max(0, k - QUOTE_SEARCH_LINES) : k] + rest[end + 1 : end + 1 + QUOTE_SEARCH_LINES]
        said = " ".join(_ANY_MARK.sub(" ", " ".join(page.text[x] for x in near)).split())
        return end + 1 - k if _words(quote) >= 5 and quote in said else 0
    return 0


# "«صدى الخليج»: حذر محسوب": a short name in quotation marks, a colon, and words of the line's own, unquoted
_NAMED_SOURCE_HEADING = re.compile(r'^\s*[«"“][^«»"“”]{2,40}[»"”]\s*[:：]\s*[^«»"“”:：]{2,60}$')


def _repeats_the_text(page: _Page, i: int, marked: bool = False) -> bool:
    """A pull quote: a line whose words are a part of a longer line nearby. marked: a quotation mark alone on the
    line above sets it apart, so a shorter quote (three words or more) is one too."""
    s = page.text[i]
    if _quoted_elsewhere(page, i):
        return True
    if _a_turn_said_once(page, i):
        return False  # "س: ..." where the label opens the interview's other questions: one of them
    if _NAMED_SOURCE_HEADING.match(s):
        return False  # a press review's heading: the paper it quotes, in quotation marks, and what it says
    if _asks_over_its_answer(page, i):
        return False  # a question over its answer, which says its words again: an explainer's heading

    if _words(s) < (3 if marked else PULL_QUOTE_MIN_WORDS) or _ends_on_colon(s):
        return False  # too short to say it again, or a lead-in ("... أبرزها:") that announces what follows
    own = content_words(s)
    # most of its words, not all: a quote set apart may change a word's case ending (الطرفان، الطرفين); a line
    # all in quotation marks that closes no sentence may shorten the quote it repeats, in words of its own
    quoted = QUOTED.match(s)
    above = page.before(i)[-1:]
    introduced = bool(above) and page.text[above[0]].rstrip().endswith(
        (":", "：")
    )  # the article's own quotation
    boxed = (
        quoted is not None
        and not quoted.group(1).rstrip().endswith((".", "!", "؟", "?", "…"))
        and not introduced
    )
    near = _neighbours(page, i)
    # (a sentence's length shortened from a paragraph further up the page: a box set away from it)
    continued = bool(above) and QUOTED.match(page.text[above[0]]) is not None  # a quotation over paragraphs
    far = page.order if _words(s) >= PULL_QUOTE_MIN_WORDS and not continued else []
    if boxed and (_repeats_above(page, i, own, near) or _repeats_above(page, i, own, far, FAR_QUOTE_SHARE)):
        return True
    if _an_item(s):
        # an item says what the items beside it say, in other words: it quotes none of them
        near = [j for j in near if not _an_item(page.text[j])]
        items = [j for j in page.before(i)[-1:] + page.after(i)[:1] if _an_item(page.text[j])]
        if items and not any(_says_again(page, j, near) for j in items):
            return False  # one item of the article's list says again what it says (key points restate it all)
    return _says_again(page, i, near)


def _says_again(page: _Page, i: int, near: list[int]) -> bool:
    """Most of line i's words are in a longer line among `near`."""
    s = page.text[i]
    own = content_words(s)
    return any(
        len(page.text[j]) > len(s) + 10
        and len(own & content_words(page.text[j])) >= PULL_QUOTE_SHARE * len(own)
        for j in near
    )


def _repeats_above(
    page: _Page, i: int, own: set[str], near: list[int], share: float = QUOTE_BOX_SHARE
) -> bool:
    """A line all in quotation marks that shortens, in words of its own, the quote of a longer paragraph above it
    (half its words there, more where the paragraph stands further up): a pull quote; a quotation that the
    paragraphs after it explain is the article's."""
    mine = own - _FOLDED_STOPWORDS
    return any(
        j < i
        and len(page.text[j]) > len(page.text[i]) + 10
        and len(mine & _meaningful_words(page.text[j])) >= share * max(1, len(mine))
        for j in near
    )


_PARTS_OF_A_HEADLINE = re.compile(r"\S\s*(?:\.\.+|…)\s*\S")


def _pull_quote(page: _Page, rest: list[int], k: int) -> int:
    """Mark a pull quote and the speaker's name under it; the index in rest after them."""
    page.mark(rest[k], "pull_quote", "repeats-the-text")
    if k + 1 < len(rest):
        name = page.text[rest[k + 1]]
        # (two stops or an ellipsis between its words set a headline's two parts apart, as in no one's name)
        headline = bool(_PARTS_OF_A_HEADLINE.search(name))
        if (
            _words(name) <= 8
            and not page.prose(rest[k + 1])
            and not markers.SENTENCE_END.search(name)
            and not headline
        ):
            # the speaker is named in the article; a subheading's words are those of the paragraph under it
            said = " ".join(page.text[j] for j in page.order if j < rest[k] and page.role(j) == "body")
            # (a name comes again as the article wrote it; a subheading's words are a few of the paragraphs')
            spelled = _named_before(name, said)
            named = spelled or _names_the_source(page, rest[k], name)
            if named and not markers.is_date_line(name):
                page.mark(rest[k + 1], "pull_quote", "speaker-under-pull-quote")
                if k + 2 < len(rest) and _office(page, rest, k + 2):
                    page.mark(rest[k + 2], "pull_quote", "speaker-under-pull-quote")
                    return k + 3
                return k + 2
    return k + 1


_ARABIC_WORD = re.compile(r"[\u0621-\u0652]+")


# a verb of saying or an office, which a family name follows in a text that names someone by it
_SAID_BY = (
    r"(?:و?(?:قال|ت?قول|يقول|أضاف|يضيف|أكد|يؤكد|أوضح|يوضح|اعتبر|يعتبر|رأى|يرى|أشار|يشير|لفت|شدد|تابع|ختم|يختم|خلص)ت?"
    r"|(?:ال)?(?:وزير|سفير|رئيس|مدير|خبير|باحث|أستاذ|دكتور|نائب|مستشار|محلل|الدكتور))"
)


def _named_before(line: str, said: str) -> bool:
    """Whether a line under a pull quote names someone the article named before it: the name ("— أندريه كالينين،
    نائب وزير ...", "سامي الرمان (الواحة)", "سامي الرمان/ وزير ..."), whole as the text wrote it, or a name of two or
    three words whose family name the text wrote ("وقال الرمان"); not a phrase (a definite noun's, one with a
    preposition), which a subheading is."""
    who = " ".join(re.split(r"[،,(/]", line)[0].strip(" —–-").split())
    words = who.split()
    if not words:
        return False
    text = " " + " ".join(_ARABIC_WORD.findall(said)) + " "  # its words, without the punctuation
    if (len(words) >= 2 or _ATTRIBUTION.match(line)) and f" {who} " in text:
        return True
    phrase = words[0].startswith("ال") or any(fold(w)[0] in _FOLDED_STOPWORDS for w in words)
    # the family name as a name is written: after a verb of saying or an office ("وقال الرمان", "الوزير الرمان"),
    # not as a common noun in a sentence ("الشراكة")
    family = re.search(rf"{_SAID_BY} {re.escape(words[-1])} ", text)
    return 2 <= len(words) <= 3 and not phrase and bool(family)


def _names_the_source(page: _Page, quote: int, name: str) -> bool:
    """A name that a nearby paragraph holding the pull quote's words writes out whole, set off as a name is (between
    commas or in parentheses, or after an office): the speaker of the quote, named under it before the article
    names them (a subheading's words run on inside a sentence of its paragraph)."""
    own, name = content_words(page.text[quote]), " ".join(name.split())
    return _words(name) >= 2 and any(
        _set_off(" ".join(page.text[j].split()), name)
        and len(own & content_words(page.text[j])) >= 0.5 * len(own)
        for j in _neighbours(page, quote)
        if len(page.text[j]) > len(page.text[quote])
    )


def _set_off(paragraph: str, name: str) -> bool:
    """Whether the paragraph writes the name between commas, in parentheses, or after an office ("رئيس ...")."""
    for m in re.finditer(re.escape(name), paragraph):
        before, after = paragraph[: m.start()].rstrip(), paragraph[m.end() :].lstrip()
        previous = before.rsplit(maxsplit=1)[-1].removeprefix("ال") if before else ""
        if before.endswith(("،", ",", "(")) or after.startswith(("،", ",", ")")):
            return True
        if any(previous == w.removeprefix("ال") for w in markers.TITLE_WORDS):
            return True
    return False


def _office(page: _Page, rest: list[int], k: int) -> bool:
    """A speaker's office on its own short line ("نائب وزير الثقافة"), not a subheading: a subheading's words
    come back in the paragraph under it."""
    s = page.text[rest[k]]
    words = s.split()
    if not (1 < len(words) <= 8 and words[0] in markers.TITLE_WORDS and not markers.SENTENCE_END.search(s)):
        return False
    under = page.text[rest[k + 1]] if k + 1 < len(rest) else ""
    return not (content_words(s) - content_words(words[0])) & content_words(under)


def _is_credit(s: str) -> bool:
    return markers.is_credit(s)


def _credits_a_photo(page: _Page, above: str, credit: int) -> bool:
    """A photo credit under the line above (a credit's word, or a name in Latin script alone over the text going on);
    or "المصدر: ..." in a few words under a caption (on a page that ends its
    paragraphs with a full stop, a line of four words or more that ends no sentence and is no aside in parentheses,
    "(انتهى)") when the article goes on after it. Under the article's last sentence "المصدر:" is its source."""
    s = page.text[credit]
    if markers.is_credit(s):
        return True
    # a photo agency's name alone under a short line ("Sputnik"), the text going on below (a list's item may give a
    # brand's Latin name under its Arabic one)
    below = page.after(credit)[:1]
    named = bool(markers.PHOTO_AGENCY.fullmatch(s))
    if named and not is_prose(above) and not above.rstrip().endswith(":") and below and page.prose(below[0]):
        return _words(above) <= CAPTION_MAX_WORDS and bool(re.search(r"[\u0621-\u064a]", above))
    caption = (
        page.punctuates
        and _words(above) >= 4
        and not markers.PARAGRAPH_END.search(above)
        and not above.startswith("(")
    )
    if not (caption and markers.SOURCE_LINE.match(s) and _words(s) <= 6):
        return False
    following = page.after(credit)[: LOOKAHEAD + 1]
    after = next((j for j in following if page.prose(j)), None)
    if after is None:
        return False
    between = following[: following.index(after)]
    if any(_announces_a_story(page, j) for j in between):
        return False  # another story's headline, then its paragraph
    # a subheading, or a paragraph that goes on with the article's words or from its sentence
    return (
        bool(between)
        or bool(markers.CONTINUATION.match(page.text[after]))
        or _goes_on_with(page, page.before(credit), page.text[after])
    )


def _short_credit(s: str) -> bool:
    """A credit that may follow a caption written as a sentence: three words, or a credit in parentheses ("(الساحل
    ميديا - أرشيف)", as long as is_credit allows); a longer line ("صورة 1 من 6") may be a gallery's counter under
    the article's paragraph."""
    s = s.strip()
    return _words(s) <= 3 or (s.startswith("(") and s.endswith(")"))


def _next_text(page: _Page, i: int) -> str:
    """The text of the next non-blank line ("" after the last)."""
    nxt = next((j for j in page.order if j > i), None)
    return page.text[nxt] if nxt is not None else ""


def _cited_works_under(page: _Page, rest: list[int], k: int) -> bool:
    """Whether cited works are listed under rest[k]: its next line opens on a list's mark or a note's number
    ("- تقرير ...", "[1] ...", "١. ..."), is an author-year reference ("الخطيب، رنا (2019). ..."), or names a year
    among commas without going on as a sentence does ("ويعتمد المشروع، وفق تقرير ... (2024)، ..." cites no work)."""
    if k + 1 >= len(rest):
        return False
    s = page.text[rest[k + 1]]
    year = _YEAR.search(s)
    listed = year is not None and len(re.findall(r"[،,]", s)) >= 2 and not markers.CONTINUATION.match(s)
    cited = bool(_AUTHOR_YEAR.match(s)) or listed
    return bool(_LIST_ITEM.match(s) or _NOTE_NUMBER.match(s)) or cited


def _notes_cite_works(page: _Page, under: list[int]) -> bool:
    """Whether the numbered notes under an analysis's notes label cite works, each naming a year among commas
    ("[1] فلان، «عنوان»، مجلة ...، 2023، ص 55."); a note that explains ("[1] يقصد بالشراكة ...") names none."""
    notes = list(itertools.takewhile(lambda j: bool(_NOTE_NUMBER.match(page.text[j])), under))

    def cites(s: str) -> bool:
        # a title in quotation marks or a page's number; else parts among commas that no "و" joins as a sentence's
        # clauses ("تأسست ... عام 1998، وتضم ...، ومقرها ..." explains)
        parts = len(re.findall(r"[،,]", s)) >= 2 and not re.search(r"[،,]\s*و", s)
        return bool(_YEAR.search(s)) and bool(re.search(r"«[^»]+»|ص\s*\.?\s*[\d٠-٩]", s) or parts)

    return bool(notes) and all(cites(page.text[j]) for j in notes)


_YEAR = re.compile(r"(?<![\d٠-٩])(?:19|20|١٩|٢٠)[\d٠-٩]{2}(?![\d٠-٩])")  # a year a work is dated by
_AUTHOR_YEAR = re.compile(r"^[^().]{3,60}\(\s*(?:19|20|١٩|٢٠)[\d٠-٩]{2}\s*\)\s*[.:]")
_NOTE_NUMBER = re.compile(r"^\s*[\[(][\d٠-٩]{1,3}[\])]")


def _of_a_photo(page: _Page, i: int) -> bool:
    """A photo's caption (over its credit) or its credit."""
    return _above_credit(page, i) or (markers.header(page.text[i]) or _NOTHING).role in ("caption", "credit")


def _above_credit(page: _Page, i: int) -> bool:
    """A line right above a photo credit is the photo's caption, whatever it says."""
    nxt = _next_text(page, i)
    credit = (
        (markers.is_credit(nxt) or markers.is_latin_credit(nxt))
        and not markers.BYLINE_LABEL.match(nxt)  # "Author," is no photographer's name
    )
    return (
        bool(credit) and _words(page.text[i]) < LONG_LINE_WORDS
    )  # a long paragraph above a photo stays text


def _above_photo_credit(page: _Page, i: int) -> bool:
    """The next line credits a photo (a picture word or a copyright sign, or a name in Latin script)."""
    nxt = _next_text(page, i)
    return bool(markers.PHOTO_CREDIT.match(nxt) or markers.is_latin_credit(nxt))


def _is_credit_after_caption(page: _Page, i: int) -> bool:
    previous = page.before(i)
    return (
        bool(previous)
        and page.role(previous[-1]) == "caption"
        and (markers.is_latin_credit(page.text[i]) or _credits_a_photo(page, page.text[previous[-1]], i))
    )


def _prose_resumes(page: _Page, following: list[int]) -> bool:
    """Whether the article's prose comes back within a few lines, before anything that ends the article."""
    for j in following[:LOOKAHEAD]:
        if markers.ends_article(page.text[j]):
            return False
        # (a pitch to follow the site or to subscribe reads as prose)
        pitch = _promotion(page.text[j]) is not None and _PITCH.search(page.text[j])
        if page.prose(j) and not pitch:
            return True
    return False


# a pitch addresses the reader: "اشترك الآن ..."، "اشترك في نشرتنا ..."، "تابعونا ..."، "تابعوا آخر الأخبار عبر تطبيق
# تلغرام"، "حمّل التطبيق"، "... في بريدك" (a closing sentence that opens on "اشترك في الحملة" or "إعلانات" is the
# article's)
_PITCH = re.compile(
    rf"^\W*(?:اشترك(?:وا|ي)?\s+(?:الآن|في\s+(?:نشرت|خدم|قنات))|تابعونا|تابعوا\s+(?:\S+\s+){{0,4}}(?:على|عبر)\s+"
    rf"(?:{markers.NETWORKS}|قنات|صفحت|حساب|تطبيق)|حم[ّ]?ل(?:وا|ي)?\s+(?:ال)?تطبيق|سجل(?:وا|ي)?\s+(?:الآن|في))"
    r"|بريدك|نشرتنا|النشرة\s+البريدية"
)


SECTIONS_AFTER_BOX = 2  # headed sections that go on under the first, as no story appended under a box shows
# of the sections' content words, those the article above the box (and its headline) holds
SECTIONS_SHARED = 0.15
SECTIONS_SHARED_WORDS = 10  # or so many of them, where the sections run long


def _sections_go_on(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Under a box of links (rest[k]), a short line right over a paragraph (rest[step]) that more headed sections
    follow up to the end of the text, with no date line or byline under it, whose words are the article's: its own
    next section, under which it goes on (a story appended under a box shows its date or byline at its top, seldom
    sections of its own, and speaks of its own matters)."""
    heading = page.text[rest[step - 1]]
    top = [page.text[x] for x in rest[step : step + 2]]
    if _words(heading) > SUBHEADING_MAX_WORDS or any(markers.header(t) for t in [heading, *top]):
        return False
    sections, said = 0, set()
    for n in range(step - 1, len(rest)):
        s = page.text[rest[n]]
        if markers.ends_article(s):
            break
        said |= content_words(s)
        below = rest[n + 1] if n + 1 < len(rest) else None
        short = not page.prose(rest[n]) and _words(s) <= SUBHEADING_MAX_WORDS and not markers.header(s)
        sections += n > step and short and not markers.widget(s) and below is not None and page.prose(below)
    above = [i for i in page.order if i < rest[k] and page.role(i) in ("body", "title")]
    known = set().union(*(content_words(page.text[i]) for i in above))
    shared = len(said & known)
    return sections >= SECTIONS_AFTER_BOX and (
        shared >= SECTIONS_SHARED * len(said) or shared >= SECTIONS_SHARED_WORDS
    )


def _starts_another_story(page: _Page, article: list[int], links: list[str], paragraph: str) -> bool:
    """Whether the paragraph after a box of links opens the story a link announces, rather than going on with the
    article: it restates a link's headline (most of its words), or half of them with almost nothing of the article's
    own words (related stories share the article's topic words, so a shared word or two says nothing)."""
    words = content_words(paragraph)
    known = _known_share(page, article, paragraph)
    for link in links:
        own = content_words(link)
        covered = len(own & words) / max(1, len(own))
        if len(own & words) >= 3 and (covered >= 0.6 or (covered >= 0.4 and known < 0.1)):
            return True
    return False


def _dated_story_under_its_card(
    page: _Page, article: list[int], box: list[int], links: list[str], paragraph: str
) -> bool:
    """A card's headline and its date right over a paragraph that says three of the headline's words and little of
    the article's own: the card's story, printed on under the article. (A card shares the article's topic: the
    article going on under it says the article's words.)"""
    dated = bool(box) and (markers.header(page.text[box[-1]]) or _NOTHING).role == "date_line"
    words = content_words(paragraph)
    return (
        dated
        and any(len(content_words(link) & words) >= 3 for link in links)
        and _known_share(page, article, paragraph) < CARD_STORY_KNOWN
    )


CARD_STORY_KNOWN = 0.25  # at most this share of the card's story's first paragraph is the article's words


def _box_ends_at_heading(page: _Page, rest: list[int], step: int) -> bool:
    """A heading of the article (a saved page's h2-h6 outside any box) followed by prose: the next section."""
    s = page.text[rest[step]]
    return (
        _words(s) <= SUBHEADING_MAX_WORDS
        and not (markers.ends_article(s) or markers.widget(s) or markers.header(s))
        and _prose_resumes(page, rest[step + 1 :])
    )


def _resumes_after_teaser(page: _Page, rest: list[int], k: int, step: int) -> int | None:
    """Under a read-also card's headline and its one-sentence teaser (rest[step]), where the article goes on: a
    subheading of its own, then a paragraph that goes on with the article above the box (a connective, or its
    words) more than with the teaser. None where the teaser's story may go on instead: a related story printed on
    under its card's teaser also opens with a connective and shares the article's names and words."""
    teaser, headline = page.text[rest[step]], page.text[rest[step - 1]]
    if markers.CONTINUATION.match(teaser) or markers.WAW_ALEF.match(teaser) or _words(headline) <= 4:
        return (
            None  # a teaser opens afresh under its card's headline; "واستحوذت ..." goes on with the article
        )
    if step + 2 >= len(rest):
        return None
    subheading, paragraph = page.text[rest[step + 1]], page.text[rest[step + 2]]
    if (
        page.prose(rest[step + 1])
        or _words(subheading) > SUBHEADING_MAX_WORDS
        or not page.prose(rest[step + 2])
        or markers.header(subheading)  # a date line
        or markers.ends_article(subheading)
        or _starts_another_story(page, rest[:k], [subheading], paragraph)  # another card's headline
    ):
        return None
    known, of_teaser = _shares_of(page, rest[:k], paragraph, teaser)
    if known <= of_teaser:
        return None  # it says more of the teaser's story than of the article's
    goes_on = _goes_on_with(page, rest[:k], paragraph) or markers.CONTINUATION.match(paragraph)
    return step + 1 if goes_on and teaser != paragraph else None


def _shares_of(page: _Page, article: list[int], paragraph: str, teaser: str) -> tuple[float, float]:
    """The shares of a paragraph's content words that the article's body lines and that a card's teaser hold."""
    words = content_words(paragraph)
    return _known_share(page, article, paragraph), len(words & content_words(teaser)) / max(1, len(words))


READ_ALSO_MARKER_WORDS = 3  # "اقرأ أيضا", "مواضيع ذات صلة": more words on its line may be a card's headline


def _headline_on_the_markers_line(s: str) -> bool:
    """ "اقرأ أيضا صادرات الحوامض تسجل تراجعا": a card's headline after the marker on its line; not "اقرأ أيضا في هذا
    الملف", whose words say where to read."""
    rest = s.split()[2:]
    return len(rest) > READ_ALSO_MARKER_WORDS and not _ASIDE_START.fullmatch(rest[0])


def _teaser_under_one_card(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Under a read-also marker and one card's headline (under the marker or on its line), a sentence that opens
    afresh (the card's teaser), then the article's subheading and a paragraph that goes on with the article: a
    connective opens it, and it says more of the article's story than of the teaser's."""
    if step + 1 >= len(rest):
        return False
    teaser, heading = page.text[rest[step]], page.text[rest[step + 1]]
    # the article's next section, its subheading over its paragraph: without one, a related story printed on under
    # its teaser reads the same (a connective, the article's names and words)
    if page.prose(rest[step + 1]) or step + 2 >= len(rest) or _words(heading) > SUBHEADING_MAX_WORDS:
        return False
    if markers.ends_article(heading) or markers.widget(heading) or markers.header(heading):
        return False
    after = rest[step + 2]
    paragraph = page.text[after]
    known, of_teaser = _shares_of(page, rest[:k], paragraph, teaser)
    return (
        page.prose(rest[step])
        and not (markers.CONTINUATION.match(teaser) or markers.WAW_ALEF.match(teaser))
        and page.prose(after)
        and bool(markers.CONTINUATION.match(paragraph))
        # (a related story printed on under its teaser says more of the teaser's story than of the article's; the
        # article's own paragraph there says more of the article than the paragraph under the subheading does)
        and known > of_teaser
        and (_restates_its_card(page, rest, k, step) or _known_share(page, rest[:k], teaser) < known)
    )


TEASER_MAX_WORDS = 30


def _teaser_over_the_article(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Under one card's headline, a sentence that opens afresh and takes up the headline's words is the card's
    teaser where the paragraph right under it goes on with the article above the box: a connective opens it and it
    says more of the article's story than of the teaser's."""
    teaser = page.text[rest[step]]
    if (
        step + 1 >= len(rest)
        or markers.CONTINUATION.match(teaser)
        or markers.WAW_ALEF.match(teaser)
        or _words(teaser) > TEASER_MAX_WORDS
        or len(re.findall(r"[.!؟?]", teaser.rstrip('.!؟? »"”'))) > 0  # one sentence
    ):
        return False
    paragraph = page.text[rest[step + 1]]
    takes_up = _shared_stems(page.text[rest[step - 1]], teaser) >= TEASER_STEMS
    if not (page.prose(rest[step + 1]) and markers.CONTINUATION.match(paragraph) and takes_up):
        return False
    known, of_teaser = _shares_of(page, rest[:k], paragraph, teaser)
    return known > of_teaser


TEASER_STEMS = 1  # content words a teaser takes up from its card's headline


def _shared_stems(line: str, other: str) -> int:
    """How many content words two lines share, as their first four letters ("زيارة", "زيارته"), a word counted with
    the "و" that content_words takes for a conjunction ("وزير") too."""

    def stems(text: str) -> set[str]:
        return {(w if w.startswith("و") else "و" + w)[:5] for w in content_words(text) if len(w) >= 3}

    return len(stems(line) & stems(other))


def _restates_its_card(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Whether a teaser says again most of its card's headline (the line above it, or the marker's line)."""
    card = content_words(page.text[rest[step - 1]])
    return len(card & content_words(page.text[rest[step]])) >= POINT_RESTATED * max(1, len(card))


def _lead_in_after_links(page: _Page, j: int) -> bool:
    """Under a box's links, the article's own lead-in to a list: a connective opens it and a colon ends it ("وتضم
    الوحدات الأساسية للتكوين:"), as no card's headline does, and it is no link."""
    s = page.text[j]
    return (
        s.endswith(":")
        and bool(markers.CONTINUATION.match(s))
        and "link" not in page.hints.get(j, ())
        and not _says_what_it_is(s)
        and not markers.QUOTE_LEAD_IN.search(s)
        and not markers.LINKS_LEAD_IN.search(s)
    )


_RANK = re.compile(r"^\s*[\d٠-٩]{1,2}\s*$")
_NUMBERED = re.compile(r"\s*([\d٠-٩]{1,2})\s*[.)\-–]\s")


SERIES_MIN_HEADINGS = 2  # the headings of the article's series above a box, for the next one under it


def _series_goes_on(page: _Page, article: list[int], j: int) -> bool:
    """Line j heads the next part of a series of headings the article above runs: two or more short lines that open
    on the same word and are set out alike (a dash, a colon: "اليوم الأول - الاثنين 3 نونبر: موسكو")."""

    def shape(s: str) -> tuple[str, str]:
        return (s.split()[0] if s.split() else ""), re.sub(r"[^:：\-–—|]", "", s)

    first, marks = shape(page.text[j])
    if not marks or len(first) < 2 or page.prose(j) or _words(page.text[j]) > UPDATE_HEADING_MAX_WORDS:
        return False
    alike = [
        x
        for x in article
        if not page.prose(x)
        and _words(page.text[x]) <= UPDATE_HEADING_MAX_WORDS
        and shape(page.text[x]) == (first, marks)
    ]
    return len(alike) >= SERIES_MIN_HEADINGS


def _asks_over_its_answer(page: _Page, i: int) -> bool:
    """A short question alone on its line, right over a paragraph, which no line near it asks word for word: an
    explainer's heading over its answer (a pull quote sets out again a question a paragraph quotes: "وتساءل ...: هل
    ...؟")."""
    s, under = page.text[i], page.after(i)[:1]
    asked = " ".join(s.rstrip().rstrip("؟?").split())
    return (
        s.rstrip().endswith(("؟", "?"))
        and not page.prose(i)
        and _words(s) <= UPDATE_HEADING_MAX_WORDS
        and bool(under)
        and page.prose(under[0])
        and not any(asked in " ".join(page.text[j].split()) for j in _neighbours(page, i))
    )


def _numbered_next(page: _Page, article: list[int], j: int) -> bool:
    """Line j is the next numbered item of the list the article above runs ("2. ..." in it, "3. ..." at j)."""
    here = _NUMBERED.match(page.text[j])
    above = next((m for x in reversed(article) if (m := _NUMBERED.match(page.text[x]))), None)
    return bool(here and above) and int(here.group(1)) == int(above.group(1)) + 1


_ORDINALS = ("أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر")
# "ثانيا:", "ثانياً:", "ثانيًا -": the ordinal's stem, its alif and its tanween either side of it
_ORDINAL_HEADING = re.compile(rf"^\s*({'|'.join(_ORDINALS)})(?:اً|ًا|ا)\s*[:：\-–]\s*\S")


def _next_numbered_section(page: _Page, rest: list[int], k: int) -> bool:
    """A heading numbered in words ("ثانيا: التدريب") whose ordinal follows one the article has already headed a
    section with ("أولا: تبادل المعلومات")."""
    found = _ORDINAL_HEADING.match(page.text[rest[k]])
    if not found or _words(page.text[rest[k]]) > SUBHEADING_MAX_WORDS + 2:
        return False
    before = _ORDINALS[_ORDINALS.index(found.group(1)) - 1] if found.group(1) != _ORDINALS[0] else None
    return before is not None and any(
        page.role(x) == "body" and (m := _ORDINAL_HEADING.match(page.text[x])) and m.group(1) == before
        for x in rest[:k]
    )


RANK_REACH = 40  # the lines around a rank where the list's next or previous rank is looked for


def _ranked(page: _Page, rest: list[int], k: int) -> bool:
    """Whether rest[k] is a rank alone on its line ("٣") with the rank before or after it nearby, under a marker of
    other stories ("الأكثر قراءة"): a ranked list's cards, which a page may set between the article's paragraphs."""
    if not _RANK.match(page.text[rest[k]]):
        return False
    rank = int(page.text[rest[k]])  # int() reads Arabic-Indic digits too
    above = rest[max(k - RANK_REACH, 0) : k]
    near = above + rest[k + 1 : k + 1 + RANK_REACH]
    # (an article's own numbered sections, "1" over "احجز تذكرتك مبكرا" over its paragraph, have no such marker)
    marked = any(_related_marker(page.text[x]) for x in above)
    return marked and any(_RANK.match(page.text[x]) and abs(int(page.text[x]) - rank) == 1 for x in near)


def _interview_goes_on(page: _Page, rest: list[int], k: int, step: int) -> bool:
    """Under a card's teaser, the interview above the box (rest[k]) goes on: the next line opens on the label its
    questions or answers open on above ("س:", "ج:")."""
    if step >= len(rest):
        return False
    label = _SPEAKER.match(page.text[rest[step]])
    return bool(label) and any(
        page.role(x) == "body"
        and (m := _SPEAKER.match(page.text[x])) is not None
        and m.group(1) == label.group(1)
        for x in rest[:k]
    )


SUBHEADING_QUOTE_MAX_WORDS = 12


def _quote_heads_its_paragraph(page: _Page, rest: list[int], step: int) -> bool:
    """A short line all in quotation marks ("\"نحن لا نعرف بعضنا جيداً\"") whose words the paragraph under it quotes in
    full: a subheading the article takes from its own text, not another story's headline (a card's teaser says its
    headline in other words)."""
    found = QUOTED.match(page.text[rest[step]])
    if not found or _words(found.group(1)) > SUBHEADING_QUOTE_MAX_WORDS or step + 1 >= len(rest):
        return False
    paragraph = page.text[rest[step + 1]]
    # (an appended story's lead may say its quoted headline again too: such a story is then kept, a lesser loss than
    # the article's next section, whose paragraph may share as few of the article's words)
    quoted = " ".join(found.group(1).split()) in " ".join(paragraph.split())
    return page.prose(rest[step + 1]) and quoted


# a subheading past a subheading's usual length (six words) under an inline card, as long as a second card's
# headline: it is the article's only where it shares words with the paragraph it heads
INLINE_CARD_SUBHEADING_WORDS = 8


def _shares_words(a: str, b: str, least: int = 2) -> bool:
    """Lines a and b have `least` content words in common."""
    return len(content_words(a) & content_words(b)) >= least


def _subheading_under_inline_card(page: _Page, rest: list[int], k: int, box: list[int], j: int) -> bool:
    """ "اقرأ أيضا: <a headline>" (the box's one card on the marker's line), then a short line of words, then a
    paragraph a connective opens ("وتطرق اللقاء ..."): the short line heads the article's next section. A card's
    teaser would start afresh; the subheading may share words with its paragraph as a teaser does. (Under the marker
    alone, a card and a short line are two cards as often as a card and a subheading: the box keeps them.)"""
    if len(box) != 1 or not _headline_on_the_markers_line(page.text[rest[k]]):
        return False
    heading = page.text[box[0]]
    return (
        bool(markers.CONTINUATION.match(page.text[j]))
        and "link" not in page.hints.get(box[0], ())  # a saved page's link is another card
        and 2 <= _words(heading) <= INLINE_CARD_SUBHEADING_WORDS
        and (_words(heading) <= SUBHEADING_MAX_WORDS or _shares_words(heading, page.text[j]))
        and not re.search(r"[\d٠-٩]", heading)  # a video's length ("01:12"), a count
        and not markers.SENTENCE_END.search(heading)
        and not _says_what_it_is(heading)
    )


def _box_of_links(page: _Page, rest: list[int], k: int, marker: markers.Marker) -> int | None:
    """A "read also" box inside the article: mark it and return where the article resumes, or None if the
    marker starts the end of the page (another story, tags, comments, a source line)."""
    if marker.role != "related" or marker.rule == "next-story-marker":
        return None
    box: list[int] = []
    closed = False
    for step, j in enumerate(rest[k + 1 :], k + 1):
        s = page.text[j]
        if s in page.sections:  # the heading of a section the table of contents lists: the article's
            _mark_box(page, [rest[k], *box])
            return step
        # (a photo's caption and credit in the box describe the next section's photo: no link's headline)
        # (a card's headline right under the marker is a link, a photo's credit under it or not)
        links = [page.text[x] for n, x in enumerate(box) if n == 0 or not _of_a_photo(page, x)]
        links += [page.text[rest[k]]]
        # a heading of the article, or a line all in bold that is no link (a subheading set in <strong>)
        marked_up = page.hints.get(j, frozenset())
        subheading = "heading" in marked_up or ("bold" in marked_up and "link" not in marked_up)
        if subheading and _box_ends_at_heading(page, rest, step):
            following = next((x for x in rest[step + 1 :] if page.prose(x)), None)
            if s in links or any(
                _starts_another_story(page, rest[:k], links, text)
                for text in (s, page.text[following] if following is not None else "")
            ):
                return None  # the heading is a link's story, appended below the article
            # the page marks up the article's next section: the box has ended
            _mark_box(page, [rest[k], *box])
            return step
        if (box or _headline_on_the_markers_line(page.text[rest[k]])) and _lead_in_after_links(page, j):
            _mark_box(page, [rest[k], *box])
            return step  # the article announces its own list under the box
        if box and (_numbered_next(page, rest[:k], j) or _series_goes_on(page, rest[:k], j)):
            _mark_box(page, [rest[k], *box])
            return step  # "3. ..." under the box, after the article's "2. ...": the article's list goes on
        if (
            not box
            and _headline_on_the_markers_line(page.text[rest[k]])
            and _quote_heads_its_paragraph(page, rest, step)
        ):
            _mark_box(page, [rest[k]])
            return step  # "اقرأ أيضا: <a headline>", then the article's subheading, a quotation its paragraph says
        asked = _asked_in_the_interview(page, j)
        labelled = asked and _SPEAKER.match(s)  # an unlabelled one may be a card's headline over its teaser
        # one card: its headline under the marker, or on the marker's line ("اقرأ أيضا: ...")
        one_card = len(box) == 1 or (not box and _headline_on_the_markers_line(page.text[rest[k]]))
        if one_card and _teaser_under_one_card(page, rest, k, step):
            _mark_box(page, [rest[k], *box, j])
            return step + 1  # the article goes on, perhaps under a subheading of its own
        # a ranked list's card: its rank alone on the line above, and the next rank under it ("١", the headline,
        # "٢") or, for the last card, two ranks above it in the box
        ranks = sum(bool(_RANK.match(page.text[x])) for x in box)
        next_rank = step + 1 < len(rest) and _RANK.match(page.text[rest[step + 1]])
        ranked = bool(_RANK.match(page.text[rest[step - 1]])) and (next_rank or ranks >= 2)
        if ranked:
            box.append(j)
            continue
        below = rest[step + 1] if step + 1 < len(rest) else None
        if _under_a_handle(page, [rest[k], *box]) and _closes_the_card(page, below):
            box.append(j)  # a post's text under its account's handle, over its date: the post's, in the box
            continue
        if page.prose(j) or asked or (closed and _prose_resumes(page, rest[step + 1 :])):
            if _subheading_under_inline_card(page, rest, k, box, j):
                _mark_box(page, [rest[k]])
                # the article's subheading (however long a line it is: the context says so), then its paragraph
                page.mark(box[0], "body", "subheading-under-inline-card")
                return step
            if not labelled and _starts_another_story(page, rest[:k], links, s):
                # a card's teaser under its headline ("وقعت روسيا والجزائر ..."): the article may go on below it
                resume = _resumes_after_teaser(page, rest, k, step) if box else None
                if resume is None and box and _interview_goes_on(page, rest, k, step + 1):
                    resume = step + 1
                if resume is None and len(box) >= 2 and _sections_go_on(page, rest, k, step):
                    _mark_box(page, [rest[k], *box[:-1]])
                    return step - 1  # the box's last line heads the article's next section
                if resume is None:
                    return None
                _mark_box(page, [rest[k], *box, *rest[step:resume]])
                return resume
            if _dated_story_under_its_card(page, rest[:k], box, links, s):
                return None
            if one_card and _teaser_over_the_article(page, rest, k, step):
                _mark_box(page, [rest[k], *box, j])
                return step + 1  # the card's teaser, then the article going on
            _mark_box(page, [rest[k], *box])
            return step
        if markers.LIST_END.match(s):
            closed = True  # what follows the end of the list is the article again
            box.append(j)
            continue
        found = markers.header(s)
        # a card of the box may show its date, a photo's credit or caption, or a promotion; a byline, a source
        # line or another marker that ends an article does not belong to a box
        card = found is not None and found.role in (
            "date_line",
            "credit",
            "caption",
            "advertisement",
            "share_bar",
        )
        listed = any(
            markers.LIST_COUNTER.match(page.text[x]) for x in box
        )  # an accessible list says where it ends
        if (
            closed
            or (len(box) >= 8 and not listed)
            or (found and not card)
            or markers.ends_article(s)
            or _words(s) > 25
        ):
            return None
        box.append(j)
    return None


UPDATE_HEADING_MAX_WORDS = 12  # an update's heading is a headline, longer than a section's subheading
_UPDATE_RULES = ("rule:live-update-heading", "rule:live-update-text")


def _update_heading(s: str) -> bool:
    """A line under an update's time that heads the update: a headline's length, no full stop, and no marker
    explains it."""
    return _words(s) <= UPDATE_HEADING_MAX_WORDS and not s.rstrip().endswith(".") and not _says_what_it_is(s)


def _update_sentence(s: str) -> bool:
    """A short sentence under an update's heading (the update's own, not a box's)."""
    return bool(markers.SENTENCE_END.search(s)) and not _says_what_it_is(s)


def _first_update(page: _Page, start: int) -> None:
    """On a live page, the first update's time (and its heading) right above the first paragraph open the text."""
    above = [i for i in page.before(start)[-2:] if i + 1 not in page.decided]
    if len(above) == 2 and above[0] in page.live_stamps and _update_heading(page.text[above[1]]):
        page.mark(above[0], "date_line", "live-update-time")
        if not markers.header(page.text[above[1]]):
            page.mark(above[1], "body", "live-update-heading")
    elif above and above[-1] in page.live_stamps:
        page.mark(above[-1], "date_line", "live-update-time")


def _dateline_alone(s: str) -> bool:
    """A dateline on a line of its own ("الرباط - (ومع) -", or the place alone: "عدن -", "أربيل (هەولێر) -"); "كتب -
    فلان:" has the same shape and is a byline."""
    said = (markers.header(s) or _NOTHING).role
    signed = (
        _PLACE_WRITER_AGENCY.match(s)
        or _PLACE_DASH_AGENCY.match(s)
        or (_PLACE_SLASH_AGENCY.match(s) and not markers.HOME.match(s))
    ) and not any(w in SECTION_WORDS for w in re.findall(r"[\u0621-\u0652]+", s))  # "أخبار / اقتصاد": a trail
    # (a kicker's word with a dash, "عاجل -", is no place)
    kicker = markers.KICKER.match(re.sub(r"\s*[-–—]\s*$", "", s))
    alone = (_PLACE_ALONE.match(s) and not said and not kicker) or (signed and said in ("", "byline"))
    alone = alone and not (markers.ends_article(s) or markers.widget(s))  # "فيديو -": a video's label
    correspondent = _FROM_OUR_CORRESPONDENT.match(s)
    gulf = _DAY_SLASH_AGENCY.match(s)
    gulf = gulf and gulf.group(1) in datetext.MONTHS
    return bool(
        markers.DATELINE.match(s) or alone or _dated_dateline(s) or correspondent or gulf
    ) and not markers.BYLINE.match(s)


# the words of a site's sections, which a trail of them ("أخبار / اقتصاد", "منوعات - (فيديو)") is made of
SECTION_WORDS = frozenset(
    "أخبار الأخبار محليات اقتصاد الاقتصاد سياسة السياسة رياضة الرياضة منوعات مقالات رأي الرأي فيديو تحديث "
    "عربي دولي ثقافة الثقافة مجتمع تكنولوجيا صحة أسواق نفط عالم العالم مال أعمال فن فنون تقارير حوارات ملفات صور "
    "كرة القدم".split()
)


def _arabic_words(most: int) -> str:
    """One to `most` Arabic words (the letters with their vowel marks: "عمّان"), as a pattern."""
    return rf"[\u0621-\u0652]+(?:\s+[\u0621-\u0652]+){{0,{most - 1}}}"


_PLACE = _arabic_words(3)  # a dateline's place: "الرباط", "الدار البيضاء"
# a place, perhaps the outlet, then "من مراسلنا" and the name: "الرباط - «الصباح» - من مراسلنا فلان"
_FROM_OUR_CORRESPONDENT = re.compile(
    rf"^\s*{_PLACE}\s*[-–—]\s*(?:[«\"“]?[^-–—«»\"“”]{{1,30}}[»\"”]?\s*[-–—]\s*)?من\s+مراسل(?:نا|ها|ه|تنا|ينا)\b[^.!؟?]{{0,40}}$"
)
# the place, a dash and the agency in parentheses, no dash after it: "الرباط - (ومك)"; or the agencies' word for a
# story put together from wires, or a wire's name: "الرباط - وكالات", or the paper's own: "الرباط - مراسلة خاصة"
# (over the first paragraph: its dateline; under the headline, over the date line, the same words are the byline).
# "... - خاص" alone is left a credit: as often an outlet's exclusive ("المشهد السبئي - خاص") as a place's dateline
_PLACE_DASH_AGENCY = re.compile(
    rf"^\s*{_PLACE}\s*[-–—]\s*(?:\([^()\d]{{1,20}}\)|وكالات|أ\s*ف\s*ب|رويترز|مراسل(?:نا)?\s+خاص|مراسل(?:ة|تنا)\s+خاصة)\s*$"
)
# the place and the agency alone, a slash between them: "الرباط / البوسفور"
_PLACE_SLASH_AGENCY = re.compile(rf"^\s*{_PLACE}\s*/\s*{_arabic_words(3)}\s*$")
# the place, the writer and the agency between slashes, as the Anadolu agency signs: "الدار البيضاء/ يوسف بنحمو/ الجسر"
_PLACE_WRITER_AGENCY = re.compile(rf"^\s*{_PLACE}\s*/\s*{_arabic_words(4)}\s*/\s*{_arabic_words(3)}\s*$")


# as the Gulf's agencies write it, the day without its year and the agency between slashes: "موسكو في 7 مايو / وام /"
_DAY_SLASH_AGENCY = re.compile(
    rf"^\s*{_PLACE}\s+في\s+[\d٠-٩]{{1,2}}\s+([\u0621-\u064a]+)(?:\s+[\d٠-٩]{{4}})?\s*/\s*{_arabic_words(2)}\s*/?\s*$"
)


# "الرباط - وقع ...": a place of one or two words and a dash open the article's first paragraph
_PLACE_OPENS = re.compile(rf"^\s*{_arabic_words(2)}\s*[-–—]\s+[\u0621-\u064a]")


def opens_on_its_place(paragraph: str) -> bool:
    """Whether a dateline opens the paragraph: its place and a dash ("فيديو -", "كتب -" open no dateline), or a
    place and an agency."""
    place = _PLACE_OPENS.match(paragraph)
    if place:
        word = re.split(r"\s*[-–—]", paragraph, maxsplit=1)[0]
        return not (markers.KICKER.match(word) or markers.BYLINE_MARKER.match(word))
    return _opens_with_dateline(paragraph, first=True)


def _dateline_over_paragraph(page: _Page, i: int, nxt: int | None) -> bool:
    """ "الرباط 12 آب/أغسطس 2025 (المدار) -" alone over a paragraph: the paragraph's dateline (a wire's update opens
    so under its time), neither a date line nor a caption."""
    return nxt is not None and page.prose(nxt) and _dated_dateline(page.text[i])


def _dated_dateline(s: str) -> bool:
    """A place, the day, then the agency: "موسكو - 15-2-2018 (ومأ) -", "الرياض 24 شوال 1446 هـ الموافق 22 أبريل 2025 م
    واس" (a date line opens on the day or on a word that says it is one, not on a place)."""
    place = _PLACE_BEFORE_DAY.match(s)
    if place is None or _words(s) > DATED_DATELINE_MAX_WORDS or not datetext.find_dates(s):
        return False
    if place.group(2) and not re.search(r"الموافق|هـ", s):
        return False  # "فلان في 12 مارس 2025": a writer's date line; the Gulf's agencies give both calendars
    named = place.group(1).split()
    if (
        any(
            w in datetext.WEEKDAY_WORDS or w in datetext.MONTHS or w in markers.DATE_MARKER_WORDS
            for w in named
        )
        or markers.PUBLISHED_MARKER.search(place.group(1))
        or markers.UPDATE_MARKER.search(place.group(1))
    ):
        return False
    agency = _AGENCY_AT_THE_END.search(s)
    return bool(agency) and not re.search(r"توقيت|GMT|UTC", agency.group(0))


DATED_DATELINE_MAX_WORDS = 16
# (the Gulf's agencies say the place "في" the day: "موسكو في 22 جمادى الأولى 1447 هـ ...")
_PLACE_BEFORE_DAY = re.compile(rf"^\s*({_PLACE}?)(\s+في)?\s*[-–—,،]?\s*[\d٠-٩]")
# the agency closing a dateline: in parentheses (a dash may follow), a dash alone, the Gulf agencies' short names,
# or any agency's short name right after the year ("... 17 فبراير 2025 م واس"; a time of day there is no agency)
_AGENCY_AT_THE_END = re.compile(
    r"(?:\(\s*[^()\d]{1,20}\s*\)\s*[-–—:]?|\s[-–—:]|\s(?:واس|وام|قنا|كونا|بنا|العمانية)"
    r"|[\d٠-٩]{4}\s*(?:م|هـ)?\s+(?!(?:صباحا|صباحًا|مساء|مساءً|ظهرا|عصرا|ليلا|فجرا)\s*$)[\u0621-\u063f\u0641-\u064a]{2,4})\s*$"
)


# a place of one to three words, perhaps its name in another language in parentheses, then the dash: "عمّان -"
_PLACE_ALONE = re.compile(rf"^\s*{_PLACE}(?:\s*\([^()\d]{{1,20}}\))?\s*[-–—]\s*$")


# the heading of an analysis's first section, right over its first paragraph
_INTRODUCTION = re.compile(r"^\s*(?:(?:ال)?مقدم[ةه]|تمهيد|مدخل|Introduction)\s*[:：]?\s*$", re.I)


def _dateline_over_the_text(page: _Page, i: int) -> bool:
    """The line right over the first paragraph is its dateline: a dateline alone (not the site's credit for a
    photo), or a place and the site's own name ("الرباط - صوت الواحة."); on a saved page, not in an element the
    markup names as the writer's ("article__author": the byline, whatever it looks like)."""
    if "author" in page.hints.get(i, ()):
        return False
    return (_dateline_alone(page.text[i]) and not _the_sites_credit(page, i)) or _place_and_the_site(page, i)


def _claims_section(page: _Page, i: int, start: int) -> bool:
    """A fact-check's first section, under its claim's label ("الادعاء"), whose verdict's label heads a section
    further down ("الحكم"): the label heads the text's first section, which starts afresh ("تداولت حسابات ..."; a
    court story's "ويتهم الادعاء ..." reads on from the label)."""
    return (
        bool(markers.CLAIM_LABEL.match(page.text[i]))
        and not markers.CONTINUATION.match(page.text[start])
        and any(
            markers.VERDICT_LABEL.match(page.text[j]) and page.role(j) == "body" for j in page.after(start)
        )
    )


def _header(page: _Page, start: int, title: int | None) -> None:
    """The lines before the first paragraph: the page's header, the headline, and the article's header."""
    for i in page.before(start):
        if i + 1 in page.decided:
            continue
        s = page.text[i]
        found = markers.before_text(s)
        if found:
            page.mark(i, found.role, found.rule)
            if found.rule == "byline-marker":
                nxt = next((j for j in page.after(i) if j < start), None)
                if nxt is not None and _words(page.text[nxt]) <= 4:
                    page.mark(nxt, "byline", "byline-name")
        elif i == page.before(start)[-1] and (_INTRODUCTION.match(s) or _claims_section(page, i, start)):
            page.mark(i, "body", "introduction-heading")  # an analysis's first section, under its heading
        elif title is not None and i > title:
            if i == page.before(start)[-1] and _dateline_over_the_text(page, i):
                page.mark(i, "body", "dateline")
                continue
            m = markers.header(s)
            if m:
                page.mark(i, m.role, m.rule)
            elif datetext.find_dates(s) and _words(s) <= 24:  # a byline or a place with the date
                page.mark(i, "date_line", "dated-header-line")
            elif _words(s) >= 5:
                page.mark(i, "caption", "article-header", sure=False)
            else:
                page.mark(i, "navigation", "article-header")
        elif title is None and i == page.before(start)[-1] and _dateline_over_the_text(page, i):
            page.mark(i, "body", "dateline")
        else:
            page.mark(i, "navigation", "before-title" if title is not None else "before-first-paragraph")


def _after_article(page: _Page, end: int) -> None:
    """After the article: what the markers say; else lists of links, an appended story, or page furniture."""
    mode = None
    for i in page.order:
        if i < end or i + 1 in page.decided:
            continue
        s = page.text[i]
        if markers.COMMENTS.match(s):
            mode = "comments"
            page.mark(i, "comments", "comments-marker")
        elif markers.READ_ALSO.match(s) or markers.SIMILAR.match(s) or markers.NEXT_STORY.match(s):
            page.mark(i, "related", "read-also-marker")
            mode = "similar" if markers.SIMILAR.match(s) else (mode or "related")
        elif markers.MORE_STORIES.match(s):
            page.mark(i, "related", "more-stories-marker")
            mode = "similar"
        elif markers.READ_ON.match(s):
            page.mark(i, "related", "read-on-link")
        elif mode == "comments":
            page.mark(i, "comments", "after-comments")
        elif (found := markers.widget(s)) and found.role == "embed" and not page.prose(i):
            page.mark(i, "embed", found.rule)  # a box's line, never another story's headline
            if found.rule == "embedded-post":
                _post_over_its_signature(page, i)
        elif markers.TAGS.match(s):
            page.mark(i, "tags", "tags-marker")
        elif markers.SHARE_BAR.match(s) or markers.is_social_bar(s):
            page.mark(i, "share_bar", "share-marker")
        elif markers.SOURCE_LINE.match(s):
            page.mark(i, "source_line", "source-marker")
        elif (
            markers.COPYRIGHT.search(s)
            or markers.REPRODUCTION_NOTICE.match(s)
            or markers.ADVERTISEMENT.match(s)
            or (markers.FOLLOW_US.search(s) and _words(s) <= markers.FOLLOW_US_MAX_WORDS)
        ):
            page.mark(i, "advertisement", "promotion-words")
        elif (found := markers.ends_article(s)) and found.role in ("byline", "advertisement", "source_line"):
            page.mark(
                i, found.role, found.rule
            )  # the site's note on its writers' views, a pitch, the copy's end
        elif mode is None and markers.is_date_line(s) and datetext.find_dates(s):
            page.mark(i, "date_line", "date-line-after-article")  # "نُشر في: 22/2/2025" under the source line
        elif mode == "similar" or markers.BULLET.match(s):
            page.mark(i, "related", "similar-articles-list")
        elif mode == "related":
            page.mark(i, "appended_article", "after-read-also")
        elif page.prose(i):
            page.mark(i, "appended_article", "prose-after-article", sure=False)
        elif _words(s) <= 3:
            page.mark(i, "tags", "short-words-after-article", sure=False)
        else:
            page.mark(i, "navigation", "after-article")


def _post_over_its_signature(page: _Page, signature: int) -> None:
    """After the article, an embedded post's text right above its signature ("— name (@handle) date") is the post's,
    not the headline of a story appended after a box."""
    above = page.before(signature)
    if above and page.decided[above[-1] + 1].decided_by in (
        "rule:after-read-also",
        "rule:prose-after-article",
    ):
        page.mark(above[-1], "embed", "post-above-signature", sure=False)


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
    return decide(lines, classify_lines(lines), overrides)


def decide(
    lines: Sequence[str], decisions: dict[int, LineDecision], overrides: Iterable[tuple[int, int, str]] = ()
) -> Cleaned:
    """Title, text and removals from the decisions about each line (or unit of a page), after the recorded ones."""
    decisions = dict(decisions)
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
