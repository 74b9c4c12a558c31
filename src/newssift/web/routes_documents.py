"""Pages to work in: add articles (as background jobs with a progress page), a page per document, delete one."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from .cached import cached_response
from .routes_pages import html
from .schemas import AddOut
from .state import WebState, web_state
from .views import PAGE_CSP, document_page, documents_page, job_page
from .work import (
    add_and_analyze,
    analyze_store,
    check_metadata,
    check_urls,
    from_bytes,
    from_urls,
    notice_of,
    read_uploads,
    with_metadata,
)

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]


def _to_job(st: WebState, kind: str, work) -> RedirectResponse:
    job = st.jobs.submit(kind, work)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _adding(st: WebState, ingest, analyze: bool):
    def work(progress):
        progress("reading the input", 0, 0)
        out = AddOut(**add_and_analyze(st, ingest(), analyze, progress))
        return notice_of(out), out.model_dump()

    return work


@router.post("/add/files")
async def add_files(st: State, files: Annotated[list[UploadFile], File()], analyze: Annotated[bool, Form()] = False):
    """Upload article files; the adding (and analysis) runs as a job."""
    items = await read_uploads(st, files)
    return _to_job(st, "add files", _adding(st, lambda: from_bytes(st, items), analyze))


@router.post("/add/text")
async def add_text(request: Request, st: State):
    """A pasted article with its outlet, URL and date; the adding (and analysis) runs as a job."""
    # Read by hand: FastAPI's Form() keeps Starlette's 1 MB limit per field, below the size the page advertises.
    form = await request.form(max_part_size=st.max_request, max_files=0, max_fields=12)
    text = form.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(422, "The form was missing: text.")
    data = text.encode("utf-8")
    if len(data) > st.config.max_input_bytes:
        raise HTTPException(413, f"text larger than {st.config.max_input_bytes} bytes")

    def field(name: str) -> str:
        value = form.get(name) or ""
        return value if isinstance(value, str) else ""

    outlet, url, published = check_metadata(field("outlet"), field("url"), field("published"))
    name = field("name").strip()[:80] or (outlet or "pasted")
    analyze = field("analyze").lower() in ("true", "on", "1")

    def ingest():
        return with_metadata(from_bytes(st, [(name + ".txt", data)]), outlet, url, published)

    return _to_job(st, "add text", _adding(st, ingest, analyze))


@router.post("/add/urls")
def add_urls(st: State, urls: Annotated[str, Form()], analyze: Annotated[bool, Form()] = False):
    """Fetch URLs in a job (downloads have deadlines; the page shows progress meanwhile)."""
    wanted = check_urls([u.strip() for u in urls.splitlines() if u.strip()])  # refused at once, not in the job
    return _to_job(st, "fetch URLs", _adding(st, lambda: from_urls(st, wanted), analyze))


@router.post("/analyze")
def analyze_page(st: State):
    """Analyse the store in a job."""

    def work(progress):
        res = analyze_store(st, progress=progress)
        return (f"Analysed {len(res.report.documents)} document(s): {len(res.report.stories)} story(ies), "
                f"{res.extracted} extracted, {res.reused} reused."), {"stories": [s.id for s in res.report.stories]}

    return _to_job(st, "analyse", work)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_status(job_id: str, st: State):
    """A job's progress; the page reloads itself (meta refresh, no script) until the job ends."""
    job = st.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r} (finished jobs are kept for a while only)")
    stories = []
    if job.state == "done":
        run = st.latest_run()
        stories = [(x.title or x.id, x.key) for x in st.links(run)] if run is not None else []
    body, csp = job_page(job, stories)
    return html(body, csp)


@router.get("/documents", response_class=HTMLResponse)
async def documents_list(request: Request, st: State, notice: str | None = None):
    """Every stored document, each linked to its page, with a remove button."""
    from ..store import FAILED_STORY

    def build() -> bytes:
        from sqlalchemy import select

        from ..store import schema

        store = st.store()
        d = schema.documents
        with store.engine.connect() as conn:  # the list needs no texts: only what it shows
            docs = conn.execute(select(d.c.id, d.c.title, d.c.outlet).order_by(d.c.seq)).all()
        failed = next((r.docs for r in store.stories() if r.id == FAILED_STORY), ())
        return documents_page(docs, set(failed), notice)[0].encode("utf-8")

    return await cached_response(request, st, build, "text/html; charset=utf-8", PAGE_CSP)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document_view(request: Request, doc_id: str, st: State):
    """One document: its metadata, text, the story it belongs to, its claims and flags, and remove."""
    from .doc_info import document_info

    return await cached_response(request, st, lambda: document_page(document_info(st, doc_id))[0].encode("utf-8"),
                                 "text/html; charset=utf-8", PAGE_CSP)


@router.post("/documents/{doc_id}/delete")
async def delete_document_form(doc_id: str, st: State):
    """Remove a document (and the analyses that covered it)."""

    def remove() -> bool:
        with st.write_lock:
            try:
                return st.store().remove_document(doc_id)
            finally:
                st.changed()

    removed = await run_in_threadpool(remove)
    notice = f"Removed {doc_id}." if removed else f"No document {doc_id}."
    return RedirectResponse(f"/documents?notice={quote(notice)}", status_code=303)
