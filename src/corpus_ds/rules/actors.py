"""Rules on actor labels: registry references, offices held on the event date, duplicates, registry aliases."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import checkkernel, derive, textsearch
from corpus_ds.arabic import fold
from corpus_ds.checks import check
from corpus_ds.rules.context import Context, article_lists, first_of


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
        values, parents, position = at.flatten(ctx.column("articles", column))
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
    actors, parents, _ = at.flatten(ctx.column("articles", "actors"))
    surfaces, owner, _ = at.flatten(pc.struct_field(actors, "surfaces"))
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
    surfaces, sp, _ = at.flatten(pc.struct_field(actors, "surfaces"))
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
    aliases = _aliases(ctx)
    searched = searched_texts(ctx)
    if searched is None:  # the reference search: the texts as Python strings, a batch at a time
        for batch in textsearch.article_batches(articles):
            for k, folded in enumerate(textsearch.fold_all(batch.texts)):
                if batch.waives[k] or aliases.may_report(folded, batch.actor_ids[k]):
                    aliases.report(ctx, batch.row(k, ALIAS_COLUMNS))
        return
    closer = textsearch.waiving(articles) | ~searched.folded | aliases.may_report_rows(searched, articles)
    for i in np.flatnonzero(closer):  # the exact check, on the few articles the search leaves in doubt
        aliases.report(ctx, articles.select(ALIAS_COLUMNS).slice(int(i), 1).to_pylist()[0])


def searched_texts(ctx: Context) -> textsearch.Searched | None:
    """The one compiled pass over the texts that the full rules searching them share (the registry's names, the
    weekday names, forbidden characters), made once per context by the first of them to ask; None where the
    compiled search is not built or declines."""
    return ctx.once(
        "searched texts", lambda c: textsearch.search_texts(c.column("articles", "text"), _aliases(c).keys)
    )


def _aliases(ctx: Context) -> _Aliases:
    return ctx.once("aliases", lambda c: _Aliases(c.tables["actors"]))


def aliases_labelled_reference(ctx: Context) -> None:
    """rule_aliases_labelled checking every article alias by alias (the reference the tests compare it with)."""
    aliases = _Aliases(ctx.tables["actors"])
    for row in ctx.tables["articles"].select(ALIAS_COLUMNS).to_pylist():
        aliases.report(ctx, row)


class _Aliases:
    """The registry's names as the alias rule compares them, and the exact check of one article."""

    def __init__(self, actors: pa.Table):
        registry = actors.select(["actor_id", "aliases_ar", "ambiguous_aliases"]).to_pylist()
        self.names = derive.registered_names(registry)
        self.registered = {actor: tuple(_key(n) for n in own) for actor, own in self.names.items()}
        ambiguous_raw = {a["alias"] for r in registry for a in r["ambiguous_aliases"] or ()}
        self.ambiguous = {
            _key(a["alias"]): (a["alias"], r["actor_id"])
            for r in registry
            for a in r["ambiguous_aliases"] or ()
        }
        self.aliases = [
            (_key(alias), alias, r["actor_id"])
            for r in registry
            for alias in r["aliases_ar"]
            if alias not in ambiguous_raw and _key(alias)
        ]
        self.actors_of: dict[str, set[str]] = {}
        for key, _alias, actor_id in self.aliases:
            self.actors_of.setdefault(key, set()).add(actor_id)
        self.keys = [*self.actors_of, *self.ambiguous]
        self.search = textsearch.Patterns(self.keys)

    def may_report(self, folded: str, labelled: set[str]) -> bool:
        """Whether report() may find something in an article without waivers: an ambiguous alias, or an alias of an
        actor the article does not label, in its folded text."""
        found = self.search.found(folded)
        return any(key in self.ambiguous or not self.actors_of.get(key, set()) <= labelled for key in found)

    def may_report_rows(self, searched: textsearch.Searched, articles: pa.Table) -> np.ndarray:
        """may_report() of every article at once, from the bits of the compiled search (textsearch)."""
        labelled, parents, _ = at.flatten(articles.column("actors"))
        ids = pc.struct_field(labelled, "actor_id")
        without: dict[str, np.ndarray] = {}  # per actor, the articles that do not label it

        def not_labelling(actor: str) -> np.ndarray:
            if actor not in without:
                has = np.zeros(articles.num_rows, bool)
                has[parents[at.np_bool(pc.equal(ids, actor))]] = True
                without[actor] = ~has
            return without[actor]

        out = np.zeros(articles.num_rows, bool)
        for p, key in enumerate(searched.patterns.patterns):
            if key not in self.ambiguous and key not in self.actors_of:
                continue  # a pattern another rule searched for
            rows = textsearch.has_pattern(searched.found, p)
            if not rows.any():
                continue
            if key in self.ambiguous:
                out |= rows
            for actor in self.actors_of.get(key, ()):
                out |= rows & not_labelling(actor)
        return out

    def report(self, ctx: Context, row: dict) -> None:
        """The aliases of one article: each alias checked in the folded text."""
        aid, text = row["article_id"], row["text"]
        folded, index = fold(text)
        have = {a["actor_id"] for a in row["actors"]}
        waived = [_key(w["alias"]) for w in row["alias_waivers"]]
        for key, alias, actor_id in self.aliases:
            if key in folded and actor_id not in have:
                free = _free(folded, key, actor_id, waived, self.registered)
                if free:
                    start, end = _span(index, free[0], key)
                    written = "" if text[start:end] == alias else f" (written {text[start:end]!r})"
                    ctx.add(
                        "alias-not-labelled",
                        "articles",
                        "actors",
                        aid,
                        f"registry alias {alias!r} of {actor_id} occurs in the text{written}; "
                        "label the actor or add an alias_waivers "
                        "entry with a reason",
                        alias,
                    )
        raw_waived = [w["alias"] for w in row["alias_waivers"]]
        spans = [
            (m["start"], m["end"]) for m in derive.find_mentions(text, row["actors"], raw_waived, self.names)
        ]
        for key, (alias, actor_id) in self.ambiguous.items():
            if not key or key not in folded:
                continue
            for position in _free(folded, key, actor_id, waived, self.registered):
                start, end = _span(index, position, key)
                if not any(s <= start and end <= e for s, e in spans):
                    ctx.add(
                        "alias-not-labelled",
                        "articles",
                        "actors",
                        aid,
                        f"ambiguous alias {alias!r} (of {actor_id}, and of others) occurs at offset {start} outside "
                        "every labelled surface: list it as the surface of the actor it names there, or waive it "
                        "(or the longer name it is part of, such as an institution's)",
                        alias,
                    )
                    break
        for i, w in enumerate(row["alias_waivers"]):
            if _key(w["alias"]) not in folded:
                ctx.add(
                    "waiver-unused",
                    "articles",
                    f"alias_waivers[{i}].alias",
                    aid,
                    f"waived alias {w['alias']!r} does not occur in the text",
                    w["alias"],
                )


def _span(index: list[int], position: int, key: str) -> tuple[int, int]:
    """Where an occurrence of key at position of the folded text lies in the text as written."""
    return index[position], index[position + len(key) - 1] + 1


def _key(name: str) -> str:
    """A name as the alias rule compares it (arabic.fold)."""
    return fold(name)[0].strip()


def _free(text: str, alias: str, actor_id: str, waived: list[str], registered: dict) -> list[int]:
    """The occurrences of an alias that no waived name and no longer name of another registry actor holds."""
    around = derive.containers(alias, actor_id, waived, registered)
    return [p for p in derive.occurrences(text, alias) if not derive.inside(text, p, alias, around)]
