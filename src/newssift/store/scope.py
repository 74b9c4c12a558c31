"""Restrict a whole-store report to one story's documents (pure functions over ``Report``)."""
from __future__ import annotations

from dataclasses import replace

from ..errors import StoreError
from ..models import Report

__all__ = ["FAILED_STORY", "PENDING_STORY", "narrow_report", "restrict_report"]

#: Story id under which ``Store.stories`` lists documents added since the
#: latest analysis (its ``analysed_at`` is None).
PENDING_STORY = "unanalysed"
#: Story id under which ``Store.stories`` lists documents whose analysis
#: failed (and which later analyses skip until newssift or the model changes).
FAILED_STORY = "failed"


def restrict_report(report: Report, story: str) -> Report:
    """The part of ``report`` about ``story``: its documents and what lies in them.

    When the story covers every document of the report, the report is returned
    whole (only ``stories`` narrowed), so a one-story store shows exactly what
    the analysis produced. Otherwise an item is kept when it lies in one of the
    story's documents (claims, flags, figure values, mentions), or when it is
    labelled with the story (facts, figures).
    """
    st = _story(report, story)
    if set(st.docs) >= {d.id for d in report.documents}:
        return replace(report, stories=(st,))
    return narrow_report(report, story)


def _story(report: Report, story: str):
    st = next((s for s in report.stories if s.id == story), None)
    if st is None:
        known = ", ".join(s.id for s in report.stories) or "none"
        raise StoreError(f"no story {story!r} in the latest analysis (stories: {known})")
    return st


def narrow_report(report: Report, story: str) -> Report:
    """Keep only what lies in ``story``'s documents or is labelled with it (no whole-report shortcut)."""
    st = _story(report, story)
    docs = set(st.docs)
    claims = tuple(c for c in report.claims if c.doc in docs)
    claim_ids = {c.id for c in claims}
    entities = []
    for e in report.entities:
        mentions = tuple(m for m in e.mentions if m.doc in docs)
        if mentions:
            entities.append(replace(e, mentions=mentions))
    facts = tuple(
        replace(f, claims=tuple(c for c in f.claims if c in claim_ids), docs=tuple(d for d in f.docs if d in docs))
        for f in report.facts
        if f.story == story or any(c in claim_ids for c in f.claims)
    )
    figures = []
    for f in report.figures:
        values = tuple(v for v in f.values if v.doc in docs)
        if values or f.story == story:
            figures.append(replace(f, values=values))
    return replace(
        report,
        documents=tuple(d for d in report.documents if d.id in docs),
        entities=tuple(entities),
        claims=claims,
        facts=facts,
        figures=tuple(figures),
        flags=tuple(f for f in report.flags if f.doc in docs),
        stories=(st,),
    )
