"""Reading files a hostile contributor may have planted: regular files only, never more bytes than a cap, never a
wait on a FIFO or a read of a device."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFile(OSError):
    """The path names a FIFO, a device, a socket or a directory: nothing a data file can be."""

    def __init__(self, path: Path, kind: str):
        super().__init__(0, f"expected a regular file, found {kind}", str(path))
        self.kind = kind


class TooLarge(OSError):
    """The file holds more than the cap allows (size: what was seen, at least cap + 1)."""

    def __init__(self, path: Path, size: int, cap: int):
        super().__init__(0, f"expected at most {cap} bytes, found {size}", str(path))
        self.size, self.cap = size, cap


def kind_of(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_capped(path: str | Path, cap: int) -> bytes:
    """The bytes of a regular file of at most cap bytes.

    Raises NotARegularFile (a FIFO is opened without waiting for a writer, then refused), TooLarge (having read at
    most cap + 1 bytes, whatever the file claims its size is), or the OSError of the system.
    """
    path = Path(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, kind_of(info.st_mode))
        if info.st_size > cap:
            raise TooLarge(path, info.st_size, cap)
        chunks, total = [], 0
        while block := os.read(fd, min(1 << 20, cap + 1 - total)):
            chunks.append(block)
            total += len(block)
            if total > cap:
                raise TooLarge(path, total, cap)
        return b"".join(chunks)
    finally:
        os.close(fd)


def regular_file(path: str | Path) -> bool:
    """True if path is a regular file (following links), False for anything else or nothing; never blocks."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


# A JSON file of the project (a manifest, a flat annotation) is small and shallow: the same caps as the YAML sources.
MAX_JSON_BYTES = 1_000_000
MAX_JSON_DEPTH = 32


class TooDeep(ValueError):
    """JSON nested deeper than the cap (refused before the parser recurses)."""


def json_depth_over(text: str, cap: int) -> int | None:
    """The offset where text's brackets nest deeper than cap, strings skipped; None if they never do."""
    depth, in_string, escaped = 0, False, False
    for offset, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > cap:
                return offset
        elif ch in "]}":
            depth -= 1
    return None


def load_json(path: str | Path, cap: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH):
    """A JSON file read under the caps: a regular file, at most cap bytes, UTF-8, nested at most max_depth deep.

    Raises OSError (NotARegularFile, TooLarge, the system's) or ValueError (TooDeep, a JSON syntax error, bad UTF-8).
    """
    text = read_capped(path, cap).decode("utf-8")
    deep = json_depth_over(text, max_depth)
    if deep is not None:
        raise TooDeep(f"expected at most {max_depth} levels of nesting, found more at offset {deep}")
    return json.loads(text)
