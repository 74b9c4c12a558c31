"""Keys for "who or what is counted", shared by figures and fact similarity."""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["canonical_subjects", "is_combined", "place_of", "subject_in_claim", "subject_key", "window_of"]

#: Count nouns that say what kind of individual is counted, not whose.  Two
#: reports of "North Korean soldiers" and "North Korean troops" count one
#: subject, so these words are dropped when a subject has a qualifying word.
_COUNT_NOUNS = frozenset(
    [
        "people", "person", "persons", "individuals", "soldiers", "soldier", "troops", "troop", "servicemen",
        "personnel", "fighters", "forces", "members", "casualties", "victims", "residents", "men", "women",
        "workers", "worker", "staff", "employees", "crew", "military", "fatalities", "deaths", "dead",
        "injured", "wounded", "injuries",
        # One person of no stated side ("a man was killed", "the victim", "two others").
        "man", "woman", "boy", "girl", "teen", "teenager", "child", "children", "kid", "kids", "baby", "person",
        "victim", "youth", "adult", "adults", "others", "other", "another", "one", "year-old", "old",
        "month-old", "year", "years", "young", "units", "unit", "month", "months", "aged", "teens", "teenagers", "boys", "girls", "individual",
    ]
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DROP = frozenset([
    "the", "a", "an", "of", "some", "about", "around", "at", "least", "over", "more", "than", "up", "to",
    "nearly", "almost", "approximately", "roughly", "some", "several", "dozen", "hundreds", "thousands",
])


#: Key prefix of a subject that combines several sides.
COMBINED_PREFIX = "combined: "


#: Distinct strings whose keys are kept: the figures and conflict passes ask
#: for the same claim's key once per pair of claims.
_KEY_CACHE = 1 << 16


@lru_cache(maxsize=_KEY_CACHE)
def subject_key(subject: str | None) -> str:
    """A normalised key for "who is counted": its qualifying words ("north korean"), or "" when generic.

    A combined subject keys as ``"combined: "`` plus its qualifying words, so it
    never reads as a narrower or wider form of one side.
    """
    if not subject:
        return ""
    words = [p for w in _WORD_RE.findall(subject) for p in w.lower().replace("’", "'").split("-") if p]
    words = [w for w in words if w not in _DROP and w not in _COMBINED_WORDS and w not in ("and", "these", "those")]
    qualifying = [w for w in words if w not in _COUNT_NOUNS]
    if qualifying:
        return (COMBINED_PREFIX if is_combined(subject) else "") + " ".join(qualifying)
    # Only generic count nouns ("people", "workers"): no way to tell whose.
    return ""




#: Words that make a subject a combination of sides ("combined Russian-Eastland
#: units", "mixed units of A and B"): its toll is never one side's.
_COMBINED_WORDS = frozenset(["combined", "mixed", "joint", "allied"])
_COMBINED_RE = re.compile(r"\b[A-Z][\w'’]*\s*(?:-|–|\band\b|&|/)\s*[A-Z]")

#: "among X" after a count names whose count it is ("fatalities among these units").
_AMONG_RE = re.compile(
    r"\bamong\s+(?:(?:the|these|those|its|their)\s+)?([^,.;:]+?)"
    r"(?=\s+(?:had|have|has|was|were|is|are|in|during|over|since|at|on|after|following|as)\b|[,.;:]|$)",
    re.IGNORECASE,
)

#: Periods a count is stated for: "over the past three days", "this year", "since Monday".
_WINDOW_RE = re.compile(
    r"\b(?:(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|first|preceding)\s+"
    r"(?:[\w-]+\s+)?(?:hours?|days?|nights?|weeks?|months?|years?|decades?)"
    r"|(?:so\s+far\s+)?this\s+(?:year|month|week)|last\s+(?:year|month)|so\s+far\s+in\s+\d{4}"
    r"|since\s+(?:the\s+start\s+of\s+)?(?:\w+day|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|\d{4}|the\s+(?:start|beginning)\s+of\s+\w+))\b",
    re.IGNORECASE,
)


#: A place given with an indefinite article right after the counted words
#: ("over 20 casualties in a snowy field"): the count is of that one spot, a
#: part of the event, not its toll.
_PLACE_RE = re.compile(r"^\s*(?:in|at|near|inside|on)\s+(an?\s+[a-z]+(?:\s+[a-z]+)?)\b")


def place_of(after: str) -> str:
    """The spot a count is restricted to, read from the words right after it; "" when none."""
    m = _PLACE_RE.match(after or "")
    return m.group(0).strip().lower() if m else ""


def is_combined(subject: str | None) -> bool:
    """Whether a subject joins several sides ("combined Russian-Eastland units", "A and B forces")."""
    if not subject:
        return False
    words = {w.lower() for w in _WORD_RE.findall(subject)}
    return bool(words & _COMBINED_WORDS) or bool(_COMBINED_RE.search(subject))


def subject_in_claim(subject: str | None, claim_text: str) -> str | None:
    """Who a value counts: its own subject, or the "among X" group its claim names when its own is generic."""
    if subject and subject_key(subject) and not is_combined(subject):
        return subject
    m = _AMONG_RE.search(claim_text or "")
    if m and subject_key(m.group(1)):
        return m.group(1).strip()
    return subject


@lru_cache(maxsize=_KEY_CACHE)
def window_of(claim_text: str) -> str:
    """The period a claim states its count for ("past three days", "this year"), lower-cased; "" when none."""
    m = _WINDOW_RE.search(claim_text or "")
    if not m:
        return ""
    words = [w for w in m.group(0).lower().split() if w not in ("over", "in", "during", "within", "for", "the")]
    return " ".join(words)


def canonical_subjects(keys: list[str]) -> dict[str, str]:
    """Map each subject key to the group it joins: the most reported key whose words contain its own.

    "north korean" joins "north korean" rather than splitting from "north
    korean military"; a generic "" joins the most reported specific subject.
    Keys that no other key contains stay themselves.
    """
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    words = {k: set(k.split()) for k in counts}
    # A combined subject ("combined: a b") is its own figure: joining it to one
    # side would credit that side with the other's losses.
    combined = {k for k in counts if k.startswith(COMBINED_PREFIX)}
    out = {}
    for k in counts:
        if k in combined:
            out[k] = k
            continue
        pool = [o for o in counts if o not in combined]
        wider = [o for o in pool if words[k] <= words[o] or words[o] <= words[k]] if k else pool
        # Most reported first; then the shorter (more general) name; then text.
        out[k] = min(wider, key=lambda o: (-counts[o], not o, len(o), o))
    return out
