"""Read one source (file, stdin, URL) into Page drafts, by kind.

Each reader returns pages and the problems of parts of the source (a bad
record in a JSONL file, a feed item whose link is down); a problem with the
whole source is raised as an InputError and recorded by ``ingest``.
"""
from __future__ import annotations

import sys

from ..config import Config
from ..errors import InputNotFoundError, UnsupportedInputError
from ..models import InputProblem, Removed
from .decode import (
    check_size,
    declared_html_charset,
    decode_bytes,
    gunzip,
    looks_like_html,
)
from .fetch import Fetcher
from .html import extract_html
from .page import Page, slug_of_url
from .pagemeta import outlet_from_host
from .sources import Source, stem_of

__all__ = ["Parts", "html_page", "read_source", "read_url", "text_page"]

Parts = list[Page | InputProblem]


def read_source(src: Source, config: Config, fetcher: Fetcher) -> Parts:
    """Every page in one source, with the problems of its parts."""
    from . import records

    if src.kind == "url":
        return read_url(src.url, config, fetcher)
    data = _read_bytes(src, config)
    path = str(src.path) if src.path else None
    ident = stem_of(src.path) if src.path else "stdin"
    group = str(src.path.parent) if src.path else None
    kind = src.kind if src.kind not in ("auto", "stdin") else _sniff(data)
    if kind == "text":
        return [text_page(data, src.label, ident, path=path, group=group)]
    if kind == "html":
        return [html_page(data, src.label, ident, path=path, fmt="html")]
    if kind == "record":
        return records.pages_from_records(data, src.label, ident, path, config, fetcher)
    if kind == "csv":
        return records.pages_from_csv(data, src.label, ident, path, config, fetcher)
    if kind == "warc":
        return records.pages_from_warc(data, src.label, path, config)
    if kind == "feed":
        return records.pages_from_feed(data, src.label, path, config, fetcher)
    raise UnsupportedInputError(src.label, f"unsupported input kind {kind}")


def read_url(url: str, config: Config, fetcher: Fetcher, fmt: str = "url") -> Parts:
    """Fetch one URL and read it by its content type."""
    from . import records

    got = fetcher.get(url)
    ident = slug_of_url(url)
    if got.kind == "feed":
        return records.pages_from_feed(got.data, url, None, config, fetcher)
    if got.kind == "text":
        page = text_page(got.data, url, ident, declared=got.encoding)
        return [_with(page, url=got.url, outlet=_host(got.url), source_format=fmt)]
    return [html_page(got.data, url, ident, url=got.url, fmt=fmt, declared=got.encoding)]


def text_page(data: bytes, label: str, ident: str, path: str | None = None, group: str | None = None,
              declared: str | None = None) -> Page:
    """A plain-text page (cleaned later, with its folder's other pages)."""
    text = decode_bytes(data, label, declared)
    if looks_like_html(text):
        # A .txt that is really a saved HTML page.
        return html_page(data, label, ident, path=path, fmt="html", declared=declared)
    return Page(source=label, id=ident, raw=text, source_format="text", path=path, group=group)


def html_page(data: bytes | str, label: str, ident: str, path: str | None = None, url: str | None = None,
              fmt: str = "html", declared: str | None = None) -> Page:
    """An HTML page through trafilatura."""
    html = data if isinstance(data, str) else decode_bytes(data, label, declared or declared_html_charset(data))
    art = extract_html(html, label, url=url)
    page_url = url or art.url
    return Page(
        source=label,
        id=ident,
        raw=art.text,
        source_format=fmt,
        extracted=True,
        title=art.title,
        path=path,
        url=page_url,
        outlet=art.sitename or (_host(page_url) if page_url else None),
        published=art.published,
        author=art.author,
        embeds=art.embeds,
        removed=tuple(Removed(text=e, reason="embed") for e in art.embeds)
        + tuple(Removed(text="\n".join(run), reason="outside_article") for run in art.outside),
    )


def _with(page: Page, **changes) -> Page:
    from dataclasses import replace

    return replace(page, **changes)


def _host(url: str | None) -> str | None:
    return outlet_from_host(url)


def _read_bytes(src: Source, config: Config) -> bytes:
    limit = config.max_input_bytes
    if src.path is None:
        data = sys.stdin.buffer.read(limit + 1)
        check_size(len(data), src.label, limit)
        return data
    try:
        check_size(src.path.stat().st_size, src.label, limit)
        data = src.path.read_bytes()
    except FileNotFoundError as exc:
        raise InputNotFoundError(src.label, "file disappeared before it could be read") from exc
    except OSError as exc:
        raise UnsupportedInputError(src.label, f"could not be read ({exc.strerror or exc})") from exc
    # A .warc.gz is decompressed by the WARC reader, up to where it breaks
    # off: an archive cut short still gives its complete records.
    if src.path.name.lower().endswith(".gz") and src.kind != "warc":
        data = gunzip(data, src.label, limit)
    return data


def _sniff(data: bytes) -> str:
    """The kind of an input whose name does not say: look at its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"{", b"[")):
        return "record"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if looks_like_html(data):
        return "html"
    return "text"
