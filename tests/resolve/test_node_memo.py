"""A document's nodes may be built ahead (resolve.build.prepare_nodes) and are then taken once by resolution."""
from resolve_helpers import doc, extraction

from newssift.resolve import build, resolve_entities


def _shape(nodes):
    return [(n.local_id, n.doc_index, n.etype, list(n.surfaces), n.mentions, list(n.titles), n.placed, n.generic)
            for n in nodes]


def test_court_nodes_built_ahead_equal_nodes_built_on_demand_and_are_taken_once():
    d = doc("a", "Judge Mira Olsen upheld the verdict. Olsen said the appeal had no merit.")
    x = extraction(d, [("Mira Olsen", "PERSON"), ("Olsen", "PERSON")])
    on_demand = build.document_nodes(d.text, x, 2)
    build.prepare_nodes(d.text, x)
    assert id(x) in build._NODE_MEMO
    ahead = build.document_nodes(d.text, x, 2)
    assert _shape(ahead) == _shape(on_demand)
    assert {n.doc_index for n in ahead} == {2}
    assert id(x) not in build._NODE_MEMO  # taken: resolution may change them, no one else holds them


def test_business_prepared_nodes_give_the_same_entities_as_unprepared_ones():
    d1 = doc("a", "Kestrel Foods said profit rose. Chief executive Dana Ruiz of Kestrel Foods was pleased.")
    d2 = doc("b", "Dana Ruiz, who runs Kestrel Foods, told analysts the outlook was uncertain.")
    names = [("Kestrel Foods", "ORG"), ("Dana Ruiz", "PERSON")]
    plain = resolve_entities([d1, d2], [extraction(d1, names), extraction(d2, names)])
    xs = [extraction(d1, names), extraction(d2, names)]
    for d, x in zip((d1, d2), xs, strict=True):
        build.prepare_nodes(d.text, x)
    prepared = resolve_entities([d1, d2], xs)
    assert prepared == plain
    assert len(plain[0]) == 2  # one company, one person across both reports


def test_sports_resolving_twice_after_preparing_gives_the_same_entities():
    d = doc("a", "Coach Eli Brandt praised Harbor City. Brandt said Harbor City earned the win.")
    x = extraction(d, [("Eli Brandt", "PERSON"), ("Brandt", "PERSON"), ("Harbor City", "ORG")])
    build.prepare_nodes(d.text, x)
    once = resolve_entities([d], [x])
    twice = resolve_entities([d], [x])  # the prepared nodes were changed by the first: the second builds its own
    assert once == twice


def test_nodes_prepared_for_another_text_are_not_used():
    d = doc("a", "Senator Ana Vale voted no.")
    x = extraction(d, [("Ana Vale", "PERSON")])
    build.prepare_nodes(d.text, x)
    other = build.document_nodes("Senator Ana Vale (AV) voted no.", x, 0)
    fresh = build.document_nodes("Senator Ana Vale (AV) voted no.", x, 0)
    assert [n.surfaces for n in other] == [n.surfaces for n in fresh]
    assert [n.surfaces for n in other] != [n.surfaces for n in build.document_nodes(d.text, x, 0)]  # the texts differ


def test_the_memo_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(build, "NODE_MEMO_DOCS", 3)
    for i in range(6):
        d = doc(f"d{i}", f"Mayor Lin Park of Oskar spoke on day {i}.")
        build.prepare_nodes(d.text, extraction(d, [("Lin Park", "PERSON")]))
    assert len(build._NODE_MEMO) == 3
