"""A raw capture as the cleaner reads it: copied text or a saved HTML page, decoded, cleaned, its date proposed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus_ds import clean, filecaps, memo, propose
from corpus_ds.errors import CorpusError

HTML_SUFFIXES = (".html", ".htm")


class ExtraMissing(CorpusError):
    """Saved HTML pages are read with trafilatura, an optional dependency (pip install 'corpus_ds[html]')."""


@dataclass(frozen=True)
class Unit:
    """What the cleaner decides on: a non-blank line of copied text, or a block (or metadata element) of a page.

    number is what cleaning decisions and the removals table call a line; start and end index the raw text.
    """

    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CleanResult:
    """What the cleaner makes of one capture: its kind, the decoded raw text, its units, the cleaning and the
    proposed publication date."""

    kind: str  # "text" or "html"
    raw_text: str
    units: tuple[Unit, ...]
    cleaned: clean.Cleaned
    published: propose.DateProposal | None


def kind_of(name: str) -> str:
    return "html" if name.lower().endswith(HTML_SUFFIXES) else "text"


def decode_text(data: bytes, where: str) -> str:
    """Copied text is UTF-8; anything else is refused with the offset of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{where}: expected UTF-8 text; invalid byte at offset {exc.start} "
            "(convert the capture to UTF-8 first and keep the original alongside your pull request)"
        ) from None


def text_units(raw_text: str) -> tuple[Unit, ...]:
    """The non-blank lines of copied text, numbered as raw lines are (1-based, CRLF and CR tolerated)."""
    out, offset = [], 0
    for n, line in enumerate(clean.raw_lines(raw_text), 1):
        text = clean.normalise_line(line)
        if text:
            out.append(Unit(n, text, offset, offset + len(line)))
        offset += len(line) + (2 if raw_text.startswith("\r\n", offset + len(line)) else 1)
    return tuple(out)


# Cleaned captures, per content and decisions: cleaning is deterministic, and a build cleans what validation cleaned.
_CLEANED = memo.ContentCache()


def clean_bytes(data: bytes, name: str, overrides=(), *, where: str | None = None) -> CleanResult:
    """Decode and clean a capture's bytes (UTF-8 text, or HTML in its declared charset)."""
    overrides = tuple(tuple(o) for o in overrides)
    key = (memo.digest(data), kind_of(name), overrides)
    return _CLEANED.get(key, lambda: _clean_bytes(data, name, overrides, where=where or name))


def _clean_bytes(data: bytes, name: str, overrides, *, where: str) -> CleanResult:
    if kind_of(name) == "html":
        try:
            import trafilatura  # noqa: F401  (checked here: the error names the extra to install)
        except ImportError:
            raise ExtraMissing(
                f"{where}: a saved HTML page is read with trafilatura; install it with pip install 'corpus_ds[html]'"
            ) from None
        from corpus_ds import html

        raw_text, found, cleaned, published = html.clean_page(data, overrides, where=where)
        shown = tuple(Unit(u.number, u.text, u.start, u.end) for u in found)
        return CleanResult("html", raw_text, shown, cleaned, published)
    raw_text = decode_text(data, where)
    cleaned = clean.clean(raw_text, overrides)
    return CleanResult(
        "text", raw_text, text_units(raw_text), cleaned, propose.publication_date(raw_text, cleaned)
    )


MAX_CAPTURE_BYTES = 20_000_000  # the build's cap on a capture: a bigger file is a mistake, not an article


def clean_file(path: Path) -> CleanResult:
    """Clean a capture on disk: a regular file read up to the cap (never a FIFO or a device)."""
    try:
        data = filecaps.read_capped(path, MAX_CAPTURE_BYTES)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the capture ({exc.strerror or exc})") from None
    return clean_bytes(data, Path(path).name, where=str(path))


def units(result: CleanResult) -> tuple[Unit, ...]:
    return result.units
