"""Quantity compatibility: the sanity rules of the figures and facts stages."""
from __future__ import annotations

from newssift.align.numbers import (
    compare_quantities,
    consistent,
    point_estimate,
    same_figure,
    times_compatible,
)
from newssift.models import Claim, Quantity, TimeRef


def q(low, high, qualifier, measure="killed", unit=None):
    return Quantity(text=f"{low}-{high}", low=low, high=high, qualifier=qualifier, measure=measure, unit=unit)


def claim(cid, time=None, quantities=()):
    return Claim(id=cid, doc=cid, start=0, end=1, text="x", kind="unattributed", time=time, quantities=quantities)


def test_about_agrees_with_range_that_contains_it():
    assert same_figure(q(10000, 10000, "about"), q(10000, 12000, "range"))
    assert consistent(q(10000, 10000, "about"), q(10000, 12000, "range"))


def test_at_least_agrees_with_around():
    assert same_figure(q(30, None, "at_least"), q(30, 30, "about"))
    assert consistent(q(30, None, "at_least"), q(30, 30, "about"))


def test_two_floors_are_consistent_but_different_figures():
    a, b = q(30, None, "at_least"), q(200, None, "over")
    assert consistent(a, b)
    assert not same_figure(a, b)


def test_different_exact_counts_contradict():
    assert consistent(q(50, 50, "exact"), q(47, 47, "exact")) is False


def test_ceiling_below_floor_contradicts():
    assert consistent(q(None, 20, "up_to"), q(30, None, "at_least")) is False
    assert consistent(q(None, 40, "up_to"), q(30, None, "at_least")) is True


def test_about_ten_and_about_twelve_thousand_are_different_figures():
    assert not same_figure(q(10000, 10000, "about"), q(12000, 12000, "about"))


def test_vague_value_is_unknown():
    assert consistent(Quantity("a few dozen", None, None, "vague", "killed"), q(30, 30, "exact")) is None


def test_different_measures_block_a_match():
    rel = compare_quantities([q(200, None, "over", "casualties")], [q(200, 200, "about", "killed")])
    assert rel.blocked


def test_different_units_block_a_match():
    rel = compare_quantities([q(5, 5, "exact", "aid", "USD")], [q(5, 5, "exact", "aid", "EUR")])
    assert rel.blocked


def test_same_measure_same_value_is_same():
    rel = compare_quantities([q(30, None, "at_least", "killed_or_wounded")], [q(30, 30, "about", "killed_or_wounded")])
    assert not rel.blocked and rel.relation == "same"


def test_unmeasured_numbers_say_nothing():
    rel = compare_quantities([q(3, 3, "exact", None)], [q(9, 9, "exact", "killed")])
    assert not rel.blocked and rel.relation == "unknown"


def test_times_of_different_days_are_incompatible():
    a = claim("a", TimeRef("on Monday", date="2024-03-04"))
    b = claim("b", TimeRef("on Friday", date="2024-03-08"))
    c = claim("c", TimeRef("that week", start_date="2024-03-03", end_date="2024-03-09"))
    assert not times_compatible(a, b)
    assert times_compatible(a, c) and times_compatible(b, c)
    assert times_compatible(a, claim("d"))


def test_point_estimates():
    assert point_estimate(10000, 12000, "range") == 11000
    assert point_estimate(None, 250, "up_to") == 250
    assert point_estimate(30, None, "at_least") == 30
    assert point_estimate(None, None, "vague") is None
