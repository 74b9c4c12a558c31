"""Views of a spaCy parse that extract's passes read many times, computed once per parse.

spaCy's ``Doc.text`` joins every token's text on each access; extract's
passes (headline, entities, quotes, quantities) each read it, and some once
per quotation.  The joined text and the tokens' offsets are kept in the
parse's ``user_data``.
"""
from __future__ import annotations

from ..annotate import PARSED_TEXT_KEY as _TEXT_KEY

__all__ = ["doc_text", "token_digits", "token_lowers", "token_starts"]

_STARTS_KEY = "newssift_token_starts"
_LOWERS_KEY = "newssift_token_lowers"
_DIGITS_KEY = "newssift_token_digits"


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
        from spacy.attrs import IDX

        cached = doc.to_array(IDX).tolist()  # one array read, no Token object per token
        doc.user_data[_STARTS_KEY] = cached
    return cached


def token_lowers(doc) -> list[str]:
    """Every token's lower-case form, read once per parsed document.

    The word-number scan reads it for every token of every claim and of
    every claim's sentence; a spaCy ``Token`` is a new object at each
    ``doc[i]``, so reading it through the token cost more than the scan.
    """
    cached = doc.user_data.get(_LOWERS_KEY)
    if cached is None or len(cached) != len(doc):
        from spacy.attrs import LOWER

        strings = doc.vocab.strings
        cached = [strings[h] for h in doc.to_array(LOWER).tolist()]
        doc.user_data[_LOWERS_KEY] = cached
    return cached


def token_digits(doc) -> list[bool]:
    """Per token: whether its text holds a digit (``str.isdigit`` on any character), once per parsed document."""
    cached = doc.user_data.get(_DIGITS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = [any(ch.isdigit() for ch in w) for w in _token_texts(doc)]
        doc.user_data[_DIGITS_KEY] = cached
    return cached


def _token_texts(doc) -> list[str]:
    """Every token's text, from the vocabulary's strings (no Token object per token)."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()]
