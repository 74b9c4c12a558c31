"""Flags that read the texts: editorial insertions (real spaCy parse), quote variants, social embeds."""
from __future__ import annotations

import pytest

from newssift.flags.editorial import find_editorial_insertions, is_appeal
from newssift.flags.embeds import find_social_embeds, post_author, post_claim
from newssift.flags.quotes import direct_quotes, find_quote_variants
from newssift.models import Claim, Document, Story

# Three fictional reports of a ferry fire.  The second carries an inserted,
# unattributed appeal; the third quotes the captain with one word changed.
D1 = Document(id="d1", published="2025-03-02", text=(
    "A ferry caught fire off Brannock Point on Saturday, the coast guard said.\n"
    "Captain Mira Delacourt said, \u201cThe crew moved every passenger to the lifeboats within twelve minutes "
    "and nobody was left behind.\u201d\n"
    "Investigators will examine the engine room on Monday."
))
D2 = Document(id="d2", published="2025-03-02", text=(
    "A passenger ferry burned off Brannock Point on Saturday, according to the coast guard.\n"
    "\u201cThe crew moved every passenger to the lifeboats within twelve minutes and nobody was left "
    "behind,\u201d Captain Mira Delacourt told reporters.\n"
    "Stop pretending these old ferries are safe. Ban them now.\n"
    "Investigators will examine the engine room on Monday."
))
D3 = Document(id="d3", published="2025-03-04", text=(
    "Fire broke out aboard a ferry near Brannock Point on Saturday.\n"
    "Captain Mira Delacourt said: \u201cThe crew moved every passenger to the rafts within twelve minutes and "
    "nobody was left behind.\u201d\n"
    "You should ask why the inspection was late, one passenger wrote.\n"
    "Investigators will examine the engine room on Monday."
), embeds=(
    ("Safe on shore after the ferry fire, thanks to an amazing crew. #Brannock https://t.example/x1\n"
    "\u2014 Lena Vass (@lenavass) March 2, 2025"),
))
DOCS = [D1, D2, D3]
STORY = [Story(id="s1", docs=("d1", "d2", "d3"))]


@pytest.mark.slow
def test_imperative_appeal_is_detected_by_parse(nlp):
    assert is_appeal(next(nlp("Don't look away from the harbour.").sents))
    assert is_appeal(next(nlp("Ban them now.").sents))
    assert not is_appeal(next(nlp("The crew moved every passenger to the lifeboats.").sents))
    assert not is_appeal(next(nlp("Read more.").sents))
    assert not is_appeal(next(nlp("You can read more stories like this on our website.").sents))
    assert not is_appeal(next(nlp("Call 112 if you see smoke.").sents))  # service information


@pytest.mark.slow
def test_editorial_insertion_flags_the_unattributed_paragraph_only():
    flags = find_editorial_insertions(DOCS, [], STORY)
    assert [(f.doc, f.text) for f in flags] == [("d2", "Stop pretending these old ferries are safe. Ban them now.")]
    f = flags[0]
    assert D2.text[f.start:f.end] == f.text
    assert f.explanation.endswith(".") and f.explanation.count(". ") == 0


@pytest.mark.slow
def test_a_sentence_other_reports_carry_is_not_an_insertion():
    twin = Document(id="d4", text=("Stop pretending these old ferries are safe, campaigners wrote. "
                                   "Ban them now, they said."))
    flags = find_editorial_insertions([D1, D2, twin], [], [Story("s", ("d1", "d2", "d4"))])
    assert flags == [] or all(f.doc != "d2" for f in flags)


@pytest.mark.slow
def test_attributed_claims_are_not_insertions():
    claim = Claim(id="c", doc="d2", start=D2.text.index("Stop"), end=D2.text.index("now.") + 4, text="x",
                  kind="indirect", speaker_text="campaigners")
    assert find_editorial_insertions(DOCS, [claim], STORY) == []


def test_quote_variant_on_the_later_report_and_truncation_is_not_a_variant():
    flags = find_quote_variants(DOCS, STORY)
    assert [(f.doc, f.text) for f in flags] == [("d3", "rafts")]
    f = flags[0]
    assert D3.text[f.start:f.end] == "rafts"
    assert "lifeboats" in f.detail and f.related[0].doc in ("d1", "d2")


def test_majority_wording_wins_over_dates():
    later = Document(id="d5", published="2025-03-09", text=D1.text)
    flags = find_quote_variants([D3, D1, later], [Story("s", ("d3", "d1", "d5"))])
    assert {f.doc for f in flags} == {"d3"}


def test_quotes_need_enough_words():
    d = Document(id="x", text='He called it "a disgrace" and left.')
    assert direct_quotes(d) == []


def test_social_embed_text_author_and_no_offsets():
    flags = find_social_embeds(DOCS)
    assert len(flags) == 1
    f = flags[0]
    assert f.doc == "d3" and f.text == "Safe on shore after the ferry fire, thanks to an amazing crew."
    assert "@lenavass" in f.explanation and f.start is None
    assert post_author(D3.embeds[0])[:2] == ("Lena Vass", "@lenavass")
    assert post_claim("Hello world again #tag pic.twitter.com/abc") == "Hello world again"


# A court story: two reports quote the judge, one word apart, and neither has a date.
J1 = Document(id="j1", text=("Judge Ana Pereira told the court: \u201cThe contract was signed in good faith by both "
                             "parties and the claim is dismissed.\u201d"))
J2 = Document(id="j2", text=("\u201cThe contract was signed in bad faith by both parties and the claim is "
                             "dismissed,\u201d Judge Ana Pereira said."))
J3 = Document(id="j3", text=("Ruling for the defence, Judge Ana Pereira said: \u201cThe contract was signed in bad "
                             "faith by both parties and the claim is dismissed.\u201d"))


def test_an_undated_tie_is_one_flag_for_the_pair_not_one_per_report():
    flags = find_quote_variants([J1, J2], [Story("s", ("j1", "j2"))])
    assert [(f.doc, f.text) for f in flags] == [("j1", "good")]
    flags = find_quote_variants([J2, J1], [Story("s", ("j2", "j1"))])
    assert [(f.doc, f.text) for f in flags] == [("j2", "bad")]


def test_reports_repeating_the_minority_wording_share_one_flag():
    j4 = Document(id="j4", text=J1.text)
    j5 = Document(id="j5", text=J2.text.replace("Judge Ana Pereira said", "the judge added"))
    docs = [J1, J2, J3, j4, j5]
    flags = find_quote_variants(docs, [Story("s", tuple(d.id for d in docs))])
    assert [(f.doc, f.text) for f in flags] == [("j1", "good")]
    assert "j4" in flags[0].explanation


@pytest.mark.slow
def test_an_insertion_card_shows_no_attributed_quote_of_another_report():
    flags = find_editorial_insertions(DOCS, [], STORY)
    ban = next(f for f in flags if f.doc == "d2")
    assert all("\u201c" not in r.text and "said" not in r.text for r in ban.related)


def test_the_same_misquote_in_two_stories_is_flagged_in_each():
    other_a = Document(id="k1", text=J1.text)
    other_b = Document(id="k2", text=J2.text)
    docs = [J1, J2, other_a, other_b]
    flags = find_quote_variants(docs, [Story("s", ("j1", "j2")), Story("t", ("k1", "k2"))])
    assert sorted((f.doc, f.text) for f in flags) == [("j1", "good"), ("k1", "good")]
    assert all("k1" not in f.explanation for f in flags if f.doc == "j1")


def test_sentences_of_a_text_with_a_long_run_of_marks_keep_the_words_as_written():
    from newssift.flags.editorial import _sentences

    text = "The mayor opened the bridge. Amar" + "[" * 5000 + "\nTraffic resumed at noon."
    sents = _sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert sents[0].text == "The mayor opened the bridge." and sents[-1].text == "Traffic resumed at noon."
