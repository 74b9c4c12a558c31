"""The learned fact pair scorer on propositions: one statement in other words joins, look-alikes stay apart.

Every story is fictional and written for these tests.  Each has two outlets'
sentences stating one proposition in different words, and look-alikes from a
third and fourth outlet: the same actors with another figure, or another
event of the same story.
"""
from __future__ import annotations

import dataclasses

import pytest
from factories import claim, doc, entity, qty

from newssift.align.facts import _embed_all, align_facts, pair_scorer_fn
from newssift.align.origins import build_origin_index
from newssift.align.pairmodel import load_scorer, story_context
from newssift.align.similarity import build_space, candidate_pairs
from newssift.config import DEFAULT_CONFIG
from newssift.models import Story

LEARNED = DEFAULT_CONFIG.with_(use_embeddings=True, learned_fact_pairs=True)

STORIES = {
    "disaster": (
        [entity("varn", "Varn", "GPE"), entity("brigade", "Varn Fire Brigade")],
        claim("x1", "d1", "Floods in Varn killed 14 people on Tuesday, the fire brigade said", speaker="brigade",
              quantities=[qty(14, 14, "exact", "killed", "people")]),
        claim("x2", "d2", "Fourteen people died when floodwater swept through Varn on Tuesday", speaker="brigade",
              quantities=[qty(14, 14, "exact", "killed", "people")]),
        claim("y1", "d3", "The floods in Varn left 3,000 people homeless", speaker="brigade",
              quantities=[qty(3000, 3000, "exact", "displaced", "people")]),
        claim("y2", "d4", "Volunteers in Varn began clearing mud from the school on Thursday"),
    ),
    "court": (
        [entity("judge", "Ilse Dorn", "PERSON"), entity("pell", "Ravi Pell", "PERSON")],
        claim("x1", "d1", "Ravi Pell was found guilty of bribing two harbour inspectors"),
        claim("x2", "d2", "A jury convicted Ravi Pell of paying bribes to a pair of harbour inspectors"),
        claim("y1", "d3", "Ravi Pell was fined 40,000 euros for a separate tax offence last year",
              quantities=[qty(40000, 40000, "exact", "money", unit="EUR")]),
        claim("y2", "d4", "Judge Ilse Dorn will sentence Ravi Pell in March"),
    ),
    "business": (
        [entity("lumo", "Lumo Air"), entity("ceo", "Petra Quist", "PERSON")],
        claim("x1", "d1", "Lumo Air will cut 600 jobs at its Brenn maintenance base",
              quantities=[qty(600, 600, "exact", "jobs")]),
        claim("x2", "d2", "Six hundred posts are to go at Lumo Air's maintenance base in Brenn",
              quantities=[qty(600, 600, "exact", "jobs")]),
        claim("y1", "d3", "Lumo Air hired 250 cabin crew at its Brenn base last spring",
              quantities=[qty(250, 250, "exact", "jobs")]),
        claim("y2", "d4", "Lumo Air's chief executive Petra Quist will step down at the end of the year"),
    ),
    "sports": (
        [entity("orla", "Orla Senn", "PERSON")],
        claim("x1", "d1", "Orla Senn broke the national 5,000 metres record in Tessa on Sunday"),
        claim("x2", "d2", "On Sunday in Tessa, Orla Senn ran the fastest 5,000 metres ever by a runner from her country"),
        claim("y1", "d3", "Orla Senn withdrew from the 10,000 metres in Tessa with a calf strain"),
        claim("y2", "d4", "Orla Senn's coach said she would rest for a month"),
    ),
    "science": (
        [entity("lab", "Keld Institute"), entity("lake", "Lake Ormu", "LOC")],
        claim("x1", "d1", "Scientists at the Keld Institute found microplastics in every fish they sampled from Lake Ormu"),
        claim("x2", "d2", "Every fish the Keld Institute team caught in Lake Ormu contained microplastic particles"),
        claim("y1", "d3", "The Keld Institute found that Lake Ormu warmed by 2 degrees over thirty years",
              quantities=[qty(2, 2, "exact", "temperature", unit="degC")]),
        claim("y2", "d4", "The Keld Institute will publish its lake survey next spring"),
    ),
}


def _facts(name, monkeypatch):
    """Facts with the shipped weights and the hand-set direct-evidence rule (``evidence_bar`` above 1)."""
    import newssift.align.facts as facts_mod

    monkeypatch.setattr(facts_mod, "_scorer", lambda config: dataclasses.replace(load_scorer(LEARNED.embedding_model), evidence_bar=2.0))
    ents, *claims = STORIES[name]
    docs = [doc(f"d{i}") for i in range(1, 5)]
    return align_facts(docs, claims, ents, [Story(id="s1", docs=tuple(d.id for d in docs))], LEARNED)


def _fact_of(facts, cid):
    return next(f for f in facts if cid in f.claims)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_one_proposition_in_other_words_joins_and_look_alikes_stay_apart(name, monkeypatch):
    facts = _facts(name, monkeypatch)
    assert set(_fact_of(facts, "x1").claims) == {"x1", "x2"}, name
    assert _fact_of(facts, "y1").claims == ("y1",), name
    assert _fact_of(facts, "y2").claims == ("y2",), name


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_paraphrase_scores_above_every_look_alike(name):
    ents, *claims = STORIES[name]
    space = build_space(claims, build_origin_index(ents), _embed_all(claims, LEARNED), ents)
    scorer = load_scorer(LEARNED.embedding_model)
    score, _ = pair_scorer_fn(space, scorer, frozenset(candidate_pairs(space)))
    para = score(0, 1)
    others = [s for i, j in ((0, 2), (1, 2), (0, 3), (1, 3)) if (s := score(i, j)) is not None]
    assert para is not None and para >= scorer.merge_threshold, name
    assert para > max(others, default=0.0), name


def test_story_context_marks_each_claims_closest_claim_in_another_report():
    ents, *claims = STORIES["court"]
    space = build_space(claims, build_origin_index(ents), _embed_all(claims, LEARNED), ents)
    context = story_context(space, [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)])
    assert context.best[(0, "d2")] == 1 and context.best[(1, "d1")] == 0
    assert context.std > 0
