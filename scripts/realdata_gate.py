"""CI gate on the real-data development splits: run a quick subset of ``../shared/eval/realdata.py`` and fail below floors.

The subset (which tasks, at which ``--limit``) and the floors live in
``ci/minimums.yaml`` under ``realdata:``.  Each task is run once; its last
machine-readable line (``realdata TASK metric=value ...``) is compared with
the floors.  A task that fails, a metric that is missing and a metric below
its floor each print one line and make the exit status 1.

    python scripts/realdata_gate.py [--minimums ci/minimums.yaml] [--work .realdata-work/ci] [--only TASK ...]

Skips with exit 0 (and says so) when ``../shared/realdata`` is not beside the
checkout: the gate needs the development data, which is not part of the repo.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "realdata.py"
DATA = ROOT.parent / "shared" / "realdata"


def parse_final_line(output: str, task: str) -> dict[str, float] | None:
    """The metrics of the last ``realdata TASK k=v ...`` line of a run's output, or None when there is none."""
    found = None
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "realdata" and parts[1] == task:
            metrics = {}
            for part in parts[2:]:
                key, _, value = part.partition("=")
                try:
                    metrics[key] = float(value)
                except ValueError:
                    continue
            found = metrics
    return found


def check(task: str, metrics: dict[str, float] | None, floors: dict[str, float]) -> list[str]:
    """One line per problem: a failed run, a missing metric or a metric below its floor."""
    if metrics is None or metrics.get("error"):
        return [f"{task}: the run failed (see its output above)"]
    problems = []
    for name, floor in floors.items():
        if name not in metrics:
            problems.append(f"{task}.{name}: missing from the scorer's output")
        elif metrics[name] < float(floor):
            problems.append(f"{task}.{name} = {metrics[name]:.3f} is below its floor {float(floor):.3f}")
    return problems


def run_task(task: str, limit: int | None, work: Path, python: str) -> tuple[str, float]:
    """Run the scorer for one task; its combined output and the seconds it took."""
    cmd = [python, str(SCORER), task, "--work", str(work)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    t = time.time()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    return proc.stdout + proc.stderr, time.time() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minimums", default=str(ROOT / "ci" / "minimums.yaml"))
    ap.add_argument("--work", default=str(ROOT / ".realdata-work" / "ci"))
    ap.add_argument("--only", nargs="*", help="run only these tasks of the quick subset")
    args = ap.parse_args(argv)
    if not (SCORER.exists() and DATA.is_dir()):
        print(f"realdata gate: skipped ({DATA} or {SCORER} is not beside this checkout)")
        return 0
    spec = (yaml.safe_load(Path(args.minimums).read_text(encoding="utf-8")) or {}).get("realdata") or {}
    problems: list[str] = []
    for task, conf in spec.items():
        if args.only and task not in args.only:
            continue
        output, seconds = run_task(task, conf.get("limit"), Path(args.work), sys.executable)
        metrics = parse_final_line(output, task)
        mine = check(task, metrics, conf.get("floors") or {})
        shown = " ".join(f"{k}={v:.3f}" for k, v in (metrics or {}).items())
        print(f"realdata gate: {task} (limit {conf.get('limit', 'default')}, {seconds:.0f} s): {shown}", flush=True)
        if mine:
            print(output[-3000:], flush=True)
        problems += mine
    for p in problems:
        print(f"realdata gate: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
