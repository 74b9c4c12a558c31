"""``newssift eval``: score a report against a ``newssift-gold/1`` file and check pinned minimums.

The metrics are those of the gold format's README (layout, entities, claims,
facts, flags); ``score`` computes them from a report in the JSON form of
``newssift.report.json`` so that any report file can be scored, not only one
made in this process. ``run_eval_cli`` is what ``newssift eval`` runs.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import EvalError
from .evaluate_metrics import METRICS, score

__all__ = [
    "GOLD_FORMAT",
    "METRICS",
    "evaluate",
    "load_gold",
    "load_minimums",
    "print_table",
    "regressions",
    "run_eval_cli",
    "score",
]

GOLD_FORMAT = "newssift-gold/1"


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check a gold file; raise ``EvalError`` saying what is wrong with it."""
    try:
        gold = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read the gold file {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise EvalError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(gold, dict):
        raise EvalError(f"{path}: a gold file is a YAML mapping")
    if gold.get("format") != GOLD_FORMAT:
        raise EvalError(f"{path}: format is {gold.get('format')!r}, expected {GOLD_FORMAT!r}")
    for key, kind in (("layout", dict), ("entities", dict), ("claims", list), ("facts", list), ("flags", list),
                      ("source_names", dict)):
        if gold.get(key) is not None and not isinstance(gold[key], kind):
            raise EvalError(f"{path}: '{key}' must be a {'mapping' if kind is dict else 'list'}")
    for i, c in enumerate(gold.get("claims") or []):
        missing = [k for k in ("id", "doc", "quote") if k not in c]
        if missing:
            raise EvalError(f"{path}: claim {i + 1} lacks {', '.join(missing)}")
    return gold


def load_minimums(path: Path) -> dict[str, float]:
    """Read a minimums file (``minimums: {metric: value}``); unknown metric names are an error."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"cannot read the minimums file {path}: {exc}") from exc
    mins = data.get("minimums") if isinstance(data, dict) else None
    if not isinstance(mins, dict):
        raise EvalError(f"{path}: expected a 'minimums:' mapping of metric name to number")
    unknown = sorted(set(mins) - set(METRICS))
    if unknown:
        raise EvalError(f"{path}: unknown metric(s) {', '.join(unknown)}; known: {', '.join(METRICS)}")
    try:
        return {k: float(v) for k, v in mins.items()}
    except (TypeError, ValueError) as exc:
        raise EvalError(f"{path}: every minimum must be a number ({exc})") from exc


def regressions(metrics: Mapping[str, Any], minimums: Mapping[str, float]) -> list[str]:
    """One line per metric below its minimum (a metric that could not be computed counts as 0)."""
    out = []
    for name, floor in minimums.items():
        value = metrics.get(name)
        got = 0.0 if value is None else float(value)
        if got < floor:
            shown = "n/a" if value is None else f"{got:.3f}"
            out.append(f"{name}: {shown} < minimum {floor:.3f}")
    return out


def _pipeline_report(corpus: Path, embeddings: bool | None) -> dict[str, Any]:
    from .config import DEFAULT_CONFIG
    from .pipeline import analyze_inputs
    from .report.json import report_to_dict

    config = DEFAULT_CONFIG if embeddings is None else DEFAULT_CONFIG.with_(use_embeddings=embeddings)
    return report_to_dict(analyze_inputs([str(corpus)], config=config, meta=corpus_meta(corpus)))


#: Sidecar names a corpus folder may carry (publication dates, outlets), as
#: ``newssift analyze --meta`` reads them; the first that exists is used.
META_SIDECARS = ("meta.csv", "meta.json")


def corpus_meta(corpus: Path) -> Path | None:
    """The corpus folder's metadata sidecar, when it has one (so eval sees what analyze --meta sees)."""
    if not corpus.is_dir():
        return None
    return next((corpus / n for n in META_SIDECARS if (corpus / n).is_file()), None)


def evaluate(gold_path: Path, corpus: Path, report_path: Path | None = None, embeddings: bool | None = None) -> dict[str, Any]:
    """Metrics of a report file, or of the pipeline run on ``corpus`` when no report is given."""
    gold = load_gold(gold_path)
    if not Path(corpus).is_dir():
        raise EvalError(f"the corpus folder {corpus} does not exist")
    if report_path is None:
        report = _pipeline_report(Path(corpus), embeddings)
    else:
        try:
            report = json.loads(Path(report_path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvalError(f"cannot read the report {report_path}: {exc}") from exc
        if not isinstance(report, dict):
            raise EvalError(f"{report_path} is not a report JSON object")
    return score(gold, report, Path(corpus))


def print_table(metrics: Mapping[str, Any], minimums: Mapping[str, float] | None = None, file=None) -> None:
    """Print the metrics as a table, with the minimums when given."""
    from rich.console import Console
    from rich.table import Table

    mins = minimums or {}
    table = Table(title="newssift eval")
    table.add_column("metric")
    table.add_column("value", justify="right")
    if mins:
        table.add_column("minimum", justify="right")
        table.add_column("", justify="center")
    for name, value in metrics.items():
        shown = "n/a" if value is None else (str(value) if isinstance(value, int) else f"{value:.3f}")
        row = [name, shown]
        if mins:
            floor = mins.get(name)
            ok = floor is None or (value is not None and value >= floor)
            row += ["" if floor is None else f"{floor:.3f}", "ok" if ok else "[bold red]BELOW[/]"]
        table.add_row(*row)
    Console(file=file or sys.stdout).print(table)


def run_eval_cli(args) -> int:
    """``newssift eval``: print the table, write JSON if asked; exit 1 when a metric is below its minimum."""
    minimums = load_minimums(args.minimums) if getattr(args, "minimums", None) else {}
    metrics = evaluate(args.gold, args.corpus, getattr(args, "report", None), getattr(args, "embeddings", None))
    print_table(metrics, minimums)
    below = regressions(metrics, minimums)
    if getattr(args, "json", None):
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        payload = {"gold": str(args.gold), "corpus": str(args.corpus), "report": str(args.report) if args.report else None,
                   "metrics": metrics, "minimums": minimums, "regressions": below}
        out.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    if below:
        print("newssift eval: below the pinned minimums:", file=sys.stderr)
        for line in below:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
