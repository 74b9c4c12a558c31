"""HTML pages to article text with trafilatura, quoted social posts set apart.

The page is parsed once.  Its metadata (JSON-LD, meta tags: outlet, title,
date, author, canonical URL, lead) is read first, while the JSON-LD scripts
are still there (``pagemeta``); then embedded posts (``blockquote.twitter-
tweet`` and its kin) are lifted out into ``embeds`` and active content
(scripts, styles, frames, objects, comments) is dropped, so no code of a
hostile page can reach the text.  trafilatura then extracts the article
without comments (its fast mode first, the full cascade when that finds
little), and two steps of our own follow:

* paragraphs that are mostly link text ("Read also: <headline>", related
  article lists, "Back to top") are dropped;
* the article's lead, which many sites put in a teaser block that
  trafilatura leaves out, is put back when the page's own description says
  which visible block it is.

Both were chosen by sweeps on trafilatura's evaluation pages
(docs/extraction.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ParseError
from .pagemeta import outlet_from_host, read_page_meta

__all__ = ["HtmlArticle", "extract_html"]

#: A block this long found inside an article paragraph is part of it (an
#: inline-split paragraph); shorter blocks must match a whole paragraph, since
#: menu words ("Home", "World") occur inside prose by chance.
MIN_INSIDE_CHARS = 40

#: A paragraph or heading whose text is at least this share link text is a
#: pointer elsewhere ("Read also: ...", a related headline), not article text
#: (sweep 0.5-0.9 in docs/extraction.md: flat from 0.6 to 0.7).
LINK_DENSITY_MAX = 0.6
#: ... unless it is longer than this: a long paragraph with many inline links
#: is still prose (sweep 150/300/600: 300 and 600 equal, 150 worse).
LINK_BLOCK_MAX_CHARS = 300
#: When trafilatura's fast mode finds less text than this, its full cascade
#: is run and decides.  On the evaluation pages: 1000 gives F1 0.935 overall,
#: 0.947 English (fast only: 0.929/0.939; full cascade on every page:
#: 0.937/0.949) at 60 % of the full cascade's CPU time; 2000 gains three
#: snippets for 13 % more CPU (sweep 0-5000 in docs/extraction.md).
FULL_CASCADE_BELOW_CHARS = 1000
#: A page description shorter than this is a tag line, not the article's lead.
LEAD_MIN_CHARS = 40
#: The visible block taken as the lead may be this much longer than the
#: description (which sites often truncate), plus LEAD_SLACK_CHARS.
LEAD_MAX_RATIO = 1.5
LEAD_SLACK_CHARS = 20
#: Characters of the description matched against the page's blocks: enough
#: to be unique, short enough to survive a site's truncation of the meta tag.
LEAD_KEY_CHARS = 100
#: Characters of the description looked for in the page's raw text before it
#: is folded (most pages have no visible lead; folding costs).
LEAD_PROBE_CHARS = 24

#: A <noscript> holding at least this share of the page's text is an unclosed
#: tag that swallowed the page: it is unwrapped, not dropped.  On the 400
#: evaluation pages, 1,369 of 1,371 <noscript>s hold under 5 % of their
#: page's text, one 20 %, one 100 %; any value from 0.3 to 0.9 splits them.
NOSCRIPT_PAGE_SHARE = 0.5

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
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[…\])$")
# Elements that hold one block of visible text (what a reader sees as a line).
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "caption",
               "pre", "address", "div", "section", "header", "footer", "nav", "aside", "article", "main", "body")
# Where a lead paragraph sits, most specific first.
_LEAD_TAGS = ("p", "h2", "h3", "strong", "div", "span", "header", "section")
# trafilatura's output elements that the link-density test applies to.
_LINKABLE = ("p", "head", "quote")


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
    language: str | None = None  # as the page declares it (<html lang>)


def extract_html(html: str | bytes, source: str, url: str | None = None) -> HtmlArticle:
    """Extract the main text and metadata of one HTML page; ParseError if there is none."""
    from lxml import etree

    tree = _parse(html, source)
    meta = read_page_meta(tree, url)
    _unwrap_swallowing_noscript(tree)
    etree.strip_elements(tree, *_ACTIVE, with_tail=False)
    # Comments and processing instructions can hide markup or code too.
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    embeds = tuple(_lift_embeds(tree))
    text = _article_text(tree, url or meta.url)
    if not text.strip():
        raise ParseError(source, "no article text found in the HTML page")
    lead = _lead(tree, meta.description, text)
    if lead:
        text = lead + "\n" + text
    page_url = url or meta.url
    return HtmlArticle(
        text=text,
        title=meta.title,
        author=meta.author,
        published=meta.published,
        sitename=meta.sitename or outlet_from_host(page_url),
        url=page_url,
        embeds=embeds,
        outside=_left_out(_blocks(tree), text),
        language=meta.language,
    )


def _unwrap_swallowing_noscript(tree) -> None:
    """Unwrap a <noscript> that holds most of the page (an unclosed tag), so the article survives."""
    body = tree.find("body")
    if body is None:
        return
    total = len(body.text_content())
    for el in list(body.iter("noscript")):
        if total and len(el.text_content()) >= NOSCRIPT_PAGE_SHARE * total:
            el.tag = "div"  # its scripts, if any, are still dropped below


def _parse(html: str | bytes, source: str):
    """The page as an lxml tree (an XML encoding declaration in a str is tolerated)."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ValueError, TypeError) as exc:
        raise ParseError(source, f"HTML could not be parsed ({exc})") from exc
    if tree is None:
        raise ParseError(source, "HTML could not be parsed")
    return tree


def _article_text(tree, url: str | None) -> str:
    """The article's text, link-dense blocks dropped; "" if none.

    trafilatura's fast mode (its own extractor only) first; when that finds
    less than FULL_CASCADE_BELOW_CHARS, its full cascade (compared with
    readability and jusText, baseline rescue) decides.
    """
    text = _trafilatura_text(tree, url, fast=True)
    if len(text) < FULL_CASCADE_BELOW_CHARS:
        text = _trafilatura_text(tree, url, fast=False) or text
    return text


def _trafilatura_text(tree, url: str | None, fast: bool) -> str:
    """One trafilatura run (it works on a copy of ``tree``), as plain text without link-heavy blocks."""
    import trafilatura
    from lxml import etree
    from trafilatura.xml import xmltotxt

    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,  # to measure link density; links are unwrapped below
        with_metadata=False,  # read by pagemeta, before the scripts were removed
    )
    if doc is None or doc.body is None:
        return ""
    body = doc.body
    for el in list(body):
        if el.tag in _LINKABLE and _link_heavy(el):
            body.remove(el)
    etree.strip_tags(body, "ref")
    return xmltotxt(body, False) or ""


def _link_heavy(el) -> bool:
    """A short block made mostly of link text."""
    text = _text_of(el)
    if not text or len(text) > LINK_BLOCK_MAX_CHARS:
        return False
    linked = sum(len(_text_of(r)) for r in el.iter("ref"))
    return linked >= LINK_DENSITY_MAX * len(text)


def _lead(tree, description: str | None, text: str) -> str | None:
    """The visible block the page's description quotes, when the extracted text lacks it."""
    if not description:
        return None
    desc = _ELLIPSIS.sub("", _fold(description))
    if len(desc) < LEAD_MIN_CHARS:
        return None
    key = desc[:LEAD_KEY_CHARS]
    if key in _fold(text):
        return None
    body = tree.find("body")
    if body is None:
        return None
    page_text = body.text_content()
    # Its first words, unfolded, rule out most pages before the text is folded.
    if key[:LEAD_PROBE_CHARS] not in page_text or key not in _fold(page_text):
        return None  # only in the meta tags: not something the reader sees
    longest = len(desc) * LEAD_MAX_RATIO + LEAD_SLACK_CHARS
    for tag in _LEAD_TAGS:
        for el in body.iter(tag):
            t = _fold(el.text_content())
            if t.startswith(key) and len(t) <= longest:
                return t
    return None


def _text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


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
    for fb in blocks:  # already folded by _blocks
        # A block is in the article when it is one of its paragraphs, or a
        # long piece of one; a short block ("Home") found inside a paragraph
        # by chance is still the menu item it was.
        out = fb not in kept_lines and (len(fb) < MIN_INSIDE_CHARS or fb not in kept)
        if out:
            if not prev_out:
                runs.append([])
            runs[-1].append(fb)
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
