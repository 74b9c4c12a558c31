"""newssift: cross-check several outlets' reports of one story.

The library is the product; the CLI and the web app are thin adapters over it.
"""
from __future__ import annotations

__version__ = "0.1.0"

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
from .api import analyze
from . import report as _report  # noqa: F401  (registers the Report writers)

__all__ = [
    "__version__",
    "Config",
    "DEFAULT_CONFIG",
    "NewssiftError",
    "ConfigError",
    "InputError",
    "ModelMissingError",
    "NoUsableInputError",
    "StoreError",
    "Document",
    "Entity",
    "Claim",
    "Quantity",
    "Fact",
    "Figure",
    "Flag",
    "Story",
    "Report",
    "analyze",
    "analyze_inputs",
    "analyze_documents",
    "extract_inputs",
]
