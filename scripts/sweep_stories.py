"""Sweep the story-clustering settings on cached extractions of the realdata development splits.

Usage (from the project root)::

    .venv/bin/python scripts/sweep_stories.py build --work .realdata-work/stories
    .venv/bin/python scripts/sweep_stories.py score --work .realdata-work/stories [--set NAME=VALUE ...]

``build`` ingests and extracts three runs once and pickles them: ECB+ topics
1-10 (``st10``, the ``realdata.py stories`` default), ECB+ topics 11-35
(``strest``) and the GVA development incidents (``gva``, with publication
dates from meta.csv).  ``score`` re-runs only ``cluster_stories`` with the
module constants given by ``--set`` (e.g. ``--set STORY_THRESHOLD=0.13``) and
prints B-cubed F1 per split, as realdata.py computes it.  ``--gva-limit``
scores the first N GVA incidents (60 is the realdata default).
"""
from __future__ import annotations

import argparse
import csv
import pickle
import shutil
import sys
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"


def _ecb_split(topics: set[int]) -> tuple[dict[str, str], dict[str, Path]]:
    gold, files = {}, {}
    with open(DATA / "ecbplus" / "docs.csv", newline="") as f:
        for row in csv.DictReader(f):
            if int(row["topic"]) in topics:
                gold[row["doc"]] = row["story"]
                files[row["doc"]] = DATA / "ecbplus" / "text" / f"{row['doc']}.txt"
    return gold, files


def _gva_split() -> tuple[dict[str, str], dict[str, Path], list[dict[str, str]], list[str]]:
    gold, files, order = {}, {}, []
    with open(DATA / "figures" / "meta.csv", newline="") as f:
        meta = {r["id"]: r for r in csv.DictReader(f)}
    rows = []
    with open(DATA / "figures" / "gold.csv", newline="") as f:
        for row in csv.DictReader(f):
            order.append(row["incident"])
            for d in row["docs"].split():
                gold[d] = row["incident"]
                files[d] = DATA / "figures" / "text" / f"{d}.txt"
                rows.append(meta[d])
    return gold, files, rows, order


def build(work: Path) -> None:
    """Ingest and extract each split once; pickle (gold, ingested, extractions, incident order)."""
    from newssift.pipeline import extract_documents, extract_inputs

    work.mkdir(parents=True, exist_ok=True)
    splits = {
        "st10": _ecb_split(set(range(1, 11))) + (None, None),
        "strest": _ecb_split(set(range(11, 36))) + (None, None),
        "gva": _gva_split(),
    }
    for name, (gold, files, meta_rows, order) in splits.items():
        inp = work / f"{name}-input"
        shutil.rmtree(inp, ignore_errors=True)
        inp.mkdir()
        for doc, path in files.items():
            shutil.copy(path, inp / f"{doc}.txt")
        meta = None
        if meta_rows:
            meta = work / f"{name}-meta.csv"
            with open(meta, "w", newline="") as f:
                w = csv.DictWriter(f, ["id", "url", "outlet", "title", "published"])
                w.writeheader()
                w.writerows(meta_rows)
        ingested = extract_inputs([str(inp)], meta=meta)
        extractions = extract_documents(ingested.documents)
        with open(work / f"{name}.pkl", "wb") as f:
            pickle.dump((gold, ingested, extractions, order), f)
        print(name, len(ingested.documents), "docs", len(ingested.duplicates), "dups", flush=True)


def b_cubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the gold items (an item the system lacks is a singleton)."""
    gcl: dict[str, set[str]] = defaultdict(set)
    scl: dict[object, set[str]] = defaultdict(set)
    for d in gold:
        gcl[gold[d]].add(d)
        scl[system.get(d, ("solo", d))].add(d)
    p = r = 0.0
    for d in gold:
        g, s = gcl[gold[d]], scl[system.get(d, ("solo", d))]
        p += len(g & s) / len(s)
        r += len(g & s) / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_split(path: Path, gva_limit: int = 0, show: bool = False) -> tuple[float, float, float]:
    """Cluster one cached split and score it."""
    from newssift.align.stories import cluster_stories

    with open(path, "rb") as f:
        gold, ingested, extractions, order = pickle.load(f)
    docs, exs = list(ingested.documents), list(extractions)
    if order and gva_limit:
        keep = set(order[:gva_limit])
        gold = {d: i for d, i in gold.items() if i in keep}
        ids = set(gold)
        docs = [d for d in docs if d.id in ids]
        exs = [e for e in exs if e.doc in ids]
    system = {}
    for st in cluster_stories(docs, exs):
        for d in st.docs:
            system[d] = st.id
    for dup in ingested.duplicates:  # a dropped copy belongs with the copy kept
        if dup.kept in system:
            system.setdefault(dup.dropped, system[dup.kept])
    if show:
        _show(gold, system)
    return b_cubed(gold, system)


def _show(gold: dict[str, str], system: dict[str, str]) -> None:
    """Print each system story that mixes gold stories, and each gold story split over system stories."""
    by_sys: dict[str, list[str]] = defaultdict(list)
    for d, s in system.items():
        if d in gold:
            by_sys[s].append(d)
    for s, ds in sorted(by_sys.items()):
        golds = {gold[d] for d in ds}
        if len(golds) > 1:
            print("MIXED", s, {g: sorted(d for d in ds if gold[d] == g) for g in sorted(golds)})
    by_gold: dict[str, set[str]] = defaultdict(set)
    for d, g in gold.items():
        by_gold[g].add(system.get(d, d))
    for g, ss in sorted(by_gold.items()):
        if len(ss) > 1:
            print("SPLIT", g, {s: sorted(d for d in gold if gold[d] == g and system.get(d, d) == s) for s in ss})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["build", "score"])
    ap.add_argument("--work", default=".realdata-work/stories")
    ap.add_argument("--set", action="append", default=[], help="module constant NAME=VALUE of newssift.align.stories")
    ap.add_argument("--splits", default="st10,strest,gva")
    ap.add_argument("--gva-limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print mixed and split stories")
    args = ap.parse_args()
    work = Path(args.work)
    if args.mode == "build":
        build(work)
        return 0
    from newssift.align import stories

    for item in args.set:
        name, value = item.split("=", 1)
        if not hasattr(stories, name):
            print(f"error: newssift.align.stories has no {name}", file=sys.stderr)
            return 2
        setattr(stories, name, type(getattr(stories, name))(float(value)))
    out = []
    for split in args.splits.split(","):
        p, r, f = score_split(work / f"{split}.pkl", args.gva_limit if split == "gva" else 0, args.show)
        out.append(f"{split} {f:.3f} (P {p:.3f} R {r:.3f})")
    print(" | ".join(out), " ".join(args.set))
    return 0


if __name__ == "__main__":
    sys.exit(main())
