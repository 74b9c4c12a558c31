"""People shot, what was fired, conjoined numbered victims, and objects that are no person."""
import pytest

from newssift.extract.counts import casualty_counts


def counts(nlp, text):
    doc = nlp(text)
    return [(q.measure, q.low, q.qualifier) for q in casualty_counts(doc, 0, len(text))]


@pytest.mark.parametrize("text", [
    "About 20 rounds were shot at the storefront, a detective said.",  # crime: what was fired
    "The biathlete shot 18 shots in the final stage of the relay.",  # sports: shots fired, nobody hit
    "Troops shot 40 flares over the flooded valley during the night.",  # disaster relief
    "Air defences shot down 12 drones over the port overnight, the ministry said.",  # war: aircraft, not people
    "Two cargo drones were shot down near the border.",
])
def test_what_is_fired_is_no_person_shot(nlp, text):
    assert [c for c in counts(nlp, text) if c[0] == "shot"] == []


def test_a_number_of_people_shot_is_still_counted(nlp):
    assert ("shot", 3.0, "exact") in counts(nlp, "Three hunters were shot near the ridge on Sunday.")


@pytest.mark.parametrize("text,expected", [
    ("Four women and one man were shot outside a bakery in Dunmere.", ("shot", 5.0, "exact")),
    ("Three miners and two rescuers were injured in the second collapse.", ("wounded", 5.0, "exact")),
])
def test_conjoined_numbered_victims_are_an_exact_total(nlp, text, expected):
    assert expected in counts(nlp, text)


def test_conjoined_victims_with_an_unnumbered_part_stay_a_floor(nlp):
    found = counts(nlp, "A driver and a courier were hurt when the van overturned on the bypass.")
    assert found == [("wounded", 2.0, "at_least")]


@pytest.mark.parametrize("text", [
    "Detectives executed a search warrant at the flat on Friday, the court heard.",  # court
    "The carmaker's board killed a cheaper variant of the sedan last spring.",  # business
])
def test_a_warrant_or_a_variant_is_no_person(nlp, text):
    assert [c for c in counts(nlp, text) if c[0] == "killed"] == []


def test_a_person_shot_down_is_still_a_person_shot(nlp):
    assert ("shot", 1.0, "at_least") in counts(nlp, "A barber was shot down outside his shop on Friday.")
