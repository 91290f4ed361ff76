"""The review site in a real browser (Debian's chromium, headless, driven by Playwright): highlights,
direction, filters."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import DATA, REPO

from corpus_ds import clean, columns, loader, site

CHROMIUM = Path(os.environ.get("CORPUS_DS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO / "test-artifacts" / "site"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


pytestmark = pytest.mark.slow  # a real browser, end to end


def _browser_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install '.[test]')"
    if not CHROMIUM.is_file():
        return f"no chromium at {CHROMIUM} (apt-get install chromium, or set CORPUS_DS_CHROMIUM)"
    return None


_missing = _browser_missing()
if _missing:
    if os.environ.get(
        "CORPUS_DS_REQUIRE_BROWSER"
    ):  # CI sets this: there the browser tests must run, never skip
        raise RuntimeError(f"browser tests required but cannot run: {_missing}")
    pytest.skip(f"browser tests skipped: {_missing}", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict]]:
    return {name: pq.read_table(DATA / "release" / f"{name}.parquet").to_pylist() for name in columns.TABLES}


@pytest.fixture(scope="module")
def out(tmp_path_factory, tables) -> Path:
    directory = tmp_path_factory.mktemp("site")
    site.generate(tables, loader.manifest(DATA / "release"), directory, DATA / "raw")
    return directory


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page with every console error and uncaught exception recorded."""

    def __init__(self, browser, url: str, width: int = 1280, height: int = 900):
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on(
            "console",
            lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        self.page.goto(url)

    def close(self) -> list[str]:
        self.page.close()
        return self.errors


# Every piece of every highlight: its id, text, the container it sits in and its offset there (code points).
PIECES_JS = """() => {
  const cp = s => Array.from(s).length;
  const out = [];
  for (const mark of document.querySelectorAll('mark.hl')) {
    const box = mark.closest('#text, #title, details.removed pre');
    const range = document.createRange();
    range.setStart(box, 0);
    range.setEnd(mark, 0);
    out.push({hl: mark.dataset.hl, first: mark.id === 'hl-' + mark.dataset.hl, text: mark.textContent,
              where: box.id || 'raw',
              line_start: box.closest('details') ? Number(box.closest('details').dataset.lineStart) : null,
              offset: cp(range.toString()), box_text: box.textContent});
  }
  return out;
}"""


def expected_quotes(tables, article_id: str) -> dict[str, dict]:
    """What must be highlighted in one article, straight from the release tables."""
    evidence = [r for r in tables["evidence"] if r["article_id"] == article_id]
    mentions = [r for r in tables["mentions"] if r["article_id"] == article_id]
    out = {
        f"ev-{i}": {"quote": r["quote"], "location": r["location"], "start": r["start"]}
        for i, r in enumerate(evidence)
    }
    out |= {
        f"ag-{r['agreement_index']}": {"quote": r["quote"], "location": r["location"], "start": r["start"]}
        for r in tables["agreements"]
        if r["article_id"] == article_id
    }
    out |= {
        f"m-{i}": {"quote": r["surface"], "location": "text", "start": r["start"]}
        for i, r in enumerate(mentions)
    }
    return out


def raw_line_and_column(raw: str, offset: int) -> tuple[int, int]:
    line_break = max(raw.rfind("\n", 0, offset), raw.rfind("\r", 0, offset))
    return len(clean.raw_lines(raw[:offset])), offset - line_break - 1


def test_every_quote_is_highlighted_once_at_its_offsets(browser, out, tables):
    checked = Counter()
    for article in tables["articles"]:
        aid = article["article_id"]
        opened = Opened(browser, (out / "articles" / f"{aid}.html").as_uri())
        pieces = opened.page.evaluate(PIECES_JS)
        assert (
            opened.page.locator("#text").text_content() == article["text"]
        )  # offsets index exactly this text
        assert opened.close() == []
        expected = expected_quotes(tables, aid)
        by_hl: dict[str, list[dict]] = {}
        for piece in pieces:
            by_hl.setdefault(piece["hl"], []).append(piece)
        assert set(by_hl) == set(expected), f"{aid}: highlighted {sorted(by_hl)}, expected {sorted(expected)}"
        for hl, want in expected.items():
            got = by_hl[hl]
            assert [p["first"] for p in got] == [True] + [False] * (len(got) - 1), (
                f"{aid} {hl}: one focusable first piece"
            )
            for a, b in itertools.pairwise(got):  # the pieces of a split highlight are contiguous
                assert b["where"] == a["where"] and b["offset"] == a["offset"] + len(a["text"]), f"{aid} {hl}"
            assert "".join(p["text"] for p in got) == want["quote"], (
                f"{aid} {hl}: highlighted text differs from the quote"
            )
            first = got[0]
            if want["location"] == "raw":
                raw = (DATA / "raw" / article["raw_file"]).read_text(encoding="utf-8")
                block = first["box_text"]
                in_block = first["offset"]
                line = first["line_start"] + block[:in_block].count("\n")
                column = in_block - block.rfind("\n", 0, in_block) - 1
                assert (line, column) == raw_line_and_column(raw, want["start"]), (
                    f"{aid} {hl}: not at its raw offset"
                )
                assert first["where"] == "raw"
            else:
                assert first["where"] == want["location"] and first["offset"] == want["start"], (
                    f"{aid} {hl}: wrong place"
                )
            checked[want["location"]] += 1
    assert checked["text"] and checked["raw"], checked  # the release has quotes in text and in raw captures


def test_article_text_and_title_are_right_to_left_in_an_arabic_font(browser, out, tables):
    for article in tables["articles"]:
        opened = Opened(browser, (out / "articles" / f"{article['article_id']}.html").as_uri())
        boxes = ["#text"] + (["#title"] if article["title"] else [])
        for box in boxes:
            style = opened.page.eval_on_selector(
                box, "e => [getComputedStyle(e).direction, e.lang, getComputedStyle(e).fontFamily]"
            )
            assert style[0] == "rtl" and style[1] == "ar" and "Noto Naskh Arabic" in style[2], (
                article["article_id"],
                box,
                style,
            )
        pre_dirs = opened.page.eval_on_selector_all(
            "details.removed pre", "es => es.map(e => getComputedStyle(e).direction)"
        )
        assert pre_dirs == ["rtl"] * sum(r["article_id"] == article["article_id"] for r in tables["removals"])
        assert opened.close() == []


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#articles tbody tr", "rs => rs.filter(r => r.offsetParent !== null).map(r => r.dataset.id)"
    )


def test_index_filters_keep_exactly_the_matching_articles(browser, out, tables):
    articles = tables["articles"]
    opened = Opened(browser, (out / "index.html").as_uri())
    page = opened.page
    assert sorted(visible_ids(page)) == sorted(a["article_id"] for a in articles)
    expected = {
        "agreement": lambda a, v: a["agreement_type"] == v,
        "status": lambda a, v: a["review_status"] == v,
        "actor": lambda a, v: v in {x["actor_id"] for x in a["actors"]},
        "outlet": lambda a, v: v == (a["outlet"] or "not identified by the capture"),
        "attribution": lambda a, v: v == (a["attribution"] or "none"),
    }
    tried = 0
    for key, matches in expected.items():
        values = page.eval_on_selector_all(f"#f-{key} option", "os => os.map(o => o.value).filter(Boolean)")
        assert values, key
        for value in values:
            page.select_option(f"#f-{key}", value)
            want = sorted(a["article_id"] for a in articles if matches(a, value))
            assert want, (key, value)
            assert sorted(visible_ids(page)) == want, (key, value)
            assert page.text_content("#n-shown") == str(len(want))
            tried += 1
        page.select_option(f"#f-{key}", "")
    assert tried >= 10
    # Two filters together, then a date range; reset shows everything again.
    page.select_option("#f-actor", "sergey-lavrov")
    page.select_option("#f-agreement", "memorandum_of_understanding")
    assert sorted(visible_ids(page)) == sorted(
        a["article_id"]
        for a in articles
        if a["agreement_type"] == "memorandum_of_understanding"
        and "sergey-lavrov" in {x["actor_id"] for x in a["actors"]}
    )
    page.click("#f-reset")
    page.fill("#f-from", "2020-01-01")
    page.fill("#f-to", "2024-12-31")
    assert sorted(visible_ids(page)) == sorted(
        a["article_id"] for a in articles if dt.date(2020, 1, 1) <= a["event_date"] <= dt.date(2024, 12, 31)
    )
    page.click("#f-reset")
    assert len(visible_ids(page)) == len(articles)
    # Sorting by event date, then reversed.
    page.click("button[data-sort=date]")
    by_date = [a["article_id"] for a in sorted(articles, key=lambda a: (a["event_date"], a["article_id"]))]
    assert visible_ids(page) == by_date
    page.click("button[data-sort=date]")
    assert visible_ids(page) == [
        a["article_id"]
        for a in sorted(articles, key=lambda a: (a["event_date"], a["article_id"]), reverse=True)
    ]
    assert opened.close() == []


def test_highlights_work_with_the_keyboard(browser, out):
    opened = Opened(browser, (out / "articles" / "ru-ma-0001.html").as_uri())
    page = opened.page
    for _ in range(40):  # Tab from the top until the first highlight has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hl')"):
            break
    focused = page.evaluate(
        "[document.activeElement.dataset.hl, document.activeElement.dataset.tip, "
        "getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused[0] is not None, "no highlight reachable with Tab"
    assert page.is_visible("#tip") and page.text_content("#tip") == focused[1]
    assert focused[2] != "none", "focused highlight has no visible focus style"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"lab-{focused[0]}"
    page.keyboard.press("Tab")  # the panel entry's link leads back to the highlight
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"#hl-{focused[0]}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == f"hl-{focused[0]}"
    assert opened.close() == []


def test_pages_have_no_console_errors_and_fit_a_phone(browser, out):
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        opened = Opened(browser, path.as_uri(), width=390, height=844)
        overflow = opened.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path.relative_to(out)} is {overflow}px wider than a phone screen"
        assert opened.close() == [], path


def test_hostile_text_stays_text_in_the_browser(browser, tmp_path, tables):
    from test_site import hostile_tables

    site.generate(hostile_tables(), loader.manifest(DATA / "release"), tmp_path, DATA / "raw")
    opened = Opened(browser, (tmp_path / "articles" / "ru-ma-0001.html").as_uri())
    dialogs = []
    opened.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    opened.page.reload()
    assert opened.page.text_content("#title") == '<script>alert("title")</script>'
    assert opened.page.eval_on_selector_all("script", "ss => ss.length") == 1
    assert dialogs == [] and opened.close() == []


def test_screenshots_of_the_index_and_an_article_are_saved(browser, out):
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    shots = [
        ("index.png", "index.html", 1280),
        ("article-ru-ma-0001.png", "articles/ru-ma-0001.html", 1280),
        ("index-phone.png", "index.html", 390),
        ("article-ru-ma-0002-phone.png", "articles/ru-ma-0002.html", 390),
    ]
    for name, page_name, width in shots:
        opened = Opened(browser, (out / page_name).as_uri(), width=width, height=900)
        opened.page.screenshot(path=str(ARTIFACTS / name), full_page=width > 400)
        assert opened.close() == []
        data = (ARTIFACTS / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 10_000, name
        print(f"screenshot: {ARTIFACTS / name}")
