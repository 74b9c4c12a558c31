"""One very long article end to end, beside bare spaCy on the same text, interleaved.

    .venv/bin/python benchmarks/bench_long.py --chars 200000 --rounds 2
    .venv/bin/python benchmarks/bench_long.py --chars 3000000 --rounds 1 --no-reference

The article is assembled from the fictional wire sentences of
``bench_annotate_extract.py`` (varied people, places and numbers) until it
reaches ``--chars`` characters, in paragraphs.  Each round times
``newssift.analyze`` on it and spaCy's own ``nlp.pipe`` over the same text
cut at the same paragraph boundaries (spaCy cannot take a text over its
``max_length`` whole), alternating which goes first.  The first newssift run
includes loading the models, as a user's run does; ``--no-embeddings``
measures the analysis without the sentence encoder.  Prints figures; asserts
nothing.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_annotate_extract import make_article


def long_text(chars: int, seed: int = 3) -> str:
    """A fictional article of at least ``chars`` characters, in paragraphs."""
    rnd = random.Random(seed)
    parts, size, i = ["Flood report: the week in the river valley"], 0, 0
    while size < chars:
        body = make_article(i, rnd).text
        parts.append(body)
        size += len(body) + 2
        i += 1
    return "\n\n".join(parts)


def time_newssift(text: str, use_embeddings: bool) -> tuple[float, int]:
    """Seconds for one ``newssift.analyze`` of ``text``, and the number of claims."""
    import newssift
    from newssift.config import DEFAULT_CONFIG

    config = replace(DEFAULT_CONFIG, use_embeddings=use_embeddings)
    t = time.perf_counter()
    report = newssift.analyze([text], config=config)
    return time.perf_counter() - t, len(report.claims)


def time_spacy(text: str, nlp, chunk: int) -> float:
    """Seconds for bare spaCy over ``text`` in pieces of at most ``chunk`` characters (paragraph cuts)."""
    from newssift.annotate import split_for_parse

    t = time.perf_counter()
    for _ in nlp.pipe(split_for_parse(text, chunk)):
        pass
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=200_000, help="article length in characters (default %(default)s)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default %(default)s)")
    ap.add_argument("--no-embeddings", action="store_true", help="analyse without the sentence encoder")
    ap.add_argument("--no-reference", action="store_true", help="skip bare spaCy (for a completion check)")
    args = ap.parse_args(argv)
    import spacy

    from newssift.config import DEFAULT_CONFIG

    text = long_text(args.chars)
    nlp = None if args.no_reference else spacy.load(DEFAULT_CONFIG.spacy_model)
    chunk = DEFAULT_CONFIG.parse_chunk_chars
    ours, theirs, claims = [], [], 0
    for r in range(max(1, args.rounds)):
        sides = ("newssift", "spacy") if r % 2 == 0 else ("spacy", "newssift")
        for side in sides:
            if side == "newssift":
                seconds, claims = time_newssift(text, not args.no_embeddings)
                ours.append(seconds)
            elif nlp is not None:
                theirs.append(time_spacy(text, nlp, chunk))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"article: {len(text):,} characters, {claims} claims, embeddings {'off' if args.no_embeddings else 'on'}")
    print(f"newssift analyze: {', '.join(f'{s:.1f}' for s in ours)} s (median {statistics.median(ours):.1f} s; "
          f"the first run includes loading models)")
    if theirs:
        print(f"bare spaCy:       {', '.join(f'{s:.1f}' for s in theirs)} s (median {statistics.median(theirs):.1f} s)")
        print(f"ratio newssift / spaCy (median): {statistics.median(ours) / statistics.median(theirs):.2f}")
    print(f"peak RSS: {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
