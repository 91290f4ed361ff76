"""A partitioned corpus validated partition by partition, and by Dask on a local cluster, gives the
single-process report."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_ds import columns, partitioned, rules, textkernel
from corpus_ds import synthetic as synth

TODAY = dt.date(2026, 11, 24)


def _write(root, corpus: dict[str, pa.Table], per_part: int, ids: list[str]) -> None:
    """Split a corpus into partitions by article position, the long tables following the articles' original ids."""
    for name in columns.TABLES:
        (root / name).mkdir(parents=True)
    pq.write_table(corpus["actors"], root / "actors" / "part-00000.parquet")
    for k in range(0, len(ids), per_part):
        part = f"part-{k // per_part:05d}.parquet"
        pq.write_table(corpus["articles"].slice(k, per_part), root / "articles" / part)
        chosen = pa.array(ids[k : k + per_part])
        for name in partitioned.ARTICLE_TABLES[1:]:
            t = corpus[name]
            pq.write_table(
                t.filter(pa.compute.is_in(t.column("article_id"), value_set=chosen)), root / name / part
            )


def _damaged(duplicate_id: bool = False) -> tuple[dict[str, pa.Table], list[str]]:
    """A synthetic corpus with problems inside partitions and across them, and its articles' original ids."""
    corpus = synth.tables(90, chars=400, seed=7)
    rows = corpus["articles"].to_pylist()
    ids = [r["article_id"] for r in rows]
    if duplicate_id:  # across partitions (in one table the two articles' long-table rows become ambiguous)
        rows[70]["article_id"] = rows[5]["article_id"]
    rows[40]["raw_file"] = rows[10]["raw_file"]  # one capture claimed twice, across partitions
    rows[33]["cameo_code"] = "099"  # a problem inside one partition
    other = next(r for r in rows[50:] if r["event_date"] != rows[20]["event_date"])
    other["event_id"] = rows[20]["event_id"]  # two partitions disagree on an event
    corpus["articles"] = pa.Table.from_pylist(rows, schema=columns.schema("articles"))
    mentions = corpus["mentions"].to_pylist()
    mentions[3]["start"] += 1
    corpus["mentions"] = pa.Table.from_pylist(mentions, schema=columns.schema("mentions"))
    # two partitions name one instrument, as two types: in the article's list and in the agreements table alike
    agreements = corpus["agreements"].to_pylist()
    early = next(g for g in agreements if g["article_id"] == ids[3])
    late = next(
        g for g in agreements if g["article_id"] in ids[60:] and g["instrument"] != early["instrument"]
    )
    late["instrument_id"] = early["instrument_id"]
    corpus["agreements"] = pa.Table.from_pylist(agreements, schema=columns.schema("agreements"))
    article = next(r for r in rows if r["article_id"] == late["article_id"])
    article["agreements"][late["agreement_index"]]["instrument_id"] = early["instrument_id"]
    corpus["articles"] = pa.Table.from_pylist(rows, schema=columns.schema("articles"))
    return corpus, ids


def _key(issues) -> list[tuple]:
    return sorted((i.code, i.field, i.article_id or "", str(i.value)) for i in issues)


def test_partitioned_validation_reports_what_one_table_reports(tmp_path):
    corpus, ids = _damaged()
    _write(tmp_path, corpus, 25, ids)
    assert len(partitioned.partitions(tmp_path)) == 4
    report = partitioned.validate(tmp_path, today=TODAY)
    single = rules.run(corpus, today=TODAY, full=False)
    assert {
        "raw-claimed-twice",
        "cameo-mismatch",
        "event-conflict",
        "offset-mismatch",
        "instrument-conflict",
    } <= set(report.codes())
    assert _key(report.issues) == _key(single)


def test_partitions_rehash_their_texts(tmp_path):
    """No manifest vouches for a partition's bytes: a text that no longer hashes to its text_sha256 is reported."""
    corpus = synth.tables(60, chars=300, seed=8)
    hashes = corpus["articles"].column("text_sha256").to_pylist()
    hashes[45] = "0" * 64
    corpus["articles"] = corpus["articles"].set_column(
        corpus["articles"].schema.get_field_index("text_sha256"),
        columns.schema("articles").field("text_sha256"),
        pa.array(hashes, pa.string()),
    )
    ids = corpus["articles"].column("article_id").to_pylist()
    _write(tmp_path, corpus, 25, ids)
    report = partitioned.validate(tmp_path, today=TODAY)
    assert [(i.code, i.file.rsplit("/", 2)[-2:], i.article_id) for i in report.issues] == [
        ("text-hash-mismatch", ["articles", "part-00001.parquet"], ids[45])
    ]


def test_duplicate_id_across_partitions(tmp_path):
    corpus, ids = _damaged(duplicate_id=True)
    _write(tmp_path, corpus, 25, ids)
    duplicates = [i for i in partitioned.validate(tmp_path, today=TODAY).issues if i.code == "duplicate-id"]
    assert [(i.field, i.article_id) for i in duplicates] == [("article_id", ids[5])]


def test_clean_partitioned_corpus_is_valid(tmp_path):
    synth.write_partitioned(tmp_path / "corpus", 120, chars=300, seed=2, per_partition=40)
    report = partitioned.validate(tmp_path / "corpus", today=TODAY)
    assert report.valid, report.format()


def test_dask_local_cluster_gives_the_same_report(tmp_path):
    from dask import distributed  # in the test extra

    corpus, ids = _damaged()
    _write(tmp_path, corpus, 25, ids)
    expected = partitioned.validate(tmp_path, today=TODAY)
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = partitioned.validate_dask(tmp_path, today=TODAY, client=client)
    assert report.issues == expected.issues
    assert not report.valid


def test_cli_validates_a_partitioned_corpus(tmp_path):
    from conftest import run_cli

    synth.write_partitioned(tmp_path / "corpus", 60, chars=300, seed=4, per_partition=30)
    assert (
        run_cli("validate", "--partitioned", str(tmp_path / "corpus"), "--today", "2026-11-24").returncode
        == 0
    )
    path = tmp_path / "corpus" / "articles" / "part-00001.parquet"
    t = pq.read_table(path)
    i = t.schema.get_field_index("cameo_code")
    pq.write_table(t.set_column(i, t.schema.field(i), pa.array(["099"] * t.num_rows)), path)
    out = run_cli("validate", "--partitioned", str(tmp_path / "corpus"), "--today", "2026-11-24")
    assert out.returncode == 1 and f"{path}: cameo_code:" in out.stdout and "[cameo-mismatch]" in out.stdout
    assert run_cli("validate", "--partitioned", str(tmp_path / "nothing")).returncode == 1


def test_partitions_take_the_compiled_text_pass_and_report_what_the_reference_reports(tmp_path, monkeypatch):
    corpus, ids = _damaged()
    _write(tmp_path, corpus, 25, ids)
    answered = []
    scan = textkernel.scan

    def counted(kernel, texts, queries):
        found = scan(kernel, texts, queries)  # raises Declined where the reference takes over
        answered.append(len(texts))
        return found

    monkeypatch.delenv(textkernel.ENV, raising=False)
    monkeypatch.setattr(textkernel, "scan", counted)
    compiled = partitioned.validate(tmp_path, today=TODAY)
    assert answered == [25, 25, 25, 15]  # every partition's texts, in one compiled pass each
    assert "offset-mismatch" in compiled.codes()
    monkeypatch.setenv(textkernel.ENV, "python")
    assert partitioned.validate(tmp_path, today=TODAY).issues == compiled.issues
