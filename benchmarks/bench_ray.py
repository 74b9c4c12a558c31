"""The Ray engine beside the local engine: 1 and 2 Ray workers, runs interleaved.

    .venv/bin/python benchmarks/bench_ray.py                 # 80 articles, 2 rounds
    .venv/bin/python benchmarks/bench_ray.py --size 200 --rounds 3 --json

Two Ray clusters are started on 127.0.0.1 for the run and stopped at the end
(``ray stop --force``): one head node with one CPU ("ray-1"), and one head
plus a second node with one CPU each ("ray-2"); each worker is one Ray worker
process (at the driver's niceness, see FAIR). After one local warm-up run,
every round runs local, ray-1 and ray-2 in turn on the same generated
fictional articles (variations of examples/, as bench_pipeline.py makes
them), so machine load drifts across all three alike. A Ray engine runs
twice per round on one connection: "cold" (a new Ray job, whose workers
start and load spaCy) and warm. Per run: the wall time of
``analyze_documents``, the per-document stage (``time_extract_s``), the
cross-document rest and its phases (``time_split_*``), and whether the
report equals the local one (run-time meta left out); per Ray engine the
workers' peak resident memory. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
RAY_BIN = Path(sys.executable).with_name("ray")
QUIET = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1", "HF_HUB_OFFLINE": "1"}
#: Ray starts its workers at niceness 15 (below the driver) by default; on a
#: machine shared with other work that starves them, so the benchmark's
#: workers run at the driver's niceness (0 added) to compare like with like.
FAIR = {"RAY_worker_niceness": "0"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(nodes: int, temp: str) -> str:
    """A cluster of ``nodes`` one-CPU nodes on 127.0.0.1; returns HOST:PORT."""
    env = {**os.environ, **QUIET, **FAIR}
    port = _free_port()
    common = ["--num-cpus=1", "--node-ip-address=127.0.0.1", "--object-store-memory=300000000",
              "--disable-usage-stats"]
    subprocess.run([str(RAY_BIN), "start", "--head", f"--port={port}", "--include-dashboard=false",
                    f"--temp-dir={temp}", *common], env=env, check=True, capture_output=True)
    for _ in range(nodes - 1):
        subprocess.run([str(RAY_BIN), "start", f"--address=127.0.0.1:{port}", *common], env=env, check=True,
                       capture_output=True)
    return f"127.0.0.1:{port}"


def freeze_source() -> str:
    """Run the driver and every Ray worker on one copy of src/newssift, taken now.

    Ray starts new worker processes for every job, and they import newssift
    afresh: if the source changes during the benchmark (an edit, a checkout),
    workers would run other code than the driver, and the reports would
    differ for that reason alone.
    """
    frozen = tempfile.mkdtemp(prefix="ns-bray-src-", dir="/tmp")
    shutil.copytree(ROOT / "src" / "newssift", Path(frozen) / "newssift",
                    ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, frozen)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [frozen, os.environ.get("PYTHONPATH")]))
    return frozen


def worker_peak_rss(address: str) -> list[float]:
    """Peak resident memory (MiB) of each worker process of this job that loaded spaCy."""
    from newssift.engines.ray_engine import RayEngine

    with RayEngine(address) as engine:
        seen = engine.map(_probe, None, list(range(8 * engine.workers)))
    return sorted(mib for mib in {pid: mib for pid, mib in seen}.values() if mib)


def _probe(_shared, _item):
    time.sleep(0.2)  # long enough that every worker takes some probes
    loaded = "newssift.annotate" in sys.modules and bool(sys.modules["newssift.annotate"]._CACHE)
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if loaded else 0.0


def comparable(report) -> dict:
    from newssift.engines import RUNTIME_META
    from newssift.report.json import report_to_dict

    d = report_to_dict(report)
    d["meta"] = {k: v for k, v in d["meta"].items() if not k.startswith(RUNTIME_META)}
    return json.loads(json.dumps(d))


def run_once(documents, config) -> tuple[dict, dict]:
    """One analysis: wall, per-document and cross-document seconds (and the split's phases), and the report."""
    from newssift.pipeline import analyze_documents

    t0 = time.perf_counter()
    report = analyze_documents(documents, config=config)
    wall = time.perf_counter() - t0
    meta = dict(report.meta)
    extract = float(meta.get("time_extract_s", "nan"))
    total = float(meta.get("time_total_s", "nan"))
    phases = {k[len("time_split_"):-2]: float(v) for k, v in meta.items() if k.startswith("time_split_")}
    return {"wall_s": wall, "extract_s": extract, "cross_s": total - extract, **phases}, comparable(report)


def run_ray_pair(documents, config) -> tuple[dict, dict, dict]:
    """A cold run (a new Ray job: workers start and load spaCy) and a warm one on the same connection."""
    import ray

    ray.init(address=config.ray_address, logging_level="ERROR", log_to_driver=False)
    try:
        cold, report = run_once(documents, config)
        warm, again = run_once(documents, config)
        warm["worker_rss_mib"] = worker_peak_rss(config.ray_address)
    finally:
        ray.shutdown()
    assert report == again
    return cold, warm, report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=80, help="generated articles (default 80)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds after the warm-up (default 2)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args(argv)
    os.environ.update(QUIET)
    frozen = freeze_source()
    from bench_pipeline import generate

    from newssift.config import DEFAULT_CONFIG
    from newssift.pipeline import extract_inputs

    temps = [tempfile.mkdtemp(prefix="ns-bray-", dir="/tmp") for _ in range(3)]
    try:
        documents = extract_inputs([str(p) for p in generate(args.size, Path(temps[2]))]).documents
        engines = {
            "local": DEFAULT_CONFIG,
            "ray-1": DEFAULT_CONFIG.with_(engine="ray", ray_address=start_cluster(1, temps[0])),
            "ray-2": DEFAULT_CONFIG.with_(engine="ray", ray_address=start_cluster(2, temps[1])),
        }
        runs: dict[str, list[dict]] = {k: [] for k in ("local", "ray-1 cold", "ray-1", "ray-2 cold", "ray-2")}
        _, reference = run_once(documents, DEFAULT_CONFIG)  # warm-up: the driver loads spaCy and MiniLM
        same: dict[str, bool] = {k: True for k in engines}
        for rnd in range(1, args.rounds + 1):
            for name, config in engines.items():
                if name == "local":
                    timing, report = run_once(documents, config)
                    runs[name].append(timing)
                else:
                    cold, timing, report = run_ray_pair(documents, config)
                    runs[f"{name} cold"].append(cold)
                    runs[name].append(timing)
                same[name] &= report == reference
                print(f"round {rnd} {name}: {timing}", file=sys.stderr)
    finally:
        subprocess.run([str(RAY_BIN), "stop", "--force"], env={**os.environ, **QUIET}, capture_output=True, check=False)
        for t in (*temps, frozen):
            shutil.rmtree(t, ignore_errors=True)
    result = summarise(args.size, runs, same)
    print(json.dumps(result) if args.json else table(result))
    return 0


def summarise(n: int, runs: dict, same: dict) -> dict:
    """Medians per engine, per-worker throughput of the per-document stage, workers' peak memory."""
    out = {"articles": n, "cpus": os.cpu_count(), "engines": {}}
    for name, rs in runs.items():
        memory = [m for r in rs for m in r.pop("worker_rss_mib", [])]
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        base = name.split()[0]
        workers = 1 if base == "local" else int(base.split("-")[1])
        out["engines"][name] = {
            **{k: round(v, 2) for k, v in med.items()},
            "articles_per_s_per_document_stage": round(n / med["extract_s"], 2),
            "articles_per_s_per_worker": round(n / med["extract_s"] / workers, 2),
            "same_report_as_local": same[base],
            "worker_peak_rss_mib": round(max(memory)) if memory else None,
        }
    return out


_COLUMNS = ("wall_s", "extract_s", "cross_s", "articles_per_s_per_document_stage", "articles_per_s_per_worker",
            "same_report_as_local", "worker_peak_rss_mib")


def table(result: dict) -> str:
    """The result as a Markdown table, then the split's phase seconds per Ray engine."""
    lines = [(f"{result['articles']} articles, {result['cpus']} CPUs, median of the interleaved rounds "
             "(cold: a new Ray job, workers start and load spaCy)"),
             ("| engine | wall s | per-document s | cross-document s | articles/s (per-doc stage) | per worker "
             "| same report | worker peak RSS MiB |"),
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, e in result["engines"].items():
        lines.append(f"| {name} | {e['wall_s']} | {e['extract_s']} | {e['cross_s']} | "
                     f"{e['articles_per_s_per_document_stage']} | {e['articles_per_s_per_worker']} | "
                     f"{e['same_report_as_local']} | {e['worker_peak_rss_mib'] or '-'} |")
    phases = list(dict.fromkeys(k for e in result["engines"].values() for k in e if k not in _COLUMNS))
    for name, e in result["engines"].items():
        if any(p in e for p in phases):
            lines.append(f"{name} cross-document phases (s): " + ", ".join(f"{p} {e[p]}" for p in phases if p in e))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
