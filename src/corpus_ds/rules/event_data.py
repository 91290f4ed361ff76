"""Rules on the event-data labels: directed dyads, the place of the event and instrument identity."""

from __future__ import annotations

from collections import defaultdict

from corpus_ds import cameo, models
from corpus_ds.checks import check
from corpus_ds.rules.context import Context

INSTRUMENT_SIGNED = ("agreement", "memorandum_of_understanding", "joint_statement")


def _dyads_by_article(ctx: Context) -> dict[str, list[dict]]:
    out = defaultdict(list)
    for row in (
        ctx.tables["dyads"].select(["article_id", "dyad_index", "source", "target", "code"]).to_pylist()
    ):
        out[row["article_id"]].append(row)
    return out


def _countries(ctx: Context) -> dict[str, str]:
    return dict(zip(*(ctx.tables["actors"].column(c).to_pylist() for c in ("actor_id", "country"))))


@check("articles", "dyad-actor", "dyad-code", "dyad-direction", "dyad-missing", full=True)
def rule_dyads(ctx: Context) -> None:
    """Dyads join labelled participants, carry the codes their event type allows in the right direction."""
    dyads, country = _dyads_by_article(ctx), _countries(ctx)
    columns = ["article_id", "event_type", "cameo_code", "place_country", "actors", "agreements"]
    for art in ctx.tables["articles"].select(columns).to_pylist():
        aid, event_type, rows = art["article_id"], art["event_type"], dyads.get(art["article_id"], [])
        if not rows:
            ctx.add(
                "dyad-missing", "dyads", "code", aid, "the event has no dyad (codebook: dyads)", event_type
            )
            continue
        participants = {a["actor_id"] for a in art["actors"] if a["role"] == "participant"}
        required, allowed = models.DYAD_CODES_BY_EVENT_TYPE[event_type]
        present = {(d["source"], d["target"], d["code"]) for d in rows}
        for d in rows:
            where = f"dyads[{d['dyad_index']}]"
            for side in ("source", "target"):
                if d[side] not in participants:
                    ctx.add(
                        "dyad-actor",
                        "dyads",
                        where,
                        aid,
                        f"{side} {d[side]} is not a labelled participant",
                        d[side],
                    )
            if d["source"] == d["target"]:
                ctx.add(
                    "dyad-actor", "dyads", where, aid, "source and target are the same actor", d["source"]
                )
            if d["code"] not in allowed:
                ctx.add(
                    "dyad-code",
                    "dyads",
                    where,
                    aid,
                    f"code {d['code']} is not allowed for a {event_type}: expected one of {', '.join(allowed)}",
                    d["code"],
                )
            if d["code"] in models.RECIPROCAL_CODES and (d["target"], d["source"], d["code"]) not in present:
                ctx.add(
                    "dyad-code",
                    "dyads",
                    where,
                    aid,
                    f"code {d['code']} is reciprocal: the dyad {d['target']} -> {d['source']} is missing",
                    d["code"],
                )
            _direction(ctx, aid, where, d, country, art["place_country"])
        if required not in {d["code"] for d in rows}:
            ctx.add(
                "dyad-code",
                "dyads",
                "code",
                aid,
                f"a {event_type} needs a dyad with code {required}",
                required,
            )
        if art["cameo_code"] not in {d["code"] for d in rows}:
            ctx.add(
                "dyad-code",
                "articles",
                "cameo_code",
                aid,
                f"cameo_code {art['cameo_code']} is the code of none of the article's dyads",
                art["cameo_code"],
            )
        signed = any(
            g["status"] == "concluded" and g["instrument"] in INSTRUMENT_SIGNED for g in art["agreements"]
        )
        if "057" in {d["code"] for d in rows} and not signed:
            ctx.add(
                "dyad-code",
                "dyads",
                "code",
                aid,
                "a 057 dyad (signing) needs a concluded agreement, memorandum or joint statement",
                "057",
            )


def _direction(ctx: Context, aid: str, where: str, d: dict, country: dict, place: str | None) -> None:
    """042 goes from a visitor to the place's country, 043 from it; 044 involves neither side's country."""
    src, tgt = country.get(d["source"]), country.get(d["target"])
    if d["code"] not in ("042", "043", "044") or place is None or src is None or tgt is None:
        return
    expected = {
        "042": src != place and tgt == place,
        "043": src == place and tgt != place,
        "044": place not in (src, tgt),
    }[d["code"]]
    if not expected:
        ctx.add(
            "dyad-direction",
            "dyads",
            where,
            aid,
            f"code {d['code']} from {d['source']} ({src}) to {d['target']} ({tgt}) does not fit a place in {place}",
            d["code"],
        )


@check("articles", "derived-score-mismatch", full=True)
def rule_dyad_scores(ctx: Context) -> None:
    """Each dyad's Goldstein score and QuadClass are those of the shipped CAMEO tables."""
    table = ctx.tables["dyads"].select(["article_id", "dyad_index", "code", "goldstein", "quad_class"])
    for d in table.to_pylist():
        try:
            expected = (cameo.goldstein(d["code"]), cameo.quad_class(d["code"]))
        except cameo.UnknownCode as exc:
            ctx.add("derived-score-mismatch", "dyads", "code", d["article_id"], str(exc), d["code"])
            continue
        if (d["goldstein"], d["quad_class"]) != expected:
            ctx.add(
                "derived-score-mismatch",
                "dyads",
                f"dyads[{d['dyad_index']}]",
                d["article_id"],
                f"code {d['code']}: expected Goldstein {expected[0]} and QuadClass {expected[1]}, "
                f"found {d['goldstein']} and {d['quad_class']}",
                d["code"],
            )


@check("articles", "place-missing", "place-unsourced-id", full=True)
def rule_place(ctx: Context) -> None:
    """An event that happens somewhere has a place; a GeoNames id comes with the record it was read from."""
    columns = ["article_id", "event_type", "place_city", "place_geonames_id", "place_geonames_source"]
    for art in ctx.tables["articles"].select(columns).to_pylist():
        if art["event_type"] in models.PLACED_EVENT_TYPES and art["place_city"] is None:
            ctx.add(
                "place-missing",
                "articles",
                "place_city",
                art["article_id"],
                f"a {art['event_type']} happens somewhere: expected event.place with the quote naming it",
                art["event_type"],
            )
        if art["place_geonames_id"] is not None and not art["place_geonames_source"]:
            ctx.add(
                "place-unsourced-id",
                "articles",
                "place_geonames_id",
                art["article_id"],
                "a GeoNames id needs geonames_source, the URL of the record it was read from",
                str(art["place_geonames_id"]),
            )


@check("articles", "instrument-conflict", full=True)
def rule_instrument_identity(ctx: Context) -> None:
    """Articles sharing an instrument_id agree on its type, its status at one event, and its date."""
    mentions = defaultdict(list)
    for art in (
        ctx.tables["articles"].select(["article_id", "event_id", "event_date", "agreements"]).to_pylist()
    ):
        for i, g in enumerate(art["agreements"]):
            mentions[g["instrument_id"]].append((art, i, g))
    for instrument_id, found in mentions.items():
        first_art, _, first = found[0]
        concluded = {(a["event_id"], a["event_date"]) for a, _, g in found if g["status"] == "concluded"}
        status_at = {}
        for art, i, g in found:
            problems = []
            if g["instrument"] != first["instrument"]:
                problems.append(
                    f"is a {first['instrument']} in {first_art['article_id']}, a {g['instrument']} here"
                )
            known = status_at.setdefault(art["event_id"], g["status"])
            if known != g["status"]:
                problems.append(
                    f"is {known} at event {art['event_id']} in another article, {g['status']} here"
                )
            if len(concluded) > 1:
                problems.append(f"is concluded at {len(concluded)} events")
            elif concluded:
                (_, on) = next(iter(concluded))
                if g["status"] == "referenced" and not art["event_date"] > on:
                    problems.append(
                        f"is referenced at {art['event_date']}, not after it was concluded on {on}"
                    )
                if g["status"] == "referenced" and g["year"] is not None and g["year"] != on.year:
                    problems.append(f"has year {g['year']} here, but was concluded on {on}")
                if g["status"] == "planned" and not art["event_date"] < on:
                    problems.append(f"is planned at {art['event_date']}, not before it was concluded on {on}")
            for problem in problems:
                ctx.add(
                    "instrument-conflict",
                    "articles",
                    f"agreements[{i}].instrument_id",
                    art["article_id"],
                    f"instrument {instrument_id} {problem}",
                    instrument_id,
                )
