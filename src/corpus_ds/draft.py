"""`corpus-ds new`: add a raw capture to data/raw/ and write a draft source file for a person to complete."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_ds import arabic, capture, filecaps, models, propose, release_format, sources
from corpus_ds.errors import CorpusError, Report, printable
from corpus_ds.labels import EVIDENCE_LABELS

TODO = models.PLACEHOLDER
MAX_RAW_BYTES = 5_000_000
ID_PREFIX = "ru-ma-"


def next_id(data_dir: Path) -> str:
    """The next free ru-ma-NNNN id."""
    numbers = [
        int(m.group(1))
        for p in (data_dir / "articles").glob(f"{ID_PREFIX}*.yaml")
        if (m := re.fullmatch(rf"{ID_PREFIX}(\d+)", p.stem))
    ]
    return f"{ID_PREFIX}{max(numbers, default=0) + 1:04d}"


def _read_capture(raw_path: Path) -> bytes:
    """The capture's bytes: a regular file (never a FIFO or a device), read up to the cap."""
    unsafe = (
        ["newline"]
        if "\n" in raw_path.name
        else [what for _, what in arabic.forbidden_characters(raw_path.name)]
    )
    if unsafe:  # the name is recorded in raw.original_name, a label that may not hold such a character
        raise CorpusError(
            f"{printable(str(raw_path))}: the capture's file name holds a {unsafe[0]}; rename the file first"
        )
    try:
        data = filecaps.read_capped(raw_path, MAX_RAW_BYTES)
    except filecaps.TooLarge as exc:
        raise CorpusError(
            f"{raw_path}: expected a capture of at most {MAX_RAW_BYTES} bytes, found {exc.size}"
        ) from None
    except OSError as exc:
        raise CorpusError(f"{raw_path}: cannot read the capture ({exc.strerror or exc})") from None
    if not data.strip():
        raise CorpusError(f"{raw_path}: the capture is empty")
    return data


def _raw_name(raw_path: Path, article_id: str) -> str:
    """Keep the capture's own file name where it is a safe name, else name it after the article."""
    if re.fullmatch(models.RAW_FILE_PATTERN, raw_path.name):
        return raw_path.name
    return f"{article_id}{'.html' if capture.kind_of(raw_path.name) == 'html' else '.txt'}"


def _already_captured(data_dir: Path, digest: str, text_digest: str) -> str | None:
    """The capture or article that already holds these bytes, or this cleaned text (another capture of the page)."""
    for existing in sorted((data_dir / "raw").glob("*")):
        if existing.is_file() and release_format.sha256_bytes(existing.read_bytes()) == digest:
            return f"{existing} (same bytes)"
    for source in sorted((data_dir / "articles").glob("*.yaml")):
        data = sources.read_yaml(source, Report())
        cleaning = data.get("cleaning") if isinstance(data, dict) else None
        if isinstance(cleaning, dict) and cleaning.get("text_sha256") == text_digest:
            return f"{source} (same cleaned text)"
    return None


def draft_labels(
    article_id: str,
    raw_name: str,
    original_name: str,
    data: bytes,
    result: capture.CleanResult,
    registry: models.Registry | None,
) -> dict:
    """The draft source file's content: machine facts filled in, proposals marked `proposed`, the rest TODO."""
    raw_text, cleaned, text = result.raw_text, result.cleaned, result.cleaned.text
    sources_named = [s for s in propose.source_lines(result.units) if s["quote"] in raw_text]
    credit = propose.inline_credit(text)
    if sources_named:
        s = sources_named[0]
        attribution = {
            "value": s["value"],
            "evidence": {"quote": s["quote"], "in": "raw"},
            "proposed": f"source line {s['line']} of the capture",
        }
    elif credit:
        attribution = {
            "value": credit["value"],
            "evidence": {"quote": credit["quote"]},
            "proposed": "the agency the opening dateline credits",
        }
    else:
        attribution = TODO
    outlets = propose.outlet_candidates(raw_text, result.units, cleaned)
    outlet = (
        {
            "value": outlets[0]["value"],
            "evidence": {"quote": outlets[0]["quote"], "in": "raw"},
            "proposed": f"{outlets[0]['why']} (line {outlets[0]['line']} of the capture); "
            "check that it names the publisher",
        }
        if outlets
        else TODO
    )
    found = result.published
    published = (
        {
            "date": found.date.isoformat(),
            "evidence": {"quote": found.quote, "in": "raw"},
            "proposed": f"{found.why} (line {found.line} of the capture)",
        }
        if found
        else TODO
    )
    candidates = propose.event_date_candidates(text, found.date if found else None)
    event_date: dict = {"date": TODO, "basis": TODO, "note": TODO}
    weekdays = [c for c in candidates if "weekday" in c]
    if weekdays:
        event_date["weekday_evidence"] = {"quote": weekdays[0]["quote"]}
    if candidates:
        event_date["proposed"] = "; ".join(
            f"{c['quote']!r} allows {', '.join(c['dates']) or 'no date without a publication date'}"
            for c in candidates
        )
    actors = [
        {
            "actor_id": a["actor_id"],
            "role": TODO,
            "surfaces": a["surfaces"],
            "proposed": f"registry aliases found at text offsets {', '.join(map(str, a['positions']))}"
            + (f"; spellings not in the registry: {', '.join(a['variants'])}" if a["variants"] else ""),
        }
        for a in (propose.actor_candidates(text, registry) if registry else [])
    ]
    agreements = [
        {
            "instrument_id": TODO,
            "instrument": c["instrument"],
            "status": TODO,
            "sectors": TODO,
            **({"year": c["year"]} if c["year"] else {}),
            "evidence": {"quote": c["quote"]},
            "proposed": f"cue phrase {', '.join(c['cues'])}",
        }
        for c in propose.instrument_candidates(text)
    ]
    url = propose.page_url(raw_text, result.units) if result.kind == "html" else None
    labels = {
        "article_id": article_id,
        "raw": {
            "file": raw_name,
            "original_name": original_name,
            "sha256": release_format.sha256_bytes(data),
        },
        "cleaning": {"text_sha256": release_format.sha256_text(text), "decisions": []},
        "source": {"outlet": outlet, "attribution": attribution, "cited_sources": TODO},
        "dates": {"published": published, "event": event_date},
        "event": {"id": TODO, "type": TODO, "cameo_code": TODO, "evidence": {"quote": TODO}, "dyads": TODO},
        "actors": actors,
        "agreements": agreements,
        "review": {"status": "draft", "annotator": TODO, "reviewer": None, "notes": []},
    }
    if url:
        labels["provenance"] = {
            "url": {
                "value": url["value"],
                "evidence": {"quote": url["quote"], "in": "raw"},
                "proposed": url["why"],
            }
        }
    for label in EVIDENCE_LABELS:  # a declared label with nothing proposed is left for the person to fill in
        _todo_if_missing(labels, label.source)
    return labels


def _todo_if_missing(draft: dict, path: str) -> None:
    *parents, leaf = path.split(".")
    for key in parents:
        draft = draft.setdefault(key, {})
    draft.setdefault(leaf, TODO)


# Comments only: every value of the draft (the capture's name included, in raw.original_name) is written by the YAML
# emitter, never formatted into this text, so that no name can add a line of YAML.
HEADER = """\
# DRAFT written by `corpus-ds new` from the capture named in raw.original_name.
# Every value below is either a fact the machine knows (raw, cleaning), a proposal marked `proposed: ...`
# (check it against the article, correct it, then delete the `proposed` line), or TODO (yours to fill in).
# Read the whole article (the cleaned text is at the end of this file) and label what the codebook asks for:
# CODEBOOK.md explains every field; CONTRIBUTING.md walks through an example. Lists may hold more or fewer items
# than proposed: add actors and instruments the machine missed, delete proposals that are wrong.
# `corpus-ds validate` explains what is still missing; a second person reviews before status becomes reviewed.
"""


def _text_view(result: capture.CleanResult) -> str:
    """The capture unit by unit (lines, or an HTML page's blocks) with what the cleaner made of each, as YAML
    comments: the role, the rule that decided it, and `?` where the cleaner had only a weak signal. Every text in a
    comment is printed with its line breaks and invisible characters escaped, so that none can end the comment."""
    out = [
        "",
        "# ---- The capture as the cleaner reads it: number, role (? = unsure: check it), rule, text. To overrule a",
        "# ---- role, add a cleaning.decisions entry {lines: [first, last], as: ROLE, why: ...}; roles: title, body or",
        "# ---- a removal reason from the codebook. Removed lines are kept in the removals table of the release.",
    ]
    for unit in capture.units(result):
        decision = result.cleaned.decisions.get(unit.number)
        if decision is None:
            continue
        mark = " " if decision.sure else "?"
        rule = decision.decided_by.removeprefix("rule:")
        out.append(f"# {unit.number:4d} {decision.role:<16}{mark} {rule:<26} {printable(unit.text[:160])}")
    return "\n".join(out) + "\n"


def _registry_view(people: list[dict]) -> str:
    """People named with a title whom the registry lacks, as a commented draft registry entry each."""
    if not people:
        return ""
    out = [
        "",
        "# ---- People the text names with a title whom the registry lacks. Label them only with a registry entry:",
        "# ---- add each to data/actors.yaml with its English name, country, offices and sources (CONTRIBUTING.md).",
    ]
    for p in people:
        out += [
            f"#   - actor_id: TODO  # {printable(p['quote'])}",
            "#     kind: person",
            "#     name_en: TODO",
            f"#     name_ar: {printable(p['name_ar'])}",
            f"#     aliases_ar: [{printable(p['name_ar'])}]",
            "#     country: TODO",
            f"#     offices: [{{title_en: TODO, start: TODO, source: TODO}}]  # as written: {p['title_as_written']}",
        ]
    return "\n".join(out) + "\n"


def new_article(raw_path: Path, data_dir: Path, article_id: str | None = None) -> Path:
    """Copy a capture into data/raw/ byte for byte and write its draft; never overwrite anything."""
    raw_path, data_dir = Path(raw_path), Path(data_dir)
    if not (data_dir / "articles").is_dir() or not (data_dir / "raw").is_dir():
        raise CorpusError(
            f"{data_dir}: not a corpus_ds data directory (expected articles/ and raw/ inside it)"
        )
    article_id = article_id or next_id(data_dir)
    if not models.is_slug(article_id):
        raise CorpusError(
            f"--id {article_id!r}: expected lower-case ASCII words joined by '-', e.g. ru-ma-0042"
        )
    data = _read_capture(raw_path)
    digest = release_format.sha256_bytes(data)
    result = capture.clean_bytes(data, raw_path.name, where=str(raw_path))
    cleaned = result.cleaned
    if not cleaned.text:
        raise CorpusError(
            f"{raw_path}: the cleaner finds no article text in this capture (is it the article page, in Arabic?)"
        )
    twin = _already_captured(data_dir, digest, release_format.sha256_text(cleaned.text))
    if twin:
        raise CorpusError(f"{raw_path}: this article is already in the corpus: {twin}")
    report = Report()
    registry = sources.read_registry(data_dir / "actors.yaml", report)
    labels = draft_labels(article_id, _raw_name(raw_path, article_id), raw_path.name, data, result, registry)
    target_raw = data_dir / "raw" / labels["raw"]["file"]
    target_src = data_dir / "articles" / f"{article_id}.yaml"
    for target in (target_src, target_raw):
        if target.exists() or target.is_symlink():
            hint = "choose another --id" if target == target_src else "rename the capture file"
            raise CorpusError(f"{target}: already exists; `corpus-ds new` never overwrites ({hint})")
    body = (
        sources.SCHEMA_HINT.format(name="article_source")
        + "\n"
        + HEADER
        + sources.dump_yaml(labels)
        + _text_view(result)
        + _registry_view(propose.person_candidates(cleaned.text, registry))
    )
    with open(target_raw, "xb") as fh:  # "x": fail rather than replace a file created meanwhile
        fh.write(data)
    try:
        with open(target_src, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(body)
    except BaseException:
        target_raw.unlink()
        raise
    return target_src
