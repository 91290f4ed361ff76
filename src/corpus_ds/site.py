"""A static, offline review site of a release: every label highlighted on its evidence (`corpus-ds site OUT_DIR`)."""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from markupsafe import Markup, escape

from corpus_ds import arabic, clean, docs, labels, models
from corpus_ds.errors import CorpusError

# Label kinds, each with its own highlight colour (site.css) and legend text.
KINDS = {
    "source": "Sources: outlet, attribution, cited sources",
    "date": "Dates: publication date line, weekday of the event",
    "event": "Event: the quote that reports the interaction",
    "actor": "Actors: every mention of a labelled actor",
    "instrument": "Instruments: agreements, memoranda, statements, commitments",
}
STATIC_FILES = ("site.css", "site.js")


@dataclass(frozen=True)
class Highlight:
    """One evidence quote at its offsets in text, title or raw, with the label it supports."""

    hl_id: str
    kind: str
    label: str
    value: str
    quote: str
    location: str
    start: int
    end: int

    @property
    def tip(self) -> str:
        return f"{self.label}: {self.value}"


def evidence_kind(label: str) -> str:
    """The kind of an evidence row's label (cited_sources[2] -> source)."""
    return labels.label_of(label).kind


def article_highlights(
    evidence: Iterable[dict], agreements: Iterable[dict], mentions: Iterable[dict]
) -> list[Highlight]:
    """Every quote of one article, from the rows of the evidence, agreements and mentions tables."""
    out = [
        Highlight(
            f"ev-{i}",
            evidence_kind(r["label"]),
            r["label"],
            r["value"],
            r["quote"],
            r["location"],
            r["start"],
            r["end"],
        )
        for i, r in enumerate(evidence)
    ]
    for r in agreements:
        sectors = ", ".join(r["sectors"]) or "no sector named"
        year = f", {r['year']}" if r["year"] is not None else ""
        out.append(
            Highlight(
                f"ag-{r['agreement_index']}",
                "instrument",
                f"agreements[{r['agreement_index']}]",
                f"{r['instrument']} ({r['status']}; {sectors}{year})",
                r["quote"],
                r["location"],
                r["start"],
                r["end"],
            )
        )
    out += [
        Highlight(
            f"m-{i}",
            "actor",
            f"actor {r['actor_id']}",
            f"{r['role']}, surface form",
            r["surface"],
            "text",
            r["start"],
            r["end"],
        )
        for i, r in enumerate(mentions)
    ]
    return out


def _open_tag(h: Highlight, part: int) -> Markup:
    if part == 0:  # the first piece is the highlight a reader tabs to and the label panel links to
        return Markup(
            '<mark class="hl k-{}" id="hl-{}" data-hl="{}" data-start="{}" data-end="{}" data-tip="{}" '
            'tabindex="0" aria-describedby="lab-{}">'
        ).format(h.kind, h.hl_id, h.hl_id, h.start, h.end, h.tip, h.hl_id)
    return Markup('<mark class="hl k-{} cont" data-hl="{}" data-part="{}" data-tip="{}">').format(
        h.kind, h.hl_id, part, h.tip
    )


def mark_up(text: str, spans: Sequence[Highlight]) -> Markup:
    """Escaped text with each span wrapped in <mark>; a span that crosses another is split into pieces."""
    for (
        h
    ) in spans:  # offsets are the truth: a quote that is not where they say is an error, never searched for
        if text[h.start : h.end] != h.quote:
            raise CorpusError(
                f"{h.label}: the quote {h.quote!r} is not at {h.location} offsets {h.start}-{h.end}"
            )
    order = sorted(spans, key=lambda h: (h.start, -h.end, h.hl_id))  # outer before inner
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    out: list[str] = []
    stack: list[Highlight] = []
    parts: Counter = Counter()
    for a, b in itertools.pairwise(cuts):
        want = [h for h in order if h.start <= a and b <= h.end]
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out += ["</mark>"] * (len(stack) - keep)
        stack = stack[:keep]
        for h in want[keep:]:
            out.append(_open_tag(h, parts[h.hl_id]))
            parts[h.hl_id] += 1
            stack.append(h)
        out.append(escape(text[a:b]))
    out += ["</mark>"] * len(stack)
    return Markup("".join(out))


def raw_to_block(raw_text: str, raw_offset: int, line_start: int) -> int:
    """A raw-capture offset as an offset into a removal's content (its lines joined by LF, from line_start on)."""
    lf_offset = len(
        "\n".join(clean.raw_lines(raw_text[:raw_offset]))
    )  # CRLF and CR count as one LF, as in content
    block_start = sum(len(line) + 1 for line in clean.raw_lines(raw_text)[: line_start - 1])
    return lf_offset - block_start


def raw_line(raw_text: str, raw_offset: int) -> int:
    """1-based raw line of an offset, lines split as the cleaner splits them."""
    return len(clean.raw_lines(raw_text[:raw_offset]))


def _in_block(h: Highlight, start: int) -> Highlight:
    return Highlight(h.hl_id, h.kind, h.label, h.value, h.quote, h.location, start, start + len(h.quote))


def removal_blocks(
    removals: Sequence[dict], raw_quotes: Sequence[Highlight], raw_text: str | None
) -> tuple[list[dict], list[Highlight]]:
    """Removed parts with raw quotes highlighted in them; also the raw quotes that could not be placed.

    With the raw capture a quote is placed at its exact offsets. Without it (a site built from an installed
    package) it is placed by its text in the removed lines the release keeps: at its first occurrence in the first
    removed part that holds it, as the release's own check finds it there.
    """
    blocks, placed = [], set()
    for r in removals:
        spans = []
        for h in raw_quotes:
            if raw_text is not None:
                if r["line_start"] <= raw_line(raw_text, h.start) <= r["line_end"]:
                    spans.append(_in_block(h, raw_to_block(raw_text, h.start, r["line_start"])))
                    placed.add(h.hl_id)
            elif h.hl_id not in placed and h.quote in r["content"]:
                spans.append(_in_block(h, r["content"].index(h.quote)))
                placed.add(h.hl_id)
        blocks.append({**r, "html": mark_up(r["content"], spans), "quotes": len(spans)})
    return blocks, [h for h in raw_quotes if h.hl_id not in placed]


def read_raw(raw_dir: Path | None, article: dict) -> str | None:
    """The article's raw capture (copied text), checked against its sha256; None when no capture directory has it.

    A saved page's lines are its blocks, not the lines of its HTML: its quotes are placed in the removed blocks
    kept in removals.content, as for a release without captures.
    """
    if (
        raw_dir is None
        or not (raw_dir / article["raw_file"]).is_file()
        or article["raw_file"].endswith((".html", ".htm"))
    ):
        return None
    path = raw_dir / article["raw_file"]
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != article["raw_sha256"]:
        raise CorpusError(
            f"{path}: raw capture of {article['article_id']} has sha256 {actual}, "
            f"expected {article['raw_sha256']} (the capture the release was built from)"
        )
    return data.decode("utf-8")


def _environment():
    import jinja2

    # autoescape everywhere: titles, texts, notes and registry entries are untrusted text
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("corpus_ds", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["headline"] = headline
    return env


def _page_name(kind: str, slug: str) -> str:
    if not models.is_slug(slug):  # ids become file names: only slugs may
        raise CorpusError(
            f"{kind} id {slug!r} is not a slug (expected {models.ID_PATTERN}); cannot name its page"
        )
    return f"{slug}.html"


def _by_article(rows: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["article_id"]].append(r)
    return out


def outlet_name(article: dict) -> str:
    """What the index shows and filters as the outlet: the outlet, or that the capture does not identify one (a null
    outlet never means an unknown publisher, and the attribution is not the outlet)."""
    return article["outlet"] or labels.label_of("outlet").brief[1]


def attribution_name(article: dict) -> str:
    """What the index shows and filters as the attribution: what the page credits, or that it credits none."""
    return article["attribution"] or labels.label_of("attribution").brief[1]


def headline(article: dict) -> str:
    """The title, or for an untitled page the start of its first paragraph."""
    return article["title"] if article["title"] else arabic.shorten(article["text"].split("\n", 1)[0], 120)


def article_page(article: dict, rows: dict[str, list[dict]], raw_text: str | None) -> dict:
    """Everything one article page shows."""
    aid = article["article_id"]
    marks = article_highlights(
        rows["evidence"].get(aid, []), rows["agreements"].get(aid, []), rows["mentions"].get(aid, [])
    )
    at = defaultdict(list)
    for h in marks:
        at[h.location].append(h)
    try:
        blocks, unplaced = removal_blocks(rows["removals"].get(aid, []), at["raw"], raw_text)
        title_html = mark_up(article["title"], at["title"]) if article["title"] else None
        text_html = mark_up(article["text"], at["text"])
    except CorpusError as exc:
        raise CorpusError(f"article {aid}: {exc}") from None
    not_placed = {h.hl_id for h in unplaced}
    groups: dict[str, dict[str, tuple]] = defaultdict(dict)  # kind -> label -> (label, value, quotes)
    for h in marks:
        group = groups[h.kind].setdefault(h.label, (h.label, h.value, []))
        group[2].append(
            {
                "hl_id": h.hl_id,
                "quote": h.quote,
                "location": h.location,
                "start": h.start,
                "end": h.end,
                "placed": h.hl_id not in not_placed,
            }
        )
    return {
        "article": article,
        "title_html": title_html,
        "text_html": text_html,
        "panel": [(kind, KINDS[kind], list(groups[kind].values())) for kind in KINDS if groups[kind]],
        "removals": blocks,
        "raw_available": raw_text is not None,
    }


def _index_rows(articles: Sequence[dict], names: dict[str, str]) -> list[dict]:
    return [
        {
            "article": a,
            "outlet": outlet_name(a),
            "attribution": attribution_name(a),
            "actor_ids": sorted({x["actor_id"] for x in a["actors"]}),
            "actor_names": ", ".join(names.get(x["actor_id"], x["actor_id"]) for x in a["actors"]),
        }
        for a in articles
    ]


def _filters(rows: Sequence[dict], names: dict[str, str]) -> list[dict]:
    """The index's select filters, each option with the number of articles it keeps."""

    def options(values: Iterable[str], label=lambda v: v) -> list[tuple[str, str, int]]:
        counts = Counter(values)
        return [(v, label(v), n) for v, n in sorted(counts.items())]

    return [
        {"key": "outlet", "label": "Outlet", "options": options(r["outlet"] for r in rows)},
        {"key": "attribution", "label": "Attribution", "options": options(r["attribution"] for r in rows)},
        {
            "key": "actor",
            "label": "Actor",
            "options": options((i for r in rows for i in r["actor_ids"]), lambda v: names.get(v, v)),
        },
        {
            "key": "agreement",
            "label": "Agreement type",
            "options": options(r["article"]["agreement_type"] for r in rows),
        },
        {
            "key": "status",
            "label": "Review status",
            "options": options(r["article"]["review_status"] for r in rows),
        },
    ]


def timeline(articles: Sequence[dict]) -> list[dict]:
    """Events in date order, each with the articles that report it."""
    events: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        events[a["event_id"]].append(a)
    return sorted(
        (
            {
                "event_id": eid,
                "date": arts[0]["event_date"],
                "type": arts[0]["event_type"],
                "articles": sorted(arts, key=lambda a: a["article_id"]),
            }
            for eid, arts in events.items()
        ),
        key=lambda e: (e["date"], e["event_id"]),
    )


def actor_pages(actors: Sequence[dict], articles: Sequence[dict], mentions: Sequence[dict]) -> list[dict]:
    counts = Counter((m["article_id"], m["actor_id"]) for m in mentions)
    pages = []
    for actor in actors:
        appearances = [
            {
                "article": a,
                "role": x["role"],
                "surfaces": x["surfaces"],
                "mentions": counts[(a["article_id"], actor["actor_id"])],
            }
            for a in articles
            for x in a["actors"]
            if x["actor_id"] == actor["actor_id"]
        ]
        pages.append({"actor": actor, "appearances": appearances})
    return pages


def _vocabularies() -> list[tuple[str, list[tuple[str, str, str]]]]:
    out = [
        (
            "event_type (with its CAMEO code)",
            [(k, code, text) for k, (code, text) in models.EVENT_TYPES.items()],
        )
    ]
    out += [(name, [(k, "", v) for k, v in vocab.items()]) for name, vocab in docs.VOCABULARIES]
    return out


def generate(
    tables: dict[str, list[dict]], manifest: dict, out_dir: Path, raw_dir: Path | None = None
) -> list[Path]:
    """Write the site for release rows (table name -> list of row dicts); return the files written, in order."""
    env = _environment()
    articles = sorted(tables["articles"], key=lambda a: a["article_id"])
    actors = sorted(tables["actors"], key=lambda a: a["actor_id"])
    names = {a["actor_id"]: a["name_en"] for a in actors}
    rows = {t: _by_article(tables[t]) for t in ("evidence", "agreements", "mentions", "removals")}
    common = {
        "brief": [label for label in labels.EVIDENCE_LABELS if label.brief],
        "version": manifest["version"],
        "fingerprint": manifest["fingerprint"],
        "names": names,
        "kinds": KINDS,
    }
    pages: dict[str, str] = {}

    index_rows = _index_rows(articles, names)
    pages["index.html"] = env.get_template("index.html").render(
        root="", rows=index_rows, filters=_filters(index_rows, names), events=timeline(articles), **common
    )
    for article in articles:
        name = "articles/" + _page_name("article", article["article_id"])
        page = article_page(article, rows, read_raw(raw_dir, article))
        pages[name] = env.get_template("article.html").render(root="../", **page, **common)
    for page in actor_pages(actors, articles, tables["mentions"]):
        name = "actors/" + _page_name("actor", page["actor"]["actor_id"])
        pages[name] = env.get_template("actor.html").render(root="../", **page, **common)
    pages["codebook.html"] = env.get_template("codebook.html").render(
        root="", vocabularies=_vocabularies(), **common
    )

    static = resources.files("corpus_ds") / "templates" / "static"
    for name in STATIC_FILES:
        pages[f"static/{name}"] = static.joinpath(name).read_text(encoding="utf-8")

    written = []
    for name, html in pages.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def build_site(out_dir: Path, release: Path | None = None, raw_dir: Path | None = None) -> list[Path]:
    """Validate a release (default: the installed one) and write its site to out_dir."""
    from corpus_ds import loader, verify

    directory = Path(release) if release is not None else loader.release_dir()
    loaded, report = verify.checked_release(directory)
    report.raise_if_invalid(f"release {directory} is not valid")
    tables = {name: table.to_pylist() for name, table in loaded.items()}
    return generate(tables, loader.manifest(directory), Path(out_dir), raw_dir)
