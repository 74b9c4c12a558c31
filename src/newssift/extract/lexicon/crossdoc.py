"""Lists the cross-document stages share: comparison stop words, reporting forms, name-scan stops, head-count measures.

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# Cross-document stages (align, resolve, flags): lists they share or own,
# kept here so that every word list lives in one module.
# ---------------------------------------------------------------------------

#: Function words left out when flags compare sentences by their content.
COMPARISON_STOP_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into over under about after before than
    that this these those it its is are was were be been being has have had do does did not no so such
    he she they them their his her we our you your i me my who whom which what when where while also
    will would can could may might must should shall there here very more most some any all each other
    said says say told according""".split()
)

#: Reporting verbs and hedges: how something was said, not what.  Two outlets'
#: versions of one statement differ exactly in these words, so fact alignment
#: leaves them out of a claim's content.  Common newswire attribution verbs.
REPORTING_FORMS = frozenset(
    [
        "said", "says", "say", "told", "tell", "tells", "stated", "states", "state", "reported", "reports",
        "report", "reportedly", "according", "noted", "notes", "note", "added", "adds", "claimed", "claims",
        "claim", "confirmed", "confirms", "confirm", "announced", "announces", "estimated", "estimates",
        "estimate", "believed", "believe", "allegedly", "alleged", "reportedly", "emphasized", "emphasised",
        "stressed", "warned", "explained", "assessed", "assess", "assesses", "quoted", "cited", "citing",
        "per",
    ]
)

#: Lower-case words that end a backwards scan for a name in resolve: they
#: belong to the clause around the name, not to it.
NAME_SCAN_STOPS = frozenset(
    """to by from with according that said says told as at on in is was were are has have had which who
    while near per via the a an and or but than after before since into over under about between during
    its their his her our your this these those""".split()
)

#: Measures that count people or units of one event (tolls and head counts):
#: fact alignment treats two of them as one count, and a disagreement between
#: them is a conflicting figure.  Distances, money, seats or ratios in one
#: story are too often different quantities, so they are never in this list.
HEAD_COUNT_MEASURES = frozenset(
    """killed dead deaths wounded injured killed_or_wounded casualties missing captured abducted hostages
    arrested detained displaced evacuated rescued released troops""".split()
)

__all__ = ["COMPARISON_STOP_WORDS", "HEAD_COUNT_MEASURES", "NAME_SCAN_STOPS", "REPORTING_FORMS"]
