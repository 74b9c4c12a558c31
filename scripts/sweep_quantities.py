"""Sweep the constants of the quantity reader on the MeasEval dev paragraphs (../shared/realdata/quantities).

Scores as ``../shared/eval/realdata.py quantities`` does (its own functions,
loaded by path), on quantities attached to claims, without running the whole
pipeline: the paragraphs are parsed once (cached under --work) and only
extract_document is run per setting. Prints one Markdown table per constant,
for docs/quantities.md.

    .venv/bin/python scripts/sweep_quantities.py [--work .realdata-work/sweep]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _scorer():
    spec = importlib.util.spec_from_file_location("realdata", SHARED / "eval" / "realdata.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold(rd, src: Path, docs: list[str]):
    gold = defaultdict(list)
    for d in docs:
        tsv = src / "tsv" / f"{d}.tsv"
        if tsv.exists():
            for q in rd.read_csv(tsv, delimiter="\t"):
                if q["annotType"] == "Quantity":
                    other = json.loads(q["other"]) if q.get("other") else {}
                    gold[d].append((int(q["startOffset"]), int(q["endOffset"]), q["text"], other.get("unit")))
        gold.setdefault(d, [])
    return gold


def _parsed(texts: dict[str, str], work: Path):
    from spacy.tokens import DocBin

    from newssift.annotate import load_nlp

    nlp = load_nlp()
    cache = work / "quantities-docs.spacy"
    ids = sorted(texts)
    if cache.exists():
        return ids, list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe([texts[i] for i in ids], batch_size=32))
    db = DocBin()
    for d in docs:
        db.add(d)
    work.mkdir(parents=True, exist_ok=True)
    db.to_disk(cache)
    return ids, docs


def _score(rd, gold, texts, ids, docs) -> tuple[float, float, float, float, float]:
    from newssift.extract import extract_document
    from newssift.models import Document

    pred = defaultdict(list)
    for i, d in zip(ids, docs):
        seen = set()
        for c in extract_document(Document(id=i, text=texts[i]), d).claims:
            for q in c.quantities:
                if (q.start, q.end) in seen:
                    continue
                seen.add((q.start, q.end))
                tail = rd.NUM_RE.split(q.text or "")[-1].strip()
                pred[i].append((q.start, q.end, q.low, q.high, (q.unit, q.measure, tail)))
    p, r, f, va, ua, _n = rd.evaluate_quantities(gold, pred)
    return p, r, f, va, ua


def _clear_caches() -> None:
    from newssift.extract import units

    units._pint_kind.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default=str(ROOT / ".realdata-work" / "sweep"))
    ap.add_argument("--only", default="", help="run only the sweeps whose name contains this")
    args = ap.parse_args()
    rd = _scorer()
    src = SHARED / "realdata" / "quantities"
    docs_ids = [r["doc"] for r in rd.read_csv(src / "splits.csv")]
    texts = {d: (src / "text" / f"{d}.txt").read_bytes().decode("utf-8") for d in docs_ids}
    gold = _gold(rd, src, docs_ids)
    ids, docs = _parsed(texts, Path(args.work))

    from newssift.extract import digits, units

    sweeps = {
        "units.WORD_MIN_CHARS": (units, "WORD_MIN_CHARS", [3, 4, 5, 6, 7], None),
        "units.MAX_SYMBOL_CHARS": (units, "MAX_SYMBOL_CHARS", [3, 4, 5, 6], None),
        "words allowed between a list and 'respectively'": (
            digits, "_RESPECTIVELY", [0, 2, 4, 6],
            lambda n: re.compile(r",?\s+(?:\w+\s+){0,%s}?respectively\b".replace("%s", str(n)), re.IGNORECASE)),
        "longest variable of an interval ('5≤2θ/°≤80'), in characters": (
            digits, "_INTERVAL", [4, 8, 12, 20],
            lambda n: re.compile(r"[ \u00a0]?(?:≤|⩽|<=|<)[ \u00a0]?([^\s≤⩽<=,;()]{1,N}?)[ \u00a0]?(?=≤|⩽|<=|<)".replace("N", str(n)))),
        "longest aside between the ends of a change ('from 1.4Rp (0.5 nbar) to'), in characters": (
            digits, "_ASIDE_TO", [10, 20, 40, 80],
            lambda n: re.compile(r"[ \u00a0]?\([^()]{1,N}\)[ \u00a0]?to[ \u00a0](?=[\d~∼≈<>≤≥$£€−-])".replace("N", str(n)))),
    }
    for name, (mod, attr, values, make) in sweeps.items():
        if args.only not in name:
            continue
        old = getattr(mod, attr)
        print(f"\n#### {name}\n\n| value | P | R | F1 | value acc | unit acc |\n|---|---|---|---|---|---|")
        for v in values:
            setattr(mod, attr, make(v) if make else v)
            _clear_caches()
            p, r, f, va, ua = _score(rd, gold, texts, ids, docs)
            print(f"| {v} | {p:.3f} | {r:.3f} | {f:.3f} | {va:.3f} | {ua:.3f} |", flush=True)
        setattr(mod, attr, old)
        _clear_caches()


if __name__ == "__main__":
    main()
