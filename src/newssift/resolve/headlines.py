"""Headline mentions: the names in a document's headline, of entities its body names.

Ingest moves a headline out of the body into ``Document.title``, so extract
never reads it; and the small tagger reads title-case headlines badly anyway
("Lindsay Lohan Checks Out Of Rehab" gives "Lindsay").  A headline is read
here by lookup instead: every name form of an entity the body mentions (its
name, aliases and the forms any report writes) is looked for in the headline
as whole words, longest first.  An occurrence becomes a mention of that
entity when no other entity of the document has that form, so the body
confirms each headline name ("Esther Williams" in the headline, "Williams" in
the body, and "Esther Williams" in another report).

Such mentions carry ``part="title"``: their offsets index ``Document.title``.
They are added last (``pipeline.finish_report``), so facts, figures and flags,
which read mentions as body offsets, never see one.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ..models import Document, Entity, Mention
from .headline_roles import headline_roles
from .names import ROLE_WORDS, TITLE_WORDS, clean_surface, fold, is_acronym, person_parts

__all__ = ["MAX_FORM_WORDS", "MIN_FORM_CHARS", "add_headline_mentions", "headline_names"]

#: Shortest one-word form looked up; shorter capitalised words ("May", "Al") are
#: too often something else.  Acronyms of three letters or more are kept ("NBA").
MIN_FORM_CHARS = 4
#: Longest form looked up, in words.
MAX_FORM_WORDS = 6
#: Entity types whose names are looked up (groups and common nouns are not names).
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
#: A headline word: letters or digits, with inner dots, apostrophes, hyphens and
#: ampersands ("U.S.", "O'Brien", "AT&T"), and a final abbreviation dot ("Jr.").
_WORD = re.compile(r"[^\W_]+(?:[.'\u2019&-][^\W_]+)*\.?")


def add_headline_mentions(documents: Sequence[Document], entities: Sequence[Entity]) -> list[Entity]:
    """The entities with the mentions their documents' headlines hold (``part="title"``)."""
    found = headline_names(documents, entities)
    if not found:
        return list(entities)
    out = []
    for e in entities:
        extra = found.get(e.id)
        out.append(replace(e, mentions=e.mentions + tuple(extra)) if extra else e)
    return out


def headline_names(documents: Sequence[Document], entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """Entity id -> the mentions found in the headlines of the run's documents.

    A form of an entity the document's body names counts when no other entity
    of that body has it (one-word forms only when the body never writes the
    word in lower case: "Centre" is no name where the body says "rehab centre").
    A form of two words or more also counts when one entity of the whole run
    has it, as ``discover`` finds a full name the tagger missed in a body.
    """
    named = [e for e in entities if e.type in _NAME_TYPES]
    forms_of = {e.id: _forms(e) for e in named}
    by_id = {e.id: e for e in named}
    everywhere: dict[str, set[str]] = defaultdict(set)
    in_body: dict[str, list[str]] = defaultdict(list)
    for e in named:
        for form in forms_of[e.id]:
            if len(form.split()) >= 2:
                everywhere[form.casefold()].add(e.id)
        for doc in dict.fromkeys(m.doc for m in e.mentions if m.part == "text"):
            in_body[doc].append(e.id)
    found: dict[str, list[Mention]] = defaultdict(list)
    for d in documents:
        title = d.title or ""
        if not title.strip() or _title_in_body(d):
            continue
        local: dict[str, set[str]] = defaultdict(set)
        for eid in in_body.get(d.id, ()):
            for form in forms_of[eid]:
                local[form.casefold()].add(eid)

        owner = functools.partial(_owner, local=local, everywhere=everywhere, forms_of=forms_of, text=d.text)
        names = _matches(title, owner)
        people = [by_id[eid] for eid in in_body.get(d.id, ()) if by_id[eid].type == "PERSON"]
        roles = headline_roles(title, people, d.id, [(s, e) for s, e, _ in names])
        for start, end, eid in names:
            found[eid].append(Mention(d.id, start, end, title[start:end], by_id[eid].type, eid, part="title"))
        for start, end, eid in roles:  # a role word ("Lawyer: ..."): a description, not a name
            found[eid].append(Mention(d.id, start, end, title[start:end], by_id[eid].type, eid, part="title",
                                      nominal=True))
    return found


def _owner(key: str, written: str, local: Mapping[str, set[str]], everywhere: Mapping[str, set[str]],
           forms_of: Mapping[str, set[str]], text: str) -> str | None:
    """The one entity whose form ``key`` (case-folded) is, as written in a headline; else None."""
    ids = local.get(key)
    if ids and " " not in key and _lower_case_word(key).search(text):
        return None  # the body writes the word in lower case: a common noun
    ids = ids or everywhere.get(key, set())
    if len(ids) != 1:
        return None  # two entities share the form: not a name to guess
    eid = next(iter(ids))
    return eid if _cased_like(written, next(f for f in forms_of[eid] if f.casefold() == key)) else None


@functools.lru_cache(maxsize=1 << 14)
def _lower_case_word(word: str) -> re.Pattern:
    """The pattern of ``word`` as a whole word (cached: a run looks up thousands)."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _title_in_body(d: Document) -> bool:
    """Whether the body still opens with the headline (its names are mentions already)."""
    return fold(d.text[: len(d.title or "") + 10]).startswith(fold(d.title or ""))


def _forms(e: Entity) -> set[str]:
    """The written forms of an entity worth looking for: names, not titles or common nouns."""
    out = set()
    for raw in (e.name, *e.aliases, *(m.text for m in e.mentions if m.part == "text")):
        form = clean_surface(raw)
        words = form.split()
        if not words or len(words) > MAX_FORM_WORDS or not any(ch.isupper() for ch in form):
            continue
        if len(words) == 1 and len(form) < MIN_FORM_CHARS and not (is_acronym(form) and len(form) >= 3):
            continue
        if e.type == "PERSON" and words[0].lower().rstrip(".") in TITLE_WORDS | ROLE_WORDS:
            continue  # "Attorney Ana Ruiz": the bare name is a form too, and the title is no part of it
        out.add(form)
        if form.endswith(".") and not is_acronym(form):
            out.add(form[:-1])  # "Comeaux Jr." written "Comeaux Jr," in a headline
        surname = person_parts(form)[1] if e.type == "PERSON" and len(words) >= 2 else ""
        last = next((w for w in reversed(words) if w.lower().strip(".'") == surname), "")
        if len(last) >= MIN_FORM_CHARS and last[:1].isupper():
            out.add(last)  # headlines name people by surname ("Okafor's double")
    return out


def _matches(title: str, owner: Callable[[str, str], str | None]) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of the names in ``title``, longest first at each word, not overlapping.

    ``owner(key, written)`` is the entity id of a case-folded form as written, or None.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(title)]
    out = []
    i = 0
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + MAX_FORM_WORDS), i, -1):
            s = words[i][0]
            for e in _ends(title, words[j - 1]):
                eid = owner(fold(title[s:e]).casefold(), title[s:e])
                if eid is not None:
                    hit = (s, e, eid)
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = next((k for k, w in enumerate(words) if w[0] >= hit[1]), len(words))
        else:
            i += 1
    return out


def _ends(title: str, word: tuple[int, int]) -> list[int]:
    """Where a name may end in a word: the word, less a final dot, less a possessive."""
    s, e = word
    ends = [e]
    if title[s:e].endswith("."):
        ends.append(e - 1)
    if title[s:e].lower().endswith(("'s", "\u2019s")) and e - 2 > s:
        ends.append(e - 2)
    return ends


def _cased_like(written: str, form: str) -> bool:
    """Whether every capitalised word of the form is capitalised in the headline too
    (so a lower-case "bush" or "may" in a sentence-case headline is no name)."""
    return all(not f[:1].isupper() or w[:1].isupper() for w, f in zip(written.split(), form.split(), strict=False))
