"""Annotate: load the spaCy pipeline once and parse documents in batches.

PLACEHOLDER until the annotate stage lands.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from .config import DEFAULT_CONFIG, Config
from .models import Document

__all__ = ["annotate"]


def annotate(documents: Sequence[Document], config: Config = DEFAULT_CONFIG) -> Iterator[object]:
    """Yield one parsed object per document, in order."""
    for _ in documents:
        yield None
