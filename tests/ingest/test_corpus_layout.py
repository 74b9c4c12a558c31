"""Layout metrics of the reference scorer on the shared development corpus."""
from __future__ import annotations

import importlib.util
import json

import pytest

from newssift.ingest import ingest
from newssift.report.json import document_to_dict


def _scorer(shared_corpus):
    path = shared_corpus.parent.parent / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, path.parent / "kursk-2024.gold.yaml"


def test_layout_metrics_meet_targets(shared_corpus):
    import yaml

    score, gold_path = _scorer(shared_corpus)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    res = ingest([str(shared_corpus)])
    assert not res.problems
    report = json.loads(json.dumps({"documents": [document_to_dict(d) for d in res.documents]}))
    m = score.score(gold, report, shared_corpus)
    assert m["layout.body_recall"] >= 0.99
    assert m["layout.furniture_removed"] >= 0.97
    assert m["layout.embeds_separated"] == 1.0
    # Each gold headline is the document's title.
    lines_of = {p.stem: p.read_text(encoding="utf-8").splitlines() for p in shared_corpus.iterdir()}
    for doc in res.documents:
        spec = gold["layout"][doc.id]
        if spec.get("title"):
            assert doc.title == lines_of[doc.id][spec["title"] - 1].strip()


def test_corpus_bodies_survive_inside_foreign_furniture(shared_corpus, data_dir):
    """Each corpus article wrapped in another site's header and footer keeps every body line."""
    import yaml

    from newssift.ingest.text import clean_text

    _, gold_path = _scorer(shared_corpus)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    page = (data_dir / "courier_bridge.txt").read_text(encoding="utf-8").splitlines()
    header, footer = page[:12], page[27:]  # the test page's own furniture around its article
    for path in sorted(shared_corpus.glob("*.txt")):
        spec = gold["layout"][path.stem]
        lines = path.read_text(encoding="utf-8").splitlines()
        body_idx = {i for r in spec["body"] for i in (range(r[0], r[1] + 1) if isinstance(r, list) else [r])}
        article = [l for n, l in enumerate(lines, 1) if n in body_idx or n in {i for r in spec.get("embeds") or [] for i in range(r[0], r[1] + 1)}]
        out = clean_text("\n".join(header + [""] + article + [""] + footer))
        for n in sorted(body_idx):
            if n <= len(lines) and lines[n - 1].strip():
                assert lines[n - 1].strip() in out.text, (path.stem, n)
        for f in header + footer:
            if len(f.strip()) >= 4:
                assert f.strip() not in out.text, (path.stem, f)
