"""Per-parse token views (extract/parsed) and the word-number scan that reads them."""
from newssift.extract.parsed import token_digits, token_lowers, token_starts
from newssift.extract.quantities import quantities_in


def test_views_match_the_tokens(nlp):
    doc = nlp("The ferry Nordvik ran aground; 2² rescuers and Forty-Seven passengers waited 3h.")
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_digits(doc) == [any(ch.isdigit() for ch in t.text) for t in doc]
    assert token_starts(doc) == [t.idx for t in doc]
    assert token_lowers(doc) is token_lowers(doc)  # computed once per parse


def test_word_numbers_are_read_in_several_genres(nlp):
    cases = {
        "The jury heard from forty-seven witnesses over the trial.": 47,
        "Several hundred fans were injured when the stand collapsed.": None,
        "A dozen nurses were hurt in the clash outside the hospital.": 12,
        "The company will cut two thousand jobs, its chief said.": 2000,
        "Rescuers found twenty-six bodies after the landslide.": 26,
    }
    for text, value in cases.items():
        found = quantities_in(nlp(text), 0, len(text))
        assert found, text
        if value is not None:
            assert found[0].low == value, (text, found)
        else:
            assert found[0].qualifier == "vague" and found[0].low < found[0].high


def test_a_digit_token_is_left_to_the_digit_reader(nlp):
    text = "Officials said 26 miners died and eleven were hurt."
    found = quantities_in(nlp(text), 0, len(text))
    assert [q.low for q in found] == [26, 11]


def test_claims_cover_only_when_nothing_but_space_and_punctuation_is_left():
    from newssift.extract.quantities import _claims_cover

    text = 'Flood waters rose 2 metres overnight. "We lost everything," a farmer said.'
    first = text.index(".") + 1
    assert _claims_cover(text, 0, first, [(0, first)])
    assert _claims_cover(text, 0, first, [(0, first - 1)])  # the full stop alone is left
    assert not _claims_cover(text, 0, first, [(6, first)])  # "Flood" is left
    second = (first + 1, len(text))
    # The quote is a claim, "a farmer said" is not: an amount could stand there.
    assert not _claims_cover(text, *second, [(second[0] + 1, text.index(","))])


def test_amounts_outside_a_claim_still_reach_it(nlp):
    from newssift.extract import extract_document
    from newssift.models import Document

    text = "With 40 percent of the vote counted, the mayor said she expected to win."
    x = extract_document(Document(id="t", text=text), nlp(text))
    # The claim is what the mayor said; the share counted stands outside it and still reaches it.
    assert [(c.text, [q.text for q in c.quantities]) for c in x.claims] == [("she expected to win", ["40 percent"])]
