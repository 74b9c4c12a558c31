"""Time expressions: absolute dates and relative ones resolved against the publication date.

Absolute: "14 December 2024", "December 16, 2024", "Dec. 16", "2024-12-16".
Relative (need ``Document.published``): "on Monday" (the last such day on or
before publication: news reports the past; the coming one in a clause about
the future, "will be sentenced on Friday"), "in March" (the month, the latest
one or, in the future, the coming one), "yesterday", "today", "over the
weekend", "last week", "this week", "the previous day" / "the day before",
"the past three days", "last month", "earlier this month", "next week", "next month".
Written with the standard library: dateutil's parser resolves none of these
against a publication day and tense, so it would add a dependency for nothing.  What cannot be
resolved keeps its text with no date.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from ..models import TimeRef
from .lexicon import NUMBER_WORDS

__all__ = ["is_future", "parse_published", "resolve_time", "time_in"]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_MDY = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PAST_N = re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(\w+)\s+(day|week|month)s\b", re.IGNORECASE)

_MONTH_ONLY = re.compile(
    r"\b(" + "|".join(sorted((m for m in _MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
    + r")\b(?!\s*\d{1,2}\b)(?:,?\s+(\d{4}))?", re.IGNORECASE)

#: Auxiliaries and heads that put a clause in the future ("will", "is due to",
#: "scheduled for"); a weekday or month in it is the coming one.
FUTURE_AUX = frozenset(["will", "'ll", "shall", "wo"])
FUTURE_HEADS = frozenset(["schedule", "plan", "expect", "due", "set", "intend", "slate", "aim"])

#: Heads climbed from a time expression to its clause's verb ("on Friday" ->
#: "sentenced" -> "be"); three covers a prepositional phrase and a passive.
FUTURE_HOPS = 4

_DURATION = re.compile(r"\b(second|minute|hour|day|week|month|year|decade)s?\b")
_ANCHORED = re.compile(r"\b(last|past|previous|this|next|ago|earlier|later|weekend|since)\b")

#: Labels whose spans are candidate time expressions.
TIME_LABELS = frozenset({"DATE", "TIME"})


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string, or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _absolute(text: str, pub: date | None, future: bool = False) -> date | None:
    for rx, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.search(text)
        if not m:
            continue
        if order == "ymd":
            return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if order == "dmy":
            day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], m.group(3)
        else:
            month, day, year = _MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
        if year:
            return _safe_date(int(year), month, day)
        if pub is not None:
            # No year: the latest such day not after publication (the next one on or after it in the future).
            d = _safe_date(pub.year, month, day)
            if d is not None and d > pub and not future:
                d = _safe_date(pub.year - 1, month, day)
            elif d is not None and d < pub and future:
                d = _safe_date(pub.year + 1, month, day)
            return d
    return None


def _month_span(text: str, pub: date | None, future: bool) -> tuple[date, date] | None:
    """First and last day of a month named without a day ("in March", "March 2024", "next March")."""
    m = _MONTH_ONLY.search(text)
    if not m or not m.group(1)[0].isupper():  # "may" in lower case is the modal
        return None
    month = _MONTHS[m.group(1).lower()]
    if m.group(2):
        year = int(m.group(2))
    elif pub is None:
        return None
    else:
        low = text.lower()
        year = pub.year
        if ("next" in low or future) and month < pub.month:
            year += 1  # the coming such month
        elif not ("next" in low or future) and (month > pub.month or "last" in low and month == pub.month):
            year -= 1  # news reports the past: the latest such month
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def resolve_time(text: str, pub: date | None, start: int = -1, end: int = -1, future: bool = False) -> TimeRef:
    """A TimeRef for a time expression, with a date or range when it can be worked out.

    ``future`` says the expression sits in a clause about what is to come
    ("will be sentenced on Friday"): a weekday or a month then resolves forward.
    """
    low = " ".join(text.lower().split())
    ref = TimeRef(text=text, start=start, end=end)
    d = _absolute(text, pub, future)
    if d is not None:
        return TimeRef(text=text, date=d.isoformat(), start=start, end=end)

    def span(a: date, b: date) -> TimeRef:
        return TimeRef(text=text, start_date=a.isoformat(), end_date=b.isoformat(), start=start, end=end)

    months = _month_span(text, pub, future)
    if months is not None:
        return span(*months)
    if pub is None:
        return ref

    def one(x: date) -> TimeRef:
        return TimeRef(text=text, date=x.isoformat(), start=start, end=end)

    for k, wd in enumerate(_WEEKDAYS):
        if wd in low:
            back = (pub.weekday() - k) % 7
            if "next" in low:
                return one(pub + timedelta(days=(k - pub.weekday()) % 7 or 7))
            if future and "last" not in low:
                return one(pub + timedelta(days=(k - pub.weekday()) % 7))  # the coming such day
            if "last" in low and back == 0:
                back = 7
            return one(pub - timedelta(days=back))
    if "yesterday" in low or "previous day" in low or "day before" in low or "day earlier" in low:
        return one(pub - timedelta(days=1))
    if "today" in low or "this morning" in low or "tonight" in low or "this evening" in low:
        return one(pub)
    if "weekend" in low:
        # The last Saturday-Sunday ending before publication (this one when published on it).
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if pub.weekday() < 5:
            sat = pub - timedelta(days=pub.weekday() + 2)
        return span(sat, sat + timedelta(days=1))
    m = _PAST_N.search(low)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n:
            days = {"day": 1, "week": 7, "month": 30}[m.group(2)] * n
            return span(pub - timedelta(days=days), pub)
    m = re.search(r"\b(?:the\s+)?past\s+(day|week|month)\b", low)
    if m:
        days = {"day": 1, "week": 7, "month": 30}[m.group(1)]
        return span(pub - timedelta(days=days), pub)
    if "last week" in low or "previous week" in low:
        monday = pub - timedelta(days=pub.weekday() + 7)
        return span(monday, monday + timedelta(days=6))
    if "this week" in low:
        monday = pub - timedelta(days=pub.weekday())
        return span(monday, pub)
    if "last month" in low or "previous month" in low:
        first = pub.replace(day=1)
        prev_end = first - timedelta(days=1)
        return span(prev_end.replace(day=1), prev_end)
    if "this month" in low:
        return span(pub.replace(day=1), pub)
    if "next week" in low:
        monday = pub + timedelta(days=7 - pub.weekday())
        return span(monday, monday + timedelta(days=6))
    if "next month" in low:
        first = date(pub.year + (pub.month == 12), pub.month % 12 + 1, 1)
        return span(first, date(first.year + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1))
    return ref


def is_future(tok) -> bool:
    """Whether a word sits in a clause about what is to come ("will be sentenced", "is scheduled to", "plans to").

    Walks up from the word through at most FUTURE_HOPS heads to the sentence root.
    """
    node = tok
    for _ in range(FUTURE_HOPS):
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.lower() in FUTURE_HEADS or node.lower_ in FUTURE_AUX:
                return True
            if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in FUTURE_AUX or c.lower_ == "going") for c in node.children):
                return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def time_in(parsed, start: int, end: int, published: str | None, ents=None) -> TimeRef | None:
    """The first time expression (DATE/TIME entity) inside parsed.text[start:end], resolved.

    ``ents`` may pass ``parsed.ents`` computed once (spaCy rebuilds the tuple on every access).
    """
    pub = parse_published(published)
    ents = list(parsed.ents) if ents is None else ents
    # Entities come in text order: jump to the first one at ``start`` instead of
    # walking all of them for every claim (quadratic in a long article).
    first = bisect.bisect_left(ents, start, key=lambda e: e.start_char)
    for k in range(first, len(ents)):
        ent = ents[k]
        if ent.start_char >= end:
            break
        if ent.label_ in TIME_LABELS and ent.end_char <= end:
            low = ent.text.lower()
            if re.fullmatch(r"\d{4}", low.strip()) or "year" in low and "last year" not in low:
                continue  # a bare year or an age/duration in years says little about when
            if not any(w not in ("and", "or", "to") for w in re.findall(r"[a-z]+", low)):
                continue  # "61", "19 and 22": ages the model took for dates
            ref = resolve_time(ent.text, pub, ent.start_char, ent.end_char, future=is_future(ent.root))
            if ref.date is None and ref.start_date is None and _DURATION.search(low) and not _ANCHORED.search(low):
                continue  # "within a month", "for three days": a duration, not a time
            return ref
    return None
