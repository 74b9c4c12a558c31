"""Outlets whose names are common words ("her rep told People", "confirmed to TIME").

The tagger knows "The Kyiv Post" but not a magazine called "People", "Time"
or "Nature": the word is an ordinary noun to it.  News gives such a name away
by its capital inside a running sentence, in the place where an outlet
stands: the one told ("told People", "tells PEOPLE"), or the one something was
said to or according to ("confirmed to People", "according to Nature").  Such
a word, not already a mention, becomes a body (ORG) mention.
"""
from __future__ import annotations

from .lexicon import REPORTING_VERBS
from .mentions import EntityTable

__all__ = ["MIN_OUTLET_CHARS", "add_outlet_mentions"]

#: Shortest word read as an outlet's name ("AP" and other acronyms are found by the tagger).
MIN_OUTLET_CHARS = 4


def add_outlet_mentions(table: EntityTable, doc) -> int:
    """Add capitalised common words standing where an outlet is told or cited as ORG mentions; how many."""
    people_words = {w.casefold() for e in table.ents if e.type == "PERSON" and e.mentions for w in e.name.split()}
    added = 0
    for t in doc:
        if not _capitalised_in_sentence(t) or not _outlet_slot(t) or t.lower_ in people_words:
            continue  # ("told Okafor": a person the tagger saw elsewhere in the text)
        start, end = t.idx, t.idx + len(t.text)
        if table.covering(start, end):
            continue
        table.add(start, end, "ORG")
        added += 1
    return added


def _capitalised_in_sentence(t) -> bool:
    """A capitalised word the tagger left out, after a lower-case word (so not a sentence's or a headline's capital)."""
    if not t.is_alpha or len(t.text) < MIN_OUTLET_CHARS or not (t.is_title or t.is_upper) or t.ent_type_:
        return False
    if t.i == 0 or t.is_sent_start:
        return False
    before = t.doc[t.i - 1]
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    # One word: a run of capitals ("People Weekly Digest") is a name the tagger should have read.
    return before.is_alpha and before.is_lower and not (after is not None and after.is_alpha and after.is_title)


def _outlet_slot(t) -> bool:
    """Whether the word is the one told ("told People"), or said or confirmed to, or cited ("according to")."""
    head = t.head
    if t.dep_ == "dobj" and head.lemma_.lower() == "tell":
        return True
    if t.dep_ == "pobj" and head.lower_ == "to":
        verb = head.head
        return verb.lower_ == "according" or verb.lemma_.lower() in REPORTING_VERBS
    return False
