"""What a count counts: the counted noun, its measure (killed, wounded, troops, ...) and its subject.

Read from the dependency parse: the counted noun, the verbs governing it and
the verbs attached to it ("30 soldiers killed or wounded"). Used by
``quantities`` for amounts without a unit.
"""
from __future__ import annotations

from .lexicon import (
    DEPLOY_VERBS,
    KILL_VERBS,
    MEASURE_ADJS,
    MEASURE_NOUNS,
    MEASURE_VERBS,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    TROOP_NOUNS,
    VAGUE_AMOUNTS,
    WOUND_VERBS,
)

__all__ = ["counted_noun", "measure_of", "subject_of"]

#: Hops from a number up the parse to the verb that governs it; three reach
#: "killed [over [47]]" and "reached [approximately 200]" without wandering
#: into the next clause.
MAX_VERB_HOPS = 3


def counted_noun(last):
    """The noun a number counts: its nummod head, or the pobj of "of" ("dozens of soldiers")."""
    if last.dep_ in ("nummod", "quantmod", "amod") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        return last.head
    for c in last.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among"):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    return p
    return None


def _governing_verb(x):
    """The verb governing a noun phrase head (through prepositions), within MAX_VERB_HOPS."""
    cur = x
    for _ in range(MAX_VERB_HOPS):
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


_VAGUE_HEADS = frozenset(w for phrase, _lo, _hi in VAGUE_AMOUNTS for w in phrase.split() if w not in ("a", "of"))


def _has_number(tok) -> bool:
    return any(t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in _VAGUE_HEADS for t in tok.subtree)


def _own_object(v, other) -> bool:
    """Whether conjunct verb ``v`` has its own object or count (then it does not share ``other``'s).

    A shared subject does not count ("its forces killed or wounded 30"), but a
    subject holding a number does ("11 people died and 37 were injured").
    """
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and _has_number(c)):
            return True
        if c.dep_ == "nsubj" and (_has_number(c) or v.i > other.i):
            return True
    return False


def measure_of(anchor, noun) -> tuple[str | None, object]:
    """What a number counts, and the noun that says so (for the subject)."""
    x = noun or anchor
    if noun is not None and noun.lower_ in MEASURE_NOUNS and noun.lower_ not in ("casualties", "losses", "loss"):
        return MEASURE_NOUNS[noun.lower_], noun  # "12 dead", "200 fatalities" say it themselves
    own = {MEASURE_ADJS[c.lower_] for c in x.children if c.dep_ == "amod" and c.lower_ in MEASURE_ADJS}
    if len(own) == 1:
        return own.pop(), noun  # "40 injured people", "12 dead": the count's own adjective decides
    lemmas: set[str] = set()
    adjs: set[str] = set()
    for c in x.children:
        if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ"):
            lemmas.add(c.lemma_.lower())
            lemmas.update(k.lemma_.lower() for k in c.conjuncts)
            if c.lower_ in MEASURE_ADJS and c.dep_ == "amod":
                adjs.add(MEASURE_ADJS[c.lower_])
    v = _governing_verb(x)
    counted = noun
    if v is not None:
        lemmas.add(v.lemma_.lower())
        lemmas.update(k.lemma_.lower() for k in v.conjuncts if not _own_object(k, v))
        for c in v.children:
            if c.dep_ in ("acomp", "oprd", "xcomp", "advmod", "advcl") and c.lower_ in MEASURE_ADJS:
                adjs.add(MEASURE_ADJS[c.lower_])
            if c.dep_ == "prep" and c.lower_ in ("as", "for"):  # "listed as missing", "unaccounted for"
                adjs.update(MEASURE_ADJS[k.lower_] for k in c.subtree if k.lower_ in MEASURE_ADJS)
            if c.dep_ in ("prt", "prep") and c.lower_ == "out" and v.lemma_.lower() in ("move", "bus", "ship", "take"):
                adjs.add("evacuated")  # "moved out of the district"
            if counted is None and c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != x.i \
                    and (c.lower_ in MEASURE_NOUNS or c.lower_ in TROOP_NOUNS):
                counted = c
        if counted is None and v.lemma_ == "be" and v.dep_ in ("ccomp", "xcomp"):
            for c in v.children:
                if c.dep_ == "nsubj" and (c.lower_ in MEASURE_NOUNS or c.lower_ in TROOP_NOUNS):
                    counted = c
    kill, wound = lemmas & KILL_VERBS, lemmas & WOUND_VERBS
    if kill and wound:
        return "killed_or_wounded", counted
    if kill:
        return "killed", counted
    if wound:
        return "wounded", counted
    if adjs:
        return min(adjs), counted
    for lem in sorted(lemmas):
        if lem in MEASURE_VERBS and (counted is None or counted.lower_ not in MEASURE_NOUNS):
            return MEASURE_VERBS[lem], counted
    if counted is not None:
        low = counted.lower_
        if low in MEASURE_NOUNS:
            return MEASURE_NOUNS[low], counted
        if counted.lemma_.lower() in MEASURE_NOUNS:
            return MEASURE_NOUNS[counted.lemma_.lower()], counted
        if low in TROOP_NOUNS or counted.lemma_.lower() in TROOP_NOUNS:
            return "troops", counted
        if lemmas & DEPLOY_VERBS and low in ("forces", "units", "men"):
            return "troops", counted
        if counted.tag_ == "NNS" and low not in PEOPLE_NOUNS and low.isalpha() and counted.i > anchor.i:
            return low, counted  # "300 containers": the counted thing is the measure
    return None, counted


def subject_of(noun, skip: set[int]) -> str | None:
    """The counted noun with its modifiers, without the number and qualifier ("North Korean soldiers")."""
    if noun is None:
        return None
    toks = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod", "poss") for t in t.subtree]
    toks = [t for t in toks if t.i not in skip and not t.like_num and t.pos_ not in ("DET", "PUNCT")]
    words = [t for t in sorted(toks, key=lambda t: t.i) if t.i < noun.i] + [noun]
    start = words[0]
    return noun.doc[start.i:noun.i + 1].text
