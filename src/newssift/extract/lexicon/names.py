"""Name forms across reports: legal suffixes of organisations and occupations before a name (resolve, mentions).

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------- resolve (cross-document entities)
#: Legal-form words at the end of a company's name ("Orvik Terminals Ltd",
#: "Halden plc", "Brask GmbH"): outlets write the same company with or without
#: them, so resolve drops them before comparing names.  Lower case, no dots.
ORG_LEGAL_SUFFIXES = frozenset(
    [
        "inc", "incorporated", "ltd", "limited", "plc", "corp", "corporation", "co", "llc", "llp", "lp",
        "gmbh", "ag", "sa", "nv", "bv", "spa", "srl", "oy", "oyj", "ab", "asa", "kk", "pty", "pte", "sarl",
    ]
)

#: Occupations written in front of a name ("Comedian Ellen Darrow", "boxer
#: Teo Vance"): the tagger often takes them into the person's span; they are
#: a description of the person, not part of the name.
OCCUPATION_NOUNS = frozenset(
    [
        "actor", "actress", "comedian", "singer", "rapper", "musician", "songwriter", "guitarist", "drummer",
        "boxer", "fighter", "wrestler", "player", "striker", "goalkeeper", "quarterback", "pitcher", "coach",
        "swimmer", "skater", "golfer", "cyclist", "runner", "sprinter", "champion", "star", "model",
        "designer", "artist", "painter", "author", "writer", "novelist", "poet", "journalist", "photographer",
        "filmmaker", "producer", "host", "presenter", "anchor", "chef", "dancer", "entrepreneur", "billionaire",
        "businessman", "businesswoman", "tycoon", "banker", "economist", "physicist", "astronaut", "pilot",
        "activist", "candidate", "lawmaker", "legislator", "councillor", "councilman", "councilwoman",
        "rep", "defendant", "suspect", "inmate", "victim", "gunman", "escapee", "fugitive", "veteran",
        "trooper", "detective", "constable", "sheriff",
    ]
)

#: People who act for someone else ("her lawyer", "the singer's publicist"): with
#: ROLE_NOUNS and OCCUPATION_NOUNS, the role nouns that may stand for a person
#: the document names (extract.nominals).
AGENT_NOUNS = frozenset(
    ["lawyer", "attorney", "counsel", "barrister", "solicitor", "publicist", "agent", "representative"]
)

#: Bodies named after the person who leads them ("the Okafor administration", "the
#: Lindqvist government"): such a phrase names a body, not the person (resolve.build).
LEADER_BODY_NOUNS = frozenset(["administration", "government", "cabinet", "campaign"])

#: Nouns naming someone by their tie to another person ("his brother", "her son"): which
#: person they stand for turns on whose, so they never stand for a named person (extract.nominals).
KINSHIP_NOUNS = frozenset(
    """father mother son daughter brother sister husband wife boyfriend girlfriend friend cousin uncle
    aunt nephew niece grandson granddaughter grandfather grandmother relative partner fiance fiancee
    roommate classmate mom dad parent child kid baby stepfather stepmother stepson stepdaughter""".split()
)

__all__ = ["AGENT_NOUNS", "KINSHIP_NOUNS", "LEADER_BODY_NOUNS", "OCCUPATION_NOUNS", "ORG_LEGAL_SUFFIXES"]
