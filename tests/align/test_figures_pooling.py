"""Figures people can publish: windows and combined subjects apart, one value per report, best never a midpoint."""
from __future__ import annotations

from factories import claim, doc, entity, qty

from newssift.align import figures as F
from newssift.align.figures import build_figures
from newssift.align.figures_keys import canonical_subjects, is_combined, subject_key, window_of

DOCS = [doc(f"d{i}", published=f"2030-03-0{i}") for i in range(1, 6)]
ENTS = [entity("navy", "Southern Navy"), entity("guard", "Harbour Guard"), entity("paper", "Morning Courier"),
        entity("clinic", "Delta Clinic")]


def figs(claims):
    return build_figures(DOCS, claims, ENTS, [])


def test_a_window_is_a_figure_of_its_own():
    claims = [
        claim("c1", "d1", "Rebel losses reached 90 over the past four days", "navy",
              quantities=[qty(90, 90, "exact", "casualties")]),
        claim("c2", "d2", "Rebels suffered over 400 casualties", "guard", quantities=[qty(400, None, "over", "casualties")]),
    ]
    got = {g.subject: g for g in figs(claims)}
    assert set(got) == {"(past four days)", None}
    assert got["(past four days)"].best == 90 and got[None].best == 400


def test_combined_subject_is_never_credited_to_one_side():
    claims = [
        claim("c1", "d1", "Deaths among the combined Avar-Belen units reached about 300", "navy",
              quantities=[qty(300, 300, "about", "killed", "Deaths")]),
        claim("c2", "d2", "120 Belen soldiers were killed", "guard", quantities=[qty(120, 120, "exact", "killed", "Belen soldiers")]),
        claim("c3", "d3", "130 Belen soldiers were killed", "paper", quantities=[qty(130, 130, "exact", "killed", "Belen soldiers")]),
    ]
    by_subject = {g.subject: g for g in figs(claims)}
    belen = by_subject["Belen soldiers"]
    assert [v.claim for v in belen.values] == ["c2", "c3"]
    assert any(s and "combined" in s for s in by_subject)


def test_subject_keys_for_combined_and_single_people():
    assert is_combined("combined Avar-Belen units") and is_combined("Avar and Belen forces")
    assert not is_combined("Belen marines")
    assert subject_key("combined Avar-Belen units").startswith("combined: ")
    assert subject_key("a 19-year-old man") == subject_key("the victim") == ""
    canon = canonical_subjects(["belen", "combined: avar belen", ""])
    assert canon["combined: avar belen"] == "combined: avar belen" and canon[""] == "belen"


def test_window_phrases():
    assert window_of("had reached 100 over the past three days") == "past three days"
    assert window_of("the 41st homicide this year") == "this year"
    assert window_of("a man was killed on Sunday") == ""


def test_each_report_counts_once_and_best_is_no_midpoint():
    claims = [
        claim("c1", "d1", "14 crew were hurt", "navy", quantities=[qty(14, 14, "exact", "wounded")]),
        claim("c2", "d1", "14 crew were hurt", "navy", quantities=[qty(14, 14, "exact", "wounded")]),
        claim("c3", "d1", "14 crew were hurt", "navy", quantities=[qty(14, 14, "exact", "wounded")]),
        claim("c4", "d2", "20 crew were hurt", "guard", quantities=[qty(20, 20, "exact", "wounded")]),
        claim("c5", "d3", "20 crew were hurt", "clinic", quantities=[qty(20, 20, "exact", "wounded")]),
    ]
    (g,) = figs(claims)
    assert g.best == 20  # two origins against one, however often the one repeats itself
    assert (g.low, g.high) == (14, 20)


def test_a_tie_takes_the_largest_stated_value_never_the_midpoint():
    claims = [
        claim("c1", "d1", "over 20 were killed", "navy", quantities=[qty(20, None, "over", "killed")]),
        claim("c2", "d2", "up to 250 were killed", "guard", quantities=[qty(None, 250, "up_to", "killed")]),
    ]
    (g,) = figs(claims)
    assert g.best == 20  # a ceiling bounds the toll and is never taken on a tie; no midpoint (135)
    two = [claim("c1", "d1", "12 were killed", "navy", quantities=[qty(12, 12, "exact", "killed")]),
           claim("c2", "d2", "18 were killed", "guard", quantities=[qty(18, 18, "exact", "killed")])]
    (h,) = figs(two)
    assert h.best == 18  # the largest tied value
    assert F.best_value([(v, None, (v.doc,)) for v in h.values], {}, tie_rule="none") is None


def test_a_lone_hurt_person_in_a_story_of_a_death_is_that_death(monkeypatch):
    claims = [
        claim("c1", "d1", "A ferry worker was killed", quantities=[qty(1, None, "at_least", "killed", text="A ferry worker")]),
        claim("c2", "d1", "She was taken to hospital in critical condition",
              quantities=[qty(1, None, "at_least", "wounded", text="She")]),
        claim("c3", "d2", "A deckhand was hurt", quantities=[qty(1, None, "at_least", "wounded", text="A deckhand")]),
        claim("c4", "d3", "Another deckhand was hurt",
              quantities=[qty(1, None, "at_least", "wounded", text="Another deckhand")]),
    ]
    wounded = lambda: [v.claim for g in figs(claims) if g.measure == "wounded" for v in g.values]
    assert wounded() == ["c4"]  # a second person named ("another") stays
    monkeypatch.setattr(F, "ONE_VICTIM_ONCE", "report")
    assert wounded() == ["c3", "c4"]  # d2 reports no death itself
    monkeypatch.setattr(F, "ONE_VICTIM_ONCE", "off")
    assert wounded() == ["c2", "c3", "c4"]


def test_a_count_at_one_spot_is_apart_from_the_toll():
    text = "Drone footage showed over 30 Belen casualties in a flooded trench"
    q = qty(30, None, "over", "casualties", "Belen casualties", text="over 30")
    s = text.index("over 30")
    from dataclasses import replace
    q = replace(q, start=s, end=s + len("over 30"))
    claims = [claim("c1", "d1", text, "navy", quantities=[q]),
              claim("c2", "d2", "Belen casualties passed 500", "guard",
                    quantities=[qty(500, None, "over", "casualties", "Belen casualties")])]
    labels = sorted(g.subject for g in figs(claims))
    assert labels == ["Belen casualties", "Belen casualties (in a flooded trench)"]


def test_the_same_words_read_by_two_overlapping_claims_are_one_value():
    from dataclasses import replace as _replace
    dozen = _replace(qty(36, 99, "vague", "injured", text="several dozen"), start=52, end=65)
    other = _replace(qty(12, 12, "exact", "injured", text="12"), start=140, end=142)
    claims = [
        claim("c1", "d1", "The league doctor said several dozen fans were hurt in the crush at the gate", "clinic",
              quantities=[dozen], start=30),
        claim("c2", "d1", "several dozen fans were hurt in the crush at the gate", "clinic", quantities=[dozen], start=52),
        claim("c3", "d1", "Stewards later counted 12 hurt fans", "guard", quantities=[other], start=120),
    ]
    (fig,) = figs(claims)
    assert [v.text for v in fig.values] == ["several dozen", "12"]
