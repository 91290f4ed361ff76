"""The `corpus-ds` command on files written to a temporary directory: in this process, and a few runs of the real
entry point in a subprocess (exit codes, output encoding)."""

from __future__ import annotations

import os

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
    result = run_cli("docs", "--check", "--root", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cannot read or write" in result.stderr
