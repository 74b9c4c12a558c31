"""Ingest: turn files, directories, globs, stdin, records, feeds and URLs into Documents.

    inputs ─ sources.expand_inputs ─▶ Source ─ readers / records ─▶ Page
           ─ text.clean_text (per page; plain-text pages of one folder share
             boilerplate evidence) ─▶ Document ─ dedupe, --meta ─▶ IngestResult

Nothing here imports spaCy or torch: ``newssift extract`` stays light.  One bad
input never stops the run: it becomes an InputProblem with a one-line message.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..config import DEFAULT_CONFIG, Config
from ..errors import InputError
from ..models import Document, Duplicate, IngestResult, InputProblem
from .fetch import Fetcher
from .meta import apply_meta, load_meta
from .page import Page, to_document
from .readers import read_source
from .sources import expand_inputs
from .text import boilerplate_lines

__all__ = ["ingest"]

log = logging.getLogger(__name__)

#: Cross-page boilerplate is looked for only among at least this many plain-text
#: pages of one folder: with two pages, a shared line is as likely to be
#: shared story content (a quoted name line) as site furniture.
BOILERPLATE_MIN_GROUP = 3


def ingest(inputs: Sequence[str], config: Config = DEFAULT_CONFIG, meta: Path | None = None) -> IngestResult:
    """Read every input into clean Documents; bad inputs become problems, copies duplicates.

    ``meta`` is an optional CSV/JSON sidecar filling url/outlet/title/published
    per document id.  Never raises for a single bad input.
    """
    sources, problems = expand_inputs(inputs)
    pages: list[Page] = []
    with Fetcher(config) as fetcher:
        for src in sources:
            try:
                parts = read_source(src, config, fetcher)
            except InputError as exc:
                problems.append(InputProblem(exc.source, exc.message, exc.code))
                continue
            except Exception as exc:  # noqa: BLE001 — a reader bug must not sink the other inputs
                log.debug("reading %s failed", src.label, exc_info=True)
                problems.append(InputProblem(src.label, f"could not be read ({type(exc).__name__}: {exc})".splitlines()[0], "parse"))
                continue
            for part in parts:
                (problems if isinstance(part, InputProblem) else pages).append(part)

    docs = _clean_pages(_unique_ids(pages), problems)
    if meta is not None:
        try:
            docs = apply_meta(docs, load_meta(Path(meta)))
        except InputError as exc:
            problems.append(InputProblem(exc.source, exc.message, exc.code))
    kept, duplicates = _dedupe(docs)
    return IngestResult(documents=tuple(kept), problems=tuple(problems), duplicates=tuple(duplicates))


def _unique_ids(pages: list[Page]) -> list[Page]:
    """Give pages that share an id (same stem in two folders) a numbered suffix."""
    seen: dict[str, int] = {}
    out = []
    for p in pages:
        n = seen.get(p.id, 0)
        seen[p.id] = n + 1
        if n:
            new = f"{p.id}-{n + 1}"
            while new in seen:
                n += 1
                new = f"{p.id}-{n + 1}"
            seen[new] = 1
            p = replace(p, id=new)
        out.append(p)
    return out


def _clean_pages(pages: list[Page], problems: list[InputProblem]) -> list[Document]:
    groups: dict[str, list[Page]] = defaultdict(list)
    for p in pages:
        if p.group and not p.extracted:
            groups[p.group].append(p)
    shared = {
        g: boilerplate_lines(p.raw for p in members) for g, members in groups.items() if len(members) >= BOILERPLATE_MIN_GROUP
    }
    docs = []
    for p in pages:
        try:
            docs.append(to_document(p, shared.get(p.group, frozenset()) if not p.extracted else frozenset()))
        except InputError as exc:
            problems.append(InputProblem(exc.source, exc.message, exc.code))
        except Exception as exc:  # noqa: BLE001 — one odd page must not sink the others
            log.debug("cleaning %s failed", p.source, exc_info=True)
            problems.append(InputProblem(p.source, f"could not be cleaned ({type(exc).__name__}: {exc})".splitlines()[0], "parse"))
    return docs


def _dedupe(docs: list[Document]) -> tuple[list[Document], list[Duplicate]]:
    """Keep the first document of each content hash; report the others."""
    first: dict[str, Document] = {}
    kept, dups = [], []
    for d in docs:
        if d.content_hash in first:
            dups.append(Duplicate(kept=first[d.content_hash].id, dropped=d.id, source=d.path or d.url))
            continue
        first[d.content_hash] = d
        kept.append(d)
    return kept, dups
