"""Resolve: legal forms, other scripts, the canonical spelling and surnames the tagger misfiled."""
from __future__ import annotations

from resolve_helpers import doc, entity_of, extraction

from newssift.resolve import names as names_mod
from newssift.resolve import resolve_entities
from newssift.resolve.names import name_keys, person_parts


def test_legal_forms_of_a_company_are_one_key():
    plain = name_keys("Orvik Terminals", "ORG").exact
    for written in ("Orvik Terminals Ltd", "Orvik Terminals, Inc.", "Orvik Terminals plc", "Orvik Terminals GmbH"):
        assert name_keys(written, "ORG").exact == plain
    # A legal form alone is still a name.
    assert name_keys("Ltd", "ORG").exact


def test_a_company_with_and_without_its_legal_form_is_one_entity():
    a = doc("a", "Orvik Terminals Ltd said the berth would reopen.")
    b = doc("b", "A spokesman for Orvik Terminals said the berth was safe.")
    ents, _ = resolve_entities([a, b], [extraction(a, [("Orvik Terminals Ltd", "ORG")]),
                                        extraction(b, [("Orvik Terminals", "ORG")])])
    assert entity_of(ents, "Orvik Terminals") is entity_of(ents, "Orvik Terminals Ltd")


def test_cyrillic_names_are_transliterated_not_dropped():
    assert person_parts("Оксана Мельник") == (("oksana",), "mel'nik".replace("'", ""))
    assert name_keys("Оксана Мельник", "PERSON").surname == "melnik"
    assert name_keys("Дорнфельд", "GPE").exact == ("tok:dornfel'd".replace("'", ""),)
    # Latin names keep their accents as written.
    assert names_mod.translit("José Núñez") == "José Núñez"


def test_the_canonical_name_is_the_spelling_most_documents_use():
    texts = {
        "a": "Ilse Varnhaagen of the Harbour Guard spoke in Dornfeld.",
        "b": "Ilse Varnhagen of the Harbour Guard spoke in Dornfeld.",
        "c": "In Dornfeld, Ilse Varnhagen thanked the Harbour Guard.",
    }
    docs = [doc(k, t) for k, t in texts.items()]
    exs = [extraction(d, [(n, "PERSON"), ("Harbour Guard", "ORG"), ("Dornfeld", "GPE")])
           for d, n in zip(docs, ["Ilse Varnhaagen", "Ilse Varnhagen", "Ilse Varnhagen"])]
    ents, _ = resolve_entities(docs, exs)
    person = entity_of(ents, "Ilse Varnhaagen")
    assert person is entity_of(ents, "Ilse Varnhagen")
    assert person.name == "Ilse Varnhagen"


def _family_docs(misfiled: tuple[str, str]):
    texts = {
        "a": "Lena Dorsch checked into a clinic in Halvik.",
        "b": "Lena Dorsch left the clinic on Friday.",
        "c": "Friends of Lena Dorsch said she was well.",
        "d": "Her father Karl Dorsch gave no comment.",
        "e": f"{misfiled[0]} was seen leaving the clinic.",
    }
    docs = [doc(k, t) for k, t in texts.items()]
    names = [[("Lena Dorsch", "PERSON"), ("Halvik", "GPE")], [("Lena Dorsch", "PERSON")],
             [("Lena Dorsch", "PERSON")], [("Karl Dorsch", "PERSON")], [misfiled]]
    return docs, [extraction(d, n) for d, n in zip(docs, names)]


def test_a_surname_tagged_as_a_place_goes_to_the_person_most_documents_name():
    docs, exs = _family_docs(("Dorsch", "GPE"))
    ents, _ = resolve_entities(docs, exs)
    lena = entity_of(ents, "Lena Dorsch")
    assert any(m.doc == "e" for m in lena.mentions)
    assert lena.type == "PERSON"
    assert all(m.doc != "e" for m in entity_of(ents, "Karl Dorsch").mentions)


def test_a_full_name_tagged_as_a_place_is_that_person():
    docs, exs = _family_docs(("Lena Dorsch", "GPE"))
    ents, _ = resolve_entities(docs, exs)
    assert {m.doc for m in entity_of(ents, "Lena Dorsch").mentions} == {"a", "b", "c", "e"}


def test_a_country_tagged_as_a_place_never_becomes_a_surname():
    a = doc("a", "Paul Jordan spoke in Amman.")
    b = doc("b", "Jordan closed its border.")
    ents, _ = resolve_entities([a, b], [extraction(a, [("Paul Jordan", "PERSON")]), extraction(b, [("Jordan", "GPE")])])
    assert entity_of(ents, "Jordan").type == "GPE"


def test_a_full_name_the_tagger_missed_is_found_where_the_surname_is_ambiguous():
    texts = {
        "a": "Lena Dorsch checked into a clinic in Halvik.",
        "b": "Her father Karl Dorsch gave no comment.",
        "c": "Lena Dorsch Leaves Clinic Early",
    }
    docs = [doc(k, t) for k, t in texts.items()]
    exs = [extraction(docs[0], [("Lena Dorsch", "PERSON"), ("Halvik", "GPE")]),
           extraction(docs[1], [("Karl Dorsch", "PERSON")]), extraction(docs[2], [])]
    ents, _ = resolve_entities(docs, exs)
    found = [m for m in entity_of(ents, "Lena Dorsch").mentions if m.doc == "c"]
    assert [(m.start, m.text) for m in found] == [(0, "Lena Dorsch")]
    assert all(m.doc != "c" for m in entity_of(ents, "Karl Dorsch").mentions)
