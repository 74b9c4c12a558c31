"""The local web app: add articles, search them, read stories by permalink, a page per document; a JSON API.

Server-rendered Jinja2 pages over the store, no build step, nothing loaded
from the network (FastAPI's CDN-based /docs is replaced by a plain page).
The routes live in routers: ``routes_pages`` (stories, reports, downloads),
``routes_documents`` (adding as background jobs, document pages, delete),
``routes_search`` and ``routes_api``; ``state.WebState`` is what they share.
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
  Content-Security-Policy (the app's own pages run no script at all; job
  progress reloads itself with a meta refresh).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import DEFAULT_CONFIG, Config
from . import routes_api, routes_documents, routes_pages, routes_search
from .guard import LOOPBACK_HOSTS, Guard, allowed_hosts_for
from .guard import security_headers as _security_headers
from .report_schema import openapi_components, report_json_schema
from .routes_pages import html
from .state import WebState
from .views import message_page
from .work import MAX_UPLOAD_FILES

__all__ = ["LOOPBACK_HOSTS", "MAX_UPLOAD_FILES", "create_app", "max_request_bytes", "serve"]

log = logging.getLogger(__name__)
#: Room for form fields and multipart framing around the largest text or file.
_BODY_SLACK = 64 * 1024


def max_request_bytes(config: Config) -> int:
    """The largest request body accepted: a form-encoded text of ``max_input_bytes`` (up to 3 bytes a byte)."""
    # A pasted text is form-encoded, where every non-ASCII or punctuation byte
    # becomes %XX: three times the advertised size is what a text at the cap can take.
    return 3 * config.max_input_bytes + _BODY_SLACK


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path.endswith(".json")


def _error_handlers(app: FastAPI) -> None:
    # Errors of the pages are pages; errors of the JSON API stay JSON.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
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
        body, csp = message_page("Nothing to add", f"The form was missing or had a bad value: {missing}.")
        return html(body, csp, 422)


def _with_report_schema(app: FastAPI) -> None:
    """/openapi.json carries the report schema (generated from the models) as ``components.schemas.Report``."""
    plain = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = plain()
            report, parts = openapi_components(report_json_schema())
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for name, part in parts.items():
                schemas.setdefault(name, part)
            schemas["Report"] = report
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(db: str, config: Config = DEFAULT_CONFIG, allowed_hosts: frozenset[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The FastAPI app over the store at ``db`` (a SQLite path or a postgresql:// URL).

    ``allowed_hosts`` are the Host header names answered; None answers any
    (used when serving on a non-loopback interface on purpose).
    """
    app = FastAPI(
        title="newssift", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Cross-check several outlets' reports of one story. Reports follow newssift report schema 1 "
                    "(components.schemas.Report).",
    )
    app.state.web = WebState(db=db, config=config, max_request=max_request_bytes(config))
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, max_body=app.state.web.max_request)
    _error_handlers(app)
    for router in (routes_pages.router, routes_documents.router, routes_search.page_router, routes_search.api_router,
                   routes_api.router):
        app.include_router(router)
    _with_report_schema(app)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, config: Config = DEFAULT_CONFIG) -> None:
    """Run the web app with uvicorn until interrupted (loopback only unless ``host`` says otherwise)."""
    import uvicorn

    # Any loopback address (127.0.0.2 too) keeps the Host check; only another interface, chosen on purpose, drops it.
    app = create_app(db, config=config, allowed_hosts=allowed_hosts_for(host))
    print(f"newssift: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
