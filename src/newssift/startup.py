"""Keep torch out of spaCy's start-up.

thinc, spaCy's machine-learning layer, imports torch on its first import
whenever torch is installed, only to learn whether torch layers and GPUs are
available (``thinc.compat``). newssift's spaCy pipelines are thinc-native CPU
models that use no torch layer, and that import costs seconds: about 60 % of
``spacy.load`` on the 2-core development machine (docs/benchmarks.md, "Cold
start"). ``keep_torch_out_of_thinc`` installs an import finder that refuses
``torch`` to ``thinc.compat`` alone, so thinc records "no torch" and spaCy
loads without it; anything else (the MiniLM encoder, sentence-transformers)
imports torch as usual, before or after.

A spaCy pipeline with torch layers (a transformer pipeline given with
``--model``) needs thinc to see torch: set ``NEWSSIFT_THINC_TORCH=1``.
"""
from __future__ import annotations

import os
import sys

__all__ = ["ALLOW_ENV", "keep_torch_out_of_thinc", "thinc_sees_torch"]

#: Set to 1 to let thinc import torch (spaCy pipelines with torch layers need it).
ALLOW_ENV = "NEWSSIFT_THINC_TORCH"

#: How many import-machinery frames to look through for thinc.compat's own.
_FRAMES = 40


class _RefuseTorchToThinc:
    """An import finder that raises ImportError for torch when thinc.compat asks for it, and passes otherwise.

    A plain class with ``find_spec`` (the finder protocol): importing
    ``importlib.abc`` for its base class would cost more than the finder.
    """

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "torch" and not fullname.startswith("torch."):
            return
        frame = sys._getframe(1)
        for _ in range(_FRAMES):
            if frame is None:
                break
            if frame.f_globals.get("__name__") == "thinc.compat":
                # thinc.compat catches ImportError and records that torch is absent.
                raise ImportError(f"newssift keeps torch out of thinc ({ALLOW_ENV}=1 lets it in)")
            frame = frame.f_back
        return


def keep_torch_out_of_thinc() -> bool:
    """Install the finder unless ``NEWSSIFT_THINC_TORCH`` is set or thinc is already imported; True when installed."""
    if os.environ.get(ALLOW_ENV, "").strip() not in ("", "0") or "thinc.compat" in sys.modules:
        return False
    if not any(isinstance(f, _RefuseTorchToThinc) for f in sys.meta_path):
        sys.meta_path.insert(0, _RefuseTorchToThinc())
    return True


def thinc_sees_torch() -> bool:
    """Whether thinc (once imported) found torch: a spaCy pipeline with torch layers needs it."""
    compat = sys.modules.get("thinc.compat")
    return bool(compat is not None and getattr(compat, "has_torch", False))
