"""Shared helpers for the extract tests: run extract_document on a text with the real pipeline."""
from newssift.extract import extract_document
from newssift.models import DocExtraction, Document


def run(nlp, text: str, published: str | None = None, doc_id: str = "t") -> DocExtraction:
    """Parse ``text`` with the real spaCy pipeline and extract it."""
    return extract_document(Document(id=doc_id, text=text, published=published), nlp(text))


def claim_with(x: DocExtraction, words: str):
    """The claim whose text contains ``words`` (exactly one expected)."""
    hits = [c for c in x.claims if words in c.text]
    assert len(hits) == 1, [c.text for c in x.claims]
    return hits[0]


def entity(x: DocExtraction, entity_id: str | None):
    """The entity with this id, or None."""
    return next((e for e in x.entities if e.id == entity_id), None)
