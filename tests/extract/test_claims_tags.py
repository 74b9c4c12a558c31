"""Speech tags in unusual places: inside the clause they report, and more (issue 9, attribution).

Sentences written for these tests, from several kinds of news, parsed by the real spaCy pipeline.
"""
import pytest

from .helpers import run

ATTRIBUTED = ("direct_quote", "indirect", "according_to")


def attributed_with(x, words: str):
    """The attributed claim holding ``words`` (exactly one expected)."""
    hits = [c for c in x.claims if words in c.text and c.kind in ATTRIBUTED]
    assert len(hits) == 1, [(c.kind, c.text, c.speaker_text) for c in x.claims]
    return hits[0]


@pytest.mark.parametrize("text, words, speaker", [
    ("The new stadium, the club's chairman said, will open before the autumn.", "will open before", "the club's chairman"),
    ("Sea levels, the researchers often say, are rising faster than models predicted.", "are rising faster", "the researchers"),
    ("The verdict, he told reporters on Friday, is a warning to every landlord in the city.", "is a warning", "he"),
    ("To keep prices down, she said, the bakery will buy flour from local mills.", "will buy flour", "she"),
])
def test_tag_inside_the_clause_attributes_the_sentence(nlp, text, words, speaker):
    c = attributed_with(run(nlp, text), words)
    assert c.kind == "indirect"
    assert c.speaker_text == speaker
    assert c.text.startswith(text.split(",")[0])


def test_trailing_tag_keeps_its_clause_only(nlp):
    x = run(nlp, "The ferry will resume on Monday, the operator said, after the storm damage is repaired.")
    c = attributed_with(x, "The ferry will resume")
    assert "after the storm" not in c.text


def test_a_comma_clause_without_a_speech_verb_is_the_outlets(nlp):
    x = run(nlp, "The bridge, which opened in 1950, will close for repairs in March.")
    assert all(c.kind == "unattributed" for c in x.claims)


@pytest.mark.parametrize("tag, block, speaker", [
    ("The coach added:", "We were beaten by a better side today. The players know they have to improve before Saturday.",
     "The coach"),
    ("Dr Amara Osei, who led the study, wrote:", "The results held in every age group we examined. Nobody expected that.",
     "Dr Amara Osei, who led the study"),
    ("The judge told the court:", "You showed no remorse at any point during this trial.", "The judge"),
])
def test_paragraph_after_a_tag_that_closes_its_line_is_a_block_quote(nlp, tag, block, speaker):
    x = run(nlp, f"The hearing lasted two days.\n\n{tag}\n\n{block}\n\nThe case continues next month.")
    c = attributed_with(x, block.split(".")[0])
    assert c.kind == "direct_quote"
    assert c.text.rstrip(".") == block.rstrip(".")
    assert c.speaker_text == speaker
    assert not any(k.kind == "unattributed" and block.split(".")[0] in k.text for k in x.claims)


def test_a_list_after_a_colon_with_no_speech_verb_is_no_block_quote(nlp):
    x = run(nlp, "The new budget includes the following:\n\nTwo schools will be rebuilt and the ring road widened.")
    assert all(c.kind == "unattributed" for c in x.claims)


def test_a_tag_before_a_quoted_paragraph_stays_the_quotes(nlp):
    x = run(nlp, 'The minister said:\n\n"Every family will receive the payment by March."\n\nThe opposition objected.')
    c = attributed_with(x, "Every family will receive")
    assert c.kind == "direct_quote" and c.speaker_text == "The minister"
    assert '"' not in c.text


@pytest.mark.parametrize("text, content, speaker", [
    ("The judge asked the jury to disregard the witness's last answer.", "to disregard the witness's last answer",
     "The judge"),  # court
    ("The league warned clubs to pay their players on time after two teams missed wages.",
     "to pay their players on time", "The league"),  # sports
    ("Regulators urged the bank to raise more capital before the end of the year.",
     "to raise more capital before the end of the year", "Regulators"),  # business ("before" a date, no clause)
    ("The minister told officials to prepare evacuation plans for the coast.",
     "to prepare evacuation plans for the coast", "The minister"),  # politics / disaster
])
def test_a_request_passed_on_is_its_infinitive(nlp, text, content, speaker):
    c = attributed_with(run(nlp, text), content.split()[1])
    assert c.text == content
    assert c.speaker_text == speaker


def test_a_promise_without_an_object_keeps_its_subject(nlp):
    c = attributed_with(run(nlp, "The mayor promised to open two new schools next year."), "two new schools")
    assert c.text.startswith("The mayor promised")


def test_a_speech_verb_tagged_as_a_noun_still_reports(nlp):
    """The tagger sometimes reads "claims" after a name as a plural noun; with a subject and a clause it is the verb."""
    from spacy.tokens import Doc

    from newssift.extract import extract_document
    from newssift.models import Document

    words = ["But", "Marsh", "claims", "that", "the", "vote", "was", "rigged", "."]
    doc = Doc(nlp.vocab, words=words,
              pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["CC", "NNP", "NNS", "IN", "DT", "NN", "VBD", "VBN", "."],
              deps=["cc", "nsubj", "ROOT", "mark", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
              heads=[2, 2, 2, 7, 5, 7, 7, 2, 2],
              lemmas=["but", "Marsh", "claim", "that", "the", "vote", "be", "rig", "."])
    x = extract_document(Document(id="t", text=doc.text), doc)
    c = attributed_with(x, "the vote was rigged")
    assert c.speaker_text == "Marsh"
    assert c.hedged  # "claim" marks its content as unproven


@pytest.mark.parametrize("text, content, speaker", [
    ("The defence cited the missing fingerprints as proof of a rushed inquiry.",
     "the missing fingerprints as proof of a rushed inquiry", "The defence"),  # court
    ("The coach cited injuries to three defenders.", "injuries to three defenders", "The coach"),  # sports
    ("The company blamed the weather, citing a poor harvest in the south.", "a poor harvest in the south",
     "The company"),  # business
    ("The authors cited rising sea temperatures.", "rising sea temperatures", "The authors"),  # science
])
def test_cited_evidence_is_the_speakers_claim(nlp, text, content, speaker):
    c = attributed_with(run(nlp, text), content)
    assert c.text == content
    assert c.speaker_text == speaker


@pytest.mark.parametrize("text, relayed", [
    ("The newspaper said the minister would resign, citing two senior officials.", "two senior officials"),
    ("Shares fell sharply, the agency said, citing a report by the central bank.", "a report by the central bank"),
])
def test_a_cited_source_is_relayed_not_claimed(nlp, text, relayed):
    x = run(nlp, text)
    assert not any(c.text == relayed for c in x.claims)
