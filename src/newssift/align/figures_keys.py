"""Keys for "who or what is counted", shared by figures and fact similarity."""
from __future__ import annotations

import re

__all__ = ["canonical_subjects", "subject_key"]

#: Count nouns that say what kind of individual is counted, not whose.  Two
#: reports of "North Korean soldiers" and "North Korean troops" count one
#: subject, so these words are dropped when a subject has a qualifying word.
_COUNT_NOUNS = frozenset(
    [
        "people", "person", "persons", "individuals", "soldiers", "soldier", "troops", "troop", "servicemen",
        "personnel", "fighters", "forces", "members", "casualties", "victims", "residents", "men", "women",
        "workers", "worker", "staff", "employees", "crew", "military", "fatalities", "deaths", "dead",
        "injured", "wounded", "injuries",
    ]
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DROP = frozenset([
    "the", "a", "an", "of", "some", "about", "around", "at", "least", "over", "more", "than", "up", "to",
    "nearly", "almost", "approximately", "roughly", "some", "several", "dozen", "hundreds", "thousands",
])


def subject_key(subject: str | None) -> str:
    """A normalised key for "who is counted": its qualifying words ("north korean"), or "" when generic."""
    if not subject:
        return ""
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(subject)]
    words = [w for w in words if w not in _DROP]
    qualifying = [w for w in words if w not in _COUNT_NOUNS]
    if qualifying:
        return " ".join(qualifying)
    # Only generic count nouns ("people", "workers"): no way to tell whose.
    return ""




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
    out = {}
    for k in counts:
        wider = [o for o in counts if words[k] <= words[o] or words[o] <= words[k]] if k else list(counts)
        # Most reported first; then the shorter (more general) name; then text.
        out[k] = min(wider, key=lambda o: (-counts[o], not o, len(o), o))
    return out
