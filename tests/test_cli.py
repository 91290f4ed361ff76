"""The `corpus-ds` command on files written to a temporary directory: in this process, and a few runs of the real
entry point in a subprocess (exit codes, output encoding)."""

from __future__ import annotations

import argparse
import os

import pandas as pd
import pytest
from conftest import mutate, run_cli, run_process

import corpus_ds


def test_info_prints_version_counts_and_preview(tmp_path):
    result = run_cli("info", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"corpus_ds {corpus_ds.__version__}" in result.stdout
    for table, rows in {"articles": 5, "actors": 7}.items():
        assert any(line.split()[:2] == [table, str(rows)] for line in result.stdout.splitlines())
    assert "ru-ma-0004  2023-09-01  congratulations" in result.stdout


def test_validate_valid_tree_exits_0(data_copy):
    result = run_cli("validate", str(data_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid: no problems found" in result.stdout


def test_validate_broken_tree_exits_1_with_located_messages(data_copy):
    mutate(data_copy / "articles" / "ru-ma-0001.yaml", "actors:\n", "actros:\n")
    mutate(data_copy / "articles" / "ru-ma-0002.yaml", 'date: "2025-10-16"', 'date: "2025-10-17"')
    result = run_process("validate", str(data_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        f"{data_copy}/articles/ru-ma-0001.yaml: actros: Extra inputs are not permitted [unknown-field]"
        in result.stdout
    )
    assert f"{data_copy}/articles/ru-ma-0002.yaml: dates.event.weekday_evidence:" in result.stdout
    assert "[weekday-mismatch]" in result.stdout


def test_validate_yaml_syntax_error_names_the_line(data_copy):
    path = data_copy / "articles" / "ru-ma-0003.yaml"
    mutate(path, "agreements:\n", "agreements: [\n")
    result = run_cli("validate", str(data_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(
        n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("agreements: [")
    )
    assert (
        f"ru-ma-0003.yaml: line {line + 1}" in result.stdout
        or f"ru-ma-0003.yaml: line {line}" in result.stdout
    )


def test_validate_not_a_data_dir(tmp_path):
    result = run_cli("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "not a corpus_ds data directory" in result.stderr


def test_validate_release_json_report(tmp_path, data_copy):
    (data_copy / "release" / "actors.parquet").write_bytes(b"PAR1 broken")
    result = run_cli("validate", "--release", str(data_copy / "release"), "--json")
    assert result.returncode == 1
    assert '"code": "checksum-mismatch"' in result.stdout


def test_build_then_check(data_copy):
    result = run_cli("build", str(data_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote" in result.stdout and "(5 rows)" in result.stdout
    assert run_cli("build", str(data_copy), "--check").returncode == 0
    mutate(
        data_copy / "articles" / "ru-ma-0005.yaml",
        "name: Russian media (conduit",
        "name: Russian press (conduit",
    )
    check = run_cli("build", str(data_copy), "--check")
    assert check.returncode == 1 and "[release-out-of-sync]" in check.stdout


def test_build_refuses_invalid_sources(data_copy):
    mutate(data_copy / "articles" / "ru-ma-0001.yaml", 'cameo_code: "042"', 'cameo_code: "041"')
    result = run_cli("build", str(data_copy))
    assert result.returncode == 1 and "[cameo-mismatch]" in result.stdout
    assert "previous release is unchanged" in result.stderr


def test_cite_and_version_through_the_entry_point():
    assert corpus_ds.__version__ in run_process("cite").stdout
    assert run_process("--version").stdout.strip() == f"corpus_ds {corpus_ds.__version__}"
    usage = run_process("validate", "--no-such-option")
    assert usage.returncode == 2 and "usage:" in usage.stderr


def test_the_real_command_prints_a_file_name_that_is_not_utf8_escaped(data_copy):
    name = os.fsdecode(b"ru-ma-\xff.yaml")
    (data_copy / "articles" / name).write_bytes((data_copy / "articles" / "ru-ma-0001.yaml").read_bytes())
    result = run_process("validate", str(data_copy))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "ru-ma-\\udcff.yaml: article_id: " in result.stdout and "[duplicate-id]" in result.stdout


def test_file_system_errors_are_messages_not_tracebacks(tmp_path):
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    result = run_cli("site", str(tmp_path / "a-file" / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cannot read or write" in result.stderr


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """The command as after `pip install` of the wheel: run from a directory outside any checkout."""
    from corpus_ds import cli

    monkeypatch.setattr(cli, "package_checkout", lambda: None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return elsewhere


def test_outside_a_checkout_validate_checks_the_installed_release(installed):
    result = run_cli("validate", cwd=installed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid: no problems found" in result.stdout
    assert f"validating the installed release {corpus_ds.path()}" in result.stderr


def test_outside_a_checkout_validate_reports_a_damaged_installed_release(installed, data_copy, monkeypatch):
    from corpus_ds import loader

    (data_copy / "release" / "croissant.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(loader, "release_dir", lambda: data_copy / "release")
    result = run_cli("validate", cwd=installed)
    assert result.returncode == 1 and "[croissant-out-of-sync]" in result.stdout


@pytest.mark.parametrize(
    ("args", "needs"),
    [
        (("build",), "needs the sources"),
        (("build", "--check"), "needs the sources"),
        (("build", "--preview"), "needs the sources"),
        (("new", "capture.txt"), "needs a data directory"),
        (("diff",), "needs the working sources and the version history"),
        (("diff", "some/release"), "needs the working sources and the version history"),
        (("release", "0.2.0"), "needs the checkout's src/corpus_ds/__init__.py"),
        (("schema", "--check"), "needs the committed JSON Schemas"),
        (("docs",), "needs the checkout's documents"),
        (("docs", "--check"), "needs the checkout's documents"),
        (("agreement", "a", "b"), "needs the actor registry"),
    ],
)
def test_outside_a_checkout_commands_say_they_need_one(installed, args, needs):
    result = run_cli(*args, cwd=installed)
    assert result.returncode == 1 and result.stdout == ""
    assert needs in result.stderr and "checkout of the corpus_ds repository" in result.stderr
    assert "Traceback" not in result.stderr and "unchanged" not in result.stderr
    assert list(installed.iterdir()) == []  # nothing written


def test_outside_a_checkout_info_path_cite_and_diff_of_two_releases_work(installed):
    for args in (("info",), ("path",), ("path", "mentions"), ("cite",), ("cite", "--format", "cff")):
        result = run_cli(*args, cwd=installed)
        assert result.returncode == 0 and result.stdout.strip(), (args, result.stderr)
    release = str(corpus_ds.path())
    same = run_cli("diff", release, release, cwd=installed)
    assert same.returncode == 0, same.stderr
    assert "Required version bump: **none**" in same.stdout


def test_path_prints_the_release_directory_and_a_table_file():
    assert run_cli("path").stdout == f"{corpus_ds.path()}\n"
    assert run_cli("path", "agreements").stdout == f"{corpus_ds.path() / 'agreements.parquet'}\n"
    unknown = run_cli("path", "agreement")
    assert unknown.returncode == 1 and "unknown table 'agreement'" in unknown.stderr


def test_a_build_that_writes_nothing_does_not_speak_of_a_previous_release(data_copy):
    import shutil

    shutil.rmtree(data_copy / "release")
    mutate(data_copy / "articles" / "ru-ma-0001.yaml", 'cameo_code: "042"', 'cameo_code: "041"')
    result = run_cli("build", str(data_copy))
    assert result.returncode == 1 and "no release was written" in result.stderr
    assert "unchanged" not in result.stderr and not (data_copy / "release").exists()


def test_validate_names_a_directory_that_is_not_a_data_directory(tmp_path):
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}: not a corpus_ds data directory" in result.stderr and "--release DIR" in result.stderr


def test_info_shows_a_header_titles_only_and_cuts_at_a_word_with_an_ellipsis():
    from corpus_ds import arabic

    lines = run_cli("info").stdout.splitlines()
    header = lines.index("articles:") + 1
    assert lines[header].split() == ["article_id", "event_date", "event_type", "agreement_type", "title"]
    rows = {line.split()[0]: line for line in lines[header + 1 :]}
    for article in corpus_ds.load().itertuples():
        shown = rows[article.article_id].split(article.agreement_type, 1)[1].strip()
        if article.title is None or article.title is pd.NA:
            assert shown == "(the page shows no title)"  # never the first line of the text
            continue
        title = " ".join(article.title.split())
        assert shown == arabic.shorten(title, 60)
        if len(title) > 60:
            assert shown.endswith("…") and title.startswith(shown[:-1].rstrip())
            assert title[len(shown) - 1] in " ,.;:،؛"  # the cut falls between words


def test_shorten_cuts_between_words_and_marks_the_cut():
    from corpus_ds.arabic import shorten

    assert shorten("short title", 60) == "short title"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("اتصال هاتفي بين سيرجي لافروف، ونظيره", 30) == "اتصال هاتفي بين سيرجي لافروف…"
    assert shorten("averyveryverylongword", 8) == "averyve…"  # no space to cut at: cut the word


def test_every_option_has_help_text():
    from corpus_ds import cli

    for name, command in cli.parser()._subparsers._group_actions[0].choices.items():
        for action in command._actions:
            if action.help is not argparse.SUPPRESS and not isinstance(action, argparse._HelpAction):
                assert action.help and action.help.strip(), (
                    f"corpus-ds {name} {action.option_strings or action.dest}"
                )


def test_a_closed_pipe_ends_the_real_command_quietly():
    """`corpus-ds info | head -1`: the reader is gone before the command writes; no message, killed by SIGPIPE."""
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "corpus_ds", "info"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # no reader left: the command's first write meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert err == b""
    assert proc.returncode == -signal.SIGPIPE  # as `head` leaves any Unix tool: the shell reports 141


def test_a_closed_pipe_inside_the_process_is_quiet_too(monkeypatch):
    """Where SIGPIPE is ignored (the command run in-process, or another platform): no message, no traceback."""
    import io

    from corpus_ds import cli

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return 1

    dup2 = []
    monkeypatch.setattr(cli.os, "dup2", lambda *a: dup2.append(a))
    monkeypatch.setattr(cli.sys, "stdout", Closed())
    err = io.StringIO()
    monkeypatch.setattr(cli.sys, "stderr", err)
    assert cli.main(["path"]) == 141 and err.getvalue() == "" and dup2
