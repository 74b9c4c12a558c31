"""Who says it: the source (and relaying intermediary) of a reporting verb or "according to".

Everything here reads the dependency parse of one sentence:

* the subject of a reporting verb, inherited along conjunctions and
  participles ("X said A but noted that B", "X discussed ..., noting that B");
* the agent of a passive ("as reported by X"); a passive with no agent
  ("it was revealed that") has no named source;
* relays: "Outlet cited a video released by Body, stating that ..." -> source
  Body, via Outlet; "..., Outlet said, citing Body" likewise;
* the words naming the source, without appositions, relative clauses and
  parenthesised acronyms ("Kyrylo Budanov, head of ..., told" -> "Kyrylo Budanov");
* "according to a Forbes report" / "as per the minister's statement": the
  author of the report, not the report.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from .lexicon import (
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    PEOPLE_NOUNS,
    PUBLISH_VERBS,
    RELAY_VERBS,
    REPORT_NOUNS,
    ROLE_NOUNS,
    SOURCE_LABEL_NOUNS,
)

__all__ = ["Source", "named_head", "names_source", "phrase_tokens", "source_of", "source_phrase", "source_words"]

# Dependents that are not part of the name of a speaker.
_NOT_NAME_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "prep_incl"})

#: How far up the parse a participle or conjunct may inherit its subject; two
#: covers "X confirmed A and warned B" and "X discussed ..., noting that B"
#: without borrowing a subject from an unrelated clause.
MAX_INHERIT_DEPTH = 3

#: Longest source phrase (tokens) written out with its titles and clauses; a
#: longer subtree is a misparse swallowing the sentence (sweep in docs/attribution.md).
MAX_SOURCE_TOKENS = 30


@dataclass(frozen=True)
class Source:
    """The head word of a source phrase, of its relaying intermediary, and whether it is a bare passive."""

    head: object | None  # spaCy Token
    via: object | None = None
    passive: bool = False


def named_head(head):
    """The name in apposition to a role noun ("its medical director, Dr Emil Rauta" -> "Rauta")."""
    if head.pos_ == "PROPN":
        return head
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON"):
            return c
    return head


def phrase_tokens(head) -> list:
    """The words naming a speaker: the head's phrase without appositions, clauses or parentheses."""
    # Parses are projective: every subtree is a contiguous range of tokens, so
    # ranges stand in for walking subtrees (nested phrases made that quadratic).
    excluded: list[tuple[int, int]] = []
    for c in head.children:
        if c.dep_ in _NOT_NAME_DEPS or c.text in ("(", ")") or (c.dep_ == "prep" and c.lower_ in ("including", "like", "such")):
            excluded.append((c.left_edge.i, c.right_edge.i))
        if c.dep_ == "appos" and c.i > head.i:
            excluded.append((c.left_edge.i, c.right_edge.i))
    first, last = head.left_edge.i, head.right_edge.i

    def kept(k: int) -> bool:
        return first <= k <= last and not any(a <= k <= b for a, b in excluded)

    lo = hi = head.i
    while kept(lo - 1) and head.i - lo < MAX_SOURCE_TOKENS:
        lo -= 1
    while kept(hi + 1) and hi - head.i < MAX_SOURCE_TOKENS:
        hi += 1
    doc = head.doc
    toks = [doc[k] for k in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS" or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    return toks or [head]


def source_words(head, name: list, verb=None) -> list:
    """The whole source phrase as written around a speaker's name: its titles and who they are.

    "Scott Pruitt, the attorney general of Oklahoma, said": the name is
    "Scott Pruitt", the source as written runs to the closing comma; likewise a
    parenthesised party ("Rep. Ann Lee (D-Ohio)") and a relative clause ("X, who
    heads ..."). At most MAX_SOURCE_TOKENS words; an apposition with a
    coordination in it ("director of A and B") stays out, since a coordinated
    source is read as several speakers; the clause holding ``verb`` (the
    reporting verb) stays out too.
    """
    if head.pos_ == "PRON" or not name:
        return name
    # Not the clause of the reporting verb itself ("the union, which said ...").
    own = {t.i for c in head.children if verb is not None and c.left_edge.i <= verb.i <= c.right_edge.i
           for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in own]
    if any(b.i - a.i != 1 for a, b in itertools.pairwise(toks)):
        toks = [t for t in toks if t.i < min(own)] if own else toks
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text != ")":
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if not toks or len(toks) > MAX_SOURCE_TOKENS or toks[0].i > name[0].i or toks[-1].i < name[-1].i:
        return name
    extra = [t for t in toks if t.i > name[-1].i]
    coordinated = any(t.lower_ in ("and", "&", "or") for t in extra)
    if coordinated and not any(c.dep_ == "conj" for c in head.children):
        return name
    return toks


def source_phrase(head) -> tuple[list, object]:
    """Words and head of the author behind a source phrase ("a Forbes report" -> "Forbes")."""
    if head.lemma_.lower() in REPORT_NOUNS | MEDIA_NOUNS or head.lower_ in REPORT_NOUNS | MEDIA_NOUNS:
        for acl in head.children:  # "footage released by the army"
            if acl.dep_ == "acl" and acl.lemma_.lower() in PUBLISH_VERBS:
                for ag in acl.children:
                    p = next((x for x in ag.children if x.dep_ == "pobj"), None) if ag.dep_ == "agent" else None
                    if p is not None:
                        return phrase_tokens(p), p
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            p = poss[0]
            toks = [t for t in p.subtree if t.tag_ != "POS"]
            return toks, p
        mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
        # Only a named modifier is an author ("a Forbes report", "Ukrainian intelligence
        # estimates"); "drone footage" or "a 40-second video" names none.
        if mods and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
                        or t.lower_ in INSTITUTION_NOUNS for m in mods for t in m.subtree):
            doc = head.doc
            start = min(m.left_edge.i for m in mods)
            toks = [t for t in doc[start:head.i] if t.pos_ != "DET"]
            if toks:
                return toks, toks[-1]
        for c in head.children:  # "a report by X", "statements from X"
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return phrase_tokens(p), p
    head = named_head(head)
    return phrase_tokens(head), head


def _relay_source(cite):
    """What a relay verb relays: the author of the cited material, or the cited source itself."""
    for d in cite.children:
        if d.dep_ not in ("dobj", "pobj"):
            continue
        if d.lower_ in MEDIA_NOUNS or d.lemma_.lower() in MEDIA_NOUNS:
            for acl in d.children:
                if acl.dep_ in ("acl", "relcl") and acl.lemma_.lower() in PUBLISH_VERBS | {"make", "provide"}:
                    for ag in acl.children:
                        if ag.dep_ == "agent":
                            for p in ag.children:
                                if p.dep_ == "pobj":
                                    return p
            for c in d.children:
                if c.dep_ == "poss":
                    return c
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):  # "a statement by the fire service"
                    p = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if p is not None:
                        return p
            return None
        return d
    return None


def _own_source(v) -> Source | None:
    """The source named by the verb's own dependents, or a passive with none; None to inherit."""
    subj = passive = agent = None
    for c in v.children:
        if c.dep_ == "nsubj":
            subj = c
        elif c.dep_ in ("nsubjpass", "expl"):
            passive = c
        elif c.dep_ == "agent":
            agent = next((p for p in c.children if p.dep_ == "pobj"), None)
    if agent is not None:
        return Source(agent)
    if subj is not None:
        if subj.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
            return Source(v.head)  # "the union, which said ..."
        return Source(subj)
    if passive is not None or any(c.dep_ == "auxpass" for c in v.children):
        return Source(None, passive=True)
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        # "Orvik estimated that ...": an unknown name the tagger read as an adverb.
        for c in v.lefts:
            if c.dep_ in ("advmod", "npadvmod", "dep", "nmod") and c.i == v.sent.start and c.is_title and c.is_alpha:
                return Source(c)
    return None


def source_of(v, depth: int = 0) -> Source:
    """The source of reporting verb ``v``: own subject, agent, or inherited from the governing verb."""
    src = _own_source(v)
    if src is None and depth < MAX_INHERIT_DEPTH:
        h = v.head
        if v.dep_ == "pcomp" and h.lower_ == "as" and h.head.pos_ in ("VERB", "AUX"):
            h = h.head  # "quoted the minister as saying that ...": the verb above "as"
        if v.dep_ in ("conj", "advcl", "xcomp", "pcomp") and h.i != v.i and h.pos_ in ("VERB", "AUX"):
            if h.lemma_.lower() in RELAY_VERBS:
                relayed = _relay_source(h)
                outer = source_of(h, depth + 1)
                if relayed is not None:
                    return Source(relayed, via=outer.head)
                return outer
            src = source_of(h, depth + 1)
        elif v.dep_ in ("acl", "relcl", "appos") and h.pos_ in ("NOUN", "PROPN"):
            src = Source(h)
    if src is None:
        return Source(None)
    # "..., Outlet said, citing Body": Body is the source, Outlet relays it.
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp", "prep") and c.lemma_.lower() in RELAY_VERBS | {"cite"} and c.tag_ == "VBG":
            relayed = _relay_source(c)
            if relayed is not None and src.head is not None and (c.lemma_.lower() != "cite" or names_source(relayed)):
                return Source(relayed, via=src.head)
    return src


def names_source(tok) -> bool:
    """Whether a cited word names who or what speaks ("officials", "a report", "Reuters"), not evidence ("a poor harvest")."""
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    low = tok.lemma_.lower()
    return any(w in words for w in (low, tok.lower_) for words in (
        MEDIA_NOUNS, REPORT_NOUNS, SOURCE_LABEL_NOUNS, PEOPLE_NOUNS, ROLE_NOUNS, GROUP_NOUNS, INSTITUTION_NOUNS))
