"""Story pages cached per (analysis run, story, page), computed once however many ask, and dropped when nobody waits.

A story page of a few hundred articles takes seconds to build (reading the
report back, laying it out, rendering). Built pages are kept in a small LRU,
keyed by the run that produced the report: a new analysis is a new key, so
nothing is ever stale and nothing needs invalidating. Requests for a page
being built wait for that one build (single flight) instead of starting
their own. While waiting, each request checks whether its client is still
there; when the last waiter has gone, the build is told to stop (a
``threading.Event`` the build checks between its steps) and nothing is cached.
"""
from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

__all__ = ["BUILD_WORKERS", "Cancelled", "PageCache"]

#: Threads that build pages: two builds at once keep a 2-core machine answering cached pages meanwhile.
BUILD_WORKERS = 2
#: Seconds between checks that a waiting client is still connected: often enough that an abandoned
#: build stops soon, rarely enough that hundreds of waiters cost the event loop little.
POLL_S = 0.25


class Cancelled(Exception):
    """Raised inside a build when every request that wanted it has gone."""


@dataclass
class _Flight:
    future: asyncio.Future
    stop: threading.Event
    waiters: int = 0
    owners: set = field(default_factory=set)


class PageCache:
    """An LRU of built pages (bytes) bounded by count and total size, with single-flight builds."""

    def __init__(self, max_entries: int = 64, max_bytes: int = 256 * 1024 * 1024):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._pages: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._flights: dict[Hashable, _Flight] = {}
        self._pool = ThreadPoolExecutor(max_workers=BUILD_WORKERS, thread_name_prefix="newssift-page")
        self.builds = 0  # pages built (for tests and benchmarks)
        self.cancelled = 0  # builds stopped because every client left

    def cached(self, key: Hashable) -> bytes | None:
        """A built page, or None."""
        page = self._pages.get(key)
        if page is not None:
            self._pages.move_to_end(key)
        return page

    def _keep(self, key: Hashable, page: bytes) -> None:
        if len(page) > self.max_bytes:
            return
        self._pages[key] = page
        self._size += len(page)
        while len(self._pages) > self.max_entries or self._size > self.max_bytes:
            _, old = self._pages.popitem(last=False)
            self._size -= len(old)

    async def get(self, key: Hashable, build: Callable[[threading.Event], bytes],
                  gone: Callable[[], Awaitable[bool]]) -> bytes | None:
        """The page for ``key``: cached, or built once by ``build(stop)``; None when the client left first.

        Exceptions of ``build`` (e.g. an HTTP 404) reach every waiter.
        """
        page = self.cached(key)
        if page is not None:
            return page
        flight = self._flights.get(key)
        if flight is None or flight.stop.is_set():  # none running, or one being stopped: start afresh
            stop = threading.Event()
            future = asyncio.get_running_loop().run_in_executor(self._pool, _guarded, build, stop)
            flight = self._flights[key] = _Flight(future, stop)
            future.add_done_callback(lambda f, k=key, fl=flight: self._landed(k, fl, f))
        flight.waiters += 1
        try:
            while not flight.future.done():
                done, _ = await asyncio.wait({flight.future}, timeout=POLL_S)
                if not done and await gone():
                    return None
        finally:
            flight.waiters -= 1
            if flight.waiters == 0 and not flight.future.done():
                flight.stop.set()  # nobody wants it any more
        return flight.future.result()

    def _landed(self, key: Hashable, flight: _Flight, future: asyncio.Future) -> None:
        if self._flights.get(key) is flight:
            del self._flights[key]
        if future.cancelled() or future.exception() is not None:
            if isinstance(future.exception(), Cancelled):
                self.cancelled += 1
            return
        self.builds += 1
        self._keep(key, future.result())

    def shutdown(self) -> None:
        """Stop the build threads (running builds finish)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _guarded(build: Callable[[threading.Event], bytes], stop: threading.Event) -> bytes:
    if stop.is_set():
        raise Cancelled
    return build(stop)
