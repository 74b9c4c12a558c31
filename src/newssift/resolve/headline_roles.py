"""Role words in a headline ("Lawyer: ...", "... Rehires Attorney", "Oscars Host For 2014").

Headline shorthand drops articles, so a role noun there stands where the body
writes "the lawyer" or "her attorney".  Such a word is a mention of the one
person of the body who holds that role: a title or apposition of that person
(``Entity.titles``), or a role noun the body already attaches to them
(``extract.nominals``).  Not when two people of the body hold the role, not
when the word is a title in front of a name the headline gives ("Attorney
Shawn Holley" in a headline: the name is the mention), and not as a verb after
"to" or a modal ("To Host Oscars").
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..extract.nominals import NOMINAL_ROLES
from ..models import Entity

__all__ = ["headline_roles"]

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
#: Words before which a role word is a verb ("to host", "will coach").
_VERB_MARKERS = frozenset({"to", "will", "would", "can", "could", "may", "might", "shall", "should", "must"})


def headline_roles(title: str, people: Sequence[Entity], doc: str,
                   taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of the headline's role words that stand for one person of the body.

    ``people``: the persons the document's body names; ``taken``: the headline's name mentions.
    """
    holders = _holders(people, doc)
    if not holders:
        return []
    words = list(_WORD.finditer(title))
    starts = {s for s, _ in taken}
    out = []
    for k, w in enumerate(words):
        owners = holders.get(w.group().lower())
        if not owners or len(owners) != 1 or any(s < w.end() and w.start() < e for s, e in taken):
            continue
        nxt = words[k + 1].start() if k + 1 < len(words) else -1
        if nxt in starts and title[w.end():nxt].strip() == "":
            continue  # "Attorney Shawn Holley": a title in front of the name
        if k > 0 and words[k - 1].group().lower() in _VERB_MARKERS:
            continue  # "To Host Oscars": a verb
        out.append((w.start(), w.end(), next(iter(owners))))
    return out


def _holders(people: Sequence[Entity], doc: str) -> dict[str, set[str]]:
    """Role noun -> the ids of the people who hold it (titles, and role nouns the body attaches)."""
    holders: dict[str, set[str]] = defaultdict(set)
    for e in people:
        if e.type != "PERSON":
            continue
        words = {w for t in e.titles for w in t.lower().replace(",", " ").split()}
        words |= {m.text.lower() for m in e.mentions if m.doc == doc and m.part == "text" and m.nominal}
        for w in words & NOMINAL_ROLES:
            holders[w].add(e.id)
    return holders
