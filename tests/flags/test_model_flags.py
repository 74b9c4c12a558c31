"""Flags read from resolved entities, aligned facts and headlines (hand-made models, fictional names)."""
from __future__ import annotations

from newssift.flags import find_flags
from newssift.flags.figures import find_conflicting_figures
from newssift.flags.headline import find_headline_mismatches
from newssift.flags.spelling import find_spelling_variants
from newssift.models import Claim, Document, Entity, Fact, Mention, Quantity


def _m(doc: Document, text: str, label: str, eid: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return Mention(doc.id, start, start + len(text), text, label, eid)


A = Document(id="a", text="Floods hit Tarnow on Monday. Residents of Tarnow fled.")
B = Document(id="b", text="Water reached Tarnow by noon.")
C = Document(id="c", text="Rescuers in Tranow worked all night.")


def test_spelling_variant_goes_on_the_minority_spelling():
    e = Entity(id="e1", name="Tarnow", type="GPE",
               mentions=(_m(A, "Tarnow", "GPE", "e1"), _m(B, "Tarnow", "GPE", "e1"), _m(C, "Tranow", "GPE", "e1")),
               variants=(("Tarnow", ("a", "b")), ("Tranow", ("c",))))
    flags = find_spelling_variants([e])
    assert [(f.doc, f.text) for f in flags] == [("c", "Tranow")]
    assert C.text[flags[0].start:flags[0].end] == "Tranow"
    assert {r.doc for r in flags[0].related} == {"a", "b"}


def test_a_two_way_tie_is_one_flag_on_the_first_report_and_no_variants_flags_nothing():
    e = Entity(id="e1", name="Tarnow", type="GPE",
               mentions=(_m(B, "Tarnow", "GPE", "e1"), _m(C, "Tranow", "GPE", "e1")),
               variants=(("Tarnow", ("b",)), ("Tranow", ("c",))))
    flags = find_spelling_variants([e], ["c", "b"])
    assert [(f.doc, f.text) for f in flags] == [("c", "Tranow")]
    assert "split evenly" in flags[0].explanation and [r.doc for r in flags[0].related] == ["b"]
    assert [f.doc for f in find_spelling_variants([e], ["b", "c"])] == ["b"]
    assert find_spelling_variants([Entity(id="e2", name="Tarnow", type="GPE")]) == []


def test_several_reports_with_one_misspelling_share_one_flag():
    d = Document(id="d", text="The Tranow mayor spoke.")
    e = Entity(id="e1", name="Tarnow", type="GPE",
               mentions=(_m(A, "Tarnow", "GPE", "e1"), _m(B, "Tarnow", "GPE", "e1"),
                         _m(d, "Tranow", "GPE", "e1"), _m(C, "Tranow", "GPE", "e1")),
               variants=(("Tarnow", ("a", "b", "x")), ("Tranow", ("c", "d"))))
    flags = find_spelling_variants([e], ["a", "b", "d", "c", "x"])
    assert [(f.doc, f.text) for f in flags] == [("d", "Tranow")]
    assert "c" in flags[0].explanation


def _one_person(texts: dict[str, str], spellings: dict[str, str], name: str) -> Entity:
    """An entity over fictional reports: each report's mention is its spelling of the surname or given name."""
    docs = {k: Document(id=k, text=t) for k, t in texts.items()}
    mentions = tuple(_m(docs[k], w, "PERSON", "e1") for k, w in spellings.items())
    by_spelling: dict[str, list[str]] = {}
    for k, w in spellings.items():
        by_spelling.setdefault(w.split()[-1], []).append(k)
    return Entity(id="e1", name=name, type="PERSON", mentions=mentions,
                  variants=tuple((w, tuple(ks)) for w, ks in by_spelling.items()))


def test_accepted_transliterations_are_not_flagged():
    # A Cyrillic name romanised two ways: "y"/"i" differ, consonants do not.
    e = _one_person({"a": "Mayor Oleksiy Hrytsenko opened the bridge.",
                     "b": "Mayor Oleksii Hrytsenko cut the ribbon.",
                     "c": "Hrytsenko said the bridge cost less than planned; Oleksii thanked the builders."},
                    {"a": "Oleksiy", "b": "Oleksii", "c": "Oleksii"}, "Oleksii Hrytsenko")
    assert e.variants == (("Oleksiy", ("a",)), ("Oleksii", ("b", "c")))
    assert find_spelling_variants([e], ["a", "b", "c"]) == []


def test_a_changed_vowel_is_a_misspelling_not_a_romanisation():
    e = _one_person({"a": "Union leader Goran Pavlek spoke at the gate.",
                     "b": "Pavlek said the strike would go ahead.",
                     "c": "Goran Pavlik addressed the rally."},
                    {"a": "Goran Pavlek", "b": "Pavlek", "c": "Goran Pavlik"}, "Goran Pavlek")
    assert e.variants == (("Pavlek", ("a", "b")), ("Pavlik", ("c",)))
    assert [(f.doc, f.text) for f in find_spelling_variants([e], ["a", "b", "c"])] == [("c", "Pavlik")]


# Headline trap: the headline puts the blast in the capital, the lead in a port town 80 km away.
H = Document(id="h", title="Blast Rocks Vessberg Harbour as Calvonia Reels",
             text=("An explosion at a fuel depot in the Calvonian port of Odrin, about 80 km west of the capital "
                   "Vessberg, injured nine workers on Friday.\nThe fire was out by dawn."))
OK = Document(id="ok", title="Blast rocks Odrin port",
              text="An explosion at a fuel depot in Odrin, Calvonia, injured nine workers on Friday.")


def _places():
    return [
        Entity(id="e1", name="Odrin", type="GPE",
               mentions=(_m(H, "Odrin", "GPE", "e1"), _m(OK, "Odrin", "GPE", "e1"))),
        Entity(id="e2", name="Vessberg", type="GPE", mentions=(_m(H, "Vessberg", "GPE", "e2"),)),
        Entity(id="e3", name="Calvonia", type="GPE", mentions=(_m(OK, "Calvonia", "GPE", "e3"),)),
    ]


def test_headline_place_the_lead_does_not_support_is_flagged():
    flags = find_headline_mismatches([H, OK], _places())
    assert [(f.doc, f.text) for f in flags] == [("h", H.title)]
    assert "Vessberg" in flags[0].explanation and "Odrin" in flags[0].explanation
    assert flags[0].related and flags[0].related[0].text == "Odrin"


def test_headline_place_that_contains_the_lead_place_is_fine():
    # "Calvonia" in H's headline is supported: "the Calvonian port of Odrin".
    flags = find_headline_mismatches([H, OK], _places())
    assert all("Calvonia" not in f.detail.split(";")[0] for f in flags)


def _claim(cid, doc, text, low, high, qualifier, speaker):
    q = Quantity(text=text, low=low, high=high, qualifier=qualifier, measure="killed", start=0, end=len(text))
    return Claim(id=cid, doc=doc, start=0, end=len(text), text=text, kind="indirect", speaker=speaker,
                 quantities=(q,))


def test_conflicting_figure_on_the_minority_value():
    claims = [
        _claim("c1", "a", "11 people were killed", 11, 11, "exact", "e1"),
        _claim("c2", "b", "11 died, officials said", 11, 11, "exact", "e1"),
        _claim("c5", "b", "at least 11 were killed", 11, None, "at_least", "e1"),
        _claim("c3", "c", "26 workers were killed", 26, 26, "exact", "e2"),
        _claim("c4", "b", "around 30 were killed", 30, 30, "about", "e3"),
    ]
    fact = Fact(id="f1", claims=("c1", "c2", "c3", "c5"), status="conflicting", origins=("e1", "e2"))
    flags = find_conflicting_figures(claims, [fact])
    assert [(f.doc, f.text) for f in flags] == [("c", "26 workers were killed")]
    assert flags[0].related[0].doc in ("a", "b")
    # Not in one fact: different periods or propositions are never compared.
    assert find_conflicting_figures(claims, [Fact(id="f2", claims=("c1",), status="single_origin", origins=())]) == []


def test_find_flags_orders_by_document_and_is_empty_without_documents():
    assert find_flags([], [], [], [], [], []) == []
    e = Entity(id="e1", name="Tarnow", type="GPE",
               mentions=(_m(A, "Tarnow", "GPE", "e1"), _m(B, "Tarnow", "GPE", "e1"), _m(C, "Tranow", "GPE", "e1")),
               variants=(("Tarnow", ("a", "b")), ("Tranow", ("c",))))
    flags = find_flags([A, B, C], [], [e], [], [], [])
    assert [f.kind for f in flags] == ["spelling_variant"]


def test_a_period_on_one_side_only_or_different_subjects_is_no_conflict():
    from newssift.models import TimeRef

    dated = _claim("c1", "a", "50 were killed over three days", 50, 50, "exact", "e1")
    dated = Claim(**{**dated.__dict__, "time": TimeRef(text="over three days")})
    undated = _claim("c2", "b", "200 were killed", 200, 200, "exact", "e2")
    fact = Fact(id="f", claims=("c1", "c2"), status="conflicting", origins=("e1", "e2"))
    assert find_conflicting_figures([dated, undated], [fact]) == []
    a = _claim("c3", "a", "50 soldiers were killed", 50, 50, "exact", "e1")
    b = _claim("c4", "b", "200 sailors were killed", 200, 200, "exact", "e2")
    a = Claim(**{**a.__dict__, "quantities": (Quantity(**{**a.quantities[0].__dict__, "subject": "marine cadets"}),)})
    b = Claim(**{**b.__dict__, "quantities": (Quantity(**{**b.quantities[0].__dict__, "subject": "river pilots"}),)})
    assert find_conflicting_figures([a, b], [Fact(id="g", claims=("c3", "c4"), status="conflicting", origins=())]) == []


def test_the_flagged_spelling_never_names_the_entity():
    from newssift.flags.spelling import rename_flagged_entities

    e = Entity(id="e1", name="Tranow", type="GPE", aliases=("Tarnow",),
               mentions=(_m(B, "Tarnow", "GPE", "e1"), _m(C, "Tranow", "GPE", "e1")),
               variants=(("Tarnow", ("b",)), ("Tranow", ("c",))))
    flags = find_spelling_variants([e], ["c", "b"])
    renamed = rename_flagged_entities([e], flags)
    assert renamed[0].name == "Tarnow" and "Tranow" in renamed[0].aliases
    other = Entity(id="e2", name="Odrin", type="GPE")
    assert rename_flagged_entities([other], flags) == [other]
