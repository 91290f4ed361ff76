"""Results of deterministic parsing kept per content within a process, each caller given a fresh copy."""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


def digest(content: str | bytes) -> bytes:
    """A key for a file's content (the cache holds keys, never the contents themselves)."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=20).digest()


class ContentCache:
    """Least-recently-used results of a pure function of a file's content (parsing YAML, cleaning a capture).

    Validating, building and releasing read the same unchanged files again and again within one process; a result
    is computed once per content and handed out as an unpickled copy, so a caller that changes what it got cannot
    change what the next caller gets. Only results are kept: a failure is computed (and reported, with the caller's
    file name) every time. The pickled results held stay under max_bytes, the least recently used dropped first.
    """

    def __init__(self, max_bytes: int = 64 << 20):
        self.max_bytes = max_bytes
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute()'s result for this key, computed at most once while it stays in the cache."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is not None:
            return pickle.loads(kept)  # pickled by this process, from its own results
        result = compute()
        pickled = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if len(pickled) <= self.max_bytes // 8 and key not in self._kept:
                self._kept[key] = pickled
                self._held += len(pickled)
                while self._held > self.max_bytes:
                    self._held -= len(self._kept.popitem(last=False)[1])
        return result
