"""conflicting_figure: one measure, period and subject reported with values that cannot both hold.

Conflicting means the same measure of the same subject over the same window
differs beyond :data:`CONFLICT_TOLERANCE` (docs/figures.md).  Conservative by
design: only facts that align already grouped (same proposition, same story)
are looked at, and within them only pairs of headline counts with the same
toll measure and no unit, the same subject (when both name one; a combined
subject such as "combined A-B units" is never the same as one side), the same
stated window ("over the past three days", "this year", or none), both dated
(and overlapping) or neither, and values that cannot both be true even with
the tolerance ("11 killed" against "26 killed"; not "at least 30" against
"around 30", not "a man was killed" against "two were killed").  The flag goes
on the value fewer reports give; a tie flags both sides.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..align.figures import subject_key
from ..align.figures_keys import window_of
from ..align.numbers import consistent_interval, primary_quantity, times_compatible
from ..extract.lexicon import HEAD_COUNT_MEASURES
from ..models import Claim, Fact, Flag, Quantity, SpanRef

__all__ = ["TOLL_MEASURES", "find_conflicting_figures"]


#: Measures whose disagreement is a conflict about one event: tolls and head
#: counts.  Distances, money, seats or ratios in one story are too often
#: different quantities that align grouped together ("68 seats" and "eight more
#: seats"), so they are never flagged: conservative by design.
TOLL_MEASURES = HEAD_COUNT_MEASURES


#: Relative gap two values' ranges may have and still not conflict: 5 %
#: either side (newsroom rounding, "47" against "about 50" is no conflict,
#: "11" against "26" is).  Chosen by the sweep in docs/figures.md.
CONFLICT_TOLERANCE = 0.05


def consistent(a: Quantity, b: Quantity) -> bool | None:
    """Whether both statements can hold at once, each range widened by :data:`CONFLICT_TOLERANCE`."""
    ia, ib = consistent_interval(a), consistent_interval(b)
    if ia is None or ib is None:
        return None
    t = CONFLICT_TOLERANCE
    return ia[0] * (1 - t) <= ib[1] * (1 + t) and ib[0] * (1 - t) <= ia[1] * (1 + t)


def _pairs(claims: list[Claim]):
    # Each claim's window and headline count are read once, not once per pair.
    windows = [window_of(c.text) for c in claims]
    primaries = [primary_quantity(c.quantities) for c in claims]
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            # A period on one side only leaves the other's period unknown: not comparable.
            if a.doc == b.doc or (a.time is None) != (b.time is None) or not times_compatible(a, b):
                continue
            if windows[i] != windows[j]:
                continue  # "100 over three days" and "over 200 in all" count different periods
            # Only the value each claim asserts (its headline count): "26 died, not the
            # official 11" asserts 26 and merely mentions the 11 it disputes.
            qa, qb = primaries[i], primaries[j]
            if qa is None or qb is None:
                continue
            if qa.measure not in TOLL_MEASURES or qa.unit or qb.unit:
                continue
            ka, kb = subject_key(qa.subject), subject_key(qb.subject)
            if ka and kb and ka != kb:
                continue  # "fatalities among mixed units" and "North Korean soldiers" count different things
            if qa.measure == qb.measure and consistent(qa, qb) is False:
                yield a, qa, b, qb


def _agreeing(q: Quantity, against: Quantity, claims: list[Claim], primaries=None) -> int:
    """How many documents state a value that agrees with q and contradicts ``against``.

    Values that fit both ("at least 11" beside 11 and 26) take no side.
    ``primaries``, when given, is ``(claim, its headline count)`` for each claim, read once per fact.
    """
    if primaries is None:
        primaries = [(c, primary_quantity(c.quantities)) for c in claims]
    docs = {
        c.doc for c, x in primaries
        if x is not None and x.measure == q.measure and (x.unit or "") == (q.unit or "")
        and consistent(q, x) is not False and consistent(against, x) is False
    }
    return len(docs)




def find_conflicting_figures(claims: Sequence[Claim], facts: Sequence[Fact]) -> list[Flag]:
    """Flags on the minority value of each value conflict inside an aligned fact."""
    by_id = {c.id: c for c in claims}
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for f in facts:
        members = [by_id[c] for c in f.claims if c in by_id]
        # The count depends only on the two values, and a fact states few distinct
        # values however many reports it holds: counted once per pair of values,
        # not once per pair of claims (that was cubic in the fact's size).
        counts: dict[tuple, int] = {}
        primaries: list = []

        def agreeing(q: Quantity, against: Quantity, members=members, counts=counts, primaries=primaries) -> int:
            # What ``_agreeing`` reads of the two values: q's measure, unit and range, against's range.
            key = (q.measure, q.unit or "", consistent_interval(q), consistent_interval(against))
            if key not in counts:
                if not primaries:
                    primaries.extend((c, primary_quantity(c.quantities)) for c in members)
                counts[key] = _agreeing(q, against, members, primaries)
            return counts[key]

        for a, qa, b, qb in _pairs(members):
            na, nb = agreeing(qa, qb), agreeing(qb, qa)
            sides = [(a, qa, b, qb)] if na < nb else [(b, qb, a, qa)] if nb < na else [(a, qa, b, qb), (b, qb, a, qa)]
            for c, q, other, oq in sides:
                if (f.id, c.id) in seen:
                    continue
                seen.add((f.id, c.id))
                flags.append(Flag(
                    kind="conflicting_figure",
                    doc=c.doc,
                    text=c.text,
                    explanation=(f"'{q.text}' ({(q.measure or '').replace('_', ' ')}) cannot be squared with "
                                 f"'{oq.text}' in another report of the same fact."),
                    start=c.start,
                    end=c.end,
                    related=(SpanRef(other.doc, other.start, other.end, other.text),),
                    detail=f.conflict,
                ))
    return flags
