"""Words for a claim's event predicate: which action or happening it states.

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
Fact alignment compares two claims' predicates ("buy" / "take over" agree,
"report a fall" / "buy" differ); these lists say which words are not
predicates by themselves and which nouns name an event.
"""
from __future__ import annotations

__all__ = ["EMPTY_VERBS", "EVENT_NOUNS", "LIGHT_VERBS"]

#: Verbs that never state an event by themselves (copula, possession, "do").
EMPTY_VERBS = frozenset(["be", "have", "do"])

#: Verbs that carry little meaning of their own when they take a noun
#: object: the object names the event ("made an acquisition", "suffered a
#: defeat", "held talks"): with an event noun as object they are dropped for
#: it, otherwise kept ("won the title").
LIGHT_VERBS = frozenset(
    ["get", "make", "take", "give", "hold", "carry", "suffer", "undergo", "see",
     "face", "stage", "launch", "conduct", "perform", "receive", "win", "post", "record"]
)

#: Nouns that name a happening in news across genres (crime and court,
#: disaster, conflict, business, sport, politics, science): a sentence whose
#: only event word is one of them ("after the earthquake", "the merger")
#: still states that event.  Nouns ending in "-ing" ("shooting", "bombing")
#: are taken as events without being listed.
EVENT_NOUNS = frozenset(
    """
    arrest charge trial verdict conviction sentence appeal acquittal murder killing death attack assault raid
    robbery theft fraud crash collision explosion blast fire blaze flood storm earthquake quake tremor tsunami
    eruption outbreak epidemic evacuation rescue injury war battle offensive counteroffensive invasion strike
    ceasefire truce protest riot coup election vote referendum resignation appointment nomination victory
    win defeat loss draw match final goal deal merger acquisition takeover bid sale purchase buyout launch
    recall fall rise drop increase decrease cut hike layoff bankruptcy collapse discovery finding study
    release announcement visit meeting summit talks agreement treaty sanction ban veto inquiry investigation
    probe lawsuit suit settlement fine penalty escape disappearance kidnapping hostage siege rehab overdose
    surgery birth wedding divorce award prize record transfer signing injury suspension
    """.split()
)
