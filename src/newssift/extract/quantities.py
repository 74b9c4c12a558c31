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

import re
from dataclasses import replace

from ..models import Quantity
from .digits import (
    AGE_SUFFIX,
    CALENDAR_WORDS,
    NOT_AMOUNT_BEFORE,
    Ctx,
    digit_quantities,
    is_year,
    make_quantity,
    new_quantity,
    open_bounds,
    qualifier_before,
)
from .lexicon import (
    NUMBER_WORDS,
    SCALE_WORDS,
    TIME_UNITS,
    TROOP_NOUNS,
    UNIT_WORDS,
    VAGUE_AMOUNTS,
)
from .measures import counted_noun, measure_of, subject_of
from .parsed import doc_text, token_digits, token_lowers, token_starts
from .units import unit_after

__all__ = ["parse_number", "quantities_in", "with_sentence_quantities"]

_SUFFIX_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.IGNORECASE)


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
    if j > i and doc[j - 1].lower_ in NUMBER_WORDS and t.lower_ not in SCALE_WORDS and _hyphen_compound(doc, j, hi):
        return False  # "twenty eight-second integrations": 20 of them, each of 8 s
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


def _hyphen_compound(doc, j: int, hi: int) -> bool:
    """Whether token j starts a hyphenated compound with a word ("eight-second", "five-year")."""
    return j + 2 < hi and doc[j + 1].text == "-" and doc[j + 2].is_alpha and doc[j + 2].lower_ not in NUMBER_WORDS


#: Fractions written after a whole number in words: "two and a half years", "four and a quarter".
_FRACTIONS = {("and", "a", "half"): 0.5, ("and", "a", "quarter"): 0.25, ("and", "three", "quarters"): 0.75}


def _with_fraction(doc, j: int, hi: int, value: float) -> tuple[float, int]:
    """The value with a fraction and scale written after it ("two and a half million"), and the token after them."""
    words = tuple(t.lower_ for t in doc[j:j + 3])
    if j + 3 > hi or words not in _FRACTIONS:
        return value, j
    value, j = value + _FRACTIONS[words], j + 3
    while j < hi and doc[j].lower_ in SCALE_WORDS and doc[j].lower_ not in ("m", "k"):
        value *= SCALE_WORDS[doc[j].lower_]  # "one and a half million"
        j += 1
    return value, j


_VAGUE_BY_FIRST: dict[str, list[tuple[list[str], int, int]]] = {}
for _phrase, _lo, _hi in VAGUE_AMOUNTS:
    _VAGUE_BY_FIRST.setdefault(_phrase.split()[0], []).append((_phrase.split(), _lo, _hi))


def _vague_in(lowers: list[str], i: int, hi: int) -> tuple[int, float, float] | None:
    """A vague amount starting at token i: (end token, low, high), read from the tokens' lower-case forms."""
    for words, low, high in _VAGUE_BY_FIRST.get(lowers[i], ()):
        if i + len(words) <= hi and lowers[i:i + len(words)] == words:
            return i + len(words), float(low), float(high)
    return None


def _numberish_word(low: str) -> bool:
    """``_is_numberish`` of a token without a digit, from its lower-case form alone."""
    return low in NUMBER_WORDS or (low in SCALE_WORDS and low not in ("m", "k"))


def _word_quantities(c: Ctx, taken: list[tuple[int, int]], out: list[Quantity]) -> None:
    """Quantities written in words ("forty-seven", "a dozen", "several hundred", "three years").

    The scan reads the parse's per-token lower-case forms and digit marks
    (``extract/parsed``); only a token that may start an amount is looked
    at as a spaCy token.
    """
    doc = c.doc
    lowers, digits, starts = token_lowers(doc), token_digits(doc), c.starts
    i = c.lo
    while i < c.hi:
        low = lowers[i]
        # Most tokens can start no word amount: the cheap tests on the
        # lower-case form come before the scan of the spans already taken.
        if digits[i] or not (low in _VAGUE_BY_FIRST or _numberish_word(low) or low in ("a", "an")) \
                or any(a <= starts[i] < b for a, b in taken):
            i += 1
            continue
        vague = _vague_in(lowers, i, c.hi)
        if vague is not None:
            t = doc[i]
            j, vlo, vhi = vague
            noun = counted_noun(doc[j - 1])
            measure, counted = measure_of(doc[j - 1], noun)
            if (noun is None or noun.lower_ not in TIME_UNITS) and (
                    measure is not None or (noun is not None and noun.lower_ in TROOP_NOUNS)):
                out.append(new_quantity(c, t.idx, _tok_end(doc[j - 1]), vlo, vhi, "vague", measure,
                                     subject_of(counted, set(range(i, j))), None, "count"))
            i = j
            continue
        a_number = low in ("a", "an") and i + 1 < c.hi and lowers[i + 1] in ("hundred", "thousand", "million", "dozen")
        if not (_numberish_word(low) or a_number):
            i += 1
            continue
        j = _number_run(doc, i, c.hi)
        if j == i:
            i += 1
            continue
        i = _word_quantity(c, i, j, out)


def _tok_end(t) -> int:
    return t.idx + len(t.text)


def _word_quantity(c: Ctx, i: int, j: int, out: list[Quantity]) -> int:
    """Read the word number in tokens i..j (and a range after it); returns the token to go on from."""
    doc = c.doc
    t = doc[i]
    value = parse_number([x.text for x in doc[i:j]])
    if value is None or (j - i == 1 and t.lower_ in SCALE_WORDS and t.lower_ not in ("hundred", "thousand")):
        return j
    whole = j
    value, j = _with_fraction(doc, j, c.hi, value)
    qi, q_start = qualifier_before(doc, i, c.lo)
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
    if j > whole and end_i == j and last.lower_ in ("half", "quarter", "quarters"):
        last = doc[whole - 1]  # "four and a half solar cycles": the number word counts, the fraction adds
    if t.ent_type_ == "ORDINAL" or (t.ent_type_ in ("DATE", "TIME") and _date_like(t)):
        return end_i
    prev = doc[i - 1] if i > c.lo else None
    if prev is not None and prev.lower_ in NOT_AMOUNT_BEFORE:
        return end_i
    start = doc[q_start if qi or qual == "range" else i].idx
    end = _tok_end(doc[end_i - 1])
    low_v, high_v = open_bounds(low_v, high_v, qual)
    unit = unit_after(c.text, end, c.chi)
    if unit is not None and AGE_SUFFIX.match(c.text, end, c.chi) is None:
        if unit.kind == "points" and t.lower_ == "one":
            return end_i
        out.append(make_quantity(c, start, unit.end, low_v, high_v, qual, None, unit, last))
        return end_i
    if end < c.chi and c.text[end] == "-" and AGE_SUFFIX.match(c.text, end, c.chi) is None:
        hy = unit_after(c.text, end + 1, c.chi)
        if hy is not None and hy.kind not in ("money",):
            out.append(make_quantity(c, start, hy.end, low_v, high_v, qual, None, hy, last))
        return end_i  # "a 30-second video": a duration; "three-storey": an attribute
    noun = counted_noun(last)
    if t.lower_ == "one" and noun is None:
        return end_i
    if noun is not None and (noun.lower_ in TIME_UNITS or noun.lemma_.lower() in TIME_UNITS):
        if noun.lower_ in UNIT_WORDS and noun.i < c.hi and noun.i > last.i:  # "three consecutive days"
            unit, kind = UNIT_WORDS[noun.lower_]
            out.append(new_quantity(c, start, _tok_end(noun), low_v, high_v, qual, None, None, unit, kind))
        return end_i
    measure, _counted = measure_of(last, noun)
    if noun is None and measure is None:
        return end_i  # "not zero", "six were": a number word counting nothing named
    if t.lower_ == "one" and j - i == 1 and qual == "exact" and measure in (None, noun.lower_ if noun else None):
        return end_i  # "one theory suggests", "in one case": a determiner, unless it counts a toll or is bounded
    q = make_quantity(c, start, end, low_v, high_v, qual, None, None, last)
    out.append(q)
    return end_i


def _entity_tokens(tok) -> list:
    """The tokens of the named entity ``tok`` is in (empty if none), read from its IOB tags.

    Walking the tags costs the entity's length; scanning ``doc.ents`` for
    every number cost the whole document each time (quadratic in a long article).
    """
    if not tok.ent_iob_ or tok.ent_iob_ == "O":
        return []
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return list(doc[i:j])


def _date_like(tok) -> bool:
    """Whether the DATE/TIME entity around a number really is one (a calendar word, a year, a clock time)."""
    ent = _entity_tokens(tok)
    if not ent:
        return False
    for t in ent:
        low = t.lower_
        if low in CALENDAR_WORDS or ":" in low or "/" in low or low in ("ago", "earlier", "later", "today",
                                                                          "yesterday", "tomorrow"):
            return True
        if is_year(low):
            return True
    return False


# ----------------------------------------------------------------- entry point
def quantities_in(parsed, start: int, end: int) -> tuple[Quantity, ...]:
    """Quantities whose words lie within parsed.text[start:end], in text order."""
    doc = parsed
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    text = doc_text(doc)
    c = Ctx(doc, text, span.start, span.end, max(start, span.start_char), min(end, span.end_char),
             token_starts(doc))
    out: list[Quantity] = []
    taken = digit_quantities(c, out)
    _word_quantities(c, taken, out)
    out.sort(key=lambda q: (q.start, q.end))
    return tuple(_over_as_preposition(text, out))


_OVER = re.compile(r"over\s+", re.IGNORECASE)


def _over_as_preposition(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Quantities whose "over" follows another amount with a unit: "over" there means across or compared with.

    "£5m over three years", "rose 5% over 10 years", "6 kg over 4.5 kg": the
    second amount is exact, not "more than". After a count "over" still
    qualifies ("10 men over 60" are older than 60).
    """
    out = list(qs)
    for k, q in enumerate(out):
        m = _OVER.match(q.text) if q.qualifier == "over" else None
        if m is None or not any(p.end <= q.start and not text[p.end:q.start].strip() and p.kind != "count"
                                for p in out[:k]):
            continue
        out[k] = replace(q, text=q.text[m.end():], start=q.start + m.end(), qualifier="exact", high=q.low)
    return out


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
        if _claims_cover(doc_text(parsed), ss, se, spans):
            continue  # no amount can start outside the claims: the sentence would add nothing
        held = [(q.start, q.end) for k in ks for q in claims[k].quantities]
        for q in quantities_in(parsed, ss, se):
            if any(a <= q.start < b or a < q.end <= b for a, b in spans + held):
                continue
            k = min(ks, key=lambda k: min(abs(q.start - claims[k].end), abs(claims[k].start - q.end)))
            cl = out[k]
            out[k] = replace(cl, quantities=tuple(sorted(cl.quantities + (q,), key=lambda x: (x.start, x.end))))
    return out


#: Characters no amount starts at: space and sentence punctuation. An amount
#: starts at a number, a number word, its qualifier ("at least", "~") or
#: its currency sign.
_NEVER_STARTS = frozenset(" \t\n\r\u00a0.,;:!?\"\u201c\u201d")


def _claims_cover(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the claim spans cover every character of ``text[start:end]`` an amount could start at.

    Then every amount the sentence holds starts inside a claim, which
    ``with_sentence_quantities`` leaves to that claim, so the sentence need
    not be read a second time (most sentences are one claim from end to end).
    """
    pos = start
    for a, b in sorted(spans):
        if a > pos and any(ch not in _NEVER_STARTS for ch in text[pos:min(a, end)]):
            return False
        pos = max(pos, b)
        if pos >= end:
            return True
    return all(ch in _NEVER_STARTS for ch in text[pos:end])
