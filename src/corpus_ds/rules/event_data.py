"""Rules on the event-data labels: directed dyads, their derived scores, the place of the event and instrument
identity, vectorised over the Arrow columns like the other fast rules."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import cameo, checkkernel, vocab
from corpus_ds.checks import check
from corpus_ds.rules.context import (
    Context,
    article_lists,
    first_of,
    flat,
    inconsistent,
    participants,
    registry_rows,
)

INSTRUMENT_SIGNED = ("agreement", "memorandum_of_understanding", "joint_statement")
# The columns of the agreements table the cross-article rule of instrument identity needs (a keys-scope table).
INSTRUMENT_KEY_COLUMNS = ("article_id", "agreement_index", "instrument_id", "instrument", "status", "year")

_EVENT_TYPES = list(vocab.EVENT_TYPES)
_CODES = list(vocab.DYAD_CODES)
# ALLOWED[event type, code]: whether a dyad of that event may carry that code
_ALLOWED = np.array(
    [[code in vocab.DYAD_CODES_BY_EVENT_TYPE[t][1] for code in _CODES] for t in _EVENT_TYPES], bool
)
_REQUIRED = np.array([_CODES.index(vocab.DYAD_CODES_BY_EVENT_TYPE[t][0]) for t in _EVENT_TYPES])


def _index(values, vocabulary) -> np.ndarray:
    """Position of each value in a vocabulary (a list of strings), -1 where absent or null."""
    return at.row_index(values, pa.array(list(vocabulary), pa.string()))


def _keys(columns: list[np.ndarray]) -> np.ndarray:
    """One integer per row of integer columns (codes >= -1), equal exactly where the rows are equal; a key about to
    overflow is first renumbered densely."""
    key = columns[0].astype(np.int64) + 1
    for column in columns[1:]:
        size = int(column.max()) + 2 if len(column) else 1
        if len(key) and (int(key.max()) + 1) * size >= 2**62:
            key = np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)
        key = key * size + (column.astype(np.int64) + 1)
    return key


def _rows_in(rows: list[np.ndarray], reference: list[np.ndarray]) -> np.ndarray:
    """Whether each row of integer columns occurs among the rows of the reference columns."""
    n = len(rows[0])
    if not n or not len(reference[0]):
        return np.zeros(n, bool)
    key = _keys([np.concatenate([r, f]) for r, f in zip(rows, reference)])
    return at.np_bool(pc.is_in(pa.array(key[:n]), value_set=pa.array(key[n:])))


def _canonical_rows(ctx: Context) -> np.ndarray:
    """For each article row, the row its id maps to in the long tables (the last row of a duplicated id)."""
    ids = at.single(ctx.column("articles", "article_id"))
    return len(ids) - 1 - at.row_index(ids, ids[::-1])


_RECIPROCAL = np.isin(np.arange(len(_CODES)), [_CODES.index(c) for c in vocab.RECIPROCAL_CODES])


def dyads_pass(ctx: Context) -> bool:
    """Whether rule_dyads would find nothing, from one compiled pass over integer codes of the columns it reads
    (False, and the rule runs, for tables not in the build's order or values the pass does not take)."""
    kernel = ctx.ordered_kernel()
    a, d, registry = ctx.tables["articles"], ctx.tables["dyads"], ctx.tables["actors"]
    if kernel is None:
        return False
    n = a.num_rows
    rows = ctx.article_rows("dyads")
    dyad_starts = checkkernel.starts(rows, n)
    if dyad_starts is None or not _same_event(a, d, rows):
        return False
    _, parents, _ = flat(ctx, "actors")
    registered = registry.column("actor_id")
    participant = participants(ctx)
    part_starts = checkkernel.starts(parents[participant], n)
    who = registry_rows(ctx, "actors")
    countries = pc.unique(pc.drop_null(at.single(registry.column("country"))))
    place = at.row_index(a.column("place_country"), countries)
    place[(place < 0) & at.np_bool(pc.is_valid(a.column("place_country")))] = -2  # a country no actor has
    columns = (
        dyad_starts,
        _index(a.column("event_type"), _EVENT_TYPES),
        _index(a.column("cameo_code"), _CODES),
        _signed(ctx),
        place,
        _index(d.column("code"), _CODES),
        at.row_index(d.column("source"), registered),
        at.row_index(d.column("target"), registered),
        at.row_index(registry.column("country"), countries),
        part_starts,
        who[participant],
        _ALLOWED.ravel(),
        _REQUIRED,
        _RECIPROCAL,
    )
    counts = (n, d.num_rows, registry.num_rows, int(participant.sum()), len(_EVENT_TYPES), len(_CODES))
    visits = tuple(_CODES.index(c) for c in ("042", "043", "044", "057"))
    return kernel.dyads_valid(counts, tuple(checkkernel.int64s(c) for c in columns), visits)


def _same_event(a: pa.Table, d: pa.Table, rows: np.ndarray) -> bool:
    """Every dyad copies its article's event id and date."""
    take = pa.array(rows, pa.int64())
    same = pc.and_(
        pc.equal(at.single(d.column("event_id")), at.single(a.column("event_id")).take(take)),
        pc.equal(at.single(d.column("event_date")), at.single(a.column("event_date")).take(take)),
    )
    return same.null_count == 0 and pc.all(same).as_py() is True


def _signed(ctx: Context) -> np.ndarray:
    """Per article, whether a signed instrument (INSTRUMENT_SIGNED) was concluded at the event."""
    values, parents, _ = flat(ctx, "agreements")
    signed = np.zeros(ctx.tables["articles"].num_rows, bool)
    if len(values):
        done = at.np_bool(pc.equal(pc.struct_field(values, "status"), "concluded")) & at.np_bool(
            at.in_set(pc.struct_field(values, "instrument"), INSTRUMENT_SIGNED)
        )
        signed[parents[done]] = True
    return signed


@check(
    "articles",
    "dyad-actor",
    "dyad-code",
    "dyad-direction",
    "dyad-missing",
    "table-inconsistent",
    valid_if=dyads_pass,
)
def rule_dyads(ctx: Context) -> None:
    """Dyads join labelled participants and carry the codes their event type allows, in the right direction."""
    a, d = ctx.tables["articles"], ctx.tables["dyads"]
    if not a.num_rows:
        return
    arow = ctx.article_rows("dyads")
    known = arow >= 0  # a dyad of an unknown article is rule_offsets' to report
    rows = np.where(known, arow, 0)
    take = pa.array(rows, pa.int64())
    event_type = _index(at.single(a.column("event_type")).take(take), _EVENT_TYPES)
    code = _index(d.column("code"), _CODES)
    aids = at.single(d.column("article_id"))
    # dyads must copy their article's event
    same = at.np_bool(
        pc.and_(
            pc.equal(at.single(d.column("event_id")), at.single(a.column("event_id")).take(take)),
            pc.equal(at.single(d.column("event_date")), at.single(a.column("event_date")).take(take)),
        )
    )
    inconsistent(ctx, "dyads", set(at.take_py(aids, np.flatnonzero(known & ~same))))
    _dyad_actors(ctx, rows, known)
    allowed = np.zeros(len(code), bool)
    typed = known & (event_type >= 0)
    allowed[typed] = (code[typed] >= 0) & _ALLOWED[event_type[typed], np.maximum(code[typed], 0)]
    bad = np.flatnonzero(typed & ~allowed)
    for i, (aid, index, value) in zip(bad, ctx.each("dyads", bad, "article_id", "dyad_index", "code")):
        kind = _EVENT_TYPES[event_type[i]]
        allowed_codes = ", ".join(vocab.DYAD_CODES_BY_EVENT_TYPE[kind][1])
        ctx.add(
            "dyad-code",
            "dyads",
            f"dyads[{index}]",
            aid,
            f"code {value} is not allowed for a {kind}: expected one of {allowed_codes}",
            value,
        )
    actor_ids = pc.unique(pa.concat_arrays([at.single(d.column("source")), at.single(d.column("target"))]))
    source, target = (at.row_index(d.column(side), actor_ids) for side in ("source", "target"))
    reciprocal = known & np.isin(code, [_CODES.index(c) for c in vocab.RECIPROCAL_CODES])
    mine = np.flatnonzero(known & (code >= 0))
    reverse = np.zeros(len(code), bool)
    reverse[reciprocal] = _rows_in(
        [rows[reciprocal], target[reciprocal], source[reciprocal], code[reciprocal]],
        [rows[mine], source[mine], target[mine], code[mine]],
    )
    lone = np.flatnonzero(reciprocal & ~reverse)
    for aid, index, src, tgt, c in ctx.each(
        "dyads", lone, "article_id", "dyad_index", "source", "target", "code"
    ):
        ctx.add(
            "dyad-code",
            "dyads",
            f"dyads[{index}]",
            aid,
            f"code {c} is reciprocal: the dyad {tgt} -> {src} is missing",
            c,
        )
    _dyad_direction(ctx, rows, known, code)
    _article_codes(ctx, rows[mine], code[mine])


def _dyad_actors(ctx: Context, rows: np.ndarray, known: np.ndarray) -> None:
    """dyad-actor: source and target are labelled participants of the article, and two different actors."""
    d = ctx.tables["dyads"]
    actors, parents, _, _ = article_lists(ctx, "actors")
    participant = (
        at.np_bool(pc.equal(pc.struct_field(actors, "role"), "participant"))
        if len(actors)
        else np.zeros(0, bool)
    )
    labelled = pc.struct_field(actors, "actor_id") if len(actors) else pa.array([], pa.string())
    vocabulary = pc.unique(
        pa.concat_arrays(
            [
                at.single(labelled).cast(pa.string()),
                at.single(d.column("source")),
                at.single(d.column("target")),
            ]
        )
    )
    who = at.row_index(labelled, vocabulary)
    canonical = _canonical_rows(ctx)[parents] if len(parents) else parents
    reference = [canonical[participant], who[participant]]
    for side in ("source", "target"):
        ok = _rows_in([rows, at.row_index(d.column(side), vocabulary)], reference)
        for aid, index, value in ctx.each(
            "dyads", np.flatnonzero(known & ~ok), "article_id", "dyad_index", side
        ):
            ctx.add(
                "dyad-actor",
                "dyads",
                f"dyads[{index}].{side}",
                aid,
                f"{side} {value} is not a labelled participant",
                value,
            )
    same = np.flatnonzero(known & at.np_bool(pc.equal(d.column("source"), d.column("target"))))
    for aid, index, value in ctx.each("dyads", same, "article_id", "dyad_index", "source"):
        ctx.add("dyad-actor", "dyads", f"dyads[{index}]", aid, "source and target are the same actor", value)


def _dyad_direction(ctx: Context, rows: np.ndarray, known: np.ndarray, code: np.ndarray) -> None:
    """042 goes from a visitor to the place's country, 043 from it; 044 involves neither side's country."""
    d, registry = ctx.tables["dyads"], ctx.tables["actors"]
    place = at.single(ctx.column("articles", "place_country")).take(pa.array(rows, pa.int64()))

    def country(side: str) -> pa.Array:
        """The registry country of each dyad's source or target (null for an actor the registry lacks)."""
        found = at.row_index(d.column(side), registry.column("actor_id"))
        countries = at.single(registry.column("country"))
        if not len(countries):
            return pa.nulls(len(found), pa.string())
        listed = countries.take(pa.array(np.maximum(found, 0), pa.int64()))
        return pc.if_else(pa.array(found >= 0), listed, pa.scalar(None, pa.string()))

    src, tgt = country("source"), country("target")
    comparable = (
        known & at.np_bool(pc.is_valid(place)) & at.np_bool(pc.is_valid(src)) & at.np_bool(pc.is_valid(tgt))
    )
    src_home, tgt_home = at.np_bool(pc.equal(src, place)), at.np_bool(pc.equal(tgt, place))
    wrong = comparable & (
        ((code == _CODES.index("042")) & ~(~src_home & tgt_home))
        | ((code == _CODES.index("043")) & ~(src_home & ~tgt_home))
        | ((code == _CODES.index("044")) & (src_home | tgt_home))
    )
    bad = np.flatnonzero(wrong)
    where = pa.array(bad, pa.int64())
    countries = zip(*(values.take(where).to_pylist() for values in (src, tgt, place)))
    for (aid, index, c, s, t), (s_home, t_home, p) in zip(
        ctx.each("dyads", bad, "article_id", "dyad_index", "code", "source", "target"), countries
    ):
        ctx.add(
            "dyad-direction",
            "dyads",
            f"dyads[{index}]",
            aid,
            f"code {c} from {s} ({s_home}) to {t} ({t_home}) does not fit a place in {p}",
            c,
        )


def _article_codes(ctx: Context, rows: np.ndarray, code: np.ndarray) -> None:
    """Per article: some dyad, the code its event type requires, cameo_code among the dyads' codes, and a signing
    (057) only with a signed instrument concluded at the event."""
    a = ctx.tables["articles"]
    canonical = _canonical_rows(ctx)
    has = np.isin(canonical, rows)
    event_type = _index(a.column("event_type"), _EVENT_TYPES)
    for article_id, kind in ctx.each("articles", np.flatnonzero(~has), "article_id", "event_type"):
        ctx.add("dyad-missing", "dyads", "code", article_id, "the event has no dyad (codebook: dyads)", kind)
    typed = np.flatnonzero(has & (event_type >= 0))
    required = _REQUIRED[event_type[typed]]
    missing = typed[~_rows_in([canonical[typed], required], [rows, code])]
    for article_id, kind in ctx.each("articles", missing, "article_id", "event_type"):
        needed = vocab.DYAD_CODES_BY_EVENT_TYPE[kind][0]
        ctx.add("dyad-code", "dyads", "code", article_id, f"a {kind} needs a dyad with code {needed}", needed)
    cameo_code = _index(a.column("cameo_code"), _CODES)
    carried = np.zeros(a.num_rows, bool)
    carried[has] = _rows_in([canonical[has], cameo_code[has]], [rows, code])
    for article_id, value in ctx.each("articles", np.flatnonzero(has & ~carried), "article_id", "cameo_code"):
        ctx.add(
            "dyad-code",
            "articles",
            "cameo_code",
            article_id,
            f"cameo_code {value} is the code of none of the article's dyads",
            value,
        )
    signing = _rows_in([canonical, np.full(a.num_rows, _CODES.index("057"))], [rows, code])
    values, parents, _, _ = article_lists(ctx, "agreements")
    signed = np.zeros(a.num_rows, bool)
    if len(values):
        done = at.np_bool(pc.equal(pc.struct_field(values, "status"), "concluded")) & at.np_bool(
            at.in_set(pc.struct_field(values, "instrument"), INSTRUMENT_SIGNED)
        )
        signed[parents[done]] = True
    for article_id in ctx.values("articles", "article_id", np.flatnonzero(signing & ~signed)):
        ctx.add(
            "dyad-code",
            "dyads",
            "code",
            article_id,
            "a 057 dyad (signing) needs a concluded agreement, memorandum or joint statement",
            "057",
        )


@check("articles", "derived-score-mismatch")
def rule_dyad_scores(ctx: Context) -> None:
    """Each dyad's Goldstein score and QuadClass are those of the shipped CAMEO tables (looked up once per code)."""
    d = ctx.tables["dyads"]
    codes = at.single(d.column("code")).dictionary_encode()
    scores, classes, unknown = [], [], []
    for value in codes.dictionary.to_pylist():
        try:
            scores.append(cameo.goldstein(value))
            classes.append(cameo.quad_class(value))
            unknown.append(None)
        except cameo.UnknownCode as exc:
            scores.append(np.nan)
            classes.append(-1)
            unknown.append(str(exc))
    index = at.np_int(codes.indices)
    # per distinct code, then per row through the codes' indices (no Python step per row)
    listed = np.array([u is None for u in unknown], bool)[index] if len(index) else np.zeros(0, bool)
    unlisted = np.flatnonzero(~listed)
    for i, (aid, value) in zip(unlisted, ctx.each("dyads", unlisted, "article_id", "code")):
        ctx.add("derived-score-mismatch", "dyads", "code", aid, unknown[index[i]], value)
    goldstein = np.asarray(at.fill_null(d.column("goldstein"), np.nan).to_numpy(), float)
    quad_class = at.np_int(at.fill_null(d.column("quad_class"), -1))
    wrong = listed & (
        (goldstein != np.array(scores, float)[index]) | (quad_class != np.array(classes, np.int64)[index])
    )
    columns = ("article_id", "dyad_index", "code", "goldstein", "quad_class")
    for aid, index, value, score, quad in ctx.each("dyads", np.flatnonzero(wrong), *columns):
        ctx.add(
            "derived-score-mismatch",
            "dyads",
            f"dyads[{index}]",
            aid,
            f"code {value}: expected Goldstein {cameo.goldstein(value)} and QuadClass {cameo.quad_class(value)}, "
            f"found {score} and {quad}",
            value,
        )


@check("articles", "place-missing", "place-unsourced-id")
def rule_place(ctx: Context) -> None:
    """An event that happens somewhere has a place; a GeoNames id comes with the record it was read from."""
    a = ctx.tables["articles"]
    placed = at.np_bool(at.in_set(a.column("event_type"), vocab.PLACED_EVENT_TYPES))
    missing = placed & ~at.np_bool(pc.is_valid(a.column("place_city")))
    for aid, kind in ctx.each("articles", np.flatnonzero(missing), "article_id", "event_type"):
        ctx.add(
            "place-missing",
            "articles",
            "place_city",
            aid,
            f"a {kind} happens somewhere: expected event.place with the quote naming it",
            kind,
        )
    source = a.column("place_geonames_source")
    unsourced = at.np_bool(pc.is_valid(a.column("place_geonames_id"))) & ~at.np_bool(
        pc.greater(pc.utf8_length(source), 0)
    )
    for aid, geonames_id in ctx.each(
        "articles", np.flatnonzero(unsourced), "article_id", "place_geonames_id"
    ):
        ctx.add(
            "place-unsourced-id",
            "articles",
            "place_geonames_id",
            aid,
            "a GeoNames id needs geonames_source, the URL of the record it was read from",
            str(geonames_id),
        )


def instrument_identity_pass(ctx: Context) -> bool:
    """Whether rule_instrument_identity would find nothing because no instrument_id is named twice (then no two
    rows can disagree); where some are, the rule decides."""
    kernel = checkkernel.compiled()
    ids = ctx.column("agreements", "instrument_id")
    return kernel is not None and kernel.distinct(checkkernel.strings(ids))


@check("keys", "instrument-conflict", valid_if=instrument_identity_pass)
def rule_instrument_identity(ctx: Context) -> None:
    """Articles sharing an instrument_id agree on its type, its status at one event, and its date (across every
    article, like event ids: the keys scope gathers the instrument columns of every partition)."""
    g, a = ctx.tables["agreements"], ctx.tables["articles"]
    article = at.row_index(g.column("article_id"), a.column("article_id"))
    ids = at.single(g.column("instrument_id"))
    codes = at.row_index(ids, pc.unique(ids))
    shared = np.bincount(codes)[codes] > 1 if len(codes) else np.zeros(0, bool)
    keep = np.flatnonzero((article >= 0) & shared)  # an instrument one row names cannot conflict
    if not len(keep):
        return
    pick = pa.array(keep, pa.int64())
    of_article = pa.array(article[keep], pa.int64())

    def column(table: pa.Table, name: str, index: pa.Array) -> pa.Array:
        return at.single(table.column(name)).take(index)

    instrument_id, instrument, status, year = (
        column(g, name, pick) for name in ("instrument_id", "instrument", "status", "year")
    )
    event_id, event_date = column(a, "event_id", of_article), column(a, "event_date", of_article)
    group = at.row_index(instrument_id, pc.unique(instrument_id))
    n, n_groups = len(keep), int(group.max()) + 1
    order = np.arange(n)
    first = np.full(n_groups, n, np.int64)
    np.minimum.at(first, group, order)
    days = at.np_int(pc.cast(event_date, pa.int32()))
    problems: list[tuple[int, int, str]] = []  # (row, kind, message)

    def report(kind: int, mask: np.ndarray, message) -> None:
        problems.extend((int(i), kind, message(int(i))) for i in np.flatnonzero(mask))

    other_type = ~at.np_bool(pc.equal(instrument, instrument.take(pa.array(first[group]))))
    report(
        0,
        other_type,
        lambda i: (
            f"is a {instrument[int(first[group[i]])].as_py()} in "
            f"{a.column('article_id')[int(article[keep[first[group[i]]]])].as_py()}, a {instrument[i].as_py()} here"
        ),
    )
    first_at_event = first_of(group, event_id)
    other_status = ~at.np_bool(pc.equal(status, status.take(pa.array(first_at_event))))
    report(
        1,
        other_status,
        lambda i: (
            f"is {status[int(first_at_event[i])].as_py()} at event {event_id[i].as_py()} in another "
            f"article, {status[i].as_py()} here"
        ),
    )
    concluded = np.flatnonzero(at.np_bool(pc.equal(status, "concluded")))
    events = np.zeros(n_groups, np.int64)  # distinct (event, day) at which each instrument is concluded
    if len(concluded):
        event_code = at.row_index(event_id, pc.unique(event_id))
        _, first_pair = np.unique(
            _keys([group[concluded], event_code[concluded], days[concluded]]), return_index=True
        )
        np.add.at(events, group[concluded][first_pair], 1)
    report(2, events[group] > 1, lambda i: f"is concluded at {events[group[i]]} events")
    first_concluded = np.full(n_groups, n - 1, np.int64)  # where events == 1: the row that concludes it
    np.minimum.at(first_concluded, group[concluded], concluded)
    once = events[group] == 1
    on = days[first_concluded[group]]

    def on_day(i: int):
        return event_date[int(first_concluded[group[i]])].as_py()

    referenced = at.np_bool(pc.equal(status, "referenced"))
    planned = at.np_bool(pc.equal(status, "planned"))
    report(
        3,
        once & referenced & ~(days > on),
        lambda i: f"is referenced at {event_date[i].as_py()}, not after it was concluded on {on_day(i)}",
    )
    years = at.np_int(at.fill_null(year, -1))
    on_year = at.np_int(pc.year(event_date))[first_concluded[group]]
    report(
        4,
        once & referenced & (years >= 0) & (years != on_year),
        lambda i: f"has year {years[i]} here, but was concluded on {on_day(i)}",
    )
    report(
        5,
        once & planned & ~(days < on),
        lambda i: f"is planned at {event_date[i].as_py()}, not before it was concluded on {on_day(i)}",
    )
    for i, _, message in sorted(problems):
        index, value = g.column("agreement_index")[int(keep[i])].as_py(), instrument_id[i].as_py()
        ctx.add(
            "instrument-conflict",
            "articles",
            f"agreements[{index}].instrument_id",
            g.column("article_id")[int(keep[i])].as_py(),
            f"instrument {value} {message}",
            value,
        )
