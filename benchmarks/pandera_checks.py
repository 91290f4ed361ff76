"""pandera baseline for the benchmarks: column checks equivalent to the release rules, without any evidence check."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from corpus_ds import models

ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _in(vocab) -> pa.Check:
    return pa.Check.isin(list(vocab))


SCHEMAS = {
    "articles": pa.DataFrameSchema(
        {
            "article_id": pa.Column(str, [pa.Check.str_matches(ID)], unique=True),
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "event_id": pa.Column(str, pa.Check.str_matches(ID)),
            "event_date_basis": pa.Column(str, _in(models.DATE_BASES)),
            "event_type": pa.Column(str, _in(models.EVENT_TYPES)),
            "agreement_type": pa.Column(str, _in(models.AGREEMENT_TYPES)),
            "review_status": pa.Column(str, pa.Check.eq("reviewed")),
            "raw_sha256": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{64}$"), unique=True),
            "raw_file": pa.Column(str, unique=True),
            "text_sha256": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{64}$")),
            "n_chars": pa.Column("int32", pa.Check.ge(0)),
            "n_paragraphs": pa.Column("int32", pa.Check.ge(0)),
        }
    ),
    "mentions": pa.DataFrameSchema(
        {
            "article_id": pa.Column(str),
            "actor_id": pa.Column(str, pa.Check.str_matches(ID)),
            "role": pa.Column(str, _in(models.ROLES)),
            "surface": pa.Column(str, pa.Check.str_length(min_value=1)),
            "start": pa.Column("int32", pa.Check.ge(0)),
            "end": pa.Column("int32", pa.Check.ge(0)),
        }
    ),
    "agreements": pa.DataFrameSchema(
        {
            "article_id": pa.Column(str),
            "instrument": pa.Column(str, _in(models.INSTRUMENTS)),
            "status": pa.Column(str, _in(models.STATUSES)),
            "location": pa.Column(str, _in(models.EVIDENCE_LOCATIONS)),
            "start": pa.Column("int32", pa.Check.ge(0)),
            "end": pa.Column("int32", pa.Check.ge(0)),
        }
    ),
    "evidence": pa.DataFrameSchema(
        {
            "article_id": pa.Column(str),
            "label": pa.Column(str),
            "value": pa.Column(str),
            "quote": pa.Column(str),
            "location": pa.Column(str, _in(models.EVIDENCE_LOCATIONS)),
            "start": pa.Column("int32", pa.Check.ge(0)),
            "end": pa.Column("int32", pa.Check.ge(0)),
        }
    ),
    "actors": pa.DataFrameSchema(
        {
            "actor_id": pa.Column(str, pa.Check.str_matches(ID), unique=True),
            "kind": pa.Column(str, _in(models.ACTOR_KINDS)),
        }
    ),
    "removals": pa.DataFrameSchema(
        {"article_id": pa.Column(str), "reason": pa.Column(str, _in(models.REMOVAL_REASONS))}
    ),
}


def validate(directory: str) -> dict[str, pd.DataFrame]:
    """Read the six tables with pandas and validate them (all failures collected, lazy=True)."""
    frames = {name: pd.read_parquet(f"{directory}/{name}.parquet") for name in SCHEMAS}
    for name, schema in SCHEMAS.items():
        schema.validate(frames[name], lazy=True)
    return frames
