"""Pair scoring details: names, places, compounds, headline counts, blocking."""
from __future__ import annotations

from factories import claim, doc, qty

from newssift.align.facts import align_facts
from newssift.align.numbers import primary_quantity
from newssift.align.origins import build_origin_index
from newssift.align.similarity import build_space, candidate_pairs, claim_places
from newssift.align.text import content_tokens, content_words, with_compounds
from newssift.config import DEFAULT_CONFIG
from newssift.models import Entity, Mention, Story

LEX = DEFAULT_CONFIG.with_(use_embeddings=False)
DOCS = [doc("d1"), doc("d2"), doc("d3")]
STORY = [Story(id="s1", docs=("d1", "d2", "d3"))]


def place(eid: str, name: str, *spots: tuple[str, int]) -> Entity:
    return Entity(id=eid, name=name, type="GPE",
                  mentions=tuple(Mention(doc=d, start=s, end=s + len(name), text=name, label="GPE", entity=eid)
                                 for d, s in spots))


def test_counts_in_different_named_places_are_different_facts():
    a = claim("a", "d1", "nine people were killed in Marrow by the landslide", "x",
              quantities=[qty(9, 9, "exact", "killed")])
    b = claim("b", "d2", "a landslide killed four people in Tessel", "y", quantities=[qty(4, 4, "exact", "killed")])
    c = claim("c", "d3", "the landslide in Marrow killed nine", "z", quantities=[qty(9, 9, "exact", "killed")])
    ents = [place("p1", "Marrow", ("d1", a.text.index("Marrow")), ("d3", c.text.index("Marrow"))),
            place("p2", "Tessel", ("d2", b.text.index("Tessel")))]
    facts = align_facts(DOCS, [a, b, c], ents, STORY, LEX)
    by_claim = {cid: f.id for f in facts for cid in f.claims}
    assert by_claim["a"] == by_claim["c"] != by_claim["b"]


def test_only_locative_places_count_as_where():
    a = claim("a", "d1", "Norland said troops were sent to Ostia", "x")
    ents = [place("n", "Norland", ("d1", 0)), place("o", "Ostia", ("d1", a.text.index("Ostia")))]
    places, names = claim_places([a], ents)
    assert places == [frozenset({"o"})]
    assert names == [frozenset({"n", "o"})]


def test_compounds_meet_across_spellings():
    a = content_words("they moved to the front lines")
    b = content_words("they moved to frontline positions")
    vocab = {t for _, t in a + b if t}
    assert set(with_compounds(a, vocab)) & set(with_compounds(b, vocab)) >= {"frontlin"}


def test_number_words_and_digits_meet():
    assert "#26" in content_tokens("Twenty-six workers") and "#26" in content_tokens("26 workers")
    assert "#10000" in content_tokens("10,000 troops")


def test_headline_count_prefers_counts_over_measurements():
    dist = qty(140, 140, "about", "distance", unit="km")
    killed = qty(11, None, "at_least", "killed")
    assert primary_quantity([dist, killed]) is killed
    assert primary_quantity([dist]) is dist
    assert primary_quantity([qty(3, 3, "exact", None)]) is None


def test_blocking_pairs_claims_that_share_rare_words_only():
    claims = [claim("a", "d1", "the ferry Aldora ran aground near the reef"),
              claim("b", "d2", "Aldora, a ferry, hit the reef and ran aground"),
              claim("c", "d3", "bakers in the capital raised bread prices")]
    space = build_space(claims, build_origin_index([]))
    assert candidate_pairs(space) == [(0, 1)]
    assert space.score(0, 1) > space.score(0, 2)
