"""Claims and speakers, on sentences written for these tests, parsed by the real spaCy pipeline."""
import pickle

from .helpers import claim_with, entity, run


def test_quote_then_speaker(nlp):
    x = run(nlp, '"The bridge will reopen next month after repairs," transport minister Elena Varga said.')
    c = claim_with(x, "The bridge will reopen next month")
    assert c.kind == "direct_quote"
    assert c.speaker_text.endswith("Elena Varga")
    assert entity(x, c.speaker).name == "Elena Varga"
    assert '"' not in c.text


def test_speaker_then_quote_over_two_sentences_is_one_claim(nlp):
    x = run(nlp, 'Varga told reporters: "We have checked every cable on the span. Nothing was left to chance."')
    c = claim_with(x, "We have checked every cable")
    assert "Nothing was left to chance" in c.text
    assert c.kind == "direct_quote"
    assert c.speaker_text == "Varga"
    assert len([k for k in x.claims if k.kind == "direct_quote"]) == 1


def test_quote_interrupted_by_its_tag_is_one_claim(nlp):
    x = run(nlp, '"The levee held," said Dana Ruiz, who runs the county flood office. '
                 '"We will still inspect every pump before the next storm."')
    quotes = [c for c in x.claims if c.kind == "direct_quote"]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The levee held")
    assert quotes[0].text.endswith("before the next storm.")
    assert quotes[0].speaker_text == "Dana Ruiz, who runs the county flood office"
    assert entity(x, quotes[0].speaker).name == "Dana Ruiz"


def test_source_words_keep_the_title_apposition(nlp):
    x = run(nlp, "Mira Olsen, the chief engineer of the water board, said the reservoir was full.")
    c = claim_with(x, "the reservoir was full")
    assert c.speaker_text == "Mira Olsen, the chief engineer of the water board"
    assert entity(x, c.speaker).name == "Mira Olsen"


def test_source_words_drop_an_apposition_with_a_coordination(nlp):
    x = run(nlp, "Tom Reyes, head of roads and bridges, said the tunnel would reopen.")
    c = claim_with(x, "the tunnel would reopen")
    assert c.speaker_text == "Tom Reyes"


def test_quote_after_another_reporting_verb_is_not_joined(nlp):
    x = run(nlp, '"The season is over for him," the coach said. The club confirmed the injury. '
                 '"He will need surgery on the knee and months of rest."')
    quotes = [c for c in x.claims if c.kind == "direct_quote"]
    assert len(quotes) == 2


def test_doubled_apostrophes_mark_a_quote(nlp):
    x = run(nlp, "''The new terminal will open in the spring,'' the airport director said.")
    c = claim_with(x, "The new terminal will open in the spring")
    assert c.kind == "direct_quote"
    assert c.speaker_text == "the airport director"
    assert "'" not in c.text


def test_quote_split_by_its_attribution(nlp):
    x = run(nlp, "\u201cThe water from the new plant is safe to drink,\u201d Mayor Tom Okafor said, "
                 "\u201cand the laboratory tests we ordered prove it.\u201d")
    a = claim_with(x, "The water from the new plant is safe")
    b = claim_with(x, "the laboratory tests we ordered prove it")
    assert a.speaker == b.speaker is not None
    assert entity(x, a.speaker).name == "Tom Okafor"


def test_short_scare_quote_is_not_a_direct_quote(nlp):
    x = run(nlp, 'The mayor said the damage was "considerable" but that the dam had held.')
    assert all(c.kind != "direct_quote" for c in x.claims)
    c = claim_with(x, '"considerable"')
    assert c.kind == "indirect"


def test_indirect_speech_takes_the_reported_clause(nlp):
    x = run(nlp, "The ministry said that 14 people were injured in the collision near the tunnel.")
    c = claim_with(x, "14 people were injured in the collision")
    assert c.kind == "indirect"
    assert c.speaker_text == "The ministry"
    assert c.text.startswith("14 people")
    assert c.cue == "said"


def test_according_to_in_front_and_at_the_back(nlp):
    x = run(nlp, "According to the coast guard, two fishing boats sank in the storm. "
                 "The harbour was closed for the night, according to port officials.")
    front = claim_with(x, "two fishing boats sank in the storm")
    back = claim_with(x, "The harbour was closed for the night")
    assert front.kind == back.kind == "according_to"
    assert front.speaker_text == "the coast guard"
    assert back.speaker_text == "port officials"
    assert "according" not in front.text.lower() and "according" not in back.text.lower()


def test_as_per_a_report_names_the_author(nlp):
    x = run(nlp, "The plant will close in March, as per a Bloomberg report.")
    c = claim_with(x, "The plant will close in March")
    assert c.speaker_text == "Bloomberg"
    assert c.kind == "according_to"


def test_passive_revelation_has_no_speaker(nlp):
    x = run(nlp, "It was revealed that the mine had been closed twice before because of flooding.")
    c = claim_with(x, "the mine had been closed twice before")
    assert c.speaker is None and c.speaker_text is None
    assert c.kind == "unattributed"


def test_relay_names_source_and_intermediary(nlp):
    x = run(nlp, "The Daily Courier cited a statement released by the national coast guard, "
                 "saying that two sailors had been rescued from the water.")
    c = claim_with(x, "two sailors had been rescued")
    assert "coast guard" in c.speaker_text
    assert c.via_text == "The Daily Courier"
    assert c.via is not None and c.via != c.speaker


def test_surname_and_pronoun_refer_to_the_same_person(nlp):
    x = run(nlp, "Government spokesman Paul Ndlovu said the talks would resume soon. "
                 "Ndlovu added that no date had been set. "
                 "He also said that both sides had agreed to keep the border open.")
    cs = [claim_with(x, w) for w in ("the talks would resume", "no date had been set", "both sides had agreed")]
    assert len({c.speaker for c in cs}) == 1
    person = entity(x, cs[0].speaker)
    assert person.name == "Paul Ndlovu" and person.type == "PERSON"
    assert any("spokesman" in t.lower() for t in person.titles)


def test_role_noun_refers_to_the_person_holding_the_role(nlp):
    x = run(nlp, "Health minister Rosa Pinto visited the hospital on Friday. "
                 "The minister said that 30 patients had already been sent home.")
    c = claim_with(x, "30 patients had already been sent home")
    assert entity(x, c.speaker).name == "Rosa Pinto"


def test_participle_and_conjunct_inherit_the_speaker(nlp):
    x = run(nlp, "Police said the driver had been arrested, and noted that the road would stay closed until Monday. "
                 "Fire chief Lena Berg described the rescue, noting that the cab had been crushed.")
    a = claim_with(x, "the driver had been arrested")
    b = claim_with(x, "the road would stay closed until Monday")
    assert a.speaker == b.speaker is not None and a.id != b.id
    c = claim_with(x, "the cab had been crushed")
    assert entity(x, c.speaker).name == "Lena Berg"


def test_generic_group_speaker_gets_an_entity(nlp):
    x = run(nlp, "Local officials said the evacuation order would be lifted on Sunday.")
    c = claim_with(x, "the evacuation order would be lifted")
    e = entity(x, c.speaker)
    assert e is not None and e.name == "Local officials"


def test_outlet_voice_is_unattributed_and_hedges_are_marked(nlp):
    x = run(nlp, "The storm knocked out power to 12,000 homes across the province. "
                 "The suspect reportedly fled across the border overnight. "
                 "The footage could not be independently verified by our reporters.")
    plain = claim_with(x, "The storm knocked out power")
    assert plain.kind == "unattributed" and plain.speaker is None and not plain.hedged
    assert claim_with(x, "reportedly fled").hedged
    assert claim_with(x, "could not be independently verified").hedged


def test_trailing_attribution_tag(nlp):
    x = run(nlp, "Among the injured was a nine-year-old girl from the village, her uncle told local radio.")
    c = claim_with(x, "Among the injured was a nine-year-old girl")
    assert c.kind == "indirect"
    assert "her uncle" in c.speaker_text
    assert "told" not in c.text


def test_questions_and_headlines_below_the_first_line_are_not_claims(nlp):
    x = run(nlp, "What Caused The Blast At The Northern Refinery?\nWho will pay for the repairs to the pier?\n"
                 "Weekend Storm Leaves Thousands Without Power Across Coastal Towns")
    # The first line is the document's headline: a claim, hedged as a question.
    assert [(c.text, c.hedged) for c in x.claims] == [("What Caused The Blast At The Northern Refinery?", True)]


def test_offsets_ids_and_purity(nlp):
    text = ("Rescuers pulled 14 survivors from the rubble on Tuesday, the civil defence agency said. "
            "\u201cWe will keep searching through the night,\u201d its director Omar Haddad said.")
    x = run(nlp, text, published="2025-03-05", doc_id="doc7")
    assert x.claims and all(text[c.start:c.end] == c.text for c in x.claims)
    assert all(c.id == f"doc7#c{n}" for n, c in enumerate(x.claims))
    assert all(e.id.startswith("doc7#e") for e in x.entities)
    assert all(m.entity in {e.id for e in x.entities} for m in x.mentions)
    assert all(text[m.start:m.end] == m.text for m in x.mentions)
    assert pickle.loads(pickle.dumps(x)) == x
    assert run(nlp, text, published="2025-03-05", doc_id="doc7") == x


def test_claim_time_is_resolved_against_publication(nlp):
    x = run(nlp, "The regional governor said on Monday that the airport would reopen.", published="2024-12-18")
    c = claim_with(x, "the airport would reopen")
    assert c.time is not None and c.time.date == "2024-12-16"


def test_unnamed_office_holder_and_short_statement(nlp):
    x = run(nlp, "The governor, who toured the flooded district, said that 57 people had died. "
                 "Six officers were hurt.")
    c = claim_with(x, "57 people had died")
    gov = entity(x, c.speaker)
    assert gov is not None and gov.name.lower() == "governor"
    short = claim_with(x, "Six officers were hurt")
    assert short.kind == "unattributed"
    assert [(q.low, q.measure) for q in short.quantities] == [(6, "wounded")]


def test_material_without_author_is_the_outlets_description(nlp):
    x = run(nlp, "Drone footage showed smoke rising from the depot. "
                 "The coast guard released a video showing two boats capsizing near the pier.")
    own = claim_with(x, "Drone footage showed smoke")
    assert own.kind == "unattributed" and own.speaker is None
    released = claim_with(x, "video showing two boats capsizing")
    assert released.speaker_text == "The coast guard"


def test_stance_verbs_and_trailing_tags_over_two_clauses(nlp):
    x = run(nlp, "Mayor Ines Falk said the shelters were full. She promised to open two more schools by Friday. "
                 "A cargo ship lost power near the cape, and its crew was lifted off safely, the navy said.")
    promise = claim_with(x, "promised to open two more schools")
    assert entity(x, promise.speaker).name == "Ines Falk"
    both = claim_with(x, "its crew was lifted off safely")
    assert both.text.startswith("A cargo ship lost power")
    assert both.speaker_text == "the navy"


def test_quoted_as_saying_and_citing_are_relays(nlp):
    x = run(nlp, "State television quoted the defence minister as saying that the drills would last another week. "
                 "The airline plans to cut 900 jobs, Reuters reported, citing two people familiar with the matter.")
    drills = claim_with(x, "the drills would last another week")
    assert drills.speaker_text == "the defence minister" and drills.via_text == "State television"
    jobs = claim_with(x, "The airline plans to cut 900 jobs")
    assert jobs.speaker_text.startswith("two people familiar") and jobs.via_text == "Reuters"


def test_according_to_before_a_quote_names_its_speaker(nlp):
    x = run(nlp, 'According to Navarro, "the plan is dead and everybody in the room knows it."')
    c = claim_with(x, "the plan is dead")
    assert c.kind == "direct_quote" and c.speaker_text == "Navarro"


def test_unnamed_sources_are_speakers_and_unconfirmed_is_a_hedge(nlp):
    x = run(nlp, "Sources close to the investigation said the pilot had reported a fault, "
                 "though this has not been confirmed.")
    c = claim_with(x, "the pilot had reported a fault")
    assert entity(x, c.speaker) is not None and c.hedged


def test_one_of_a_group_and_a_mislabelled_office_holder(nlp):
    x = run(nlp, "Mayor Ines Caldera said about 120 buildings had been damaged. "
                 "Four people were killed, she said.\n\n"
                 "Shop owners along the harbour fear a lost summer. "
                 '"We had bookings for May. Now the whole street is fenced off," one said.')
    killed = claim_with(x, "Four people were killed")
    assert entity(x, killed.speaker).name == "Ines Caldera"
    quote = claim_with(x, "Now the whole street is fenced off")
    assert "owners" in entity(x, quote.speaker).name


def test_short_form_of_a_company_and_they_in_the_same_sentence(nlp):
    x = run(nlp, "The depot will stay shut, its owner Brannock Freight said. "
                 "Brannock estimated that some 40 trucks had been damaged. "
                 "Insurers contacted by the paper put the cost at 9 million euros, "
                 "although they stressed that it was too early for a firm figure.")
    company = entity(x, claim_with(x, "The depot will stay shut").speaker)
    assert company.type == "ORG"
    assert claim_with(x, "some 40 trucks had been damaged").speaker == company.id
    early = claim_with(x, "too early for a firm figure")
    assert entity(x, early.speaker).name == "Insurers"


def test_clause_subject_the_parser_hung_on_the_verb(nlp):
    x = run(nlp, "Police said between 3 and 40 people were still missing, "
                 "and noted that search teams would work through the night.")
    c = claim_with(x, "people were still missing")
    assert c.text.startswith("between 3 and 40 people")
    assert [(q.low, q.high, q.qualifier) for q in c.quantities] == [(3, 40, "range")]


def test_quote_running_over_two_paragraphs(nlp):
    x = run(nlp, 'Harbour master Olu Bakare said: "The storm surge was the highest we have measured.\n\n'
                 '"Three piers will have to be rebuilt before the summer," he added.')
    first = claim_with(x, "The storm surge was the highest")
    second = claim_with(x, "Three piers will have to be rebuilt")
    assert first.kind == second.kind == "direct_quote"
    assert first.speaker == second.speaker is not None
    assert entity(x, first.speaker).name == "Olu Bakare"


def test_material_released_by_a_named_body_speaks_for_it(nlp):
    x = run(nlp, "He also posted footage showing rescuers carrying survivors from the mine. "
                 "Photos released by the national police have documented damage to the station.")
    posted = claim_with(x, "footage showing rescuers carrying survivors")
    assert posted.kind == "indirect" and posted.speaker_text == "He"
    photos = claim_with(x, "damage to the station")
    assert "national police" in photos.speaker_text


def test_statement_of_a_body_and_found_inside_reported_speech(nlp):
    x = run(nlp, "A police statement said two suspects, aged 19 and 22, had been charged with arson. "
                 "Officials told the agency that 17 bodies had been found and that the search would resume at dawn.")
    charged = claim_with(x, "two suspects, aged 19 and 22, had been charged")
    assert charged.speaker_text == "police" and charged.time is None
    assert [q.low for q in charged.quantities] == [2]
    found = [c for c in x.claims if "the search would resume" in c.text]
    assert len(found) == 1 and found[0].speaker_text == "Officials"


def test_sentence_full_of_names_is_still_a_claim(nlp):
    x = run(nlp, "President Amara Osei and NATO Secretary General Lars Holm met in Brussels on Monday.")
    assert len(x.claims) == 1 and x.claims[0].kind == "unattributed"


def test_short_quote_with_its_tag_is_speech(nlp):
    x = run(nlp, '"Hold the line," the captain says. "We are nearly through the storm."')
    quotes = [c for c in x.claims if c.kind == "direct_quote"]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Hold the line")
    assert quotes[0].speaker_text == "the captain"


def test_stance_verb_noun_object_is_the_claim(nlp):
    x = run(nlp, "The senator acknowledged the failure of the flood defences.")
    c = claim_with(x, "the failure of the flood defences")
    assert c.kind == "indirect"
    assert c.text == "the failure of the flood defences"
    assert c.speaker_text == "The senator"


def test_source_words_leave_out_the_reporting_clause(nlp):
    x = run(nlp, "The ferry operator, which has repeatedly promised to add sailings, runs six boats a day.")
    assert all("promised" not in (c.speaker_text or "") for c in x.claims)


def test_asked_whether_is_an_attributed_hedged_question(nlp):
    x = run(nlp, "The inspector asked whether the crane had been checked. The site closed early on Monday.")
    c = claim_with(x, "the crane had been checked")
    assert c.kind == "indirect" and c.cue == "asked"
    assert c.speaker_text == "The inspector"
    assert c.hedged


def test_nested_according_to_phrases_give_bounded_source_phrases(nlp):
    # A fuzzed input that made speaker phrases walk whole subtrees (quadratic); a source is never that long.
    from newssift.extract.attribution import MAX_SOURCE_TOKENS, phrase_tokens

    text = "Two players were injured, " + "according to the " * 200 + "club doctor."
    doc = nlp(text)
    heads = [t for t in doc if t.dep_ == "pobj"]
    assert heads and all(len(phrase_tokens(h)) <= 2 * MAX_SOURCE_TOKENS + 1 for h in heads)
    x = run(nlp, "The striker was injured in training, according to the club doctor.")
    c = claim_with(x, "striker was injured")
    assert c.speaker_text == "the club doctor"
