"""Role nouns that stand for a person the document names ("her lawyer", "the coach").

News names a person once with a role ("longtime lawyer Ana Ruiz", "Ana Ruiz,
the team's coach", "her lawyer, Ana Ruiz") and then often writes only the
role: "the lawyer said", "the coach was fired".  Such a definite role noun is
a mention of that person when exactly one named person of the document holds
that role; with two candidates (two lawyers) it stays unattached.

The role noun itself is the mention ("lawyer"): it is a description, never a
name, so it gives the entity no alias (resolve merges people by their names
only).  A title written in front of a name ("lawyer Ana Ruiz") is part of that
name's phrase and no mention of its own.
"""
from __future__ import annotations

from collections import defaultdict

from .lexicon import AGENT_NOUNS, KINSHIP_NOUNS, OCCUPATION_NOUNS, ONE_PERSON_NOUNS, ROLE_NOUNS
from .mentions import EntityTable
from .parsed import token_lowers

__all__ = ["ANAPHOR_DETERMINERS", "NOMINAL_ROLES", "add_role_mentions"]

#: Role nouns that may stand for a named person (with the nouns for one person: "the driver", "the
#: teen"; not kinship: "his brother" turns on whose).
NOMINAL_ROLES = (ROLE_NOUNS | OCCUPATION_NOUNS | AGENT_NOUNS | ONE_PERSON_NOUNS) - KINSHIP_NOUNS
#: Determiners that make a role noun point back at someone known ("a lawyer" is a new one).
ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "his", "her", "their", "its", "our", "my", "your"})


def add_role_mentions(table: EntityTable, doc) -> int:
    """Add each definite role noun of a role held by one named person as that person's mention; how many."""
    holders = _role_holders(table, doc)
    if not holders:
        return 0
    added = 0
    # Only tokens written as a held role are looked at as spaCy tokens (a
    # Token is a new object per access; most of a document is no role).
    for i, low in enumerate(token_lowers(doc)):
        owners = holders.get(low)
        if not owners or len(owners) != 1:
            continue
        t = doc[i]
        if t.tag_ != "NN" or not _definite(t) or _before_name(t) or _predicate(t):
            continue
        start, end = t.idx, t.idx + len(t.text)
        person = next(iter(owners))
        covered = table.covering(start, end)
        if covered and not _unnamed_role(table, covered, low):
            continue
        apposed = _apposed_to(table, t, person)
        if table.first_offset(person, start) < 0 and not apposed:
            continue  # a role before the person is named ("The star of ...") may be someone else
        if t.dep_ == "appos" and _person_at(table, t.head) != person:
            continue  # "Ana Ruiz, the coach": the role describes the name it is apposed to
        if not apposed and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in t.children):
            continue  # "Diaz's lawyer" need not be the lawyer named for someone else
        if covered:  # "The lawyer said": the speaker entity made of the role noun is this person
            table.merge(person, covered[0][3], names=False)
        else:
            table.add_nominal(start, end, person)
        added += 1
    return added


def _role_holders(table: EntityTable, doc) -> dict[str, set[int]]:
    """Role noun -> the named people the document gives it (titles, and appositions around a role noun)."""
    holders: dict[str, set[int]] = defaultdict(set)
    for k, e in enumerate(table.ents):
        if e.type != "PERSON" or not e.mentions or len(e.name.split()) < 2 or not e.name[:1].isupper():
            continue  # a named person: given name and surname (a one-word "person" is often a tagger slip)
        for title in e.titles:
            for word in title.lower().replace(",", " ").split():
                if word in NOMINAL_ROLES:
                    holders[word].add(k)
    # "her lawyer, Ana Ruiz," and "the coach, Ana Ruiz": the role noun heads, the name is apposed;
    # "Ruiz is the coach", "Ruiz was introduced as the coach": the role is said of the subject.
    for i, low in enumerate(token_lowers(doc)):
        if low not in NOMINAL_ROLES:
            continue
        t = doc[i]
        if t.tag_ != "NN":
            continue
        for c in [*_apposed(t), *_predicated_of(t)]:
            k = _person_at(table, c)
            if k is not None:
                holders[t.lower_].add(k)
    return holders


def _apposed(t) -> list:
    """The appositions of a role noun, or of the role noun it is joined to ("the actress and swimmer, X")."""
    heads = [t, t.head] if t.dep_ == "conj" and t.head.lower_ in NOMINAL_ROLES else [t]
    return [c for h in heads for c in h.children if c.dep_ == "appos"]


def _predicated_of(t) -> list:
    """Who a predicate role noun is said of: the subject of "is the coach", the one named "as the coach"."""
    if t.dep_ in ("attr", "oprd"):
        verb = t.head
    elif t.dep_ == "pobj" and t.head.lower_ == "as":
        verb = t.head.head
    else:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]


def _unnamed_role(table: EntityTable, covered, role: str) -> bool:
    """Whether the only entity over a role noun is that bare role ("lawyer"), made for a speaker."""
    ents = {k for _s, _e, _lab, k in covered}
    if len(ents) != 1:
        return False
    e = table.ents[next(iter(ents))]
    return e.name == role and all(txt.lower() == role for _s, _e, txt, _lab in e.mentions)


def _apposed_to(table: EntityTable, t, person: int) -> bool:
    """Whether the person's name stands in apposition to the role noun ("her lawyer, Ana Ruiz")."""
    return any(_person_at(table, c) == person for c in _apposed(t))


def _person_at(table: EntityTable, tok) -> int | None:
    """The named person whose mention covers a token, if any."""
    for _s, _e, _lab, k in table.covering(tok.idx, tok.idx + len(tok.text)):
        if table.ents[k].type == "PERSON":
            return k
    return None


def _definite(t) -> bool:
    """Whether a role noun refers back: "the"/"her"/"Ruiz's" before it (or before the role it is joined to)."""
    heads = [t, t.head] if t.dep_ == "conj" and t.head.lower_ in NOMINAL_ROLES else [t]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "det" and c.lower_ in ANAPHOR_DETERMINERS:
            return True
        if c.dep_ == "poss":
            return True
    return False


def _predicate(t) -> bool:
    """Whether the role noun says what someone is ("X is the coach", "introduced as the coach"):
    it describes the subject, which need not be the person already holding the role."""
    return t.dep_ in ("attr", "oprd") or (t.dep_ == "pobj" and t.head.lower_ == "as")


def _before_name(t) -> bool:
    """Whether the role noun is a title in front of a name ("lawyer Ana Ruiz"), not a phrase of its own."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and (nxt.ent_type_ == "PERSON" or (nxt.is_title and nxt.pos_ == "PROPN")):
        return True
    return t.dep_ == "compound"
