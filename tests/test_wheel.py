"""The wheel carries the release: installed into a fresh virtual environment, load() works from any directory."""

from __future__ import annotations

import subprocess
import sys
import venv

import pytest
from conftest import REPO


@pytest.mark.slow
def test_wheel_installs_and_loads_from_a_temporary_directory(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    wheel = next(wheels.glob("corpus_ds-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    code = (
        "import corpus_ds, pathlib; df = corpus_ds.load(); "
        "print(len(df), df['event_date'].dtype, corpus_ds.__version__, "
        f"pathlib.Path(corpus_ds.__file__).is_relative_to(pathlib.Path(r'{env_dir}')))"
    )
    out = subprocess.run(
        [str(python), "-c", code], cwd=workdir, check=True, capture_output=True, text=True, timeout=300
    ).stdout
    import corpus_ds

    assert out.split() == ["5", "date32[day][pyarrow]", corpus_ds.__version__, "True"]
    info = subprocess.run(
        [str(env_dir / "bin" / "corpus-ds"), "info"], cwd=workdir, capture_output=True, text=True, timeout=300
    )
    assert info.returncode == 0 and "articles        5 rows" in info.stdout
    # The templates and static files of the review site ship in the wheel.
    made = subprocess.run(
        [str(env_dir / "bin" / "corpus-ds"), "site", "out"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    assert (
        "quotes in removed lines are listed, not highlighted" in made.stderr
    )  # no raw captures beside an installed wheel
    for page in (
        "index.html",
        "codebook.html",
        "articles/ru-ma-0001.html",
        "actors/sergey-lavrov.html",
        "static/site.css",
        "static/site.js",
    ):
        assert (workdir / "out" / page).is_file(), page
