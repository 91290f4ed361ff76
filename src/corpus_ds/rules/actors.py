"""Rules on actor labels: registry references, offices held on the event date, duplicates, registry aliases."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, textsearch
from corpus_ds.checks import check
from corpus_ds.rules.aliases import Aliases, aliases, searched_texts
from corpus_ds.rules.context import (
    Context,
    article_lists,
    first_of,
    flat,
    flat_starts,
    flat_surfaces,
    participants,
    registry_rows,
    surface_starts,
)


@check("articles", "unknown-actor")
def rule_actor_refs(ctx: Context) -> None:
    known = at.single(ctx.column("actors", "actor_id"))
    m = ctx.tables["mentions"]
    bad = np.flatnonzero(at.row_index(m.column("actor_id"), known) < 0)
    for aid, actor in ctx.each("mentions", bad, "article_id", "actor_id"):
        ctx.add(
            "unknown-actor", "mentions", "actor_id", aid, f"actor_id {actor!r} is not in the registry", actor
        )
    for column in ("actors", "cited_sources"):
        values, parents, position = flat(ctx, column)
        if not len(values):
            continue
        actor_id = pc.struct_field(values, "actor_id")
        unknown = registry_rows(ctx, column) < 0
        if actor_id.null_count:
            unknown &= at.np_bool(pc.is_valid(actor_id))
        bad = np.flatnonzero(unknown)
        for i, aid in zip(bad, ctx.values("articles", "article_id", parents[bad])):
            value = actor_id[int(i)].as_py()
            ctx.add(
                "unknown-actor",
                "articles",
                f"{column}[{position[i]}].actor_id",
                aid,
                f"actor_id {value!r} is not in the registry",
                value,
            )


# Offices per registered person beyond which rule_offices joins the labels with the offices instead of comparing
# each participant with each office of its actor (a registry lists a handful per person).
MAX_OFFICES = 16


@check("articles", "participant-without-office")
def rule_offices(ctx: Context) -> None:
    """A participating person held a registered office on the event date (each participant compared with the
    offices of its actor, or a join of labels and offices)."""
    actors, parents, position = flat(ctx, "actors")
    if not len(actors):
        return
    registry = ctx.tables["actors"]
    reg_row = registry_rows(ctx, "actors")
    if not registry.num_rows:
        return
    person = at.np_bool(pc.equal(registry.column("kind"), "person"))  # per registry row
    labelled = np.flatnonzero((reg_row >= 0) & participants(ctx))
    participant = labelled[person[reg_row[labelled]]]
    if not len(participant):
        return
    event_date = at.single(ctx.column("articles", "event_date"))
    covered = _covered(event_date, parents[participant], reg_row[participant], registry.column("offices"))
    actor_id = pc.struct_field(actors, "actor_id")
    for i in participant[~covered]:
        aid, who, when = (
            ctx.column("articles", "article_id")[int(parents[i])].as_py(),
            actor_id[int(i)].as_py(),
            event_date[int(parents[i])].as_py(),
        )
        ctx.add(
            "participant-without-office",
            "articles",
            f"actors[{position[i]}].actor_id",
            aid,
            f"{who} held no registered office on the event date {when}",
            who,
        )


def _covered(event_date: pa.Array, rows: np.ndarray, actor_rows: np.ndarray, offices) -> np.ndarray:
    """Whether an office of registry row actor_rows[k] covers the event date of article rows[k]: it started on or
    before it and had not ended before it (null start or date: not covered; null end: still held)."""
    held, office_actor, _ = at.flatten(offices)
    per_actor = np.bincount(office_actor, minlength=len(offices))
    if event_date.null_count or int(per_actor.max(initial=0)) > MAX_OFFICES:
        return _covered_by_join(event_date, rows, actor_rows, held, office_actor)
    day = at.np_int(pc.cast(event_date, pa.int32()))[rows]
    never = always = np.iinfo(np.int64).max
    start = at.np_int(at.fill_null(pc.cast(pc.struct_field(held, "start"), pa.int32()), 0))
    start[~at.np_bool(pc.is_valid(pc.struct_field(held, "start")))] = never
    end = at.np_int(at.fill_null(pc.cast(pc.struct_field(held, "end"), pa.int32()), 0))
    end[~at.np_bool(pc.is_valid(pc.struct_field(held, "end")))] = always
    # slot k of each actor: its k-th office (never covering where it has fewer)
    slots = int(per_actor.max(initial=0))
    first = np.concatenate([[0], np.cumsum(per_actor)[:-1]])
    order = np.argsort(office_actor, kind="stable")
    slot = np.arange(len(order)) - first[office_actor[order]]
    starts = np.full((len(per_actor), slots), never, np.int64)
    ends = np.full((len(per_actor), slots), always, np.int64)
    starts[office_actor[order], slot], ends[office_actor[order], slot] = start[order], end[order]
    covered = np.zeros(len(rows), bool)
    for k in range(slots):
        covered |= (starts[actor_rows, k] <= day) & (day <= ends[actor_rows, k])
    return covered


def _covered_by_join(event_date, rows, actor_rows, held, office_actor) -> np.ndarray:
    """_covered by a join of the labels with the offices (many offices per actor, or null event dates)."""
    labels = pa.table(
        {
            "label": pa.array(np.arange(len(rows))),
            "actor_row": pa.array(actor_rows),
            "event": event_date.take(pa.array(rows)),
        }
    )
    offices = pa.table(
        {
            "actor_row": pa.array(office_actor),
            "start": pc.struct_field(held, "start"),
            "end": pc.struct_field(held, "end"),
        }
    )
    joined = labels.join(offices, "actor_row", join_type="inner")
    covers = pc.and_kleene(
        pc.less_equal(joined.column("start"), joined.column("event")),
        pc.or_kleene(
            pc.is_null(joined.column("end")), pc.less_equal(joined.column("event"), joined.column("end"))
        ),
    )
    covered = np.zeros(len(rows), bool)
    covered[at.np_int(pc.filter(joined.column("label"), at.fill_null(covers, False)))] = True
    return covered


def actor_labels_pass(ctx: Context) -> bool:
    """Whether rule_actor_labels would find nothing, from one compiled pass over each article's labelled actors."""
    kernel = checkkernel.compiled()
    if kernel is None:
        return False
    actors, _, _ = flat(ctx, "actors")
    surfaces, _, _ = flat_surfaces(ctx)
    label_starts, starts = flat_starts(ctx, "actors"), surface_starts(ctx)
    if label_starts is None or starts is None:
        return False
    return kernel.labels_valid(
        (ctx.tables["articles"].num_rows, len(actors), len(surfaces)),
        label_starts,
        checkkernel.strings(pc.struct_field(actors, "actor_id")),
        starts,
        checkkernel.strings(surfaces),
    )


@check("articles", "duplicate-actor-label", "surface-two-actors", valid_if=actor_labels_pass)
def rule_actor_labels(ctx: Context) -> None:
    """An actor is labelled once per article, and a surface form names one actor."""
    actors, parents, position, aids = article_lists(ctx, "actors")
    if not len(actors):
        return
    actor_id = pc.struct_field(actors, "actor_id")
    first = first_of(parents, actor_id)
    for i in np.flatnonzero(first != np.arange(len(first))):
        who = actor_id[int(i)].as_py()
        ctx.add(
            "duplicate-actor-label",
            "articles",
            f"actors[{position[i]}].actor_id",
            aids[int(i)].as_py(),
            f"{who} is already labelled at actors[{position[first[i]]}]",
            who,
        )
    surfaces, sp, _ = flat_surfaces(ctx)
    if not len(surfaces):
        return
    first = first_of(parents[sp], surfaces)
    owner = actor_id.take(pa.array(sp))
    other = owner.take(pa.array(first))
    for j in np.flatnonzero(~at.np_bool(pc.equal(owner, other))):
        i = int(sp[j])
        ctx.add(
            "surface-two-actors",
            "articles",
            f"actors[{position[i]}].surfaces",
            aids[i].as_py(),
            f"surface {surfaces[int(j)].as_py()!r} is listed for both {other[int(j)].as_py()} "
            f"and {owner[int(j)].as_py()}",
            surfaces[int(j)].as_py(),
        )


ALIAS_COLUMNS = ["article_id", "text", "actors", "alias_waivers"]


@check("articles", "alias-not-labelled", "waiver-unused", full=True)
def rule_aliases_labelled(ctx: Context) -> None:
    """Every registry alias found in a text is labelled there or waived with a reason: this catches forgotten actors.

    An occurrence inside a waived name, or inside a longer name the registry gives another actor, is not the actor's
    (derive.containers). An ambiguous alias (one that also names someone or something else) is settled occurrence
    by occurrence: each of its other occurrences must be a mention (a labelled surface covers it), even where its
    actor is labelled elsewhere in the text. Names and texts are compared folded (arabic.fold), so that no disguise
    that leaves a name looking the same (a tatweel, a harakah, ة written as ه, an invisible character inserted inside
    it, doubled spaces) hides it. Full: the texts are folded and every alias is searched at once (Aho-Corasick, by
    the compiled extension from the texts' bytes where it is built); an article is checked alias by alias only where
    that search finds what may need a report, or where a character only fold() folds is in its text.
    """
    articles = ctx.tables["articles"]
    if textsearch.has_null_labels(articles):
        aliases_labelled_reference(ctx)  # a null label: the per-article check says what it makes of it
        return
    registry = aliases(ctx)
    searched = searched_texts(ctx)
    if searched is None:  # the reference search: the texts as Python strings, a batch at a time
        for batch in textsearch.article_batches(articles):
            for k, folded in enumerate(textsearch.fold_all(batch.texts)):
                if batch.waives[k] or registry.may_report(folded, batch.actor_ids[k]):
                    registry.report(ctx, batch.row(k, ALIAS_COLUMNS))
        return
    closer = textsearch.waiving(articles) | ~searched.folded | registry.may_report_rows(searched, articles)
    for i in np.flatnonzero(closer):  # the exact check, on the few articles the search leaves in doubt
        registry.report(ctx, articles.select(ALIAS_COLUMNS).slice(int(i), 1).to_pylist()[0])


def aliases_labelled_reference(ctx: Context) -> None:
    """rule_aliases_labelled checking every article alias by alias (the reference the tests compare it with)."""
    registry = Aliases(ctx.tables["actors"])
    for row in ctx.tables["articles"].select(ALIAS_COLUMNS).to_pylist():
        registry.report(ctx, row)
