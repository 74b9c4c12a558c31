"""Benchmark the align stage: how its time grows with the number of claims.

Generates (from templates written for this benchmark) a story of 300
documents whose claims restate a pool of propositions in varied wording, with
speakers, relays and counts, then times cluster_stories + align_facts +
build_figures at 1,000, 2,000, 5,000 and 10,000 claims.  Prints one line per
size and the growth factor, plus pair-F1 of the facts against the generator's
truth (a sanity check that the speed is not bought by skipping work).

Usage: .venv/bin/python benchmarks/bench_align.py [--sizes 1000,2000,5000,10000] [--docs 300] [--embeddings]
"""
from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from itertools import combinations

from newssift.align.facts import align_facts
from newssift.align.figures import build_figures
from newssift.align.stories import cluster_stories
from newssift.config import DEFAULT_CONFIG
from newssift.models import Claim, Document, Entity, Mention, Quantity, Story

SYLLABLES = [
    "ka", "lo", "ven", "tar", "mis", "ro", "dun", "bel", "sa", "tor", "ri", "gan", "pel", "mu", "hol", "sek",
    "vin", "da", "ber", "ost",
]

# Paraphrase templates per proposition kind: {who} {place} {n} {thing}.
TEMPLATES = {
    "killed": [
        "{n} people were killed in {place}",
        "the attack on {place} left {n} people dead",
        "{n} residents of {place} died in the strike",
    ],
    "wounded": [
        "{n} people were injured in {place}",
        "at {place} the blast wounded {n} people",
        "{n} residents of {place} were hurt",
    ],
    "evacuated": [
        "{n} residents were evacuated from {place}",
        "authorities moved {n} people out of {place}",
        "{place} was cleared of {n} residents overnight",
    ],
    "event": [
        "the {thing} near {place} was closed on Monday after {detail}",
        "officials shut the {thing} outside {place} on Monday, citing {detail}",
        "on Monday the {thing} by {place} closed because of {detail}",
    ],
    "statement": [
        "the {thing} in {place} will reopen next month once {detail} ends",
        "work on the {place} {thing} resumes next month after {detail}",
        "next month the {thing} at {place} reopens, {detail} permitting",
    ],
}
THINGS = [
    "bridge", "school", "market", "depot", "railway", "station", "harbour", "clinic", "power", "plant",
    "airport",
]
# Why something happened: two nonce words per proposition, as real facts
# differ in more than their place name.
REASONS = [
    "flooding", "inspection", "strike", "repairs", "shortage", "protest", "fire", "audit", "storm", "outage",
]


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(n_claims: int, n_docs: int, seed: int = 1):
    """(documents, claims, entities, truth: claim id -> proposition id)."""
    rng = random.Random(seed)
    people = [Entity(id=f"e{i}", name=f"{_name(rng, 2)} {_name(rng)}", type="PERSON") for i in range(150)]
    bodies = [Entity(id=f"o{i}", name=f"{_name(rng)} Agency", type="ORG") for i in range(40)]
    sources = people + bodies
    places = [_name(rng) for _ in range(n_claims // 4 + 10)]
    # A proposition is reported about 3 times on average, in different documents.
    n_props = max(1, n_claims // 3)
    props = []
    for p in range(n_props):
        kind = rng.choice(list(TEMPLATES))
        props.append({
            "kind": kind, "place": places[p % len(places)], "thing": rng.choice(THINGS),
            "n": rng.randint(3, 5000), "speaker": rng.choice(sources),
            "detail": f"the {_name(rng, 2).lower()} {rng.choice(REASONS)}",
        })
    doc_ids = [f"d{i:03d}" for i in range(n_docs)]
    bodies_text: dict[str, list[str]] = defaultdict(list)
    claims, truth = [], {}
    place_mentions: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for k in range(n_claims):
        p = k % n_props if k < 2 * n_props else rng.randrange(n_props)
        prop = props[p]
        template = rng.choice(TEMPLATES[prop["kind"]])
        text = template.format(n=prop["n"], place=prop["place"], thing=prop["thing"], detail=prop["detail"])
        doc_id = doc_ids[rng.randrange(n_docs)]
        body = bodies_text[doc_id]
        start = sum(len(t) + 2 for t in body)
        body.append(text[0].upper() + text[1:] + ".")
        quantities = ()
        if prop["kind"] in ("killed", "wounded", "evacuated"):
            qual = rng.choice(["exact", "about", "at_least"])
            high = None if qual == "at_least" else prop["n"]
            quantities = (Quantity(text=str(prop["n"]), low=prop["n"], high=high, qualifier=qual,
                                   measure=prop["kind"], subject="people"),)
        relayed = rng.random() < 0.2
        claims.append(Claim(
            id=f"c{k}", doc=doc_id, start=start, end=start + len(text), text=text, kind="indirect",
            speaker=prop["speaker"].id, speaker_text=prop["speaker"].name,
            via=rng.choice(bodies).id if relayed else None, quantities=quantities,
        ))
        truth[f"c{k}"] = p
        at = text.index(prop["place"])
        place_mentions[prop["place"]].append((doc_id, start + at, start + at + len(prop["place"])))
    # Every article opens with the same lead, as reports of one event do.
    lead = "Officials reported damage across the region after the storm. "
    docs = [Document(id=d, text=lead + "  ".join(bodies_text[d]), outlet=f"Outlet {i % 40}")
            for i, d in enumerate(doc_ids)]
    off = len(lead)
    places_e = [
        Entity(id=f"p{i}", name=name, type="GPE", mentions=tuple(
            Mention(doc=d, start=a + off, end=b + off, text=name, label="GPE", entity=f"p{i}") for d, a, b in ms))
        for i, (name, ms) in enumerate(sorted(place_mentions.items()))
    ]
    return docs, _shift(claims, off), sources + places_e, truth


def _shift(claims: list[Claim], offset: int) -> list[Claim]:
    from dataclasses import replace

    return [replace(c, start=c.start + offset, end=c.end + offset) for c in claims]


def pair_f1(facts, truth) -> float:
    """Pairwise F1 of the facts against the generator's propositions."""
    sys_of = {c: f.id for f in facts for c in f.claims}
    by_prop = defaultdict(list)
    for c, p in truth.items():
        by_prop[p].append(c)
    tp = fn = 0
    for members in by_prop.values():
        for a, b in combinations(members, 2):
            if sys_of[a] == sys_of[b]:
                tp += 1
            else:
                fn += 1
    fp = 0
    for f in facts:
        for a, b in combinations(f.claims, 2):
            fp += truth[a] != truth[b]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,5000,10000")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--embeddings", action="store_true")
    args = ap.parse_args()
    config = DEFAULT_CONFIG.with_(use_embeddings=args.embeddings)
    previous = None
    print(f"{'claims':>7} {'docs':>5} {'stories':>7} {'facts':>6} {'figures':>7} {'stories_s':>9} {'seconds':>8} "
          f"{'growth':>7} {'pair_f1':>8}")
    for n in (int(s) for s in args.sizes.split(",")):
        docs, claims, entities, truth = generate(n, args.docs)
        t0 = time.perf_counter()
        # The generated documents mix many small events, so clustering splits
        # them; it is timed here, and facts are aligned over one story of all
        # 300 documents — the hardest case for align.
        n_stories = len(cluster_stories(docs, []))
        t_stories = time.perf_counter() - t0
        stories = [Story(id="s1", docs=tuple(d.id for d in docs))]
        facts = align_facts(docs, claims, entities, stories, config)
        figures = build_figures(docs, claims, entities, facts)
        dt = time.perf_counter() - t0
        growth = f"{dt / previous[1] / (n / previous[0]):.2f}" if previous else "-"
        print(f"{n:>7} {len(docs):>5} {n_stories:>7} {len(facts):>6} {len(figures):>7} {t_stories:>9.2f} {dt:>8.2f} "
              f"{growth:>7} {pair_f1(facts, truth):>8.3f}")
        previous = (n, dt)
    print("growth = (time ratio) / (claims ratio) against the previous size; 1.0 is linear.")
    print(f"path: {'embeddings (up to EMBED_MAX_CLAIMS claims per run)' if args.embeddings else 'lexical'}; "
          "the shipped default config takes the lexical path above EMBED_MAX_CLAIMS claims.")


if __name__ == "__main__":
    main()
