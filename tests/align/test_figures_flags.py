"""conflicting_figure: same measure, subject and window beyond the tolerance; other windows and floors never."""
from __future__ import annotations

from factories import claim, qty

from newssift.flags.figures import find_conflicting_figures
from newssift.models import Fact


def flags_for(claims):
    fact = Fact(id="f1", claims=tuple(c.id for c in claims), status="conflicting", origins=())
    return find_conflicting_figures(claims, [fact])


def test_different_tolls_for_one_window_conflict():
    claims = [claim("c1", "d1", "11 miners died in the flood", "mine", quantities=[qty(11, 11, "exact", "killed")]),
              claim("c2", "d2", "26 miners died in the flood", "union", quantities=[qty(26, 26, "exact", "killed")])]
    assert len(flags_for(claims)) == 2


def test_different_windows_never_conflict():
    claims = [claim("c1", "d1", "rebel deaths reached 100 over the past three days", "army",
                    quantities=[qty(100, 100, "exact", "killed")]),
              claim("c2", "d2", "rebel deaths reached 260", "monitor", quantities=[qty(260, 260, "exact", "killed")])]
    assert flags_for(claims) == []


def test_rounding_within_the_tolerance_is_no_conflict():
    claims = [claim("c1", "d1", "about 50 crew were hurt", "port", quantities=[qty(50, 50, "about", "wounded")]),
              claim("c2", "d2", "56 crew were hurt", "clinic", quantities=[qty(56, 56, "exact", "wounded")])]
    assert flags_for(claims) == []  # "about 50" reaches 55; 5 % either side covers 56


def test_one_named_victim_never_contradicts_a_total():
    claims = [claim("c1", "d1", "a guard was killed", "police", quantities=[qty(1, None, "at_least", "killed")]),
              claim("c2", "d2", "two guards were killed", "mayor", quantities=[qty(2, 2, "exact", "killed")])]
    assert flags_for(claims) == []
