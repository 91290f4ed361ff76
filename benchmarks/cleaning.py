"""The cleaner against baselines on pages with line-level truth, in one run: body F1, titles and publication dates.

    python benchmarks/cleaning.py tests/data/pages/text tests/data/pages/html [--json OUT]

Baselines, on the same pages: jusText with its Arabic stoplist, each copied line a paragraph (text captures);
trafilatura alone, its paragraphs against the truth's (saved pages); dateparser (languages=["ar"]) against
corpus_ds.datetext on the date lines the truth names. Needs the bench and html extras.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus_ds import clean, datetext, html, scoring


def _f1(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
    }


def justext_lines(pages: list[Path]) -> dict:
    """jusText's paragraph classification, each non-blank copied line a paragraph."""
    import justext

    stop = justext.get_stoplist("Arabic")
    tp = fp = fn = 0
    for page in pages:
        truth = scoring.truth_of(page)
        lines = clean.raw_lines(page.read_text(encoding="utf-8"))
        numbered = [(n, x) for n, x in enumerate(lines, 1) if clean.normalise_line(x)]
        markup = "".join(f"<p>{x}</p>" for _, x in numbered)
        kept = {
            n for (n, _), p in zip(numbered, justext.justext(markup.encode(), stop)) if not p.is_boilerplate
        }
        body = set(truth["body_lines"])
        tp, fp, fn = tp + len(kept & body), fp + len(kept - body), fn + len(body - kept)
    return _f1(tp, fp, fn)


def trafilatura_alone(pages: list[Path]) -> dict:
    """trafilatura's own extraction and metadata: paragraphs, title and date against the truth."""
    import trafilatura

    tp = fp = fn = titles = dates = 0
    for page in pages:
        truth = scoring.truth_of(page)
        raw, _ = html.decode(page.read_bytes(), str(page))
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
        got = [" ".join(x.split()) for x in (doc.text or "").split("\n") if x.strip()] if doc else []
        want = [" ".join(x.split()) for x in truth["body"]]
        hit = sum(min(got.count(x), want.count(x)) for x in set(got))
        tp, fp, fn = tp + hit, fp + len(got) - hit, fn + len(want) - hit
        titles += bool(doc) and " ".join((doc.title or "").split()) == " ".join(truth["title"].split())
        dates += bool(doc) and doc.date == truth["published_date"]
    return {**_f1(tp, fp, fn), "titles_right": titles, "dates_right": dates, "pages": len(pages)}


def date_parsers(pages: list[Path]) -> dict:
    """The stated publication date read off its line by dateparser and by corpus_ds.datetext."""
    import dateparser

    right = {"dateparser": 0, "corpus_ds.datetext": 0}
    lines = []
    for page in pages:
        truth = scoring.truth_of(page)
        if truth.get("published_date_line"):
            line = clean.raw_lines(page.read_text(encoding="utf-8"))[truth["published_date_line"] - 1]
            lines.append((clean.normalise_line(line), truth["published_date"]))
    for line, want in lines:
        parsed = dateparser.parse(line, languages=["ar"], settings={"PREFER_DAY_OF_MONTH": "first"})
        right["dateparser"] += bool(parsed) and parsed.date().isoformat() == want
        found = datetext.find_dates(line)
        right["corpus_ds.datetext"] += bool(found) and found[0].date.isoformat() == want
    return {"date_lines": len(lines), **right}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dirs", nargs="+", type=Path)
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args()
    found = scoring.pages(a.dirs)
    text = [x for x in found if x.suffix == ".txt"]
    pages = [x for x in found if x.suffix != ".txt"]
    scores = [scoring.score_page(x) for x in found]
    result = {
        "corpus_ds": {k: scoring.total([s for s in scores if s.kind == k]) for k in ("text", "html")},
        "baselines": {
            "jusText, each line a paragraph (text)": justext_lines(text),
            "trafilatura alone (html)": trafilatura_alone(pages),
            "publication dates on their lines (text)": date_parsers(text),
        },
    }
    print(scoring.report(scores))
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if a.json:
        a.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
