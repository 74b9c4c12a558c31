"""The self-contained HTML report: one file, no external requests, safe with hostile articles.

Everything the page needs (styles, the small script, the SVG charts) is
inline.  Article text reaches the page only through Jinja2 autoescaping, and
a strict Content-Security-Policy forbids loading anything: the only script
allowed is ours, pinned by its SHA-256 hash.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import jinja2

from .. import __version__
from ..models import Report
from .charts import Chart, build_chart, value_text
from .html_docs import build_documents, build_flags
from .html_index import Cite, ReportIndex, fmt_number, humanise, shorten
from .html_views import (
    build_brief,
    build_glance,
    build_matrix,
    build_sources,
    matrix_is_compact,
)

__all__ = ["FigureView", "asset", "csp_for", "notebook_frame", "render_html", "report_context", "template_env", "write_html"]

TEMPLATES = Path(__file__).with_name("templates")
#: Figures named in "the story at a glance", the most reported first: the
#: handful an editor checks first (tolls, counts), the rest are one click away.
KEY_FIGURES = 4
#: Characters of the claim shown under each reported value: one line on a laptop.
FIGURE_CLAIM_CHARS = 140


@dataclass(frozen=True)
class FigureRow:
    """One reported value in the table under a chart."""

    text: str
    value: str
    qualifier: str
    source: str
    outlet: str
    time: str
    cite: Cite
    claim: str = ""  # the sentence the value was reported in, shortened


@dataclass(frozen=True)
class FigureView:
    """One figure: its chart, its values and the low/best/high summary."""

    id: str
    title: str
    subject: str | None
    chart: Chart | None
    rows: tuple[FigureRow, ...]
    low: str
    best: str
    high: str
    rule: str


@lru_cache(maxsize=1)
def template_env() -> jinja2.Environment:
    """The Jinja environment of the report and web templates (autoescape always on)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = fmt_number
    env.filters["human"] = humanise
    return env


@cache
def asset(name: str) -> str:
    """The text of an inline asset (CSS or JS) shipped beside the templates."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def csp_for(script: str, form_action: str = "'none'") -> str:
    """A Content-Security-Policy allowing nothing but inline styles, data: images and this script."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action {form_action}"
    )


def _figures(idx: ReportIndex) -> tuple[FigureView, ...]:
    views = []
    for n, fig in enumerate(idx.report.figures):
        rows = []
        for v in fig.values:
            rows.append(FigureRow(
                text=shorten(v.text, 120),
                value=value_text(v),
                qualifier=humanise(v.qualifier),
                source=v.source_text or idx.entity_name(v.source) or "no source named",
                outlet=(v.outlet or idx.label(v.doc)) + (f", {published}" if (published := _published(idx, v.doc)) else ""),
                time=v.time or "",
                cite=Cite(idx.span_anchor(v.doc, v.start, v.end), v.outlet or idx.label(v.doc), v.text),
                claim=shorten(idx.claims[v.claim].text, FIGURE_CLAIM_CHARS) if v.claim in idx.claims else "",
            ))
        title = humanise(fig.measure).capitalize() or "Figure"
        views.append(FigureView(
            # "Troops — troops" says nothing twice: a subject that only repeats the measure is dropped.
            id=f"figure-{n}", title=title,
            subject=fig.subject if (fig.subject or "").strip().lower() != humanise(fig.measure).lower() else None,
            chart=build_chart(idx, fig, n), rows=tuple(rows),
            low=fmt_number(fig.low), best=fmt_number(fig.best), high=fmt_number(fig.high), rule=fig.rule,
        ))
    return tuple(views)


def _published(idx: ReportIndex, doc_id: str) -> str:
    doc = idx.docs.get(doc_id)
    return (doc.published or "")[:10] if doc else ""


def report_context(report: Report) -> dict:
    """Everything the report template draws, as view-models (no HTML)."""
    idx = ReportIndex(report)
    brief, brief_ok = build_brief(idx)
    figures = _figures(idx)
    # One summary rule shared by every figure is said once, above them.
    rules = {f.rule for f in figures}
    common_rule = rules.pop() if len(rules) == 1 else ""
    if common_rule:
        figures = tuple(replace(f, rule="") for f in figures)
    return {
        "common_rule": common_rule,
        "glance": build_glance(idx),
        "brief": brief,
        "brief_ok": brief_ok,
        "outlets": tuple((idx.short_label(d.id), idx.label(d.id)) for d in report.documents),
        "doc_anchors": tuple(idx.doc_anchor(d.id) for d in report.documents),
        "matrix": build_matrix(idx),
        "matrix_compact": matrix_is_compact(idx),
        "figures": figures,
        "key_figures": tuple(sorted(figures, key=lambda f: -len(f.rows))[:KEY_FIGURES]),
        "sources": build_sources(idx),
        "flags": build_flags(idx),
        "documents": build_documents(idx),
        "problems": report.problems,
        "duplicates": report.duplicates,
        "meta": report.meta,
        "version": __version__,
    }


def render_html(
    report: Report, *, back_link: str | None = None, title: str | None = None,
    links: tuple[tuple[str, str], ...] = (),
) -> str:
    """The report as one self-contained HTML page.

    ``back_link`` and ``links`` ((label, same-site path) pairs, e.g. the JSON
    download) are for the web app; the file written by ``write_html`` has none.
    """
    script = asset("report.js")
    ctx = report_context(report)
    return template_env().get_template("report.html.j2").render(
        **ctx,
        css=asset("report.css"),
        script=script,
        csp=csp_for(script),
        back_link=back_link,
        links=links,
        page_title=title or ctx["glance"].title or "newssift report",
    )


def write_html(report: Report, path: Path | str) -> Path:
    """Write the self-contained HTML report (UTF-8) and return its path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(render_html(report), encoding="utf-8")
    return p


#: Height of the notebook frame in CSS pixels: a screenful of the report, scrollable inside.
NOTEBOOK_FRAME_PX = 640


def notebook_frame(report: Report) -> str:
    """The report for Jupyter: the full page in a sandboxed ``iframe srcdoc``.

    The frame keeps the report's styles and script away from the notebook, and
    the sandbox (scripts only, no same-origin) keeps the notebook away from it.
    """
    from markupsafe import escape

    doc = escape(render_html(report))
    return (
        f'<iframe sandbox="allow-scripts" srcdoc="{doc}" title="newssift report" '
        f'style="width:100%;height:{NOTEBOOK_FRAME_PX}px;border:1px solid #ddd;border-radius:6px"></iframe>'
    )
