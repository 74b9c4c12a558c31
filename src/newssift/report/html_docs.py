"""View-models of each report's highlighted text and of the flags (with word diffs).

A document's text is cut into segments at every span boundary (claims,
speakers, quantities, flags, figure values); each segment knows which spans
cover it, so overlapping spans need no nesting.  An empty anchor element
marks where every span starts: the id every link elsewhere points at.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from ..models import Document, Flag, Removed
from .html_index import Cite, ReportIndex, humanise, safe_url, shorten

__all__ = ["DiffPart", "DocView", "FlagView", "Segment", "build_documents", "build_flags", "context_parts", "word_diff"]

#: Furniture pieces listed per document before the rest is summarised as a
#: count; enough for a scraped page's menus without burying the article.
REMOVED_SHOWN = 60

#: Sources listed beside a report's text, the most quoted first.
SPEAKERS_SHOWN = 8

_WORDS = re.compile(r"\S+|\s+")
_EDGE_PUNCT = ".,;:!?\"'()[]"


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same spans."""

    text: str
    classes: str  # CSS classes, e.g. "hl claim qty"; empty for plain text
    keys: str  # space-separated anchors of the spans covering it
    title: str  # tooltip: what the spans are
    anchors: tuple[str, ...]  # anchors of spans starting here


@dataclass(frozen=True)
class DocView:
    """One report as shown in the "Reports" section."""

    anchor: str
    label: str
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    url: str | None  # only http(s)
    raw_url: str | None
    language: str | None
    segments: tuple[Segment, ...]
    removed: tuple[Removed, ...]
    removed_more: int
    embeds: tuple[str, ...]
    n_claims: int
    n_flags: int
    notes: tuple[tuple[str, str, str], ...] = ()  # flags in this report: (label, explanation, anchor)
    speakers: tuple[tuple[str, int], ...] = ()  # who is quoted here and how often


@dataclass(frozen=True)
class DiffPart:
    """A piece of a word diff: ``same`` | ``del`` (only in the first) | ``ins`` (only in the second)."""

    op: str
    text: str


@dataclass(frozen=True)
class FlagView:
    """One flag with its passage, related passages and, for variants, a word diff."""

    kind: str
    label: str
    explanation: str
    passage: Cite
    related: tuple[Cite, ...]
    diffs: tuple[tuple[str, tuple[DiffPart, ...]], ...]  # (other outlet, parts)
    detail: str | None
    parts: tuple[str, str, str] = ("", "", "")  # the passage in context: before, flagged, after
    related_parts: tuple[tuple[str, str, str], ...] = ()


_KIND_CLASS = {"claim": 0, "speaker": 1, "qty": 2, "flag": 3, "value": 4}


def _spans(idx: ReportIndex, doc: Document) -> list[tuple[int, int, str, str]]:
    """Every referenced span of a document as (start, end, kind, tooltip)."""
    out: list[tuple[int, int, str, str]] = []
    for c in idx.claims_by_doc.get(doc.id, ()):
        who = idx.speaker_name(c) or "no source named"
        out.append((c.start, c.end, "claim", f"claim ({humanise(c.kind)}) — {who}" + (" — hedged" if c.hedged else "")))
        if c.speaker_start >= 0:
            out.append((c.speaker_start, c.speaker_end, "speaker", f"speaker: {who}"))
        for q in c.quantities:
            what = humanise(q.measure) or "quantity"
            out.append((q.start, q.end, "qty", f"{what}: {humanise(q.qualifier)}"))
    for fig, v in idx.values_by_doc.get(doc.id, ()):
        out.append((v.start, v.end, "value", f"figure: {humanise(fig.measure)}"))
    for f in idx.flags_by_doc.get(doc.id, ()):
        if f.start is not None and f.end is not None:
            out.append((f.start, f.end, "flag", f"flag: {humanise(f.kind)}"))
    for f, r in idx.related_by_doc.get(doc.id, ()):
        out.append((r.start, r.end, "flag", f"flag: {humanise(f.kind)} (related)"))
    n = len(doc.text)
    return [s for s in out if 0 <= s[0] < s[1] <= n]


def segments(idx: ReportIndex, doc: Document) -> tuple[Segment, ...]:
    """Cut the document's text at every span boundary into highlighted segments."""
    spans = _spans(idx, doc)
    pos = idx.doc_pos[doc.id]
    cuts = sorted({0, len(doc.text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[str]] = {}
    for s, e, _, _ in spans:
        anc = f"d{pos}-{s}-{e}"
        if anc not in starts.setdefault(s, []):
            starts[s].append(anc)
    spans.sort()
    out = []
    active: list[tuple[int, int, str, str]] = []
    nxt = 0
    for a, b in pairwise(cuts):
        while nxt < len(spans) and spans[nxt][0] <= a:
            active.append(spans[nxt])
            nxt += 1
        active = [s for s in active if s[1] > a]
        cover = [s for s in active if s[0] <= a and s[1] >= b]
        kinds = sorted({k for _, _, k, _ in cover}, key=_KIND_CLASS.get)
        keys = " ".join(dict.fromkeys(f"d{pos}-{s}-{e}" for s, e, _, _ in cover))
        title = "; ".join(dict.fromkeys(t for _, _, _, t in cover))
        classes = ("hl " + " ".join(kinds)) if kinds else ""
        out.append(Segment(doc.text[a:b], classes, keys, title, tuple(starts.get(a, ()))))
    return tuple(out)


def build_documents(idx: ReportIndex) -> tuple[DocView, ...]:
    """Every report with its highlighted text, what was cut as furniture, and its embeds."""
    views = []
    for doc in idx.report.documents:
        views.append(DocView(
            anchor=idx.doc_anchor(doc.id), label=idx.label(doc.id), title=doc.title, outlet=doc.outlet,
            published=doc.published, author=doc.author, url=safe_url(doc.url),
            raw_url=doc.url if not safe_url(doc.url) else None, language=doc.language,
            segments=segments(idx, doc), removed=doc.removed[:REMOVED_SHOWN],
            removed_more=max(0, len(doc.removed) - REMOVED_SHOWN), embeds=doc.embeds,
            n_claims=len(idx.claims_by_doc.get(doc.id, ())),
            n_flags=len(idx.flags_by_doc.get(doc.id, ())),
            notes=tuple((humanise(f.kind).capitalize(), f.explanation, idx.span_anchor(f.doc, f.start, f.end))
                        for f in idx.flags_by_doc.get(doc.id, ()))
            # Passages that another report's flag compares with this one (the other side of a variant).
            + tuple((f"{humanise(f.kind).capitalize()} (compared from {idx.label(f.doc)})", f.explanation,
                     idx.span_anchor(r.doc, r.start, r.end)) for f, r in idx.related_by_doc.get(doc.id, ())),
            speakers=tuple(Counter(n for n in map(idx.speaker_name, idx.claims_by_doc.get(doc.id, ())) if n)
                           .most_common(SPEAKERS_SHOWN)),
        ))
    return tuple(views)


def word_diff(a: str, b: str) -> tuple[DiffPart, ...]:
    """A word-level diff of two passages (white space kept, so the text reads naturally)."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    # Compare words case- and quote-insensitively: outlets re-typeset quotes.
    norm = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    # Edge punctuation is ignored too ("service" = "service,"): it moves with the quote marks.
    ka = [w.translate(norm).lower().strip(_EDGE_PUNCT) or w for w in wa]
    kb = [w.translate(norm).lower().strip(_EDGE_PUNCT) or w for w in wb]
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", "".join(wa[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("del", "".join(wa[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("ins", "".join(wb[j1:j2])))
    return tuple(parts)


#: Flag kinds whose passages are variants of one another, shown as a word diff.
DIFF_KINDS = frozenset({"quote_variant", "spelling_variant", "headline_mismatch"})
#: Kinds whose flagged words are best compared inside their whole quote or sentence.
CONTEXT_DIFF_KINDS = frozenset({"quote_variant"})
#: A passage under half the length of the one it is compared with is a
#: fragment of it (a changed word) and is compared in its context instead.
SHORT_SIDE = 0.5
#: Most characters of context shown on each side of a flagged passage.
CONTEXT_CHARS = 400
_SENTENCE_END = (". ", "? ", "! ", "\n", ".\u201d ", '." ')


def context_parts(idx: ReportIndex, doc_id: str, start: int | None, end: int | None, text: str) -> tuple[str, str, str]:
    """(before, flagged words, after): the flagged span inside the smallest claim that holds it, else its sentence."""
    if not idx.valid_span(doc_id, start, end):
        return "", text, ""
    doc = idx.docs[doc_id]
    holders = [c for c in idx.claims_by_doc.get(doc_id, ()) if c.start <= start and c.end >= end and c.end - c.start > end - start]
    if holders:
        c = min(holders, key=lambda c: c.end - c.start)
        lo, hi = c.start, c.end
    else:
        lo = max((doc.text.rfind(m, 0, start) + len(m) for m in _SENTENCE_END if doc.text.rfind(m, 0, start) >= 0), default=0)
        ends = [doc.text.find(m, end) for m in _SENTENCE_END if doc.text.find(m, end) >= 0]
        hi = min(ends) + 1 if ends else len(doc.text)
    lo, hi = max(lo, start - CONTEXT_CHARS), min(hi, end + CONTEXT_CHARS)
    return doc.text[lo:start].lstrip(), doc.text[start:end], doc.text[end:hi].rstrip()


def _flag_view(idx: ReportIndex, f: Flag) -> FlagView:
    passage = Cite(idx.span_anchor(f.doc, f.start, f.end), idx.label(f.doc), shorten(f.text, 600))
    parts = context_parts(idx, f.doc, f.start, f.end, f.text)
    related = tuple(Cite(idx.span_anchor(r.doc, r.start, r.end), idx.label(r.doc), shorten(r.text, 600)) for r in f.related)
    related_parts = tuple(context_parts(idx, r.doc, r.start, r.end, r.text) for r in f.related)
    diffs = ()
    if f.kind in DIFF_KINDS:
        pairs = []
        for r, rp in zip(f.related, related_parts):
            # A side much shorter than the other (one word against a whole quote)
            # is compared in its context, so the diff lines up word for word.
            expand = f.kind in CONTEXT_DIFF_KINDS
            mine = "".join(parts) if expand and len(f.text) < SHORT_SIDE * len(r.text) else f.text
            other = "".join(rp) if expand and len(r.text) < SHORT_SIDE * len(f.text) else r.text
            if other and other != mine:
                pairs.append((idx.label(r.doc), word_diff(mine, other)))
        diffs = tuple(pairs)
    return FlagView(f.kind, humanise(f.kind).capitalize(), f.explanation, passage, related, diffs, f.detail,
                    parts, related_parts)


def build_flags(idx: ReportIndex) -> tuple[tuple[str, tuple[FlagView, ...]], ...]:
    """Flags grouped by kind (label, flags), the most frequent kind first."""
    groups: dict[str, list[FlagView]] = {}
    for f in idx.report.flags:
        groups.setdefault(f.kind, []).append(_flag_view(idx, f))
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple((humanise(k).capitalize(), tuple(v)) for k, v in ordered)
