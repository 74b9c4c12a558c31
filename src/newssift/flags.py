"""Editorial flags. PLACEHOLDER until the stage lands."""
from __future__ import annotations

from collections.abc import Sequence

from .models import Claim, Document, Entity, Fact, Figure, Flag, Story

__all__ = ["find_flags"]


def find_flags(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity],
    facts: Sequence[Fact], figures: Sequence[Figure], stories: Sequence[Story],
) -> list[Flag]:
    """What a careful editor would point out."""
    return []
