"""What a document's page shows: the article, the story it is in, its claims and its flags."""
from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException
from sqlalchemy import select

from .state import WebState

__all__ = ["DocInfo", "document_info"]


@dataclass(frozen=True)
class DocInfo:
    """One stored document with what the store knows about it."""

    doc: object  # newssift.models.Document
    story: tuple[str, str] | None  # (title, permalink key) in the latest analysis
    claims: tuple[tuple[str, str, str], ...]  # (kind, speaker as written, text)
    flags: tuple[tuple[str, str, str], ...]  # (kind, passage, explanation)
    failure: str | None  # why its analysis failed, when it did


def document_info(st: WebState, doc_id: str) -> DocInfo:
    """Everything the document page needs (404 when there is no such document)."""
    from ..store import schema as s

    store = st.store()
    docs = store.documents([doc_id])
    if not docs:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    run = st.latest_run()
    story = None
    if run is not None:
        story = next(((x.title or x.id, x.key) for x in st.links(run) if doc_id in x.docs), None)
    with store.engine.connect() as conn:
        c = s.x_claims
        claims = tuple(tuple(r) for r in conn.execute(
            select(c.c.kind, c.c.speaker_text, c.c.text).where(c.c.xdoc == doc_id).order_by(c.c.pos)).all())
        flags: tuple = ()
        if run is not None:
            f = s.flags
            flags = tuple(tuple(r) for r in conn.execute(
                select(f.c.kind, f.c.text, f.c.explanation).where(f.c.run == run, f.c.doc == doc_id).order_by(f.c.pos)))
        failure = conn.execute(select(s.failed_docs.c.error).where(s.failed_docs.c.doc_id == doc_id)).scalar()
    return DocInfo(docs[0], story, claims, flags, failure)
