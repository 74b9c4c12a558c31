"""Stories: clustering documents of one event (own texts; examples/mixed when present)."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from factories import doc

from newssift.align.stories import cluster_stories

# Three events, two of them alike (two earthquakes), three outlets each.
TEXTS = {
    "quake-a1": ("Strong quake shakes Varnsby", "2025-03-02",
                 ("A magnitude 6.4 earthquake struck near the mountain town of Varnsby on Sunday, collapsing the old "
                 "grain market. Mayor Hilde Strand said eleven people were killed. Rescue teams from Orlund dug "
                 "through the rubble of the market overnight.")),
    "quake-a2": ("Varnsby earthquake kills eleven", "2025-03-02",
                 ("Eleven people died when an earthquake hit Varnsby, mayor Hilde Strand told reporters. The quake, "
                 "measured at magnitude 6.4, brought down the grain market. Teams from Orlund are searching the rubble.")),
    "quake-a3": ("Rescuers search Varnsby rubble", "2025-03-03",
                 ("Rescuers from Orlund kept searching the ruins of Varnsby's grain market on Monday after Sunday's "
                 "earthquake. Hilde Strand, the town's mayor, said the death toll stood at eleven.")),
    "quake-b1": ("Earthquake hits coastal Port Emeril", "2025-05-19",
                 ("An earthquake of magnitude 5.8 struck off the coast near Port Emeril on Monday. The harbour pier "
                 "cracked and two fishing boats sank. Governor Paulo Reyes said three people were injured.")),
    "quake-b2": ("Port Emeril quake injures three", "2025-05-19",
                 ("Three people were hurt when a magnitude 5.8 earthquake struck offshore from Port Emeril, Governor "
                 "Paulo Reyes said. Two fishing boats sank in the harbour and the pier was damaged.")),
    "quake-b3": ("Pier damaged in Port Emeril earthquake", "2025-05-20",
                 ("Engineers inspected the cracked pier at Port Emeril on Tuesday after the offshore earthquake. "
                 "Governor Paulo Reyes promised funds to replace the two sunken fishing boats.")),
    "vote-1": ("Kessel re-elected mayor of Dunmore", "2025-05-19",
               ("Ada Kessel won a second term as mayor of Dunmore on Sunday with 54 percent of the vote. Her rival "
               "Piet Loon conceded and congratulated her. Turnout rose to 61 percent.")),
    "vote-2": ("Dunmore returns Ada Kessel", "2025-05-19",
               ("Dunmore voters gave mayor Ada Kessel another term, with 54 percent backing her against Piet Loon. "
               "Turnout was 61 percent, the city's election office said.")),
    "vote-3": ("Loon concedes Dunmore race", "2025-05-20",
               ("Piet Loon conceded the Dunmore mayoral race to Ada Kessel, who took 54 percent. Kessel promised "
               "to build new tram lines in her second term.")),
}


def b_cubed(pred: dict[str, str], gold: dict[str, str]) -> float:
    """B-cubed F1 of a clustering against gold labels (item -> cluster)."""
    pc, gc = defaultdict(set), defaultdict(set)
    for k, v in pred.items():
        pc[v].add(k)
    for k, v in gold.items():
        gc[v].add(k)
    p = sum(len(pc[pred[k]] & gc[gold[k]]) / len(pc[pred[k]]) for k in gold) / len(gold)
    r = sum(len(pc[pred[k]] & gc[gold[k]]) / len(gc[gold[k]]) for k in gold) / len(gold)
    return 2 * p * r / (p + r)


def test_similar_events_are_kept_apart():
    docs = [doc(k, text, title, published) for k, (title, published, text) in TEXTS.items()]
    stories = cluster_stories(docs, [])
    got = {d: s.id for s in stories for d in s.docs}
    gold = {k: k.split("-")[0] + k[-2] if k.startswith("quake") else "vote" for k in TEXTS}
    assert b_cubed(got, gold) == 1.0
    assert [s.id for s in stories] == ["s1", "s2", "s3"]
    assert stories[0].docs == ("quake-a1", "quake-a2", "quake-a3")
    assert all(s.title for s in stories)


def test_one_document_is_one_story_and_none_is_none():
    assert cluster_stories([], []) == []
    (s,) = cluster_stories([doc("only", "A lone report about a bridge opening.")], [])
    assert s.docs == ("only",) and s.title == "A lone report about a bridge opening."


def test_input_order_only_changes_ids_not_groups():
    docs = [doc(k, text, title, published) for k, (title, published, text) in TEXTS.items()]
    forward = {frozenset(s.docs) for s in cluster_stories(docs, [])}
    backward = {frozenset(s.docs) for s in cluster_stories(docs[::-1], [])}
    assert forward == backward


def _mixed_inputs(examples: Path):
    from newssift.ingest import ingest

    labels_path = examples / "mixed" / "labels.csv"
    if not labels_path.is_file():
        pytest.skip("examples/mixed has not landed yet")
    with labels_path.open(newline="", encoding="utf-8") as fh:
        labels = {row["doc_id"]: row["story"] for row in csv.DictReader(fh)}
    meta = examples / "mixed" / "meta.csv"
    result = ingest([str(examples / "mixed")], meta=meta if meta.is_file() else None)
    return result.documents, labels


def test_mixed_examples_b_cubed(examples_dir):
    from newssift.pipeline import extract_documents

    documents, labels = _mixed_inputs(examples_dir)
    assert len(set(labels.values())) >= 8
    extractions = extract_documents(documents)
    stories = cluster_stories(documents, extractions)
    got = {d: s.id for s in stories for d in s.docs}
    gold = {d.id: labels[d.id] for d in documents if d.id in labels}
    assert len(gold) == len(labels)
    assert b_cubed({k: got[k] for k in gold}, gold) >= 0.95
