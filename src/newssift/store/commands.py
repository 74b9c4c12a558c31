"""The store's command-line verbs (``add``, ``analyze --db``, ``stories``, ``show``, ``export``).

Thin adapters between ``newssift.cli`` and ``Store``: they open the store,
call it, and print what happened for people.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import DEFAULT_CONFIG, Config
from ..errors import NoUsableInputError
from ..models import Report
from . import Store

__all__ = ["ADD_BATCH", "INPUT_CHUNK", "add_inputs", "analyze_store", "export_store", "list_stories", "show_story"]

#: Documents stored per transaction by ``add``. Each committed batch survives a
#: crash; 100 keeps commits well under a second with the full ingest stage
#: while the per-commit cost stays small (see docs/benchmarks.md).
ADD_BATCH = 100

#: Input arguments ingested at a time by ``add``, so a long list of files is
#: stored as it is read rather than after all of it has been read.
INPUT_CHUNK = 100


def _say(quiet: bool, msg: str) -> None:
    if not quiet:
        print(msg)


def add_inputs(db: str, inputs: Sequence[str], config: Config = DEFAULT_CONFIG, meta: Path | None = None, quiet: bool = False) -> int:
    """Ingest ``inputs`` into the store at ``db`` in committed batches; return the exit status."""
    from ..pipeline import extract_inputs

    added = dups = read = 0
    with Store.open(db) as store:
        for i in range(0, len(inputs), INPUT_CHUNK):
            ingested = extract_inputs(list(inputs[i : i + INPUT_CHUNK]), config=config, meta=meta)
            for p in ingested.problems:
                print(f"newssift: skipped {p.source}: {p.message}", file=sys.stderr)
            for d in ingested.duplicates:
                if not quiet:
                    print(f"newssift: {d.dropped} is the same article as {d.kept}; kept once", file=sys.stderr)
            docs = ingested.documents
            read += len(docs)
            for j in range(0, len(docs), ADD_BATCH):
                result = store.add_documents(docs[j : j + ADD_BATCH])
                added += len(result.added)
                dups += len(result.duplicates)
                for d in result.duplicates:
                    if not quiet:
                        print(f"newssift: {d.dropped} is already stored as {d.kept}; nothing changed", file=sys.stderr)
        total = store.count_documents()
    if not read:
        raise NoUsableInputError("no input could be processed")
    _say(quiet, f"added {added} document(s), {dups} already stored; the store holds {total} ({db})")
    return 0


def analyze_store(db: str, story: str | None = None, config: Config = DEFAULT_CONFIG, quiet: bool = False) -> Report:
    """Analyse the stored documents (only those of ``story`` when given) and return the stored report."""
    from ..report.terminal import progress_bar

    with Store.open(db, create=False) as store, progress_bar(store.count_documents(), enabled=not quiet) as progress:
        result = store.analyze(story=story, config=config, progress=progress)
    for p in result.failed:
        # Always said, even with --quiet: the report leaves these documents out.
        print(f"newssift: {p.source} {p.message}", file=sys.stderr)
    total = result.reused + result.extracted
    meta = dict(result.report.meta)
    parts = (int(meta.get("incremental_parts_reused", 0)), int(meta.get("incremental_parts_computed", 0)))
    realigned = f" ({parts[1]} of {sum(parts)} story part(s) re-aligned)" if sum(parts) else ""
    _say(
        quiet,
        f"analysed {total} document(s): reused {result.reused} stored extraction(s), extracted {result.extracted}; "
        f"{len(result.report.stories)} story(ies){realigned}, {len(result.report.facts)} fact(s)",
    )
    return result.report


def list_stories(db: str) -> int:
    """Print the stored stories as a table; return the exit status."""
    from rich.console import Console
    from rich.table import Table

    with Store.open(db, create=False) as store:
        rows = store.stories()
    console = Console()
    if not rows:
        console.print(f"no documents in {db}")
        return 0
    table = Table(title=f"stories in {db}")
    for col in ("story", "title", "documents", "analysed"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.id, r.title, str(len(r.docs)), r.analysed_at or _not_analysed(r.id))
    console.print(table)
    return 0


def _not_analysed(story: str) -> str:
    from . import FAILED_STORY

    return "failed (newssift rm ID removes one)" if story == FAILED_STORY else "not yet (newssift analyze --db …)"


def show_story(db: str, story: str) -> Report:
    """The latest stored analysis of one story."""
    with Store.open(db, create=False) as store:
        return store.report(story)


def export_store(db: str) -> Report:
    """The latest stored analysis of the whole store."""
    with Store.open(db, create=False) as store:
        return store.report()
