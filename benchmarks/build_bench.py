"""`corpus-ds build` cost per article as the number of source files grows (synthetic copies; never shipped).

    python benchmarks/build_bench.py --articles 1000 10000 --json benchmarks/results/build.json

Each synthetic source is a copy of one of the five labelled articles under a `syn-` id, with its own raw capture:
the original with the copy's number appended to the last body line, so that every capture and every cleaned text is
distinct (the duplicate-text rule refuses two articles with one text), and the source's text_sha256 updated to match;
no label moves, the number being after every quote.
The tree is written under benchmarks/.data/ and built in a fresh process; the time covers the whole build
(reading and cleaning every capture, every rule, writing and re-validating the release).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from corpus_ds import clean

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def _last_body_line(source: str) -> tuple[list[str], int, list]:
    """A source's raw capture as lines, the index of its last body line, and its cleaning decisions."""
    from corpus_ds.errors import Report
    from corpus_ds.sources import read_yaml

    article_id = re.search(r"^article_id: (\S+)$", source, re.M).group(1)
    path = DATA / "articles" / f"{article_id}.yaml"
    record = read_yaml(path, Report())
    overrides = [(d["lines"][0], d["lines"][1], d["as"]) for d in record["cleaning"]["decisions"]]
    raw_text = (DATA / "raw" / record["raw"]["file"]).read_bytes().decode("utf-8")
    decisions = clean.clean(raw_text, overrides).decisions
    last = max(line for line, decision in decisions.items() if decision.role == "body")
    return clean.raw_lines(raw_text), last - 1, overrides


def make_tree(out: Path, n: int) -> Path:
    data = out / "data"
    shutil.rmtree(out, ignore_errors=True)
    (data / "articles").mkdir(parents=True)
    (data / "raw").mkdir()
    shutil.copy(DATA / "actors.yaml", data / "actors.yaml")
    sources = sorted((DATA / "articles").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    originals = [_last_body_line(source) for source in texts]
    for i in range(n):
        source = texts[i % len(texts)]
        raw_lines, last_body, overrides = originals[i % len(texts)]
        lines = list(raw_lines)
        lines[last_body] += f" [copy {i:06d}]"
        raw_text = "\n".join(lines)
        raw = raw_text.encode("utf-8")
        name = f"syn_{i:06d}.txt"
        (data / "raw" / name).write_bytes(raw)
        text = re.sub(r"^article_id: \S+$", f"article_id: syn-{i:06d}", source, count=1, flags=re.M)
        text = re.sub(r"^  file: \S+$", f"  file: {name}", text, count=1, flags=re.M)
        text = re.sub(r"^  original_name: .*$", f"  original_name: {name}", text, count=1, flags=re.M)
        text = re.sub(
            r"^  sha256: \S+$", f"  sha256: {hashlib.sha256(raw).hexdigest()}", text, count=1, flags=re.M
        )
        cleaned = clean.clean(raw_text, overrides).text
        text = re.sub(
            r"^  text_sha256: \S+$",
            f"  text_sha256: {hashlib.sha256(cleaned.encode()).hexdigest()}",
            text,
            count=1,
            flags=re.M,
        )
        (data / "articles" / f"syn-{i:06d}.yaml").write_text(text, encoding="utf-8")
    return data


def timed_build(data: Path) -> dict:
    code = (
        "import time, json, resource, datetime as dt, sys; from corpus_ds import build; t=time.perf_counter(); "
        "r=build.build(__import__('pathlib').Path(sys.argv[1]), today=dt.date(2026, 11, 24)); "
        "print(json.dumps({'seconds': time.perf_counter()-t, 'valid': r.valid, 'problems': r.format()[:2000] "
        "if not r.valid else '', "
        "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024}))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--json", type=Path)
    a = p.parse_args()
    results = {}
    for n in a.articles:
        data = make_tree(REPO / "benchmarks" / ".data" / f"build-{n}", n)
        r = timed_build(data)
        if not r["valid"]:
            print(r["problems"], file=sys.stderr)
            return 1
        r["ms_per_article"] = 1000 * r["seconds"] / n
        results[n] = r
        print(
            f"{n:7d} source files: {r['seconds']:8.1f} s  {r['ms_per_article']:6.2f} ms/article  "
            f"peak {r['peak_mb']:.0f} MB"
        )
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
