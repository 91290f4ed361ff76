"""Rules of the actor registry (the actors table)."""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import arrowtools as at
from corpus_ds import vocab
from corpus_ds.checks import check
from corpus_ds.rules.context import Context, duplicates


@check("registry", "duplicate-actor-id", "bad-id", "vocabulary", "future-date", "office-dates")
def rule_registry(ctx: Context) -> None:
    actors = ctx.tables["actors"]
    for value in duplicates(actors.column("actor_id")):
        ctx.add(
            "duplicate-actor-id",
            "actors",
            "actor_id",
            None,
            f"actor_id {value!r} occurs more than once",
            value,
        )
    ok = at.np_bool(pc.match_substring_regex(actors.column("actor_id"), vocab.ID_PATTERN))
    for value in ctx.values("actors", "actor_id", np.flatnonzero(~ok)):
        ctx.add(
            "bad-id",
            "actors",
            "actor_id",
            None,
            f"expected lower-case ASCII words joined by '-', found {value!r}",
            value,
        )
    bad = np.flatnonzero(~at.np_bool(at.in_set(actors.column("kind"), vocab.ACTOR_KINDS)))
    for value in ctx.values("actors", "kind", bad):
        ctx.add(
            "vocabulary",
            "actors",
            "kind",
            None,
            f"{value!r} is not in the codebook: expected one of {', '.join(vocab.ACTOR_KINDS)}",
            value,
        )
    sector = actors.column("sector")
    bad = np.flatnonzero(
        at.np_bool(pc.is_valid(sector)) & ~at.np_bool(at.in_set(sector, vocab.ACTOR_SECTORS))
    )
    for value in ctx.values("actors", "sector", bad):
        ctx.add(
            "vocabulary",
            "actors",
            "sector",
            None,
            f"sector {value!r} is not a PLOVER sector code: expected one of {', '.join(vocab.ACTOR_SECTORS)}",
            value,
        )
    offices, parents, position = at.flatten(actors.column("offices"))
    if len(offices):
        start, end = pc.struct_field(offices, "start"), pc.struct_field(offices, "end")
        ids = at.take_py(actors.column("actor_id"), parents) if len(parents) else []
        reversed_ = at.np_bool(pc.less(end, start))
        for key, values in (("start", start), ("end", end)):
            future = at.np_bool(pc.greater(values, pa.scalar(ctx.today, pa.date32())))
            for i in np.flatnonzero(future):
                ctx.add(
                    "future-date",
                    "actors",
                    f"offices[{position[i]}].{key}",
                    None,
                    f"{ids[i]}: office {key} {values[int(i)].as_py()} is after the build date {ctx.today}",
                    str(values[int(i)].as_py()),
                )
        for i in np.flatnonzero(reversed_):
            ctx.add(
                "office-dates",
                "actors",
                f"offices[{position[i]}]",
                None,
                f"{ids[i]}: office ends {end[int(i)].as_py()} before it starts {start[int(i)].as_py()}",
                ids[i],
            )


@check("registry", "alias-malformed")
def rule_aliases_well_formed(ctx: Context) -> None:
    """Registry aliases are NFC, trimmed, single-spaced and unique: an alias in NFD or with stray spaces would slip
    past the alias rule, and one listed twice (for one actor or for two) names nobody for sure."""
    seen: dict[str, tuple[int, int]] = {}
    rows = ctx.tables["actors"].select(["actor_id", "aliases_ar"]).to_pylist()
    for i, row in enumerate(rows):
        for j, alias in enumerate(row["aliases_ar"] or []):
            if alias is None:
                continue
            where = f"actors[{i}].aliases_ar[{j}]"
            problem = None
            if unicodedata.normalize("NFC", alias) != alias:
                problem = "expected NFC (composed characters), found another normalisation form"
            elif alias != alias.strip() or "  " in alias:
                problem = "expected no leading, trailing or doubled spaces"
            elif alias in seen:
                i0, j0 = seen[alias]
                problem = f"repeats actors[{i0}].aliases_ar[{j0}]: an alias names one actor, once"
            if problem:
                ctx.add("alias-malformed", "actors", where, None, f"{row['actor_id']}: {problem}", alias)
            else:
                seen[alias] = (i, j)


@check("registry", "alias-shared", "office-overlap")
def rule_registry_aliases_and_handovers(ctx: Context) -> None:
    """An alias two actors share is declared ambiguous by both; a handover day is not recorded in both offices."""
    rows = ctx.tables["actors"].select(["actor_id", "aliases_ar", "ambiguous_aliases", "offices"]).to_pylist()
    owners: dict[str, list[str]] = {}
    for r in rows:
        for alias in {*r["aliases_ar"], *(a["alias"] for a in r["ambiguous_aliases"] or ())}:
            owners.setdefault(alias, []).append(r["actor_id"])
    declared = {(r["actor_id"], a["alias"]) for r in rows for a in r["ambiguous_aliases"] or ()}
    for alias, ids in owners.items():
        undeclared = [i for i in ids if (i, alias) not in declared]
        if len(ids) > 1 and undeclared:
            ctx.add(
                "alias-shared",
                "actors",
                "ambiguous_aliases",
                None,
                f"alias {alias!r} names {', '.join(ids)}: declare it in ambiguous_aliases of {', '.join(undeclared)}",
                alias,
            )
    for r in rows:
        offices = r["offices"] or []
        for i, a in enumerate(offices):
            for b in offices:
                if a["end"] is not None and a["end"] == b["start"] and a is not b:
                    ctx.add(
                        "office-overlap",
                        "actors",
                        f"offices[{i}].end",
                        None,
                        f"{r['actor_id']}: {a['title_en']!r} ends on {a['end']}, the day {b['title_en']!r} starts; "
                        "ends are inclusive, so end the first office the day before",
                        r["actor_id"],
                    )
