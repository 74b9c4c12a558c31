"""People shot and not reported dead are wounded (GVA and newsroom usage), at story level."""
from __future__ import annotations

import pytest
from factories import claim, doc, qty

from newssift.align import figures as F
from newssift.align.figures import build_figures

DOCS = [doc(f"d{i}", published=f"2031-05-0{i}") for i in range(1, 4)]


def wounded_best(claims):
    found = [g for g in build_figures(DOCS, claims, [], []) if g.measure == "wounded"]
    return found[0].best if found else None


@pytest.fixture
def story_rule(monkeypatch):
    monkeypatch.setattr(F, "WOUNDED_FROM_SHOT", "story")
    monkeypatch.setattr(F, "SHOT_NEEDS_COUNT", False)


def test_a_person_shot_and_never_reported_dead_is_wounded(story_rule):
    claims = [claim("c1", "d1", "A courier was shot in the arm outside the depot",
                    quantities=[qty(1, None, "at_least", "shot", text="A courier")])]
    assert wounded_best(claims) == 1


def test_people_shot_less_the_story_dead_are_wounded(story_rule):
    # Crime: four shot in one report; a later report says one of them died.
    claims = [
        claim("c1", "d1", "Four people were shot at a house party", quantities=[qty(4, 4, "exact", "shot")]),
        claim("c2", "d2", "One of the victims, a student, died on Sunday", quantities=[qty(1, 1, "exact", "killed")]),
    ]
    assert wounded_best(claims) == 3


def test_a_person_shot_who_died_is_no_wounded(story_rule):
    claims = [
        claim("c1", "d1", "A shopkeeper was shot during the robbery",
              quantities=[qty(1, None, "at_least", "shot", text="A shopkeeper")]),
        claim("c2", "d2", "The shopkeeper died in hospital", quantities=[qty(1, None, "at_least", "killed")]),
    ]
    assert wounded_best(claims) is None


def test_a_stated_wounded_count_is_kept_by_a_report_that_states_one(story_rule, monkeypatch):
    # Sports-ground disaster: the report states its own wounded count beside the people shot.
    claims = [
        claim("c1", "d1", "Five fans were shot near the stadium gate", quantities=[qty(5, 5, "exact", "shot")]),
        claim("c2", "d1", "Two fans were wounded", quantities=[qty(2, 2, "exact", "wounded")]),
    ]
    assert wounded_best(claims) == 2
    monkeypatch.setattr(F, "SHOT_REPORTS", "all")
    assert wounded_best(claims) == 5  # the report's first value is now its people shot


def test_off_leaves_people_shot_apart(monkeypatch):
    monkeypatch.setattr(F, "WOUNDED_FROM_SHOT", False)
    claims = [claim("c1", "d1", "Three hikers were shot by a hunter", quantities=[qty(3, 3, "exact", "shot")])]
    assert wounded_best(claims) is None
