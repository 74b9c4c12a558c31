"""Shared fixtures: paths, the real spaCy pipeline (loaded once), the shared corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from shared_paths import (  # noqa: F401
    EXAMPLES,
    ROOT,
    SHARED,
    SHARED_CORPUS,
    SHARED_GOLD,
    SHARED_SCHEMA,
)


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


# --------------------------------------------------------------------------- browser
CHROMIUM = "/usr/bin/chromium"
#: Flags for Chromium in this sandbox: without the background-networking ones
#: it keeps trying to reach Google's hosts and logs refused connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """Real headless Chromium (Debian's), driven by playwright; skipped only when it is not installed."""
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (scripts/setup_test_env.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts(root):
    """test-artifacts/ (gitignored): screenshots for people to look at."""
    out = root / "test-artifacts"
    out.mkdir(exist_ok=True)
    return out
