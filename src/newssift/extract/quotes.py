"""Quotations: paired quotation marks, real quotes versus scare quotes, and the verb that introduces them."""
from __future__ import annotations

from .lexicon import REPORTING_VERBS
from .parsed import doc_text

__all__ = [
    "FINITE_TAGS",
    "FOLLOW_ON_QUOTE_CHARS",
    "OPEN_CLOSE",
    "STRAIGHT",
    "block_quotes",
    "find_quotes",
    "inside",
    "is_real_quote",
    "is_tagged_quote",
    "overlap",
    "quote_runs",
    "quote_source_phrase",
    "quote_speaker_verb",
]

OPEN_CLOSE = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", "\u201f": "\u201d"}
STRAIGHT = '"'
#: Some outlets' archives write a double quotation mark as two apostrophes.
DOUBLED_APOSTROPHE = "''"

#: A quotation counts as a direct quote (not a scare quote such as "no
#: reason") when it holds a finite verb or at least this many words; eight
#: words is longer than every scare-quoted phrase in our samples.
MIN_QUOTE_WORDS = 8

#: Quotes with no reporting verb in their sentence take the speaker of the
#: direct quote that ended at most this many characters before (a follow-on
#: quoted paragraph).
FOLLOW_ON_QUOTE_CHARS = 400

#: Characters (a comma, a space and the mark) allowed between a quotation and
#: an attribution the parser put in a sentence of its own.
QUOTE_GAP_CHARS = 3

#: Tokens read after a closing quotation mark when looking for its reporting
#: verb ('," Pentagon spokesperson Maj. Gen. Pat Ryder said'); 20 covers a
#: speaker with a long title.
TAG_SCAN_TOKENS = 20

#: Penn tags of finite verbs (a clause, not a phrase).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each paired quotation, paired within one paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    paras = text.split("\n")
    # The next non-blank paragraph's first character, for the run-on convention below.
    following = [""] * len(paras)
    nxt = ""
    for n in range(len(paras) - 1, -1, -1):
        following[n] = nxt
        if paras[n].strip():
            nxt = paras[n].strip()[0]
    for n, para in enumerate(paras):
        open_at, closer = None, None
        k = 0
        while k < len(para):
            ch, width = para[k], 1
            if para.startswith(DOUBLED_APOSTROPHE, k):
                ch, width = STRAIGHT, 2  # ''...'': two apostrophes stand for a double quotation mark
            if open_at is None:
                if ch in OPEN_CLOSE:
                    open_at, closer = k + width - 1, OPEN_CLOSE[ch]
                elif ch == STRAIGHT:
                    open_at, closer = k + width - 1, STRAIGHT
            elif ch == closer or (closer == STRAIGHT and ch == "\u201d"):
                if k > open_at + 1:
                    out.append((pos + open_at + 1, pos + k))
                open_at = None
            k += width
        if open_at is not None and (following[n] in OPEN_CLOSE or following[n] == STRAIGHT):
            # A quote running on into the next paragraph is, by convention, left open at
            # the end of this one and reopened at the start of the next.
            end = len(para.rstrip())
            if end > open_at + 1:
                out.append((pos + open_at + 1, pos + end))
        pos += len(para) + 1
    return out


def is_real_quote(doc, start: int, end: int) -> bool:
    """Whether a quotation holds a clause (a finite verb or MIN_QUOTE_WORDS words), not a scare-quoted phrase."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    return len(words) >= MIN_QUOTE_WORDS or any(t.tag_ in FINITE_TAGS for t in span)


def _abbreviation(t) -> bool:
    """A short capitalised word before a full stop ("Maj", "Gen", "Lt"): the stop does not end a sentence."""
    return t.is_title and len(t.text) <= 4 and t.is_alpha


def overlap(a: int, b: int, c: int, d: int) -> int:
    """Characters shared by [a, b) and [c, d)."""
    return max(0, min(b, d) - max(a, c))


def inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset i lies in one of the spans."""
    return any(s <= i < e for s, e in spans)


def quote_speaker_verb(doc, quote: tuple[int, int], quotes: list[tuple[int, int]]):
    """The reporting verb outside the quotation marks that introduces a quote, if any.

    After the quote first ('"...," X said'): the words up to the end of that
    sentence, read as tokens so that an abbreviation the parser took for a
    sentence end ("Maj. Gen.") does not hide the verb. Then before it ('X said,
    "..."'), in the quote's sentence or a previous one ending in a comma or colon.
    """
    s, e = quote
    first = doc.char_span(s, e, alignment_mode="expand")
    if first is None:
        return None
    after = _tag_verb_after(doc, first, e)
    if after is not None:
        return after
    open_sent = doc[first.start].sent
    before = [t for t in open_sent if t.idx < s and t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS
              and not inside(t.idx, quotes)]
    if before:
        return before[-1]
    if open_sent.start > 0:
        prev = doc[open_sent.start - 1].sent
        if s - prev.end_char <= QUOTE_GAP_CHARS + 1 and prev.text.rstrip()[-1:] in (",", ":"):
            before = [t for t in prev if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS
                      and not inside(t.idx, quotes)]
            if before:
                return before[-1]
    return None


def _tag_verb_after(doc, first, e: int):
    """The reporting verb of a tag right after a quotation ('"...," Pentagon spokesperson Pat Ryder said'), if any."""
    k = first.end
    while k < len(doc) and doc[k].idx <= e:  # past the closing mark itself
        k += 1
    # A quote closed by a full stop ends its sentence: a tag after it belongs to the next.
    if first.text.rstrip().rstrip('"\u201d\u00bb').rstrip().endswith("."):
        return None
    for t in doc[k:k + TAG_SCAN_TOKENS]:
        if "\n" in t.text or t.text in ('"', "\u201c", "\u00ab", "!", "?", ";"):
            break
        if t.text == "." and not _abbreviation(doc[t.i - 1]):
            break
        if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS:
            return t
    return None


def is_tagged_quote(doc, start: int, end: int) -> bool:
    """A short quotation closed by a comma, "!" or "?" and followed by its tag ('"Stay back," the guard said').

    Scare quotes sit inside a clause; a quotation its speaker tag follows is
    speech however short.
    """
    inner = doc_text(doc)[start:end].rstrip()
    if not inner.endswith((",", "!", "?")):
        return False
    first = doc.char_span(start, end, alignment_mode="expand")
    return first is not None and _tag_verb_after(doc, first, end) is not None


def quote_source_phrase(doc, quote: tuple[int, int], quotes: list[tuple[int, int]]):
    """The source named by "according to X" before a quote in its sentence ('According to X, "..."'), if any."""
    s, e = quote
    first = doc.char_span(s, e, alignment_mode="expand")
    if first is None:
        return None
    sent = doc[first.start].sent
    for t in sent:
        if t.idx >= s:
            break
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and not inside(t.idx, quotes):
            return next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
    return None


def quote_runs(doc, quotes: list[tuple[int, int]], verbs: list) -> list[list[int]]:
    """Indexes of quotations grouped into one quote each: '"A," X said, "B."' is one statement.

    Consecutive quotations in one paragraph that share their reporting verb
    (the same token) are the parts of one quote that the tag interrupts; a
    quotation with no verb of its own continues the one before it in its
    paragraph ('"A," said X. "B."') unless another reporting verb stands
    between them ('"A," X said. B, he added. "C."').
    """
    text = doc_text(doc)
    runs: list[list[int]] = []
    for k, (qs, _qe) in enumerate(quotes):
        if runs and k > 0:
            prev = runs[-1][-1]
            gap = (quotes[prev][1], qs)
            same_verb = verbs[k] is not None and verbs[prev] is not None and verbs[k].i == verbs[prev].i
            follows = verbs[k] is None and verbs[prev] is not None and not any(
                t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS and t.i != verbs[prev].i
                for t in _tokens_in(doc, *gap))
            if (same_verb or follows) and "\n" not in text[gap[0]:gap[1]]:
                runs[-1].append(k)
                continue
        runs.append([k])
    return runs


def _tokens_in(doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def block_quotes(doc, quotes: list[tuple[int, int]]) -> list[tuple[object, int, int]]:
    """Paragraphs quoted without quotation marks after a speaker's tag: (verb, start, end) of each.

    "The governor added:" closing its paragraph, then a paragraph that does
    not open with a quotation mark: that paragraph is the governor's words (a
    block quote). A tag whose verb has its own object or clause ("She said
    the following:") is left alone, and so is a quoted paragraph (a quote).
    """
    text = doc_text(doc)
    out = []
    for sent in doc.sents:
        body = sent.text.rstrip()
        if not body.endswith(":"):
            continue
        colon = sent.start_char + len(body)
        start = colon
        while start < len(text) and text[start].isspace():
            start += 1
        if "\n" not in text[colon:start]:
            continue  # the tag does not close its paragraph
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS and not inside(t.idx, quotes)
                 and any(c.dep_ == "nsubj" for c in t.children)
                 and not any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and t.lemma_.lower() != "tell"
                             for c in t.children)]  # "told reporters:" names the audience, not the words
        if not verbs:
            continue
        if start >= len(text) or text[start] in OPEN_CLOSE or text[start] == STRAIGHT or text.startswith(DOUBLED_APOSTROPHE, start):
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((verbs[-1], start, end))
    return out
