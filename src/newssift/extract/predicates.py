"""A claim's event predicate: the words that say which action or happening it states.

Two outlets' claims about one event share actors, places and often numbers
with claims about the event's aftermath or another event; what tells them
apart is the predicate ("agreed to buy" / "will be taken over" against
"reported a fall in profit").  Fact alignment compares these words between
claims with the sentence encoder (docs/alignment.md, "round 3").

Predicates are read from the spaCy parse of the claim's words: full verbs
by lemma (with their particle: "take over"), and event nouns
(``lexicon.EVENT_NOUNS``, nouns ending in "-ing").  Reporting verbs with a
clause of their own ("said that …") and light verbs with an event-noun
object ("made an acquisition") give way to what they introduce.
"""
from __future__ import annotations

from .lexicon import EMPTY_VERBS, EVENT_NOUNS, LIGHT_VERBS, REPORTING_VERBS

__all__ = ["MAX_PREDICATES", "claim_predicates"]

#: At most this many predicates per claim.  They are ordered main event
#: first: verbs before nouns, and among each the one nearest the root of the
#: parse ("sentenced Ashby for the fraud": "sentence" before "fraud"); a
#: long sentence lists side events after its main one.
MAX_PREDICATES = 4
#: Dependency labels of a verb's clausal complement ("said that …", "agreed to buy").
_CLAUSE_DEPS = frozenset(["ccomp", "xcomp"])
_OBJECT_DEPS = frozenset(["dobj", "obj", "attr", "pobj"])


def claim_predicates(parsed, start: int, end: int) -> tuple[str, ...]:
    """Lower-case event words (verb lemmas, event nouns) of the claim at ``[start, end)`` of ``parsed``."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    found = []
    for tok in span:
        word = _predicate(tok)
        if word:
            found.append((tok.pos_ != "VERB", _depth(tok), tok.i, word))
    out: list[str] = []
    for *_, word in sorted(found):
        if word not in out:
            out.append(word)
    return tuple(out[:MAX_PREDICATES])


def _depth(tok) -> int:
    """How many heads lie between a token and its sentence's root."""
    n = 0
    while tok.head is not tok and n < 50:
        tok, n = tok.head, n + 1
    return n


def _predicate(tok) -> str | None:
    """The predicate word of one token, or None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in EMPTY_VERBS or not lemma.isalpha():
            return None
        kids = list(tok.children)
        if lemma in REPORTING_VERBS and (any(k.dep_ in _CLAUSE_DEPS for k in kids) or _event_object(kids)):
            return None  # "said the plant had closed", "reported a fall": the content is the event
        if lemma in LIGHT_VERBS and _event_object(kids):
            return None  # "made an acquisition": the noun is the event
        if lemma in ("agree", "plan", "decide", "try", "seek", "want", "begin", "start", "continue") and any(
                k.dep_ == "xcomp" for k in kids):
            return None  # "agreed to buy": the complement is the event
        particle = next((k.text.lower() for k in kids if k.dep_ == "prt"), "")
        return f"{lemma} {particle}" if particle else lemma
    if tok.pos_ == "NOUN" and _is_event_noun(tok):
        return lemma
    return None


def _is_event_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in EVENT_NOUNS or (lemma.endswith("ing") and len(lemma) > 5 and lemma.isalpha())


def _event_object(kids) -> bool:
    """Whether one of a verb's objects is an event noun ("reported a fall", "made an acquisition")."""
    return any(k.dep_ in _OBJECT_DEPS and k.pos_ == "NOUN" and _is_event_noun(k) for k in kids)
