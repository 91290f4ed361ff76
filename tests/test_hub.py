"""The README's dataset card really loads with Hugging Face `datasets`: every config, offline, equal to corpus_ds."""

from __future__ import annotations

import socket

import pyarrow as pa
import pytest
from conftest import DATA, REPO

import corpus_ds
from corpus_ds import columns, docs


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """`datasets`, imported offline with its caches in a temporary directory, with Internet connections refused."""
    home = tmp_path_factory.mktemp("hf-home")
    connect = socket.socket.connect

    def refuse(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"test_hub: no network allowed, tried {address}")
        return connect(sock, address)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HOME", str(home))
        mp.setenv("HF_DATASETS_CACHE", str(home / "datasets"))
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("HF_DATASETS_OFFLINE", "1")
        mp.setattr(socket.socket, "connect", refuse)
        import datasets  # after the environment is set: datasets reads it at import

        assert datasets.config.HF_HUB_OFFLINE, "datasets was imported before its offline environment was set"
        yield datasets


@pytest.fixture(scope="module")
def expected() -> dict[str, pa.Table]:
    """What corpus_ds reads from the committed release, back in Arrow (the frames are Arrow-typed, so losslessly)."""
    frames = corpus_ds.tables(path=DATA / "release", validate=False)
    return {name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in frames.items()}


def _assert_same(dataset, want: pa.Table) -> None:
    got = dataset.data.table
    assert dataset.column_names == want.column_names
    assert dataset.num_rows == want.num_rows
    assert [(f.name, f.type) for f in got.schema] == [(f.name, f.type) for f in want.schema]
    assert got.to_pylist() == want.to_pylist()
    assert (
        dataset.to_list() == want.to_pylist()
    )  # datasets' own decoding: dates, nested lists and ints unchanged


@pytest.mark.parametrize("name", columns.TABLES)
def test_every_card_config_loads_offline_as_corpus_ds_reads_it(hub, expected, name, tmp_path):
    loaded = hub.load_dataset(str(REPO), name, cache_dir=str(tmp_path))
    assert list(loaded) == [docs.SPLIT]  # one split, every row; no training split
    _assert_same(loaded[docs.SPLIT], expected[name])


def test_the_card_default_config_is_articles(hub, expected, tmp_path):
    assert hub.get_dataset_config_names(str(REPO)) == list(columns.TABLES)
    loaded = hub.load_dataset(str(REPO), split=docs.SPLIT, cache_dir=str(tmp_path))
    _assert_same(loaded, expected["articles"])
