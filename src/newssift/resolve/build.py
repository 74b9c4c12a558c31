"""Turn extract's document-local entities into nodes, with what their text defines.

Also repairs two tagger slips that would otherwise block merges, both within
one document: a bare surname tagged ORG next to a full PERSON name of that
surname ("Ryder" after "Pat Ryder"), and a given name split from its surname
("Oleksandr" ORG + "Syrskyi" PERSON, one space apart).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from ..extract.lexicon import LEADER_BODY_NOUNS
from ..memo import BoundedMemo
from ..models import DocExtraction, Document, Mention
from .context import acronym_definitions, place_evidence, place_extensions, titles_around
from .names import PLACE_TYPES, clean_surface, fold, is_acronym, person_parts
from .nodes import Node, family

__all__ = ["add_context", "build_nodes", "document_nodes", "prepare_nodes"]


def build_nodes(documents: Sequence[Document], extractions: Sequence[DocExtraction]) -> list[Node]:
    """One node per document-local entity, in document order, with context surfaces added."""
    order = {d.id: i for i, d in enumerate(documents)}
    texts = {d.id: d.text for d in documents}
    nodes: list[Node] = []
    for x in sorted(extractions, key=lambda x: order.get(x.doc, len(order))):
        nodes.extend(document_nodes(texts.get(x.doc, ""), x, order.get(x.doc, len(order))))
    return nodes


#: Documents whose nodes are kept (about 25 KB each with their key): the
#: pipeline builds each document's nodes while the parser is still busy with
#: later documents (``prepare_nodes``), and a store re-analysed in one
#: process (``watch``, the web app) resolves the same documents again.
NODE_MEMO_DOCS = 2048
_NODE_MEMO: BoundedMemo[tuple[Node, ...]] = BoundedMemo(NODE_MEMO_DOCS)


def document_nodes(text: str, extraction: DocExtraction, doc_index: int) -> list[Node]:
    """One document's nodes, in order, working copies the caller may change.

    A document's nodes depend on its text, entities and mentions alone, so
    they are built once for those (whatever extraction object holds them)
    and copied on each call; the memo keeps the last NODE_MEMO_DOCS
    documents used.
    """
    return [_copy_node(n, doc_index) for n in _memo_nodes(text, extraction)]


def prepare_nodes(text: str, extraction: DocExtraction) -> None:
    """Build one document's nodes now, for ``build_nodes`` to copy later (no result change)."""
    _memo_nodes(text, extraction)


def _memo_nodes(text: str, x: DocExtraction) -> tuple[Node, ...]:
    """The memoised nodes of one document (never handed out: callers get copies)."""
    # Frozen models hash and compare by value: a document loaded again from
    # a store finds the nodes built from its first load.
    key = (x.doc, text, x.entities, x.mentions)
    hit = _NODE_MEMO.get(key)
    if hit is None:
        hit = tuple(_build_document_nodes(text, x))
        _NODE_MEMO.put(key, hit)
    return hit


def _copy_node(n: Node, doc_index: int) -> Node:
    """A working copy of a memoised node: containers of its own (mentions themselves are frozen)."""
    return replace(n, doc_index=doc_index, surfaces=dict(n.surfaces), mentions=list(n.mentions),
                   titles=dict(n.titles))


def _build_document_nodes(text: str, x: DocExtraction) -> list[Node]:
    """``document_nodes`` computed (with doc_index -1: the copies set it)."""
    local: dict[str, Node] = {}
    for e in x.entities:
        n = Node(local_id=e.id, doc=x.doc, doc_index=-1, etype=e.type)
        n.add_surface(fold(e.name))
        for a in e.aliases:
            n.add_surface(fold(a))
        for t in e.titles:
            n.titles.setdefault(t, None)
        local[e.id] = n
    seen: set[tuple[int, int]] = set()
    for m in [m for e in x.entities for m in e.mentions] + list(x.mentions):
        n = local.get(m.entity)
        if n is None:  # a mention of an entity extract did not list: its own node
            n = local[m.entity] = Node(m.entity, x.doc, -1, m.label)
        if (m.start, m.end) in seen and m.start >= 0:
            continue
        seen.add((m.start, m.end))
        n.mentions.append(m)
        if not _description_of_name(m.text, n):
            n.add_surface(fold(m.text))
    doc_nodes = [n for n in local.values() if n.surfaces]
    doc_nodes += leader_bodies(doc_nodes, text)
    for n in doc_nodes:
        n.generic = _is_generic(n, text)
    _fix_types(doc_nodes, text)
    for n in doc_nodes:
        add_context(n, text, n.mentions)
    return doc_nodes


def leader_bodies(nodes: list[Node], text: str) -> list[Node]:
    """New nodes for bodies named after their leader: a person's mention followed by
    "administration", "government", "cabinet" or "campaign" ("the Okafor administration").

    Read here from the text after the person's mention rather than in extract, so the
    person's own mention stays as it is and story clustering sees the same extraction.
    """
    out: dict[str, Node] = {}
    for n in nodes:
        if n.etype != "PERSON":
            continue
        for m in n.mentions:
            nxt = _LEADER_BODY.match(text, m.end) if mention_in(text, m) else None
            if nxt is None or nxt.group(1).lower() not in LEADER_BODY_NOUNS:
                continue
            phrase = text[m.start:nxt.end()]
            key = fold(phrase).casefold()
            if key not in out:
                out[key] = Node(f"{n.local_id}~{nxt.group(1).lower()}", n.doc, n.doc_index, "ORG")
            out[key].mentions.append(Mention(m.doc, m.start, nxt.end(), phrase, "ORG", out[key].local_id))
            out[key].add_surface(fold(phrase))
    return list(out.values())


#: The word after a person's mention that may make it a body's name.
_LEADER_BODY = re.compile(r" ([A-Za-z]+)\b")


def _description_of_name(text: str, node: Node) -> bool:
    """A lower-case mention of a named entity ("the lawyer" for "Ana Ruiz"): a description, not a
    name, so no surface (people are merged across documents by their names)."""
    return text == text.lower() and any(ch.isupper() for s in node.surfaces for ch in s)


def _is_generic(node: Node, text: str) -> bool:
    """A common noun, not a name: no capital letter, a GROUP label, or one word the text
    also writes in lower case ("Farmers said ..." beside "farmers")."""
    if node.etype == "GROUP":
        return True
    if not any(ch.isupper() for s in node.surfaces for ch in s):
        return True
    words = {clean_surface(s) for s in node.surfaces}
    return all(
        len(w.split()) == 1 and not w.isupper() and _lower_case_word(w.lower()).search(text)
        for w in words
    )


@functools.lru_cache(maxsize=1 << 14)
def _lower_case_word(word: str) -> re.Pattern:
    """The pattern of ``word`` as a whole word; kept here because a run's thousands of
    names overflow the ``re`` module's own cache of 512 patterns, and each would be compiled again."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")


def _fix_types(nodes: list[Node], text: str) -> None:
    """Repair tagger slips inside one document (see the module docstring)."""
    surnames = set()
    for n in nodes:
        if n.etype == "PERSON":
            for s in n.surfaces:
                given, surname = person_parts(s)
                if given and surname:
                    surnames.add(surname)
    for n in nodes:
        if n.etype == "PERSON" or n.etype == "NORP":
            continue
        words = [clean_surface(s) for s in n.surfaces]
        if (words and all(len(w.split()) == 1 and not is_acronym(w) for w in words)
                and all(person_parts(w)[1] in surnames for w in words)):
            n.etype = "PERSON"
    # "the capital Drezhin" tagged PERSON, "the port of Sarnet" tagged ORG: one-word
    # names the text itself calls places become places.
    for n in nodes:
        if n.etype in PLACE_TYPES or n.etype in ("NORP", "GROUP") or not n.surfaces:
            continue
        words = [clean_surface(s) for s in n.surfaces]
        # One word each; capitals allowed from four letters ("SARNET" in a dateline).
        if not all(len(w.split()) == 1 and not (is_acronym(w) and len(w) < 4) for w in words):
            continue
        if n.etype == "PERSON" and any(person_parts(w)[1] in surnames for w in words):
            continue
        if any(mention_in(text, m) and place_evidence(text, m.start, m.end) for m in n.mentions):
            n.etype, n.placed = "GPE", True
    # "Oleksandr" + " " + "Syrskyi": the given name was split off by the tagger,
    # and the surname tagged apart or only elsewhere in the document.
    person_words = {clean_surface(s): n for n in nodes if n.etype == "PERSON" for s in n.surfaces
                    if len(clean_surface(s).split()) == 1}
    for n in nodes:
        if n.etype in PLACE_TYPES or n.etype in ("NORP", "PERSON"):
            continue
        for m in n.mentions:
            nxt = re.match(r" ([A-Z][\w\u00C0-\u024F'-]+)", text[m.end:m.end + 40])
            if nxt and len(m.text.split()) == 1 and not is_acronym(m.text) and nxt.group(1) in person_words:
                full = fold(text[m.start:m.end + nxt.end()])
                person_words[nxt.group(1)].add_surface(full)
                n.etype = "PERSON"
                n.add_surface(full)
    starts = {}
    for n in nodes:
        for m in n.mentions:
            starts[m.start] = (n, m)
    for n in nodes:
        if n.etype in PLACE_TYPES or n.etype == "NORP":
            continue
        for m in n.mentions:
            nxt = starts.get(m.end + 1)
            if (
                nxt is not None
                and text[m.end:m.end + 1] == " "
                and nxt[0].etype == "PERSON"
                and len(m.text.split()) == 1
                and m.text[:1].isupper()
                and not is_acronym(m.text)
            ):
                nxt[0].add_surface(fold(text[m.start:nxt[1].end]))
                n.etype = "PERSON"
                n.add_surface(fold(text[m.start:nxt[1].end]))


def add_context(node: Node, text: str, mentions: Sequence[Mention]) -> None:
    """Add the surfaces and titles the text around each of ``mentions`` gives."""
    for m in mentions:
        if not mention_in(text, m):
            continue
        for expansion, acronym in acronym_definitions(text, m.start, m.end):
            node.add_surface(clean_surface(expansion))
            node.add_surface(acronym)
        if node.etype == "PERSON":
            titled, titles = titles_around(text, m.start, m.end)
            if titled:
                node.add_surface(fold(titled))
            for t in titles:
                node.titles.setdefault(fold(t), None)
        elif family(node.etype) == "X":
            for ext in place_extensions(text, m.start, m.end):
                node.add_surface(ext)


def mention_in(text: str, m: Mention) -> bool:
    """Whether a mention's offsets point at its text."""
    return 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
