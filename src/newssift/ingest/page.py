"""A page read but not yet cleaned, and how it becomes a Document.

Readers (plain text, HTML, records, WARC, feeds, URLs) all produce ``Page``
drafts; ``to_document`` cleans one and fills what the Document needs: body,
headline, embeds, cut furniture, content hash and language.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..errors import ParseError
from ..models import Document, Removed
from .decode import detect_language
from .text import clean_text

__all__ = ["Page", "content_hash", "normalise_body", "slug_of_url", "to_document"]

#: Longest id made from a URL; enough to keep host and path apart, short
#: enough to read in a table.
SLUG_MAX_CHARS = 80

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Page:
    """One article as read from its input, before cleaning."""

    source: str  # as shown in problems: path, URL, "file.jsonl:3"
    id: str
    raw: str  # plain text, or an extractor's text (one paragraph per line)
    source_format: str  # text | html | record | warc | feed | url
    extracted: bool = False  # raw comes from trafilatura: only trim its edges
    title: str | None = None
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    embeds: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    group: str | None = None  # pages of one site/folder share boilerplate


def normalise_body(text: str) -> str:
    """The body as compared for duplicates: NFKC, quotes folded, case and spacing ignored."""
    if not unicodedata.is_normalized("NFKC", text):  # a C-speed test; normalising costs more
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(_QUOTES).casefold().split())


def content_hash(text: str) -> str:
    """sha256 (hex) of the normalised body text."""
    return hashlib.sha256(normalise_body(text).encode("utf-8")).hexdigest()


def slug_of_url(url: str) -> str:
    """A readable id from a URL: host and path, lower-case, dashes between words."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    raw = f"{host} {parts.path} {parts.query}"
    slug = _NON_SLUG.sub("-", raw.lower()).strip("-")
    return slug[:SLUG_MAX_CHARS].rstrip("-") or "page"


def to_document(page: Page, boilerplate: frozenset[str] = frozenset()) -> Document:
    """Clean one page into a Document; ParseError if no body text is left."""
    clean = clean_text(page.raw, title=page.title, boilerplate=boilerplate, extracted=page.extracted)
    if not clean.text.strip():
        raise ParseError(page.source, "no article text found (every line looked like page furniture)")
    return Document(
        id=page.id,
        text=clean.text,
        title=clean.title or page.title,
        path=page.path,
        url=page.url,
        outlet=page.outlet,
        published=normalise_date(page.published),
        author=page.author or clean.author,
        language=detect_language(clean.text),
        embeds=page.embeds + clean.embeds,
        removed=page.removed + clean.removed,
        content_hash=content_hash(clean.text),
        source_format=page.source_format,
    )


# Day-first and month-first formats that news sites and sidecars write.
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%Y")


def normalise_date(value: str | None) -> str | None:
    """An ISO 8601 date or datetime for a publication date as written; unchanged if unreadable.

    ISO input is kept as it is (a date stays a date); RFC 2822 dates (feeds,
    HTTP) and the common written forms become ISO.  Ambiguous slashed dates
    are read day-first, as most of the world writes them.
    """
    if not value:
        return value
    s = value.strip()
    try:
        datetime.fromisoformat(s)
        return s
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return s
