"""social_embed: a social-media post quoted inside an article, and what it claims.

Ingest keeps embedded posts out of the body (``Document.embeds``).  The flag
text is the post's own words, without hashtags, links and the "— Name
(@handle) date" signature line, which go into the explanation and detail.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Document, Flag

__all__ = ["find_social_embeds", "post_author", "post_claim"]

_SIGNATURE = re.compile(
    r"^\s*[\u2014\u2013-]+\s*(?P<name>[^(\n]*?)\s*\((?P<handle>@\w+)\)\s*(?P<date>.*)$", re.MULTILINE
)
_LINK = re.compile(r"\b(?:https?://|www\.|pic\.twitter\.com/|t\.co/)\S*", re.IGNORECASE)
_HASHTAG = re.compile(r"(?<!\w)#\w+")
_SPACE = re.compile(r"[ \t]+")


def post_author(embed: str) -> tuple[str | None, str | None, str | None]:
    """(name, @handle, date) from the post's signature line, when it has one."""
    m = _SIGNATURE.search(embed)
    if not m:
        return None, None, None
    name = re.sub(r"[^\w\s.'-]", "", m.group("name")).strip() or None
    return name, m.group("handle"), (m.group("date").strip() or None)


def post_claim(embed: str) -> str:
    """The post's own words: signature, links and hashtags removed, lines joined."""
    body = _SIGNATURE.sub("", embed)
    body = _LINK.sub("", body)
    body = _HASHTAG.sub("", body)
    lines = [_SPACE.sub(" ", ln).strip() for ln in body.splitlines()]
    return " ".join(ln for ln in lines if ln)


def find_social_embeds(documents: Sequence[Document]) -> list[Flag]:
    """One flag per embedded post that says something."""
    flags = []
    for d in documents:
        for embed in d.embeds:
            claim = post_claim(embed)
            if len(claim.split()) < 3:
                continue
            name, handle, date = post_author(embed)
            who = " ".join(x for x in (name, f"({handle})" if handle and name else handle) if x)
            who = who or "a social-media account"
            flags.append(Flag(
                kind="social_embed",
                doc=d.id,
                text=claim,
                explanation=f"An embedded social-media post by {who}, not the outlet's own reporting.",
                detail="; ".join(x for x in (f"author: {name}" if name else "", f"handle: {handle}" if handle else "",
                                             f"posted: {date}" if date else "") if x) or None,
            ))
    return flags
