"""Group claims across documents into facts, with origins and a status.

Within each story, claims that state the same proposition are merged
greedily, best-scoring pair first (see :mod:`.similarity` for the score).  A
merge must keep one rule: every cross pair of the two groups must be
allowed (claims of one document only pair when they restate or dispute one
count; different measures or periods never pair) and their average score
must stay above :data:`LINK_THRESHOLD`, so that chains of loosely similar
claims do not snowball into one fact.  Only a pair with direct evidence of
one proposition (:meth:`ClaimSpace.evidenced`: one origin, one count, a word
beyond the story's background) starts a merge, and a cross pair without it
counts 0 in that average.  Every claim ends in exactly one fact; singletons
are kept because the fact matrix lists them.
"""
from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence

import numpy as np

from ..config import DEFAULT_CONFIG, Config
from ..errors import ConfigError
from ..models import Claim, Document, Entity, Fact, Story
from .numbers import consistent, primary_quantity
from .origins import OriginIndex, build_origin_index, fact_status
from .pairmodel import (
    PairScorer,
    StoryContext,
    counted_or_one_origin,
    load_scorer,
    pair_features,
    predicate_vectors,
    predicates_agree,
    story_context,
)
from .similarity import ClaimSpace, build_space, candidate_pairs

__all__ = ["EMBED_MAX_CLAIMS", "LINK_THRESHOLD", "MERGE_THRESHOLD", "NEGATION_MIN_SIMILARITY", "SUMMARY_MAX", "align_facts",
           "prepare_claim_vectors"]

#: Lowest pair score that starts a merge.  Swept from 0.34 to 0.50 on the
#: shared corpus and examples/harbour-fire through the whole pipeline
#: (docs/alignment.md): pair F1 is flat within 0.02 from 0.34 to 0.46 and
#: status accuracy is best from 0.42; above 0.46 paraphrases are lost.
MERGE_THRESHOLD = 0.42
#: Lowest average cross-pair score of two groups being merged (vetoed pairs
#: block the merge).  Under the merge threshold so a paraphrase may join a
#: group whose other members it resembles a little less; the dev sets are
#: flat from 0.26 to 0.35 (docs/alignment.md), the middle is taken.
LINK_THRESHOLD = 0.32
#: Share of content words two claims of one fact must have in common (over
#: the longer claim) before a negation in only one of them reads as a denial
#: of the other.  0.6: a denial repeats most of what it denies ("opened the
#: gates" / "did not open the gates"), while "Orvik was cooperating fully
#: with the authorities" / "neither Orvik nor the authorities confirmed it"
#: share half and are not one assertion and its denial.
NEGATION_MIN_SIMILARITY = 0.6
#: Sentence embeddings are computed at any corpus size when
#: ``Config.use_embeddings`` is on: they used to switch off silently above
#: 2,000 claims, so a large run aligned worse than a small one without saying
#: so.  Encoding is linear in the distinct claim texts (docs/alignment.md);
#: turn embeddings off in the config to take the lexical path.  The name
#: stays (no limit) for callers that still read it.
EMBED_MAX_CLAIMS = math.inf
#: Longest fact summary, in characters.
SUMMARY_MAX = 240

#: Words that turn an assertion into its denial.  Two claims of one fact that
#: differ in negation disagree on the assertion itself.
_NEGATION_RE = re.compile(r"\b(?:not|no|never|n't|none|neither|nor|denied|denies|deny|false|rejected)\b|n't\b",
                          re.IGNORECASE)


def align_facts(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity],
    stories: Sequence[Story], config: Config = DEFAULT_CONFIG, origins: OriginIndex | None = None,
) -> list[Fact]:
    """Facts: claims across documents (of one story) that state the same proposition.

    Deterministic for a given input: claims are taken in document order, ties
    are broken by position, and fact ids ("f1", "f2", …) follow the first
    claim of each fact.  ``origins`` is ``build_origin_index(entities)``
    when the caller has it already (figures read the same index).
    """
    doc_pos = {d.id: i for i, d in enumerate(documents)}
    ordered = sorted(claims, key=lambda c: (doc_pos.get(c.doc, len(doc_pos)), c.start, c.end, c.id))
    story_of = {doc: s.id for s in stories for doc in s.docs}
    by_story: dict[str | None, list[Claim]] = {}
    for c in ordered:
        by_story.setdefault(story_of.get(c.doc), []).append(c)

    origin_index = origins if origins is not None else build_origin_index(entities)
    embeddings = _embed_all(ordered, config) if config.use_embeddings and ordered else None
    row_of = {c.id: i for i, c in enumerate(ordered)}

    scorer = _scorer(config)
    groups: list[tuple[str | None, list[Claim], ClaimSpace]] = []
    for story_id, members in by_story.items():
        emb = embeddings[[row_of[c.id] for c in members]] if embeddings is not None else None
        space = build_space(members, origin_index, emb, entities)
        veto = config.embedding_model if config.use_embeddings and config.fact_predicate_veto else None
        for cluster in cluster_space(space, scorer, veto_encoder=veto):
            groups.append((story_id, [members[i] for i in cluster], space))

    groups.sort(key=lambda g: (row_of[g[1][0].id]))
    facts = []
    for n, (story_id, members, space) in enumerate(groups, 1):
        facts.append(_make_fact(f"f{n}", story_id, members, space, origin_index))
    return facts


def prepare_claim_vectors(claims: Sequence[Claim], config: Config = DEFAULT_CONFIG) -> None:
    """Encode claims now, for ``align_facts`` to take later (no result change; only with the static encoder).

    The pipeline calls this for each document's claims while the parser is
    still busy with later documents.
    """
    from .embeddings import STATIC, encode_ahead, encoder_name

    if config.use_embeddings and claims and encoder_name(config.embedding_model) == STATIC:
        encode_ahead([c.text for c in claims])


def _embed_all(claims: Sequence[Claim], config: Config) -> np.ndarray:
    """One embedding row per claim; each distinct text is encoded once."""
    from .embeddings import embed

    texts = list(dict.fromkeys(c.text for c in claims))
    row = {t: i for i, t in enumerate(texts)}
    vecs = embed(texts, config.embedding_model)
    return vecs[[row[c.text] for c in claims]]


def _scorer(config: Config) -> PairScorer | None:
    """The learned pair scorer when the config asks for it (it needs the embeddings it was trained with)."""
    if not (config.use_embeddings and getattr(config, "learned_fact_pairs", False)):
        return None
    # A missing or outdated weights file is a ConfigError (load_scorer): the
    # learned scorer was asked for, so falling back unnoticed would mislead.
    scorer = load_scorer(config.embedding_model)
    if scorer.encoder and scorer.encoder != config.embedding_model:
        raise ConfigError(f"the learned fact-pair weights were trained with the {scorer.encoder} encoder, "
                          f"not {config.embedding_model}; retrain them with scripts/train_fact_scorer.py")
    return scorer


def pair_scorer_fn(space: ClaimSpace, scorer: PairScorer | None, candidates=frozenset(), cache=None,
                   veto_encoder: str | None = None):
    """``score(i, j)`` (None: vetoed) and ``evidenced(i, j)`` for one story's claims.

    Without a learned scorer these are the hand-set score and the direct
    evidence rule.  With one, the score is its probability (the hand-set
    vetoes still apply) and a pair counts as evidenced when blocking made it
    a candidate (it shares a rare word or is an embedding neighbour): other
    pairs count 0 in a merge's average, as pairs without direct evidence do
    on the hand-set path.  ``cache`` (a dict) keeps scores across calls.
    ``veto_encoder`` (hand-set path): pairs whose predicates differ lose
    their direct evidence (``Config.fact_predicate_veto``).
    """
    scores: dict[tuple[int, int], float | None] = {} if cache is None else cache
    context = story_context(space, sorted(candidates), scorer.encoder or None) if scorer is not None else None

    def score(i: int, j: int) -> float | None:
        key = (i, j) if i < j else (j, i)
        if key not in scores:
            legacy = space.score(*key, same_doc=scorer is not None and scorer.same_doc)
            if scorer is None or legacy is None or key not in candidates:
                scores[key] = legacy if scorer is None or legacy is None else 0.0
            else:
                scores[key] = scorer.probability(pair_features(space, key[0], key[1], legacy, context))
        return scores[key]

    if scorer is None:
        return score, (space.evidenced if veto_encoder is None else _vetoed(space, veto_encoder))

    def evidenced(i: int, j: int) -> bool:
        if ((i, j) if i < j else (j, i)) not in candidates:
            return False
        if scorer.predicate_veto or scorer.predicate_evidence:
            agree = predicates_agree(context, space, i, j, scorer.predicate_agree)
            if scorer.predicate_veto and agree is False and not counted_or_one_origin(space, i, j):
                return False  # different actions: "reported a fall" / "agreed to buy"
            if scorer.predicate_evidence and agree:
                return True
        if scorer.evidence_bar <= 0.0:
            return True
        s = score(i, j)
        return (s is not None and s >= scorer.evidence_bar) or space.evidenced(i, j)

    return score, evidenced


def _vetoed(space: ClaimSpace, encoder: str):
    """The hand-set direct-evidence rule, withheld from pairs whose predicates name different actions."""
    context = StoryContext({}, 0.0, 1.0, predicate_vectors(space.claims, encoder))

    def evidenced(i: int, j: int) -> bool:
        if not space.evidenced(i, j):
            return False
        return predicates_agree(context, space, i, j) is not False or counted_or_one_origin(space, i, j)

    return evidenced


def cluster_space(space: ClaimSpace, scorer: PairScorer | None = None,
                  thresholds: tuple[float, float] | None = None, cache=None,
                  veto_encoder: str | None = None) -> list[list[int]]:
    """Greedy constrained agglomeration; returns index lists in claim order.

    ``thresholds`` (merge, link) override the defaults (the scorer's own, or
    MERGE_THRESHOLD / LINK_THRESHOLD) and ``cache`` keeps pair scores, for
    the training script's sweeps.
    """
    n = len(space.claims)
    candidates = candidate_pairs(space)
    if thresholds is None:
        thresholds = ((scorer.merge_threshold, scorer.link_threshold) if scorer is not None
                      else (MERGE_THRESHOLD, LINK_THRESHOLD))
    merge_at, link_at = thresholds
    score, evidenced = pair_scorer_fn(space, scorer, frozenset(candidates), cache, veto_encoder)

    heap: list[tuple[float, int, int]] = []
    for i, j in candidates:
        s = score(i, j)
        # A merge starts only from a pair with direct evidence of one proposition.
        if s is not None and s >= merge_at and evidenced(i, j):
            heap.append((-s, i, j))
    heapq.heapify(heap)

    owner = list(range(n))  # claim -> cluster id (the cluster's smallest member)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while heap:
        _, i, j = heapq.heappop(heap)
        a, b = owner[i], owner[j]
        if a == b:
            continue
        if not _link_ok(members[a], members[b], score, evidenced, link_at):
            continue
        keep, gone = min(a, b), max(a, b)
        for m in members[gone]:
            owner[m] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    return [members[k] for k in sorted(members)]


def _link_ok(xs: Sequence[int], ys: Sequence[int], score, evidenced, link_at: float = LINK_THRESHOLD) -> bool:
    """Average cross-pair score at least LINK_THRESHOLD, and no vetoed pair.

    A cross pair without direct evidence counts as 0: otherwise pairs that
    only share the story's topic carry a group along on their embedding
    similarity.
    """
    total = 0.0
    for x in xs:
        for y in ys:
            s = score(x, y)
            if s is None:
                return False
            total += s if evidenced(x, y) else 0.0
    return total / (len(xs) * len(ys)) >= link_at


def _make_fact(fid: str, story: str | None, claims: list[Claim], space: ClaimSpace, origins: OriginIndex) -> Fact:
    doc_ids = tuple(dict.fromkeys(c.doc for c in claims))
    found = origins.origins(claims)
    conflict = _conflict(claims, space)
    return Fact(
        id=fid,
        claims=tuple(c.id for c in claims),
        status=fact_status(claims, found, conflict),
        origins=found,
        summary=_summary(claims, space),
        story=story,
        docs=doc_ids,
        conflict=conflict,
    )


def _conflict(claims: Sequence[Claim], space: ClaimSpace) -> str | None:
    """Why the claims of one fact disagree: contradictory values or a denial; None if they agree."""
    # Each claim's headline count and negation are read once, not once per pair
    # (a fact of k claims has k² pairs).
    primary = [primary_quantity(c.quantities) for c in claims]
    negated: dict[int, bool] = {}

    def is_negated(x: int) -> bool:
        if x not in negated:
            negated[x] = bool(_NEGATION_RE.search(claims[x].text)) or _denial(claims[x])
        return negated[x]

    for x in range(len(claims)):
        for y in range(x + 1, len(claims)):
            a, b = claims[x], claims[y]
            qa, qb = primary[x], primary[y]
            if qa and qb and qa.measure == qb.measure and (qa.unit or "") == (qb.unit or ""):
                agree = consistent(qa, qb)
                # Two distances or sums in alike claims often measure
                # different things ("25 km offshore" / "felt 200 km away");
                # they contradict only when the claims say nearly the same.
                if agree is False and qa.unit and space.overlap(a.id, b.id) < NEGATION_MIN_SIMILARITY:
                    agree = None
                if agree is False:
                    return (f"{_who(a)} reports {qa.text!r} but {_who(b)} reports {qb.text!r} "
                            f"({(qa.measure or '').replace('_', ' ')})")
                if agree:
                    continue  # they agree on the count: a "not" elsewhere is about something else
            negated_a, negated_b = is_negated(x), is_negated(y)
            if negated_a != negated_b and space.overlap(a.id, b.id) >= NEGATION_MIN_SIMILARITY:
                neg, pos = (a, b) if negated_a else (b, a)
                return f"{_who(neg)} denies or negates what {_who(pos)} asserts"
    return None


def _denial(c: Claim) -> bool:
    return bool(c.cue and re.search(r"\b(?:den(?:y|ied|ies)|reject|dismiss|refut)", c.cue, re.IGNORECASE))


def _who(c: Claim) -> str:
    return c.speaker_text or ("an unattributed report" if not c.speaker else c.speaker)


def _summary(claims: Sequence[Claim], space: ClaimSpace) -> str:
    """The member claim most like the others (the medoid); shorter wins ties."""
    if len(claims) == 1:
        best = claims[0]
    else:
        rows = [space.index[c.id] for c in claims]

        def centrality(i: int) -> float:
            return sum((space.score(i, j) or 0.0) for j in rows if j != i)

        best = space.claims[max(rows, key=lambda i: (centrality(i), -len(space.claims[i].text), -i))]
    text = " ".join(best.text.split())
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"
