"""Score the learned fact pair scorer on the gold guard sets (kursk-2024, harbour-fire).

The guards are never training data: this only re-runs the cross-document
passes after extraction (facts, figures, flags) on cached ``newssift
analyze`` reports with a given pair scorer and (merge, link) thresholds, and
scores them with the gold files, so that a threshold sweep can show the
guards beside the held-out ECB+ figures of ``train_fact_scorer.py``.

    .venv/bin/python scripts/sweep_fact_guards.py --weights W.json \\
        --guard kursk REPORT GOLD CORPUS [--guard ...] [--cells 0.5,0.2 0.7,0.5] [--show]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import numpy as np

import newssift.align.facts as facts_mod
from newssift.align.figures import build_figures
from newssift.align.pairmodel import PairScorer, load_scorer
from newssift.config import DEFAULT_CONFIG
from newssift.evaluate import load_gold
from newssift.evaluate_metrics import score
from newssift.flags import order_flags
from newssift.flags.editorial import find_editorial_insertions
from newssift.flags.figures import find_conflicting_figures
from newssift.models import Report
from newssift.pipeline import finish_report
from newssift.report.json import report_to_dict

_EMB: dict[tuple[str, ...], np.ndarray] = {}
_real_embed_all = facts_mod._embed_all


def _embed_cached(claims, config):
    """The pipeline's embedding of the claims, computed once per claim set and encoder."""
    key = (config.embedding_model, *(c.text for c in claims))
    if key not in _EMB:
        _EMB[key] = _real_embed_all(claims, config)
    return _EMB[key]


def realign(report: Report, scorer: PairScorer | None) -> Report:
    """The report with facts, figures and flags recomputed with ``scorer`` (None: the hand-set score)."""
    facts_mod._embed_all = _embed_cached
    facts_mod._scorer = lambda config: scorer
    # The encoder the weights were trained with (the configured one for the hand-set path).
    config = DEFAULT_CONFIG.with_(learned_fact_pairs=scorer is not None)
    if scorer is not None and scorer.encoder:
        config = config.with_(embedding_model=scorer.encoder)
    docs, claims, ents, stories = report.documents, report.claims, report.entities, report.stories
    facts = facts_mod.align_facts(docs, claims, ents, stories, config=config)
    figures = build_figures(docs, claims, ents, facts)
    # The whole-run flag families (spelling, quotes, embeds, headlines) do not
    # read the facts, and the cached report's entities already carry the
    # spelling flag's renaming: they are kept as they were.
    kept = [f for f in report.flags if f.kind not in ("editorial_insertion", "conflicting_figure")]
    local = find_editorial_insertions(docs, claims, stories) + find_conflicting_figures(claims, facts)
    flags = order_flags(local + kept, docs)
    return finish_report(docs, ents, claims, facts, figures, flags, stories, config)


def guard_metrics(report: Report, gold: dict, corpus: Path, scorer: PairScorer | None) -> dict:
    """facts.pair_f1, facts.status_accuracy, flags.recall / precision of one guard set."""
    m = score(gold, report_to_dict(realign(report, scorer)), corpus)
    return {k: m[k] for k in ("facts.pair_f1", "facts.status_accuracy", "flags.recall", "flags.precision")}


def show_facts(report: Report, scorer: PairScorer | None) -> None:
    """Print every multi-claim fact (status, claim texts) for reading by eye."""
    new = realign(report, scorer)
    text = {c.id: c for c in new.claims}
    for f in new.facts:
        if len(f.claims) > 1:
            print(f"{f.id} {f.status} {len(f.claims)} claims{' CONFLICT ' + f.conflict if f.conflict else ''}")
            for cid in f.claims:
                c = text[cid]
                print(f"    [{c.doc[:12]} {c.speaker_text or '-'}] {' '.join(c.text.split())[:160]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--weights", type=Path, help="scorer JSON (default: the shipped one)")
    ap.add_argument("--guard", nargs=4, action="append", metavar=("NAME", "REPORT", "GOLD", "CORPUS"), required=True)
    ap.add_argument("--cells", nargs="*", default=[], help="MERGE,LINK cells (default: the scorer's own)")
    ap.add_argument("--handset", action="store_true", help="also score the hand-set path")
    ap.add_argument("--show", action="store_true", help="print the multi-claim facts")
    args = ap.parse_args(argv)
    base = (PairScorer.from_dict(json.loads(args.weights.read_text())) if args.weights
            else load_scorer(DEFAULT_CONFIG.embedding_model))
    cells = [tuple(map(float, c.split(","))) for c in args.cells] or [(base.merge_threshold, base.link_threshold)]
    guards = [(name, Report.from_json(Path(r)), load_gold(Path(g)), Path(c)) for name, r, g, c in args.guard]
    runs = [("hand-set", None)] if args.handset else []
    runs += [(f"{m:.2f}/{lk:.2f}", dataclasses.replace(base, merge_threshold=m, link_threshold=lk)) for m, lk in cells]
    for label, scorer in runs:
        for name, report, gold, corpus in guards:
            m = guard_metrics(report, gold, corpus, scorer)
            print(f"{label} {name} " + " ".join(f"{k}={v:.3f}" for k, v in m.items()), flush=True)
            if args.show:
                show_facts(report, scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
