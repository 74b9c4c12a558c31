"""People: telling a person's name from a body's, their titles, and who "he" or "she" is."""
from __future__ import annotations

import re

from .lexicon import (
    GROUP_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    ORG_NAME_WORDS,
    PUBLISH_VERBS,
    REPORTING_VERBS,
    ROLE_NOUNS,
)

__all__ = ["looks_like_person", "name_word", "person_titles", "phrase_of", "previous_subject", "role_evidence"]

#: Acronyms are 2-6 capital letters (a trailing digit or lower-case plural is
#: not an acronym); chosen to cover UN, NATO, DPRK, IAEA, UNICEF.
ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,5}$")

#: Sentences looked back for the group behind '"...," one said': a quote of
#: two or three sentences sits between the group and the tag.
PLURAL_LOOKBACK_SENTENCES = 4

#: An apposition longer than this many tokens is a clause, not a title.
MAX_TITLE_TOKENS = 14


def name_word(t) -> bool:
    """A capitalised word that can be part of a person's name (not a title or a body word)."""
    low = t.lower_
    return (t.is_title or t.is_upper) and t.is_alpha and low not in HONORIFICS and low not in ROLE_NOUNS \
        and low not in INSTITUTION_NOUNS and low not in GROUP_NOUNS and t.ent_type_ not in ("GPE", "NORP")


def role_evidence(head) -> bool:
    """An apposition or a title word naming a person's role ("X, the head of ...", "spokesperson X")."""
    if not name_word(head) or head.pos_ != "PROPN":
        return False
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.lemma_.lower() in ROLE_NOUNS:
            return True
        if c.dep_ in ("compound", "amod") and c.i < head.i and (c.lower_ in ROLE_NOUNS or c.lower_ in HONORIFICS):
            return True
    return False


def looks_like_person(head) -> bool:
    """Whether an unrecognised capitalised speaker is a person rather than a body.

    Evidence: an apposition or a title word naming a role ("X, commander of
    ...", "military blogger X"), or a two- or three-word capitalised name with no
    body word in it ("Oleksandr Syrskyi").
    """
    if not name_word(head):
        return False
    for c in head.children:
        if c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | {"commander", "head", "chief", "leader"}:
            return True
        if c.dep_ in ("compound", "amod") and c.i < head.i and (c.lower_ in ROLE_NOUNS or c.lower_ in HONORIFICS):
            return True
    run = [head]
    k = head.i - 1
    while k >= 0 and head.doc[k].dep_ == "compound" and head.doc[k].head.i == head.i and name_word(head.doc[k]):
        run.insert(0, head.doc[k])
        k -= 1
    if head.lower_ in ORG_NAME_WORDS:
        return False  # "Orvik Terminals", "Skerry Lines"
    return 2 <= len(run) <= 3 and all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in run)


def same_sentence_subject(pronoun, person: bool = True):
    """The main subject earlier in the pronoun's own sentence ("Insurers put ..., although they stressed ...")."""
    root = pronoun.sent.root
    for t in root.children:
        if t.dep_ != "nsubj" or t.i >= pronoun.i or t.pos_ == "PRON":
            continue
        if person and name_word(t) and (t.ent_type_ == "PERSON" or looks_like_person(t)):
            return t
        if not person and t.tag_ in ("NNS", "NNPS"):
            return t
    return None


def previous_subject(pronoun, person: bool = True, plural: bool = False):
    """The subject of the sentence before the pronoun's, when it did the reporting ("X said ... . He added").

    For "he"/"she" a capitalised name that NER may have missed; for "it"/"they" a
    named body; with ``plural`` a plural noun ("Hotel owners ... one said").
    None when that sentence's main verb is no reporting verb (any verb for ``plural``).
    """
    doc = pronoun.doc
    sent = pronoun.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if plural:
        # Quoted sentences in between have "we"/"I" subjects: look a few sentences back.
        for _ in range(PLURAL_LOOKBACK_SENTENCES):
            root = prev.root
            # (A headline-like sentence may be parsed with the group itself as its root.)
            subj = root if root.tag_ == "NNS" else next((t for t in root.children if t.dep_ == "nsubj"), None)
            if subj is not None and subj.tag_ in ("NNS", "NNPS"):
                return subj
            if prev.start == 0:
                break
            prev = doc[prev.start - 1].sent
        return None
    root = prev.root
    if root.lemma_.lower() not in REPORTING_VERBS | PUBLISH_VERBS:
        return None
    for t in root.children:
        if t.dep_ != "nsubj":
            continue
        if person and name_word(t) and t.tag_ in ("NNP", "NN") and (
                t.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC") or looks_like_person(t)):
            return t
        if not person and (t.ent_type_ == "ORG" or t.pos_ == "PROPN"):
            return t
    return None


def phrase_of(head) -> list:
    """The contiguous capitalised name ending at ``head``."""
    run = [head]
    k = head.i - 1
    while k >= 0 and head.doc[k].head.i == head.i and head.doc[k].dep_ == "compound" and name_word(head.doc[k]):
        run.insert(0, head.doc[k])
        k -= 1
    return run


def person_titles(doc, i: int, j: int) -> tuple[list[str], str | None]:
    """Titles of the person named by tokens i..j: words before the name in its phrase, and an apposition.

    Returns (titles, honorific prefix such as "Maj. Gen." or None).
    """
    titles: list[str] = []
    k = i
    # Walk left over words that attach into the name's phrase ("Pentagon press secretary Maj. Gen.").
    while k > 0 and doc[k - 1].dep_ in ("compound", "amod", "nmod") and k <= doc[k - 1].head.i < j:
        if "\n" in doc[k - 1].whitespace_ or doc[k - 1].ent_type_ == "PERSON":
            break
        k -= 1
    pre = [t for t in doc[k:i] if t.pos_ != "DET"]
    # The capitalised title words right before the name ("Fire Chief", "Maj. Gen.",
    # "President"), which outlets write as part of the name.
    honor = []
    for n in range(len(pre) - 1, -1, -1):
        t = pre[n]
        capital = (t.is_title or t.lower_ in HONORIFICS) and t.ent_type_ not in ("GPE", "NORP", "ORG")
        if capital or (t.text == "." and n > 0 and pre[n - 1].is_title):
            honor.insert(0, t)
        else:
            break
    if pre:
        titles.append(doc[pre[0].i:pre[-1].i + 1].text.strip())
    root = doc[j - 1]
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and not ACRONYM_RE.match(c.text):
            toks = [t for t in c.subtree if not (t.dep_ == "det" and t.i == c.left_edge.i)]
            # Stop at a parenthesised acronym or a comma that closes the apposition.
            cut = []
            for t in toks:
                if t.text in ("(", ",") and cut:
                    break
                cut.append(t)
            if cut and len(cut) <= MAX_TITLE_TOKENS:
                titles.append(doc[cut[0].i:cut[-1].i + 1].text)
    prefix = doc[honor[0].i:i].text.strip() if honor else None
    return titles, prefix
