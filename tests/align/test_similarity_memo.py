"""Pair scores are computed once per pair and reused; reused values are the ones a fresh computation gives."""
from __future__ import annotations

from factories import claim, qty

from newssift.align.figures_keys import subject_key, window_of
from newssift.align.origins import build_origin_index
from newssift.align.similarity import build_space

CLAIMS = [
    claim("a", "d1", "The blaze at the Harrow depot killed 11 workers on Monday", "x",
          quantities=[qty(11, 11, "exact", "killed")]),
    claim("b", "d2", "Eleven workers died in the fire at the Harrow depot", "y",
          quantities=[qty(11, 11, "exact", "killed")]),
    claim("c", "d3", "The council voted to close the depot for a month"),
    claim("d", "d2", "Shares in Harrow Freight fell 8 percent after the fire"),
    claim("e", "d3", "The fire killed at least 11 people, officials said", "x",
          quantities=[qty(11, None, "at_least", "killed")]),
]


def _space():
    return build_space(CLAIMS, build_origin_index([]))


def test_memoised_scores_equal_fresh_ones_in_both_orders():
    space, fresh = _space(), _space()
    n = len(CLAIMS)
    for i in range(n):
        for j in range(n):
            if i != j:
                assert space.score(i, j) == fresh._score(i, j, False)
                assert space.evidenced(i, j) == fresh._evidenced(i, j)
    # Each ordered pair is now cached, and a second ask returns the cached value.
    assert len(space._scores) == n * (n - 1)
    assert space.score(0, 1) == fresh._score(0, 1, False)


def test_a_vetoed_pair_stays_vetoed_when_asked_again():
    space = _space()
    # "d" and "b" are one document without a shared count: never one fact.
    assert space.score(3, 1) is None and space.score(1, 3) is None and space.score(3, 1) is None


def test_same_document_flag_is_part_of_the_key():
    space = _space()
    assert space.score(1, 3) is None
    assert space.score(1, 3, same_doc=True) is not None


def test_key_helpers_are_cached_but_still_pure():
    assert subject_key("North Korean soldiers") == subject_key("North Korean soldiers") == "north korean"
    assert window_of("killed over the past three days in the north") == "past three days"
    assert window_of("killed on Monday") == ""
