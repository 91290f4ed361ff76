"""Event-data exports of a release, one record per dyad: PLOVER (JSON Lines) and an ICEWS-style flat table."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pandas as pd

from corpus_ds import __version__, cameo, loader
from corpus_ds.errors import CorpusError

FORMATS = ("plover", "icews")
PLOVER_SCHEMA = "plover_event.schema.json"
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Publisher", "City", "Country",
    "QuadClass", "Quote",
)  # fmt: skip


def _joined(path: str | Path | None, validate: bool) -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """The dyads with their articles and the registry, as plain rows."""
    t = loader.tables(path, validate=validate)
    dyads = t["dyads"].astype(object).where(t["dyads"].notna(), None).to_dict("records")
    articles = {r["article_id"]: r for r in t["articles"].astype(object).to_dict("records")}
    actors = {r["actor_id"]: r for r in t["actors"].astype(object).to_dict("records")}
    return dyads, articles, actors


def _clean(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else value


def _surface(article: dict, actor_id: str) -> str | None:
    labelled = next((a for a in article["actors"] if a["actor_id"] == actor_id), None)
    return labelled["surfaces"][0] if labelled and len(labelled["surfaces"]) else None


def plover_schema() -> dict:
    return json.loads(cameo.table_text(PLOVER_SCHEMA))


def plover_records(path: str | Path | None = None, *, validate: bool = True) -> list[dict]:
    """One PLOVER record per dyad (CODEBOOK.md, exports), each validated against the PLOVER JSON Schema."""
    dyads, articles, actors = _joined(path, validate)
    validator = jsonschema.Draft202012Validator(plover_schema())
    records = []
    for d in dyads:
        art, event = articles[d["article_id"]], cameo.PLOVER[d["code"]]
        record = {
            "id": f"{d['article_id']}-{d['dyad_index']}",
            "date": str(d["event_date"])[:10],
            "actor": [_entity(actors[d["source"]], art)],
            "recipient": [_entity(actors[d["target"]], art)],
            "event": [event[0]],
            "mode": [event[1]] if event[1] else [],
            "context": [event[2]] if event[2] else [],
            "event_text": [d["quote"]],
            "quad_code": int(d["quad_class"]),
            "goldstein": float(d["goldstein"]),
            "cameo_code": d["code"],
            "link": art["event_id"],
            "cite_info": {
                "corpus": "corpus_ds",
                "citation": art["article_id"],
                "url": _clean(art["source_url"]),
                "title": _clean(art["title"]),
                "language": "ar",
                "publication": _clean(art["outlet"]) or _clean(art["attribution"]),
                "codebook": f"corpus_ds-{__version__} CODEBOOK.md",
                "version": __version__,
            },
            "coder": "corpus_ds human annotation (annotator and reviewer)",
        }
        if _clean(art["place_city"]):
            record["event_loc"] = {
                "extracted_place": art["place_city"],
                "resolved_place": art["place_city_en"],
                "city": art["place_city_en"],
                "country_code": art["place_country"],
                "resolution": 4,
            }
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        if errors:
            where = "/".join(str(p) for p in errors[0].path)
            raise CorpusError(f"PLOVER record {record['id']}: {where}: {errors[0].message}")
        records.append(record)
    return records


def _entity(actor: dict, article: dict) -> dict:
    entity = {
        **({"sector": actor["sector"]} if _clean(actor["sector"]) else {}),
        "code": actor["country"],
        "identifier_text": actor["name_en"],
        "corpus_ds_actor_id": actor["actor_id"],
    }
    text = _surface(article, actor["actor_id"])
    if text:
        entity["entity_text"] = text
    return entity


def icews_table(path: str | Path | None = None, *, validate: bool = True) -> pd.DataFrame:
    """The ICEWS-style flat table, one row per dyad; CAMEO codes are strings (042 keeps its zero)."""
    dyads, articles, actors = _joined(path, validate)
    rows = []
    for d in dyads:
        art, src, tgt = articles[d["article_id"]], actors[d["source"]], actors[d["target"]]
        rows.append(
            {
                "Event ID": f"{d['article_id']}-{d['dyad_index']}",
                "Event Date": str(d["event_date"])[:10],
                "Source Name": src["name_en"],
                "Source Sectors": src["sector"],
                "Source Country": src["country"],
                "Event Text": cameo.NAMES[d["code"]],
                "CAMEO Code": d["code"],
                "Intensity": float(d["goldstein"]),
                "Target Name": tgt["name_en"],
                "Target Sectors": tgt["sector"],
                "Target Country": tgt["country"],
                "Story ID": d["article_id"],
                "Publisher": _clean(art["outlet"]) or _clean(art["attribution"]),
                "City": _clean(art["place_city_en"]),
                "Country": _clean(art["place_country"]),
                "QuadClass": int(d["quad_class"]),
                "Quote": d["quote"],
            }
        )
    frame = pd.DataFrame(rows, columns=list(ICEWS_COLUMNS))
    text_columns = [c for c in ICEWS_COLUMNS if c not in ("Intensity", "QuadClass")]
    return frame.astype(
        dict.fromkeys(text_columns, "string") | {"Intensity": "float64", "QuadClass": "int16"}
    )


def export(fmt: str, out: str | Path, path: str | Path | None = None) -> list[Path]:
    """Write one export into the directory out (atomically per file); the written files."""
    if fmt not in FORMATS:
        raise CorpusError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "plover":
        lines = "".join(
            json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in plover_records(path)
        )
        target = out / "events.plover.jsonl"
        _write_file(target, lines.encode("utf-8"))
        return [target]
    frame = icews_table(path)
    tsv, parquet = out / "events.icews.tsv", out / "events.icews.parquet"
    _write_file(tsv, frame.to_csv(sep="\t", index=False, lineterminator="\n").encode("utf-8"))
    _write_file(parquet, _parquet_bytes(frame))
    return [tsv, parquet]


def _write_file(target: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a file."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    plain = pa.schema([f.with_type(pa.string()) if f.type == pa.large_string() else f for f in table.schema])
    pq.write_table(table.cast(plain), buffer)
    return buffer.getvalue()
