"""General-English word lists that the extract stage keys on (part of ``newssift.extract.lexicon``).

Nothing here is specific to one story: these are the reporting verbs, hedges,
institution nouns, counted nouns and amount words of ordinary news English.
Lists are frozensets of lower-case lemmas (or word forms where noted), so a
lookup is one hash probe per token.
"""
from __future__ import annotations

__all__ = [
    "CURRENCY_UNITS",
    "DEPLOY_VERBS",
    "GROUP_NOUNS",
    "HEDGE_PHRASES",
    "HEDGE_VERBS",
    "HEDGE_WORDS",
    "HONORIFICS",
    "INSTITUTION_NOUNS",
    "KILL_VERBS",
    "MEASURE_ADJS",
    "MEASURE_NOUNS",
    "MEASURE_UNITS",
    "MEASURE_VERBS",
    "MEDIA_NOUNS",
    "NUMBER_WORDS",
    "ORG_NAME_WORDS",
    "ORG_PRONOUNS",
    "PASSIVE_HEDGE_VERBS",
    "PEOPLE_NOUNS",
    "PERSON_PRONOUNS",
    "PUBLISH_VERBS",
    "QUALIFIER_PHRASES",
    "RELAY_VERBS",
    "REPORTING_VERBS",
    "REPORT_NOUNS",
    "ROLE_NOUNS",
    "SCALE_WORDS",
    "SHOW_VERBS",
    "SOURCE_PREPOSITIONS",
    "STANCE_VERBS",
    "TIME_UNITS",
    "TROOP_NOUNS",
    "VAGUE_AMOUNTS",
    "VAGUE_SOURCE_NOUNS",
    "WOUND_VERBS",
]

#: Verbs that introduce what someone said, wrote, found or believes.
REPORTING_VERBS = frozenset(
    [
        "say", "tell", "state", "add", "note", "explain", "report", "announce", "confirm", "claim",
        "allege", "assert", "estimate", "warn", "stress", "emphasize", "emphasise", "insist",
        "argue", "suggest", "indicate", "reveal", "disclose", "acknowledge", "admit", "deny",
        "believe", "assess", "write", "post", "declare", "maintain", "mention", "observe",
        "caution", "contend", "predict", "conclude", "find", "show", "testify", "reiterate",
        "underline", "highlight", "remark", "comment", "affirm", "told", "answer", "reply",
        "respond", "agree", "concede", "complain", "point", "accuse", "urge", "recount", "describe",
        "recall", "speculate", "pledge", "threaten", "demand", "refuse", "condemn", "welcome",
        "criticise", "criticize", "blame", "document", "record", "suspect", "fear", "think", "expect", "announce",
        "corroborate", "verify", "assure", "promise", "vow", "ask", "tweet"
    ]
)

#: Reporting verbs whose object, not a clause, is the claim ("denied the
#: charge", "confirmed the deaths", "noted indications of casualties").
STANCE_VERBS = frozenset(
    [
        "deny", "admit", "acknowledge", "confirm", "dispute", "reject", "note", "report",
        "announce", "promise", "vow", "pledge", "threaten", "urge", "demand", "refuse", "condemn",
        "welcome", "criticise", "criticize", "accuse", "blame", "document", "record",
    ]
)

#: Reporting verbs that by themselves mark the content as unproven.
HEDGE_VERBS = frozenset(["claim", "allege", "purport", "speculate", "suspect", "rumor", "rumour"])

#: Passive reporting verbs ("it is believed that") that hedge the content.
PASSIVE_HEDGE_VERBS = frozenset(
    [
        "believe", "report", "claim", "allege", "say", "think", "understand", "rumor", "rumour",
        "suspect"
    ]
)

#: Single words that hedge the clause they sit in.
HEDGE_WORDS = frozenset(
    [
        "reportedly", "allegedly", "purportedly", "apparently", "supposedly", "ostensibly",
        "seemingly", "unconfirmed", "unverified", "alleged", "purported", "possibly", "presumably",
        "likely"
    ]
)

#: Multi-word hedges, matched on lower-cased text.
HEDGE_PHRASES = (
    "could not be independently verified",
    "could not be verified",
    "cannot be independently verified",
    "has not been independently verified",
    "have not been independently verified",
    "not independently verified",
    "not been confirmed",
    "could not be confirmed",
    "not been verified",
    "unable to verify",
    "is believed",
    "are believed",
    "was believed",
    "were believed",
    "is thought",
    "are thought",
    "is said to",
    "are said to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "according to reports",
    "reports claiming",
)

#: Verbs by which one source relays another's material ("X cited a video").
RELAY_VERBS = frozenset(["cite", "quote", "relay", "reference", "echo"])

#: Verbs that put material out ("released footage", "published a statement").
PUBLISH_VERBS = frozenset(
    [
        "release", "publish", "post", "share", "issue", "circulate", "air", "broadcast",
        "distribute", "upload"
    ]
)

#: Verbs by which material asserts its content ("footage showing ...").
SHOW_VERBS = frozenset(
    [
        "show", "state", "say", "indicate", "suggest", "depict", "reveal", "document", "claim",
        "purport", "appear"
    ]
)

#: Nouns for released material.
MEDIA_NOUNS = frozenset(
    [
        "video", "footage", "photo", "photos", "image", "images", "picture", "pictures", "clip",
        "clips", "recording", "recordings", "statement", "report", "reports", "post", "message",
        "document", "documents", "map", "maps", "audio", "imagery"
    ]
)

#: Nouns after "according to" that stand for their author ("Forbes report",
#: "intelligence estimates", "the minister's statement").
REPORT_NOUNS = frozenset(
    [
        "report", "reports", "estimate", "estimates", "statement", "statements", "data", "figure",
        "figures", "assessment", "assessments", "account", "accounts", "analysis", "source",
        "sources", "information", "calculation", "calculations", "count", "tally", "record",
        "records", "briefing", "update", "claim", "claims", "testimony", "evidence"
    ]
)

#: Prepositions that name a source after them ("according to", "as per").
SOURCE_PREPOSITIONS = ("according to", "as per", "per")

#: Head nouns of descriptive names of bodies ("Ukraine's military intelligence agency").
INSTITUTION_NOUNS = frozenset(
    [
        "agency", "agencies", "ministry", "department", "directorate", "service", "services",
        "forces", "force", "police", "council", "office", "intelligence", "army", "military",
        "navy", "command", "government", "administration", "parliament", "court", "commission",
        "committee", "authority", "authorities", "guard", "embassy", "bureau", "cabinet", "corps",
        "legislature", "senate", "congress", "prosecutor", "prosecutors", "regulator",
        "inspectorate", "secretariat", "presidency", "headquarters", "staff"
    ]
)

#: Head nouns of unnamed groups of speakers ("U.S. officials", "a drone unit").
GROUP_NOUNS = frozenset(
    [
        "official", "officials", "source", "sources", "media", "outlet", "outlets", "unit", "units",
        "analyst", "analysts", "expert", "experts", "resident", "residents", "witness", "witnesses",
        "observer", "observers", "diplomat", "diplomats", "spokesperson", "spokesman",
        "spokeswoman", "representative", "representatives", "investigator", "investigators",
        "researcher", "researchers", "activist", "activists", "group", "groups", "officer",
        "officers", "commander", "commanders", "soldier", "soldiers", "journalist", "journalists",
        "reporter", "reporters", "blogger", "bloggers", "monitor", "monitors", "agency", "people",
        "person", "team"
    ]
)

#: Head nouns of vague collective sources ("sources", "local media", "reports",
#: "social media posts"): a claim they carry is attributed, but they name no
#: one who could be asked, so they never count as an independent origin.
VAGUE_SOURCE_NOUNS = frozenset(
    [
        "source", "sources", "media", "report", "reports", "outlet", "outlets", "account", "accounts",
        "rumour", "rumours", "rumor", "rumors", "post", "posts", "channel", "channels", "blogger",
        "bloggers", "insider", "insiders", "press", "circles", "speculation", "chatter"
    ]
)

#: Last words of company and organisation names ("Orvik Terminals", "Kyiv
#: Post"): a capitalised name ending in one is a body, not a person.
ORG_NAME_WORDS = frozenset(
    [
        "terminals", "terminal", "group", "inc", "ltd", "llc", "plc", "corp", "corporation",
        "company", "co", "bank", "airlines", "airways", "holdings", "partners", "times", "post",
        "news", "press", "herald", "tribune", "journal", "gazette", "telegraph", "agency",
        "institute", "university", "college", "foundation", "association", "union", "party",
        "council", "club", "fund", "trust", "network", "media", "energy", "motors", "systems",
        "services", "industries", "international", "lines", "shipping", "rail", "railways",
        "hospital", "clinic", "church", "school", "academy", "society", "federation", "league",
        "alliance", "front", "movement", "brigade", "battalion", "regiment", "army"
    ]
)

#: Role nouns that may stand for an already-named person ("the spokesperson said").
ROLE_NOUNS = frozenset(
    [
        "spokesperson", "spokesman", "spokeswoman", "secretary", "minister", "president", "premier",
        "chancellor", "commander", "chief", "head", "director", "general", "colonel", "officer",
        "ambassador", "governor", "mayor", "adviser", "advisor", "coordinator", "envoy", "official",
        "analyst", "blogger", "prosecutor", "judge", "leader", "manager", "chairman", "chairwoman",
        "chair"
    ]
)

#: Honorifics and ranks that may precede a person's name.
HONORIFICS = frozenset(
    [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "president",
        "prime", "minister", "general", "gen", "gen.", "major", "maj", "maj.", "colonel", "col",
        "col.", "lieutenant", "lt", "lt.", "captain", "capt", "capt.", "sergeant", "sgt", "sgt.",
        "admiral", "adm", "adm.", "brigadier", "brig", "brig.", "commander", "cmdr", "senator",
        "sen", "sen.", "rep", "rep.", "governor", "gov", "gov.", "judge", "justice", "chancellor",
        "king", "queen", "prince", "princess", "pope", "secretary", "minister", "ambassador",
        "chief"
    ]
)

#: Pronouns that refer back to a person or to a body.
PERSON_PRONOUNS = frozenset(["he", "she"])
ORG_PRONOUNS = frozenset(["it", "they"])

#: Lemmas that make a count a count of dead or of wounded.
KILL_VERBS = frozenset(["kill", "die", "slay", "execute", "perish", "drown", "murder"])
WOUND_VERBS = frozenset(["wound", "injure", "hurt", "maim"])

#: Other verbs that name what a number counts (open-ended for other domains).
MEASURE_VERBS = {
    "capture": "captured",
    "arrest": "arrested",
    "detain": "detained",
    "evacuate": "evacuated",
    "displace": "displaced",
    "rescue": "rescued",
    "miss": "missing",
    "abduct": "abducted",
    "kidnap": "abducted",
    "free": "released",
    "vote": "votes",
    "treat": "wounded",
    "hospitalize": "wounded",
    "hospitalise": "wounded",
    "relocate": "evacuated",
    "flee": "displaced",
}

#: Adjectives that say what the counted people are ("40 injured people",
#: "listed as missing").
MEASURE_ADJS = {
    "injured": "wounded",
    "wounded": "wounded",
    "hurt": "wounded",
    "dead": "killed",
    "killed": "killed",
    "missing": "missing",
    "unaccounted": "missing",
    "displaced": "displaced",
    "homeless": "displaced",
}

#: Nouns for people in general: a count of them says nothing of what happened
#: to them, so they give no measure of their own.
PEOPLE_NOUNS = frozenset(
    [
        "people", "persons", "person", "men", "women", "children", "residents", "workers",
        "members", "families", "individuals", "civilians", "citizens", "employees", "staff",
        "passengers", "inhabitants", "adults"
    ]
)

#: Nouns whose count is itself the measure.
MEASURE_NOUNS = {
    "casualty": "casualties",
    "casualties": "casualties",
    "loss": "casualties",
    "losses": "casualties",
    "fatality": "killed",
    "fatalities": "killed",
    "death": "killed",
    "deaths": "killed",
    "dead": "killed",
    "body": "killed",
    "bodies": "killed",
    "injury": "wounded",
    "injuries": "wounded",
    "wounded": "wounded",
    "injured": "wounded",
    "prisoner": "captured",
    "prisoners": "captured",
    "pow": "captured",
    "pows": "captured",
    "captive": "captured",
    "captives": "captured",
    "hostage": "hostages",
    "hostages": "hostages",
    "arrest": "arrested",
    "arrests": "arrested",
    "evacuee": "evacuated",
    "evacuees": "evacuated",
    "refugee": "displaced",
    "refugees": "displaced",
    "vote": "votes",
    "votes": "votes",
    "missing": "missing",
    "toll": "killed",  # "the death toll rose to 57"
}

#: Nouns for armed people: a count of them with no casualty word counts troops.
TROOP_NOUNS = frozenset(
    [
        "troop", "troops", "soldier", "soldiers", "personnel", "servicemen", "serviceman",
        "servicemembers", "fighter", "fighters", "mercenary", "mercenaries", "marine", "marines",
        "paratrooper", "paratroopers", "infantry", "conscript", "conscripts", "reservist",
        "reservists"
    ]
)

#: Verbs that place troops somewhere (they confirm the "troops" measure).
DEPLOY_VERBS = frozenset(
    [
        "deploy", "station", "send", "dispatch", "mobilize", "mobilise", "amass", "post",
        "transfer", "move", "base"
    ]
)

#: Nouns of time: a number counting them is a duration or a date, not a count.
TIME_UNITS = frozenset(
    [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades", "century", "centuries", "night",
        "nights", "weekend", "weekends", "morning", "mornings", "evening", "evenings", "time",
        "times", "o'clock", "am", "pm", "a.m.", "p.m.", "th", "st", "nd", "rd"
    ]
)

#: Qualifier phrases before a number, longest first (lower-case word sequences).
QUALIFIER_PHRASES = (
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("not less than", "at_least"),
    ("as many as", "up_to"),
    ("as much as", "up_to"),
    ("no more than", "up_to"),
    ("not more than", "up_to"),
    ("a maximum of", "up_to"),
    ("a minimum of", "at_least"),
    ("an estimated", "about"),
    ("close to", "about"),
    ("nearly", "about"),
    ("almost", "about"),
    ("at least", "at_least"),
    ("at most", "up_to"),
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("exceeding", "over"),
    ("up to", "up_to"),
    ("around", "about"),
    ("about", "about"),
    ("approximately", "about"),
    ("approx.", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("circa", "about"),
    ("estimated", "about"),
    ("fewer than", "under"),
    ("less than", "under"),
    ("under", "under"),
    ("below", "under"),
)

#: Number words and their values.
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

#: Scale words and their multipliers ("2.5 million", "a hundred", "3bn").
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mn": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000,
    "k": 1_000,
}

#: Vague amounts and the bounds newssift gives them (qualifier "vague").
#:
#: | phrase                  | low     | high    | why                                   |
#: |-------------------------|---------|---------|---------------------------------------|
#: | a handful               | 2       | 5       | a hand's worth                        |
#: | a few                   | 2       | 5       | fewer than "several"                  |
#: | several                 | 3       | 9       | more than a couple, below ten         |
#: | a dozen / about a dozen | 12      | 12      | (exact word; qualifier from context)  |
#: | dozens                  | 24      | 99      | two dozen up to below a hundred       |
#: | several dozen           | 36      | 99      | three dozen up to below a hundred     |
#: | scores                  | 40      | 99      | two score up to below a hundred       |
#: | hundreds                | 200     | 999     | two hundred up to below a thousand    |
#: | several hundred         | 300     | 999     | three hundred up to below a thousand  |
#: | thousands               | 2,000   | 9,999   | and so on by powers of ten            |
#: | several thousand        | 3,000   | 9,999   |                                       |
#: | tens of thousands       | 20,000  | 99,999  |                                       |
#: | hundreds of thousands   | 200,000 | 999,999 |                                       |
#: | millions                | 2e6     | 9.99e6  |                                       |
VAGUE_AMOUNTS = (
    ("hundreds of thousands", 200_000, 999_999),
    ("tens of thousands", 20_000, 99_999),
    ("several dozen", 36, 99),
    ("several hundred", 300, 999),
    ("several thousand", 3_000, 9_999),
    ("a few dozen", 24, 60),
    ("a few hundred", 200, 500),
    ("a few thousand", 2_000, 5_000),
    ("a handful", 2, 5),
    ("dozens", 24, 99),
    ("scores", 40, 99),
    ("hundreds", 200, 999),
    ("thousands", 2_000, 9_999),
    ("millions", 2_000_000, 9_999_999),
    ("several", 3, 9),
    ("a few", 2, 5),
)

#: Units of measure: a number of them is an amount with a unit, not a count.
MEASURE_UNITS = {
    "kilometre": ("km", "distance"), "kilometres": ("km", "distance"), "kilometer": ("km", "distance"),
    "kilometers": ("km", "distance"), "km": ("km", "distance"), "mile": ("mi", "distance"),
    "miles": ("mi", "distance"), "metre": ("m", "distance"), "metres": ("m", "distance"),
    "meter": ("m", "distance"), "meters": ("m", "distance"), "tonne": ("t", "weight"),
    "tonnes": ("t", "weight"), "tons": ("t", "weight"), "kilograms": ("kg", "weight"), "kg": ("kg", "weight"),
    "hectares": ("ha", "area"), "acres": ("acre", "area"), "litres": ("l", "volume"), "liters": ("l", "volume"),
    "barrels": ("bbl", "volume"),
}

#: Currency symbols and words and the unit newssift records for them.
CURRENCY_UNITS = {
    "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "£": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "won": "KRW",
}
