"""Consistency rules over the release tables (Arrow); each returns issues with a stable code."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Callable, Iterable, Optional

import pyarrow as pa
import pyarrow.compute as pc

from corpus_ds import clean, columns, models
from corpus_ds.errors import Issue

Tables = dict[str, pa.Table]
Locate = Callable[[str, str, Optional[str]], tuple[str, str]]

# Arabic weekday names as news texts write them, mapped to Python's weekday() (Monday = 0).
WEEKDAYS_AR = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
               "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def find_mentions(text: str, labelled: list[dict]) -> list[dict]:
    """Every occurrence of every surface form of the labelled actors; where forms overlap the longest wins.

    One function for the build (which writes the mentions table) and the rules (which check it).
    """
    candidates = []
    for actor in labelled:
        for surface in actor["surfaces"] or ():
            pos = text.find(surface) if surface else -1
            while pos >= 0:
                candidates.append((pos, -len(surface), actor["actor_id"], actor["role"], surface))
                pos = text.find(surface, pos + 1)
    rows, taken_until = [], -1
    for pos, neg_len, actor_id, role, surface in sorted(candidates, key=lambda c: (c[0], c[1])):
        if pos >= taken_until:
            taken_until = pos - neg_len
            rows.append(dict(actor_id=actor_id, role=role, surface=surface, start=pos, end=pos - neg_len))
    return rows


def release_locator(table: str, column: str, article_id: Optional[str]) -> tuple[str, str]:
    return f"{table}.parquet", column


def derive_agreement_type(instruments: Iterable[tuple[str, str]]) -> str:
    """The most formal concluded instrument (agreement > MoU > joint statement > verbal commitment), else 'none'."""
    concluded = {inst for inst, status in instruments if status == "concluded"}
    return next((inst for inst in models.INSTRUMENT_RANK if inst in concluded), "none")


class _Ctx:
    def __init__(self, t: Tables, locate: Locate, today: dt.date, raw_texts: Optional[dict[str, str]], broken: frozenset):
        self.t, self.locate, self.today, self.raw_texts, self.broken = t, locate, today, raw_texts, broken
        self.issues: list[Issue] = []

    def add(self, code: str, table: str, column: str, article_id: Optional[str], message: str, value=None) -> None:
        if code == "table-inconsistent" and article_id in self.broken:
            return  # rows left out because of a problem already reported for this article
        file, field = self.locate(table, column, article_id)
        prefix = f"{article_id}: " if article_id and file.endswith(".parquet") else ""
        self.issues.append(Issue(code, file, field, prefix + message, value, article_id))

    def col(self, table: str, column: str) -> list:
        return self.t[table].column(column).to_pylist()


def _duplicates(values: pa.ChunkedArray) -> list:
    counts = pc.value_counts(values)
    dup = pc.filter(counts, pc.greater(counts.field("counts"), 1))
    return dup.field("values").to_pylist()


def rule_unique_ids(c: _Ctx) -> None:
    for table, column, code in (("articles", "article_id", "duplicate-id"), ("actors", "actor_id", "duplicate-actor-id"),
                                ("articles", "raw_sha256", "raw-claimed-twice"), ("articles", "raw_file", "raw-claimed-twice")):
        for value in _duplicates(c.t[table].column(column)):
            c.add(code, table, column, value if column == "article_id" else None, f"{column} {value!r} occurs more than once", value)


def rule_id_format(c: _Ctx) -> None:
    for table, column in (("articles", "article_id"), ("actors", "actor_id"), ("articles", "event_id")):
        ok = pc.match_substring_regex(c.t[table].column(column), models.ID_PATTERN)
        for value in pc.filter(c.t[table].column(column), pc.invert(ok)).to_pylist():
            c.add("bad-id", table, column, value if column == "article_id" else None,
                  f"expected lower-case ASCII words joined by '-', found {value!r}", value)


def rule_text_hash(c: _Ctx) -> None:
    for aid, text, digest in zip(c.col("articles", "article_id"), c.col("articles", "text"), c.col("articles", "text_sha256")):
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != digest:
            c.add("text-hash-mismatch", "articles", "text_sha256", aid, f"expected {digest}, text hashes to {actual}", actual)


def rule_actor_refs(c: _Ctx) -> None:
    known = c.t["actors"].column("actor_id")
    m = c.t["mentions"]
    bad = pc.invert(pc.is_in(m.column("actor_id"), value_set=known.combine_chunks()))
    for aid, actor in zip(pc.filter(m.column("article_id"), bad).to_pylist(), pc.filter(m.column("actor_id"), bad).to_pylist()):
        c.add("unknown-actor", "mentions", "actor_id", aid, f"actor_id {actor!r} is not in the registry", actor)
    known_set = set(known.to_pylist())
    for aid, labelled in zip(c.col("articles", "article_id"), c.col("articles", "actors")):
        for i, a in enumerate(labelled):
            if a["actor_id"] not in known_set:
                c.add("unknown-actor", "articles", f"actors[{i}].actor_id", aid, f"actor_id {a['actor_id']!r} is not in the registry", a["actor_id"])
    for aid, cited in zip(c.col("articles", "article_id"), c.col("articles", "cited_sources")):
        for i, s in enumerate(cited):
            if s["actor_id"] is not None and s["actor_id"] not in known_set:
                c.add("unknown-actor", "articles", f"cited_sources[{i}].actor_id", aid, f"actor_id {s['actor_id']!r} is not in the registry", s["actor_id"])


def _texts(c: _Ctx) -> dict[str, dict[str, Optional[str]]]:
    return {aid: {"text": text, "title": title}
            for aid, text, title in zip(c.col("articles", "article_id"), c.col("articles", "text"), c.col("articles", "title"))}


def rule_offsets(c: _Ctx) -> None:
    """Every surface form and evidence quote is where its offsets say; raw quotes lie in the capture's removed lines."""
    texts = _texts(c)
    removed: dict[str, str] = {}
    for aid, content in zip(c.col("removals", "article_id"), c.col("removals", "content")):
        removed[aid] = removed.get(aid, "") + "\n" + content
    for table, quote_col in (("mentions", "surface"), ("agreements", "quote"), ("evidence", "quote")):
        t = c.t[table]
        locations = t.column("location").to_pylist() if "location" in t.column_names else ["text"] * t.num_rows
        for i, (aid, quote, loc, start, end) in enumerate(zip(t.column("article_id").to_pylist(), t.column(quote_col).to_pylist(),
                                                           locations, t.column("start").to_pylist(), t.column("end").to_pylist())):
            if aid not in texts:
                c.add("unknown-article", table, "article_id", aid, f"row {i} names an article that is not in articles", aid)
                continue
            if start is None or end is None or start < 0 or end - start != len(quote or ""):
                c.add("offset-mismatch", table, quote_col, aid, f"expected 0 <= start and end - start == len(quote), found [{start}:{end}] for {quote!r}", quote)
                continue
            if loc == "raw":
                raw = c.raw_texts.get(aid) if c.raw_texts is not None else None
                found = raw[start:end] == quote if raw is not None else quote in removed.get(aid, "")
            else:
                found = (texts[aid].get(loc) or "")[start:end] == quote
            if not found:
                c.add("offset-mismatch", table, quote_col, aid,
                      f"expected {quote!r} at {loc}[{start}:{end}]; it is not there", quote)


_LETTER = "\u0621-\u064A\u066E-\u06D3"
# A weekday name as a word: not inside a longer word (الأحد is not الأحداث); و/ب/ل may be attached before it.
WEEKDAY_WORD = re.compile(rf"(?:^|(?<=[^{_LETTER}])|(?<=[وبل]))({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])")
# "اليوم الخميس": the event's own day as news texts name it.
TODAY_WEEKDAY = re.compile(rf"اليوم\s+({'|'.join(WEEKDAYS_AR)})(?![{_LETTER}])|(?<![{_LETTER}])({'|'.join(WEEKDAYS_AR)})،?\s+\d{{1,2}}(?!\d)")


def weekday_in(quote: str) -> Optional[int]:
    m = WEEKDAY_WORD.search(quote)
    return WEEKDAYS_AR[m.group(1)] if m else None


def rule_dates(c: _Ctx) -> None:
    for aid, basis, note in zip(c.col("articles", "article_id"), c.col("articles", "event_date_basis"), c.col("articles", "event_date_note")):
        if basis == "inferred" and not note:
            c.add("inferred-date-without-note", "articles", "event_date_note", aid, "an inferred event date needs a note saying how it was inferred")
    for aid, event, published, quote in zip(c.col("articles", "article_id"), c.col("articles", "event_date"),
                                            c.col("articles", "published_date"), c.col("articles", "event_weekday_quote")):
        if quote is not None:
            day = weekday_in(quote)
            if day is None:
                c.add("weekday-missing", "articles", "event_weekday_quote", aid, f"expected an Arabic weekday name in {quote!r}", quote)
            elif event is not None and event.weekday() != day:
                c.add("weekday-mismatch", "articles", "event_weekday_quote", aid,
                      f"{quote!r} names a {WEEKDAY_NAMES_EN[day]}, but event_date {event} is a {WEEKDAY_NAMES_EN[event.weekday()]}", quote)
        if event is not None and published is not None and published < event:
            c.add("event-after-publication", "articles", "published_date", aid,
                  f"published_date {published} is before event_date {event}", str(published))
        for column, value in (("event_date", event), ("published_date", published)):
            if value is not None and value > c.today:
                c.add("future-date", "articles", column, aid, f"{column} {value} is after the build date {c.today}", str(value))
    for aid, text, quote in zip(c.col("articles", "article_id"), c.col("articles", "text"), c.col("articles", "event_weekday_quote")):
        m = TODAY_WEEKDAY.search(text or "")
        if m and quote is None:  # "اليوم الخميس" or "الثلاثاء 15 مارس" in the text, but no weekday evidence
            c.add("weekday-not-recorded", "articles", "event_weekday_quote", aid,
                  f"the text names the day of the event ({m.group(0)!r}); record it as the weekday evidence", m.group(0))
    for aid, index, year, quote in zip(c.col("agreements", "article_id"), c.col("agreements", "agreement_index"),
                                       c.col("agreements", "year"), c.col("agreements", "quote")):
        if year is not None and year > c.today.year:
            c.add("future-date", "agreements", f"agreements[{index}].year", aid, f"year {year} is after the build year {c.today.year}", year)
        elif year is not None and str(year) not in quote:
            c.add("year-not-in-quote", "agreements", f"agreements[{index}].year", aid,
                  f"year {year} does not occur in the evidence quote; quote the words that give the year", year)
    for actor_id, offices in zip(c.col("actors", "actor_id"), c.col("actors", "offices")):
        for i, o in enumerate(offices):
            for key in ("start", "end"):
                if o[key] is not None and o[key] > c.today:
                    c.add("future-date", "actors", f"offices[{i}].{key}", None, f"{actor_id}: office {key} {o[key]} is after the build date {c.today}", str(o[key]))
    events: dict[str, tuple] = {}
    for aid, event_id, event, event_type in zip(c.col("articles", "article_id"), c.col("articles", "event_id"),
                                                c.col("articles", "event_date"), c.col("articles", "event_type")):
        first = events.setdefault(event_id, (aid, event, event_type))
        if (first[1], first[2]) != (event, event_type):
            c.add("event-conflict", "articles", "event_id", aid,
                  f"event {event_id} is dated {first[1]} ({first[2]}) in {first[0]} but {event} ({event_type}) here", event_id)


def _offices(c: _Ctx) -> dict[str, tuple[str, list[dict]]]:
    return {aid: (kind, offices) for aid, kind, offices in
            zip(c.col("actors", "actor_id"), c.col("actors", "kind"), c.col("actors", "offices"))}


def rule_offices(c: _Ctx) -> None:
    registry = _offices(c)
    for actor_id, offices in zip(c.col("actors", "actor_id"), c.col("actors", "offices")):
        for i, o in enumerate(offices):
            if o["end"] is not None and o["end"] < o["start"]:
                c.add("office-dates", "actors", f"offices[{i}]", None, f"{actor_id}: office ends {o['end']} before it starts {o['start']}", actor_id)
    for aid, event, labelled in zip(c.col("articles", "article_id"), c.col("articles", "event_date"), c.col("articles", "actors")):
        for i, a in enumerate(labelled):
            kind, offices = registry.get(a["actor_id"], (None, []))
            if a["role"] != "participant" or kind != "person":
                continue
            if not any(o["start"] <= event and (o["end"] is None or event <= o["end"]) for o in offices):
                c.add("participant-without-office", "articles", f"actors[{i}].actor_id", aid,
                      f"{a['actor_id']} held no registered office on the event date {event}", a["actor_id"])


def rule_cross_tables(c: _Ctx) -> None:
    """The long tables and derived columns say exactly what the articles table says: nothing missing, nothing changed."""
    articles = {r["article_id"]: r for r in c.t["articles"].to_pylist()}
    for aid, a in articles.items():
        if not a["text"]:
            c.add("empty-text", "articles", "text", aid, "cleaning left no text; record body lines in the source file's cleaning decisions")
        if a["n_chars"] != len(a["text"]) or a["n_paragraphs"] != (len(a["text"].split("\n\n")) if a["text"] else 0):
            c.add("table-inconsistent", "articles", "n_chars", aid, "n_chars or n_paragraphs does not describe the text")

    def compare(table: str, expected: dict[str, list], key) -> None:
        found: dict[str, list] = {}
        for row in c.t[table].to_pylist():
            found.setdefault(row["article_id"], []).append(key(row))
        for aid in sorted(set(expected) | set(found)):
            if sorted(map(repr, expected.get(aid, []))) != sorted(map(repr, found.get(aid, []))):
                c.add("table-inconsistent", table, "article_id", aid,
                      f"the {table} rows of this article differ from what its articles row implies (rows missing, added or changed)")

    compare("mentions", {aid: [(m["actor_id"], m["role"], m["surface"], m["start"], m["end"]) for m in find_mentions(a["text"], a["actors"])]
                         for aid, a in articles.items()},
            lambda r: (r["actor_id"], r["role"], r["surface"], r["start"], r["end"]))
    compare("agreements", {aid: [(i, g["instrument"], g["status"], g["sectors"], g["year"], g["quote"]) for i, g in enumerate(a["agreements"])]
                           for aid, a in articles.items()},
            lambda r: (r["agreement_index"], r["instrument"], r["status"], r["sectors"], r["year"], r["quote"]))

    def labels(a: dict) -> list:
        out = [("outlet", a["outlet"]), ("attribution", a["attribution"])]
        out += [(f"cited_sources[{i}]", (s["name"], s["quote"])) for i, s in enumerate(a["cited_sources"])]
        out += [("published_date", str(a["published_date"]) if a["published_date"] else None),
                ("event_weekday", (str(a["event_date"]), a["event_weekday_quote"]) if a["event_weekday_quote"] else None),
                ("event_type", a["event_type"])]
        return [(label, value) for label, value in out if value is not None]

    def evidence_key(r: dict):
        with_quote = r["label"].startswith("cited_sources") or r["label"] == "event_weekday"
        return (r["label"], (r["value"], r["quote"]) if with_quote else r["value"])

    compare("evidence", {aid: labels(a) for aid, a in articles.items()}, evidence_key)


def rule_rows(c: _Ctx) -> None:
    """Every row fits its row model (the reference): catches nulls inside nested values and empty alias lists."""
    from pydantic import ValidationError

    skip = {"literal_error", "greater_than_equal"}  # top-level columns: reported by rule_vocabulary and rule_offsets
    for table, model in models.TABLE_MODELS.items():
        t = c.t[table]
        ids = t.column("article_id").to_pylist() if "article_id" in t.column_names else t.column("actor_id").to_pylist()
        for aid, row in zip(ids, t.to_pylist()):
            try:
                model.model_validate(row)
            except ValidationError as exc:
                for err in exc.errors():
                    if not (err["type"] in skip and len(err["loc"]) == 1):  # nested values have no other rule
                        where = ".".join(str(p) for p in err["loc"])
                        c.add("row-invalid", table, where, aid if table != "actors" else None, f"{where}: {err['msg']}", aid)


def rule_actor_labels(c: _Ctx) -> None:
    """An actor is labelled once per article, and a surface form names one actor."""
    for aid, labelled in zip(c.col("articles", "article_id"), c.col("articles", "actors")):
        seen_actor: dict[str, int] = {}
        seen_surface: dict[str, str] = {}
        for i, a in enumerate(labelled):
            if a["actor_id"] in seen_actor:
                c.add("duplicate-actor-label", "articles", f"actors[{i}].actor_id", aid,
                      f"{a['actor_id']} is already labelled at actors[{seen_actor[a['actor_id']]}]", a["actor_id"])
            seen_actor.setdefault(a["actor_id"], i)
            for surface in a["surfaces"]:
                other = seen_surface.setdefault(surface, a["actor_id"])
                if other != a["actor_id"]:
                    c.add("surface-two-actors", "articles", f"actors[{i}].surfaces", aid,
                          f"surface {surface!r} is listed for both {other} and {a['actor_id']}", surface)


def rule_aliases_labelled(c: _Ctx) -> None:
    """Every registry alias found in a text is labelled there or waived with a reason: this catches forgotten actors."""
    aliases = [(alias, actor_id) for actor_id, names in zip(c.col("actors", "actor_id"), c.col("actors", "aliases_ar")) for alias in names]
    for aid, text, labelled, waivers in zip(c.col("articles", "article_id"), c.col("articles", "text"),
                                            c.col("articles", "actors"), c.col("articles", "alias_waivers")):
        have = {a["actor_id"] for a in labelled}
        waived = {w["alias"] for w in waivers}
        for alias, actor_id in aliases:
            if alias in text and actor_id not in have and alias not in waived:
                c.add("alias-not-labelled", "articles", "actors", aid,
                      f"registry alias {alias!r} of {actor_id} occurs in the text; label the actor or add an alias_waivers entry with a reason", alias)
        for i, w in enumerate(waivers):
            if w["alias"] not in text:
                c.add("waiver-unused", "articles", f"alias_waivers[{i}].alias", aid, f"waived alias {w['alias']!r} does not occur in the text", w["alias"])


_VOCABULARY_COLUMNS = (
    ("articles", "event_date_basis", models.DATE_BASES), ("articles", "event_type", models.EVENT_TYPES),
    ("articles", "agreement_type", models.AGREEMENT_TYPES), ("articles", "review_status", models.REVIEW_STATUSES),
    ("mentions", "role", models.ROLES), ("agreements", "instrument", models.INSTRUMENTS),
    ("agreements", "status", models.STATUSES), ("agreements", "location", models.EVIDENCE_LOCATIONS),
    ("evidence", "location", models.EVIDENCE_LOCATIONS), ("actors", "kind", models.ACTOR_KINDS),
    ("removals", "reason", models.REMOVAL_REASONS),
)


def rule_vocabulary(c: _Ctx) -> None:
    for table, column, vocab in _VOCABULARY_COLUMNS:
        t = c.t[table]
        bad = pc.invert(pc.is_in(t.column(column), value_set=pa.array(list(vocab))))
        ids = t.column("article_id") if "article_id" in t.column_names else t.column("actor_id")
        for aid, value in zip(pc.filter(ids, bad).to_pylist(), pc.filter(t.column(column), bad).to_pylist()):
            c.add("vocabulary", table, column, aid if table != "actors" else None, f"{value!r} is not in the codebook: expected one of {', '.join(vocab)}", value)
    sectors = pc.list_flatten(c.t["agreements"].column("sectors"))
    for value in set(pc.filter(sectors, pc.invert(pc.is_in(sectors, value_set=pa.array(list(models.SECTORS))))).to_pylist()):
        c.add("vocabulary", "agreements", "sectors", None, f"sector {value!r} is not in the codebook", value)
    kinds = pc.struct_field(pc.list_flatten(c.t["articles"].column("cited_sources")), "kind")
    for value in set(pc.filter(kinds, pc.invert(pc.is_in(kinds, value_set=pa.array(list(models.CITED_KINDS))))).to_pylist()):
        c.add("vocabulary", "articles", "cited_sources.kind", None, f"cited source kind {value!r} is not in the codebook", value)


def rule_derived(c: _Ctx) -> None:
    for aid, agreements, declared, event_type, cameo in zip(
            c.col("articles", "article_id"), c.col("articles", "agreements"), c.col("articles", "agreement_type"),
            c.col("articles", "event_type"), c.col("articles", "cameo_code")):
        expected = derive_agreement_type((a["instrument"], a["status"]) for a in agreements)
        if declared != expected:
            c.add("agreement-type-mismatch", "articles", "agreement_type", aid,
                  f"expected {expected!r} (derived from the concluded instruments), found {declared!r}", declared)
        allowed = models.CAMEO_BY_EVENT_TYPE.get(event_type)
        if allowed is not None and cameo not in allowed:
            c.add("cameo-mismatch", "articles", "cameo_code", aid,
                  f"event_type {event_type!r} takes CAMEO code {' or '.join(allowed)}, found {cameo!r}", cameo)


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def rule_characters(c: _Ctx) -> None:
    """No bidi controls, zero-width characters, controls, presentation forms or Persian look-alikes in text or labels."""
    skip = {"removals": {"content"}}  # removed lines are shown as captured
    for table, t in c.t.items():
        ids = t.column("article_id").to_pylist() if "article_id" in t.column_names else [None] * t.num_rows
        for column in t.column_names:
            if column in skip.get(table, ()) or not (pa.types.is_string(t.schema.field(column).type) or pa.types.is_nested(t.schema.field(column).type)):
                continue
            for aid, value in zip(ids, t.column(column).to_pylist()):
                for s in _strings(value):
                    found = clean.forbidden_characters(s)
                    if found:
                        pos, what = found[0]
                        c.add("forbidden-character", table, column, aid, f"{what} at position {pos} (and {len(found) - 1} more)", s[:80])


def rule_reviewed(c: _Ctx) -> None:
    """Only reviewed articles ship, and a review needs a second person."""
    for aid, status, annotator, reviewer in zip(c.col("articles", "article_id"), c.col("articles", "review_status"),
                                                c.col("articles", "annotator"), c.col("articles", "reviewer")):
        if status != "reviewed":
            c.add("not-reviewed", "articles", "review_status", aid, f"expected 'reviewed' in a release, found {status!r}", status)
        elif reviewer is None or reviewer == annotator:
            c.add("review-incomplete", "articles", "reviewer", aid,
                  "a reviewed article needs a reviewer other than its annotator", reviewer)
    if c.t["articles"].num_rows == 0:
        c.add("no-articles", "articles", "article_id", None, "expected at least one article in a release")


def rule_no_nulls(c: _Ctx) -> None:
    """Required columns hold no nulls, and list columns hold no null elements."""
    for table, t in c.t.items():
        for name in t.column_names:
            column, typ = t.column(name), t.schema.field(name).type
            if name in columns.COLUMNS.get(table, {}) and not columns.nullable(table, name) and column.null_count:
                c.add("null-value", table, name, None, f"{column.null_count} null value(s) in a required column")
            if pa.types.is_list(typ) and column.null_count == 0 and len(column) and pc.list_flatten(column).null_count:
                c.add("null-value", table, name, None, "a list holds null elements")


RULES: tuple[Callable[[_Ctx], None], ...] = (
    rule_rows, rule_unique_ids, rule_id_format, rule_text_hash, rule_actor_refs, rule_offsets, rule_cross_tables,
    rule_dates, rule_offices, rule_actor_labels, rule_aliases_labelled, rule_vocabulary, rule_derived, rule_characters, rule_reviewed,
)


def run(tables: Tables, *, today: Optional[dt.date] = None, raw_texts: Optional[dict[str, str]] = None,
        locate: Locate = release_locator, broken: Iterable[str] = ()) -> list[Issue]:
    """Run every rule over the tables and return every issue found.

    broken: articles whose rows the build left out because of problems already reported (no second report).
    Nulls where the schema allows none are reported first; the other rules then run only on tables without
    them, and a rule that meets values of a shape it cannot handle reports that instead of raising.
    """
    ctx = _Ctx(tables, locate, today or dt.date.today(), raw_texts, frozenset(broken))
    rule_no_nulls(ctx)
    if ctx.issues:
        return ctx.issues
    for rule in RULES:
        try:
            rule(ctx)
        except (TypeError, KeyError, AttributeError, ValueError, IndexError, pa.ArrowException) as exc:
            ctx.add("rule-failed", "articles", rule.__name__, None,
                    f"rule {rule.__name__} could not run on these tables ({exc.__class__.__name__}: {exc}); their values have an unexpected shape")
    return ctx.issues
