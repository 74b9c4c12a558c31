"""A stand-in for extract's mentions in resolve/flags tests: spaCy's named entities, as they come.

Each distinct (text, label) in a document becomes one document-local entity,
so resolve gets what the raw tagger gives, slips included.  It is a test
helper, not a mock: the tagger is the real one.
"""
from __future__ import annotations

from newssift.models import DocExtraction, Document, Entity, Mention

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


def ner_extraction(doc: Document, parsed) -> DocExtraction:
    """One local entity per distinct (surface, label) among the parsed document's entities."""
    groups: dict[tuple[str, str], list] = {}
    for ent in parsed.ents:
        if ent.label_ in NAME_LABELS:
            groups.setdefault((ent.text, ent.label_), []).append(ent)
    entities = []
    for n, ((text, label), ents) in enumerate(groups.items(), 1):
        eid = f"{doc.id}#e{n}"
        mentions = tuple(Mention(doc.id, e.start_char, e.end_char, e.text, label, eid) for e in ents)
        entities.append(Entity(id=eid, name=text, type=label, mentions=mentions))
    return DocExtraction(doc=doc.id, entities=tuple(entities), claims=())
