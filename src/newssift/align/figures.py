"""Figures view: every reported value per measure, subject and window, side by side.

Each quantity that counts something (it has a measure) becomes a
:class:`FigureValue`, traced to its claim, document, source and outlet.

**Pooling rule.**  Values pool into one figure only when story, measure, unit,
subject and time window agree.  The window is the period the claim states the
count for ("over the past three days", "this year", "since Monday"; see
``figures_keys.window_of``): a three-day count and a running total are two
figures, each labelled with its window.  A subject that combines sides
("combined Russian-Eastland units") is a figure of its own and is never
credited to one side; a generic subject ("people", "a man", "the victim")
joins the most reported subject.

Each figure is summarised the way conflict-event datasets do (UCDP's low /
best / high); the rule is in ``docs/figures.md``:

* **low** — the lowest value any report states (a floor such as "at least 30"
  counts as 30; a ceiling's lower end is unknown and is skipped);
* **high** — the highest value any report states ("up to 250" counts as 250;
  an open floor adds nothing above its stated number);
* **best** — each report (document) counts once, with its *report value*:
  the first number it states for the figure (news leads state the toll;
  :data:`REPORT_VALUE`).  Best is the report value given by the most
  independent origins, then by the most reports; a remaining tie is settled
  by :data:`TIE_RULE` (the largest tied value: tolls are revised upwards;
  a ceiling such as "up to 250" bounds a toll and is never taken on a tie).
  Never a midpoint or a median.

Before summarising, a lone unnumbered hurt person in a report that reports a
death elsewhere is read as that death (:data:`ONE_VICTIM_ONCE`): one person
is counted once.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..models import Claim, Document, Entity, Fact, Figure, FigureValue, Quantity
from .figures_keys import canonical_subjects, place_of, subject_in_claim, subject_key, window_of
from .numbers import point_estimate
from .origins import OriginIndex, build_origin_index

__all__ = ["RULE", "TIE_RULE", "best_value", "build_figures", "report_values", "subject_key"]

RULE = (
    "values pool only when measure, unit, subject and window agree; low = lowest stated value (floors count at "
    "their number); high = highest stated value (ceilings count at their number); best = each report counts "
    "once, with the first value it states; the value given by the most independent origins, then by the most "
    "reports; a tie goes to the largest tied value that is not a ceiling (never a midpoint)"
)

#: Which of a report's values is its report value: "largest" (a report that
#: says "a man was killed" and "two people died" reports two: single victims
#: are parts of its toll), "first" (the lead states the toll) or "commonest".
#: Chosen by the sweep in docs/figures.md.
REPORT_VALUE = "first"

#: How a tie for best between report values is settled: "none" leaves best
#: unset (the figure shows only low and high), "largest" takes the largest tied
#: value (tolls are revised upwards as victims die), "latest" the value of the
#: most recent report.  Chosen by the sweep in docs/figures.md.
TIE_RULE = "largest"


def build_figures(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity], facts: Sequence[Fact],
    origins: OriginIndex | None = None,
) -> list[Figure]:
    """Every reported value per story, measure and subject, with a low/best/high summary.

    ``origins`` is ``build_origin_index(entities)`` when the caller has it
    already (fact alignment reads the same index).
    """
    outlet = {d.id: d.outlet for d in documents}
    doc_pos = {d.id: i for i, d in enumerate(documents)}
    story_of_claim = {cid: f.story for f in facts for cid in f.claims}
    origins = origins if origins is not None else build_origin_index(entities)

    names = {e.id: e.name for e in entities}
    raw: list[tuple[tuple, FigureValue, Quantity, tuple[str, ...]]] = []
    stated: set[tuple[str, int, int, str]] = set()
    for c in sorted(claims, key=lambda c: (doc_pos.get(c.doc, len(doc_pos)), c.start, c.id)):
        for q in c.quantities:
            if not q.measure:
                continue
            if q.start >= 0 and (c.doc, q.start, q.end, q.measure) in stated:
                continue  # the same words, read again by an overlapping claim of the same sentence: listed once
            stated.add((c.doc, q.start, q.end, q.measure))
            value = FigureValue(
                claim=c.id, doc=c.doc, text=q.text, low=q.low, high=q.high, qualifier=q.qualifier,
                # The speaker's fullest name reads better than the words used
                # ("He", "the agency"); fall back to those words.
                source=c.speaker, source_text=names.get(c.speaker or "", c.speaker_text) or c.speaker_text,
                outlet=outlet.get(c.doc),
                time=_time(c), start=q.start if q.start >= 0 else c.start, end=q.end if q.end >= 0 else c.end,
            )
            sources = tuple(origins.group(s) for s in origins.claim_sources(c)) or (f"doc:{c.doc}",)
            key = (story_of_claim.get(c.id) or "", q.measure, (q.unit or "").lower(), _window(c, q))
            subject = subject_in_claim(q.subject, c.text)
            raw.append((key, value, replace(q, subject=subject) if subject != q.subject else q, sources))

    raw = _one_victim_once(raw)
    raw = _with_wounded_from_shot(raw)

    # Subjects are grouped per story, measure and window: "troops", "North
    # Korean troops" and "North Korean military troops" are one subject when
    # nothing else is counted under that measure.
    keys_of: dict[tuple, list[str]] = defaultdict(list)
    for key, _, q, _ in raw:
        keys_of[key].append(subject_key(q.subject))
    canon = {key: canonical_subjects(ks) for key, ks in keys_of.items()}
    groups: dict[tuple, list[tuple[FigureValue, Quantity, tuple[str, ...]]]] = defaultdict(list)
    for key, value, q, sources in raw:
        groups[key + (canon[key][subject_key(q.subject)],)].append((value, q, sources))

    published = {d.id: d.published or "" for d in documents}
    figures = []
    for n, (key, items) in enumerate(sorted(groups.items(), key=lambda kv: _group_order(kv, doc_pos)), 1):
        story, measure, _unit, window, _subj = key
        values = tuple(v for v, _, _ in items)
        low, best, high = _summarise(items, published)
        figures.append(Figure(
            id=f"g{n}", measure=measure, subject=_label(items, window),
            values=values, low=low, best=best, high=high, rule=RULE, story=story or None,
        ))
    return figures


#: Where a lone hurt person is read as a death reported beside it (see
#: :func:`_one_victim_once`): "report" (a death in the same report), "story"
#: (a death in any report of the story) or "off"; chosen by the sweep in
#: docs/figures.md.
ONE_VICTIM_ONCE = "story"

_ANOTHER = re.compile(r"\b(?:another|other|others|second|third|fourth|fifth|brother|sister|mother|father|wife|husband"
                      r"|son|daughter|friend)\b", re.IGNORECASE)


def _one_victim_once(raw: list) -> list:
    """Drop a lone unnumbered hurt person ("she was taken to hospital in critical condition") when the story
    also reports a death in another sentence: without a second person named ("another man", "his
    brother"), that is the victim who died, and one person is counted once, as killed."""
    if ONE_VICTIM_ONCE in (False, "off"):
        return raw
    per_story = ONE_VICTIM_ONCE == "story"
    killed_docs = {(key[0], "" if per_story else v.doc) for key, v, q, _ in raw
                   if q.measure == "killed" and (q.low or 0) >= 1}
    killed_claims = {v.claim for key, v, q, _ in raw if q.measure == "killed" and (q.low or 0) >= 1}
    out = []
    for key, v, q, sources in raw:
        lone = q.measure == "wounded" and q.qualifier == "at_least" and q.low == 1 and not _ANOTHER.search(q.text)
        where = (key[0], "" if per_story else v.doc)
        if lone and where in killed_docs and v.claim not in killed_claims:
            continue
        out.append((key, v, q, sources))
    return out


#: Whether people shot and not reported dead give wounded values (GVA and
#: newsroom usage: a person shot who did not die is injured): False, "report"
#: (people shot less people killed in the same report) or "story" (people
#: shot less the story's killed best).  Chosen by the sweep in docs/figures.md.
WOUNDED_FROM_SHOT: bool | str = False


#: Whether only a stated number of people shot ("four people were shot") gives
#: wounded values, not a lone person shot.
SHOT_NEEDS_COUNT = True


#: Which reports give a wounded value from their people shot: "silent" (only
#: reports that state no wounded count) or "all".
SHOT_REPORTS = "silent"


def _with_wounded_from_shot(raw: list) -> list:
    """``raw`` with each implied wounded value placed right after the people-shot value it comes from.

    A report's value is the first it states (:data:`REPORT_VALUE`), so the
    implied value stands where its statement stands in the report.
    """
    implied = {id(src): row for src, row in _wounded_from_shot(raw)}
    if not implied:
        return raw
    out = []
    for row in raw:
        out.append(row)
        if id(row[1]) in implied:
            out.append(implied[id(row[1])])
    return out


def _wounded_from_shot(raw: list) -> list:
    """(people-shot value, implied wounded row) pairs: people shot less people killed (:data:`WOUNDED_FROM_SHOT`).

    "Four people were shot; one died" reports three wounded.  The value is
    traced to the claim that counts the people shot; it is the report's own
    arithmetic, so "shot" stays a figure of its own beside it.
    """
    if not WOUNDED_FROM_SHOT:
        return []
    per_doc: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for key, v, q, sources in raw:
        if not key[3]:  # windowed counts ("this year") are other events
            per_doc[(key[0], v.doc)][q.measure or ""].append((key, v, q, sources))
    story_killed = _story_killed(raw) if WOUNDED_FROM_SHOT == "story" else {}
    out = []
    for (story, _doc), found in per_doc.items():
        if not found.get("shot") or (found.get("wounded") and SHOT_REPORTS == "silent"):
            continue
        key, v, q, sources = found["shot"][0] if REPORT_VALUE == "first" else \
            max(found["shot"], key=lambda r: (r[2].low or 0))
        if SHOT_NEEDS_COUNT and q.qualifier != "exact":
            continue  # "a man was shot": whether he lived is for other sentences to say
        if WOUNDED_FROM_SHOT == "story":
            killed = story_killed.get(story, 0.0)
        else:
            killed = max((r[2].low or 0 for r in found.get("killed", [])), default=0)
        n = (q.low or 0) - killed
        if n <= 0:
            continue
        value = replace(v, low=n, high=n if q.qualifier == "exact" else None)
        out.append((v, ((key[0], "wounded", key[2], key[3]), value,
                        replace(q, measure="wounded", low=n, high=value.high), sources)))
    return out


def _story_killed(raw: list) -> dict[str, float]:
    """Each story's killed best over its unwindowed values (0 when it reports no death)."""
    items: dict[str, list] = defaultdict(list)
    for key, v, q, sources in raw:
        if q.measure == "killed" and not key[3]:
            items[key[0]].append((v, q, sources))
    return {story: best_value(its, {}) or 0.0 for story, its in items.items()}


def _label(items, window: str) -> str | None:
    """The figure's subject as shown: the most specific wording reported, then the commonest; with its window."""
    subjects = Counter(q.subject for _, q, _ in items if q.subject and subject_key(q.subject))
    subjects = subjects or Counter(q.subject for _, q, _ in items if q.subject)
    subject = subjects.most_common(1)[0][0] if subjects else None
    if not window:
        return subject
    return f"{subject} ({window})" if subject else f"({window})"


def _window(c: Claim, q: Quantity) -> str:
    """The period or the spot a value is counted for: "past three days", "in a snowy field"; "" for the event."""
    window = window_of(c.text)
    if window or q.end < 0:
        return window
    after = c.text[max(0, q.end - c.start):]
    if q.subject and after.lstrip().startswith(q.subject):
        after = after.lstrip()[len(q.subject):]
    return place_of(after)


def _group_order(kv, doc_pos) -> tuple:
    (story, measure, unit, window, subj), items = kv
    first = items[0][0]
    return (story, doc_pos.get(first.doc, 0), first.start, measure, unit, window, subj)


def _time(c: Claim) -> str | None:
    if c.time is None:
        return None
    if c.time.date:
        return c.time.date
    if c.time.start_date or c.time.end_date:
        return f"{c.time.start_date or ''}/{c.time.end_date or ''}"
    return c.time.text


def _summarise(items, published: dict[str, str] | None = None) -> tuple[float | None, float | None, float | None]:
    """(low, best, high) of one figure's values; see the module docstring for the rule."""
    lows = [v.low for v, _, _ in items if v.low is not None]
    # A ceiling ("up to 250") states its number as high; a floor as low.
    highs = [v.high if v.high is not None else v.low for v, _, _ in items if v.qualifier != "vague"]
    highs = [x for x in highs if x is not None]
    low = min(lows) if lows else (min(highs) if highs else None)
    high = max(highs) if highs else None
    return low, best_value(items, published or {}), high


def report_values(items, rule: str | None = None) -> dict[str, tuple[float, set[str]]]:
    """Each report's value (by :data:`REPORT_VALUE`) and the origins of the claims that state it."""
    by_doc: dict[str, list[tuple[float, tuple[str, ...]]]] = defaultdict(list)
    stated: dict[str, list[float]] = defaultdict(list)
    for v, _, sources in items:
        p = point_estimate(v.low, v.high, v.qualifier)
        if p is not None:
            by_doc[v.doc].append((p, sources))
            if v.qualifier != "at_least":
                stated[v.doc].append(p)
    rule = rule or REPORT_VALUE
    out = {}
    for doc, pts in by_doc.items():
        if rule == "first":
            top = pts[0][0]
        elif rule == "first_stated":
            top = stated[doc][0] if stated[doc] else max(p for p, _ in pts)
        elif rule == "commonest":
            counts = Counter(p for p, _ in pts)
            top = max(counts, key=lambda p: (counts[p], p))
        else:
            top = max(p for p, _ in pts)
        out[doc] = (top, {s for p, srcs in pts if p == top for s in srcs})
    return out


def best_value(items, published: dict[str, str], tie_rule: str | None = None) -> float | None:
    """The report value given by the most independent origins, then the most reports; ties by ``tie_rule``."""
    reports = report_values(items)
    if not reports:
        return None
    origins: dict[float, set[str]] = defaultdict(set)
    docs: dict[float, list[str]] = defaultdict(list)
    for doc, (value, srcs) in reports.items():
        origins[value].update(srcs)
        docs[value].append(doc)
    ranked = sorted(origins, key=lambda x: (-len(origins[x]), -len(docs[x]), x))
    top = [x for x in ranked if (len(origins[x]), len(docs[x])) == (len(origins[ranked[0]]), len(docs[ranked[0]]))]
    if len(top) == 1:
        return top[0]
    rule = tie_rule or TIE_RULE
    # A ceiling ("up to 250") bounds the toll; it is no estimate of it, so a tie never goes to one.
    ceilings = {point_estimate(v.low, v.high, v.qualifier) for v, _, _ in items if v.qualifier in ("up_to", "under")}
    top = [x for x in top if x not in ceilings] or top
    if len(top) == 1:
        return top[0]
    if rule == "largest":
        return max(top)
    if rule == "latest":
        return max(top, key=lambda x: (max(published.get(d, "") for d in docs[x]), x))
    return None