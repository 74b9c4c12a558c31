"""Quantities written as series, intervals, error bars, coordinates and fractions in words.

Every sentence here is invented for the test; each rule is checked in several genres.
"""
import pytest

from newssift.extract.quantities import quantities_in


def qs(nlp, text):
    doc = nlp(text)
    return [(q.text, q.low, q.high, q.qualifier, q.unit) for q in quantities_in(doc, 0, len(text))]


# ----------------------------------------------------------------- a chain of changes is no range


@pytest.mark.parametrize("text,expected", [
    # science: three readings, the unit written once at the end
    ("Lead in the soil rose from 0.3 to 0.8 to 1.4 ppm over the trials.",
     [("from 0.3", 0.3, "ppm"), ("0.8", 0.8, "ppm"), ("1.4 ppm", 1.4, "ppm")]),
    # business: a share price in three steps
    ("Brantley shares went from 12 to 15 to 19 euros in a week.",
     [("from 12", 12, "EUR"), ("15", 15, "EUR"), ("19 euros", 19, "EUR")]),
    # politics: seats counted, no unit
    ("The Greens went from 3 to 5 to 9 seats in three elections.",
     [("from 3", 3, None), ("5", 5, None), ("9 seats", 9, None)]),
])
def test_a_chain_of_changes_is_one_value_each(nlp, text, expected):
    found = [(t, lo, u) for t, lo, _hi, _q, u in qs(nlp, text) if t != "three elections"]
    assert found == expected


def test_a_three_way_vote_is_no_chain(nlp):
    found = qs(nlp, "The council vote was 5 to 4 to 0 on Monday.")  # politics: no "from", no chain of changes
    assert found[0][:3] == ("5 to 4", 5, 4)


def test_a_change_of_two_values_is_unchanged(nlp):
    assert [(x[1], x[4]) for x in qs(nlp, "Inflation fell from 6.1% to 4.8% in March.")] == [(6.1, "%"), (4.8, "%")]


# ----------------------------------------------------------------- "respectively": one value each, unit shared


@pytest.mark.parametrize("text,expected", [
    ("Turnout among men and women was 61 and 58%, respectively.", [(61, "%"), (58, "%")]),  # politics
    ("The rigs weighed 4.5 and 13 tonnes respectively.", [(4.5, "t"), (13, "t")]),  # business
    ("The sprinters ran 9.9 and 10.2 seconds, respectively, in the heats.", [(9.9, "s"), (10.2, "s")]),  # sports
])
def test_a_respectively_list_gives_each_value_the_unit(nlp, text, expected):
    assert [(x[1], x[4]) for x in qs(nlp, text)] == expected


# ----------------------------------------------------------------- a count after a label is no label


@pytest.mark.parametrize("text,expected", [
    ("In Fig. 10, 350 electrons were injected at the edge.", [("350 electrons", 350)]),  # science
    ("In round 3, 40 runners dropped out.", [("40 runners", 40)]),  # sports
    ("Under Article 9, 12 judges must agree.", [("12 judges", 12)]),  # court
])
def test_a_count_after_a_label_is_kept(nlp, text, expected):
    assert [(x[0], x[1]) for x in qs(nlp, text)] == expected


def test_a_list_of_labels_is_still_no_amount(nlp):
    assert qs(nlp, "Figs. 3, 5 and 7 show the same trend.") == []


# ----------------------------------------------------------------- intervals around a variable


@pytest.mark.parametrize("text,expected", [
    ("Scans ran over 5≤2θ/°≤80 in steps.", ("5≤2θ/°≤80", 5, 80, "range", "°")),  # science
    ("Grains kept had 0.2 < d < 0.5 mm.", ("0.2 < d < 0.5 mm", 0.2, 0.5, "range", "mm")),  # science
    ("The scheme covers children with 5<age<12.", ("5<age<12", 5, 12, "range", None)),  # politics
])
def test_an_interval_around_its_variable_is_a_range(nlp, text, expected):
    assert qs(nlp, text) == [expected]


# ----------------------------------------------------------------- an error bar glued with "+"


def test_an_upper_error_bar_is_a_spread(nlp):
    text = "The film had a mobility of 3.4+0.1 cm2/Vs in tests."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.uncertainty, q.unit) == (3.4, 3.4, 0.1, "cm2/Vs")


@pytest.mark.parametrize("text", [
    "The coach kept his 4+1 shape all game.",  # sports: a formation, no decimals
    "The total came to 2.5+3.5 kg of flour.",  # the second number is not smaller: no error bar
])
def test_other_sums_are_not_error_bars(nlp, text):
    assert all(q.uncertainty is None for q in quantities_in(nlp(text), 0, len(text)))


# ----------------------------------------------------------------- lists with enumerators


def test_an_enumerated_list_with_one_unit_is_one_list(nlp):
    text = "The coating was (a) 1.3 (b) 2.4, and (c) 2.2 mg cm−2 thick."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.values, q.unit) == ((1.3, 2.4, 2.2), "mg cm−2")


# ----------------------------------------------------------------- coordinates in degrees, minutes, seconds


def test_a_sexagesimal_coordinate_is_one_angle(nlp):
    text = "The wreck lies at 57°44’8.47”N; 1°50’26.59”E off the coast."
    found = quantities_in(nlp(text), 0, len(text))
    assert [(q.text, round(q.low, 4), q.unit) for q in found] == [
        ("57°44’8.47”N", 57.7357, "°N"), ("1°50’26.59”E", 1.8407, "°E")]
    text = "The ferry sank at 51°30' N in a storm."  # disaster
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.unit) == (51.5, "°N")


# ----------------------------------------------------------------- fractions and compounds in words


@pytest.mark.parametrize("text,expected", [
    ("He was jailed for two and a half years on Friday.", ("two and a half years", 2.5, "year")),  # court
    ("The firm lost one and a half million dollars.", ("one and a half million dollars", 1_500_000, "USD")),
    ("Records span four and a half solar cycles.", ("four and a half", 4.5, None)),  # science
])
def test_and_a_half_is_part_of_the_number(nlp, text, expected):
    (q,) = [x for x in qs(nlp, text)]
    assert (q[0], q[1], q[4]) == expected


def test_a_number_before_a_hyphenated_unit_is_not_joined(nlp):
    found = qs(nlp, "Each test had twenty eight-second runs.")
    assert ("eight-second", 8, 8, "exact", "s") in found
    assert all(x[1] != 28 for x in found)
    assert [x[1] for x in qs(nlp, "She served twenty-eight days.")] == [28]


# ----------------------------------------------------------------- letters of hyphenated words are no units


@pytest.mark.parametrize("text,expected", [
    ("The minister sent 2 e-mails to the board.", ("2 e-mails", None)),  # politics
    ("The clinic took 40 x-rays after the crash.", ("40 x-rays", None)),  # disaster
    ("A 30 m-high wave hit the harbour.", ("30 m", "m")),  # disaster: a size keeps its unit
])
def test_a_letter_before_a_hyphenated_word_is_no_unit(nlp, text, expected):
    assert [(x[0], x[4]) for x in qs(nlp, text)] == [expected]


# ----------------------------------------------------------------- "over" after an amount


@pytest.mark.parametrize("text,expected", [
    ("The club will pay £5m over three years.", [("£5m", 5_000_000, 5_000_000, "exact"),
                                                ("three years", 3, 3, "exact")]),  # business
    ("Yields rose 6 kg over 4.5 kg plots.", [("6 kg", 6, 6, "exact"), ("4.5 kg", 4.5, 4.5, "exact")]),  # science
    ("He was jailed for over 10 years.", [("over 10 years", 10, None, "over")]),  # court: still "more than"
])
def test_over_after_an_amount_is_a_preposition(nlp, text, expected):
    assert [x[:4] for x in qs(nlp, text)] == expected


def test_a_number_after_an_equals_sign_is_no_label(nlp):
    assert [x[1] for x in qs(nlp, "The model turns flat when ηnet = 1.")] == [1]
    assert [x[1] for x in qs(nlp, "The hash leaves UH = 1.")] == [1]


# ----------------------------------------------------------------- numbers inside names and formulas


@pytest.mark.parametrize("text", [
    "The lab grew clone hSOX2-23 for a month.",  # science: a name with digits, then its number
    "Most cells stayed TRA-1–60 positive.",  # science
    "The crust may hold Mg(ClO4)2 salts.",  # science: a subscript glued to a bracket
    "The charge sheet cited the Kx7-12 protocol.",  # court: a code
])
def test_numbers_inside_names_and_formulas_are_no_amounts(nlp, text):
    assert qs(nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Sales rose 2-3% last year.", (2, 3, "%")),  # business: a plain range stays a range
    ("Voters aged 18–24 backed the bill.", (18, 24, None)),  # politics
])
def test_plain_ranges_are_still_ranges(nlp, text, expected):
    (q,) = qs(nlp, text)
    assert (q[1], q[2], q[4]) == expected


def test_a_bracketed_power_of_ten_scales_the_amount(nlp):
    text = "Nitrogen made up 3.5–6.1 (×10−4) wt.% of the soil."  # science
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.unit) == (pytest.approx(3.5e-4), pytest.approx(6.1e-4), "wt%")


@pytest.mark.parametrize("text,expected", [
    ("Boundary widths of (0.28–0.42)×10-10m were found.", (2.8e-11, 4.2e-11, "m")),  # science
    ("The chamber held (4–6)×10−3 Pa overnight.", (4e-3, 6e-3, "Pa")),  # science: no citation bracket
])
def test_a_power_of_ten_after_a_bracketed_range_scales_it(nlp, text, expected):
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.unit) == (pytest.approx(expected[0]), pytest.approx(expected[1]), expected[2])
