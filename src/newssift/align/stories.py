"""Cluster documents into stories. PLACEHOLDER until the stage lands: one story."""
from __future__ import annotations

from collections.abc import Sequence

from ..models import DocExtraction, Document, Story

__all__ = ["cluster_stories"]


def cluster_stories(documents: Sequence[Document], extractions: Sequence[DocExtraction]) -> list[Story]:
    """Group documents that report the same event."""
    if not documents:
        return []
    return [Story(id="s1", docs=tuple(d.id for d in documents), title=documents[0].title or "")]
