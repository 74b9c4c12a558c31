"""``newssift eval`` gives the reference scorer's figures and fails on regressions below the pinned minimums."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from copy import deepcopy
from pathlib import Path

import pytest
import yaml

from newssift.cli import main
from newssift.errors import EvalError
from newssift.evaluate import METRICS, load_gold, load_minimums, regressions, score

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "kursk-2024.gold.yaml"
CORPUS = ROOT.parent / "shared" / "corpus" / "kursk-2024"
TOLERANCE = 1e-9  # both sides compute the same ratios of integers

needs_shared = pytest.mark.skipif(not (REFERENCE.exists() and GOLD.exists() and CORPUS.is_dir()),
                                  reason="../shared/eval (gold, corpus, reference scorer) is not beside this checkout")


def _reference(report: dict, tmp_path: Path, hash_seeds=(0,)) -> list[dict]:
    """The reference scorer's metrics, once per hash seed.

    The reference breaks a tie for a gold fact's main system fact by set order,
    which follows string hashing; running it under several PYTHONHASHSEEDs shows
    every outcome it can give.
    """
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    out = []
    for seed in hash_seeds:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        proc = subprocess.run([sys.executable, str(REFERENCE), str(GOLD), str(path), str(CORPUS), "--json"],
                              capture_output=True, text=True, check=True, env=env)
        out.append(json.loads(proc.stdout))
    return out


def _assert_same(ours: dict, refs: list[dict]) -> None:
    """Each of our metrics equals what the reference gave under at least one hash seed."""
    assert list(ours) == list(METRICS)
    for ref in refs:
        assert set(ref) == set(ours)
    for name in METRICS:
        values = [ref[name] for ref in refs]
        if ours[name] is None:
            assert None in values, name
        else:
            assert any(v is not None and abs(ours[name] - v) <= TOLERANCE for v in values), (name, ours[name], values)


def _names_of(gold: dict, key) -> list[str]:
    if key is None:
        return []
    if key in (gold.get("entities") or {}):
        return gold["entities"][key]["names"]
    return (gold.get("source_names") or {}).get(key, [key])


def _gold_shaped_report(gold: dict, corpus: Path) -> dict:
    """A hand-made report that states what the gold says (the best a system could do)."""
    documents = []
    for doc_id in gold["documents"]:
        lines = next(corpus.glob(doc_id + ".*")).read_text(encoding="utf-8").splitlines()
        spec = gold["layout"][doc_id]
        body = [lines[n - 1] for r in spec["body"] for n in range(r[0], r[1] + 1)]
        documents.append({"id": doc_id, "text": "\n".join(body)})
    entities = [{"id": f"E{i}", "name": ge["names"][0], "type": ge["type"], "aliases": ge["names"][1:], "mentions": []}
                for i, ge in enumerate(gold["entities"].values())]
    claims = []
    for gc in gold["claims"]:
        source = gc.get("source")
        first = source[0] if isinstance(source, list) else source
        names = _names_of(gold, first)
        quantities = [{"text": q.get("text", ""), "low": q.get("low"), "high": q.get("high"),
                       "qualifier": q["qualifier"], "measure": q.get("measure")} for q in gc.get("quantities") or []]
        claims.append({"id": "S-" + gc["id"], "doc": gc["doc"], "text": gc["quote"], "speaker": None,
                       "speaker_text": names[0] if names else None, "quantities": quantities})
    facts = [{"id": "F-" + gf["id"], "claims": ["S-" + c for c in gf["claims"]], "status": gf["status"]} for gf in gold["facts"]]
    flags = [{"kind": f["kind"], "doc": f["doc"], "text": f["quote"]} for f in gold["flags"]]
    return {"documents": documents, "entities": entities, "claims": claims, "facts": facts, "flags": flags}


def _perturbed(report: dict, gold: dict, corpus: Path, seed: int) -> dict:
    """The gold-shaped report with seeded mistakes of every kind the metrics measure."""
    rng = random.Random(seed)
    r = deepcopy(report)
    for d in r["documents"]:  # lose body lines, leak furniture
        lines = d["text"].split("\n")
        d["text"] = "\n".join(l for l in lines if rng.random() > 0.2)
        raw = next(corpus.glob(d["id"] + ".*")).read_text(encoding="utf-8").splitlines()
        d["text"] += "\n" + "\n".join(l for l in raw if rng.random() < 0.2)
    for e in r["entities"]:  # miss names, split entities
        e["aliases"] = [a for a in e["aliases"] if rng.random() > 0.3]
    r["entities"].append({"id": "Ex", "name": rng.choice(r["entities"])["name"], "aliases": [], "mentions": []})
    # One fact of three or more claims will have a claim split off; its claims are
    # kept matched so that its majority is never a tie (the reference breaks ties arbitrarily).
    facts = r["facts"]
    victim = rng.choice([f for f in facts if len(f["claims"]) >= 3])
    protected = set(victim["claims"])
    kept = []
    for c in r["claims"]:
        roll = rng.random()
        if c["id"] in protected:
            kept.append(c)
            continue
        if roll < 0.15:
            continue  # missed claim
        if roll < 0.3:
            c["speaker_text"] = rng.choice(["a witness", None, "Officials"])
        if roll > 0.8:
            c["text"] = c["text"] + " " + "x" * rng.choice([10, 500])  # longer claim; too long matches nothing
        for q in c["quantities"]:
            if rng.random() < 0.3:
                q["qualifier"] = "exact"
        kept.append(c)
    r["claims"] = kept
    for f in facts:
        if rng.random() < 0.4:
            f["status"] = rng.choice(["corroborated", "conflicting", "unattributed"])
    # Merge two other facts whole, and split one claim off the chosen one.
    a, b = rng.sample([f for f in facts if f is not victim], 2)
    a["claims"] += b["claims"]
    b["claims"] = []
    facts.append({"id": "F-split", "claims": [victim["claims"].pop()], "status": "single_origin"})
    r["flags"] = [f for f in r["flags"] if rng.random() > 0.3] + [{"kind": "quote_variant", "doc": r["documents"][0]["id"], "text": ""}]
    return r


@needs_shared
def test_gold_shaped_report_scores_like_the_reference(tmp_path):
    gold = load_gold(GOLD)
    report = _gold_shaped_report(gold, CORPUS)
    ours = score(gold, report, CORPUS)
    _assert_same(ours, _reference(report, tmp_path))
    assert ours["claims.recall"] == 1.0 and ours["facts.pair_f1"] == 1.0 and ours["flags.recall"] == 1.0


@needs_shared
@pytest.mark.parametrize("seed", range(6))
def test_perturbed_reports_score_like_the_reference(seed, tmp_path):
    gold = load_gold(GOLD)
    report = _perturbed(_gold_shaped_report(gold, CORPUS), gold, CORPUS, seed)
    ours = score(gold, report, CORPUS)
    _assert_same(ours, _reference(report, tmp_path))
    assert ours["claims.recall"] < 1.0


@needs_shared
def test_empty_report_scores_like_the_reference(tmp_path):
    gold = load_gold(GOLD)
    _assert_same(score(gold, {}, CORPUS), _reference({}, tmp_path))


@needs_shared
@pytest.mark.slow
def test_pipeline_report_scores_like_the_reference(tmp_path):
    out = tmp_path / "report.json"
    assert main(["analyze", str(CORPUS), "--json", str(out), "--quiet"]) == 0
    report = json.loads(out.read_text())
    ours = score(load_gold(GOLD), report, CORPUS)
    _assert_same(ours, _reference(report, tmp_path, hash_seeds=range(16)))


@needs_shared
def test_eval_cli_prints_every_metric_and_writes_json(tmp_path, capsys):
    gold = load_gold(GOLD)
    report = tmp_path / "r.json"
    report.write_text(json.dumps(_gold_shaped_report(gold, CORPUS)), encoding="utf-8")
    out = tmp_path / "metrics.json"
    assert main(["eval", str(GOLD), "--corpus", str(CORPUS), "--report", str(report), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    for name in METRICS:
        assert name in printed
    data = json.loads(out.read_text())
    assert set(data["metrics"]) == set(METRICS) and data["regressions"] == []


@needs_shared
def test_a_metric_below_its_minimum_fails_with_a_list(tmp_path, capsys):
    gold = load_gold(GOLD)
    report_data = _perturbed(_gold_shaped_report(gold, CORPUS), gold, CORPUS, seed=1)
    report = tmp_path / "r.json"
    report.write_text(json.dumps(report_data), encoding="utf-8")
    got = score(gold, report_data, CORPUS)
    mins = tmp_path / "minimums.yaml"
    mins.write_text(yaml.safe_dump({"minimums": {"claims.recall": got["claims.recall"], "flags.recall": 0.0}}))
    assert main(["eval", str(GOLD), "--corpus", str(CORPUS), "--report", str(report), "--minimums", str(mins)]) == 0
    mins.write_text(yaml.safe_dump({"minimums": {"claims.recall": got["claims.recall"] + 0.01, "layout.body_recall": 1.0}}))
    capsys.readouterr()
    assert main(["eval", str(GOLD), "--corpus", str(CORPUS), "--report", str(report), "--minimums", str(mins)]) == 1
    err = capsys.readouterr().err
    assert "claims.recall" in err and "layout.body_recall" in err and "BELOW" not in err


def test_regressions_lists_each_metric_below_its_floor():
    metrics = {"claims.recall": 0.5, "flags.recall": None, "facts.pair_f1": 0.9}
    below = regressions(metrics, {"claims.recall": 0.6, "flags.recall": 0.1, "facts.pair_f1": 0.9})
    assert below == ["claims.recall: 0.500 < minimum 0.600", "flags.recall: n/a < minimum 0.100"]
    assert regressions(metrics, {"flags.recall": 0.0}) == []


def test_minimums_file_with_an_unknown_metric_is_refused(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("minimums:\n  claims.recal: 0.5\n")
    with pytest.raises(EvalError, match="claims.recal"):
        load_minimums(p)


def test_project_minimums_name_only_known_metrics():
    mins = load_minimums(ROOT / "ci" / "minimums.yaml")
    assert mins and all(0.0 <= v <= 1.0 for v in mins.values())


@pytest.mark.parametrize("text, message", [
    ("format: other/2\n", "format"),
    ("format: newssift-gold/1\nclaims: {a: 1}\n", "claims"),
    ("format: newssift-gold/1\nclaims:\n  - {id: c1, doc: d}\n", "quote"),
    ("[unclosed\n", "YAML"),
])
def test_bad_gold_files_are_refused_with_a_reason(tmp_path, text, message):
    p = tmp_path / "gold.yaml"
    p.write_text(text)
    with pytest.raises(EvalError, match=message):
        load_gold(p)


@needs_shared
@pytest.mark.slow
def test_eval_without_a_report_runs_the_pipeline_on_the_corpus(tmp_path, capsys):
    out = tmp_path / "metrics.json"
    code = main(["eval", str(GOLD), "--corpus", str(CORPUS), "--json", str(out), "--minimums", str(ROOT / "ci" / "minimums.yaml")])
    printed = capsys.readouterr().out
    assert all(name in printed for name in METRICS)
    data = json.loads(out.read_text())
    assert code == (1 if data["regressions"] else 0)
    assert data["report"] is None and set(data["metrics"]) == set(METRICS)


def test_eval_uses_the_corpus_metadata_sidecar(tmp_path):
    from newssift.evaluate import corpus_meta

    assert corpus_meta(tmp_path) is None
    (tmp_path / "meta.csv").write_text("id,url,outlet,title,published\n", encoding="utf-8")
    assert corpus_meta(tmp_path) == tmp_path / "meta.csv"
    assert corpus_meta(tmp_path / "meta.csv") is None  # a single file has no sidecar folder
