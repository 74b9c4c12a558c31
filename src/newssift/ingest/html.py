"""HTML pages to article text with trafilatura, quoted social posts set apart.

Before trafilatura sees the page, embedded posts (``blockquote.twitter-tweet``
and its kin) are lifted out into ``embeds`` and active content (scripts,
styles, frames, objects) is dropped, so no code of a hostile page can reach
the text.  trafilatura runs in its fast, precision-first mode (no fallback
extractors, no comments): this is what makes 100+ pages/s possible; only a
page where that mode finds nothing is tried again with the fallbacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ParseError

__all__ = ["HtmlArticle", "extract_html"]

#: Below this many characters the fast extraction is taken to have missed the
#: article (a caption or a cookie line), and the slower fallbacks are tried.
MIN_FAST_CHARS = 200

#: A block this long found inside an article paragraph is part of it (an
#: inline-split paragraph); shorter blocks must match a whole paragraph, since
#: menu words ("Home", "World") occur inside prose by chance.
MIN_INSIDE_CHARS = 40

# Elements whose content is code or another document, never article text.
_ACTIVE = ("script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "frameset", "frame", "svg", "math")
# Class names the embed snippets of social networks give their blockquote.
_EMBED_XPATH = (
    "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'twitter-video')"
    " or contains(@class,'instagram-media') or contains(@class,'tiktok-embed')"
    " or contains(@class,'bluesky-embed') or contains(@class,'mastodon-embed')"
    " or contains(@class,'threads-post') or contains(@class,'fb-xfbml-parse-ignore')]"
)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Elements that hold one block of visible text (what a reader sees as a line).
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "caption",
               "pre", "address", "div", "section", "header", "footer", "nav", "aside", "article", "main", "body")


@dataclass(frozen=True)
class HtmlArticle:
    """What the page says about itself, and its main text (one paragraph per line)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    embeds: tuple[str, ...] = ()
    outside: tuple[tuple[str, ...], ...] = ()  # runs of page blocks left out of the article


def extract_html(html: str, source: str, url: str | None = None) -> HtmlArticle:
    """Extract the main text and metadata of one HTML page; ParseError if there is none."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(source, f"HTML could not be parsed ({exc})") from exc
    etree.strip_elements(tree, *_ACTIVE, with_tail=False)
    # Comments and processing instructions can hide markup or code too.
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    embeds = tuple(_lift_embeds(tree))
    blocks = _blocks(tree)
    doc = _trafilatura(tree, url, fast=True)
    if doc is None or len(doc.text or "") < MIN_FAST_CHARS:
        slow = _trafilatura(tree, url, fast=False)
        if slow is not None and len(slow.text or "") > len((doc.text if doc else "") or ""):
            doc = slow
    if doc is None or not (doc.text or "").strip():
        raise ParseError(source, "no article text found in the HTML page")
    return HtmlArticle(
        text=doc.text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        published=_clean(doc.date),
        sitename=_clean(doc.sitename) or _clean(doc.hostname),
        url=_clean(doc.url) or url,
        embeds=embeds,
        outside=_left_out(blocks, doc.text),
    )


def _trafilatura(tree, url: str | None, fast: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
    )


def _blocks(tree) -> list[str]:
    """The page's visible text, one string per innermost block element, in page order."""
    els = list(tree.iter(*_BLOCK_TAGS))
    containers = set()
    for el in els:
        # A block that holds other blocks is listed through them.
        parent = el.getparent()
        while parent is not None and parent not in containers:
            containers.add(parent)
            parent = parent.getparent()
    out = []
    for el in els:
        if el in containers:
            continue
        t = " ".join(el.text_content().split())
        if t:
            out.append(t)
    return out


def _left_out(blocks: list[str], text: str) -> tuple[tuple[str, ...], ...]:
    """Runs of consecutive blocks whose text is not in the extracted article."""
    kept = _fold(text)
    kept_lines = {_fold(line) for line in text.splitlines()}
    runs: list[list[str]] = []
    prev_out = False
    for b in blocks:
        fb = _fold(b)
        # A block is in the article when it is one of its paragraphs, or a
        # long piece of one; a short block ("Home") found inside a paragraph
        # by chance is still the menu item it was.
        out = fb not in kept_lines and (len(fb) < MIN_INSIDE_CHARS or fb not in kept)
        if out:
            if not prev_out:
                runs.append([])
            runs[-1].append(b)
        prev_out = out
    return tuple(tuple(r) for r in runs)


def _fold(s: str) -> str:
    return " ".join(s.split())


def _lift_embeds(tree) -> list[str]:
    """Remove social-post blockquotes from the tree and return their text."""
    out = []
    for bq in tree.xpath(_EMBED_XPATH):
        paras = []
        for block in bq.xpath(".//p") or [bq]:
            t = _SPACES.sub(" ", " ".join(block.itertext())).strip()
            if t:
                paras.append(t)
        # The signature ("— Name (@handle) date") is the blockquote's own text after the <p>s.
        tail = _SPACES.sub(" ", " ".join(bq.xpath("./text()|./a//text()"))).strip()
        if tail and bq.xpath(".//p"):
            paras.append(tail)
        if paras:
            out.append("\n".join(paras))
        bq.drop_tree()
    return out


def _clean(value) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None
