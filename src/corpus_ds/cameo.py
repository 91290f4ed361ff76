"""CAMEO lookups shipped with the package: GDELT's Goldstein scale and the QuadClass of each root code."""

from __future__ import annotations

import csv
import functools
from importlib import resources

GOLDSTEIN_FILE = "CAMEO.goldsteinscale.txt"
QUADCLASS_FILE = "cameo_quadclass.tsv"

# CAMEO 1.1b3 names of the codes a dyad may carry (the ICEWS-style export's Event Text).
NAMES = {
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a 'third' location",
    "051": "Praise or endorse",
    "057": "Sign formal agreement",
}

# CAMEO -> PLOVER (event, mode, context), from the PLOVER repository's CAMEO2PLOVER-2021.txt.
PLOVER = {
    "041": ("CONSULT", "phone", None),
    "042": ("CONSULT", "visit", None),
    "043": ("CONSULT", "host", None),
    "044": ("CONSULT", "third-party", None),
    "051": ("SUPPORT", None, "diplomatic"),
    "057": ("SUPPORT", None, "diplomatic"),
}


class UnknownCode(KeyError):
    """A CAMEO code the shipped tables do not list."""


def table_text(name: str) -> str:
    """The text of a shipped table file."""
    return resources.files("corpus_ds").joinpath("tables", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(table_text(name).splitlines(), delimiter="\t"))


@functools.cache
def goldstein_table() -> dict[str, float]:
    """CAMEO code (text) -> Goldstein score, as GDELT publishes it."""
    return {r["CAMEOEVENTCODE"]: float(r["GOLDSTEINSCALE"]) for r in _rows(GOLDSTEIN_FILE)}


@functools.cache
def quadclass_table() -> dict[str, int]:
    """CAMEO root code (two digits) -> QuadClass 1..4."""
    return {r["cameo_root"]: int(r["quad_class"]) for r in _rows(QUADCLASS_FILE)}


def goldstein(code: str) -> float:
    """The Goldstein score of a CAMEO code; an unlisted code is an error, never a default."""
    try:
        return goldstein_table()[code]
    except KeyError:
        raise UnknownCode(f"CAMEO code {code!r} is not in {GOLDSTEIN_FILE}") from None


def quad_class(code: str) -> int:
    """The QuadClass of a CAMEO code, from its root (its first two digits)."""
    try:
        return quadclass_table()[code[:2]]
    except KeyError:
        raise UnknownCode(f"CAMEO code {code!r} has no root in {QUADCLASS_FILE}") from None
