"""editorial_insertion: an unattributed appeal, order or verdict that only one report carries.

A sentence is a candidate when the parse shows an imperative (the root verb
in its base form with no subject: "Stop the cover-up.", "Don't look away."),
when it addresses the reader ("you", "let's"), ends in "!", or passes a
verdict with no fact in it (an evaluative word, no number and no name).  It
is flagged only when nobody is quoted or cited in it and no other report of
the story has a sentence like it.  When the rest of its paragraph is
unattributed and unmatched too, the whole short paragraph is the flag.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..models import Claim, Document, Flag, SpanRef, Story
from .common import content_words, load_parser, overlap, story_peers

__all__ = ["find_editorial_insertions", "is_appeal", "COUNTERPART_OVERLAP", "MAX_PARAGRAPH_SENTENCES"]

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

#: Verbs that attribute what follows to someone (read as verbs in the parse, so
#: "These claims ..." is not attribution but "she claims" is).
_REPORTING_LEMMAS = frozenset(
    """say tell report state note claim add announce confirm warn write post cite urge insist argue estimate
    accord""".split()
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


def _attributed(sent, claims: Sequence[Claim]) -> bool:
    s, e = sent.start_char, sent.end_char
    if _QUOTE_MARKS.search(sent.text):
        return True
    if any(t.pos_ == "VERB" and t.lemma_.lower() in _REPORTING_LEMMAS for t in sent):
        return True
    return any((c.speaker or c.speaker_text) and c.start < e and s < c.end for c in claims)


def find_editorial_insertions(
    documents: Sequence[Document], claims: Sequence[Claim], stories: Sequence[Story]
) -> list[Flag]:
    """One flag per unattributed appeal/verdict passage found in only one report of its story."""
    peers = story_peers(documents, stories)
    nlp = load_parser()
    parsed = {d.id: p for d, p in zip(documents, nlp.pipe(d.text for d in documents), strict=True)}
    words = {d.id: [content_words(s.text) for s in parsed[d.id].sents] for d in documents}
    claims_of: dict[str, list[Claim]] = {}
    for c in claims:
        claims_of.setdefault(c.doc, []).append(c)
    flags: list[Flag] = []
    for d in documents:
        if not peers.get(d.id):
            continue  # nothing to compare with: uniqueness cannot be judged
        sents = list(parsed[d.id].sents)
        own_claims = claims_of.get(d.id, [])

        lonely = functools.partial(_lonely, sents=sents, mine=words[d.id],
                                   theirs=[words.get(p, ()) for p in peers[d.id]], claims=own_claims)

        done: set[int] = set()
        for i, sent in enumerate(sents):
            if i in done or not is_appeal(sent) or not lonely(i):
                continue
            span = _paragraph(d.text, sents, i, lonely)
            done.update(span)
            start, end = sents[span[0]].start_char, sents[span[-1]].end_char
            text = d.text[start:end].strip()
            start = d.text.index(text, start)
            flags.append(Flag(
                kind="editorial_insertion",
                doc=d.id,
                text=text,
                explanation="An unattributed appeal or verdict in the outlet's own voice that no other report carries.",
                start=start,
                end=start + len(text),
                related=tuple(_nearest(d.id, words[d.id][i], peers[d.id], parsed, words)),
            ))
    return flags


def _lonely(i: int, sents, mine: list[set[str]], theirs: list[list[set[str]]], claims: Sequence[Claim]) -> bool:
    """Whether sentence i is unattributed and no other report has a sentence repeating most of its words."""
    words = mine[i]
    for other_doc in theirs if words else ():
        for other in other_doc:
            shared = len(words & other)
            if shared >= min(COUNTERPART_MIN_SHARED, len(words)) and shared / len(words) >= COUNTERPART_OVERLAP:
                return False
    return not _attributed(sents[i], claims)


def _paragraph(text: str, sents, i: int, lonely) -> list[int]:
    """The sentence's whole paragraph when it is short and all of it unattributed and unmatched."""
    para = [j for j, s in enumerate(sents) if _para_id(text, s.start_char) == _para_id(text, sents[i].start_char)]
    if len(para) <= MAX_PARAGRAPH_SENTENCES and all(lonely(j) for j in para):
        return para
    return [i]


def _para_id(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _nearest(doc_id: str, mine: set[str], peers: list[str], parsed, words) -> list[SpanRef]:
    """The closest sentence of each other report, to show what they say instead (if anything close)."""
    out = []
    for p in peers:
        best, best_score = None, 0.0
        for s, w in zip(parsed[p].sents, words[p]):
            score = overlap(mine, w)
            if score > best_score:
                best, best_score = s, score
        if best is not None and best_score > 0:
            out.append(SpanRef(doc=p, start=best.start_char, end=best.end_char, text=best.text))
    return sorted(out, key=lambda r: -overlap(mine, content_words(r.text)))[:3]
