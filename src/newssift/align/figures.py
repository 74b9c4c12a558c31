"""Figures view: every reported value per measure and subject, side by side.

Each quantity that counts something (it has a measure) becomes a
:class:`FigureValue`, traced to its claim, document, source and outlet.
Values are grouped by story, measure, unit and subject, and each group is
summarised the way conflict-event datasets do (UCDP's low / best / high):

* **low** — the lowest value any report states (a floor such as "at least 30"
  counts as 30; a ceiling's lower end is unknown and is skipped);
* **high** — the highest value any report states ("up to 250" counts as 250;
  an open floor adds nothing above its stated number);
* **best** — the value stated by the most independent sources (one vote per
  origin, so ten outlets relaying one agency vote once); when no value has
  more votes than the others, the median of the point estimates.

Different measures (killed, wounded, casualties…), units or subjects are
separate figures and are never merged into one corroborated number.
"""
from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..models import Claim, Document, Entity, Fact, Figure, FigureValue, Quantity
from .figures_keys import canonical_subjects, subject_key
from .numbers import point_estimate
from .origins import build_origin_index

__all__ = ["RULE", "build_figures", "subject_key"]

RULE = (
    "low = lowest stated value (floors count at their number); high = highest stated value "
    "(ceilings count at their number); best = value stated by the most independent sources, "
    "else the median of point estimates (range midpoints, floors and ceilings at their number)"
)

def build_figures(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity], facts: Sequence[Fact]
) -> list[Figure]:
    """Every reported value per story, measure and subject, with a low/best/high summary."""
    outlet = {d.id: d.outlet for d in documents}
    doc_pos = {d.id: i for i, d in enumerate(documents)}
    story_of_claim = {cid: f.story for f in facts for cid in f.claims}
    origins = build_origin_index(entities)

    names = {e.id: e.name for e in entities}
    raw: list[tuple[tuple, FigureValue, Quantity, tuple[str, ...]]] = []
    for c in sorted(claims, key=lambda c: (doc_pos.get(c.doc, len(doc_pos)), c.start, c.id)):
        for q in c.quantities:
            if not q.measure:
                continue
            value = FigureValue(
                claim=c.id, doc=c.doc, text=q.text, low=q.low, high=q.high, qualifier=q.qualifier,
                # The speaker's fullest name reads better than the words used
                # ("He", "the agency"); fall back to those words.
                source=c.speaker, source_text=names.get(c.speaker or "", c.speaker_text) or c.speaker_text,
                outlet=outlet.get(c.doc),
                time=_time(c), start=q.start if q.start >= 0 else c.start, end=q.end if q.end >= 0 else c.end,
            )
            sources = tuple(origins.group(s) for s in origins.claim_sources(c)) or (f"doc:{c.doc}",)
            key = (story_of_claim.get(c.id) or "", q.measure, (q.unit or "").lower())
            raw.append((key, value, q, sources))

    # Subjects are grouped per story and measure: "troops", "North Korean
    # troops" and "North Korean military troops" are one subject when
    # nothing else is counted under that measure.
    keys_of: dict[tuple, list[str]] = defaultdict(list)
    for key, _, q, _ in raw:
        keys_of[key].append(subject_key(q.subject))
    canon = {key: canonical_subjects(ks) for key, ks in keys_of.items()}
    groups: dict[tuple, list[tuple[FigureValue, Quantity, tuple[str, ...]]]] = defaultdict(list)
    for key, value, q, sources in raw:
        groups[key + (canon[key][subject_key(q.subject)],)].append((value, q, sources))

    figures = []
    for n, (key, items) in enumerate(sorted(groups.items(), key=lambda kv: _group_order(kv, doc_pos)), 1):
        story, measure, _unit, _subj = key
        values = tuple(v for v, _, _ in items)
        low, best, high = _summarise(items)
        # The most specific wording reported (most qualifying words), then the commonest.
        subjects = Counter(q.subject for _, q, _ in items if q.subject and subject_key(q.subject))
        subjects = subjects or Counter(q.subject for _, q, _ in items if q.subject)
        figures.append(Figure(
            id=f"g{n}", measure=measure, subject=subjects.most_common(1)[0][0] if subjects else None,
            values=values, low=low, best=best, high=high, rule=RULE, story=story or None,
        ))
    return figures


def _group_order(kv, doc_pos) -> tuple:
    (story, measure, unit, subj), items = kv
    first = items[0][0]
    return (story, doc_pos.get(first.doc, 0), first.start, measure, unit, subj)


def _time(c: Claim) -> str | None:
    if c.time is None:
        return None
    if c.time.date:
        return c.time.date
    if c.time.start_date or c.time.end_date:
        return f"{c.time.start_date or ''}/{c.time.end_date or ''}"
    return c.time.text


def _summarise(items) -> tuple[float | None, float | None, float | None]:
    lows = [v.low if v.low is not None else None for v, _, _ in items]
    lows = [x for x in lows if x is not None]
    # A ceiling ("up to 250") states its number as high; a floor as low.
    highs = [v.high if v.high is not None else v.low for v, _, _ in items if v.qualifier not in ("vague",)]
    highs = [x for x in highs if x is not None]
    low = min(lows) if lows else (min(highs) if highs else None)
    high = max(highs) if highs else None
    votes: dict[float, set[str]] = defaultdict(set)
    points = []
    for v, _, sources in items:
        p = point_estimate(v.low, v.high, v.qualifier)
        if p is None:
            continue
        points.append(p)
        votes[p].update(sources)
    if not points:
        return low, None, high
    ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1]):
        best = ranked[0][0]
    else:
        best = float(statistics.median(points))
    return low, best, high
