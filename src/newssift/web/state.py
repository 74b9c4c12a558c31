"""What every router of the web app shares: the store, the write lock, the job runner, the page caches.

One ``Store`` (one SQLAlchemy engine and its connection pool) serves every
request: engines are thread-safe and hand each thread its own connection.
It is opened on first use, so a store that cannot be opened answers 503 and
is retried on the next request.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

from ..config import Config
from ..errors import StoreError
from .cache import PageCache
from .jobs import JobRunner
from .story_view import ContextCache

__all__ = ["GENERATION_TTL_S", "Resolved", "WebState", "web_state"]

log = logging.getLogger(__name__)

#: Seconds a looked-up "latest analysis" is trusted before asking the database again: 200 requests at
#: once cost one query, and an analysis made by another process (the CLI) shows within a second.
GENERATION_TTL_S = 1.0


@dataclass(frozen=True)
class Resolved:
    """A story named by a request: the analysis run, the story id in it, its permalink key and title."""

    run: int | None
    story: str
    key: str
    title: str = ""
    docs: tuple[str, ...] = ()


@dataclass
class WebState:
    """Shared state of one app instance."""

    db: str
    config: Config
    max_request: int
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    jobs: JobRunner = field(default_factory=JobRunner)
    pages: PageCache = field(default_factory=PageCache)
    contexts: ContextCache = field(default_factory=ContextCache)
    _store: object | None = None
    _open_lock: threading.Lock = field(default_factory=threading.Lock)
    _generation: tuple[float, tuple] = (0.0, ())
    _latest: tuple[tuple, int | None] = ((), None)
    _links: dict = field(default_factory=dict)

    def store(self):
        """The open store (503 when it cannot be opened)."""
        from ..store import Store

        if self._store is None:
            with self._open_lock:
                if self._store is None:
                    try:
                        store = Store.open(self.db)
                    except StoreError as exc:
                        raise HTTPException(503, str(exc)) from exc
                    _prepare_search(store)
                    self._store = store
        return self._store

    def snapshot(self) -> tuple:
        """A token that changes whenever the store does: every add, analysis and removal starts or ends a run
        or changes the documents. Cache keys include it, so nothing cached is ever stale (beyond the TTL
        for writes by other processes). One small query per ``GENERATION_TTL_S``."""
        at, snap = self._generation
        if time.monotonic() - at > GENERATION_TTL_S:
            from sqlalchemy import func, select

            from ..store import schema

            r, d = schema.runs, schema.documents
            q = select(select(func.max(r.c.id)).scalar_subquery(),
                       select(func.count()).select_from(r).where(r.c.status == "done").scalar_subquery(),
                       select(func.count()).select_from(d).scalar_subquery())
            with self.store().engine.connect() as conn:
                snap = tuple(conn.execute(q).one())
            self._generation = (time.monotonic(), snap)
        return snap

    def snapshot_if_fresh(self) -> tuple | None:
        """The snapshot when it is still trusted (no query), else None."""
        at, snap = self._generation
        return snap if snap and time.monotonic() - at <= GENERATION_TTL_S else None

    def generation(self) -> tuple:
        """What story-page cache keys carry (the store's snapshot)."""
        return self.snapshot()

    def changed(self) -> None:
        """Forget the looked-up generation after this app wrote to the store."""
        self._generation = (0.0, ())

    def links(self, run: int):
        """The stories of whole-store run ``run`` with their keys (kept per run)."""
        from ..store.permalinks import story_links

        links = self._links.get(run)
        if links is None:
            with self.store().engine.connect() as conn:
                links = story_links(conn, run)
            self._links = {run: links}  # one run's links kept: replaced whole, so readers never see it half-made
        return links

    def latest_run(self) -> int | None:
        """The latest whole-store analysis run (looked up again only when the snapshot changes)."""
        from ..store.search import latest_run

        snap = self.snapshot()
        if self._latest[0] != snap or not snap:
            with self.store().engine.connect() as conn:
                self._latest = (snap, latest_run(conn))
        return self._latest[1]

    def resolve_from_memory(self, name: str) -> Resolved | None:
        """``resolve(name)`` when everything it needs is already in memory (no query, safe on the event loop)."""
        snap = self.snapshot_if_fresh()
        if snap is None or self._latest[0] != snap or (self._latest[1] is not None and self._latest[1] not in self._links):
            return None
        return self.resolve(name)

    def resolve(self, name: str) -> Resolved:
        """A story named by its permalink key or its id in the latest analysis (404 when neither)."""
        from ..store import FAILED_STORY, PENDING_STORY
        from ..store.permalinks import KEY_PREFIX, doc_key

        if name in (PENDING_STORY, FAILED_STORY):
            return Resolved(None, name, name)
        run = self.latest_run()
        if run is None:
            raise HTTPException(404, "nothing analysed yet: add articles and analyse the store")
        links = self.links(run)
        found = next((x for x in links if x.key == name or x.id == name), None)
        if found is None and name.startswith(KEY_PREFIX):
            found = next((x for x in links if any(doc_key(d) == name for d in x.docs)), None)
        if found is None:
            raise HTTPException(404, f"no story {name!r} in the latest analysis")
        return Resolved(run, found.id, found.key, found.title, found.docs)


def _prepare_search(store) -> None:
    """Make the search index now, not during the first search (best effort: a read-only store has none
    until it can be written; search then says so)."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..store.search import ensure_index

    try:
        ensure_index(store.engine)
    except (SQLAlchemyError, StoreError) as exc:
        log.warning("newssift web: no search index yet: %s", str(exc).splitlines()[0] if str(exc) else exc)


async def web_state(request: Request) -> WebState:
    """The app's shared state (a FastAPI dependency; async, so FastAPI calls it without a thread hop)."""
    return request.app.state.web
