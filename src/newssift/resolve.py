"""Resolve: merge entity mentions across documents. PLACEHOLDER until the stage lands."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .models import Claim, DocExtraction, Document, Entity

__all__ = ["resolve_entities", "load_aliases"]


def load_aliases(path: Path) -> dict[str, str]:
    """Read a user alias file (YAML or CSV): name -> canonical name."""
    return {}


def resolve_entities(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], aliases: Mapping[str, str] | None = None
) -> tuple[list[Entity], list[Claim]]:
    """Global entities, and the claims with speaker/via rewritten to global ids."""
    return [e for x in extractions for e in x.entities], [c for x in extractions for c in x.claims]
