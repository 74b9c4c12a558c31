"""Extract: per-document claims, speakers, entities, quantities and dates.

``extract_document`` is pure: it reads one ``Document`` and its spaCy parse and
returns a ``DocExtraction``; all working state lives in the call, so documents
can be extracted in any order or in other processes.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Claim, DocExtraction, Document
from .attribution import Source, named_head, phrase_tokens, source_of, source_phrase, source_words
from .claims import (
    Construction,
    find_constructions,
    is_assertion,
    is_hedged,
    trim_span,
    uncovered_main_clause,
)
from .counts import with_casualty_counts
from .dates import time_in
from .headlines import headline_hedged, headline_line, headline_source, headline_verdict
from .mentions import EntityTable, collect_entities
from .nominals import add_role_mentions
from .outlets import add_outlet_mentions
from .predicates import claim_predicates
from .quantities import quantities_in, with_sentence_quantities
from .quotes import (
    FOLLOW_ON_QUOTE_CHARS,
    block_quotes,
    find_quotes,
    is_real_quote,
    is_tagged_quote,
    quote_runs,
    quote_source_phrase,
    quote_speaker_verb,
)

__all__ = ["extract_document"]

#: Whether a paragraph after a tag that closes its own paragraph ("The governor
#: added:") is read as that speaker's block quote (sweep in docs/attribution.md).
BLOCK_QUOTES = True


@dataclass
class _Draft:
    """A claim before entity ids are final."""

    start: int
    end: int
    kind: str
    sent: object
    speaker: int | None = None
    speaker_span: tuple[int, int] | None = None
    via: int | None = None
    via_span: tuple[int, int] | None = None
    cue: str | None = None
    hedged: bool = False


def _resolve(table: EntityTable, tokens, head, verb=None) -> tuple[int | None, tuple[int, int] | None]:
    """Entity index and character span of a speaker phrase."""
    if head is None:
        return None, None
    written = None
    if not tokens:
        whole = head
        head = named_head(head)
        tokens = phrase_tokens(head)
        written = source_words(whole, tokens, verb)  # the words as written: the name with its titles
    words = written or tokens
    span = (words[0].idx, words[-1].idx + len(words[-1].text))
    return table.speaker(tokens, head), span


def _quote_drafts(doc, table, quotes) -> tuple[list[_Draft], set[int]]:
    """One direct-quote draft per quote, with the speaker of the quote's reporting verb.

    A quote is one quotation, or the parts of one that its attribution
    interrupts ('"A," X said, "B."'). A quote with no reporting verb takes
    "according to X" in its sentence, or the speaker of the quote just before
    it (a follow-on quoted paragraph).
    """
    out: list[_Draft] = []
    verbs: set[int] = set()  # sentences holding a quote's reporting verb ('Gen. Pat Ryder said.')
    last_speaker: tuple[int, _Draft] | None = None
    verb_of = [quote_speaker_verb(doc, q, quotes) for q in quotes]
    for run in quote_runs(doc, quotes, verb_of):
        (qs, _), (_, qe), verb = quotes[run[0]], quotes[run[-1]], verb_of[run[0]]
        if verb is not None:
            verbs.add(verb.sent.start)
        src = source_of(verb) if verb is not None else Source(None)
        tokens = None
        if verb is None:
            named = quote_source_phrase(doc, (qs, qe), quotes)
            if named is not None:
                tokens, head = source_phrase(named)
                src = Source(head)
        ent, span = _resolve(table, tokens, src.head, verb)
        via, via_span = _resolve(table, None, src.via, verb)
        if verb is None and last_speaker is not None and qs - last_speaker[0] <= FOLLOW_ON_QUOTE_CHARS:
            prev = last_speaker[1]
            ent, span, via, via_span = prev.speaker, prev.speaker_span, prev.via, prev.via_span
        inner = doc.char_span(qs, qe, alignment_mode="expand")
        s, e = trim_span(doc, qs, qe)
        if inner is None or e - s <= 1:
            continue
        sent = doc[inner.start].sent
        d = _Draft(s, e, "direct_quote", sent, ent, span, via, via_span, verb.text if verb is not None else None,
                   is_hedged(doc, s, e, sent))
        out.append(d)
        last_speaker = (qe, d)
    return out, verbs


def _block_drafts(doc, table, quotes) -> tuple[list[_Draft], set[int]]:
    """Block quotes ("The governor added:" then a paragraph without quotation marks), and the sentences they cover."""
    out: list[_Draft] = []
    covered: set[int] = set()
    for verb, qs, qe in block_quotes(doc, quotes):
        src = source_of(verb)
        ent, span = _resolve(table, None, src.head, verb)
        via, via_span = _resolve(table, None, src.via, verb)
        s, e = trim_span(doc, qs, qe)
        inner = doc.char_span(s, e, alignment_mode="expand")
        if inner is None or e - s <= 1:
            continue
        sent = doc[inner.start].sent
        out.append(_Draft(s, e, "direct_quote", sent, ent, span, via, via_span, verb.text, is_hedged(doc, s, e, sent)))
        covered |= {x.start for x in doc[inner.start:inner.end].sents} | {verb.sent.start}
    return out, covered


def _sentence_drafts(parsed, table: EntityTable, sent, quotes, quoted_sents: set[int]) -> list[_Draft]:
    """Drafts of one sentence: its constructions, and its own-voice assertion when nothing covers it."""
    out: list[_Draft] = []
    cons: list[Construction] = find_constructions(sent, quotes)
    for c in cons:
        s, e = trim_span(parsed, c.start, c.end)
        if e - s < 2:
            continue
        ent, span = _resolve(table, c.speaker_tokens, c.source.head, c.cue_token)
        via, via_span = (None, None)
        if c.via_tokens:
            via, via_span = _resolve(table, c.via_tokens, c.via_tokens[-1])
        elif c.source.via is not None:
            via, via_span = _resolve(table, None, c.source.via, c.cue_token)
        kind = c.kind if (ent is not None or span is not None) else "unattributed"
        out.append(_Draft(s, e, kind, sent, ent, span, via, via_span, c.cue,
                          c.hedge_cue or is_hedged(parsed, s, e, sent)))
    quoted = sent.start in quoted_sents or any(qs < sent.end_char and sent.start_char < qe for qs, qe in quotes)
    if quoted or not is_assertion(sent):
        return out  # a quoted sentence is its quote's claim; a tag sentence is no claim
    if cons:
        main = uncovered_main_clause(sent, cons)  # "A handles 40 percent, and agents said B"
        if main is None:
            return out
        s, e = trim_span(parsed, *main)
    else:
        s, e = trim_span(parsed, sent.start_char, sent.end_char)
    if e - s > 1:
        out.append(_Draft(s, e, "unattributed", sent, hedged=is_hedged(parsed, s, e, sent)))
    return out


def _headline_drafts(parsed, table: EntityTable, drafts: list[_Draft]) -> list[_Draft]:
    """The headline line as a claim: its source in headline shorthand, hedged as a whole line."""
    line = headline_line(parsed)
    if line is None:
        return drafts
    lo, hi = line
    inside_line = [d for d in drafts if lo <= d.start < hi]
    sourced = any(d.kind in ("direct_quote", "indirect", "according_to") for d in inside_line)
    src = None if sourced else headline_source(parsed, lo, hi)
    hedged = headline_hedged(parsed, lo, hi)
    if not hedged and headline_verdict(parsed, lo, hi, sourced or src is not None):
        # "Club Denies Sale", "Hoax Report Claims ...": the outlet reports a ruling on the
        # story, in its own voice; the whole line is its claim. (A hedged line keeps its
        # sources: it rules on nothing.)
        drafts = [d for d in drafts if d not in inside_line]
        start, end = trim_span(parsed, lo, hi)
        sent = parsed.char_span(start, end, alignment_mode="expand")
        inside_line = []
        if sent is not None and end - start > 1:
            inside_line = [_Draft(start, end, "unattributed", parsed[sent.start].sent)]
            drafts.extend(inside_line)
    elif not sourced and (src is not None or not inside_line):
        drafts = [d for d in drafts if d not in inside_line]
        start, end = (src.start, src.end) if src is not None else trim_span(parsed, lo, hi)
        sent = parsed.char_span(start, end, alignment_mode="expand")
        if sent is not None and end - start > 1:
            d = _Draft(start, end, "unattributed", parsed[sent.start].sent)
            if src is not None:
                d.speaker, d.speaker_span = _resolve(table, src.tokens, src.tokens[-1])
                d.kind, d.cue = src.kind, src.cue
            drafts.append(d)
            inside_line = [d]
    if hedged:
        for d in inside_line:
            d.hedged = True
    return drafts


def extract_document(doc: Document, parsed) -> DocExtraction:
    """Everything one document asserts, with document-local entity ids (f"{doc.id}#eN", claims f"{doc.id}#cN").

    Pure: reads ``doc`` and its spaCy parse ``parsed`` (of ``doc.text``) and
    returns new frozen models; nothing outside the call is changed.
    """
    if parsed is None or not doc.text.strip():
        return DocExtraction(doc=doc.id, entities=(), claims=())
    table = collect_entities(doc.id, parsed)
    quotes = [q for q in find_quotes(doc.text) if is_real_quote(parsed, *q) or is_tagged_quote(parsed, *q)]
    drafts, tag_sents = _quote_drafts(parsed, table, quotes)
    blocks, block_sents = _block_drafts(parsed, table, quotes) if BLOCK_QUOTES else ([], set())
    drafts += blocks
    quoted_sents = {d.sent.start for d in drafts} | tag_sents | block_sents
    for sent in parsed.sents:
        drafts.extend(_sentence_drafts(parsed, table, sent, quotes, quoted_sents))
    drafts = _headline_drafts(parsed, table, drafts)
    add_role_mentions(table, parsed)  # after the claims: a speaker "The lawyer" then joins the lawyer named
    add_outlet_mentions(table, parsed)
    entities, mentions, ids = table.freeze()
    drafts.sort(key=lambda d: (d.start, d.end))
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    time_ents = [e for e in parsed.ents if e.label_ in ("DATE", "TIME")]
    for d in drafts:
        if (d.start, d.end) in seen:
            continue
        seen.add((d.start, d.end))
        claims.append(_freeze_claim(doc, parsed, d, ids, time_ents, len(claims)))
    claims = with_sentence_quantities(parsed, claims)  # amounts outside a claim's words, in its sentence
    return DocExtraction(doc=doc.id, entities=entities, claims=tuple(claims), mentions=mentions)


def _freeze_claim(doc: Document, parsed, d: _Draft, ids: dict[int, str], time_ents, n: int) -> Claim:
    """The frozen Claim for a draft: final entity ids, words as written, quantities and time."""
    sp_text = doc.text[d.speaker_span[0]:d.speaker_span[1]] if d.speaker_span else None
    via_text = doc.text[d.via_span[0]:d.via_span[1]] if d.via_span else None
    return Claim(
        id=f"{doc.id}#c{n}", doc=doc.id, start=d.start, end=d.end, text=doc.text[d.start:d.end], kind=d.kind,
        speaker=ids.get(d.speaker) if d.speaker is not None else None, speaker_text=sp_text,
        speaker_start=d.speaker_span[0] if d.speaker_span else -1,
        speaker_end=d.speaker_span[1] if d.speaker_span else -1,
        via=ids.get(d.via) if d.via is not None else None, via_text=via_text,
        hedged=d.hedged, cue=d.cue,
        quantities=with_casualty_counts(parsed, d.start, d.end, quantities_in(parsed, d.start, d.end)),
        time=time_in(parsed, d.start, d.end, doc.published, time_ents)
        or time_in(parsed, d.sent.start_char, d.sent.end_char, doc.published, time_ents),
        sentence_start=d.sent.start_char, sentence_end=d.sent.end_char,
        predicates=claim_predicates(parsed, d.start, d.end),
    )
