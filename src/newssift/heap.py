"""Keep Python's cyclic garbage collector off the long-lived data of a cross-document run.

The cross-document stages hold every document and extraction of the run
and build large, long-lived results (entities, stories, facts) while they
allocate many short-lived objects.  Each full collection of the cyclic
garbage collector walks every tracked object, so at 10,000 articles about
a sixth of the cross-document time went to collections walking the same
long-lived data again and again (docs/scale.md, "Garbage collection").

``frozen_heap()`` moves the objects alive when it starts into the
collector's permanent generation (``gc.freeze``), and ``freeze_now()``
does the same at a stage boundary for what the stage just built; objects
made and dropped inside a stage are collected as before, and reference
counting frees everything as usual.  At the end the frozen objects are
handed back to the collector (``gc.unfreeze``), unless something else had
frozen objects before (a server that froze its start-up heap keeps it so).
Nothing computed depends on this.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["freeze_now", "frozen_heap"]


_lock = threading.Lock()
_active = 0  # frozen_heap blocks running (any thread)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Freeze what is alive now for the duration of the block (see the module docstring)."""
    global _active
    with _lock:
        ours = gc.get_freeze_count() == 0
        _active += 1
    gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _active -= 1
        if ours:
            gc.unfreeze()


def freeze_now() -> None:
    """Freeze what is alive now, inside a ``frozen_heap`` block (a stage's results before the next stage).

    Outside one it does nothing, so nothing stays frozen for good.
    """
    if _active:
        gc.freeze()
