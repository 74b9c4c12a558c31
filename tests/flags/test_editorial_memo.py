"""Sentences split ahead (flags.editorial.prepare_sentences) are taken once by the editorial flag pass."""
from newssift.flags import editorial

TEXT = ("The council approved the new stadium on Tuesday. Residents must stop this waste now!\n"
        "The mayor said construction starts in May.")


def test_politics_sentences_split_ahead_equal_those_split_on_demand_and_are_taken_once():
    editorial._SENTENCE_MEMO.clear()
    on_demand = editorial._taken_sentences(TEXT)
    editorial.prepare_sentences(TEXT)
    assert TEXT in editorial._SENTENCE_MEMO
    assert editorial._taken_sentences(TEXT) == on_demand
    assert TEXT not in editorial._SENTENCE_MEMO
    assert [s.text for s in on_demand] == ["The council approved the new stadium on Tuesday.",
                                           "Residents must stop this waste now!",
                                           "The mayor said construction starts in May."]


def test_the_sentence_memo_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(editorial._SENTENCE_MEMO, "size", 2)
    editorial._SENTENCE_MEMO.clear()
    for i in range(5):
        editorial.prepare_sentences(f"The match ended {i}-0. Fans cheered.")
    assert list(editorial._SENTENCE_MEMO) == ["The match ended 3-0. Fans cheered.", "The match ended 4-0. Fans cheered."]
