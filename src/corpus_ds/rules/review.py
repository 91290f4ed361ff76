"""Rules on review: only reviewed articles ship, checked by a second person."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds.arabic import person_key
from corpus_ds.checks import check
from corpus_ds.rules.context import Context


@check("articles", "not-reviewed", "review-incomplete")
def rule_reviewed(ctx: Context) -> None:
    """Only reviewed articles ship, and a review needs a second person."""
    a = ctx.tables["articles"]
    draft = ~at.np_bool(pc.equal(a.column("review_status"), "reviewed"))
    for aid, status in ctx.each("articles", np.flatnonzero(draft), "article_id", "review_status"):
        ctx.add(
            "not-reviewed",
            "articles",
            "review_status",
            aid,
            f"expected 'reviewed' in a release, found {status!r}",
            status,
        )

    people: dict[str, int] = {}

    def person(column: str) -> np.ndarray:
        """Each row's person as a number, the same for the same arabic.person_key (computed once per distinct
        name), so that a look-alike spelling (a Cyrillic а, a full-width letter, a non-breaking hyphen, a trailing
        tatweel) is one person; -1 for a null."""
        return at.map_unique(a.column(column), lambda n: people.setdefault(person_key(n), len(people)), -1)

    reviewer, annotator = person("reviewer"), person("annotator")
    same = (reviewer == annotator) & (reviewer >= 0)
    lone = ~draft & (~at.np_bool(pc.is_valid(a.column("reviewer"))) | same)
    for aid, reviewer in ctx.each("articles", np.flatnonzero(lone), "article_id", "reviewer"):
        ctx.add(
            "review-incomplete",
            "articles",
            "reviewer",
            aid,
            "a reviewed article needs a reviewer other than its annotator",
            reviewer,
        )
