"""Claim places: the run's mention index is built once and never answers for other entities."""
from __future__ import annotations

from dataclasses import replace

from factories import claim, entity

from newssift.align.similarity import claim_places
from newssift.models import Mention

# Fictional claims: a flood report and a court report, each naming a place after "in".
FLOOD = claim("c1", "d1", "Two people died in Marlford when the river rose.")
COURT = claim("c2", "d2", "The judge in Penby jailed Okafor for nine years.")


def _mention(c, text: str, eid: str, label: str = "GPE") -> Mention:
    s = c.text.index(text)
    return Mention(c.doc, s, s + len(text), text, label, eid)


def _entities(place_doc: str):
    """Marlford mentioned in d1, Penby in d2, Okafor (a person) in d2; ``place_doc`` picks whose place is kept."""
    marl = replace(entity("marl", "Marlford", "GPE"), mentions=(_mention(FLOOD, "Marlford", "marl"),))
    penby = replace(entity("penby", "Penby", "GPE"), mentions=(_mention(COURT, "Penby", "penby"),))
    okafor = replace(entity("oka", "Marta Okafor", "PERSON"), mentions=(_mention(COURT, "Okafor", "oka", "PERSON"),))
    return [marl, okafor] if place_doc == "d1" else [penby, okafor]


def test_places_follow_the_entities_given_even_when_calls_alternate():
    flood_run, court_run = _entities("d1"), _entities("d2")
    for _ in range(2):  # the second round answers from the index kept for each list
        places, names = claim_places([FLOOD, COURT], flood_run)
        assert places == [frozenset({"marl"}), frozenset()]
        assert names == [frozenset({"marl"}), frozenset({"oka"})]
        places, names = claim_places([FLOOD, COURT], court_run)
        assert places == [frozenset(), frozenset({"penby"})]
        assert names == [frozenset(), frozenset({"penby", "oka"})]
    # Per story: the same run's entities, a story at a time.
    assert claim_places([COURT], court_run)[0] == [frozenset({"penby"})]
    assert claim_places([FLOOD], court_run)[0] == [frozenset()]
