"""What the hostile-input tests saw in this run (kinds tried and caught, fuzz examples, crashes) and its table in
DATASHEET.md."""

from __future__ import annotations

from collections import Counter, defaultdict

SECTION = "hostile_input"
# The test files that tally into the table (module-level counters below) and that check it: under pytest-xdist they
# all run on one worker, in collection order, so the tallies the check reads are the whole run's (conftest.py).
TALLYING_FILES = ("test_hostile.py", "test_fuzz.py", "test_report_table.py")
DOCUMENT = "DATASHEET.md"

# Row order and wording of the table; the keys are what the tests record under.
ROWS = {
    "sources": (
        "source files, registry, raw captures: one defect per copy of `data/`, run through "
        "`corpus-ds validate DATA_DIR`"
    ),
    "releases": (
        "tampered or corrupted releases (damaged or missing files, changed schemas or metadata, forgeries with every "
        'checksum recomputed): through `corpus_ds.load(path=..., validate="full")` and `corpus-ds validate --release '
        "DIR` (the default `load()` refuses all but the forgeries only a text search or a re-hash of the texts reveals)"
    ),
    "commands": (
        "hostile input to the other commands (`new`, `clean`, `agreement`, `diff`, `validate --partitioned`, `info`, "
        "`site`): "
        "FIFOs, devices and directories for files, file names that would inject YAML or forge report lines, flat "
        "annotations of the wrong shape, releases and partitions without the exact schema or with repeated keys; "
        "each through the command's main function with a deadline"
    ),
    "fuzz-sources": (
        "source records mutated by hypothesis (keys dropped, values retyped, strings cut, controls inserted, lists "
        "shuffled), a character of every forbidden Unicode category injected into every string field, file-type "
        "tricks (FIFOs, directories, links, sparse files) in place of any file of the tree, and raw captures "
        "damaged at random under a matching sha256"
    ),
    "fuzz-releases": (
        "release files damaged by hypothesis: random bytes in Parquet files and the manifest, Parquet footers and "
        "key-value metadata mutated, statistics, page indexes and bloom filters written, Unicode characters of every "
        "forbidden category injected into every string column (checksums forged to match)"
    ),
}

tried: dict[str, set[str]] = defaultdict(set)
caught: dict[str, set[str]] = defaultdict(set)
examples: Counter = Counter()
crashes: Counter = Counter()


def render() -> str:
    """The Markdown table of this run's tallies."""
    out = [
        "| input | kinds of bad input tried | caught with a precise error | fuzz examples run | crashes |",
        "|---|---|---|---|---|",
    ]
    for key, label in ROWS.items():
        fuzz = key.startswith("fuzz-")
        cells = ["–", "–", str(examples[key])] if fuzz else [str(len(tried[key])), str(len(caught[key])), "–"]
        out.append(f"| {label} | {' | '.join(cells)} | {crashes[key]} |")
    total_tried = sum(len(tried[k]) for k in ROWS)
    total_caught = sum(len(caught[k]) for k in ROWS)
    out.append(
        f"| **total** | **{total_tried}** | **{total_caught}** | **{sum(examples.values())}** "
        f"| **{sum(crashes.values())}** |"
    )
    return "\n".join(out) + "\n"


# The fuzz tests behind each fuzz row (checked to exist, so a rename cannot silently stop the table's check).
FUZZ_TESTS = {
    "fuzz-sources": [
        "test_mutated_article_is_accepted_or_reported",
        "test_forbidden_characters_in_any_string_field_are_reported",
        "test_file_type_tricks_are_reported_without_blocking",
        "test_mutated_registry_is_accepted_or_reported",
        "test_damaged_raw_capture_with_a_matching_sha256_is_accepted_or_reported",
    ],
    "fuzz-releases": [
        "test_damaged_parquet_is_refused_with_a_corpus_error",
        "test_damaged_manifest_is_refused_with_a_corpus_error",
        "test_mutated_parquet_footer_and_metadata_are_refused_or_loaded_as_validated",
        "test_forbidden_characters_in_any_string_column_are_refused",
    ],
}
LIVE_CHECK = "test_report_table.py::test_table_is_what_this_run_gave"


def required_tests() -> set[str]:
    """Every test whose outcome the table reports, as `file::name[param]`: the live check needs all of them in
    the run."""
    from catalogue import CATALOGUE, COMMANDS, TAMPERS

    return (
        {f"test_hostile.py::test_bad_contribution_is_reported_by_the_cli[{d.id}]" for d in CATALOGUE}
        | {
            f"test_hostile.py::test_hostile_input_to_every_command_is_refused_or_harmless[{c.id}]"
            for c in COMMANDS
        }
        | {f"test_hostile.py::test_tampered_release_is_refused_by_load_and_the_cli[{t.id}]" for t in TAMPERS}
        | {f"test_fuzz.py::{name}" for names in FUZZ_TESTS.values() for name in names}
    )


def cells(table: str) -> list[list[str]]:
    """The body rows of a rendered table, as lists of cell texts."""
    rows = [line.strip("|").split(" | ") for line in table.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in row] for row in rows[1:]]
