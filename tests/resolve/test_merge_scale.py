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


def _generic_reference(uf, nodes, members, context):
    """Every pair of one common-noun key, in order (the rule as first written)."""
    from newssift.resolve.merge import MIN_SHARED_CONTEXT
    from newssift.resolve.nodes import compatible

    for a_pos, a in enumerate(members):
        for b in members[a_pos + 1:]:
            if uf.find(a) == uf.find(b) or not compatible(nodes[a].etype, nodes[b].etype):
                continue
            shared = context.get(uf.find(a), set()) & context.get(uf.find(b), set())
            if nodes[a].doc == nodes[b].doc or len(shared) >= MIN_SHARED_CONTEXT:
                uf.union(a, b)


def test_common_nouns_join_as_trying_every_pair_does():
    from newssift.resolve.merge import _context, _join_generic

    rng = random.Random(11)
    for _ in range(60):
        n = 80
        # "police" and "officials" nodes in reports of a few stories, beside named people and towns.
        nodes = [Node(f"e{i}", f"d{rng.randrange(25)}", 0, rng.choice(("ORG", "ORG", "PERSON", "GPE"))) for i in range(n)]
        fast, slow = UnionFind(n), UnionFind(n)
        for _ in range(30):  # earlier passes joined some names across reports
            a, b = rng.randrange(n), rng.randrange(n)
            fast.union(a, b)
            slow.union(a, b)
        context = _context(fast, nodes)
        keys = [sorted(rng.sample(range(n), rng.randint(2, 30))) for _ in range(3)]
        for members in keys:
            _join_generic(fast, nodes, members, context)
            _generic_reference(slow, nodes, members, context)
        assert [fast.find(i) for i in range(n)] == [slow.find(i) for i in range(n)]



def test_a_body_named_with_and_without_its_country_is_one_and_two_countries_keep_it_apart():
    from newssift.resolve.merge import _subset_pass
    from newssift.resolve.names import name_keys

    # Fictional reports: a flood story's water ministry, a war story's two defence ministries.
    names = ["Water Ministry", "Canadian Water Ministry", "Defence Ministry", "Russian Defence Ministry",
             "Ukrainian Defence Ministry", "Water Board"]
    nodes = [Node(f"e{i}", f"d{i}", i, "ORG") for i in range(len(names))]
    uf = UnionFind(len(names))
    _subset_pass(uf, nodes, [[name_keys(n, "ORG")] for n in names])
    assert uf.find(0) == uf.find(1)  # the longer name adds only a country
    assert len({uf.find(i) for i in (2, 3, 4)}) == 3  # ambiguous: two countries' ministries
    assert uf.find(5) == 5


def test_the_context_of_a_cluster_is_the_other_clusters_of_its_documents():
    from newssift.resolve.merge import _context

    rng = random.Random(2)
    nodes = [Node(f"e{i}", f"d{rng.randrange(8)}", 0, "ORG") for i in range(40)]
    uf = UnionFind(40)
    for _ in range(15):
        uf.union(rng.randrange(40), rng.randrange(40))
    context = _context(uf, nodes)
    for r in {uf.find(i) for i in range(40)}:
        docs = {n.doc for i, n in enumerate(nodes) if uf.find(i) == r}
        others = {uf.find(i) for i, n in enumerate(nodes) if n.doc in docs} - {r}
        assert context.get(r, set()) == others
    assert context.get(-1, "none") == "none"
