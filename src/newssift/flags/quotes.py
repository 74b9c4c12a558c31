"""quote_variant: the same direct quote worded differently in different reports.

Quotes are the stretches between quotation marks.  Two quotes of different
reports are "the same quote" when a word-level alignment (difflib) matches
most of the shorter one.  Differences at either end are truncation (one
outlet quoting less) and never a variant; a replaced, added or dropped word
between matching stretches is.  The flag goes on the minority wording: the
one fewer reports share; on a tie, on the later report (the earlier one is
nearer the source), and on both when the dates do not tell.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Document, Flag, SpanRef, Story
from .common import story_peers

__all__ = ["find_quote_variants", "direct_quotes", "Quote", "MIN_QUOTE_WORDS", "MIN_MATCHED_SHARE"]

#: Shortest quote compared, in words: shorter ones ("no reason", "several
#: dozen") are phrases many reports repeat verbatim or not at all.
MIN_QUOTE_WORDS = 6
#: Share of the shorter quote's words the alignment must match for two quotes
#: to be one quote.  Variants we wrote differ by one to three words in ten or
#: more; two different quotes of one speaker rarely share half their words.
MIN_MATCHED_SHARE = 0.6
#: Matched words needed on both sides of a difference for it to be inside the
#: quote (not truncation).
MIN_ANCHOR_WORDS = 2
#: Longest differing stretch at a quote's edge still read as a variant, not as
#: two quotes running on into different sentences.
MAX_EDGE_WORDS = 3
_QUOTE = re.compile(r"\u201c([^\u201c\u201d\n]{10,2000}?)\u201d|\"([^\"\n]{10,2000}?)\"")
_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F0-9]+(?:['\u2019][A-Za-z]+)?")


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of one document, as words with their offsets."""

    doc: str
    start: int
    end: int
    words: tuple[str, ...]  # lower-case, apostrophes folded
    spans: tuple[tuple[int, int], ...]  # offsets of each word in the document


def direct_quotes(doc: Document) -> list[Quote]:
    """Every stretch between quotation marks with at least MIN_QUOTE_WORDS words."""
    out = []
    for m in _QUOTE.finditer(doc.text):
        g = 1 if m.group(1) is not None else 2
        toks = list(_TOKEN.finditer(doc.text, m.start(g), m.end(g)))
        if len(toks) < MIN_QUOTE_WORDS:
            continue
        out.append(Quote(
            doc=doc.id,
            start=m.start(g),
            end=m.end(g),
            words=tuple(t.group().lower().replace("\u2019", "'") for t in toks),
            spans=tuple((t.start(), t.end()) for t in toks),
        ))
    return out


@dataclass(frozen=True)
class _Diff:
    a: Quote
    b: Quote
    a_range: tuple[int, int]  # word index range of the differing stretch in a
    b_range: tuple[int, int]


def _inner_diffs(a: Quote, b: Quote) -> list[_Diff]:
    sm = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size]
    matched = sum(blk.size for blk in blocks)
    if matched < MIN_MATCHED_SHARE * min(len(a.words), len(b.words)):
        return []
    out = []
    # A different last (or first) word or two after a matching stretch is a
    # variant too ("whatever their rank" / "whatever their position"); one side
    # simply stopping earlier is truncation.
    first, last = blocks[0], blocks[-1]
    if first.size >= MIN_ANCHOR_WORDS and 0 < first.a <= MAX_EDGE_WORDS and 0 < first.b <= MAX_EDGE_WORDS:
        out.append(_Diff(a, b, (0, first.a), (0, first.b)))
    tail_a, tail_b = len(a.words) - (last.a + last.size), len(b.words) - (last.b + last.size)
    if last.size >= MIN_ANCHOR_WORDS and 0 < tail_a <= MAX_EDGE_WORDS and 0 < tail_b <= MAX_EDGE_WORDS:
        out.append(_Diff(a, b, (last.a + last.size, len(a.words)), (last.b + last.size, len(b.words))))
    for left, right in zip(blocks, blocks[1:]):
        if left.size < MIN_ANCHOR_WORDS or right.size < MIN_ANCHOR_WORDS:
            continue
        ra = (left.a + left.size, right.a)
        rb = (left.b + left.size, right.b)
        if ra[0] == ra[1] and rb[0] == rb[1]:
            continue
        out.append(_Diff(a, b, ra, rb))
    return out


def _shingles(q: Quote) -> set[tuple[str, ...]]:
    return {q.words[i:i + 3] for i in range(len(q.words) - 2)}


def _stretch(q: Quote, rng: tuple[int, int], text: str) -> tuple[int, int, str]:
    """Character span of a word range; an empty range (a dropped word) shows its neighbours."""
    lo, hi = rng
    if lo == hi:
        lo, hi = max(0, lo - 1), min(len(q.spans), hi + 1)
    s, e = q.spans[lo][0], q.spans[hi - 1][1]
    return s, e, text[s:e]


def find_quote_variants(documents: Sequence[Document], stories: Sequence[Story]) -> list[Flag]:
    """Flags on the minority wording of quotes that differ inside (not just at the ends)."""
    peers = story_peers(documents, stories)
    texts = {d.id: d.text for d in documents}
    published = {d.id: d.published for d in documents}
    quotes = {d.id: direct_quotes(d) for d in documents}
    index: dict[tuple[str, ...], list[Quote]] = {}
    for qs in quotes.values():
        for q in qs:
            for sh in _shingles(q):
                index.setdefault(sh, []).append(q)
    flags: list[Flag] = []
    seen: set[tuple[str, int, int]] = set()
    for d in documents:
        for q in quotes[d.id]:
            cands = {id(o): o for sh in _shingles(q) for o in index.get(sh, ()) if o.doc in peers[d.id]}
            for other in sorted(cands.values(), key=lambda o: (o.doc, o.start)):
                for diff in _inner_diffs(q, other):
                    mine = q.words[diff.a_range[0]:diff.a_range[1]]
                    theirs = other.words[diff.b_range[0]:diff.b_range[1]]
                    if _minority(mine, theirs, q, other, quotes, peers, published):
                        s, e, written = _stretch(q, diff.a_range, texts[d.id])
                        if (d.id, s, e) in seen:
                            continue
                        seen.add((d.id, s, e))
                        os_, oe, other_written = _stretch(other, diff.b_range, texts[other.doc])
                        flags.append(Flag(
                            kind="quote_variant",
                            doc=d.id,
                            text=written,
                            explanation=(f"This quote reads '{written}' here but '{other_written}' "
                                         f"in another report of the same words."),
                            start=s,
                            end=e,
                            related=(SpanRef(other.doc, other.start, other.end, texts[other.doc][other.start:other.end]),),
                            detail=_word_diff(q, other),
                        ))
    return flags


def _support(words: tuple[str, ...], context: tuple[str, ...], quotes, docs) -> int:
    """How many documents quote this wording (the differing words with a word of context each side)."""
    needle = context[0:1] + words + context[1:2]
    n = 0
    for d in docs:
        if any(_contains(q.words, needle) for q in quotes.get(d, ())):
            n += 1
    return n


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    k = len(needle)
    return any(hay[i:i + k] == needle for i in range(len(hay) - k + 1))


def _minority(mine, theirs, q: Quote, other: Quote, quotes, peers, published) -> bool:
    """Whether q's wording is the one to flag against other's."""
    docs = [q.doc] + list(peers[q.doc])
    ctx_q = _context(q, mine)
    ctx_o = _context(other, theirs)
    mine_n = _support(mine, ctx_q, quotes, docs)
    theirs_n = _support(theirs, ctx_o, quotes, docs)
    if mine_n != theirs_n:
        return mine_n < theirs_n
    pa, pb = published.get(q.doc), published.get(other.doc)
    if pa and pb and pa != pb:
        return pa > pb  # the later report deviates from the earlier one
    return True  # no way to tell: both wordings are flagged


def _context(q: Quote, words: tuple[str, ...]) -> tuple[str, ...]:
    """The word before and after the first occurrence of ``words`` in the quote (may be empty)."""
    k = len(words)
    for i in range(len(q.words) - k + 1):
        if q.words[i:i + k] == words:
            before = q.words[i - 1:i] if i > 0 else ()
            after = q.words[i + k:i + k + 1]
            return before + after if before and after else ()
    return ()


def _word_diff(a: Quote, b: Quote) -> str:
    """A compact word diff: "- removed + added" around shared words."""
    sm = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            seg = a.words[i1:i2]
            parts.append(" ".join(seg) if len(seg) <= 6 else " ".join(seg[:3]) + " … " + " ".join(seg[-3:]))
        else:
            if i2 > i1:
                parts.append("[-" + " ".join(a.words[i1:i2]) + "-]")
            if j2 > j1:
                parts.append("{+" + " ".join(b.words[j1:j2]) + "+}")
    return f"{a.doc} → {b.doc}: " + " ".join(parts)
