"""Resolve: merge the document-local entities of all documents into global entities.

    DocExtraction.entities ("doc#eN") ─ build ─▶ nodes (+ surfaces the text defines)
        ─ merge (key lookups, union-find) ─▶ clusters ─ discover (missed mentions)
        ─▶ Entity "e1", "e2", ... in order of first appearance; claims re-pointed.

See :mod:`.merge` for the rules and their guards.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..models import Claim, DocExtraction, Document, Entity, Mention
from .aliases import load_aliases, parse_aliases
from .build import add_context, build_nodes
from .discover import discover_mentions
from .merge import merge_nodes
from .names import clean_surface, fold, is_acronym, name_keys, strip_titles
from .nodes import Node, family
from .spelling import is_spelling_variant

__all__ = ["load_aliases", "parse_aliases", "resolve_entities", "spelling_variants"]


def resolve_entities(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], aliases: Mapping[str, str] | None = None
) -> tuple[list[Entity], list[Claim]]:
    """Global entities, and every claim with ``speaker``/``via`` rewritten to global ids.

    Entity ids are "e1", "e2", ... in order of first appearance (document
    order as given, then offset), so the same input always gives the same ids.
    ``aliases`` maps normalised names to a canonical key (see :func:`load_aliases`).
    """
    nodes = build_nodes(documents, extractions)
    uf, _ = merge_nodes(nodes, aliases)
    texts = {d.id: d.text for d in documents}
    for root, mention in discover_mentions(documents, nodes, uf):
        nodes[root].mentions.append(mention)
        nodes[root].add_surface(fold(mention.text))
        add_context(nodes[root], texts[mention.doc], [mention])
    groups = sorted(uf.groups().values(), key=lambda members: min(nodes[i].first for i in members))
    entities: list[Entity] = []
    global_of: dict[tuple[str, str], str] = {}
    for number, members in enumerate(groups, 1):
        gid = f"e{number}"
        entities.append(_entity(gid, [nodes[i] for i in members]))
        for i in members:
            global_of[(nodes[i].doc, nodes[i].local_id)] = gid
            global_of.setdefault(("", nodes[i].local_id), gid)
    claims = [_repoint(c, global_of) for x in extractions for c in x.claims]
    return entities, claims


def _repoint(claim: Claim, global_of: Mapping[tuple[str, str], str]) -> Claim:
    def g(local: str | None) -> str | None:
        if local is None:
            return None
        return global_of.get((claim.doc, local)) or global_of.get(("", local))

    return replace(claim, speaker=g(claim.speaker), via=g(claim.via))


def _entity(gid: str, members: list[Node]) -> Entity:
    mentions: dict[tuple[str, int, int], Mention] = {}
    for n in members:
        for m in n.mentions:
            mentions.setdefault((m.doc, m.start, m.end), m)
    etype = _entity_type(members, list(mentions.values()))
    doc_rank = {n.doc: n.doc_index for n in members}
    ordered = sorted(mentions.values(), key=lambda m: (doc_rank.get(m.doc, 0), m.start, m.end))
    final = tuple(
        replace(m, entity=gid, label=m.label if _same_kind(m.label, etype) else etype)
        for m in ordered
    )
    surfaces: dict[str, None] = {}
    for n in members:
        for s in n.surfaces:
            surfaces.setdefault(s, None)
    # People: the fullest of every form seen; bodies and places: of the mentions as
    # tagged (so "Kursk", not the "Kursk border region" read around a mention).
    pool = list(surfaces) if etype == "PERSON" else [fold(m.text) for m in ordered]
    name = _best_name(etype, pool or list(surfaces), ordered)
    seen = {name.casefold()}
    aliases = []
    for s in [clean_surface(s) for s in surfaces] + list(surfaces):
        if s and s.casefold() not in seen and s.count("(") == s.count(")"):
            seen.add(s.casefold())
            aliases.append(s)
    titles = list(dict.fromkeys(t for n in members for t in n.titles))
    return Entity(
        id=gid,
        name=name,
        type=etype,
        aliases=tuple(aliases),
        mentions=final,
        titles=tuple(titles),
        variants=spelling_variants(etype, final),
    )


#: Labels that name people, bodies and places; when a cluster has any of these,
#: stray labels of the small model ("Kursk" as PRODUCT, after a submarine) lose.
_NAME_LABELS = ("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP")


def _same_kind(label: str, etype: str) -> bool:
    """Whether a mention's own label may stand under the entity's type (else it is relabelled)."""
    return label in _NAME_LABELS and family(label) == family(etype) and (label == "PERSON") == (etype == "PERSON")


def _entity_type(members: list[Node], mentions: list[Mention]) -> str:
    """PERSON when any member is one (repaired slips included); else the most used name label."""
    types = Counter(n.etype for n in members)
    if "PERSON" in types:
        return "PERSON"
    if any(n.placed for n in members):
        return "GPE"
    votes = Counter(m.label for m in mentions) + types
    named = Counter({k: v for k, v in votes.items() if k in _NAME_LABELS})
    pool = named or votes
    # Ties go to the place label: the tagger's ORG for an unknown place is the common slip.
    return max(pool, key=lambda t: (pool[t], t in ("GPE", "LOC"), t)) if pool else members[0].etype


def _best_name(etype: str, surfaces: list[str], mentions: Sequence[Mention] = ()) -> str:
    """The fullest name: not an acronym, most words (titles stripped for people), then most used.

    People: the surname spelled as most documents spell it comes first, so a
    one-off misspelling in a fuller form ("Pat Rydder") never names the person.
    """
    counts = Counter(clean_surface(s) for s in surfaces if clean_surface(s))
    if not counts:
        return surfaces[0] if surfaces else ""
    first_seen = {s: i for i, s in reversed(list(enumerate(clean_surface(x) for x in surfaces)))}

    def form(s: str) -> str:
        return strip_titles(s) if etype == "PERSON" else s

    attested = _surname_attestation(mentions) if etype == "PERSON" else {}

    def rank(s: str):
        # People: the most words (given names and surname). Bodies and places: the form
        # used most, then the longest, so one tagger slip ("X Inspectorate for a") loses.
        if etype == "PERSON":
            surname = name_keys(s, etype).surname
            return (not is_acronym(s), attested.get(surname, 0), len(form(s).split()), counts[s], -first_seen.get(s, 0))
        return (not is_acronym(s), counts[s], len(s.split()), -first_seen.get(s, 0))

    return form(max(counts, key=rank))


def _surname_attestation(mentions: Sequence[Mention]) -> dict[str, int]:
    """Surname spelling -> number of documents whose mentions write it."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m in _named(mentions):
        surname = name_keys(m.text, "PERSON").surname
        if surname:
            docs_of[surname].add(m.doc)
    return {k: len(v) for k, v in docs_of.items()}


def spelling_variants(etype: str, mentions: Sequence[Mention]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The different spellings of an entity's one-word name across documents: (spelling, doc ids).

    Only spellings that are variants of another spelling present count (so a
    surname and an acronym of one body are not "variants").  Empty when the
    entity is spelled one way.
    """
    docs_of: dict[str, set[str]] = defaultdict(set)
    written: dict[str, str] = {}
    for m in _named(mentions):
        k = name_keys(m.text, etype)
        word = k.surname or k.single
        if not word:
            continue
        docs_of[word].add(m.doc)
        tokens = (strip_titles(m.text) if k.surname else clean_surface(m.text)).split()
        as_written = [t for t in tokens if name_keys(t, etype).single == word or t.lower() == word]
        written.setdefault(word, as_written[-1] if as_written else clean_surface(m.text))
    words = [w for w in docs_of if any(is_spelling_variant(w, o) for o in docs_of if o != w)]
    if len(words) < 2:
        return ()
    return tuple((written[w], tuple(sorted(docs_of[w]))) for w in sorted(words))


def _named(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that write a name (not a lower-case description such as "the lawyer")."""
    return [m for m in mentions if m.text != m.text.lower()]
