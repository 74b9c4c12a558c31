"""``make bench``: every benchmark, printed as markdown with the machine it ran on.

    .venv/bin/python benchmarks/run_all.py                      # pipeline at 100 and 1,000 articles, store at 1,000 and 5,000
    .venv/bin/python benchmarks/run_all.py --sizes 100,1000,5000 --store-sizes 1000,5000 --timeout 3600

The stages' own benchmarks (every other ``bench_*.py`` here) run after
these, each in its own process with its default arguments, and their output
is included as printed. Figures are printed and also written to benchmarks/results/ (git-ignored) as
JSON and markdown; docs/benchmarks.md records the runs that were made, with
their date and machine. Nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_pipeline
import bench_store

#: The scripts run_all drives itself; every other bench_*.py runs as a stage benchmark.
OWN = {"bench_pipeline.py", "bench_store.py"}
#: Seconds each stage benchmark may take before it is stopped and reported as such.
OTHER_TIMEOUT_S = 900


def run_others(timeout_s: float) -> list[str]:
    """Run every other bench_*.py with its defaults; their output as markdown blocks."""
    out = []
    for script in sorted(HERE.glob("bench_*.py")):
        if script.name in OWN:
            continue
        try:
            proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=timeout_s, check=False)
            text = proc.stdout.strip() or proc.stderr.strip()[-2000:]
            if proc.returncode:
                text += f"\n(exit status {proc.returncode})"
        except subprocess.TimeoutExpired:
            text = f"did not finish within {timeout_s:.0f} s"
        out += [f"### {script.name}", "", "```", text, "```", ""]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000", help="pipeline sizes in articles (default %(default)s; 5000 takes long on 2 cores)")
    ap.add_argument("--store-sizes", default="1000,5000", help="store sizes in articles (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed per pipeline size")
    ap.add_argument("--max-memory-gib", type=float, default=None, help="address-space cap per pipeline size (GiB)")
    ap.add_argument("--skip-pipeline", action="store_true")
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--skip-others", action="store_true", help="do not run the stages' own bench_*.py scripts")
    ap.add_argument("--others-timeout", type=float, default=OTHER_TIMEOUT_S)
    args = ap.parse_args(argv)
    info = bench_pipeline.machine()
    parts = ["## Machine", "", *(f"- {k}: {v}" for k, v in info.items()), ""]
    print("\n".join(parts), flush=True)
    results: dict = {"machine": info}
    if not args.skip_pipeline:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        results["pipeline"] = bench_pipeline.run_sizes(sizes, args.timeout, args.max_memory_gib)
        block = ["## Pipeline", "", bench_pipeline.markdown(results["pipeline"]), ""]
        print("\n".join(block), flush=True)
        parts += block
    if not args.skip_store:
        sizes = [int(s) for s in args.store_sizes.split(",") if s.strip()]
        results["store"] = bench_store.run(sizes)
        block = ["## Store", "", bench_store.markdown(results["store"]), ""]
        print("\n".join(block), flush=True)
        parts += block
    if not args.skip_others:
        block = ["## Stage benchmarks", "", *run_others(args.others_timeout)]
        print("\n".join(block), flush=True)
        parts += block
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    (out / f"{stamp}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (out / f"{stamp}.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"written to {out / stamp}.json and .md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
