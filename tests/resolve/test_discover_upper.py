"""Known names in a line written in capitals (a kicker or headline kept in the body): resolve.discover."""
from resolve_helpers import doc, extraction

from newssift.resolve import resolve_entities


def test_sports_surname_in_a_capitals_line_is_found():
    d1 = doc("a", "Tomas Okafor scored twice for Harlow on Sunday.")
    d2 = doc("b", "HARLOW WIN AS OKAFOR SCORES TWICE\nHarlow beat the league leaders on Sunday.")
    ents, _ = resolve_entities([d1, d2], [extraction(d1, [("Tomas Okafor", "PERSON"), ("Harlow", "GPE")]),
                                          extraction(d2, [("Harlow", "GPE")])])
    person = next(e for e in ents if e.type == "PERSON")
    assert [(m.doc, m.text) for m in person.mentions] == [("a", "Tomas Okafor"), ("b", "OKAFOR")]


def test_court_capitals_word_of_two_people_is_not_guessed_and_acronyms_alone_are_skipped():
    d1 = doc("a", "Ines Varga and Paul Varga testified on Monday.")
    d2 = doc("b", "VARGA CASE ADJOURNED AGAIN\nThe court sat briefly.\nVARGA")
    ents, _ = resolve_entities([d1, d2], [extraction(d1, [("Ines Varga", "PERSON"), ("Paul Varga", "PERSON")]),
                                          extraction(d2, [("court", "GROUP")])])
    assert all(m.doc == "a" for e in ents if e.type == "PERSON" for m in e.mentions)
