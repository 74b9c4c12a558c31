"""The editorial pass splits only lines that may hold several sentences: the shortcut must agree with the sentencizer."""
from __future__ import annotations

import pytest

from newssift.flags.editorial import _one_sentence, _sentences, _splitter

# Lines in several genres, written for this test: one-sentence paragraphs,
# headlines, several sentences, abbreviations, quotes, marks in odd places.
LINES = [
    "Court throws out appeal in harbour land case",
    "The judge said the appeal had no merit.",
    '"We will appeal again," the lawyer told reporters.',
    "Shares in Corvane rose 4.5 percent on Tuesday. Analysts had expected a fall.",
    "The striker scored twice!  The home crowd went quiet",
    "Dr. Ilse Marn, who led the study, called it a first step.",
    "Researchers at the U.S. lab measured 3.5 million samples",
    "Was the vote rigged? The commission says no.",
    "Flood waters reached the old bridge…",
    "Flood waters reached the old bridge… then the town square.",
    "The minister (who resigned in May). Her deputy took over.",
    "  Rescue teams worked through the night.  ",
    "Turnout was low\u2014just 41 percent\u2014in the north.",
    "\u201cNobody warned us.\u201d",
    "Update: the road has reopened.Traffic is heavy",
    "etc. and so on",
    "...",
    "Goal!!! What a finish?!",
]


@pytest.mark.parametrize("line", LINES)
def test_one_sentence_shortcut_agrees_with_the_sentencizer(line):
    doc = next(_splitter().pipe([line]))
    found = [s for s in doc.sents if line[s.start_char:s.end_char].strip()]
    if _one_sentence(line):
        assert len(found) == 1


def test_the_shortcut_takes_headlines_and_one_sentence_paragraphs_only():
    assert _one_sentence("Court throws out appeal in harbour land case")
    assert _one_sentence('"We will appeal again," the lawyer told reporters.')
    assert not _one_sentence("Shares rose 4.5 percent on Tuesday. Analysts had expected a fall.")
    assert not _one_sentence("Was the vote rigged? The commission says no.")


def test_sentences_and_offsets_are_the_sentencizers():
    text = "\n".join(LINES) + "\n"
    sents = _sentences(text)
    assert [text[s.start:s.end] for s in sents] == [s.text for s in sents]
    # The same text split by the sentencizer alone, line by line.
    expected = []
    pos = 0
    for line in LINES:
        doc = next(_splitter().pipe([line]))
        for s in doc.sents:
            raw = line[s.start_char:s.end_char]
            if raw.strip():
                expected.append((pos + s.start_char + len(raw) - len(raw.lstrip()), raw.strip()))
        pos += len(line) + 1
    assert [(s.start, s.text) for s in sents] == expected
    assert any(s.text == "Analysts had expected a fall." for s in sents)
