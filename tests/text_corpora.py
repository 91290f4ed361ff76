"""Synthetic corpora for the text pass: defects it must see and valid layouts of the same data (shared by the
equivalence test and the sanitizer run)."""

from __future__ import annotations

import random

import pyarrow as pa

from corpus_ds import columns


def text_defect(corpus: dict[str, pa.Table], rng: random.Random) -> None:
    """One change the text pass must see: a quote's offsets or bytes, an article's text or its counts."""
    table = rng.choice(["mentions", "agreements", "dyads", "evidence", "articles"])
    rows = corpus[table].to_pylist()
    row = rng.choice(rows)
    if table == "articles":
        column = rng.choice(["text", "n_chars", "n_paragraphs"])
        row[column] = {
            "text": lambda t: t[: rng.randrange(len(t) + 1)] + rng.choice(["", "\n\n", "é", "😀"]),
            "n_chars": lambda n: n + rng.choice([-1, 1]),
            "n_paragraphs": lambda n: max(0, n + rng.choice([-1, 1])),
        }[column](row[column])
    else:
        quote = {"mentions": "surface"}.get(table, "quote")
        change = rng.choice(["start", "end", "both", "quote", "far"])
        shift = rng.choice([-2, -1, 1, 2])
        if change in ("start", "both") and row["start"] is not None:
            row["start"] += shift
        if change in ("end", "both") and row["end"] is not None:
            row["end"] += shift
        if change == "quote":
            row[quote] = row[quote][:-1] + rng.choice(["ا", "x", "😀"]) if row[quote] else "x"
        if change == "far" and row["start"] is not None:
            row["start"], row["end"] = 10**9, 10**9 + len(row[quote] or "")
    corpus[table] = pa.Table.from_pylist(rows, schema=columns.schema(table))


def variant(corpus: dict[str, pa.Table], rng: random.Random) -> dict[str, pa.Table]:
    """The same corpus in another Arrow layout: texts in several chunks or as large strings, long tables shuffled
    (not in the articles' order: the compiled pass declines), or sliced out of a longer table."""
    out = dict(corpus)
    kind = rng.choice(["chunks", "large", "shuffled", "sliced"])
    articles = corpus["articles"]
    if kind == "chunks":
        cut = sorted(rng.sample(range(1, articles.num_rows), 3))
        out["articles"] = pa.concat_tables(
            [articles.slice(a, b - a) for a, b in zip([0, *cut], [*cut, articles.num_rows])]
        )
    elif kind == "large":
        i = articles.schema.get_field_index("text")
        out["articles"] = articles.set_column(i, "text", articles.column("text").cast(pa.large_string()))
    elif kind == "shuffled":
        for name in ("mentions", "evidence"):
            order = list(range(corpus[name].num_rows))
            rng.shuffle(order)
            out[name] = corpus[name].take(pa.array(order))
    else:
        for name in ("articles", "mentions", "evidence"):
            doubled = pa.concat_tables([corpus[name], corpus[name]]).combine_chunks()
            out[name] = doubled.slice(corpus[name].num_rows)
    return out
