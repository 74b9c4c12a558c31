"""The Markdown brief: the sixty-second top of a story, every line cited, report text made inert."""
from __future__ import annotations

import pytest

from newssift.models import Claim, Document, Fact, Figure, FigureValue, Flag, Report, Story
from newssift.report.markdown import report_to_markdown

# A fictional business story told by two outlets; one headline carries hostile markup.
A = Document(id="a", outlet="Harbour Ledger", url="https://ledger.example/orvale", title="Orvale cuts 300 jobs",
             text="Orvale will cut 300 jobs, the company said. Shares fell 4%.")
B = Document(id="b", outlet="Valley Wire", title="<script>alert(1)</script> Orvale [trims](javascript:x) staff",
             text="Orvale plans to cut 350 jobs, a union official said.")
CA = Claim(id="a#c0", doc="a", start=0, end=24, text="Orvale will cut 300 jobs", kind="indirect", speaker="e1",
           speaker_text="the company")
CB = Claim(id="b#c0", doc="b", start=0, end=28, text="Orvale plans to cut 350 jobs", kind="indirect",
           speaker="e2", speaker_text="a union official")
CS = Claim(id="a#c1", doc="a", start=43, end=57, text="Shares fell 4%", kind="unattributed")
FIG = Figure(id="g1", measure="jobs_cut", subject="Orvale staff", low=300, high=350, best=300,
             values=(FigureValue("a#c0", "a", "300 jobs", 300, 300, "exact", "e1", "the company", "Harbour Ledger"),
                     FigureValue("b#c0", "b", "350 jobs", 350, 350, "exact", "e2", "a union official", "Valley Wire")))
REPORT = Report(
    documents=(A, B),
    claims=(CA, CB, CS),
    facts=(Fact("f1", ("a#c0", "b#c0"), "conflicting", ("e1", "e2"), summary="Orvale job cuts", story="s1",
                docs=("a", "b"), conflict="300 vs 350 jobs"),
           Fact("f2", ("a#c1",), "unattributed", (), summary="Shares fell", story="s1", docs=("a",))),
    figures=(FIG,),
    flags=(Flag("headline_mismatch", "b", B.title, "The body does not say <b>this</b>."),),
    stories=(Story("s1", ("a", "b"), "Orvale cuts jobs"),),
)


@pytest.fixture(scope="module")
def brief() -> str:
    return report_to_markdown(REPORT)


def test_the_top_says_what_conflicts_with_outlets_words_and_links(brief):
    assert "## Orvale cuts jobs" in brief
    conflicts = brief.split("### Where reports conflict")[1].split("###")[0]
    assert "300 vs 350 jobs" in conflicts
    assert "[Harbour Ledger](<https://ledger.example/orvale>): \u201cOrvale will cut 300 jobs\u201d" in conflicts
    assert "**Valley Wire**: \u201cOrvale plans to cut 350 jobs\u201d" in conflicts  # no URL: no link


def test_each_key_figure_names_who_gives_each_value(brief):
    figures = brief.split("### Key figures and who gives them")[1].split("###")[0]
    assert "**Orvale staff jobs cut**: 300 (range 300–350)" in figures
    assert "the company via [Harbour Ledger]" in figures and "a union official via **Valley Wire**" in figures


def test_flags_are_listed_and_report_text_cannot_inject_markup(brief):
    flags = brief.split("### Editor's flags")[1]
    assert "Headline contradicted by the body" in flags
    assert "<script>" not in brief and "<b>" not in brief
    assert "](javascript" not in brief
    assert "\\<script\\>" in brief


def test_nothing_corroborated_means_no_empty_section(brief):
    assert "### Corroborated" not in brief
    assert "0 corroborated · 1 conflicting" in brief


def test_a_file_with_no_outlet_is_named_by_its_file_not_a_hash():
    from newssift.report.markdown import outlet_name

    d = Document(id="3f9a1c", path="/desk/in/council-statement.txt", text="The council met.")
    assert outlet_name(d) == "council-statement.txt (unknown outlet)"
    assert outlet_name(Document(id="x", url="https://www.valleywire.example/a", text="t")) == "valleywire.example"


def test_a_one_word_flag_is_cited_with_the_words_around_it():
    text = ("After a long evening of protests outside the stadium gates, the coach told the press: \u201cWe lost the final because the referees ignored every foul "
            "on our strikers, and the league knows it.\u201d Fans left the ground early.")
    doc = Document(id="m", outlet="Pitchside Daily", text=text)
    at = text.index("referees")
    flag = Flag("quote_variant", "m", "referees", "This quote reads 'referees' here but 'referee' in another report.",
                start=at, end=at + len("referees"))
    brief = report_to_markdown(Report(documents=(doc,), claims=(), facts=(), figures=(), flags=(flag,),
                                      stories=(Story("s1", ("m",), "Cup final"),)))
    line = next(x for x in brief.splitlines() if "Quote worded differently" in x)
    assert "final because the referees ignored every foul" in line
    assert "\u201c\u2026" in line and "Pitchside Daily" in line  # cut at a word, marked as cut
    long_flag = Flag("editorial_insertion", "m", "Fans left the ground early.", "An unattributed line.",
                     start=text.index("Fans"), end=len(text))
    other = report_to_markdown(Report(documents=(doc,), claims=(), facts=(), figures=(), flags=(long_flag,),
                                      stories=(Story("s1", ("m",), "Cup final"),)))
    assert "\u201cFans left the ground early.\u201d" in other
