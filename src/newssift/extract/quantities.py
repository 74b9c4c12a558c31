"""Quantities: amounts in a span, with qualifier, bounds, unit, measure and subject.

A quantity is a number (digits, number words, "a hundred", "2.5 million",
"1.2 × 10−3"), a range ("10,000 to 12,000", "between 30 and 40", "2–3 mA/cm2")
or a vague amount ("several dozen", "hundreds"; bounds in
``lexicon.VAGUE_AMOUNTS``), together with

* the qualifier in front of it ("at least", "up to", "around", "∼", "≥");
* its unit, read from the characters after it (``units``): signs ("%", "°C"),
  unit words ("per cent", "kilometres", "years"), symbols ("km", "kg s−1"),
  and money ("£2.3m" = 2,300,000 GBP, "$1.2bn", "5,000 won");
* its kind: count, money, percent, time, length, ..., score, ratio;
* what it counts (``measure``) for counts of people and things, read from the
  dependency parse (``measures``): "30 soldiers killed or wounded" counts
  ``killed_or_wounded``; money has measure ``money``, lengths ``distance``,
  masses ``weight`` (``lexicon.UNIT_KIND_MEASURES``).

Not quantities: dates and years, times of day, ordinals, phone numbers, list
and citation numbers ("[21]", "(2)"), labels ("Table 2", "phase 7", "Boeing
737"), numbers inside names and formulas ("F-16", "CO2"), and ages given as a
person's attribute ("Mara Lind, 44,", "a 47-year-old man"). Scores are kept
but are not amounts of money: "The Lakers won 112 to 104" is a score.
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
    NUMBER_WORDS,
    QUALIFIER_PHRASES,
    SCALE_WORDS,
    SCORE_WORDS,
    TIME_UNITS,
    TROOP_NOUNS,
    UNIT_KIND_MEASURES,
    UNIT_WORDS,
    VAGUE_AMOUNTS,
)
from .measures import counted_noun, measure_of, subject_of
from .numerals import DigitNumber, digit_numbers, in_citation, is_clock_or_ratio
from .units import UnitMatch, currency_before, unit_after

__all__ = ["parse_number", "quantities_in", "with_sentence_quantities"]

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
_SUFFIX_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"[ \u00a0]?(hundred|thousand|million|billion|trillion|bn|mn|mln|bln)\b", re.IGNORECASE)
_MONEY_SCALE_AFTER = re.compile(r"[ \u00a0]?(k|m|mn|mln|bn|b|bln|tn|trn)\b", re.IGNORECASE)
_PLUS_MINUS = re.compile(r"[ \u00a0]?[±∓][ \u00a0]?")
_ORDINAL = re.compile(r"(st|nd|rd|th)\b", re.IGNORECASE)
_AGE_SUFFIX = re.compile(r"-(?:year|yr|month|week|day)s?-old", re.IGNORECASE)

_CALENDAR_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    ]
)


def _is_numberish(t) -> bool:
    low = t.lower_
    if _SUFFIX_SCALE.match(t.text) or low in NUMBER_WORDS or re.match(r"^\d[\d,]*(\.\d+)?$", t.text):
        return True
    return low in SCALE_WORDS and low not in ("m", "k")  # a bare "m" or "k" is a letter, not a scale


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits and/or words ("2.5 million", "a hundred", "forty-seven")."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        low = w.lower().replace(",", "")
        if low in ("a", "an") and not seen:
            current, seen = 1.0, True
            continue
        if low in ("and", "-"):
            continue
        m = _SUFFIX_SCALE.match(low)
        if m:
            current += float(m.group(1)) * SCALE_WORDS[m.group(2).lower()]
            seen = True
            continue
        if re.match(r"^\d+(\.\d+)?$", low):
            current += float(low)
            seen = True
        elif low == "dozen":
            current, seen = (current or 1) * 12, True  # "a dozen", "two dozen"
        elif low in NUMBER_WORDS:
            current += NUMBER_WORDS[low]
            seen = True
        elif low in SCALE_WORDS and seen:
            scale = SCALE_WORDS[low]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
    return total + current if seen else None


@dataclass
class _Ctx:
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


def _qualifier_before(doc, i: int, lo: int) -> tuple[str | None, int]:
    """Qualifier phrase ending just before token i (not before token ``lo``), and its first token."""
    words = [t.lower_ for t in doc[max(lo, i - 3):i]]
    for phrase, qual in QUALIFIER_PHRASES:
        p = phrase.split()
        if len(p) <= len(words) and words[-len(p):] == p:
            return qual, i - len(p)
    return None, i


def _bounds(low, high, qual):
    """Open the bound a qualifier leaves open ("at least 30" has no upper bound)."""
    if qual in ("at_least", "over"):
        return low, None
    if qual in ("up_to", "under"):
        return None, high
    return low, high


# ----------------------------------------------------------------- digits


def _skip_digits(c: _Ctx, n: DigitNumber, phones) -> bool:
    """Numbers in digits that are no amount by their characters: names, formulas, citations, clocks, phones."""
    text = c.text
    if any(a <= n.start < b for a, b in phones):
        return True
    before = text[n.start - 1] if n.start > c.clo else " "
    if before == "-" and n.start - 2 >= c.clo and text[n.start - 2].isalpha():
        return True  # "F-16", "COVID-19", "TRA-1"
    if before in "/#:" or n.start > c.clo and before.isalpha():
        return True
    if in_citation(text, n.start, n.end, c.clo, c.chi):
        return True
    if n.end < c.chi and text[n.end] == ":" and is_clock_or_ratio(text, n.start, c.chi) == "clock":
        return True
    return n.end < c.chi and (_ORDINAL.match(text, n.end, c.chi) is not None or text[n.end] == "s" and
                              re.match(r"\d{4}$", text[n.start:n.end]) is not None)


def _scale(c: _Ctx, end: int, money: bool) -> tuple[int, float]:
    """A scale word or (for money) suffix after a number: (new end, factor)."""
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


def _amount(c: _Ctx, n: DigitNumber) -> _Amount | None:
    """The number ``n`` with its currency, scale and unit; None when letters glued to it make it a name."""
    cur = currency_before(c.text, n.start, c.clo)
    end, factor = _scale(c, n.end, cur is not None)
    unit = unit_after(c.text, end, c.chi)
    glued = end < c.chi and c.text[end].isalpha()
    if glued and (unit is None or len(unit.written) == 1 and unit.kind != "percent" and "." not in c.text[n.start:n.end]):
        return None  # "187Os", "4He", "Fig. 3A", "16S", "2011a": letters glued to the number that are no unit
    if unit is None and end + 1 < c.chi and c.text[end] == "/" and c.text[end + 1].isalnum():
        return None  # "22/10a-4", "24/7": an identifier or a fraction
    if unit is not None and unit.kind == "money":
        cur = (cur[0] if cur else n.start, unit.unit)
    start = cur[0] if cur else n.start
    return _Amount(start, unit.end if unit else end, n.value * factor, unit, cur[1] if cur else None, factor)


def _hyphen_unit(c: _Ctx, a: _Amount) -> UnitMatch | None:
    """A unit joined by a hyphen ("an 8-year history", "a 2-min interval"): the unit, or None."""
    if a.unit or a.end + 1 >= c.chi or c.text[a.end] != "-" or not c.text[a.end + 1].isalpha():
        return None
    u = unit_after(c.text, a.end + 1, c.chi)
    return u if u is not None and u.kind != "money" and len(u.written) > 1 else None  # "1-D" is no unit


def _digit_quantities(c: _Ctx, out: list[Quantity]) -> list[tuple[int, int]]:
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
        a = _amount(c, n)
        if a is None:
            continue
        if _AGE_SUFFIX.match(text, a.end, c.chi):
            taken.append((n.start, a.end))
            continue  # "a 47-year-old man": an age as an attribute
        hyphen = _hyphen_unit(c, a)
        if hyphen is not None:
            a.unit, a.end = hyphen, hyphen.end
        elif a.unit is None and a.end + 1 < c.chi and text[a.end] == "-" and text[a.end + 1].isalpha():
            continue  # "the 150-seat assembly", "UPDATE 2-Velmora": an attribute, not an amount
        if is_clock_or_ratio(text, n.start, c.chi) == "ratio" and a.unit is None:
            r = re.match(r"[\d.]+:[\d.]+", text[n.start:])
            out.append(_plain(c, n.start, n.start + r.end(), n.value, n.value, "exact", kind="ratio"))
            taken.append((n.start, n.start + r.end()))
            while k < len(nums) and nums[k].start < n.start + r.end():
                k += 1
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


def _second(c: _Ctx, nums: list[DigitNumber], k: int, a: _Amount, plus_minus: bool = False):
    """The number that makes a range (or a ± spread) with amount ``a``: (separator word, DigitNumber) or None."""
    if k + 1 >= len(nums):
        return None
    n2 = nums[k + 1]
    if n2.start < a.end:
        return None
    gap = c.text[a.end:n2.qual_start if n2.qualifier else n2.start]
    if plus_minus:
        return ("±", n2) if _PLUS_MINUS.fullmatch(gap) else None
    m = re.fullmatch(r"[ \u00a0]?(–|—|-|−|to|and|or)[ \u00a0]?|[ \u00a0]?([–—−])[ \u00a0]?", gap)
    if m is None or n2.qualifier not in (None, "about") or n2.plus_minus:
        return None  # "between 200 and >1000 m" is no plain range; "from ∼20 to ∼180 ppm" is
    return (m.group(1) or m.group(2)), n2


def _digit_quantity(c: _Ctx, nums: list[DigitNumber], k: int, a: _Amount) -> tuple[Quantity | None, int]:
    """The quantity starting at nums[k] (amount ``a``): a range, a spread, a score or one value; and how many more numbers it used."""
    n = nums[k]
    text = c.text
    first = c.tok(n.start)
    if a.unit is None and a.currency is None and _label(c, n):
        return None, 0
    prev_word = _word_before(c, n.qual_start if n.qualifier else a.start)
    pm = _second(c, nums, k, a, plus_minus=True)
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
            if a.factor == 1.0 and b.factor != 1.0:
                a.value *= b.factor  # "$1-2 million", "10 to 12 thousand": the scale is shared
            a.currency = a.currency or b.currency
            lo_v, hi_v = a.value, b.value
            if _is_year(text[n.start:n.end]) and _is_year(text[sec[1].start:sec[1].end]) and unit is None:
                return None, 1  # "2008 to 2009", "2003–2004": years
            if hi_v <= lo_v and unit is None and a.currency is None and _score_context(c, first, sec[0]):
                return _plain(c, a.start, b.end, lo_v, hi_v, "exact", kind="score"), 1
            if hi_v < lo_v and prev_word == "from" and _change_context(_prev_tok(c, n.start)):
                pass  # "fell from 12 to 9": two values, read one by one
            else:
                q_start = _prev_tok(c, n.start).idx if prev_word in ("between", "from") else None
                return _finish(c, a, min(lo_v, hi_v), max(lo_v, hi_v), "range", unit, end=b.end, n=n,
                               q_start=q_start), 1
    if n.plus_minus and a.unit is not None:
        return _finish(c, a, -a.value, a.value, "range", a.unit, n=n, q_start=n.qual_start), 0
    return _finish(c, a, a.value, a.value, None, a.unit, n=n), 0


def _word_before(c: _Ctx, char: int) -> str:
    """The lower-case word just before character ``char`` ("" at the span's start)."""
    t = _prev_tok(c, char)
    return t.lower_ if t is not None else ""


def _prev_tok(c: _Ctx, char: int):
    t = c.tok(char)
    i = t.i if t.idx < char else t.i - 1
    while i >= c.lo and c.doc[i].is_space:
        i -= 1
    return c.doc[i] if i >= c.lo else None


def _is_year(s: str) -> bool:
    return re.fullmatch(r"\d{4}", s) is not None and YEAR_RANGE[0] <= int(s) <= YEAR_RANGE[1]


def _score_context(c: _Ctx, tok, sep: str) -> bool:
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


def _label_or_date(c: _Ctx, n: DigitNumber, a: _Amount) -> bool:
    """Whether a unitless number is a label ("Table 2", "phase 7"), a year, a date or an age."""
    text = c.text
    s = text[n.start:n.end]
    if a.unit is None and a.currency is None:
        if _is_year(s) and not _counts_noun(c, a):
            return True
        if _label(c, n):
            return True
    nxt = c.tok(a.end) if a.end < c.chi else None
    if nxt is not None and nxt.idx < a.end:
        nxt = c.doc[nxt.i + 1] if nxt.i + 1 < c.hi else None
    prev = _prev_tok(c, n.qual_start)
    lead = _list_head(c, prev)
    if lead is not None and lead.lower_ in NOT_AMOUNT_BEFORE and not (a.unit and a.unit.kind == "time"):
        return not _open_bound_after(c, a.end)  # "aged 34 and 51": attributes; "aged 70 or older": a criterion
    if (prev is not None and prev.lower_ in _CALENDAR_WORDS or nxt is not None and nxt.lower_ in _CALENDAR_WORDS) \
            and a.unit is None and re.fullmatch(r"\d{1,2}", s):
        return True  # "6 November", "November 6"
    if prev is not None and prev.text == "," and prev.i > c.lo and c.doc[prev.i - 1].ent_type_ == "PERSON" \
            and nxt is not None and nxt.text == "," and a.unit is None:
        return True  # "Dario Mensi, 44, built ...": an age
    return False


def _label(c: _Ctx, n: DigitNumber) -> bool:
    """Whether a unitless number names something: "Table 2", "Section 3.3", "phases 3, 5, and 7", "Boeing 737"."""
    t = _list_head(c, _prev_tok(c, n.qual_start))
    if t is None:
        return False
    low = t.lower_
    if low in LABEL_WORDS or low.rstrip(".") in LABEL_WORDS:
        return True
    if not re.fullmatch(r"\d+", c.text[n.start:n.end].lstrip("+")) or t.i + 1 >= len(c.doc) or \
            c.doc[t.i + 1].idx != n.qual_start:
        return False  # a name's number follows it directly: "clone 23", not "clone, 23"
    if t.i > t.sent.start and (t.pos_ == "PROPN" or t.is_upper and len(t) > 1 and t.is_alpha) \
            and t.ent_type_ not in ("DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return True  # "Pioneer 11", "Boeing 737", "OAE 2"
    return t.tag_ in ("NN", "NNP") and t.is_alpha and t.lower_ not in _CALENDAR_WORDS  # "clone 23", "axis 1"


def _list_head(c: _Ctx, t):
    """The word before a list of numbers that ends at token t ("phases 3, 5, and", "Figs. 14 and", "aged 19 and")."""
    while t is not None and t.i > c.lo and (t.like_num or t.lower_ in (",", "and", "or", "&", "to", "–", "-", ".")):
        t = c.doc[t.i - 1]
    return t


def _open_bound_after(c: _Ctx, end: int) -> bool:
    return re.match(r"[ \u00a0]?(or|and) (older|over|above|higher|more|younger|under|below)\b", c.text[end:c.chi]) \
        is not None


def _counts_noun(c: _Ctx, a: _Amount) -> bool:
    t = c.tok(a.end - 1)
    noun = counted_noun(t)
    return noun is not None and t.dep_ == "nummod"


def _finish(c: _Ctx, a: _Amount, low, high, qual, unit: UnitMatch | None, end: int | None = None,
            uncertainty: float | None = None, n: DigitNumber | None = None, q_start: int | None = None):
    """The Quantity for an amount in digits: qualifier, bounds, unit, kind, measure and subject."""
    if n is not None and _label_or_date(c, n, a):
        return None
    end = end or a.end
    start = q_start if q_start is not None else a.start
    if qual is None:
        qual = n.qualifier if n is not None and n.qualifier else None
        if qual is not None:
            start = min(start, n.qual_start)
        else:
            tok = c.tok(a.start)
            word_qual, qi = _qualifier_before(c.doc, tok.i, c.lo)
            qual = word_qual or "exact"
            if word_qual:
                start = c.doc[qi].idx
    low, high = _bounds(low, high, qual)
    anchor = c.tok(max(a.start, (n.end if n else end) - 1))
    return _make_unit(c, start, end, low, high, qual, a.currency, unit, anchor, uncertainty)


def _make_unit(c: _Ctx, start, end, low, high, qual, currency, unit: UnitMatch | None, anchor, uncertainty=None):
    """A Quantity with a unit, or a count (no unit) whose measure and subject come from the parse."""
    if currency:
        return _quantity(c, start, end, low, high, qual, "money", None, currency, "money", uncertainty)
    if unit is not None:
        measure = UNIT_KIND_MEASURES.get(unit.kind)
        kind = unit.kind if unit.kind != "symbol" else "measurement"
        return _quantity(c, start, end, low, high, qual, measure, None, unit.unit, kind, uncertainty)
    noun = counted_noun(anchor)
    if noun is not None and (noun.lower_ in TIME_UNITS or noun.lemma_.lower() in TIME_UNITS):
        noun = None
    measure, counted = measure_of(anchor, noun)
    if noun is not None and noun.i == anchor.i + 1 and noun.idx >= end and noun.i < c.hi and noun.is_alpha \
            and noun.tag_ in ("NNS", "NNPS"):
        end = noun.idx + len(noun.text)  # "5318 participants": the counted noun is the amount's unit
    skip = set(range(c.tok(start).i, anchor.i + 1))
    return _quantity(c, start, end, low, high, qual, measure, subject_of(counted, skip), None, "count", uncertainty)


def _quantity(c: _Ctx, start, end, low, high, qual, measure, subject, unit, kind, uncertainty=None) -> Quantity:
    return Quantity(text=c.text[start:end], low=low, high=high, qualifier=qual, measure=measure, start=start,
                    end=end, subject=subject, unit=unit, kind=kind, uncertainty=uncertainty)


def _plain(c: _Ctx, start, end, low, high, qual, kind) -> Quantity:
    return _quantity(c, start, end, low, high, qual, None, None, None, kind)


# ----------------------------------------------------------------- words


def _number_run(doc, i: int, hi: int) -> int:
    """End (exclusive) of the run of number tokens starting at i ("two million", "forty - seven")."""
    j = i
    while j < hi and _continues_number(doc, i, j, hi):
        j += 1
    return j


def _continues_number(doc, i: int, j: int, hi: int) -> bool:
    """Whether token j still belongs to the number that starts at token i."""
    t = doc[j]
    if _is_numberish(t) and not any(ch.isdigit() for ch in t.text):
        return True
    nxt = doc[j + 1].lower_ if j + 1 < hi else ""
    prev = doc[j - 1].lower_ if j > i else ""
    if t.lower_ in ("a", "an") and j == i:
        return nxt in SCALE_WORDS or nxt == "dozen"  # "a hundred", "a dozen"
    if t.text == "-" and j > i:
        return nxt in NUMBER_WORDS and prev in NUMBER_WORDS  # "forty-seven"
    if t.lower_ == "and" and j > i:
        return prev in ("hundred", "thousand") and nxt in NUMBER_WORDS  # "one hundred and fifty"
    return False


_VAGUE_BY_FIRST: dict[str, list[tuple[list[str], int, int]]] = {}
for _phrase, _lo, _hi in VAGUE_AMOUNTS:
    _VAGUE_BY_FIRST.setdefault(_phrase.split()[0], []).append((_phrase.split(), _lo, _hi))


def _vague_at(doc, i: int, hi: int) -> tuple[int, float, float] | None:
    """A vague amount starting at token i: (end token, low, high)."""
    for words, low, high in _VAGUE_BY_FIRST.get(doc[i].lower_, ()):
        if i + len(words) <= hi and [t.lower_ for t in doc[i:i + len(words)]] == words:
            return i + len(words), float(low), float(high)
    return None


def _word_quantities(c: _Ctx, taken: list[tuple[int, int]], out: list[Quantity]) -> None:
    """Quantities written in words ("forty-seven", "a dozen", "several hundred", "three years")."""
    doc = c.doc
    i = c.lo
    while i < c.hi:
        t = doc[i]
        if any(a <= t.idx < b for a, b in taken) or any(ch.isdigit() for ch in t.text):
            i += 1
            continue
        vague = _vague_at(doc, i, c.hi)
        if vague is not None:
            j, vlo, vhi = vague
            noun = counted_noun(doc[j - 1])
            measure, counted = measure_of(doc[j - 1], noun)
            if (noun is None or noun.lower_ not in TIME_UNITS) and (
                    measure is not None or (noun is not None and noun.lower_ in TROOP_NOUNS)):
                out.append(_quantity(c, t.idx, _tok_end(doc[j - 1]), vlo, vhi, "vague", measure,
                                     subject_of(counted, set(range(i, j))), None, "count"))
            i = j
            continue
        a_number = t.lower_ in ("a", "an") and i + 1 < c.hi and doc[i + 1].lower_ in ("hundred", "thousand",
                                                                                        "million", "dozen")
        if not (_is_numberish(t) or a_number):
            i += 1
            continue
        j = _number_run(doc, i, c.hi)
        if j == i:
            i += 1
            continue
        i = _word_quantity(c, i, j, out)


def _tok_end(t) -> int:
    return t.idx + len(t.text)


def _word_quantity(c: _Ctx, i: int, j: int, out: list[Quantity]) -> int:
    """Read the word number in tokens i..j (and a range after it); returns the token to go on from."""
    doc = c.doc
    t = doc[i]
    value = parse_number([x.text for x in doc[i:j]])
    if value is None or (j - i == 1 and t.lower_ in SCALE_WORDS and t.lower_ not in ("hundred", "thousand")):
        return j
    qi, q_start = _qualifier_before(doc, i, c.lo)
    low_v, high_v, qual, end_i = value, value, qi or "exact", j
    joined = j + 1 < c.hi and doc[j].lower_ in ("to", "-", "\u2013", "and", "or") and _is_numberish(doc[j + 1]) \
        and not any(ch.isdigit() for ch in doc[j + 1].text)
    if joined and (doc[j].lower_ != "and" or (i > c.lo and doc[i - 1].lower_ == "between")):
        k = _number_run(doc, j + 1, c.hi)
        other = parse_number([x.text for x in doc[j + 1:k]])
        if other is not None and other > value:
            low_v, high_v, qual, end_i = value, other, "range", k
            if i > c.lo and doc[i - 1].lower_ in ("between", "from"):
                q_start = i - 1
    last = doc[end_i - 1]
    if t.ent_type_ == "ORDINAL" or (t.ent_type_ in ("DATE", "TIME") and _date_like(t)):
        return end_i
    prev = doc[i - 1] if i > c.lo else None
    if prev is not None and prev.lower_ in NOT_AMOUNT_BEFORE:
        return end_i
    start = doc[q_start if qi or qual == "range" else i].idx
    end = _tok_end(last)
    low_v, high_v = _bounds(low_v, high_v, qual)
    unit = unit_after(c.text, end, c.chi)
    if unit is not None and _AGE_SUFFIX.match(c.text, end, c.chi) is None:
        if unit.kind == "points" and t.lower_ == "one":
            return end_i
        out.append(_make_unit(c, start, unit.end, low_v, high_v, qual, None, unit, last))
        return end_i
    if end < c.chi and c.text[end] == "-" and _AGE_SUFFIX.match(c.text, end, c.chi) is None:
        hy = unit_after(c.text, end + 1, c.chi)
        if hy is not None and hy.kind not in ("money",):
            out.append(_make_unit(c, start, hy.end, low_v, high_v, qual, None, hy, last))
        return end_i  # "a 30-second video": a duration; "three-storey": an attribute
    noun = counted_noun(last)
    if t.lower_ == "one" and noun is None:
        return end_i
    if noun is not None and (noun.lower_ in TIME_UNITS or noun.lemma_.lower() in TIME_UNITS):
        if noun.lower_ in UNIT_WORDS and noun.i < c.hi and noun.i > last.i:  # "three consecutive days"
            unit, kind = UNIT_WORDS[noun.lower_]
            out.append(_quantity(c, start, _tok_end(noun), low_v, high_v, qual, None, None, unit, kind))
        return end_i
    measure, counted = measure_of(last, noun)
    if noun is None and measure is None:
        return end_i  # "not zero", "six were": a number word counting nothing named
    q = _make_unit(c, start, end, low_v, high_v, qual, None, None, last)
    out.append(q)
    return end_i


def _date_like(tok) -> bool:
    """Whether the DATE/TIME entity around a number really is one (a calendar word, a year, a clock time)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return False
    for t in ent:
        low = t.lower_
        if low in _CALENDAR_WORDS or ":" in low or "/" in low or low in ("ago", "earlier", "later", "today",
                                                                          "yesterday", "tomorrow"):
            return True
        if _is_year(low):
            return True
    return False


# ----------------------------------------------------------------- entry point


def quantities_in(parsed, start: int, end: int) -> tuple[Quantity, ...]:
    """Quantities whose words lie within parsed.text[start:end], in text order."""
    doc = parsed
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    text = doc.text
    c = _Ctx(doc, text, span.start, span.end, max(start, span.start_char), min(end, span.end_char),
             [t.idx for t in doc])
    out: list[Quantity] = []
    taken = _digit_quantities(c, out)
    _word_quantities(c, taken, out)
    out.sort(key=lambda q: (q.start, q.end))
    return tuple(out)


def with_sentence_quantities(parsed, claims: list) -> list:
    """Claims given the quantities of their sentences that lie outside every claim of that sentence.

    A claim covers part of its sentence ("the band at 215–225 nm indicates
    that ..." keeps only what is indicated); the amounts in the rest of the
    sentence would be lost. Each goes to the nearest claim of its sentence,
    with its own offsets, so every amount a claim sentence states is kept.
    """
    by_sent: dict[tuple[int, int], list[int]] = {}
    for k, cl in enumerate(claims):
        by_sent.setdefault((cl.sentence_start, cl.sentence_end), []).append(k)
    out = list(claims)
    for (ss, se), ks in by_sent.items():
        if ss < 0 or se <= ss:
            continue
        spans = [(claims[k].start, claims[k].end) for k in ks]
        held = [(q.start, q.end) for k in ks for q in claims[k].quantities]
        for q in quantities_in(parsed, ss, se):
            if any(a <= q.start < b or a < q.end <= b for a, b in spans + held):
                continue
            k = min(ks, key=lambda k: min(abs(q.start - claims[k].end), abs(claims[k].start - q.end)))
            cl = out[k]
            out[k] = replace(cl, quantities=tuple(sorted(cl.quantities + (q,), key=lambda x: (x.start, x.end))))
    return out
