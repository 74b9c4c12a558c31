"""Origins at scale: spokespeople find their body among many, with the same links as trying every body."""
from __future__ import annotations

import random
import re

from factories import entity

from newssift.align.origins import _NameFinder, build_origin_index

# Fictional bodies and places across genres: a court, a club, a fire service, a company, a ministry.
BODIES = [
    entity("court", "Harrow County Court"),
    entity("club", "Kingsford Rovers", aliases=("the Rovers",)),
    entity("fire", "Calder Fire Service"),
    entity("fire2", "Brenmoor Fire Service"),
    entity("firm", "Radley Pharma"),
    entity("min", "Ministry of Water", aliases=("the water ministry",)),
    entity("ltd", "U.S. Harbour Works"),
]
PLACES = [entity("calder", "Calder", "GPE"), entity("brenmoor", "Brenmoor", "GPE"), entity("harrow", "Harrow", "GPE")]


def _index(people):
    return build_origin_index(BODIES + PLACES + people)


def test_a_spokesperson_joins_the_body_her_title_names_and_only_the_best_match():
    people = [
        entity("clerk", "Rosa Quayle", "PERSON", titles=("Harrow County Court clerk",)),
        entity("coach", "Ivan Petrov", "PERSON", titles=("Kingsford Rovers coach",)),
        entity("chief", "Omar Lindqvist", "PERSON", titles=("Calder fire chief",)),
        entity("ceo", "Dana Jessop", "PERSON", titles=("Radley chief executive",)),
        entity("fan", "Nell Oakes", "PERSON", titles=("supporter",)),
    ]
    idx = _index(people)
    assert idx.group("clerk") == idx.group("court")  # the body's full name in the title
    assert idx.group("coach") == idx.group("club")
    assert idx.group("ceo") == idx.group("firm")  # a distinctive word of the name
    # "Calder fire chief": both fire services share "fire", but the title's place keeps only Calder's.
    assert idx.group("chief") == idx.group("fire") != idx.group("fire2")
    assert idx.group("fan") == "fan"


def test_a_title_naming_another_place_does_not_link_to_that_places_body():
    idx = _index([entity("medic", "Kai Xu", "PERSON", titles=("Brenmoor paramedic",))])
    assert idx.group("medic") == "medic"  # no body of Brenmoor shares a word with "paramedic"
    idx = _index([entity("boss", "Lars Varga", "PERSON", titles=("Brenmoor fire chief",))])
    assert idx.group("boss") == idx.group("fire2") != idx.group("fire")


def _brute(names, pattern, text):
    return {n for n in names if re.search(pattern.format(re.escape(n)), text)}


def test_the_name_finder_answers_as_trying_every_name():
    rng = random.Random(3)
    words = ["calder", "fire", "u.s.", "st.", "rovers", "'the", "harbour", "co-op", "élan", "x"]
    names = {" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(200)} | {"-north", ". x"}
    for pattern in (r"(?<!\w){}(?!\w)", r"\b{}\b"):
        finder = _NameFinder(names, pattern)
        for _ in range(300):
            text = " ".join(rng.choice(words + ["the", "chief", ",", "(", ")"]) for _ in range(rng.randint(1, 8)))
            assert finder.found(text) == _brute(names, pattern, text), text
