"""Nothing is left half-written: `corpus-ds release` killed at every step (SIGINT, SIGTERM, SIGKILL), a build killed
between its renames, a site written over planted links. Each command runs in a subprocess with a timeout."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from test_contribute import IGNORE, cli, current, step

from corpus_ds import release

pytestmark = pytest.mark.slow  # each case runs the real command on a copy of the repository

FILES = ("src/corpus_ds/__init__.py", "CITATION.cff", "CHANGELOG.md", "DATASHEET.md", "CODEBOOK.md")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file a release may change, byte for byte."""
    out = {f: (root / f).read_bytes() for f in FILES}
    out.update({f"data/release/{p.name}": p.read_bytes() for p in (root / "data" / "release").iterdir()})
    return out


def versions(root: Path) -> tuple[str, str, str]:
    """The copy's version, its release date (the tests' today) and the next patch version."""
    old, today = current(root)
    return old, today, step(old, "patch")


def correct_a_label(root: Path) -> None:
    """A label correction: the data now need a patch release."""
    source = root / "data" / "articles" / "ru-ma-0001.yaml"
    text = source.read_text(encoding="utf-8")
    old = "    status: concluded\n    sectors: [trade"
    assert old in text
    source.write_text(text.replace(old, "    status: planned\n    sectors: [trade", 1), encoding="utf-8")
    assert cli(root, "build", "--today", versions(root)[1]).returncode == 0


@pytest.fixture(scope="module")
def corrected_template(tmp_path_factory) -> Path:
    """A contributor's clone with a label corrected and built, made once for the module (the build is the slow
    part); each test releases its own copy of it."""
    root = tmp_path_factory.mktemp("template") / "repo"
    shutil.copytree(REPO, root, ignore=IGNORE)
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "clone"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, timeout=120)
    correct_a_label(root)
    return root


@pytest.fixture
def corrected(corrected_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the corrected clone (its git directory too)."""
    root = tmp_path / "repo"
    shutil.copytree(corrected_template, root, symlinks=True)
    return root


def start_release(root: Path, pause_at: str) -> subprocess.Popen:
    """`corpus-ds release` of the next patch version, paused at a step of its transaction; returns once it is there."""
    _, today, new = versions(root)
    env = {**os.environ, "PYTHONPATH": str(root / "src"), release.PAUSE_ENV: pause_at}
    process = subprocess.Popen(
        [sys.executable, "-m", "corpus_ds", "release", new, "--today", today],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as a user's terminal delivers it: a runner started in the background (SIGINT ignored, as shells
        # start background jobs) would hand the release an ignored SIGINT
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    marker = root / release.TRANSACTION / f"paused-{pause_at}"
    deadline = time.monotonic() + 240
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            out, err = process.communicate(timeout=60)
            pytest.fail(f"the release never reached {pause_at}:\n{out}{err}")
        time.sleep(0.05)
    return process


def stop(process: subprocess.Popen, how: signal.Signals) -> tuple[int, str, str]:
    process.send_signal(how)
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate(timeout=60)
        pytest.fail(f"the release did not stop after {how.name}")
    return process.returncode, out, err


def temporary_entries() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).iterdir() if p.name.startswith("corpus-ds")}


def assert_released(root: Path, new: str, today: str) -> None:
    """The whole release is there: every version file, the changelog entry, the release, the documents in sync."""
    assert f'__version__ = "{new}"' in (root / "src/corpus_ds/__init__.py").read_text(encoding="utf-8")
    assert f'version: "{new}"' in (root / "CITATION.cff").read_text(encoding="utf-8")
    assert f"## [{new}] - " in (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f'"version": "{new}"' in (root / "data/release/manifest.json").read_text(encoding="utf-8")
    assert not (root / release.TRANSACTION).exists()
    docs = cli(root, "docs", "--check")
    assert docs.returncode == 0, docs.stdout
    checked = cli(root, "validate", "--today", today)
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_release_interrupted_before_its_commit_point_rolls_back_cleanly(corrected, how):
    repo = corrected
    before, tmp_before = snapshot(repo), temporary_entries()
    code, out, err = stop(start_release(repo, "staged"), how)
    assert code == 1 and "Traceback" not in out + err, out + err
    assert "rolled back, every file is as it was" in err
    assert snapshot(repo) == before
    assert not (repo / release.TRANSACTION).exists()
    assert temporary_entries() <= tmp_before, "a release left files in the temporary directory"


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_release_interrupted_after_its_commit_point_completes(corrected, how):
    repo = corrected
    _, today, new = versions(repo)
    code, out, err = stop(start_release(repo, "committed"), how)
    assert code == 1 and "Traceback" not in out + err, out + err
    assert "after its commit point: it was completed" in err
    assert_released(repo, new, today)


def test_a_release_killed_before_its_commit_point_is_reported_then_rolled_back(corrected):
    repo = corrected
    _, today, new = versions(repo)
    before = snapshot(repo)
    stop(start_release(repo, "staged"), signal.SIGKILL)
    assert snapshot(repo) == before  # staging changed nothing the repository holds
    checked = cli(repo, "validate", "--today", today)
    assert checked.returncode == 1 and "[release-interrupted]" in checked.stdout
    assert "rolls it back" in checked.stdout
    docs = cli(repo, "docs", "--check")
    assert docs.returncode == 1 and "[release-interrupted]" in docs.stdout
    assert (repo / release.TRANSACTION).exists(), "a check must not repair anything"
    rebuilt = cli(repo, "build", "--today", today)
    assert rebuilt.returncode == 0 and "rolled back" in rebuilt.stderr
    assert snapshot(repo) == before and not (repo / release.TRANSACTION).exists()
    done = cli(repo, "release", new, "--today", today)
    assert done.returncode == 0, done.stderr
    assert_released(repo, new, today)


def test_a_release_killed_after_its_commit_point_is_rolled_forward_by_the_next_command(corrected):
    repo = corrected
    _, today, new = versions(repo)
    stop(start_release(repo, "committed"), signal.SIGKILL)
    checked = cli(repo, "validate", "--today", today)
    assert checked.returncode == 1 and "[release-interrupted]" in checked.stdout
    assert "rolls it forward" in checked.stdout
    done = cli(repo, "docs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert_released(repo, new, today)


def test_a_build_killed_between_its_renames_is_recovered_by_every_command(data_copy, tmp_path):
    """The release moved aside (as by a build killed between its two renames), the sources broken: every command
    puts the previous release back first, and no .release-new-* debris stays."""
    from corpus_ds import release_format

    release_dir = data_copy / "release"
    before = {p.name: p.read_bytes() for p in release_dir.iterdir()}
    source = data_copy / "articles" / "ru-ma-0001.yaml"
    source.write_text(
        source.read_text(encoding="utf-8").replace("actors:\n", "actros:\n", 1), encoding="utf-8"
    )
    commands = [
        ("build", str(data_copy), "--today", "2026-12-31"),
        ("validate", str(data_copy), "--today", "2026-12-31"),
        ("info", "--release", str(release_dir)),
        ("site", str(tmp_path / "site"), "--release", str(release_dir)),
    ]
    for args in commands:
        os.replace(release_dir, data_copy / ".release-old-999999999")
        (data_copy / ".release-new-999999999").mkdir()
        result = run_cli(*args)
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        assert {p.name: p.read_bytes() for p in release_dir.iterdir()} == before, args
        assert not list(data_copy.glob(".release-*")), args
        if args[0] in ("info", "site"):
            assert result.returncode == 0, result.stderr
    os.replace(release_dir, data_copy / ".release-old-999999999")
    import corpus_ds

    assert len(corpus_ds.load(path=release_dir, validate=False)) == 5
    release_format.recover(release_dir)
    assert not list(data_copy.glob(".release-*"))


def test_site_never_follows_links_planted_in_its_directory(tmp_path):
    from conftest import DATA

    outside = tmp_path / "outside.txt"
    outside.write_text("not yours\n", encoding="utf-8")
    out = tmp_path / "site"
    first = run_cli("site", str(out), "--release", str(DATA / "release"), "--raw", str(DATA / "raw"))
    assert first.returncode == 0, first.stderr
    # an earlier site with links planted where the next one writes: they are replaced, never followed
    for name in ("index.html", "articles/ru-ma-0001.html", "static/site.css"):
        (out / name).unlink()
        (out / name).symlink_to(outside)
    again = run_cli("site", str(out), "--release", str(DATA / "release"), "--raw", str(DATA / "raw"))
    assert again.returncode == 0, again.stderr
    assert outside.read_text(encoding="utf-8") == "not yours\n"
    assert not any(p.is_symlink() for p in out.rglob("*"))
    assert not list(tmp_path.glob(".site-*")), "no debris beside the site"
    # a link as the directory itself, and a directory of other files, are refused untouched
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine\n", encoding="utf-8")
    for target, message in ((tmp_path / "linked", "symbolic link"), (foreign, "not a review site")):
        refused = run_cli("site", str(target), "--release", str(DATA / "release"))
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr
    assert not any((tmp_path / "elsewhere").iterdir())
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "mine\n"
