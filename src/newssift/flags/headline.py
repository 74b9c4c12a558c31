"""headline_mismatch: a headline that places the story somewhere its own body does not.

The headline's places are the known place entities written in it where the
wording makes them a location ("in Ukraine", "Drezhin Port", "Velmora's
capital"), not an actor ("with Russia", "Russia says").  The body's location
is read from its lead paragraph: places governed by "in", "at", "near" ...
and the places they are said to lie in ("Kursk, Russia", "Russia's Kursk
region", "the Velmoran port of Sarnet").  A headline place that is neither a
lead location nor known to contain or lie in one is flagged.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Document, Entity, Flag, SpanRef, Story
from ..resolve.places import country_of_word

__all__ = ["LEAD_MIN_CHARS", "find_headline_mismatches", "retitle_stories"]

#: A lead shorter than this (a one-line standfirst) is read together with the next paragraph.
LEAD_MIN_CHARS = 200
#: Words looked back from a place for the preposition that makes it a location.
LOCATIVE_WINDOW = 5
_PLACE_TYPES = ("GPE", "LOC", "FAC")
_LOCATIVE = frozenset("in at near inside into across outside throughout within off on through".split())
#: Words that make a place a reference point rather than the location ("west of the capital X").
_RELATIONAL = frozenset(
    "west east north south northwest northeast southwest southeast km kilometres kilometers miles "
    "toward towards beyond".split()
)
#: Nouns after a place name that make it a location in a headline ("X Port", "X's capital").
_PLACE_NOUNS = frozenset(
    """port harbour harbor city capital region province district village town border airport coast terminal
    plant factory mine base camp area county state oblast""".split()
)
_DIRECTIONS = r"(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)"
_WORD_BACK = re.compile(r"([\w\u00C0-\u024F'\u2019-]+)[^\w\n]*$")


def _forms(e: Entity) -> set[str]:
    out = {e.name, *e.aliases, *(m.text for m in e.mentions)}
    return {f.strip() for f in out if len(f.strip()) >= 2}


def _headline_places(title: str, places: Sequence[Entity], index: _PlaceIndex | None = None) -> list[tuple[Entity, int, int]]:
    found = []
    for e in (index or _PlaceIndex(places)).candidates(title):
        for f in sorted(_forms(e), key=len, reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(f) + r"(?!\w)", title):
                before = title[:m.start()].split()
                after = re.match(r"(?:['\u2019]s)?\s+([\w-]+)", title[m.end():])
                locative = bool(before) and before[-1].lower() in _LOCATIVE
                locative |= bool(after) and after.group(1).lower() in _PLACE_NOUNS
                if locative:
                    found.append((e, m.start(), m.end()))
                    break
            else:
                continue
            break
    return found


_RUN = re.compile(r"\w+")


class _PlaceIndex:
    """The places a headline may name, without trying every place's every form on every headline.

    A form that starts with a word character matches only where a run of
    word characters of the headline starts, and that run equals the form's
    first run; so each place is filed under its forms' first runs (forms
    that start otherwise: always tried). ``candidates`` keeps the places'
    order, so ``_headline_places`` finds what trying every place finds.
    """

    def __init__(self, places: Sequence[Entity]):
        self.places = list(places)
        self.by_run: dict[str, set[int]] = {}
        self.always: set[int] = set()
        for k, e in enumerate(self.places):
            for f in _forms(e):
                first = _RUN.match(f)
                if first:
                    self.by_run.setdefault(first.group(), set()).add(k)
                else:
                    self.always.add(k)

    def candidates(self, title: str) -> list[Entity]:
        """The places (in the given order) with a form whose first run is a run of ``title``."""
        ks = set(self.always)
        for run in set(_RUN.findall(title)):
            ks |= self.by_run.get(run, set())
        return [self.places[k] for k in sorted(ks)]


def _lead(text: str) -> tuple[int, int]:
    paras = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not paras:
        return 0, 0
    end = paras[0].end()
    if len(paras[0].group()) < LEAD_MIN_CHARS and len(paras) > 1:
        end = paras[1].end()
    return paras[0].start(), end


def _is_locative(text: str, start: int) -> bool:
    pos = start
    for _ in range(LOCATIVE_WINDOW):
        m = _WORD_BACK.search(text, 0, pos)
        if not m or re.search(r"[.;:!?\n()]", text[m.end(1):pos]):
            return False
        w = m.group(1).lower()
        if w in _RELATIONAL:
            return False
        if w in _LOCATIVE:
            return True
        if w == "from":  # "evacuated from X" is where; "80 km from X" is a reference point
            prev = _WORD_BACK.search(text, 0, m.start(1))
            return not (prev and prev.group(1).lower() in _RELATIONAL)
        if "," in text[m.end(1):pos]:
            return False
        pos = m.start(1)
    return False


def _containment(documents: Sequence[Document], place_of: dict[tuple[str, int], str]) -> set[tuple[str, str]]:
    """(inner entity, outer entity) pairs the texts state: "X, Y", "X in Y" and "Y's X"."""
    pairs = set()
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for (doc, start), (eid, end) in place_of.items():
        by_doc.setdefault(doc, []).append((start, end, eid))
    texts = {d.id: d.text for d in documents}
    for doc, spans in by_doc.items():
        spans.sort()
        for (s1, e1, a), (s2, e2, b) in itertools.pairwise(spans):
            text = texts[doc]
            gap = text[e1:s2]
            if a == b:
                continue
            # "Kursk, Russia" -- but not a list ("Plekhovo, Vorozhba, and Martynovka").
            in_list = re.match(r"\s*(?:,|and\b|or\b)", text[e2:e2 + 6]) or re.search(r",\s*$", text[max(0, s1 - 3):s1])
            if re.fullmatch(r",\s*", gap) and not in_list:
                pairs.add((a, b))
            elif re.fullmatch(r"\s+in\s+", gap):
                pairs.add((a, b))  # "the town of Hollin in Dunmere"
            elif re.fullmatch(r"['\u2019]s\s+(?:" + _DIRECTIONS + r"\s+)?", gap):
                pairs.add((b, a))  # "Russia's Kursk region", "Velmora's southern coast"
    return pairs


def _demonym_of(word: str, place: str) -> bool:
    w, p = word.lower(), place.lower()
    if country_of_word(w) and country_of_word(w) == country_of_word(p):
        return True
    return len(p) >= 4 and w.startswith(p[:-1]) and 0 < len(w) - len(p) <= 3 and w != p


def find_headline_mismatches(documents: Sequence[Document], entities: Sequence[Entity]) -> list[Flag]:
    """Flags on headlines whose location the body's lead does not support."""
    places = [e for e in entities if e.type in _PLACE_TYPES]
    place_of: dict[tuple[str, int], tuple[str, int]] = {}
    for e in places:
        for m in e.mentions:
            place_of[(m.doc, m.start)] = (e.id, m.end)
    contains = _containment(documents, place_of)
    # Outer places of each inner one, in the set's own order (the lead places' order names them).
    outers: dict[str, list[str]] = {}
    for inner, outer in contains:
        outers.setdefault(inner, []).append(outer)
    index = _PlaceIndex(places)
    names = {e.id: e.name for e in places}
    by_doc: dict[str, list[tuple[int, str, int]]] = {}
    for (doc, start), (eid, end) in sorted(place_of.items()):
        by_doc.setdefault(doc, []).append((start, eid, end))
    flags = []
    for d in documents:
        if not d.title:
            continue
        heads = _headline_places(d.title, places, index)
        if not heads:
            continue
        ls, le = _lead(d.text)
        lead_places = {}
        for start, eid, end in by_doc.get(d.id, ()):
            if ls <= start < le and _is_locative(d.text, start):
                lead_places.setdefault(eid, (start, end))
        if not lead_places:
            continue
        for eid in list(lead_places):  # "in Kursk, Russia": Russia is a location too
            lead_places.update({outer: lead_places[eid] for outer in outers.get(eid, ())})
        for e, hs, he in heads:
            if e.id in lead_places or _supported(e, lead_places, contains, d.text):
                continue
            where = ", ".join(names[x] for x in lead_places)
            flags.append(Flag(
                kind="headline_mismatch",
                doc=d.id,
                text=d.title,
                explanation=f"The headline places it in {d.title[hs:he]}, but the body's lead places it in {where}.",
                related=tuple(SpanRef(d.id, s, en, d.text[s:en]) for s, en in lead_places.values())[:3],
                detail=f"headline place: {e.name}; lead places: {where}",
            ))
            break
    return flags


def _supported(e: Entity, lead_places: dict, contains: set[tuple[str, str]], text: str) -> bool:
    """Whether a headline place contains, or lies in, a lead location (by the texts or a demonym)."""
    for lp, (start, _) in lead_places.items():
        if (lp, e.id) in contains or (e.id, lp) in contains:
            return True
        # "the Velmoran port of Sarnet": a demonym of the headline place just before a lead location.
        clause = re.split(r"[.;:,!?\n]", text[max(0, start - 60):start])[-1]
        if any(_demonym_of(w, e.name) for w in clause.split()[-4:]):
            return True
    return False


#: Longest replacement story title, in characters (as the stories stage clips its titles).
RETITLE_MAX = 160


def retitle_stories(stories: Sequence[Story], documents: Sequence[Document], flags: Sequence[Flag]) -> list[Story]:
    """Stories whose title is a headline flagged as contradicted by its body, titled from another report.

    A fact-checker reads the story title first; a headline the report itself
    flags is the one title it must not show.  The replacement is the first
    unflagged headline of the story's reports, else the lead sentence of its
    first report whose headline is not flagged.
    """
    flagged = {f.doc for f in flags if f.kind == "headline_mismatch"}
    bad_titles = {" ".join((d.title or "").split()) for d in documents if d.id in flagged}
    if not flagged:
        return list(stories)
    by_id = {d.id: d for d in documents}
    out = []
    for s in stories:
        if " ".join(s.title.split()) not in bad_titles:
            out.append(s)
            continue
        members = [by_id[i] for i in s.docs if i in by_id and i not in flagged]
        title = next((d.title for d in members if d.title and d.title.strip()), None)
        if title is None and members:
            # A sentence ends at ".!?" after a small letter or digit, so "U.S. officials" is not cut.
            title = re.split(r"(?<=[a-z0-9%][.!?])\s+(?=[A-Z\"\u201c])", members[0].text.strip(), maxsplit=1)[0]
        out.append(replace(s, title=_clip_title(title)) if title else s)
    return out


def _clip_title(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= RETITLE_MAX else s[: RETITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
