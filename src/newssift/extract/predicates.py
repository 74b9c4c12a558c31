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

from .lexicon import (
    CONTROL_VERBS,
    EMPTY_VERBS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    PHRASAL_PARTICLES,
    REPORTING_VERBS,
    STATE_ADJECTIVES,
    STATE_VERBS,
)

__all__ = ["MAX_PREDICATES", "claim_predicates"]

#: At most this many predicates per claim.  They are ordered main event
#: first: verbs before nouns, and among each the one nearest the root of the
#: parse ("sentenced Ashby for the fraud": "sentence" before "fraud"); a
#: long sentence lists side events after its main one.
MAX_PREDICATES = 4
#: Dependency labels of a verb's clausal complement ("said that …", "agreed to buy").
_CLAUSE_DEPS = frozenset(["ccomp", "xcomp"])
_OBJECT_DEPS = frozenset(["dobj", "obj", "attr"])
_STATE_DEPS = frozenset(["acomp", "oprd", "xcomp", "advcl"])
#: Heads that hand a state complement to their verb ("remain missing", "listed as missing").
_STATE_HEADS = STATE_VERBS | REPORTING_VERBS | {"as"}


def claim_predicates(parsed, start: int, end: int) -> tuple[str, ...]:
    """Lower-case event words (verb lemmas, event nouns) of the claim at ``[start, end)`` of ``parsed``."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    verbs, nouns, fallback = [], [], []
    for tok in span:
        if _is_state(tok) and tok.dep_ in ("acomp", "oprd", "xcomp", "pcomp") and tok.head.lemma_ in _STATE_HEADS:
            continue  # "remain missing": taken with its verb below
        if tok.pos_ == "VERB":
            word, obj = _verb(tok)
            if word:
                verbs.append((_depth(tok), tok.i, word))
            if obj is not None and obj in span:
                nouns.append((_depth(tok), obj.i, obj.text.lower() if _is_state(obj) else obj.lemma_.lower()))
        elif _is_state(tok) and tok.dep_ in ("acomp", "ccomp", "ROOT", "conj") and tok.head.lemma_ in ("be", tok.lemma_) \
                or _is_state(tok) and tok.dep_ == "ccomp":
            nouns.append((_depth(tok), tok.i, tok.text.lower()))  # "were dead", "said the bridge is closed"
        elif tok.pos_ == "NOUN" and _is_event_noun(tok):
            fallback.append((_depth(tok), tok.i, tok.lemma_.lower()))
    # An event noun is the claim's predicate when a reporting or light verb
    # hands over to it ("reported a fall"), or when the claim has no verb of
    # its own ("the earthquake off the coast on Sunday"); elsewhere it is
    # an argument ("appeal the fraud verdict") and names another event.
    found = sorted(verbs) + sorted(nouns) + ([] if verbs or nouns else sorted(fallback))
    out: list[str] = []
    for *_, word in found:
        if word not in out:
            out.append(word)
    return tuple(out[:MAX_PREDICATES])


def _depth(tok) -> int:
    """How many heads lie between a token and its sentence's root."""
    # Compare indices: spaCy makes a new Token object on every ``head``
    # access, so an identity test never ends the walk.
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


def _verb(tok):
    """(predicate word or None, event-noun object that replaces the verb or None) of one verb token."""
    lemma = tok.lemma_.lower()
    if lemma in EMPTY_VERBS or not lemma.isalpha() or len(lemma) < 2:
        return None, None
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return None, None  # a name the tagger read as a verb ("lost to Ostend")
    kids = list(tok.children)
    state = next((k for k in kids if k.dep_ in _STATE_DEPS and _is_state(k)), None)
    if state is None and lemma in STATE_VERBS:
        state = next((g for k in kids if k.dep_ == "prep" for g in k.children if _is_state(g)), None)  # "listed as missing"
    if state is not None and (lemma in STATE_VERBS or lemma in REPORTING_VERBS):
        return None, state  # "remain missing", "confirmed dead": the state is the event
    obj = _event_object(kids, passive=lemma in LIGHT_VERBS)
    if lemma in REPORTING_VERBS and any(k.dep_ in _CLAUSE_DEPS for k in kids):
        return None, None  # "said the plant had closed": the clause holds the event
    if (lemma in REPORTING_VERBS or lemma in LIGHT_VERBS) and obj is not None:
        return None, obj  # "reported a fall", "made an acquisition": the noun is the event
    if lemma in CONTROL_VERBS and any(k.dep_ == "xcomp" for k in kids):
        return None, None  # "agreed to buy": the complement is the event
    particle = next((k.text.lower() for k in kids if k.dep_ == "prt" or (
        k.dep_ == "advmod" and k.i == tok.i + 1 and k.text.lower() in PHRASAL_PARTICLES)), "")
    return (f"{lemma} {particle}" if particle else lemma), None


def _is_state(tok) -> bool:
    """An adjective (or participle) naming a news state: "dead", "missing", "closed"."""
    return tok.text.lower() in STATE_ADJECTIVES and tok.pos_ in ("ADJ", "VERB")


def _is_event_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in EVENT_NOUNS or (lemma.endswith("ing") and len(lemma) > 5 and lemma.isalpha())


def _event_object(kids, passive: bool = False):
    """A verb's object that is an event noun ("reported a fall", "made an acquisition"), or None;
    with ``passive``, its passive subject too ("an inspection was carried out")."""
    deps = _OBJECT_DEPS | {"nsubjpass"} if passive else _OBJECT_DEPS
    return next((k for k in kids if k.dep_ in deps and k.pos_ == "NOUN" and _is_event_noun(k)), None)
