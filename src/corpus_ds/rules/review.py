"""Rules on review: only reviewed articles ship, checked by a second person."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
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

    def person(column: str) -> np.ndarray:
        """Each row's person as arabic.person_key gives it (computed once per distinct name), so that a look-alike
        spelling (a Cyrillic а, a full-width letter, a non-breaking hyphen, a trailing tatweel) is one person."""
        names = at.single(a.column(column))
        distinct = pc.unique(names)
        keys = pa.array([None if n is None else person_key(n) for n in distinct.to_pylist()], pa.string())
        return keys.take(pc.index_in(names, value_set=distinct))

    same = at.np_bool(pc.equal(person("reviewer"), person("annotator")))
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
