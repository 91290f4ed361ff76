"""What the hostile-input tests saw in this run (kinds tried and caught, fuzz examples, crashes) and its table in DATASHEET.md."""

from __future__ import annotations

from collections import Counter, defaultdict

SECTION = "hostile_input"
DOCUMENT = "DATASHEET.md"

# Row order and wording of the table; the keys are what the tests record under.
ROWS = {
    "sources": "source files, registry, raw captures: one defect per copy of `data/`, run through `corpus-ds validate DATA_DIR`",
    "releases": "tampered or corrupted releases: through `corpus_ds.load(path=...)` and `corpus-ds validate --release DIR`",
    "fuzz-sources": "source records mutated by hypothesis (keys dropped, values retyped, strings cut, controls inserted, lists shuffled)",
    "fuzz-releases": "release files damaged by hypothesis (random bytes in Parquet files and the manifest)",
}

tried: dict[str, set[str]] = defaultdict(set)
caught: dict[str, set[str]] = defaultdict(set)
examples: Counter = Counter()
crashes: Counter = Counter()


def render() -> str:
    """The Markdown table of this run's tallies."""
    out = ["| input | kinds of bad input tried | caught with a precise error | fuzz examples run | crashes |",
           "|---|---|---|---|---|"]
    for key, label in ROWS.items():
        fuzz = key.startswith("fuzz-")
        cells = ["–", "–", str(examples[key])] if fuzz else [str(len(tried[key])), str(len(caught[key])), "–"]
        out.append(f"| {label} | {' | '.join(cells)} | {crashes[key]} |")
    total_tried = sum(len(tried[k]) for k in ROWS)
    total_caught = sum(len(caught[k]) for k in ROWS)
    out.append(f"| **total** | **{total_tried}** | **{total_caught}** | **{sum(examples.values())}** | **{sum(crashes.values())}** |")
    return "\n".join(out) + "\n"
