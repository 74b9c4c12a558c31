"""Pairwise claim similarity and the blocking that keeps it near-linear.

A pair of claims from different documents is scored only when blocking says
it might match: the two share one of their rarest content tokens, or (with
embeddings on) one is among the other's nearest neighbours.  The score is a
lexical TF-IDF cosine (optionally blended with the sentence-embedding
cosine), raised when both claims come from the same origin and when they
report the same figure, lowered when they report different figures of one
measure, and vetoed outright when the claims count different measures or
speak of periods that do not overlap.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..models import Claim
from .numbers import compare_quantities, times_compatible
from .origins import OriginIndex
from .text import Vector, content_tokens, cosine, idf_table, tfidf

__all__ = [
    "ClaimSpace",
    "build_space",
    "candidate_pairs",
    "BLOCK_KEYS",
    "BLOCK_MAX",
    "EMBED_NEIGHBOURS",
    "EMBED_WEIGHT",
    "SPEAKER_BONUS",
    "QUANTITY_BONUS",
    "QUANTITY_PENALTY",
]

#: Rarest content tokens per claim used as blocking keys.  Two paraphrases of
#: one statement share its key nouns and names; 5 keys found every gold pair
#: of the development corpus while leaving generic words out.
BLOCK_KEYS = 5
#: A key shared by more claims than this is too common to block on: without
#: the cap one ubiquitous word ("troops") would make blocking quadratic.
BLOCK_MAX = 60
#: Nearest neighbours per claim (other documents only) when embeddings are on.
EMBED_NEIGHBOURS = 10
#: Share of the embedding cosine in the blended similarity.  MiniLM cosines of
#: unrelated news sentences on one topic sit near 0.3–0.5 while TF-IDF cosines
#: sit near 0–0.2, so the blend is weighted to keep the lexical scale.
EMBED_WEIGHT = 0.5
#: Added when both claims trace to the same origin: outlets relaying one
#: speaker's statement is the commonest kind of shared fact.
SPEAKER_BONUS = 0.15
#: Added when both report the same figure of the same measure.
QUANTITY_BONUS = 0.15
#: Subtracted when both count the same measure and name different but
#: compatible numbers: usually different reports ("at least 30" vs "over 200").
QUANTITY_PENALTY = 0.2


@dataclass
class ClaimSpace:
    """The claims of one story with everything needed to score pairs."""

    claims: Sequence[Claim]
    tokens: list[list[str]]
    vectors: list[Vector]
    origin_groups: list[frozenset[str]]
    embeddings: np.ndarray | None = None
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {c.id: i for i, c in enumerate(self.claims)}

    def lexical(self, a: str, b: str) -> float:
        """TF-IDF cosine of two claims given by id."""
        return cosine(self.vectors[self.index[a]], self.vectors[self.index[b]])

    def score(self, i: int, j: int) -> float | None:
        """Similarity of claims ``i`` and ``j`` (None: they can never be one fact)."""
        a, b = self.claims[i], self.claims[j]
        if a.doc == b.doc:
            return None
        rel = compare_quantities(a.quantities, b.quantities)
        if rel.blocked or not times_compatible(a, b):
            return None
        sim = cosine(self.vectors[i], self.vectors[j])
        if self.embeddings is not None:
            emb = float(self.embeddings[i] @ self.embeddings[j])
            sim = EMBED_WEIGHT * emb + (1 - EMBED_WEIGHT) * sim
        if self.origin_groups[i] & self.origin_groups[j]:
            sim += SPEAKER_BONUS
        if rel.relation == "same":
            sim += QUANTITY_BONUS
        elif rel.relation == "consistent":
            # Both true at once yet different numbers: two floors such as
            # "at least 30" and "over 200" are different reports.  A
            # contradiction ("9 died" / "12 died") is not penalised: when the
            # words match, that is one proposition the sources disagree on,
            # and the fact is marked conflicting.
            sim -= QUANTITY_PENALTY
        return sim


def build_space(claims: Sequence[Claim], origins: OriginIndex, embeddings: np.ndarray | None = None) -> ClaimSpace:
    """Tokenise and vectorise the claims of one story (IDF over that story's claims)."""
    tokens = [content_tokens(c.text) for c in claims]
    idf = idf_table(tokens)
    vectors = [tfidf(t, idf) for t in tokens]
    groups = [frozenset(origins.group(s) for s in origins.claim_sources(c)) for c in claims]
    return ClaimSpace(claims, tokens, vectors, groups, embeddings)


def candidate_pairs(space: ClaimSpace) -> list[tuple[int, int]]:
    """Pairs (i < j) worth scoring: shared rare tokens, or embedding neighbours."""
    df: dict[str, int] = defaultdict(int)
    for toks in space.tokens:
        for t in set(toks):
            df[t] += 1
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, toks in enumerate(space.tokens):
        # Rarest first; ties broken by the token itself for determinism.
        keys = sorted((t for t in set(toks) if 1 < df[t] <= BLOCK_MAX), key=lambda t: (df[t], t))[:BLOCK_KEYS]
        for k in keys:
            buckets[k].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        for x in range(len(members)):
            ci = space.claims[members[x]]
            for y in range(x + 1, len(members)):
                if space.claims[members[y]].doc != ci.doc:
                    pairs.add((members[x], members[y]))
    if space.embeddings is not None and len(space.claims) > 1:
        pairs |= _embedding_neighbours(space)
    return sorted(pairs)


def _embedding_neighbours(space: ClaimSpace, chunk: int = 1024) -> set[tuple[int, int]]:
    """Top-k cosine neighbours in other documents, computed in row chunks."""
    emb = space.embeddings
    assert emb is not None
    doc_ids: dict[str, int] = {}
    docs = np.array([doc_ids.setdefault(c.doc, len(doc_ids)) for c in space.claims])
    k = min(EMBED_NEIGHBOURS, len(space.claims) - 1)
    out: set[tuple[int, int]] = set()
    for s in range(0, len(space.claims), chunk):
        sims = emb[s : s + chunk] @ emb.T
        same_doc = docs[s : s + chunk, None] == docs[None, :]
        sims[same_doc] = -np.inf
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row in enumerate(idx):
            i = s + r
            for j in row:
                j = int(j)
                if np.isfinite(sims[r, j]):
                    out.add((min(i, j), max(i, j)))
    return out
