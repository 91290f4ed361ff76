"""A saved HTML page goes the whole way: `corpus-ds new page.html`, a person's labels, validation, the release."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import TEST_DATA, run_cli

import corpus_ds
from corpus_ds import build, capture, draft, html, models, propose, scoring, validate
from corpus_ds.clean import LineDecision
from corpus_ds.errors import CorpusError

PAGES = TEST_DATA / "pages" / "html"
TODAY = dt.date(2026, 11, 24)


# The people and the place of each fictional page: (visitor, country), (host, country), and the place with its quote.
PEOPLE = {
    "html03_asharq_like_energy.html": (
        ("أناتولي سيمينوف", "RUS"),
        ("مراد الشرقاوي", "MAR"),
        {"city": "الرباط", "city_en": "Rabat", "country": "MAR", "evidence": {"quote": "في الرباط"}},
    ),
    "html02_youm7_like_wheat_cp1256.html": (
        ("حسن بنعمور", "MAR"),
        ("إيغور بانكراتوف", "RUS"),
        {
            "city": "موسكو",
            "city_en": "Moscow",
            "country": "RUS",
            "evidence": {"quote": "العاصمة الروسية موسكو"},
        },
    ),
}


def _register(data_dir, people) -> list[str]:
    """Registry entries for the page's fictional people (a test tree only), as a contributor adds them; their ids."""
    ids, lines = [], []
    for k, (name, country) in enumerate(people):
        ids.append(f"test-person-{k}")
        lines += [
            f"  - actor_id: {ids[-1]}",
            "    kind: person",
            f"    name_en: Test Person {k}",
            f"    name_ar: {name}",
            f"    aliases_ar: [{name}]",
            f"    country: {country}",
            "    offices:",
            "      - title_en: An office on a fictional test page",
            '        start: "2000-01-01"',
            "        end: null",
            "        source: tests/data/pages (a fictional page)",
        ]
    with open(data_dir / "actors.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return ids


def _label(path, result: capture.CleanResult, page: str) -> None:
    """What an annotator and a reviewer do with the draft: fill every TODO, confirm the proposals (fictional page)."""
    visitor, host, place = PEOPLE[page]
    ids = _register(path.parents[1], (visitor, host))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = result.cleaned.text
    quote = text.split("،")[0][:60]
    data["source"]["attribution"] = None
    data["source"]["cited_sources"] = []
    published = dt.date.fromisoformat(data["dates"]["published"]["date"])
    event = {"date": published.isoformat(), "basis": "inferred", "note": "test page"}
    weekdays = [c for c in propose.event_date_candidates(text, published) if "weekday" in c and c["dates"]]
    if weekdays:  # as the draft proposed: the weekday the text names, on a date it allows
        event.update(date=weekdays[0]["dates"][0], weekday_evidence={"quote": weekdays[0]["quote"]})
    data["dates"]["event"] = event
    data["event"] = {
        "id": "test-html-event",
        "type": "visit",
        "cameo_code": "042",
        "evidence": {"quote": quote},
        "place": place,
        "dyads": [{"source": ids[0], "target": ids[1], "code": "042", "evidence": {"quote": visitor[0]}}],
    }
    data["actors"] = [
        {"actor_id": actor_id, "role": "participant", "surfaces": [name]}
        for actor_id, (name, _) in zip(ids, (visitor, host))
    ]
    data["agreements"] = []
    url = data.get("provenance", {}).get("url")
    if isinstance(url, dict):  # the page states its address: the proposal is confirmed
        url.pop("proposed")
    data["provenance"] = {"url": url if isinstance(url, dict) else None, "captured_at": None}
    data["review"] = {
        "status": "reviewed",
        "annotator": "annotator-test",
        "reviewer": "reviewer-test",
        "notes": [],
    }
    for value in data["source"].values():
        if isinstance(value, dict):
            value.pop("proposed", None)
    data["dates"]["published"].pop("proposed", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    "page",
    ["html03_asharq_like_energy.html", "html02_youm7_like_wheat_cp1256.html"],
    ids=["utf-8", "windows-1256"],
)
def test_a_saved_page_is_drafted_built_and_released_like_any_capture(data_copy, page):
    path = draft.new_article(PAGES / page, data_copy, "ru-ma-0100")
    raw = data_copy / "raw" / page
    assert raw.read_bytes() == (PAGES / page).read_bytes()  # the page's own bytes, in its own charset
    result = capture.clean_file(raw)
    assert result.kind == "html" and result.cleaned.title and result.published is not None
    draft_text = path.read_text(encoding="utf-8")
    assert " metadata " in draft_text and " title " in draft_text  # the view shows the page's units
    assert validate.validate_sources(data_copy, today=TODAY, check_release=False).codes() == [
        "draft-article",
        "placeholder",
    ]
    _label(path, result, page)
    assert build.build(data_copy, today=TODAY).valid
    articles = corpus_ds.load(path=data_copy / "release")
    row = articles[articles.article_id == "ru-ma-0100"].iloc[0]
    assert row.title == result.cleaned.title and row.text == result.cleaned.text
    assert row.published_date.isoformat() == result.published.date.isoformat()
    evidence = corpus_ds.load("evidence", path=data_copy / "release")
    dated = evidence[(evidence.article_id == "ru-ma-0100") & (evidence.label == "published_date")].iloc[0]
    assert dated.location == "raw" and dated.quote == result.published.quote
    removals = corpus_ds.load("removals", path=data_copy / "release")
    mine = removals[removals.article_id == "ru-ma-0100"]
    assert "metadata" in set(mine.reason)  # the quote's element is in the removal audit
    assert any(dated.quote in content for content in mine.content)
    assert (
        row.source_url == scoring.truth_of(PAGES / page)["canonical_url"]
    )  # None where the page states none
    # the installed-release checks (no raw captures at hand) find the quote in the audit
    assert corpus_ds.load(path=data_copy / "release", validate="full") is not None


def test_a_page_in_another_charset_than_it_declares_is_refused_with_its_offset(tmp_path):
    page = (PAGES / "html02_youm7_like_wheat_cp1256.html").read_bytes()
    lying = page.replace(b"charset=windows-1256", b"charset=utf-8", 1)
    with pytest.raises(
        CorpusError, match=r"declared charset utf-8; invalid byte 0x[0-9a-f]{2} at offset \d+"
    ):
        html.decode(lying, "page.html")
    (tmp_path / "page.html").write_bytes(lying)
    result = run_cli("clean", str(tmp_path / "page.html"))
    assert (
        result.returncode == 1
        and "declared charset utf-8" in result.stderr
        and "Traceback" not in result.stderr
    )


def test_metadata_gives_the_headline_and_the_date_quoted_from_the_raw_page():
    result = capture.clean_file(PAGES / "html01_hespress_like_fisheries.html")
    assert result.published.why == "JSON-LD datePublished"
    assert result.published.quote in result.raw_text
    titles = [d for d in result.cleaned.decisions.values() if d.role == "title"]
    assert [d.decided_by for d in titles] == ["rule:metadata-headline"]


def _title_of(head: str, body: str) -> str:
    """The title the cleaner finds on a saved page marked as a fictional test input, with this head and body."""
    page = f'<html><head><meta charset="utf-8"><!-- fictional test page -->{head}</head><body>{body}</body></html>'
    return html.clean_page(page.encode("utf-8"))[2].title


def test_an_h1_that_goes_on_past_the_metadatas_headline_is_the_title():
    """og:title and the JSON-LD headline cut the headline short; the page's <h1> goes on past them, and a gallery's
    title below shares more of the short headline's words: the <h1> is the title (a fictional page)."""
    short, full = (
        "الرمان تحتضن أيام ثقافة المرجان",
        "الرمان تحتضن أيام ثقافة المرجان بمشاركة فنانين وحرفيين من الواحة",
    )
    para = "افتتحت في مدينة الرمان أيام ثقافة المرجان بمشاركة فنانين وحرفيين، وتستمر أسبوعا كاملا في قصر المعارض."
    gallery = '<div class="gallery"><div>أيام ثقافة المرجان في الرمان - صور</div></div>'
    body = f"<article><h1>{full}</h1><p>{para}</p>{gallery}<p>{para.replace('أسبوعا', 'شهرا')}</p></article>"
    assert _title_of(f'<meta property="og:title" content="{short}">', body) == full


def test_the_heading_that_quotes_what_the_metadata_does_not_is_the_title_not_a_related_link():
    """<title> "Site :: Headline" without the quotation marks the page's <h2> sets (and longer), and a related list
    below that links the short headline word for word: the <h2> is the title, not the link (a fictional page)."""
    short = "محللون: الرمان تحافظ على التوازن الحذر بين الواحة والمرجان"
    shown = 'محللون: الرمان تحافظ على "التوازن الحذر" بين الواحة والمرجان رغم تنامي مبادلاتها'
    para = "يرى محللون أن الرمان تسعى إلى الحفاظ على التوازن الحذر في علاقاتها مع الواحة والمرجان منذ سنوات طويلة."
    related = f'<ul><li><a href="/a/1">{short}</a></li></ul>'
    body = (
        f'<div class="article"><h2 class="title">{shown}</h2><p>{para}</p><p>{para[:-1]} منذ عقدين.</p></div>'
    )
    assert _title_of(f"<title>صوت الجزر :: {short}</title>", body + related) == shown


@pytest.mark.parametrize(("published", "expected"), [("2025-10-21T21:30:00Z", "2025-10-22"),
                                                    ("2025-10-21T21:30:00+00:00", "2025-10-22"),
                                                    ("2025-10-22T00:30:00+03:00", "2025-10-22"),
                                                    ("2025-10-21T21:30:00+01:00", "2025-10-21"),
                                                    ("2025-10-21T10:15:00Z", "2025-10-21")])  # fmt: skip
def test_a_utc_time_past_midnight_gives_the_day_the_page_shows(published, expected):
    """JSON-LD gives the time in UTC late in the evening, the page shows its own day after midnight (00:30 on the
    22nd): the day the page shows. A time with the outlet's own offset, or a UTC time in the morning (no day of the
    Arab world's is the next then), is the metadata's day, whatever the page shows (a fictional page)."""
    para = "افتتحت في مدينة الرمان أيام ثقافة المرجان بمشاركة فنانين وحرفيين، وتستمر أسبوعا كاملا في قصر المعارض."
    page = (
        '<html><head><meta charset="utf-8"><!-- fictional test page --><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "أيام ثقافة المرجان في الرمان", "datePublished": "{published}"}}'
        "</script></head><body><article><h1>أيام ثقافة المرجان في الرمان</h1><div>00:30 22.10.2025</div>"
        f"<p>{para}</p><p>{para.replace('أسبوعا', 'شهرا')}</p></article></body></html>"
    )
    *_, date = html.clean_page(page.encode("utf-8"))
    assert date.date.isoformat() == expected


def test_html_capture_names_are_admitted_and_other_names_are_not():
    assert models.is_slug("ru-ma-0100")
    import re

    assert re.fullmatch(models.RAW_FILE_PATTERN, "page.html") and re.fullmatch(
        models.RAW_FILE_PATTERN, "a.htm"
    )
    assert not re.fullmatch(models.RAW_FILE_PATTERN, "page.pdf")


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_the_page_s_own_address_is_proposed_where_it_states_one(page):
    """The canonical link, og:url or the browser's "saved from" note, quoted from the raw page; none is invented."""
    result = capture.clean_file(page)
    found = propose.page_url(result.raw_text, result.units)
    assert (found and found["value"]) == scoring.truth_of(page)["canonical_url"]
    if found:
        assert found["quote"] in result.raw_text


def test_a_heading_above_the_paragraph_where_the_article_resumes_after_a_box_heads_its_section():
    """The rules took a gallery for the article's end and the paragraphs after it for an appended story; where the
    page's main text holds them, the article resumes there, and the heading the markup sets right above the first
    of them is its section's (fictional inputs)."""
    from types import SimpleNamespace

    texts = [
        (
            "قال الوزير إن الاجتماع التقني بحث ملفات الصيد البحري والطاقة والنقل خلال يومين كاملين.",
            (),
            "body",
        ),
        ("1/3 يتجول سياح في سوق مدينة النخيل حيث تعرض الحرف التقليدية للزوار.", (), "navigation"),
        ("رهان على التنويع", (("tag", "heading"),), "tags"),
        (
            "وتقول مسؤولة في مكتب السياحة إن الجزيرة تستعد لاستقبال مزيد من الزوار خلال الصيف.",
            (),
            "appended_article",
        ),
    ]
    blocks = [SimpleNamespace(text=t, attrs=a, tag="p") for t, a, _ in texts]
    rules = {"body": "article-region", "navigation": "after-article", "tags": "short-words-after-article",
             "appended_article": "prose-after-article"}  # fmt: skip
    decisions = {k: LineDecision(k, r, f"rule:{rules[r]}") for k, (_, _, r) in enumerate(texts, 1)}
    main = {"".join(t.split()) for t, _, r in texts if r != "navigation"}
    assert html._article_resumes(blocks, decisions, main) == {3, 4}
    main.discard("".join(texts[2][0].split()))  # a heading the main text leaves out stays out
    assert html._article_resumes(blocks, decisions, main) == {4}


def test_a_box_label_set_as_a_heading_over_the_resumed_article_stays_out_of_the_text():
    """An empty "read also" box (its list filled by a script) whose label is an h2, right above the article's own
    paragraph: the paragraph is the article's, the label is not (fictional page)."""
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta charset="utf-8"><meta property="og:title" content="بلدية وادي السنديان تطلق خطة لإحياء سوق الحرف">'
        "</head><body><div><h1>بلدية وادي السنديان تطلق خطة لإحياء سوق الحرف</h1>"
        "<p>أعلنت بلدية وادي السنديان، صباح الجمعة، عن خطة تمتد ثلاث سنوات لإحياء سوق الحرف التقليدية في المدينة"
        " القديمة، بعد أن أغلق أكثر من نصف دكاكينه خلال العقد الأخير.</p>"
        "<p>وقال رئيس البلدية سليم القرواني إن الخطة تشمل ترميم واجهات أربعين دكانا وتخفيض إيجاراتها للحرفيين الشباب،"
        " إلى جانب تنظيم معرض شهري للنسيج والفخار.</p>"
        '<div class="share">شارك فيسبوك واتساب</div><h2>اقرأ أيضا</h2>'
        "<p>منير الساحلي، الذي يعمل في صناعة الفخار منذ ثلاثين عاما، يرى أن تخفيض الإيجارات قد يعيد الحياة إلى السوق"
        " إذا رافقته حملة للتعريف بمنتجات الحرفيين.</p></div></body></html>"
    )
    text = html.clean_page(page.encode("utf-8"))[2].text
    assert "اقرأ أيضا" not in text and "منير الساحلي" in text


def test_a_date_a_page_writes_with_character_references_is_proposed_and_quoted_as_the_page_writes_it():
    """A page in windows-1256 has no Arabic-Indic digits, so it writes them as references ("&#1633;&#1638;"); with no
    date in its metadata, the date line still gives the date, quoted as the raw page spells it (fictional page)."""
    digits = "".join(f"&#{0x660 + int(d)};" for d in "16")
    year = "".join(f"&#x{0x660 + int(d):x};" for d in "2024")
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>'
        '<div class="nav">الرئيسية | وطنية | دولية</div><div class="art">'
        "<h1>تعاونية وادي السنديان تفتتح مخزنا جديدا للحبوب</h1>"
        f'<div class="date">الإثنين {digits} دجنبر&nbsp;{year} - 10:35</div>'
        "<p>افتتحت تعاونية وادي السنديان، صباح الإثنين، مخزنا جديدا للحبوب تبلغ سعته ألفي طن، بعد عامين من"
        " الأشغال التي مولها صندوق محلي للتنمية القروية.</p>"
        "<p>وقال رئيس التعاونية سليم القرواني إن المخزن سيمكن الفلاحين من الاحتفاظ بمحصولهم إلى أن تتحسن الأسعار،"
        " بدل بيعه مباشرة بعد الحصاد.</p></div></body></html>"
    )
    raw_text, _, _, published = html.clean_page(page.encode("cp1256"))
    assert published is not None and published.date == dt.date(2024, 12, 16)
    assert published.quote in raw_text and "&#1633;&#1638;" in published.quote


def test_a_lead_in_and_short_items_between_paragraphs_the_article_resumes_with_go_with_them():
    """The rules ended the article at a box; the main text holds the paragraphs after it, and between them a list's
    lead-in ("... أبرزها:") and a short item the rules left after the article: those go with the article too, a line
    the main text leaves out does not (fictional inputs)."""
    from types import SimpleNamespace

    after = ("appended_article", "prose-after-article")
    texts = [
        ("قال الوزير إن الاجتماع التقني بحث ملفات الصيد البحري والطاقة والنقل.", "body", "article-region"),
        ("فيديو | مهرجان الفخار يعود إلى السنديان", "embed", "video"),
        ("ويتوقع المجلس أن تسهم الخطة في رفع عدد زوار السوق إلى مئة ألف زائر سنويا.", *after),
        ("وتشمل الخطة عدة إجراءات، أبرزها:", "navigation", "after-article"),
        ("ترميم واجهات أربعين دكانا في السوق القديمة قبل نهاية العام المقبل.", *after),
        ("تكوين مرشدين للسوق.", "navigation", "after-article"),
        ("وقال القرواني إن السوق تعد من أقدم أسواق المنطقة، وإحياؤها مسؤولية الجميع.", *after),
        ("الأكثر قراءة", "related", "more-stories-marker"),
    ]
    blocks = [SimpleNamespace(text=t, attrs=(), tag="p") for t, _, _ in texts]
    decisions = {k: LineDecision(k, role, f"rule:{rule}") for k, (_, role, rule) in enumerate(texts, 1)}
    main = {"".join(t.split()) for t, role, _ in texts if role != "related" and "مهرجان" not in t}
    assert html._article_resumes(blocks, decisions, main) == {3, 4, 5, 6, 7}
    main.discard("".join(texts[3][0].split()))  # a lead-in the main text leaves out stays out
    assert 4 not in html._article_resumes(blocks, decisions, main)


def test_a_lists_items_under_a_lead_in_the_article_resumes_with_stay_the_articles():
    """Where the rules ended the article too early (a box of a live page's highlights) and it resumes with a lead-in
    ending on a colon, the list (<li>) under it that the main text holds is the article's, up to what the main text
    leaves out; items under a lead-in the article does not resume with stay out (fictional inputs)."""
    lead_in = "وقع الجانبان في ختام المحادثات ثلاث اتفاقيات تشمل:"
    items = ["الاعتراف المتبادل بالشهادات الجامعية.", "التعاون في مجال الطاقة للأغراض السلمية.",
             "إطلاق خط شحن بحري منتظم بين الميناءين.", "مذكرة تفاهم في مجال السياحة."]  # fmt: skip
    texts = [lead_in, *items, "الوزيران يتبادلان وثائق الاتفاقيات.", "بند خارج النص."]
    tags = ["p", "li", "li", "li", "li", "figcaption", "li"]
    blocks = [html.Unit(n, "block", tag, 0, 0, t) for n, (tag, t) in enumerate(zip(tags, texts), 1)]
    rules = ["prose-after-article", "after-article", "after-article", "prose-after-article", "after-article",
             "prose-after-article", "after-article"]  # fmt: skip
    decisions = {n: LineDecision(n, "navigation", f"rule:{r}") for n, r in enumerate(rules, 1)}
    main = {"".join(t.split()) for t in [lead_in, *items]}
    # the article resumes with the lead-in and with the third item, a sentence of its own
    assert html._items_under_lead_in(blocks, decisions, {1, 4}, main) == {2, 3, 4, 5}
    assert html._items_under_lead_in(blocks, decisions, {4}, main) == set()


def test_the_first_paragraph_its_dateline_opens_stays_where_the_main_text_leaves_it_out():
    """A page sets its lead in an element the main text leaves out ("itemIntroText"): the paragraph that a dateline
    opens, right over a paragraph the main text holds, is still the article's first; a line above the article
    that opens otherwise, or one under a paragraph the main text already holds, is not (fictional inputs)."""
    from types import SimpleNamespace

    texts = [
        ("الثلاثاء, 25 فبراير 2025 15:42", "date_line", "date-line"),
        (
            "النخيل - وقعت هيئة السكك الخيالية وشركة من جزيرة المرجان اتفاقا لصيانة القاطرات لسبع سنوات.",
            "body",
            "x",
        ),
        ("ويشمل الاتفاق إعادة تأهيل ثلاثين قاطرة وتكوين تقنيين في ورشات الصيانة بالجزيرة.", "body", "x"),
        ("وقال مدير المشتريات إن الاتفاق يمدد عمر القاطرات خمس عشرة سنة على الأقل.", "body", "x"),
    ]
    blocks = [SimpleNamespace(text=t, attrs=(), tag="div") for t, _, _ in texts]
    decisions = {k: LineDecision(k, role, f"rule:{rule}") for k, (_, role, rule) in enumerate(texts, 1)}
    main = {"".join(t.split()) for t, _, _ in texts[2:]}
    assert html._lead_over_kept(blocks, decisions, 2, main)
    blocks[1] = SimpleNamespace(text=texts[1][0].removeprefix("النخيل - "), attrs=(), tag="div")
    assert not html._lead_over_kept(blocks, decisions, 2, main)  # no dateline: the main text decides
    # under a paragraph the main text holds, a dateline's paragraph the main text leaves out is another story's
    blocks[1] = SimpleNamespace(text=texts[1][0], attrs=(), tag="div")
    blocks[2] = SimpleNamespace(text="المرجان - " + texts[2][0], attrs=(), tag="div")
    main = {"".join(t.split()) for t, _, _ in texts[1:2] + texts[3:]}
    assert not html._lead_over_kept(blocks, decisions, 3, main)
    assert html._lead_over_kept(blocks, decisions, 3, {"".join(texts[3][0].split())})


def test_a_title_that_opens_on_the_sites_name_gives_the_headline_after_it():
    """ "<title>Site | Headline</title>": the short first part is the site's name, which the page's logo shows; the
    headline is the rest (fictional inputs)."""
    from types import SimpleNamespace

    unit = SimpleNamespace(
        kind="metadata",
        tag="title",
        attrs=(),
        text="<title>شبكة النخيل الإخبارية | وزير خيالي يزور جزيرة المرجان في زيارة تستمر يومين</title>",
    )
    titles = html.metadata_titles((unit,))
    assert (
        "شبكة النخيل الإخبارية" not in titles
        and "وزير خيالي يزور جزيرة المرجان في زيارة تستمر يومين" in titles
    )


def test_the_text_under_the_metadatas_headline_where_the_rules_found_none_there():
    """A table layout sets the sidebar's "الأكثر قراءة" first: the rules end the article at it, before the headline.
    The prose under the metadata's headline that the main text holds is the article's, up to a box of other stories,
    and the date line between them its date line; where the rules found text under the headline, nothing changes
    (fictional inputs)."""
    from types import SimpleNamespace

    texts = [
        ("الأكثر قراءة", "related", "more-stories-marker"),
        ("الواحة والمرجان تبحثان رصد الأرض بالأقمار الاصطناعية", "title", "metadata-headline"),
        ("تاريخ النشر: 11/05/2025 | الساعة: 09:12 مساء", "related", "similar-articles-list"),
        (
            "بحث مسؤولون من الواحة والمرجان في العاصمة إمكانية التعاون في رصد الأرض بالأقمار الاصطناعية.",
            "related",
            "similar-articles-list",
        ),
        (
            "واتفق الجانبان على إعداد مشروع مذكرة تفاهم يعرض على الجهات المختصة في البلدين قبل نهاية العام.",
            "related",
            "similar-articles-list",
        ),
        (
            "أخبار ذات صلة: - دراسة عن الجفاف في الجزيرة - قمر اصطناعي جديد لرصد البيئة",
            "related",
            "similar-articles-list",
        ),
    ]
    blocks = [SimpleNamespace(text=t, attrs=(), tag="div") for t, _, _ in texts]
    decisions = {k: LineDecision(k, role, f"rule:{rule}") for k, (_, role, rule) in enumerate(texts, 1)}
    main = {"".join(t.split()) for t, _, _ in texts[2:]}
    assert html._text_under_the_headline(blocks, decisions, main, 1) == ({4, 5}, {3})
    decisions[4] = LineDecision(4, "body", "rule:article-region")
    assert html._text_under_the_headline(blocks, decisions, main, 1) == (set(), set())


def test_the_items_after_a_list_item_the_article_resumes_with_are_the_articles():
    """The article resumes with a list's first item, long enough to read as a sentence; the shorter items after it in
    the same list that the main text holds are the article's, an item of another list is not (fictional inputs)."""
    items = ["أسعار مرتبطة بمؤشر إقليمي مع سقف أعلى للتقلبات خلال مدة العقد.", "الدفع بعملات محلية.",
             "مساهمة في تمويل الميناء.", "بند من قائمة أخرى."]  # fmt: skip
    same_list = (("markup", "next-item"),)
    attrs = [(), same_list, same_list, ()]
    blocks = [html.Unit(n, "block", "li", 0, 0, t, a) for n, (t, a) in enumerate(zip(items, attrs), 1)]
    rules = ["prose-after-article", "after-article", "after-article", "after-article"]
    decisions = {n: LineDecision(n, "navigation", f"rule:{r}") for n, r in enumerate(rules, 1)}
    main = {"".join(t.split()) for t in items}
    assert html._items_under_lead_in(blocks, decisions, {1}, main) == {2, 3}


def test_the_article_resumes_past_an_embedded_post_and_a_section_heading_after_a_read_also_box():
    """The rules ended the article early and took all after a read-also box for an appended story; an embedded post
    there (its text over "— name (@handle) date") and the heading of the article's next section are no other story's
    headline or date line: the paragraph under them that the main text holds is the article's, and its heading with
    it (fictional inputs)."""
    after = ("appended_article", "after-read-also")
    texts = [
        (
            "أعلنت بلدية وادي السنديان عن خطة تمتد ثلاث سنوات لإحياء سوق الحرف التقليدية.",
            "body",
            "article-region",
            (),
        ),
        ("اقرأ أيضا مهرجان الفخار يعود إلى الساحل", "related", "read-also-marker", ()),
        ("وقال رئيس البلدية إن الخطة تشمل ترميم واجهات أربعين دكانا وتخفيض إيجاراتها.", *after, ()),
        ("حرفيو السنديان: السوق القديمة تستحق فرصة ثانية", "embed", "post-above-signature", ()),
        ("— Sindyan Crafts (@sindyan_crafts) May 2, 2025", "embed", "embedded-post", ()),
        ("سياق محلي", *after, (("tag", "heading"),)),
        ("ويأتي الإعلان بعد حملة قادها حرفيو المدينة طوال الشتاء للمطالبة بدعم السوق.", *after, ()),
    ]
    blocks = [html.Unit(n, "block", "p", 0, 0, t, a) for n, (t, _, _, a) in enumerate(texts, 1)]
    decisions = {k: LineDecision(k, role, f"rule:{rule}") for k, (_, role, rule, _) in enumerate(texts, 1)}
    main = {"".join(t.split()) for t, role, _, _ in texts if role not in ("related", "embed")}
    assert html._article_resumes(blocks, decisions, main) == {3, 6, 7}


def test_a_time_element_that_shows_an_age_in_the_articles_header_gives_the_date():
    """Nothing but a <time> over the headline that shows "منذ 5 ساعات" says when: its datetime gives the day, quoted
    from the raw page; a related story's <time> under the text says nothing of the article (fictional page)."""

    def page(header_time: str, related_time: str) -> bytes:
        return (
            '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
            '<meta charset="utf-8"><meta property="og:title" content="اتفاق بين الواحة والمرجان لتسهيل التأشيرات">'
            f"</head><body><div>مرايا الواحة {header_time}</div>"
            "<h1>اتفاق بين الواحة والمرجان لتسهيل التأشيرات</h1>"
            "<p>وقعت الواحة والمرجان، أمس الإثنين، اتفاقا لتسهيل إجراءات التأشيرات لفائدة الطلاب ورجال الأعمال، في"
            " ختام جولة مشاورات قنصلية دامت يومين.</p>"
            "<p>وقال رئيس وفد الواحة إن الاتفاق يقلص آجال معالجة الطلبات إلى عشرة أيام بدل شهر كامل، ويتيح تأشيرات"
            " متعددة الدخول لرجال الأعمال.</p>"
            f'<div class="related"><h3>الأكثر قراءة</h3><a href="/x">قمة إقليمية تبحث ملف المياه</a> {related_time}'
            "</div></body></html>"
        ).encode()

    age = '<time datetime="2025-01-28T10:15:00+01:00">منذ 5 ساعات</time>'
    published = html.clean_page(page(age, ""))[3]
    assert published is not None and (published.date, published.quote) == (
        dt.date(2025, 1, 28),
        "2025-01-28T10:15:00+01:00",
    )
    assert html.clean_page(page("", age.replace("2025-01-28", "2025-01-20")))[3] is None


def test_a_time_element_that_shows_a_clock_in_a_ticker_over_the_headline_gives_no_date():
    """A breaking ticker over the headline holds a <time> that shows a clock ("08:00"), not an age: another
    story's, so no date is proposed from it (fictional page, from a review)."""
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta charset="utf-8"><meta property="og:title" content="اتفاق بين الواحة والمرجان لتسهيل التأشيرات">'
        '</head><body><div class="ticker">عاجل <a href="/y">زلزال يضرب جنوب المرجان</a> '
        '<time datetime="2025-01-20T08:00:00+01:00">08:00</time></div>'
        "<h1>اتفاق بين الواحة والمرجان لتسهيل التأشيرات</h1>"
        "<p>وقعت الواحة والمرجان، أمس الإثنين، اتفاقا لتسهيل إجراءات التأشيرات لفائدة الطلاب ورجال الأعمال، في"
        " ختام جولة مشاورات قنصلية دامت يومين.</p>"
        "<p>وقال رئيس وفد الواحة إن الاتفاق يقلص آجال معالجة الطلبات إلى عشرة أيام بدل شهر كامل.</p>"
        "</body></html>"
    ).encode()
    assert html.clean_page(page)[3] is None


def test_a_live_pages_updates_stay_the_articles_where_the_main_text_keeps_only_one():
    """A live page sets each update in an <article> of its own, under its time ("3:20 م"): trafilatura's main text
    may keep only one of them, and the rules keep every update's heading and text (fictional page)."""
    updates = [
        ("17:50", "5:50 م", "اختتام الجولة دون اتفاق نهائي", "انتهت جولة المباحثات بين الواحة والمرجان في العاصمة من"
         " دون التوقيع على نص نهائي، واتفق الطرفان على جولة جديدة خلال أسبوعين."),
        ("15:20", "3:20 م", "نقاط الخلاف الرئيسية", "بحسب مصادر مطلعة على المباحثات، تتركز نقاط الخلاف في حجم الحصة"
         " السنوية وعدد المراقبين على متن السفن ونسبة ما يفرغ في الموانئ."),
        ("13:05", "1:05 م", "المرجان: مستعدون لرفع المقابل المالي", "قال نائب رئيس وكالة الصيد في المرجان للصحفيين"
         " خلال استراحة المباحثات إن بلاده مستعدة لرفع المقابل المالي بنسبة معقولة."),
        ("10:30", "10:30 ص", "انطلاق الجولة الرابعة", "انطلقت صباح اليوم في مقر وكالة الصيد الجولة الرابعة من"
         " مباحثات تجديد اتفاق الصيد البحري بين الواحة والمرجان بحضور الخبراء."),
    ]  # fmt: skip
    # (the newest update runs longest: the main text takes it alone for the article)
    more = (
        "<p>وقال رئيس وفد الواحة إن الفجوة بين الطرفين تقلصت كثيرا خلال اليومين الماضيين، لكن ملف المراقبة العلمية"
        " على متن السفن ما زال يحتاج إلى عمل إضافي من الخبراء قبل الجولة المقبلة.</p>"
    )
    feed = "".join(
        f'<article class="update"><div class="meta"><time datetime="2025-02-18T{clock}:00+03:00">{shown}</time>'
        f'</div><h2>{heading}</h2><div class="content"><p>{text}</p>{more if shown == "5:50 م" else ""}</div>'
        '<div class="share"><button>شارك</button></div></article>'
        for clock, shown, heading, text in updates
    )
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta charset="utf-8"><meta property="og:title" content="شد الحبال في العاصمة">'
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": "شد الحبال في العاصمة",'
        ' "datePublished": "2025-02-18T10:00:00+03:00"}</script></head><body>'
        '<nav><a href="/">الرئيسية</a><a href="/a">سياسة</a><a href="/b">اقتصاد</a></nav><main>'
        '<h1>شد الحبال في العاصمة</h1><p class="summary">تغطية مباشرة لمباحثات الصيد البحري بين الواحة والمرجان.</p>'
        f'<div class="dates">نشر في 18/2/2025</div><div class="feed">{feed}</div></main>'
        '<section><h3>الأكثر قراءة</h3><ul><li><a href="/c">قمة إقليمية تبحث ملف المياه</a></li></ul></section>'
        "</body></html>"
    ).encode()
    cleaned = html.clean_page(page)[2]
    text = cleaned.text
    assert cleaned.title == "شد الحبال في العاصمة"
    for _, _, heading, paragraph in updates:
        assert heading in text and paragraph in text, heading
    assert "الأكثر قراءة" not in text


def test_a_newsletters_excerpt_ends_at_its_link_to_the_site_though_the_main_text_goes_on():
    """A newsletter saved from the mail: the excerpt, "اقرأ على الموقع", then "أخبار أخرى" and other stories' teasers
    that trafilatura's main text keeps; nothing after the link to the site is the article's (fictional page)."""
    paragraphs = [
        "مع اقتراب موسم الشتاء، تتجه أنظار منظمي الرحلات في جزيرة المرجان إلى مدن الواحة الساحلية، في منافسة"
        " مفتوحة على السياح الباحثين عن الشمس.",
        "وبحسب بيانات رابطة منظمي الرحلات، ارتفع الطلب على وجهات الواحة بنحو الثلث مقارنة بالموسم الماضي، مدفوعا"
        " برحلات جوية مباشرة جديدة.",
        "ويتوقع منظمو الرحلات أن تستقبل الواحة خلال الشتاء المقبل عددا قياسيا من الزوار، إذا استمرت الخطوط"
        " الجوية في زيادة رحلاتها الأسبوعية.",
    ]
    teasers = [
        (
            "سعر الذهب اليوم.. عيار 21 يتراجع",
            "تراجعت أسعار الذهب في مستهل تعاملات الأسبوع متأثرة بصعود العملة.",
        ),
        ("فريق النخيل يستعد لمواجهة صعبة", "يخوض الفريق مرانه الأساسي مساء اليوم قبل السفر إلى الجزيرة."),
    ]
    body = "".join(f"<tr><td><p>{p}</p></td></tr>" for p in paragraphs)
    others = "".join(f'<tr><td><h3><a href="/x">{h}</a></h3><p>{t}</p></td></tr>' for h, t in teasers)
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta charset="utf-8"><title>النشرة الصباحية</title></head><body><table>'
        "<tr><td>النشرة الصباحية</td></tr><tr><td>الأحد 2 نوفمبر 2025 | العدد 318</td></tr>"
        "<tr><td><h1>هل تنافس مدن الواحة الساحلية على سياح المرجان هذا الشتاء؟</h1></td></tr>"
        f'{body}<tr><td><a href="https://alsahil.example/a/1">اقرأ على الموقع</a></td></tr>'
        f"<tr><td><h2>أخبار أخرى</h2></td></tr>{others}"
        "<tr><td>وصلتك هذه الرسالة لأنك مشترك في النشرة الصباحية.</td></tr></table></body></html>"
    ).encode()
    text = html.clean_page(page)[2].text
    assert all(p in text for p in paragraphs)
    assert not any(t in text for _, t in teasers)


@pytest.mark.parametrize("separator", [" - ", " • ", " « "])
def test_a_two_word_headline_the_og_title_states_whole_is_the_title(separator):
    """og:title says the headline in two words ("رمال متحركة"), the <title> shows them before the site's name (after
    any separator a site uses: "-", "•", "«"), the page sets them in an h2 over a long subtitle that shares the lead's
    words: the two words are the title, not the subtitle (fictional page)."""
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        f'<meta charset="utf-8"><title>رمال متحركة{separator}أفق النخيل</title>'
        '<meta property="og:title" content="رمال متحركة">'
        '</head><body><nav><a href="/">الرئيسية</a><a href="/p">سياسة</a></nav><main><h2>رمال متحركة</h2>'
        "<div>الواحة تفتح قناة حوار أمني مع المرجان حول الحدود بعد انسحاب القوات الأجنبية من المنطقة</div>"
        "<p>فتحت الواحة قناة حوار أمني مع المرجان حول الحدود الجنوبية، بعد أسابيع من انسحاب القوات الأجنبية من"
        " المنطقة، وفق ما أفادت به مصادر دبلوماسية في البلدين.</p>"
        "<p>وقالت المصادر إن الاجتماع الأول لمجموعة العمل المشتركة سيعقد في مدينة النخيل مطلع الشهر المقبل،"
        " بحضور خبراء من وزارتي الدفاع والخارجية.</p></main></body></html>"
    ).encode()
    assert html.clean_page(page)[2].title == "رمال متحركة"


def test_what_the_sixth_review_found_in_saved_pages():
    """A saved page whose "أكمل القراءة" button unfolds the rest keeps the rest; a theme that states its two-word
    name as every page's og:title, with "Site | Headline" as the <title>, keeps the headline as the title; the lead a
    page sets outside trafilatura's main text, which the metadata's description quotes, is kept under its byline,
    while a standfirst the description quotes over the article's date line stays no text (fictional pages)."""
    headline = "الواحة تمدد الخط البحري إلى جزيرة المرجان لنقل البضائع"
    paragraphs = [
        "قال وزير النقل في الواحة إن الحكومة قررت تمديد الخط البحري بين ميناء النخيل وجزيرة المرجان ليشمل نقل"
        " البضائع والمسافرين ابتداء من الشهر المقبل.",
        "وأضاف الوزير في مؤتمر صحفي عقده صباح اليوم أن السفن الثلاث الجديدة ستدخل الخدمة تباعا خلال فصل الصيف.",
        "وتوقع مسؤولون في الميناء أن يخفض الخط الجديد تكاليف الشحن بنحو الثلث مقارنة بالطرق البرية الحالية.",
    ]
    head = '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
    button = (
        f'{head}<meta charset="utf-8"><meta property="og:title" content="{headline}"></head><body><article>'
        f"<h1>{headline}</h1><time>الأحد 12 أكتوبر 2025 - 10:15</time><p>{paragraphs[0]}</p>"
        '<div class="more"><button>أكمل القراءة</button></div>'
        f'<div class="rest"><p>{paragraphs[1]}</p><p>{paragraphs[2]}</p></div></article></body></html>'
    ).encode()
    text = html.clean_page(button)[2].text
    assert all(p in text for p in paragraphs) and "أكمل القراءة" not in text
    named = (
        f'{head}<meta charset="utf-8"><title>الواحة نيوز | {headline}</title>'
        '<meta property="og:title" content="الواحة نيوز"></head><body><header><h1>الواحة نيوز</h1></header>'
        f"<main><article><h1>{headline}</h1><div>الأحد 12 أكتوبر 2025 - 10:15</div>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></main><footer>جميع الحقوق محفوظة © 2025 الواحة نيوز</footer></body></html>"
    ).encode()
    assert html.clean_page(named)[2].title == headline


def test_the_lead_the_metadatas_description_quotes_stays_where_the_main_text_leaves_it_out():
    """Blocks the rules call the text, under the byline, that trafilatura's main text leaves out: the one whose
    first words the metadata's description gives, and the paragraph a connective opens under it, stay the
    article's; the same block over the article's date line is a standfirst, and a paragraph no description quotes
    is left to the main text (fictional inputs)."""
    from types import SimpleNamespace

    lead = "قالت المترجمة سلمى القرواني إن أدب المرجان حاضر في الوعي الثقافي في الواحة منذ عقود طويلة."
    texts = [
        ("حاورها: سليم الخيالي", "byline"),
        (lead, "body"),
        ("وجاء ذلك في مقابلة خاصة على هامش معرض النخيل الدولي للكتاب الذي تحل فيه الواحة ضيف شرف.", "body"),
        (
            "أعلنت وزارة الثقافة في الواحة عن برنامج جديد لدعم الترجمة يشمل مئة عنوان في السنة المقبلة.",
            "body",
        ),
    ]
    blocks = [SimpleNamespace(text=t, attrs=(), tag="div") for t, _ in texts]
    decisions = {k: LineDecision(k, role, "rule:article-region") for k, (_, role) in enumerate(texts, 1)}
    described = [" ".join(lead.split()[: html.DESCRIBED_WORDS])]
    assert [html._described_lead(blocks, decisions, k, described) for k in (2, 3, 4)] == [True, True, False]
    dated = [
        *blocks[:2],
        SimpleNamespace(text="الأحد 12 أكتوبر 2025 - 10:15", attrs=(), tag="div"),
        *blocks[2:],
    ]
    assert not html._described_lead(dated, decisions, 2, described)


def test_a_two_word_og_title_that_the_pages_title_does_not_show_is_no_headline():
    """og:title states the site's two-word name, the <title> the bare headline, set in an h2 under the site's h1: the
    headline is the title (a second review's input; fictional page)."""
    headline = "الواحة تمدد الخط البحري إلى جزيرة المرجان لنقل البضائع"
    paragraph = (
        "قال وزير النقل في الواحة إن الحكومة قررت تمديد الخط البحري بين ميناء النخيل وجزيرة المرجان ليشمل نقل"
        " البضائع والمسافرين ابتداء من الشهر المقبل."
    )
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        f'<meta charset="utf-8"><title>{headline}</title><meta property="og:title" content="النخيل نيوز"></head>'
        '<body><header><h1 class="site-title">النخيل نيوز</h1><nav><a href="/">الرئيسية</a></nav></header>'
        f"<main><article><h2>{headline}</h2><div>الأحد 12 أكتوبر 2025 - 10:15</div><p>{paragraph}</p>"
        f"<p>{paragraph.replace('قال', 'وأكد')}</p></article></main></body></html>"
    ).encode()
    assert html.clean_page(page)[2].title == headline


def test_a_two_word_og_title_inside_a_longer_part_of_the_title_is_the_sites_name():
    """og:title "أخبار الواحة", the <title> "جريدة أخبار الواحة - <the headline, shortened>": the two words are part
    of the site's name, not a part of the <title>, and the h1 headline is the title (a fourth review's input; fictional
    page)."""
    headline = "انطلاق مهرجان المرجان السنوي للتمور بمشاركة مئتي مزارع من الواحة"
    paragraph = (
        "انطلقت صباح اليوم في مدينة المرجان فعاليات المهرجان السنوي للتمور بمشاركة مئتي مزارع من الواحة، في دورة"
        " تستمر خمسة أيام وتضم معرضا لأصناف التمور المحلية."
    )
    page = (
        '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
        '<meta charset="utf-8"><title>جريدة أخبار الواحة - انطلاق مهرجان المرجان للتمور بمشاركة مئتي مزارع</title>'
        '<meta property="og:title" content="أخبار الواحة"></head><body><header><div class="logo">أخبار الواحة</div>'
        f"</header><main><h1>{headline}</h1><p>{paragraph}</p><p>{paragraph.replace('انطلقت', 'وانطلقت')}</p>"
        "</main></body></html>"
    ).encode()
    assert html.clean_page(page)[2].title == headline


def _body_of(body: str, head: str = "") -> str:
    """The text the cleaner keeps of a saved page marked as a fictional test input."""
    page = f'<html><head><meta charset="utf-8"><!-- fictional test page -->{head}</head><body>{body}</body></html>'
    return html.clean_page(page.encode("utf-8"))[2].text


_PARAS = [
    "أعلنت وزارة النقل في الواحة أن الخط البحري الجديد إلى جزيرة المرجان سيبدأ رحلاته المنتظمة مطلع الشهر المقبل.",
    "وأوضحت الوزارة في بيان أن ثلاث سفن حديثة ستعمل على الخط بمعدل رحلتين في الأسبوع لنقل الركاب والبضائع.",
    "وتتوقع غرفة التجارة في الجزيرة أن يخفض الخط تكاليف الشحن بنحو الثلث مقارنة بالرحلات الجوية الحالية.",
    "وكانت الحكومتان قد وقعتا مذكرة تفاهم في هذا الشأن العام الماضي بعد مفاوضات استمرت عدة أشهر متتالية.",
]


def test_a_heading_at_the_end_of_a_part_of_the_text_heads_the_part_after_an_advert_between_them():
    """The text split over several <div>s with an advert and a newsletter's promotion between them; a section's
    heading closes the first <div>: it heads the paragraph after the promotion. The promotion's own heading
    ("نشرة الواحة الثقافية") is no heading of the text (fictional pages)."""
    heading = "تعاون يتوسع"
    body = (
        f'<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><div class="chunk"><p>{_PARAS[0]}</p>'
        f"<p>{_PARAS[1]}</p><h3>{heading}</h3></div>"
        '<div class="promo"><a href="/newsletter">اشترك في نشرتنا البريدية الأسبوعية لتصلك أبرز التقارير</a></div>'
        f'<div class="chunk"><p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></div></article>'
    )
    assert heading in _body_of(body).splitlines()
    promo = "نشرة الواحة الثقافية"
    boxed = body.replace(
        '<div class="promo">',
        f'<div class="promo"><h3>{promo}</h3><p>اشترك لتصلك أبرز أخبار الثقافة كل أسبوع.</p>',
    ).replace(f"<h3>{heading}</h3>", "")
    assert promo not in _body_of(boxed)


def test_a_long_heading_the_page_marks_up_after_a_video_stays_the_texts():
    """A section's <h2> of seven words right under a video's title and length: the markup says it heads the text's
    next section (fictional page)."""
    heading = "الحياة اليومية بين الميناء القديم والسوق الكبير"
    video = '<div class="video"><p>فيديو: يوم في ميناء النخيل</p><p>المدة: 04:12 - إنتاج الواحة نت</p></div>'
    body = (
        f"<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>{video}"
        f"<h2>{heading}</h2><p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
    )
    assert heading in _body_of(body).splitlines()


def test_what_a_review_of_the_seventh_round_found_in_saved_pages():
    """A newsletter box's own heading ("لا تفوّت أي خبر", in the box's element) between two parts of the text stays
    out; so does the ten-word <h3> headline of a read-also box's second card (fictional pages)."""
    box = (
        '<div class="newsletter-box"><h3>لا تفوّت أي خبر</h3>'
        '<p><a href="/newsletter">اشترك في نشرتنا البريدية الأسبوعية لتصلك أبرز التقارير</a></p></div>'
    )
    body = (
        f'<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><div class="chunk"><p>{_PARAS[0]}</p>'
        f'<p>{_PARAS[1]}</p></div>{box}<div class="chunk"><p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></div></article>'
    )
    kept = _body_of(body).splitlines()
    assert "لا تفوّت أي خبر" not in kept and _PARAS[2] in kept
    card = "أمطار غزيرة تغلق طرقا رئيسية في جنوب الواحة وتعطل الدراسة يومين"
    related = (
        '<div class="box"><p>اقرأ أيضا</p><div class="card" data-href="/n/1"><h3>ميناء النخيل يستقبل أول سفينة'
        f' سياحية هذا الموسم بعد أعمال التوسعة</h3></div><div class="card" data-href="/n/2"><h3>{card}</h3></div></div>'
    )
    body = (
        f"<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>{related}"
        f"<p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
    )
    kept = _body_of(body).splitlines()
    assert card not in kept and _PARAS[2] in kept


def test_a_page_title_that_names_the_site_first_and_a_headline_with_its_own_dash():
    """<title> "Site :: Headline" where the headline holds a dash of its own ("مغربية - روسية"), the site's name in the
    page's <h1> and again in its copyright line: the site's name is no headline, the <h2> that shows the rest is (a
    fictional page)."""
    headline = "تأسيس مجموعة صداقة برلمانية واحية - مرجانية واتفاق على زيارات متبادلة"
    head = f"<title>الواحة اليوم نت :: {headline}</title>"
    body = (
        '<div id="logo"><h1 class="site">الواحة اليوم نت</h1></div>'
        f'<div class="news"><h2 class="news-title">{headline}</h2><p class="dl">النخيل - الواحة اليوم:</p>'
        f"<p>{_PARAS[0]}</p><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p></div>"
        '<div id="footer">جميع الحقوق محفوظة © الواحة اليوم نت 2025</div>'
    )
    assert _title_of(head, body) == headline


def test_a_lists_items_set_apart_by_line_breaks_before_their_marks_are_lines_of_their_own():
    """A ministry's release sets its list as lines in one <div>, each item opened by its mark ("- ") after a <br>:
    each item is a line of the text, as a copied page shows it (a fictional page)."""
    items = [
        "- تمديد العمل بالبروتوكول الحالي إلى غاية استكمال المشاورات حول البروتوكول الجديد؛",
        "- تنظيم حملة علمية مشتركة لتقييم مخزون الأسماك في مياه المرجان؛",
        "- تعزيز التعاون في مجال التكوين البحري وتبادل الخبرات.",
    ]
    listed = "<br />".join(items)
    body = (
        f"<article><h1>الواحة والمرجان تتفقان على تمديد بروتوكول الصيد</h1><p>{_PARAS[0]}</p>"
        f'<div style="text-align: justify;">واتفق الجانبان على ما يلي:<br />{listed}</div><p>{_PARAS[1]}</p></article>'
    )
    kept = _body_of(body).splitlines()
    assert all(item in kept for item in items)


def test_what_a_second_review_of_the_seventh_round_found_in_saved_pages():
    """A <title> "Headline | Site - slogan" whose slogan the header shows: the <h1> headline is the title; an
    analysis's "<h3>المراجع</h3>" over cited works as <p>s ends the text for good (fictional pages)."""
    head = "<title>الواحة تودع شاعرها الكبير | الواحة اليوم - جريدة إلكترونية مستقلة تصدر يوميا من مدينة النخيل</title>"
    body = (
        '<div class="slogan">جريدة إلكترونية مستقلة تصدر يوميا من مدينة النخيل</div>'
        f"<article><h1>الواحة تودع شاعرها الكبير</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p></article>"
    )
    assert _title_of(head, body) == "الواحة تودع شاعرها الكبير"
    works = [
        'سعد المالكي، "أسواق الحبوب في الجزر: دراسة في تحولات الطلب"، معهد النخيل، 2024.',
        "مكتب الصرف في المرجان، نشرة التجارة الخارجية، أعداد متفرقة من سنتي 2023 و2024.",
    ]
    body = (
        f"<article><h1>الحبوب بين الواحة والمرجان: قراءة في الأرقام</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>"
        f"<p>{_PARAS[2]}</p><h3>المراجع</h3><p>{works[0]}</p><p>{works[1]}</p></article>"
    )
    kept = _body_of(body).splitlines()
    assert _PARAS[2] in kept and not any(w in kept for w in works) and "المراجع" not in kept


def _published(head: str, body: str):
    page = f'<html><head><meta charset="utf-8"><!-- fictional test page -->{head}</head><body>{body}</body></html>'
    return html.clean_page(page.encode("utf-8"))[3]


def test_a_visible_date_line_wins_over_metadata_the_texts_today_contradicts():
    """JSON-LD says 20 March where the page shows Tuesday 18 March and the text's first paragraph says "اليوم
    الثلاثاء" (re-stamped on an edit): 18 March. Where nothing else says which is right, the metadata's date stands:
    without the weekday, and where the page shows "11.04.2025" against 2025-11-04 (either may have swapped day and
    month) or marks its date as an update ("محدث") (fictional pages)."""
    text = (
        "أعلنت وزارة النقل في الواحة اليوم الثلاثاء أن الخط البحري الجديد إلى جزيرة المرجان سيبدأ رحلاته"
        " قريبا."
    )
    article = (
        f"<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1>{{date}}<p>{text}</p><p>{_PARAS[1]}</p>"
        "</article>"
    )

    def ld(day: str) -> str:
        return (
            f'<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{day}"}}</script>'
        )

    swapped = _published(
        ld("2025-11-04T12:30:00+03:00"), article.format(date='<div class="d">11.04.2025 | 12:30</div>')
    )
    assert swapped.date == dt.date(2025, 11, 4)
    shown = '<div class="d">الثلاثاء، 18 مارس 2025 03:00 م</div>'
    assert _published(ld("2025-03-20T09:14:00+02:00"), article.format(date=shown)).date == dt.date(
        2025, 3, 18
    )
    plain = article.format(date=shown).replace("اليوم الثلاثاء", "صباح اليوم")
    assert _published(ld("2025-03-20T09:14:00+02:00"), plain).date == dt.date(2025, 3, 20)
    updated = article.format(date='<div class="d">محدث الثلاثاء، 18 مارس 2025 03:00 م</div>')
    assert _published(ld("2025-03-20T09:14:00+02:00"), updated).date == dt.date(2025, 3, 20)


def test_a_headline_in_a_table_cell_broken_after_a_semicolon_stays_whole():
    """An old table layout sets its headline in a cell, broken after "؛" by a <br>: the title is the whole headline
    (a line break ends a line early only before a list's mark) (a fictional page)."""
    headline = "الواحة تطلق خطا بحريا إلى جزيرة المرجان؛<br>والرحلات تبدأ الشهر المقبل"
    body = (
        f'<table><tr><td class="title">{headline}</td></tr><tr><td><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>'
        f"<p>{_PARAS[2]}</p></td></tr></table>"
    )
    assert (
        _title_of("<title>الواحة اليوم</title>", body)
        == "الواحة تطلق خطا بحريا إلى جزيرة المرجان؛ والرحلات تبدأ الشهر المقبل"
    )


def test_what_a_fourth_review_of_the_seventh_round_found_in_saved_pages():
    """A short <h1> headline under a long og:title subtitle the page shows in an <h2> stays the title; one date line
    "نشر في: الثلاثاء ... | آخر تحديث: الخميس ..." gives the publication's day, which the text's "اليوم الثلاثاء"
    confirms against the metadata's Thursday (fictional pages)."""
    subtitle = (
        "رئيس وزراء الواحة يقدم استقالة حكومته إلى الملك بعد أسابيع من الاحتجاجات على غلاء الأسعار في المدن"
    )
    head = (
        f'<title>استقالة حكومة الواحة | الواحة اليوم</title><meta property="og:title" content="{subtitle}">'
    )
    body = f"<article><h1>استقالة حكومة الواحة</h1><h2>{subtitle}</h2><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p></article>"
    assert _title_of(head, body) == "استقالة حكومة الواحة"
    text = "أعلنت وزارة النقل في الواحة اليوم الثلاثاء أن الخط البحري الجديد إلى جزيرة المرجان سيبدأ قريبا."
    line = "نشر في: الثلاثاء، 18 مارس 2025 03:00 م | آخر تحديث: الخميس، 20 مارس 2025 09:14 ص"
    ld = (
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-20T09:14:00+02:00"}'
        "</script>"
    )
    body = (
        f'<article><h1>الواحة تطلق خطا بحريا</h1><div class="d">{line}</div><p>{text}</p><p>{_PARAS[1]}</p>'
        "</article>"
    )
    assert _published(ld, body).date == dt.date(2025, 3, 18)


def test_what_a_fifth_review_of_the_seventh_round_found_in_saved_pages():
    """<title> "Headline | subtitle - with a dash", the headline in the <h1> and the subtitle in an <h2>: the headline
    is no site's name; a date line badged "(محدّث)" after its date is an update's, and the metadata's publication day
    stands (fictional pages)."""
    subtitle = "الرحلات بين النخيل - المرجان تبدأ الشهر المقبل بثلاث سفن حديثة"
    head = f"<title>الواحة تطلق خطا بحريا جديدا | {subtitle}</title>"
    body = (
        f"<article><h1>الواحة تطلق خطا بحريا جديدا</h1><h2>{subtitle}</h2><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>"
        "</article>"
    )
    assert _title_of(head, body) == "الواحة تطلق خطا بحريا جديدا"
    text = "أعلنت وزارة النقل في الواحة اليوم الخميس أن الخط البحري الجديد إلى جزيرة المرجان سيبدأ قريبا."
    ld = (
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-18T15:00:00+02:00"}'
        "</script>"
    )
    line = "الخميس، 20 مارس 2025 09:14 ص (محدّث)"
    body = (
        f'<article><h1>الواحة تطلق خطا بحريا</h1><div class="d">{line}</div><p>{text}</p><p>{_PARAS[1]}</p>'
        "</article>"
    )
    assert _published(ld, body).date == dt.date(2025, 3, 18)


def test_a_standfirst_named_chapeau_or_deck_is_no_text():
    """A standfirst in an element the CMS names "chapeau" or "deck", over the article's paragraphs: its summary,
    not the text ("lead" and "intro" name the first paragraph on some sites and are not read) (fictional page)."""
    paragraphs = [
        "قررت حكومة الواحة تمديد الخط البحري بين ميناء النخيل وجزيرة المرجان ليشمل نقل البضائع والمسافرين ابتداء"
        " من الشهر المقبل.",
        "وأضاف وزير النقل في مؤتمر صحفي أن السفن الثلاث الجديدة ستدخل الخدمة تباعا خلال فصل الصيف المقبل.",
        "وتوقع مسؤولون في الميناء أن يخفض الخط الجديد تكاليف الشحن بنحو الثلث مقارنة بالطرق البرية الحالية.",
    ]
    standfirst = "منافسة على نقل البضائع بين الجزيرتين، وتعاون في الوقت نفسه على تحديث الأرصفة القديمة."
    for name in ("article__chapeau", "story-deck"):
        page = (
            '<html lang="ar" dir="rtl"><head><!-- FICTIONAL TEST PAGE: invented people, places and outlet -->'
            '<meta charset="utf-8"></head><body><nav><a href="/">الرئيسية</a><a href="/a">اقتصاد</a></nav>'
            '<article><h1>الواحة تمدد الخط البحري إلى جزيرة المرجان</h1><div class="date">9/4/2025</div>'
            f'<div class="{name}">{standfirst}</div>'
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
        ).encode()
        text = html.clean_page(page)[2].text
        assert standfirst not in text, name
        assert all(p in text for p in paragraphs), name


def test_a_short_heading_and_its_unlinked_items_after_a_read_also_line_are_the_articles():
    """A saved page sets an inline "read also" line, its link on the same line, between paragraphs, and under it the
    article's own list: a short heading with a colon and items that are no links, however many. The list is the
    article's (its items end no sentence, yet they are no captions); a box whose items are links stays a box (a
    fictional page)."""
    items = ["▪ إنشاء مركز مشترك لتدريب البحارة في ميناء المرجان", "▪ تبادل البعثات العلمية بين معاهد البحر الكبرى",
             "▪ تنظيم دورات مشتركة في السلامة البحرية للصيادين"]  # fmt: skip
    also = 'اقرأ أيضا: <a href="/a">الواحة تفتتح سوقا جديدا للسمك في العاصمة</a>'
    for n in (2, 3):
        for linked in (False, True):
            listed = "".join(
                f'<a href="/{m}">{x}</a><br>' if linked else f"{x}<br>" for m, x in enumerate(items[:n])
            )
            body = (
                f"<article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1><div>{_PARAS[0]}<br><br>"
                f"<span>{also}</span><br><br><b>أبرز بنود الاتفاق:</b><br>{listed}<br>{_PARAS[1]}<br><br>"
                f"{_PARAS[2]}</div></article>"
            )
            kept = _body_of(body).splitlines()
            assert _PARAS[1] in kept and _PARAS[2] in kept
            assert all((x in kept) is not linked for x in items[:n]), (n, linked)
    # a box's items whose dash stands outside their link ("- <a>headline</a>") are links all the same
    cards = "".join(f'- <a href="/{m}">{x.removeprefix("▪ ")}</a><br>' for m, x in enumerate(items))
    body = (
        f"<article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1><div>{_PARAS[0]}<br><br>"
        f"<span>{also}</span><br><br><b>اخترنا لك:</b><br>{cards}<br>{_PARAS[1]}<br><br>{_PARAS[2]}</div></article>"
    )
    kept = _body_of(body).splitlines()
    assert _PARAS[1] in kept and "اخترنا لك:" not in kept and not any(line.startswith("- ") for line in kept)
    # an item of the article's list that names a firm by a tag's link inside its sentence is no card
    tagged = '▪ إنشاء مركز مشترك لتدريب البحارة تديره <a href="/tag/1">شركة المرجان</a> في الميناء'
    body = (
        f"<article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1><div>{_PARAS[0]}<br><br>"
        f"<span>{also}</span><br><br><b>أبرز بنود الاتفاق:</b><br>{tagged}<br>{items[1]}<br>{items[2]}<br><br>"
        f"{_PARAS[1]}<br><br>{_PARAS[2]}</div></article>"
    )
    kept = _body_of(body).splitlines()
    assert "أبرز بنود الاتفاق:" in kept and items[1] in kept and items[2] in kept
    # the article's items that open on a tag's link ("- <a>ميناء النخيل</a>: توسعة ...") are the article's
    tagged = "".join(
        f'<p>- <a href="/tag/{m}">ميناء النخيل</a>: {x.removeprefix("▪ ")}</p>' for m, x in enumerate(items)
    )
    body = (
        f"<article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1><p>{_PARAS[0]}</p><p>{also}</p>"
        f"<p>المشاريع:</p>{tagged}<p>{_PARAS[1]}</p><p>{_PARAS[2]}</p></article>"
    )
    kept = _body_of(body).splitlines()
    assert "المشاريع:" in kept and sum(line.startswith("- ميناء النخيل:") for line in kept) == len(items)
    # cards that open on their link, their date beside it ("- <a>headline</a> | date"), are links all the same
    dated = "".join(
        f'- <a href="/{m}">{x.removeprefix("▪ ")}</a> | الثلاثاء 8 أبريل 2025<br>'
        for m, x in enumerate(items)
    )
    body = (
        f"<article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1><div>{_PARAS[0]}<br><br>"
        f"<span>{also}</span><br><br><b>اخترنا لك:</b><br>{dated}<br>{_PARAS[1]}<br><br>{_PARAS[2]}</div></article>"
    )
    kept = _body_of(body).splitlines()
    assert _PARAS[1] in kept and "اخترنا لك:" not in kept and not any(line.startswith("- ") for line in kept)


def test_a_timelines_years_set_apart_by_line_breaks_are_lines_of_their_own():
    """A regional site sets its figures year by year as lines of one <div>, "2020: ..." after a <br>: each year is a
    line of the text, as a copied page shows it; a year inside a sentence after a break stays in its line (a
    fictional page)."""
    years = ["2021: 40 ألف طن بقيمة 60 مليون دولار", "2022: 52 ألف طن بقيمة 81 مليون دولار",
             "2023: 61 ألف طن بقيمة 97 مليون دولار"]  # fmt: skip
    body = (
        f"<article><h1>صادرات الواحة من السمك نحو المرجان تتضاعف</h1><p>{_PARAS[0]}</p>"
        f'<div class="figures">{"<br>".join(years)}</div><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p></article>'
    )
    kept = _body_of(body).splitlines()
    assert all(y in kept for y in years)
    joined = "وبلغت الصادرات في سنة<br>2023: عاما قياسيا للميناء"
    kept = _body_of(body.replace("<br>".join(years), joined)).splitlines()
    assert not any(line.startswith("2023:") for line in kept)


def test_a_few_words_ending_on_a_bar_in_their_own_element_open_the_h1_as_its_kicker():
    """<h1><span class="kick">عاجل |</span> headline</h1> under a <title> that gives the headline alone: the
    kicker's element, its words ending on a bar, is apart from the headline, which is the title; an element that
    ends on no bar is the headline's own first words (a fictional page)."""
    headline = "الواحة والمرجان توقعان اتفاقا للنقل البحري بين الميناءين"
    head = f"<title>أخبار الواحة - {headline}</title>"
    for opening, title in (
        ('<span class="kick">عاجل |</span> ', headline),
        ('<span class="lead-words">الواحة والمرجان</span> ', headline),
    ):
        rest = headline.removeprefix("الواحة والمرجان ") if "lead-words" in opening else headline
        body = f"<article><h1>{opening}{rest}</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p></article>"
        assert _title_of(head, body) == title, opening
    # a speaker's name and a colon in bold open the headline over what they said: the headline's own words
    said = "وزير النقل: لن نتراجع عن تمديد الخط البحري إلى جزيرة المرجان"
    body = (
        "<article><h1><strong>وزير النقل:</strong> لن نتراجع عن تمديد الخط البحري إلى جزيرة المرجان</h1>"
        f"<p>{_PARAS[0]}</p><p>{_PARAS[1]}</p></article>"
    )
    assert _title_of(f"<title>{said} | أخبار الواحة</title>", body) == said
    # a genre's word with a colon ("عاجل:") in its own element is a kicker, as with a bar
    body = f'<article><h1><span style="color:red">عاجل:</span> {headline}</h1><p>{_PARAS[0]}</p></article>'
    assert _title_of(head, body) == headline
    # a badge alone in its element ("<span>عاجل</span>") is a kicker without a colon too
    body = f'<article><h1><span class="tag">عاجل</span> {headline}</h1><p>{_PARAS[0]}</p></article>'
    assert _title_of(head, body) == headline
    # a genre's word without a colon is the headline's first word ("<span>تقرير</span> أممي يحذر ...")
    report = "تقرير أممي يحذر من تلوث مياه ميناء النخيل"
    body = f'<article><h1><span class="hl">تقرير</span> أممي يحذر من تلوث مياه ميناء النخيل</h1><p>{_PARAS[0]}</p>'
    assert _title_of(f"<title>{report}</title>", body + "</article>") == report


def test_the_sites_dateline_over_the_text_is_kept_unless_the_markup_names_it_the_writers():
    """ "النخيل - أخبار الواحة." set in the text's element over the first paragraph is the site's dateline, the
    text's (its full stop too); the same words in an element the page names as its author's are the byline (a
    fictional page)."""
    site = "أخبار الواحة"
    head = f"<title>الواحة والمرجان توقعان اتفاقا للنقل البحري - {site}</title>"
    paragraphs = f"<p>{_PARAS[0]}</p><p>{_PARAS[1]}</p><p>{_PARAS[2]}</p>"
    for line, kept in (
        (f'<div class="text">النخيل - {site}.</div>', True),
        (f'<div class="article__author">النخيل - {site}</div>', False),
    ):
        body = (
            f"<header>{site}</header><article><h1>الواحة والمرجان توقعان اتفاقا للنقل البحري</h1>{line}"
            f"{paragraphs}</article><footer>© 2024 {site}</footer>"
        )
        first = _body_of(body, head).splitlines()[0]
        assert first.startswith("النخيل - ") is kept, line


def test_a_headline_the_page_shows_only_in_its_metadata_is_the_title():
    """No block shows the headline: og:title states it, perhaps with the site's name og:site_name gives at either
    end and a section's name beside it: the headline is the title. The site's name and a section's, its slogan, a
    name that says none of the text's words, a <title> alone and a short JSON-LD headline give none (fictional
    pages)."""
    headline = "الواحة تطلق خطا بحريا مباشرا إلى جزيرة المرجان"
    body = "<article>" + "".join(f"<p>{p}</p>" for p in _PARAS) + "</article>"
    site = '<meta property="og:site_name" content="أخبار الواحة">'
    assert _title_of(f'<meta property="og:title" content="{headline}">{site}', body) == headline
    assert (
        _title_of(f'<meta property="og:title" content="{headline} | أخبار الواحة">{site}', body) == headline
    )
    assert _title_of(f'<meta property="og:title" content="أخبار الواحة - اقتصاد">{site}', body) is None
    assert (
        _title_of(f'<meta property="og:title" content="أخبار الواحة | صوت الجزيرة الحر">{site}', body) is None
    )
    named_first = f'<meta property="og:title" content="أخبار الواحة | {headline}">{site}'
    assert _title_of(named_first, body) == headline
    sectioned = f'<meta property="og:title" content="{headline} | اقتصاد | أخبار الواحة">{site}'
    assert _title_of(sectioned, body) == headline
    assert (
        _title_of('<meta property="og:title" content="جريدة الواحة اليومية">', body) is None
    )  # no text's words
    dashed = "الخط البحري إلى المرجان - الوزير: الرحلات تبدأ الشهر المقبل"  # a dash of the headline's own
    assert _title_of(f'<meta property="og:title" content="{dashed} | أخبار الواحة">{site}', body) == dashed
    assert _title_of("<title>أخبار الواحة - صوت الجزيرة الحر</title>", body) is None
    jsonld = '<script type="application/ld+json">{"headline": "أخبار الواحة"}</script>'
    assert _title_of(f"{jsonld}<title>أخبار الواحة</title>", body) is None


_SEMICOLON_LIST_PAGE = (
    '<section class="gh-content gh-canvas">\n'
    "<p>وقّع الواحة والجزيرة مطلع الأسبوع الجاري على بروتوكول جديد لاتفاقية التعاون في مجال الصيد"
    " البحري، يمتد أربع سنوات ويسمح لعدد محدود من السفن الجزرية بالصيد في المياه الأطلسية جنوب المملكة."
    " ورغم أن الاتفاق ليس الأول من نوعه، فإن توقيته ومضامينه يستحقان قراءة متأنية.</p>\n"
    '<h2 id="673502">ماذا يتضمن البروتوكول الجديد؟</h2>\n'
    "<p>بحسب المعطيات التي نشرها الجانبان، يرفع البروتوكول سقف الكميات المسموح بصيدها من الأسماك السطحية"
    " الصغيرة، وعلى رأسها السردين والماكريل والأنشوبة، مقارنة بالبروتوكول السابق، مع الإبقاء على عدد"
    " السفن المرخص لها في حدود عشر سفن صناعية كبيرة.</p>\n"
    "<p>في المقابل، تلتزم الجزيرة بدفع مقابل مالي سنوي، وبتمويل جزء من برامج البحث العلمي البحري"
    " الواحية، إضافة إلى بنود تتعلق بما يلي:</p>\n"
    "<ul>\n"
    "<li>تشغيل نسبة لا تقل عن 15 في المائة من البحارة الواحيين على متن السفن الجزرية؛</li>\n"
    "<li>استقبال مراقبين علميين واحيين على متن السفن طيلة مدة الرحلات؛</li>\n"
    "<li>الربط الدائم بنظام التتبع عبر الأقمار الاصطناعية؛</li>\n"
    "<li>إنزال جزء من المصطادات في الموانئ الواحية.</li>\n"
    "</ul>\n"
    '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container"'
    ' href="https://marsad.example/sardine-stocks-atlantic/"><div class="kg-bookmark-content"><div'
    ' class="kg-bookmark-title">اقرأ أيضاً: السردين الواحي تحت الضغط.. ماذا تقول أرقام'
    ' المخزون؟</div><div class="kg-bookmark-description">تقارير علمية تشير إلى تراجع الكتلة الحيوية'
    " للسردين في المنطقة الوسطى، فما أسباب ذلك وما الحلول المطروحة؟</div><div"
    ' class="kg-bookmark-metadata"><img class="kg-bookmark-icon"'
    ' src="https://marsad.example/content/images/size/w256h256/2023/05/icon.png" alt=""><span'
    ' class="kg-bookmark-author">مرصد الواحة</span><span class="kg-bookmark-publisher">سلمى'
    ' الناصري</span></div></div><div class="kg-bookmark-thumbnail"><img'
    ' src="https://marsad.example/content/images/2023/11/sardine.jpg" alt=""></div></a></figure>\n'
    '<h2 id="953259">لماذا يهم هذا الاتفاق المرجان؟</h2>\n'
    "<p>بالنسبة للجزيرة، تمثل المصايد الأطلسية قبالة السواحل الواحية مصدراً مهماً لتزويد سوقها الداخلية"
    " بأسماك منخفضة التكلفة، خاصة بعد القيود التي طالت نشاط أسطولها في مناطق أخرى. كما يمنحها الاتفاق"
    " موطئ قدم اقتصادياً مستقراً في شمال غرب إفريقيا.</p>\n"
    "<p>ويرى محللون أن المرجان تحرص على إبقاء هذا الملف بعيداً عن التجاذبات السياسية، إذ جرى تجديد"
    " الاتفاق بانتظام منذ تسعينيات القرن الماضي، رغم تقلب الظروف الإقليمية والدولية.</p>\n"
    '<figure class="kg-card kg-image-card kg-card-hascaption"><img'
    ' src="https://marsad.example/content/images/2024/02/trawler-dakhla.jpg" class="kg-image" alt=""'
    ' loading="lazy" width="1600" height="1067"><figcaption><span style="white-space: pre-wrap;">سفينة'
    " صيد صناعية في عرض المياه الأطلسية قبالة الرمان (أرشيف)</span></figcaption></figure>\n"
    '<h2 id="988068">وماذا عن النخيل؟</h2>\n'
    "<p>أما النخيل، فتعتبر الاتفاق أداة لتنويع شراكاتها في قطاع الصيد وتعزيز موقعها التفاوضي مع شركاء"
    " آخرين، فضلاً عن العائدات المالية وبرامج التكوين والبحث العلمي. لكن التحدي الأكبر يبقى في ضمان"
    " استدامة المخزون، في ظل مؤشرات مقلقة حول تراجع بعض الأصناف.</p>\n"
    "<p>في المحصلة، يبدو أن البروتوكول الجديد يعكس توازناً دقيقاً بين المصالح الاقتصادية للطرفين، غير أن"
    " نجاحه سيقاس في السنوات المقبلة بمدى احترام الحصص وفعالية آليات المراقبة، وهي أمور لن تتضح إلا مع"
    " أولى تقارير اللجنة المشتركة للتتبع.</p>\n"
    "</section>\n"
)


def test_a_list_whose_items_close_on_semicolons_stays_the_text_before_a_read_also_card():
    """A sentence announces a list ("... بما يلي:"); its <li> items (no bullet in the text) close on semicolons,
    the last on a full stop; then a read-also card and the text's next sections: the items, the sections' headings
    and paragraphs stay the text, the card does not (a fictional page's article, as a blog's editor sets it)."""
    kept = _body_of(_SEMICOLON_LIST_PAGE).split("\n\n")
    items = [x for x in kept if x.endswith(("؛", "الواحية."))]
    assert len(items) == 4
    assert kept[-1].startswith("في المحصلة") and "وماذا عن النخيل؟" in kept
    assert not any("السردين الواحي تحت الضغط" in x or "الكتلة الحيوية" in x for x in kept)


def test_a_section_heading_right_above_a_read_also_box_stays_the_text():
    """<h2> of a section, then a read-also <aside> with its one link, then the section's paragraphs: the heading is
    the text's, the box is not (a fictional page)."""
    heading = "دور الوسطاء في الصفقة"
    aside = '<aside><span>اقرأ أيضاً</span><a href="/x">أسعار الأسمدة ترتفع 4% مع زيادة الطلب</a></aside>'
    body = (
        f"<article><h1>الواحة تمدد الخط البحري إلى جزيرة المرجان</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>"
        f"<h2>{heading}</h2>{aside}<p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
    )
    kept = _body_of(body).split("\n\n")
    assert kept == [_PARAS[0], _PARAS[1], heading, _PARAS[2], _PARAS[3]]


def test_a_saved_pages_heading_under_a_video_label_stays_a_heading():
    """A video's box ("فيديو" over its player) between paragraphs, then an <h2>: the heading is the text's section,
    not the video's title (a fictional page)."""
    heading = "ردود فعل في المرجان"
    video = "<div class='video'><span>فيديو</span><iframe src='https://v.example/x'></iframe></div>"
    body = (
        f"<article><h1>الواحة تمدد الخط البحري إلى جزيرة المرجان</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>"
        f"{video}<h2>{heading}</h2><p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
    )
    assert _body_of(body).split("\n\n") == [_PARAS[0], _PARAS[1], heading, _PARAS[2], _PARAS[3]]


def test_the_heading_named_the_headline_wins_over_a_titles_site_name_on_its_logo():
    """The <title> is only the site's name, which the logo's <h1> links; the article's heading is named the headline
    (a blog's "entry-title", schema.org's itemprop="headline"): it is the title (fictional pages)."""
    headline = "افتتاح أول مركز لتعليم لغة الجزيرة في النخيل وسط إقبال كبير"
    paragraphs = "".join(f"<p>{p}</p>" for p in _PARAS)
    headings = (
        f'<h3 class="post-title entry-title">{headline}</h3>',
        f'<h2 class="news-title" itemprop="headline">{headline}</h2>',
    )
    for site in (
        "أخبار الواحة",
        "وكالة الواحة للأنباء والمعلومات",
    ):  # (a name of three words or more: a headline)
        for heading in headings:
            body = (
                f'<h1 class="logo"><a href="/">{site}</a></h1><div class="post">{heading}{paragraphs}</div>'
            )
            assert _title_of(f"<title>{site}</title>", body) == headline, (site, heading)


def test_a_comments_reply_button_is_no_line_of_the_text_though_a_paragraph_holds_its_letters():
    """A comment thread under the article: each comment's name, date, words and its "رد" (reply) button. The
    button's two letters stand inside words of the text ("وردت"), which is no reason to keep it (a fictional
    page)."""
    paras = [*_PARAS, "ووردت في التقرير أرقام جديدة عن حركة الركاب في الموانئ خلال الصيف الماضي."]
    comments = "".join(
        f'<li class="comment"><div class="comment-author">{name}</div><time datetime="2023-09-14">14 سبتمبر 2023'
        f'</time><div class="comment-content"><p>{words}</p></div><div class="reply"><a href="#">رد</a></div></li>'
        for name, words in (
            ("هشام", "ابني يدرس في الجزيرة منذ سنتين والتجربة جيدة لكن المعادلة طويلة جدا."),
            ("مريم", "نفس المشكلة عندنا، ننتظر منذ أشهر دون جواب من الوزارة."),
        )
    )
    body = (
        "<article><h1>الواحة تمدد الخط البحري إلى جزيرة المرجان</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + f'</article><div id="comments"><h2>تعليقان على المقال</h2><ol>{comments}</ol></div>'
    )
    kept = _body_of(body).split("\n\n")
    assert "رد" not in kept
    assert kept[: len(paras)] == paras


def test_loose_text_that_goes_on_under_a_read_also_box_in_the_text_is_kept():
    """A template that sets its paragraphs as loose text between <br>s and boxes: one that goes on with the article
    (a connective opens it) right under an inline "read also" box is the article's, though the extractor's main
    text leaves it out; an advert's loose text there is not (a fictional page)."""
    goes_on = (
        "ويعد هذا الخط الأطول من نوعه في المنطقة منذ سنوات، ويأتي في وقت تسعى فيه الجزيرة إلى تنويع شركائها."
    )
    last = _PARAS[1].replace("وأوضحت", "وأضافت")
    for extra, kept in ((goes_on, True), ("اشترك في النشرة اليومية لتصلك آخر الأخبار كل صباح.", False)):
        body = (
            "<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><div class='article-body'>\n"
            f"{_PARAS[0]}<br><br>\n{_PARAS[1]}<br><br>\n"
            "<figure><img src='a.jpg'><figcaption>سفينة في ميناء النخيل (أرشيفية)</figcaption></figure>\n"
            f"<p>{_PARAS[2]}</p>\n"
            "<div class='related-inline'><span>اقرأ أيضاً:</span> <a href='/x'>النخيل تستضيف معرضا للكتاب</a></div>\n"
            f"{extra}<br><br>\n<div class='video'><iframe src='https://video.example/embed/1'></iframe></div>\n"
            f"{_PARAS[3]}<br><br>\n{last}\n</div></article>"
        )
        text = _body_of(body)
        assert (extra in text) is kept, extra
        assert _PARAS[0] in text and _PARAS[3] in text


def test_an_embedded_posts_blocks_are_the_posts_by_its_embed_codes_markup():
    """A Facebook or X post quoted with its network's embed code (<div class="fb-post">, <blockquote
    class="twitter-tweet">): its text reads as a paragraph but is the post's, and so is its signature (a fictional
    page)."""
    post = (
        "يسعدنا أن نعلن عن انطلاق الخط البحري الجديد إلى جزيرة المرجان. الرحلات مفتوحة للجمهور طيلة الأسبوع."
    )
    for box in (
        f"<div class='fb-post'><blockquote class='fb-xfbml-parse-ignore'><p>{post}</p>"
        "<p>تم النشر بواسطة وزارة النقل في الواحة في الثلاثاء، 16 أبريل 2024</p></blockquote></div>",
        f"<blockquote class='twitter-tweet'><p lang='ar'>{post}</p>— وزارة النقل (@oasis_transport) April 16, 2024"
        "</blockquote>",
    ):
        body = (
            "<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1>"
            f"<p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>{box}<p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
        )
        text = _body_of(body)
        assert post not in text and "تم النشر" not in text and "@oasis_transport" not in text, box
        assert all(p in text for p in _PARAS)
    # (from a review) an embed left open (its </blockquote> cut off) runs to its parent's end: the paragraphs there
    # stay the article's
    body = (
        "<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><div class='entry-content'>"
        f"<p>{_PARAS[0]}</p><blockquote class='twitter-tweet'><p lang='ar'>{post}</p>— وزارة النقل (@oasis_transport)"
        " <a href='https://x.example/1'>April 16, 2024</a>"
        + "".join(f"<p>{p}</p>" for p in _PARAS[1:])
        + "<p>ويتوقع أن تبدأ الرحلات المسائية في الخريف المقبل بعد وصول السفينة الرابعة إلى ميناء النخيل.</p>"
        "</div></article>"
    )
    text = _body_of(body)
    assert all(p in text for p in _PARAS)


def test_a_latest_news_ticker_over_the_header_is_no_paragraph_of_the_text():
    """A table layout's ticker over the article, its label and its items on one line ("آخر الأخبار: ... ... ..."):
    the line is the site's furniture, and the section's name under it is not the text's first line (a fictional
    page)."""
    items = (
        "انطلاق موسم جني الزيتون في الواحة ... ارتفاع طفيف في أسعار الخضر بسوق الجملة ... نتائج مقابلات الجولة"
        " السابعة من بطولة الرابطة المحترفة الأولى لكرة القدم ... افتتاح معرض الكتاب الدولي في النخيل"
    )
    body = (
        '<table><tr><td>الخبر كما هو</td></tr><tr><td><a href="/">الرئيسية</a> | <a href="/c1">وطنية</a> |'
        ' <a href="/c2">دولية</a></td></tr>'
        f'<tr><td class="flash"><b>آخر الأخبار:</b> <marquee>{items}</marquee></td></tr>'
        '<tr><td class="content"><table><tr><td class="rubrique"><a href="/c2">دولية</a></td></tr>'
        '<tr><td class="titre"><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1></td></tr>'
        '<tr><td class="infos">النخيل في 12/10/2024 - 15:20 | إعداد: سليم القرواني | طباعة</td></tr>'
        '<tr><td class="texte">' + "".join(f'<div class="txt">{p}</div>' for p in _PARAS) + "</td></tr>"
        "</table></td></tr></table>"
    )
    assert [line for line in _body_of(body).splitlines() if line] == _PARAS


# Saved pages on which rules tried and withdrawn went wrong, while the code without them is right (independent
# reviews' inputs, fictional): kept so that a later rule is held to them.
@pytest.mark.parametrize(
    "h1, headline, lead, title",
    [
        (  # an agency's name, which the lead's dateline says again
            "وكالة الواحة للأنباء",
            "وزير النقل في الواحة يعلن تعليق رحلات العبارات إلى جزيرة المرجان",
            "النخيل (وكالة الواحة للأنباء) - أعلن وزير النقل في الواحة، اليوم، تعليق رحلات العبارات إلى جزيرة"
            " المرجان بسبب سوء الأحوال الجوية.",
            "WNA - Print",
        ),
        (  # an event's banner, which the headline and the lead name
            "قمة الواحة والمرجان الاقتصادية",
            "قادة البلدين يوقعون اتفاق الخط البحري في ختام قمة الواحة والمرجان الاقتصادية",
            "وقع قادة الواحة والمرجان، اليوم، اتفاق الخط البحري الجديد في ختام قمة الواحة والمرجان الاقتصادية"
            " التي استضافتها مدينة النخيل يومين.",
            "صحيفة الواحة",
        ),
    ],
)
def test_a_name_in_the_one_h1_over_the_headline_in_an_h2_is_no_title(h1, headline, lead, title):
    body = f"<h1>{h1}</h1><h2>{headline}</h2><p>{lead}</p>" + "".join(f"<p>{p}</p>" for p in _PARAS[1:])
    assert _title_of(f"<title>{title}</title>", body) == headline


_STORIES = ["5 وجهات سياحية لصيف 2025", "هل ترتفع أسعار التمور في رمضان؟", "الواحة تهزم المرجان"]


@pytest.mark.parametrize(
    "box, left_out",
    [
        (  # a contextual advert: its label, its heading and its offers
            "<div><span>إعلان</span><h3>خطوط الواحة البحرية للرحلات</h3><ul><li>رحلات يومية إلى الجزيرة.</li>"
            "<li>سفن مكيفة وحديثة.</li><li>احجز الآن بخصم 20%.</li></ul></div>",
            ["احجز الآن", "خطوط الواحة البحرية"],
        ),
        (  # other stories' headlines under a label no marker knows
            "<h3>اخترنا لك</h3><ul>" + "".join(f"<li>{x}</li>" for x in _STORIES) + "</ul>",
            _STORIES,
        ),
    ],
)
def test_a_box_between_paragraphs_whose_heading_and_items_look_like_a_section_is_no_text(box, left_out):
    body = (
        f"<article><h1>الواحة تطلق خطا بحريا إلى جزيرة المرجان</h1><p>{_PARAS[0]}</p><p>{_PARAS[1]}</p>{box}"
        f"<p>{_PARAS[2]}</p><p>{_PARAS[3]}</p></article>"
    )
    text = _body_of(body)
    assert not any(x in text for x in left_out) and _PARAS[3] in text
