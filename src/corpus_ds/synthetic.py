"""Seeded generator of clearly synthetic corpora in the exact release schema, for benchmarks and tests.

Every name, text and date is made up from a small fixed vocabulary: article ids start with `syn-`, outlets and
actors are fictitious, and the texts are word salad that only respects the release rules (offsets, hashes,
weekday phrases, derived fields). Nothing generated here belongs in data/: `python -m corpus_ds.synthetic
OUT --articles N` writes a corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import cameo, columns, derive, models, release_format
from corpus_ds.labels import EVIDENCE_LABELS

GIVEN = ["سامر", "رامي", "كريم", "هادي", "وليد", "نبيل", "فادي", "زياد"]
FAMILY = ["الكاتبي", "المنصوري", "الحداد", "العطار", "السقا", "الخياط"]
FILLER = [
    "التعاون",
    "الاقتصادي",
    "بين",
    "البلدين",
    "في",
    "مجال",
    "الطاقة",
    "والزراعة",
    "وأكد",
    "الجانبان",
    "على",
    "أهمية",
    "تعزيز",
    "العلاقات",
    "الثنائية",
    "خلال",
    "اجتماع",
    "عقد",
    "في",
    "العاصمة",
    "وبحث",
    "سبل",
    "تطوير",
    "الشراكة",
    "الاستراتيجية",
    "والتنسيق",
    "المشترك",
    "حول",
    "القضايا",
    "الإقليمية",
    "والدولية",
    "ذات",
    "الاهتمام",
    "المتبادل",
    "كما",
    "تناول",
    "الطرفان",
    "آفاق",
    "الاستثمار",
    "والتبادل",
    "التجاري",
    "والثقافي",
]
WEEKDAY_BY_NUMBER = {
    0: "الاثنين",
    1: "الثلاثاء",
    2: "الأربعاء",
    3: "الخميس",
    4: "الجمعة",
    5: "السبت",
    6: "الأحد",
}
OUTLET = "وكالة الأنباء التجريبية"
EVENT_QUOTE = "وعقد الجانبان جلسة مباحثات"
CITED_QUOTE = "وأفاد بيان مشترك"
TODAY = dt.date(2026, 11, 24)
# Per placed event type: (city as written, English name, the quote naming it, country). The first participant
# is Moroccan and visits the second, Russian one; a third-place meeting is held in Beijing.
SYNTHETIC_PLACES = {
    "visit": ("موسكو", "Moscow", "في العاصمة موسكو", "RUS"),
    "signing": ("موسكو", "Moscow", "في العاصمة موسكو", "RUS"),
    "meeting_third_location": ("بكين", "Beijing", "في العاصمة بكين", "CHN"),
}


def registry() -> list[dict]:
    actors = []
    for i, (given, family) in enumerate((g, f) for g in GIVEN for f in FAMILY):
        person = i % 4 != 3
        actors.append(
            dict(
                actor_id=f"syn-actor-{i:02d}",
                kind="person" if person else "organization",
                name_en=f"Synthetic Actor {i}",
                name_ar=f"{given} {family}",
                aliases_ar=[f"{given} {family}"],
                ambiguous_aliases=[],
                country="RUS" if i % 2 else "MAR",
                sector="GOV",
                offices=[
                    dict(title_en="Synthetic office", start=dt.date(1990, 1, 1), end=None, source="synthetic")
                ]
                if person
                else [],
            )
        )
    return actors


def _filler(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(words))


def article(
    i: int, rng: random.Random, chars: int, actors: list[dict], event: tuple[str, dt.date, str]
) -> dict[str, list[dict]]:
    """One synthetic article and its long-table rows, every label consistent with the text."""
    aid = f"syn-{i:08d}"
    event_id, event_date, event_type = event
    # the two participants come from the two countries, so that every event type's dyads fit the place
    people = [a for a in actors if a["kind"] == "person"]
    first = rng.choice([a for a in people if a["country"] == "MAR"])
    second = rng.choice([a for a in people if a["country"] == "RUS"])
    others = rng.sample([a for a in actors if a not in (first, second)], rng.randint(0, 3))
    chosen = [first, second, *others]
    labelled = [
        dict(
            actor_id=a["actor_id"],
            role="participant" if k < 2 else "mentioned",
            surfaces=[a["aliases_ar"][0]],
        )
        for k, a in enumerate(chosen)
    ]
    agreements = []
    for k in range(rng.randint(1 if event_type == "signing" else 0, 3)):
        instrument = (
            "agreement" if event_type == "signing" and k == 0 else rng.choice(list(models.INSTRUMENTS))
        )
        status = "concluded" if event_type == "signing" and k == 0 else rng.choice(list(models.STATUSES))
        year = rng.randint(1990, 2025) if status == "referenced" else None
        quote = f"{'اتفاقية' if instrument == 'agreement' else 'مذكرة تفاهم'} رقم {i % 997}-{k}" + (
            f" الموقعة عام {year}" if year else ""
        )
        agreements.append(
            dict(
                instrument_id=f"syn-instrument-{i:08d}-{k}",
                instrument=instrument,
                status=status,
                sectors=rng.sample(list(models.SECTORS), rng.randint(1, 2)),
                year=year,
                quote=quote,
            )
        )
    weekday = rng.random() < 0.4
    place = SYNTHETIC_PLACES.get(event_type)
    sentences = (
        [EVENT_QUOTE]
        + ([place[2]] if place else [])
        + [a["surfaces"][0] + " " + _filler(rng, 3) for a in labelled]
        + [g["quote"] for g in agreements]
    )
    cited = []
    if rng.random() < 0.5:
        sentences.append(CITED_QUOTE)
        cited.append(
            dict(
                name="Synthetic joint statement",
                kind="statement",
                actor_id=labelled[0]["actor_id"],
                quote=CITED_QUOTE,
            )
        )
    weekday_quote = f"اليوم {WEEKDAY_BY_NUMBER[event_date.weekday()]}" if weekday else None
    if weekday_quote:
        sentences.insert(1, weekday_quote)
    paragraphs, length = [], 0
    while length < chars or sentences:
        words = [_filler(rng, rng.randint(8, 20))]
        if sentences:
            words.append(sentences.pop(0))
        words.append(_filler(rng, rng.randint(8, 20)))
        paragraph = " ".join(words)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    text = "\n\n".join(paragraphs)
    published = event_date + dt.timedelta(days=rng.randint(0, 2))
    inferred = rng.random() < 0.1
    date_quote = f"تاريخ النشر: {published.isoformat()}"
    source_line = f"المصدر: {OUTLET}"
    removals = [
        dict(
            article_id=aid,
            line_start=1,
            line_end=3,
            reason="navigation",
            decided_by="rule:synthetic",
            content="الرئيسية\nأخبار\nاقتصاد",
        ),
        dict(
            article_id=aid,
            line_start=5,
            line_end=5,
            reason="date_line",
            decided_by="rule:synthetic",
            content=date_quote,
        ),
        dict(
            article_id=aid,
            line_start=6,
            line_end=6,
            reason="source_line",
            decided_by="rule:synthetic",
            content=source_line,
        ),
    ]
    # every quote of the evidence labels, then their rows in the declarations' order (labels.EVIDENCE_LABELS)
    quotes: dict[str, list[tuple[str, str, str, int]]] = {  # label -> (value, quote, location, start)
        "outlet": [(OUTLET, source_line, "raw", 120)],
        "cited_sources": [(c["name"], c["quote"], "text", text.find(c["quote"])) for c in cited],
        "published_date": [(published.isoformat(), date_quote, "raw", 80)],
        "event_weekday": [(event_date.isoformat(), weekday_quote, "text", text.find(weekday_quote))]
        if weekday_quote
        else [],
        "event_type": [(event_type, EVENT_QUOTE, "text", text.find(EVENT_QUOTE))],
        "place": [(place[0], place[2], "text", text.find(place[2]))] if place else [],
    }
    evidence = [
        dict(
            article_id=aid,
            label=f"{label.name}[{k}]" if label.many else label.name,
            value=value,
            quote=quote,
            location=location,
            start=start,
            end=start + len(quote),
        )
        for label in EVIDENCE_LABELS
        for k, (value, quote, location, start) in enumerate(quotes.get(label.name, ()))
    ]
    agreement_rows = []
    for k, g in enumerate(agreements):
        start = text.find(g["quote"])
        agreement_rows.append(
            dict(
                article_id=aid,
                agreement_index=k,
                **{
                    key: g[key]
                    for key in ("instrument_id", "instrument", "status", "sectors", "year", "quote")
                },
                location="text",
                start=start,
                end=start + len(g["quote"]),
                note=None,
            )
        )
    row = dict(
        article_id=aid,
        title=f"خبر تجريبي رقم {i}",
        text=text,
        outlet=OUTLET,
        attribution=None,
        cited_sources=cited,
        published_date=published,
        event_date=event_date,
        event_date_basis="inferred" if inferred else "stated",
        event_date_note="synthetic: inferred from the publication date" if inferred else None,
        event_weekday_quote=weekday_quote,
        event_id=event_id,
        event_type=event_type,
        cameo_code=models.CAMEO_BY_EVENT_TYPE[event_type][0],
        place_city=place[0] if place else None,
        place_city_en=place[1] if place else None,
        place_site=None,
        place_site_en=None,
        place_country=place[3] if place else None,
        place_quote=place[2] if place else None,
        place_geonames_id=None,
        place_geonames_source=None,
        agreement_type=derive.derive_agreement_type((g["instrument"], g["status"]) for g in agreements),
        actors=labelled,
        agreements=agreements,
        alias_waivers=[],
        n_paragraphs=len(text.split("\n\n")),
        n_chars=len(text),
        source_url=None,
        captured_at=None,
        raw_file=f"syn_{i:08d}.txt",
        raw_original_name=f"synthetic-{i}.html",
        raw_sha256=hashlib.sha256(f"synthetic raw {i}".encode()).hexdigest(),
        text_sha256=release_format.sha256_text(text),
        review_status="reviewed",
        annotator="annotator-synthetic",
        reviewer="reviewer-synthetic",
        review_notes=[],
    )
    mentions = [
        dict(article_id=aid, **m)
        for m in derive.find_mentions(text, labelled, (), derive.registered_names(actors))
    ]
    dyads = [
        dict(
            article_id=aid,
            dyad_index=k,
            event_id=event_id,
            event_date=event_date,
            source=source["actor_id"],
            target=target["actor_id"],
            code=code,
            goldstein=cameo.goldstein(code),
            quad_class=cameo.quad_class(code),
            quote=EVENT_QUOTE,
            location="text",
            start=text.find(EVENT_QUOTE),
            end=text.find(EVENT_QUOTE) + len(EVENT_QUOTE),
        )
        for k, (source, target, code) in enumerate(_dyads(event_type, first, second))
    ]
    return dict(
        articles=[row],
        mentions=mentions,
        agreements=agreement_rows,
        dyads=dyads,
        evidence=evidence,
        removals=removals,
    )


def _dyads(event_type: str, visitor: dict, host: dict) -> list[tuple[dict, dict, str]]:
    """The dyads the codebook asks for: the required code, both ways where CAMEO codes it as reciprocal."""
    code = models.DYAD_CODES_BY_EVENT_TYPE[event_type][0]
    both = code in models.RECIPROCAL_CODES or event_type == "congratulations"
    return [(visitor, host, code)] + ([(host, visitor, code)] if both else [])


def chunks(
    n: int, chars: int = 2000, seed: int = 0, chunk_size: int = 20_000, first: int = 0
) -> Iterator[dict[str, pa.Table]]:
    """The articles first..first+n as chunks of release tables (without the registry)."""
    rng = random.Random(seed * 1_000_003 + first)
    actors = registry()
    event = None
    for start in range(first, first + n, chunk_size):
        rows = {name: [] for name in columns.TABLES if name != "actors"}
        for i in range(start, min(start + chunk_size, first + n)):
            if event is None or rng.random() < 0.6:  # about 1.7 articles per event, consecutive
                event = (
                    f"syn-ev-{i:08d}",
                    dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 9000)),
                    rng.choice(list(models.EVENT_TYPES)),
                )
            for name, table_rows in article(i, rng, chars, actors, event).items():
                rows[name].extend(table_rows)
        yield {name: pa.Table.from_pylist(r, schema=columns.schema(name)) for name, r in rows.items()}


def tables(n: int, chars: int = 2000, seed: int = 0) -> dict[str, pa.Table]:
    """A whole small synthetic corpus in memory (tests)."""
    parts = list(chunks(n, chars, seed))
    out = {name: pa.concat_tables([p[name] for p in parts]) for name in parts[0]}
    out["actors"] = pa.Table.from_pylist(registry(), schema=columns.schema("actors"))
    return out


class _Fingerprint:
    """release_format.fingerprint computed incrementally over chunks (same bytes hashed, same result)."""

    def __init__(self, names: list[str]):
        self.h = hashlib.sha256(json.dumps(names).encode())

    def update(self, table: pa.Table) -> None:
        for batch in table.to_batches(max_chunksize=release_format.FINGERPRINT_ROWS):
            self.h.update(release_format.canonical_rows(batch))


def write_release(out: Path, n: int, chars: int = 2000, seed: int = 0) -> None:
    """A release directory (a Parquet file per table + manifest, exact fingerprints), written chunk by chunk."""
    out = Path(out)
    shutil.rmtree(out, ignore_errors=True)
    tmp = out / ".tmp"
    tmp.mkdir(parents=True)
    names = list(columns.TABLES)
    writers = {
        name: pq.ParquetWriter(
            tmp / f"{name}.parquet", columns.schema(name), **release_format.PARQUET_OPTIONS
        )
        for name in names
    }
    prints = {name: _Fingerprint(columns.schema(name).names) for name in names}
    actors = pa.Table.from_pylist(registry(), schema=columns.schema("actors"))
    rows = dict.fromkeys(names, 0)
    for part in itertools.chain(
        [{"actors": actors}], chunks(n, chars, seed)
    ):  # one chunk in memory at a time
        for name, t in part.items():
            writers[name].write_table(t)
            prints[name].update(t)
            rows[name] += t.num_rows
    for w in writers.values():
        w.close()
    per_table = {name: prints[name].h.hexdigest() for name in names}
    fp = release_format.dataset_fingerprint(per_table)
    manifest = release_format.new_manifest(fp, dataset="corpus_ds (synthetic benchmark corpus)")
    for name in names:
        meta = {
            **(columns.schema(name).metadata or {}),
            **release_format.table_metadata(name, fp, per_table[name]),
        }
        source = pq.ParquetFile(tmp / f"{name}.parquet")
        with pq.ParquetWriter(  # as release_format writes (and reads) a release: no statistics or page index
            out / f"{name}.parquet",
            columns.schema(name).with_metadata(meta),
            **release_format.PARQUET_OPTIONS,
        ) as w:
            for g in range(source.num_row_groups):
                w.write_table(source.read_row_group(g).replace_schema_metadata(meta))
        manifest["tables"][name] = {
            "file": f"{name}.parquet",
            "rows": rows[name],
            "sha256": release_format.sha256_bytes((out / f"{name}.parquet").read_bytes()),
            "fingerprint": per_table[name],
        }
    shutil.rmtree(tmp)
    (out / release_format.MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def write_partitioned(
    out: Path, n: int, chars: int = 2000, seed: int = 0, per_partition: int = 50_000
) -> None:
    """A partitioned corpus: <table>/part-NNNNN.parquet, partition k of every table holding the same articles."""
    out = Path(out)
    shutil.rmtree(out, ignore_errors=True)
    for name in columns.TABLES:
        (out / name).mkdir(parents=True)
    pq.write_table(
        pa.Table.from_pylist(registry(), schema=columns.schema("actors")),
        out / "actors" / "part-00000.parquet",
    )
    for k, part in enumerate(chunks(n, chars, seed, chunk_size=per_partition)):
        for name, t in part.items():
            pq.write_table(t, out / name / f"part-{k:05d}.parquet", compression="zstd")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--articles", type=int, required=True)
    p.add_argument("--chars", type=int, default=2000, help="approximate characters per text")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--partitioned",
        type=int,
        default=0,
        metavar="N",
        help="write partitions of N articles instead of a release",
    )
    a = p.parse_args()
    if a.partitioned:
        write_partitioned(a.out, a.articles, a.chars, a.seed, a.partitioned)
    else:
        write_release(a.out, a.articles, a.chars, a.seed)
    print(f"wrote {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
