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


def test_compare_primaries_is_compare_quantities_on_headline_counts():
    from newssift.align.numbers import compare_primaries, compare_quantities, primary_quantity

    dist = qty(140, 140, "about", "distance", unit="km")
    for a, b in [([qty(11, 11, "exact", "killed")], [dist, qty(26, 26, "exact", "killed")]),
                 ([qty(11, None, "at_least", "killed")], [qty(11, 11, "exact", "killed")]),
                 ([dist], [qty(4, 4, "exact", "injured")]), ([], [dist])]:
        assert compare_primaries(primary_quantity(a), primary_quantity(b)) == compare_quantities(a, b)
    assert compare_quantities([qty(11, 11, "exact", "killed")], [qty(26, 26, "exact", "killed")]).relation == "inconsistent"


def test_content_words_read_each_word_form_alike_every_time():
    from newssift.align.text import content_words

    text = "Twenty-six miners' front-line crews said 10,000 tonnes; the mine's owner said 10,000 again"
    first, second = content_words(text), content_words(text)
    assert first == second
    # Numbers become values, stop words (spaCy counts "front" as one) no token, the rest stems.
    assert ("twenty-six", "#26") in first and ("10,000", "#10000") in first
    assert ("front", None) in first and ("line", "line") in first and ("crews", "crew") in first
    assert ("mine", None) in first and ("owner", "owner") in first


def test_core_shared_finds_derived_stems_like_the_pairwise_rule():
    from newssift.align.similarity import _derived

    texts = ["The inspector general opened an inquiry into the harbour authority",
             "Inspections of the harbour were ordered after the collapse",
             "Evacuees returned home as the evacuation order was lifted",
             "The council will evacuate the riverside streets tonight",
             "The striker scored in the final minute of the derby",
             "Officials inspect every ferry before it leaves the port"]
    space = build_space([claim(f"c{k}", f"d{k}", t) for k, t in enumerate(texts)], build_origin_index([]))
    for i in range(len(texts)):
        for j in range(len(texts)):
            ti, tj = set(space.tokens[i]) - space.background, set(space.tokens[j]) - space.background
            brute = bool(ti & tj) or any(_derived(x, y) for x in ti for y in tj)
            assert space.core_shared(i, j) == brute, (texts[i], texts[j])
    assert space.core_shared(0, 5) and space.core_shared(2, 3) and not space.core_shared(4, 3)
