"""Story keys that survive re-analysis, for permalinks.

An analysis numbers its stories ``s1``, ``s2``… afresh every run, so those ids
cannot be linked to. A story's *key* is made from its anchor document instead:
the member that was added to the store first (lowest ``documents.seq``). New
articles joining a story never change its anchor, so the key stays; when two
stories merge, the merged story takes the older anchor's key, and the other
key still resolves (through its anchor document) to the story that now holds
it, so a caller can redirect to the canonical key.

The key is a hash of the anchor's id rather than the id itself, so it is a
short, URL-safe token whatever the id looks like.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, select

from . import schema as s
from .rows import load_stories
from .search import latest_run

__all__ = ["KEY_PREFIX", "StoryLink", "doc_key", "resolve_key", "story_links"]

KEY_PREFIX = "st-"
#: Hex digits of the key: 12 (48 bits) keep collisions away in stores of millions of documents.
KEY_HEX = 12


@dataclass(frozen=True)
class StoryLink:
    """A story of one run with its stable key."""

    id: str
    key: str
    title: str
    docs: tuple[str, ...]


def doc_key(doc_id: str) -> str:
    """The story key a document gives the story it anchors."""
    return KEY_PREFIX + hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:KEY_HEX]


def story_links(conn: Connection, run: int) -> list[StoryLink]:
    """The stories of ``run`` in report order, each keyed by its earliest-added document."""
    stories = load_stories(conn, run)
    members = {d for st in stories for d in st.docs}
    seq = dict(conn.execute(select(s.documents.c.id, s.documents.c.seq)).all()) if members else {}
    out = []
    for st in stories:
        anchor = min(st.docs, key=lambda d: seq.get(d, 1 << 62)) if st.docs else st.id
        out.append(StoryLink(st.id, doc_key(anchor), st.title, tuple(st.docs)))
    return out


def resolve_key(conn: Connection, key: str) -> tuple[int, StoryLink] | None:
    """(run, story) for ``key`` in the latest analysis: the story it keys, or the one now holding its anchor."""
    run = latest_run(conn)
    if run is None:
        return None
    links = story_links(conn, run)
    for link in links:
        if link.key == key:
            return run, link
    for link in links:  # a merged story: the key's anchor now sits in another story
        if any(doc_key(d) == key for d in link.docs):
            return run, link
    return None
