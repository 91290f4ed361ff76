"""Synthetic corpora for the compiled passes: defects they must see and valid layouts of the same data, and random
buffers they must refuse or answer (shared by the equivalence tests and the sanitizer run)."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa

from corpus_ds import columns, vocab
from corpus_ds import synthetic as synth

ACTORS = [a["actor_id"] for a in synth.registry()]


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


def _edit(corpus: dict, table: str, change) -> None:
    rows = corpus[table].to_pylist()
    change(rows)
    corpus[table] = pa.Table.from_pylist(rows, schema=columns.schema(table))


def dyad_defect(corpus: dict, rng: random.Random) -> str:
    """One change of what rule_dyads reads (most of them make a finding, a few leave the corpus valid)."""
    kind = rng.choice(
        [
            "code",
            "swap",
            "self",
            "actor",
            "event",
            "drop",
            "repeat",
            "place",
            "cameo",
            "type",
            "status",
            "role",
        ]
    )
    n_dyads, n_articles = corpus["dyads"].num_rows, corpus["articles"].num_rows
    j, i = rng.randrange(n_dyads), rng.randrange(n_articles)

    def dyads(rows):
        row = rows[j]
        if kind == "code":
            row["code"] = rng.choice([*list(vocab.DYAD_CODES), "999"])
        elif kind == "swap":
            row["source"], row["target"] = row["target"], row["source"]
        elif kind == "self":
            row["target"] = row["source"]
        elif kind == "actor":
            row[rng.choice(["source", "target"])] = rng.choice([*ACTORS, "syn-actor-unknown"])
        elif kind == "event":
            row["event_id"] = row["event_id"] + "x"
        elif kind == "drop":
            rows.pop(j)
        else:
            rows.insert(j, dict(row))

    def articles(rows):
        row = rows[i]
        if kind == "place":
            row["place_country"] = rng.choice([None, "RUS", "MAR", "FRA"])
        elif kind == "cameo":
            row["cameo_code"] = rng.choice(list(vocab.DYAD_CODES))
        elif kind == "type":
            row["event_type"] = rng.choice(list(vocab.EVENT_TYPES))
        elif kind == "status":
            row["agreements"] = [{**g, "status": "planned"} for g in row["agreements"]]
        else:
            row["actors"] = [{**x, "role": "mentioned"} if k == 0 else x for k, x in enumerate(row["actors"])]

    if kind in ("place", "cameo", "type", "status", "role"):
        _edit(corpus, "articles", articles)
    else:
        _edit(corpus, "dyads", dyads)
    return kind


def dyad_buffers(rng: np.random.Generator):
    """Buffers of the declared lengths (one in ten a length off) holding small values, row ranges included."""
    na, nd, nr, n_parts, nt, nc = (int(x) for x in rng.integers(0, 5, 6))
    lengths = [na + 1, na, na, na, na, nd, nd, nd, nr, na + 1, n_parts, nt * nc, nt, nc]
    if rng.random() < 0.1:
        lengths[rng.integers(0, 14)] += int(rng.choice([-1, 1]))
    arrays = [rng.integers(-3, 6, max(n, 0)).astype(np.int64) for n in lengths]
    for k, rows in (
        (0, nd),
        (9, n_parts),
    ):  # most row ranges run from 0 to the row count, as a caller makes them
        if rng.random() < 0.8 and len(arrays[k]):
            arrays[k] = np.sort(rng.integers(0, rows + 1, len(arrays[k]))).astype(np.int64)
            arrays[k][0], arrays[k][-1] = 0, rows
    for k in (11, 13):  # flags
        arrays[k] = (arrays[k] > 0).astype(np.int64)
    return (na, nd, nr, n_parts, nt, nc), tuple(arrays), tuple(int(x) for x in rng.integers(-1, 5, 4))


def mention_defect(corpus: dict, rng: random.Random) -> str:
    """One change of what rule_mentions_table reads; "reorder" may leave the corpus valid out of the build's order."""
    kind = rng.choice(["surface", "actor", "role", "overlap", "repeat", "reorder", "label", "label-role"])
    k, i = rng.randrange(corpus["mentions"].num_rows), rng.randrange(corpus["articles"].num_rows)

    def mentions(rows):
        row = rows[k]
        if kind == "surface":
            row["surface"] = row["surface"][:-1] + rng.choice(["ا", "x", ""])
        elif kind == "actor":
            row["actor_id"] = rng.choice(ACTORS)
        elif kind == "role":
            row["role"] = rng.choice(["participant", "mentioned", "observer"])
        elif kind == "overlap" and k + 1 < len(rows):
            row["end"] = rows[k + 1]["start"] + rng.choice([0, 1])
        elif kind == "repeat":
            rows.insert(k, dict(row))
        elif kind == "reorder" and k + 1 < len(rows):
            rows[k], rows[k + 1] = rows[k + 1], rows[k]

    def articles(rows):
        actors = rows[i]["actors"]
        if kind == "label" and actors:
            actors[0] = {**actors[0], "surfaces": actors[0]["surfaces"][1:]}
        elif actors:
            actors[0] = {**actors[0], "role": rng.choice(["participant", "mentioned"])}

    _edit(
        corpus,
        "articles" if kind.startswith("label") else "mentions",
        articles if kind.startswith("label") else mentions,
    )
    return kind


def random_strings(rng: np.random.Generator, n: int) -> tuple:
    """(offsets, data, wide, first, n) of n short strings; one in ten with an offset off or a row count off."""
    lengths = rng.integers(0, 3, n)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    data = rng.choice([b"a", b"b"], int(offsets[-1])).tobytes() if offsets[-1] else b""
    if rng.random() < 0.1 and n:
        offsets[rng.integers(0, n + 1)] += int(rng.choice([-2, 5]))
    first, count = (int(rng.integers(-1, 2)), n + int(rng.choice([-1, 1]))) if rng.random() < 0.1 else (0, n)
    return offsets, data, False, first, count


def mention_buffers(rng: np.random.Generator):
    """Arguments of mentions_valid drawn at random: mostly of the declared lengths, with row ranges and strings
    that fit, some that do not."""
    na, nm, nl, ns = (int(x) for x in rng.integers(0, 5, 4))
    ints = [
        np.sort(rng.integers(0, nm + 1, na + 1)),
        rng.integers(-2, 6, nm),
        rng.integers(-2, 6, nm),
        np.sort(rng.integers(0, nl + 1, na + 1)),
        np.sort(rng.integers(0, ns + 1, nl + 1)),
    ]
    for k, rows in ((0, nm), (3, nl), (4, ns)):
        if rng.random() < 0.8:
            ints[k][0], ints[k][-1] = 0, rows
    if rng.random() < 0.1:
        ints[rng.integers(0, 5)] = np.zeros(int(rng.integers(0, 4)))
    strings = [random_strings(rng, n) for n in (nm, nm, nm, nl, nl, ns)]
    return (na, nm, nl, ns), tuple(np.asarray(x, np.int64) for x in ints), tuple(strings)


def _move_row(rows: list, k: int, kind: str) -> bool:
    """The row-order defects every long table takes: row k dropped, repeated, or swapped with the next; False for
    any other kind (or a swap at the last row), which the caller plants itself."""
    if kind == "drop":
        rows.pop(k)
    elif kind == "repeat":
        rows.insert(k, dict(rows[k]))
    elif kind == "swap" and k + 1 < len(rows):
        rows[k], rows[k + 1] = rows[k + 1], rows[k]
    else:
        return False
    return True


def evidence_defect(corpus: dict, rng: random.Random) -> str:
    """One change of what rule_evidence_table reads; "swap" may leave the corpus valid out of the build's order, and
    a quote the articles row does not keep (outlet, event type) is not compared."""
    kind = rng.choice(
        ["value", "label", "quote", "drop", "repeat", "swap", "null", "outlet", "place", "cited"]
    )
    k, i = rng.randrange(corpus["evidence"].num_rows), rng.randrange(corpus["articles"].num_rows)

    def evidence(rows):
        row = rows[k]
        if _move_row(rows, k, kind):
            return
        if kind == "value":
            row["value"] = (row["value"] or "") + "x"
        elif kind == "label":
            row["label"] = rng.choice(["outlet", "attribution", "event_type", "cited_sources[1]", "place"])
        elif kind == "quote":
            row["quote"] = (row["quote"] or "") + "ا"
        elif kind == "null":
            row[rng.choice(["value", "quote"])] = None

    def articles(rows):
        row = rows[i]
        if kind == "outlet":
            row["outlet"] = rng.choice([None, "وكالة أخرى", row["outlet"]])
        elif kind == "place":
            row["place_quote"] = rng.choice([None, "", "في الرباط"])
        elif row["cited_sources"]:
            row["cited_sources"] = [{**row["cited_sources"][0], "name": "X"}, *row["cited_sources"][1:]]

    on_articles = kind in ("outlet", "place", "cited")
    _edit(corpus, "articles" if on_articles else "evidence", articles if on_articles else evidence)
    return kind


def location_defect(corpus: dict, rng: random.Random) -> str:
    """A quote moved to another place (the title, the capture, nowhere known), or a raw quote cut to part of its
    removed line (which the rule still finds in the removed lines, and the offsets pass leaves to it)."""
    table = rng.choice(["agreements", "dyads", "evidence"])
    kind = rng.choice(["title", "raw", "elsewhere", "part"])
    rows = corpus[table].to_pylist()
    row = rng.choice(rows)
    if kind == "part":
        raw = [r for r in rows if r["location"] == "raw" and r["quote"] and len(r["quote"]) > 3]
        if raw:
            row = rng.choice(raw)
            row["quote"] = row["quote"][1:]
            row["end"] = row["start"] + len(row["quote"])
    else:
        row["location"] = kind if kind != "elsewhere" else "caption"
    corpus[table] = pa.Table.from_pylist(rows, schema=columns.schema(table))
    return kind


def offset_buffers(rng: np.random.Generator):
    """Arguments of offsets_valid drawn at random: mostly of the declared lengths, some that do not fit."""
    na, nr, nd = (int(x) for x in rng.integers(0, 5, 3))
    quotes = random_strings(rng, nr)
    ints = [
        rng.integers(-1, na + 1, nr),
        rng.integers(-1, 3, nr),
        rng.integers(-1, 4, nr),
        rng.integers(0, 4, nr),
    ]
    ints.append(rng.integers(0, 2, nr))
    ints.append(np.sort(rng.integers(0, nd + 1, na + 1)))
    if rng.random() < 0.8:
        ints[5][0], ints[5][-1] = 0, nd
    if rng.random() < 0.1:
        ints[rng.integers(0, 6)] = np.zeros(int(rng.integers(0, 4)))
    return (na, nr, nd), tuple(np.asarray(x, np.int64) for x in ints), quotes, random_strings(rng, nd)


def label_defect(corpus: dict, rng: random.Random) -> str:
    """An actor labelled twice in an article, or a surface listed for another of its actors too (or twice for the
    same one, which is no finding)."""
    kind = rng.choice(["twice", "shared", "same-actor"])

    def articles(rows):
        actors = rng.choice([r for r in rows if len(r["actors"]) >= 2])["actors"]
        if kind == "twice":
            actors.append(dict(actors[0]))
        elif kind == "shared":
            actors[1] = {**actors[1], "surfaces": [*actors[1]["surfaces"], actors[0]["surfaces"][0]]}
        else:
            actors[0] = {**actors[0], "surfaces": [*actors[0]["surfaces"], actors[0]["surfaces"][0]]}

    _edit(corpus, "articles", articles)
    return kind


def agreement_defect(corpus: dict, rng: random.Random) -> str:
    """One change of what rule_agreements_table compares, in the agreements rows or in the articles' lists; "swap"
    of two rows of one article leaves the corpus valid out of the build's order, and sectors written as one joined
    value ("x\x1fy" for x and y) are no finding of the rule (it compares the joined sectors): the pass may leave
    both to the rule."""
    kind = rng.choice(
        ["instrument", "status", "year", "quote", "sectors", "joined", "index", "drop", "repeat", "swap",
         "article", "listed", "listed-sectors"]
    )  # fmt: skip
    k = rng.randrange(corpus["agreements"].num_rows)

    def agreements(rows):
        row = rows[k]
        if kind == "instrument":
            row["instrument"] = rng.choice(["agreement", "joint_statement", "verbal_commitment"])
        elif kind == "status":
            row["status"] = rng.choice(["planned", "referenced", "concluded"])
        elif kind == "year":
            row["year"] = rng.choice([None, 2001, 2020])
        elif kind == "quote":
            row["quote"] = row["quote"] + "ا"
        elif kind == "sectors":
            row["sectors"] = rng.choice([[], ["trade"], [*row["sectors"], "energy"], row["sectors"][::-1]])
        elif kind == "joined" and len(row["sectors"]) >= 2:
            row["sectors"] = ["\x1f".join(row["sectors"])]
        elif kind == "index":
            row["agreement_index"] += rng.choice([1, -1])
        elif _move_row(rows, k, kind):
            return
        elif kind == "article":
            row["article_id"] = rng.choice(rows)["article_id"]

    def articles(rows):
        listed = [r for r in rows if r["agreements"]]
        if not listed:
            return
        row = rng.choice(listed)
        first = row["agreements"][0]
        if kind == "listed":
            row["agreements"][0] = {**first, "status": rng.choice(["planned", "referenced"]), "year": 1999}
        else:
            row["agreements"][0] = {**first, "sectors": [*first["sectors"], "health"]}

    on_articles = kind in ("listed", "listed-sectors")
    _edit(corpus, "articles" if on_articles else "agreements", articles if on_articles else agreements)
    return kind


def evidence_buffers(rng: np.random.Generator):
    """Arguments of evidence_valid drawn at random: row ranges, labels (list or single, compared or not) and
    strings mostly of the declared lengths, some that do not fit."""
    na, nr = (int(x) for x in rng.integers(0, 5, 2))
    row_starts = np.sort(rng.integers(0, nr + 1, na + 1))
    if rng.random() < 0.8:
        row_starts[0], row_starts[-1] = 0, nr
    rows = tuple(random_strings(rng, nr) for _ in range(3))
    labels = []
    for _ in range(int(rng.integers(0, 4))):
        many, compared = bool(rng.integers(0, 2)), bool(rng.integers(0, 2))
        items = int(rng.integers(0, 6)) if many else na
        spans = np.sort(rng.integers(0, items + 1, na + 1)) if many else rng.integers(0, 2, na)
        if many and rng.random() < 0.8:
            spans[0], spans[-1] = 0, items
        quotes = random_strings(rng, items) if compared else None
        name = str(rng.choice(["a", "ab", "", "x" * 300]))
        labels.append((name, many, compared, np.asarray(spans, np.int64), random_strings(rng, items), quotes))
    valid = rng.integers(0, 2, nr + int(rng.random() < 0.1))
    return (na, nr), np.asarray(row_starts, np.int64), rows, np.asarray(valid, np.int64), labels
