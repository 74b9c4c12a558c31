"""conflicting_figure: one measure, period and subject reported with values that cannot both hold.

Conservative by design: only facts that align already grouped (same
proposition, same story) are looked at, and within them only pairs of
quantities with the same measure and unit, compatible times, and values that
cannot both be true ("11 killed" against "26 killed"; not "at least 30"
against "around 30").  The flag goes on the value fewer reports give; a tie
flags both sides.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..align.numbers import consistent, times_compatible
from ..models import Claim, Fact, Flag, Quantity, SpanRef

__all__ = ["find_conflicting_figures"]


def _pairs(claims: list[Claim]):
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.doc == b.doc or not times_compatible(a, b):
                continue
            for qa in a.quantities:
                for qb in b.quantities:
                    if qa.measure and qa.measure == qb.measure and (qa.unit or "") == (qb.unit or ""):
                        if consistent(qa, qb) is False:
                            yield a, qa, b, qb


def _agreeing(q: Quantity, claims: list[Claim]) -> int:
    """How many documents state a value consistent with q (same measure)."""
    docs = {c.doc for c in claims for x in c.quantities
            if x.measure == q.measure and (x.unit or "") == (q.unit or "") and consistent(q, x) is not False}
    return len(docs)


def _span(c: Claim, q: Quantity) -> tuple[int, int, str]:
    if 0 <= c.start <= q.start < q.end <= c.end:
        return c.start, c.end, c.text
    return c.start, c.end, c.text


def find_conflicting_figures(claims: Sequence[Claim], facts: Sequence[Fact]) -> list[Flag]:
    """Flags on the minority value of each value conflict inside an aligned fact."""
    by_id = {c.id: c for c in claims}
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for f in facts:
        members = [by_id[c] for c in f.claims if c in by_id]
        for a, qa, b, qb in _pairs(members):
            na, nb = _agreeing(qa, members), _agreeing(qb, members)
            sides = [(a, qa, b, qb)] if na < nb else [(b, qb, a, qa)] if nb < na else [(a, qa, b, qb), (b, qb, a, qa)]
            for c, q, other, oq in sides:
                if (f.id, c.id) in seen:
                    continue
                seen.add((f.id, c.id))
                start, end, text = _span(c, q)
                flags.append(Flag(
                    kind="conflicting_figure",
                    doc=c.doc,
                    text=text,
                    explanation=(f"'{q.text}' ({(q.measure or '').replace('_', ' ')}) cannot be squared with "
                                 f"'{oq.text}' in another report of the same fact."),
                    start=start,
                    end=end,
                    related=(SpanRef(other.doc, other.start, other.end, other.text),),
                    detail=f.conflict,
                ))
    return flags
