"""Find mentions the tagger missed, of entities resolution already knows.

Once one report has taught us a name ("Volodymyr Zelensky", "Ukraine's
military intelligence agency"), its other occurrences are found by lookup:
a capitalised word that is a known surname or one-word place (or a spelling
variant of one; in a line written in capitals, the word in capitals), or a phrase whose org key is a known multi-word name
("Ukrainian military intelligence").  Only names with a single owner are
used, so an ambiguous surname finds nothing.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..models import Document, Mention
from .names import name_keys, name_tokens, person_parts, phonetic_keys
from .nodes import Node, UnionFind, family
from .spelling import MIN_VARIANT_LEN, is_spelling_variant

__all__ = ["MAX_PHRASE_WORDS", "MIN_DISCOVERED_WORD", "discover_mentions"]

#: Shortest single word looked up: shorter capitalised words ("May", "Al")
#: are too often something else.
MIN_DISCOVERED_WORD = 4
#: Longest phrase tried against known multi-word names.
MAX_PHRASE_WORDS = 6
_CAP_WORD = re.compile(r"\b[A-Z][a-z\u00C0-\u024F][\w\u00C0-\u024F-]*")
_WORD = re.compile(r"[\w\u00C0-\u024F][\w\u00C0-\u024F.'\u2019-]*")


def _indexes(nodes: list[Node], uf: UnionFind):
    singles: dict[str, set[int]] = defaultdict(set)
    phon: dict[str, set[tuple[int, str]]] = defaultdict(set)
    phrases: dict[str, set[int]] = defaultdict(set)
    fulls: dict[str, set[int]] = defaultdict(set)
    etype: dict[int, str] = {}
    for i, n in enumerate(nodes):
        root = uf.find(i)
        etype.setdefault(root, n.etype)
        if n.generic or family(n.etype) not in ("P", "X"):
            continue  # common nouns and groups are not names to look for
        for s in n.surfaces:
            k = name_keys(s, n.etype)
            word = k.surname if (k.surname and family(n.etype) == "P") else k.single
            has_full = family(n.etype) != "P" or any(name_keys(x, n.etype).given for x in n.surfaces)
            if word and len(word) >= MIN_DISCOVERED_WORD and has_full:
                singles[word].add(root)
                if len(word) >= MIN_VARIANT_LEN:
                    for pk in phonetic_keys(word):
                        phon[pk].add((root, word))
            if family(n.etype) == "X" and k.core:
                phrases[k.core].add(root)
            if family(n.etype) == "P" and k.given and k.surname and not any(len(g) == 1 for g in k.given):
                fulls[" ".join(k.given + (k.surname,))].add(root)
    return singles, phon, phrases, fulls, etype


#: Two to four capitalised words in a row, one space apart: where a missed full name may be.
_NAME_RUN = re.compile(r"\b[A-Z][\w\u00C0-\u024F'-]+(?: [A-Z][\w\u00C0-\u024F'-]+){1,3}")


def _full_names(d: Document, fulls, etype, free, spans: list[tuple[int, int]]) -> list[tuple[int, Mention]]:
    """Missed occurrences of a person's full name ("Lindsay Lohan" in a headline the tagger skipped).

    A full name (given names and surname, no initials) found for exactly one
    person elsewhere; the longest run of words that is one wins.
    """
    out = []
    for run in _NAME_RUN.finditer(d.text):
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words) - 1:
            for j in range(len(words), i + 1, -1):
                s, e = run.start() + words[i][0], run.start() + words[j - 1][1]
                key = " ".join(person_parts(d.text[s:e])[0] + (person_parts(d.text[s:e])[1],))
                roots = fulls.get(key, set())
                if len(roots) == 1 and free(s, e):
                    root = next(iter(roots))
                    out.append((root, Mention(d.id, s, e, d.text[s:e], etype[root], "")))
                    spans.append((s, e))
                    i = j - 1
                    break
            i += 1
    return out


def _free(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Whether s:e overlaps none of the spans."""
    return not any(s < b and a < e for a, b in spans)


def discover_mentions(
    documents: Sequence[Document], nodes: list[Node], uf: UnionFind
) -> list[tuple[int, Mention]]:
    """(cluster representative, new mention) for each missed occurrence of a known name."""
    singles, phon, phrases, fulls, etype = _indexes(nodes, uf)
    vocabulary = {t for key in phrases for t in key.split()}
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n in nodes:
        # A demonym ("Ukrainian") may open a longer name the tagger missed: not a block.
        if n.etype != "NORP":
            covered[n.doc].extend((m.start, m.end) for m in n.mentions)
    out: list[tuple[int, Mention]] = []
    for d in documents:
        spans = covered[d.id]
        free = functools.partial(_free, spans=spans)

        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(d.text)]
        for i, (s, _, w) in enumerate(words):
            # Only a word that opens some known phrase key can start one (one lookup, not six).
            if not w[:1].isupper() or not (set(name_tokens(w)) & vocabulary):
                continue
            for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 1, -1):
                e = words[i + n - 1][1]
                if "\n" in d.text[s:e] or not free(s, e):
                    continue
                text = d.text[s:e].rstrip(".")
                core = name_keys(text, "ORG").core
                roots = phrases.get(core or "", set())
                if len(roots) == 1:
                    root = next(iter(roots))
                    out.append((root, Mention(d.id, s, s + len(text), text, etype[root], "")))
                    spans.append((s, s + len(text)))
                    break
        out.extend(_full_names(d, fulls, etype, free, spans))
        for m in _CAP_WORD.finditer(d.text):
            s, e, w = m.start(), m.end(), m.group()
            if w.endswith(("'s", "\u2019s")):
                e -= 2
                w = w[:-2]
            if len(w) < MIN_DISCOVERED_WORD or not free(s, e):
                continue
            low = w.lower()
            roots = singles.get(low, set())
            if not roots and len(low) >= MIN_VARIANT_LEN:
                roots = {
                    r for pk in phonetic_keys(low) for r, known in phon.get(pk, ()) if is_spelling_variant(low, known)
                }
            if len(roots) == 1:
                root = next(iter(roots))
                out.append((root, Mention(d.id, s, e, w, etype[root], "")))
                spans.append((s, e))
        out.extend(_upper_case_words(d, singles, etype, free, spans))
    return out


#: A line written in capitals (a headline or kicker kept in the body): no lower-case letter, 3+ words.
_UPPER_LINE = re.compile(r"^(?=(?:[^\n]*[ \t]){2})[^a-z\n]*[A-Z][^a-z\n]*$", re.MULTILINE)
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z\u00C0-\u00DE-]+")


def _upper_case_words(
    d: Document, singles: dict[str, set[int]], etype: dict[int, str], free: Callable[[int, int], bool],
    spans: list[tuple[int, int]],
) -> list[tuple[int, Mention]]:
    """Known one-word names in a line written in capitals ("RED SOX MAKE OFFER TO TEIXEIRA"),
    which the capitalised-word scan above cannot tell from acronyms elsewhere."""
    out = []
    for line in _UPPER_LINE.finditer(d.text):
        for m in _UPPER_WORD.finditer(line.group()):
            s, e = line.start() + m.start(), line.start() + m.end()
            roots = singles.get(m.group().lower(), set()) if len(m.group()) >= MIN_DISCOVERED_WORD else set()
            if len(roots) == 1 and free(s, e):
                root = next(iter(roots))
                out.append((root, Mention(d.id, s, e, m.group(), etype[root], "")))
                spans.append((s, e))
    return out
