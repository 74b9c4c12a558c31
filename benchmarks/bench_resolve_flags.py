"""Benchmark resolve and the non-parsing flags: how their time grows with the number of documents.

Generates fictional documents (names built from syllables written for this
benchmark; some names respelt as transliteration variants, some persons given
by surname only) with hand-made extractions, then times resolve_entities and
the flags that need no parse (spelling, quote variants, social embeds,
headlines) at growing sizes.  Prints one line per size, the growth factor
against the previous size, and the number of entities (a sanity check that
merging still happens).

Usage: .venv/bin/python benchmarks/bench_resolve_flags.py [--sizes 100,200,400,800] [--names 40]
"""
from __future__ import annotations

import argparse
import random
import time

from newssift.flags.embeds import find_social_embeds
from newssift.flags.headline import find_headline_mismatches
from newssift.flags.quotes import find_quote_variants
from newssift.flags.spelling import find_spelling_variants
from newssift.models import DocExtraction, Document, Entity, Mention
from newssift.resolve import resolve_entities

SYLLABLES = "ka lo ven tar mis ro dun bel sa tor ri gan pel mu hol sek vin da ber ost".split()


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _variant(word: str) -> str:
    """A transliteration-style respelling: a doubled final letter or y for i."""
    return word + word[-1] if "i" not in word else word.replace("i", "y", 1)


def make_corpus(n_docs: int, n_names: int, seed: int = 7) -> tuple[list[Document], list[DocExtraction]]:
    """n_docs documents, each naming a few people, places and bodies from a shared pool."""
    rng = random.Random(seed)
    people = [(_name(rng, 2), _name(rng, 3)) for _ in range(n_names)]
    places = [_name(rng, 3) for _ in range(n_names)]
    bodies = [f"{_name(rng, 2)} {rng.choice(['Harbour', 'Rescue', 'Water'])} Authority" for _ in range(n_names)]
    docs, exs = [], []
    for d in range(n_docs):
        doc_id = f"d{d}"
        parts: list[tuple[str, str]] = []
        for _ in range(4):
            given, surname = rng.choice(people)
            if rng.random() < 0.2:
                surname = _variant(surname)
            parts.append((f"{given} {surname}", "PERSON"))
            parts.append((surname, "PERSON"))
        for _ in range(3):
            parts.append((rng.choice(places), "GPE"))
        body = rng.choice(bodies)
        acr = "".join(w[0] for w in body.split())
        text_bits, mentions = [], []
        pos = 0
        for surface, label in parts:
            sentence = f"Officials said {surface} was at the quay. "
            s = pos + sentence.index(surface)
            mentions.append((s, s + len(surface), surface, label))
            text_bits.append(sentence)
            pos += len(sentence)
        tail = f"The {body} ({acr}) said \u201cthe crews worked through the night without a break\u201d. "
        s = pos + tail.index(body)
        mentions.append((s, s + len(body), body, "ORG"))
        text_bits.append(tail)
        text = "".join(text_bits)
        local: dict[tuple[str, str], list] = {}
        for s, e, surface, label in mentions:
            local.setdefault((surface, label), []).append((s, e))
        entities = []
        for k, ((surface, label), spans) in enumerate(local.items(), 1):
            eid = f"{doc_id}#e{k}"
            entities.append(Entity(id=eid, name=surface, type=label,
                                   mentions=tuple(Mention(doc_id, s, e, surface, label, eid) for s, e in spans)))
        docs.append(Document(id=doc_id, text=text, title=f"Storm hits {rng.choice(places)} port"))
        exs.append(DocExtraction(doc=doc_id, entities=tuple(entities), claims=()))
    return docs, exs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,200,400,800")
    ap.add_argument("--names", type=int, default=40)
    args = ap.parse_args()
    prev = None
    print("| documents | mentions | entities | resolve s | flags s | resolve growth |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in [int(x) for x in args.sizes.split(",")]:
        docs, exs = make_corpus(n, args.names)
        mentions = sum(len(e.mentions) for x in exs for e in x.entities)
        t0 = time.perf_counter()
        entities, _ = resolve_entities(docs, exs)
        t1 = time.perf_counter()
        find_spelling_variants(entities)
        find_quote_variants(docs, [])
        find_social_embeds(docs)
        find_headline_mismatches(docs, entities)
        t2 = time.perf_counter()
        growth = f"{(t1 - t0) / prev:.2f}x" if prev else "-"
        prev = t1 - t0
        print(f"| {n} | {mentions} | {len(entities)} | {t1 - t0:.2f} | {t2 - t1:.2f} | {growth} |")


if __name__ == "__main__":
    main()
