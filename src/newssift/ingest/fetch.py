"""Fetch http(s) pages with httpx: timeouts, a size cap, a redirect limit.

Only pages newssift can read are accepted (HTML, plain text, RSS/Atom); any
other content type is refused with a message that names it.  The body is
read in chunks and the download stops as soon as it passes the size cap.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Self
from urllib.parse import urlsplit

from ..config import Config
from ..errors import FetchError, InputTooLargeError, UnsupportedInputError

__all__ = ["Fetched", "Fetcher", "kind_of_content_type"]

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"}


@dataclass(frozen=True)
class Fetched:
    """A downloaded page."""

    url: str  # after redirects
    kind: str  # html | text | feed
    data: bytes
    encoding: str | None  # charset from the Content-Type header


def kind_of_content_type(content_type: str) -> str | None:
    """html / text / feed for a Content-Type newssift reads, else None."""
    mime = content_type.split(";")[0].strip().lower()
    if mime in _HTML_TYPES:
        return "html"
    if mime in _TEXT_TYPES:
        return "text"
    if mime in _FEED_TYPES:
        return "feed"
    return None


class Fetcher:
    """One HTTP client for a run; use as a context manager."""

    def __init__(self, config: Config):
        self.config = config
        self._client = None
        # Feed items are fetched from several threads: the client is made once.
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._client.close()

    def _http(self):
        with self._lock:
            return self._client or self._make_client()

    def _make_client(self):
        if self._client is None:
            import httpx

            cfg = self.config
            self._client = httpx.Client(
                timeout=httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout),
                follow_redirects=True,
                max_redirects=cfg.max_redirects,
                headers={"User-Agent": cfg.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1"},
            )
        return self._client

    def get(self, url: str) -> Fetched:
        """Download ``url``; raise an InputError subclass with a one-line reason on failure."""
        import httpx

        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise UnsupportedInputError(url, "only http and https URLs are fetched")
        limit = self.config.max_input_bytes
        try:
            with self._http().stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise FetchError(url, f"server answered HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                ctype = resp.headers.get("content-type", "")
                kind = kind_of_content_type(ctype) if ctype else "html"
                if kind is None:
                    what = ctype.split(";")[0].strip() or "unknown"
                    raise UnsupportedInputError(url, f"not an HTML page (content type {what})")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise InputTooLargeError(url, f"page is {int(declared):,} bytes, over the {limit:,}-byte limit")
                chunks, size = [], 0
                deadline = time.monotonic() + self.config.fetch_deadline_s
                for chunk in resp.iter_bytes():
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"took over {self.config.fetch_deadline_s:g} s in all; download stopped "
                                              "(a slow or stalled server; try again later)")
                    size += len(chunk)
                    if size > limit:
                        raise InputTooLargeError(url, f"page is over the {limit:,}-byte limit; download stopped")
                    chunks.append(chunk)
                return Fetched(url=str(resp.url), kind=kind, data=b"".join(chunks), encoding=resp.charset_encoding)
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, f"more than {self.config.max_redirects} redirects") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.ConnectError as exc:
            raise FetchError(url, f"could not connect ({_first_line(exc)})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"download failed ({_first_line(exc)})") from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
