"""Group claims into facts. PLACEHOLDER until the stage lands."""
from __future__ import annotations

from collections.abc import Sequence

from ..config import DEFAULT_CONFIG, Config
from ..models import Claim, Document, Entity, Fact, Story

__all__ = ["align_facts"]


def align_facts(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity],
    stories: Sequence[Story], config: Config = DEFAULT_CONFIG,
) -> list[Fact]:
    """Facts: claims across documents that state the same proposition."""
    return []
