"""The Ray engine gives the local engine's report (newssift.engines).

The cluster tests start a real Ray cluster on 127.0.0.1 — a head node and a
second worker node, one CPU each, no dashboard, a private temp dir — and stop
it with ``ray stop --force`` when the module is done. The per-story split is
also checked in-process (``serial_map``), without Ray.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newssift.config import DEFAULT_CONFIG
from newssift.engines import RUNTIME_META
from newssift.engines.ray_engine import RayEngine, check_reachable
from newssift.engines.split import (
    DRIVER_FLAGS,
    STORY_FLAGS,
    _bins,
    serial_map,
    split_cross_document,
    story_parts,
)
from newssift.errors import EngineError
from newssift.models import Document, Story

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
RAY_BIN = Path(sys.executable).with_name("ray")
QUIET = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1", "HF_HUB_OFFLINE": "1"}

# Fictional reports of three unrelated events: a factory fire (three outlets),
# a sentencing (two outlets) and a football match (one).
STORIES = {
    "fire-a": ("Fire guts Brannock paint factory",
               ("A fire destroyed the Halvard paint factory in Brannock on Tuesday night. Fire chief Odile Marsh said "
               "\"the roof collapsed within twenty minutes\". Twelve workers were injured, the fire service said. "
               "Marsh said the cause was not yet known.")),
    "fire-b": ("Brannock factory blaze injures workers",
               ("Fourteen workers were injured when fire swept through the Halvard paint factory in Brannock, "
               "officials said. \"The roof collapsed within twenty minutes,\" fire chief Odile Marsh said. "
               "Residents were told to keep windows shut.")),
    "fire-c": ("Paint plant fire in Brannock",
               ("Fire chief Odile Marsh said \"the roof fell in within twenty minutes\" at the Halvard paint factory "
               "in Brannock. Twelve workers were injured, according to the fire service. The company said it would "
               "cooperate with investigators.")),
    "court-a": ("Former treasurer jailed for fraud",
                ("Judge Amara Quint sentenced former Tolvern council treasurer Piet Ardell to six years in prison "
                "on Friday for stealing 2.4 million dollars. \"You betrayed the trust of every resident,\" Quint said. "
                "Ardell's lawyer said he would appeal.")),
    "court-b": ("Tolvern treasurer gets six years",
                ("Piet Ardell, who was treasurer of Tolvern council, was jailed for six years by Judge Amara Quint "
                "for theft of 2.4 million dollars. His lawyer, Rhea Dunmore, said an appeal would be filed. "
                "Prosecutors had asked for eight years.")),
    "match": ("Corvale edge Sunmere in cup thriller",
              ("Corvale beat Sunmere 3-2 in the regional cup final on Saturday. Striker Joss Tarrant scored twice. "
              "\"We never stopped believing,\" coach Lena Voss said after the match.")),
}


def fictional_documents() -> list[Document]:
    """The six fictional reports as clean documents."""
    outlets = {"a": "Northgate Daily", "b": "Riverbend Post", "c": "Coastline Wire"}
    return [
        Document(id=key, text=text, title=title, outlet=outlets.get(key[-1], "Valley Sport"), published="2026-03-0"
                 + str(i + 1), language="en")
        for i, (key, (title, text)) in enumerate(STORIES.items())
    ]


def comparable(report_dict: dict) -> dict:
    """A report dict without its run-time meta (timings, engine)."""
    out = dict(report_dict)
    out["meta"] = {k: v for k, v in report_dict["meta"].items() if not k.startswith(RUNTIME_META)}
    return json.loads(json.dumps(out))


# ----------------------------------------------------------------- no cluster needed
def test_story_parts_keep_input_order_and_put_loose_documents_last():
    docs = [Document(id=x, text="t") for x in ("d1", "d2", "d3", "d4")]
    stories = [Story(id="s1", docs=("d3", "d1")), Story(id="s2", docs=("d2",))]
    assert story_parts(docs, stories) == [["d1", "d3"], ["d2"], ["d4"]]
    assert story_parts(docs, ()) == [["d1", "d2", "d3", "d4"]]


def test_bins_pack_small_stories_and_keep_a_large_one_whole():
    parts = [["a"], ["b", "c"], ["d"] * 5, ["e"]]
    assert _bins(parts, size=3) == [[["a"], ["b", "c"]], [["d"] * 5], [["e"]]]


def test_every_flag_family_has_a_place():
    from newssift.flags import FLAG_KINDS

    assert set(STORY_FLAGS) | set(DRIVER_FLAGS) == set(FLAG_KINDS)
    assert not set(STORY_FLAGS) & set(DRIVER_FLAGS)


def test_unreachable_address_is_one_line_error():
    with socket.socket() as s:  # a port that was free a moment ago answers nothing
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(EngineError, match="cannot reach the Ray cluster") as err:
        check_reachable(f"127.0.0.1:{port}")
    assert "\n" not in str(err.value) and "ray start --head" in str(err.value)
    with pytest.raises(EngineError, match="not HOST:PORT"):
        check_reachable("nowhere")


def test_missing_ray_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(EngineError, match=r"pip install 'newssift\[ray\]'"), RayEngine("127.0.0.1:1"):
        pass


def test_cli_engine_options_reach_the_config():
    from newssift.cli import _config_from, build_parser

    args = build_parser().parse_args(["analyze", "x.txt", "--engine", "ray", "--address", "10.0.0.5:6379"])
    cfg = _config_from(args)
    assert (cfg.engine, cfg.ray_address) == ("ray", "10.0.0.5:6379")
    assert _config_from(build_parser().parse_args(["analyze", "x.txt"])).engine == "local"


@pytest.fixture(scope="module")
def fictional_extractions():
    from newssift.pipeline import extract_documents

    docs = fictional_documents()
    return docs, extract_documents(docs)


@pytest.mark.slow
def test_split_cross_document_equals_cross_document_on_several_stories(fictional_extractions):
    """Per-story facts, figures and flags, renumbered, give cross_document's report exactly."""
    from newssift.pipeline import cross_document
    from newssift.report.json import report_to_dict

    docs, extractions = fictional_extractions
    local = cross_document(docs, extractions)
    split = split_cross_document(docs, extractions, DEFAULT_CONFIG, serial_map)
    assert sum(len(s.docs) > 1 for s in local.stories) >= 2  # the split really has several stories
    assert len({f.story for f in local.facts}) >= 2 and len(local.facts) >= 4
    assert comparable(report_to_dict(split)) == comparable(report_to_dict(local))


@pytest.mark.slow
def test_split_with_a_document_in_two_stories_equals_cross_document(fictional_extractions, monkeypatch):
    """A document shared by two stories cannot go with one of them: the split then runs all on the driver."""
    from newssift.align import stories as stories_module
    from newssift.pipeline import cross_document
    from newssift.report.json import report_to_dict

    docs, extractions = fictional_extractions
    overlapping = (Story(id="s1", docs=("fire-a", "fire-b", "court-a")), Story(id="s2", docs=("fire-b", "fire-c")),
                   Story(id="s3", docs=("court-b", "match")))
    monkeypatch.setattr(stories_module, "cluster_stories", lambda *a, **k: overlapping)
    local = cross_document(docs, extractions)
    split = split_cross_document(docs, extractions, DEFAULT_CONFIG, serial_map)
    assert comparable(report_to_dict(split)) == comparable(report_to_dict(local))


# ----------------------------------------------------------------- a real cluster
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ray(*args: str, env: dict) -> None:
    proc = subprocess.run([str(RAY_BIN), *args], env=env, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, f"ray {' '.join(args[:2])} failed: {(proc.stderr or proc.stdout)[-1500:]}"


@pytest.fixture(scope="module")
def ray_cluster():
    """HOST:PORT of a head node and one more worker node on 127.0.0.1 (one CPU each), stopped afterwards."""
    pytest.importorskip("ray")
    if not RAY_BIN.exists():
        pytest.skip("the ray command is not installed beside this Python")
    env = {**os.environ, **QUIET}
    temp = tempfile.mkdtemp(prefix="ns-ray-", dir="/tmp")
    address = f"127.0.0.1:{_free_port()}"
    common = ["--num-cpus=1", "--node-ip-address=127.0.0.1", "--object-store-memory=150000000", "--disable-usage-stats"]
    try:
        _ray("start", "--head", f"--port={address.split(':')[1]}", "--include-dashboard=false", f"--temp-dir={temp}",
             *common, env=env)
        _ray("start", f"--address={address}", *common, env=env)
        yield address
    finally:
        subprocess.run([str(RAY_BIN), "stop", "--force"], env=env, capture_output=True, timeout=120, check=False)
        shutil.rmtree(temp, ignore_errors=True)


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_report_equals_local_on_the_bundled_example(ray_cluster, tmp_path):
    """`newssift analyze examples/harbour-fire --engine ray --address …` writes the local engine's report."""
    from newssift.cli import main
    from newssift.pipeline import analyze_inputs
    from newssift.report.json import report_to_dict

    out = tmp_path / "ray.json"
    meta = EXAMPLE / "meta.csv"
    rc = main(["analyze", str(EXAMPLE), "--meta", str(meta), "--engine", "ray", "--address", ray_cluster,
               "--json", str(out), "--quiet"])
    assert rc == 0
    remote = json.loads(out.read_text(encoding="utf-8"))
    assert remote["meta"]["engine"] == "ray" and remote["meta"]["engine_workers"] == "2"
    local = analyze_inputs([str(EXAMPLE)], meta=meta)
    assert comparable(remote) == comparable(report_to_dict(local))


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_splits_several_stories_like_local(ray_cluster):
    from newssift.pipeline import analyze_documents
    from newssift.report.json import report_to_dict

    docs = fictional_documents()
    remote = analyze_documents(docs, config=DEFAULT_CONFIG.with_(engine="ray", ray_address=ray_cluster))
    local = analyze_documents(docs)
    assert comparable(report_to_dict(remote)) == comparable(report_to_dict(local))


@pytest.mark.ray
@pytest.mark.slow
def test_store_analysis_on_ray_equals_the_local_store_analysis(ray_cluster, tmp_path):
    """`newssift analyze --db FILE --engine ray` extracts and re-aligns on the cluster, with the local report."""
    from newssift.cli import main
    from newssift.store import Store

    docs = fictional_documents()
    outs = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.db"
        with Store.open(str(db)) as store:
            store.add_documents(docs)
        out = tmp_path / f"{engine}.json"
        args = ["analyze", "--db", str(db), "--engine", engine, "--json", str(out), "--quiet"]
        assert main(args + (["--address", ray_cluster] if engine == "ray" else [])) == 0
        outs[engine] = json.loads(out.read_text(encoding="utf-8"))
    assert outs["ray"]["meta"]["engine"] == "ray" and "engine" not in outs["local"]["meta"]
    drop = ("store_run", "reused_extractions", "extracted", "incremental_")

    def without_store_meta(d: dict) -> dict:
        d = comparable(d)
        d["meta"] = {k: v for k, v in d["meta"].items() if not k.startswith(drop)}
        return d

    assert without_store_meta(outs["ray"]) == without_store_meta(outs["local"])


def test_an_unknown_engine_is_a_one_line_config_error():
    from newssift.errors import ConfigError
    from newssift.pipeline import analyze_documents

    with pytest.raises(ConfigError, match="unknown engine 'spark'; choose one of: local, ray"):
        analyze_documents(fictional_documents()[:1], config=DEFAULT_CONFIG.with_(engine="spark"))
