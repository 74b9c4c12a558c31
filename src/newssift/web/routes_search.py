"""Search over documents and claims, with filters: a page (GET form, no script) and its JSON twin."""
from __future__ import annotations

import datetime as _dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from ..store.search import ClaimHit, DocHit
from .cached import cached_response
from .state import WebState, web_state
from .views import PAGE_CSP, search_page

__all__ = ["PER_PAGE", "SearchOut", "api_router", "page_router"]

page_router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["search"])
State = Annotated[WebState, Depends(web_state)]
#: Results of each kind per page.
PER_PAGE = 20


class SearchOut(BaseModel):
    """One page of search results with the totals."""

    query: str
    page: int
    # The store's own result records (stdlib dataclasses, which pydantic
    # validates and serialises as they are): one definition of each hit.
    documents: list[DocHit]
    claims: list[ClaimHit]
    total_documents: int
    total_claims: int


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}") from None


def _run(st: WebState, q: str, outlet: str | None, date_from: str | None, date_to: str | None, status: str | None,
         flag: str | None, page: int):
    from ..errors import StoreError
    from ..store.search import SearchFilters, search

    filters = SearchFilters(outlet=outlet or None, date_from=_date(date_from, "from"), date_to=_date(date_to, "to"),
                            status=status or None, flag=flag or None)
    try:
        return filters, search(st.store().engine, q, filters, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc


Q = Annotated[str, Query(max_length=500, description="Words to find (all of them, any form: 'sentenced' finds 'sentence')")]
Page = Annotated[int, Query(ge=1, le=10_000)]


@page_router.get("/search", response_class=HTMLResponse)
async def search_view(request: Request, st: State, q: Q = "", outlet: str | None = None,
                      date_from: Annotated[str | None, Query(alias="from")] = None,
                      date_to: Annotated[str | None, Query(alias="to")] = None, status: str | None = None,
                      flag: str | None = None, page: Page = 1):
    """The search page: a form (GET, so every search has a link) and the results."""
    from ..store.search import facets

    def build() -> bytes:
        filters, found = _run(st, q, outlet, date_from, date_to, status, flag, page)
        with st.store().engine.connect() as conn:
            choices = facets(conn)
        return search_page(q, filters, found, choices, page, PER_PAGE)[0].encode("utf-8")

    return await cached_response(request, st, build, "text/html; charset=utf-8", PAGE_CSP)


@api_router.get("/search", response_model=SearchOut)
async def api_search(request: Request, st: State, q: Q = "", outlet: str | None = None,
                     date_from: Annotated[str | None, Query(alias="from")] = None,
                     date_to: Annotated[str | None, Query(alias="to")] = None,
                     status: Annotated[str | None, Query(description="fact status, e.g. conflicting")] = None,
                     flag: Annotated[str | None, Query(description="flag kind, e.g. quote_variant")] = None,
                     page: Page = 1):
    """Full-text search over documents and claims, with filters by outlet, published date, fact status and flag kind."""

    def build() -> bytes:
        _, found = _run(st, q, outlet, date_from, date_to, status, flag, page)
        out = SearchOut(query=q, page=page, documents=list(found.docs), claims=list(found.claims),
                        total_documents=found.n_docs, total_claims=found.n_claims)
        return out.model_dump_json().encode("utf-8")

    return await cached_response(request, st, build, "application/json", None)
