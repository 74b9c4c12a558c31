"""Quantities: counted amounts in a span, with qualifier, bounds, measure and subject.

A quantity is a number (digits, number words, "a hundred", "2.5 million"), a
range ("10,000 to 12,000", "between 30 and 40") or a vague amount ("several
dozen", "hundreds"; bounds in ``lexicon.VAGUE_AMOUNTS``), together with the
qualifier in front of it ("at least", "up to", "around").  What it counts
(``measure``) is read from the dependency parse: the counted noun, the verbs
governing it and the verbs attached to it ("30 soldiers killed or wounded").

Not counts: dates, years, times, ages, durations ("a 30-second video", "three
consecutive days"), ordinals, percentages, phone numbers and list numbers.
"""
from __future__ import annotations

import re

from ..models import Quantity
from .lexicon import (
    CURRENCY_UNITS,
    DEPLOY_VERBS,
    KILL_VERBS,
    MEASURE_ADJS,
    MEASURE_NOUNS,
    MEASURE_UNITS,
    MEASURE_VERBS,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    QUALIFIER_PHRASES,
    SCALE_WORDS,
    TIME_UNITS,
    TROOP_NOUNS,
    VAGUE_AMOUNTS,
    WOUND_VERBS,
)

__all__ = ["parse_number", "quantities_in"]

#: Entity labels whose numbers are never counts.
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})

#: Words after which a number is a label, an age or a reading, never a count.
NOT_COUNT_BEFORE = frozenset(
    ["aged", "age", "no.", "no", "number", "page", "chapter", "article", "section", "#", "magnitude", "route", "gate"]
)

#: Years: a bare four-digit number in this range with nothing counted after it
#: is a year; 1800-2100 covers every year a news story cites.
YEAR_RANGE = (1800, 2100)

#: Hops from a number up the parse to the verb that governs it; three reach
#: "killed [over [47]]" and "reached [approximately 200]" without wandering
#: into the next clause.
MAX_VERB_HOPS = 3

#: Phone numbers: "555-0142", "+44 20 7946 0958", "(212) 555-0142".
_PHONE_IN_TEXT = re.compile(
    r"\+\d[\d \-]{7,}\d"  # +44 20 7946 0958
    r"|\(\d{2,4}\)\s?\d{3,4}[\-\s]\d{3,4}"  # (212) 555-0142
    r"|\b\d{3}[\-.]\d{3}[\-.]\d{4}\b"  # 212-555-0142
    r"|\b\d{3}[\-.]\d{4}\b"  # 555-0142
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_PHONE = re.compile(r"^\+?\d[\d\-. ]{6,}\d$")
_SUFFIX_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.IGNORECASE)
_RANGE_TOKEN = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[\-\u2013\u2014](\d[\d,]*(?:\.\d+)?)$")


def _is_numberish(t) -> bool:
    low = t.lower_
    if _DIGITS.match(t.text) or _SUFFIX_SCALE.match(t.text) or low in NUMBER_WORDS:
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


def _qualifier_before(doc, i: int, lo: int) -> tuple[str | None, int]:
    """Qualifier phrase ending just before token i (not before token ``lo``), and its first token."""
    words = [t.lower_ for t in doc[max(lo, i - 3):i]]
    for phrase, qual in QUALIFIER_PHRASES:
        p = phrase.split()
        if len(p) <= len(words) and words[-len(p):] == p:
            return qual, i - len(p)
    return None, i


def _number_run(doc, i: int, hi: int) -> int:
    """End (exclusive) of the run of number tokens starting at i ("2.5 million", "forty - seven")."""
    j = i
    while j < hi:
        if not _continues_number(doc, i, j, hi):
            break
        j += 1
    return j


def _continues_number(doc, i: int, j: int, hi: int) -> bool:
    """Whether token j still belongs to the number that starts at token i."""
    t = doc[j]
    if _is_numberish(t):
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


def _not_a_count(doc, i: int, j: int, noun) -> bool:
    """True for years, durations, ages, percentages, ordinals, phone numbers and list numbers."""
    first, last = doc[i], doc[j - 1]
    if any(t.ent_type_ in NOT_COUNT_LABELS and _date_like(t) for t in doc[i:j]):
        return True
    if _PHONE.match(doc[i:j].text) and "," not in last.text:
        return True
    nxt = doc[j] if j < len(doc) else None
    nxt2 = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is not None:
        if nxt.text in ("%",) or nxt.lower_ in ("percent", "per", "pc"):
            return True
        if nxt.text in ("-", "\u2013") and not nxt.whitespace_ and not last.whitespace_ and nxt2 is not None \
                and not nxt2.like_num:
            return True  # "a 30-second video", "the 150-seat assembly", "UPDATE 2-Velmora": an attribute, not a count
        if nxt.lower_ in ("st", "nd", "rd", "th", "o'clock", "am", "pm", "a.m.", "p.m."):
            return True
        if nxt.text in (")", ".") and (i == 0 or "\n" in doc[i - 1].text + doc[i - 1].whitespace_ or doc[i - 1].is_space):
            return True  # "1." or "2)" opening a list item
    before = [t.lower_ for t in doc[max(0, i - 3):i]]
    if before and before[-1] in NOT_COUNT_BEFORE or "aged" in before:
        return True  # "aged 34 and 51", "magnitude 5.4", "No. 4"
    if i > 1 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON" and nxt is not None and nxt.text == ",":
        return True  # "Dario Mensi, 44, built ...": an age
    if noun is not None and (noun.lower_ in TIME_UNITS or noun.lemma_.lower() in TIME_UNITS):
        return True
    year = j - i == 1 and re.match(r"^\d{4}$", first.text) and YEAR_RANGE[0] <= int(first.text) <= YEAR_RANGE[1]
    if year and (noun is None or first.dep_ != "nummod"):
        return True
    return bool(re.match(r"^\d+(st|nd|rd|th)$", first.lower_))


_CALENDAR_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday"
    ]
)


def _date_like(tok) -> bool:
    """Whether the DATE/TIME/PERCENT/ORDINAL entity around a number really is one.

    The small model sometimes labels "between 30 and 40" a DATE; an entity is
    believed only when it has a calendar word, a time unit, a year, a clock
    time, a per-cent word or an ordinal in it.
    """
    if tok.ent_type_ in ("PERCENT", "ORDINAL"):
        return True
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return False
    doc, i, j = tok.doc, ent.start, ent.end - 1
    for t in doc[i:j + 1]:
        low = t.lower_
        if low in _CALENDAR_WORDS or low in TIME_UNITS or ":" in low or "/" in low or low in ("ago", "earlier", "later"):
            return True
        if re.match(r"^\d{4}$", low) and YEAR_RANGE[0] <= int(low) <= YEAR_RANGE[1]:
            return True
        if re.match(r"^\d+(st|nd|rd|th)$", low):
            return True
    return False


def _counted_noun(last):
    """The noun a number counts: its nummod head, or the pobj of "of" ("dozens of soldiers")."""
    if last.dep_ in ("nummod", "quantmod", "amod") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        return last.head
    for c in last.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "among"):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    return p
    return None


def _governing_verb(x):
    """The verb governing a noun phrase head (through prepositions), within MAX_VERB_HOPS."""
    cur = x
    for _ in range(MAX_VERB_HOPS):
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


_VAGUE_HEADS = frozenset(w for phrase, _lo, _hi in VAGUE_AMOUNTS for w in phrase.split() if w not in ("a", "of"))


def _has_number(tok) -> bool:
    return any(t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in _VAGUE_HEADS for t in tok.subtree)


def _own_object(v, other) -> bool:
    """Whether conjunct verb ``v`` has its own object or count (then it does not share ``other``'s).

    A shared subject does not count ("its forces killed or wounded 30"), but a
    subject holding a number does ("11 people died and 37 were injured").
    """
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and _has_number(c)):
            return True
        if c.dep_ == "nsubj" and (_has_number(c) or v.i > other.i):
            return True
    return False


def _measure(anchor, noun) -> tuple[str | None, object]:
    """What a number counts, and the noun that says so (for the subject)."""
    x = noun or anchor
    if noun is not None and noun.lower_ in MEASURE_NOUNS and noun.lower_ not in ("casualties", "losses", "loss"):
        return MEASURE_NOUNS[noun.lower_], noun  # "12 dead", "200 fatalities" say it themselves
    own = {MEASURE_ADJS[c.lower_] for c in x.children if c.dep_ == "amod" and c.lower_ in MEASURE_ADJS}
    if len(own) == 1:
        return own.pop(), noun  # "40 injured people", "12 dead": the count's own adjective decides
    lemmas: set[str] = set()
    adjs: set[str] = set()
    for c in x.children:
        if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ"):
            lemmas.add(c.lemma_.lower())
            lemmas.update(k.lemma_.lower() for k in c.conjuncts)
            if c.lower_ in MEASURE_ADJS and c.dep_ == "amod":
                adjs.add(MEASURE_ADJS[c.lower_])
    v = _governing_verb(x)
    counted = noun
    if v is not None:
        lemmas.add(v.lemma_.lower())
        lemmas.update(k.lemma_.lower() for k in v.conjuncts if not _own_object(k, v))
        for c in v.children:
            if c.dep_ in ("acomp", "oprd", "xcomp", "advmod", "advcl") and c.lower_ in MEASURE_ADJS:
                adjs.add(MEASURE_ADJS[c.lower_])
            if c.dep_ == "prep" and c.lower_ in ("as", "for"):  # "listed as missing", "unaccounted for"
                adjs.update(MEASURE_ADJS[k.lower_] for k in c.subtree if k.lower_ in MEASURE_ADJS)
            if c.dep_ in ("prt", "prep") and c.lower_ == "out" and v.lemma_.lower() in ("move", "bus", "ship", "take"):
                adjs.add("evacuated")  # "moved out of the district"
            if counted is None and c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != x.i \
                    and (c.lower_ in MEASURE_NOUNS or c.lower_ in TROOP_NOUNS):
                counted = c
        if counted is None and v.lemma_ == "be" and v.dep_ in ("ccomp", "xcomp"):
            for c in v.children:
                if c.dep_ == "nsubj" and (c.lower_ in MEASURE_NOUNS or c.lower_ in TROOP_NOUNS):
                    counted = c
    kill, wound = lemmas & KILL_VERBS, lemmas & WOUND_VERBS
    if kill and wound:
        return "killed_or_wounded", counted
    if kill:
        return "killed", counted
    if wound:
        return "wounded", counted
    if adjs:
        return min(adjs), counted
    for lem in sorted(lemmas):
        if lem in MEASURE_VERBS and (counted is None or counted.lower_ not in MEASURE_NOUNS):
            return MEASURE_VERBS[lem], counted
    if counted is not None:
        low = counted.lower_
        if low in MEASURE_NOUNS:
            return MEASURE_NOUNS[low], counted
        if counted.lemma_.lower() in MEASURE_NOUNS:
            return MEASURE_NOUNS[counted.lemma_.lower()], counted
        if low in TROOP_NOUNS or counted.lemma_.lower() in TROOP_NOUNS:
            return "troops", counted
        if lemmas & DEPLOY_VERBS and low in ("forces", "units", "men"):
            return "troops", counted
        if counted.tag_ == "NNS" and low not in PEOPLE_NOUNS and low.isalpha() and counted.i > anchor.i:
            return low, counted  # "300 containers": the counted thing is the measure
    return None, counted


def _subject(noun, skip: set[int]) -> str | None:
    """The counted noun with its modifiers, without the number and qualifier ("North Korean soldiers")."""
    if noun is None:
        return None
    toks = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod", "poss") for t in t.subtree]
    toks = [t for t in toks if t.i not in skip and not t.like_num and t.pos_ not in ("DET", "PUNCT")]
    words = [t for t in sorted(toks, key=lambda t: t.i) if t.i < noun.i] + [noun]
    start = words[0]
    return noun.doc[start.i:noun.i + 1].text


def _unit(doc, i: int, j: int) -> str | None:
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[j].lower_ if j < len(doc) else ""
    return CURRENCY_UNITS.get(before) or CURRENCY_UNITS.get(after)


def quantities_in(parsed, start: int, end: int) -> tuple[Quantity, ...]:
    """Counted amounts whose words lie within parsed.text[start:end]."""
    doc = parsed
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    lo, hi = span.start, span.end
    # (Doc.text is rebuilt on every access, so only the span's own text is read.)
    base = span.start_char
    phones = [(base + m.start(), base + m.end()) for m in _PHONE_IN_TEXT.finditer(span.text)]
    out: list[Quantity] = []
    i = lo
    while i < hi:
        t = doc[i]
        if phones and any(a <= t.idx < b for a, b in phones):
            i += 1
            continue
        vague = _vague_at(doc, i, hi)
        if vague is not None:
            j, vlo, vhi = vague
            noun = _counted_noun(doc[j - 1])
            measure, counted = _measure(doc[j - 1], noun)
            if (noun is None or noun.lower_ not in TIME_UNITS) and (
                    measure is not None or (noun is not None and noun.lower_ in TROOP_NOUNS)):
                out.append(_make(doc, i, j, vlo, vhi, "vague", measure, counted, set(range(i, j))))
            i = j
            continue
        rng = _RANGE_TOKEN.match(t.text)
        if rng and not (t.ent_type_ in NOT_COUNT_LABELS and _date_like(t)):
            a, b = (float(x.replace(",", "")) for x in rng.groups())
            noun = _counted_noun(t)
            if not _not_a_count(doc, i, i + 1, noun):
                measure, counted = _measure(t, noun)
                out.append(_make(doc, i, i + 1, a, b, "range", measure, counted, {i}))
            i += 1
            continue
        a_number = t.lower_ in ("a", "an") and i + 1 < hi and doc[i + 1].lower_ in ("hundred", "thousand", "million", "dozen")
        if not (_is_numberish(t) or a_number):
            i += 1
            continue
        j = _number_run(doc, i, hi)
        if j == i:
            i += 1
            continue
        value = parse_number([x.text for x in doc[i:j]])
        if value is None or (j - i == 1 and t.lower_ in SCALE_WORDS and t.lower_ not in ("hundred", "thousand")):
            i = j
            continue
        qi, q_start = _qualifier_before(doc, i, lo)
        low_v, high_v, qual, end_i = value, value, qi or "exact", j
        # Ranges: "10,000 to 12,000", "between 30 and 40", "30-40".
        joined = j + 1 < hi and doc[j].lower_ in ("to", "-", "\u2013", "and", "or") and _is_numberish(doc[j + 1])
        if joined and (doc[j].lower_ != "and" or (i > lo and doc[i - 1].lower_ == "between")):
            k = _number_run(doc, j + 1, hi)
            other = parse_number([x.text for x in doc[j + 1:k]])
            if other is not None and other <= value and doc[j].text in ("-", "\u2013"):
                i = k  # "voted 51-49", "won 3-1": a score, not an amount
                continue
            if other is not None and other > value:
                low_v, high_v, qual, end_i = value, other, "range", k
                if i > lo and doc[i - 1].lower_ in ("between", "from"):
                    q_start = i - 1
        last = doc[end_i - 1]
        noun = _counted_noun(last)
        if _not_a_count(doc, i, end_i, noun) or t.lower_ == "one" and noun is None:
            i = end_i
            continue
        if qual in ("at_least", "over"):
            high_v = None
        elif qual in ("up_to", "under"):
            low_v = None
        measure, counted = _measure(last, noun)
        if noun is None and measure is None and not any(c.isdigit() for c in doc[i:end_i].text):
            i = end_i  # "not zero", "six were": a number word counting nothing named
            continue
        unit = _unit(doc, i, end_i)
        if unit and measure in (None, unit.lower()) or (unit and noun is not None and noun.lower_ in CURRENCY_UNITS):
            measure = "money"
        elif noun is not None and noun.lower_ in MEASURE_UNITS:
            unit, measure = MEASURE_UNITS[noun.lower_]
        out.append(_make(doc, q_start if qi or qual == "range" else i, end_i, low_v, high_v, qual, measure, counted,
                         set(range(q_start, end_i)), unit=unit))
        i = end_i
    return tuple(out)


_VAGUE_BY_FIRST: dict[str, list[tuple[list[str], int, int]]] = {}
for _phrase, _lo, _hi in VAGUE_AMOUNTS:
    _VAGUE_BY_FIRST.setdefault(_phrase.split()[0], []).append((_phrase.split(), _lo, _hi))


def _vague_at(doc, i: int, hi: int) -> tuple[int, float, float] | None:
    """A vague amount starting at token i: (end token, low, high)."""
    for words, low, high in _VAGUE_BY_FIRST.get(doc[i].lower_, ()):
        if i + len(words) <= hi and [t.lower_ for t in doc[i:i + len(words)]] == words:
            # "several" and "a few" count only when a number word or noun follows.
            return i + len(words), float(low), float(high)
    return None


def _make(doc, i, j, low, high, qual, measure, counted, skip, unit=None) -> Quantity:
    s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return Quantity(text=doc[i:j].text, low=low, high=high, qualifier=qual, measure=measure, start=s, end=e,
                    subject=_subject(counted, skip), unit=unit)
