"""Derivations shared by the build and the rules: the mentions of labelled actors and the agreement type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from corpus_ds import vocab


def registered_names(registry: Iterable[dict]) -> dict[str, tuple[str, ...]]:
    """Every name the registry gives each actor (its aliases and its ambiguous aliases), by actor_id."""
    names: dict[str, tuple[str, ...]] = {}
    for actor in registry:
        own = [*(actor.get("aliases_ar") or ()), *(a["alias"] for a in actor.get("ambiguous_aliases") or ())]
        names[actor["actor_id"]] = names.get(actor["actor_id"], ()) + tuple(own)
    return names


def containers(
    surface: str, actor_id: str | None, waived: Iterable[str], registered: Mapping[str, Iterable[str]]
) -> list[str]:
    """The names an occurrence of surface can lie inside without naming actor_id.

    A waived name that contains the surface (the surface itself included: the file waives it), and a longer name the
    registry gives another actor (مؤسسة محمد السادس, were the foundation registered, is not the King).
    """
    found = {name for name in waived if surface in name}
    found |= {
        name
        for owner, names in registered.items()
        if owner != actor_id
        for name in names
        if len(name) > len(surface) and surface in name
    }
    return sorted(found, key=len, reverse=True)


def inside(text: str, start: int, surface: str, names: Iterable[str]) -> bool:
    """Whether the occurrence of surface at start lies inside an occurrence of one of names."""
    for name in names:
        k = name.find(surface)
        while k >= 0:
            if start >= k and text.startswith(name, start - k):
                return True
            k = name.find(surface, k + 1)
    return False


def occurrences(text: str, needle: str) -> list[int]:
    """Start of every occurrence of needle in text, overlapping ones included."""
    out, pos = [], text.find(needle) if needle else -1
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def find_mentions(
    text: str,
    labelled: list[dict],
    waived: Iterable[str] = (),
    registered: Mapping[str, Iterable[str]] | None = None,
) -> list[dict]:
    """Every occurrence of every surface form of the labelled actors; where forms overlap the longest wins.

    An occurrence inside a waived name, or inside a longer name the registry gives another actor, is not a mention:
    `محمد السادس` in a waived `جامعة محمد السادس` does not name the King. One function for the build (which writes
    the mentions table) and the rules (which check it).
    """
    waived, registered = tuple(waived), registered or {}
    candidates = []
    for actor in labelled:
        for surface in actor["surfaces"] or ():
            around = containers(surface, actor["actor_id"], waived, registered)
            for pos in occurrences(text, surface):
                if not (around and inside(text, pos, surface, around)):
                    candidates.append((pos, -len(surface), actor["actor_id"], actor["role"], surface))
    rows, taken_until = [], -1
    for pos, neg_len, actor_id, role, surface in sorted(candidates, key=lambda c: (c[0], c[1])):
        if pos >= taken_until:
            taken_until = pos - neg_len
            rows.append(dict(actor_id=actor_id, role=role, surface=surface, start=pos, end=pos - neg_len))
    return rows


def derive_agreement_type(instruments: Iterable[tuple[str, str]]) -> str:
    """The most formal concluded instrument (agreement > MoU > joint statement > verbal commitment), else 'none'."""
    concluded = {inst for inst, status in instruments if status == "concluded"}
    return next((inst for inst in vocab.INSTRUMENT_RANK if inst in concluded), "none")
