"""Headline places at scale: an index of place forms finds what trying every place finds."""
from __future__ import annotations

import random

from newssift.flags.headline import _headline_places, _PlaceIndex, find_headline_mismatches
from newssift.models import Document, Entity, Mention


def _place(eid: str, name: str, docs_texts: list[tuple[Document, str]]) -> Entity:
    mentions = tuple(Mention(d.id, d.text.index(t), d.text.index(t) + len(t), t, "GPE", eid) for d, t in docs_texts)
    return Entity(id=eid, name=name, type="GPE", mentions=mentions)


# Fictional reports across genres: a flood, a cup final, a court ruling, each with a headline place.
FLOOD = Document(id="flood", title="Floods hit Marlford as river bursts",
                 text="Floods hit the town of Marlford in Calder County on Monday, officials said.")
CUP = Document(id="cup", title="Rovers win in Stonemouth",
               text="Kingsford Rovers beat Elmdale United 2-1 in Harrowgate on Saturday.")
COURT = Document(id="court", title="Fraud boss jailed in Penby",
                 text="A court in Penby sentenced Marta Okafor to nine years on Friday.")
DOCS = [FLOOD, CUP, COURT]


def _places() -> list[Entity]:
    return [
        _place("marl", "Marlford", [(FLOOD, "Marlford")]),
        _place("calder", "Calder County", [(FLOOD, "Calder County")]),
        _place("stone", "Stonemouth", []),
        _place("harrow", "Harrowgate", [(CUP, "Harrowgate")]),
        _place("penby", "Penby", [(COURT, "Penby")]),
    ]


def test_a_headline_place_the_lead_contradicts_is_flagged_among_many_places():
    # Two hundred other places named nowhere in these reports change nothing.
    others = [Entity(id=f"x{k}", name=f"Town{k}ville", type="GPE") for k in range(200)]
    flags = find_headline_mismatches(DOCS, others + _places())
    assert [(f.doc, f.detail.split(";")[0]) for f in flags] == [("cup", "headline place: Stonemouth")]


def test_the_place_index_offers_every_place_a_headline_may_name():
    rng = random.Random(5)
    words = ["Marl", "ford", "St.", "Kings", "-on-Sea", "Penby", "Calder", "County", "Élan", "O'Hare"]
    places = [Entity(id=f"p{k}", name=" ".join(rng.sample(words, rng.randint(1, 3))), type="GPE") for k in range(120)]
    index = _PlaceIndex(places)
    for _ in range(300):
        title = " ".join(rng.choice(words + ["in", "near", "floods", "town", ","]) for _ in range(rng.randint(2, 9)))
        assert _headline_places(title, places, index) == _headline_places(title, places, _AllPlaces(places))


class _AllPlaces(_PlaceIndex):
    """Every place, in order: what the search tried before the index."""

    def candidates(self, title: str) -> list[Entity]:
        return list(self.places)
