"""A story is never titled with a headline its own report flags as contradicted by the body."""
from __future__ import annotations

from newssift.flags.headline import retitle_stories
from newssift.models import Document, Flag, Story

BAD = Document(id="b", title="Striker Signs for Harbourside in Record Deal",
               text="The striker signed for Millbrook, not Harbourside, on Tuesday.")
GOOD = Document(id="g", title="Millbrook sign striker on four-year contract",
                text="Millbrook signed the striker on Tuesday.")
BARE = Document(id="n", text="Millbrook completed the signing on Tuesday. The fee was not disclosed.")
FLAG = Flag(kind="headline_mismatch", doc="b", text=BAD.title, explanation="x")


def test_flagged_headline_gives_way_to_another_reports_headline():
    s = Story(id="s1", docs=("b", "g"), title=BAD.title)
    assert [x.title for x in retitle_stories([s], [BAD, GOOD], [FLAG])] == [GOOD.title]


def test_without_another_headline_the_lead_sentence_titles_the_story():
    s = Story(id="s1", docs=("b", "n"), title=BAD.title)
    assert retitle_stories([s], [BAD, BARE], [FLAG])[0].title == "Millbrook completed the signing on Tuesday."


def test_unflagged_titles_stay():
    s = Story(id="s1", docs=("b", "g"), title=GOOD.title)
    assert retitle_stories([s], [BAD, GOOD], [FLAG]) == [s]
    assert retitle_stories([Story("s2", ("b",), BAD.title)], [BAD], []) == [Story("s2", ("b",), BAD.title)]


def test_the_lead_sentence_is_not_cut_at_an_abbreviation():
    lead = Document(id="n", text="U.S. officials said the Millbrook deal was signed on Tuesday. The fee was not given.")
    s = Story(id="s1", docs=("b", "n"), title=BAD.title)
    assert retitle_stories([s], [BAD, lead], [FLAG])[0].title == (
        "U.S. officials said the Millbrook deal was signed on Tuesday.")
