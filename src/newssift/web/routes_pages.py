"""Pages to read: the stories, a story's report (cached, paginated, by permalink), downloads, the API listing."""
from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .cached import cached_response
from .guard import security_headers
from .state import Resolved, WebState, web_state
from .story_view import render_story_page
from .views import PAGE_CSP, api_listing, home_page, report_page

__all__ = ["html", "router"]

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]
#: Characters kept in a download's file name (the story id is the only variable part).
_FILE_CHARS = re.compile(r"[^A-Za-z0-9_-]+")


def html(body: str, csp: str, status: int = 200) -> HTMLResponse:
    """An HTML response with the security headers and the page's own policy."""
    return HTMLResponse(body, status_code=status, headers=security_headers(csp))


def story_path(key: str) -> str:
    """The permalink of a story."""
    return f"/s/{quote(key, safe='')}"


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, st: State, notice: str | None = None):
    """The stored stories, each linked by its permalink, a search box and the forms to add articles."""
    from ..store import FAILED_STORY, PENDING_STORY

    def build() -> bytes:
        store = st.store()
        stories = store.stories()
        run = st.latest_run()
        keys = {x.id: x.key for x in st.links(run)} if run is not None else {}
        rows = [(s, keys.get(s.id, s.id)) for s in stories]
        body, _ = home_page(rows, store.count_documents(), notice, PENDING_STORY, st.config.max_input_bytes,
                            FAILED_STORY)
        return body.encode("utf-8")

    return await cached_response(request, st, build, "text/html; charset=utf-8", PAGE_CSP)


def _build(st: WebState, gen: tuple, who: Resolved, page: int, links: tuple[tuple[str, str], ...]):
    from .cache import Cancelled

    def build(stop) -> bytes:
        def report():
            if stop.is_set():
                raise Cancelled
            return st.store().report(who.story if who.story != "*" else None)

        ctx = st.contexts.get((gen, who.story), report)
        if stop.is_set():
            raise Cancelled
        body, _ = render_story_page(ctx, page, "/", links)
        return body.encode("utf-8")

    return build


async def _cached_story(request: Request, st: WebState, who: Resolved, page: int, links) -> Response:

    from ..report.html import asset, csp_for
    from .cached import snapshot

    gen = await snapshot(st)
    body = await st.pages.get((gen, who.story, page), _build(st, gen, who, page, links), request.is_disconnected)
    if body is None:  # the client left; nobody reads this
        return Response(status_code=499)
    return HTMLResponse(body, headers=security_headers(csp_for(asset("report.js"))))


@router.get("/s/{key}", response_class=HTMLResponse)
async def story_by_key(request: Request, key: str, st: State, page: Annotated[int, Query(ge=1, le=100_000)] = 1):
    """A story's report by its permalink (a merged story's old key redirects to the current one)."""
    from starlette.concurrency import run_in_threadpool

    who = st.resolve_from_memory(key) or await run_in_threadpool(st.resolve, key)
    if who.run is None:  # documents not analysed yet, or whose analysis failed: a small page, not cached
        report = await run_in_threadpool(st.store().report, who.story)
        body, csp = report_page(report, ())
        return html(body, csp)
    if who.key != key:
        return RedirectResponse(story_path(who.key) + (f"?page={page}" if page > 1 else ""), status_code=301)
    base = f"/stories/{quote(who.story, safe='')}"
    links = (("Report JSON", f"/api/stories/{quote(who.key, safe='')}/report"), ("Download HTML", base + "/report.html"),
             ("CSV files (zip)", base + "/csv.zip"), ("Permalink", story_path(who.key)))
    return await _cached_story(request, st, who, page, links)


@router.get("/stories/{story}", response_class=HTMLResponse)
def story_by_id(story: str, st: State):
    """A story by its id in the latest analysis: redirected to its permalink."""
    who = st.resolve(story)
    if who.run is None:  # not analysed yet, or failed: no permalink, the list itself
        body, csp = report_page(st.store().report(who.story), ())
        return html(body, csp)
    return RedirectResponse(story_path(who.key), status_code=302)


@router.get("/report", response_class=HTMLResponse)
async def whole_report(request: Request, st: State, page: Annotated[int, Query(ge=1, le=100_000)] = 1):
    """The latest analysis of the whole store (cached and paginated like a story)."""
    from starlette.concurrency import run_in_threadpool

    run = await run_in_threadpool(st.latest_run)
    if run is None:
        raise HTTPException(404, "nothing analysed yet: add articles and analyse the store")
    links = (("Report JSON", "/api/report"), ("Download HTML", "/report/report.html"), ("CSV files (zip)", "/report/csv.zip"))
    return await _cached_story(request, st, Resolved(run, "*", "*"), page, links)


def _download(st: WebState, story: str | None, kind: str) -> Response:
    from ..errors import StoreError
    from ..report.csv import csv_zip
    from ..report.html import render_html

    if story is not None:
        story = st.resolve(story).story
    try:
        report = st.store().report(story)
    except StoreError as exc:
        raise HTTPException(404, str(exc)) from exc
    name = "newssift-" + (_FILE_CHARS.sub("-", story)[:60] if story else "store")
    if kind == "html":
        body, media, name = render_html(report).encode("utf-8"), "text/html; charset=utf-8", name + ".html"
    else:
        body, media, name = csv_zip(report), "application/zip", name + "-csv.zip"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                      **security_headers(None)})


@router.get("/stories/{story}/report.html")
def story_html(story: str, st: State) -> Response:
    """The story's self-contained HTML report, as a download."""
    return _download(st, story, "html")


@router.get("/stories/{story}/csv.zip")
def story_csv(story: str, st: State) -> Response:
    """The story's tables as CSV files in a zip."""
    return _download(st, story, "csv")


@router.get("/report/report.html")
def store_html(st: State) -> Response:
    """The whole store's HTML report, as a download."""
    return _download(st, None, "html")


@router.get("/report/csv.zip")
def store_csv(st: State) -> Response:
    """The whole store's tables as CSV files in a zip."""
    return _download(st, None, "csv")


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    """A plain, offline listing of the JSON API."""
    body, csp = api_listing(request.app.openapi())
    return html(body, csp)
