"""Claims: what each sentence asserts, and in whose name.

Four kinds of construction are read from the dependency parse, sentence by
sentence:

* direct quotes: paired quotation marks holding a clause ("..." X said /
  X said, "..." / "A," X said, "B."); one claim per quoted sentence; the
  speaker is the subject of the reporting verb outside the marks, or the
  speaker of the quote just before for a quote standing on its own;
* indirect speech: a reporting verb with a clausal complement ("X said that
  ...", "X told reporters ...", "it was revealed that ..."): the claim is the
  complement;
* "according to X" / "as per X": the claim is the clause without the phrase;
* released material: "X released footage showing ...": the claim is the
  material and what it shows.

A sentence with none of these that still asserts something (a finite verb,
not a question, not a headline or a link) is the outlet's own claim
(``unattributed``).  When one construction sits inside another whose source is
named, the inner one is part of the outer content ("Ryder confirmed that U.S.
intelligence believed ..."); inside a sourceless one ("It is believed that
..., with X confirming that ...") the inner one wins and the outer is cut
short before it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .attribution import Source, names_source, source_of, source_phrase
from .headlines import accused_label
from .lexicon import (
    DIRECTIVE_VERBS,
    EVIDENCE_VERBS,
    HEDGE_MODALS,
    HEDGE_PHRASES,
    HEDGE_VERBS,
    HEDGE_WORDS,
    MEDIA_NOUNS,
    PASSIVE_HEDGE_VERBS,
    PUBLISH_VERBS,
    REPORTING_VERBS,
    SHOW_VERBS,
    STANCE_VERBS,
    VERDICT_VERBS,
)
from .quotes import FINITE_TAGS, OPEN_CLOSE, STRAIGHT, inside, overlap

__all__ = [
    "Construction",
    "find_constructions",
    "is_assertion",
    "is_hedged",
    "trim_span",
    "uncovered_main_clause",
]

#: Shortest sentence (alphabetic words) taken as an unattributed claim: "Six
#: officers were hurt." has four; shorter lines are labels ("Comments closed").
MIN_ASSERTION_WORDS = 3

#: A line whose long words are title-cased at least this often is a headline
#: or a teaser link, not running text (running text stays below 0.5).
HEADLINE_CAPS_SHARE = 0.6

#: Whether a stance verb's noun object alone is the claim ("denied the charge" ->
#: "the charge"), rather than the whole clause (sweep in docs/attribution.md).
STANCE_OBJECT_ONLY = True

#: Entity labels of names: no reporting verb is part of one.
NAME_LABELS = frozenset(["ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"])

#: Whether a reporting tag set off by commas inside the clause it reports ("The
#: dam, engineers said, is safe.") attributes the whole sentence (sweep in docs/attribution.md).
MID_SENTENCE_TAGS = True

#: Whether "X cited Y" reports Y, the evidence X puts forward, in X's name
#: (sweep in docs/attribution.md).
CITED_EVIDENCE = True

#: Subordinating words of a time or cause clause ("after", "because") that ends
#: a reported request ("warned residents to leave after the dam cracked").
CIRCUMSTANCE_MARKS = frozenset(["after", "before", "because", "since", "when", "while", "as", "until"])

#: Verbs whose object is never a noun in news copy: an "object" holding a
#: finite verb is a misparsed clause ("said the units ... had been built").
CLAUSE_VERBS = frozenset(["say", "state", "add", "claim", "insist", "warn", "believe", "estimate"])


@dataclass
class Construction:
    """One attributed (or explicitly sourceless) assertion found in a sentence."""

    kind: str  # direct_quote | indirect | according_to
    start: int  # content, character offsets
    end: int
    cue: str | None
    cue_token: object | None
    source: Source
    speaker_tokens: list | None = None
    via_tokens: list | None = None
    outer_start: int = -1  # where the whole construction (speaker and verb) begins
    phrase_start: int = -1  # where an "according to"-style phrase begins
    outer_end: int = -1  # where the whole construction ends
    hedge_cue: bool = False


# ---------------------------------------------------------------------------- spans
def trim_span(doc, start: int, end: int) -> tuple[int, int]:
    """Content offsets without a leading "that"/comma and trailing punctuation; quote marks balanced."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    toks = list(span)
    while toks and (toks[0].is_punct and toks[0].text not in OPEN_CLOSE and toks[0].text != STRAIGHT
                    or toks[0].is_space or toks[0].lower_ in ("that", "whether") and toks[0].dep_ == "mark"):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].text in (",", ";", ":", "-", "\u2014", "(")
                    or toks[-1].pos_ in ("CCONJ", "SCONJ") or toks[-1].pos_ == "ADP" and not list(toks[-1].children)
                    and toks[-1].dep_ != "prt" and toks[-1].head.i >= toks[0].i and toks[-1].head.pos_ != "ADJ"):
        toks.pop()
    if not toks:
        return start, start
    # (Doc.text is rebuilt on every access; read only the span's own text.)
    inner = doc[toks[0].i:toks[-1].i + 1].text
    closers = set(OPEN_CLOSE.values())
    opens = sum(inner.count(c) for c in OPEN_CLOSE) + inner.count(STRAIGHT)
    closes = sum(inner.count(c) for c in closers) + inner.count(STRAIGHT)
    if opens > closes or inner.count(STRAIGHT) % 2 == 1:
        # Keep quotation marks balanced: take in a closing mark right after the span.
        for t in doc[toks[-1].i + 1:toks[-1].i + 3]:
            if t.text in closers or t.text == STRAIGHT or t.text in ("\u201d", "''"):
                toks = toks + [t] if t.i == toks[-1].i + 1 else toks + list(doc[toks[-1].i + 1:t.i + 1])
                break
            if t.text not in (",", ".", ";"):
                break
    if len(toks) > 1 and toks[-1].text == "." and toks[-2].text in ('"', "\u201d"):
        toks.pop()
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_span(tok) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


# ---------------------------------------------------------------------------- constructions
def _complement(v):
    """The clause a reporting verb introduces.

    Its ccomp; failing that, a "that"-clause after the verb that the parser hung
    elsewhere ("stated in a briefing the previous day that ..." read as a
    relative clause of "day"), as long as no other verb stands between.
    """
    for c in v.children:
        if c.dep_ == "ccomp":
            return c
    for c in v.children:
        # "X said temporary units installed ... had been built": a clause misread as an object.
        if c.dep_ == "dobj" and c.i > v.i and c.pos_ == "NOUN" and v.lemma_.lower() in CLAUSE_VERBS \
                and any(t.tag_ in FINITE_TAGS for t in c.subtree):
            return c
    sent = v.sent
    for t in v.doc[v.i + 1:sent.end]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and t.lower_ != "that":
            if any(c.dep_ == "mark" and c.lower_ == "that" and c.i > v.i for c in t.children):
                anc = t
                while anc.i != v.i and anc.head.i != anc.i:
                    anc = anc.head
                if anc.i == v.i:
                    return t
            return None
    return None


def _continuation_end(v, comp) -> int:
    """Right edge of a complement that the parser cut short.

    "officials confirmed that troops deployed alongside X have engaged in
    combat" is often parsed with "have engaged" as a second verb of
    "confirmed"; a conjunct with no subject, no coordinating word before it and
    no clause of its own continues the complement.
    """
    end = comp.right_edge.idx + len(comp.right_edge.text)
    for c in v.children:
        if c.dep_ != "conj" or c.i < comp.i:
            continue
        if any(k.dep_ in ("nsubj", "nsubjpass", "ccomp") for k in c.children):
            continue
        between = v.doc[comp.right_edge.i + 1:c.left_edge.i]
        if any(t.dep_ == "cc" or t.text in (",", ";") for t in between):
            continue
        end = max(end, c.right_edge.idx + len(c.right_edge.text))
    return end


def _media_author(src: Source) -> Source | None:
    """For a source that is material ("the report found"), its author ("the inspectorate's report"); None if unnamed."""
    h = src.head
    if h is None or not (h.lower_ in MEDIA_NOUNS or h.lemma_.lower() in MEDIA_NOUNS) or src.via is not None:
        return src
    _toks, author = source_phrase(h)
    if author.i == h.i:
        return None  # "the footage showed ...": the outlet describing material
    return Source(author)


def _tag_content(t):
    """Content of a trailing attribution ("..., his family told Sarnet Today."; "A, she said, and B").

    The tag's reporting verb has a subject, no clause of its own, and follows a
    comma; the content is the sentence up to that comma.
    """
    doc = t.doc
    sent = t.sent
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > t.i or t.dep_ not in ("relcl", "parataxis", "ROOT", "ccomp", "conj", "advcl"):
        return None
    left = subj.left_edge.i - 1
    if left <= sent.start or doc[left].text != ",":
        return None
    if any(tok.pos_ in ("VERB", "AUX") and tok.tag_ in FINITE_TAGS for tok in doc[sent.start:left]):
        return sent.start_char, doc[left].idx
    if MID_SENTENCE_TAGS and _continues_after_tag(t):
        # "The museum, she said, opened in May.": a tag set off inside the clause it
        # reports; the content is the whole sentence, tag and all (a claim is one span).
        return sent.start_char, sent.end_char
    return None


def _cite_construction(t) -> Construction | None:
    """ "Trump cited problems in the Middle East ...": the evidence a speaker puts forward, in the speaker's name.

    Its object, with an "as ..." phrase that says what it shows ("cited the
    remarks as examples of ..."); none when the object is who or what is being
    relayed ("citing officials", "citing a report": a source, see attribution).
    """
    obj = next((c for c in t.children if c.dep_ == "dobj" and c.i > t.i), None)
    if obj is None or names_source(obj):
        return None
    src = source_of(t)
    if src.head is None:
        return None
    s, e = _subtree_span(obj)
    last = obj.right_edge.i
    # Phrases the parser hung on the verb that run on from the object ("injuries to three
    # defenders", "the remarks as examples of ...").
    for c in sorted(t.children, key=lambda c: c.i):
        if c.dep_ == "prep" and c.left_edge.i == last + 1:
            last = c.right_edge.i
            e = c.right_edge.idx + len(c.right_edge.text)
    outer = min(t.idx, src.head.left_edge.idx) if src.head.i < t.i else t.idx
    return Construction("indirect", s, e, t.text, t, src, outer_start=outer, outer_end=e)


def _verb_read_as_noun(t) -> bool:
    """ "But Trump claims that he ...": a reporting verb the tagger took for a plural noun, with a subject and a clause."""
    return t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.lemma_.lower() in REPORTING_VERBS and any(
        c.dep_ == "nsubj" for c in t.children) and any(c.dep_ == "ccomp" for c in t.children)


def _directive(t):
    """The infinitive of "asked / told / urged / warned X to do Y" (an object, then a to-infinitive), or None."""
    obj = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.i > t.i), None)
    if obj is None:
        return None
    return next((c for c in t.children if c.dep_ == "xcomp" and c.i > obj.i
                 and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), None)


def _fronted_clause(t) -> bool:
    """Whether words with no finite verb stand before the tag of ``t``, set off by a comma ("The dam, X said, ...")."""
    doc, sent = t.doc, t.sent
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > t.i:
        return False
    left = subj.left_edge.i - 1
    return left > sent.start and doc[left].text == "," and not any(
        tok.pos_ in ("VERB", "AUX") and tok.tag_ in FINITE_TAGS for tok in doc[sent.start:left])


def _continues_after_tag(t) -> bool:
    """Whether the clause goes on, with a finite verb, after a comma that closes the tag of ``t``.

    "Climate change, X often says, is ...": the words between the verb and the
    next comma belong to the tag ("said on Friday"); a finite verb after that
    comma is the reported clause's own.
    """
    doc, sent = t.doc, t.sent
    close = next((k for k in range(t.i + 1, sent.end) if doc[k].text == ","), None)
    if close is None or any(not t.is_ancestor(doc[k]) for k in range(t.i + 1, close)):
        return False
    return any(k.tag_ in FINITE_TAGS for k in doc[close + 1:sent.end])


def _publish_construction(t) -> Construction | None:
    """ "X released footage showing ...": the material and what it shows, in X's name."""
    doc = t.doc
    for d in t.children:
        if d.dep_ != "dobj" or not (d.lower_ in MEDIA_NOUNS or d.lemma_.lower() in MEDIA_NOUNS):
            continue
        if not any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SHOW_VERBS for c in d.children):
            continue
        src = source_of(t)
        s, e = _subtree_span(d)
        if doc[d.left_edge.i].pos_ == "DET":
            s = doc[d.left_edge.i + 1].idx
        return Construction("indirect", s, e, t.text, t, src, outer_end=e,
                            outer_start=min(t.idx, src.head.left_edge.idx if src.head is not None else t.idx))
    return None


def _verb_constructions(sent, quotes) -> list[Construction]:
    out = []
    doc = sent.doc
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX") and not _verb_read_as_noun(t) or inside(t.idx, quotes) \
                or t.ent_type_ in NAME_LABELS:
            continue  # (a verb inside a name is a misread name word: "Free State", "Harbour Report")
        published = _publish_construction(t) if lemma in PUBLISH_VERBS else None
        cited = _cite_construction(t) if lemma in EVIDENCE_VERBS and CITED_EVIDENCE else None
        if published is not None:
            out.append(published)
        elif cited is not None:
            out.append(cited)
        elif lemma in REPORTING_VERBS:
            comp = _complement(t)
            if lemma in VERDICT_VERBS and comp is not None and not any(k.tag_ in FINITE_TAGS for k in comp.subtree):
                continue  # "a jury found X guilty": a verdict, not a clause someone reported
            src = source_of(t)
            src = _media_author(src)
            if src is None:
                continue
            hedge = lemma in HEDGE_VERBS or (src.passive and lemma in PASSIVE_HEDGE_VERBS)
            if comp is not None and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
                hedge = True  # "asked whether the bridge was safe": a question asserts nothing
            outer = t.idx
            for who in (src.head, src.via):
                if who is not None and who.i < t.i:
                    outer = min(outer, who.left_edge.idx)
            t_end = t.right_edge.idx + len(t.right_edge.text)
            if comp is None:
                tag = _tag_content(t)
                if tag is not None:
                    out.append(Construction("indirect", tag[0], tag[1], t.text, t, src, outer_start=tag[0],
                                            outer_end=t_end, hedge_cue=hedge))
                elif lemma in DIRECTIVE_VERBS and src.head is not None and _directive(t) is not None:
                    # "The FBI warned officials to boost security": what was asked is the infinitive.
                    x = _directive(t)
                    o_start, o_end = _subtree_span(x)
                    # "... to leave after the storm hit": the time or cause clause is the tag's circumstance.
                    late = [c for c in x.children if c.dep_ == "advcl" and c.i > x.i and any(
                        k.dep_ == "mark" and k.lower_ in CIRCUMSTANCE_MARKS for k in c.children)]
                    if late:
                        o_end = trim_span(doc, o_start, doc[min(c.left_edge.i for c in late)].idx)[1]
                    out.append(Construction("indirect", o_start, o_end, t.text, t, src,
                                            outer_start=outer, outer_end=o_end, hedge_cue=hedge))
                elif lemma in STANCE_VERBS and src.head is not None and src.head.i < t.i and any(
                        c.dep_ in ("dobj", "xcomp") for c in t.children):
                    # "It has denied storing cargo improperly.": the stance is the claim.
                    # Its objects up to the first clause that hangs off it (", saying ...").
                    stop = min((c.i for c in t.children if c.i > t.i and c.dep_ in ("advcl", "ccomp", "parataxis")),
                               default=len(doc))
                    objs = [c for c in t.children if c.dep_ in ("dobj", "xcomp", "dative", "oprd") and t.i < c.i < stop]
                    if not objs:
                        continue
                    o_end = max(o.right_edge.idx + len(o.right_edge.text) for o in objs)
                    # A noun object is what was stated ("acknowledged the reality of X"); an
                    # infinitive reads whole with its subject ("She promised to open ...").
                    o_start = src.head.left_edge.idx
                    if STANCE_OBJECT_ONLY and all(o.dep_ == "dobj" for o in objs):
                        o_start = min(o.left_edge.idx for o in objs)
                    out.append(Construction("indirect", o_start, o_end, t.text, t, src,
                                            outer_start=src.head.left_edge.idx, outer_end=o_end, hedge_cue=hedge))
                continue
            s, e = _subtree_span(comp)
            tag = _tag_content(t) if comp.i < t.i else None
            if tag is not None:
                # "A happened, and B happened, the coast guard said.": the tag covers all before it.
                s, e = tag
            elif comp.dep_ == "ccomp":
                e = max(e, _continuation_end(t, comp))
                subjectless = not any(k.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for k in comp.children)
                if comp.i > t.i and subjectless and MID_SENTENCE_TAGS and _fronted_clause(t):
                    # "The verdict, he told reporters, is a warning": the clause's subject
                    # stands before the tag; the whole sentence is the content.
                    s, e = sent.start_char, sent.end_char
                elif comp.i > t.i and comp.left_edge.i > t.i + 1 and subjectless:
                    # "Police said between 3 and 9 people were missing": the parser hung the
                    # subject on "said"; the clause starts right after the verb.
                    k = t.i + 1
                    while k < comp.i and (doc[k].is_punct or doc[k].lower_ == "that"):
                        k += 1
                    s = doc[k].idx
            elif comp.dep_ != "dobj":  # a re-attached "that"-clause: content starts after "that"
                mark = next(c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that")
                s = doc[mark.i + 1].idx if mark.i + 1 < len(doc) else s
            if doc[comp.left_edge.i].lower_ == "that" and comp.left_edge.i < comp.i:
                s = doc[comp.left_edge.i + 1].idx  # "told X that ...": the parser may not call "that" a mark
            infinitival = any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) and not any(
                c.dep_ == "mark" for c in comp.children)
            # The whole construction starts at the verb's own clause ("when it was revealed").
            outer = min(outer, s, t.left_edge.idx)
            if infinitival and src.head is not None and src.head.i < t.i:
                s = src.head.left_edge.idx  # "X estimated the toll to be ..." reads whole
            out.append(Construction("indirect", s, e, t.text, t, src, outer_start=outer,
                                    outer_end=max(e, t_end), hedge_cue=hedge))
    return out


def _according_constructions(sent) -> list[Construction]:
    out = []
    doc = sent.doc
    for t in sent:
        low = t.lower_
        pobj = phrase_root = None
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            phrase_root, cue = t, "according to"
        elif low == "per" and t.i > 0 and doc[t.i - 1].lower_ == "as":
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            phrase_root, cue = doc[t.i - 1], "as per"
        elif low == "reported" and t.i > 0 and doc[t.i - 1].lower_ == "as" and any(c.dep_ == "agent" for c in t.children):
            ag = next(c for c in t.children if c.dep_ == "agent")
            pobj = next((c for c in ag.children if c.dep_ == "pobj"), None)
            phrase_root, cue = doc[t.i - 1], "as reported by"
        if pobj is None:
            continue
        # The clause the phrase qualifies: the nearest verb above it, else the sentence root.
        anchor = t.head if t.head.i != t.i else sent.root
        hops = 0
        while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i and hops < 4:
            anchor, hops = anchor.head, hops + 1
        if anchor.pos_ not in ("VERB", "AUX"):
            anchor = sent.root
        p_lo = min(phrase_root.i, t.i)
        p_hi = t.right_edge.i  # the subtree's last token, without walking it (nested phrases made that quadratic)
        a_lo, a_hi = anchor.left_edge.i, anchor.right_edge.i
        a_lo, a_hi = max(a_lo, sent.start), min(a_hi, sent.end - 1)
        if p_lo <= a_lo + 1:
            lo, hi = p_hi + 1, a_hi
        elif p_hi >= a_hi - 1:
            lo, hi = a_lo, p_lo - 1
        elif anchor.i > p_hi:
            lo, hi = p_hi + 1, a_hi
        else:
            lo, hi = a_lo, p_lo - 1
        if hi < lo:
            continue
        toks, head = source_phrase(pobj)
        src = Source(head)
        s, e = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        out.append(Construction("according_to", s, e, cue, t, src, speaker_tokens=toks,
                                outer_start=min(s, doc[p_lo].idx), phrase_start=doc[p_lo].idx,
                                outer_end=max(e, doc[p_hi].idx + len(doc[p_hi].text))))
    return out


def find_constructions(sent, quotes: list[tuple[int, int]]) -> list[Construction]:
    """Indirect-speech, according-to and released-material constructions of one sentence."""
    items = _verb_constructions(sent, quotes) + _according_constructions(sent)
    # "as reported by X" after reported speech names a relay, not a new claim.
    for acc in [c for c in items if c.cue == "as reported by"]:
        host = next((c for c in items if c.kind == "indirect" and c.start <= acc.phrase_start < c.end + 2), None)
        if host is not None:
            host.via_tokens = acc.speaker_tokens
            host.end = min(host.end, acc.phrase_start)
            items.remove(acc)
    # Drop content that lies mostly inside a direct quotation (the quote is the claim).
    items = [c for c in items if not any(overlap(c.start, c.end, qs, qe) * 2 > (c.end - c.start) for qs, qe in quotes)]
    # Nesting: an inner construction inside a named-source content is part of it.
    keep = []
    for c in items:
        outer = [o for o in items if o is not c and (o.start, o.end) != (c.start, c.end) and c.end <= o.end
                 and (o.start <= c.outer_start or c.cue_token is not None and o.start <= c.cue_token.idx < o.end)]
        if any(o.source.head is not None for o in outer):
            continue
        keep.append(c)
    for o in keep:
        if o.source.head is not None:
            continue
        inner = [c for c in keep if c is not o and o.start < c.outer_start < o.end and c.source.head is not None]
        if inner:
            o.end = min(c.outer_start for c in inner)
            # Cut off the words that only led into the inner construction (", with").
            toks = [t for t in sent if o.start <= t.idx and t.idx + len(t.text) <= o.end]
            while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].pos_ in ("ADP", "CCONJ", "SCONJ")):
                toks.pop()
            o.end = toks[-1].idx + len(toks[-1].text) if toks else o.start
    return [c for c in keep if c.end > c.start]


# ---------------------------------------------------------------------------- judgements
def uncovered_main_clause(sent, cons: list[Construction]) -> tuple[int, int] | None:
    """The sentence's main clause when no construction covers it ("A handles 40 percent, and agents said B").

    The longest run of words outside every construction that holds the
    sentence's root verb, as offsets; None when the root is covered.
    """
    root = sent.root
    covered = [(c.outer_start, max(c.outer_end, c.end)) for c in cons]
    covered += [(c.cue_token.idx, c.cue_token.idx + len(c.cue_token.text)) for c in cons if c.cue_token is not None]
    if any(a <= root.idx < b for a, b in covered):
        return None
    runs, cur = [], []
    for t in sent:
        if any(a <= t.idx < b for a, b in covered):
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        runs.append(cur)
    for run in runs:
        if any(t.i == root.i for t in run):
            words = [t for t in run if t.is_alpha]
            if len(words) >= MIN_ASSERTION_WORDS and any(t.tag_ in FINITE_TAGS for t in run):
                return run[0].idx, run[-1].idx + len(run[-1].text)
    return None


def is_assertion(sent) -> bool:
    """Whether a sentence asserts something in running text (not a headline, link, question or label)."""
    text = sent.text.strip()
    if not text or text.endswith("?") or "http" in text or "pic.twitter" in text or "@" in text:
        return False
    if text[0] in "\u2022*-\u2013#|>" or text.endswith(":"):
        return False
    words = [t for t in sent if t.is_alpha]
    if len(words) < MIN_ASSERTION_WORDS:
        return False
    long_words = [t for t in words if len(t.text) > 3]
    headline_case = long_words and sum(t.text[0].isupper() for t in long_words) / len(long_words) >= HEADLINE_CAPS_SHARE
    if headline_case and not text.endswith((".", '."', ".\u201d")):
        return False  # a headline or teaser link (a sentence full of names still ends with a stop)
    if not any(t.tag_ in FINITE_TAGS or (t.pos_ == "AUX" and t.dep_ in ("aux", "auxpass")) for t in sent):
        return False
    root = sent.root
    # Not an imperative ("Don't ..."): a bare verb with no subject.
    return not (root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children))


def is_hedged(doc, start: int, end: int, sent) -> bool:
    """Whether the content or its sentence carries a hedge word or phrase, or the content a modal (may, might, could)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any((t.lower_ in HEDGE_WORDS and not accused_label(t)) or t.lower_ in HEDGE_MODALS
                                and t.tag_ == "MD" for t in span):
        return True
    low = sent.text.lower()
    return any(p in low for p in HEDGE_PHRASES)


