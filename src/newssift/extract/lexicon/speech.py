"""Attribution and hedges in headlines and body sentences (modals, headline source patterns).

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# attribution and hedges (issue 9 items 2-3): headlines and modals.
#: Modal verbs that leave their clause open ("Apple may launch ...", "X could
#: cost ..."); "can", "will" and "would" assert or predict and hedge nothing.
HEDGE_MODALS = frozenset(["may", "might", "could"])

#: Hedge words written in a headline's own shorthand ("Rumored To Have ...",
#: "Rumor: ...", "Unconfirmed Reports ..."), matched case-insensitively.
HEADLINE_HEDGE_WORDS = frozenset(
    [
        "rumored", "rumoured", "rumor", "rumors", "rumour", "rumours", "reportedly", "allegedly",
        "purportedly", "apparently", "supposedly", "alleged", "purported", "unconfirmed", "possibly",
        "probably", "suspected", "suspect", "believed", "speculation", "possible", "apparent",
    ]
)

#: Nouns that name an unnamed source standing before or after a headline's
#: colon ("Sources: ...", "...: Report", "Analyst: ...").
SOURCE_LABEL_NOUNS = frozenset(
    [
        "source", "sources", "report", "reports", "analyst", "analysts", "official", "officials",
        "police", "witness", "witnesses", "insider", "insiders", "study", "poll", "survey",
        "experts", "expert", "investigators", "intel", "intelligence", "media", "rumor", "rumors",
        "rumour", "rumours", "monitor", "monitors", "watchdog", "papers", "paper", "newspaper", "lawmaker",
        "lawmakers", "congressman", "congresswoman", "senator", "rep", "parent", "parents",
    ]
)

#: Hedging word sequences in a headline's shorthand (matched on lower-cased
#: tokens joined by spaces): "said to open", "tipped to make a bid", "appears to show".
HEADLINE_HEDGE_PHRASES = (
    "said to", "tipped to", "appears to", "appear to", "appeared to", "seems to", "seem to", "is believed",
)

#: Reporting verbs a headline uses for speech ("..., Officials Say", "X Claims ...");
#: the stems of their forms.
HEADLINE_SPEECH_VERBS = frozenset(
    [
        "say", "claim", "tell", "report", "allege", "insist", "warn", "suggest", "state", "purport",
        "admit", "reveal", "announce", "confirm", "deny", "declare", "predict", "believe", "fear",
        "think", "argue", "note", "add", "estimate", "tweet", "post", "write",
    ]
)

#: Words by which a headline rules a story false in its own voice ("Hoax",
#: "Fake", "Debunked", "Nope"): such a headline denies and does not hedge.
DEBUNK_WORDS = frozenset(
    ["fake", "hoax", "hoaxes", "false", "untrue", "debunked", "debunks", "debunk", "myth", "nope", "satire", "satirical",
     "faked", "fabricated", "bogus", "baseless", "unfounded", "phony", "hoaxer"]
)

#: Debunking word sequences (matched on lower-cased tokens joined by spaces):
#: "Rumors Not True", "... Is Made Up".
DEBUNK_PHRASES = ("not true", "made up", "no truth")

#: Verbs by which a headline's source rules on a story rather than relaying
#: it: confirming or revealing presents the content as settled ("Police
#: Confirm ...", "Leak Reveals ..."), denying or debunking rejects it ("Club
#: Denies ...").  Stems; their forms are matched in headlines only.
VERDICT_VERBS_HEADLINE = frozenset(
    ["confirm", "deny", "debunk", "refute", "rebuff", "dismiss", "reveal", "disprove", "prove"]
)

#: Negation words: in a headline a source's negated statement ("Mayor Says
#: Dam Not Damaged", "Club: No Offer Made") is a denial.
NEGATION_WORDS = frozenset(["not", "n't", "never", "no", "nothing", "none", "nobody"])

#: Reporting verbs that also deliver verdicts and findings: with no finite
#: clause after them ("found Mark Ellison guilty") nobody is being reported.
VERDICT_VERBS = frozenset(["find", "rule", "deem", "declare", "judge"])

#: Reporting verbs that pass on a request or an order to someone ("asked the
#: council to wait", "warned residents to leave"): what was asked is the infinitive.
DIRECTIVE_VERBS = frozenset(["ask", "tell", "urge", "warn"])

#: Verbs by which a speaker puts evidence forward ("cited the figures as proof"):
#: the object is what the speaker asserts, unless it names a source being relayed.
EVIDENCE_VERBS = frozenset(["cite"])

#: Irregular past forms of reporting verbs (a headline's "Said", "Told", "Wrote").
IRREGULAR_REPORT_FORMS = frozenset(["said", "told", "wrote", "found", "thought", "spoke", "swore"])

__all__ = [
    "DEBUNK_PHRASES", "DEBUNK_WORDS", "DIRECTIVE_VERBS", "EVIDENCE_VERBS", "HEADLINE_HEDGE_PHRASES", "HEADLINE_HEDGE_WORDS", "HEADLINE_SPEECH_VERBS", "HEDGE_MODALS",
    "IRREGULAR_REPORT_FORMS", "NEGATION_WORDS", "SOURCE_LABEL_NOUNS", "VERDICT_VERBS", "VERDICT_VERBS_HEADLINE",
]
