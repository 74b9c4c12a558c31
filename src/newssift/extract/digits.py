"""Quantities written in digits: value, qualifier, currency, scale, unit, range, spread, and what is no amount.

``digit_quantities`` reads every number in digits in a span (``numerals``),
the currency and unit around it (``units``), the range, ``±`` spread, score,
list or series it belongs to (a chain "from 0.06 to 0.42 to 0.74 ppm", a
"respectively" list, an interval "5≤2θ/°≤80", a coordinate "57°44′8″N"),
and drops the numbers that are no amount: labels ("Table 2",
"phase 7", "Boeing 737"), years and dates, ages given as a person's
attribute, citation numbers. ``make_quantity`` builds the Quantity, taking a
count's measure and subject from the parse (``measures``). Number words are
read in ``quantities``, which shares these helpers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..models import Quantity
from .lexicon import (
    CHANGE_VERBS,
    LABEL_WORDS,
    MONEY_SCALES,
    QUALIFIER_PHRASES,
    SCALE_WORDS,
    SCORE_WORDS,
    TEMPERATURE_WORDS,
    TIME_UNITS,
    UNIT_BEFORE,
    UNIT_KIND_MEASURES,
)
from .measures import counted_noun, measure_of, subject_of
from .numerals import DigitNumber, digit_numbers, in_citation, is_clock_or_ratio
from .units import UnitMatch, currency_before, unit_after

__all__ = [
    "AGE_SUFFIX",
    "CALENDAR_WORDS",
    "NOT_AMOUNT_BEFORE",
    "Ctx",
    "digit_quantities",
    "is_year",
    "make_quantity",
    "new_quantity",
    "open_bounds",
    "qualifier_before",
]

#: Words after which a number is an age or a list number, never an amount.
NOT_AMOUNT_BEFORE = frozenset(["aged", "age", "ages", "#"])

#: Years: a bare four-digit number in this range with nothing counted after it
#: is a year; 1800-2100 covers every year a news story or a paper cites.
YEAR_RANGE = (1800, 2100)

#: Phone numbers: "555-0142", "+44 20 7946 0958", "(212) 555-0142".
_PHONE_IN_TEXT = re.compile(
    r"\+\d[\d \-]{7,}\d"  # +44 20 7946 0958
    r"|\(\d{2,4}\)\s?\d{3,4}[\-\s]\d{3,4}"  # (212) 555-0142
    r"|\b\d{3}[\-.]\d{3}[\-.]\d{4}\b"  # 212-555-0142
    r"|\b\d{3}[\-.]\d{4}\b(?![.,]\d)"  # 555-0142
)
_SCALE_AFTER = re.compile(r"[ \u00a0]?(hundred|thousand|million|billion|trillion|bn|mn|mln|bln)\b", re.IGNORECASE)
_MONEY_SCALE_AFTER = re.compile(r"[ \u00a0]?(k|m|mn|mln|bn|b|bln|tn|trn)\b", re.IGNORECASE)
_RANGE_GAP = re.compile(
    r"[ \u00a0]?(–|—|-|−|to|and|or)[ \u00a0]?(?:(?:around|about|approximately|roughly|nearly|almost) )?"
    r"|[ \u00a0]?([–—−])[ \u00a0]?", re.IGNORECASE)
_RESPECTIVELY = re.compile(r",?\s+(?:\w+\s+){0,4}?respectively\b", re.IGNORECASE)
_LIST_GAP = re.compile(r",? ?(?:and |or |& )?(?:\((?:[a-h]|[ivx]{1,4})\) ?)?")  # "(a) 1.3 (b) 2.4, and (c) 2.2 mg"
# An interval written around its variable ("5≤2θ/°≤80"): the variable is at most 12 characters, and
# an aside between a change's first end and "to" at most 40; both chosen by sweeps (docs/quantities.md).
_INTERVAL = re.compile(r"[ \u00a0]?(?:≤|⩽|<=|<)[ \u00a0]?([^\s≤⩽<=,;()]{1,12}?)[ \u00a0]?(?=≤|⩽|<=|<)")
_ASIDE_TO = re.compile(r"[ \u00a0]?\([^()]{1,40}\)[ \u00a0]?to[ \u00a0](?=[\d~∼≈<>≤≥$£€−-])")
_SEXAGESIMAL = re.compile(
    r"(?P<deg>\d{1,3})[ \u00a0]?[°º][ \u00a0]?(?P<min>\d{1,2}(?:\.\d+)?)[ \u00a0]?[′’']"
    r"(?:[ \u00a0]?(?P<sec>\d{1,2}(?:\.\d+)?)[ \u00a0]?(?:″|”|\"|’’|''))?(?:[ \u00a0]?(?P<hemi>[NSEW])(?![a-z]))?")
_NAME_BEFORE = re.compile(r"(?<![\w\-])[A-Za-z][\w\-]*\d$")  # a word of letters and digits ending in a digit
_BRACKET_POWER = re.compile(r"[ \u00a0]?\([ \u00a0]?[×x✕][ \u00a0]?10\^?([−\-–]?\d{1,2})[ \u00a0]?\)")
_TIMES_POWER = re.compile(r"\)[ \u00a0]?[×x✕][ \u00a0]?10\^?([−\-–]?\d{1,2})(?![\d.])")
_HYPHEN_TAIL = re.compile(r"(?:-[A-Za-z]+)+")
_CHAIN_GAP = re.compile(r"[ \u00a0]to[ \u00a0]")
_PLUS_MINUS = re.compile(r"[ \u00a0]?[±∓][ \u00a0]?")
_ORDINAL = re.compile(r"(st|nd|rd|th)\b", re.IGNORECASE)
_NUMBER_LIST_TOKEN = re.compile(r"[\d.,–\-−]+")
AGE_SUFFIX = re.compile(r"-(?:year|yr|month|week|day)s?-old", re.IGNORECASE)

CALENDAR_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    ]
)


@dataclass
class Ctx:
    """One call's view of the parsed document: its text, the span's limits and a char-to-token index."""

    doc: object
    text: str
    lo: int  # first token of the span
    hi: int  # token after the span
    clo: int  # first character of the span
    chi: int  # character after the span
    starts: list[int]

    def tok(self, char: int):
        """The token holding character ``char``."""
        return self.doc[max(0, bisect.bisect_right(self.starts, char) - 1)]


# ----------------------------------------------------------------- qualifiers


def qualifier_before(doc, i: int, lo: int) -> tuple[str | None, int]:
    """Qualifier phrase ending just before token i (not before token ``lo``), and its first token."""
    words = [t.lower_ for t in doc[max(lo, i - 3):i]]
    for phrase, qual in QUALIFIER_PHRASES:
        p = phrase.split()
        if len(p) <= len(words) and words[-len(p):] == p:
            return qual, i - len(p)
    return None, i


def open_bounds(low, high, qual):
    """Open the bound a qualifier leaves open ("at least 30" has no upper bound)."""
    if qual in ("at_least", "over"):
        return low, None
    if qual in ("up_to", "under"):
        return None, high
    return low, high


# ----------------------------------------------------------------- digits


def _skip_digits(c: Ctx, n: DigitNumber, phones) -> bool:
    """Numbers in digits that are no amount by their characters: names, formulas, citations, clocks, phones."""
    text = c.text
    if any(a <= n.start < b for a, b in phones):
        return True
    before = text[n.start - 1] if n.start > c.clo else " "
    if before == "-" and n.start - 2 >= c.clo and text[n.start - 2].isalpha():
        return True  # "F-16", "COVID-19", "TRA-1"
    if before in "-–" and _NAME_BEFORE.search(text, max(c.clo, n.start - 12), n.start - 1):
        return True  # "hSOX2-23", "TRA-1–60": a name with digits, then its number
    if before in ")]" and n.start - 2 >= c.clo and text[n.start - 2].isalnum():
        return True  # "Mg(ClO4)2", "(PgωΛ)2": a subscript or power glued to a bracket
    if before in "/#:" or n.start > c.clo and before.isalpha():
        return True
    if in_citation(text, n.start, n.end, 0, len(text)):
        return True
    if n.end < c.chi and text[n.end] == ":" and is_clock_or_ratio(text, n.start, c.chi) == "clock":
        return True
    return n.end < c.chi and (_ORDINAL.match(text, n.end, c.chi) is not None or text[n.end] == "s" and
                              re.match(r"\d{4}$", text[n.start:n.end]) is not None)


def _scale(c: Ctx, end: int, money: bool) -> tuple[int, float]:
    """A scale word, a bracketed power of ten or (for money) a suffix after a number: (new end, factor)."""
    m = _BRACKET_POWER.match(c.text, end, c.chi)
    if m:
        return m.end(), 10.0 ** int(m.group(1).replace("−", "-").replace("–", "-"))  # "3.5–6.1 (×10−4) wt.%"
    m = _SCALE_AFTER.match(c.text, end, c.chi)
    if m and (m.end() == c.chi or not c.text[m.end()].isalnum()):
        return m.end(), SCALE_WORDS.get(m.group(1).lower(), MONEY_SCALES.get(m.group(1).lower(), 1.0))
    if money:
        m = _MONEY_SCALE_AFTER.match(c.text, end, c.chi)
        if m:
            return m.end(), MONEY_SCALES[m.group(1).lower()]
    return end, 1.0


@dataclass
class _Amount:
    """One number with what follows it: value, currency or unit, and where it ends."""

    start: int  # currency sign or number
    end: int
    value: float
    unit: UnitMatch | None
    currency: str | None
    factor: float = 1.0  # the scale word's ("2.5 million")


def _amount(c: Ctx, n: DigitNumber) -> _Amount | None:
    """The number ``n`` with its currency, scale and unit; None when letters glued to it make it a name."""
    cur = currency_before(c.text, n.start, c.clo)
    end, factor = _scale(c, n.end, cur is not None)
    unit = unit_after(c.text, end, c.chi)
    glued = end < c.chi and c.text[end].isalpha()
    if glued and unit is not None and unit.written in ("C", "F") and _temperature_context(c, n):
        unit = UnitMatch(unit.end, unit.written, "°" + unit.written, "temperature")  # "41.5C" in a heatwave
    elif glued and (unit is None or len(unit.written) == 1 and "." not in c.text[n.start:n.end]):
        return None  # "187Os", "4He", "Fig. 3A", "16S", "2011a": letters glued to the number that are no unit
    if unit is None and end + 1 < c.chi and c.text[end] == "/" and c.text[end + 1].isalnum():
        return None  # "22/10a-4", "24/7": an identifier or a fraction
    if unit is not None and unit.kind == "money":
        cur = (cur[0] if cur else n.start, unit.unit)
    start = cur[0] if cur else n.start
    return _Amount(start, unit.end if unit else end, n.value * factor, unit, cur[1] if cur else None, factor)


def _temperature_context(c: Ctx, n: DigitNumber) -> bool:
    """Whether a number glued to "C" or "F" is a temperature: its sentence speaks of heat or cold."""
    sent = c.tok(n.start).sent
    return any(t.lower_ in TEMPERATURE_WORDS for t in sent)


def _hyphen_unit(c: Ctx, a: _Amount) -> UnitMatch | None:
    """A unit joined by a hyphen ("an 8-year history", "a 2-min interval"): the unit, or None."""
    if a.unit or a.end + 1 >= c.chi or c.text[a.end] != "-" or not c.text[a.end + 1].isalpha():
        return None
    u = unit_after(c.text, a.end + 1, c.chi)
    return u if u is not None and u.kind != "money" and len(u.written) > 1 else None  # "1-D" is no unit


def digit_quantities(c: Ctx, out: list[Quantity]) -> list[tuple[int, int]]:
    """Quantities written in digits in the span; returns the character ranges they took."""
    text = c.text
    phones = [(c.clo + m.start(), c.clo + m.end()) for m in _PHONE_IN_TEXT.finditer(text, c.clo, c.chi)]
    nums = digit_numbers(text, c.clo, c.chi)
    taken: list[tuple[int, int]] = []
    k, done = 0, c.clo
    while k < len(nums):
        n = nums[k]
        k += 1
        if n.start < done or _skip_digits(c, n, phones):
            continue  # "cm−3" inside the unit just read; a name, a formula, a citation
        coord = _coordinate(c, n)
        if coord is not None:
            out.append(coord)
            taken.append((coord.start, coord.end))
            done = coord.end
            continue
        a = _amount(c, n)
        if a is None:
            continue
        if AGE_SUFFIX.match(text, a.end, c.chi):
            taken.append((n.start, a.end))
            continue  # "a 47-year-old man": an age as an attribute
        hyphen = _hyphen_unit(c, a)
        if hyphen is not None:
            a.unit, a.end = hyphen, hyphen.end
        elif a.unit is None and a.end + 1 < c.chi and text[a.end] == "-" and text[a.end + 1].isalpha():
            continue  # "the 150-seat assembly", "UPDATE 2-Velmora": an attribute, not an amount
        if is_clock_or_ratio(text, n.start, c.chi) == "ratio" and a.unit is None:
            r = re.match(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)", text[n.start:])
            x, y = float(r.group(1)), float(r.group(2))
            q = _plain(c, n.qual_start if n.qualifier else n.start, n.start + r.end(), x / y if y else None,
                       x / y if y else None, n.qualifier or "exact", kind="ratio")
            out.append(replace(q, values=(x, y)))  # "1:3": the value is a third, the terms are kept
            taken.append((n.start, n.start + r.end()))
            while k < len(nums) and nums[k].start < n.start + r.end():
                k += 1
            continue
        series = _series(c, nums, k - 1, a)
        if series:
            for q in series:
                out.append(q)
                taken.append((q.start, q.end))
            k += len(series) - 1
            done = series[-1].end
            continue
        q, used = _digit_quantity(c, nums, k - 1, a)
        k += used
        if q is not None:
            out.append(q)
            taken.append((q.start, q.end))
            done = q.end
        else:
            done = a.end
    return taken


def _second(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount, plus_minus: bool = False):
    """The number that makes a range (or a ± spread) with amount ``a``: (separator word, DigitNumber) or None."""
    if k + 1 >= len(nums):
        return None
    n2 = nums[k + 1]
    if n2.start < a.end:
        return None
    gap = c.text[a.end:n2.qual_start if n2.qualifier else n2.start]
    if plus_minus:
        return ("±", n2) if _PLUS_MINUS.fullmatch(gap) else None
    m = _RANGE_GAP.fullmatch(gap)
    if m is None or n2.qualifier not in (None, "about", "over", "at_least") or n2.plus_minus:
        return None  # "from ∼20 to ∼180 ppm", "between 200 and >1000 m" are ranges; "5 to <9" is not
    if a.unit is not None and gap in "–—-−" and c.text[a.end - 1].isalpha():
        return None  # "1280 cm−1": an exponent, not a range
    return (m.group(1) or m.group(2)).lower(), n2


def _coordinate(c: Ctx, n: DigitNumber) -> Quantity | None:
    """An angle in degrees, minutes and seconds ("57°44′8.47″N", "51°30' N"): one value in degrees, or None."""
    m = _SEXAGESIMAL.match(c.text, n.start, c.chi)
    if m is None or n.value < 0:
        return None
    minutes, seconds = float(m.group("min")), float(m.group("sec") or 0)
    if minutes >= 60 or seconds >= 60:
        return None
    value = int(m.group("deg")) + minutes / 60 + seconds / 3600
    hemi = m.group("hemi")
    return new_quantity(c, n.qual_start if n.qualifier else n.start, m.end(), value, value,
                        n.qualifier or "exact", None, None, "°" + hemi if hemi else "°", "angle")


def _series(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> list[Quantity]:
    """Values written as a series, each its own quantity, the unit written once at the end shared by all.

    Two series are no range and no single value: a chain of changes ("rose
    from 0.06 to 0.42 to 0.74 ppm": three values, a range has two ends) and a
    list mapped "respectively" onto as many things ("35 and 22%, respectively":
    35% and 22%). Empty when the numbers from nums[k] are neither.
    """
    chain = _chain(c, nums, k, a) if _word_before(c, a.start) == "from" else []  # "5 to 4 to 0" is a vote
    items = chain or _respective_list(c, nums, k, a)
    if not items:
        return []
    unit = items[-1][1].unit  # a list's is never money; a chain's may be none ("from 3 to 5 to 7 seats")
    out: list[Quantity] = []
    for j, (n, x) in enumerate(items):
        q_start = _prev_tok(c, x.start).idx if j == 0 and chain else None  # "from 0.06": where the chain starts
        q = _finish(c, x, x.value, x.value, None, x.unit or unit, n=n, q_start=q_start)
        if q is None:
            return []  # a label or a date inside: not a series of amounts
        out.append(q)
    return out


def _chain(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> list[tuple[DigitNumber, _Amount]]:
    """Three or more numbers joined by "to" ("from 0.06 to 0.42 to 0.74 ppm"): (number, amount) each, else []."""
    items = [(nums[k], a)]
    while k + len(items) < len(nums):
        last = items[-1][1]
        n2 = nums[k + len(items)]
        b = _amount(c, n2) if not (n2.qualifier or n2.plus_minus) and n2.start >= last.end else None
        if b is None or not _CHAIN_GAP.fullmatch(c.text, last.end, b.start):
            break
        items.append((n2, b))
        if b.unit is not None:
            break
    return items if len(items) >= 3 else []


def _respective_list(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> list[tuple[DigitNumber, _Amount]]:
    """A list with its unit written once, before "respectively" ("4.5, 6 and 13 kg respectively"), else []."""
    items = _list_items(c, nums, k, a)
    if items is None or not _RESPECTIVELY.match(c.text, items[-1].end) or _word_before(c, a.start) == "between":
        return []
    return list(zip(nums[k:k + len(items)], items))


def _interval(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> tuple[Quantity | None, int] | None:
    """An interval written around its variable ("5≤2θ/°≤80", "0.2 < x < 0.5 mm"): a range from a to the upper bound.

    The unit is the upper bound's, else the one the variable is divided by
    ("2θ/°" is in degrees). None when the numbers are not written so.
    """
    m = _INTERVAL.match(c.text, a.end, c.chi)
    if m is None or a.unit is not None or a.currency:
        return None
    for j in range(k + 1, len(nums)):
        n2 = nums[j]
        if n2.qual_start > m.end():
            return None
        if n2.qual_start == m.end() and n2.qualifier in ("up_to", "under"):
            b = _amount(c, n2)
            if b is None or b.value < a.value:
                return None
            var = m.group(1)
            unit = b.unit
            if unit is None and "/" in var:
                u = unit_after(var, var.rindex("/") + 1, len(var))
                unit = UnitMatch(b.end, u.written, u.unit, u.kind) if u is not None and u.end == len(var) else None
            return _finish(c, a, a.value, b.value, "range", unit, end=b.end, n=nums[k]), j - k
    return None


def _plus_error(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount):
    """An upper error bar glued to a value ("3.4+0.1 cm2/Vs"): ("+", its number), read like a "±" spread.

    Only decimals with a unit after the bar, the bar smaller than the value:
    "4+1" or "2+2" stay two numbers.
    """
    if k + 1 >= len(nums) or a.unit is not None or a.currency:
        return None
    n2 = nums[k + 1]
    if n2.start != a.end + 1 or c.text[a.end] != "+" or "." not in c.text[nums[k].start:a.end]:
        return None
    b = _amount(c, n2)
    if b is None or b.unit is None or b.value >= abs(a.value) or "." not in c.text[n2.start:n2.end]:
        return None
    return "+", n2


def _power_after_bracket(c: Ctx, a: _Amount, b: _Amount) -> tuple[float, UnitMatch | None, int] | None:
    """A power of ten after a bracketed range, "(0.28–0.42)×10−10 m": (factor, unit after it, end), or None."""
    if a.start == c.clo or c.text[a.start - 1] != "(":
        return None
    m = _TIMES_POWER.match(c.text, b.end, c.chi)
    if m is None:
        return None
    unit = unit_after(c.text, m.end(), c.chi)
    return 10.0 ** int(m.group(1).replace("−", "-").replace("–", "-")), unit, unit.end if unit else m.end()


def _spread_after_range(c: Ctx, nums: list[DigitNumber], k: int, b: _Amount):
    """A "± x" after a bracketed range ("(563–624) ± 30 K"): (the spread's amount or None, end, numbers used)."""
    if k + 1 >= len(nums) or b.unit is not None:
        return None, b.end, 1
    m = re.match(r"\)[ \u00a0]?[±∓][ \u00a0]?", c.text[b.end:c.chi])
    n3 = nums[k + 1]
    if m is None or n3.start != b.end + m.end():
        return None, b.end, 1
    s = _amount(c, n3)
    return (s, s.end, 2) if s is not None and s.unit is not None else (None, b.end, 1)


def _list(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> list[_Amount] | None:
    """The items of a list of values with one unit ("1, 5 and 50 μg/L", "0 ppm, 1000 ppm and 2000 ppm"), or None.

    A list is read as one quantity only when its unit is written once, after
    the last item, and it is not a list of values for as many things ("35 and
    22%, respectively"); a unit on every item, money and plain counts stay one
    value each.
    """
    items = _list_items(c, nums, k, a)
    if items is None or _RESPECTIVELY.match(c.text, items[-1].end):
        return None
    return items


def _list_items(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> list[_Amount] | None:
    """The items of a list from nums[k] whose unit is written once, after the last item, or None."""
    items, end = [a], a.end
    for n2 in nums[k + 1:]:
        gap = c.text[end:n2.start]
        if n2.start < end or n2.qualifier or n2.plus_minus or not gap or not _LIST_GAP.fullmatch(gap):
            break
        b = _amount(c, n2)
        if b is None or b.currency:
            return None
        items.append(b)
        end = b.end
        if b.unit is not None:
            break  # the unit written once, after the last item
    if len(items) < 2 or a.unit is not None or items[-1].unit is None or items[-1].unit.kind == "money":
        return None
    return items


def _digit_quantity(c: Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> tuple[Quantity | None, int]:
    """The quantity starting at nums[k] (amount ``a``): a range, a spread, a score or one value; and how many more numbers it used."""
    n = nums[k]
    text = c.text
    first = c.tok(n.start)
    prev_word = _word_before(c, n.qual_start if n.qualifier else a.start)
    before = _prev_tok(c, min(a.start, n.qual_start))  # the word before the amount and its sign ("from ∼20")
    bounded = _interval(c, nums, k, a)
    if bounded is not None:
        return bounded
    pm = _second(c, nums, k, a, plus_minus=True) or _plus_error(c, nums, k, a)
    if pm is not None:
        b = _amount(c, pm[1])
        if b is not None:
            unit = a.unit or b.unit
            return _finish(c, a, a.value, a.value, "exact", unit, end=b.end, uncertainty=b.value, n=n), 1
    sec = _second(c, nums, k, a)
    if sec is not None and not (sec[0] == "and" and prev_word != "between") and sec[0] != "or":
        b = _amount(c, sec[1])
        if b is not None and (a.currency or b.currency or a.unit is None or b.unit is None
                              or a.unit.unit == b.unit.unit):
            unit = a.unit or b.unit
            if unit is None and a.currency is None and b.currency is None and _label(c, n):
                return None, 1  # "lines 2–12", "codes 3-1 to 3-3"
            if a.factor == 1.0 and b.factor != 1.0:
                a.value *= b.factor  # "$1-2 million", "10 to 12 thousand": the scale is shared
            a.currency = a.currency or b.currency
            lo_v, hi_v = a.value, b.value
            if is_year(text[n.start:n.end]) and is_year(text[sec[1].start:sec[1].end]) and unit is None:
                return None, 1  # "2008 to 2009", "2003–2004": years
            if unit is None and a.currency is None and (hi_v < lo_v and prev_word not in ("from", "between")
                                                         or hi_v <= lo_v and _score_context(c, first, sec[0])):
                # "won 112 to 104", "passed 218 to 214", "drew 1-1": a score or a vote, not an amount
                return _plain(c, a.start, b.end, lo_v, hi_v, "exact", kind="score"), 1
            if prev_word == "from" and sec[0] == "to" and _change_context(before):
                # "fell from 12 to 9%", "rose from 9 to 12": a change, two values read one by one
                return _finish(c, a, a.value, a.value, None, a.unit or b.unit, n=n, q_start=before.idx), 0
            q_start = before.idx if prev_word in ("between", "from") else None
            high = None if sec[1].qualifier in ("over", "at_least") else max(lo_v, hi_v)
            spread, end, used = _spread_after_range(c, nums, k + 1, b)
            scaled = _power_after_bracket(c, a, b) if unit is None and spread is None else None
            if scaled is not None:  # "(0.28–0.42)×10−10 m": the power of ten and unit after the bracket
                factor, unit, end = scaled
                lo_v, hi_v, high = lo_v * factor, hi_v * factor, high * factor if high is not None else None
                q_start = a.start - 1
            return _finish(c, a, min(lo_v, hi_v), high, "range", unit or (spread.unit if spread else None),
                           end=end, n=n, q_start=q_start, uncertainty=spread.value if spread else None), used
    if prev_word == "from" and _ASIDE_TO.match(text, a.end, c.chi) and _change_context(before):
        # "shifts from 1.4Rp (0.5 nbar) to 1.9Rp (0.1 nbar)": a change whose ends carry asides
        return _finish(c, a, a.value, a.value, None, a.unit, n=n, q_start=before.idx), 0
    if a.unit is None and a.currency is None and _label(c, n):
        return None, 0
    items = _list(c, nums, k, a)
    if items is not None:
        values = tuple(x.value for x in items)
        q = _finish(c, a, min(values), max(values), "range", items[-1].unit, end=items[-1].end, n=n)
        return (replace(q, values=values) if q is not None else None), len(items) - 1
    if n.plus_minus and a.unit is not None:
        return _finish(c, a, -a.value, a.value, "range", a.unit, n=n, q_start=n.qual_start), 0
    return _finish(c, a, a.value, a.value, None, a.unit, n=n), 0


def _word_before(c: Ctx, char: int) -> str:
    """The lower-case word just before character ``char`` ("" at the span's start)."""
    t = _prev_tok(c, char)
    return t.lower_ if t is not None else ""


def _prev_tok(c: Ctx, char: int, bounded: bool = True):
    """The token before character ``char``: within the span, or (``bounded`` false) anywhere before it.

    Labels and ages are read across the span's start: a sentence split after
    "Fig." leaves "9 shows ..." as a claim whose label word lies before it.
    """
    lo = c.lo if bounded else 0
    t = c.tok(char)
    i = t.i if t.idx < char else t.i - 1
    while i >= lo and c.doc[i].is_space:
        i -= 1
    return c.doc[i] if i >= lo else None


def is_year(s: str) -> bool:
    return re.fullmatch(r"\d{4}", s) is not None and YEAR_RANGE[0] <= int(s) <= YEAR_RANGE[1]


def _score_context(c: Ctx, tok, sep: str) -> bool:
    """Whether "X to Y" / "X-Y" (Y not above X) is a score or a vote: a contest word nearby, or a bare hyphen."""
    if sep in ("-", "–", "—"):
        return True
    sent = tok.sent
    return any(t.lemma_.lower() in SCORE_WORDS or t.lower_ in SCORE_WORDS for t in sent)


def _change_context(tok) -> bool:
    """Whether the verb governing a number is one of change ("fell from 12 to 9")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in CHANGE_VERBS:
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


# ----------------------------------------------------------------- finishing


def _label_or_date(c: Ctx, n: DigitNumber, a: _Amount, unit: UnitMatch | None, qual: str | None = None) -> bool:
    """Whether a unitless number is a label ("Table 2", "phase 7"), a year, a date or an age."""
    text = c.text
    s = text[n.start:n.end]
    if unit is None and a.currency is None:
        if is_year(s) and not _counts_noun(c, a):
            return True
        if _label(c, n):
            return True
    nxt = c.tok(a.end) if a.end < c.chi else None
    if nxt is not None and nxt.idx < a.end:
        nxt = c.doc[nxt.i + 1] if nxt.i + 1 < c.hi else None
    prev = _prev_tok(c, n.qual_start, bounded=False)
    lead = _list_head(c, prev)
    if lead is not None and lead.lower_ in NOT_AMOUNT_BEFORE and not (unit and unit.kind == "time"):
        # "aged 34 and 51": attributes; "aged 70 or older", "aged 35 to 55": who is counted
        return not (qual == "range" or _open_bound_after(c, a.end))
    if (prev is not None and prev.lower_ in CALENDAR_WORDS or nxt is not None and nxt.lower_ in CALENDAR_WORDS) \
            and unit is None and re.fullmatch(r"\d{1,2}", s):
        return True  # "6 November", "November 6"
    # "Dario Mensi, 44, built ...": an age
    return prev is not None and prev.text == "," and prev.i > 0 and c.doc[prev.i - 1].ent_type_ == "PERSON" \
        and nxt is not None and nxt.text == "," and unit is None


def _label(c: Ctx, n: DigitNumber) -> bool:
    """Whether a unitless number names something: "Table 2", "Section 3.3", "phases 3, 5, and 7", "Boeing 737"."""
    before = _prev_tok(c, n.qual_start, bounded=False)
    if before is not None and before.text == "," and _counts_plural(c, n):
        return False  # "In Fig. 10, 350 electrons were injected": a count after the label, not its list
    t = _list_head(c, before)
    if t is None:
        return False
    low = t.lower_
    if low in LABEL_WORDS or low.rstrip(".") in LABEL_WORDS:
        return True
    if low in UNIT_BEFORE:
        return False  # "pH 7": a reading on a named scale
    if not re.fullmatch(r"\d+", c.text[n.start:n.end].lstrip("+")) or t.i + 1 >= len(c.doc) or \
            c.doc[t.i + 1].idx != n.qual_start or n.qualifier:
        return False  # a name's number follows it directly: "clone 23", not "clone, 23" nor "score ≥16"
    if t.i > t.sent.start and any(ch.isalpha() for ch in t.text) \
            and (t.pos_ == "PROPN" or t.is_upper and len(t) > 1 and t.is_alpha) \
            and t.ent_type_ not in ("DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return True  # "Pioneer 11", "Boeing 737", "OAE 2"
    return t.tag_ in ("NN", "NNP") and t.is_alpha and t.lower_ not in CALENDAR_WORDS  # "clone 23", "axis 1"


def _counts_plural(c: Ctx, n: DigitNumber) -> bool:
    """Whether the number counts the plural noun right after it ("350 electrons")."""
    t = c.tok(n.end - 1)
    if t.i + 1 >= len(c.doc):
        return False
    noun = c.doc[t.i + 1]
    return noun.tag_ in ("NNS", "NNPS") and noun.is_alpha and t.head.i == noun.i


def _list_head(c: Ctx, t):
    """The word before a list of numbers that ends at token t ("phases 3, 5, and", "Figs. 14 and", "aged 19 and")."""
    while t is not None and t.i > 0 and (t.like_num or _NUMBER_LIST_TOKEN.fullmatch(t.text)
                                         or t.lower_ in (",", "and", "or", "&", "to", "–", "-", ".")):
        t = c.doc[t.i - 1]
    if t is not None and t.i + 1 < len(c.doc) and c.doc[t.i + 1].lower_ in (",", "and", "or", "&", "to"):
        return c.doc[t.i + 1]  # "Among these clones, 26 (72%)": a list starts right after the word naming it
    return t


def _open_bound_after(c: Ctx, end: int) -> bool:
    return re.match(r"[ \u00a0]?(or|and) (older|over|above|higher|more|younger|under|below)\b", c.text[end:c.chi]) \
        is not None


def _counts_noun(c: Ctx, a: _Amount) -> bool:
    t = c.tok(a.end - 1)
    noun = counted_noun(t)
    return noun is not None and t.dep_ == "nummod"


def _finish(c: Ctx, a: _Amount, low, high, qual, unit: UnitMatch | None, end: int | None = None,
            uncertainty: float | None = None, n: DigitNumber | None = None, q_start: int | None = None):
    """The Quantity for an amount in digits: qualifier, bounds, unit, kind, measure and subject."""
    if n is not None and _label_or_date(c, n, a, unit, qual):
        return None
    end = end or a.end
    start = q_start if q_start is not None else a.start
    if qual is None:
        qual = n.qualifier if n is not None and n.qualifier else None
        if qual is not None:
            start = min(start, n.qual_start)
        else:
            tok = c.tok(a.start)
            word_qual, qi = qualifier_before(c.doc, tok.i, c.lo)
            qual = word_qual or "exact"
            if word_qual:
                start = c.doc[qi].idx
    low, high = open_bounds(low, high, qual)
    before = _prev_tok(c, start)
    if unit is None and a.currency is None and before is not None and before.lower_ in UNIT_BEFORE:
        # "pH 7–8", "magnitude 6.1": a scale named before its reading
        unit = UnitMatch(end, before.text, UNIT_BEFORE[before.lower_], "measurement")
        start = before.idx
    anchor = c.tok(max(a.start, (n.end if n else end) - 1))
    return make_quantity(c, start, end, low, high, qual, a.currency, unit, anchor, uncertainty)


def make_quantity(c: Ctx, start, end, low, high, qual, currency, unit: UnitMatch | None, anchor, uncertainty=None):
    """A Quantity with a unit, or a count (no unit) whose measure and subject come from the parse."""
    if currency:
        return new_quantity(c, start, end, low, high, qual, "money", None, currency, "money", uncertainty)
    if unit is not None:
        measure = UNIT_KIND_MEASURES.get(unit.kind)
        kind = unit.kind if unit.kind != "symbol" else "measurement"
        return new_quantity(c, start, end, low, high, qual, measure, None, unit.unit, kind, uncertainty)
    noun = counted_noun(anchor)
    if noun is not None and (noun.lower_ in TIME_UNITS or noun.lemma_.lower() in TIME_UNITS):
        noun = None
    measure, counted = measure_of(anchor, noun)
    if noun is not None and noun.i == anchor.i + 1 and noun.idx >= end and noun.i < c.hi and noun.is_alpha \
            and noun.tag_ in ("NNS", "NNPS"):
        end = noun.idx + len(noun.text)  # "5318 participants": the counted noun is the amount's unit
        hyphened = _HYPHEN_TAIL.match(c.text, end, c.chi)
        end = hyphened.end() if hyphened else end  # "2 e-mails", "40 x-rays": the whole hyphenated noun
    skip = set(range(c.tok(start).i, anchor.i + 1))
    return new_quantity(c, start, end, low, high, qual, measure, subject_of(counted, skip), None, "count", uncertainty)


def new_quantity(c: Ctx, start, end, low, high, qual, measure, subject, unit, kind, uncertainty=None) -> Quantity:
    return Quantity(text=c.text[start:end], low=low, high=high, qualifier=qual, measure=measure, start=start,
                    end=end, subject=subject, unit=unit, kind=kind, uncertainty=uncertainty)


def _plain(c: Ctx, start, end, low, high, qual, kind) -> Quantity:
    return new_quantity(c, start, end, low, high, qual, None, None, None, kind)
