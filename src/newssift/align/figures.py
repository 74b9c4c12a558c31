"""Figures view. PLACEHOLDER until the stage lands."""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim, Document, Entity, Fact, Figure

__all__ = ["build_figures"]


def build_figures(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity], facts: Sequence[Fact]
) -> list[Figure]:
    """Every reported value per measure and subject, with a low/best/high summary."""
    return []
