"""Names in headlines (Document.title) as mentions of the entities the body names: resolve.headlines."""
from newssift.models import Document, Entity, Mention
from newssift.resolve.headlines import add_headline_mentions, headline_names


def ent(eid, name, etype, *mentions):
    return Entity(id=eid, name=name, type=etype, mentions=tuple(mentions))


def body_mention(doc, text, body, label, eid):
    start = body.index(text)
    return Mention(doc, start, start + len(text), text, label, eid)


def test_court_headline_full_name_of_a_body_surname():
    body1 = "Yesterday Carla Bentz pleaded not guilty. Bentz faces two counts."
    body2 = "Bentz left the courthouse without comment."
    d1 = Document(id="a", text=body1, title="Judge hears Carla Bentz plea")
    d2 = Document(id="b", text=body2, title="Carla Bentz Leaves Court Silent")
    e = ent("e1", "Carla Bentz", "PERSON", body_mention("a", "Carla Bentz", body1, "PERSON", "e1"),
            body_mention("b", "Bentz", body2, "PERSON", "e1"))
    out = add_headline_mentions([d1, d2], [e])[0]
    titled = [m for m in out.mentions if m.part == "title"]
    assert [(m.doc, m.text) for m in titled] == [("a", "Carla Bentz"), ("b", "Carla Bentz")]
    for m in titled:
        title = d1.title if m.doc == "a" else d2.title
        assert title[m.start:m.end] == m.text  # offsets index the title


def test_business_lower_case_word_in_sentence_case_headline_is_no_name():
    body = "Shares of Birch Ltd rose. Birch said profits doubled."
    d = Document(id="a", text=body, title="Why birch furniture sells: Birch Ltd profits double")
    e = ent("e1", "Birch", "ORG", body_mention("a", "Birch", body, "ORG", "e1"))
    found = headline_names([d], [e])["e1"]
    assert [m.text for m in found] == ["Birch"]
    assert found[0].start == d.title.index("Birch Ltd")


def test_sports_all_caps_headline_and_possessive():
    body = "The striker Tomas Okafor scored twice for Harlow."
    d = Document(id="a", text=body, title="OKAFOR'S DOUBLE LIFTS HARLOW")
    e1 = ent("e1", "Tomas Okafor", "PERSON", body_mention("a", "Tomas Okafor", body, "PERSON", "e1"))
    e2 = ent("e2", "Harlow", "GPE", body_mention("a", "Harlow", body, "GPE", "e2"))
    found = headline_names([d], [e1, e2])
    assert [m.text for m in found["e1"]] == ["OKAFOR"]
    assert [m.text for m in found["e2"]] == ["HARLOW"]


def test_science_shared_surname_is_not_guessed():
    body = "Ines Varga and Paul Varga led the survey. Varga said the ice had thinned."
    d = Document(id="a", text=body, title="Varga team finds thinner ice")
    e1 = ent("e1", "Ines Varga", "PERSON", body_mention("a", "Ines Varga", body, "PERSON", "e1"))
    e2 = ent("e2", "Paul Varga", "PERSON", body_mention("a", "Paul Varga", body, "PERSON", "e2"))
    assert headline_names([d], [e1, e2]) == {}


def test_politics_common_noun_the_body_writes_in_lower_case_is_skipped():
    body = "The Assembly met. Members of the assembly voted on the budget in the Assembly hall."
    d = Document(id="a", text=body, title="Assembly Passes Budget")
    e = ent("e1", "Assembly", "ORG", body_mention("a", "Assembly", body, "ORG", "e1"))
    assert headline_names([d], [e]) == {}


def test_full_name_known_from_another_report_needs_no_body_mention():
    body1 = "Minister Oskar Lindqvist resigned on Friday."
    body2 = "The minister's office confirmed the news."
    d1 = Document(id="a", text=body1)
    d2 = Document(id="b", text=body2, title="Oskar Lindqvist Resigns")
    e = ent("e1", "Oskar Lindqvist", "PERSON", body_mention("a", "Oskar Lindqvist", body1, "PERSON", "e1"))
    found = headline_names([d1, d2], [e])["e1"]
    assert [(m.doc, m.text) for m in found] == [("b", "Oskar Lindqvist")]


def test_headline_kept_in_the_body_adds_nothing():
    body = "Flood Hits Marrow Valley\nThe river rose in Marrow Valley overnight."
    d = Document(id="a", text=body, title="Flood Hits Marrow Valley")
    e = ent("e1", "Marrow Valley", "LOC", body_mention("a", "Marrow Valley", body, "LOC", "e1"))
    assert headline_names([d], [e]) == {}


def test_title_mentions_round_trip_through_the_report_json_and_fit_its_schema():
    import json

    import jsonschema

    from newssift.models import Report
    from newssift.report.json import report_from_dict, report_to_dict
    from newssift.web.report_schema import report_json_schema

    body = "Rescuers reached Port Selwyn at dawn."
    d = Document(id="a", text=body, title="Storm Cuts Off Port Selwyn")
    e = ent("e1", "Port Selwyn", "GPE", body_mention("a", "Port Selwyn", body, "GPE", "e1"))
    report = Report(documents=(d,), entities=tuple(add_headline_mentions([d], [e])))
    data = json.loads(json.dumps(report_to_dict(report)))
    jsonschema.validate(data, report_json_schema())
    parts = [(m["text"], m.get("part", "text")) for m in data["entities"][0]["mentions"]]
    assert parts == [("Port Selwyn", "text"), ("Port Selwyn", "title")]
    back = report_from_dict(data).entities[0].mentions
    assert [m.part for m in back] == ["text", "title"]


def person_with_titles(eid, name, titles, *mentions):
    return Entity(id=eid, name=name, type="PERSON", mentions=tuple(mentions), titles=tuple(titles))


def test_court_headline_role_word_stands_for_the_one_holder_of_the_role():
    body = "The singer's lawyer, Dana Whitcombe, said the plea was entered. Mia Lund was not in court."
    d = Document(id="a", text=body, title="Lawyer: Singer Enters Plea")
    lawyer = person_with_titles("e1", "Dana Whitcombe", ["singer's lawyer"],
                                body_mention("a", "Dana Whitcombe", body, "PERSON", "e1"))
    singer = person_with_titles("e2", "Mia Lund", [], body_mention("a", "Mia Lund", body, "PERSON", "e2"))
    found = headline_names([d], [lawyer, singer])
    assert [(m.text, m.start) for m in found["e1"]] == [("Lawyer", 0)]
    assert found["e1"][0].nominal  # a role word describes the person, it does not name them
    assert "e2" not in found


def test_sports_role_word_before_a_name_or_as_a_verb_is_no_mention():
    body = "Head coach Milo Brandt will coach the Gulls again. Brandt signed on Friday."
    d1 = Document(id="a", text=body, title="Gulls Keep Coach Milo Brandt")
    d2 = Document(id="b", text=body, title="Brandt To Coach Gulls Again")
    e = person_with_titles("e1", "Milo Brandt", ["Head coach"], body_mention("a", "Milo Brandt", body, "PERSON", "e1"),
                           body_mention("b", "Milo Brandt", body, "PERSON", "e1"))
    found = headline_names([d1, d2], [e])["e1"]
    assert [(m.doc, m.text) for m in found] == [("a", "Milo Brandt"), ("b", "Brandt")]


def test_politics_role_word_with_two_holders_is_not_guessed():
    body = "Minister Oskar Lindqvist met minister Ana Sorel on Monday."
    d = Document(id="a", text=body, title="Minister Resigns After Talks")
    e1 = person_with_titles("e1", "Oskar Lindqvist", ["Minister"], body_mention("a", "Oskar Lindqvist", body, "PERSON", "e1"))
    e2 = person_with_titles("e2", "Ana Sorel", ["minister"], body_mention("a", "Ana Sorel", body, "PERSON", "e2"))
    assert headline_names([d], [e1, e2]) == {}
