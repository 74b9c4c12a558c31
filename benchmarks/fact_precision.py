"""Fact precision: how often the claims a fact joins belong together.

The reference scorer's facts.pair_f1 only looks at claims the gold file puts
in some fact, so a fact that wrongly joins claims the gold leaves alone costs
it nothing.  This check looks from the system's side: for every system fact
with two or more claims, each pair of its claims where both match a gold
claim is right when the gold puts them in the same fact (a gold claim in no
gold fact is a fact of its own).  Pairs with a claim the gold does not list
cannot be judged and are counted apart; ``--show`` prints every multi-claim
fact to read them.

Usage:
    .venv/bin/newssift analyze CORPUS --json REPORT.json --quiet
    .venv/bin/python benchmarks/fact_precision.py GOLD.yaml REPORT.json CORPUS [--show]

Claims are matched to gold claims the way the reference scorer matches them
(same document; the gold quote inside the claim's text or the reverse).
"""
from __future__ import annotations

import argparse
import json
import re
from itertools import combinations
from pathlib import Path

import yaml

__all__ = ["fact_precision", "match_gold_claims"]

#: Longest claim text (in characters) the reference scorer accepts as a match
#: for a short quote, and the slack it adds to a quote's own length.
MATCH_MAX_CHARS = 450
MATCH_SLACK = 120
#: Shortest claim text that may match by lying inside a gold quote.
MATCH_MIN_INSIDE = 20


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def match_gold_claims(gold: dict, report: dict) -> dict[str, str]:
    """System claim id -> gold claim id, first matching system claim per gold claim."""
    by_doc: dict[str, list[dict]] = {}
    for c in report.get("claims", []):
        by_doc.setdefault(c["doc"], []).append(c)
    out: dict[str, str] = {}
    for gc in gold.get("claims", []):
        q = _norm(gc["quote"])
        for c in by_doc.get(gc["doc"], []):
            t = _norm(c["text"])
            if len(t) <= max(MATCH_MAX_CHARS, len(q) + MATCH_SLACK) and (
                    q in t or (len(t) > MATCH_MIN_INSIDE and t in q)):
                out.setdefault(c["id"], gc["id"])
                break
    return out


def fact_precision(gold: dict, report: dict) -> dict[str, float | int]:
    """Judged pairs, right pairs, precision and unjudged pairs over the multi-claim facts."""
    match = match_gold_claims(gold, report)
    gold_fact = {cid: f["id"] for f in gold.get("facts", []) for cid in f["claims"]}
    right = judged = unjudged = multi = 0
    for f in report.get("facts", []):
        if len(f["claims"]) < 2:
            continue
        multi += 1
        for a, b in combinations(f["claims"], 2):
            if a in match and b in match:
                judged += 1
                ga, gb = match[a], match[b]
                right += gold_fact.get(ga, ga) == gold_fact.get(gb, gb)
            else:
                unjudged += 1
    return {"multi_claim_facts": multi, "judged_pairs": judged, "right_pairs": right,
            "precision": right / judged if judged else 0.0, "unjudged_pairs": unjudged}


def _show(gold: dict, report: dict) -> None:
    match = match_gold_claims(gold, report)
    gold_fact = {cid: f["id"] for f in gold.get("facts", []) for cid in f["claims"]}
    claims = {c["id"]: c for c in report.get("claims", [])}
    for f in report.get("facts", []):
        if len(f["claims"]) < 2:
            continue
        print(f"--- {f['id']} {f['status']} origins={list(f.get('origins', []))}")
        for cid in f["claims"]:
            c, g = claims[cid], match.get(cid)
            label = gold_fact.get(g, f"{g} (in no gold fact)") if g else "not a gold claim"
            print(f"    [{c['doc']}] {label} | {c.get('speaker_text')} | {c['text'][:140]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("report", type=Path)
    ap.add_argument("corpus", type=Path, help="unused; kept so the arguments read like score.py's")
    ap.add_argument("--show", action="store_true", help="print every multi-claim fact")
    args = ap.parse_args()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    report = json.loads(args.report.read_text(encoding="utf-8"))
    if args.show:
        _show(gold, report)
    m = fact_precision(gold, report)
    print(f"fact precision {m['right_pairs']}/{m['judged_pairs']} = {m['precision']:.3f} "
          f"({m['multi_claim_facts']} multi-claim facts, {m['unjudged_pairs']} pairs not judged)")


if __name__ == "__main__":
    main()
