"""Independent origins of claims, and a fact's status.

The origin of a claim is who first said it: the speaker, not the outlet that
repeats it and not a relay (``via``) that passed it on.  Two speakers are one
origin when one speaks for the other: a spokesperson whose recorded title
names an organisation ("Pentagon press secretary") is that organisation's
voice, so the person's and the body's statements are not independent.
A speaker phrase that coordinates several sources ("the United States and
Ukraine") gives one origin per named source.

Vague collectives ("sources", "local media", "reports"; head nouns in
``lexicon.VAGUE_SOURCE_NOUNS``) attribute a claim but name no one: they
are an origin only of a fact nobody else sources, and never make a fact
corroborated.  Their keys start with ``vague:``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from ..extract.lexicon import VAGUE_SOURCE_NOUNS
from ..models import Claim, Entity, FactStatus
from ..resolve.places import country_of_word

__all__ = ["PLACE_PREFIX", "VAGUE_PREFIX", "OriginIndex", "build_origin_index", "fact_status", "is_vague_source"]

#: Key prefix of a vague collective origin.
VAGUE_PREFIX = "vague:"

#: Entity types that name a country, people or place.
_PLACE_TYPES = frozenset({"GPE", "NORP", "LOC"})
#: Leading letters two place names must share to be read as one country in
#: different forms ("Ukraine" / "Ukrainian", "Russia" / "Russian").  Four
#: would join "Austria" and "Australia"; at five an irregular adjective
#: ("Norway" / "Norwegian") reads as another country, which only costs a
#: person's link to that country's body.
PLACE_PREFIX = 5
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


_RUN = re.compile(r"\w+")


class _NameFinder:
    """Which of many names occur as whole words in a text, without trying every name on every text.

    A name that starts with a word character can only occur where a run of
    word characters of the text starts, and that run must equal the name's
    first run (the character after it is a non-word character in both, or
    the end). So each name is filed under its first run, and a text is
    checked only against the names filed under its own runs, with the same
    search as before; a name that starts otherwise is always checked. The
    answer is the same as trying every name (issue 11: this was quadratic in
    the number of entities).
    """

    def __init__(self, names, pattern: str):
        self.pattern = pattern
        self.by_run: dict[str, list[str]] = {}
        self.always: list[str] = []
        for n in dict.fromkeys(names):
            first = _RUN.match(n)
            if first:
                self.by_run.setdefault(first.group(), []).append(n)
            else:
                self.always.append(n)

    def candidates(self, text: str) -> list[str]:
        """Names that may occur in ``text``: those filed under one of its runs, and the unfiled ones."""
        out = list(self.always)
        for run in set(_RUN.findall(text)):
            out.extend(self.by_run.get(run, ()))
        return out

    def found(self, text: str) -> set[str]:
        """The names occurring in ``text`` as ``pattern`` (with ``{}`` for the escaped name) says."""
        return {n for n in self.candidates(text) if re.search(self.pattern.format(re.escape(n)), text)}


def _same_place(xs: set[str], ys: set[str]) -> bool:
    """Whether two sets of place names share one, allowing for adjective forms."""
    return any(x[:PLACE_PREFIX] == y[:PLACE_PREFIX] for x in xs for y in ys)


def is_vague_source(phrase: str | None) -> bool:
    """Whether a speaker phrase is a vague collective ("Ukrainian media", "sources close to the club")."""
    words = re.findall(r"[A-Za-z]+", (phrase or "").lower())
    if not words:
        return False
    # The head is the last word, or the word before a postmodifier ("sources close to ...", "reports in ...").
    head = words[-1]
    for i, w in enumerate(words):
        if w in ("close", "familiar", "in", "on", "from", "of", "with", "who", "that"):
            head = words[i - 1] if i else head
            break
    return head in VAGUE_SOURCE_NOUNS


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
        self._vague = {e.id for e in entities if e.type not in ("PERSON", "ORG") and is_vague_source(e.name)}
        for e in entities:
            for n in (e.name, *e.aliases):
                key = _norm(n)
                # First entity wins on a shared name: entities arrive in a
                # stable order, so the choice is deterministic.
                if key:
                    self._by_name.setdefault(key, e.id)
        # Only organisations have spokespeople.  A country or people in a
        # title says where a person is from or what they cover ("Ukrainian
        # military blogger", "crane operator from X"), and linking through
        # it would make every person of one nationality one origin.
        bodies = [e for e in entities if e.type == "ORG"]
        # Words that name a country or people say nothing about which body a
        # person speaks for ("Ukraine's", "Russian"), so they never link.
        place_names = {_norm(n) for e in entities if e.type in _PLACE_TYPES for n in (e.name, *e.aliases)}
        place_words = {w for n in place_names for w in _words(n)}
        self._link_spokespeople(entities, bodies, place_names, place_words)

    def _link_spokespeople(self, entities: Sequence[Entity], bodies: Sequence[Entity], place_names: set[str],
                           place_words: set[str]) -> None:
        """Join each titled person to the bodies their title names best (see ``__init__``).

        Each body's places and distinctive words are read once, and a person
        is tried only against the bodies whose name or distinctive word the
        title holds (``_NameFinder`` and a word index): the same links as
        trying every body, in time near-linear in the entities.
        """
        places = _NameFinder([p for p in place_names if len(p) >= 2], r"(?<!\w){}(?!\w)")
        body_names = [{_norm(n) for n in (b.name, *b.aliases)} for b in bodies]
        body_places = [set().union(*(places.found(n) for n in names)) for names in body_names]
        named = _NameFinder([n for names in body_names for n in names if len(n) >= MIN_AFFILIATION_NAME], r"\b{}\b")
        owners: dict[str, list[int]] = {}
        by_word: dict[str, list[int]] = {}
        distinctive: list[set[str]] = []
        for k, (body, names) in enumerate(zip(bodies, body_names, strict=True)):
            for n in names:
                owners.setdefault(n, []).append(k)
            words = {w for n in (body.name, *body.aliases) for w in _words(n)} - place_words - _GENERIC_ORG_WORDS
            distinctive.append(words)
            for w in words:
                by_word.setdefault(w, []).append(k)
        for person in (e for e in entities if e.type == "PERSON" and e.titles):
            titles = " | ".join(t.lower() for t in person.titles)
            title_words = {w for t in person.titles for w in _words(t)}
            title_places = places.found(titles)
            in_title = {k for n in named.found(titles) for k in owners[n]}
            sharing = {k for w in title_words for k in by_word.get(w, ())}
            ranked: list[tuple[tuple[int, int], str]] = []
            for k in sorted(in_title | sharing):
                # A body of one country is not the voice of a person titled
                # with another ("head of X's intelligence" / "Y intelligence").
                if title_places and body_places[k] and not _same_place(title_places, body_places[k]):
                    continue
                if k in in_title:
                    ranked.append(((2, 0), bodies[k].id))
                    continue
                # "Fire Chief" speaks for "the fire service", "union leader"
                # for "the Dockworkers' Union": a distinctive word of the
                # body's name in the person's title.  When the title names a
                # country, only a body of that country qualifies:
                # "intelligence" alone fits any country's.
                shared = distinctive[k] & title_words
                if shared and not (title_places and not body_places[k]):
                    ranked.append(((1, len(shared)), bodies[k].id))
            # Only the best-matching bodies: a person tied to every body
            # that shares a word with the title would make all of them, and
            # everyone else tied to any of them, one origin.  Ties are kept,
            # since they are usually one body under several names ("the fire
            # service" / "the city's fire service").
            if ranked:
                top = max(r for r, _ in ranked)
                for r, body_id in ranked:
                    if r == top:
                        self._union(person.id, body_id)

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
                        ids.append(self._source_id(key))
                if len(set(ids)) >= 2:
                    return tuple(dict.fromkeys(ids))
        if claim.speaker:
            return (claim.speaker,)
        # A relay with no named original is the best-known origin.
        if claim.via:
            return (claim.via,)
        return ()

    def _source_id(self, key: str) -> str:
        """The entity id a conjunct of a speaker names, else a ``src:`` key.

        A country written one way in the conjunction ("the U.S. and Ukraine")
        and another as an entity ("the United States") is one source: both
        go through the country table to the canonical name.
        """
        if key in self._by_name:
            return self._by_name[key]
        country = country_of_word(key)
        if country is not None:
            # Rare (only conjoined speakers that name a country): a scan is fine.
            for name, entity_id in self._by_name.items():
                if country_of_word(name) == country:
                    return entity_id
            return f"src:{country}"
        return f"src:{key}"

    def origins(self, claims: Iterable[Claim]) -> tuple[str, ...]:
        """Independent origins of a group of claims: one representative per origin group.

        Vague collectives are listed (once, as ``vague:``) only when no named
        source carries the fact: they never add a second origin.
        """
        seen: dict[str, str] = {}
        vague: list[str] = []
        for c in claims:
            for s in self.claim_sources(c):
                if s in self._vague or (c.speaker is None and s.startswith("src:") and is_vague_source(s[4:])):
                    vague.append(VAGUE_PREFIX + (c.speaker_text or s).strip().lower())
                    continue
                seen.setdefault(self.group(s), s)
        if not seen and vague:
            return (vague[0],)
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
