"""Stories: look-alike events kept apart by who/where (salient names) and when (years)."""
from __future__ import annotations

import re

import pytest
from factories import doc

from newssift.align import stories as stories_mod
from newssift.align.stories import cluster_stories, document_similarity
from newssift.models import DocExtraction, Entity, Mention


def _ex(d, names):
    """One entity per (surface, label); every whole-word occurrence (of a person's surname too) a mention."""
    ents = []
    for k, (surface, label) in enumerate(names):
        eid = f"{d.id}#e{k}"
        spans = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", d.text)]
        if label == "PERSON":
            word = surface.split()[-1]
            spans += [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", d.text)
                      if not any(a <= m.start() < b for a, b in spans)]
        ms = tuple(Mention(d.id, a, b, d.text[a:b], label, eid) for a, b in sorted(spans))
        assert ms, surface
        ents.append(Entity(id=eid, name=surface, type=label, mentions=ms))
    return DocExtraction(doc=d.id, entities=tuple(ents), claims=())


# One champion, two title defences against different challengers: the reports
# share the champion, the belt and the sport's words.
FIGHTS = {
    "f1-a": (("Bram Okafor stopped Lars Quint in the sixth round to keep his heavyweight belts. Quint was down "
             "twice before the referee waved it off. Okafor said Quint had been brave."), ["Bram Okafor", "Lars Quint"]),
    "f1-b": (("Heavyweight champion Bram Okafor kept his belts with a sixth-round stoppage of Lars Quint. "
             "Okafor dropped Quint twice. Quint said the champion hit harder than he expected."),
             ["Bram Okafor", "Lars Quint"]),
    "f2-a": (("Bram Okafor knocked out Teo Vance in the ninth round to keep his heavyweight belts. Vance had "
             "promised an upset. Okafor said Vance took his best punches."), ["Bram Okafor", "Teo Vance"]),
    "f2-b": (("Heavyweight champion Bram Okafor kept his belts with a ninth-round knockout of Teo Vance. "
             "Okafor hurt Vance early. Vance said he would fight on."), ["Bram Okafor", "Teo Vance"]),
}


def _fights():
    docs = [doc(k, text) for k, (text, _) in FIGHTS.items()]
    exs = [_ex(d, [(n, "PERSON") for n in FIGHTS[d.id][1]]) for d in docs]
    return docs, exs


def test_fights_of_one_champion_with_different_challengers_are_two_stories():
    docs, exs = _fights()
    groups = {frozenset(s.docs) for s in cluster_stories(docs, exs)}
    assert groups == {frozenset({"f1-a", "f1-b"}), frozenset({"f2-a", "f2-b"})}


def test_missing_salient_names_lower_the_similarity(monkeypatch):
    docs, exs = _fights()
    with_rule = document_similarity(docs, exs)[(0, 2)]
    monkeypatch.setattr(stories_mod, "EXCLUSIVE_WEIGHT", 0.0)
    without = document_similarity(docs, exs)[(0, 2)]
    # Without the rule the two fights look like one story.
    assert without >= stories_mod.STORY_THRESHOLD > with_rule


# One carmaker's launches at one show, four years apart.
LAUNCHES = {
    "l1-a": ("Velmar Motors unveiled its electric Arc sedan at the Orlund show in 2019. The car goes on sale "
             "next spring with a range of 400 km, and the price stays secret."),
    "l1-b": ("In 2019 the Orlund show saw Velmar Motors present the Arc, a battery sedan with a 400 km range "
             "that buyers can order next spring."),
    "l2-a": ("Velmar Motors unveiled a new Arc at the Orlund show in 2023, now with a bigger battery and a "
             "heat pump, and cut its price."),
    "l2-b": ("The 2023 Orlund show opened with Velmar Motors and the second Arc: bigger battery, a heat pump "
             "and a lower price."),
}


def test_reports_naming_different_years_are_different_events(monkeypatch):
    docs = [doc(k, t) for k, t in LAUNCHES.items()]
    groups = {frozenset(s.docs) for s in cluster_stories(docs, [])}
    assert groups == {frozenset({"l1-a", "l1-b"}), frozenset({"l2-a", "l2-b"})}
    monkeypatch.setattr(stories_mod, "YEAR_CONFLICT_FACTOR", 1.0)
    assert len(cluster_stories(docs, [])) < 2


@pytest.mark.parametrize("other", ["Okafor", "Bram Okafor"])
def test_a_salient_name_written_in_the_other_report_is_not_missing(other):
    a = doc("a", "Bram Okafor won. Okafor celebrated.")
    b = doc("b", f"{other} celebrated his win in the ring.")
    names = stories_mod._salient_names(a, _ex(a, [("Bram Okafor", "PERSON")]))
    assert names == [("okafor",)]
    assert stories_mod._missing(names, stories_mod._word_set(b)) == 0.0


def test_years_in_the_text_count_only_where_publication_dates_are_missing(monkeypatch):
    # Known dates decide "when"; a year a report recalls is no conflict then.
    dated = [doc(k, LAUNCHES[k], published="2025-04-02") for k in ("l1-a", "l2-a")]
    undated = [doc(k, LAUNCHES[k]) for k in ("l1-a", "l2-a")]
    with_rule = (document_similarity(dated, [])[(0, 1)], document_similarity(undated, [])[(0, 1)])
    monkeypatch.setattr(stories_mod, "YEAR_CONFLICT_FACTOR", 1.0)
    without = (document_similarity(dated, [])[(0, 1)], document_similarity(undated, [])[(0, 1)])
    assert with_rule[0] == pytest.approx(without[0])
    assert with_rule[1] == pytest.approx(0.5 * without[1])


def test_one_name_only_one_outlet_interviews_does_not_split_the_story():
    # A factory flood: two outlets quote the plant manager and the fire brigade; a trade-union paper
    # quotes only its own organiser, twice, whom the others never name.
    texts = {
        "m1": (("Floodwater filled the Orvale bottling plant on Monday and 40 workers left by boat, plant manager "
               "Ida Renner said. Renner said the fire brigade pumped the hall dry by night."),
               [("Ida Renner", "PERSON"), ("Orvale", "ORG")]),
        "m2": (("Forty workers were taken out of the flooded Orvale bottling plant by boat on Monday. Ida Renner, "
               "the plant manager, said the hall was pumped dry by night."), [("Ida Renner", "PERSON"), ("Orvale", "ORG")]),
        "u1": (("Our members at the flooded bottling plant left by boat on Monday, organiser Tomas Brandt "
               "said. Brandt said the workers waited hours in the flooded hall."), [("Tomas Brandt", "PERSON")]),
    }
    docs = [doc(k, t) for k, (t, _) in texts.items()]
    exs = [_ex(d, texts[d.id][1]) for d in docs]
    assert [set(s.docs) for s in cluster_stories(docs, exs)] == [{"m1", "m2", "u1"}]
    saved = stories_mod.MIN_SALIENT_NAMES, stories_mod.ATTACH_THRESHOLD
    try:
        stories_mod.MIN_SALIENT_NAMES = 1  # the old rule: one unshared name is all or nothing
        stories_mod.ATTACH_THRESHOLD = stories_mod.STORY_THRESHOLD  # and no second chance for a lone report
        assert len(cluster_stories(docs, exs)) == 2
    finally:
        stories_mod.MIN_SALIENT_NAMES, stories_mod.ATTACH_THRESHOLD = saved
