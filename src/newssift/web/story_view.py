"""A stored story's report as web pages: the report page, its articles split into pages of ``PER_PAGE``.

The summary sections (glance, facts, figures, sources, flags) are on every
page; the articles, which are most of a big story's weight (a 200-article
story is ~8 MB in one page), are paginated. Every link to exact words of an
article on another page points to that page (``?page=N#anchor``), so the
citations keep working. The context (the expensive part) is built once per
(run, story) and shared by the pages.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from ..models import Report
from ..report.html import asset, csp_for, report_context, template_env

__all__ = ["PER_PAGE", "ContextCache", "page_count", "render_story_page"]

#: Articles per story page: a screenful of summary plus 20 articles stays well under 1 MB for news-length texts.
PER_PAGE = 20
#: Links into an article: a span (d{doc}-{start}-{end}) or the article itself (doc-{doc}).
_ANCHOR_LINK = re.compile(r'href="#(d(\d+)-\d+-\d+|doc-(\d+))"')
_PAGER_AT = '<h2 id="h-reports">The reports</h2>'


def page_count(n_docs: int) -> int:
    """Pages a story of ``n_docs`` articles takes (at least one)."""
    return max(1, -(-n_docs // PER_PAGE))


class ContextCache:
    """The report template's context per key (run, story): built once, a few kept (thread-safe)."""

    def __init__(self, keep: int = 4):
        self.keep = keep
        self._items: OrderedDict[Hashable, dict] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, report: Callable[[], Report]) -> dict:
        """The context for ``key``, built from ``report()`` when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        ctx = report_context(report())
        with self._lock:
            self._items[key] = ctx
            while len(self._items) > self.keep:
                self._items.popitem(last=False)
        return ctx


def _pager(page: int, pages: int, n_docs: int) -> str:
    if pages <= 1:
        return ""
    first, last = (page - 1) * PER_PAGE + 1, min(n_docs, page * PER_PAGE)
    links = " ".join(f'<a href="?page={p}#reports"{" aria-current=page" if p == page else ""}>{p}</a>'
                     for p in range(1, pages + 1))
    return (f'<nav class="pager" aria-label="Pages of articles"><span>Articles {first}–{last} of {n_docs}</span> '
            f"{links}</nav>")


def render_story_page(ctx: dict, page: int, back_link: str, links: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """(HTML, CSP) of page ``page`` of a story whose context is ``ctx``."""
    docs = ctx["documents"]
    pages = page_count(len(docs))
    page = min(max(1, page), pages)
    lo = (page - 1) * PER_PAGE
    script = asset("report.js")
    html = template_env().get_template("report.html.j2").render(
        **{**ctx, "documents": docs[lo: lo + PER_PAGE]},
        css=asset("report.css") + _PAGER_CSS, script=script, csp=csp_for(script), back_link=back_link, links=links,
        page_title=ctx["glance"].title or "newssift report",
    )

    def relink(m: re.Match) -> str:
        pos = int(m.group(2) or m.group(3))
        target = pos // PER_PAGE + 1
        return m.group(0) if target == page else f'href="?page={target}#{m.group(1)}"'

    html = _ANCHOR_LINK.sub(relink, html)
    # The section bar counts the story's articles, not this page's.
    shown = docs[lo: lo + PER_PAGE]
    html = html.replace(f'<a href="#reports">Reports <span class="count">{len(shown)}</span></a>',
                        f'<a href="#reports">Reports <span class="count">{len(docs)}</span></a>', 1)
    pager = _pager(page, pages, len(docs))
    if pager:
        html = html.replace(_PAGER_AT, _PAGER_AT + pager, 1)
        html = html.replace("</main>", pager + "</main>", 1) if "</main>" in html else html
    return html, csp_for(script)


_PAGER_CSS = """
.pager{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.6rem 0}
.pager a{padding:.1rem .5rem;border:1px solid #ccc;border-radius:3px;text-decoration:none}
.pager a[aria-current]{font-weight:bold;background:#eee}
"""
