"""Independent origins of claims, and a fact's status.

The origin of a claim is who first said it: the speaker, not the outlet that
repeats it and not a relay (``via``) that passed it on.  Two speakers are one
origin when one speaks for the other: a spokesperson whose recorded title
names an organisation ("Pentagon press secretary") is that organisation's
voice, so the person's and the body's statements are not independent.
A speaker phrase that coordinates several sources ("the United States and
Ukraine") gives one origin per named source.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..models import Claim, Entity, FactStatus

__all__ = ["OriginIndex", "build_origin_index", "fact_status"]

#: Entity types that can employ a spokesperson.
_BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: Shortest organisation name looked for inside a person's title; shorter
#: strings ("US", "UN") match inside unrelated words and titles too easily.
MIN_AFFILIATION_NAME = 3

_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bas well as\b)\s*", re.IGNORECASE)
#: Only a phrase with a coordinator names several sources; a comma alone is
#: usually an apposition ("John Doe, the minister").
_COORD_RE = re.compile(r"&|\band\b|\bas well as\b", re.IGNORECASE)
_LEAD_RE = re.compile(r"^(?:the|both)\s+", re.IGNORECASE)


#: Words too common in organisation names to tie a title to one body.
_GENERIC_ORG_WORDS = frozenset(
    [
        "national", "state", "states", "federal", "central", "general", "public", "city", "county",
        "regional", "international", "united", "department", "ministry", "office", "agency", "service",
        "services", "council", "committee", "authority", "authorities", "government", "administration",
        "group", "company", "corporation", "organisation", "organization", "association", "institute",
        "center", "centre", "bureau", "board", "commission",
    ]
)


def _words(name: str) -> set[str]:
    """Lower-case content words of a name (possessives stripped, stop words dropped)."""
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", name):
        w = re.sub(r"['’]s?$", "", w.lower())
        if len(w) >= MIN_AFFILIATION_NAME and w not in STOP_WORDS:
            out.add(w)
    return out


def _norm(name: str) -> str:
    name = name.replace("’", "'").strip().lower()
    name = re.sub(r"'s$", "", name)
    name = _LEAD_RE.sub("", name)
    return re.sub(r"\s+", " ", name)


class OriginIndex:
    """Maps speakers to origin groups (union-find over entity ids)."""

    def __init__(self, entities: Sequence[Entity]):
        self._parent: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        for e in entities:
            for n in (e.name, *e.aliases):
                key = _norm(n)
                # First entity wins on a shared name: entities arrive in a
                # stable order, so the choice is deterministic.
                if key:
                    self._by_name.setdefault(key, e.id)
        bodies = [e for e in entities if e.type in _BODY_TYPES]
        # Words that name a country or people say nothing about which body a
        # person speaks for ("Ukraine's", "Russian"), so they never link.
        place_words = {w for e in entities if e.type in ("GPE", "NORP", "LOC")
                       for n in (e.name, *e.aliases) for w in _words(n)}
        for person in (e for e in entities if e.type == "PERSON" and e.titles):
            titles = " | ".join(t.lower() for t in person.titles)
            title_words = {w for t in person.titles for w in _words(t)}
            for body in bodies:
                names = {_norm(n) for n in (body.name, *body.aliases)}
                if any(len(n) >= MIN_AFFILIATION_NAME and re.search(rf"\b{re.escape(n)}\b", titles) for n in names):
                    self._union(person.id, body.id)
                elif body.type == "ORG":
                    # "Fire Chief" speaks for "the fire service", "union
                    # leader" for "the Dockworkers' Union": a distinctive
                    # word of the body's name in the person's title.
                    distinctive = {w for n in (body.name, *body.aliases) for w in _words(n)}
                    distinctive -= place_words | _GENERIC_ORG_WORDS
                    if distinctive & title_words:
                        self._union(person.id, body.id)

    def _find(self, x: str) -> str:
        root = x
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while self._parent.get(x, x) != root:  # path compression
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # The smaller id becomes the root so the result is order-free.
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo

    def group(self, source: str) -> str:
        """The origin group of one source id (itself when unaffiliated)."""
        return self._find(source)

    def claim_sources(self, claim: Claim) -> tuple[str, ...]:
        """The original sources of one claim: entity ids or ``src:`` keys; () when unsourced."""
        if claim.speaker_text and _COORD_RE.search(claim.speaker_text):
            parts = [p for p in _SPLIT_RE.split(claim.speaker_text) if p.strip()]
            if len(parts) >= 2:
                ids = []
                for p in parts:
                    key = _norm(p)
                    if key:
                        ids.append(self._by_name.get(key, f"src:{key}"))
                if len(set(ids)) >= 2:
                    return tuple(dict.fromkeys(ids))
        if claim.speaker:
            return (claim.speaker,)
        # A relay with no named original is the best-known origin.
        if claim.via:
            return (claim.via,)
        return ()

    def origins(self, claims: Iterable[Claim]) -> tuple[str, ...]:
        """Independent origins of a group of claims: one representative per origin group."""
        seen: dict[str, str] = {}
        for c in claims:
            for s in self.claim_sources(c):
                seen.setdefault(self.group(s), s)
        return tuple(seen.values())


def build_origin_index(entities: Sequence[Entity]) -> OriginIndex:
    """Build the speaker → origin-group index for one run's global entities."""
    return OriginIndex(entities)


def fact_status(claims: Sequence[Claim], origins: Sequence[str], conflict: str | None) -> FactStatus:
    """corroborated (≥ 2 origins), single_origin, unattributed (no source) or conflicting."""
    if conflict:
        return "conflicting"
    if not origins:
        return "unattributed"
    return "corroborated" if len(origins) >= 2 else "single_origin"
