"""The CI gate on the real-data splits reads the scorer's final line and fails below floors."""
from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "realdata_gate.py"
spec = importlib.util.spec_from_file_location("realdata_gate", SCRIPT)
gate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gate)

OUTPUT = """[hedging] running: .venv/bin/newssift analyze ... (10 inputs)
  newssift  0.700
realdata hedging observing_f1=0.741 acc=0.802 headlines=1580
"""


def test_final_line_is_parsed_for_its_task_only():
    assert gate.parse_final_line(OUTPUT, "hedging") == {"observing_f1": 0.741, "acc": 0.802, "headlines": 1580.0}
    assert gate.parse_final_line(OUTPUT, "stories") is None


def test_floors_failures_and_missing_metrics_are_reported():
    metrics = gate.parse_final_line(OUTPUT, "hedging")
    assert gate.check("hedging", metrics, {"observing_f1": 0.72}) == []
    below = gate.check("hedging", metrics, {"observing_f1": 0.75, "acc": 0.8})
    assert below == ["hedging.observing_f1 = 0.741 is below its floor 0.750"]
    assert gate.check("hedging", metrics, {"recall": 0.5}) == ["hedging.recall: missing from the scorer's output"]
    assert gate.check("hedging", None, {}) == ["hedging: the run failed (see its output above)"]
    assert gate.check("hedging", {"error": 1.0}, {}) != []
