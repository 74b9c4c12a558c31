"""The event predicate in fact alignment: paraphrases agree, look-alikes differ.

Each story is written for these tests: two outlets state one event in other
words ("was jailed" / "sentenced"), a third outlet states another event with
the same actors and many of the same words ("will appeal the six-year
sentence"), enough for the hand-set direct evidence.  The claims carry the
predicates that extract reads from the parse.
"""
from __future__ import annotations

import dataclasses
from itertools import combinations

import pytest
from factories import claim, doc, entity

import newssift.align.facts as facts_mod
from newssift.align.facts import align_facts, pair_scorer_fn
from newssift.align.origins import build_origin_index
from newssift.align.pairmodel import load_scorer, predicates_agree, same_action, story_context
from newssift.align.similarity import build_space
from newssift.annotate import load_nlp
from newssift.config import DEFAULT_CONFIG
from newssift.extract.predicates import claim_predicates
from newssift.models import Story

LEARNED = DEFAULT_CONFIG.with_(use_embeddings=True, learned_fact_pairs=True)

STORIES = {
    "court": (
        [entity("quarry", "Ines Quarry", "PERSON"), entity("ashe", "Tobin Ashe", "PERSON")],
        "Judge Ines Quarry sentenced Tobin Ashe to six years in prison for the harbour fraud",
        "Tobin Ashe was jailed for six years over the harbour fraud",
        "Tobin Ashe's lawyers will appeal the six-year prison sentence for the harbour fraud",
    ),
    "business": (
        [entity("corvel", "Corvel Motors"), entity("lintra", "Lintra")],
        "Corvel Motors will acquire the battery maker Lintra for $900 million",
        "Lintra is being bought by Corvel Motors in a $900 million deal",
        "Corvel Motors reported a $900 million loss at the battery maker Lintra",
    ),
    "sports": (
        [entity("ostend", "Ostend Athletic"), entity("varna", "Varna City")],
        "Ostend Athletic defeated Varna City 2-0 on Sunday to reach the cup final",
        "Varna City lost 2-0 to Ostend Athletic on Sunday",
        "Varna City sacked its coach on Sunday after the 2-0 defeat by Ostend Athletic",
    ),
    "science": (
        [entity("keld", "Keld Observatory"), entity("jupiter", "Jupiter", "LOC")],
        "Astronomers at the Keld Observatory discovered a comet near Jupiter",
        "A new comet near Jupiter was spotted by a Keld Observatory team",
        "Keld Observatory astronomers lost track of the comet near Jupiter",
    ),
    "politics": (
        [entity("quill", "Anna Quill", "PERSON")],
        "Senator Anna Quill resigned from the cabinet on Friday",
        "Anna Quill stepped down from the cabinet on Friday",
        "Senator Anna Quill was appointed to the cabinet on Friday",
    ),
    "disaster": (
        [entity("tarrin", "Tarrin valley", "LOC")],
        "A magnitude 6.1 earthquake struck the Tarrin valley on Monday and brought down the old stone bridge",
        "A strong quake hit the Tarrin valley on Monday, toppling its old stone bridge",
        "Rescuers searched the Tarrin valley on Monday after the magnitude 6.1 earthquake",
    ),
}


def _claims(name):
    ents, *texts = STORIES[name]
    nlp = load_nlp()
    out = []
    for cid, d, text in zip(("x1", "x2", "y1"), ("d1", "d2", "d3"), texts, strict=True):
        c = claim(cid, d, text)
        out.append(dataclasses.replace(c, predicates=claim_predicates(nlp(text), 0, len(text))))
    return ents, out


def _space(name):
    ents, claims = _claims(name)
    return build_space(claims, build_origin_index(ents), facts_mod._embed_all(claims, LEARNED), ents)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_paraphrases_agree_on_the_predicate_and_look_alikes_do_not(name):
    space = _space(name)
    context = story_context(space, list(combinations(range(3), 2)), LEARNED.embedding_model)
    assert predicates_agree(context, space, 0, 1) is True, space.claims[0].predicates
    assert predicates_agree(context, space, 0, 2) is False, space.claims[2].predicates
    assert predicates_agree(context, space, 1, 2) is False


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_look_alike_has_hand_set_evidence_that_the_veto_withdraws(name):
    """The look-alikes share distinctive words: only the predicate tells them apart."""
    space = _space(name)
    assert space.evidenced(0, 2) or space.evidenced(1, 2), name
    vetoed = facts_mod._vetoed(space, LEARNED.embedding_model)
    assert not vetoed(0, 2) and not vetoed(1, 2), name
    assert vetoed(0, 1) == space.evidenced(0, 1), name


def test_a_claim_without_predicates_neither_agrees_nor_differs():
    space = _space("business")
    space.claims = [*space.claims[:2], dataclasses.replace(space.claims[2], predicates=())]
    context = story_context(space, [(0, 1), (0, 2), (1, 2)], LEARNED.embedding_model)
    assert predicates_agree(context, space, 0, 2) is None
    assert predicates_agree(context, space, 0, 1) is True


def test_event_classes_join_other_words_for_one_action():
    assert same_action(("buy",), ("take over",))
    assert same_action(("resign",), ("step down",))
    assert same_action(("beat",), ("lose",))  # one match told from either side
    assert not same_action(("buy",), ("fall",))
    assert not same_action(("resign",), ("appoint",))


def _align(name, scorer):
    ents, claims = _claims(name)
    docs = [doc(f"d{i}") for i in range(1, 4)]
    old = facts_mod._scorer
    facts_mod._scorer = lambda config: scorer
    try:
        return align_facts(docs, claims, ents, [Story(id="s1", docs=("d1", "d2", "d3"))], LEARNED)
    finally:
        facts_mod._scorer = old


@pytest.mark.parametrize("name", sorted(STORIES))
def test_with_the_predicate_veto_every_candidate_may_merge_but_the_look_alike_stays_apart(name):
    """The ECB+-best rule of round 2 (every blocking candidate evidenced) joined look-alikes; the veto holds it."""
    scorer = dataclasses.replace(load_scorer(LEARNED.embedding_model), evidence_bar=0.0, predicate_veto=True)
    facts = _align(name, scorer)
    fact_of = {c: f for f in facts for c in f.claims}
    assert fact_of["y1"].claims == ("y1",), name


def test_the_veto_removes_evidence_only_where_predicates_differ():
    space = _space("business")
    scorer = dataclasses.replace(load_scorer(LEARNED.embedding_model), evidence_bar=0.0, predicate_veto=True)
    candidates = frozenset(combinations(range(3), 2))
    _, evidenced = pair_scorer_fn(space, scorer, candidates)
    assert evidenced(0, 1)
    assert not evidenced(0, 2) and not evidenced(1, 2)
    _, plain = pair_scorer_fn(space, dataclasses.replace(scorer, predicate_veto=False), candidates)
    assert plain(0, 2)  # without the veto every candidate counts (round 2's rule)


VETO = DEFAULT_CONFIG.with_(use_embeddings=True, fact_predicate_veto=True)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_hand_set_path_with_the_veto_joins_the_paraphrase_and_keeps_the_look_alike_apart(name):
    ents, claims = _claims(name)
    docs = [doc(f"d{i}") for i in range(1, 4)]
    facts = align_facts(docs, claims, ents, [Story(id="s1", docs=("d1", "d2", "d3"))], VETO)
    fact_of = {c: f for f in facts for c in f.claims}
    assert set(fact_of["x1"].claims) == {"x1", "x2"}, name
    assert fact_of["y1"].claims == ("y1",), name


def test_one_toll_count_outweighs_differing_predicates():
    """ "Rescuers recovered 9 bodies" / "the collapse killed 9": other actions, one count of the dead."""
    from factories import qty

    text_a = "Rescuers recovered nine bodies from the Orrin mine after Tuesday's collapse"
    text_b = "The collapse at the Orrin mine on Tuesday killed nine miners"
    text_c = "The Orrin mine reopened its southern shaft on Tuesday"
    nlp = load_nlp()
    nine = [qty(9, 9, "exact", "killed", "people")]
    claims = [dataclasses.replace(claim(cid, d, t, quantities=q), predicates=claim_predicates(nlp(t), 0, len(t)))
              for cid, d, t, q in (("x1", "d1", text_a, nine), ("x2", "d2", text_b, nine), ("y1", "d3", text_c, ()))]
    ents = [entity("orrin", "Orrin mine", "FAC")]
    space = build_space(claims, build_origin_index(ents), facts_mod._embed_all(claims, VETO), ents)
    context = story_context(space, [(0, 1), (0, 2), (1, 2)], VETO.embedding_model)
    assert predicates_agree(context, space, 0, 1) is False  # "recover" / "kill"
    assert facts_mod.counted_or_one_origin(space, 0, 1)
    assert not facts_mod.counted_or_one_origin(space, 0, 2)
    facts = align_facts([doc(f"d{i}") for i in range(1, 4)], claims, ents, [Story(id="s1", docs=("d1", "d2", "d3"))], VETO)
    fact_of = {c: f for f in facts for c in f.claims}
    assert set(fact_of["x1"].claims) == {"x1", "x2"}
    assert fact_of["y1"].claims == ("y1",)
