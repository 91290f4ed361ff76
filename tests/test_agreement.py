"""Inter-annotator agreement: exact figures on two annotations that differ in known ways."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, run_cli

from corpus_ds import agreement
from corpus_ds.errors import CorpusError


def _write(directory, items):
    directory.mkdir()
    for item in items:
        (directory / f"{item['raw_file']}.json").write_text(
            json.dumps(item, ensure_ascii=False), encoding="utf-8"
        )


def _item(raw, event_type, date, actors, instruments, published=None):
    return {
        "raw_file": raw,
        "event_type": event_type,
        "event_date": date,
        "published_date": {"value": published},
        "actors": [{"actor_id": a, "role": r} for a, r in actors],
        "instruments": [{"instrument": i, "status": s} for i, s in instruments],
    }


A = [
    _item(
        "1.txt",
        "visit",
        "2020-01-01",
        [("x", "participant"), ("y", "participant")],
        [("agreement", "concluded")],
    ),
    _item("2.txt", "visit", "2020-01-02", [("x", "participant")], [("joint_statement", "concluded")]),
    _item("3.txt", "phone_call", "2020-01-03", [("y", "participant")], []),
    _item(
        "4.txt", "phone_call", "2020-01-04", [("x", "mentioned")], [("agreement", "planned")], "2020-01-05"
    ),
]
B = [  # differs in: 2's event type; 3's date; 1 lacks y; 4 has x as participant and an extra z; 2's instrument status
    _item("1.txt", "visit", "2020-01-01", [("x", "participant")], [("agreement", "concluded")]),
    _item("2.txt", "phone_call", "2020-01-02", [("x", "participant")], [("joint_statement", "planned")]),
    _item("3.txt", "phone_call", "2020-01-30", [("y", "participant")], []),
    _item(
        "4.txt",
        "phone_call",
        "2020-01-04",
        [("x", "participant"), ("z", "mentioned")],
        [("agreement", "planned")],
        "2020-01-05",
    ),
]


@pytest.fixture
def annotations(tmp_path):
    _write(tmp_path / "a", A)
    _write(tmp_path / "b", B)
    return tmp_path / "a", tmp_path / "b"


def test_exact_figures_through_the_cli(annotations):
    done = run_cli("agreement", str(annotations[0]), str(annotations[1]), "--json")
    assert done.returncode == 0, done.stderr
    f = json.loads(done.stdout)
    assert f["articles"] == 4 and f["only_a"] == f["only_b"] == []
    # event_type: a = V V P P, b = V P P P: po = 3/4, pe = (2*1 + 2*3)/16 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 0.5
    assert f["event_type"] == {"agree": 3, "n": 4, "kappa": pytest.approx(0.5)}
    # agreement_type (derived): a = agreement, joint_statement, none, none; b = agreement, none, none, none
    # po = 3/4, pe = (1*1 + 1*0 + 2*3)/16 = 7/16, kappa = (12/16 - 7/16) / (9/16) = 5/9
    assert f["agreement_type"] == {"agree": 3, "n": 4, "kappa": pytest.approx(5 / 9)}
    assert f["event_date"] == {"agree": 3, "n": 4} and f["published_date"] == {"agree": 4, "n": 4}
    # actor ids: a = {1x, 1y, 2x, 3y, 4x}, b = {1x, 2x, 3y, 4x, 4z}: 4 shared
    assert f["actors"] == {
        "a": 5,
        "b": 5,
        "both": 4,
        "precision": 0.8,
        "recall": 0.8,
        "f1": pytest.approx(0.8),
    }
    # with roles 4x differs too: 3 shared
    assert f["actors_with_role"]["both"] == 3 and f["actors_with_role"]["precision"] == pytest.approx(0.6)
    # instruments: a = {1 agreement/concluded, 2 js/concluded, 4 agreement/planned}, b has 2 js/planned instead
    assert f["instruments"] == {
        "a": 3,
        "b": 3,
        "both": 2,
        "precision": pytest.approx(2 / 3),
        "recall": pytest.approx(2 / 3),
        "f1": pytest.approx(2 / 3),
    }


def test_kappa_edge_cases():
    assert agreement.cohen_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement is total: undefined
    assert agreement.cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    assert agreement.cohen_kappa([], []) is None


def test_articles_only_one_side_annotated_are_listed(annotations, tmp_path):
    (annotations[1] / "4.txt.json").unlink()
    f = agreement.measure(
        agreement.read_annotations(annotations[0]), agreement.read_annotations(annotations[1])
    )
    assert f["articles"] == 3 and f["only_a"] == ["4.txt"]


def test_release_sources_against_the_second_annotation_through_the_cli():
    done = run_cli("agreement", str(DATA / "articles"), str(DATA / "annotations" / "annotator-b"), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["articles"] == 5
    assert figures["actors"]["a"] == 18 and figures["actors"]["recall"] == 1.0


def test_unreadable_annotation_is_a_clear_error(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "1.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"1.json: \(file\): expected a flat JSON annotation"):
        agreement.read_annotations(tmp_path / "x")
    with pytest.raises(CorpusError, match="expected a directory"):
        agreement.read_annotations(tmp_path / "missing")


def test_the_table_for_a_pull_request(annotations):
    done = run_cli("agreement", str(annotations[0]), str(annotations[1]))
    assert done.returncode == 0, done.stderr
    assert "| event_type | Cohen's kappa | 4 | 4 | 3 | 0.500 |" in done.stdout
    assert "| agreement_type | Cohen's kappa | 4 | 4 | 3 | 0.556 |" in done.stdout
    assert "| actor ids | precision / recall / F1 | 5 | 5 | 4 | 0.800 / 0.800 / 0.800 |" in done.stdout


def test_labels_one_side_did_not_annotate_are_not_compared(tmp_path):
    """An annotation of the dyads and places alone says nothing of the actors: those rows are left out and named."""
    for path in (DATA / "annotations" / "annotator-d").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["dyads"] = data["dyads"][1:]  # one dyad fewer per article
        (tmp_path / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_cli("agreement", str(DATA / "articles"), str(tmp_path))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "| actor ids |" not in out and "| event_type |" not in out
    assert "not compared: actors, agreement_type, event_date, event_type, instruments, published_date." in out
    assert "| dyads (source, target, code) | precision / recall / F1 over 5 articles | 14 | 9 | 9 |" in out
