"""Resolve on the shared development corpus: real ingest, real spaCy tagger, the reference scorer.

The mentions are spaCy's raw named entities (``ner_stub``), not the extract
stage's, so this measures what resolve adds on its own.  No alias file.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml
from ner_stub import ner_extraction
from shared_paths import SHARED, SHARED_GOLD

from newssift.models import Report
from newssift.report.json import report_to_dict
from newssift.resolve import parse_aliases, resolve_entities

pytestmark = pytest.mark.slow


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("the reference scorer is not beside this checkout")
    spec = importlib.util.spec_from_file_location("newssift_ref_score", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("newssift_ref_score", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus_state(shared_corpus, nlp):
    from newssift.annotate import annotate
    from newssift.ingest import ingest

    docs = ingest([str(p) for p in sorted(Path(shared_corpus).glob("*.txt"))]).documents
    extractions = [ner_extraction(d, p) for d, p in zip(docs, annotate(docs))]
    return docs, extractions


def _entity_metrics(docs, entities, corpus_dir):
    gold = yaml.safe_load(SHARED_GOLD.read_text())
    report = report_to_dict(Report(documents=tuple(docs), entities=tuple(entities)))
    m = _scorer().score(gold, report, str(corpus_dir))
    return m, gold


def test_pair_recall_and_precision_without_an_alias_file(corpus_state, shared_corpus):
    docs, extractions = corpus_state
    entities, _ = resolve_entities(docs, extractions)
    m, _ = _entity_metrics(docs, entities, shared_corpus)
    assert m["entities.pair_recall"] >= 0.85
    assert m["entities.pair_precision"] >= 0.95
    assert m["entities.names_found"] >= 0.8


def test_a_user_alias_file_links_every_name_of_the_intelligence_agency(corpus_state, shared_corpus):
    """GUR, HUR and DIU are never defined as one another in the texts; a user alias file says so."""
    docs, extractions = corpus_state
    gold = yaml.safe_load(SHARED_GOLD.read_text())
    names = gold["entities"]["gur"]["names"]
    aliases = parse_aliases(yaml.safe_dump([names]))
    entities, _ = resolve_entities(docs, extractions, aliases=aliases)
    owners = {
        e.id for e in entities for n in names
        if n.lower() in {e.name.lower(), *(a.lower() for a in e.aliases), *(x.text.lower() for x in e.mentions)}
    }
    assert len(owners) == 1
    m, _ = _entity_metrics(docs, entities, shared_corpus)
    assert m["entities.pair_precision"] >= 0.95


def test_spelling_variants_are_recorded_on_the_corpus(corpus_state):
    docs, extractions = corpus_state
    entities, _ = resolve_entities(docs, extractions)
    varied = [e for e in entities if e.variants]
    assert varied, "the outlets spell at least one name differently"
    for e in varied:
        docs_per_spelling = dict(e.variants)
        assert len(docs_per_spelling) >= 2
        for spelling, doc_ids in docs_per_spelling.items():
            assert any(m.doc in doc_ids and spelling in m.text for m in e.mentions)
