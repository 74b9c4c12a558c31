"""General-English word lists that the extract stage keys on.

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
        "corroborate", "verify", "assure", "promise", "vow", "ask"
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


# ---------------------------------------------------------------------------
# Casualty counts without digits (helper "figures"; used by extract/counts.py).
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
    elephant giant grant guarantee committee fee referee""".split()
) - {"tenant", "referee"}

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

__all__ += [  # noqa: PLE0605 - extended by this section
    "AGENT_SUFFIXES", "NOT_AGENT_NOUNS", "CONDITION_ADJS", "DEATH_NOUNS", "FATAL_ADVERBS", "FATAL_EVENT_ADJS", "INJURY_NOUNS", "NOBODY_WORDS",
    "ONE_PERSON_NOUNS", "ONE_PERSON_PRONOUNS", "ORDINAL_COUNTS", "STATE_VERBS", "SUFFER_VERBS",
    "UNREAL_HEADS", "UNREAL_WORDS",
]


# ---------------------------------------------------------------------------
# Units, currencies and number labels (helper "quant"; used by extract/units.py
# and extract/quantities.py).
# ---------------------------------------------------------------------------

#: Unit words after a number, lower-case, as (normalised unit, kind). Plural and
#: singular forms are both listed; multi-word units are matched word by word.
UNIT_WORDS = {
    **{w: ("%", "percent") for w in ("percent", "per cent", "pct", "percentage", "per-cent")},
    **{w: ("pp", "percent") for w in ("percentage point", "percentage points", "points percentage")},
    **{w: ("‰", "percent") for w in ("per mil", "per mille", "per mill")},
    **{w: ("year", "time") for w in ("year", "years", "yr", "yrs")},
    **{w: ("month", "time") for w in ("month", "months", "mo")},
    **{w: ("week", "time") for w in ("week", "weeks", "wk", "wks")},
    **{w: ("day", "time") for w in ("day", "days")},
    **{w: ("h", "time") for w in ("hour", "hours", "hr", "hrs")},
    **{w: ("min", "time") for w in ("minute", "minutes", "mins")},
    **{w: ("s", "time") for w in ("second", "seconds", "secs", "sec")},
    **{w: ("decade", "time") for w in ("decade", "decades")},
    **{w: ("century", "time") for w in ("century", "centuries")},
    **{w: ("millennium", "time") for w in ("millennium", "millennia")},
    **{w: ("night", "time") for w in ("night", "nights")},
    **{w: ("km", "length") for w in ("kilometre", "kilometres", "kilometer", "kilometers")},
    **{w: ("m", "length") for w in ("metre", "metres", "meter", "meters")},
    **{w: ("cm", "length") for w in ("centimetre", "centimetres", "centimeter", "centimeters")},
    **{w: ("mm", "length") for w in ("millimetre", "millimetres", "millimeter", "millimeters")},
    **{w: ("μm", "length") for w in ("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns")},
    **{w: ("nm", "length") for w in ("nanometre", "nanometres", "nanometer", "nanometers")},
    **{w: ("mi", "length") for w in ("mile", "miles")},
    **{w: ("nmi", "length") for w in ("nautical mile", "nautical miles")},
    **{w: ("ft", "length") for w in ("foot", "feet")},
    **{w: ("in", "length") for w in ("inch", "inches")},
    **{w: ("yd", "length") for w in ("yard", "yards")},
    **{w: ("ly", "length") for w in ("light year", "light years", "light-year", "light-years")},
    **{w: ("km²", "area") for w in ("square kilometre", "square kilometres", "square kilometer",
                                    "square kilometers", "sq km")},
    **{w: ("m²", "area") for w in ("square metre", "square metres", "square meter", "square meters")},
    **{w: ("mi²", "area") for w in ("square mile", "square miles", "sq mi")},
    **{w: ("ft²", "area") for w in ("square foot", "square feet", "sq ft")},
    **{w: ("ha", "area") for w in ("hectare", "hectares")},
    **{w: ("acre", "area") for w in ("acre", "acres")},
    **{w: ("m³", "volume") for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters")},
    **{w: ("l", "volume") for w in ("litre", "litres", "liter", "liters")},
    **{w: ("ml", "volume") for w in ("millilitre", "millilitres", "milliliter", "milliliters")},
    **{w: ("gal", "volume") for w in ("gallon", "gallons")},
    **{w: ("bbl", "volume") for w in ("barrel", "barrels")},
    **{w: ("t", "mass") for w in ("tonne", "tonnes", "ton", "tons", "metric ton", "metric tons")},
    **{w: ("kg", "mass") for w in ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")},
    **{w: ("g", "mass") for w in ("gram", "grams", "gramme", "grammes")},
    **{w: ("mg", "mass") for w in ("milligram", "milligrams")},
    **{w: ("oz", "mass") for w in ("ounce", "ounces")},
    **{w: ("lb", "mass") for w in ("lbs",)},
    **{w: ("°C", "temperature") for w in ("degrees celsius", "degree celsius", "degrees centigrade", "celsius",
                                          "degrees c")},
    **{w: ("°F", "temperature") for w in ("degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f")},
    **{w: ("K", "temperature") for w in ("kelvin", "kelvins")},
    **{w: ("°", "angle") for w in ("degree", "degrees")},
    **{w: ("km/h", "speed") for w in ("kilometres per hour", "kilometers per hour", "kph", "km/h")},
    **{w: ("mph", "speed") for w in ("miles per hour", "mph")},
    **{w: ("kn", "speed") for w in ("knot", "knots")},
    **{w: ("W", "power") for w in ("watt", "watts")},
    **{w: ("kW", "power") for w in ("kilowatt", "kilowatts")},
    **{w: ("MW", "power") for w in ("megawatt", "megawatts")},
    **{w: ("GW", "power") for w in ("gigawatt", "gigawatts")},
    **{w: ("kWh", "energy") for w in ("kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours")},
    **{w: ("V", "voltage") for w in ("volt", "volts")},
    **{w: ("J", "energy") for w in ("joule", "joules")},
    **{w: ("kcal", "energy") for w in ("calorie", "calories", "kilocalorie", "kilocalories")},
    **{w: ("Hz", "frequency") for w in ("hertz",)},
    **{w: ("B", "data") for w in ("byte", "bytes")},
    **{w: ("GB", "data") for w in ("gigabyte", "gigabytes")},
    **{w: ("MB", "data") for w in ("megabyte", "megabytes")},
    **{w: ("×", "ratio") for w in ("times", "fold", "-fold")},
    **{w: ("points", "points") for w in ("point", "points", "pts")},
}

#: Unit kinds that give a quantity its ``measure`` (the kinds the figures view
#: compares): physical amounts keep the measure names used before units grew.
UNIT_KIND_MEASURES = {"length": "distance", "mass": "weight", "area": "area", "volume": "volume", "money": "money"}

#: Unit symbols that pint does not know (or knows as something else) but that
#: science and news write after numbers, as written -> normalised.
EXTRA_UNIT_SYMBOLS = {
    "wt%": "wt%", "wt.%": "wt%", "wt. %": "wt%", "wt %": "wt%", "vol%": "vol%", "vol.%": "vol%", "mol%": "mol%",
    "at%": "at%", "at.%": "at%", "v/v": "v/v", "w/w": "w/w", "w/v": "w/v", "ppb": "ppb", "ppbv": "ppbv",
    "ppmv": "ppmv", "ppt": "ppt", "pptv": "pptv", "ppq": "ppq", "ppm": "ppm", "Torr": "Torr", "torr": "Torr",
    "mBar": "mbar", "UT": "UT", "UTC": "UTC", "GMT": "GMT", "BP": "BP", "ka BP": "ka BP", "cal BP": "cal BP",
    "kyr": "kyr", "Myr": "Myr", "Gyr": "Gyr", "byr": "Gyr", "ka": "ka", "Ma": "Ma", "Ga": "Ga", "bp": "bp",
    "kbp": "kbp", "Mbp": "Mbp", "kb": "kb", "Mb": "Mb", "nt": "nt", "aa": "aa", "Rp": "Rp", "RJ": "RJ",
    "RE": "RE", "RS": "RS", "Rs": "Rs", "R⊙": "R⊙", "M⊙": "M⊙", "L⊙": "L⊙", "R⊕": "R⊕", "M⊕": "M⊕", "AU": "AU",
    "mbsl": "mbsl", "mbsf": "mbsf", "masl": "masl", "bpm": "bpm", "rpm": "rpm", "CFU": "CFU", "cfu": "CFU",
    "IU": "IU", "U": "U", "kDa": "kDa", "Da": "Da", "Mbps": "Mbps", "Gbps": "Gbps", "kbps": "kbps", "px": "px",
    "dpi": "dpi", "mmHg": "mmHg", "cmH2O": "cmH2O", "pH": "pH", "mAh": "mAh", "Wh": "Wh", "kWh": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kWp": "kWp", "MWp": "MWp", "sccm": "sccm",
    "yr": "yr", "yrs": "yr", "hr": "h", "hrs": "h", "sec": "s", "mins": "min", "kph": "km/h", "tCO2": "tCO2",
    "tCO2e": "tCO2e", "MtCO2": "MtCO2", "GtCO2": "GtCO2", "Mt": "Mt", "Gt": "Gt", "kt": "kt", "bbl": "bbl",
    "sq": None,
}

#: Words that pint reads as units but that are English words after a number
#: ("5 in the sample", "3 at once", "2 a day"): never a unit when alone.
UNIT_STOPWORDS = frozenset(
    """a an the and or of in on at to for from by with is are was were be as than that this these it its
    per not no into over under up via vs which who when where while then also all any each both but if
    so such only other out off we he she they i you our their his her one two three four five six seven
    eight nine ten mean max min sd se ci do does did has have had can may will would could should must""".split()
) - {"min"}

#: Currency signs and codes written before an amount, and their ISO codes.
CURRENCY_BEFORE = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH", "₩": "KRW", "₦": "NGN", "₺": "TRY", "₪": "ILS", "₱": "PHP", "Rs": "INR",
    "Rs.": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY",
    "CHF": "CHF", "INR": "INR", "RUB": "RUB", "UAH": "UAH", "AUD": "AUD", "CAD": "CAD", "KRW": "KRW",
}

#: Currency words written after an amount ("5,000 won", "3 million euros").
#: "won" is money only here, after a number: before one it is a verb ("won 3-1").
CURRENCY_AFTER = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias.": "UAH", "won": "KRW",
    "rupee": "INR", "rupees": "INR", "peso": "MXN", "pesos": "MXN", "franc": "CHF", "francs": "CHF",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rand": "ZAR", "naira": "NGN",
    "shekel": "ILS", "shekels": "ILS", "lira": "TRY", "liras": "TRY", "real": "BRL", "reais": "BRL",
    "dinar": "DZD", "dinars": "DZD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
}

#: Scale words and suffixes after an amount of money or a plain number
#: ("£2.3m", "$1.2bn", "2.5 million"). A bare "m" or "k" scales only money:
#: after a plain number it is metres or kilo.
MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12,
                "tr": 1e12, "trn": 1e12}

#: Words before a number that make it a label, not an amount ("Table 2",
#: "phase 7", "No. 4", "line 10"); lower-case, with and without final dot.
LABEL_WORDS = frozenset(
    """fig fig. figs figs. figure figures table tables tab tab. eq eq. eqs eqs. equation equations section
    sections sec sec. chapter chapters appendix panel panels phase phases stage stages step steps line lines
    column columns row rows page pages pp pp. p. no no. nos nos. number # item items case cases model
    models version type types grade grades class classes group groups experiment experiments sample
    site sites lane lanes exon exons chromosome chromosomes article articles paragraph rule rules
    round rounds route routes gate gates station platform flight level levels category cohort wave waves
    run runs trial test tests patient animal subject participant volume vol vol. issue issues part parts
    ref ref. refs scheme schemes algorithm algorithms lemma theorem definition proposition corollary
    region zone zones unit units cluster clusters node nodes week day weeks days month months listing
    listings axis complex clone clones assemblage iteration generation code codes fraction fractions numbered
    samples specimen specimens""".split()
)

#: Verbs and nouns of contests: "won 112 to 104", "a 3-1 victory" are scores.
SCORE_WORDS = frozenset(
    """win won beat defeat lose lost edge edged rout routed thrash top topped lead led trail trailed draw
    drew tie tied score scored victory win defeat loss game match final score scoreline result vote
    voted""".split()
)

#: Verbs of change: "fell from 12 to 9" is two values, not a range.
CHANGE_VERBS = frozenset(
    """fall drop decline decrease reduce cut shrink slip slide plunge tumble sink ease lower dip rise
    increase grow climb jump soar surge raise go change move widen narrow""".split()
)

#: Words that name a scale before its reading ("pH 7", "magnitude 6.1"), lower-case -> unit.
UNIT_BEFORE = {"ph": "pH", "magnitude": "magnitude", "richter": "magnitude", "mach": "Mach"}

#: Words of heat and cold: "41C" next to them is a temperature, not 41 coulombs.
TEMPERATURE_WORDS = frozenset(
    """temperature temperatures heat heatwave hot hotter hottest warm warmer warmest cold colder coldest chilly
    freezing frost celsius fahrenheit thermometer thermometers degrees""".split()
)

__all__ += [  # noqa: PLE0605 - extended by this section
    "TEMPERATURE_WORDS", "UNIT_BEFORE",
    "CHANGE_VERBS", "CURRENCY_AFTER", "CURRENCY_BEFORE", "EXTRA_UNIT_SYMBOLS", "LABEL_WORDS", "MONEY_SCALES",
    "SCORE_WORDS", "UNIT_KIND_MEASURES", "UNIT_STOPWORDS", "UNIT_WORDS",
]


# ---------------------------------------------------------------------------
# ingest (helper "extract", issue 12): reader-directed notices on web pages.
# Regular expressions (matched case-insensitively on one paragraph) for what a
# site says *to the reader* beside the article: paywall and subscription
# calls, "download our app", "follow us on ...", affiliate disclaimers and
# cookie banners.  Each needs an addressed call or a disclosure, so an article
# that merely reports on subscribers, apps or cookies does not match.
NOTICE_PATTERNS = (
    r"\bsubscribe (?:now|today|to (?:our|the|read|continue|access|get))\b",
    r"\balready an? (?:subscriber|member)\b",
    r"\bsubscribers (?:also )?(?:receive|get)\b",
    r"\blog ?in (?:for|to (?:read|continue|access|view|check))\b",
    r"\bto (?:view|read|continue reading|access) (?:the|this) full (?:story|article)\b",
    r"\b(?:download|get) (?:the|our) [\w ]{0,30}\bapps?\b",
    r"\bfollow (?:us|the [\w ]{1,30}|@\w+) on (?:twitter|facebook|instagram|linkedin|tiktok|youtube|x)\b",
    r"\b(?:this|the) (?:post|article|page) (?:contains|may contain|includes) (?:references|affiliate|sponsored)",
    r"\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)",
    r"\b(?:we|this (?:site|website)) uses? cookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\bcookie (?:settings|policy|preferences)\b",
    r"\bsign up (?:for|to) (?:our|the) [\w ]{0,30}newsletter\b",
    r"^\s*(?:share|print|e-?mail|save) (?:this|the) (?:article|story|page|post)\s*$",
)
__all__ += ["NOTICE_PATTERNS"]  # noqa: PLE0605 - extended by this section


# ---------------------------------------------------------------------------
# attribution and hedges (helper "attrib", issue 9 items 2-3): headlines and modals.
#: Modal verbs that leave their clause open ("Apple may launch ...", "X could
#: cost ..."); "can", "will" and "would" assert or predict and hedge nothing.
HEDGE_MODALS = frozenset(["may", "might", "could"])

#: Hedge words written in a headline's own shorthand ("Rumored To Have ...",
#: "Rumor: ...", "Unconfirmed Reports ..."), matched case-insensitively.
HEADLINE_HEDGE_WORDS = frozenset(
    [
        "rumored", "rumoured", "rumor", "rumors", "rumour", "rumours", "reportedly", "allegedly",
        "purportedly", "apparently", "supposedly", "alleged", "purported", "unconfirmed", "possibly",
        "probably", "suspected", "suspect", "believed", "speculation", "possible",
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
    ["fake", "hoax", "hoaxes", "false", "untrue", "debunked", "debunks", "debunk", "myth", "nope", "satire", "satirical"]
)

#: Reporting verbs that also deliver verdicts and findings: with no finite
#: clause after them ("found Mark Ellison guilty") nobody is being reported.
VERDICT_VERBS = frozenset(["find", "rule", "deem", "declare", "judge"])

#: Irregular past forms of reporting verbs (a headline's "Said", "Told", "Wrote").
IRREGULAR_REPORT_FORMS = frozenset(["said", "told", "wrote", "found", "thought", "spoke", "swore"])

__all__ += [  # noqa: PLE0605 - extended by this section
    "DEBUNK_WORDS", "HEADLINE_HEDGE_PHRASES", "HEADLINE_HEDGE_WORDS", "HEADLINE_SPEECH_VERBS", "HEDGE_MODALS",
    "IRREGULAR_REPORT_FORMS", "SOURCE_LABEL_NOUNS", "VERDICT_VERBS",
]

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
    ]
)

__all__ += ["ORG_LEGAL_SUFFIXES", "OCCUPATION_NOUNS"]  # noqa: PLE0605 - extended by this section
