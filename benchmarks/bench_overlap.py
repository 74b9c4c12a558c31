"""Parse on a background thread or not, and at which thread switch interval: a sweep.

    .venv/bin/python benchmarks/bench_overlap.py --size 1000 --rounds 2

Times ``pipeline.extract_documents`` (spaCy's parse plus newssift's
per-document extraction, the part the background parse overlaps) over the
generated corpus of ``bench_pipeline.py``, for parsing in the calling
thread and for a background parse at each switch interval given.  The
settings run interleaved, in a different order each round, so a change of
machine load falls on all of them; the figure is the median over rounds.
Each run's extractions (every field) are compared with the first run's, so a setting that
changed the output would be reported.  Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pipeline  # the generated corpus


def _settings(intervals: list[float]) -> list[tuple[str, dict]]:
    out = [("calling thread", {"parse_in_background": False})]
    out += [(f"background, switch {s * 1000:g} ms", {"parse_in_background": True, "parse_switch_interval_s": s})
            for s in intervals]
    return out


def sweep(n: int, rounds: int, intervals: list[float]) -> list[dict]:
    """Median wall and CPU seconds of annotate + extract per setting, with a same-output check."""
    from newssift.annotate import load_nlp
    from newssift.config import DEFAULT_CONFIG
    from newssift.pipeline import extract_documents, extract_inputs

    settings = _settings(intervals)
    with tempfile.TemporaryDirectory(prefix="newssift-overlap-") as tmp:
        docs = list(extract_inputs([str(p) for p in bench_pipeline.generate(n, Path(tmp))]).documents)
    load_nlp(DEFAULT_CONFIG)
    wall: dict[str, list[float]] = {name: [] for name, _ in settings}
    cpu: dict[str, list[float]] = {name: [] for name, _ in settings}
    same: dict[str, bool] = {name: True for name, _ in settings}
    reference = None
    for r in range(rounds):
        order = settings if r % 2 == 0 else settings[::-1]
        for name, changes in order:
            config = DEFAULT_CONFIG.with_(**changes)
            t, c = time.perf_counter(), time.process_time()
            extractions = extract_documents(docs, config=config)
            wall[name].append(time.perf_counter() - t)
            cpu[name].append(time.process_time() - c)
            key = list(extractions)  # frozen models: equal when every field is equal
            reference = reference if reference is not None else key
            same[name] = same[name] and key == reference
            print(f"  round {r + 1} {name}: {wall[name][-1]:.2f} s", file=sys.stderr, flush=True)
    return [{"setting": name, "wall_s": round(statistics.median(wall[name]), 2),
             "cpu_s": round(statistics.median(cpu[name]), 2), "same_claims": same[name]} for name, _ in settings]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--intervals-ms", default="5,1,0.5,0.2,0.1,0.05",
                    help="switch intervals to try, milliseconds (default %(default)s; 5 is Python's own)")
    args = ap.parse_args(argv)
    intervals = [float(x) / 1000 for x in args.intervals_ms.split(",") if x.strip()]
    rows = sweep(args.size, args.rounds, intervals)
    base = rows[0]["wall_s"]
    print(f"| setting ({args.size} articles, median of {args.rounds}) | wall s | CPU s | vs calling thread | same output |")
    print("| --- | ---: | ---: | ---: | --- |")
    for row in rows:
        print(f"| {row['setting']} | {row['wall_s']} | {row['cpu_s']} | {row['wall_s'] / base:.3f} | "
              f"{'yes' if row['same_claims'] else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
