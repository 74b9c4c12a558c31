"""Entities within one document: NER, descriptive bodies, acronyms, titles and surnames."""
from .helpers import claim_with, entity, run


def names(x):
    return {e.name: e for e in x.entities}


def test_acronym_in_parentheses_and_later_bare_use(nlp):
    x = run(nlp, "The Institute for Coastal Research (ICR) published a survey of the dunes. "
                 "ICR said that erosion had doubled since the last survey.")
    e = names(x)["Institute for Coastal Research"]
    assert "ICR" in e.aliases
    assert any(m.text == "ICR" for m in e.mentions)
    c = claim_with(x, "erosion had doubled")
    assert c.speaker == e.id


def test_acronym_in_apposition(nlp):
    x = run(nlp, "Norway's police security service, the PST, said the threat level was unchanged.")
    body = next(e for e in x.entities if "PST" in e.aliases)
    assert "police security service" in body.name
    assert claim_with(x, "the threat level was unchanged").speaker == body.id


def test_acronym_from_initials_of_a_named_body(nlp):
    x = run(nlp, "Experts at the International Energy Agency published new figures on Monday. "
                 "The IEA said demand for coal would fall next year.")
    e = names(x)["International Energy Agency"]
    assert "IEA" in e.aliases
    assert claim_with(x, "demand for coal would fall").speaker == e.id


def test_descriptive_body_missed_by_ner(nlp):
    x = run(nlp, "Brazil's federal environmental agency said that illegal logging had fallen by a third.")
    c = claim_with(x, "illegal logging had fallen")
    body = entity(x, c.speaker)
    assert body.type == "ORG" and body.name == "Brazil's federal environmental agency"
    assert x.claims[0].speaker_text == "Brazil's federal environmental agency"


def test_titles_and_rank_alias_of_a_person(nlp):
    x = run(nlp, "Coast guard spokesperson Lt. Maria Soto said the search would continue overnight. "
                 "Soto added that two helicopters had joined the search.")
    a = claim_with(x, "the search would continue overnight")
    b = claim_with(x, "two helicopters had joined")
    person = entity(x, a.speaker)
    assert b.speaker == person.id
    assert person.name == "Maria Soto"
    assert "Lt. Maria Soto" in person.aliases
    assert any("spokesperson" in t for t in person.titles)
    assert len(person.mentions) >= 2


def test_appositive_title(nlp):
    x = run(nlp, "Amara Diallo, the head of the national weather office, warned that more rain was coming.")
    person = names(x)["Amara Diallo"]
    assert any(t.startswith("head of the national weather office") for t in person.titles)


def test_mentions_are_offsets_into_the_text(nlp):
    text = "The Red Cross said volunteers from Kenya and Uganda had arrived in Goma on Sunday."
    x = run(nlp, text)
    assert x.mentions
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
        assert m.doc == "t"
    assert {"Red Cross", "Kenya", "Uganda"} <= {e.name for e in x.entities}
