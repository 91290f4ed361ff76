"""The wheel carries the release: installed into a fresh virtual environment, load() works from any directory."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built once as pip builds it for a user."""
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return next(wheels.glob("corpus_ds-*.whl"))


@pytest.mark.slow
def test_wheel_installs_and_loads_from_a_temporary_directory(tmp_path, wheel):
    env_dir = tmp_path / "venv"
    python = _fresh_environment(env_dir, wheel)
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


def _fresh_environment(env_dir: Path, wheel: Path) -> Path:
    """A new virtual environment holding the wheel and, on a path line, only what its declared dependencies need.

    Installing pandas, pyarrow and numpy again would cost most of this test's time and test pip, not the wheel.
    Instead the distributions the wheel's core requirements reach (and nothing else of this environment: no test
    extra) are linked into one directory that a `.pth` line adds; a dependency the wheel forgets to declare is
    then missing there, as it would be for a user.
    """
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "-q",
        "--no-deps",
        "--no-index",
    ]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, text=True, timeout=300)
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    linked = env_dir / "declared-dependencies"
    linked.mkdir()
    for dist in _reached(_declared_dependencies(wheel)):
        for top in {Path(str(f)).parts[0] for f in dist.files or () if not str(f).startswith("..")}:
            if top != "__pycache__" and not (linked / top).exists():
                (linked / top).symlink_to(dist.locate_file(top))
    Path(site_packages, "zz_declared_dependencies.pth").write_text(f"{linked}\n", encoding="utf-8")
    return python


def _reached(requirements: list[str]) -> list[metadata.Distribution]:
    """The installed distributions that these requirements (markers evaluated, no extras asked) reach."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        found[name] = dist = metadata.distribution(requirement.name)
        for extra_asked in ["", *requirement.extras]:
            todo += [(Requirement(r), extra_asked) for r in dist.requires or ()]
    return list(found.values())


def _declared_dependencies(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    return [line.split(": ", 1)[1] for line in metadata.splitlines() if line.startswith("Requires-Dist: ")]


@pytest.mark.slow
def test_the_wheel_declares_the_projects_dependencies(wheel):
    """What the fresh environment above borrows, a user's pip must install: the wheel declares it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _declared_dependencies(wheel)
    core = {_key(d) for d in declared if "extra ==" not in d}
    assert core == {_key(d) for d in project["dependencies"]}
    for extra, wanted in project["optional-dependencies"].items():
        given = {_key(d) for d in declared if _in_extra(d, extra)}
        assert given == {_key(d) for d in wanted}, extra


def _key(requirement: str) -> tuple[str, str, str]:
    parsed = Requirement(requirement)
    return canonicalize_name(parsed.name), ",".join(sorted(parsed.extras)), str(parsed.specifier)


def _in_extra(requirement: str, extra: str) -> bool:
    marker = Requirement(requirement).marker
    return marker is not None and marker.evaluate({"extra": extra})
