"""Figures view: values side by side per measure and subject, low/best/high."""
from __future__ import annotations

from factories import claim, doc, entity, qty

from newssift.align.facts import align_facts
from newssift.align.figures import build_figures, subject_key
from newssift.config import DEFAULT_CONFIG
from newssift.models import Story

DOCS = [doc(f"d{i}") for i in range(1, 6)]
STORY = [Story(id="s1", docs=tuple(d.id for d in DOCS))]
ENTS = [entity("army", "Coastal Army"), entity("medics", "Red Harbour Medics"),
        entity("paper", "Evening Ledger"), entity("analyst", "Ruth Vale", "PERSON")]


def figures_for(claims):
    facts = align_facts(DOCS, claims, ENTS, STORY, DEFAULT_CONFIG.with_(use_embeddings=False))
    return build_figures(DOCS, claims, ENTS, facts)


def test_values_grouped_by_measure_and_summarised():
    claims = [
        claim("c1", "d1", "at least 40 fishermen were killed in the storm", "army",
              quantities=[qty(40, None, "at_least", "killed", "fishermen")]),
        claim("c2", "d2", "around 40 fishermen died in the storm", "army",
              quantities=[qty(40, 40, "about", "killed", "fishermen")]),
        claim("c3", "d3", "up to 70 fishermen may have died", "analyst",
              quantities=[qty(None, 70, "up_to", "killed", "fishermen")]),
        claim("c4", "d4", "55 fishermen were killed", "medics", quantities=[qty(55, 55, "exact", "killed", "fishermen")]),
        claim("c5", "d4", "120 fishermen were injured", "medics", quantities=[qty(120, 120, "exact", "wounded", "fishermen")]),
        claim("c6", "d5", "the storm hit three harbours", "paper", quantities=[qty(3, 3, "exact", None)]),
    ]
    figs = figures_for(claims)
    by_measure = {g.measure: g for g in figs}
    assert set(by_measure) == {"killed", "wounded"}  # unmeasured numbers are no figure
    killed = by_measure["killed"]
    assert [v.claim for v in killed.values] == ["c1", "c2", "c3", "c4"]
    assert killed.low == 40 and killed.high == 70
    # 40, 70 and 55 are each stated by one origin; 40 by two reports (the army twice): best 40, never a midpoint.
    assert killed.best == 40
    assert killed.rule and killed.story == "s1" and killed.subject == "fishermen"
    assert by_measure["wounded"].best == 120
    v = killed.values[0]
    assert v.source == "army" and v.outlet == "outlet-d1" and v.qualifier == "at_least"


def test_most_reported_value_is_best():
    claims = [
        claim("c1", "d1", "30 sailors are missing", "army", quantities=[qty(30, 30, "exact", "missing")]),
        claim("c2", "d2", "30 sailors are missing", "medics", quantities=[qty(30, 30, "exact", "missing")]),
        claim("c3", "d3", "90 sailors are missing", "analyst", quantities=[qty(90, 90, "exact", "missing")]),
    ]
    (fig,) = figures_for(claims)
    assert (fig.low, fig.best, fig.high) == (30, 30, 90)


def test_different_subjects_are_different_figures():
    claims = [
        claim("c1", "d1", "12 rescuers were hurt", "army", quantities=[qty(12, 12, "exact", "wounded", "rescuers")]),
        claim("c2", "d2", "80 villagers were hurt", "army", quantities=[qty(80, 80, "exact", "wounded", "villagers")]),
    ]
    assert len(figures_for(claims)) == 2


def test_subject_key_ignores_count_nouns_but_keeps_who():
    assert subject_key("Northland soldiers") == subject_key("Northland troops") == "northland"
    assert subject_key("soldiers") == subject_key("soldier")
    assert subject_key("civilians") != subject_key("soldiers")
    assert subject_key(None) == ""


def test_vague_values_are_listed_but_not_summarised():
    claims = [claim("c1", "d1", "dozens were killed", "army",
                    quantities=[qty(None, None, "vague", "killed", text="dozens")])]
    (fig,) = figures_for(claims)
    assert len(fig.values) == 1 and fig.best is None and fig.low is None


def test_generic_and_narrower_subjects_join_the_reported_subject():
    claims = [
        claim("c1", "d1", "12 Eastland soldiers were captured", "army",
              quantities=[qty(12, 12, "exact", "captured", "Eastland soldiers")]),
        claim("c2", "d2", "12 soldiers were captured", "medics", quantities=[qty(12, 12, "exact", "captured", "soldiers")]),
        claim("c3", "d3", "15 Eastland marine soldiers were captured", "analyst",
              quantities=[qty(15, 15, "exact", "captured", "Eastland marine soldiers")]),
    ]
    (fig,) = figures_for(claims)
    assert [v.claim for v in fig.values] == ["c1", "c2", "c3"]
    assert fig.subject == "Eastland soldiers"
    assert fig.values[0].source_text == "Coastal Army"  # the entity's name, not the words used
