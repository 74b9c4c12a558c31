"""A document's nodes are built once for its text, entities and mentions and handed out as copies
(resolve.build.document_nodes, prepare_nodes)."""
from resolve_helpers import doc, extraction

from newssift.resolve import build, resolve_entities


def _shape(nodes):
    return [(n.local_id, n.doc_index, n.etype, list(n.surfaces), n.mentions, list(n.titles), n.placed, n.generic)
            for n in nodes]


def test_court_nodes_built_ahead_equal_nodes_built_on_demand():
    d = doc("a", "Judge Mira Olsen upheld the verdict. Olsen said the appeal had no merit.")
    x = extraction(d, [("Mira Olsen", "PERSON"), ("Olsen", "PERSON")])
    on_demand = build._build_document_nodes(d.text, x)
    build.prepare_nodes(d.text, x)
    ahead = build.document_nodes(d.text, x, 2)
    assert [s[2:] for s in _shape(ahead)] == [s[2:] for s in _shape(on_demand)]
    assert {n.doc_index for n in ahead} == {2}


def test_business_copies_a_caller_changes_leave_the_memo_as_it_was():
    d = doc("a", "Kestrel Foods said profit rose. Dana Ruiz of Kestrel Foods was pleased.")
    x = extraction(d, [("Kestrel Foods", "ORG"), ("Dana Ruiz", "PERSON")])
    first = build.document_nodes(d.text, x, 0)
    first[0].surfaces["someone else"] = None
    first[0].mentions.clear()
    first[0].etype = "GPE"
    again = build.document_nodes(d.text, x, 1)
    assert "someone else" not in again[0].surfaces
    assert again[0].mentions and again[0].etype == "ORG"


def test_politics_an_extraction_loaded_again_finds_the_nodes_of_its_first_load(monkeypatch):
    d = doc("a", "Senator Ana Vale voted against the budget. Vale said it cut schools.")
    names = [("Ana Vale", "PERSON"), ("Vale", "PERSON")]
    build.document_nodes(d.text, extraction(d, names), 0)
    calls = []
    real = build._build_document_nodes
    monkeypatch.setattr(build, "_build_document_nodes", lambda *a: calls.append(a) or real(*a))
    reloaded = extraction(doc("a", d.text), names)  # equal by value, another object (as a store loads it)
    build.document_nodes(d.text, reloaded, 0)
    assert calls == []
    build.document_nodes(d.text + " She left.", reloaded, 0)  # another text: built anew
    assert len(calls) == 1


def test_sports_resolving_twice_gives_the_same_entities_as_without_the_memo():
    d1 = doc("a", "Coach Eli Brandt praised Harbor City. Brandt said Harbor City earned the win.")
    d2 = doc("b", "Harbor City coach Eli Brandt was pleased with the win.")
    names = [("Eli Brandt", "PERSON"), ("Brandt", "PERSON"), ("Harbor City", "ORG")]
    names2 = [("Eli Brandt", "PERSON"), ("Harbor City", "ORG")]
    build._NODE_MEMO.clear()
    once = resolve_entities([d1, d2], [extraction(d1, names), extraction(d2, names2)])
    twice = resolve_entities([d1, d2], [extraction(d1, names), extraction(d2, names2)])
    assert once == twice
    assert len({e.type for e in once[0]}) == 2


def test_the_memo_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(build._NODE_MEMO, "size", 3)
    build._NODE_MEMO.clear()
    for i in range(6):
        d = doc(f"d{i}", f"Mayor Lin Park of Oskar spoke on day {i}.")
        build.prepare_nodes(d.text, extraction(d, [("Lin Park", "PERSON")]))
    assert len(build._NODE_MEMO) == 3
