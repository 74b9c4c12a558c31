"""Name normalisation, keys and the spelling-variant test (pure functions)."""
from __future__ import annotations

import pytest

from newssift.resolve.names import clean_surface, is_acronym, name_keys, person_parts, strip_titles
from newssift.resolve.places import country_of_word, is_country
from newssift.resolve.spelling import given_names_compatible, is_spelling_variant


def test_clean_surface_drops_article_possessive_and_cut_bracket():
    assert clean_surface("The Harbour Board's") == "Harbour Board"
    assert clean_surface("Coastal Rescue Service (CRS") == "Coastal Rescue Service"
    assert clean_surface("U.S.") == "U.S."


def test_titles_and_ranks_are_stripped_for_people():
    assert strip_titles("Maj. Gen. Tomas Rell") == "Tomas Rell"
    assert strip_titles("Major General Tomas Rell") == "Tomas Rell"
    assert person_parts("Dr. Ilse Varnhagen") == (("ilse",), "varnhagen")
    assert person_parts("Varnhagen") == ((), "varnhagen")


def test_acronyms():
    assert is_acronym("CRS") and is_acronym("U.S.") and not is_acronym("Crs") and not is_acronym("A")


def test_demonym_possessive_and_country_forms_share_a_key():
    a = name_keys("Norway's fisheries agency", "ORG")
    b = name_keys("Norwegian Fisheries Directorate", "ORG")
    c = name_keys("Norwegian fisheries", "ORG")
    assert a.core == b.core == c.core
    assert name_keys("Department of Fisheries", "ORG").exact == name_keys("Fisheries Department", "ORG").exact


def test_country_is_not_confused_with_the_pronoun_us():
    assert name_keys("US Coast Guard", "ORG").bag != name_keys("us Coast Guard", "ORG").bag
    assert country_of_word("ukrainians") == "ukraine"
    assert is_country("Ukraine") and not is_country("Ukrainian")


def test_place_suffixes_do_not_change_the_place():
    base = name_keys("Dornfeld", "GPE").exact
    for form in ("Dornfeld region", "Dornfeld Oblast", "Dornfeld border region", "city of Dornfeld"):
        assert name_keys(form, "GPE").exact == base, form


def test_initials_skip_connectors_and_countries():
    assert "IHS" in name_keys("Institute for Harbour Safety", "ORG").initials
    assert "CRS" in name_keys("Norway's Coastal Rescue Service", "ORG").initials


@pytest.mark.parametrize("a,b", [
    ("Kovalenko", "Kovalenco"), ("Zarichnev", "Zarichnyev"), ("Ostrovsky", "Ostrovskyy"),
    ("Dornfelde", "Dornfedle"),
])
def test_transliterations_and_transpositions_are_variants(a, b):
    assert is_spelling_variant(a, b)


@pytest.mark.parametrize("a,b", [
    ("Miller", "Millet"), ("Smith", "Smyth"), ("Kim", "Kin"), ("Hartmann", "Hoffmann"), ("Lindgren", "Lindholm"),
    ("Marlow", "Barlow"),
])
def test_near_names_are_not_variants(a, b):
    assert not is_spelling_variant(a, b)


def test_given_names():
    assert given_names_compatible(("j",), ("john",))
    assert given_names_compatible((), ("sarah",))
    assert not given_names_compatible(("daniel",), ("sarah",))


def test_british_and_american_spellings_share_a_key():
    assert name_keys("Ministry of Defence", "ORG").exact == name_keys("Defense Ministry", "ORG").exact
    assert name_keys("World Health Organisation", "ORG").exact == name_keys("World Health Organization", "ORG").exact
    assert name_keys("Harbour Centre", "FAC").exact == name_keys("Harbor Center", "FAC").exact
