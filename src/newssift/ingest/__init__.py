"""Ingest: turn files, directories, globs, stdin, records, feeds and URLs into Documents.

    inputs ─ sources.expand_inputs ─▶ Source ─ readers / records ─▶ Page
           ─ text.clean_text (per page; plain-text pages of one folder share
             boilerplate evidence) ─▶ Document ─ dedupe, --meta ─▶ IngestResult

Nothing here imports spaCy or torch: ``newssift extract`` stays light.  One bad
input never stops the run: it becomes an InputProblem with a one-line message.
Many saved HTML files are read and cleaned in forked worker processes (one
per core); results are put back in input order, so the outcome is the same.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..config import DEFAULT_CONFIG, Config
from ..errors import InputError
from ..models import Document, Duplicate, IngestResult, InputProblem
from .fetch import Fetcher
from .meta import apply_meta, folder_sidecars, load_meta
from .page import Page, to_document
from .readers import read_source
from .sources import Source, expand_inputs
from .text import boilerplate_lines

__all__ = ["ingest", "read_feed"]

log = logging.getLogger(__name__)

#: Cross-page boilerplate is looked for only among at least this many plain-text
#: pages of one folder: with two pages, a shared line is as likely to be
#: shared story content (a quoted name line) as site furniture.
BOILERPLATE_MIN_GROUP = 3
#: From this many HTML files on, they are read in worker processes.  Forking
#: two workers and shutting them down measured ~30-50 ms here, what 5-10
#: pages take to extract; from 32 pages the overhead is well under the time
#: won, while small runs stay in one process.
PARALLEL_MIN_FILES = 32
#: Workers at most; ingest is CPU-bound, one per core, capped so a large
#: server does not fork dozens of processes for one command.
MAX_WORKERS = 4
#: A core counts as idle when the load average leaves at least this much of
#: it free (0.5: a core half used by others still gives a worker half a core,
#: about what the fork and pickling cost).
IDLE_ROUNDING = 0.5
#: Files handed to a worker at a time: large enough to amortise the pickling
#: round trip, small enough to keep both workers busy to the end.
WORKER_CHUNK = 8


def ingest(inputs: Sequence[str], config: Config = DEFAULT_CONFIG, meta: Path | None = None) -> IngestResult:
    """Read every input into clean Documents; bad inputs become problems, copies duplicates.

    ``meta`` is an optional CSV/JSON sidecar filling url/outlet/title/published
    per document id; without it, a ``meta.csv``/``meta.json`` inside a folder
    being read is used.  Never raises for a single bad input.
    """
    sources, problems = expand_inputs(inputs)
    rows: list[dict[str, str]] = []
    # A named sidecar, else the meta.csv/meta.json found in the folders read.
    sidecars = [Path(meta)] if meta is not None else folder_sidecars(inputs)
    if sidecars:
        # A sidecar may sit in the folder being read (meta.json): it is not an article.
        resolved = {p.resolve() for p in sidecars}
        sources = [s for s in sources if s.path is None or s.path.resolve() not in resolved]
    for sidecar in sidecars:
        try:
            rows += load_meta(sidecar)
        except InputError as exc:
            problems.append(InputProblem(exc.source, exc.message, exc.code))
    # One slot per source, in input order, so ids, problems and the choice of
    # which duplicate is kept do not depend on how the work was spread.
    slots: list[list[Page | Document | InputProblem]] = [[] for _ in sources]
    parallel = [i for i, s in enumerate(sources) if s.kind == "html" and s.path is not None]
    if len(parallel) >= PARALLEL_MIN_FILES and _workers() > 1:
        done = _read_in_workers([sources[i] for i in parallel], config)
        if done is not None:
            for i, parts in zip(parallel, done):
                slots[i] = parts
        else:
            parallel = []
    else:
        parallel = []
    todo = set(range(len(sources))) - set(parallel)
    with Fetcher(config) as fetcher:
        for i in sorted(todo):
            slots[i] = _read_one(sources[i], config, fetcher)
    pages = [x for slot in slots for x in slot]
    if rows:
        # Before cleaning, so that a headline the sidecar names is cut from
        # the page by matching it; afterwards for pages cleaned in workers.
        pages = apply_meta(pages, rows)
    docs = _unique_ids(_clean_pages(pages, problems))
    if rows:
        docs = apply_meta(docs, rows)
    kept, duplicates = _dedupe(docs)
    return IngestResult(documents=tuple(kept), problems=tuple(problems), duplicates=tuple(duplicates))


def read_feed(feed: str, config: Config = DEFAULT_CONFIG, select=None) -> IngestResult:
    """The clean documents of one RSS/Atom feed (a URL or a file), fetching only the entries ``select`` keeps.

    ``select(entries) -> entries`` sees feedparser's entries in feed order
    (``newssift watch`` keeps the new ones, a bounded number). A feed that
    cannot be read is one problem, never an exception.
    """
    from .records import pages_from_feed

    problems: list[InputProblem] = []
    with Fetcher(config) as fetcher:
        try:
            if feed.startswith(("http://", "https://")):
                data = fetcher.get(feed).data
            else:
                data = Path(feed).expanduser().read_bytes()
            parts = pages_from_feed(data, feed, None, config, fetcher, select=select)
        except InputError as exc:
            return IngestResult(documents=(), problems=(InputProblem(exc.source, exc.message, exc.code),))
        except OSError as exc:
            return IngestResult(documents=(), problems=(InputProblem(feed, f"could not be read ({exc.strerror or exc})",
                                                                     "not_found"),))
        docs = _unique_ids(_clean_pages(parts, problems))
    kept, duplicates = _dedupe(docs)
    return IngestResult(documents=tuple(kept), problems=tuple(problems), duplicates=tuple(duplicates))


def _read_one(src: Source, config: Config, fetcher: Fetcher) -> list[Page | InputProblem]:
    """The pages of one source, or the problem that stopped it."""
    try:
        return read_source(src, config, fetcher)
    except InputError as exc:
        return [InputProblem(exc.source, exc.message, exc.code)]
    except Exception as exc:  # a reader bug must not sink the other inputs
        log.debug("reading %s failed", src.label, exc_info=True)
        return [InputProblem(src.label, f"could not be read: {damage_reason(exc)}", "parse")]


def _read_and_clean(src: Source, config: Config) -> list[Document | InputProblem]:
    """Worker-process job: read one HTML file and clean its pages."""
    out: list[Document | InputProblem] = []
    with Fetcher(config) as fetcher:
        for part in _read_one(src, config, fetcher):
            out.append(_clean_one(part, frozenset()) if isinstance(part, Page) else part)
    return out


def _workers() -> int:
    """Worker processes worth starting: one per core that is idle now.

    On a machine whose cores are already busy (load average near the core
    count) extra processes only compete with each other; measured here under
    a load of 5-7 on 2 cores, two workers ran at 45-80 pages/s against 76-107
    for one process.
    """
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # not available on this platform
        busy = 0.0
    idle = int(cores - busy + IDLE_ROUNDING)
    return max(1, min(idle, cores, MAX_WORKERS))


def _read_in_workers(sources: list[Source], config: Config) -> list[list[Document | InputProblem]] | None:
    """Read and clean HTML files in worker processes; None if workers cannot be started."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # spawning fresh interpreters costs more than it saves here
    if threading.active_count() > 1:
        # Forking a process that runs other threads (a web server, a model's
        # thread pool) can copy a held lock into the child: stay in-process.
        return None
    try:
        with ProcessPoolExecutor(max_workers=_workers(), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(partial(_read_and_clean, config=config), sources, chunksize=WORKER_CHUNK))
    except (OSError, BrokenProcessPool) as exc:
        log.info("worker processes unavailable (%s); reading in this process", exc)
        return None


def _unique_ids(docs: list[Document]) -> list[Document]:
    """Give documents that share an id (same stem in two folders) a numbered suffix."""
    seen: set[str] = {d.id for d in docs}
    used: set[str] = set()
    out = []
    for d in docs:
        if d.id in used:
            n = 2
            while f"{d.id}-{n}" in seen or f"{d.id}-{n}" in used:
                n += 1
            d = replace(d, id=f"{d.id}-{n}")
        used.add(d.id)
        out.append(d)
    return out


def _clean_pages(parts: list[Page | Document | InputProblem], problems: list[InputProblem]) -> list[Document]:
    """Clean the pages (plain-text pages of one folder share boilerplate evidence)."""
    groups: dict[str, list[Page]] = defaultdict(list)
    for p in parts:
        if isinstance(p, Page) and p.group and not p.extracted:
            groups[p.group].append(p)
    shared = {
        g: boilerplate_lines(p.raw for p in members) for g, members in groups.items() if len(members) >= BOILERPLATE_MIN_GROUP
    }
    docs = []
    for p in parts:
        if isinstance(p, Page):
            p = _clean_one(p, shared.get(p.group, frozenset()) if not p.extracted else frozenset())
        (problems if isinstance(p, InputProblem) else docs).append(p)
    return docs


def _clean_one(page: Page, boilerplate: frozenset[str]) -> Document | InputProblem:
    try:
        return to_document(page, boilerplate)
    except InputError as exc:
        return InputProblem(exc.source, exc.message, exc.code)
    except Exception as exc:  # one odd page must not sink the others
        log.debug("cleaning %s failed", page.source, exc_info=True)
        return InputProblem(page.source, f"could not be cleaned: {damage_reason(exc)}", "parse")


def damage_reason(exc: BaseException) -> str:
    """What an unexpected reader error says about the input, in words a user can act on (no Python names)."""
    if isinstance(exc, RecursionError):
        reason = "its structure is nested too deeply to read"
    elif isinstance(exc, OverflowError):
        reason = "it holds a number or character reference too large to read"
    elif isinstance(exc, UnicodeError):
        reason = "it holds text in a broken or mislabelled encoding"
    elif isinstance(exc, MemoryError):
        reason = "it is too large to read in memory"
    elif isinstance(exc, (AttributeError, EOFError, IndexError, KeyError, TypeError)):
        reason = "it is damaged or truncated"
    else:
        reason = "it holds a malformed value"
    return f"{reason}; check the file or save it again"


def _one_line(s: str) -> str:
    return s.splitlines()[0] if s else s


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
