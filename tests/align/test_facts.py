"""Facts: grouping claims across outlets, origins and status (hand-made claims)."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest
from factories import claim, doc, entity, qty

from newssift.align.facts import align_facts
from newssift.config import DEFAULT_CONFIG
from newssift.errors import ModelMissingError
from newssift.models import Story

DOCS = [doc(f"d{i}") for i in range(1, 5)]
STORY = [Story(id="s1", docs=tuple(d.id for d in DOCS))]
ENTS = [
    entity("agency", "National Flood Agency", aliases=("NFA",)),
    entity("mayor", "Lena Okafor", "PERSON"),
    entity("minister", "Tomas Brandt", "PERSON", titles=("water minister",)),
    entity("ministry", "Water Ministry"),
    entity("spokes", "Ida Marsh", "PERSON", titles=("National Flood Agency spokeswoman",)),
    entity("wire", "Harbour Wire"),
]
LEX = DEFAULT_CONFIG.with_(use_embeddings=False)


def fact_of(facts, cid):
    return next(f for f in facts if cid in f.claims)


def relayed_levee_claims():
    return [
        claim("a1", "d1", "the river levee near Oldbridge failed early on Tuesday morning", "agency"),
        claim("a2", "d2", "a levee on the river at Oldbridge failed early Tuesday", "agency"),
        claim("a3", "d3", "the Oldbridge river levee failed on Tuesday morning", "agency", via="wire"),
        claim("b1", "d1", "schools across the district will stay closed until Friday", "mayor"),
        claim("b2", "d3", "district schools are to remain closed until Friday", "minister"),
        claim("u1", "d2", "volunteers filled sandbags through the night at the town hall"),
        claim("u2", "d4", "volunteers were filling sandbags at the town hall all night"),
    ]


def test_paraphrases_of_one_statement_form_one_fact_with_one_origin():
    facts = align_facts(DOCS, relayed_levee_claims(), ENTS, STORY, LEX)
    f = fact_of(facts, "a1")
    assert set(f.claims) == {"a1", "a2", "a3"}
    assert f.origins == ("agency",)  # the relay is not an origin
    assert f.status == "single_origin"
    assert f.docs == ("d1", "d2", "d3") and f.story == "s1"


def test_two_independent_sources_corroborate():
    f = fact_of(align_facts(DOCS, relayed_levee_claims(), ENTS, STORY, LEX), "b1")
    assert set(f.claims) == {"b1", "b2"}
    assert f.status == "corroborated" and set(f.origins) == {"mayor", "minister"}


def test_unsourced_claims_are_unattributed():
    f = fact_of(align_facts(DOCS, relayed_levee_claims(), ENTS, STORY, LEX), "u1")
    assert set(f.claims) == {"u1", "u2"}
    assert f.status == "unattributed" and f.origins == ()


def test_every_claim_in_exactly_one_fact_and_ids_are_ordered():
    claims = relayed_levee_claims()
    facts = align_facts(DOCS, claims, ENTS, STORY, LEX)
    listed = [c for f in facts for c in f.claims]
    assert sorted(listed) == sorted(c.id for c in claims)
    assert [f.id for f in facts] == [f"f{i}" for i in range(1, len(facts) + 1)]
    assert all(f.summary for f in facts)


def test_result_does_not_depend_on_input_order():
    claims = relayed_levee_claims()
    first = align_facts(DOCS, claims, ENTS, STORY, LEX)
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    assert align_facts(DOCS, shuffled, ENTS, STORY, LEX) == first


def test_one_document_restating_a_count_is_one_fact_but_other_repeats_are_not():
    claims = [
        claim("r1", "d1", "eight climbers died on the glacier", "agency", quantities=[qty(8, 8, "exact", "killed")]),
        claim("r2", "d1", "the guide said all eight of his group were lost", "mayor", start=50,
              quantities=[qty(8, 8, "exact", "killed")]),
        claim("r3", "d1", "three climbers were rescued", "agency", start=99, quantities=[qty(3, 3, "exact", "rescued")]),
    ]
    facts = align_facts(DOCS, claims, ENTS, STORY, LEX)
    assert set(fact_of(facts, "r1").claims) == {"r1", "r2"}
    assert fact_of(facts, "r3").claims == ("r3",)


def test_claims_of_one_document_without_counts_stay_apart():
    claims = [
        claim("x1", "d1", "the river levee near Oldbridge failed on Tuesday", "agency"),
        claim("x2", "d1", "the river levee near Oldbridge failed on Tuesday, the agency repeated", "agency", start=90),
        claim("x3", "d2", "the river levee near Oldbridge failed on Tuesday", "agency"),
    ]
    facts = align_facts(DOCS, claims, ENTS, STORY, LEX)
    assert len(fact_of(facts, "x3").claims) == 2
    assert fact_of(facts, "x1") != fact_of(facts, "x2")


def test_spokesperson_and_her_agency_are_one_origin():
    claims = [
        claim("s1", "d1", "the river levee near Oldbridge failed early on Tuesday", "spokes"),
        claim("s2", "d2", "the river levee near Oldbridge failed early on Tuesday", "agency"),
    ]
    f = fact_of(align_facts(DOCS, claims, ENTS, STORY, LEX), "s1")
    assert set(f.claims) == {"s1", "s2"} and f.status == "single_origin"


def test_different_measures_are_different_facts():
    claims = [
        claim("m1", "d1", "the flood killed more than 40 people in the valley", "agency",
              quantities=[qty(40, None, "over", "killed")]),
        claim("m2", "d2", "the flood left more than 40 people injured in the valley", "agency",
              quantities=[qty(40, None, "over", "wounded")]),
    ]
    facts = align_facts(DOCS, claims, ENTS, STORY, LEX)
    assert fact_of(facts, "m1") != fact_of(facts, "m2")


def test_compatible_counts_agree_and_contradicting_counts_conflict():
    claims = [
        claim("k1", "d1", "at least 12 people died when the levee failed", "agency",
              quantities=[qty(12, None, "at_least", "killed")]),
        claim("k2", "d2", "around 12 people died when the levee failed", "mayor",
              quantities=[qty(12, 12, "about", "killed")]),
        claim("k3", "d3", "exactly 9 people died when the levee failed", "minister",
              quantities=[qty(9, 9, "exact", "killed")]),
    ]
    ok = align_facts(DOCS, claims[:2], ENTS, STORY, LEX)
    assert fact_of(ok, "k1") == fact_of(ok, "k2") and fact_of(ok, "k1").status == "corroborated"
    bad = fact_of(align_facts(DOCS, claims, ENTS, STORY, LEX), "k3")
    assert set(bad.claims) == {"k1", "k2", "k3"}
    assert bad.status == "conflicting" and "9" in bad.conflict


def test_a_denial_of_the_same_assertion_conflicts():
    claims = [
        claim("n1", "d1", "the dam operator opened the spillway gates on Monday night", "agency"),
        claim("n2", "d2", "the dam operator did not open the spillway gates on Monday night", "ministry"),
    ]
    f = fact_of(align_facts(DOCS, claims, ENTS, STORY, LEX), "n1")
    assert set(f.claims) == {"n1", "n2"}
    assert f.status == "conflicting" and f.conflict


def test_coordinated_speakers_are_two_origins():
    claims = [claim("c1", "d1", "the evacuation order covers four villages", "mayor",
                    speaker_text="Lena Okafor and the Water Ministry")]
    f = align_facts(DOCS, claims, ENTS, STORY, LEX)[0]
    assert set(f.origins) == {"mayor", "ministry"} and f.status == "corroborated"


def test_claims_of_different_stories_never_share_a_fact():
    stories = [Story(id="s1", docs=("d1",)), Story(id="s2", docs=("d2",))]
    claims = [claim("a", "d1", "the river levee failed on Tuesday", "agency"),
              claim("b", "d2", "the river levee failed on Tuesday", "agency")]
    facts = align_facts(DOCS, claims, ENTS, stories, LEX)
    assert len(facts) == 2 and {f.story for f in facts} == {"s1", "s2"}


def test_embeddings_join_a_paraphrase_with_little_word_overlap():
    claims = [
        claim("e1", "d1", "the mayor ordered everyone living near the riverbank to leave their homes", "mayor"),
        claim("e2", "d2", "residents close to the river were told by the mayor to evacuate", "mayor"),
        claim("e3", "d3", "electricity prices rose sharply across the country last year"),
    ]
    facts = align_facts(DOCS, claims, ENTS, STORY, DEFAULT_CONFIG.with_(use_embeddings=True))
    assert fact_of(facts, "e1") == fact_of(facts, "e2")
    assert fact_of(facts, "e3").claims == ("e3",)


def test_missing_embedding_package_names_it():
    cfg = DEFAULT_CONFIG.with_(use_embeddings=True, embedding_model="no_such_embedding_pkg")
    with pytest.raises(ModelMissingError, match="no-such-embedding-pkg"):
        align_facts(DOCS, relayed_levee_claims(), ENTS, STORY, cfg)


def test_no_claims_no_facts():
    assert align_facts(DOCS, [], ENTS, STORY, LEX) == []


def test_large_runs_still_use_embeddings():
    """Embeddings never switch off silently with corpus size: a missing model says so."""
    cfg = DEFAULT_CONFIG.with_(use_embeddings=True, embedding_model="no_such_embedding_pkg")
    claims = relayed_levee_claims() * 400  # thousands of claims, well above the old 2,000-claim cut-off
    claims = [replace(c, id=f"{c.id}-{k}") for k, c in enumerate(claims)]
    with pytest.raises(ModelMissingError):
        align_facts(DOCS, claims, ENTS, STORY, cfg)


def test_far_apart_tolls_from_unrelated_reports_stay_apart_but_close_ones_join():
    claims = [
        claim("t1", "d1", "drone footage showed more than 20 dead in a field", "agency",
              quantities=[qty(20, None, "over", "killed")]),
        claim("t2", "d2", "a magazine estimated up to 250 deaths during the assaults", "mayor",
              quantities=[qty(None, 250, "up_to", "killed")]),
        claim("h1", "d1", "the hospital was treating up to 40 injured people", "minister", start=80,
              quantities=[qty(None, 40, "up_to", "wounded")]),
        claim("h2", "d3", "37 people had been injured", "mayor", quantities=[qty(37, 37, "exact", "wounded")]),
    ]
    facts = align_facts(DOCS, claims, ENTS, STORY, LEX)
    assert fact_of(facts, "t1") != fact_of(facts, "t2")
    assert fact_of(facts, "h1") == fact_of(facts, "h2") and fact_of(facts, "h1").status == "corroborated"
