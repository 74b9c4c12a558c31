"""Words for casualty counts written without digits ("a man was killed", "no one was hurt"), used by extract/counts.py.

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# Casualty counts without digits (used by extract/counts.py).
# ---------------------------------------------------------------------------

#: Singular nouns for one person: "a man was killed" counts one dead.
ONE_PERSON_NOUNS = frozenset(
    """man woman boy girl teen teenager child kid baby infant toddler person victim adult youth juvenile
    student pupil officer deputy trooper agent guard driver passenger pedestrian resident neighbor neighbour
    bystander customer clerk employee worker owner shopkeeper cashier suspect gunman shooter assailant
    attacker robber intruder father mother son daughter brother sister husband wife boyfriend girlfriend
    friend cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother grandmother
    relative partner fiance fiancee roommate classmate patient soldier civilian sergeant detective
    teacher nurse doctor pastor rapper player coach mom dad""".split()
)

#: Endings of agent nouns, read as one person when a singular one is killed or hurt ("a miner").
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ee")

#: Words with an agent ending that name no person (a "center" is never killed).
NOT_AGENT_NOUNS = frozenset(
    """center centre water paper number computer power order border corner tower river letter shelter
    trailer container meter chapter quarter cancer murder matter weather winter summer monitor motor
    sector factor error interior exterior tractor elevator corridor floor door mirror vapor labor labour
    harbor harbour color colour favor favour honor honour tumor tumour plant restaurant tenant
    elephant giant grant guarantee committee fee referee warrant variant implant""".split()
) - {"tenant", "referee"}

#: Things that are shot, fired or shot down, never people hit: "15 rounds were shot", "two drones were shot down".
SHOT_THINGS = frozenset("""round shot bullet shell casing gunshot time volley arrow flare missile rocket drone plane
    aircraft jet helicopter balloon satellite""".split())

#: Pronouns and reflexives for one person ("he died", "shot himself").
ONE_PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "himself", "herself"])

#: Words that make a subject "nobody": "no one was hurt", "none were injured".
NOBODY_WORDS = frozenset(["nobody", "none", "noone"])

#: Ordinals in "a second victim died": the count so far.
ORDINAL_COUNTS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}

#: Adverbs that make a shooting or an attack fatal ("fatally shot").
FATAL_ADVERBS = frozenset(["fatally", "mortally", "dead"])

#: Adjectives of a fatal event noun ("the fatal shooting of a teenager").
FATAL_EVENT_ADJS = frozenset(["fatal", "deadly"])

#: Event nouns whose "of"-object was killed ("the death of a man", "the killing of a boy").
DEATH_NOUNS = frozenset(["death", "killing", "murder", "slaying", "homicide"])

#: Verbs that place someone in a state by an adjective: "found dead", "pronounced dead", "left dead".
STATE_VERBS = frozenset(["find", "pronounce", "declare", "leave", "confirm", "be", "lie", "report", "list"])

#: Nouns of injury suffered by a person ("suffered a gunshot wound", "sustained injuries").
INJURY_NOUNS = frozenset(["injury", "injuries", "wound", "wounds"])

#: Verbs by which a person suffers an injury.
SUFFER_VERBS = frozenset(["suffer", "sustain", "receive", "treat"])

#: Medical conditions of a living casualty ("listed in critical condition").
CONDITION_ADJS = frozenset(["critical", "stable", "serious", "fair", "good", "grave", "life-threatening"])

#: Words that say a statement did not or may not happen: "nearly killed", "could have died".
UNREAL_WORDS = frozenset(["nearly", "almost", "could", "would", "might", "may", "should", "must", "if"])

#: Heads whose complement did not (yet) happen: "tried to kill", "threatened to shoot".
UNREAL_HEADS = frozenset(["try", "attempt", "threaten", "plan", "want", "intend", "vow", "fear", "risk", "aim", "seek"])

__all__ = [
    "AGENT_SUFFIXES",
    "CONDITION_ADJS",
    "DEATH_NOUNS",
    "FATAL_ADVERBS",
    "FATAL_EVENT_ADJS",
    "INJURY_NOUNS",
    "NOBODY_WORDS",
    "NOT_AGENT_NOUNS",
    "ONE_PERSON_NOUNS",
    "ONE_PERSON_PRONOUNS",
    "ORDINAL_COUNTS",
    "SHOT_THINGS",
    "STATE_VERBS",
    "SUFFER_VERBS",
    "UNREAL_HEADS",
    "UNREAL_WORDS",
]
