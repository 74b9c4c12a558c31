"""Bodies named after their leader ("the Okafor administration"): resolve.build.leader_bodies."""
from resolve_helpers import doc, extraction

from newssift.resolve import resolve_entities


def test_politics_administration_named_after_its_leader_is_a_body_across_reports():
    d1 = doc("a", "The Okafor administration cut the housing budget. Okafor defended the cut.")
    d2 = doc("b", "Critics said the Okafor administration ignored tenants.")
    ents, _ = resolve_entities([d1, d2], [extraction(d1, [("Okafor", "PERSON")]),
                                          extraction(d2, [("Okafor", "PERSON")])])
    body = next(e for e in ents if e.type == "ORG")
    assert body.name == "Okafor administration"
    assert sorted(m.doc for m in body.mentions) == ["a", "b"]
    person = next(e for e in ents if e.type == "PERSON" and e.mentions[0].doc == "a")
    assert [m.text for m in person.mentions] == ["Okafor", "Okafor"]  # the person keeps its mentions


def test_business_other_words_after_a_name_make_no_body():
    d = doc("a", "Analysts praised Lena Marsh leadership. Lena Marsh administrations past were smaller.")
    ents, _ = resolve_entities([d], [extraction(d, [("Lena Marsh", "PERSON")])])
    assert [e.type for e in ents] == ["PERSON"]
