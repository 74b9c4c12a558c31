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


def _back_words_whole_text(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """The backward word scan as first written: searching from the start of the text."""
    import re

    from newssift.resolve.context import _WORD_BACK
    out, pos = [], end
    while len(out) < limit:
        m = _WORD_BACK.search(text, 0, pos)
        if not m or re.search(r"[\n,;:()\"\u201c\u201d!?]", text[m.end():pos]):
            break
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.start(1)
    return out[::-1]


def test_windowed_backward_scan_matches_a_whole_text_scan_deep_in_a_long_article():
    from newssift.resolve.context import _back_words
    para = ("The league's disciplinary panel under Chief Adjudicator Rosa Imbert fined the club "
            "after the cup tie in Halvard. Club chairman Tomas Pell said the verdict was harsh. ")
    text = para * 400  # about 60,000 characters
    for name in ("Rosa Imbert", "Tomas Pell"):
        s = text.rindex(name)
        assert _back_words(text, s, 10) == _back_words_whole_text(text, s, 10)
        assert [w for _, _, w in _back_words(text, s, 10)][-2:] in (["Chief", "Adjudicator"], ["Club", "chairman"])
    assert titles_around(text, *_at(text, "Tomas Pell", 399))[1] == ["Club chairman"]
