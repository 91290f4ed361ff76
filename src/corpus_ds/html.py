"""Saved HTML pages: decoded in their declared charset, split into numbered units (metadata elements and visible
blocks), the article found by trafilatura with the corpus's own rules on top, and the headline and publication date
taken from the page's metadata, quoted from the raw page."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser

from corpus_ds import arabic, clean, datetext, markers, propose
from corpus_ds.errors import CorpusError

_DECLARED = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_:.\-]+)", re.I),
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
HIDDEN_TAGS = frozenset(
    "script style noscript template svg iframe object embed select option textarea head".split()
)
HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())
CELL_MAX_WORDS = 8  # a longer cell is a layout table's column, not a table's datum
# Elements that hold what is beside the article's text, not in it: a heading inside one titles a box.
BESIDE_TAGS = frozenset("aside figure figcaption nav footer header form".split())
# The end of a paragraph before a line break: a full stop, a question or an exclamation, perhaps inside a closing
# quote; a colon or a semicolon announces what follows, and a closing quote alone may stand inside a sentence.
_PARAGRAPH_DONE = re.compile(r"[.!؟?…][»\"”]?\s*$")
HEADLINE_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Class or id words that name the writer's element ("article__author", "byline"): its one block is no dateline
AUTHOR_NAME = re.compile(r"(?:^|[-_])(?:author|byline|writer|auteur)(?:$|[-_])")
POST_MAX_BLOCKS = 4  # a post's text, its media's caption, its signature, its date
# The classes a social network's embed code gives the post it quotes (its blockquote or its box): every block inside
# is the post's, however it reads
EMBED_NAME = re.compile(
    r"^(?:twitter-tweet|twitter-video|instagram-media|fb-post|fb-video|fb-xfbml-parse-ignore|tiktok-embed"
    r"|telegram-post|bluesky-embed|reddit-embed-bq)$"
)
# Class, id or itemprop words that name the article's headline: schema.org's itemprop, the CMSs' classes
HEADLINE_NAME = re.compile(
    r"^(?:headline|entry-title|post-title|article-title|news-title|story-title|article-headline|single-post-title)$"
)
# A kicker set in a headline's own element ("<h1><span class="kicker">عاجل</span> headline</h1>"): its own block
KICKER_NAME = re.compile(
    r"(?:^|[-_])(?:kicker|eyebrow|overline|supertitle|surtitle|badge|urgent|breaking)(?:$|[-_])"
)
# Class, id or itemprop words that name a standfirst: the summary a page sets between its headline and its text
# (a part of a word, as CMSs write them: article__summary, t-content__chapo, field--name-field-subtitle).
STANDFIRST_NAME = re.compile(
    # ("lead" and "intro" name a standfirst on some sites and the first paragraph on others: not read)
    r"(?:^|[-_])(?:summary|standfirst|subtitle|sub-?headline|chapo|chapeau|excerpt|description|deck|sapo|strapline)"
    r"(?:$|[-_])"
)
INLINE_TAGS = frozenset("a b big em font i small span strong u".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# The metadata a page carries about its article: what a headline, a date or an address can be quoted from.
META_NAMES = frozenset(
    "og:title og:url og:site_name twitter:title article:published_time og:published_time datepublished pubdate "
    "publishdate publish-date date dc.date dc.date.issued dcterms.created parsely-pub-date sailthru.date "
    "article.published".split()
)
DATE_META = META_NAMES - {"og:title", "og:url", "og:site_name", "twitter:title"}


@dataclass(frozen=True)
class Unit:
    """A visible block of a page, or a metadata element (title, meta, canonical link, JSON-LD, time)."""

    number: int
    kind: str  # "block" or "metadata"
    tag: str
    start: int
    end: int
    text: str  # visible text of a block (normalised); the element as written for metadata
    attrs: tuple = ()


def decode(data: bytes, where: str) -> tuple[str, str]:
    """The page's text in its declared charset (a byte-order mark, <meta charset>, http-equiv, XML declaration);
    undeclared pages must be UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        charset = "utf-8"
    else:
        head = data[:8192]
        found = next((m.group(1).decode("ascii") for p in _DECLARED if (m := p.search(head))), "utf-8")
        charset = found.lower()
    try:
        codecs.lookup(charset)
    except LookupError:
        raise CorpusError(
            f"{where}: the page declares the charset {charset!r}, which Python does not know"
        ) from None
    try:
        return data.decode(charset).removeprefix("\ufeff"), charset
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{where}: expected text in the declared charset {charset}; invalid byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start} (save the page again, or declare its real charset)"
        ) from None


class _Splitter(HTMLParser):
    """Walks a page once and cuts it into metadata units and visible blocks, with their offsets in the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.units: list[tuple] = []  # (kind, tag, start, end, text, attrs)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.pieces: list[str] = []
        self.block_start: int | None = None
        self.block_tag = "p"
        self.breaks = 0
        self.piece_kinds: set[str] = set()  # where this block's texts stood: "heading", "link", "text"
        self.piece_bold: set[bool] = set()  # whether each of this block's texts stood in <b> or <strong>
        self.link_chars = 0  # the characters of this block's texts that stood in links
        self.worded = False  # a text with words has come (past a list's mark: "- ")
        self.opens_on_link = False  # the first text with words stood in a link
        # the inline element (<font>, <span>, <a> ...) each of this block's texts stood in, by its number (None: none)
        self.piece_elements: set[int | None] = set()
        self.stack_numbers: list[int] = []  # each open element's number, as self.stack holds it
        self.elements = 0
        self.looks: dict[int, tuple] = {}  # each inline element's tag and attributes, by its number
        # after a line break that closed a line set in one element of its own: that element's look, the line ending
        # there unless the next text stands in an element that looks the same (a paragraph wrapped in <font>s)
        self.cut_unless: tuple | None = None
        self.meta_open: tuple[str, int, dict] | None = None  # a <title> or ld+json <script> being read
        self.rows: list[int] = []  # for each open <tr>, the index of its first unit
        self.tables: list[list[tuple[int, int]]] = []  # for each open <table>, its rows' units (first, end)
        self.opened = 0  # elements numbered so far, so that lists and items have an identity
        self.lists: list[int] = []  # the open <ul> and <ol>, innermost last
        self.items: list[tuple[int, int]] = []  # the open <li>: (its list, its own number)
        # the list and item of the last block, when that block stood in a list's item
        self.last_item: tuple[int, int] | None = None
        # the open elements named as a standfirst or as the writer's: (stack depth, first unit, the hint it gives)
        self.named: list[tuple[int, int, str]] = []
        # the open elements of embedded posts: (stack depth, first unit)
        self.posts: list[tuple[int, int]] = []
        self.kicker: int | None = None  # the stack depth of an open kicker's element inside a headline
        self.kicker_named = False  # its class names it a kicker (else only its closing bar or colon does)

    def position(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def hidden(self) -> bool:
        return any(h for _, h in self.stack)

    def flush(self) -> None:
        text = clean.normalise_line(" ".join("".join(self.pieces).split()))
        if text and self.block_start is not None:
            # (name, value) pairs, as a metadata unit's attributes
            hints = tuple(("markup", kind) for kind in self.piece_kinds) if len(self.piece_kinds) == 1 else ()
            # a link and words beside it, a card's: the link is most of the line, or it opens the line and holds a
            # third of it ("- <a>headline</a> | date"); not a sentence with a tag's link inside, nor an item that
            # opens on one ("- <a>ميناء النخيل</a>: توسعة ...")
            linked = 2 * self.link_chars >= len(text) or (
                self.opens_on_link and 10 * self.link_chars >= 3 * len(text)
            )
            if "link" in self.piece_kinds and len(self.piece_kinds) > 1 and linked:
                hints += (("markup", "some-link"),)
            item = self.items[-1] if self.items else None
            last = self.last_item
            if item is not None and last is not None and item[0] == last[0] and item[1] != last[1]:
                hints += (("markup", "next-item"),)  # another item of the list the block above stood in
            if self.piece_bold == {True}:
                hints += (("markup", "bold"),)  # all of it bold: how many pages set a subheading
            self.last_item = item
            self.units.append(("block", self.block_tag, self.block_start, self.position(), text, hints))
        self.pieces, self.block_start, self.breaks, self.piece_kinds = [], None, 0, set()
        self.piece_bold, self.piece_elements, self.cut_unless = set(), set(), None
        self.link_chars, self.worded, self.opens_on_link = 0, False, False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        start = self.position()
        end = start + len(self.get_starttag_text() or "")
        if tag in ("meta", "link"):
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in META_NAMES or (tag == "link" and a.get("rel", "").lower() == "canonical"):
                self.units.append(
                    ("metadata", tag, start, end, self.text[start:end], tuple(sorted(a.items())))
                )
            return
        if tag == "time" and a.get("datetime"):
            self.units.append(("metadata", tag, start, end, self.text[start:end], tuple(sorted(a.items()))))
        if tag == "title" or (tag == "script" and "ld+json" in a.get("type", "").lower()):
            self.meta_open = (tag, start, a)
        if tag == "br":
            self.breaks += 1
            # a blank line ends the paragraph; so does a line break after a sentence's end (pages that set their
            # paragraphs apart by one break), or after a run of bold text outside a <p>: the subheading of pages
            # that set their text as one cell of lines ("<b>title</b><br>text..."), unless it reads as the dateline
            # or the credit that opens the paragraph (in a <p> it always does)
            so_far, open_tags = "".join(self.pieces), {tag for tag, _ in self.stack}
            if self.piece_bold == {True}:
                ends = "p" not in open_tags and not _opens_a_paragraph(so_far)
            else:  # a heading broken over two lines stays one heading
                # outside a <p>, a lead-in's colon ends its line too: "...، شملت:<br>- اتفاقية ..." (a list follows)
                done = _PARAGRAPH_DONE.search(so_far) or (
                    "p" not in open_tags and so_far.rstrip().endswith(":")
                )
                ends = bool(done) and not open_tags & HEADLINE_TAGS
            if self.breaks >= 2 or ends:
                self.flush()
                return
            self.pieces.append(" ")
            if "p" not in open_tags and not open_tags & HEADLINE_TAGS and self.piece_bold != {True}:
                # a line that is one element of its own ("<span class=title>...</span><br>"): the kicker, the
                # headline and the date line an old table layout sets apart only by line breaks
                self.cut_unless = self.closed_element_look()
            return
        if tag in VOID_TAGS:
            return
        hidden = (
            tag in HIDDEN_TAGS
            or "hidden" in a
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", a.get("style", ""))
        )
        if tag in BLOCK_TAGS:
            self.flush()
            self.block_tag = tag
        if tag in ("ul", "ol"):
            self.opened += 1
            self.lists.append(self.opened)
        elif tag == "li" and self.lists:
            while self.items and self.items[-1][0] == self.lists[-1]:
                self.items.pop()  # an item left open (HTML lets a page omit </li>) ends at the next
            self.opened += 1
            self.items.append((self.lists[-1], self.opened))
        if tag == "tr":
            self.rows.append(len(self.units))
        elif tag == "table":
            self.tables.append([])
        names = f"{a.get('class', '')} {a.get('id', '')} {a.get('itemprop', '')}".lower().split()
        if tag in HEADLINE_TAGS and any(HEADLINE_NAME.match(name) for name in names):
            self.named.append((len(self.stack), len(self.units), "headline"))
        elif any(STANDFIRST_NAME.search(name) for name in names):
            self.named.append((len(self.stack), len(self.units), "standfirst"))
        elif any(AUTHOR_NAME.search(name) for name in names):
            self.named.append((len(self.stack), len(self.units), "author"))
        if any(EMBED_NAME.match(name) for name in names):
            self.posts.append((len(self.stack), len(self.units)))
        if not self.pieces and self.in_headline():
            # an element named a kicker, or any inline element first in the headline (a kicker if its words say so)
            named = any(KICKER_NAME.search(n) for n in names)
            if named or (tag in INLINE_TAGS and self.kicker is None):
                self.kicker, self.kicker_named = len(self.stack), named
        self.stack.append((tag, bool(hidden)))
        self.elements += 1
        self.stack_numbers.append(self.elements)
        if tag in INLINE_TAGS:
            self.looks[self.elements] = (tag, tuple(sorted(a.items())))

    def handle_endtag(self, tag: str) -> None:
        if self.meta_open and tag == self.meta_open[0]:
            kind, start, a = self.meta_open
            end = self.position() + len(f"</{tag}>")
            self.units.append(("metadata", kind, start, end, self.text[start:end], tuple(sorted(a.items()))))
            self.meta_open = None
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in ("ul", "ol") and self.lists:
            closed = self.lists.pop()
            while self.items and self.items[-1][0] == closed:
                self.items.pop()
        elif tag == "li" and self.items:
            self.items.pop()
        if tag == "tr" and self.rows:
            first = self.rows.pop()
            if self.tables:
                self.tables[-1].append((first, len(self.units)))
        elif tag == "table" and self.tables:
            self.join_rows(self.tables.pop())
        for k in range(
            len(self.stack) - 1, -1, -1
        ):  # close up to the matching tag (pages are not always well formed)
            if self.stack[k][0] == tag:
                del self.stack[k:]
                del self.stack_numbers[k:]
                self.close_named(k)
                self.close_post(k)
                self.close_kicker(k)
                break

    def closed_element_look(self) -> tuple | None:
        """The look of the one inline element every text since the block began stood in, if it has closed since."""
        (number,) = self.piece_elements if len(self.piece_elements) == 1 else (None,)
        return self.looks.get(number) if number is not None and number not in self.stack_numbers else None

    def in_headline(self) -> bool:
        return any(tag == "h1" for tag, _ in self.stack)  # the page's headline (a subheading keeps its badge)

    def close_kicker(self, depth: int) -> None:
        """A kicker's element closed: a few words are the kicker's own block, apart from the headline after it."""
        if self.kicker is not None and self.kicker >= depth:
            self.kicker = None
            words = "".join(self.pieces)
            if (self.kicker_named or _kicker_words(words)) and len(words.split()) <= clean.KICKER_MAX_WORDS:
                self.flush()

    def close_named(self, depth: int) -> None:
        """An element named as a standfirst (or as the writer's) that closed holding one block: that block is marked
        "standfirst" (or "author"); one that holds several is a container ("text-with-summary" holds the whole
        text)."""
        while self.named and self.named[-1][0] >= depth:
            _, first, hint = self.named.pop()
            inside = [k for k in range(first, len(self.units)) if self.units[k][0] == "block"]
            if len(inside) == 1:
                kind, tag, start, end, text, hints = self.units[inside[0]]
                self.units[inside[0]] = (kind, tag, start, end, text, (*hints, ("markup", hint)))

    def close_post(self, depth: int) -> None:
        """An embedded post's element closed: every block it held is marked "post"."""
        while self.posts and self.posts[-1][0] >= depth:
            _, first = self.posts.pop()
            inside = [k for k in range(first, len(self.units)) if self.units[k][0] == "block"]
            if len(inside) > POST_MAX_BLOCKS:
                continue  # an embed left open runs to its parent's end: the article's paragraphs, not the post's
            for k in inside:
                kind, tag, start, end, text, hints = self.units[k]
                self.units[k] = (kind, tag, start, end, text, (*hints, ("markup", "post")))

    def next_item(self, data: str) -> bool:
        """After a line break, data opens the next item: a list's mark ("<br>▪ ...") or, under a timeline's item,
        its next year ("2020: ...<br>2021: ...")."""
        if not (_BULLET_START.match(data) or _TIMELINE_START.match(data)):
            return False
        so_far = "".join(self.pieces)
        return bool(so_far.strip()) and bool(_BULLET_START.match(data) or _TIMELINE_START.match(so_far))

    def handle_data(self, data: str) -> None:
        if self.hidden() or not data.strip():
            if data and not self.hidden() and self.pieces:
                self.pieces.append(" ")
            return
        inline = self.stack and self.stack[-1][0] in INLINE_TAGS
        if self.cut_unless is not None and (
            not inline or self.looks.get(self.stack_numbers[-1]) != self.cut_unless
        ):
            self.flush()  # the line set in its own element ended at the line break
        self.cut_unless = None
        if self.breaks and self.next_item(data):
            self.flush()
        if self.block_start is None:
            self.block_start = self.position()
        self.breaks = 0
        if not self.worded and re.search(r"\w", data):
            self.worded, self.opens_on_link = True, self.where() == "link"
        self.pieces.append(data)
        self.piece_kinds.add(self.where())
        self.link_chars += len(data.strip()) if self.where() == "link" else 0
        self.piece_bold.add(any(tag in ("b", "strong") for tag, _ in self.stack))
        self.piece_elements.add(self.stack_numbers[-1] if inline else None)

    def join_rows(self, rows: list[tuple[int, int]]) -> None:
        """The rows of a table of data (two rows or more of short cells holding nothing but text, as many in each)
        become one block each, their cells joined by a tab as a browser copies a table (the text keeps a space for
        it, as it does for a copied capture's tabs); a layout table's rows (long
        cells, blocks inside cells) and a lone row (a bar of buttons) stay cut at their cells."""
        data = [
            (first, end)
            for first, end in rows
            if end - first >= 2
            and all(
                u[0] == "block" and u[1] in ("td", "th") and len(u[4].split()) <= CELL_MAX_WORDS
                for u in self.units[first:end]
            )
        ]
        if len(data) < 2 or len({end - first for first, end in data}) != 1:
            return
        for first, end in reversed(data):  # from the last row, so that earlier indexes stay right
            cells = self.units[first:end]
            hints = cells[0][5] if all(u[5] == cells[0][5] for u in cells) else ()
            text = "\t".join(u[4] for u in cells)
            self.units[first:end] = [("block", "tr", cells[0][2], cells[-1][3], text, hints)]

    def where(self) -> str:
        """What the markup says of a text: a heading of the article (not of a box beside it), a link, or text."""
        open_tags = {tag for tag, _ in self.stack}
        if "a" in open_tags:
            return "link"
        if open_tags & HEADING_TAGS and not open_tags & BESIDE_TAGS:
            return "heading"
        return "text"

    def close(self) -> None:
        super().close()
        self.flush()


def units(raw_text: str) -> tuple[Unit, ...]:
    """Every metadata element and visible block of the page, numbered in the order of the page."""
    splitter = _Splitter(raw_text)
    splitter.feed(raw_text)
    splitter.close()
    found = sorted(splitter.units, key=lambda u: u[2])
    return tuple(
        Unit(n, kind, tag, start, end, text, attrs)
        for n, (kind, tag, start, end, text, attrs) in enumerate(found, 1)
    )


def _squash(text: str) -> str:
    return " ".join(clean.normalise_line(text).split())


def _main_text(raw_text: str) -> list[str]:
    """The paragraphs trafilatura finds in the page's main content (headings and list items included)."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        raw_text,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        favor_recall=True,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    return [
        _squash("".join(el.itertext()))
        for el in (main if main is not None else root).iter("p", "head", "item", "quote", "cell")
    ]


# a list's item as a line opens: its mark (a dash, a bullet, a small square, perhaps as an emoji) then a space
_BULLET_START = re.compile(r"^\s*[-–•·▪◦■►▸✓✔]\ufe0f?\s")
_TIMELINE_START = re.compile(r"^\s*[\d٠-٩]{4}\s*[-–—:]\s")  # a year and its dash or colon


def _kicker_words(words: str) -> bool:
    """The words of an h1's first element that the page does not name a kicker make one: they end on a bar ("عاجل
    |"), or are a genre's word with its colon ("عاجل:"; a speaker's name and a colon, "وزير الصحة:", open the
    headline's own words), or a badge alone ("عاجل")."""
    coloned = re.fullmatch(r"\s*(.*?)\s*[:：]\s*", words, re.S)
    return (
        bool(re.search(r"[|｜]\s*$", words))
        or bool(coloned and markers.KICKER.match(coloned.group(1)))
        or bool(markers.BADGE.fullmatch(words.strip()))
    )


_TITLE_PARTS = r"\s+(?:[|\-–—:]|::)\s+"  # "Headline | Site", "Site - Headline", "Site :: Headline"


def _names_the_site(found: tuple[Unit, ...], first: list[str]) -> bool:
    """Whether a <title> parted at its first separator opens on the site's name: the page shows the rest whole, and
    names the first part again in another block (its copyright line, a source line), as a site names itself."""
    site, rest = (_squash(unescape(p)) for p in first)
    blocks = _block_texts(found)
    return rest in blocks and any(site in b for b in blocks if b != site)


def _block_texts(found: tuple[Unit, ...]) -> set[str]:
    """The visible blocks' texts, as metadata_titles compares them."""
    return {_squash(unescape(re.sub(r"<[^>]+>", "", u.text))) for u in found if u.kind == "block"}


def _meta_key(attrs: dict[str, str]) -> str:
    """What a <meta> names: its property (og:, article:) or its name."""
    return (attrs.get("property") or attrs.get("name") or "").lower()


def _jsonld_headlines(script: str) -> list[str]:
    """The headlines a JSON-LD script states, as written (escaped)."""
    return re.findall(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"', script)


def metadata_titles(found: tuple[Unit, ...]) -> list[str]:
    """What the page's metadata calls its headline: og:title, twitter:title, JSON-LD headline, and <title> without
    the site's name ("Headline | Site", "Site - Headline")."""
    out, site, leading, stated, titled = [], set(), set(), set(), []
    for u in found:
        a = dict(u.attrs)
        key = _meta_key(a)
        if u.tag == "meta" and key in ("og:title", "twitter:title"):
            out += [a.get("content", ""), *re.split(_TITLE_PARTS, a.get("content", ""))]
            stated.add(_squash(unescape(a.get("content", ""))))
        elif u.tag == "meta" and key == "og:site_name":
            site.add(_squash(a.get("content", "")))
        elif u.tag == "script":
            found_headlines = _jsonld_headlines(u.text)
            out += found_headlines
            stated |= {_squash(unescape(h)) for h in found_headlines}
        elif u.tag == "title":
            inner = unescape(re.sub(r"<[^>]+>", "", u.text))
            parts = re.split(_TITLE_PARTS, inner)
            # the headline may hold a separator of its own ("Site :: مغربية - روسية"): the title parted at its
            # first one too; where the page shows the rest whole, the first part is the site's name
            first = re.split(_TITLE_PARTS, inner, maxsplit=1)
            out += [inner, *parts, *first]
            titled += [inner, *parts]
            # "Site | Headline": a first part less than half as long as the second may be the site's name
            if len(parts) == 2 and 2 * len(parts[0].split()) < len(parts[1].split()):
                leading.add(_squash(unescape(parts[0])))
            elif len(parts) > 2 and _names_the_site(found, first):
                leading.add(_squash(unescape(first[0])))
    titles = [_squash(unescape(t)) for t in out if t.strip()]
    # unless og:title or the JSON-LD headline says it is the headline (in three words or more: a theme may state the
    # site's two-word name as every page's og:title)
    site |= leading - {t for t in stated if len(t.split()) >= 3}
    # "Headline | Site": the site's name ends the title and is the shorter part ("Site :: Headline" ends on the
    # headline, which is the longer)
    site |= {
        t
        for t in titles
        if any(
            t != other and other.endswith(t) and 2 * len(t.split()) < len(other.split()) for other in titles
        )
    }
    # a part of <title> that is the site's name (or a short masthead) is not a headline; a short headline the
    # og:title or the JSON-LD states whole is ("رمالٌ متحركة")
    short = _two_word_headlines(found, stated, titled)
    return [t for t in titles if t not in site and (len(t.split()) >= 3 or t in short)]


def _two_word_headlines(found: tuple[Unit, ...], stated: set[str], titled: list[str]) -> set[str]:
    """The two-word headlines og:title or the JSON-LD state that the <title> shows as a part of its own (split on any
    separator a site may use: "رمالٌ متحركة • الأفق") and no copyright line names: a theme that states its own
    two-word name as og:title titles the page otherwise."""
    two = {t for t in stated if len(t.split()) == 2}
    if not two:
        return set()
    shown = {_squash(unescape(p)) for x in titled for p in re.split(r"\s*[|•«»~·]\s*|\s[-–—:]\s", x)}
    blocks = _block_texts(found)
    copyright_lines = [t for t in blocks if markers.is_copyright(t)]
    return {t for t in two & shown if not any(t in c for c in copyright_lines)}


def _headline(blocks: list[Unit], titles: list[str]) -> int | None:
    """The visible block that shows the metadata's headline: an exact match that is no link first (h1 preferred),
    then a heading that goes on past it (or an exact match in a link), else the heading that shares the most words
    with it."""
    if not titles:
        return None
    exact = [k for k, b in enumerate(blocks) if b.text in titles]
    shown = [k for k in exact if "link" not in {v for _, v in blocks[k].attrs}]  # a related list links it too
    if shown:
        return next((k for k in shown if blocks[k].tag == "h1"), shown[0])
    # the metadata's headline cut short, or without its quotation marks: the page's heading goes on where it stops
    # ("X" in the metadata, "X بمشاركة ..." on the page); a first paragraph that opens with its words is no heading
    bare = [clean.unquoted(t) for t in titles]
    longer = [
        k
        for k, b in enumerate(blocks)
        if b.tag in ("h1", "h2")
        and len(b.text.split()) <= 35
        and any(clean.unquoted(b.text) == t or clean.unquoted(b.text).startswith(t + " ") for t in bare)
    ]
    if longer or exact:
        return next((k for k in longer if blocks[k].tag == "h1"), (longer or exact)[0])
    best, score = None, 0.0
    for k, b in enumerate(blocks):
        linked = "link" in {v for _, v in b.attrs} and b.tag not in ("h1", "h2")
        if not 2 <= len(b.text.split()) <= 35 or linked:
            continue  # a link (not a heading's) is another page's headline, where no block shows it exactly
        own = clean.content_words(b.text)
        for t in (
            titles
        ):  # most of the block's words are the headline's, and most of the headline's are the block's
            wanted = clean.content_words(t)
            shared = len(own & wanted)
            fit = min(shared / max(1, len(own)), shared / max(1, len(wanted))) + (
                0.1 if b.tag == "h1" else 0.0
            )
            if shared >= 3 and fit >= 0.6 and fit > score:
                best, score = k, fit
    return best


def _named_over_a_link(blocks: list[Unit], chosen: int | None) -> int | None:
    """Where the metadata names no headline, or one that is a link's text (a <title> that is only the site's name,
    shown by its logo's link), the heading the markup names the headline ("itemprop=headline", "entry-title") is, if
    the page has one."""
    if chosen is not None and "link" not in {v for _, v in blocks[chosen].attrs}:
        return chosen
    marks = [{v for _, v in b.attrs} for b in blocks]
    return next(
        (k for k, m in enumerate(marks) if "headline" in m and "link" not in m and k != chosen), chosen
    )


def _metadata_date(raw_text: str, found: tuple[Unit, ...]) -> propose.DateProposal | None:
    """The publication date the metadata states (JSON-LD datePublished, article:published_time, a dated meta or a
    <time> marked as the publication), quoted from the raw page."""
    for u in found:
        a = dict(u.attrs)
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        value, why = None, None
        if u.tag == "script":
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', u.text)
            value, why = (m.group(1), "JSON-LD datePublished") if m else (None, None)
        elif u.tag == "meta" and key in DATE_META:
            value, why = a.get("content"), f"the page's {key} metadata"
        elif u.tag == "time" and ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished"):
            value, why = a.get("datetime"), "a <time> element marked as the publication date"
        date = _iso_date(value)
        if date is not None and value in raw_text[u.start : u.end]:
            return propose.DateProposal(date, value, u.number, why)
    return None


def _iso_date(value: str | None):
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if not m:
        return None
    found = datetext.find_dates(m.group(0).strip())
    return found[0].date if found else None


# A dateline or a credit as a paragraph's bold opening: a place of one to three words, then a dash or a slash and
# a name or an agency of up to three words (up to twice), perhaps a closing dash or colon ("القاهرة - وكالات",
# "الرباط:", "موسكو/ أ ف ب", "سانت بطرسبورغ/ إلهام قاسموفا/ النجم"), or the agency in parentheses ("الرباط (ومع)").
# A subheading says more after a colon ("المغرب - روسيا: شراكة في الطاقة") or runs longer ("أبرز ما جاء في الاتفاق:").
_WORDS = r"[^\s\-–—ـ:/()]+(?:\s[^\s\-–—ـ:/()]+){0,2}"
_BOLD_DATELINE = re.compile(
    rf"^{_WORDS}(?:\s*[-–—ـ/]\s*{_WORDS}){{0,2}}\s*[-–—ـ/:]?$|^{_WORDS}\s*\(\s*[^()]{{1,20}}\)\s*[-–—ـ:]?$"
)


def _opens_a_paragraph(text: str) -> bool:
    """Bold words that open the paragraph after a line break: a dateline or a credit (_BOLD_DATELINE)."""
    text = " ".join(text.split())
    return bool(_BOLD_DATELINE.match(text)) and bool(re.search(r"[-–—ـ/:()]", text))


SHORT_BLOCK_CHARS = 12


def _in_main(text: str, main: set[str]) -> bool:
    """Whether trafilatura's main text holds the block (whole, or as lines it split at a <br>); spaces are not
    compared (it may join the two sides of a <br> without one)."""
    text = "".join(text.split())
    if len(text) <= SHORT_BLOCK_CHARS:
        return text in main  # a word or two ("رد") stand inside any paragraph: only a line of its own
    return any(text in m or (len(m) > 20 and m in text) for m in main)


def _decide(found: tuple[Unit, ...], raw_text: str, overrides) -> clean.Cleaned:
    """The page's blocks classified like the lines of a copied page, then checked against trafilatura's main text:
    a block both call the article is body; the title is the block that shows the metadata's headline."""
    blocks = [u for u in found if u.kind == "block"]
    hints = {k: frozenset(v for _, v in b.attrs) for k, b in enumerate(blocks) if b.attrs}
    decisions = clean.classify_lines([b.text for b in blocks], hints)  # by position in the list of blocks
    main = {"".join(m.split()) for m in _main_text(raw_text)}
    out: dict[int, clean.LineDecision] = {}
    headline = _named_over_a_link(blocks, _headline(blocks, metadata_titles(found)))
    described = _descriptions(found)
    under, dated = _text_under_the_headline(blocks, decisions, main, headline)
    resumes = _article_resumes(blocks, decisions, main) | under
    for k, b in enumerate(blocks, 1):
        d = decisions.get(k)
        role, rule, sure = (
            (d.role, d.decided_by.removeprefix("rule:"), d.sure) if d else ("navigation", "empty", True)
        )
        if headline is not None and k - 1 == headline:
            role, rule, sure = "title", "metadata-headline", True
        elif role == "title" and headline is not None:
            role, rule = "navigation", "not-the-metadata-headline"
        elif (
            role == "body"
            and main
            and not (_row_in_main(b.text, main) if b.tag == "tr" else _in_main(b.text, main))
            and not _between_kept(blocks, decisions, k, main, raw_text)
            and not _lead_over_kept(blocks, decisions, k, main)
            and not _in_an_update(decisions, k)
            and not _described_lead(blocks, decisions, k, described)
        ):
            role, rule, sure = "navigation", "outside-main-content", False
        elif k in resumes:
            role, rule, sure = "body", "main-content-after-a-box", False
        elif k in dated:
            role, rule, sure = "date_line", "date-line-under-the-headline", False
        out[b.number] = clean.LineDecision(b.number, role, f"rule:{rule}", sure)
    _standfirsts(blocks, hints, out)
    for k, b in enumerate(blocks):  # an embedded post's blocks, by its embed code's markup
        if "post" in hints.get(k, ()) and out[b.number].role in ("body", "caption", "title"):
            out[b.number] = clean.LineDecision(b.number, "embed", "rule:embedded-post-markup")
    _subtitle(blocks, headline, out)
    for u in found:
        if u.kind == "metadata":
            out[u.number] = clean.LineDecision(u.number, "metadata", "rule:page-metadata")
    cleaned = clean.decide(_unit_lines(found), out, overrides)
    if cleaned.title is None and (stated := _stated_headline(found, cleaned.text)):
        # a page that shows its headline nowhere but in its metadata: the metadata's headline is the title
        cleaned = replace(cleaned, title=stated)
    return cleaned


# a headline the page shows nowhere ("استقالة وزير النقل"), no site's two-word name
STATED_HEADLINE_MIN_WORDS = 3
SECTION_NAME_WORDS = 2  # a section's name beside the site's in a title ("اقتصاد", "شؤون دولية")


def _stated_headline(found: tuple[Unit, ...], text: str) -> str | None:
    """The headline the metadata states (og:title, twitter:title, the JSON-LD's), without the site's name that
    og:site_name gives at either end ("Headline | Site", "Site - Headline") nor a section's short name beside it
    ("Headline | اقتصاد | Site"), where it says two or more of the text's words: a site's slogan or a section's name
    says none ("Site | صوت الجزيرة الحر"). <title> alone is not taken: a template sets the site's name and its
    slogan there."""
    stated, site = [], set()
    for u in found:
        a = dict(u.attrs)
        key = _meta_key(a)
        if u.tag == "meta" and key in ("og:title", "twitter:title"):
            stated.append(a.get("content", ""))
        elif u.tag == "meta" and key == "og:site_name":
            site.add(_squash(unescape(a.get("content", ""))))
        elif u.tag == "script":
            stated += _jsonld_headlines(u.text)
    lead = clean.content_words(text)
    for title in (_squash(unescape(x)) for x in stated):
        parts = re.split(f"({_TITLE_PARTS})", title)  # the parts, the separators between them kept
        # (a headline may hold a separator of its own: only the site's parts at its ends, and a section's short
        # name next to them, are dropped)
        if parts[0] in site:
            parts = parts[2:]
        if len(parts) > 2 and parts[-1] in site:
            parts = parts[:-2]
            if len(parts) > 2 and len(parts[-1].split()) <= SECTION_NAME_WORDS:
                parts = parts[:-2]
        headline = "".join(parts)
        if (
            len(headline.split()) >= STATED_HEADLINE_MIN_WORDS
            and headline not in site
            and len(clean.content_words(headline) & lead) >= 2
        ):
            return headline
    return None


DESCRIBED_WORDS = 8  # the words a description and a paragraph must open with alike


def _descriptions(found: tuple[Unit, ...]) -> list[str]:
    """The first words of what the metadata gives as the article's description (description, og:description,
    JSON-LD description): a page often sets its lead there word for word."""
    out = []
    for u in found:
        a = dict(u.attrs)
        key = _meta_key(a)
        if u.tag == "meta" and key in ("description", "og:description", "twitter:description"):
            out.append(unescape(a.get("content", "")))
        elif u.tag == "script":
            out += [unescape(d) for d in re.findall(r'"description"\s*:\s*"((?:[^"\\]|\\.)*)"', u.text)]
    return [" ".join(d.split()[:DESCRIBED_WORDS]) for d in out if len(d.split()) >= DESCRIBED_WORDS]


def _described_lead(blocks, decisions, k: int, described: list[str]) -> bool:
    """Block k is the lead the metadata's description quotes (its first words alike), or a paragraph a connective
    opens right under that lead, with no line of the article's header under them: the article's first paragraphs,
    which a page may set in an element trafilatura's main text leaves out."""
    for j in (k, k - 1):
        if j < 1 or (d := decisions.get(j)) is None or d.role != "body":
            return False
        if " ".join(blocks[j - 1].text.split()[:DESCRIBED_WORDS]) in described:
            goes_on = j == k or bool(markers.CONTINUATION.match(blocks[k - 1].text))
            return goes_on and not _header_below(blocks, k)
    return False


def _header_below(blocks, k: int) -> bool:
    """A line of the article's header (its date, byline, credit or share bar) under block k, before the next
    paragraph: block k stands over the header, a standfirst rather than the lead."""
    for b in blocks[k:]:
        if clean.is_prose(b.text):
            return False
        if markers.header(b.text) or markers.is_date_line(b.text):
            return True
    return False


def _in_an_update(decisions: dict, k: int) -> bool:
    """Block k is the text of a live page's update, under its time with only the update's text between: the rules
    keep it where trafilatura's main text (which may take one update for the article) does not."""
    for j in range(k - 1, 0, -1):
        d = decisions.get(j)
        if d is None:
            continue
        if d.decided_by == "rule:live-update-time":
            return True
        if d.role != "body":
            return False
    return False


def _subtitle(blocks: list[Unit], headline: int | None, out: dict) -> None:
    """A sentence set as a heading (h2-h4) right under the headline, above more of the text: its standfirst, which
    the page sets apart as its subtitle (the article's own subheadings are short)."""
    if headline is None:  # no metadata names it: the block the rules took for the headline
        headline = next((k for k, b in enumerate(blocks) if out[b.number].role == "title"), None)
    if headline is None or headline + 1 >= len(blocks):
        return
    below = blocks[headline + 1]
    decided = out[below.number]
    later = any(out[b.number].role == "body" for b in blocks[headline + 2 :])
    # (a question, or a sentence set so again further down, is the first of the article's own headings: an
    # interview's questions)
    again = any(b.tag == below.tag and clean.is_prose(b.text) for b in blocks[headline + 2 :])
    asks = below.text.rstrip().endswith(("؟", "?"))
    subtitle = below.tag in HEADLINE_TAGS - {"h1"} and clean.is_prose(below.text) and not (again or asks)
    if subtitle and decided.role == "body" and later:
        out[below.number] = clean.LineDecision(
            below.number, "summary", "rule:subtitle-under-the-headline", False
        )


def _standfirsts(blocks: list[Unit], hints: dict, out: dict) -> None:
    """A block the markup names as a standfirst, above the article's first paragraph, is its summary (inside the
    text such a name may mark a subheading, which stays)."""
    named = []
    for k, b in enumerate(blocks):
        if out[b.number].role != "body":
            continue
        if "standfirst" not in hints.get(k, ()):
            # the text goes on below: what the markup named above it is its summary (an element so named that
            # holds the whole text, as Drupal's "text-with-summary" may, leaves no text below and stays the text)
            for standfirst in named:
                number = standfirst.number
                out[number] = clean.LineDecision(number, "summary", "rule:standfirst-markup", False)
            return
        named.append(b)


APPENDED_RULES = ("prose-after-article", "after-read-also")
# after these the article never resumes (an excerpt's link to the whole article on its site ends it too)
ENDS_FOR_GOOD = frozenset({"comments-marker", "tags-marker", "read-on-link", "references-label"})


def _text_under_the_headline(
    blocks, decisions, main: set[str], headline: int | None
) -> tuple[set[int], set[int]]:
    """Where the rules found no text under the metadata's headline (they took a sidebar set first in a table layout,
    "الأكثر قراءة", for the end of the article), the prose blocks under the headline that the main text holds are the
    article's, up to a box of other stories, the tags or the comments; and the date lines between the headline and
    that text are its date lines."""
    if headline is None or not main:
        return set(), set()
    under = range(headline + 2, len(blocks) + 1)  # decisions count the blocks from 1, headline from 0
    if any((d := decisions.get(k)) is not None and d.role == "body" for k in under):
        return set(), set()
    found: set[int] = set()
    dated: set[int] = set()
    for k in under:
        d, text = decisions.get(k), blocks[k - 1].text
        if d is None:
            continue
        if d.decided_by.removeprefix("rule:") in ENDS_FOR_GOOD or markers.ends_article(text):
            break
        if clean.is_prose(text) and _in_main(text, main):
            found.add(k)
        elif not found and (markers.is_date_line(text) or markers.PUBLISHED_MARKER.search(text)):
            dated.add(k)
    return found, (dated if found else set())


def _article_resumes(blocks, decisions, main: set[str]) -> set[int]:
    """Paragraphs the rules took for a story appended after a box, that trafilatura's main text holds: the article
    goes on there (the box ended it too early). It stops at a line the rules put in an appended story that is not
    prose (its headline or date) and at a date line outside a box of links, and never goes past the tags or the
    comments. A link's headline inside the box does not stop it: there trafilatura's main text alone decides."""
    resumes: set[int] = set()
    after_text = False
    for k in range(1, len(blocks) + 1):
        d = decisions.get(k)
        if d is None:
            continue
        text, rule = blocks[k - 1].text, d.decided_by.removeprefix("rule:")
        if rule in ENDS_FOR_GOOD:
            break
        if d.role == "body":
            after_text = True
        elif clean.is_prose(text):
            if (
                after_text
                and d.role == "appended_article"
                and rule in APPENDED_RULES
                and main
                and _in_main(text, main)
                and not markers.NEWSLETTER.search(text)  # (a newsletter's pitch the main text holds)
            ):
                resumes.add(k)
                # the article's heading right above it heads its section: the markup says it is a heading, the main
                # text holds it as a line of its own, and it is short and no marker of a box, a widget or the header
                above = blocks[k - 2] if k > 1 else None
                if above is not None and decisions.get(k - 1) is not None and _section_heading(above, main):
                    resumes.add(k - 1)
        elif d.role == "embed" or _section_heading(blocks[k - 1], main):
            continue  # an embedded post, or the heading of the article's next section (its paragraph decides)
        elif d.role == "appended_article" or (markers.is_date_line(text) and d.role != "related"):
            after_text = False  # a headline or a date line: another story may begin
    resumes |= _held_between(blocks, decisions, resumes, main)
    return resumes | _items_under_lead_in(blocks, decisions, resumes, main)


def _items_under_lead_in(blocks, decisions, resumes: set[int], main: set[str]) -> set[int]:
    """The items of a list (<li>) that the main text holds, under a lead-in the article resumes with ("... خمس
    اتفاقيات تشمل:") or after an item of the same list it resumes with (a long first item): the rules, which saw
    short lines after the article's end, left them out."""
    items: set[int] = set()
    for k in sorted(resumes):
        lead_in = blocks[k - 1].text.rstrip().endswith(":")
        if not (lead_in or blocks[k - 1].tag == "li"):
            continue
        j = k + 1
        while (
            j <= len(blocks)
            and blocks[j - 1].tag == "li"
            and (lead_in or ("markup", "next-item") in blocks[j - 1].attrs)
            and _in_main(blocks[j - 1].text, main)
        ):
            d = decisions.get(j)
            if j not in resumes and (d is None or d.decided_by.removeprefix("rule:") != "after-article"):
                break
            items.add(j)
            j += 1
    return items


def _held_between(blocks, decisions, resumes: set[int], main: set[str]) -> set[int]:
    """Lines the rules left after the article's end that stand between two of its paragraphs the article resumes
    with, and that the main text holds: a list's lead-in ("... أبرزها:") and its short items go with them."""

    def kept(j: int) -> bool:
        d = decisions.get(j)
        return j in resumes or (d is not None and d.role == "body")

    return {
        k
        for k in range(2, len(blocks))
        if k not in resumes
        and (d := decisions.get(k)) is not None
        and d.decided_by.removeprefix("rule:") == "after-article"
        and kept(k - 1)
        and kept(k + 1)
        and (k - 1 in resumes or k + 1 in resumes)
        and _in_main(blocks[k - 1].text, main)
    }


def _section_heading(block, main: set[str]) -> bool:
    """A heading of the article's next section (not a box's label, another story's headline or a widget's title)."""
    text = block.text
    return (
        "heading" in {v for _, v in block.attrs}
        and "".join(text.split()) in main
        and len(text.split()) <= clean.SUBHEADING_MAX_WORDS
        and not (markers.ends_article(text) or markers.widget(text) or markers.header(text))
    )


def _row_in_main(text: str, main: set[str]) -> bool:
    """Whether trafilatura's main text holds every cell of a table's row, each as a cell of its own."""
    return all("".join(cell.split()) in main for cell in text.split("\t"))


def _between_kept(blocks, decisions, k: int, main: set[str], raw_text: str = "") -> bool:
    """A short line of the article (a subheading) between two paragraphs that the main text holds: the main text
    leaves out some headings, so it does not veto one there; nor a paragraph that goes on with the article there
    (_goes_on_between), which it leaves out where the page sets it as loose text between <p>s."""
    text = blocks[k - 1].text
    paragraph = len(text.split()) > clean.SUBHEADING_MAX_WORDS
    if paragraph and not _goes_on_between(blocks, k):
        return False
    if not paragraph and re.search(r"\d{1,2}:\d{2}|منذ\s", text):
        return False  # a short line with a time ("17:42 منذ ساعة"): a live update's stamp or a card's

    def kept(j: int) -> bool:
        d = decisions.get(j)
        return (
            1 <= j <= len(blocks)
            and d is not None
            and d.role == "body"
            and _in_main(blocks[j - 1].text, main)
        )

    # the article's heading (h2-h6) after a box: the paragraph under it is the article's, past an advert or a
    # promotion set between them where the heading's own element closes before it (a box's heading shares the box's)
    heading = "heading" in {v for _, v in blocks[k - 1].attrs} and not markers.ends_article(text)
    under = k + 1
    if heading and k < len(blocks) and _CLOSES.search(raw_text, blocks[k - 1].end, blocks[k].start):
        while under < len(blocks) and (d := decisions.get(under)) is not None and d.role == "advertisement":
            under += 1
    above = k - 1
    # a paragraph that goes on under a box set in the text ("اقرأ أيضا: ...", a photo, a video)
    while paragraph and above > 1 and (d := decisions.get(above)) is not None and d.role in _BOXES_IN_TEXT:
        above -= 1
    return (kept(above) or heading) and kept(under)


_BOXES_IN_TEXT = ("related", "embed", "caption", "credit", "advertisement")


_CLOSES = re.compile(r"</(?:div|section|article|main)\s*>", re.I)


def _lead_over_kept(blocks, decisions, k: int, main: set[str]) -> bool:
    """The article's first paragraph, which its dateline opens ("الرباط - وقع ..."), right over a paragraph the main
    text holds: the main text may leave out the element a page sets its lead in (an "intro" block), never the
    dateline's paragraph the article starts with."""
    if not clean.opens_on_its_place(blocks[k - 1].text):
        return False
    earlier = any(
        (d := decisions.get(j)) is not None and d.role == "body" and _in_main(blocks[j - 1].text, main)
        for j in range(1, k)
    )
    after = decisions.get(k + 1)
    following = k < len(blocks) and after is not None and after.role == "body"
    return not earlier and following and _in_main(blocks[k].text, main)


def _goes_on_between(blocks, k: int) -> bool:
    """A paragraph that goes on with the ones either side of it: a connective opens it (or the article's heading
    stands over it: a section's first paragraph), it ends as a sentence does, no label opens it ("ومن أخبارنا
    أيضا: ...") and no marker of a promotion, a box or a photo explains it ("ولمتابعة آخر الأخبار، اشتركوا ...",
    "وفي الصورة ...")."""
    text = blocks[k - 1].text
    under_a_heading = k > 1 and "heading" in {v for _, v in blocks[k - 2].attrs}
    if not (clean.is_prose(text) and (markers.CONTINUATION.match(text) or under_a_heading)):
        return False
    labelled = ":" in " ".join(text.split()[:6])
    return not (
        labelled
        or not re.search(r"[.!؟?][»\"”]?\s*$", text)
        or markers.header(text)
        or markers.ends_article(text)
        or markers.widget(text)
        or markers.LINKS_LEAD_IN.search(text)
        or markers.NEWSLETTER.search(text)
        or re.match(r"\s*و?في\s+(?:ال)?صور", text)
    )


def _unit_lines(found: tuple[Unit, ...]) -> list[str]:
    """The units' texts as the cleaner's "lines": what decisions, removals and the title are made of."""
    return [u.text for u in found]


def clean_page(
    data: bytes, overrides=(), *, where: str = "page"
) -> tuple[str, tuple[Unit, ...], clean.Cleaned, propose.DateProposal | None]:
    """Decode, split and clean a saved page: its text, units, cleaning, and publication date (from the metadata,
    else from its date lines)."""
    raw_text, _ = decode(data, where)
    found = units(raw_text)
    cleaned = _decide(found, raw_text, overrides)
    return raw_text, found, cleaned, _publication_date(raw_text, found, cleaned)


def _publication_date(
    raw_text: str, found: tuple[Unit, ...], cleaned: clean.Cleaned
) -> propose.DateProposal | None:
    """The metadata's publication date, else the page's visible date line; the visible one also where the metadata
    gives a time late in the evening in UTC ("2025-10-21T21:30:00Z") and the page shows the day after: the outlet's
    own day, past midnight."""
    meta = _metadata_date(raw_text, found)
    shown = _visible_date(raw_text, found, cleaned)
    if meta is None or (
        shown is not None and _late_in_utc(meta.quote) and (shown.date - meta.date).days == 1
    ):
        return shown or meta or _time_in_the_header(raw_text, found, cleaned)
    # (a shown date that says it is an update's, "محدث الخميس ...", dates no publication)
    updated = shown is not None and bool(_UPDATED.match(shown.quote) or _UPDATE_BADGE.search(shown.quote))
    if shown is not None and not updated and _metadata_misdates(meta.date, shown.date, cleaned.text):
        return shown
    return meta


TODAY_PARAGRAPHS = 2  # the text's first paragraphs, where it says what day it calls today
# a date line that opens as an update's ("محدث الخميس ...", "آخر تحديث: ..."; "نشر في: ... | آخر تحديث: ..." gives
# the publication first)
_UPDATE_BADGE = re.compile(r"\(\s*(?:محد[ّ]?ث|تحديث|Updated)\s*\)", re.I)  # "... 09:14 ص (محدّث)"
_UPDATED = re.compile(rf"\s*(?:(?:ال)?محد[ّ]?ث|{markers.UPDATE_MARKER.pattern})", re.I)


def _metadata_misdates(meta: dt.date, shown: dt.date, text: str) -> bool:
    """Whether the page's visible date line, not its metadata, dates the article where they disagree: the text's
    first paragraphs call today ("اليوم الثلاثاء") the day shown and not the metadata's (a CMS that stamps the article
    again when it is edited). A date shown whose day and month the metadata swaps proves nothing alone: either may
    have read the other the wrong way round."""
    if meta == shown:
        return False
    lead = "\n\n".join(text.split("\n\n")[:TODAY_PARAGRAPHS])  # (a later update may say its own "today")
    today = {arabic.weekday_in(m.group(0)) for m in arabic.TODAY_WEEKDAY.finditer(lead) if m.group(1)}
    return shown.weekday() in today and meta.weekday() not in today


TIME_ABOVE_HEADLINE = 3  # units above the headline where an article's header may set its <time>


def _time_in_the_header(
    raw_text: str, found: tuple[Unit, ...], cleaned: clean.Cleaned
) -> propose.DateProposal | None:
    """Where nothing else states the date: a <time> element of the article's header (just above the headline, as
    an aggregator sets its source and age, or between the headline and the text), which shows an age ("منذ 5
    ساعات") and gives the moment in its datetime attribute (a related story's <time> stands elsewhere)."""
    roles = {n: d.role for n, d in cleaned.decisions.items()}
    title = next((n for n, r in sorted(roles.items()) if r == "title"), None)
    first_body = next((n for n, r in sorted(roles.items()) if r == "body"), None)
    if title is None or first_body is None:
        return None
    for u in found:
        value = dict(u.attrs).get("datetime") if u.tag == "time" else None
        date = _iso_date(value)
        header = title - TIME_ABOVE_HEADLINE <= u.number < first_body
        close = raw_text.find("</time>", u.end)
        shown = raw_text[u.end : close] if close != -1 else ""
        ages = bool(datetext.RELATIVE.search(shown))  # "منذ 5 ساعات": a clock ("08:00") may be a ticker's
        if header and ages and date is not None and value in raw_text[u.start : u.end]:
            return propose.DateProposal(date, value, u.number, "a <time> element in the article's header")
    return None


LATE_UTC_HOUR = 20  # from here on, it is already the next day in the Arab world's time zones (UTC+1 to +4)


def _late_in_utc(value: str) -> bool:
    """An ISO time written in UTC ("Z", "+00:00") late in the evening, when the outlet's own day is the next."""
    found = re.search(r"T(\d\d):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)\s*$", value)
    return found is not None and int(found.group(1)) >= LATE_UTC_HOUR


def _visible_date(
    raw_text: str, found: tuple[Unit, ...], cleaned: clean.Cleaned
) -> propose.DateProposal | None:
    """The publication date from the page's visible date lines, as for copied text, quoted where the raw page
    writes it verbatim."""
    # one line per unit (a metadata element may span lines), so that line numbers are unit numbers
    # the metadata's own elements are no visible line (a JSON-LD script names "datePublished")
    shown = ["" if u.kind == "metadata" else " ".join(u.text.split()) for u in found]
    found_date = propose.publication_date("\n".join(shown), cleaned)
    if found_date is None:
        return None
    unit = found[found_date.line - 1]
    if found_date.quote in raw_text[unit.start : unit.end]:
        return found_date
    dated = datetext.find_dates(found_date.quote)
    span = found_date.quote[dated[0].start : dated[0].end] if dated else None
    if span and span in raw_text[unit.start : unit.end]:
        return propose.DateProposal(found_date.date, span, found_date.line, found_date.why)
    written = _as_written(span, raw_text[unit.start : unit.end]) if span else None
    if written:
        return propose.DateProposal(found_date.date, written, found_date.line, found_date.why)
    return None


def _as_written(text: str, raw: str) -> str | None:
    """text as the raw page writes it where it spells characters as references (a page in windows-1256 or
    ISO-8859-6 must write Arabic-Indic digits "&#1633;&#1638;"): the quote is then the raw page's own spelling."""
    pattern = "".join(_written_as(c) for c in text)
    m = re.search(pattern, raw)
    return m.group(0) if m else None


def _written_as(c: str) -> str:
    """A pattern for character c: itself or a numeric reference to it (decimal or hex); for a space, any run of
    white space and no-break spaces, as the collapsed text joined them."""
    if c.isspace():
        return r"(?:\s|&nbsp;|&#0*160;|&#[xX]0*[aA]0;)+"
    return rf"(?:{re.escape(c)}|&#0*{ord(c)};|&#[xX]0*(?i:{ord(c):x});)"


def metadata_json(found: tuple[Unit, ...]) -> list[dict]:
    """The JSON-LD objects of the page (for proposals that need more than the headline and the date)."""
    out = []
    for u in found:
        if u.tag == "script":
            body = re.sub(r"^<script[^>]*>|</script>$", "", u.text.strip(), flags=re.I)
            try:
                out.append(json.loads(body))
            except ValueError:
                continue
    return out
