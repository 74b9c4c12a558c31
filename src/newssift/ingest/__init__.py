"""Ingest: turn files, directories, globs, stdin, records, feeds and URLs into Documents.

PLACEHOLDER until the ingest stage lands: reads .txt files only.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..config import DEFAULT_CONFIG, Config
from ..models import Document, IngestResult

__all__ = ["ingest"]


def ingest(inputs: Sequence[str], config: Config = DEFAULT_CONFIG, meta: Path | None = None) -> IngestResult:
    """Read every input into a Document."""
    docs = []
    for inp in inputs:
        p = Path(inp)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            text = f.read_text(encoding="utf-8")
            docs.append(Document(id=f.stem, text=text, path=str(f), content_hash=hashlib.sha256(text.encode()).hexdigest()))
    return IngestResult(documents=tuple(docs))
