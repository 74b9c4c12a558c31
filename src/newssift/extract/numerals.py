"""Numbers written in digits, read from the characters of the text.

``digit_numbers`` finds every number written with digits ("2617.4", "10,000",
"−27.2", ".64", "1.2 × 10−3", "3bn") with the sign or symbol in front of it that
qualifies it ("∼", "<", "≥", "±"). ``not_an_amount`` tells numbers that are
not amounts by their characters alone: parts of names and formulas ("F-16",
"CO2", "187Os"), citation and equation numbers ("[21]", "(14–17)", "(2)"),
times of day ("10:30") and phone numbers. Labels, years and dates need the
words around them and are judged in ``quantities``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SYMBOL_QUALIFIERS", "DigitNumber", "digit_numbers", "in_citation", "number_value"]

#: Symbols in front of a number and the qualifier they give it.
SYMBOL_QUALIFIERS = {
    "~": "about", "∼": "about", "≈": "about", "≃": "about", "≅": "about", "˜": "about", "c.": "about",
    "ca.": "about", "<": "under", "＜": "under", "≲": "under", ">": "over", "＞": "over", "≳": "over",
    "≤": "up_to", "⩽": "up_to", "<=": "up_to", "≥": "at_least", "⩾": "at_least", ">=": "at_least",
}

_NUMBER = re.compile(
    r"(?<![\w.\u2032\u2033])"  # not inside a word, a version number or a coordinate
    r"(?P<sign>[-−–+](?=[\d.]))?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<sci>\s?[×x✕]\s?10(?:\^\s?|\s)?(?P<exp>[-−–]?\d{1,3})(?!\d)|[eE](?P<eexp>[-+−]?\d{1,3})(?![\w]))?"
)
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_CITATION = re.compile(r"[\[({][\d\s,;–\-−]+[\])}]")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_RATIO = re.compile(r"\d+(?:\.\d+)?:\d+(?:\.\d+)?")


@dataclass(frozen=True)
class DigitNumber:
    """A number in digits: where it lies, its value, and the symbol qualifying it."""

    start: int  # first character of the number itself (its sign included)
    end: int
    value: float
    qual_start: int  # start of the qualifying symbol, or ``start``
    qualifier: str | None  # about, under, over, up_to, at_least, or None
    plus_minus: bool = False  # written "±12": a spread either side of zero
    scientific: bool = False  # written "1.2 × 10−3"


def number_value(num: str, sign: str | None = None) -> float:
    """The value of a digit number as written ("10,000" -> 10000, ".64" -> 0.64, sign "−" makes it negative)."""
    v = float(num.replace(",", ""))
    return -v if sign and sign in "-−–" else v


def _qualifier_symbol(text: str, start: int, lo: int) -> tuple[int, str | None, bool]:
    """The symbol before a number: (its start, qualifier, whether it is "±")."""
    k = start
    while k > lo and text[k - 1] in " \u00a0\u2009":
        k -= 1
    for sym in ("<=", ">=", "ca.", "c."):
        if text[max(lo, k - len(sym)):k] == sym and (k - len(sym) == lo or not text[k - len(sym) - 1].isalnum()):
            return k - len(sym), SYMBOL_QUALIFIERS[sym], False
    if k > lo and text[k - 1] in SYMBOL_QUALIFIERS:
        return k - 1, SYMBOL_QUALIFIERS[text[k - 1]], False
    if k > lo and text[k - 1] in "±∓":
        return k - 1, None, True
    return start, None, False


def digit_numbers(text: str, lo: int, hi: int) -> list[DigitNumber]:
    """Every number written in digits in text[lo:hi], in order."""
    out: list[DigitNumber] = []
    for m in _NUMBER.finditer(text, lo, hi):
        sign = m.group("sign")
        start = m.start()
        if sign and start > lo and (text[start - 1].isalnum() or text[start - 1] in ")]%"):
            start += 1  # "2-4", "TRA-1": a hyphen, not a minus
            sign = None
        try:
            value = number_value(m.group("num"), sign)
        except ValueError:
            continue
        exp = m.group("exp") or m.group("eexp")
        if exp:
            value *= 10 ** int(exp.translate(_SUPER).replace("−", "-").replace("–", "-"))
        qs, qual, pm = _qualifier_symbol(text, start, lo)
        out.append(DigitNumber(start, m.end(), value, qs, qual, pm, bool(exp)))
    return out


def in_citation(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether text[start:end] is a number inside a citation or equation bracket ("[21]", "(4,35–38)", "(2)")."""
    k = max(text.rfind(b, max(lo, start - 40), start) for b in "[({")
    if k < 0:
        return False
    m = _CITATION.match(text, k, min(hi, end + 40))
    if m is None or m.end() < end:
        return False
    # "(563–624) ± 30 K" and "(4–6)×10−3 Pa" are ranges, not citations
    return re.match(r"[ \u00a0]?(?:[±∓]|[×✕][ \u00a0]?10)", text[m.end():m.end() + 6]) is None


def is_clock_or_ratio(text: str, start: int, hi: int) -> str | None:
    """ "clock" for a time of day ("10:30", "01:25:40"), "ratio" for "1:3", else None."""
    m = _CLOCK.match(text, start, hi)
    if m and (m.end() == hi or not text[m.end()].isdigit()) and int(m.group(0).split(":")[1]) < 60:
        parts = m.group(0).split(":")
        after = text[m.end():m.end() + 6].strip().lower()
        if len(parts) == 3 or len(parts[0]) == 2 or re.match(r"(am|pm|a\.m|p\.m|ut|gmt|h\b|hrs|local)", after):
            return "clock"  # "10:30", "01:25:40", "9:15 pm"; "1:10" alone is a ratio
    m = _RATIO.match(text, start, hi)
    if m and (m.end() == hi or not text[m.end()].isdigit()):
        return "ratio"
    return None
