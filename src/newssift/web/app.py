"""The local web app: add articles, see the stored stories, open their reports; a JSON API.

Server-rendered Jinja2 pages over the store, no build step, nothing loaded
from the network (FastAPI's CDN-based /docs is replaced by a plain page).
Safety for a tool that opens untrusted articles on a person's machine:

* binds to 127.0.0.1 by default and answers only to loopback host names
  (DNS-rebinding guard), unless served on another interface on purpose;
* state-changing requests from another site are refused (Origin /
  Sec-Fetch-Site check), so a web page cannot add to or analyse the store;
* request bodies are capped while they stream in (``web.guard``); uploads
  are read into memory with a size limit and handed to ingest as bytes
  (``newssift.api.ingest_bytes``); no name from a request reaches the file
  system;
* every response carries the security headers, and every page a strict
  Content-Security-Policy.
"""
from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import DEFAULT_CONFIG, Config
from ..errors import NewssiftError, StoreError
from ..models import IngestResult
from ..report.json import report_to_dict
from .guard import LOOPBACK_HOSTS, Guard, allowed_hosts_for
from .guard import security_headers as _security_headers
from .schemas import AddOut, AnalyzeOut, StoryOut, TextsIn, UrlsIn, add_out
from .views import api_listing, documents_page, home_page, message_page, report_page

__all__ = ["LOOPBACK_HOSTS", "MAX_UPLOAD_FILES", "create_app", "max_request_bytes", "serve"]

log = logging.getLogger(__name__)
#: Files accepted in one upload: a day's worth of one story's coverage, and a
#: cap on the memory one request can take (each file up to max_input_bytes).
MAX_UPLOAD_FILES = 50
#: URLs accepted in one request; each is fetched in turn with the ingest timeouts.
MAX_URLS = 50
#: Characters kept in a download's file name (the story id is the only variable part).
_FILE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
#: Room for form fields and multipart framing around the largest text or file.
_BODY_SLACK = 64 * 1024


def max_request_bytes(config: Config) -> int:
    """The largest request body accepted: a form-encoded text of ``max_input_bytes`` (up to 3 bytes a byte)."""
    # A pasted text is form-encoded, where every non-ASCII or punctuation byte
    # becomes %XX: three times the advertised size is what a text at the cap can take.
    return 3 * config.max_input_bytes + _BODY_SLACK


def create_app(db: str, config: Config = DEFAULT_CONFIG, allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The FastAPI app over the store at ``db`` (a SQLite path or a postgresql:// URL).

    ``allowed_hosts`` are the Host header names answered; None answers any
    (used when serving on a non-loopback interface on purpose).
    """
    from ..store import FAILED_STORY, PENDING_STORY, Store

    app = FastAPI(
        title="newssift", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Cross-check several outlets' reports of one story. Reports follow newssift report schema 1.",
    )
    write_lock = threading.Lock()  # one add or analysis at a time; reads go on meanwhile
    max_request = max_request_bytes(config)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, max_body=max_request)

    @contextlib.contextmanager
    def store() -> Iterator[Store]:
        # One Store per request: engines are cheap, and no connection is shared across threads.
        try:
            s = Store.open(db)
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc
        try:
            yield s
        finally:
            s.close()

    def html(body: str, csp: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status_code=status, headers=_security_headers(csp))

    # Errors of the pages are pages; errors of the JSON API stay JSON.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        title = {404: "Not found", 409: "Could not finish", 413: "Too large"}.get(exc.status_code, f"Error {exc.status_code}")
        body, csp = message_page(title, str(exc.detail))
        return html(body, csp, exc.status_code)

    # Starlette answers a crash outside every middleware: this page carries its own headers.
    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.error("newssift web: %s %s failed: %r", request.method, request.url.path, exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "internal error"}, status_code=500, headers=_security_headers("default-src 'none'"))
        body, csp = message_page("Something went wrong", "The request failed; the store is unchanged by it.")
        return html(body, csp, 500)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        missing = ", ".join(str(e.get("loc", ["", "?"])[-1]) for e in exc.errors())
        body, csp = message_page("Nothing to add", f"The form was missing: {missing}.")
        return html(body, csp, 422)

    def back_home(notice: str) -> RedirectResponse:
        return RedirectResponse(f"/?notice={quote(notice)}", status_code=303)

    # ------------------------------------------------------------------ ingest helpers
    async def read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
        if len(files) > MAX_UPLOAD_FILES:
            raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files at a time")
        items = []
        for f in files:
            data = await f.read(config.max_input_bytes + 1)
            if len(data) > config.max_input_bytes:
                raise HTTPException(413, f"{f.filename or 'a file'} is larger than {config.max_input_bytes} bytes")
            if data:
                items.append((f.filename or "upload.txt", data))
        return items

    def add_and_analyze(got: IngestResult, analyze: bool) -> dict:
        with write_lock, store() as s:
            res = s.add_documents(got.documents) if got.documents else None
            if analyze and res is not None and res.added:
                try:
                    s.analyze(config=config)
                except NewssiftError as exc:  # the documents are stored; say why the analysis did not run
                    raise HTTPException(409, f"stored, but the analysis failed: {exc}") from exc
            stories = s.stories()
        return add_out(got, res, stories)

    def remove(doc_id: str) -> bool:
        with write_lock, store() as s:
            return s.remove_document(doc_id)

    def from_bytes(items: list[tuple[str, bytes]]) -> IngestResult:
        from ..api import ingest_bytes

        return ingest_bytes(items, config=config)

    def from_urls(urls: list[str]) -> IngestResult:
        from ..pipeline import extract_inputs

        bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https")]
        if bad:
            raise HTTPException(422, f"not an http(s) URL: {bad[0][:200]}")
        if len(urls) > MAX_URLS:
            raise HTTPException(413, f"at most {MAX_URLS} URLs at a time")
        return extract_inputs(urls, config=config)

    def notice_of(out: AddOut) -> str:
        parts = [f"Added {len(out.added)} document(s)"]
        if out.duplicates:
            parts.append(f"{len(out.duplicates)} already stored")
        if out.problems:
            parts.append("skipped: " + "; ".join(f"{p['source']}: {p['message']}" for p in out.problems[:5]))
        return ", ".join(parts) + "."

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(notice: str | None = None):
        with store() as s:
            stories = s.stories()
            n_docs = s.count_documents()
        body, csp = home_page(stories, n_docs, notice, PENDING_STORY, config.max_input_bytes, FAILED_STORY)
        return html(body, csp)

    def load(story: str | None):
        with store() as s:
            try:
                return s.report(story)
            except StoreError as exc:
                raise HTTPException(404, str(exc)) from exc

    def base_path(story: str | None) -> str:
        return f"/stories/{quote(story, safe='')}" if story else "/report"

    @app.get("/stories/{story}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story: str | None):
        report = load(story)
        json_path = f"/api/stories/{quote(story, safe='')}/report" if story else "/api/report"
        links = (("Report JSON", json_path), ("Download HTML", base_path(story) + "/report.html"),
                 ("CSV files (zip)", base_path(story) + "/csv.zip"))
        body, csp = report_page(report, links)
        return html(body, csp)

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def whole_report():
        return story_page(None)

    def _download(story: str | None, kind: str) -> Response:
        from ..report.csv import csv_zip
        from ..report.html import render_html

        report = load(story)
        name = "newssift-" + (_FILE_CHARS.sub("-", story)[:60] if story else "store")
        if kind == "html":
            body, media, name = render_html(report).encode("utf-8"), "text/html; charset=utf-8", name + ".html"
        else:
            body, media, name = csv_zip(report), "application/zip", name + "-csv.zip"
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                          **_security_headers(None)})

    @app.get("/stories/{story}/report.html", include_in_schema=False)
    def story_html(story: str) -> Response:
        return _download(story, "html")

    @app.get("/stories/{story}/csv.zip", include_in_schema=False)
    def story_csv(story: str) -> Response:
        return _download(story, "csv")

    @app.get("/report/report.html", include_in_schema=False)
    def store_html() -> Response:
        return _download(None, "html")

    @app.get("/report/csv.zip", include_in_schema=False)
    def store_csv() -> Response:
        return _download(None, "csv")

    @app.post("/add/files", include_in_schema=False)
    async def add_files(files: Annotated[list[UploadFile], File()], analyze: Annotated[bool, Form()] = False):
        out = add_and_analyze(from_bytes(await read_uploads(files)), analyze)
        return back_home(notice_of(AddOut(**out)))

    @app.post("/add/text", include_in_schema=False)
    async def add_text(request: Request):
        # Read by hand: FastAPI's Form() keeps Starlette's 1 MB limit per field,
        # below the size the page advertises.
        form = await request.form(max_part_size=max_request, max_files=0, max_fields=10)
        text, name = form.get("text"), form.get("name") or ""
        if not isinstance(text, str) or not text.strip():
            raise HTTPException(422, "The form was missing: text.")
        data = text.encode("utf-8")
        if len(data) > config.max_input_bytes:
            raise HTTPException(413, f"text larger than {config.max_input_bytes} bytes")
        analyze = str(form.get("analyze", "")).lower() in ("true", "on", "1")
        name = name if isinstance(name, str) else ""
        got = await run_in_threadpool(from_bytes, [((name.strip()[:80] or "pasted") + ".txt", data)])
        out = await run_in_threadpool(add_and_analyze, got, analyze)
        return back_home(notice_of(AddOut(**out)))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_list(notice: str | None = None):
        with store() as s:
            docs = s.documents()
            failed = next((r.docs for r in s.stories() if r.id == FAILED_STORY), ())
        body, csp = documents_page(docs, set(failed), notice)
        return html(body, csp)

    @app.post("/documents/{doc_id}/delete", include_in_schema=False)
    def delete_document_form(doc_id: str):
        removed = remove(doc_id)
        return RedirectResponse(f"/documents?notice={quote(f'Removed {doc_id}.' if removed else f'No document {doc_id}.')}",
                                status_code=303)

    @app.post("/add/urls", include_in_schema=False)
    def add_urls(urls: Annotated[str, Form()], analyze: Annotated[bool, Form()] = False):
        out = add_and_analyze(from_urls([u.strip() for u in urls.splitlines() if u.strip()]), analyze)
        return back_home(notice_of(AddOut(**out)))

    @app.post("/analyze", include_in_schema=False)
    def analyze_page():
        with write_lock, store() as s:
            try:
                res = s.analyze(config=config)
            except NewssiftError as exc:
                return back_home(str(exc))
        return back_home(f"Analysed {len(res.report.documents)} document(s): {len(res.report.stories)} story(ies), "
                         f"{res.extracted} extracted, {res.reused} reused.")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs():
        body, csp = api_listing(app.openapi())
        return html(body, csp)

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/stories", response_model=list[StoryOut], tags=["stories"])
    def api_stories() -> list[StoryOut]:
        """The stories of the latest analysis, then documents not analysed yet (id ``unanalysed``)."""
        with store() as s:
            return [StoryOut(id=r.id, title=r.title, docs=list(r.docs), analysed_at=r.analysed_at) for r in s.stories()]

    @app.get("/api/report", tags=["reports"], responses={200: {"description": "A report, schema 1"}})
    def api_report() -> JSONResponse:
        """The latest analysis of the whole store as report JSON (schema 1)."""
        return api_story_report(None)  # type: ignore[arg-type]

    @app.get("/api/stories/{story}/report", tags=["reports"], responses={200: {"description": "A report, schema 1"}, 404: {}})
    def api_story_report(story: str) -> JSONResponse:
        """One story's report JSON (schema 1): its documents, claims, facts, figures and flags."""
        with store() as s:
            try:
                return JSONResponse(report_to_dict(s.report(story)))
            except StoreError as exc:
                raise HTTPException(404, str(exc)) from exc

    @app.post("/api/documents", response_model=AddOut, tags=["documents"])
    async def api_add_files(files: Annotated[list[UploadFile], File()], analyze: Annotated[bool, Form()] = True) -> AddOut:
        """Upload article files (HTML, text, JSON lines, WARC, feeds); store them and, by default, analyse."""
        return AddOut(**add_and_analyze(from_bytes(await read_uploads(files)), analyze))

    @app.post("/api/texts", response_model=AddOut, tags=["documents"])
    def api_add_texts(body: TextsIn) -> AddOut:
        """Store article texts (one article per string) and, by default, analyse."""
        items = [(f"text-{i}.txt", t.encode("utf-8")) for i, t in enumerate(body.texts, 1)]
        if any(len(d) > config.max_input_bytes for _, d in items):
            raise HTTPException(413, f"a text is larger than {config.max_input_bytes} bytes")
        return AddOut(**add_and_analyze(from_bytes(items), body.analyze))

    @app.delete("/api/documents/{doc_id}", tags=["documents"], responses={404: {}})
    def api_delete_document(doc_id: str) -> dict:
        """Remove a document, its extraction and the analyses that covered it (re-analyse afterwards)."""
        if not remove(doc_id):
            raise HTTPException(404, f"no document {doc_id!r} in the store")
        return {"removed": doc_id}

    @app.post("/api/urls", response_model=AddOut, tags=["documents"])
    def api_add_urls(body: UrlsIn) -> AddOut:
        """Fetch and store article URLs and, by default, analyse."""
        return AddOut(**add_and_analyze(from_urls(body.urls), body.analyze))

    @app.post("/api/analyze", response_model=AnalyzeOut, tags=["reports"])
    def api_analyze(story: str | None = None) -> AnalyzeOut:
        """Analyse the store (or one story): extract what is new and re-run the cross-document step."""
        with write_lock, store() as s:
            try:
                res = s.analyze(story=story, config=config)
            except NewssiftError as exc:
                raise HTTPException(409, str(exc)) from exc
        return AnalyzeOut(documents=len(res.report.documents), stories=[st.id for st in res.report.stories],
                          extracted=res.extracted, reused=res.reused)

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, config: Config = DEFAULT_CONFIG) -> None:
    """Run the web app with uvicorn until interrupted (loopback only unless ``host`` says otherwise)."""
    import uvicorn

    # Any loopback address (127.0.0.2 too) keeps the Host check; only another interface, chosen on purpose, drops it.
    app = create_app(db, config=config, allowed_hosts=allowed_hosts_for(host))
    print(f"newssift: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
