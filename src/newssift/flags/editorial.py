"""editorial_insertion: an unattributed appeal, order or verdict that only one report carries.

A sentence is a candidate when the parse shows an imperative (the root verb
in its base form with no subject: "Stop the cover-up.", "Don't look away."),
when it addresses the reader ("you", "let's"), ends in "!", or passes a
verdict with no fact in it (an evaluative word, no number and no name).  It
is flagged only when nobody is quoted or cited in it and no other report of
the story has a sentence like it.  When the rest of its paragraph is
unattributed and unmatched too, the whole short paragraph is the flag.

Cost: sentences are split by spaCy's rule-based sentencizer (no model), and
only the few sentences that are unmatched, unattributed and free of numbers
are parsed, so the stage does not parse every article a second time.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..annotate import break_long_runs
from ..memo import BoundedMemo
from ..models import Claim, Document, Flag, SpanRef, Story
from .common import content_words, load_parser, overlap, story_peers

__all__ = ["COUNTERPART_OVERLAP", "MAX_PARAGRAPH_SENTENCES", "find_editorial_insertions", "is_appeal", "prepare_sentences"]

#: Share of a sentence's content words that another report's sentence must
#: repeat to count as "the same sentence" (the insertion is then not unique).
#: 0.6 keeps paraphrases of one fact together while unrelated sentences of one
#: story, which share topic words, stay below it in the examples we wrote.
COUNTERPART_OVERLAP = 0.6
#: Fewest shared content words for a counterpart (tiny sentences overlap by chance).
COUNTERPART_MIN_SHARED = 3
#: Longest paragraph flagged whole around an appeal; longer ones are reporting
#: with one line of comment in them, and only that line is flagged.
MAX_PARAGRAPH_SENTENCES = 3
#: Fewest words in a flagged sentence ("Watch." or "Read more" are page furniture).
MIN_WORDS = 3

#: Forms of verbs that attribute what follows to someone.  Only forms that are
#: not also common nouns ("claims", "reports", "notes" are left out), so "These
#: claims are ..." is not attribution.
_REPORTING = re.compile(
    r"\b(said|says|say|told|tells|according to|reported|stated|noted|claimed|added|announced|confirmed|"
    r"warned|wrote|writes|posted|cited|citing|urged|insisted|argued|estimated|quoted)\b",
    re.IGNORECASE,
)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
_APPEAL = re.compile(r"\b(you|your|yours|yourself|let's|let us)\b", re.IGNORECASE)
#: Verdict words that carry an opinion rather than a fact; a compact list of
#: plain evaluative English, not tied to any story.
_EVALUATIVE = re.compile(
    r"\b(shameful|disgraceful|outrageous|unacceptable|absurd|ridiculous|scandalous|disgusting|despicable|"
    r"pathetic|shocking|enough|shame|cowardly|criminal|barbaric|heroic|must stop|must end|no excuse)\b",
    re.IGNORECASE,
)
#: Verbs of calls to action that are page furniture, not comment ("Read more", "Sign up").
_FACT_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "MONEY", "DATE", "TIME"})
_FURNITURE_VERBS = frozenset(
    """read click subscribe sign follow share watch download see listen contact join register log tap scroll like
    comment support donate visit get try learn find discover explore stay""".split()
)


def is_appeal(sent) -> bool:
    """Whether a parsed sentence is an order, an appeal to the reader or a bare verdict."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < MIN_WORDS:
        return False
    text = sent.text.strip()
    if text.endswith("?"):
        return False
    # A name or a number makes it service information ("Check the Rail X website",
    # "Call 112") or reporting, not the outlet's opinion.
    if any(t.like_num or t.ent_type_ in _FACT_ENTS for t in sent):
        return False
    root = sent.root
    if root.lemma_.lower() in _FURNITURE_VERBS:
        return False  # "You can read more on our site", "Stay tuned": calls to action, page furniture
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
    if root.tag_ == "VB" and not subject:
        first = words[0]
        # An imperative opens with its verb, "Do"/"Don't", or "Please"/"Never"/"Just".
        if first.i == root.i or first.lower_ in ("do", "don't", "please", "never", "just", "always", "stop"):
            return True
    if _APPEAL.search(text) or text.endswith("!"):
        return True
    return bool(_EVALUATIVE.search(text))


@dataclass(frozen=True)
class _Sent:
    """A sentence of a document, split without a model."""

    start: int
    end: int
    text: str
    para: int  # index of its line (paragraph) in the document
    words: frozenset[str]


@functools.lru_cache(maxsize=1)
def _splitter():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


#: Most documents whose sentences wait, split ahead, for the flag pass
#: (``prepare_sentences``), the oldest dropped first.
SENTENCE_MEMO_DOCS = 4096
_SENTENCE_MEMO: BoundedMemo[tuple[_Sent, ...]] = BoundedMemo(SENTENCE_MEMO_DOCS)


def prepare_sentences(text: str) -> None:
    """Split a document's text into sentences now, for ``find_editorial_insertions`` to take later (no result change).

    The pipeline calls this as soon as a document is extracted, while the
    parser is still busy with later documents.
    """
    _SENTENCE_MEMO.put(text, _sentences(text))


def _taken_sentences(text: str) -> tuple[_Sent, ...]:
    """The sentences ``prepare_sentences`` split for this text (taken from the memo), else split now."""
    split = _SENTENCE_MEMO.take(text)
    return split if split is not None else _sentences(text)


def _sentences(text: str) -> tuple[_Sent, ...]:
    """Sentences by line (a line break always ends one), with offsets and content words."""
    out: list[_Sent] = []
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    # Only lines that may hold several sentences go through the sentencizer;
    # break_long_runs keeps every offset and spares the tokenizer a quadratic run ("[[[[…").
    several = [m for m in lines if not _one_sentence(m.group())]
    parsed = dict(zip((m.start() for m in several), _splitter().pipe(break_long_runs(m.group()) for m in several),
                      strict=True))
    for para, line in enumerate(lines):
        doc = parsed.get(line.start())
        spans = [(0, len(line.group()))] if doc is None else [(s.start_char, s.end_char) for s in doc.sents]
        for lo, hi in spans:
            raw = line.group()[lo:hi]  # the words as written, not the parser's copy
            body = raw.strip()
            if not body:
                continue
            start = line.start() + lo + (len(raw) - len(raw.lstrip()))
            out.append(_Sent(start, start + len(body), body, para, frozenset(content_words(body))))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _sentence_end_chars() -> re.Pattern:
    """Any of the characters after which the sentencizer may start a sentence."""
    chars = _splitter().get_pipe("sentencizer").punct_chars
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def _one_sentence(line: str) -> bool:
    """Whether the sentencizer would find exactly one sentence in ``line``, told without tokenising it.

    It starts a sentence at a token that is not punctuation and follows a
    token that is one of its sentence-end characters. When none of those
    characters comes before the line's final run of punctuation ("…fire.",
    '…said."'), such a token can only stand in that run, and every token
    after it is made of punctuation (or is trailing space, which is no
    sentence here): one sentence, the whole line. Most news paragraphs of
    one sentence and every headline pass this test (about a third of the
    stage's time went to tokenising them).
    """
    body = line.rstrip()
    end = len(body)
    while end and unicodedata.category(body[end - 1]).startswith("P"):
        end -= 1
    return _sentence_end_chars().search(body, 0, end) is None


def _attributed(sent: _Sent, claims: Sequence[Claim]) -> bool:
    if _QUOTE_MARKS.search(sent.text) or _REPORTING.search(sent.text):
        return True
    return any((c.speaker or c.speaker_text) and c.start < sent.end and sent.start < c.end for c in claims)


def _lonely(sent: _Sent, theirs: list[list[_Sent]], claims: Sequence[Claim]) -> bool:
    """Whether a sentence is unattributed and no other report has a sentence repeating most of its words."""
    words = sent.words
    for other_doc in theirs if words else ():
        for other in other_doc:
            shared = len(words & other.words)
            if shared >= min(COUNTERPART_MIN_SHARED, len(words)) and shared / len(words) >= COUNTERPART_OVERLAP:
                return False
    return not _attributed(sent, claims)


def find_editorial_insertions(
    documents: Sequence[Document], claims: Sequence[Claim], stories: Sequence[Story]
) -> list[Flag]:
    """One flag per unattributed appeal/verdict passage found in only one report of its story."""
    peers = story_peers(documents, stories)
    sents = {d.id: _taken_sentences(d.text) for d in documents}
    claims_of: dict[str, list[Claim]] = {}
    for c in claims:
        claims_of.setdefault(c.doc, []).append(c)
    # Cheap filters first: only unmatched, unattributed, number-free sentences are parsed.
    candidates: list[tuple[Document, int]] = []
    lonely: dict[tuple[str, int], bool] = {}
    for d in documents:
        if not peers.get(d.id):
            continue  # nothing to compare with: uniqueness cannot be judged
        theirs = [sents.get(p, []) for p in peers[d.id]]
        for i, sent in enumerate(sents[d.id]):
            lonely[(d.id, i)] = _lonely(sent, theirs, claims_of.get(d.id, []))
            if lonely[(d.id, i)] and not re.search(r"\d", sent.text) and not sent.text.endswith("?"):
                candidates.append((d, i))
    parsed = load_parser().pipe(sents[d.id][i].text for d, i in candidates)
    flags: list[Flag] = []
    done: set[tuple[str, int]] = set()
    for (d, i), doc in zip(candidates, parsed, strict=True):
        if (d.id, i) in done or not any(is_appeal(s) for s in doc.sents):
            continue
        own = sents[d.id]
        para = [j for j, s in enumerate(own) if s.para == own[i].para]
        span = para if len(para) <= MAX_PARAGRAPH_SENTENCES and all(lonely[(d.id, j)] for j in para) else [i]
        done.update((d.id, j) for j in span)
        start, end = own[span[0]].start, own[span[-1]].end
        flags.append(Flag(
            kind="editorial_insertion",
            doc=d.id,
            text=d.text[start:end],
            explanation="An unattributed appeal or verdict in the outlet's own voice that no other report carries.",
            start=start,
            end=end,
            related=tuple(_nearest(own[i].words, peers[d.id], sents, claims_of)),
        ))
    return flags


def _nearest(mine: frozenset[str], peers: list[str], sents: dict[str, list[_Sent]],
             claims_of: dict[str, list[Claim]]) -> list[SpanRef]:
    """The closest unattributed sentence of each other report, to show what they say instead.

    Only the other outlets' own-voice sentences sharing at least
    COUNTERPART_MIN_SHARED content words are shown: a quote of an official is
    not "what the other report says instead", and a sentence sharing one
    topic word is no counterpart.
    """
    out = []
    for p in peers:
        close = [s for s in sents.get(p, []) if len(mine & s.words) >= COUNTERPART_MIN_SHARED
                 and not _attributed(s, claims_of.get(p, []))]
        best = max(close, key=lambda s: overlap(mine, s.words), default=None)
        if best is not None:
            out.append((overlap(mine, best.words), SpanRef(doc=p, start=best.start, end=best.end, text=best.text)))
    return [ref for _, ref in sorted(out, key=lambda x: -x[0])[:3]]
