"""`python -m newssift extract`: exit status, messages, and no NLP models imported."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = "The lifeboat crew rescued two kayakers off the headland on Saturday afternoon, the coastguard said in a statement.\n"


def _extract(*args):
    return subprocess.run([sys.executable, "-m", "newssift", "extract", *args], capture_output=True, text=True, cwd=ROOT, check=False)


def test_exits_non_zero_when_nothing_could_be_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    out = tmp_path / "r.json"
    proc = _extract(str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), "--json", str(out))
    assert proc.returncode != 0
    assert f"skipped {tmp_path / 'empty.txt'}: file is empty" in proc.stderr
    assert "no input could be processed" in proc.stderr
    assert not out.exists()


def test_exits_zero_when_some_input_is_good(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "r.json"
    proc = _extract(str(tmp_path / "empty.txt"), str(tmp_path / "good.txt"), "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert [d["id"] for d in data["documents"]] == ["good"]
    assert data["problems"][0]["code"] == "empty"


def test_extract_does_not_import_spacy_or_torch(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code = (
        "import sys; from newssift.cli import main; "
        f"rc = main(['extract', {str(tmp_path / 'good.txt')!r}, '--json', {str(tmp_path / 'r.json')!r}, '-q']); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'torch', 'thinc', 'sentence_transformers'}); "
        "print(rc, heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.stdout.strip() == "0 []", proc.stderr
