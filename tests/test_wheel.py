"""The wheel carries the release: installed into a fresh virtual environment, load() works from any directory."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

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
    command = str(env_dir / "bin" / "corpus-ds")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([command, *args], cwd=workdir, capture_output=True, text=True, timeout=300)

    info = run("info")
    assert info.returncode == 0 and "articles        5 rows" in info.stdout
    # The installed files have a public path, and validate checks them there.
    installed = Path(run("path").stdout.strip())
    assert installed.is_relative_to(env_dir) and (installed / "croissant.json").is_file()
    assert run("path", "mentions").stdout.strip() == str(installed / "mentions.parquet")
    validated = run("validate")
    assert validated.returncode == 0 and "valid: no problems found" in validated.stdout
    assert f"validating the installed release {installed}" in validated.stderr
    # Commands that need the sources say so, and name no release that does not exist.
    for args in (["build"], ["diff"], ["release", "0.2.0"], ["schema", "--check"], ["docs", "--check"]):
        done = run(*args)
        assert done.returncode == 1 and "checkout of the corpus_ds repository" in done.stderr, (
            args,
            done.stderr,
        )
        assert "Traceback" not in done.stderr and "unchanged" not in done.stderr
    cite = run("cite")
    assert cite.stdout.count("@misc{") == 1 and "LicenseRef-Publisher-Texts" in cite.stdout
    metadata = subprocess.run(
        [
            str(python),
            "-c",
            "from importlib.metadata import metadata as m; print(m('corpus_ds')['License-Expression'])",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert metadata.stdout.strip() == "MIT AND CC-BY-4.0 AND LicenseRef-Publisher-Texts"
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
        "no raw captures; quotes in removed lines are placed by their text" in made.stderr
    )  # no data/raw here
    page = (workdir / "out" / "articles" / "ru-ma-0001.html").read_text(encoding="utf-8")
    assert "placed by its text" in page and "not placed" not in page
    for page in (
        "index.html",
        "codebook.html",
        "articles/ru-ma-0001.html",
        "actors/sergey-lavrov.html",
        "static/site.css",
        "static/site.js",
    ):
        assert (workdir / "out" / page).is_file(), page
