"""Terminal summary and progress. PLACEHOLDER until the report stage lands."""
from __future__ import annotations

import contextlib

from ..models import Report

__all__ = ["print_summary", "progress_bar"]


def print_summary(report: Report, verbose: bool = False) -> None:
    """Print a compact summary of the report."""
    print(f"{len(report.documents)} documents, {len(report.claims)} claims, {len(report.facts)} facts, {len(report.flags)} flags")


@contextlib.contextmanager
def progress_bar(total: int, enabled: bool = True):
    """A progress callback (stage, done, total), shown only on a terminal."""
    yield None
