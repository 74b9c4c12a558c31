"""Run an iterator on a background thread so its consumer's work overlaps it.

spaCy spends a large share of a parse in matrix products (BLIS) and the
parser's state machine, both of which release Python's global interpreter
lock.  While the parsing thread is inside them, the main thread can run
newssift's own per-document extraction on the documents already parsed.  On
a machine with two or more cores this hides most of the extraction time
behind the parse (docs/benchmarks.md, "Parsing on a background thread").

Python hands the lock between threads only every ``sys.getswitchinterval()``
seconds (5 ms by default).  At that default the parsing thread, back from a
lock-free matrix product, waits up to 5 ms for the extracting thread to let
go, and the overlap mostly cancels out; a shorter interval is set while a
background iterator runs (the value was chosen by a sweep, recorded in
docs/benchmarks.md) and the previous one is restored when the last
background iterator ends.

Only the background thread advances the source iterator, so a spaCy
pipeline is never called from two threads at once by this module.
"""
from __future__ import annotations

import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["in_background", "spare_core"]

T = TypeVar("T")

_END = object()
# How often a blocked producer looks whether its consumer has gone away.
_POLL_S = 0.05

_switch_lock = threading.Lock()
_switch_users = 0
_switch_saved: float | None = None


def spare_core() -> bool:
    """Whether this process may run on more than one core (else a background thread only adds switching)."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):  # not on Linux: the machine's count
        return (os.cpu_count() or 1) > 1


def _lower_switch_interval(seconds: float | None) -> None:
    """Set the interpreter's switch interval while at least one background iterator runs."""
    global _switch_users, _switch_saved
    if not seconds:
        return
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
        _switch_users += 1
        sys.setswitchinterval(min(seconds, _switch_saved or seconds))


def _restore_switch_interval(seconds: float | None) -> None:
    """Put the saved switch interval back when the last background iterator ends."""
    global _switch_users, _switch_saved
    if not seconds:
        return
    with _switch_lock:
        _switch_users -= 1
        if _switch_users == 0 and _switch_saved is not None:
            sys.setswitchinterval(_switch_saved)
            _switch_saved = None


def _produce(make: Callable[[], Iterable[T]], out: queue.Queue, stop: threading.Event) -> None:
    """Fill ``out`` from ``make()`` until it ends, fails, or ``stop`` is set; always end with a marker.

    The marker is an error (the source's own, or its clean-up's) or ``_END``:
    the consumer never waits for an item that will not come.
    """
    source = None
    failure: BaseException | None = None
    try:
        source = iter(make())
        for item in source:
            while not stop.is_set():
                try:
                    out.put((True, item), timeout=_POLL_S)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                break
    except BaseException as exc:  # noqa: BLE001  (handed to the consumer, which raises it in its own thread)
        failure = exc
    finally:
        try:
            close = getattr(source, "close", None)
            if close is not None:
                close()
        except BaseException as exc:  # noqa: BLE001  (as above)
            failure = failure or exc
        out.put((False, failure) if failure is not None else (True, _END))


def in_background(make: Callable[[], Iterable[T]], depth: int = 64,
                  switch_interval_s: float | None = None) -> Iterator[T]:
    """Yield what ``make()`` yields, in order, computed on a background thread at most ``depth`` items ahead.

    An exception raised by the source is raised here, in the consumer's
    thread.  When the consumer stops early (``close()``, an exception, or
    the generator being dropped) the background thread stops at its next
    item and is joined, so no work runs on after the caller has moved on.
    ``switch_interval_s`` lowers the interpreter's thread switch interval
    while the iterator runs (None leaves it alone).
    """
    out: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()
    worker = threading.Thread(target=_produce, args=(make, out, stop), name="newssift-background", daemon=True)
    _lower_switch_interval(switch_interval_s)
    try:
        worker.start()
        while True:
            ok, item = out.get()
            if not ok:
                raise item
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # let a producer blocked on a full queue see the stop
            try:
                out.get(timeout=_POLL_S)
            except queue.Empty:
                pass
        if worker.ident is not None:  # started (a thread that could not start has nothing to join)
            worker.join()
        _restore_switch_interval(switch_interval_s)
