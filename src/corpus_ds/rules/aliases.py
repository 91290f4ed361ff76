"""The registry's names as the alias rule compares them, and the one compiled search of the texts that the full rules
searching them share. No rule is registered here: importing this module leaves the order of the rules as it is."""

from __future__ import annotations

import functools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import derive, textsearch
from corpus_ds.arabic import fold
from corpus_ds.rules.context import Context


def searched_texts(ctx: Context) -> textsearch.Searched | None:
    """The one compiled pass over the texts that the full rules searching them share (the registry's names, the
    weekday names, forbidden characters), made once per context by the first of them to ask; None where the
    compiled search is not built or declines, or where the registry's names cannot be read (each rule then searches
    on its own, and only the alias rule, which reads them, reports what went wrong)."""
    return ctx.once("searched texts", _search)


def _search(ctx: Context) -> textsearch.Searched | None:
    try:
        keys = aliases(ctx).keys
    except Exception:  # noqa: BLE001 (rule_aliases_labelled reads the registry again and reports the failure)
        return None
    return textsearch.search_texts(ctx.column("articles", "text"), keys)


def aliases(ctx: Context) -> Aliases:
    return ctx.once("aliases", lambda c: Aliases(c.tables["actors"]))


class Aliases:
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

    @functools.cached_property
    def search(self) -> textsearch.Patterns:
        """The names' own automaton: for the search without the compiled pass (and its dense tables)."""
        return textsearch.Patterns(self.keys)

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
