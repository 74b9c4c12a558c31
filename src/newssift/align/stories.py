"""Cluster documents into stories: which articles report the same event.

Each document becomes a TF-IDF vector over its headline and body (IDF over
the run's documents, so words every article shares — "earthquake" in a batch
of earthquake reports — weigh little and the names of places and people that
tell two similar events apart weigh most).  Named entities found by extract
add a second signal, and publication dates far apart weaken a link.

Reports of look-alike events (two earthquakes a year apart, one boxer's two
title fights) share most of their words, so two more signals weaken a link:
*who and where* — the names each report keeps coming back to (its salient
names) that the other report never writes — and *when* — both reports name
years and none in common.
Documents are then merged by average-link agglomerative clustering until no
two clusters are similar enough.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ..models import DocExtraction, Document, Story
from .text import Vector, content_tokens, idf_table, tfidf

__all__ = [
    "DATE_WINDOW_DAYS",
    "EXCLUSIVE_WEIGHT",
    "STORY_THRESHOLD",
    "TEXT_WEIGHT",
    "TITLE_MAX",
    "cluster_stories",
    "document_similarity",
]

#: Lowest average-link similarity at which two groups of documents are one
#: story.  Swept with EXCLUSIVE_WEIGHT and YEAR_CONFLICT_FACTOR on the ECB+
#: development topics (docs/alignment.md): 0.12 with both penalties on.
STORY_THRESHOLD = 0.12
#: How much a pair's similarity drops when each report's salient names are
#: missing from the other: similarity × (1 − weight × share missing), the
#: share being the smaller of the two directions.  Swept 0–1.5 (docs/alignment.md).
EXCLUSIVE_WEIGHT = 1.0
#: Similarity factor when both reports name years and share none.
YEAR_CONFLICT_FACTOR = 0.5
#: A name is salient in a report when mentioned at least this often (or in its headline).
SALIENT_MENTIONS = 2
#: Fewest salient names a report needs before their absence from another
#: report counts: with one name the share is all or nothing, and an outlet
#: that interviews one person the others do not (a union leader beside the
#: officials) is not another event.
MIN_SALIENT_NAMES = 2
#: Entity types whose salient names tell look-alike events apart.
_SALIENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Years read from a report's title, URL and text.
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
#: Share of the body-text cosine in the document similarity; the rest is the
#: named-entity overlap.
TEXT_WEIGHT = 0.7
#: Articles published further apart than this are unlikely to be one news
#: event; their similarity is halved (not zeroed: follow-ups exist).
DATE_WINDOW_DAYS = 10
#: Longest story title, in characters.
TITLE_MAX = 160
#: Headline tokens count this many times: a headline names the event.
TITLE_REPEAT = 2
#: Entity types whose names identify an event (people, bodies, places, events).
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})


def cluster_stories(documents: Sequence[Document], extractions: Sequence[DocExtraction]) -> list[Story]:
    """Group documents that report the same event; ids "s1", "s2", … in input order."""
    if not documents:
        return []
    n = len(documents)
    sims = document_similarity(documents, extractions)
    clusters = _average_link(n, sims)
    stories = []
    for k, members in enumerate(sorted(clusters, key=min), 1):
        docs = [documents[i] for i in sorted(members)]
        stories.append(Story(id=f"s{k}", docs=tuple(d.id for d in docs), title=_title(sorted(members), documents, sims)))
    return stories


def _entity_names(ex: DocExtraction | None) -> list[str]:
    if ex is None:
        return []
    names = []
    for e in ex.entities:
        if e.type in _NAME_TYPES:
            names.append("e:" + re.sub(r"\s+", " ", e.name.strip().lower()))
    return names


def _published(d: Document) -> date | None:
    if not d.published:
        return None
    try:
        return date.fromisoformat(d.published[:10])
    except ValueError:
        return None


def document_similarity(
    documents: Sequence[Document], extractions: Sequence[DocExtraction]
) -> dict[tuple[int, int], float]:
    """Similarity of every document pair that shares a term (i < j); absent pairs are 0."""
    ex_of = {e.doc: e for e in extractions}
    text_tokens = []
    for d in documents:
        title = content_tokens(d.title or "")
        text_tokens.append(title * TITLE_REPEAT + content_tokens(d.text))
    ent_tokens = [_entity_names(ex_of.get(d.id)) for d in documents]
    text_vecs = _vectors(text_tokens)
    ent_vecs = _vectors(ent_tokens)
    dates = [_published(d) for d in documents]
    words = [_word_set(d) for d in documents]
    salient = [_salient_names(d, ex_of.get(d.id)) for d in documents]
    years = [set(_YEAR_RE.findall(f"{d.title or ''} {d.url or ''} {d.text}")) for d in documents]
    text_sims = _pairwise(text_vecs)
    ent_sims = _pairwise(ent_vecs)
    has_ents = [bool(v) for v in ent_vecs]
    out: dict[tuple[int, int], float] = {}
    for key in text_sims.keys() | ent_sims.keys():
        i, j = key
        t = text_sims.get(key, 0.0)
        # Without entities on both sides the text alone decides.
        s = TEXT_WEIGHT * t + (1 - TEXT_WEIGHT) * ent_sims.get(key, 0.0) if has_ents[i] and has_ents[j] else t
        if dates[i] and dates[j] and abs((dates[i] - dates[j]).days) > DATE_WINDOW_DAYS:
            s *= 0.5
        missing = min(_missing(salient[i], words[j]), _missing(salient[j], words[i]))
        s *= max(0.0, 1.0 - EXCLUSIVE_WEIGHT * missing)
        # Years written in the text stand in for publication dates only where
        # those are missing: with both dates known the date window decides.
        if not (dates[i] and dates[j]) and years[i] and years[j] and not years[i] & years[j]:
            s *= YEAR_CONFLICT_FACTOR
        out[key] = s
    return out


def _word_set(d: Document) -> frozenset[str]:
    """Lower-case words of a document's title, URL and text."""
    return frozenset(re.findall(r"\w+", f"{d.title or ''} {d.url or ''} {d.text}".lower()))


def _salient_names(d: Document, ex: DocExtraction | None) -> list[tuple[str, ...]]:
    """The names a report keeps coming back to: mentioned SALIENT_MENTIONS times or in its headline.

    Each name as its lower-case words; a person by the surname alone, since
    other reports may drop the given name.
    """
    if ex is None:
        return []
    title = set(re.findall(r"\w+", (d.title or "").lower()))
    out = []
    for e in ex.entities:
        if e.type not in _SALIENT_TYPES:
            continue
        name = re.findall(r"\w+", e.name.lower())
        if e.type == "PERSON":
            name = name[-1:]
        if not name or len("".join(name)) < 3:
            continue
        if len(e.mentions) >= SALIENT_MENTIONS or set(name) <= title:
            out.append(tuple(name))
    return list(dict.fromkeys(out))


def _missing(names: list[tuple[str, ...]], words: frozenset[str]) -> float:
    """Share of ``names`` of which the other report writes no word at all (0 below MIN_SALIENT_NAMES names)."""
    if len(names) < MIN_SALIENT_NAMES:
        return 0.0
    return sum(1 for n in names if not any(w in words for w in n)) / len(names)


def _vectors(token_lists: list[list[str]]) -> list[Vector]:
    idf = idf_table(token_lists)
    return [tfidf(t, idf) for t in token_lists]


def _pairwise(vecs: list[Vector]) -> dict[tuple[int, int], float]:
    """Cosines of all pairs sharing a term, via an inverted index (skips disjoint pairs)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for t, w in v.items():
            postings[t].append((i, w))
    acc: dict[tuple[int, int], float] = defaultdict(float)
    for plist in postings.values():
        for x in range(len(plist)):
            i, wi = plist[x]
            for y in range(x + 1, len(plist)):
                j, wj = plist[y]
                acc[(i, j)] += wi * wj
    return dict(acc)


def _average_link(n: int, sims: dict[tuple[int, int], float]) -> list[set[int]]:
    """Average-link agglomeration (Lance–Williams update) down to STORY_THRESHOLD."""
    # Sum of pair similarities between live clusters, keyed by cluster ids.
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in sims.items():
        link[i][j] = s
        link[j][i] = s
    size = {i: 1 for i in range(n)}
    members = {i: {i} for i in range(n)}
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= STORY_THRESHOLD]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in size or b not in size:
            continue
        avg = link[a].get(b, 0.0) / (size[a] * size[b])
        if not math.isclose(-neg, avg) or avg < STORY_THRESHOLD:
            continue  # stale entry: the pair's average changed since it was pushed
        keep, gone = min(a, b), max(a, b)
        members[keep] |= members.pop(gone)
        size[keep] += size.pop(gone)
        for c, s in link.pop(gone).items():
            link[c].pop(gone, None)
            if c != keep:
                link[keep][c] = link[keep].get(c, 0.0) + s
                link[c][keep] = link[keep][c]
        link[keep].pop(keep, None)
        for c, total in link[keep].items():
            avg = total / (size[keep] * size[c])
            if avg >= STORY_THRESHOLD:
                heapq.heappush(heap, (-avg, min(keep, c), max(keep, c)))
    return list(members.values())


def _title(members: list[int], documents: Sequence[Document], sims: dict[tuple[int, int], float]) -> str:
    """Headline (or lead sentence) of the member most similar to the others."""

    def centrality(i: int) -> float:
        return sum(sims.get((min(i, j), max(i, j)), 0.0) for j in members if j != i)

    ranked = sorted(members, key=lambda i: (-centrality(i), i))
    for i in ranked:
        if documents[i].title and documents[i].title.strip():
            return _clip(documents[i].title.strip())
    lead = re.split(r"(?<=[.!?])\s", documents[ranked[0]].text.strip(), maxsplit=1)[0]
    return _clip(lead)


def _clip(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= TITLE_MAX else s[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
