"""Keys for "who or what is counted", shared by figures and fact similarity."""
from __future__ import annotations

import re

__all__ = ["subject_key"]

#: Count nouns that say what kind of individual is counted, not whose.  Two
#: reports of "North Korean soldiers" and "North Korean troops" count one
#: subject, so these words are dropped when a subject has a qualifying word.
_COUNT_NOUNS = frozenset(
    """people person persons individuals soldiers soldier troops troop servicemen personnel fighters
    forces members casualties victims residents men women workers worker staff employees crew""".split()
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DROP = frozenset("""the a an of some about around at least over more than up to nearly almost
    approximately roughly some several dozen hundreds thousands""".split())


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


