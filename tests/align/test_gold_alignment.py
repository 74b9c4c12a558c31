"""Align alone on the shared development corpus, scored by the reference scorer.

Claims, speakers and quantities come from the gold file (not from extract),
so these figures measure the align stage by itself; the whole pipeline is
measured with `newssift analyze` + score.py (docs/alignment.md).
"""
from __future__ import annotations

import pytest
from gold_claims import load_gold_inputs, load_scorer

# Import paths from the shared conftest.
from shared_paths import SHARED, SHARED_GOLD

from newssift.align.facts import align_facts
from newssift.align.figures import build_figures
from newssift.align.stories import cluster_stories
from newssift.config import DEFAULT_CONFIG
from newssift.models import Report
from newssift.report.json import report_to_dict


@pytest.fixture(scope="module")
def gold_inputs(shared_corpus):
    if not SHARED_GOLD.is_file():
        pytest.skip("no gold file beside this checkout")
    return load_gold_inputs(SHARED_GOLD, shared_corpus)


@pytest.fixture(scope="module")
def scorer():
    return load_scorer(SHARED / "eval" / "score.py")


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_gold_claims_align_into_gold_facts(gold_inputs, scorer, shared_corpus, use_embeddings):
    gold, docs, claims, entities = gold_inputs
    stories = cluster_stories(docs, [])
    assert len(stories) == 1  # five reports of one event
    facts = align_facts(docs, claims, entities, stories, DEFAULT_CONFIG.with_(use_embeddings=use_embeddings))
    report = Report(documents=tuple(docs), entities=tuple(entities), claims=tuple(claims), facts=tuple(facts))
    metrics = scorer.score(gold, report_to_dict(report), shared_corpus)
    assert metrics["facts.pair_f1"] >= 0.9
    assert metrics["facts.status_accuracy"] >= 0.75


def test_gold_figures_keep_measures_apart(gold_inputs):
    gold, docs, claims, entities = gold_inputs
    facts = align_facts(docs, claims, entities, cluster_stories(docs, []), DEFAULT_CONFIG.with_(use_embeddings=False))
    figures = build_figures(docs, claims, entities, facts)
    listed = {v.claim for g in figures for v in g.values}
    wanted = set(gold["figures"]["casualties"]["claims"])
    assert wanted <= listed
    # One figure per measure, subject and window: a count "over the past three days", at one spot, or of
    # combined units stands apart, labelled, beside the toll (docs/figures.md).
    assert len({(g.measure, g.subject) for g in figures}) == len(figures)
    plain = [g for g in figures if not (g.subject and ("(" in g.subject or "combined" in g.subject))]
    assert len({g.measure for g in plain}) == len(plain)
