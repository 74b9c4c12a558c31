"""General quantities: units, money, percentages, durations, scores, science notation, and what is no amount.

Every sentence here is invented for the test.
"""
import pytest

from newssift.extract.quantities import quantities_in
from newssift.extract.units import currency_before, is_unit_symbol, unit_after

from .helpers import run


def qs(nlp, text):
    doc = nlp(text)
    return [(q.text, q.low, q.high, q.qualifier, q.unit, q.kind) for q in quantities_in(doc, 0, len(text))]


def one(nlp, text):
    found = qs(nlp, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,expected", [
    # science: symbols glued or spaced, signs, ranges with a shared unit
    ("The borehole reached a depth of 2617.4 m last spring.", ("2617.4 m", 2617.4, 2617.4, "exact", "m")),
    ("The sample was cooled to about −100 °C before testing.", ("about −100 °C", -100, -100, "about", "°C")),
    ("Its mass loss rate is ∼4.2 kg s−1 in the model.", ("∼4.2 kg s−1", 4.2, 4.2, "about", "kg s−1")),
    ("The cells gave a current of 2–3 mA/cm2 under light.", ("2–3 mA/cm2", 2, 3, "range", "mA/cm2")),
    ("Calcite made up 12 wt.% of the core.", ("12 wt.%", 12, 12, "exact", "wt%")),
    ("The peak lies near 1.5Rp in the simulation.", ("1.5Rp", 1.5, 1.5, "exact", "Rp")),
    ("A glucose level ≥7.0 mmol/L was used as the cut-off.", ("≥7.0 mmol/L", 7.0, None, "at_least", "mmol/L")),
    ("The readings had p < 0.01 in every run.", ("< 0.01", None, 0.01, "under", None)),
    ("The values fell between 0.4 and 0.9 nbar overnight.", ("between 0.4 and 0.9 nbar", 0.4, 0.9, "range", "nbar")),
    ("The δ value shifted by 0.6‰ during the event.", ("0.6‰", 0.6, 0.6, "exact", "‰")),
    # news: percentages, durations, distances
    ("Shares in the brewer rose 3% on Tuesday.", ("3%", 3, 3, "exact", "%")),
    ("Turnout was 62 per cent in the northern wards.", ("62 per cent", 62, 62, "exact", "%")),
    ("The judge said he faces up to 10 years in prison.", ("up to 10 years", None, 10, "up_to", "year")),
    ("The new bridge spans 40 kilometres of marsh.", ("40 kilometres", 40, 40, "exact", "km")),
    ("He posted a 30-second clip of the parade.", ("30-second", 30, 30, "exact", "s")),
    ("The festival went on for three consecutive days.", ("three consecutive days", 3, 3, "exact", "day")),
])
def test_amounts_with_units(nlp, text, expected):
    got = one(nlp, text)
    assert got[:4] == expected[:4] and got[4] == expected[4], got


@pytest.mark.parametrize("text,value,unit", [
    ("The club paid £2.3m for the striker.", 2_300_000, "GBP"),
    ("The group raised $1.2bn from investors.", 1_200_000_000, "USD"),
    ("The council spent €450,000 on the roof.", 450_000, "EUR"),
    ("A coffee there costs 5,000 won.", 5_000, "KRW"),
    ("The fine was 3 million euros.", 3_000_000, "EUR"),
])
def test_money_with_scale_words_and_suffixes(nlp, text, value, unit):
    found = quantities_in(nlp(text), 0, len(text))
    (q,) = [x for x in found if x.kind == "money"]
    assert (q.low, q.unit, q.measure) == (value, unit, "money")


def test_a_score_is_not_money(nlp):
    text = "The Lakers won 112 to 104 on Sunday."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.kind, q.unit, q.low, q.high) == ("score", None, 112, 104)
    text = "The senate voted 51-49 to pass the bill."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert q.kind == "score" and q.unit is None


def test_plus_minus_keeps_value_and_spread(nlp):
    text = "The yield was 43.2% ± 7.1% across plots."
    got = quantities_in(nlp(text), 0, len(text))
    assert [(q.low, q.unit, q.uncertainty) for q in got] == [(43.2, "%", 7.1)]
    text = "The tide varied by ±12 m each day."
    got = [q for q in quantities_in(nlp(text), 0, len(text)) if q.unit == "m"]
    (q,) = got
    assert (q.low, q.high, q.qualifier, q.unit) == (-12, 12, "range", "m")


def test_scientific_notation_is_read_as_a_power_of_ten(nlp):
    text = "The chamber was pumped to 1.5 × 10−5 Torr first."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert q.low == pytest.approx(1.5e-5) and q.unit == "Torr"


def test_change_from_one_value_to_another_is_two_values(nlp):
    found = qs(nlp, "Unemployment fell from 12% to 9% last year.")
    assert [(x[1], x[4]) for x in found] == [(12, "%"), (9, "%")]


def test_counted_noun_is_part_of_the_amount(nlp):
    found = qs(nlp, "The survey reached 5318 participants in four towns.")
    assert [(x[0], x[5]) for x in found] == [("5318 participants", "count"), ("four towns", "count")]


@pytest.mark.parametrize("text", [
    "The results are shown in Table 2 and Fig. 3.",
    "Samples were taken in phases 3, 5, and 7 of the study.",
    "This agrees with earlier work [21] and with (14–17).",
    "The 16S rRNA levels dropped, as Fig. 4A shows.",
    "The F-16 landed after the CO2 leak was fixed.",
    "The Boeing 737 was grounded.",
    "A 47-year-old woman was charged.",
    "Clone 23 grew fastest of all.",
    "The train leaves at 10:30 daily.",
])
def test_labels_names_and_citations_are_not_amounts(nlp, text):
    assert qs(nlp, text) == []


def test_ages_are_kept_only_as_a_measure(nlp):
    assert [q[1] for q in qs(nlp, "The two suspects, aged 19 and 22, were charged.")] == [2]
    assert [q[1] for q in qs(nlp, "The trial enrolled adults aged 70 or older.")] == [70]


def test_unit_reader_and_currency_reader():
    assert unit_after("5 percentage points", 1, 19).unit == "pp"
    assert unit_after("3 in the box", 1, 12) is None  # "in" is a word, not inches
    assert unit_after("4 °C/min", 1, 8).unit == "°C/min"
    assert is_unit_symbol("GPa") and not is_unit_symbol("cats")
    assert currency_before("it cost US$ 40", 12, 0) == (8, "USD")


def test_quantities_outside_a_claims_words_stay_with_the_claim(nlp):
    x = run(nlp, "A study of 240 farms showed that yields rose by 14% after the floods.")
    found = sorted(q.text for c in x.claims for q in c.quantities)
    assert found == ["14%", "240 farms"]


def test_a_unit_written_once_makes_one_list(nlp):
    text = "Standards of 1, 5, 10 and 50 mg/L were prepared."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.values, q.low, q.high, q.unit) == ((1, 5, 10, 50), 1, 50, "mg/L")
    text = "They were jailed for 6 or 9 years."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.values, q.unit) == ((6, 9), "year")


def test_values_for_as_many_things_stay_apart(nlp):
    text = "Sales and costs grew by 35% and 22%, respectively."
    assert [q.low for q in quantities_in(nlp(text), 0, len(text))] == [35, 22]
    text = "Sales and costs grew by 35 and 22%, respectively."
    assert [q.low for q in quantities_in(nlp(text), 0, len(text))] == [35, 22]
    text = "Prices were £2m, £3m and £5m."
    assert [q.low for q in quantities_in(nlp(text), 0, len(text))] == [2e6, 3e6, 5e6]


def test_a_ratio_keeps_its_terms(nlp):
    text = "The slope of the ramp was 1:10 on the lower deck."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.kind, q.values, q.low) == ("ratio", (1, 10), pytest.approx(0.1))


def test_a_bracketed_range_with_a_spread(nlp):
    text = "The readings of (563–624) ± 30 K were derived."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.unit, q.uncertainty) == (563, 624, "K", 30)


def test_a_range_with_a_unit_is_no_label(nlp):
    text = "The scans covered activity 30–130 ms after the tone."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.unit) == (30, 130, "ms")


def test_list_and_spread_survive_the_json_report():
    import json
    from dataclasses import asdict

    from newssift.models import Quantity
    from newssift.report.json import _quantity

    q = Quantity(text="1, 5 and 50 mg/L", low=1, high=50, qualifier="range", measure=None, unit="mg/L",
                 kind="measurement", uncertainty=0.5, values=(1.0, 5.0, 50.0))
    back = _quantity(json.loads(json.dumps(asdict(q))))
    assert back == q and hash(back) == hash(q)


@pytest.mark.parametrize("text,expected", [
    ("Temperatures reached 41.5C in the valley on Friday.", ("41.5C", 41.5, "°C", "temperature")),
    ("The buffer was kept at pH 7 overnight.", ("pH 7", 7, "pH", "measurement")),
    ("The magnitude 6.1 earthquake struck before dawn.", ("magnitude 6.1", 6.1, "magnitude", "measurement")),
])
def test_glued_degrees_and_scales_named_before_the_number(nlp, text, expected):
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.text, q.low, q.unit, q.kind) == expected


def test_a_glued_letter_without_heat_is_a_label(nlp):
    assert qs(nlp, "Figures 3A and 3C show the stained cells.") == []


def test_a_vote_written_high_to_low_is_a_result(nlp):
    text = "The bill passed 218 to 214 in the lower house."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.kind, q.low, q.high) == ("score", 218, 214)


def test_a_comma_after_a_label_word_ends_the_label(nlp):
    text = "Among these clones, 26 carried the marker."
    assert [q.low for q in quantities_in(nlp(text), 0, len(text))] == [26]


def test_an_age_range_names_who_is_counted(nlp):
    text = "Staff aged 35 to 55 were recruited for the survey."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.qualifier) == (35, 55, "range")


def test_a_bound_symbol_is_no_label(nlp):
    text = "A depression score ≥16 marked a case."
    (q,) = quantities_in(nlp(text), 0, len(text))
    assert (q.low, q.high, q.qualifier) == (16, None, "at_least")
