"""Entities: an occupation or nationality written before a name is no part of it."""
import pytest

from newssift.extract.mentions import _demonym

from .helpers import run


def test_an_occupation_before_a_name_is_not_part_of_the_person(nlp):
    x = run(nlp, "Comedian Ellen Darrow will host the awards next year, the academy said.")
    person = next(e for e in x.entities if e.type == "PERSON")
    assert person.name == "Ellen Darrow"
    assert [m.text for m in person.mentions] == ["Ellen Darrow"]


def test_an_occupation_in_a_headline_is_dropped_too(nlp):
    x = run(nlp, "Comedian Marta Quill picked to host the film awards")
    assert any(e.name == "Marta Quill" for e in x.entities)


@pytest.mark.parametrize("word, is_nationality", [
    ("American", True), ("Ukrainian", True), ("Israeli", True), ("French", True),
    ("Jordan", False), ("Georgia", False), ("Holland", False), ("Brian", False),
])
def test_nationalities_are_told_from_countries_and_names(word, is_nationality):
    # A country's own name opens real names ("Jordan Reyes"); only a demonym is stripped.
    assert _demonym(word) is is_nationality
