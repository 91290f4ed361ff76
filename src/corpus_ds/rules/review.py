"""Rules on review: only reviewed articles ship, checked by a second person."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
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

    def person(column: str) -> pa.ChunkedArray:  # "Alice" and " alice" are one person
        return pc.utf8_lower(pc.utf8_trim_whitespace(a.column(column)))

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
