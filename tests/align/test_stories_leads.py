"""Stories: groups that lead with different people, the dated missing-name weight, and blocking."""
from __future__ import annotations

import re
from collections import Counter

from factories import doc

from newssift.align import stories as stories_mod
from newssift.align.stories import cluster_stories, document_similarity
from newssift.models import DocExtraction, Entity, Mention


def _ex(d, names):
    """One PERSON entity per name; each occurrence of its surname a mention."""
    ents = []
    for k, name in enumerate(names):
        eid = f"{d.id}#e{k}"
        spans = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name.split()[-1]) + r"(?!\w)", d.text)]
        ms = tuple(Mention(d.id, a, b, d.text[a:b], "PERSON", eid) for a, b in spans)
        ents.append(Entity(id=eid, name=name, type="PERSON", mentions=ms))
    return DocExtraction(doc=d.id, entities=tuple(ents), claims=())


def _two_trials_sims():
    """Six reports of two trials in one court: 0.4 within a trial, 0.2 across (the court's words)."""
    sims = {(i, j): 0.4 if (i < 3) == (j < 3) else 0.2 for i in range(6) for j in range(i + 1, 6)}
    people = [Counter({"moreau": 4, "halvorsen": 1}) for _ in range(3)]
    people += [Counter({"castell": 5, "halvorsen": 1}) for _ in range(3)]
    return sims, people


def test_groups_leading_with_different_people_stay_apart():
    # Court: one judge (Halvorsen) in both trials, different defendants lead each group.
    sims, people = _two_trials_sims()
    groups = {frozenset(g) for g in stories_mod._average_link(6, sims, people)}
    assert groups == {frozenset({0, 1, 2}), frozenset({3, 4, 5})}


def test_without_the_lead_rule_the_two_trials_are_one_story(monkeypatch):
    sims, people = _two_trials_sims()
    monkeypatch.setattr(stories_mod, "LEAD_CONFLICT_FACTOR", 1.0)
    assert len(stories_mod._average_link(6, sims, people)) == 1


def test_a_shared_lead_keeps_groups_together():
    # Sports: one injured striker leads both groups of match reports.
    sims, _ = _two_trials_sims()
    people = [Counter({"okoro": 4, "lind": 2})] * 3 + [Counter({"okoro": 3, "varga": 3})] * 3
    assert len(stories_mod._average_link(6, sims, people)) == 1


def test_small_groups_have_no_trusted_lead():
    # Two reports a side: one report's most-named person is too noisy to split on.
    a = Counter({"moreau": 4})
    b = Counter({"castell": 4})
    assert stories_mod._lead_factor(a + a, 2, b + b, 2) == 1.0
    assert stories_mod._lead_factor(a + a + a, 3, b + b + b, 3) == stories_mod.LEAD_CONFLICT_FACTOR


def test_person_counts_use_surnames_and_the_headline():
    d = doc("t1", "Judge Ana Halvorsen heard Piet Moreau. Moreau denied it.", title="Moreau trial opens")
    counts, _names = stories_mod._name_counts(d, _ex(d, ["Ana Halvorsen", "Piet Moreau"]))
    assert counts == Counter({"moreau": 2 + stories_mod.LEAD_TITLE_BONUS, "halvorsen": 1})


# Science: two reports of one quake the same day quote different officials.
QUAKE = {
    "q1": (("A magnitude 6.1 quake struck Varnsee at dawn. Mayor Lena Brook said twelve homes fell. Brook "
            "said rescuers led by Ivo Marr searched all day, and Marr asked for tents."), ["Lena Brook", "Ivo Marr"]),
    "q2": (("Twelve homes fell when a 6.1 quake hit Varnsee at dawn, geologist Omar Sayed said. Sayed said "
            "Nina Holt measured aftershocks all day; Holt expects more."), ["Omar Sayed", "Nina Holt"]),
}


def test_missing_names_weigh_less_between_dated_reports():
    undated = [doc(k, t) for k, (t, _) in QUAKE.items()]
    dated = [doc(k, t, published="2025-03-04") for k, (t, _) in QUAKE.items()]
    exs = [_ex(d, QUAKE[d.id][1]) for d in undated]
    s_undated = document_similarity(undated, exs)[(0, 1)]
    s_dated = document_similarity(dated, exs)[(0, 1)]
    assert s_dated > s_undated


def _business_docs(n):
    """n short reports: pairs of reports on each of n/2 product launches by different firms."""
    docs = []
    for k in range(n // 2):
        firm = f"Firm{chr(65 + k % 26)}{k}"
        for side in ("a", "b"):
            docs.append(doc(f"{firm}-{side}", f"{firm} launched its gadget model{k} today. The model{k} costs "
                                              f"{100 + k} euros, {firm} said of model{k} ({side})."))
    return docs


def test_blocking_compares_fewer_pairs_and_keeps_the_stories(monkeypatch):
    # These reports are one sentence long; real ones have hundreds of terms.
    monkeypatch.setattr(stories_mod, "BLOCK_TERMS", 3)
    docs = _business_docs(40)
    text_vecs = stories_mod._vectors([stories_mod.content_tokens(d.text) for d in docs])
    pairs = stories_mod._candidate_pairs(text_vecs, [{} for _ in docs])
    assert len(pairs) < len(docs) * (len(docs) - 1) // 2
    assert all((i, i + 1) in pairs for i in range(0, len(docs), 2))
    groups = {frozenset(s.docs) for s in cluster_stories(docs, [])}
    assert groups == {frozenset({docs[i].id, docs[i + 1].id}) for i in range(0, len(docs), 2)}


def test_a_key_shared_by_most_documents_is_not_a_block(monkeypatch):
    vecs = [{"police": 0.9, f"name{i}": 0.1} for i in range(10)]
    monkeypatch.setattr(stories_mod, "BLOCK_MIN_CAP", 2)
    assert stories_mod._candidate_pairs(vecs, [{} for _ in vecs]) == set()
    monkeypatch.setattr(stories_mod, "BLOCK_MIN_CAP", 50)
    assert len(stories_mod._candidate_pairs(vecs, [{} for _ in vecs])) == 45
