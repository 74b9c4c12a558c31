"""Extraction alone, scored by the reference scorer's claim metrics on gold-annotated stories.

The texts are read raw (no ingest), so page furniture stays in; claims are
scored with local (per-document) entities. The thresholds are the project's
acceptance figures for the extract stage.
"""
import importlib.util
from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from newssift.extract import extract_document
from newssift.models import Document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SHARED_GOLD = SHARED / "eval" / "kursk-2024.gold.yaml"
SCORER = SHARED / "eval" / "score.py"


def _scorer():
    if not SCORER.is_file():
        pytest.skip("the reference scorer is not beside this checkout")
    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _claim_metrics(nlp, gold_path: Path, corpus: Path) -> dict:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))}
    gold["claims"] = [c for c in gold["claims"] if c["doc"] in texts]
    gold.pop("layout", None)
    entities, claims = [], []
    for doc_id, text in texts.items():
        x = extract_document(Document(id=doc_id, text=text), nlp(text))
        entities += [asdict(e) for e in x.entities]
        claims += [asdict(c) for c in x.claims]
    report = {"documents": [], "entities": entities, "claims": claims, "facts": [], "flags": []}
    return _scorer().score(gold, report, str(corpus))


def test_dev_corpus_claims(nlp, shared_corpus):
    m = _claim_metrics(nlp, SHARED_GOLD, shared_corpus)
    assert m["claims.recall"] >= 0.85
    assert m["claims.speaker_accuracy"] >= 0.80
    assert m["claims.quantity_accuracy"] >= 0.90


def test_fictional_example_claims(nlp):
    corpus = EXAMPLES / "harbour-fire"
    gold = EXAMPLES / "harbour-fire.gold.yaml"
    if not gold.is_file():
        pytest.skip("examples/harbour-fire is not in this checkout")
    m = _claim_metrics(nlp, gold, corpus)
    assert m["claims.recall"] >= 0.85
    assert m["claims.speaker_accuracy"] >= 0.80
    assert m["claims.quantity_accuracy"] >= 0.80
