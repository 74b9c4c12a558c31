"""Origins: who first said it, independent of who relayed it."""
from __future__ import annotations

from factories import claim, entity

from newssift.align.origins import build_origin_index, fact_status

ENTS = [
    entity("navy", "Royal Coastal Navy", aliases=("RCN",)),
    entity("spokes", "Ana Ruiz", "PERSON", titles=("RCN spokeswoman",)),
    entity("other", "Ben Cole", "PERSON", titles=("harbour master",)),
    entity("port", "Port Authority"),
]


def test_spokesperson_joins_the_body_named_in_her_title():
    idx = build_origin_index(ENTS)
    assert idx.group("spokes") == idx.group("navy")
    assert idx.group("other") != idx.group("navy")


def test_relay_is_not_an_origin_unless_no_original_is_named():
    idx = build_origin_index(ENTS)
    assert idx.claim_sources(claim("a", "d", "x", "navy", via="port")) == ("navy",)
    assert idx.claim_sources(claim("b", "d", "x", None, via="port")) == ("port",)
    assert idx.claim_sources(claim("c", "d", "x")) == ()


def test_coordinated_sources_split_and_apposition_does_not():
    idx = build_origin_index(ENTS)
    both = claim("a", "d", "x", "navy", speaker_text="the Royal Coastal Navy and the Port Authority")
    assert idx.claim_sources(both) == ("navy", "port")
    unknown = claim("b", "d", "x", "navy", speaker_text="Kestrel and Dunmore officials")
    assert idx.claim_sources(unknown) == ("src:kestrel", "src:dunmore officials")
    apposition = claim("c", "d", "x", "other", speaker_text="Ben Cole, the harbour master")
    assert idx.claim_sources(apposition) == ("other",)


def test_origins_count_groups_once():
    idx = build_origin_index(ENTS)
    claims = [claim("a", "d1", "x", "spokes"), claim("b", "d2", "x", "navy"), claim("c", "d3", "x", "navy")]
    assert len(idx.origins(claims)) == 1


def test_status_rules():
    assert fact_status([], (), None) == "unattributed"
    assert fact_status([], ("a",), None) == "single_origin"
    assert fact_status([], ("a", "b"), None) == "corroborated"
    assert fact_status([], ("a", "b"), "values differ") == "conflicting"


def test_distinctive_word_of_a_body_in_a_title_links_but_country_words_do_not():
    ents = [
        entity("brigade", "Harlow Fire Brigade"),
        entity("chief", "Mia Stone", "PERSON", titles=("Fire Chief",)),
        entity("land", "Norland", "GPE"),
        entity("intel", "Norland Intelligence Service"),
        entity("envoy", "Ola Berg", "PERSON", titles=("Norland envoy",)),
    ]
    idx = build_origin_index(ents)
    assert idx.group("chief") == idx.group("brigade")
    assert idx.group("envoy") != idx.group("intel")


def test_vague_collectives_never_add_an_independent_origin():
    # A transfer rumour: club sources and local media carry it; one named agent confirms.
    ents = ENTS + [entity("media", "Lisbon media", "GROUP"), entity("srcs", "club sources", "GROUP"),
                   entity("agent", "Rui Matos", "PERSON", titles=("agent",))]
    idx = build_origin_index(ents)
    vague_only = [claim("a", "d1", "x", "media", speaker_text="Lisbon media"),
                  claim("b", "d2", "x", "srcs", speaker_text="club sources")]
    found = idx.origins(vague_only)
    assert len(found) == 1 and found[0].startswith("vague:")
    assert fact_status(vague_only, found, None) == "single_origin"
    with_agent = vague_only + [claim("c", "d3", "x", "agent", speaker_text="Rui Matos")]
    assert idx.origins(with_agent) == ("agent",)
    named_two = with_agent + [claim("d", "d4", "x", "navy")]
    assert fact_status(named_two, idx.origins(named_two), None) == "corroborated"


def test_vague_source_phrases():
    from newssift.align.origins import is_vague_source
    assert is_vague_source("sources close to the minister")
    assert is_vague_source("local media") and is_vague_source("Reports")
    assert not is_vague_source("the Port Authority") and not is_vague_source("U.S. officials")
