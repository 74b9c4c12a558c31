"""What the text around a mention defines: acronyms, titles, place suffixes, place evidence."""
from __future__ import annotations

from newssift.resolve.context import (
    acronym_definitions,
    expansion_before,
    place_evidence,
    place_extensions,
    titles_around,
)


def _at(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def test_parenthesised_acronym_after_an_expansion():
    t = "Divers from the Coastal Rescue Service (CRS) reached the wreck."
    s, e = _at(t, "Coastal Rescue Service")
    assert acronym_definitions(t, s, e) == [("Coastal Rescue Service", "CRS")]


def test_acronym_whose_expansion_stands_before_it():
    t = ("According to Velmora's harbour safety agency (HSA), the quay was closed. "
         "Later, the port office, the VPO, agreed.")
    s, e = _at(t, "HSA")
    assert acronym_definitions(t, s, e) == [("Velmora's harbour safety agency", "HSA")]
    s, e = _at(t, "VPO")
    assert acronym_definitions(t, s, e) == []  # "port office" has no capitalised start: not a name


def test_a_dateline_agency_is_not_a_definition():
    t = "KYIV, Ukraine (AP) -- Sirens sounded overnight."
    assert acronym_definitions(t, *_at(t, "Ukraine")) == []


def test_acronym_then_its_expansion_in_brackets():
    t = "The PSI (Port Safety Inspectorate) said it would inspect the site."
    s, e = _at(t, "PSI")
    assert acronym_definitions(t, s, e) == [("Port Safety Inspectorate", "PSI")]


def test_expansion_scan_stops_at_clause_words_and_keeps_inner_connectors():
    t = "Ilse Brandt, head of the Institute of Harbour Safety (IHS), spoke."
    span = expansion_before(t, t.index(" (IHS)"))
    assert span and t[span[0]:span[1]] == "Institute of Harbour Safety"


def test_titles_and_roles_around_a_person():
    t = "Port press officer Maj. Gen. Tomas Rell said the crews were safe."
    titled, titles = titles_around(t, *_at(t, "Tomas Rell"))
    assert titled == "Maj. Gen. Tomas Rell"
    assert titles == ["Port press officer Maj. Gen."]
    t = "Chief Fire Officer Danica Horvat said the fire was out."
    assert titles_around(t, *_at(t, "Danica Horvat"))[0] == "Chief Fire Officer Danica Horvat"
    t = "Goran Pavlek, the union leader, said 26 died."
    assert titles_around(t, *_at(t, "Goran Pavlek")) == (None, ["the union leader"])
    t = "The ship sank. Pavlek said it was old."
    assert titles_around(t, *_at(t, "Pavlek")) == (None, [])


def test_place_suffixes_and_place_evidence():
    t = "Crews in the Dornfeld border region and Dornfeld Oblast were warned."
    assert place_extensions(t, *_at(t, "Dornfeld")) == ["Dornfeld border region"]
    assert place_extensions(t, *_at(t, "Dornfeld", 1)) == ["Dornfeld Oblast"]
    t = "The blast hit the port of Odrin, 80 km from the capital Vessberg. Odrin, Ukraine, was calm. Ask Brell."
    assert place_evidence(t, *_at(t, "Odrin"))
    assert place_evidence(t, *_at(t, "Vessberg"))
    assert place_evidence(t, *_at(t, "Odrin", 1))  # "X, <country>"
    assert not place_evidence(t, *_at(t, "Brell"))
