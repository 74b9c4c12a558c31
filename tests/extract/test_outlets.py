"""Outlets whose names are common words ("told People"): extract.outlets."""
from .helpers import run


def bodies(x):
    return {e.name: e for e in x.entities if e.type == "ORG"}


def test_entertainment_magazine_told_and_confirmed_to(nlp):
    x = run(nlp, "The actor checked into a clinic on Monday, his publicist told Prevention. "
                 "His agent later confirmed to Prevention that the stay would be short.")
    assert [m.text for m in bodies(x)["Prevention"].mentions] == ["Prevention", "Prevention"]


def test_business_magazine_in_capitals(nlp):
    x = run(nlp, "The chief executive of Orvane Foods told MONEY that profits would double next year.")
    assert "MONEY" in bodies(x)


def test_science_journal_after_according_to(nlp):
    x = run(nlp, "The comet lost half its ice in a year, according to Nature, which published the survey.")
    assert "Nature" in bodies(x)


def test_capital_at_a_sentence_start_or_a_plain_object_is_no_outlet(nlp):
    x = run(nlp, "People gathered outside the court on Monday. The judge told jurors to ignore Fortune, "
                 "the defendant's dog.")
    assert "People" not in bodies(x) and "Fortune" not in bodies(x)


def test_a_person_the_text_names_is_not_taken_for_an_outlet(nlp):
    x = run(nlp, "Coach Ilse Brandt met the board on Friday. The chairman told Brandt that her contract "
                 "would not be renewed.")
    assert "Brandt" not in bodies(x)
