"""Inter-annotator agreement between two independent annotations of the same captures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus_ds import arabic, derive, filecaps, models, sources
from corpus_ds.errors import WHOLE_FILE, CorpusError, Report

CATEGORICAL = ("agreement_type", "event_type")
EXACT = ("event_date", "published_date")


@dataclass(frozen=True)
class Labels:
    """The labels agreement is measured on, for one article, keyed by its raw capture."""

    raw_file: str
    event_type: str | None
    agreement_type: str
    event_date: str | None
    published_date: str | None
    actors: frozenset | None  # (actor_id, role); None where the side did not annotate actors
    instruments: tuple | None  # (instrument, status), a multiset; None where not annotated
    dyads: frozenset | None = None  # (source, target, CAMEO code); None where the side did not annotate dyads
    place: tuple | None = None  # ((folded city, country) or ("", "") for no place,); None where not annotated


def _from_source(src: models.ArticleSource) -> Labels:
    instruments = tuple(sorted((a.instrument, a.status) for a in src.agreements))
    return Labels(
        src.raw.file,
        src.event.type,
        derive.derive_agreement_type(instruments),
        src.dates.event.date.isoformat(),
        src.dates.published.date.isoformat() if src.dates.published else None,
        frozenset((a.actor_id, a.role) for a in src.actors),
        instruments,
        frozenset((d.source, d.target, d.code) for d in src.event.dyads),
        (_place_key(src.event.place.city, src.event.place.country) if src.event.place else NO_PLACE,),
    )


NO_PLACE = ("", "")


def _place_key(city: str | None, country: str | None) -> tuple[str, str]:
    """A place compared with its city's spelling folded (hamza, ى/ي, ة/ه...) and its country code."""
    return (arabic.fold((city or "").strip())[0], (country or "").strip().upper())


def _resolver(registry: models.Registry | None):
    """Map an actor of a flat annotation to a registry id: its actor_id, else the registry alias among its surface
    forms (spelling folded), else its English name; an actor the registry lacks stays 'unregistered:<name>'."""
    aliases = [
        (arabic.fold(alias)[0], actor.actor_id)
        for actor in (registry.actors if registry else [])
        for alias in actor.aliases_ar
    ]
    names = {a.name_en: a.actor_id for a in registry.actors} if registry else {}

    ids = {a.actor_id for a in registry.actors} if registry else set()

    def resolve(a: dict | str) -> str:
        if isinstance(a, str):  # a dyad's side: a registry id, or a name as written in the text
            a = {"actor_id": a} if a in ids else {"surfaces": [a], "name_en": a}
        if a.get("actor_id"):
            return a["actor_id"]
        folded = [arabic.fold(s)[0] for s in a.get("surfaces") or []]
        found = {actor_id for alias, actor_id in aliases for s in folded if alias in s}
        if len(found) == 1:
            return found.pop()
        return names.get(a.get("name_en", ""), f"unregistered:{a.get('name_en')}")

    return resolve


def _from_json(data: dict, actor_id) -> Labels:
    """The flat annotation format (one JSON file per capture; see CONTRIBUTING.md, 'Measuring agreement')."""
    # a key the file leaves out was not annotated (an annotation of the event-data labels alone, say)
    instruments = (
        tuple(sorted((i["instrument"], i["status"]) for i in data["instruments"]))
        if "instruments" in data
        else None
    )
    published = data.get("published_date")
    published = published.get("value") if isinstance(published, dict) else published
    return Labels(
        data["raw_file"],
        data.get("event_type"),
        derive.derive_agreement_type(instruments) if instruments is not None else None,
        data.get("event_date"),
        published,
        frozenset((actor_id(a), a.get("role")) for a in data["actors"]) if "actors" in data else None,
        instruments,
        frozenset((actor_id(d["source"]), actor_id(d["target"]), str(d["code"])) for d in data["dyads"])
        if "dyads" in data
        else None,
        (_json_place(data["place"]),) if "place" in data else None,
    )


def _json_place(place: dict | None) -> tuple[str, str]:
    return NO_PLACE if place is None else _place_key(place.get("city"), place.get("country"))


def _read_flat(path: Path, report: Report) -> dict | None:
    """One flat JSON annotation, read under the JSON caps and checked against its model (FlatAnnotation): the
    record when it fits, else None with each defect in the report (file, field path, code)."""
    try:
        data = filecaps.load_json(path)
    except (OSError, ValueError) as exc:
        report.add(
            "file-unreadable",
            str(path),
            WHOLE_FILE,
            f"expected a flat JSON annotation with raw_file, event_type, event_date, actors and instruments "
            f"({getattr(exc, 'strerror', None) or exc})",
        )
        return None
    return data if sources.to_model(models.FlatAnnotation, data, str(path), report) is not None else None


def read_annotations(directory: Path, registry: models.Registry | None = None) -> dict[str, Labels]:
    """Source files (*.yaml, the release's own format) or flat JSON annotations (*.json), keyed by raw capture file."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: expected a directory of annotations (*.yaml source files or *.json)")
    resolve = _resolver(registry)
    out: dict[str, Labels] = {}
    report = Report()
    for path in sorted(directory.iterdir()):
        if path.suffix == ".yaml":
            src = sources.read_article(path, report)
            labels = _from_source(src) if src else None
        elif path.suffix == ".json":
            flat = _read_flat(path, report)
            labels = _from_json(flat, resolve) if flat is not None else None
        else:
            continue
        if labels is not None:
            out[labels.raw_file] = labels
    blocking = [i for i in report.issues if i.code not in ("draft-article", "placeholder")]
    if blocking or (not out and report.issues):
        raise CorpusError(f"{directory}: some annotations cannot be read:\n{report.format()}")
    if not out:
        raise CorpusError(f"{directory}: no annotations found (*.yaml source files or *.json)")
    return out


def cohen_kappa(a: list, b: list) -> float | None:
    """Cohen's kappa of two raters' categories for the same items; None where chance agreement is total."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def prf(reference: Counter, other: Counter) -> dict[str, Any]:
    """Precision, recall and F1 of `other` against `reference` (multisets of items)."""
    tp = sum((reference & other).values())
    p = tp / sum(other.values()) if other else None
    r = tp / sum(reference.values()) if reference else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {
        "a": sum(reference.values()),
        "b": sum(other.values()),
        "both": tp,
        "precision": p,
        "recall": r,
        "f1": f1,
    }


def measure(a: dict[str, Labels], b: dict[str, Labels]) -> dict[str, Any]:
    """Every agreement figure over the captures both annotations cover (a is the reference for precision and recall)."""
    shared = sorted(a.keys() & b.keys())
    out: dict[str, Any] = {
        "articles": len(shared),
        "only_a": sorted(a.keys() - b.keys()),
        "only_b": sorted(b.keys() - a.keys()),
    }

    def unannotated(name: str) -> bool:  # every value missing on one side only: that side did not annotate it
        empty = [all(getattr(side[k], name) is None for k in shared) for side in (a, b)]
        return bool(shared) and empty[0] != empty[1]

    out["not_annotated"] = [n for n in (*CATEGORICAL, *EXACT, "actors", "instruments") if unannotated(n)]
    for name in CATEGORICAL:
        x, y = [getattr(a[k], name) for k in shared], [getattr(b[k], name) for k in shared]
        out[name] = {"agree": sum(p == q for p, q in zip(x, y)), "n": len(shared), "kappa": cohen_kappa(x, y)}
    for name in EXACT:
        out[name] = {
            "agree": sum(getattr(a[k], name) == getattr(b[k], name) for k in shared),
            "n": len(shared),
        }

    def items(side: dict[str, Labels], get) -> Counter:
        return Counter((k, *item) for k in shared for item in get(side[k]) or ())

    def actor_ids(labels: Labels) -> set:
        return {(actor_id,) for actor_id, _ in labels.actors or ()}

    out["actors"] = prf(items(a, actor_ids), items(b, actor_ids))
    out["actors_with_role"] = prf(items(a, lambda x: x.actors), items(b, lambda x: x.actors))
    out["instruments"] = prf(items(a, lambda x: x.instruments), items(b, lambda x: x.instruments))
    dyadic = [k for k in shared if a[k].dyads is not None and b[k].dyads is not None]
    out["dyads"] = {
        "articles": len(dyadic),
        **prf(
            Counter((k, *d) for k in dyadic for d in a[k].dyads),
            Counter((k, *d) for k in dyadic for d in b[k].dyads),
        ),
    }
    placed = [k for k in shared if a[k].place is not None and b[k].place is not None]
    out["place"] = {
        "agree": sum(a[k].place == b[k].place for k in placed),
        "country_agree": sum(a[k].place[0][1] == b[k].place[0][1] for k in placed),
        "n": len(placed),
    }
    return out


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def markdown(figures: dict[str, Any], a_name: str, b_name: str) -> str:
    rows = [
        f"Agreement between `{a_name}` (a, the reference) and `{b_name}` (b) on {figures['articles']} articles.",
        "",
        "| label | measure | a | b | agree / both | value |",
        "|---|---|---|---|---|---|",
    ]
    skipped = set(figures.get("not_annotated", ()))
    if "instruments" in skipped:
        skipped.add("agreement_type")  # derived from the instruments
    for name in CATEGORICAL:
        f = figures[name]
        if name in skipped:
            continue
        rows.append(f"| {name} | Cohen's kappa | {f['n']} | {f['n']} | {f['agree']} | {_num(f['kappa'])} |")
    for name in EXACT:
        f = figures[name]
        if name in skipped:
            continue
        rows.append(
            f"| {name} | exact match | {f['n']} | {f['n']} | {f['agree']} | "
            f"{_num(f['agree'] / f['n'] if f['n'] else None)} |"
        )
    for name, what, label in (  # label: what the annotation must hold for the row to be compared
        ("actors", "actor ids", "actors"),
        ("actors_with_role", "actor ids and roles", "actors"),
        ("instruments", "instrument and status", "instruments"),
    ):
        f = figures[name]
        if label in skipped:
            continue
        rows.append(
            f"| {what} | precision / recall / F1 | {f['a']} | {f['b']} | {f['both']} | "
            f"{_num(f['precision'])} / {_num(f['recall'])} / {_num(f['f1'])} |"
        )
    f = figures["dyads"]
    if f["articles"]:
        rows.append(
            f"| dyads (source, target, code) | precision / recall / F1 over {f['articles']} articles | {f['a']} | "
            f"{f['b']} | {f['both']} | {_num(f['precision'])} / {_num(f['recall'])} / {_num(f['f1'])} |"
        )
    else:
        skipped.add("dyads")
    f = figures["place"]
    for what, key in (("place (city, country)", "agree"), ("place country", "country_agree")):
        if f["n"]:
            rows.append(
                f"| {what} | exact match | {f['n']} | {f['n']} | {f[key]} | "
                f"{_num(f[key] / f['n'] if f['n'] else None)} |"
            )
    if not f["n"]:
        skipped.add("place")
    if skipped:
        rows += ["", f"Not annotated on one side, so not compared: {', '.join(sorted(skipped))}."]
    if figures["only_a"] or figures["only_b"]:
        rows += [
            "",
            f"Only in a: {', '.join(figures['only_a']) or 'none'}; "
            f"only in b: {', '.join(figures['only_b']) or 'none'}.",
        ]
    return "\n".join(rows)
