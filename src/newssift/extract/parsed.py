"""Views of a spaCy parse that extract's passes read many times, computed once per parse.

spaCy's ``Doc.text`` joins every token's text on each access; extract's
passes (headline, entities, quotes, quantities) each read it, and some once
per quotation.  The joined text and the tokens' offsets are kept in the
parse's ``user_data``.
"""
from __future__ import annotations

__all__ = ["doc_text", "token_starts"]

_TEXT_KEY = "newssift_text"
_STARTS_KEY = "newssift_token_starts"


def doc_text(doc) -> str:
    """The parsed document's text, joined once (spaCy's ``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def token_starts(doc) -> list[int]:
    """Every token's character offset, computed once per parsed document.

    Building it per call made a long article quadratic: one list of all its
    tokens for each of its claims.
    """
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = [t.idx for t in doc]
        doc.user_data[_STARTS_KEY] = cached
    return cached
