"""One small bounded, thread-safe memo for the values a run keeps for a later pass or run.

Used where a stage's per-document work is computed ahead (during the parse)
or kept for the next analysis in one process: entity nodes (resolve),
sentences (editorial flags), claim vectors (facts), decoded extractions
(store).  Hand-written rather than taken from cachetools (not a dependency
here): the memos need a lock, least-recently-used order and a ``take`` that
removes what it returns, in about thirty lines.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

__all__ = ["BoundedMemo"]

V = TypeVar("V")


class BoundedMemo(Generic[V]):
    """At most ``size`` values by key; the least recently used is dropped first. Safe across threads."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def take(self, key: Hashable) -> V | None:
        """The value kept for ``key``, removed from the memo, or None."""
        with self._lock:
            return self._items.pop(key, None)

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used beyond ``size``."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Drop every value."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[Hashable]:
        """The keys, least recently used first (a copy: safe while others write)."""
        with self._lock:
            return iter(list(self._items))
