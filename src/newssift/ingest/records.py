"""Inputs that hold several articles: JSON/JSONL records, WARC archives, RSS/Atom feeds.

A record carries ``text`` or ``html`` and optionally ``url``, ``outlet``,
``title``, ``published``, ``author`` and ``id``.  WARC response records with
an HTML payload are read through trafilatura.  A feed's items are fetched by
their links; an item whose link cannot be fetched falls back to the full
content the feed itself carries, when it carries enough of it.
"""
from __future__ import annotations

import io
import json
import time
from collections.abc import Callable

from ..config import Config
from ..errors import FetchError, InputError, InputTooLargeError, ParseError
from ..models import InputProblem
from .decode import decode_bytes, gunzip_partial
from .fetch import Fetcher, kind_of_content_type
from .page import Page, slug_of_url
from .pagemeta import outlet_from_host
from .readers import Parts, html_page, read_url

__all__ = ["pages_from_csv", "pages_from_feed", "pages_from_records", "pages_from_warc"]

#: A feed item's own content is used instead of its page only when it is at
#: least this long: summaries of a sentence or two are not the article.
FEED_CONTENT_MIN_CHARS = 500
# Record keys read, with the names other tools commonly use for them
# (news-please: maintext, date_publish, authors, source_domain; trafilatura's
# JSON: raw_text, sitename, hostname, and "source" for the page's URL).
_ALIASES = {
    "published": ("published", "date", "published_at", "pubdate", "date_publish", "date_published", "datePublished"),
    "outlet": ("outlet", "site", "sitename", "site_name", "source_name", "publisher"),
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors"),
    "url": ("url", "link", "canonical_url", "source"),
}
# Keys holding the article as text, then as HTML, first found wins.
_TEXT_KEYS = ("text", "content", "maintext", "raw_text", "body", "article")
_HTML_KEYS = ("html", "raw_html", "content_html")
# Keys naming only the site's host ("www.example.com"): a readable outlet when
# nothing better is given.
_HOST_KEYS = ("source_domain", "hostname", "domain", "source-hostname")


def pages_from_records(data: bytes, label: str, stem: str, path: str | None, config: Config, fetcher: Fetcher) -> Parts:
    """Pages from a JSON array/object or from JSON Lines."""
    text = decode_bytes(data, label)
    items: list[tuple[str, object]] = []
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        doc = None
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append((f"{label}:{n}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    items.append((f"{label}:{n}", ParseError(f"{label}:{n}", f"not valid JSON ({exc.msg})")))
    if doc is not None:
        if isinstance(doc, dict):
            listed = next((doc[k] for k in ("articles", "documents", "items", "records") if isinstance(doc.get(k), list)), None)
            doc = listed if listed is not None else [doc]
        if not isinstance(doc, list):
            raise ParseError(label, "JSON holds neither a record nor a list of records")
        items = [(f"{label}[{i}]", rec) for i, rec in enumerate(doc)]
    out: Parts = []
    for n, (where, rec) in enumerate(items, 1):
        if isinstance(rec, InputError):
            out.append(InputProblem(rec.source, rec.message, rec.code))
            continue
        try:
            out.append(_record_page(rec, where, f"{stem}-{n}", path, config, fetcher))
        except InputError as exc:
            out.append(InputProblem(exc.source, exc.message, exc.code))
    return out


def pages_from_csv(data: bytes, label: str, stem: str, path: str | None, config: Config, fetcher: Fetcher) -> Parts:
    """Pages from a CSV file of articles: a header row with a text (content, maintext, html) column."""
    import csv

    text = decode_bytes(data, label)
    try:
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        raise ParseError(label, f"not a readable CSV file ({exc})") from exc
    header = {str(k).strip().lower() for r in rows[:1] for k in r if k}
    if not header & set(_TEXT_KEYS + _HTML_KEYS):
        raise ParseError(label, "CSV has no text, content, maintext or html column")
    out: Parts = []
    for n, row in enumerate(rows, 1):
        rec = {str(k).strip().lower(): v for k, v in row.items() if k and isinstance(v, str) and v.strip()}
        try:
            out.append(_record_page(rec, f"{label}:{n + 1}", f"{stem}-{n}", path, config, fetcher))
        except InputError as exc:
            out.append(InputProblem(exc.source, exc.message, exc.code))
    return out


def _field(rec: dict, name: str) -> str | None:
    for key in _ALIASES.get(name, (name,)):
        v = rec.get(key)
        if isinstance(v, list):  # news-please's "authors": a list of names
            v = ", ".join(str(x).strip() for x in v if isinstance(x, str) and x.strip())
        if isinstance(v, dict):  # JSON-LD style {"name": ...}
            v = v.get("name")
        if isinstance(v, (str, int, float)) and str(v).strip():
            v = str(v).strip()
            if (name == "url") != v.startswith(("http://", "https://")):
                continue  # a "source" that is a URL is no outlet, and the other way round
            return v
    return None


def _first_str(rec: dict, keys: tuple[str, ...]) -> str | None:
    return next((rec[k] for k in keys if isinstance(rec.get(k), str) and rec[k].strip()), None)


def _host_outlet(rec: dict, url: str | None) -> str | None:
    """A readable outlet from the record's host field, else from its URL."""
    host = _first_str(rec, _HOST_KEYS)
    return outlet_from_host(host or url)


def _record_page(rec: object, where: str, fallback_id: str, path: str | None, config: Config, fetcher: Fetcher) -> Page:
    if not isinstance(rec, dict):
        raise ParseError(where, "record is not a JSON object")
    url = _field(rec, "url")
    ident = _field(rec, "id") or (slug_of_url(url) if url else fallback_id)
    body_text, body_html = _first_str(rec, _TEXT_KEYS), _first_str(rec, _HTML_KEYS)
    if body_html is not None:
        page = html_page(body_html, where, ident, path=path, url=url, fmt="record")
    elif body_text is not None:
        page = Page(source=where, id=ident, raw=body_text, source_format="record", path=path, url=url)
    else:
        raise ParseError(where, "record has no 'text', 'content', 'maintext' or 'html'")
    from dataclasses import replace

    return replace(
        page,
        title=_field(rec, "title") or page.title,
        outlet=_field(rec, "outlet") or page.outlet or _host_outlet(rec, url),
        published=_field(rec, "published") or page.published,
        author=_field(rec, "author") or page.author,
    )


def pages_from_warc(data: bytes, label: str, path: str | None, config: Config) -> Parts:
    """Pages from the HTML responses of a WARC archive (gzip or plain).

    A gzipped archive (one gzip member per record, or one for the whole
    file) is decompressed up to where it breaks off, and a last record whose
    bytes run out is dropped: a file cut short keeps every complete record,
    and the cut is reported as one problem.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    out: Parts = []
    cut = False
    if data[:2] == b"\x1f\x8b":
        data, cut = gunzip_partial(data, label, config.max_input_bytes)
    total = 0
    it = ArchiveIterator(io.BytesIO(data))
    try:
        for record in it:
            if not _wanted(record):
                # warcio skips the rest of the record anyway; reading it here tells a record cut short.
                while record.raw_stream.read(1 << 16):
                    pass
                if getattr(record.raw_stream, "limit", 0) > 0:
                    cut = True
                    break
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{label} {uri}".strip()
            body = record.content_stream().read(config.max_input_bytes + 1)
            total += len(body)
            if total > config.max_input_bytes:
                raise InputTooLargeError(label, f"archive holds over {config.max_input_bytes:,} bytes of pages; "
                                                "reading stopped")
            if len(body) <= config.max_input_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                cut = True  # its bytes ran out before the length its header declares
                break
            out.append(_warc_page(record, body, where, uri, path, len(out)))
    except ArchiveLoadFailed as exc:
        if not out:
            raise ParseError(label, f"not a readable WARC archive ({str(exc).splitlines()[0] if str(exc) else 'bad header'})") from exc
        cut = True
    except (AttributeError, EOFError, OSError, ValueError) as exc:  # a damaged record after good ones
        if not out:
            raise ParseError(label, "not a readable WARC archive (it is damaged or truncated)") from exc
        cut = True
    if not out:
        raise ParseError(label, "WARC archive is cut short before its first complete HTML response" if cut
                         else "WARC archive holds no HTML responses")
    if cut:
        out.append(InputProblem(label, f"archive is cut short (an incomplete download?); the {len(out)} complete "
                                       "record(s) before the break were read", "parse"))
    return out


def _wanted(record) -> bool:
    """Whether a WARC record is an HTML page newssift reads (a response or resource, status 200)."""
    if record.rec_type not in ("response", "resource"):
        return False
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or (
        record.rec_headers.get_header("Content-Type") or ""
    )
    if record.http_headers and record.http_headers.get_statuscode() not in (None, "200"):
        return False
    return kind_of_content_type(ctype) == "html"


def _warc_page(record, body: bytes, where: str, uri: str, path: str | None, n: int) -> Page | InputProblem:
    """The page of one WARC response (its WARC-Date as the publication date when the page has none)."""
    try:
        page = html_page(body, where, slug_of_url(uri) if uri else f"warc-{n + 1}", path=path, url=uri or None, fmt="warc")
    except InputError as exc:
        return InputProblem(exc.source, exc.message, exc.code)
    if page.published is None:
        from dataclasses import replace

        page = replace(page, published=(record.rec_headers.get_header("WARC-Date") or "")[:10] or None)
    return page


def pages_from_feed(data: bytes, label: str, path: str | None, config: Config, fetcher: Fetcher,
                    select: Callable[[list], list] | None = None) -> Parts:
    """Pages for the items of an RSS/Atom feed, each fetched by its link.

    ``select`` picks the entries to fetch (``newssift watch``: the new ones, a
    bounded number); by default every entry is.
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise ParseError(label, "feed has no items" + (f" ({str(reason).splitlines()[0]})" if reason else ""))
    outlet = (parsed.feed.get("title") or "").strip() or None
    out: Parts = []
    entries = list(parsed.entries) if select is None else select(list(parsed.entries))
    fetched = _fetch_items(entries, label, config, fetcher)
    for entry, pages in zip(entries, fetched, strict=True):
        meta = {
            "title": (entry.get("title") or "").strip() or None,
            "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            "author": (entry.get("author") or "").strip() or None,
        }
        if isinstance(pages, InputError):
            out.append(InputProblem(pages.source, pages.message, pages.code))
            continue
        from dataclasses import replace

        for p in pages:
            if isinstance(p, Page):
                p = replace(
                    p,
                    source_format="feed",
                    title=p.title or meta["title"],
                    published=p.published or meta["published"],
                    author=p.author or meta["author"],
                    outlet=_item_outlet(p, outlet),
                )
            out.append(p)
    return out


def _fetch_items(entries: list, label: str, config: Config, fetcher: Fetcher) -> list[Parts | InputError]:
    """Each entry's pages (or the InputError that stopped it), in entry order, downloaded concurrently.

    At most ``config.feed_fetch_workers`` downloads run at once (httpx's
    client is thread-safe and shares its connections); an item not started
    within ``config.feed_budget_s`` of the first is skipped with a message,
    and each started one ends within ``config.fetch_deadline_s``.
    """
    end = time.monotonic() + config.feed_budget_s

    def one(entry) -> Parts | InputError:
        link = entry.get("link")
        if time.monotonic() > end:
            where = link or f"{label} item {entry.get('id', '?')}"
            return FetchError(where, f"not fetched: the feed's {config.feed_budget_s:g} s download budget ran out "
                                     "(try the feed again later)")
        try:
            return _feed_item(entry, link, label, config, fetcher)
        except InputError as exc:
            return exc

    workers = max(1, min(config.feed_fetch_workers, len(entries)))
    if workers == 1:
        return [one(e) for e in entries]
    return _map_in_threads(one, entries, workers)


def _map_in_threads(fn: Callable, items: list, workers: int) -> list:
    """``[fn(x) for x in items]`` on ``workers`` daemon threads, in order; an exception of ``fn`` is re-raised.

    Hand-written rather than ``ThreadPoolExecutor``: the executor's threads
    are joined when the interpreter exits, so Ctrl-C during a stalled
    download would wait for its deadline (30 s); daemon threads are not, and
    Ctrl-C (raised in the waiting main thread) also stops queued items.
    """
    import queue
    import threading

    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(len(items)):
        todo.put(i)
    results: list = [None] * len(items)
    failures: list[BaseException] = []
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            try:
                results[i] = fn(items[i])
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which re-raises it
                failures.append(exc)
                stop.set()

    threads = [threading.Thread(target=work, name=f"newssift-feed-{n}", daemon=True) for n in range(workers)]
    for t in threads:
        t.start()
    try:
        for t in threads:
            t.join()
    except BaseException:
        stop.set()
        raise
    if failures:
        raise failures[0]
    return results


def _item_outlet(page: Page, feed_title: str | None) -> str | None:
    """An item's outlet: the one its own page names; else the feed's title; else the page's host.

    A feed's title names the feed ("Top stories - Valley Post"), and an
    aggregator's feed links to many outlets' pages.
    """
    host = outlet_from_host(page.url)
    if page.outlet and page.outlet != host:
        return page.outlet
    return feed_title or page.outlet


def _feed_item(entry, link: str | None, label: str, config: Config, fetcher: Fetcher) -> Parts:
    content = " ".join(c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict))
    where = link or f"{label} item {entry.get('id', '?')}"
    if link:
        try:
            return read_url(link, config, fetcher, fmt="feed")
        except InputError:
            if len(content) < FEED_CONTENT_MIN_CHARS:
                raise
    if len(content) >= FEED_CONTENT_MIN_CHARS:
        return [html_page(content, where, slug_of_url(link) if link else f"item-{entry.get('id', '0')}", url=link, fmt="feed")]
    raise ParseError(where, "feed item has no link and no full content")


def _iso(struct) -> str | None:
    if not struct:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", struct)
