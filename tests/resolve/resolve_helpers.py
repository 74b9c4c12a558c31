"""Hand-made extractions over hand-written fictional texts, for resolve and flags tests."""
from __future__ import annotations

import re

from newssift.models import Claim, DocExtraction, Document, Entity, Mention


def doc(doc_id: str, text: str, **kw) -> Document:
    """A document with the given id and body text."""
    return Document(id=doc_id, text=text, **kw)


def extraction(d: Document, names: list[tuple[str, str]], claims: tuple[Claim, ...] = ()) -> DocExtraction:
    """One local entity per (surface, label); every whole-word occurrence of the surface is a mention.

    Longer surfaces claim their text first, so "Dmytro Kovalenko" is not also
    a mention of "Kovalenko".
    """
    taken: list[tuple[int, int]] = []
    entities = []
    order = sorted(range(len(names)), key=lambda i: -len(names[i][0]))
    found: dict[int, list[Mention]] = {}
    for i in order:
        surface, label = names[i]
        eid = f"{d.id}#e{i + 1}"
        ms = []
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", d.text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            ms.append(Mention(d.id, m.start(), m.end(), surface, label, eid))
        assert ms, f"{surface!r} is not in {d.id}"
        found[i] = ms
    for i, (surface, label) in enumerate(names):
        entities.append(Entity(id=f"{d.id}#e{i + 1}", name=surface, type=label, mentions=tuple(found[i])))
    return DocExtraction(doc=d.id, entities=tuple(entities), claims=claims)


def entity_of(entities, surface: str):
    """The one entity with a mention, name or alias written ``surface``."""
    hits = [
        e for e in entities
        if surface == e.name or surface in e.aliases or any(m.text == surface for m in e.mentions)
    ]
    assert len(hits) == 1, f"{surface!r} is in {len(hits)} entities"
    return hits[0]
