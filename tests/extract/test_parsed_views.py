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
