"""Small builders for hand-made align inputs (sentences written for these tests)."""
from __future__ import annotations

from newssift.models import Claim, Document, Entity, Quantity, TimeRef

__all__ = ["claim", "doc", "entity", "qty"]


def doc(doc_id: str, text: str = "", title: str | None = None, published: str | None = None) -> Document:
    return Document(id=doc_id, text=text or doc_id, title=title, outlet=f"outlet-{doc_id}", published=published)


def qty(low, high, qualifier, measure, subject=None, unit=None, text=None) -> Quantity:
    return Quantity(text=text or str(low if low is not None else high), low=low, high=high, qualifier=qualifier,
                    measure=measure, subject=subject, unit=unit)


def claim(cid: str, doc_id: str, text: str, speaker: str | None = None, speaker_text: str | None = None,
          via: str | None = None, quantities=(), time: TimeRef | None = None, start: int = 0, kind=None,
          cue: str | None = None) -> Claim:
    return Claim(id=cid, doc=doc_id, start=start, end=start + len(text), text=text,
                 kind=kind or ("indirect" if speaker else "unattributed"), speaker=speaker,
                 speaker_text=speaker_text or speaker, via=via, quantities=tuple(quantities), time=time, cue=cue)


def entity(eid: str, name: str, type_: str = "ORG", aliases=(), titles=()) -> Entity:
    return Entity(id=eid, name=name, type=type_, aliases=tuple(aliases), titles=tuple(titles))
