"""The work behind the add forms and the API: ingest, store, analyse — as plain functions a job can run."""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from urllib.parse import urlsplit

from fastapi import HTTPException, UploadFile

from ..errors import NewssiftError
from ..models import IngestResult
from .jobs import Progress
from .schemas import AddOut, add_out
from .state import WebState

__all__ = ["MAX_UPLOAD_FILES", "MAX_URLS", "add_and_analyze", "analyze_store", "check_metadata", "check_urls", "from_bytes", "from_urls",
           "notice_of", "read_uploads", "with_metadata"]

#: Files accepted in one upload: a day's worth of one story's coverage, and a
#: cap on the memory one request can take (each file up to max_input_bytes).
MAX_UPLOAD_FILES = 50
#: URLs accepted in one request; each is fetched with the ingest timeouts.
MAX_URLS = 50


async def read_uploads(st: WebState, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """The uploaded files as (name, bytes), each within the size cap (413 otherwise)."""
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files at a time")
    cap = st.config.max_input_bytes
    items = []
    for f in files:
        data = await f.read(cap + 1)
        if len(data) > cap:
            raise HTTPException(413, f"{f.filename or 'a file'} is larger than {cap} bytes")
        if data:
            items.append((f.filename or "upload.txt", data))
    return items


def from_bytes(st: WebState, items: list[tuple[str, bytes]]) -> IngestResult:
    """Ingest in-memory files (names never reach the file system)."""
    from ..api import ingest_bytes

    return ingest_bytes(items, config=st.config)


def check_urls(urls: list[str]) -> list[str]:
    """``urls`` when all are http(s) and not too many (422 for another scheme, 413 past ``MAX_URLS``)."""
    bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https")]
    if bad:
        raise HTTPException(422, f"not an http(s) URL: {bad[0][:200]}")
    if len(urls) > MAX_URLS:
        raise HTTPException(413, f"at most {MAX_URLS} URLs at a time")
    return urls


def from_urls(st: WebState, urls: list[str]) -> IngestResult:
    """Fetch and ingest http(s) URLs (checked by ``check_urls``)."""
    from ..pipeline import extract_inputs

    return extract_inputs(check_urls(urls), config=st.config)


def check_metadata(outlet: str, url: str, published: str) -> tuple[str | None, str | None, str | None]:
    """Cleaned (outlet, url, published) typed into the paste form; 422 for a bad URL or date."""
    outlet, url, published = outlet.strip()[:200], url.strip()[:2000], published.strip()[:32]
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise HTTPException(422, f"the article URL must start with http:// or https://, not {url[:80]!r}")
    if published:
        try:
            _dt.date.fromisoformat(published[:10])
        except ValueError:
            raise HTTPException(422, f"the date must be YYYY-MM-DD, not {published!r}") from None
    return outlet or None, url or None, published or None


def with_metadata(got: IngestResult, outlet: str | None, url: str | None, published: str | None) -> IngestResult:
    """The ingested documents with the outlet, URL and date a person typed (what they typed wins)."""
    if not (outlet or url or published):
        return got
    docs = tuple(replace(d, outlet=outlet or d.outlet, url=url or d.url, published=published or d.published)
                 for d in got.documents)
    return replace(got, documents=docs)


def add_and_analyze(st: WebState, got: IngestResult, analyze: bool, progress: Progress | None = None) -> dict:
    """Store the ingested documents and, when asked and something was added, analyse; the AddOut fields."""
    with st.write_lock:
        store = st.store()
        if progress:
            progress("storing the articles", 0, len(got.documents))
        res = store.add_documents(got.documents) if got.documents else None
        st.changed()
        if analyze and res is not None and res.added:
            try:
                store.analyze(config=st.config, progress=_extract_progress(progress))
            except NewssiftError as exc:  # the documents are stored; say why the analysis did not run
                raise HTTPException(409, f"stored, but the analysis failed: {exc}") from exc
            finally:
                st.changed()
        stories = store.stories()
    return add_out(got, res, stories)


def analyze_store(st: WebState, story: str | None = None, progress: Progress | None = None):
    """Analyse the store (or one story) under the write lock; the store's AnalyzeResult."""
    with st.write_lock:
        try:
            return st.store().analyze(story=story, config=st.config, progress=_extract_progress(progress))
        except NewssiftError as exc:
            raise HTTPException(409, str(exc)) from exc
        finally:
            st.changed()


def _extract_progress(progress: Progress | None):
    if progress is None:
        return None

    def step(_stage: str, done: int, total: int) -> None:
        # Extraction reports each document; when the last is done the cross-document step starts.
        progress("comparing the reports" if done >= total else "reading the articles", done, total)

    progress("reading the articles", 0, 0)
    return step


def notice_of(out: AddOut) -> str:
    """One line saying what an add did."""
    parts = [f"Added {len(out.added)} document(s)"]
    if out.duplicates:
        parts.append(f"{len(out.duplicates)} already stored")
    if out.problems:
        parts.append("skipped: " + "; ".join(f"{p['source']}: {p['message']}" for p in out.problems[:5]))
    return ", ".join(parts) + "."
