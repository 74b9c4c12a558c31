"""The merge rules: which document-local entities are one entity across documents.

Passes, each by key lookup (near-linear in the number of names):

1. exact keys: same name after folding, articles, possessives, titles,
   demonyms ("Ukrainian" = "Ukraine's") and place suffixes; the user's aliases;
2. in-text definitions (already surfaces of a node: "X (ABC)");
3. org "core" keys without kind-words ("... agency" = "... Directorate");
4. acronyms whose letters are the initials of exactly one other entity;
5. org names that are another's plus a country ("US State Department");
6. bare surnames to the one person of that surname (same document first);
7. spelling variants of one name word, guarded by type, given names and context;
8. lone words (or given name + surname) tagged as a body, or as a place the
   text never calls one, that are the surname of exactly one person — or of
   one person named in far more documents than any other of that surname.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from .names import NameKeys, alias_key, clean_surface, name_keys, person_parts, phonetic_keys
from .nodes import Node, UnionFind, compatible, family
from .places import country_of_word
from .spelling import given_names_compatible, is_spelling_variant

__all__ = ["MIN_ACRONYM_INITIALS", "MIN_SHARED_CONTEXT", "merge_nodes", "node_keys"]

#: Shortest acronym matched to an expansion by its initials across documents.
#: Two-letter initials ("PM", "EU") collide across unrelated names far too
#: often; they match only within one document.
MIN_ACRONYM_INITIALS = 3
#: Other entities two clusters' documents must share before a spelling-variant
#: merge across documents: a typo merges only where the stories overlap.
MIN_SHARED_CONTEXT = 2
#: A bare surname shared by several people ("Lohan": the actress and her
#: parents) goes to the one named in this many times more documents than any
#: other; below that it stays apart.  Swept 2-5 on the ECB+ development
#: topics (docs/resolve-and-flags.md).
DOMINANT_DOCS_RATIO = 3


def node_keys(node: Node) -> list[NameKeys]:
    """The matching keys of every surface of a node."""
    return [name_keys(s, node.etype) for s in node.surfaces]


def _union_by_index(uf: UnionFind, nodes: list[Node], index: Mapping[str, list[int]]) -> None:
    for members in index.values():
        first = members[0]
        for other in members[1:]:
            if compatible(nodes[first].etype, nodes[other].etype):
                uf.union(first, other)


def merge_nodes(nodes: list[Node], aliases: Mapping[str, str] | None = None) -> tuple[UnionFind, set[tuple[int, int]]]:
    """Group nodes into entities; also return the pairs joined as spelling variants."""
    uf = UnionFind(len(nodes))
    keys = [node_keys(n) for n in nodes]
    exact: dict[str, list[int]] = defaultdict(list)
    core: dict[str, list[int]] = defaultdict(list)
    generic: dict[str, list[int]] = defaultdict(list)
    for i, (n, ks) in enumerate(zip(nodes, keys)):
        fam = family(n.etype)
        if n.generic:
            # "police", "officials": which ones depends on the story; joined later, in context.
            for k in ks:
                for e in k.exact:
                    generic[fam + e].append(i)
            continue
        for k in ks:
            for e in k.exact:
                exact[fam + e].append(i)
            if k.core and fam == "X":
                core[k.core].append(i)
        for s in n.surfaces:
            canonical = (aliases or {}).get(alias_key(s))
            if canonical:
                # The user said so: merge across types too.
                exact["ALIAS:" + canonical].append(i)
    _union_by_index(uf, nodes, exact)
    for key, members in exact.items():
        if key.startswith("ALIAS:"):  # the user's word overrides the type check
            for other in members[1:]:
                uf.union(members[0], other)
    _union_by_index(uf, nodes, core)
    _acronym_pass(uf, nodes, keys)
    _subset_pass(uf, nodes, keys)
    _surname_pass(uf, nodes, keys)
    variants = _variant_pass(uf, nodes, keys)
    _orphan_surname_pass(uf, nodes, keys)
    _generic_pass(uf, nodes, generic)
    return uf, variants


def _generic_pass(uf: UnionFind, nodes: list[Node], generic: Mapping[str, list[int]]) -> None:
    """Join common-noun names only inside one document or between documents that share the story."""
    context = _context(uf, nodes)
    for members in generic.values():
        _join_generic(uf, nodes, members, context)


def _join_generic(uf: UnionFind, nodes: list[Node], members: list[int], context: _Context) -> None:
    """Join two nodes of one common-noun key when in one document or when their clusters share
    MIN_SHARED_CONTEXT other clusters, pair by pair in order.

    Only pairs that can join are visited: the nodes of the same document, and
    those whose cluster's context shares enough with the current one's (found
    by counting through an index of the key's clusters' contexts). The others
    would fail the test, so the joins, and their order, are those of trying
    every pair ("police" in thousands of reports made that quadratic).
    """
    at_root: dict[int, list[int]] = defaultdict(list)  # current cluster -> positions of the key's nodes in it
    at_doc: dict[str, list[int]] = defaultdict(list)
    holders: dict[int, list[int]] = defaultdict(list)  # context cluster -> the key's clusters holding it
    for pos, i in enumerate(members):
        at_root[uf.find(i)].append(pos)
        at_doc[nodes[i].doc].append(pos)
    for root in at_root:
        for c in context.get(root, ()):
            holders[c].append(root)

    def candidates(root: int, a: int, after: int) -> list[int]:
        near = Counter(r for c in context.get(root, ()) for r in holders.get(c, ()))
        out = {p for r, k in near.items() if k >= MIN_SHARED_CONTEXT for p in at_root.get(r, ())}
        out.update(at_doc[nodes[a].doc])
        return sorted(p for p in out if p > after)

    for a_pos, a in enumerate(members):
        root = uf.find(a)
        queue, k = candidates(root, a, a_pos), 0
        while k < len(queue):
            b_pos = queue[k]
            k += 1
            b = members[b_pos]
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb or not compatible(nodes[a].etype, nodes[b].etype):
                continue
            shared = context.get(ra, set()) & context.get(rb, set())
            if nodes[a].doc == nodes[b].doc or len(shared) >= MIN_SHARED_CONTEXT:
                uf.union(a, b)
                new = uf.find(a)
                at_root[new].extend(at_root.pop(rb if new == ra else ra, []))
                if new != root:  # the cluster's context is now the other one's: look again from here
                    root = new
                    queue, k = candidates(root, a, b_pos), 0


def _acronym_pass(uf: UnionFind, nodes: list[Node], keys: list[list[NameKeys]]) -> None:
    """Join an acronym to the one entity whose name has those initials."""
    by_initials: dict[str, set[int]] = defaultdict(set)
    for i, ks in enumerate(keys):
        for k in ks:
            for ini in k.initials:
                by_initials[ini].add(i)
    for i, ks in enumerate(keys):
        for k in ks:
            if not k.acronym:
                continue
            # Two-letter initials ("EU", "UN") only inside one document.
            short = len(k.acronym) < MIN_ACRONYM_INITIALS
            cands = {
                uf.find(j) for j in by_initials.get(k.acronym, ())
                if compatible(nodes[i].etype, nodes[j].etype) and (not short or nodes[j].doc == nodes[i].doc)
            }
            cands.discard(uf.find(i))
            if len(cands) == 1:
                uf.union(i, cands.pop())


def _subset_pass(uf: UnionFind, nodes: list[Node], keys: list[list[NameKeys]]) -> None:
    """Join "State Department" to "US State Department": the longer adds only a country."""
    bags: list[tuple[int, frozenset[str]]] = []
    # A longer name that adds only countries ("@" tokens) has exactly the
    # shorter one's other words: bags with a country are filed under those
    # words, so a name finds its supersets by one lookup (it used to walk
    # every bag holding its rarest word, which grows with the run).
    by_words: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        if family(nodes[i].etype) != "X":
            continue
        for k in ks:
            if k.bag:
                bag = frozenset(k.bag)
                bags.append((i, bag))
                words = frozenset(t for t in bag if not t.startswith("@"))
                if words != bag:
                    by_words[words].append(len(bags) - 1)
    for i, bag in bags:
        content = [t for t in bag if not t.startswith("@")]
        if len(content) < 2 or len(content) != len(bag):
            continue
        supersets = set()
        for b in by_words.get(bag, ()):
            j, other = bags[b]
            extra = other - bag
            if bag < other and extra and all(t.startswith("@") for t in extra):
                supersets.add((uf.find(j), frozenset(extra)))
        roots = {r for r, _ in supersets}
        roots.discard(uf.find(i))
        # Ambiguous ("Ministry of Defense" beside a Russian and a Ukrainian one): leave it.
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _person_names(node: Node, ks: list[NameKeys]) -> list[tuple[tuple[str, ...], str]]:
    return [(k.given, k.surname) for k in ks if k.surname]


def _surname_pass(uf: UnionFind, nodes: list[Node], keys: list[list[NameKeys]]) -> None:
    """Join bare surnames and compatible full names of one surname to their person."""
    full: dict[str, list[int]] = defaultdict(list)  # surname -> nodes with a full name
    bare: list[tuple[int, str]] = []
    for i, (n, ks) in enumerate(zip(nodes, keys)):
        if family(n.etype) != "P":
            continue
        names = _person_names(n, ks)
        if any(g for g, _ in names):
            for g, s in names:
                if g:
                    full[s].append(i)
        else:
            bare.extend((i, s) for _, s in names)
    # Full names of one surname: join when the given names agree ("J. Kirby", "John Kirby").
    for surname, members in full.items():
        _join_compatible_given(uf, [(a, [g for g, s in _person_names(nodes[a], keys[a]) if s == surname and g])
                                    for a in members])
    first_names: dict[tuple[str, str], set[int]] = defaultdict(set)  # (doc, first given name) -> nodes
    for members in full.values():
        for j in members:
            for g, _ in _person_names(nodes[j], keys[j]):
                if g:
                    first_names[(nodes[j].doc, g[0])].add(j)
    docs_of = _ClusterDocs(uf, nodes)
    for i, surname in bare:
        cands = full.get(surname, [])
        same_doc = {uf.find(j) for j in cands if nodes[j].doc == nodes[i].doc}
        pool = same_doc or {uf.find(j) for j in cands}
        if not pool:
            # Not a surname: a name written given-name-first elsewhere in this document
            # ("Xi" after "Xi Jinping", "Kim" after "Kim Jong Un") when only one person has it.
            pool = {uf.find(j) for j in first_names.get((nodes[i].doc, surname), ())}
        if len(pool) > 1 and not same_doc:
            pool = _dominant(uf, nodes, pool, docs_of)
        if len(pool) == 1:
            docs_of.union(i, pool.pop())


def _join_compatible_given(uf: UnionFind, members: list[tuple[int, list[tuple[str, ...]]]]) -> None:
    """Join every two nodes of one surname whose given names are all compatible.

    Nodes with the same given names behave alike, so the given-name sets are
    compared, not the nodes: two compatible sets join all their nodes (a
    complete bipartite link is connected), a set compatible with itself joins
    its own. The clusters are the ones pairwise joining makes, at the cost of
    (distinct given names)^2 rather than (nodes of the surname)^2.
    """
    by_given: dict[frozenset, list[int]] = {}
    for node, given in members:
        if given:
            by_given.setdefault(frozenset(given), []).append(node)

    def compatible_sets(xs: frozenset, ys: frozenset) -> bool:
        return all(given_names_compatible(x, y) for x in xs for y in ys)

    sets = list(by_given)
    for a_pos, ga in enumerate(sets):
        if len(by_given[ga]) > 1 and compatible_sets(ga, ga):
            for other in by_given[ga][1:]:
                uf.union(by_given[ga][0], other)
        for gb in sets[a_pos + 1:]:
            if compatible_sets(ga, gb):
                for other in by_given[ga] + by_given[gb]:
                    uf.union(by_given[ga][0], other)


class _ClusterDocs:
    """Cluster root -> documents of its nodes, kept current through ``union`` (for ``_dominant``)."""

    def __init__(self, uf: UnionFind, nodes: list[Node]):
        self.uf = uf
        self.docs: dict[int, set[str]] = defaultdict(set)
        for i, n in enumerate(nodes):
            self.docs[uf.find(i)].add(n.doc)

    def union(self, a: int, b: int) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if self.uf.union(a, b):
            keep = self.uf.find(a)
            self.docs[keep] |= self.docs.pop(rb if keep == ra else ra, set())


def _dominant(uf: UnionFind, nodes: list[Node], roots: set[int], cluster_docs: _ClusterDocs | None = None) -> set[int]:
    """The one cluster of ``roots`` named in DOMINANT_DOCS_RATIO times more documents than the rest, or all.

    ``cluster_docs``, kept current by the caller's unions, saves a walk over every node per call.
    """
    if cluster_docs is not None:
        docs = {r: cluster_docs.docs[r] for r in roots}
    else:
        docs = defaultdict(set)
        for i, n in enumerate(nodes):
            r = uf.find(i)
            if r in roots:
                docs[r].add(n.doc)
    ranked = sorted(roots, key=lambda r: (-len(docs[r]), r))
    if len(docs[ranked[0]]) >= DOMINANT_DOCS_RATIO * len(docs[ranked[1]]):
        return {ranked[0]}
    return roots


def _singles(node: Node, ks: list[NameKeys]) -> set[str]:
    out = set()
    for k in ks:
        if k.surname:
            out.add(k.surname)
        elif k.single:
            out.add(k.single)
    return out


class _Context:
    """Cluster -> the other clusters that appear in its documents, as the clusters stood when made.

    Each cluster's set is built when first asked (``get``): the passes ask
    for a few clusters, and a place named in a tenth of the reports has a
    set that grows with the run, so building every set was quadratic.
    """

    def __init__(self, by_doc: Mapping[str, set[int]], docs_of: Mapping[int, set[str]]):
        self.by_doc, self.docs_of = by_doc, docs_of
        self.made: dict[int, set[int]] = {}

    def get(self, root: int, default=None):
        """The set of ``root``'s cluster, or ``default`` for no cluster."""
        if root not in self.docs_of:
            return default
        if root not in self.made:
            self.made[root] = set().union(*(self.by_doc[d] for d in self.docs_of[root])) - {root}
        return self.made[root]


def _context(uf: UnionFind, nodes: list[Node]) -> _Context:
    """Cluster -> the other clusters that appear in its documents."""
    by_doc: dict[str, set[int]] = defaultdict(set)
    for i, n in enumerate(nodes):
        by_doc[n.doc].add(uf.find(i))
    docs_of: dict[int, set[str]] = defaultdict(set)
    for i, n in enumerate(nodes):
        docs_of[uf.find(i)].add(n.doc)
    return _Context(by_doc, docs_of)


def _variant_pass(uf: UnionFind, nodes: list[Node], keys: list[list[NameKeys]]) -> set[tuple[int, int]]:
    """Join clusters whose one-word names are spelling variants (blocked by phonetic keys).

    Distinct words are compared, not nodes: a surname in 500 documents is one
    word, so a block costs (distinct words)^2, and each variant word pair is
    checked once per pair of clusters carrying them.
    """
    block: dict[tuple[str, str], set[str]] = defaultdict(set)
    carriers: dict[tuple[str, str], list[int]] = defaultdict(list)  # (family, word) -> nodes
    for i, (n, ks) in enumerate(zip(nodes, keys)):
        fam = family(n.etype)
        for word in _singles(n, ks):
            carriers[(fam, word)].append(i)
            for pk in phonetic_keys(word):
                block[(fam, pk)].add(word)
    context = _context(uf, nodes)
    joined: set[tuple[int, int]] = set()
    seen: set[tuple[str, str, str]] = set()
    for (fam, _), words in sorted(block.items()):
        ordered = sorted(words)
        for a_pos, wa in enumerate(ordered):
            for wb in ordered[a_pos + 1:]:
                if (fam, wa, wb) in seen:
                    continue
                seen.add((fam, wa, wb))
                if not is_spelling_variant(wa, wb):
                    continue
                for a in _one_per_cluster(uf, carriers[(fam, wa)]):
                    for b in _one_per_cluster(uf, carriers[(fam, wb)]):
                        if _variant_ok(uf, nodes, keys, context, a, wa, b, wb):
                            uf.union(a, b)
                            joined.add((min(a, b), max(a, b)))
    return joined


def _one_per_cluster(uf: UnionFind, members: list[int]) -> list[int]:
    """The first member of each cluster among ``members``."""
    out: dict[int, int] = {}
    for i in members:
        out.setdefault(uf.find(i), i)
    return list(out.values())


def _variant_ok(uf, nodes, keys, context, a: int, wa: str, b: int, wb: str) -> bool:
    if uf.find(a) == uf.find(b):
        return False
    if not compatible(nodes[a].etype, nodes[b].etype) or not is_spelling_variant(wa, wb):
        return False
    if family(nodes[a].etype) == "P":
        ga = [k.given for k in keys[a] if k.surname == wa]
        gb = [k.given for k in keys[b] if k.surname == wb]
        if not all(given_names_compatible(x, y) for x in ga for y in gb):
            return False
    if nodes[a].doc == nodes[b].doc:
        return True
    shared = context.get(uf.find(a), set()) & context.get(uf.find(b), set())
    return len(shared) >= MIN_SHARED_CONTEXT


def _orphan_surname_pass(uf: UnionFind, nodes: list[Node], keys: list[list[NameKeys]]) -> None:
    """A lone capitalised word the tagger called ORG (or a place the text never calls one) is a
    surname when one person carries it, or one person far more often than any other.

    For "Zelenskyy also shared ..." in a report that never gives the full
    name: the word, or a spelling variant of it, must be the surname of
    exactly one person with a full name elsewhere.
    """
    full: dict[str, set[int]] = defaultdict(set)
    for j, (n, ks) in enumerate(zip(nodes, keys)):
        if family(n.etype) == "P":
            for k in ks:
                if k.surname and k.given:
                    full[k.surname].add(j)
    given_of: dict[int, set[str]] = defaultdict(set)
    for j, (n, ks) in enumerate(zip(nodes, keys)):
        if family(n.etype) == "P":
            given_of[uf.find(j)].update(k.given[0] for k in ks if k.given)
    # A spelling variant shares a phonetic key (see ``is_spelling_variant``), so
    # only surnames under the word's keys are tried, not every surname.
    sounds: dict[str, list[str]] = defaultdict(list)
    for surname in full:
        for pk in phonetic_keys(surname):
            sounds[pk].append(surname)
    docs_of = _ClusterDocs(uf, nodes)
    for i, (n, ks) in enumerate(zip(nodes, keys)):
        if not _maybe_surname(n) or not ks or any(k.acronym for k in ks):
            continue
        if all(k.single for k in ks):
            words = {k.single for k in ks}
            given = None
        else:
            # "Goran Pavlik" tagged ORG: a given name of the person and a spelling of the surname.
            parts = {person_parts(s) for s in n.surfaces}
            if len(parts) != 1 or not 1 <= len(next(iter(parts))[0]) <= 2:
                continue
            given_names, surname = parts.pop()
            words, given = {surname}, given_names[0]
        if len(words) != 1:
            continue
        word = words.pop()
        exact = {uf.find(j) for j in full.get(word, ())}
        if not exact:
            alike = {s for pk in phonetic_keys(word) for s in sounds.get(pk, ())}
            exact = {uf.find(j) for s in alike if is_spelling_variant(s, word) for j in full[s]}
        cands = exact
        if given is not None:
            cands = {r for r in cands if given in given_of.get(r, ())}
        if len(cands) > 1:
            cands = _dominant(uf, nodes, cands, docs_of)
        if len(cands) == 1:
            docs_of.union(i, cands.pop())
            n.etype = "PERSON"


def _maybe_surname(n: Node) -> bool:
    """A node tagged as a body, or as a place the text never calls one and no country."""
    if n.etype == "ORG":
        return True
    if n.etype not in ("GPE", "LOC", "FAC") or n.placed or n.generic:
        return False
    return not any(country_of_word(clean_surface(s).lower()) for s in n.surfaces)

