"""Where the test data lives: importable from any test folder (pytest adds tests/ to sys.path)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus" / "kursk-2024"
SHARED_GOLD = SHARED / "eval" / "kursk-2024.gold.yaml"
SHARED_SCHEMA = SHARED / "contracts" / "report.schema.json"
