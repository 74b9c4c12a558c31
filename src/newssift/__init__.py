"""newssift: cross-check several outlets' reports of one story.

The library is the product; the CLI and the web app are thin adapters over it.
"""
from __future__ import annotations

__version__ = "0.5.0"

from .startup import keep_torch_out_of_thinc as _keep_torch_out_of_thinc

# Before anything imports spaCy: its thinc layer would import torch for nothing (newssift.startup).
_keep_torch_out_of_thinc()

from . import report as _report  # noqa: F401  (registers the Report writers)
from .api import analyze
from .config import DEFAULT_CONFIG, Config
from .errors import (
    ConfigError,
    InputError,
    ModelMissingError,
    NewssiftError,
    NoUsableInputError,
    StoreError,
)
from .models import Claim, Document, Entity, Fact, Figure, Flag, Quantity, Report, Story
from .pipeline import analyze_documents, analyze_inputs, extract_inputs

__all__ = [
    "DEFAULT_CONFIG",
    "Claim",
    "Config",
    "ConfigError",
    "Document",
    "Entity",
    "Fact",
    "Figure",
    "Flag",
    "InputError",
    "ModelMissingError",
    "NewssiftError",
    "NoUsableInputError",
    "Quantity",
    "Report",
    "StoreError",
    "Story",
    "__version__",
    "analyze",
    "analyze_documents",
    "analyze_inputs",
    "extract_inputs",
]
