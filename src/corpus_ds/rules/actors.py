"""Rules on actor labels: registry references, offices held on the event date, duplicates, registry aliases."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, textsearch
from corpus_ds.checks import check
from corpus_ds.rules.aliases import Aliases, aliases, searched_texts
from corpus_ds.rules.context import Context, article_lists, first_of, flat, flat_surfaces


@check("articles", "unknown-actor")
def rule_actor_refs(ctx: Context) -> None:
    known = at.single(ctx.column("actors", "actor_id"))
    m = ctx.tables["mentions"]
    bad = np.flatnonzero(~at.np_bool(pc.is_in(m.column("actor_id"), value_set=known)))
    for aid, actor in ctx.each("mentions", bad, "article_id", "actor_id"):
        ctx.add(
            "unknown-actor", "mentions", "actor_id", aid, f"actor_id {actor!r} is not in the registry", actor
        )
    for column in ("actors", "cited_sources"):
        values, parents, position = flat(ctx, column)
        if not len(values):
            continue
        actor_id = pc.struct_field(values, "actor_id")
        unknown = at.np_bool(pc.is_valid(actor_id)) & ~at.np_bool(pc.is_in(actor_id, value_set=known))
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


@check("articles", "participant-without-office")
def rule_offices(ctx: Context) -> None:
    """A participating person held a registered office on the event date (a join of labels and offices)."""
    actors, parents, position, aids = article_lists(ctx, "actors")
    if not len(actors):
        return
    registry = ctx.tables["actors"]
    actor_id = pc.struct_field(actors, "actor_id")
    reg_row = at.row_index(actor_id, registry.column("actor_id"))
    kind = (
        at.single(registry.column("kind")).take(pa.array(np.where(reg_row >= 0, reg_row, 0)))
        if registry.num_rows
        else None
    )
    person = (reg_row >= 0) & (at.np_bool(pc.equal(kind, "person")) if kind is not None else False)
    participants = np.flatnonzero(
        at.np_bool(pc.equal(pc.struct_field(actors, "role"), "participant")) & person
    )
    if not len(participants):
        return
    event = at.single(ctx.column("articles", "event_date")).take(pa.array(parents[participants]))
    offices, office_actor, _ = at.flatten(registry.column("offices"))
    labels = pa.table(
        {"label": pa.array(participants), "actor_row": pa.array(reg_row[participants]), "event": event}
    )
    held = pa.table(
        {
            "actor_row": pa.array(office_actor),
            "start": pc.struct_field(offices, "start"),
            "end": pc.struct_field(offices, "end"),
        }
    )
    joined = labels.join(held, "actor_row", join_type="inner")
    covers = pc.and_kleene(
        pc.less_equal(joined.column("start"), joined.column("event")),
        pc.or_kleene(
            pc.is_null(joined.column("end")), pc.less_equal(joined.column("event"), joined.column("end"))
        ),
    )
    covered = at.np_int(pc.filter(joined.column("label"), at.fill_null(covers, False)))
    for i in participants[~np.isin(participants, covered)]:
        aid, who, when = (
            aids[int(i)].as_py(),
            actor_id[int(i)].as_py(),
            ctx.tables["articles"].column("event_date")[int(parents[i])].as_py(),
        )
        ctx.add(
            "participant-without-office",
            "articles",
            f"actors[{position[i]}].actor_id",
            aid,
            f"{who} held no registered office on the event date {when}",
            who,
        )


def actor_labels_pass(ctx: Context) -> bool:
    """Whether rule_actor_labels would find nothing, from one compiled pass over each article's labelled actors."""
    kernel = checkkernel.compiled()
    if kernel is None:
        return False
    actors, parents, _ = flat(ctx, "actors")
    surfaces, owner, _ = flat_surfaces(ctx)
    return kernel.labels_valid(
        (ctx.tables["articles"].num_rows, len(actors), len(surfaces)),
        checkkernel.starts(parents, ctx.tables["articles"].num_rows),
        checkkernel.strings(pc.struct_field(actors, "actor_id")),
        checkkernel.starts(owner, len(actors)),
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
