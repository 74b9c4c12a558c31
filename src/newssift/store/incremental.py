"""Re-analyse a store without redoing what did not change.

``Store.analyze`` already reuses each document's extraction (annotate +
extract, keyed by the document, whose id is unique per content hash). This
module makes the cross-document step incremental too, with the same report
as ``pipeline.cross_document``:

* it runs ``engines.split.split_cross_document`` — the cross-document step
  with its per-story parts (facts; figures, editorial and conflicting-figure
  flags) handed to a runner — with ``PartCache`` as the runner: a part whose
  inputs are unchanged since an earlier analysis is read from ``part_cache``
  instead of being aligned again, so only the stories a new article joins
  or starts are re-aligned;
* claim sentence embeddings are kept in ``claim_vectors`` by encoder and text
  hash, so only claims not met before are encoded;
* after an analysis is stored, the results of the analyses it supersedes are
  deleted (``prune_runs``), so the database grows with content, not with
  re-analyses.

Resolving entities, clustering stories and the whole-run flag families
(spelling, quote variants, social embeds, headlines) still read every
document on each analysis: they decide what belongs together.

A part's cache key is a hash of everything its task reads: the part's
documents, claims, claim vectors (or facts), the stories that hold its
documents, the entities mentioned in its documents, and — for each claim —
the answers the global origin index gives (its sources, their origin groups,
the names and types of those entities), plus the task's configuration and a
fingerprint of newssift's source code. Two analyses that give a task the same
key give it the same input, so reusing its output cannot change the report.
Keep ``_View.of`` in step with the tasks: a per-story task that starts
reading more of the run-wide entities or stories must add what it reads
there (tests/store/test_incremental_cache.py compares with a fresh run).

One caveat: MiniLM's output moves by ~1e-7 with the batch a sentence is
encoded in, so a cached vector may differ in the last bits from the one a
from-scratch run computes. Only a similarity within ~1e-6 of a threshold
could then decide differently.
"""
from __future__ import annotations

import functools
import hashlib
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, select

from ..config import Config
from ..models import DocExtraction, Document, Fact, Figure, Flag, Report
from . import schema as s
from .codec import from_jsonable, to_jsonable

__all__ = ["CacheStats", "PartCache", "code_fingerprint", "cross_document", "prune_runs", "stored_vectors"]

_SWAP_LOCK = threading.Lock()

#: Rows per ``IN (…)`` list (as ``rows.IN_CHUNK``).
_CHUNK = 500

#: Tables of one analysis run's results, children before parents (as ``upkeep``).
_RUN_TABLES = (s.story_docs, s.stories, s.flags, s.figure_values, s.figures, s.facts,
               s.r_quantities, s.r_claims, s.r_mentions, s.r_entities, s.r_documents)


@dataclass
class CacheStats:
    """How much of one cross-document step was reused."""

    parts_reused: int = 0
    parts_computed: int = 0
    vectors_reused: int = 0
    vectors_computed: int = 0

    def meta(self) -> tuple[tuple[str, str], ...]:
        """The figures as report meta entries."""
        return tuple((f"incremental_{k}", str(v)) for k, v in vars(self).items())


#: Parts of newssift that a per-story task never runs (input reading, output
#: writing, the web app, the command line): editing them keeps the cache.
_NOT_ANALYSIS = frozenset({"web", "report", "ingest", "cli.py", "__main__.py", "evaluate.py", "evaluate_metrics.py"})


@functools.cache
def code_fingerprint() -> str:
    """A hash of newssift's analysis sources and package data (a learned scorer's weights too).

    A cached part is reused only by the code (and data) that made it.
    """
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in _NOT_ANALYSIS or "__pycache__" in rel.parts or not path.is_file():
            continue
        h.update(str(rel).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


# ----------------------------------------------------------------- claim vectors
def _encoder_key(package: str) -> str:
    """The encoder package and its installed version: vectors are stale when it changes."""
    import importlib.metadata as md

    from ..align.embeddings import PIP_NAMES

    try:
        version = md.version(PIP_NAMES.get(package, package.replace("_", "-")))
    except md.PackageNotFoundError:
        version = "?"
    return f"{package}=={version}"


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def stored_vectors(engine: Engine, stats: CacheStats) -> Iterator[None]:
    """While open, ``align.embeddings.embed`` answers stored texts from ``claim_vectors`` and stores new ones.

    ``engines.split`` swaps the same function for its workers' precomputed
    vectors; the swap is undone on leaving, also on error.
    """
    import numpy as np

    from ..align import embeddings

    original = embeddings.embed

    def cached_embed(texts: Sequence[str], package: str):
        if not texts:
            return original(texts, package)
        model = _encoder_key(package)
        hashes = [_text_hash(t) for t in texts]
        known = _load_vectors(engine, model, sorted(set(hashes)))
        missing = list(dict.fromkeys(t for t, h in zip(texts, hashes) if h not in known))
        if missing:
            fresh = original(missing, package)
            rows = {_text_hash(t): fresh[i] for i, t in enumerate(missing)}
            _save_vectors(engine, model, rows)
            known.update(rows)
        stats.vectors_reused += len(set(hashes)) - len(missing)
        stats.vectors_computed += len(missing)
        return np.stack([known[h] for h in hashes]).astype(np.float32, copy=False)

    embeddings.embed = cached_embed
    try:
        yield
    finally:
        embeddings.embed = original


def _load_vectors(engine: Engine, model: str, hashes: list[str]) -> dict:
    import numpy as np

    v = s.claim_vectors
    out = {}
    with engine.connect() as conn:
        for i in range(0, len(hashes), _CHUNK):
            q = select(v.c.text_hash, v.c.vector).where(v.c.model == model, v.c.text_hash.in_(hashes[i : i + _CHUNK]))
            out.update((h, np.frombuffer(b, dtype=np.float32)) for h, b in conn.execute(q))
    return out


def _save_vectors(engine: Engine, model: str, rows: dict) -> None:
    import numpy as np

    from .engine import write_tx

    with write_tx(engine) as conn:
        hashes = list(rows)
        for i in range(0, len(hashes), _CHUNK):
            v = s.claim_vectors
            conn.execute(delete(v).where(v.c.model == model, v.c.text_hash.in_(hashes[i : i + _CHUNK])))
        conn.execute(s.claim_vectors.insert(), [
            {"model": model, "text_hash": h, "vector": np.asarray(vec, dtype=np.float32).tobytes()}
            for h, vec in rows.items()
        ])


def prune_vectors(conn: Connection, texts: set[str]) -> int:
    """Delete stored vectors of texts not in ``texts`` (claims no stored document holds any more)."""
    keep = {_text_hash(t) for t in texts}
    v = s.claim_vectors
    stale = [h for h in conn.execute(select(v.c.text_hash)).scalars() if h not in keep]
    for i in range(0, len(stale), _CHUNK):
        conn.execute(delete(v).where(v.c.text_hash.in_(stale[i : i + _CHUNK])))
    return len(stale)


# ----------------------------------------------------------------- per-story parts
#: The per-story tasks of ``engines.split`` whose outputs are cached, and the
#: model types of the lists each returns (facts; figures and flags).
_OUTPUT_TYPES: dict[str, tuple[type, ...]] = {
    "facts_task": (Fact,),
    "figures_flags_task": (Figure, Flag),
}


class _View:
    """What a part's tasks can read of the global entities and stories, answered per part."""

    def __init__(self, entities, stories):
        from ..align.origins import build_origin_index

        self.index = build_origin_index(entities)
        self.by_id = {e.id: e for e in entities}
        self.in_doc: dict[str, list] = {}
        for e in entities:
            for m in e.mentions:
                self.in_doc.setdefault(m.doc, []).append((e.id, e.type, e.name, m.start, m.end))
        self.stories_of: dict[str, list] = {}
        for st in stories:
            for d in st.docs:
                self.stories_of.setdefault(d, []).append(st)
        self.any_story = bool(stories)

    def _entity(self, eid: str | None):
        e = self.by_id.get(eid or "")
        return None if e is None else (e.id, e.name, e.type, list(e.aliases), list(e.titles))

    def of(self, docs: Sequence[Document], claims) -> dict:
        """The part's share of the global state, as JSON-ready values."""
        sources = []
        for c in claims:
            found = self.index.claim_sources(c)
            sources.append([(x, self.index.group(x), self._entity(x)) for x in found] + [self._entity(c.speaker)])
        ids = [d.id for d in docs]
        stories = {st.id: to_jsonable(st) for d in ids for st in self.stories_of.get(d, ())}
        return {
            "sources": sources,
            "mentions": [sorted(self.in_doc.get(d, ())) for d in ids],
            "stories": [stories[k] for k in sorted(stories)],
            "any_story": self.any_story,
        }


@dataclass
class PartCache:
    """An ``engines.split`` runner that reuses stored outputs of unchanged per-story parts."""

    engine: Engine
    run: int
    stats: CacheStats = field(default_factory=CacheStats)
    used: set[str] = field(default_factory=set)
    _views: dict = field(default_factory=dict)
    #: Where the parts not in the cache are computed: ``engines.split.serial_map``
    #: (this process) when None, or an engine's ``map`` (Ray tasks).
    inner: Callable | None = None

    def __call__(self, fn: Callable, shared, items: Sequence) -> list:
        """``[fn(shared, item) for item in items]``, each item's parts read from the cache where they can be."""
        kind = fn.__name__
        if kind not in _OUTPUT_TYPES:  # a task this cache does not know: run it as it is
            return self._compute(fn, shared, list(items))
        view = self._view(shared[0], shared[1])
        head = {"task": kind, "code": code_fingerprint(), "shared": repr(shared[2])}
        keys = [[_digest([head, _inputs_digest(part), view.of(part[0], part[1])]) for part in item] for item in items]
        stored = self._load([k for ks in keys for k in ks], kind)
        # Every part not stored is computed in one call of the runner, so an
        # engine's workers share them; a key met twice is computed once.
        todo = {key: part for item, ks in zip(items, keys) for part, key in zip(item, ks) if key not in stored}
        fresh = dict(zip(todo, self._compute(fn, shared, [[part] for part in todo.values()]), strict=True))
        out = []
        for item, ks in zip(items, keys):
            results = []
            for key in ks:
                if key in stored:
                    self.stats.parts_reused += 1
                else:
                    self.stats.parts_computed += 1
                results.append(stored[key] if key in stored else fresh[key])
                self.used.add(key)
            out.append(_join(results))
        self._save(fresh, kind)
        return out

    def _compute(self, fn: Callable, shared, items: list) -> list:
        """``fn(shared, item)`` for each item, on the inner runner."""
        from ..engines.split import serial_map

        return (self.inner or serial_map)(fn, shared, items)

    def _view(self, entities, stories) -> _View:
        key = (id(entities), id(stories))
        if key not in self._views:
            self._views[key] = _View(entities, stories)
        return self._views[key]

    def _load(self, keys: list[str], kind: str) -> dict[str, object]:
        p = s.part_cache
        tp = _OUTPUT_TYPES[kind]
        out = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), _CHUNK):
                q = select(p.c.key, p.c.value).where(p.c.key.in_(keys[i : i + _CHUNK]), p.c.kind == kind)
                out.update((k, _from_json(tp, v)) for k, v in conn.execute(q))
        return out

    def _save(self, fresh: dict[str, object], kind: str) -> None:
        if not fresh:
            return
        from .engine import write_tx

        with write_tx(self.engine) as conn:
            keys = list(fresh)
            for i in range(0, len(keys), _CHUNK):
                conn.execute(delete(s.part_cache).where(s.part_cache.c.key.in_(keys[i : i + _CHUNK])))
            conn.execute(s.part_cache.insert(), [
                {"key": k, "kind": kind, "value": to_jsonable(v), "run": self.run} for k, v in fresh.items()
            ])

    def keep_only_used(self, conn: Connection) -> None:
        """Mark the parts this analysis used with its run and delete every other cached part."""
        p = s.part_cache
        used = sorted(self.used)
        for i in range(0, len(used), _CHUNK):
            conn.execute(p.update().where(p.c.key.in_(used[i : i + _CHUNK])).values(run=self.run))
        conn.execute(delete(p).where(p.c.run != self.run))


def _inputs_digest(part) -> str:
    """A hash of a part's own inputs: documents, claims, and their vectors (round 1) or facts (round 2).

    The models are frozen dataclasses with every field in their ``repr``
    (none is ``repr=False``), so equal reprs mean equal inputs; a repr is
    several times cheaper than a JSON form. Vectors are hashed by their bytes
    (a NumPy repr abbreviates).
    """
    docs, claims, third = part
    h = hashlib.sha256(repr((list(docs), list(claims))).encode())
    if isinstance(third, dict):  # claim text -> vector
        for text, vec in third.items():
            raw = text.encode()
            h.update(len(raw).to_bytes(8, "big") + raw)  # length first: no two sequences hash alike
            h.update(vec.tobytes())
    else:
        h.update(repr(third).encode())
    return h.hexdigest()


def _from_json(types: tuple[type, ...], value):
    """A task's output rebuilt from JSON as the task returned it: a list, or a tuple of lists."""
    if len(types) == 1:
        return list(from_jsonable(tuple[types[0], ...], value))
    return tuple(list(from_jsonable(tuple[tp, ...], v)) for tp, v in zip(types, value, strict=True))


def _join(results: list):
    """The outputs of a bin's parts as the task gives them for the whole bin (lists, or a pair of lists)."""
    if results and isinstance(results[0], tuple):
        return tuple([x for r in results for x in r[i]] for i in range(len(results[0])))
    return [x for r in results for x in r]


# ----------------------------------------------------------------- the step and the pruning
def cross_document(engine: Engine, run: int, documents: Sequence[Document], extractions: Sequence[DocExtraction],
                   config: Config, runner: Callable | None = None) -> tuple[Report, PartCache]:
    """``pipeline.cross_document`` over the store's documents, reusing cached parts and vectors.

    ``runner`` computes the parts not in the cache (an engine's ``map``; this
    process when None). Returns the report and the cache (its ``stats``;
    ``keep_only_used`` once the report is stored).
    """
    from ..engines.split import split_cross_document

    cache = PartCache(engine, run, inner=runner)
    # Both this module and engines.split swap align.embeddings.embed while they
    # run; two analyses in one process (the web app's jobs) would otherwise
    # restore each other's swap and leave a stale one in place.
    with _SWAP_LOCK:
        if config.use_embeddings:
            with stored_vectors(engine, cache.stats):
                report = split_cross_document(documents, extractions, config, run=cache)
        else:
            report = split_cross_document(documents, extractions, config, run=cache)
    return report, cache


def prune_runs(conn: Connection, run: int, story: str | None) -> list[int]:
    """Delete the results of the analyses ``run`` supersedes; their ``runs`` rows stay, marked ``superseded``.

    A whole-store analysis supersedes every earlier analysis; a story-scoped
    one, the earlier ones of the same story.
    """
    runs = s.runs
    q = select(runs.c.id).where(runs.c.kind == "analyze", runs.c.status == "done", runs.c.id < run)
    if story is not None:
        q = q.where(runs.c.story == story)
    old = list(conn.execute(q).scalars())
    for i in range(0, len(old), _CHUNK):
        chunk = old[i : i + _CHUNK]
        for table in _RUN_TABLES:
            conn.execute(delete(table).where(table.c.run.in_(chunk)))
        conn.execute(runs.update().where(runs.c.id.in_(chunk)).values(status="superseded"))
    return old
