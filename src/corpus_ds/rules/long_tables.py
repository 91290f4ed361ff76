"""Rules tying the long tables (mentions, agreements, evidence) to the articles that imply them."""

from __future__ import annotations

import functools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, textsearch, vocab
from corpus_ds.checks import check
from corpus_ds.derive import containers, find_mentions, occurrences, registered_names
from corpus_ds.labels import EVIDENCE_LABELS
from corpus_ds.rules.context import (
    Context,
    article_lists,
    flat,
    flat_starts,
    flat_surfaces,
    inconsistent,
    joined,
    surface_starts,
)


def agreements_pass(ctx: Context) -> bool:
    """Whether rule_agreements_table would find nothing: the agreements rows are, one for one and in the build's
    order, those the articles' agreements lists imply, compared column by column where they lie (no table of the
    expected rows, no joined sectors). False, and the rule runs, for ids that repeat or are out of order, rows in
    another order, nulls among the sectors, or any value that differs."""
    if ctx.ordered_kernel() is None:  # each article its own row (and the reference path runs the rule)
        return False
    values, parents, position = flat(ctx, "agreements")
    t = ctx.tables["agreements"]
    if t.num_rows != len(values) or not np.array_equal(ctx.article_rows("agreements"), parents):
        return False  # (ids unique: the same article row is the same article_id)
    ids, index = t.schema.field("article_id").type, t.schema.field("agreement_index").type
    if not ids.equals(ctx.tables["articles"].schema.field("article_id").type) or not index.equals(pa.int16()):
        return (
            False  # the rule's tables of expected and found rows could not be put together: it reports that
        )
    if not np.array_equal(at.np_int(t.column("agreement_index")), position):
        return False
    expected = pa.table(
        {name: pc.struct_field(values, name) for name in ("instrument", "status", "year", "quote")}
    )
    found = pa.table({name: at.single(t.column(name)) for name in expected.column_names})
    return at.same_rows(expected, found, expected.column_names) and _same_lists(
        pc.struct_field(values, "sectors"), at.single(t.column("sectors"))
    )


def _same_lists(expected: pa.Array, found: pa.Array) -> bool:
    """Lists of strings of the same lengths and values, without nulls (then their joined forms are equal too)."""
    if not expected.type.equals(found.type) or expected.null_count or found.null_count:
        return False
    e, f = pc.list_flatten(expected), pc.list_flatten(found)
    if e.null_count or f.null_count or len(e) != len(f):
        return False
    lengths = at.np_int(pc.list_value_length(expected)), at.np_int(pc.list_value_length(found))
    return np.array_equal(*lengths) and (not len(e) or pc.all(pc.equal(e, f)).as_py() is True)


@check("articles", "table-inconsistent", valid_if=agreements_pass)
def rule_agreements_table(ctx: Context) -> None:
    values, _parents, position, aids = article_lists(ctx, "agreements")
    expected = pa.table(
        {
            "article_id": aids,
            "agreement_index": pa.array(position, pa.int16()),
            "instrument": pc.struct_field(values, "instrument"),
            "status": pc.struct_field(values, "status"),
            "sectors": joined(pc.struct_field(values, "sectors")),
            "year": pc.struct_field(values, "year"),
            "quote": pc.struct_field(values, "quote"),
        }
    )
    t = ctx.tables["agreements"]
    found = pa.table(
        {
            name: at.single(t.column(name))
            for name in ("article_id", "agreement_index", "instrument", "status", "year", "quote")
        }
    )
    found = found.append_column("sectors", joined(t.column("sectors")))
    inconsistent(ctx, "agreements", at.group_counts_differ(expected, found, expected.column_names))


def _text(values):
    """A label's values as the evidence table writes them (dates in ISO form)."""
    return pc.cast(values, pa.string())


def evidence_pass(ctx: Context) -> bool:
    """Whether rule_evidence_table would find nothing: one compiled pass that walks each article's evidence rows
    beside the rows its articles row implies, label by label in the declarations' order (False, and the rule runs,
    for rows in another order, or nulls where the rule compares values)."""
    kernel = ctx.ordered_kernel()
    a, e = ctx.tables["articles"], ctx.tables["evidence"]
    if kernel is None:
        return False
    row_starts = checkkernel.starts(ctx.article_rows("evidence"), a.num_rows)
    if row_starts is None or e.column("value").null_count:
        return False
    labels = [_expected(ctx, label) for label in EVIDENCE_LABELS]
    if any(label is None for label in labels):
        return False
    rows = tuple(checkkernel.strings(at.fill_null(e.column(c), "")) for c in ("label", "value", "quote"))
    valid = checkkernel.int64s(at.np_bool(pc.is_valid(e.column("quote"))))
    return kernel.evidence_valid((a.num_rows, e.num_rows), row_starts, rows, valid, labels)


def _expected(ctx: Context, label) -> tuple | None:
    """(name, many, compared, spans, values, quotes) of one label for the evidence pass; None where a value or a
    quote the rule would compare is null (the pass compares bytes only)."""
    a = ctx.tables["articles"]
    if label.many:
        values, _, _ = flat(ctx, label.column)
        spans = flat_starts(ctx, label.column)
        value = pc.cast(pc.struct_field(values, label.value), pa.string())
        quote = pc.struct_field(values, label.quote_column) if label.quote_column else None
        present = None
    else:
        value = _text(a.column(label.column))
        quote = a.column(label.quote_column) if label.quote_column else None
        present = pc.greater(pc.utf8_length(quote), 0) if quote is not None else pc.is_valid(value)
        present = pc.fill_null(present, False)
        spans = checkkernel.int64s(at.np_bool(present))
    kept = [value] + ([quote] if quote is not None else [])
    if spans is None or any(_null_where(x, present) for x in kept):
        return None
    strings = [checkkernel.strings(at.fill_null(at.single(x), "")) for x in kept]
    return (
        label.name,
        label.many,
        quote is not None,
        spans,
        strings[0],
        strings[1] if quote is not None else None,
    )


def _null_where(values, present) -> bool:
    """A null among the values the rule reads (every item of a list label; a single label where present)."""
    if not values.null_count:
        return False
    nulls = pc.is_null(values)
    return bool(pc.any(nulls if present is None else pc.and_(nulls, present)).as_py())


@check("articles", "table-inconsistent", valid_if=evidence_pass)
def rule_evidence_table(ctx: Context) -> None:
    """The evidence rows of each article are exactly those its articles row implies (labels.EVIDENCE_LABELS)."""
    a = ctx.tables["articles"]
    aid = at.single(a.column("article_id"))
    parts, rows = [], []

    def part(mask, label, value, quote=None) -> None:
        """The evidence rows one label gives, for every article that has the label (called in the build's order)."""
        keep = np.flatnonzero(at.np_bool(mask))
        idx = pa.array(keep, pa.int64())
        quotes = at.single(quote).take(idx) if quote is not None else pa.nulls(len(keep), pa.string())
        parts.append(
            pa.table(
                {
                    "article_id": aid.take(idx),
                    "label": pa.array([label] * len(keep), pa.string()),
                    "value": at.single(value).take(idx),
                    "quote": quotes,
                }
            )
        )
        rows.append(keep)

    for label in EVIDENCE_LABELS:  # in the declarations' order, as the build writes them
        if label.many:
            values, parents, position, aids = article_lists(ctx, label.column)
            quotes = pc.struct_field(values, label.quote_column) if label.quote_column else None
            parts.append(
                pa.table(
                    {
                        "article_id": aids,
                        "label": pc.binary_join_element_wise(
                            f"{label.name}[", pc.cast(pa.array(position), pa.string()), "]", ""
                        ),
                        "value": pc.cast(pc.struct_field(values, label.value), pa.string()),
                        "quote": quotes if quotes is not None else pa.nulls(len(values), pa.string()),
                    }
                )
            )
            rows.append(parents)
        elif label.quote_column:  # present where the article keeps its quote
            quote = a.column(label.quote_column)
            part(pc.greater(pc.utf8_length(quote), 0), label.name, _text(a.column(label.column)), quote)
        else:
            part(pc.is_valid(a.column(label.column)), label.name, _text(a.column(label.column)))
    expected = pa.concat_tables([p.cast(parts[0].schema) for p in parts])
    # the parts are in rank order and each is in article order: a stable sort by article alone gives (article, rank),
    # and merges the sorted runs in linear time where a two-key lexsort would sort everything
    expected = expected.take(pa.array(np.argsort(np.concatenate(rows), kind="stable")))
    e = ctx.tables["evidence"]
    label = at.single(e.column("label"))
    compared = [x.name for x in EVIDENCE_LABELS if x.quote_column]  # the quotes an articles row keeps
    with_quote = pc.is_in(pc.replace_substring_regex(label, r"\[\d+\]$", ""), value_set=pa.array(compared))
    found = pa.table(
        {
            "article_id": at.single(e.column("article_id")),
            "label": label,
            "value": at.single(e.column("value")),
            "quote": pc.if_else(with_quote, at.single(e.column("quote")), pa.scalar(None, pa.string())),
        }
    )
    inconsistent(
        ctx, "evidence", at.group_counts_differ(expected, found, ["article_id", "label", "value", "quote"])
    )


def mentions_pass(ctx: Context) -> bool:
    """Whether rule_mentions_table would find nothing, from one compiled pass over each article's mentions and its
    labelled actors (False, and the rule runs, for tables not in the build's order or values it does not take)."""
    kernel = ctx.ordered_kernel()
    a, m = ctx.tables["articles"], ctx.tables["mentions"]
    if kernel is None:
        return False
    mention_starts = checkkernel.starts(ctx.article_rows("mentions"), a.num_rows)
    actors, _, _ = flat(ctx, "actors")
    label_starts, starts = flat_starts(ctx, "actors"), surface_starts(ctx)
    if mention_starts is None or label_starts is None or starts is None or not len(actors):
        return False
    roles = pc.struct_field(actors, "role")
    if not checkkernel.all_in(roles, vocab.ROLES):
        return False  # a role outside the vocabulary (or a null) matches nothing in the rule
    surfaces, _, _ = flat_surfaces(ctx)
    if not _keys_fit(a.num_rows, pc.struct_field(actors, "actor_id"), surfaces):
        return False  # the rule's keys do not fit an integer (it then reports that it failed): it decides
    columns = (
        mention_starts,
        at.np_int(at.fill_null(m.column("start"), -1)),
        at.np_int(at.fill_null(m.column("end"), -1)),
        label_starts,
        starts,
    )
    strings = (m.column("actor_id"), m.column("role"), m.column("surface"))
    strings += (pc.struct_field(actors, "actor_id"), roles, surfaces)
    return kernel.mentions_valid(
        (a.num_rows, m.num_rows, len(actors), len(surfaces)),
        tuple(checkkernel.int64s(c) for c in columns),
        tuple(checkkernel.strings(s) for s in strings),
    )


@check("articles", "table-inconsistent", fast_only=True, valid_if=mentions_pass)
def rule_mentions_table(ctx: Context) -> None:
    """Each mention is a labelled surface of a labelled actor in its role, and mentions of an article do not overlap.

    That every occurrence is listed (the longest-wins search of find_mentions) is checked by rule_mentions_complete.
    """
    actors, parents, _position, _aids = article_lists(ctx, "actors")
    surfaces, sp, _ = flat_surfaces(ctx)
    m = ctx.tables["mentions"]
    # (article row, actor, role, surface) as one integer per row: codes instead of joined strings
    vocabulary = {
        "actor_id": pc.unique(pc.struct_field(actors, "actor_id")),
        "role": pa.array(list(vocab.ROLES)),
        "surface": pc.unique(surfaces),
    }
    labelled = _combined(
        [
            parents[sp],
            at.row_index(pc.struct_field(actors, "actor_id").take(pa.array(sp)), vocabulary["actor_id"]),
            at.row_index(pc.struct_field(actors, "role").take(pa.array(sp)), vocabulary["role"]),
            at.row_index(surfaces, vocabulary["surface"]),
        ],
        ctx.tables["articles"].num_rows,
        vocabulary,
    )
    mention = _combined(
        [
            ctx.article_rows("mentions"),
            at.row_index(m.column("actor_id"), vocabulary["actor_id"]),
            at.row_index(m.column("role"), vocabulary["role"]),
            at.row_index(m.column("surface"), vocabulary["surface"]),
        ],
        ctx.tables["articles"].num_rows,
        vocabulary,
    )
    bad = ~at.np_bool(pc.is_in(pa.array(mention), value_set=pa.array(labelled))) | (mention < 0)
    arows = ctx.article_rows("mentions")
    starts = at.np_int(at.fill_null(m.column("start"), -1))
    ends = at.np_int(at.fill_null(m.column("end"), -1))
    # the build writes mentions in (article, start) order: sort only a table that is not
    step = np.diff(arows)
    in_order = bool(np.all((step > 0) | ((step == 0) & (np.diff(starts) >= 0))))
    order = np.arange(m.num_rows) if in_order else np.lexsort((starts, arows))
    overlap = np.zeros(m.num_rows, bool)
    if m.num_rows > 1:
        same = arows[order][1:] == arows[order][:-1]
        overlap[order[1:]] = same & (starts[order][1:] < ends[order][:-1])
    inconsistent(ctx, "mentions", set(ctx.values("mentions", "article_id", np.flatnonzero(bad | overlap))))


def _keys_fit(n_rows: int, actor_ids: pa.Array, surfaces: pa.Array) -> bool:
    """Whether rule_mentions_table's keys fit an integer (as _combined sizes them); the distinct values are only
    counted where the row counts alone leave it in doubt (millions of articles)."""
    sizes = [n_rows + 1, len(actor_ids) + 1, len(vocab.ROLES) + 1, len(surfaces) + 1]
    if float(np.prod(sizes, dtype=np.float64)) < 2**62:
        return True
    sizes[1], sizes[3] = len(pc.unique(actor_ids)) + 1, len(pc.unique(surfaces)) + 1
    return float(np.prod(sizes, dtype=np.float64)) < 2**62


def _combined(codes: list[np.ndarray], n_rows: int, vocabulary: dict) -> np.ndarray:
    """Mixed-radix integer of (article row, actor, role, surface) codes; -1 where any part is unknown."""
    sizes = [n_rows + 1] + [len(v) + 1 for v in vocabulary.values()]
    if float(np.prod(sizes, dtype=np.float64)) >= 2**62:
        raise ValueError("too many distinct values to combine into one integer key")
    key = np.zeros(len(codes[0]), np.int64)
    for code, size in zip(codes, sizes):
        key = key * size + code
    return np.where(np.all([c >= 0 for c in codes], axis=0), key, -1) if len(key) else key


MENTION_COLUMNS = ["actor_id", "role", "surface", "start", "end"]
SOURCE_COLUMNS = ["article_id", "text", "actors", "alias_waivers"]


@check("articles", "table-inconsistent", full=True)
def rule_mentions_complete(ctx: Context) -> None:
    """The mentions table is exactly what find_mentions gives for every article (full: each article's listed
    mentions are checked against its text and every surface counted; find_mentions itself runs where forms overlap,
    a longer name may hold one, or the listed mentions are not all there is)."""
    articles = ctx.tables["articles"]
    if pc.count_distinct(articles.column("article_id")).as_py() != articles.num_rows:
        mentions_complete_reference(ctx)  # a repeated article id: the reference's last-row-wins reading
        return
    if textsearch.has_null_labels(articles):
        mentions_complete_reference(ctx)  # a null label: the per-article check says what it makes of it
        return
    registered = registered_names(
        ctx.tables["actors"].select(["actor_id", "aliases_ar", "ambiguous_aliases"]).to_pylist()
    )
    contained = functools.cache(lambda surface, actor: bool(containers(surface, actor, (), registered)))
    arows = ctx.article_rows("mentions")
    order = np.argsort(arows, kind="stable")
    bounds = np.searchsorted(arows[order], np.arange(articles.num_rows + 1))
    bad = set(ctx.values("mentions", "article_id", order[: bounds[0]]))  # rows of no article
    mentions = ctx.tables["mentions"].select(MENTION_COLUMNS)
    if not np.array_equal(order, np.arange(len(order))):  # the build writes them in article order
        mentions = mentions.take(order)
    sure = _all_listed(articles, mentions.slice(bounds[0]), arows[order][bounds[0] :], contained)
    if sure is None:  # the reference search: the texts as Python strings, a batch at a time
        for batch in textsearch.article_batches(articles):
            first, n = batch.first, len(batch.texts)
            listed = mentions.slice(bounds[first], bounds[first + n] - bounds[first])
            listed_rows = list(zip(*(listed.column(c).to_pylist() for c in MENTION_COLUMNS)))
            for k in range(n):
                mine = listed_rows[bounds[first + k] - bounds[first] : bounds[first + k + 1] - bounds[first]]
                if batch.waives[k] or not _listed_are_all(batch.texts[k], batch.labels[k], mine, contained):
                    row = batch.row(k, SOURCE_COLUMNS)
                    if _differs(row, mine, registered):
                        bad.add(row["article_id"])
    else:
        for i in np.flatnonzero(textsearch.waiving(articles) | ~sure):  # the exact check, where in doubt
            listed = mentions.slice(bounds[i], bounds[i + 1] - bounds[i])
            mine = list(zip(*(listed.column(c).to_pylist() for c in MENTION_COLUMNS)))
            row = articles.select(SOURCE_COLUMNS).slice(int(i), 1).to_pylist()[0]
            if _differs(row, mine, registered):
                bad.add(row["article_id"])
    inconsistent(ctx, "mentions", bad)


def _all_listed(articles: pa.Table, mentions: pa.Table, rows: np.ndarray, contained) -> np.ndarray | None:
    """_listed_are_all() of every article at once, by Arrow, numpy and the compiled text pass and counter: whether
    the listed mentions (rows: each one's article, in order) are for certain what find_mentions gives. None where
    the compiled code is not built or declines (the per-article check then runs)."""
    from corpus_ds import textkernel

    kernel = textkernel.compiled()
    texts = articles.column("text")
    if kernel is None or texts.null_count or any(mentions.column(c).null_count for c in MENTION_COLUMNS):
        return None
    n = articles.num_rows
    sure = np.ones(n, bool)
    labels, label_rows, _ = at.flatten(articles.column("actors"))
    surfaces, owners, _ = at.flatten(pc.struct_field(labels, "surfaces"))
    if surfaces.null_count or pc.struct_field(labels, "role").null_count:
        return None
    s_rows = label_rows[owners] if len(owners) else owners
    # each surface and each owner (actor and role) as a code shared by the labels and the mentions
    surface_code, n_surfaces = _codes(surfaces, mentions.column("surface"))
    actor_code, _ = _codes(pc.struct_field(labels, "actor_id").take(owners), mentions.column("actor_id"))
    role_code, _ = _codes(pc.struct_field(labels, "role").take(owners), mentions.column("role"))
    k = len(surfaces)
    s_key = s_rows * n_surfaces + surface_code[:k]
    # a surface listed once per article, not empty, that no longer registered name may hold
    keys, first, count = np.unique(s_key, return_index=True, return_counts=True)
    sure[keys[count > 1] // max(n_surfaces, 1)] = False
    sure[s_rows[at.np_bool(pc.equal(pc.utf8_length(surfaces), 0))]] = False
    pair = surface_code[:k] * (int(actor_code.max(initial=0)) + 1) + actor_code[:k]
    distinct, one = np.unique(pair, return_index=True)  # each (surface, actor) asked once
    held = [
        p for p, j in zip(distinct, one) if contained(surfaces[int(j)].as_py(), _actor_of(labels, owners, j))
    ]
    sure[s_rows[np.isin(pair, held)]] = False
    # each listed mention a labelled surface of its own owner
    m_key = rows * n_surfaces + surface_code[k:]
    if len(keys):
        at_key = np.minimum(np.searchsorted(keys, m_key), len(keys) - 1)
        label = first[at_key]
        same_owner = (actor_code[label] == actor_code[k:]) & (role_code[label] == role_code[k:])
        owned = (keys[at_key] == m_key) & same_owner
    else:
        owned = np.zeros(len(rows), bool)
    sure[rows[~owned]] = False
    # none overlapping, each at its offsets
    starts, ends = at.np_int(mentions.column("start")), at.np_int(mentions.column("end"))
    by_start = np.lexsort((starts, rows))
    overlap = (rows[by_start][1:] == rows[by_start][:-1]) & (starts[by_start][1:] < ends[by_start][:-1])
    sure[rows[by_start][1:][overlap]] = False
    lengths = at.np_int(pc.utf8_length(mentions.column("surface")))
    try:
        listed = at.single(mentions.column("surface"))
        _, _, (found,) = textkernel.scan(kernel, texts, [(rows, starts, np.arange(len(rows)), listed)])
        counts = _counts(kernel, texts, s_rows, surfaces)
    except textkernel.Declined:
        return None
    sure[rows[~found | (ends - starts != lengths)]] = False
    # as many listed as the labelled surfaces occur
    sure &= np.bincount(s_rows, weights=counts, minlength=n) == np.bincount(rows, minlength=n)
    return sure


def _codes(*arrays) -> tuple[np.ndarray, int]:
    """The values of the arrays, one after the other, as codes of their distinct values; and how many there are."""
    encoded = pc.dictionary_encode(pa.chunked_array([at.single(a) for a in arrays]).combine_chunks())
    return at.np_int(encoded.indices), len(encoded.dictionary)


def _actor_of(labels: pa.Array, owners: np.ndarray, j: int) -> str:
    return pc.struct_field(labels, "actor_id")[int(owners[j])].as_py()


def _counts(kernel, texts: pa.ChunkedArray, rows: np.ndarray, surfaces: pa.Array) -> np.ndarray:
    """How many times each surface occurs in the text of its row (overlapping occurrences included), by chunk."""
    from corpus_ds import textkernel

    counts = np.zeros(len(rows), np.int64)
    order = np.argsort(rows, kind="stable")
    base = 0
    for chunk in texts.chunks:
        lo, hi = np.searchsorted(rows[order], [base, base + len(chunk)])
        part = order[lo:hi]
        if len(part):
            out = np.zeros(len(part), np.int64)
            needles = surfaces.take(pa.array(part))
            try:
                kernel.count_in_rows(
                    *textkernel._strings(chunk), np.ascontiguousarray(rows[part] - base, np.int64),
                    *textkernel._strings(needles), out,
                )  # fmt: skip
            except ValueError as exc:
                raise textkernel.Declined(str(exc)) from None
            counts[part] = out
        base += len(chunk)
    return counts


def _listed_are_all(text: str, labels: dict, listed: list[tuple], contained) -> bool:
    """Whether the listed mentions of an article without waivers are, for certain, exactly what find_mentions
    gives: each one a labelled surface at its offsets, none overlapping, as many as the text holds occurrences of
    the labelled surfaces, and no surface another labelled surface or a longer registered name could hold."""
    for surface, owners in labels.items():
        if len(owners) != 1 or not surface or contained(surface, owners[0][0]):
            return False
    end_before = 0
    for actor_id, role, surface, start, end in sorted(listed, key=lambda m: m[3]):
        if labels.get(surface) != [(actor_id, role)] or start < end_before or text[start:end] != surface:
            return False
        end_before = end
    return sum(_occurrences(text, surface) for surface in labels) == len(listed)


def _occurrences(text: str, surface: str) -> int:
    """How many times surface occurs in text, overlapping occurrences included."""
    return len(occurrences(text, surface)) if _overlaps_itself(surface) else text.count(surface)


@functools.cache
def _overlaps_itself(surface: str) -> bool:
    """Whether two occurrences of surface can overlap (str.count counts them once)."""
    return any(surface[:k] == surface[-k:] for k in range(1, len(surface)))


def _differs(a: dict, listed: list[tuple], registered: dict) -> bool:
    """Whether the listed mentions differ from find_mentions' (as multisets)."""
    expected = find_mentions(a["text"], a["actors"], [w["alias"] for w in a["alias_waivers"]], registered)
    want = sorted(repr((m["actor_id"], m["role"], m["surface"], m["start"], m["end"])) for m in expected)
    return want != sorted(repr(m) for m in listed)


def mentions_complete_reference(ctx: Context) -> None:
    """rule_mentions_complete with find_mentions run on every article (the reference the tests compare it with)."""
    names = ["article_id", "text", "actors", "alias_waivers"]
    articles = {r["article_id"]: r for r in ctx.tables["articles"].select(names).to_pylist()}
    registered = registered_names(
        ctx.tables["actors"].select(["actor_id", "aliases_ar", "ambiguous_aliases"]).to_pylist()
    )
    expected = {
        aid: sorted(
            repr((m["actor_id"], m["role"], m["surface"], m["start"], m["end"]))
            for m in find_mentions(
                a["text"], a["actors"], [w["alias"] for w in a["alias_waivers"]], registered
            )
        )
        for aid, a in articles.items()
    }
    found: dict[str, list] = {}
    for r in ctx.tables["mentions"].to_pylist():
        found.setdefault(r["article_id"], []).append(
            repr((r["actor_id"], r["role"], r["surface"], r["start"], r["end"]))
        )
    inconsistent(
        ctx,
        "mentions",
        {aid for aid in set(expected) | set(found) if expected.get(aid, []) != sorted(found.get(aid, []))},
    )
