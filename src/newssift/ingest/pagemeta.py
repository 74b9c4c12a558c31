"""What an HTML page says about itself: outlet, title, date, author, canonical URL, lead.

Read from the page's JSON-LD blocks and ``<meta>`` tags, which is why it runs
on the parsed tree *before* scripts are removed (JSON-LD lives in
``<script type="application/ld+json">``).  Only reading is done here: no
script is executed, and nothing of a script other than JSON-LD is looked at.
When the page declares no date, htmldate's quick (non-extensive) search on
the page's markup is the fallback; that covers nearly every news page without
the slow full-text scan.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["PageMeta", "outlet_from_host", "read_page_meta"]

#: JSON-LD types that describe the article itself (its headline and date),
#: as opposed to the site, a breadcrumb list or an organisation.
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                  "blogposting", "webpage", "report", "liveblogposting", "scholarlyarticle", "techarticle",
                  "backgroundnewsarticle", "reviewnewsarticle", "socialmediaposting", "pressrelease")
# Host labels that name no outlet: sub-domains for the web site or mobile site.
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "edition.", "beta.")
_SPACES = re.compile(r"\s+")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]|$)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$|\.html?)")
# How a <title> joins headline and site name: "Headline | Outlet", "Headline - Outlet".
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·»]\s+")


@dataclass(frozen=True)
class PageMeta:
    """The page's own metadata; any field may be None."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None


def read_page_meta(tree, url: str | None = None, find_date: bool = True) -> PageMeta:
    """The page's metadata from JSON-LD and meta tags (call before scripts are removed)."""
    ld = _json_ld(tree)
    meta = _meta_tags(tree)
    canonical = _first(tree.xpath("//link[@rel='canonical']/@href"))
    page_url = _absolute(canonical, url) or _first([meta.get("og:url")]) or url
    published = (ld.get("published") or meta.get("article:published_time") or meta.get("og:published_time")
                 or meta.get("datepublished") or meta.get("pubdate") or meta.get("publishdate")
                 or meta.get("date") or meta.get("dc.date") or meta.get("dc.date.issued")
                 or meta.get("sailthru.date") or meta.get("parsely-pub-date"))
    if not published:
        published = _marked_date(tree) or _url_date(page_url)
    if not published and find_date:
        published = _htmldate(tree, page_url)
    if published and _ISO_DATETIME.match(published.strip()):
        # The day is what reports compare; a time zone suffix would shift it.
        published = published.strip()[:10]
    title = ld.get("title") or meta.get("og:title") or meta.get("twitter:title") or _page_title(tree)
    return PageMeta(
        title=_clean(title),
        author=_clean(_first_name(ld.get("author"), meta.get("author"), meta.get("article:author"), meta.get("dc.creator"))),
        published=_clean(published),
        sitename=_clean(meta.get("og:site_name") or ld.get("publisher") or meta.get("application-name")),
        url=_clean(page_url),
        description=_clean(meta.get("og:description") or meta.get("description") or meta.get("twitter:description")
                           or ld.get("description")),
        language=_clean(_first(tree.xpath("/html/@lang")) or meta.get("og:locale")),
    )


def outlet_from_host(url: str | None) -> str | None:
    """A readable outlet name from a URL's host: ``https://www.example-news.co.uk/x`` -> ``example-news.co.uk``."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host or None


def _meta_tags(tree) -> dict[str, str]:
    """``<meta>`` name/property -> content (lower-case keys, first value wins)."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and content.strip() and key not in out:
            out[key] = content.strip()
    return out


def _json_ld(tree) -> dict[str, str]:
    """headline, published, author, publisher and description from the page's JSON-LD."""
    out: dict[str, str] = {}
    # A plain walk over <script> elements: an XPath with translate() cost
    # more than the rest of the metadata together.
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        for node in _nodes(data):
            _take_node(node, out)
    out.setdefault("publisher", out.get("site", ""))
    return {k: v for k, v in out.items() if v}


def _nodes(data, depth: int = 0):
    """Every JSON object of a JSON-LD block (lists and @graph unfolded), to a bounded depth."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _nodes(data["@graph"], depth + 1)


def _take_node(node: dict, out: dict[str, str]) -> None:
    types = node.get("@type")
    types = [t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
    if any(t in _ARTICLE_TYPES for t in types):
        for key, field in (("title", "headline"), ("published", "datePublished"), ("description", "description")):
            if isinstance(node.get(field), str) and key not in out:
                out[key] = node[field]
        if "author" not in out and (name := _name_of(node.get("author"))):
            out["author"] = name
        if "publisher" not in out and (name := _name_of(node.get("publisher"))):
            out["publisher"] = name
    elif (any(t in ("newsmediaorganization", "organization", "website") for t in types)
          and isinstance(node.get("name"), str) and node["name"].strip()):
        # The site's own node names the outlet when the article node does not.
        out.setdefault("site", node["name"])


def _name_of(value) -> str | None:
    """A person's or organisation's name: a string, an object with a name, or the first of a list."""
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value[:5]) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _page_title(tree) -> str | None:
    """The page's only <h1>, else its <title> without the site's name ("Headline - Outlet")."""
    h1 = [t for t in (_clean(h.text_content()) for h in tree.iter("h1")) if t]
    if len(h1) == 1:
        return h1[0]
    title = _clean(_first(tree.xpath("//title/text()")))
    if not title:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    # The headline is the longest part; the outlet's name is the short one.
    return max(parts, key=len) if parts else title


def _marked_date(tree) -> str | None:
    """The first ``<time datetime>`` or ``itemprop=datePublished`` that holds an ISO date."""
    for el in tree.iter("time"):
        value = (el.get("datetime") or "").strip()
        if _ISO_DATETIME.match(value):
            return value
    for value in tree.xpath("//*[@itemprop='datePublished']/@content|//*[@itemprop='datePublished']/@datetime"):
        if _ISO_DATETIME.match(value.strip()):
            return value.strip()
    return None


def _url_date(url: str | None) -> str | None:
    """A date written into the URL's path: /2024/03/05/ or /2024-03-05-."""
    m = _URL_DATE.search(urlsplit(url).path) if url else None
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _htmldate(tree, url: str | None) -> str | None:
    """htmldate's quick search (markup only, no full-text scan); None if it finds nothing."""
    try:
        from htmldate import find_date
    except ImportError:  # htmldate comes with trafilatura; stay usable without it
        return None
    try:
        return find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 — a date is optional: an odd page must not lose its text over it
        return None


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    if href.startswith(("http://", "https://")):
        return href
    if base and href.startswith("/"):
        parts = urlsplit(base)
        return f"{parts.scheme}://{parts.netloc}{href}"
    return None


def _first_name(*values) -> str | None:
    """The first value that is a name, not a profile link (article:author is often a URL)."""
    return next((v for v in values if v and not v.strip().startswith(("http://", "https://", "www."))), None)


def _first(values) -> str | None:
    for v in values or ():
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _clean(value) -> str | None:
    if value is None:
        return None
    s = _SPACES.sub(" ", str(value)).strip()
    return s or None
