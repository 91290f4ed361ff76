"""Reading files a hostile contributor may have planted: regular files only, never more bytes than a cap, never a
wait on a FIFO or a read of a device."""

from __future__ import annotations

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
        super().__init__(f"expected a regular file, found {kind}")
        self.filename, self.kind = str(path), kind


class TooLarge(OSError):
    """The file holds more than the cap allows (size: what was seen, at least cap + 1)."""

    def __init__(self, path: Path, size: int, cap: int):
        super().__init__(f"expected at most {cap} bytes, found {size}")
        self.filename, self.size, self.cap = str(path), size, cap


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
