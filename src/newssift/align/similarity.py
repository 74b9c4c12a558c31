"""Pairwise claim similarity and the blocking that keeps it near-linear.

A pair of claims from different documents is scored only when blocking says
it might match: the two share one of their rarest content tokens, or (with
embeddings on) one is among the other's nearest neighbours.  The score is a
lexical TF-IDF cosine (optionally blended with the sentence-embedding
cosine), raised when both claims come from the same origin and when they
report the same figure, lowered when they report different figures of one
measure, and vetoed outright when the claims count different measures or
speak of periods that do not overlap.  Separately, ``evidenced`` says whether
a pair has direct evidence of one proposition beyond the topic they share.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..extract.lexicon import HEAD_COUNT_MEASURES
from ..models import Claim, Entity
from .figures_keys import subject_key
from .numbers import (
    close_figures,
    compare_primaries,
    primary_quantity,
    times_compatible,
)
from .origins import OriginIndex
from .text import Vector, content_words, cosine, idf_table, tfidf, with_compounds

__all__ = [
    "BACKGROUND_MIN_DOCS",
    "BACKGROUND_SHARE",
    "BLOCK_KEYS",
    "BLOCK_MAX",
    "DERIVED_MIN_STEM",
    "EMBED_NEIGHBOURS",
    "EMBED_WEIGHT",
    "LEXICAL_EVIDENCE",
    "MEASURE_BONUS",
    "SAME_FIGURE_BONUS",
    "SPEAKER_BONUS",
    "TOLL_MEASURES",
    "ClaimSpace",
    "background_tokens",
    "build_space",
    "candidate_pairs",
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
#: Share of the (rescaled) embedding cosine in the blended similarity.
EMBED_WEIGHT = 0.5
#: MiniLM cosine of unrelated sentences about one story: 0.3–0.5, where their
#: TF-IDF cosine is 0–0.2.  Cosines are rescaled from [EMBED_FLOOR, 1] to
#: [0, 1] before blending so both signals share a scale.
EMBED_FLOOR = 0.3
#: Added when both claims trace to the same origin: outlets relaying one
#: speaker's statement is the commonest kind of shared fact.
SPEAKER_BONUS = 0.15
#: Added when both claims' headline counts are of the same measure (and unit):
#: reports of one count ("the death toll") are one proposition even when their
#: wording shares little ("26 workers died" / "the blaze killed at least 11").
#: Sized so that such a pair passes MERGE_THRESHOLD with a small lexical overlap.
MEASURE_BONUS = 0.3
#: Measures whose count is the proposition itself: an event's human toll and
#: the size of a deployment.  A count of anything else ("15 patients per
#: nurse", "25 km offshore") only describes a claim about something else, so
#: it earns no bonus.  The names are extract's measure vocabulary.
TOLL_MEASURES = HEAD_COUNT_MEASURES
#: Lexical cosine two far-apart tolls need before they count as one
#: disputed count.  Unrelated same-measure claims of one story share almost
#: no words (cosine 0.03–0.08 on the dev sets); one count reported by two
#: sides shares the event's words (0.2 and up).
DISPUTE_MIN_LEXICAL = 0.15
#: Further added when they also name the same figure.
SAME_FIGURE_BONUS = 0.1
#: A content token found in at least this share of a story's documents is
#: the story's background ("troops", the region, the main actors): every
#: report of the story uses it, so sharing it is no evidence that two claims
#: state one proposition.  0.75 takes in the words of all five reports of
#: the shared corpus' story (or all but one of seven in examples/harbour-fire)
#: and leaves the words of single statements (all in two or three reports).
BACKGROUND_SHARE = 0.75
#: TF-IDF cosine that is by itself evidence of one proposition, whatever
#: the words: IDF already discounts the story's commonest words, so at this
#: level two claims share several of their specific words.  Unrelated claims
#: about one story's actors score 0.04–0.3 on the dev sets ("troops
#: launched an operation" / "troops were killed": 0.15); 0.35 leaves them out
#: and keeps wordings of one statement whose distinctive words are in every
#: report because every outlet relayed it.
LEXICAL_EVIDENCE = 0.35
#: Fewest documents a story needs before any word counts as background:
#: with two reports every word of a fact they share is in "all" documents.
BACKGROUND_MIN_DOCS = 3


@dataclass
class ClaimSpace:
    """The claims of one story with everything needed to score pairs."""

    claims: Sequence[Claim]
    tokens: list[list[str]]
    vectors: list[Vector]
    origin_groups: list[frozenset[str]]
    embeddings: np.ndarray | None = None
    places: list[frozenset[str]] = field(default_factory=list)
    names: list[frozenset[str]] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    background: frozenset[str] = frozenset()
    #: Per claim: how many claims of its document come before it (0: the lead).
    ranks: list[int] = field(default_factory=list)
    #: Pair scores and evidence already computed, by (i, j[, same_doc]) (see ``score``).
    _scores: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _evidence: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _cosines: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _cores: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _rows: list = field(default_factory=list, init=False, repr=False, compare=False)
    #: Per claim: its headline count (``primary_quantity``), read once rather than once per pair.
    primaries: list = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.index = {c.id: i for i, c in enumerate(self.claims)}
        self.primaries = [primary_quantity(c.quantities) for c in self.claims]
        # Row views made once: indexing the matrix for every pair cost more than the dot product.
        self._rows = list(self.embeddings) if self.embeddings is not None else []

    def lexical(self, a: str, b: str) -> float:
        """TF-IDF cosine of two claims given by id."""
        return cosine(self.vectors[self.index[a]], self.vectors[self.index[b]])

    def overlap(self, a: str, b: str) -> float:
        """Shared content tokens over the larger claim's tokens (1.0: one says all the other says)."""
        ta, tb = set(self.tokens[self.index[a]]), set(self.tokens[self.index[b]])
        return len(ta & tb) / max(len(ta), len(tb)) if ta and tb else 0.0

    def score(self, i: int, j: int, same_doc: bool = False) -> float | None:
        """Similarity of claims ``i`` and ``j`` (None: they can never be one fact).

        ``same_doc`` lifts the one-document veto (the learned scorer judges
        such pairs itself). Each pair is computed once: clustering, the
        fact's conflict check and its summary (the medoid, every pair of its
        claims) ask for the same pairs again.
        """
        key = (i, j, same_doc)
        cache = self._scores
        if key not in cache:
            rev = (j, i, same_doc)
            cache[key] = cache[rev] if rev in cache and self._symmetric(i, j) else self._score(i, j, same_doc)
        return cache[key]

    def _symmetric(self, i: int, j: int) -> bool:
        """Whether (i, j) and (j, i) give bit-identical scores and evidence.

        Every part of the score is symmetric except the TF-IDF cosine's order
        of summation, which follows the first vector when both have as many
        terms (``text.cosine`` walks the shorter one): then both orders are
        summed, and when they differ in the last bit each order is computed
        on its own. Two sums cost a fraction of a score.
        """
        return len(self.vectors[i]) != len(self.vectors[j]) or self._cos(i, j) == self._cos(j, i)

    def _cos(self, i: int, j: int) -> float:
        """``cosine(vectors[i], vectors[j])``, each computed once (score, evidence and the symmetry check ask again).

        With vectors of different lengths the cosine walks the shorter one
        whichever comes first, so both orders share one entry.
        """
        key = (i, j) if i < j or len(self.vectors[i]) == len(self.vectors[j]) else (j, i)
        cache = self._cosines
        if key not in cache:
            cache[key] = cosine(self.vectors[key[0]], self.vectors[key[1]])
        return cache[key]

    def _score(self, i: int, j: int, same_doc: bool) -> float | None:
        """``score`` computed (not memoised)."""
        a, b = self.claims[i], self.claims[j]
        rel = compare_primaries(self.primaries[i], self.primaries[j])
        if rel.blocked or not times_compatible(a, b):
            return None
        # An article restating its own count ("26 died" … "twenty-six of our
        # members") states one fact, and one setting a disputed count against
        # the official one ("26, not the 11 in official figures") reports the
        # dispute; any other pair from one document is two different things.
        if a.doc == b.doc and not same_doc and rel.relation not in ("same", "inconsistent"):
            return None
        # Different counts for different places are different figures, never
        # one disputed fact ("9 killed in A" / "4 killed in B").
        if rel.relation in ("consistent", "inconsistent") and self._places_differ(i, j):
            return None
        sim = self._cos(i, j)
        if self.embeddings is not None and not self._names_differ(i, j):
            emb = float(self._rows[i] @ self._rows[j])
            # Rescale so that the cosine of unrelated sentences on one topic
            # maps near 0, like their TF-IDF cosine does.
            emb = max(0.0, (emb - EMBED_FLOOR) / (1.0 - EMBED_FLOOR))
            sim = EMBED_WEIGHT * emb + (1 - EMBED_WEIGHT) * sim
        if self.origin_groups[i] & self.origin_groups[j]:
            sim += SPEAKER_BONUS
        if self._toll_bonus(i, j, rel):
            sim += MEASURE_BONUS + (SAME_FIGURE_BONUS if rel.relation == "same" else 0.0)
        return sim

    def _toll_bonus(self, i: int, j: int, rel) -> bool:
        return rel.measure in TOLL_MEASURES and self._same_subject(i, j) and self._one_count(i, j, rel.relation)

    def evidenced(self, i: int, j: int) -> bool:
        """Whether claims ``i`` and ``j`` have direct evidence of stating one proposition.

        One origin, one count, or a content word of their own beyond the
        story's background.  Without it a high score only says both are about
        the story's actors: sentence embeddings rate "troops attacked" and
        "troops were killed" alike. Memoised like ``score``.
        """
        cache = self._evidence
        if (i, j) not in cache:
            cache[(i, j)] = (cache[(j, i)] if (j, i) in cache and self._symmetric(i, j)
                             else self._evidenced(i, j))
        return cache[(i, j)]

    def _evidenced(self, i: int, j: int) -> bool:
        """``evidenced`` computed (not memoised)."""
        if self.origin_groups[i] & self.origin_groups[j] or self.core_shared(i, j):
            return True
        if self._cos(i, j) >= LEXICAL_EVIDENCE:
            return True
        return self._toll_bonus(i, j, compare_primaries(self.primaries[i], self.primaries[j]))

    def core_shared(self, i: int, j: int) -> bool:
        """Whether two claims share a content token that is not the story's background.

        Tokens are stems; one that begins another ("inspect" / "inspector")
        counts as shared, since the stemmer leaves derived nouns apart.
        """
        (ti, si, pi), (tj, sj, pj) = self._core(i), self._core(j)
        if ti & tj:
            return True
        # Same answer as trying _derived on every pair: with no token in common, a
        # derived pair is a stem (long enough, not a number) that starts a longer
        # token of the other claim, found by bisecting the other's sorted tokens.
        return _starts_one(pi, sj) or _starts_one(pj, si)

    def _core(self, i: int) -> tuple[set[str], list[str], list[str]]:
        """Claim ``i``'s tokens beyond the background: as a set, sorted, and those that may begin a derived word."""
        cached = self._cores.get(i)
        if cached is None:
            core = set(self.tokens[i]) - self.background
            stems = [t for t in core if len(t) >= DERIVED_MIN_STEM and not t.startswith("#")]
            cached = self._cores[i] = (core, sorted(core), stems)
        return cached


    def _one_count(self, i: int, j: int, relation: str) -> bool:
        """Whether two tolls of one measure read as reports of one count.

        The same figure does, and so do close figures ("up to 40" / "37").
        Far-apart figures ("over 20" / "up to 250", "at least 11" / "26") are
        one count only when the claims also share words beyond the number
        ("26 killed in the fire at the terminal" / "the terminal fire killed
        at least 11"): then it is one count in dispute; otherwise they are
        different figures, listed side by side and never merged.
        """
        if relation == "same":
            return True
        qa, qb = self.primaries[i], self.primaries[j]
        if relation == "consistent" and qa and qb and close_figures(qa, qb):
            return True
        if relation in ("consistent", "inconsistent"):
            return self._cos(i, j) >= DISPUTE_MIN_LEXICAL
        return False

    def _names_differ(self, i: int, j: int) -> bool:
        """Both claims name people, bodies or places, and none in common.

        Sentence embeddings barely see names: "the market in A closed" and
        "the market in B closed" embed almost alike.  For such pairs only the
        lexical score (where names are rare, heavy tokens) is trusted.
        """
        ni, nj = self.names[i], self.names[j]
        return bool(ni and nj and not ni & nj)

    def _places_differ(self, i: int, j: int) -> bool:
        pi, pj = self.places[i], self.places[j]
        return bool(pi and pj and not pi & pj)

    def _same_subject(self, i: int, j: int) -> bool:
        """Whether two counts of one measure may count the same people or things.

        Not when they say where and name different places ("killed in A" /
        "killed in B"), nor when both name people, bodies or places and share
        none, nor when they qualify different subjects ("civilians" /
        "soldiers").  Only this bonus is withheld: a region and a village in
        it are different entities too (resolve knows no containment), so
        different places are no reason to keep otherwise alike claims apart.
        """
        if self._places_differ(i, j) or self._names_differ(i, j):
            return False
        qa, qb = self.primaries[i], self.primaries[j]
        ka, kb = subject_key(qa.subject if qa else None), subject_key(qb.subject if qb else None)
        return not ka or not kb or ka == kb


#: Shortest stem that may be the start of a derived word's stem: "inspect"
#: / "inspector", "evacu" / "evacuee"; shorter stems ("port", "war") begin
#: too many unrelated words.
DERIVED_MIN_STEM = 5


def _starts_one(stems: list[str], ordered: list[str]) -> bool:
    """Whether one of ``stems`` begins a longer token of ``ordered`` (sorted).

    Tokens that start with a stem sort right after it, so one bisection per
    stem finds them.
    """
    for x in stems:
        k = bisect.bisect_right(ordered, x)
        if k < len(ordered) and ordered[k].startswith(x):
            return True
    return False


def _derived(x: str, y: str) -> bool:
    """Whether one stem begins the other and is long enough to say so."""
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= DERIVED_MIN_STEM and long_.startswith(short) and not short.startswith("#")


def build_space(
    claims: Sequence[Claim], origins: OriginIndex, embeddings: np.ndarray | None = None,
    entities: Sequence[Entity] = (),
) -> ClaimSpace:
    """Tokenise and vectorise the claims of one story (IDF over that story's claims)."""
    words = [content_words(c.text) for c in claims]
    vocabulary = {t for ws in words for _, t in ws if t}
    tokens = [with_compounds(ws, vocabulary) for ws in words]
    idf = idf_table(tokens)
    vectors = [tfidf(t, idf) for t in tokens]
    groups = [frozenset(origins.group(s) for s in origins.claim_sources(c)) for c in claims]
    places, names = claim_places(claims, entities)
    seen: dict[str, int] = defaultdict(int)
    ranks = []
    for c in sorted(range(len(claims)), key=lambda k: (claims[k].doc, claims[k].start, k)):
        ranks.append((c, seen[claims[c].doc]))
        seen[claims[c].doc] += 1
    return ClaimSpace(claims, tokens, vectors, groups, embeddings, places, names,
                      background=background_tokens(claims, tokens), ranks=[r for _, r in sorted(ranks)])


def background_tokens(claims: Sequence[Claim], tokens: Sequence[Sequence[str]]) -> frozenset[str]:
    """Tokens used by the claims of at least BACKGROUND_SHARE of the story's documents."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for c, toks in zip(claims, tokens):
        by_doc[c.doc].update(toks)
    if len(by_doc) < BACKGROUND_MIN_DOCS:
        return frozenset()
    df: dict[str, int] = defaultdict(int)
    for toks in by_doc.values():
        for t in toks:
            df[t] += 1
    return frozenset(t for t, n in df.items() if n >= BACKGROUND_SHARE * len(by_doc))


#: Entity types that are places.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Entity types whose names tell two otherwise alike claims apart.
NAME_TYPES = PLACE_TYPES | {"PERSON", "ORG"}
#: A place says where only after a locative word ("in Kharkiv", "near the
#: village of X"); elsewhere a country is usually an actor ("Ukraine's
#: strikes", "Russia said").
_LOCATIVE_RE = re.compile(
    r"\b(?:in|near|at|outside|inside|around|across|off|from|of|to|into|towards?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE)
#: Characters before a mention searched for the locative word.
_LOCATIVE_WINDOW = 40


#: The last run's mention index: (entities object, its length, index). The
#: facts stage calls ``claim_places`` once per story with the run's entities;
#: indexing every mention each time made the stage quadratic (issue 11).
#: Replaced whole (one assignment), so threads never see a mixed entry.
_mention_index: tuple = (None, -1, {})


def _mentions_by_doc(entities: Sequence[Entity]) -> dict[str, list[tuple[int, str, bool]]]:
    """Document -> sorted (start, entity id, is a place) of its named mentions; reused for the same entities."""
    global _mention_index
    cached_entities, cached_len, cached = _mention_index
    if cached_entities is entities and cached_len == len(entities):
        return cached
    by_doc: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
    for e in entities:
        if e.type in NAME_TYPES:
            for m in e.mentions:
                by_doc[m.doc].append((m.start, e.id, e.type in PLACE_TYPES))
    for lst in by_doc.values():
        lst.sort()
    _mention_index = (entities, len(entities), by_doc)
    return by_doc


def claim_places(
    claims: Sequence[Claim], entities: Sequence[Entity]
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Per claim: the places it says something happened at (locative place
    mentions inside its span), and every named entity mentioned inside it."""
    by_doc = _mentions_by_doc(entities)
    places, names = [], []
    for c in claims:
        lst = by_doc.get(c.doc, [])
        lo = bisect.bisect_left(lst, (c.start, "", False))
        hi = bisect.bisect_left(lst, (c.end, "", False))
        found, named = set(), set()
        for start, eid, is_place in lst[lo:hi]:
            named.add(eid)
            before = c.text[max(0, start - c.start - _LOCATIVE_WINDOW): start - c.start]
            if is_place and _LOCATIVE_RE.search(before):
                found.add(eid)
        places.append(frozenset(found))
        names.append(frozenset(named))
    return places, names


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
        pairs.update(itertools.combinations(members, 2))  # members ascend, so each pair is (i < j)
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
        # Whole arrays rather than one numpy scalar per neighbour: the same pairs.
        finite = np.isfinite(np.take_along_axis(sims, idx, axis=1))
        rows = np.broadcast_to(np.arange(s, s + len(idx))[:, None], idx.shape)[finite]
        cols = idx[finite]
        out.update(zip(np.minimum(rows, cols).tolist(), np.maximum(rows, cols).tolist(), strict=True))
    return out
