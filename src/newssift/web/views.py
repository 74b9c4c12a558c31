"""Server-rendered pages of the web app: each function returns (HTML, Content-Security-Policy).

The pages share the report's stylesheet and Jinja macros; autoescape is on
for every template, so stored article text is always text.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .. import __version__
from ..models import Report
from ..report.html import TEMPLATES as REPORT_TEMPLATES
from ..report.html import asset, csp_for, render_html

__all__ = ["PAGE_CSP", "REFRESH_S", "api_listing", "document_page", "documents_page", "home_page", "job_page", "message_page",
           "report_page", "search_page"]

WEB_TEMPLATES = Path(__file__).with_name("templates")

#: Seconds between reloads of a running job's page (a meta refresh: the page runs no script).
REFRESH_S = 1
#: Pages of the app itself run no script at all; forms post only to the app.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'self'"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(WEB_TEMPLATES), str(REPORT_TEMPLATES)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


@lru_cache(maxsize=1)
def _css() -> str:
    return asset("report.css") + (WEB_TEMPLATES / "web.css").read_text(encoding="utf-8")


def _page(template: str, **ctx) -> tuple[str, str]:
    body = _env().get_template(template).render(css=_css(), version=__version__, **ctx)
    return body, PAGE_CSP


def home_page(stories, n_docs: int, notice: str | None, pending: str, max_bytes: int,
              failed: str = "failed") -> tuple[str, str]:
    """The start page: stored stories as (StoryRow, permalink key) pairs (``failed``: the row of documents
    whose analysis failed), a search box, and forms to add."""
    return _page("home.html.j2", stories=stories, n_docs=n_docs, notice=notice, pending=pending, failed=failed,
                 max_mb=max(1, max_bytes // (1024 * 1024)))


def search_page(query: str, filters, found, choices, page: int, per_page: int) -> tuple[str, str]:
    """The search form (GET) with its filters and one page of matching documents and claims."""
    from ..store.search import split_snippet

    pages = max(1, -(-max(found.n_docs, found.n_claims) // per_page))
    return _page("search.html.j2", query=query, f=filters, found=found, choices=choices, page=page, pages=pages,
                 split=split_snippet)


def document_page(info) -> tuple[str, str]:
    """One document: metadata, the story it is in, its text, claims and flags, and a remove button."""
    return _page("document.html.j2", info=info, d=info.doc)


def job_page(job, stories) -> tuple[str, str]:
    """A background job's progress (reloading itself while it runs) or its result; ``stories``: (title, key)."""
    return _page("job.html.j2", job=job, stories=stories, refresh=REFRESH_S)


def documents_page(docs, failed: set[str], notice: str | None) -> tuple[str, str]:
    """Every stored document with a button that removes it (those whose analysis failed marked)."""
    return _page("documents.html.j2", docs=docs, failed=failed, notice=notice)


def message_page(title: str, message: str) -> tuple[str, str]:
    """A short page that says what went wrong, with a way back."""
    return _page("message.html.j2", title=title, message=message)


def report_page(report: Report, links: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """A stored story's report: the same page as the HTML report, with a link back and ``links`` (label, path)."""
    return render_html(report, back_link="/", links=links), csp_for(asset("report.js"))


def api_listing(openapi: dict) -> tuple[str, str]:
    """A plain, offline listing of the JSON API from the OpenAPI document (no CDN-loaded viewer)."""
    ops = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            params = [p.get("name", "") for p in op.get("parameters", [])]
            body = "request body: " + ", ".join(op["requestBody"].get("content", {})) if op.get("requestBody") else ""
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params, "body": body})
    schemas = openapi.get("components", {}).get("schemas", {})
    return _page("docs.html.j2", ops=ops, title=openapi.get("info", {}).get("title", "newssift"),
                 report=_schema_rows(schemas, "Report"),
                 parts=[(name, _schema_rows(schemas, name)) for name in _REPORT_PARTS if name in schemas])


#: Parts of a report described on /docs, in the order a reader meets them.
_REPORT_PARTS = ("Document", "Entity", "Mention", "Claim", "Quantity", "TimeRef", "Fact", "Figure", "FigureValue",
                 "Flag", "SpanRef", "Story", "InputProblem", "Duplicate")


def _type_of(prop: dict) -> str:
    """A short type name of a JSON Schema property: ``string``, ``list of Claim``, ``integer or null``…"""
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type_of(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return "list of " + _type_of(prop.get("items", {}))
    if "const" in prop:
        return f'"{prop["const"]}"'
    return str(prop.get("type", "any"))


def _schema_rows(schemas: dict, name: str) -> list[tuple[str, str, bool, str]]:
    """(field, type, required, description) of one schema of the OpenAPI document."""
    schema = schemas.get(name, {})
    required = set(schema.get("required", ()))
    return [(field, _type_of(prop), field in required, prop.get("description", ""))
            for field, prop in schema.get("properties", {}).items()]
