"""Geometry of the inline SVG figure charts (one row per reported value).

Only numbers and already-known labels are computed here; the template draws
them, escaping every label.  Encoding, so that shape carries meaning and not
colour alone:

* exact value → filled dot; "about" → hollow dot;
* a range → a bar with end caps;
* an open bound ("at least", "over") → a line from the value with an arrow to
  the right; ("up to", "under") → an arrow to the left;
* the figure's low–high summary → a shaded band, its best value a dashed line.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..models import Figure, FigureValue
from .html_index import ReportIndex, fmt_number, humanise, shorten

__all__ = ["Chart", "ChartRow", "build_chart", "nice_ticks", "value_text"]

#: Drawing units (the SVG scales to its container via viewBox).
WIDTH = 720
LABEL_W = 230  # left gutter for "outlet · source" labels
PAD_R = 28  # room for the right-pointing arrowheads
ROW_H = 30
TOP = 16  # room above the first row for the summary label
AXIS_H = 34
#: Share of the largest value added to the axis so open bounds have room to point right.
HEADROOM = 0.25
#: Characters of each half of a row label ("outlet · source") before it is
#: cut; 2 × 14 + 3 characters of 13px text fit the 230-unit gutter. The table
#: under the chart has the full text.
LABEL_PART_CHARS = 14
#: Ticks on the value axis; five reads well at 720 units wide.
TICKS = 5

#: Beyond this share of the plot width a value's text is drawn to the left of
#: its mark, so "about 10,000 · 2024-12-16" does not run off the chart.
RIGHT_TEXT_SHARE = 0.6

OPEN_UP = frozenset({"at_least", "over"})
OPEN_DOWN = frozenset({"up_to", "under"})


@dataclass(frozen=True)
class ChartRow:
    """One reported value as drawn."""

    y: float
    label: str
    shape: str  # dot | hollow | range | arrow_right | arrow_left | none
    x1: float
    x2: float
    value_text: str
    anchor: str
    tooltip: str
    text_end: bool = False  # draw the value text leftwards of x1 (near the right edge, or for "up to")


@dataclass(frozen=True)
class Chart:
    """A whole chart: rows, axis ticks and the summary band."""

    id: str
    width: int
    height: int
    label_w: int
    plot_right: float
    axis_y: float
    rows: tuple[ChartRow, ...]
    ticks: tuple[tuple[float, str], ...]
    band: tuple[float, float] | None
    best_x: float | None
    summary: str


def nice_ticks(hi: float, n: int = TICKS) -> list[float]:
    """Round tick values from 0 to at least ``hi`` (steps of 1, 2 or 5 × 10^k)."""
    if hi <= 0:
        return [0.0, 1.0]
    raw = hi / max(1, n - 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    count = math.ceil(hi / step)
    return [i * step for i in range(count + 1)]


def _point(v: FigureValue) -> float | None:
    return v.low if v.low is not None else v.high


def build_chart(idx: ReportIndex, fig: Figure, number: int) -> Chart | None:
    """The chart of one figure, or None when no value has a number."""
    values = [v for v in fig.values if v.low is not None or v.high is not None]
    if not values:
        return None
    numbers = [x for v in values for x in (v.low, v.high) if x is not None]
    numbers += [x for x in (fig.low, fig.best, fig.high) if x is not None]
    lo_val = min(0.0, min(numbers))
    top = max(numbers)
    if any(v.qualifier in OPEN_UP for v in values):
        top *= 1 + HEADROOM
    ticks = nice_ticks(top - lo_val) if lo_val == 0 else [lo_val, top]
    dom_hi = ticks[-1] if ticks[-1] > lo_val else lo_val + 1
    plot_left, plot_right = LABEL_W, WIDTH - PAD_R

    def x(val: float) -> float:
        return round(plot_left + (val - lo_val) / (dom_hi - lo_val) * (plot_right - plot_left), 1)

    rows = []
    for i, v in enumerate(fig.values):
        y = TOP + ROW_H * i + ROW_H / 2
        who = v.source_text or idx.entity_name(v.source) or "no source named"
        label = f"{shorten(v.outlet or idx.label(v.doc), LABEL_PART_CHARS)} · {shorten(who, LABEL_PART_CHARS)}"
        anchor = idx.span_anchor(v.doc, v.start, v.end)
        tip = f"{v.text} — {who}, {v.outlet or idx.label(v.doc)}" + (f", {v.time}" if v.time else "")
        p = _point(v)
        if p is None:
            rows.append(ChartRow(y, label, "none", 0, 0, "no number", anchor, tip))
            continue
        if v.qualifier in OPEN_UP:
            shape, x1, x2 = "arrow_right", x(p), plot_right
        elif v.qualifier in OPEN_DOWN:
            hi = v.high if v.high is not None else p
            shape, x1, x2 = "arrow_left", x(hi), plot_left
        elif v.low is not None and v.high is not None and v.high > v.low:
            shape, x1, x2 = "range", x(v.low), x(v.high)
        else:
            shape, x1, x2 = ("hollow" if v.qualifier in ("about", "vague") else "dot"), x(p), x(p)
        date = _date_of(idx, v)
        text = value_text(v) + (f" · {date}" if date else "")
        end = shape == "arrow_left" or x1 > plot_left + RIGHT_TEXT_SHARE * (plot_right - plot_left)
        rows.append(ChartRow(y, label, shape, x1, x2, text, anchor, tip, end))
    axis_y = TOP + ROW_H * len(fig.values) + 6
    band = None
    if fig.low is not None and fig.high is not None:
        band = (x(fig.low), x(fig.high))
    summary = f"low {fmt_number(fig.low)} · best {fmt_number(fig.best)} · high {fmt_number(fig.high)}"
    return Chart(
        id=f"fig{number}", width=WIDTH, height=int(axis_y + AXIS_H), label_w=LABEL_W, plot_right=plot_right,
        axis_y=axis_y, rows=tuple(rows), ticks=tuple((x(t), fmt_number(t)) for t in ticks),
        band=band, best_x=x(fig.best) if fig.best is not None else None, summary=summary,
    )


def _date_of(idx: ReportIndex, v: FigureValue) -> str:
    """The date shown with a value: the claim's own date when it is an ISO date, else the report's."""
    if v.time and len(v.time) >= 10 and v.time[:4].isdigit() and v.time[4] == "-":
        return v.time[:10]
    doc = idx.docs.get(v.doc)
    return (doc.published or "")[:10] if doc else ""


_QUAL_WORDS = {"about": "about ", "at_least": "at least ", "over": "over ", "up_to": "up to ", "under": "under "}


def value_text(v: FigureValue) -> str:
    """The value as a short phrase: ``at least 30``, ``10–12``, ``about 200``."""
    if v.low is not None and v.high is not None and v.high != v.low and v.qualifier not in OPEN_UP | OPEN_DOWN:
        return f"{fmt_number(v.low)}–{fmt_number(v.high)}"
    p = v.high if v.qualifier in OPEN_DOWN and v.high is not None else _point(v)
    return _QUAL_WORDS.get(v.qualifier, "") + fmt_number(p) if v.qualifier != "vague" else humanise(v.qualifier)
