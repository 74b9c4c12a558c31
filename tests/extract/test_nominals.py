"""Role nouns standing for a named person ("her lawyer", "the coach"): extract.nominals."""
from .helpers import run


def person(x, name):
    return next(e for e in x.entities if e.name == name)


def texts(e):
    return [m.text for m in e.mentions]


def test_court_lawyer_named_in_apposition_then_by_role(nlp):
    x = run(nlp, "The singer appeared in court on Monday with her lawyer, Dana Whitcombe. "
                 "The lawyer told reporters that the charges would be dropped.")
    e = person(x, "Dana Whitcombe")
    assert texts(e).count("lawyer") == 2  # the apposed role noun and the later "The lawyer"


def test_sports_coach_title_then_role_noun(nlp):
    x = run(nlp, "The Harbor City Gulls fired head coach Milo Brandt on Saturday after a losing streak. "
                 "The coach had been with the club for three seasons.")
    e = person(x, "Milo Brandt")
    assert "coach" in texts(e)
    # The title in front of the name is part of the name's phrase, not a mention of its own.
    assert sum(1 for m in e.mentions if m.text == "coach") == 1


def test_two_lawyers_leave_the_role_noun_unattached(nlp):
    x = run(nlp, "Prosecutors questioned defence lawyer Rita Osei and lawyer Tomas Berg on Tuesday. "
                 "The lawyer said the hearing was adjourned.")
    for name in ("Rita Osei", "Tomas Berg"):
        assert "lawyer" not in texts(person(x, name))


def test_indefinite_role_noun_is_someone_new(nlp):
    x = run(nlp, "Business: Orvane Foods named Lena Marsh, its chief executive, to the board. "
                 "A director said the move was expected.")
    assert "director" not in texts(person(x, "Lena Marsh"))


def test_role_noun_never_becomes_a_name(nlp):
    x = run(nlp, "The physicist Arjun Mehta, the team's leader, presented the results. "
                 "The leader said the detector had seen the signal twice.")
    e = person(x, "Arjun Mehta")
    assert "leader" in texts(e)
    assert "leader" not in e.aliases and e.name == "Arjun Mehta"


def test_predicate_role_noun_is_no_mention(nlp):
    x = run(nlp, "Senator Paula Grier praised coach Ivo Lind. Grier was introduced as the coach of the year "
                 "by the league.")
    assert "coach" not in texts(person(x, "Ivo Lind"))


def test_role_noun_speaker_is_the_named_person(nlp):
    x = run(nlp, "Officials in Carvale said on Monday that the dam was safe. The singer Mia Lund appeared in "
                 "court with her lawyer, Dana Whitcombe. The lawyer told reporters that the charges would be dropped.")
    e = person(x, "Dana Whitcombe")
    claim = next(c for c in x.claims if "charges would be dropped" in c.text)
    assert claim.speaker == e.id
    assert not any(other.name == "lawyer" for other in x.entities)


def test_capital_the_inside_a_sentence_is_part_of_a_body_name(nlp):
    x = run(nlp, "A spokesperson for The Los Angeles Superior Court said the hearing was moved. "
                 "The Los Angeles Superior Court gave no reason.")
    court = next(e for e in x.entities if e.name == "Los Angeles Superior Court")
    assert sorted(m.text for m in court.mentions) == ["Los Angeles Superior Court", "The Los Angeles Superior Court"]


def test_sports_role_said_of_a_person_makes_them_its_holder(nlp):
    x = run(nlp, "The Gulls introduced Milo Brandt as their new coach on Monday. "
                 "The coach promised a faster style of play.")
    e = person(x, "Milo Brandt")
    assert texts(e).count("coach") == 1  # "The coach"; the predicate itself is no mention
    assert e.mentions[-1].text == "coach"


def test_disaster_one_person_noun_with_a_named_apposition(nlp):
    x = run(nlp, "A bus slid off the flooded road near Arden on Sunday. The driver, Tomas Reyes, was flown "
                 "to hospital. The driver had tried to turn back before the bridge.")
    e = person(x, "Tomas Reyes")
    assert texts(e).count("driver") == 2


def test_kinship_noun_never_stands_for_a_named_person(nlp):
    x = run(nlp, "Boxer Ivan Petrov shares the titles with his older brother, Oleg Petrov. "
                 "Oleg Petrov was in his brother's corner on Saturday.")
    assert "brother" not in texts(person(x, "Oleg Petrov"))


def test_role_nouns_joined_by_and_share_the_apposed_name(nlp):
    x = run(nlp, "Her publicist said the 1950s screen actress and record-setting swimmer, Esther Vale, died on Thursday.")
    e = person(x, "Esther Vale")
    assert {"actress", "swimmer"} <= set(texts(e))


def test_role_noun_mentions_are_marked_as_descriptions_and_names_are_not(nlp):
    x = run(nlp, "Politics: the mayor arrived at the ethics hearing with her lawyer, Tomas Velde. "
                 "The lawyer told the panel that Velde had filed the papers himself.")
    e = person(x, "Tomas Velde")
    kinds = {m.text: m.nominal for m in e.mentions}
    assert kinds["lawyer"] is True and kinds["Tomas Velde"] is False and kinds["Velde"] is False


def test_story_name_counts_read_names_not_the_descriptions_standing_for_them(nlp):
    """Role nouns would otherwise make a person a report's lead: stories count names only."""
    from newssift.align.stories import _name_counts
    from newssift.models import Document

    text = ("Court: the actor Pavel Drozd hired lawyer Mira Sandell on Friday. The lawyer said the case was weak. "
            "The lawyer added that her client would plead not guilty, and the lawyer filed a motion.")
    x = run(nlp, text)
    lawyer = person(x, "Mira Sandell")
    assert sum(m.nominal for m in lawyer.mentions) >= 2
    people, _names = _name_counts(Document(id="d1", text=text), x)
    assert people["sandell"] == sum(1 for m in lawyer.mentions if not m.nominal)
