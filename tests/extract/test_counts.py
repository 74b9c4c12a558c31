"""Casualty counts without digits: one person, conjoined victims, ordinals, nobody, and what is no count."""
import pytest

from newssift.extract.counts import casualty_counts, drop_non_counts, with_casualty_counts
from newssift.extract.quantities import quantities_in
from newssift.models import Quantity


def counts(nlp, text):
    doc = nlp(text)
    return [(q.measure, q.low, q.qualifier) for q in casualty_counts(doc, 0, len(text))]


@pytest.mark.parametrize("text,expected", [
    # one person, by noun, name, age noun or pronoun
    ("A fisherman's son was killed when the pier collapsed on Tuesday.", ("killed", 1.0, "at_least")),
    ("A 23-year-old was fatally shot outside a nightclub in Brackwater.", ("killed", 1.0, "at_least")),
    ("The victim was pronounced dead at the scene, the coroner said.", ("killed", 1.0, "at_least")),
    ("Talia Morven, 31, died at Eastfield General Hospital.", ("killed", 1.0, "at_least")),
    ("Detectives are investigating the shooting death of a teenager in Larkfield.", ("killed", 1.0, "at_least")),
    ("The goalkeeper was hurt in a collision during the second half.", ("wounded", 1.0, "at_least")),
    ("A cashier was taken to hospital in stable condition after the robbery.", ("wounded", 1.0, "at_least")),
    ("The midfielder suffered a broken wrist and minor injuries.", ("wounded", 1.0, "at_least")),
    ("The courier was flown to Norbrook General with serious injuries.", ("wounded", 1.0, "at_least")),
    # conjoined victims add up; ordinals give the count so far
    ("A miner and a surveyor were killed in the tunnel collapse.", ("killed", 2.0, "at_least")),
    ("A second climber has died after the avalanche on Mount Perrow.", ("killed", 2.0, "at_least")),
    # nobody
    ("No one was injured when the stage collapsed at the festival.", ("wounded", 0.0, "exact")),
    ("There were no injuries in the warehouse fire, officials said.", ("wounded", 0.0, "exact")),
    ("Nobody was killed in the derailment near Otterby.", ("killed", 0.0, "exact")),
])
def test_one_count(nlp, text, expected):
    assert counts(nlp, text) == [expected]


def test_no_one_else_is_only_a_floor(nlp):
    found = counts(nlp, "A trader was wounded in the blast and no one else was hurt.")
    assert ("wounded", 1.0, "at_least") in found and ("wounded", 0.0, "at_least") in found


def test_shot_one_fatally_gives_killed_and_wounded(nlp):
    text = "Two guards were shot, one fatally, during the bank robbery in Castlebridge."
    doc = nlp(text)
    found = {q.measure: (q.low, q.text) for q in casualty_counts(doc, 0, len(text))}
    assert found["killed"] == (1.0, "one fatally")
    assert found["wounded"][0] == 1.0


@pytest.mark.parametrize("text", [
    "The driver was not injured in the crash.",
    "The hiker could have died on the ridge without the rescue team.",
    "The suspect tried to kill a witness before the trial, prosecutors said.",
    "The victims were taken to two hospitals.",  # a plural with no number: no count
    "He was nearly killed by the falling crane.",
    "The garrison suffered losses, both killed and wounded, in the siege.",  # "both ... and" pairs words
])
def test_not_a_count(nlp, text):
    assert counts(nlp, text) == []


def test_death_after_critical_condition_is_no_wounded_count(nlp):
    found = counts(nlp, "The rider was taken to hospital in critical condition but died later that night.")
    assert [m for m, _, _ in found] == ["killed"]


def test_numbers_that_are_no_toll_are_dropped(nlp):
    text = "Orla Venn, 44, was killed in the 2600 block of Hale Street at 3:15 p.m., police said."
    doc = nlp(text)
    bogus = [Quantity(text="44", low=44, high=44, qualifier="exact", measure="killed", start=text.index("44"),
                      end=text.index("44") + 2),
             Quantity(text="2600", low=2600, high=2600, qualifier="exact", measure="killed",
                      start=text.index("2600"), end=text.index("2600") + 4),
             Quantity(text="15", low=15, high=15, qualifier="exact", measure="killed",
                      start=text.index("15"), end=text.index("15") + 2)]
    assert drop_non_counts(doc, bogus) == ()


def test_digit_counts_are_not_read_twice(nlp):
    text = "Two miners were killed and three others were injured at the quarry."
    doc = nlp(text)
    found = with_casualty_counts(doc, 0, len(text), quantities_in(doc, 0, len(text)))
    assert sorted((q.measure, q.low) for q in found if q.measure in ("killed", "wounded")) == [
        ("killed", 2.0), ("wounded", 3.0)]
