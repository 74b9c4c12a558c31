"""GET pages and JSON answers cached per store snapshot: many readers, one build.

Every read-only page of the app (the stories, the documents, a document,
search results, the stories API) depends only on the store's contents and
the request's URL. Keyed by (URL, ``WebState.snapshot()``), a page is built
once (in ``PageCache``, single flight, stopped when its clients leave) and
served from memory to everyone else until the store changes. A burst of
requests for the same pages costs one build each, and the event loop hands
out cached pages without a thread hop.
"""
from __future__ import annotations

from collections.abc import Callable

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from .cache import Cancelled
from .guard import security_headers
from .state import WebState

__all__ = ["cached_response", "snapshot"]


async def snapshot(st: WebState) -> tuple:
    """The store's snapshot, asking the database (in a thread) only when the cached one is too old."""
    snap = st.snapshot_if_fresh()
    return snap if snap is not None else await run_in_threadpool(st.snapshot)


async def cached_response(request: Request, st: WebState, build: Callable[[], bytes], media_type: str,
                          csp: str | None) -> Response:
    """The response for this GET: cached per (URL, snapshot), else ``build()`` (run once, in a build thread)."""
    key = ("get", request.url.path, request.url.query, await snapshot(st))

    def guarded(stop) -> bytes:
        if stop.is_set():
            raise Cancelled
        return build()

    body = await st.pages.get(key, guarded, request.is_disconnected)
    if body is None:  # the client left before the page was ready
        return Response(status_code=499)
    return Response(body, media_type=media_type, headers=security_headers(csp))
