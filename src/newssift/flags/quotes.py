"""quote_variant: the same direct quote worded differently in different reports.

Quotes are the stretches between quotation marks.  Two quotes of different
reports are "the same quote" when a word-level alignment (difflib) matches
most of the shorter one.  Differences at either end are truncation (one
outlet quoting less) and never a variant; a replaced, added or dropped word
between matching stretches is.  The flag goes on the minority wording: the
one fewer reports share; on a tie, on the later report (the earlier one is
nearer the source), and on the first report in input order when the dates do
not tell.  One flag per pair of wordings: several reports repeating the
minority wording share one flag, placed on the first of them and naming the
others.
"""
from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Document, Flag, SpanRef, Story
from .common import story_peers

__all__ = ["MIN_MATCHED_SHARE", "MIN_QUOTE_WORDS", "Quote", "direct_quotes", "find_quote_variants"]

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
    for left, right in itertools.pairwise(blocks):
        if left.size < MIN_ANCHOR_WORDS or right.size < MIN_ANCHOR_WORDS:
            continue
        ra = (left.a + left.size, right.a)
        rb = (left.b + left.size, right.b)
        if ra[0] == ra[1] and rb[0] == rb[1]:
            continue
        out.append(_Diff(a, b, ra, rb))
    return out


def _stretch(q: Quote, rng: tuple[int, int], text: str) -> tuple[int, int, str]:
    """Character span of a word range; an empty range (a dropped word) shows its neighbours."""
    lo, hi = rng
    if lo == hi:
        lo, hi = max(0, lo - 1), min(len(q.spans), hi + 1)
    s, e = q.spans[lo][0], q.spans[hi - 1][1]
    return s, e, text[s:e]


def find_quote_variants(documents: Sequence[Document], stories: Sequence[Story]) -> list[Flag]:
    """Flags on the minority wording of quotes that differ inside (not just at the ends).

    Identical wordings are compared once (a line quoted by hundreds of reports
    costs one comparison per other wording), and how many reports carry a
    wording is looked up per distinct wording, not per document.
    """
    peers = {k: set(v) for k, v in story_peers(documents, stories).items()}
    texts = {d.id: d.text for d in documents}
    published = {d.id: d.published for d in documents}
    quotes_of = {d.id: direct_quotes(d) for d in documents}
    wordings: dict[tuple[str, ...], list[Quote]] = {}
    for qs in quotes_of.values():
        for q in qs:
            wordings.setdefault(q.words, []).append(q)
    index: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for w in wordings:
        for i in range(len(w) - 2):
            index.setdefault(w[i:i + 3], set()).add(w)
    carriers: dict[tuple[str, ...], set[str]] = {}
    diffs: dict[tuple, list[_Diff]] = {}

    def docs_with(needle: tuple[str, ...]) -> set[str]:
        if needle not in carriers:
            carriers[needle] = {q.doc for w, qs in wordings.items() if _contains(w, needle) for q in qs}
        return carriers[needle]

    rank = {d.id: i for i, d in enumerate(documents)}
    seen: set[tuple[str, int, int]] = set()
    pairs: dict[tuple, Flag] = {}  # (story, minority wording, majority wording) -> its flag
    for d in documents:
        story = peers[d.id] | {d.id}
        for q in quotes_of[d.id]:
            cands = {w for i in range(len(q.words) - 2) for w in index.get(q.words[i:i + 3], ()) if w != q.words}
            for w in sorted(cands):
                other = next((o for o in wordings[w] if o.doc in peers[d.id]), None)
                if other is None:
                    continue
                if (q.words, w) not in diffs:
                    diffs[(q.words, w)] = _inner_diffs(q, other)
                for diff in diffs[(q.words, w)]:
                    mine_n = len(docs_with(_needle(q.words, diff.a_range)) & story)
                    theirs_n = len(docs_with(_needle(w, diff.b_range)) & story)
                    if not _minority(mine_n, theirs_n, (published.get(d.id), rank[d.id]),
                                     (published.get(other.doc), rank[other.doc])):
                        continue
                    s, e, written = _stretch(q, diff.a_range, texts[d.id])
                    # One flag per wording pair within a story; another story's reports never share it.
                    pair = (min(story), _needle(q.words, diff.a_range), _needle(w, diff.b_range))
                    if (d.id, s, e) in seen or pair in pairs:
                        if pair in pairs and pairs[pair].doc != d.id:
                            pairs[pair] = _also(pairs[pair], d.id)
                        continue
                    seen.add((d.id, s, e))
                    _, _, other_written = _stretch(other, diff.b_range, texts[other.doc])
                    pairs[pair] = Flag(
                        kind="quote_variant",
                        doc=d.id,
                        text=written,
                        explanation=(f"This quote reads '{written}' here but '{other_written}' "
                                     f"in another report of the same words."),
                        start=s,
                        end=e,
                        related=(SpanRef(other.doc, other.start, other.end, texts[other.doc][other.start:other.end]),),
                        detail=_word_diff(q, other),
                    )
    return list(pairs.values())


def _also(flag: Flag, doc: str) -> Flag:
    """The flag naming one more report that carries the same minority wording."""
    if doc in flag.explanation:
        return flag
    return replace(flag, explanation=flag.explanation + f" The same wording is in report {doc}.")


def _needle(words: tuple[str, ...], rng: tuple[int, int]) -> tuple[str, ...]:
    """The differing words with one word of context on each side (a dropped word: its two neighbours)."""
    return words[max(0, rng[0] - 1):rng[1] + 1]


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    k = len(needle)
    return any(hay[i:i + k] == needle for i in range(len(hay) - k + 1))


def _minority(mine_n: int, theirs_n: int, mine: tuple[str | None, int], theirs: tuple[str | None, int]) -> bool:
    """Whether this wording is the one to flag: fewer reports carry it; on a tie, the later report.

    ``mine`` and ``theirs`` are (publication date, input position).  With no
    dates to tell, the first report in input order carries the one flag of
    the pair (its explanation says the two wordings are equally attested).
    """
    if mine_n != theirs_n:
        return mine_n < theirs_n
    (mine_date, mine_rank), (their_date, their_rank) = mine, theirs
    if mine_date and their_date and mine_date != their_date:
        return mine_date > their_date  # the later report deviates from the earlier one
    return mine_rank < their_rank


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
