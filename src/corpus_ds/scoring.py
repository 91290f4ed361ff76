"""Score the cleaner and the date proposals against pages with line-level truth (`corpus-ds clean --score DIR`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus_ds import capture
from corpus_ds.arabic import drop_invisible


@dataclass
class PageScore:
    """One page: body lines (or blocks) found, missed and wrongly kept; the title; the publication date."""

    page: str
    kind: str
    true_positive: int
    false_positive: int
    false_negative: int
    title_right: bool
    date_stated: bool
    date_right: bool
    date_proposed: str | None
    date_expected: str | None

    @property
    def precision(self) -> float:
        return _ratio(self.true_positive, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return _ratio(self.true_positive, self.true_positive + self.false_negative)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


def truth_of(page: Path) -> dict:
    return json.loads(page.with_name(page.name.rsplit(".", 1)[0] + ".truth.json").read_text(encoding="utf-8"))


def score_page(page: Path) -> PageScore:
    truth = truth_of(page)
    result = capture.clean_file(page)
    expected_date = truth.get("published_date")
    proposed = result.published.date.isoformat() if result.published else None
    if result.kind == "text":
        kept = {n for n, d in result.cleaned.decisions.items() if d.role == "body"}
        body = set(truth["body_lines"])
        titles = {n for n, d in result.cleaned.decisions.items() if d.role == "title"}
        title_right = titles == ({truth["title_line"]} if truth["title_line"] else set())
        tp, fp, fn = len(kept & body), len(kept - body), len(body - kept)
    else:
        kept = [_squash(p) for p in result.cleaned.text.split("\n\n") if p]
        body = [_squash(p) for p in truth["body"]]
        tp = sum(min(kept.count(p), body.count(p)) for p in set(kept))
        fp, fn = len(kept) - tp, len(body) - tp
        title_right = _squash(result.cleaned.title or "") == _squash(truth.get("title") or "")
    return PageScore(
        page.name,
        result.kind,
        tp,
        fp,
        fn,
        title_right,
        expected_date is not None,
        proposed == expected_date,
        proposed,
        expected_date,
    )


def _squash(text: str) -> str:
    """A paragraph compared by its visible words: the cleaner drops invisible characters (an emoji's variation
    selector, bidi marks) by design, so the truth's are dropped too; and a space before a comma or a stop, which a
    truth written by collapsing the markup's text may set after an inline element ("<b>فلان</b>، ..." read as
    "فلان ، ..."), where the page shows none."""
    return re.sub(r" ([،,.:؛;؟?!])", r"\1", " ".join(drop_invisible(text).split()))


def pages(directories: Iterable[Path]) -> list[Path]:
    """Every capture with a truth file in the directories."""
    found = []
    for directory in directories:
        for path in sorted(Path(directory).iterdir()):
            if (
                path.suffix in (".txt", ".html", ".htm")
                and path.with_name(path.stem + ".truth.json").is_file()
            ):
                found.append(path)
    return found


def total(scores: list[PageScore]) -> dict:
    """Body-line precision, recall and F1 over all lines; titles right; stated dates proposed right."""
    tp, fp, fn = (
        sum(getattr(s, k) for s in scores) for k in ("true_positive", "false_positive", "false_negative")
    )
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    stated = [s for s in scores if s.date_stated]
    return {
        "pages": len(scores),
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(_ratio(2 * p * r, p + r), 3),
        "titles_right": sum(s.title_right for s in scores),
        "dates_stated": len(stated),
        "stated_dates_right": sum(s.date_right for s in stated),
        "dates_wrongly_proposed": sum(1 for s in scores if not s.date_stated and s.date_proposed),
    }


def report(scores: list[PageScore]) -> str:
    """A table per page, then the totals by kind of capture."""
    lines = [f"{'page':44s} {'P':>5s} {'R':>5s} {'F1':>5s}  title  date (proposed / stated)"]
    for s in scores:
        date = f"{s.date_proposed or '-'} / {s.date_expected or '-'}"
        lines.append(
            f"{s.page:44s} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}  {'yes' if s.title_right else 'NO':5s}  "
            f"{'' if s.date_right else 'WRONG '}{date}"
        )
    for kind in sorted({s.kind for s in scores}):
        t = total([s for s in scores if s.kind == kind])
        lines.append(
            f"{kind}: {t['pages']} pages, body precision {t['precision']:.3f}, recall {t['recall']:.3f}, "
            f"F1 {t['f1']:.3f}; titles right {t['titles_right']} of {t['pages']}; stated publication dates "
            f"proposed {t['stated_dates_right']} of {t['dates_stated']}; dates proposed where none is stated "
            f"{t['dates_wrongly_proposed']}"
        )
    return "\n".join(lines)


def as_json(scores: list[PageScore]) -> str:
    kinds = sorted({s.kind for s in scores})
    return json.dumps(
        {
            "pages": [asdict(s) | {"precision": s.precision, "recall": s.recall, "f1": s.f1} for s in scores],
            "total": {kind: total([s for s in scores if s.kind == kind]) for kind in kinds},
        },
        ensure_ascii=False,
        indent=1,
    )
