"""The Python API for notebooks and scripts.

    import newssift
    report = newssift.analyze(["articles/", "https://example.org/story", "Pasted article text …"])
    report.facts, report.figures, report.to_json(), report.to_html()   # or just display `report` in Jupyter

Strings that are existing paths (files, folders, globs) or http(s) URLs are
inputs; any other string is the text of an article.  Texts and uploaded bytes
go through the same ingest path as files (they are written, under generated
names, into a private temporary folder that is deleted afterwards), so they
are cleaned exactly like files are.
"""
from __future__ import annotations

import glob
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .config import DEFAULT_CONFIG, Config
from .errors import InputNotFoundError, NoUsableInputError
from .models import Document, Duplicate, IngestResult, InputProblem, Report

__all__ = ["analyze", "ingest_bytes", "ingest_texts", "split_inputs"]

#: A string longer than this, or with a line break, is article text and never
#: looked up as a path (no file name is that long; it also keeps stat() calls cheap).
MAX_PATH_CHARS = 1024
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
#: Longest document id made from an uploaded file's name.
MAX_ID_CHARS = 80


_PATHLIKE_END = re.compile(r"\.(?:html?|txt|jsonl?|xml|warc|gz|csv|md|rss|atom)$", re.IGNORECASE)


def _looks_like_path(s: str) -> bool:
    """A single word with a folder separator or a file ending: meant as a path, never as article text."""
    return bool(s) and not any(ch.isspace() for ch in s) and ("/" in s or "\\" in s or bool(_PATHLIKE_END.search(s)))


def split_inputs(items: Sequence[str | Path]) -> tuple[list[str], list[str]]:
    """Separate inputs (existing paths, globs that match, URLs) from article texts.

    A string that looks like a path (one word with a "/" or a file ending)
    but names nothing raises InputNotFoundError instead of being analysed as
    a one-word article.
    """
    inputs, texts = [], []
    for item in items:
        if isinstance(item, Path):
            inputs.append(str(item))
            continue
        s = item.strip()
        if _URL.match(s):
            inputs.append(s)
        elif len(s) <= MAX_PATH_CHARS and "\n" not in s and s and (Path(s).expanduser().exists() or glob.glob(s)):
            inputs.append(str(Path(s).expanduser()) if Path(s).expanduser().exists() else s)
        elif len(s) <= MAX_PATH_CHARS and _looks_like_path(s):
            raise InputNotFoundError(s, "no such file or folder (check the path; article text is passed as text)")
        else:
            texts.append(item)
    return inputs, texts


def _safe_id(name: str, fallback: str) -> str:
    stem = Path(name.replace("\\", "/")).name
    for suffix in (".gz", ".html", ".htm", ".txt", ".jsonl", ".json", ".xml", ".warc", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    clean = _ID_CHARS.sub("-", stem).strip("-.")[:MAX_ID_CHARS]
    return clean or fallback


def _suffix(name: str) -> str:
    """The reader ending of an uploaded name when newssift knows it, else ``.txt`` (content is sniffed)."""
    from .ingest.sources import KNOWN_SUFFIXES

    low = name.lower()
    return next((s for s in KNOWN_SUFFIXES if low.endswith(s)), ".txt")


def ingest_bytes(items: Sequence[tuple[str, bytes]], config: Config = DEFAULT_CONFIG) -> IngestResult:
    """Ingest in-memory files given as (client name, bytes).

    The client's name never reaches the file system: each item is written to a
    private temporary folder under a generated name (keeping only a known
    reader ending such as ``.html``), ingested, and the folder removed.  The
    documents get ids made from the client's names, and no temporary path.
    """
    from .ingest import ingest

    if not items:
        return IngestResult(documents=())
    with tempfile.TemporaryDirectory(prefix="newssift-") as tmp:
        names: dict[str, str] = {}  # generated stem -> client name
        paths = []
        for n, (name, data) in enumerate(items, 1):
            stem = f"upload-{n:04d}"
            p = Path(tmp) / f"{stem}{_suffix(name)}"
            p.write_bytes(data)
            names[stem] = name
            paths.append(str(p))
        result = ingest(paths, config=config)
    docs = []
    for d in result.documents:
        stem = next((s for s in names if d.id == s or d.id.startswith(s + "-") or d.id.startswith(s + ":")), None)
        if stem is not None:
            d = replace(d, id=_safe_id(names[stem], stem) + d.id[len(stem):], path=None)
        elif d.path and d.path.startswith(tmp):
            d = replace(d, path=None)
        docs.append(d)
    problems = tuple(_relabel(p, tmp, names) for p in result.problems)
    dups = tuple(replace(x, source=None) if x.source and x.source.startswith(tmp) else x for x in result.duplicates)
    return IngestResult(documents=tuple(_unique(docs)), problems=problems, duplicates=dups)


def _relabel(problem: InputProblem, tmp: str, names: dict[str, str]) -> InputProblem:
    """Name the client's file in a problem instead of the temporary path."""
    source, message = problem.source, problem.message
    for stem, name in names.items():
        if stem in source:
            source = name
        message = message.replace(str(Path(tmp) / stem), name)
    return replace(problem, source=source, message=message.replace(tmp, "upload"))


def _unique(docs: list[Document]) -> list[Document]:
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        n = seen.get(d.id, 0)
        seen[d.id] = n + 1
        out.append(replace(d, id=f"{d.id}-{n + 1}") if n else d)
    return out


def ingest_texts(texts: Sequence[str], config: Config = DEFAULT_CONFIG) -> IngestResult:
    """Ingest article texts given as strings (ids ``text-1``, ``text-2``, …)."""
    return ingest_bytes([(f"text-{i}.txt", t.encode("utf-8")) for i, t in enumerate(texts, 1)], config=config)


def analyze(
    paths_or_texts: str | Path | Sequence[str | Path],
    config: Config = DEFAULT_CONFIG,
    meta: Path | str | None = None,
) -> Report:
    """Analyse files, folders, globs, URLs and article texts together; return the Report.

    Raises NoUsableInputError when nothing could be read; problems with single
    inputs are listed in ``report.problems``.
    """
    from .pipeline import analyze_documents, extract_inputs

    items = [paths_or_texts] if isinstance(paths_or_texts, (str, Path)) else list(paths_or_texts)
    inputs, texts = split_inputs(items)
    docs: list[Document] = []
    problems: list[InputProblem] = []
    dups = []
    if inputs:
        got = extract_inputs(inputs, config=config, meta=Path(meta) if meta else None)
        docs += got.documents
        problems += got.problems
        dups += got.duplicates
    if texts:
        got = ingest_texts(texts, config=config)
        taken = {d.id for d in docs}
        hashes = {d.content_hash: d.id for d in docs}
        for d in got.documents:
            if d.content_hash in hashes:  # the same article given as a file and as text
                dups.append(Duplicate(kept=hashes[d.content_hash], dropped=d.id))
                continue
            docs.append(replace(d, id=f"{d.id}-t") if d.id in taken else d)
        problems += got.problems
        dups += got.duplicates
    if not docs:
        raise NoUsableInputError("no input could be processed" + (f": {problems[0].message}" if problems else ""))
    report = analyze_documents(docs, config=config)
    return replace(report, problems=tuple(problems), duplicates=tuple(dups))
