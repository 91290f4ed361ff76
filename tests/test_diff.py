"""Label-level differences and the version bump they need."""

from __future__ import annotations

import pytest
from conftest import DATA, mutate

from corpus_ds import diff, versions
from corpus_ds.errors import CorpusError

A1 = "articles/ru-ma-0001.yaml"


def test_no_change_needs_no_bump():
    result = diff.diff(DATA / "release", DATA)
    assert result.empty and result.bump == "none"
    assert "No label, text or registry changes." in result.markdown()


def test_label_change_is_shown_field_by_field(data_copy):
    mutate(
        data_copy / A1,
        "    role: participant\n    surfaces: [ناصر بوريطة]",
        "    role: mentioned\n    surfaces: [ناصر بوريطة]",
    )
    result = diff.diff(data_copy / "release", data_copy)
    assert result.bump == "patch"
    assert result.changed == {
        "ru-ma-0001": [("actors[actor_id=nasser-bourita].role", "participant", "mentioned")]
    }
    assert not result.added and not result.removed and not result.text_changed


def test_removed_article_and_registry_changes(data_copy):
    (data_copy / "articles" / "ru-ma-0003.yaml").unlink()
    (data_copy / "raw" / "002_809d4f3bc07c577f.txt").unlink()
    mutate(data_copy / "actors.yaml", "name_en: Sergey Lavrov", "name_en: Sergei Lavrov")
    result = diff.diff(data_copy / "release", data_copy)
    assert result.removed == ["ru-ma-0003"] and result.bump == "major"
    assert result.actors_changed == {"sergey-lavrov": [("name_en", "Sergey Lavrov", "Sergei Lavrov")]}
    text = result.markdown()
    assert "### Articles removed (1)" in text and "- `sergey-lavrov` `name_en`" in text


def test_diff_of_sources_that_do_not_build_names_the_problem(data_copy):
    mutate(data_copy / A1, "actors:\n", "actros:\n")
    with pytest.raises(CorpusError, match=r"(?s)do not build.*\[unknown-field\]"):
        diff.diff(data_copy / "release", data_copy)


@pytest.mark.parametrize(
    "old,new,step",
    [
        ("0.1.0", "0.1.1", "patch"),
        ("0.1.0", "0.2.0", "minor"),
        ("0.9.3", "1.0.0", "major"),
        ("0.2.0", "0.1.9", "none"),
        ("0.1.0", "0.1.0", "none"),
    ],
)
def test_version_steps(old, new, step):
    assert versions.step(old, new) == step


@pytest.mark.parametrize("bad", ["1.2", "1.2.3.4", "01.2.3", "v1.2.3", "1.2.x"])
def test_malformed_versions_are_refused(bad):
    with pytest.raises(CorpusError, match=r"expected MAJOR\.MINOR\.PATCH"):
        versions.parse(bad)


def test_the_released_baseline_is_the_committed_release_when_it_matches_the_changelog(tmp_path):
    from conftest import REPO

    assert versions.released(REPO, tmp_path / "scratch") == REPO / "data" / "release"


def test_changes_only_the_long_tables_hold_are_shown(data_copy):
    """An evidence quote, an instrument's note and a cleaning decision live outside the articles row."""
    mutate(
        data_copy / A1,
        'evidence: {quote: "ووصل لافروف اليوم الأربعاء، إلى مدينة مراكش المغربية"}',
        'evidence: {quote: "ووصل لافروف اليوم الأربعاء"}',
    )
    mutate(data_copy / A1, "    note: The same meeting is announced", "    note: Also announced")
    result = diff.diff(data_copy / "release", data_copy)
    assert result.bump == "patch"
    paths = [path for path, _, _ in result.changed["ru-ma-0001"]]
    assert "evidence[event_type].quote" in paths and "agreements[0].note" in paths
    assert "evidence[event_type].end" in paths  # the offsets follow the shorter quote
