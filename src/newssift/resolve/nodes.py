"""The working state of resolution: document-local entities as nodes, grouped by union-find.

A node is one document-local entity from extract, with every surface form
seen for it (mention texts, and what the text around them defines: acronyms,
titled forms, "X Oblast").  Merging never splits what extract put together.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Mention
from .names import PERSON_TYPES

__all__ = ["Node", "UnionFind", "compatible", "family"]


@dataclass
class Node:
    """One document-local entity while it is being resolved (mutable working copy)."""

    local_id: str
    doc: str
    doc_index: int
    etype: str
    surfaces: dict[str, None] = field(default_factory=dict)  # ordered set, as written (folded)
    mentions: list[Mention] = field(default_factory=list)
    titles: dict[str, None] = field(default_factory=dict)
    placed: bool = False  # the text says it is a place ("the port of X"), whatever the tagger said
    generic: bool = False  # a common noun ("police", "Farmers" at a sentence start), not a name

    @property
    def first(self) -> tuple[int, int]:
        """Where the node first appears: (document index, offset)."""
        starts = [m.start for m in self.mentions if m.start >= 0]
        return (self.doc_index, min(starts) if starts else 1 << 30)

    def add_surface(self, text: str) -> None:
        """Record another way the text names this entity."""
        if text:
            self.surfaces.setdefault(text, None)


def family(etype: str) -> str:
    """Which labels may name the same thing: persons, groups (NORP), everything else.

    The small spaCy model labels unknown places ORG as often as GPE, so ORG
    and the place labels form one family; PERSON and NORP stand alone.
    """
    if etype in PERSON_TYPES:
        return "P"
    if etype in ("NORP", "GROUP"):
        return "N" + etype  # groups of people ("Ukrainians", "officials") are never bodies or places
    return "X"


def compatible(a: str, b: str) -> bool:
    """Whether two entity types may be merged."""
    return family(a) == family(b)


class UnionFind:
    """Disjoint sets over node indices, smallest index as the representative (deterministic)."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The representative of i's set."""
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; True when they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True

    def groups(self) -> dict[int, list[int]]:
        """Representative -> members, members in index order."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out
