"""Extract: per-document claims, speakers, entities, quantities and dates.

PLACEHOLDER until the extract stage lands.
"""
from __future__ import annotations

from ..models import DocExtraction, Document

__all__ = ["extract_document"]


def extract_document(doc: Document, parsed: object) -> DocExtraction:
    """Everything one document asserts, with document-local entity ids."""
    return DocExtraction(doc=doc.id, entities=(), claims=())
