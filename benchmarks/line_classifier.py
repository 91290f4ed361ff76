"""Would a learned line classifier beat the cleaner's rules on an outlet it has not seen? Leave-one-outlet-out.

    python benchmarks/line_classifier.py tests/data/pages/text [--json OUT]

Copied-text pages grouped by the kind of site they imitate (`styled_after`); for each group, gradient-boosted
trees are trained on the lines of every other group and judge the group's lines (body or not). Two models: one on
the shape of a line alone (length, sentence end, stopword and digit share, place in the page), one stacked on the
rules' own decisions (a line's role and its neighbours' roles, besides its shape). The rules' figures are measured
on the same lines. Needs the bench extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from corpus_ds import clean, markers, models

ROLES = ("body", "title", *models.REMOVAL_REASONS)


def _one_hot(role: str | None) -> list[int]:
    return [int(role == r) for r in ROLES]


def _shape(text: str, k: int, count: int) -> list[float]:
    words = text.split()
    return [
        len(words),
        len(text),
        int(bool(markers.PARAGRAPH_END.search(text))),
        sum(w in clean.STOPWORDS for w in words) / max(1, len(words)),
        sum(c.isdigit() for c in text) / max(1, len(text)),
        sum("a" <= c.lower() <= "z" for c in text) / max(1, len(text)),
        k / count,
    ]


def page_lines(path: Path) -> tuple[str, list[list[float]], list[list[float]], list[int], list[int]]:
    """A page's group, its lines' shape features and stacked features, the truth and the rules' answer."""
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    lines = clean.raw_lines(path.read_text(encoding="utf-8"))
    decided = clean.classify_lines(lines)
    text = [clean.normalise_line(x) for x in lines]
    order = [i for i, s in enumerate(text) if s]

    def role(k: int) -> str | None:
        d = decided.get(order[k] + 1) if 0 <= k < len(order) else None
        return d.role if d else None

    shape = [_shape(text[i], k, len(order)) for k, i in enumerate(order)]
    stacked = [
        s + _one_hot(role(k)) + _one_hot(role(k - 1)) + _one_hot(role(k + 1)) for k, s in enumerate(shape)
    ]
    body = set(truth["body_lines"])
    return (
        truth["styled_after"],
        shape,
        stacked,
        [int(i + 1 in body) for i in order],
        [int(role(k) == "body") for k in range(len(order))],
    )


def _scores(pairs: list[tuple[np.ndarray, np.ndarray]]) -> dict:
    tp = sum(int(((p == 1) & (y == 1)).sum()) for p, y in pairs)
    fp = sum(int(((p == 1) & (y == 0)).sum()) for p, y in pairs)
    fn = sum(int(((p == 0) & (y == 1)).sum()) for p, y in pairs)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def leave_one_outlet_out(pages: list[Path]) -> dict:
    rows = [page_lines(p) for p in pages]
    groups = sorted({r[0] for r in rows})
    found: dict[str, list] = {"rules": [], "shape model": [], "stacked model": []}
    for group in groups:
        train = [r for r in rows if r[0] != group]
        test = [r for r in rows if r[0] == group]
        y = np.concatenate([r[3] for r in train])
        for name, column in (("shape model", 1), ("stacked model", 2)):
            x = np.vstack([np.array(r[column], float) for r in train])
            model = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(x, y)
            found[name] += [(model.predict(np.array(r[column], float)), np.array(r[3])) for r in test]
        found["rules"] += [(np.array(r[4]), np.array(r[3])) for r in test]
    return {"groups": len(groups), "pages": len(rows), **{k: _scores(v) for k, v in found.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = leave_one_outlet_out(sorted(args.directory.glob("*.txt")))
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
