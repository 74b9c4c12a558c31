"""A claim's event predicate, read from the parse (extract/predicates.py).

Sentences written for these tests, one genre each: the predicate is the
event the claim states, not the reporting or light verb around it.
"""
from __future__ import annotations

import pytest

from newssift.annotate import load_nlp
from newssift.extract.predicates import MAX_PREDICATES, claim_predicates


def _predicates(text: str) -> tuple[str, ...]:
    return claim_predicates(load_nlp()(text), 0, len(text))


@pytest.mark.parametrize(("text", "first"), [
    ("Judge Mara Velt sentenced Colin Ashby to eight years for the warehouse fraud", "sentence"),  # court
    ("Norvane Foods agreed to buy its rival Kestrel Dairy", "buy"),  # business: "agree to" gives way
    ("Kestrel Dairy will be taken over by Norvane Foods", "take over"),  # particle kept
    ("Norvane Foods reported a 4 percent fall in quarterly profit", "fall"),  # reporting verb gives way
    ("Halden United beat Brack Rovers 3-1 on Saturday", "beat"),  # sports
    ("Researchers at Tallis University discovered a new species of tree frog", "discover"),  # science
    ("The senator said the committee would block the nomination", "block"),  # politics: the clause, not "said"
    ("Pell Mining made an acquisition of a copper mine", "acquisition"),  # light verb gives way to its noun
])
def test_the_main_event_comes_first(text, first):
    assert _predicates(text)[0] == first


def test_reporting_verbs_and_copulas_are_not_predicates():
    preds = _predicates("The mayor said the bridge is closed and officials have confirmed that it was flooded")
    assert "say" not in preds and "be" not in preds and "confirm" not in preds
    assert "flood" in preds


def test_an_event_noun_is_the_predicate_only_without_a_verb_of_its_own():
    assert _predicates("The earthquake struck the coast on Sunday, killing 12 people") == ("strike", "kill")
    assert _predicates("The earthquake off the coast on Sunday") == ("earthquake",)
    # an argument names another event: the appeal is the predicate, not the fraud
    assert _predicates("Tobin Ashe's lawyers will appeal against the harbour fraud verdict") == ("appeal",)


@pytest.mark.parametrize(("text", "state"), [
    ("Eleven people had been confirmed dead", "dead"),  # disaster
    ("Four dockworkers remain missing", "missing"),
    ("Four workers are still listed as missing", "missing"),
    ("The mayor said the bridge is closed", "closed"),
])
def test_a_state_after_a_linking_or_reporting_verb_is_the_predicate(text, state):
    assert _predicates(text) == (state,)


def test_a_long_sentence_keeps_its_first_events_only():
    preds = _predicates("The earthquake struck the coast on Sunday, killing 12 people and halting the election count "
                        "while the rescue and the evacuation went on")
    assert preds[:2] == ("strike", "kill")
    assert len(preds) == MAX_PREDICATES and "evacuation" not in preds


def test_a_span_outside_the_tokens_gives_none():
    parsed = load_nlp()("Storm hits the coast.")
    assert claim_predicates(parsed, 0, 0) == ()


def test_a_verb_nearer_the_root_comes_before_one_deeper_in_the_sentence():
    """Depth orders the events: the main clause's verb before a subordinate one,
    even when the subordinate clause is written first (a depth that never
    stopped at the root ordered them by position only)."""
    from newssift.extract.predicates import _depth

    doc = load_nlp()("After the storm flooded the valley, the council closed the bridge")
    depth = {t.text: _depth(t) for t in doc}
    assert depth["closed"] == 0 and depth["flooded"] >= 1
    assert _predicates(doc.text)[:2] == ("close", "flood")
