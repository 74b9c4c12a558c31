"""A document's nodes are built once per extraction and handed out as copies (resolve.build.document_nodes)."""
from resolve_helpers import doc, extraction

from newssift.resolve import build, resolve_entities


def test_court_nodes_come_back_as_fresh_copies_a_caller_may_change():
    d = doc("a", "Judge Mira Olsen upheld the verdict. Olsen said the appeal had no merit.")
    x = extraction(d, [("Mira Olsen", "PERSON"), ("Olsen", "PERSON")])
    first = build.document_nodes(d.text, x, 0)
    first[0].surfaces["someone else"] = None
    first[0].mentions.clear()
    again = build.document_nodes(d.text, x, 3)
    assert "someone else" not in again[0].surfaces
    assert again[0].mentions  # the memoised node kept its mentions
    assert {n.doc_index for n in again} == {3}


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


def test_sports_resolving_twice_from_one_memo_gives_the_same_entities():
    d = doc("a", "Coach Eli Brandt praised Harbor City. Brandt said Harbor City earned the win.")
    x = extraction(d, [("Eli Brandt", "PERSON"), ("Brandt", "PERSON"), ("Harbor City", "ORG")])
    once = resolve_entities([d], [x])
    twice = resolve_entities([d], [x])  # resolution changes its nodes: the memo must not be changed with them
    assert once == twice


def test_a_changed_text_with_the_same_extraction_is_not_read_from_the_memo():
    d = doc("a", "Senator Ana Vale voted no.")
    x = extraction(d, [("Ana Vale", "PERSON")])
    build.prepare_nodes(d.text, x)
    other = build.document_nodes("Senator Ana Vale (AV) voted no.", x, 0)
    fresh = build._build_document_nodes("Senator Ana Vale (AV) voted no.", x)
    assert [n.surfaces for n in other] == [n.surfaces for n in fresh]


def test_the_memo_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(build, "NODE_MEMO_DOCS", 3)
    for i in range(6):
        d = doc(f"d{i}", f"Mayor Lin Park of Oskar spoke on day {i}.")
        build.prepare_nodes(d.text, extraction(d, [("Lin Park", "PERSON")]))
    assert len(build._NODE_MEMO) <= 3
