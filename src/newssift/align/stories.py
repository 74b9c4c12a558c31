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
two clusters are similar enough; two groups of reports that lead with
different people (each group's most-named persons), or that each keep naming
someone or somewhere the other group hardly writes, are held apart.  A
report left alone after that joins the group it is most like on average at a
lower bar (a group's reports agree on what the story is).  Only
documents that share one of their heaviest terms or names are compared
(blocking), so a run does not score every pair of documents.
"""
from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from ..models import DocExtraction, Document, Entity, Story
from .text import Vector, content_tokens, cosine, idf_table, tfidf

__all__ = [
    "DATE_WINDOW_DAYS",
    "EXCLUSIVE_WEIGHT",
    "STORY_THRESHOLD",
    "TEXT_WEIGHT",
    "TITLE_MAX",
    "cluster_stories",
    "document_similarity",
]

#: Lowest average similarity at which a report left alone joins a group of
#: reports after clustering (docs/alignment.md).
ATTACH_THRESHOLD = 0.07
#: Lowest average-link similarity at which two groups of documents are one
#: story.  Swept with EXCLUSIVE_WEIGHT and YEAR_CONFLICT_FACTOR on the ECB+
#: development topics (docs/alignment.md): 0.12 with both penalties on.
STORY_THRESHOLD = 0.12
#: How much a pair's similarity drops when each report's salient names are
#: missing from the other: similarity × (1 − weight × share missing), the
#: share being the smaller of the two directions.  Swept 0–1.5 (docs/alignment.md).
EXCLUSIVE_WEIGHT = 1.0
#: The same weight for two reports whose publication dates are both known.
DATED_EXCLUSIVE_WEIGHT = 0.5
#: Similarity factor when both reports name years and share none.
YEAR_CONFLICT_FACTOR = 0.5
#: A name is salient in a report when mentioned at least this often (or in its headline).
SALIENT_MENTIONS = 2
#: Fewest salient names a report needs before their absence from another
#: report counts: with one name the share is all or nothing, and an outlet
#: that interviews one person the others do not (a union leader beside the
#: officials) is not another event.
MIN_SALIENT_NAMES = 2
#: Similarity factor when both reports have a lead person (the person they
#: name most) and the two leads differ: one team's two injured players, one
#: court's two defendants.  Swept 0.3–1.0 (docs/alignment.md).
LEAD_CONFLICT_FACTOR = 0.5
#: A person is a report's lead when named at least this share of the times
#: its most-named person is (the headline counts as LEAD_TITLE_BONUS mentions).
LEAD_SHARE = 0.5
LEAD_TITLE_BONUS = 2
#: Fewest mentions (with the headline bonus) that make a lead.
LEAD_MIN = 2
#: Smallest group (in reports) whose lead is trusted: one report's lead is noisy.
LEAD_GROUP_MIN = 3
#: Similarity factor when each of two groups (LEAD_GROUP_MIN reports or more)
#: has a distinctive name the other hardly writes: the club making the offer,
#: the minister announcing the rule, the town the quake hit.  Swept 0.3–1.0
#: with the two settings below (docs/alignment.md).
DISTINCT_FACTOR = 0.5
#: A name is distinctive of a group when its reports name it at least this
#: often per report (mentions, headline bonus included) ...
DISTINCT_RATE = 1.5
#: ... and the other group at most this share as often per report.
DISTINCT_RATIO = 0.1
#: Only a group's most-named names (by rate) are tried as distinctive.
DISTINCT_TOP = 5
#: Entity types whose salient names tell look-alike events apart.
_SALIENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Years read from a report's title, URL and text.
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
#: Share of the body-text cosine in the document similarity; the rest is the
#: named-entity overlap.
TEXT_WEIGHT = 0.7
#: Articles published further apart than this are unlikely to be one news
#: event; their similarity is halved (not zeroed: follow-ups exist).
DATE_WINDOW_DAYS = 30
#: Similarity factor for two articles published more than DATE_WINDOW_DAYS apart.
DATE_FACTOR = 0.5
#: Terms (and names) each document is filed under for blocking: only
#: documents sharing one are compared.  Swept 5–40 (docs/alignment.md).
BLOCK_TERMS = 30
#: A blocking key shared by more than this share of the run's documents (and
#: more than BLOCK_MIN_CAP of them) is skipped: it is a topic word, not a story's.
BLOCK_MAX_SHARE = 0.05
BLOCK_MIN_CAP = 50
#: ... and a key shared by more than this many documents is skipped whatever
#: the run's size: a share of the run lets a key that one report in a hundred
#: carries (a common surname, a stock phrase) through once runs grow, and its
#: pairs grow with the square of the run (issue 11). Swept 50, 100, 200 on
#: generated runs of 1,000-4,000 articles (docs/scale.md); 50 keeps every run
#: of up to 1,000 articles as it was.
BLOCK_MAX_DOCS = 50
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
    ex_of = {e.doc: e for e in extractions}
    people, names = zip(*(_name_counts(d, ex_of.get(d.id)) for d in documents), strict=True)
    clusters = _attach_singletons(_average_link(n, sims, people, names), sims)
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


#: Reports whose tokens are kept between runs in one process: a store re-analysed
#: as articles arrive (``watch``, the web app) clusters the same texts again.
#: About 10 KB a report (its text and tokens), so about 40 MB at most.
TOKEN_CACHE_DOCS = 4096


@functools.lru_cache(maxsize=TOKEN_CACHE_DOCS)
def _text_tokens(title: str, text: str) -> tuple[str, ...]:
    """A report's content tokens, the headline's repeated TITLE_REPEAT times first (pure, so cached)."""
    return tuple(content_tokens(title)) * TITLE_REPEAT + tuple(content_tokens(text))


def document_similarity(
    documents: Sequence[Document], extractions: Sequence[DocExtraction]
) -> dict[tuple[int, int], float]:
    """Similarity of every document pair that shares a term (i < j); absent pairs are 0."""
    ex_of = {e.doc: e for e in extractions}
    text_tokens = [_text_tokens(d.title or "", d.text) for d in documents]
    ent_tokens = [_entity_names(ex_of.get(d.id)) for d in documents]
    text_vecs = _vectors(text_tokens)
    ent_vecs = _vectors(ent_tokens)
    dates = [_published(d) for d in documents]
    words = [_word_set(d) for d in documents]
    salient = [_salient_names(d, ex_of.get(d.id)) for d in documents]
    years = [set(_YEAR_RE.findall(f"{d.title or ''} {d.url or ''} {d.text}")) for d in documents]
    pairs = _candidate_pairs(text_vecs, ent_vecs)
    text_sims = {k: cosine(text_vecs[k[0]], text_vecs[k[1]]) for k in pairs}
    ent_sims = {k: cosine(ent_vecs[k[0]], ent_vecs[k[1]]) for k in pairs}
    has_ents = [bool(v) for v in ent_vecs]
    out: dict[tuple[int, int], float] = {}
    for key in sorted(pairs):
        i, j = key
        t = text_sims.get(key, 0.0)
        # Without entities on both sides the text alone decides.
        s = TEXT_WEIGHT * t + (1 - TEXT_WEIGHT) * ent_sims.get(key, 0.0) if has_ents[i] and has_ents[j] else t
        if dates[i] and dates[j] and abs((dates[i] - dates[j]).days) > DATE_WINDOW_DAYS:
            s *= DATE_FACTOR
        missing = min(_missing(salient[i], words[j]), _missing(salient[j], words[i]))
        # With both publication dates known, "when" is already weighed (the date
        # window); reports of one event then differ in whom they quote more often
        # than look-alike events share a day, so missing names weigh less.
        weight = DATED_EXCLUSIVE_WEIGHT if dates[i] and dates[j] else EXCLUSIVE_WEIGHT
        s *= max(0.0, 1.0 - weight * missing)
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
    out = [tuple(name) for e, name in _salient_entity_words(ex)
           if _named(e) >= SALIENT_MENTIONS or set(name) <= title]
    return list(dict.fromkeys(out))


def _salient_entity_words(ex: DocExtraction) -> Iterator[tuple[Entity, list[str]]]:
    """(entity, its name's lower-case words) for each person, body or place; a person by the surname alone."""
    for e in ex.entities:
        if e.type not in _SALIENT_TYPES:
            continue
        words = re.findall(r"\w+", e.name.lower())
        if e.type == "PERSON":
            words = words[-1:]
        if words and len("".join(words)) >= 3:
            yield e, words


def _named(e: Entity) -> int:
    """How often a report names an entity: its mentions less the descriptions ("the lawyer") standing for it."""
    return sum(1 for m in e.mentions if not m.nominal)


def _name_counts(d: Document, ex: DocExtraction | None) -> tuple[Counter[str], Counter[str]]:
    """How often a report names each person (by surname), and each person, body and place.

    (people, names): keys are the name's lower-case words joined by spaces (a
    person's surname); a name in the headline counts LEAD_TITLE_BONUS more.
    """
    people: Counter[str] = Counter()
    names: Counter[str] = Counter()
    if ex is None:
        return people, names
    title = set(re.findall(r"\w+", (d.title or "").lower()))
    for e, words in _salient_entity_words(ex):
        weight = _named(e) + (LEAD_TITLE_BONUS if set(words) <= title else 0)
        names[" ".join(words)] += weight
        if e.type == "PERSON":
            people[words[0]] += weight
    return people, names


def _rate_in(name: str, counts: Counter[str], size: int, index: dict[str, set[str]] | None = None) -> float:
    """Per-report rate at which a group writes ``name`` or a longer or shorter form of it ("Sox" / "Red Sox").

    ``index`` (word -> the group's names holding it, from ``_word_index``)
    limits the scan to names sharing a word with ``name``.
    """
    words = set(name.split())
    keys: Iterable[str] = set().union(*(index.get(w, ()) for w in words)) if index is not None else counts
    total = 0
    for key in keys:
        other = set(key.split())
        if words <= other or other <= words:
            total += counts[key]
    return total / size


def _word_index(counts: Counter[str]) -> dict[str, set[str]]:
    """Each word of a group's names -> the names that hold it."""
    index: dict[str, set[str]] = defaultdict(set)
    for key in counts:
        for w in key.split():
            index[w].add(key)
    return index


def _has_distinct(
    a: Counter[str], size_a: int, b: Counter[str], size_b: int, b_index: dict[str, set[str]] | None = None
) -> bool:
    """Whether group a names someone or somewhere DISTINCT_RATE times per report that group b hardly writes."""
    for name, c in a.most_common(DISTINCT_TOP):
        rate = c / size_a
        if rate < DISTINCT_RATE:
            break
        if _rate_in(name, b, size_b, b_index) <= DISTINCT_RATIO * rate:
            return True
    return False


def _distinct_factor(
    a: Counter[str], size_a: int, b: Counter[str], size_b: int,
    indexes: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None,
) -> float:
    """DISTINCT_FACTOR when each of two groups (LEAD_GROUP_MIN reports or more) has a name the other hardly writes."""
    if min(size_a, size_b) < LEAD_GROUP_MIN:
        return 1.0
    a_index, b_index = indexes if indexes is not None else (None, None)
    if _has_distinct(a, size_a, b, size_b, b_index) and _has_distinct(b, size_b, a, size_a, a_index):
        return DISTINCT_FACTOR
    return 1.0


def _leads(counts: Counter[str], size: int) -> frozenset[str]:
    """Lead people of a group of ``size`` reports: named at least LEAD_SHARE as often as the most named one,
    who is named LEAD_MIN times per report or more (otherwise the group has no clear lead)."""
    if not counts:
        return frozenset()
    top = max(counts.values())
    if top < LEAD_MIN * size:
        return frozenset()
    return frozenset(n for n, c in counts.items() if c >= LEAD_SHARE * top)


def _lead_factor(a: Counter[str], size_a: int, b: Counter[str], size_b: int) -> float:
    """LEAD_CONFLICT_FACTOR when two groups of reports (LEAD_GROUP_MIN or more each) lead with different people."""
    if min(size_a, size_b) < LEAD_GROUP_MIN:
        return 1.0
    la, lb = _leads(a, size_a), _leads(b, size_b)
    return LEAD_CONFLICT_FACTOR if la and lb and not la & lb else 1.0


def _missing(names: list[tuple[str, ...]], words: frozenset[str]) -> float:
    """Share of ``names`` of which the other report writes no word at all (0 below MIN_SALIENT_NAMES names)."""
    if len(names) < MIN_SALIENT_NAMES:
        return 0.0
    return sum(1 for n in names if not any(w in words for w in n)) / len(names)


def _vectors(token_lists: list[list[str]]) -> list[Vector]:
    idf = idf_table(token_lists)
    return [tfidf(t, idf) for t in token_lists]


def _candidate_pairs(text_vecs: list[Vector], ent_vecs: list[Vector]) -> set[tuple[int, int]]:
    """Pairs (i < j) worth scoring: blocking on each document's BLOCK_TERMS heaviest terms.

    A document is filed under its heaviest TF-IDF text terms and its heaviest
    names; only documents filed under a common key are compared.  Reports of
    one event share their rare words, so their pairs survive; the cost grows
    with the number of documents times the size of their stories, not with
    the square of the run (docs/scale.md).
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for prefix, vecs in (("t", text_vecs), ("e", ent_vecs)):
        for i, v in enumerate(vecs):
            for term in heapq.nlargest(BLOCK_TERMS, v, key=lambda t: (v[t], t)):
                blocks[prefix + term].append(i)
    cap = min(BLOCK_MAX_DOCS, max(BLOCK_MIN_CAP, BLOCK_MAX_SHARE * len(text_vecs)))
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > cap:
            continue  # a key that many reports share ("police", "shooting") tells no story apart
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    return pairs


def _average_link(
    n: int,
    sims: dict[tuple[int, int], float],
    people: Sequence[Counter[str]] | None = None,
    names: Sequence[Counter[str]] | None = None,
) -> list[set[int]]:
    """Average-link agglomeration (Lance–Williams update) down to STORY_THRESHOLD.

    Two groups that lead with different people (``people``: each report's
    person counts) have their average scaled by LEAD_CONFLICT_FACTOR; two
    that each have a distinctive name (``names``: each report's name counts)
    by DISTINCT_FACTOR.
    """
    # Sum of pair similarities between live clusters, keyed by cluster ids.
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in sims.items():
        link[i][j] = s
        link[j][i] = s
    size = {i: 1 for i in range(n)}
    members = {i: {i} for i in range(n)}
    prof = {i: (people[i] if people else Counter()) for i in range(n)}
    named = {i: (names[i] if names else Counter()) for i in range(n)}
    # Word -> names of each group, so the distinctive-name test scans only related names.
    indexed = {i: _word_index(named[i]) for i in range(n)}

    def score(a: int, b: int) -> float:
        avg = link[a].get(b, 0.0) / (size[a] * size[b])
        avg *= _lead_factor(prof[a], size[a], prof[b], size[b])
        return avg * _distinct_factor(named[a], size[a], named[b], size[b], (indexed[a], indexed[b]))

    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= STORY_THRESHOLD]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in size or b not in size:
            continue
        avg = score(a, b)
        if not math.isclose(-neg, avg) or avg < STORY_THRESHOLD:
            continue  # stale entry: the pair's average changed since it was pushed
        keep, gone = min(a, b), max(a, b)
        members[keep] |= members.pop(gone)
        size[keep] += size.pop(gone)
        prof[keep] = prof[keep] + prof.pop(gone)
        named[keep] = named[keep] + named.pop(gone)
        for w, keys in indexed.pop(gone).items():
            indexed[keep][w] |= keys
        for c, s in link.pop(gone).items():
            link[c].pop(gone, None)
            if c != keep:
                link[keep][c] = link[keep].get(c, 0.0) + s
                link[c][keep] = link[keep][c]
        link[keep].pop(keep, None)
        for c in link[keep]:
            avg = score(keep, c)
            if avg >= STORY_THRESHOLD:
                heapq.heappush(heap, (-avg, min(keep, c), max(keep, c)))
    return list(members.values())


def _attach_singletons(clusters: list[set[int]], sims: dict[tuple[int, int], float]) -> list[set[int]]:
    """Each report left alone joins the group of reports it is most like on average, at ATTACH_THRESHOLD or more.

    A group's reports agree on what the story is; one report alone is compared
    with all of them at once, which a lower bar than STORY_THRESHOLD suits.
    """
    if ATTACH_THRESHOLD >= STORY_THRESHOLD:
        return clusters
    groups = [c for c in clusters if len(c) > 1]
    out = [set(c) for c in groups]
    for c in clusters:
        if len(c) > 1:
            continue
        (i,) = c
        best, where = 0.0, None
        for k, g in enumerate(groups):
            avg = sum(sims.get((min(i, j), max(i, j)), 0.0) for j in g) / len(g)
            if avg > best:
                best, where = avg, k
        if where is not None and best >= ATTACH_THRESHOLD:
            out[where].add(i)
        else:
            out.append({i})
    return out


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
