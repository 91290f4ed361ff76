"""The static review site generator, without a browser: pages, links, escaping, highlight markup, idempotence."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import DATA, run_cli

from corpus_ds import columns, loader, site
from corpus_ds.errors import CorpusError

RELEASE = DATA / "release"


def release_rows() -> dict[str, list[dict]]:
    return {name: pq.read_table(RELEASE / f"{name}.parquet").to_pylist() for name in columns.TABLES}


def generate(out: Path, tables=None, raw_dir: Path | None = DATA / "raw") -> list[Path]:
    return site.generate(tables or release_rows(), loader.manifest(RELEASE), out, raw_dir)


class Page(HTMLParser):
    """Collects what the tests look at: links, script elements, and the text inside each highlight."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.scripts: list[dict] = []
        self.open_marks: list[str] = []
        self.marked: dict[str, str] = {}
        self.ids: list[str] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "mark":
            self.open_marks.append(attrs["data-hl"])
            self.marked.setdefault(attrs["data-hl"], "")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data):
        self.text += data
        for hl in set(self.open_marks):
            self.marked[hl] += data


def test_every_page_is_written_and_every_link_resolves(tmp_path):
    tables = release_rows()
    written = generate(tmp_path)
    expected = {"index.html", "codebook.html", "static/site.css", "static/site.js"}
    expected |= {f"articles/{a['article_id']}.html" for a in tables["articles"]}
    expected |= {f"actors/{a['actor_id']}.html" for a in tables["actors"]}
    assert {p.relative_to(tmp_path).as_posix() for p in written} == expected
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} == expected
    for path in tmp_path.rglob("*.html"):
        page = Page(path.read_text(encoding="utf-8"))
        assert len(page.ids) == len(set(page.ids)), f"{path}: duplicate ids"
        for href in page.links:
            if href.startswith("data:"):
                continue
            assert "://" not in href and not href.startswith("//"), (
                f"{path}: external link {href} (the site must work offline)"
            )
            target, _, fragment = href.partition("#")
            resolved = (path.parent / target).resolve() if target else path
            assert resolved.is_file(), f"{path}: broken link {href}"
            if fragment:
                assert fragment in Page(resolved.read_text(encoding="utf-8")).ids, (
                    f"{path}: no #{fragment} in {resolved}"
                )


def test_index_lists_every_article_and_groups_events(tmp_path):
    tables = release_rows()
    generate(tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    for a in tables["articles"]:
        assert f'data-id="{a["article_id"]}"' in html
    by_event: dict[str, list[str]] = {}
    for a in tables["articles"]:
        by_event.setdefault(a["event_id"], []).append(a["article_id"])
    assert html.count('<li class="event"') == len(by_event)
    assert any(len(ids) > 1 for ids in by_event.values()), (
        "the release should have an event reported by more than one article"
    )
    entries = html.split('<li class="event" data-event="')[1:]
    timeline = {
        e.split('"', 1)[0]: sorted(set(re.findall(r'href="articles/([a-z0-9-]+)\.html"', e))) for e in entries
    }
    assert timeline == {k: sorted(v) for k, v in by_event.items()}
    dates = [re.search(r'<time datetime="([0-9-]+)"', e).group(1) for e in entries]
    assert dates == sorted(dates)


def test_every_quote_is_marked_once_with_its_own_text(tmp_path):
    tables = release_rows()
    generate(tmp_path)
    for a in tables["articles"]:
        aid = a["article_id"]
        page = Page((tmp_path / "articles" / f"{aid}.html").read_text(encoding="utf-8"))
        quotes = {
            f"ev-{i}": r["quote"]
            for i, r in enumerate(r for r in tables["evidence"] if r["article_id"] == aid)
        }
        quotes |= {
            f"ag-{r['agreement_index']}": r["quote"] for r in tables["agreements"] if r["article_id"] == aid
        }
        quotes |= {
            f"m-{i}": r["surface"]
            for i, r in enumerate(r for r in tables["mentions"] if r["article_id"] == aid)
        }
        assert page.marked == quotes, aid
        assert sum(i.startswith("hl-") for i in page.ids) == len(quotes)
        assert a["text"] in page.text


def _removed_blocks_marking(html: str) -> dict[str, int]:
    """For each highlight inside a removed part: the index of that part on the page."""
    out = {}
    for i, block in enumerate(re.findall(r'<details class="removed".*?</details>', html, re.S)):
        for hl in re.findall(r'data-hl="([^"]+)"', block):
            out[hl] = i
    return out


def test_without_raw_captures_raw_quotes_are_placed_by_their_text_in_the_removed_lines(tmp_path):
    """A site built from an installed package (no data/raw) highlights every raw quote where the capture would."""
    tables = release_rows()
    generate(tmp_path / "bare", raw_dir=None)
    generate(tmp_path / "with-raw")
    raw_rows = [r for r in tables["evidence"] if r["location"] == "raw"]
    assert raw_rows
    for aid in {r["article_id"] for r in raw_rows}:
        bare = (tmp_path / "bare" / "articles" / f"{aid}.html").read_text(encoding="utf-8")
        exact = (tmp_path / "with-raw" / "articles" / f"{aid}.html").read_text(encoding="utf-8")
        quotes = {r["quote"] for r in raw_rows if r["article_id"] == aid}
        assert quotes <= set(Page(bare).marked.values()), aid
        assert "not placed" not in bare and "placed by its text in the removed lines" in bare
        assert _removed_blocks_marking(bare) == _removed_blocks_marking(exact), aid


def test_a_raw_quote_in_no_removed_part_is_listed_not_placed(tmp_path):
    tables = release_rows()
    quoted = next(r for r in tables["evidence"] if r["location"] == "raw")
    for r in tables["removals"]:
        if r["article_id"] == quoted["article_id"]:
            r["content"] = r["content"].replace(quoted["quote"], "")
    generate(tmp_path, tables, raw_dir=None)
    html = (tmp_path / "articles" / f"{quoted['article_id']}.html").read_text(encoding="utf-8")
    assert "not placed: no single removed part holds its text" in html
    assert quoted["quote"] not in Page(html).marked.values()


def test_the_index_keeps_outlet_and_attribution_apart(tmp_path):
    """A null outlet means "not identified by the capture" (DATASHEET), and what a page credits is not its outlet."""
    tables = release_rows()
    generate(tmp_path, tables)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    options = {
        key: re.findall(
            r'<option value="([^"]+)">', re.search(rf'<select id="f-{key}".*?</select>', html, re.S)[0]
        )
        for key in ("outlet", "attribution")
    }
    articles = tables["articles"]
    assert set(options["outlet"]) == {a["outlet"] or "not identified by the capture" for a in articles}
    assert set(options["attribution"]) == {a["attribution"] or "none" for a in articles}
    assert not set(options["outlet"]) & {a["attribution"] for a in articles if not a["outlet"]}
    assert "unknown" not in html
    for a in articles:
        row = re.search(rf'<tr data-id="{a["article_id"]}".*?</tr>', html, re.S)[0]
        assert f'data-outlet="{a["outlet"] or "not identified by the capture"}"' in row
        assert f'data-attribution="{a["attribution"] or "none"}"' in row


def hostile_tables() -> dict[str, list[dict]]:
    tables = release_rows()
    a = tables["articles"][0]
    a["title"] = '<script>alert("title")</script>'
    a["review_notes"] = ["<img src=x onerror=alert(1)>", "</li></ul><script>alert(2)</script>"]
    a["event_date_note"] = '"><script>alert(3)</script>'
    tables["actors"][0]["name_en"] = "</a><script>alert(4)</script>"
    tables["removals"][0]["content"] = "<!-- </pre><script>alert(5)</script>"
    return tables


def test_hostile_text_is_escaped(tmp_path):
    generate(tmp_path, hostile_tables())
    pages = list(tmp_path.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, path
        scripts = Page(html).scripts
        assert len(scripts) == 1 and scripts[0]["src"].endswith("static/site.js"), path
    article = (tmp_path / "articles" / "ru-ma-0001.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    page = Page(article)
    assert (
        '<script>alert("title")</script>' in page.text and "<!-- </pre><script>alert(5)</script>" in page.text
    )


def test_output_is_idempotent(tmp_path):
    def tree(root: Path) -> dict[str, str]:
        return {
            p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*")
            if p.is_file()
        }

    generate(tmp_path / "a")
    first = tree(tmp_path / "a")
    generate(tmp_path / "a")
    generate(tmp_path / "b")
    assert tree(tmp_path / "a") == first == tree(tmp_path / "b")


def _h(hl_id: str, start: int, end: int, text: str) -> site.Highlight:
    return site.Highlight(hl_id, "actor", hl_id, "v", text[start:end], "text", start, end)


def test_mark_up_nests_contained_spans_and_splits_crossing_ones():
    text = "<abc> def ghi jkl"
    spans = [
        _h("outer", 0, 13, text),
        _h("inner", 6, 9, text),
        _h("cross", 10, 17, text),
        _h("same", 6, 9, text),
    ]
    page = Page(str(site.mark_up(text, spans)))
    assert page.text == text
    assert page.marked == {h.hl_id: h.quote for h in spans}
    html = str(site.mark_up(text, spans))
    assert (
        html.count('data-hl="cross"') == 2 and html.count('id="hl-cross"') == 1
    )  # split at the end of outer
    assert "&lt;abc&gt;" in html


def test_raw_offsets_map_into_removed_blocks_for_lf_crlf_and_cr_captures():
    for newline in ("\n", "\r\n", "\r"):
        raw = newline.join(["title", "nav one", "", "المصدر: RT", "body"])
        start = raw.index("المصدر")
        assert site.raw_line(raw, start) == 4
        content = "\n".join(["nav one", "", "المصدر: RT"])  # removal content: lines 2-4 joined by LF
        offset = site.raw_to_block(raw, start, 2)
        assert content[offset : offset + len("المصدر: RT")] == "المصدر: RT", repr(newline)


def test_a_raw_capture_that_differs_from_the_release_is_refused(tmp_path):
    article = release_rows()["articles"][0]
    (tmp_path / article["raw_file"]).write_text("not the capture", encoding="utf-8")
    with pytest.raises(
        CorpusError, match=rf"{article['raw_file']}: raw capture of {article['article_id']} has sha256"
    ):
        site.read_raw(tmp_path, article)


def test_cli_site_writes_the_site(tmp_path):
    result = run_cli("site", str(tmp_path / "out"), "--release", str(RELEASE), "--raw", str(DATA / "raw"))
    assert result.returncode == 0, result.stderr
    assert f"open {tmp_path / 'out' / 'index.html'}" in result.stdout
    assert (tmp_path / "out" / "articles" / "ru-ma-0001.html").is_file()


def test_cli_site_names_a_missing_raw_directory(tmp_path):
    result = run_cli("site", str(tmp_path / "out"), "--raw", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'nowhere'}: expected a directory of raw captures" in result.stderr


def test_cli_site_refuses_an_invalid_release(tmp_path, data_copy):
    (data_copy / "release" / "mentions.parquet").write_bytes(b"broken")
    result = run_cli("site", str(tmp_path / "out"), "--release", str(data_copy / "release"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is not valid" in result.stderr and "mentions.parquet" in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_a_quote_that_is_not_at_its_offsets_is_an_error():
    text = "one two three"
    with pytest.raises(CorpusError, match=r"the quote 'two' is not at text offsets 5-8"):
        site.mark_up(text, [site.Highlight("x", "actor", "actor x", "v", "two", "text", 5, 8)])


def test_browser_tests_skip_with_a_reason_without_chromium_and_fail_where_required(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = {**os.environ, "CORPUS_DS_CHROMIUM": str(tmp_path / "no-chromium")}
    env.pop("CORPUS_DS_REQUIRE_BROWSER", None)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-rs",
        "-n0",  # one module: no worker processes
        "-p",
        "no:cacheprovider",
        str(REPO / "tests" / "test_site_browser.py"),
    ]
    skipped = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert skipped.returncode in (0, 5), skipped.stdout  # 5: the module skipped, so nothing was collected
    assert f"browser tests skipped: no chromium at {tmp_path / 'no-chromium'}" in skipped.stdout
    required = subprocess.run(
        command,
        env={**env, "CORPUS_DS_REQUIRE_BROWSER": "1"},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert required.returncode != 0 and "browser tests required but cannot run" in required.stdout


def test_a_quote_in_the_title_is_highlighted_in_the_title(tmp_path):
    tables = release_rows()
    article = tables["articles"][0]
    quote = "روسيا والمغرب"
    start = article["title"].index(quote)
    n_before = sum(r["article_id"] == article["article_id"] for r in tables["evidence"])
    tables["evidence"].append(
        dict(
            article_id=article["article_id"],
            label="outlet",
            value="x",
            quote=quote,
            location="title",
            start=start,
            end=start + len(quote),
        )
    )
    generate(tmp_path, tables)
    html = (tmp_path / "articles" / f"{article['article_id']}.html").read_text(encoding="utf-8")
    title = html[html.index('<h2 id="title"') : html.index("</h2>", html.index('<h2 id="title"'))]
    assert Page(title).marked == {f"ev-{n_before}": quote}
    assert f'data-start="{start}"' in title
