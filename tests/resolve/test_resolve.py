"""resolve_entities over hand-written fictional reports (hand-made extractions)."""
from __future__ import annotations

from resolve_helpers import doc, entity_of, extraction

from newssift.models import Claim
from newssift.resolve import parse_aliases, resolve_entities

# Three fictional reports of one harbour story; shared names give the context
# that spelling-variant merges require.
A = doc("a", (
    "Port Commissioner Dr. Ilse Varnhagen said the Coastal Rescue Service (CRS) had sent two boats to Dornfeld. "
    "Maj. Gen. Tomas Rell, head of the Harbour Guard, said the Institute for Harbour Safety would review it. "
    "Minister Dmytro Kovalenko visited the Dornfeld region on Monday. Varnhagen praised the crews."
))
B = doc("b", (
    "The CRS said its crews reached Dornfeld Oblast before dawn. Dmytro Kovalenco, the minister, "
    "spoke to Major General Tomas Rell and Ilse Varnhagen. Rell said the IHS had opened an inquiry."
))
C = doc("c", (
    "Officials in Dornfeld said Kovalenco and Varnhagen met at the harbour. Anna Miller of the Harbour Guard "
    "and Anna Millet, a local skipper, were both at the quay. Daniel Kim and Sarah Kim spoke. Kim left."
))

EX_A = extraction(A, [
    ("Ilse Varnhagen", "PERSON"), ("Coastal Rescue Service", "ORG"), ("Dornfeld", "GPE"), ("Tomas Rell", "PERSON"),
    ("Harbour Guard", "ORG"), ("Institute for Harbour Safety", "ORG"), ("Dmytro Kovalenko", "PERSON"),
    ("Varnhagen", "PERSON"),
], claims=(Claim(id="a:c1", doc="a", start=0, end=10, text="x", kind="indirect", speaker="a#e1"),))
EX_B = extraction(B, [
    ("CRS", "ORG"), ("Dornfeld", "GPE"), ("Dmytro Kovalenco", "PERSON"), ("Tomas Rell", "PERSON"),
    ("Ilse Varnhagen", "PERSON"), ("Rell", "ORG"), ("IHS", "ORG"),
], claims=(Claim(id="b:c1", doc="b", start=0, end=10, text="x", kind="indirect", speaker="b#e6", via="b#e1"),))
EX_C = extraction(C, [
    ("Dornfeld", "GPE"), ("Kovalenco", "PERSON"), ("Varnhagen", "PERSON"), ("Anna Miller", "PERSON"),
    ("Harbour Guard", "ORG"), ("Anna Millet", "PERSON"), ("Daniel Kim", "PERSON"), ("Sarah Kim", "PERSON"),
    ("Kim", "PERSON"),
])


def _resolve(aliases=None):
    return resolve_entities([A, B, C], [EX_A, EX_B, EX_C], aliases=aliases)


def test_acronym_defined_in_text_and_by_initials():
    ents, _ = _resolve()
    assert entity_of(ents, "CRS") is entity_of(ents, "Coastal Rescue Service")
    assert entity_of(ents, "IHS") is entity_of(ents, "Institute for Harbour Safety")


def test_titles_are_stripped_and_recorded_and_bare_surnames_join():
    ents, _ = _resolve()
    rell = entity_of(ents, "Tomas Rell")
    assert rell is entity_of(ents, "Rell") and rell.type == "PERSON"
    assert {"Maj. Gen. Tomas Rell", "Major General Tomas Rell"} <= set(rell.aliases)
    assert any("Harbour Guard" in t for t in rell.titles)
    assert entity_of(ents, "Varnhagen") is entity_of(ents, "Ilse Varnhagen")


def test_place_suffixes_join_the_place():
    ents, _ = _resolve()
    dornfeld = entity_of(ents, "Dornfeld")
    assert {"Dornfeld region", "Dornfeld Oblast"} <= set(dornfeld.aliases)
    assert {m.doc for m in dornfeld.mentions} == {"a", "b", "c"}


def test_transliteration_variant_merges_and_is_recorded():
    ents, _ = _resolve()
    kov = entity_of(ents, "Dmytro Kovalenko")
    assert kov is entity_of(ents, "Dmytro Kovalenco") is entity_of(ents, "Kovalenco")
    assert dict(kov.variants) == {"Kovalenko": ("a",), "Kovalenco": ("b", "c")}


def test_near_names_and_two_kims_stay_apart():
    ents, _ = _resolve()
    assert entity_of(ents, "Anna Miller") is not entity_of(ents, "Anna Millet")
    daniel, sarah = entity_of(ents, "Daniel Kim"), entity_of(ents, "Sarah Kim")
    assert daniel is not sarah
    bare = entity_of(ents, "Kim")  # ambiguous: joins neither
    assert bare is not daniel and bare is not sarah


def test_type_mismatch_blocks_a_merge():
    d1 = doc("x", "Jordan said the talks in Amman went well.")
    d2 = doc("y", "Officials from Jordan met in Amman.")
    ents, _ = resolve_entities(
        [d1, d2], [extraction(d1, [("Jordan", "PERSON"), ("Amman", "GPE")]),
                   extraction(d2, [("Jordan", "GPE"), ("Amman", "GPE")])]
    )
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1 and {m.doc for m in people[0].mentions} == {"x"}


def test_ids_are_stable_and_in_order_of_first_appearance():
    first, _ = _resolve()
    second, _ = _resolve()
    assert [(e.id, e.name) for e in first] == [(e.id, e.name) for e in second]
    assert [e.id for e in first] == [f"e{i}" for i in range(1, len(first) + 1)]
    assert first[0].name == "Ilse Varnhagen"  # the first name in the first document
    for e in first:
        assert all(m.entity == e.id for m in e.mentions)
        assert all(A.text if m.doc == "a" else True for m in e.mentions)


def test_mentions_keep_their_offsets():
    ents, _ = _resolve()
    texts = {"a": A.text, "b": B.text, "c": C.text}
    for e in ents:
        for m in e.mentions:
            assert texts[m.doc][m.start:m.end] == m.text


def test_claims_are_repointed_to_global_ids():
    ents, claims = _resolve()
    by_id = {c.id: c for c in claims}
    assert by_id["a:c1"].speaker == entity_of(ents, "Ilse Varnhagen").id
    assert by_id["b:c1"].speaker == entity_of(ents, "Rell").id
    assert by_id["b:c1"].via == entity_of(ents, "CRS").id


def test_only_an_alias_file_links_unrelated_names():
    d1 = doc("p", "The Bureau of Coastal Intelligence (KRB) said two boats sank.")
    d2 = doc("q", "The KSB, the coastal intelligence service, said two boats sank.")
    exs = [extraction(d1, [("Bureau of Coastal Intelligence", "ORG"), ("KRB", "ORG")]),
           extraction(d2, [("KSB", "ORG")])]
    ents, _ = resolve_entities([d1, d2], exs)
    assert entity_of(ents, "KRB") is not entity_of(ents, "KSB")
    aliases = parse_aliases("- [KRB, KSB, Bureau of Coastal Intelligence]\n")
    ents, _ = resolve_entities([d1, d2], exs, aliases=aliases)
    assert entity_of(ents, "KRB") is entity_of(ents, "KSB") is entity_of(ents, "Bureau of Coastal Intelligence")


def test_alias_files_yaml_mapping_and_csv(tmp_path):
    from newssift.resolve import load_aliases

    y = tmp_path / "a.yaml"
    y.write_text("Harbour Guard: [HG, The Coast Watch]\n")
    c = tmp_path / "a.csv"
    c.write_text("name,canonical\nHG,Harbour Guard\nThe Coast Watch,Harbour Guard\n")
    assert load_aliases(y) == load_aliases(c) == {"harbour guard": "harbour guard", "hg": "harbour guard",
                                                   "coast watch": "harbour guard"}


def test_alias_groups_sharing_a_name_join():
    out = parse_aliases("- [A1 Group, Alpha]\n- [Alpha, Alfa Holdings]\n")
    assert out["a1 group"] == out["alfa holdings"] == out["alpha"]


def test_tagger_slips_are_repaired_by_what_the_text_says():
    d1 = doc("r1", (
        "VARNOS, Calvonia -- A blast hit the port of Varnos, 80 km from the capital Brell, on Friday. "
        "Fire Chief Ilona Markovic said crews worked all night."
    ))
    d2 = doc("r2", (
        "Markovic, who leads the Varnos fire service, said the capital Brell sent two engines. "
        "Ilona Markovicz praised the crews in Varnos."
    ))
    ents, _ = resolve_entities([d1, d2], [
        extraction(d1, [("VARNOS", "ORG"), ("Varnos", "ORG"), ("Brell", "PERSON"), ("Ilona Markovic", "PERSON")]),
        extraction(d2, [("Markovic", "ORG"), ("Brell", "PERSON"), ("Ilona Markovicz", "ORG"), ("Varnos", "ORG")]),
    ])
    varnos = entity_of(ents, "VARNOS")
    assert varnos is entity_of(ents, "Varnos") and varnos.type == "GPE"  # "the port of Varnos"
    brell = [e for e in ents if e.name == "Brell"]
    assert len(brell) == 1 and brell[0].type == "GPE"  # "the capital Brell", tagged PERSON
    person = entity_of(ents, "Ilona Markovic")
    assert person.type == "PERSON" and "Fire Chief Ilona Markovic" in person.aliases
    # A lone ORG-tagged surname and an ORG-tagged misspelt full name both join the one person.
    assert person is entity_of(ents, "Markovic") is entity_of(ents, "Ilona Markovicz")
    assert {s for s, _ in person.variants} == {"Markovic", "Markovicz"}


def test_role_words_before_a_name_do_not_block_given_name_matching():
    d1 = doc("t1", "Harbour Affairs Minister Andriy Velko said the port would reopen.")
    d2 = doc("t2", "Andrii Velko, the harbour minister, said the port would reopen.")
    ents, _ = resolve_entities([d1, d2], [
        extraction(d1, [("Harbour Affairs Minister Andriy Velko", "PERSON")]),
        extraction(d2, [("Andrii Velko", "PERSON")]),
    ])
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1 and people[0].name in ("Andriy Velko", "Andrii Velko")


def test_common_nouns_join_only_within_a_shared_story():
    d1 = doc("g1", "In Varnos, police said the Harbour Guard and Ilse Varnhagen found the boat.")
    d2 = doc("g2", "In Varnos, police told Ilse Varnhagen the Harbour Guard had left.")
    d3 = doc("g3", "In Lisje, police said a goat escaped from the Tallin zoo.")
    names = [("Varnos", "GPE"), ("police", "ORG"), ("Harbour Guard", "ORG"), ("Ilse Varnhagen", "PERSON")]
    ents, _ = resolve_entities([d1, d2, d3], [
        extraction(d1, names), extraction(d2, names),
        extraction(d3, [("Lisje", "GPE"), ("police", "ORG"), ("Tallin", "GPE")]),
    ])
    police = [e for e in ents if e.name == "police"]
    assert sorted(sorted({m.doc for m in e.mentions}) for e in police) == [["g1", "g2"], ["g3"]]


def test_surname_particles_and_family_name_first():
    d1 = doc("n1", "Ursula von der Leyen spoke in Brussels. Von der Leyen said talks would go on.")
    d2 = doc("n2", "Later von der Leyen met Kim Jong Un's envoy. Kim Jong Un did not attend; Kim sent a letter.")
    ents, _ = resolve_entities([d1, d2], [
        extraction(d1, [("Ursula von der Leyen", "PERSON"), ("Brussels", "GPE")]),
        extraction(d2, [("von der Leyen", "PERSON"), ("Kim Jong Un", "PERSON"), ("Kim", "PERSON")]),
    ])
    assert entity_of(ents, "von der Leyen") is entity_of(ents, "Ursula von der Leyen")
    assert entity_of(ents, "Kim") is entity_of(ents, "Kim Jong Un")


def test_two_letter_initials_match_only_inside_one_document():
    d1 = doc("u1", "The Energy Union said prices fell. The EU also said so.")
    d2 = doc("u2", "The EU met on Monday.")
    d3 = doc("u3", "The Energy Union met on Monday.")
    ents, _ = resolve_entities([d1, d2, d3], [
        extraction(d1, [("Energy Union", "ORG"), ("EU", "ORG")]),
        extraction(d2, [("EU", "ORG")]),
        extraction(d3, [("Energy Union", "ORG")]),
    ])
    eu = entity_of(ents, "Energy Union")
    assert {m.doc for m in eu.mentions} >= {"u1", "u3"}
    # "EU" of u1 joined its in-document expansion; the exact "EU" of u2 follows by name.
    assert any(m.doc == "u1" and m.text == "EU" for m in eu.mentions)
