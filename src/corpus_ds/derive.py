"""Derivations shared by the build and the rules: the mentions of labelled actors and the agreement type."""

from __future__ import annotations

from collections.abc import Iterable

from corpus_ds import models


def find_mentions(text: str, labelled: list[dict]) -> list[dict]:
    """Every occurrence of every surface form of the labelled actors; where forms overlap the longest wins.

    One function for the build (which writes the mentions table) and the rules (which check it).
    """
    candidates = []
    for actor in labelled:
        for surface in actor["surfaces"] or ():
            pos = text.find(surface) if surface else -1
            while pos >= 0:
                candidates.append((pos, -len(surface), actor["actor_id"], actor["role"], surface))
                pos = text.find(surface, pos + 1)
    rows, taken_until = [], -1
    for pos, neg_len, actor_id, role, surface in sorted(candidates, key=lambda c: (c[0], c[1])):
        if pos >= taken_until:
            taken_until = pos - neg_len
            rows.append(dict(actor_id=actor_id, role=role, surface=surface, start=pos, end=pos - neg_len))
    return rows


def derive_agreement_type(instruments: Iterable[tuple[str, str]]) -> str:
    """The most formal concluded instrument (agreement > MoU > joint statement > verbal commitment), else 'none'."""
    concluded = {inst for inst, status in instruments if status == "concluded"}
    return next((inst for inst in models.INSTRUMENT_RANK if inst in concluded), "none")
