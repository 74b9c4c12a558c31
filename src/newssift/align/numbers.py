"""Quantity compatibility: when two reported numbers agree, differ or contradict.

Two questions are kept apart on purpose:

* **Consistent** — can both statements be true at once?  "at least 30" and
  "around 30" can; "killed 50" and "killed 47" cannot.  Used to call a fact
  *conflicting*.
* **Same figure** — do both report the same number?  "at least 30" and
  "over 200" are consistent (both are lower bounds) but are plainly different
  reports, so they must not be grouped as one fact.  Used for similarity.

A quantity's measure (killed, wounded, troops…), unit and, at claim level, time
must match before values are compared at all: figures for different measures,
units or periods are different facts, never a conflict.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..models import Claim, Quantity, TimeRef

__all__ = [
    "ABOUT_TOLERANCE",
    "CLOSE_FIGURE_TOLERANCE",
    "SAME_FIGURE_TOLERANCE",
    "QuantityRelation",
    "anchor_interval",
    "close_figures",
    "compare_primaries",
    "compare_quantities",
    "consistent",
    "consistent_interval",
    "point_estimate",
    "primary_quantity",
    "same_figure",
    "times_compatible",
]

#: How far from its stated value an "about"/"approximately" figure may be.
#: Newswire rounding of estimates is typically to the nearest 5–10 %, so 10 %
#: either side; "about 30" then covers 27–33.
ABOUT_TOLERANCE = 0.10

#: Relative distance under which two reported values count as the same
#: figure.  5 % keeps "about 10,000" with "10,000 to 12,000" and "approximately
#: 12,000" with "12,000", but keeps "about 10,000" apart from "about 12,000"
#: (17 % apart), which newsrooms report as different estimates.
SAME_FIGURE_TOLERANCE = 0.05

#: Relative distance under which two different but compatible figures are
#: read as one count reported with different precision ("up to 40" and "37",
#: 8 % apart).  Twice SAME_FIGURE_TOLERANCE; "over 20" and "100" are far out.
CLOSE_FIGURE_TOLERANCE = 0.10

Relation = Literal["same", "consistent", "inconsistent", "unknown"]


def consistent_interval(q: Quantity) -> tuple[float, float] | None:
    """The range of true values under which the statement ``q`` holds (None: unknown)."""
    lo, hi = q.low, q.high
    if lo is None and hi is None:
        return None
    match q.qualifier:
        case "exact":
            v = lo if lo is not None else hi
            return (v, v)
        case "about":
            v = lo if lo is not None else hi
            return (v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE))
        case "at_least" | "over":
            # "over 200" is read as a floor of 200: reporters round down.
            return (lo if lo is not None else hi, math.inf)
        case "up_to" | "under":
            return (0.0, hi if hi is not None else lo)
        case "range":
            return (lo if lo is not None else 0.0, hi if hi is not None else math.inf)
        case _:
            return None


def anchor_interval(q: Quantity) -> tuple[float, float] | None:
    """The number(s) the statement actually names: a point, or a range's ends."""
    lo, hi = q.low, q.high
    if lo is None and hi is None or q.qualifier == "vague":
        return None
    if q.qualifier == "range" and lo is not None and hi is not None:
        return (lo, hi)
    if q.qualifier in ("up_to", "under"):
        v = hi if hi is not None else lo
    else:
        v = lo if lo is not None else hi
    return (v, v)


def _overlap(a: tuple[float, float], b: tuple[float, float], tol: float = 0.0) -> bool:
    a0, a1 = a[0] * (1 - tol), a[1] * (1 + tol)
    b0, b1 = b[0] * (1 - tol), b[1] * (1 + tol)
    return a0 <= b1 and b0 <= a1


def consistent(a: Quantity, b: Quantity) -> bool | None:
    """Whether both statements can be true at once (None when either is vague)."""
    ia, ib = consistent_interval(a), consistent_interval(b)
    if ia is None or ib is None:
        return None
    return _overlap(ia, ib)


def same_figure(a: Quantity, b: Quantity) -> bool | None:
    """Whether both name the same number, within :data:`SAME_FIGURE_TOLERANCE`."""
    ia, ib = anchor_interval(a), anchor_interval(b)
    if ia is None or ib is None:
        return None
    return _overlap(ia, ib, SAME_FIGURE_TOLERANCE / 2)


def close_figures(a: Quantity, b: Quantity) -> bool:
    """Whether the numbers two statements name lie within :data:`CLOSE_FIGURE_TOLERANCE`."""
    ia, ib = anchor_interval(a), anchor_interval(b)
    if ia is None or ib is None:
        return False
    return _overlap(ia, ib, CLOSE_FIGURE_TOLERANCE / 2)


@dataclass(frozen=True)
class QuantityRelation:
    """How the quantities of two claims relate.

    ``blocked`` means they cannot be one fact (different measure, unit); else
    ``relation`` is the best agreement among quantities of a shared measure.
    """

    blocked: bool
    relation: Relation
    measure: str | None = None


_UNKNOWN = QuantityRelation(False, "unknown")


def _unit_key(q: Quantity) -> str:
    return (q.unit or "").strip().lower()


def primary_quantity(quantities: Sequence[Quantity]) -> Quantity | None:
    """The claim's headline count: its first counted quantity with a measure.

    A sentence such as "11 died and 37 were injured" is first of all a death
    toll; its second number is a different proposition, so only the first
    measured quantity decides what a claim reports.  Counts of people or
    things (no unit) come before measurements with a unit: in "a fire 140 km
    from the capital killed 11", the distance only places the event.
    """
    measured = [q for q in quantities if q.measure]
    return next((q for q in measured if not q.unit), measured[0] if measured else None)


def compare_quantities(a: Sequence[Quantity], b: Sequence[Quantity]) -> QuantityRelation:
    """Relate two claims' headline counts; see :class:`QuantityRelation`.

    Only quantities with a measure take part: a bare number with no measure
    is too weak to say two claims are, or are not, about the same thing.
    """
    return compare_primaries(primary_quantity(a), primary_quantity(b))


def compare_primaries(qa: Quantity | None, qb: Quantity | None) -> QuantityRelation:
    """``compare_quantities`` given the two claims' headline counts (``primary_quantity``) already read."""
    if qa is None or qb is None:
        return _UNKNOWN
    if qa.measure != qb.measure or _unit_key(qa) != _unit_key(qb):
        # Both claims count something, but not the same thing: e.g. "200
        # killed" vs "over 200 casualties" — different facts.
        return QuantityRelation(True, "unknown")
    if same_figure(qa, qb):
        rel: Relation = "same"
    else:
        ok = consistent(qa, qb)
        rel = "unknown" if ok is None else ("consistent" if ok else "inconsistent")
    return QuantityRelation(False, rel, qa.measure)


def _span(t: TimeRef) -> tuple[str, str] | None:
    if t.date:
        return (t.date, t.date)
    if t.start_date or t.end_date:
        return (t.start_date or t.end_date or "", t.end_date or t.start_date or "")
    return None


def times_compatible(a: Claim, b: Claim) -> bool:
    """False only when both claims carry resolved times whose periods do not overlap."""
    if a.time is None or b.time is None:
        return True
    sa, sb = _span(a.time), _span(b.time)
    if sa is None or sb is None:
        return True
    # ISO dates compare correctly as strings.
    return sa[0] <= sb[1] and sb[0] <= sa[1]


def point_estimate(low: float | None, high: float | None, qualifier: str) -> float | None:
    """One number standing for a reported value: the stated figure, a range's midpoint."""
    if qualifier == "vague" or (low is None and high is None):
        return None
    if qualifier == "range" and low is not None and high is not None:
        return (low + high) / 2
    if qualifier in ("up_to", "under"):
        return high if high is not None else low
    return low if low is not None else high
