"""Views of a spaCy parse that extract's passes read many times, computed once per parse.

spaCy's ``Doc.text`` joins every token's text on each access; extract's
passes (headline, entities, quotes, quantities) each read it, and some once
per quotation.  The joined text is kept in the parse's ``user_data``.
"""
from __future__ import annotations

__all__ = ["doc_text"]

_TEXT_KEY = "newssift_text"


def doc_text(doc) -> str:
    """The parsed document's text, joined once (spaCy's ``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached
