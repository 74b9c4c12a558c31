"""Headlines as claims, their sources in headline shorthand, and hedges (issue 9 items 2-3).

Fictional one-line documents, as a headline reaches analysis on its own.
"""
import pytest

from .helpers import run

ATTRIBUTED = ("direct_quote", "indirect", "according_to")


def only_claim(x):
    assert len(x.claims) == 1, [(c.kind, c.text) for c in x.claims]
    return x.claims[0]


def test_reportedly_headline_without_finite_verb_is_a_hedged_claim(nlp):
    c = only_claim(run(nlp, "Orvik Motors reportedly developing folding electric scooter"))
    assert c.hedged
    assert c.text.startswith("Orvik Motors reportedly")


@pytest.mark.parametrize("text", [
    "Harbour Bank May Close Forty Branches Next Year.",
    "Striker might miss the cup final with a knee injury.",
    "Storm Could Flood Coastal Towns By Friday.",
])
def test_modal_headlines_are_hedged(nlp, text):
    assert only_claim(run(nlp, text)).hedged


def test_question_headline_is_a_hedged_claim(nlp):
    c = only_claim(run(nlp, "Is the old mill bridge about to collapse?"))
    assert c.hedged


def test_title_case_hedge_word_counts(nlp):
    c = only_claim(run(nlp, "Museum Painting Rumored To Be A Forgery."))
    assert c.hedged


def test_claims_to_headline_is_hedged(nlp):
    x = run(nlp, "Retired Farmer Claims To Have Grown A Two-Metre Carrot.")
    assert any(c.hedged for c in x.claims)


def test_plain_headline_is_an_unhedged_claim(nlp):
    c = only_claim(run(nlp, "Council Opens New Library In Harbour District."))
    assert not c.hedged
    assert c.kind == "unattributed"


def test_debunking_headline_is_not_hedged(nlp):
    c = only_claim(run(nlp, "Rumors Of Shark In City Lake Are A Hoax."))
    assert not c.hedged


def test_trailing_officials_say_tag(nlp):
    c = only_claim(run(nlp, "Chemical Plant Fire Is Under Control, Officials Say."))
    assert c.kind == "indirect"
    assert c.speaker_text == "Officials"
    assert c.text == "Chemical Plant Fire Is Under Control"


def test_inverted_trailing_tag(nlp):
    c = only_claim(run(nlp, "Ferry services resume after the strike, says union."))
    assert c.kind in ATTRIBUTED
    assert c.speaker_text == "union"


def test_source_label_before_colon(nlp):
    c = only_claim(run(nlp, "Sources: Keeper Set To Sign For Rival Club."))
    assert c.kind == "according_to"
    assert c.speaker_text == "Sources"
    assert c.text.startswith("Keeper Set To Sign")


def test_source_label_after_colon(nlp):
    c = only_claim(run(nlp, "Chipmaker plans second factory in the north: report."))
    assert c.kind == "according_to"
    assert c.speaker_text == "report"


def test_topic_label_before_colon_is_not_a_source(nlp):
    x = run(nlp, "Harbour Fire: Three Warehouses Destroyed Overnight.")
    assert all(c.kind not in ATTRIBUTED for c in x.claims)


def test_a_finding_verb_in_a_headline_is_no_speaker(nlp):
    x = run(nlp, "Rare Orchids Found on Abandoned Railway Line.")
    assert all(c.kind not in ATTRIBUTED for c in x.claims)


def test_body_sentences_are_not_read_as_headlines(nlp):
    x = run(nlp, "The council met on Tuesday.\nMembers may vote on the plan: sources are divided.\n")
    assert all(c.kind != "according_to" for c in x.claims)


# ---- body sentences
def test_modal_hedges_a_body_claim(nlp):
    x = run(nlp, "Engineers said the old dam could fail in a major flood. The road reopened on Monday.")
    dam = next(c for c in x.claims if "dam" in c.text)
    road = next(c for c in x.claims if "road" in c.text)
    assert dam.hedged and not road.hedged


def test_may_the_month_is_no_hedge(nlp):
    x = run(nlp, "The stadium opened in May after two years of work. Crowds filled it on the first night.")
    assert not any(c.hedged for c in x.claims)


def test_verdict_is_not_speech(nlp):
    x = run(nlp, "A jury in Dunmore found the former treasurer guilty of fraud on Thursday.")
    assert all(c.kind not in ATTRIBUTED for c in x.claims)
    assert x.claims and x.claims[0].speaker is None


def test_a_study_finding_a_clause_is_attributed(nlp):
    x = run(nlp, "The study found that cyclists in the city live longer than drivers.")
    c = next(c for c in x.claims if "cyclists" in c.text)
    assert c.kind == "indirect"
    assert c.speaker_text == "The study"


def test_acronym_outlet_after_colon_is_the_source(nlp):
    c = only_claim(run(nlp, "Carmaker to close two plants in the south: WSJ."))
    assert c.kind == "according_to"
    assert c.speaker_text == "WSJ"


def test_report_after_a_dash_is_the_source(nlp):
    c = only_claim(run(nlp, "Brewer set to buy rival for two billion - report."))
    assert c.kind == "according_to"
    assert c.speaker_text == "report"


def test_name_before_colon_with_first_person_words_is_a_quote(nlp):
    c = only_claim(run(nlp, "Lena Varga: I will stay on to finish the budget."))
    assert c.kind == "according_to"
    assert c.speaker_text == "Lena Varga"


@pytest.mark.parametrize("text", [
    "New stadium said to open in the autumn.",
    "Photo Appears To Show Wolf In City Park.",
    "Unverified video shows flooding in the old town.",
    "Insiders Claim Phone Maker Will Cut Prices.",
])
def test_headline_shorthand_hedges(nlp, text):
    x = run(nlp, text)
    assert any(c.hedged or c.kind in ATTRIBUTED for c in x.claims)


def test_question_with_a_debunking_word_still_hedges(nlp):
    c = only_claim(run(nlp, "Lake Monster Photo: Real or Hoax?"))
    assert c.hedged


def test_alleged_before_a_person_noun_is_no_hedge(nlp):
    c = only_claim(run(nlp, "Villagers Catch Alleged Robber Near Market."))
    assert not c.hedged
    x = run(nlp, "The alleged gunman was arrested near the market on Sunday. Police found the stolen bikes.")
    assert not any(k.hedged for k in x.claims)


def test_a_name_with_a_verb_word_is_not_a_speaker(nlp):
    x = run(nlp, "Islamic State Fighters Seize Two Villages Near River.")
    assert all(c.kind not in ATTRIBUTED for c in x.claims)


@pytest.mark.parametrize("text", [
    "Museum Closes Gallery After Rumors Of Forged Paintings",
    "Club sacks coach amid claims players were fined in secret",
    "Apparent Leak Shows Next Season's Kit",
])
def test_news_of_what_is_claimed_or_apparent_is_hedged(nlp, text):
    assert only_claim(run(nlp, text)).hedged


def test_a_plain_after_clause_is_not_a_hedge(nlp):
    assert not only_claim(run(nlp, "Museum Closes Gallery After Roof Leak")).hedged


# ---- verdict headlines: a ruling on the story, reported in the outlet's voice
@pytest.mark.parametrize("text", [
    "Club Denies Selling Striker To Rival",  # sports
    "Police Confirm Two Arrests After Bank Raid",  # court / crime
    "Brewer confirms plan to close two plants",  # business
    "Lab Tests Reveal Ancient Seeds Can Still Sprout",  # science
    "Ministry Debunks Claims Of Missing Ballot Boxes",  # politics
])
def test_verdict_verb_headline_is_the_outlets_claim(nlp, text):
    c = only_claim(run(nlp, text))
    assert c.kind == "unattributed" and c.speaker is None and c.speaker_text is None
    assert not c.hedged
    assert c.text.rstrip(".") == text


@pytest.mark.parametrize("text", [
    "Hoax Report Claims Volcano Will Erupt Next Week",  # a debunking word
    "Photo of flooded stadium was faked, groundsman says",  # a newer debunking word
    "Mayor Says Dam Not Damaged By Floods",  # a source's negated statement
    "Officials: No Injuries In Harbour Blaze",
])
def test_debunking_or_negated_sourced_headline_is_no_relay(nlp, text):
    x = run(nlp, text)
    assert all(c.kind not in ATTRIBUTED and not c.hedged for c in x.claims)


def test_rumors_not_true_rules_and_does_not_hedge(nlp):
    c = only_claim(run(nlp, "Rumors Of Singer's Retirement Not True"))
    assert not c.hedged


def test_a_hedge_still_hedges_a_verdict_headline(nlp):
    c = only_claim(run(nlp, "Striker Reportedly Denies Transfer Request"))
    assert c.hedged


def test_a_plain_sourced_headline_is_still_attributed(nlp):
    c = only_claim(run(nlp, "Mayor Says Dam Will Reopen In Spring"))
    assert c.kind in ATTRIBUTED


@pytest.mark.parametrize("text, verdict", [
    ("Minister Confirms Budget Cuts", True),
    ("Minister Refuses To Confirm Budget Cuts", False),  # an infinitive delivers no verdict
    ("Minister Announces Budget Cuts", False),
])
def test_headline_verdict_verbs(nlp, text, verdict):
    from newssift.extract.headlines import headline_verdict

    assert headline_verdict(nlp(text), 0, len(text), False) is verdict


def test_a_denial_in_body_text_stays_attributed(nlp):
    x = run(nlp, "The club denied that the striker had been sold. Fans gathered outside the stadium on Sunday.")
    c = next(c for c in x.claims if "striker" in c.text)
    assert c.kind == "indirect"
    assert c.speaker_text == "The club"
