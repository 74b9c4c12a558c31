"""Shared fixtures: paths, the real spaCy pipeline (loaded once), the shared corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import EXAMPLES, ROOT, SHARED, SHARED_CORPUS, SHARED_GOLD, SHARED_SCHEMA  # noqa: F401


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus/kursk-2024 is not beside this checkout")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy English pipeline, loaded once per test session."""
    from newssift.annotate import load_nlp
    from newssift.config import DEFAULT_CONFIG

    return load_nlp(DEFAULT_CONFIG)
