"""Units and currencies around a number, read from the characters of the text.

``unit_after`` reads the unit written after a number: a sign ("%", "‰", "°C"),
a unit word or phrase ("per cent", "kilometres", "years", "degrees Celsius"), or
a unit symbol, plain or compound ("km", "mA/cm2", "kg s−1", "Mg ha−1 year−1").
Unit words and the symbols that science writes but pint lacks ("wt%", "ppm",
"Rp", "Ma") are in ``lexicon``; any other symbol is checked against pint's
unit registry (SI prefixes included), so "nbar", "kDa" or "GPa" need no list.
``currency_before`` and ``currency_after`` read money: signs and ISO codes in
front ("£2.3m", "US$ 40", "EUR 5"), currency words behind ("5,000 won").

The spaCy tokens are not used: scientific units are split and glued in ways the
tokenizer does not follow ("107kgs-1", "∼2–3 mA/cm2"); characters are exact.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    DIMENSION_WORDS,
    EXTRA_UNIT_SYMBOLS,
    UNIT_STOPWORDS,
    UNIT_WORDS,
)

__all__ = ["UnitMatch", "currency_after", "currency_before", "is_unit_symbol", "unit_after"]

#: Spaces allowed between a number and its unit (at most one).
_SPACE = " \u00a0\u2009\u202f"

#: English words that pint also reads as units; alone after a space they are words.
_ENGLISH_UNITS = frozenset(
    ["cup", "cups", "ton", "tex", "rad", "drop", "drops", "line", "lines", "hand", "hands", "knot", "turn", "turns", "dot", "dots", "pint", "slug", "sol", "sun", "count", "pole", "rod", "chain", "link", "span", "hide", "bag", "gross", "ream", "score", "shake", "light", "force", "grain", "stone", "barn", "cycle", "cycles", "bit", "bits", "mil", "sample", "sec"]
)

#: Longest unit words and symbol phrases, in words, tried first.
_MAX_PHRASE_WORDS = 3

#: Longest unit symbol, in characters, looked up in pint ("mmol", "kDa", "µbar").
#: Chosen by a sweep on the MeasEval dev paragraphs (docs/quantities.md).
MAX_SYMBOL_CHARS = 6

#: A lower-case ASCII atom this long or longer is a word, never a symbol pint
#: might read as one ("cats" as centi-at-s): unit words are in lexicon.UNIT_WORDS.
#: Chosen by a sweep on the MeasEval dev paragraphs (docs/quantities.md).
WORD_MIN_CHARS = 5

_SIGN = re.compile(r"(%|‰|‱|°\s?[CFK](?![A-Za-z])|º\s?[CF](?![A-Za-z])|°\s?[NSEW](?![a-z])|°|º|′|″|×(?!\s?\d))")
_ATOM = re.compile(
    r"(?P<sym>[A-Za-zμµΩÅ][A-Za-zμµΩÅ]{0,5}|°[CF]?)"
    r"(?P<exp>\^?[\-−–]\s?[1-4](?!\d|[.,]\d)|\^?[1-4](?!\d|[.,]\d)|[⁻]?[¹²³⁴]+)?"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_PER = re.compile(r"[ \u00a0]+per[ \u00a0]+")


@dataclass(frozen=True)
class UnitMatch:
    """A unit after a number: where it ends, how it is written, its normalised form and kind."""

    end: int  # character offset just after the unit
    written: str  # the unit as written
    unit: str  # normalised: "%", "km", "USD", "mA/cm2"
    kind: str  # percent, time, length, mass, area, volume, temperature, money, ratio, symbol, ...


#: What pint raises for a string it cannot read as a unit (its own errors, and
#: Python's for odd characters in the expression parser).
_PINT_ERRORS = (ValueError, TypeError, AttributeError, KeyError, SyntaxError, IndexError)


@functools.lru_cache(maxsize=1)
def _pint_error() -> type:
    """pint's base error class (imported with pint, on first use)."""
    from pint.errors import PintError

    return PintError


@functools.lru_cache(maxsize=1)
def _registry():
    """pint's default unit registry, loaded once (a fraction of a second)."""
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=4096)
def _pint_kind(sym: str) -> str | None:
    """The kind of a unit symbol pint knows ("km" -> "length"), or None when it is no unit symbol."""
    if not sym or len(sym) > MAX_SYMBOL_CHARS:
        return None
    ureg = _registry()
    errors = _PINT_ERRORS + (_pint_error(),)
    try:
        symbol = ureg.get_symbol(sym)
    except errors:  # not a unit pint can read
        return None
    if symbol is None or _fold(symbol) != _fold(sym):
        return None  # "cats" reads as centi-"at"s, "Gyr" as "Ga": only a symbol written as pint writes it
    try:
        dims = dict(ureg.Unit(sym).dimensionality)
    except errors:
        return "symbol"
    return _DIMENSION_KINDS.get(tuple(sorted(dims.items())), "symbol")


_DIMENSION_KINDS = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[time]", 1),): "time",
    (("[temperature]", 1),): "temperature",
}


def _fold(sym: str) -> str:
    """A symbol with the micro signs and the litre's capital L folded (pint writes "µ" and "l")."""
    return sym.replace("μ", "µ").replace("L", "l")


def is_unit_symbol(sym: str) -> bool:
    """Whether ``sym`` is a unit symbol: one of lexicon's extra symbols or one pint knows (with prefixes)."""
    return bool(EXTRA_UNIT_SYMBOLS.get(sym)) or _pint_kind(sym) is not None


def _atom_ok(sym: str, spaced: bool) -> bool:
    """Whether one unit atom is a unit; ``spaced`` when a space separates it from the number."""
    if sym.startswith("°"):
        return True
    if spaced and (sym.lower() in UNIT_STOPWORDS or sym.lower() in _ENGLISH_UNITS):
        return False
    if EXTRA_UNIT_SYMBOLS.get(sym) or sym.lower() in UNIT_WORDS and len(sym) > 1:
        return True
    if sym.islower() and sym.isascii() and len(sym) >= WORD_MIN_CHARS:
        return False  # a long lower-case word: a unit word is in UNIT_WORDS, anything else is a word
    return _pint_kind(sym) is not None or not spaced and _two_symbols(sym)


def _two_symbols(sym: str) -> bool:
    """Whether ``sym`` is two unit symbols written together ("kgs" = kg s, "Vs" = V s, "mWm" = mW m)."""
    return any(_pint_kind(sym[:k]) and sym[k].islower() and _pint_kind(sym[k:]) for k in range(len(sym) - 1, 0, -1))


def _word_unit(text: str, j: int, limit: int) -> tuple[int, str, str] | None:
    """The longest unit word or phrase at j: (end, normalised unit, kind)."""
    words, k = [], j
    for _ in range(_MAX_PHRASE_WORDS):
        m = _WORD.match(text, k, limit)
        if m is None:
            break
        words.append((m.group(0).lower(), m.end()))
        k = m.end()
        if k < limit and text[k] in " \u00a0":
            k += 1
        else:
            break
    for n in range(len(words), 0, -1):
        phrase = " ".join(w for w, _ in words[:n])
        end = words[n - 1][1]
        if end < limit and (text[end].isalnum()):
            continue
        if phrase in UNIT_WORDS:
            unit, kind = UNIT_WORDS[phrase]
            return end, unit, kind
    return None


def _extra_symbol(text: str, j: int, limit: int) -> tuple[int, str] | None:
    """The longest of lexicon's extra unit symbols at j ("wt.%", "ppm", "Rp"): (end, normalised)."""
    best = None
    for sym, norm in EXTRA_UNIT_SYMBOLS.items():
        if norm and text.startswith(sym, j) and j + len(sym) <= limit:
            end = j + len(sym)
            if end < limit and text[end].isalnum():
                continue  # "Mar", "Ma2": the symbol is the start of a word
            if best is None or end > best[0]:
                best = (end, norm)
    return best


def _compound(text: str, j: int, limit: int, spaced: bool) -> int | None:
    """End of a symbol unit at j, plain or compound ("km", "mA/cm2", "kg s−1", "mWm−2"), or None."""
    m = _ATOM.match(text, j, limit)
    if m is None or not _atom_ok(m.group("sym"), spaced):
        return None
    end = m.end()
    if end < limit and text[end].isalpha():
        return None  # "5 mice", "3D": the atom is the start of a word
    if len(m.group(0)) == 1 and _hyphen_word(text, end, limit):
        return None  # "2 e-mails", "40 x-rays", "3 T-cells": a letter of a hyphenated word, not a unit
    while end < limit:
        sep = text[end]
        if sep in "/·⋅" and end + 1 < limit:
            n = _ATOM.match(text, end + 1, limit)
            if n and _atom_ok(n.group("sym"), False) and not (n.end() < limit and text[n.end()].isalpha()):
                end = n.end()
                continue
        if sep == " ":
            n = _ATOM.match(text, end + 1, limit)
            # Space-joined atoms only with a negative exponent: "m s−1", "g cm−3", not "m in".
            if n and n.group("exp") and n.group("exp").lstrip("^")[:1] in "-−–⁻" and _atom_ok(n.group("sym"), False) \
                    and not (n.end() < limit and text[n.end()].isalpha()):
                end = n.end()
                continue
        break
    return end


def _hyphen_word(text: str, end: int, limit: int) -> bool:
    """Whether a hyphen and a word follow ``end``, the word no dimension ("m-high", "m-long" keep their unit)."""
    if end + 1 >= limit or text[end] != "-":
        return False
    w = _WORD.match(text, end + 1, limit)
    return w is not None and w.group(0).lower().split("-")[0] not in DIMENSION_WORDS


def unit_after(text: str, pos: int, limit: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos`` (not past ``limit``), or None."""
    j = pos
    if j < limit and text[j] in _SPACE:
        j += 1
    if j >= limit:
        return None
    spaced = j > pos
    sign = _SIGN.match(text, j, limit)
    if sign:
        s = sign.group(0)
        norm = {"º": "°"}.get(s, s.replace(" ", "").replace("º", "°"))
        kind = "percent" if s in "%‰‱" else "ratio" if s == "×" else "temperature" if s[-1] in "CFK" else "angle"
        end = _slash_tail(text, sign.end(), limit)
        return _per(text, UnitMatch(end, text[j:end], norm + text[sign.end():end], kind), limit)
    word = _word_unit(text, j, limit)
    extra = _extra_symbol(text, j, limit)
    if extra and (word is None or extra[0] > word[0]) and (not spaced or extra[1].lower() not in UNIT_STOPWORDS):
        end = _slash_tail(text, extra[0], limit)
        return _per(text, UnitMatch(end, text[j:end], extra[1] + text[extra[0]:end], "symbol"), limit)
    if word:
        end = _slash_tail(text, word[0], limit) if word[2] != "ratio" else word[0]
        return _per(text, UnitMatch(end, text[j:end], word[1] + text[word[0]:end], word[2]), limit)
    cur = currency_after(text, pos, limit)
    if cur:
        return cur
    end = _compound(text, j, limit, spaced)
    if end is None:
        return None
    written = text[j:end]
    kind = _pint_kind(written) or "symbol"
    return _per(text, UnitMatch(end, written, written, kind), limit)


def _slash_tail(text: str, end: int, limit: int) -> int:
    """End of "/unit" after a sign ("°C/min", "%/yr"), or ``end`` when none follows."""
    if end + 1 < limit and text[end] == "/":
        n = _ATOM.match(text, end + 1, limit)
        if n and _atom_ok(n.group("sym"), False) and not (n.end() < limit and text[n.end()].isalpha()):
            return n.end()
    return end


def _per(text: str, um: UnitMatch, limit: int) -> UnitMatch:
    """Extend a unit by "per" and a unit ("% per year", "km per hour")."""
    m = _PER.match(text, um.end, limit)
    if m is None:
        return um
    word = _word_unit(text, m.end(), limit)
    if word:
        end = word[0]
    else:
        end = _compound(text, m.end(), limit, False)
        if end is None:
            return um
    return UnitMatch(end, text[um.end - len(um.written):end], f"{um.unit}/{text[m.end():end]}", um.kind)


def currency_before(text: str, start: int, lo: int) -> tuple[int, str] | None:
    """A currency sign or code just before a number starting at ``start``: (its start, ISO code)."""
    for sym in sorted(CURRENCY_BEFORE, key=len, reverse=True):
        for gap in ("", " ", "\u00a0"):
            s = start - len(gap) - len(sym)
            if s < lo or text[s:start] != sym + gap:
                continue
            if sym[0].isalpha() and s > lo and text[s - 1].isalnum():
                continue  # "ABCUSD 5": a code inside a word
            if sym[-1].isalpha() and not gap:
                continue  # "Rs5" is fine, but "EUR5" / "USD5" are written with a space; "a5" is no money
            return s, CURRENCY_BEFORE[sym]
    return None


def currency_after(text: str, pos: int, limit: int) -> UnitMatch | None:
    """A currency word after an amount ("5,000 won", "3 million euros"): money only after a number."""
    j = pos + 1 if pos < limit and text[pos] in _SPACE else pos
    m = _WORD.match(text, j, limit)
    if m is None or j == pos:
        return None
    word = m.group(0).lower()
    if word == "pounds" and _WORD.match(text, m.end() + 1, limit) and text[m.end() + 1:m.end() + 9].lower() == "sterling":
        return UnitMatch(m.end() + 9, text[j:m.end() + 9], "GBP", "money")
    if word in CURRENCY_AFTER:
        return UnitMatch(m.end(), m.group(0), CURRENCY_AFTER[word], "money")
    return None
