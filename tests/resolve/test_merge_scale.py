"""Resolve at scale: the surname passes give the clusters pairwise comparison gives, without comparing every pair."""
from __future__ import annotations

import random

from resolve_helpers import doc, entity_of, extraction

from newssift.resolve import resolve_entities
from newssift.resolve.merge import _ClusterDocs, _dominant, _join_compatible_given
from newssift.resolve.nodes import Node, UnionFind
from newssift.resolve.spelling import given_names_compatible


def _pairwise(members):
    uf = UnionFind(max(a for a, _ in members) + 1)
    for x, (a, ga) in enumerate(members):
        for b, gb in members[x + 1:]:
            if ga and gb and all(given_names_compatible(p, q) for p in ga for q in gb):
                uf.union(a, b)
    return uf


def test_grouped_given_names_join_exactly_the_nodes_pairwise_comparison_joins():
    rng = random.Random(7)
    given = [("marta",), ("m.",), ("martha",), ("rosa",), ("r.",), ("ivan",), ("ivan", "p."), ()]
    for _ in range(40):
        # Some nodes carry two given names (a tagger merging two people): incompatible with themselves.
        members = [(k, [rng.choice(given) for _ in range(rng.choice((1, 1, 2)))]) for k in range(30)]
        members = [(k, [g for g in gs if g]) for k, gs in members]
        fast = UnionFind(30)
        _join_compatible_given(fast, members)
        slow = _pairwise(members)
        assert [fast.find(i) for i in range(30)] == [slow.find(i) for i in range(30)]


def test_cluster_documents_stay_current_through_unions():
    nodes = [Node(f"e{i}", f"d{i % 4}", i % 4, "PERSON") for i in range(12)]
    uf = UnionFind(12)
    docs = _ClusterDocs(uf, nodes)
    for a, b in ((0, 4), (4, 8), (1, 5), (2, 3)):
        docs.union(a, b)
    roots = {uf.find(i) for i in range(12)}
    assert _dominant(uf, nodes, roots, docs) == _dominant(uf, nodes, roots)
    assert docs.docs[uf.find(8)] == {"d0"} and docs.docs[uf.find(3)] == {"d2", "d3"}
    # The cluster named in three times more documents than the other wins (0-4-8 share one document: no).
    three = {uf.find(2), uf.find(11)}
    assert _dominant(uf, nodes, three, docs) == _dominant(uf, nodes, three) == three


def test_a_lone_surname_tagged_as_a_body_joins_its_one_person_across_reports():
    # Fictional reports: a court story (the defendant's surname alone, tagged ORG, spelled a second way) and a
    # business story with another person of a different surname.
    a = doc("a", "Marta Okonkwo was sentenced on Monday. Okonkwo will appeal, her lawyer said.")
    b = doc("b", "The judge said Okonkwoh had shown no remorse.")
    c = doc("c", "Radley Pharma chief Dana Jessop said the plant in Crancombe would close.")
    xs = [extraction(a, [("Marta Okonkwo", "PERSON"), ("Okonkwo", "PERSON")]),
          extraction(b, [("Okonkwoh", "ORG")]),
          extraction(c, [("Dana Jessop", "PERSON"), ("Radley Pharma", "ORG"), ("Crancombe", "GPE")])]
    entities, _ = resolve_entities([a, b, c], xs)
    marta = entity_of(entities, "Marta Okonkwo")
    assert {m.doc for m in marta.mentions} == {"a", "b"}
    assert entity_of(entities, "Dana Jessop") is not marta
