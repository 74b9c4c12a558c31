"""Quantities: values, qualifiers, ranges, vague amounts, measures, and numbers that are not amounts."""
import pytest

from newssift.extract.quantities import parse_number, quantities_in


def qs(nlp, text):
    doc = nlp(text)
    return [(q.text, q.low, q.high, q.qualifier, q.measure) for q in quantities_in(doc, 0, len(text))]


@pytest.mark.parametrize("words,value", [
    (["14"], 14), (["10,000"], 10000), (["2.5", "million"], 2_500_000), (["a", "hundred"], 100),
    (["forty", "-", "seven"], 47), (["one", "hundred", "and", "fifty"], 150), (["3bn"], 3_000_000_000),
    (["a", "dozen"], 12), (["two", "dozen"], 24), (["fifty"], 50),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("text,expected", [
    ("At least 30 passengers were killed or injured in the crash.", (30, None, "at_least", "killed_or_wounded")),
    ("The army has deployed 10,000 to 12,000 troops to the border.", (10000, 12000, "range", "troops")),
    ("Between 30 and 40 miners were wounded by the blast.", (30, 40, "range", "wounded")),
    ("Fatalities had reached approximately 200 by Friday.", (200, 200, "about", "killed")),
    ("The rebels suffered up to 250 casualties in the assault.", (None, 250, "up_to", "casualties")),
    ("Police said more than 50 protesters were arrested.", (50, None, "over", "arrested")),
    ("Fifty soldiers were captured near the river.", (50, 50, "exact", "captured")),
    ("A hundred residents were evacuated from the valley.", (100, 100, "exact", "evacuated")),
    ("Three climbers went missing on the glacier.", (3, 3, "exact", "missing")),
    ("Nearly 600 soldiers are stationed at the base.", (600, 600, "about", "troops")),
    ("Fewer than 20 people were hurt.", (None, 20, "under", None)),
])
def test_counts_with_qualifier_and_measure(nlp, text, expected):
    found = qs(nlp, text)
    assert len(found) == 1, found
    _, low, high, qual, measure = found[0]
    exp_low, exp_high, exp_qual, exp_measure = expected
    assert (low, high, qual) == (exp_low, exp_high, exp_qual)
    if exp_measure is not None:
        assert measure == exp_measure


def test_a_hundred_is_exact_unless_qualified(nlp):
    assert qs(nlp, "A hundred residents were evacuated.")[0][3] == "exact"


def test_each_verb_keeps_its_own_count(nlp):
    found = qs(nlp, "The strike killed 50 fighters and wounded over 47 in two days.")
    assert ("50 fighters", 50, 50, "exact", "killed") in found
    assert ("over 47", 47, None, "over", "wounded") in found
    found = qs(nlp, "Eleven people had died and 37 had been injured.")
    assert ("37", 37, 37, "exact", "wounded") in found
    assert ("Eleven people", 11, 11, "exact", "killed") in found


def test_vague_amounts_have_documented_bounds(nlp):
    found = qs(nlp, "Officials estimated the casualties at several dozen.")
    assert found == [("several dozen", 36, 99, "vague", "casualties")]
    found = qs(nlp, "Hundreds of soldiers were killed in the battle.")
    assert found == [("Hundreds", 200, 999, "vague", "killed")]


def test_money_and_units(nlp):
    doc = nlp("The flood caused $2.5 million in damage about 40 kilometres from the coast.")
    q = quantities_in(doc, 0, len(doc.text))
    money = next(x for x in q if x.unit == "USD")
    assert (money.low, money.measure) == (2_500_000, "money")
    dist = next(x for x in q if x.unit == "km")
    assert (dist.low, dist.qualifier) == (40, "about")


@pytest.mark.parametrize("text", [
    "The dam was built in 2019.",
    "A 47-year-old man was detained on Friday.",
    "The vote took place on 14 December 2024.",
    "For details call 555-0142 after noon.",
    "The second round of talks starts at 10:30.",
    "It was the 3rd time the road flooded.",
    "They waited for a week at the border.",
    "The bill passed in the 150-seat assembly.",
    "Mara Lind, 44, announced her candidacy.",
    "The risk of another collapse is low but not zero.",
])
def test_numbers_that_are_not_amounts(nlp, text):
    assert qs(nlp, text) == []


def test_subject_and_offsets(nlp):
    text = "Officials said at least 12 Dutch tourists were injured."
    doc = nlp(text)
    (q,) = quantities_in(doc, 0, len(text))
    assert text[q.start:q.end] == q.text == "at least 12"
    assert q.subject == "Dutch tourists"


def test_ages_after_aged_are_not_counts(nlp):
    assert [q[1] for q in qs(nlp, "The victims were two women aged 34 and 51.")] == [2]


def test_entity_tokens_from_iob_tags_equal_the_entity_spans(nlp):
    from newssift.extract.quantities import _entity_tokens
    doc = nlp("On 14 March 2025 the Velmont board said revenue rose 12 percent to 4.1 billion euros, "
              "and at 9:30 a.m. on Friday shares in Orvan Holdings fell for the third day.")
    assert doc.ents
    for tok in doc:
        span = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        want = [t.i for t in span] if span is not None else []
        assert [t.i for t in _entity_tokens(tok)] == want
