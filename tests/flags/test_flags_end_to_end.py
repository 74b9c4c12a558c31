"""Flags through the whole pipeline: the fictional harbour-fire example and the shared development corpus.

Recall is counted the way the reference scorer does (same kind and document,
overlapping text after folding quotes, spaces and case); the flag count is
capped so that precision cannot be bought with volume.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from shared_paths import EXAMPLES, SHARED_GOLD

from newssift.pipeline import analyze_inputs

pytestmark = pytest.mark.slow

#: Most flags a five-to-seven report story may raise before the editor drowns.
MAX_FLAGS = 12


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _recall(gold_flags, flags) -> float:
    hit = 0
    for g in gold_flags:
        q = _norm(g["quote"])
        hit += any(
            f.kind == g["kind"] and f.doc == g["doc"] and _norm(f.text) and (q in _norm(f.text) or _norm(f.text) in q)
            for f in flags
        )
    return hit / len(gold_flags)


def _check(report):
    for f in report.flags:
        assert f.explanation.strip().endswith(".") and len(f.explanation) < 300
        if f.start is not None:
            doc = next(d for d in report.documents if d.id == f.doc)
            assert doc.text[f.start:f.end].strip() == f.text.strip()
        for r in f.related:
            other = next(d for d in report.documents if d.id == r.doc)
            assert other.text[r.start:r.end] == r.text


def test_harbour_fire_example_flags():
    folder = EXAMPLES / "harbour-fire"
    gold = yaml.safe_load((EXAMPLES / "harbour-fire.gold.yaml").read_text())
    report = analyze_inputs([str(folder)], meta=folder / "meta.csv")
    assert _recall(gold["flags"], report.flags) >= 0.8
    assert len(report.flags) <= MAX_FLAGS
    _check(report)


def test_shared_corpus_flags(shared_corpus):
    gold = yaml.safe_load(Path(SHARED_GOLD).read_text())
    report = analyze_inputs([str(shared_corpus)])
    assert _recall(gold["flags"], report.flags) >= 0.8
    assert len(report.flags) <= MAX_FLAGS
    _check(report)


def test_unrelated_stories_raise_no_cross_story_flags():
    folder = EXAMPLES / "mixed"
    report = analyze_inputs([str(folder)], meta=folder / "meta.csv")
    story_of = {d: s.id for s in report.stories for d in s.docs}
    for f in report.flags:
        for r in f.related:
            assert story_of.get(r.doc) == story_of.get(f.doc), f


def test_related_spans_are_listed_once():
    from newssift.flags import _unique_related
    from newssift.models import Flag, SpanRef

    span = SpanRef(doc="b", start=3, end=8, text="Sarne")
    flag = Flag(kind="headline_mismatch", doc="a", text="x", explanation="y", related=(span, span))
    assert _unique_related(flag).related == (span,)
