"""Fact precision: claims about the same actors are not one fact unless they
state one proposition, and origins are not merged through a nationality.

Sentences written for these tests.  The story has four reports that all speak
of the same soldiers in the same province, as real coverage of one event does,
so those words are the story's background and carry no evidence.
"""
from __future__ import annotations

from factories import claim, doc, entity

from newssift.align.facts import align_facts
from newssift.align.origins import build_origin_index
from newssift.align.similarity import background_tokens, build_space
from newssift.config import DEFAULT_CONFIG
from newssift.models import Story

DOCS = [doc(f"d{i}") for i in range(1, 5)]
STORY = [Story(id="s1", docs=tuple(d.id for d in DOCS))]
ENTS = [
    entity("taravan", "Taravan", "NORP"),
    entity("taravia", "Taravia", "GPE"),
    entity("army", "Taravan military"),
    entity("intel", "Taravan intelligence service"),
    entity("foreign_intel", "Osterland intelligence office"),
    entity("osterland", "Osterland", "GPE"),
    entity("president", "Ilo Vantanen", "PERSON", titles=("Taravan President",)),
    entity("blogger", "Remi Sorel", "PERSON", titles=("Taravan military blogger",)),
    entity("chief", "Aino Lukk", "PERSON", titles=("head of the intelligence service of Taravia",)),
    entity("commander", "Pavo Rinne", "PERSON", titles=("brigade commander",)),
    entity("officials", "border officials"),
    entity("ministry", "defence ministry"),
    entity("mayor", "Kaisa Holm", "PERSON", titles=("mayor",)),
]
EMB = DEFAULT_CONFIG.with_(use_embeddings=True)
LEX = DEFAULT_CONFIG.with_(use_embeddings=False)


def story_claims():
    return [
        claim("op", "d1", "Taravan soldiers launched a large assault in Merel province last week", "commander"),
        claim("bridge1", "d1", "the bridge over the Merel river was destroyed by shelling on Sunday", "ministry",
              start=200),
        claim("killed", "d2", "Taravan soldiers have been killed in fighting with border troops in Merel province",
              "officials"),
        claim("reason", "d3", "there was no reason for Taravan soldiers to take part in the war in Merel province",
              "president"),
        claim("bridge2", "d3", "shelling on Sunday destroyed the Merel river bridge", "mayor", start=200),
        claim("wounded", "d4", "Taravan soldiers in Merel province did not try to carry away their wounded",
              "blogger"),
    ]


def fact_of(facts, cid):
    return next(f for f in facts if cid in f.claims)


def test_words_of_every_report_are_background():
    claims = story_claims()
    space = build_space(claims, build_origin_index(ENTS))
    assert {"taravan", "soldier", "merel", "provinc"} <= space.background
    assert "bridg" not in space.background  # two reports only
    assert background_tokens(claims[:2], space.tokens[:2]) == frozenset()  # one document: nothing is background


def test_unrelated_propositions_about_the_same_actors_stay_apart():
    for cfg in (EMB, LEX):
        facts = align_facts(DOCS, story_claims(), ENTS, STORY, cfg)
        for cid in ("op", "killed", "reason", "wounded"):
            assert fact_of(facts, cid).claims == (cid,), (cid, cfg.use_embeddings)


def test_one_proposition_from_two_speakers_is_one_corroborated_fact():
    for cfg in (EMB, LEX):
        f = fact_of(align_facts(DOCS, story_claims(), ENTS, STORY, cfg), "bridge1")
        assert set(f.claims) == {"bridge1", "bridge2"}
        assert f.status == "corroborated" and set(f.origins) == {"ministry", "mayor"}


def test_derived_words_count_as_shared():
    claims = [
        claim("x", "d1", "a safety inspection of the depot took place in May", "ministry"),
        claim("y", "d2", "inspectors visited the depot in May", "mayor"),
        claim("z", "d3", "the depot was closed", "officials"),
        claim("w", "d4", "the depot reopened", "commander"),
    ]
    space = build_space(claims, build_origin_index(ENTS))
    assert "depot" in space.background
    assert space.core_shared(0, 1)  # "inspect" / "inspector", and "may"
    assert not space.core_shared(2, 3)  # only the background "depot"


def test_a_nationality_in_a_title_does_not_make_one_origin():
    idx = build_origin_index(ENTS)
    assert idx.group("president") != idx.group("blogger")
    assert idx.group("president") != idx.group("taravan")
    assert idx.group("president") != idx.group("taravia")


def test_a_person_speaks_for_the_body_of_the_country_in_the_title_only():
    idx = build_origin_index(ENTS)
    assert idx.group("chief") == idx.group("intel")
    assert idx.group("chief") != idx.group("foreign_intel")
    # The blogger's title names the army in full; that ties him to the army
    # only, not through it to the intelligence service.
    assert idx.group("blogger") == idx.group("army")
    assert idx.group("army") != idx.group("intel")


def test_every_speaker_of_a_merged_fact_is_an_origin():
    claims = [
        claim("p", "d1", "Taravan soldiers had no rest for a week", "president"),
        claim("q", "d2", "Taravan soldiers had no rest for a whole week", "blogger"),
    ]
    f = fact_of(align_facts(DOCS[:2], claims, ENTS, [Story(id="s", docs=("d1", "d2"))], LEX), "p")
    assert set(f.claims) == {"p", "q"}
    assert set(f.origins) == {"president", "blogger"} and f.status == "corroborated"


def test_a_country_written_two_ways_is_one_origin():
    # "the U.K. and Norway" in one report, "the United Kingdom" as an entity in another.
    ents = [entity("uk", "United Kingdom", "GPE"), entity("no", "Norway", "GPE")]
    idx = build_origin_index(ents)
    both = claim("a", "d1", "the ferry carried 300 passengers", None, "the U.K. and Norway")
    assert set(idx.claim_sources(both)) == {"uk", "no"}
    unknown = claim("b", "d1", "the ferry carried 300 passengers", None, "the U.K. and the harbour master")
    assert idx.claim_sources(unknown) == ("uk", "src:harbour master")
