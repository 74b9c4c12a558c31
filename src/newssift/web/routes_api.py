"""The JSON API: stories, reports (their schema in /openapi.json), documents, background jobs."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import TypeAdapter
from starlette.concurrency import run_in_threadpool

from ..errors import StoreError
from .cached import cached_response
from .report_schema import REPORT_REF
from .schemas import AddOut, AnalyzeOut, DocumentOut, JobOut, StoryOut, TextsIn, UrlsIn
from .state import WebState, web_state
from .work import (
    add_and_analyze,
    analyze_store,
    check_urls,
    from_bytes,
    from_urls,
    read_uploads,
)

__all__ = ["router"]

router = APIRouter(prefix="/api")
State = Annotated[WebState, Depends(web_state)]
_REPORT = {200: {"description": "A report, schema 1", "content": {"application/json": {"schema": {"$ref": REPORT_REF}}}}}
_JOB = {202: {"description": "Started in the background: poll /api/jobs/{id}", "model": JobOut}}


def _job_out(job) -> JobOut:
    return JobOut(id=job.id, kind=job.kind, state=job.state, stage=job.stage, done=job.done, total=job.total,
                  message=job.message, result=job.result)


def _started(st: WebState, kind: str, run) -> JSONResponse:
    def work(progress):
        out = AddOut(**run(progress))
        return f"Added {len(out.added)} document(s).", out.model_dump()

    job = st.jobs.submit(kind, work)
    return JSONResponse(_job_out(job).model_dump(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


@router.get("/stories", response_model=list[StoryOut], tags=["stories"])
async def api_stories(request: Request, st: State):
    """The stories of the latest analysis (with their permalink ``key``), then documents not analysed yet or failed."""
    def build() -> bytes:
        run = st.latest_run()
        keys = {x.id: x.key for x in st.links(run)} if run is not None else {}
        out = [StoryOut(id=r.id, title=r.title, docs=list(r.docs), analysed_at=r.analysed_at, key=keys.get(r.id, r.id))
               for r in st.store().stories()]
        return TypeAdapter(list[StoryOut]).dump_json(out)

    return await cached_response(request, st, build, "application/json", None)


def _report_json(st: WebState, story: str | None) -> JSONResponse:
    from ..report.json import report_to_dict

    if story is not None:
        story = st.resolve(story).story
    try:
        return JSONResponse(report_to_dict(st.store().report(story)))
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/report", tags=["reports"], responses=_REPORT)
def api_report(st: State) -> JSONResponse:
    """The latest analysis of the whole store as report JSON (schema 1)."""
    return _report_json(st, None)


@router.get("/stories/{story}/report", tags=["reports"], responses={**_REPORT, 404: {"description": "No such story"}})
def api_story_report(story: str, st: State) -> JSONResponse:
    """One story's report JSON (schema 1), by its permalink key or its id in the latest analysis."""
    return _report_json(st, story)


@router.post("/documents", response_model=AddOut, tags=["documents"], responses=_JOB)
async def api_add_files(st: State, files: Annotated[list[UploadFile], File()], analyze: Annotated[bool, Form()] = True,
                        background: Annotated[bool, Form()] = False):
    """Upload article files (HTML, text, JSON lines, WARC, feeds); store them and, by default, analyse."""
    items = await read_uploads(st, files)
    if background:
        return _started(st, "add files", lambda p: add_and_analyze(st, from_bytes(st, items), analyze, p))
    got = await run_in_threadpool(from_bytes, st, items)
    return AddOut(**await run_in_threadpool(add_and_analyze, st, got, analyze))


@router.post("/texts", response_model=AddOut, tags=["documents"], responses=_JOB)
def api_add_texts(body: TextsIn, st: State):
    """Store article texts (one article per string) and, by default, analyse."""
    items = [(f"text-{i}.txt", t.encode("utf-8")) for i, t in enumerate(body.texts, 1)]
    if any(len(d) > st.config.max_input_bytes for _, d in items):
        raise HTTPException(413, f"a text is larger than {st.config.max_input_bytes} bytes")
    if body.background:
        return _started(st, "add texts", lambda p: add_and_analyze(st, from_bytes(st, items), body.analyze, p))
    return AddOut(**add_and_analyze(st, from_bytes(st, items), body.analyze))


@router.post("/urls", response_model=AddOut, tags=["documents"], responses=_JOB)
def api_add_urls(body: UrlsIn, st: State):
    """Fetch and store article URLs and, by default, analyse."""
    urls = check_urls(body.urls)
    if body.background:
        return _started(st, "fetch URLs", lambda p: add_and_analyze(st, from_urls(st, urls), body.analyze, p))
    return AddOut(**add_and_analyze(st, from_urls(st, urls), body.analyze))


@router.get("/documents/{doc_id}", response_model=DocumentOut, tags=["documents"], responses={404: {}})
def api_document(doc_id: str, st: State) -> DocumentOut:
    """A stored document's metadata."""
    docs = st.store().documents([doc_id])
    if not docs:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    d = docs[0]
    return DocumentOut(id=d.id, title=d.title, outlet=d.outlet, url=d.url, published=d.published, author=d.author,
                       language=d.language, chars=len(d.text))


@router.delete("/documents/{doc_id}", tags=["documents"], responses={404: {}})
def api_delete_document(doc_id: str, st: State) -> dict:
    """Remove a document, its extraction and the analyses that covered it (re-analyse afterwards)."""
    with st.write_lock:
        try:
            removed = st.store().remove_document(doc_id)
        finally:
            st.changed()
    if not removed:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    return {"removed": doc_id}


@router.post("/analyze", response_model=AnalyzeOut, tags=["reports"], responses=_JOB)
def api_analyze(st: State, story: str | None = None, background: bool = False):
    """Analyse the store (or one story, by key or id): extract what is new and re-run the cross-document step."""
    if story is not None:
        story = st.resolve(story).story  # a permalink key or a story id of the latest analysis

    def run(progress=None) -> AnalyzeOut:
        res = analyze_store(st, story, progress)
        return AnalyzeOut(documents=len(res.report.documents), stories=[s.id for s in res.report.stories],
                          extracted=res.extracted, reused=res.reused)

    if background:
        job = st.jobs.submit("analyse", lambda p: ("Analysed.", run(p).model_dump()))
        return JSONResponse(_job_out(job).model_dump(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})
    return run()


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["jobs"], responses={404: {}})
async def api_job(job_id: str, st: State) -> JobOut:
    """A background job's state and progress; ``result`` holds its answer once ``state`` is done."""
    job = st.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return _job_out(job)
