"""Score attribution (PolNeAR dev) and hedging (Emergent dev) without the whole pipeline.

Scores as ``../shared/eval/realdata.py attribution`` and ``... hedging`` do
(their own functions, loaded by path), on ``extract_document`` alone: the
documents of a report that realdata.py wrote (``--work``) are parsed once and
cached as a DocBin beside it, so one setting takes seconds. Figures match
realdata.py to within about 0.005 (its report's entity aliases add a few
source matches; its duplicate headlines are read from the report).

    .venv/bin/python scripts/sweep_attribution.py attribution [--work .realdata-work/attrib]
    .venv/bin/python scripts/sweep_attribution.py hedging [--work .realdata-work/attrib] [--dump FILE]

``--reingest`` reads the documents from the report's input folder again
(for a change in ingest); the parses are cached by the texts' digest.

``--dump`` writes per-item results (JSON lines) for error analysis: each
headline's prediction, or each gold attribution's best claim and each claim
that matches no annotated content.
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
ATTRIBUTED = ("direct_quote", "indirect", "according_to")


def scorer():
    """The realdata.py module, loaded by path."""
    spec = importlib.util.spec_from_file_location("realdata", SHARED / "eval" / "realdata.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parsed_docs(task_dir: Path, reingest: bool = False):
    """(report, Documents, spaCy Docs) of the report realdata.py left in task_dir, parses cached.

    ``reingest`` reads the documents afresh from the report's input folder
    (to measure a change in ingest) instead of taking the report's texts.
    """
    import hashlib

    from spacy.tokens import DocBin

    from newssift.annotate import annotate, load_nlp
    from newssift.config import DEFAULT_CONFIG
    from newssift.models import Document

    path = task_dir / "report.json"
    report = json.loads(path.read_text()) if path.exists() or not reingest else {"documents": []}
    if reingest:
        from newssift.pipeline import extract_inputs

        docs = list(extract_inputs([str(task_dir / "input")]).documents)
        order = {d["id"]: k for k, d in enumerate(report["documents"])}
        docs.sort(key=lambda d: order.get(d.id, len(order)))
    else:
        docs = [Document(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"))
                for d in report["documents"]]
    digest = hashlib.sha256("\0".join(d.id + "\1" + d.text for d in docs).encode()).hexdigest()
    cache, stamp = task_dir / "sweep-docs.spacy", task_dir / "sweep-docs.sha256"
    nlp = load_nlp(DEFAULT_CONFIG)
    if cache.exists() and stamp.exists() and stamp.read_text() == digest:
        parses = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        parses = list(annotate(docs, DEFAULT_CONFIG))
        db = DocBin(store_user_data=True)
        for p in parses:
            db.add(p)
        db.to_disk(cache)
        stamp.write_text(digest)
    return report, docs, parses


def extract_all(docs, parses):
    """doc id -> (claims, entities by id) from extract_document."""
    from newssift.extract import extract_document

    out = {}
    for d, p in zip(docs, parses):
        ex = extract_document(d, p)
        out[d.id] = (ex.claims, {e.id: e for e in ex.entities})
    return out


def score_attribution(rd, task_dir: Path, docs, parses, dump: Path | None = None) -> dict:
    """realdata.py's attribution figures on extract_document's claims."""
    src = SHARED / "realdata" / "attribution"
    anns = {}
    for ann in sorted((src / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]+$", "", ann.stem), ann)
    claims, ents = defaultdict(list), {}
    for doc_id, (cs, es) in extract_all(docs, parses).items():
        for e in es.values():
            ents[e.id] = {"name": e.name, "aliases": list(e.aliases)}
        for c in cs:
            if c.speaker or c.speaker_text:
                claims[doc_id].append({"text": c.text, "speaker": c.speaker, "speaker_text": c.speaker_text,
                                       "kind": c.kind, "cue": c.cue})
    stems = sorted(d.id for d in docs)
    if dump is not None:
        _dump_attribution(rd, stems, anns, claims, ents, dump)
    return rd.score_attribution(stems, anns, claims, ents)


def _dump_attribution(rd, stems, anns, claims, ents, dump: Path) -> None:
    """One JSON line per gold attribution (best claim, overlap, source found) and per unmatched claim."""
    with dump.open("w") as f:
        for s in stems:
            gold_all = rd.polnear_gold(anns[s], report_cues_only=False)
            for g in rd.polnear_gold(anns[s]):
                best, bf = None, 0.0
                for c in claims.get(s, []):
                    o = rd.overlap_f1(g["content"], c["text"])
                    if o > bf:
                        best, bf = c, o
                names = [best.get("speaker_text") or ""] if best else []
                if best and best.get("speaker") in ents:
                    e = ents[best["speaker"]]
                    names += [e["name"]] + e.get("aliases", [])
                f.write(json.dumps({"type": "gold", "doc": s, "gold": g, "f1": round(bf, 3), "claim": best,
                                    "source_ok": any(rd.overlap_f1(g["source"], n) >= 0.5 for n in names if n)}) + "\n")
            for c in claims.get(s, []):
                if not any(rd.overlap_f1(g["content"], c["text"]) >= 0.5 for g in gold_all):
                    f.write(json.dumps({"type": "false", "doc": s, "claim": c}) + "\n")


def hedging_predictions(report, docs, parses) -> dict[str, bool]:
    """Headline id -> predicted observing (a claim hedged or attributed), as realdata.py reads a report."""
    found = extract_all(docs, parses)
    pred = {k: any(c.hedged or c.kind in ATTRIBUTED for c in cs) for k, (cs, _) in found.items()}
    for dup in report.get("duplicates", []):
        if dup.get("kept") in pred:
            pred[dup["dropped"]] = pred[dup["kept"]]
    return pred


def score_hedging(rd, report, docs, parses, dump: Path | None = None) -> tuple[float, float, float]:
    """Observing P, R, F1 on the Emergent dev headlines."""
    rows = rd.read_csv(SHARED / "realdata" / "hedging" / "headlines.csv")
    gold = {r["id"]: r["label"] for r in rows}
    pred = hedging_predictions(report, docs, parses)
    pred = {k: pred.get(k, False) for k in gold}
    if dump is not None:
        with dump.open("w") as f:
            for r in rows:
                f.write(json.dumps({"id": r["id"], "fold": int(r["fold"]), "label": r["label"],
                                    "pred": pred[r["id"]], "headline": r["headline"]}) + "\n")
    p, r, f, _acc, _rate = rd.obs_scores(gold, pred)
    return p, r, f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("task", choices=("attribution", "hedging"))
    ap.add_argument("--work", default=str(ROOT / ".realdata-work" / "attrib"))
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--reingest", action="store_true", help="read the documents from the input folder again")
    args = ap.parse_args()
    rd = scorer()
    task_dir = Path(args.work) / args.task
    report, docs, parses = parsed_docs(task_dir, args.reingest)
    if args.task == "attribution":
        m = score_attribution(rd, task_dir, docs, parses, args.dump)
        print(f"recall={m['content_recall']:.3f} precision={m['content_precision']:.3f} "
              f"source={m['source_accuracy_of_found']:.3f} claims={m['claims']} gold={m['gold']}")
    else:
        p, r, f = score_hedging(rd, report, docs, parses, args.dump)
        print(f"P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
