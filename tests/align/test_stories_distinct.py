"""Stories: groups that each keep naming someone or somewhere the other hardly writes; lone reports joining a group."""
from __future__ import annotations

import re
from collections import Counter

from factories import doc

from newssift.align import stories as stories_mod
from newssift.align.stories import cluster_stories
from newssift.models import DocExtraction, Entity, Mention


def _ex(d, names):
    """One entity per (surface, label); every whole-word occurrence (a person's surname too) a mention."""
    ents = []
    for k, (surface, label) in enumerate(names):
        word = surface.split()[-1] if label == "PERSON" else surface
        spans = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", d.text)]
        if not spans:
            continue
        eid = f"{d.id}#e{k}"
        ms = tuple(Mention(d.id, a, b, d.text[a:b], label, eid) for a, b in spans)
        ents.append(Entity(id=eid, name=surface, type=label, mentions=ms))
    return DocExtraction(doc=d.id, entities=tuple(ents), claims=())


def _two_trials():
    """Six reports of two trials before one judge: 0.4 within a trial, 0.2 across (the court's words)."""
    sims = {(i, j): 0.4 if (i < 3) == (j < 3) else 0.2 for i in range(6) for j in range(i + 1, 6)}
    # The judge leads every report, so the lead rule sees one story.
    people = [Counter({"halvorsen": 6, "moreau": 3})] * 3 + [Counter({"halvorsen": 6, "castell": 3})] * 3
    names = [Counter({"halvorsen": 6, "moreau": 3, "dunmore court": 2})] * 3
    names += [Counter({"halvorsen": 6, "castell": 3, "dunmore court": 2})] * 3
    return sims, people, names


def test_groups_with_distinctive_defendants_stay_apart_under_a_shared_judge(monkeypatch):
    sims, people, names = _two_trials()
    groups = {frozenset(g) for g in stories_mod._average_link(6, sims, people, names)}
    assert groups == {frozenset({0, 1, 2}), frozenset({3, 4, 5})}
    monkeypatch.setattr(stories_mod, "DISTINCT_FACTOR", 1.0)
    assert len(stories_mod._average_link(6, sims, people, names)) == 1


def test_one_distinctive_side_is_not_enough():
    # Business: three launch reports name the new phone's designer often; the other three name
    # no one the first group lacks (they are shorter wire copies of the same launch).
    a = Counter({"norvik": 9, "pell": 6})
    b = Counter({"norvik": 8})
    assert stories_mod._distinct_factor(a, 3, b, 3) == 1.0
    assert stories_mod._distinct_factor(a, 3, Counter({"norvik": 8, "ostara": 6}), 3) == stories_mod.DISTINCT_FACTOR


def test_small_groups_and_rare_names_do_not_count():
    a, b = Counter({"moreau": 6}), Counter({"castell": 6})
    assert stories_mod._distinct_factor(a, 2, b, 2) == 1.0  # two reports a side: too few to trust
    # Named once per report: an outlet's own detail, not what the group is about.
    assert stories_mod._distinct_factor(Counter({"moreau": 3}), 3, Counter({"castell": 3}), 3) == 1.0


def test_a_longer_or_shorter_form_of_the_name_counts_as_written():
    # Sports: one group writes "Harbor Kings", the other "Kings": the same club, not a distinctive one.
    a = Counter({"harbor kings": 6, "okoro": 6})
    b = Counter({"kings": 6, "okoro": 5})
    assert stories_mod._rate_in("harbor kings", b, 3) == 2.0
    assert stories_mod._rate_in("kings", a, 3) == 2.0
    assert not stories_mod._has_distinct(a, 3, b, 3)
    assert stories_mod._has_distinct(a, 3, Counter({"okoro": 5}), 3)


# Disaster: two quakes in one valley a year apart; each group keeps naming the town that was hit.
QUAKES = {
    "a1": "A magnitude 5.8 quake cracked walls in Brask in the Orne valley. Families in Brask slept in tents, "
          "and the mayor of Brask said the bridge was shut.",
    "a2": "Walls cracked across Brask when a 5.8 quake hit the Orne valley. Brask families spent the night in "
          "tents; Brask's bridge stays shut.",
    "a3": "The bridge at Brask stays shut after a 5.8 quake in the Orne valley cracked walls; families in "
          "Brask slept in tents, Brask's mayor said.",
    "b1": "A 6.2 quake in the Orne valley brought down roofs in Telvik. Rescuers in Telvik pulled two "
          "people out, and Telvik's hospital took in the injured.",
    "b2": "Roofs fell in Telvik as a 6.2 quake struck the Orne valley; rescuers pulled two people from "
          "Telvik's ruins and the Telvik hospital filled up.",
    "b3": "Rescuers in Telvik freed two people after a 6.2 quake shook the Orne valley and brought down "
          "roofs across Telvik, the hospital of Telvik said.",
}


def _quakes():
    docs = [doc(k, t) for k, t in QUAKES.items()]
    exs = [_ex(d, [("Brask", "GPE"), ("Telvik", "GPE"), ("Orne", "LOC")]) for d in docs]
    return docs, exs


def test_two_quakes_in_one_valley_stay_apart(monkeypatch):
    docs, exs = _quakes()
    groups = {frozenset(s.docs) for s in cluster_stories(docs, exs)}
    assert groups == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}
    # The valley, the quake and the rescue words alone would make them one story.
    monkeypatch.setattr(stories_mod, "DISTINCT_FACTOR", 1.0)
    assert len(cluster_stories(docs, exs)) == 1


# Court: six reports of one verdict; some outlets quote the prosecutor, others the defence,
# and all keep naming the defendant and the court.
VERDICT = {
    "v1": (("Jurors in Dunmore found Piet Moreau guilty of fraud on Friday. Prosecutor Ana Lys said Moreau "
           "had hidden the losses, and Lys asked for a long term."), ["Piet Moreau", "Ana Lys"]),
    "v2": (("Piet Moreau was found guilty of fraud by a Dunmore jury on Friday. Moreau hid the losses, "
           "prosecutor Ana Lys told the court."), ["Piet Moreau", "Ana Lys"]),
    "v3": (("A Dunmore jury on Friday convicted Piet Moreau of fraud. Lys, the prosecutor, said Moreau "
           "had hidden the losses from his clients."), ["Piet Moreau", "Ana Lys"]),
    "v4": (("Piet Moreau will appeal after a Dunmore jury found him guilty of fraud on Friday, his lawyer "
           "Jon Brae said. Brae said Moreau never hid the losses."), ["Piet Moreau", "Jon Brae"]),
    "v5": (("Jurors in Dunmore found Piet Moreau guilty of fraud on Friday; Moreau will appeal, "
           "lawyer Jon Brae said."), ["Piet Moreau", "Jon Brae"]),
    "v6": (("Moreau's lawyer Jon Brae said he will appeal the fraud verdict a Dunmore jury gave on Friday. "
           "Brae said Piet Moreau never hid the losses."), ["Piet Moreau", "Jon Brae"]),
}


def test_one_verdict_quoted_through_different_people_stays_one_story():
    docs = [doc(k, t) for k, (t, _) in VERDICT.items()]
    exs = [_ex(d, [(n, "PERSON") for n in VERDICT[d.id][1]] + [("Dunmore", "GPE")]) for d in docs]
    assert [set(s.docs) for s in cluster_stories(docs, exs)] == [set(VERDICT)]


def test_a_lone_report_joins_the_group_it_is_most_like(monkeypatch):
    # Science: three reports of a telescope launch, a short brief on it in other words (3), a brief on
    # a comet sighting that shares two words with the launch reports (4), and a lone match report (5).
    sims = {(0, 1): 0.5, (0, 2): 0.45, (1, 2): 0.5, (0, 3): 0.1, (1, 3): 0.08, (2, 3): 0.075,
            (3, 4): 0.05, (0, 4): 0.03, (6, 7): 0.4, (4, 6): 0.04, (4, 7): 0.05}
    clusters = [{0, 1, 2}, {3}, {4}, {5}, {6, 7}]
    out = stories_mod._attach_singletons(clusters, sims)
    assert {frozenset(c) for c in out} == {frozenset({0, 1, 2, 3}), frozenset({4}), frozenset({5}), frozenset({6, 7})}
    # Without the second chance the brief stays alone.
    monkeypatch.setattr(stories_mod, "ATTACH_THRESHOLD", stories_mod.STORY_THRESHOLD)
    assert {frozenset(c) for c in stories_mod._attach_singletons(clusters, sims)} == {frozenset(c) for c in clusters}


def test_a_lone_report_between_two_groups_goes_to_the_closer_one():
    # Disaster: a brief on the second of two floods in one region.
    sims = {(0, 1): 0.5, (2, 3): 0.5, (0, 4): 0.08, (1, 4): 0.07, (2, 4): 0.12, (3, 4): 0.09}
    out = stories_mod._attach_singletons([{0, 1}, {2, 3}, {4}], sims)
    assert {frozenset(c) for c in out} == {frozenset({0, 1}), frozenset({2, 3, 4})}


# Sports: one club's two cup finals a year apart against different opponents, and a short
# match brief on the second final that shares few words with the long reports.
FINALS = {
    "c1": (("Rovers beat Calder Town 2-1 in the 2023 cup final at Norbury. Calder Town led at the break, "
           "but Rovers scored twice late, and Calder Town's keeper was sent off."), ["Rovers", "Calder Town"]),
    "c2": (("Calder Town lost the 2023 cup final 2-1 to Rovers at Norbury after their keeper was sent off; "
           "Calder Town had led at half-time."), ["Rovers", "Calder Town"]),
    "c3": (("Two late goals won Rovers the 2023 cup at Norbury against ten-man Calder Town, who had led "
           "at the break. Calder Town will appeal the red card."), ["Rovers", "Calder Town"]),
    "d1": (("Rovers lost the 2024 cup final 3-0 to Ashby United at Norbury. Ashby United scored in the "
           "first minute, and Ashby United's captain added two more."), ["Rovers", "Ashby United"]),
    "d2": (("Ashby United won the 2024 cup final at Norbury, beating holders Rovers 3-0; Ashby United's "
           "captain scored twice after an early goal."), ["Rovers", "Ashby United"]),
    "d3": (("A first-minute goal set Ashby United on the way to a 3-0 win over Rovers in the 2024 cup "
           "final at Norbury. Ashby United's captain scored twice."), ["Rovers", "Ashby United"]),
}


def _finals():
    docs = [doc(k, t) for k, (t, _) in FINALS.items()]
    exs = [_ex(d, [(n, "ORG") for n in FINALS[d.id][1]] + [("Norbury", "GPE")]) for d in docs]
    return docs, exs


def test_one_clubs_finals_a_year_apart_are_two_stories(monkeypatch):
    docs, exs = _finals()
    groups = {frozenset(s.docs) for s in cluster_stories(docs, exs)}
    assert groups == {frozenset({"c1", "c2", "c3"}), frozenset({"d1", "d2", "d3"})}
    monkeypatch.setattr(stories_mod, "YEAR_CONFLICT_FACTOR", 1.0)
    monkeypatch.setattr(stories_mod, "DISTINCT_FACTOR", 1.0)
    monkeypatch.setattr(stories_mod, "EXCLUSIVE_WEIGHT", 0.0)
    assert len(cluster_stories(docs, exs)) == 1


def test_the_word_index_gives_the_same_rate_as_a_full_scan():
    # Business: a group naming the maker in three forms and an unrelated place.
    counts = Counter({"velmar": 4, "velmar motors": 3, "motors": 1, "orlund": 5})
    index = stories_mod._word_index(counts)
    for name in ("velmar", "velmar motors", "motors", "orlund", "brask"):
        assert stories_mod._rate_in(name, counts, 2, index) == stories_mod._rate_in(name, counts, 2)
    assert stories_mod._rate_in("velmar motors", counts, 2, index) == (4 + 3 + 1) / 2
