"""Keep documents, extractions and analyses in SQLite or PostgreSQL, and analyse incrementally.

    with Store.open("news.db") as store:          # or "postgresql://user@host/db"
        store.add_documents(docs)                   # content-hash dedupe, one transaction
        result = store.analyze()                    # re-extracts only what has no valid extraction
        result.reused, result.extracted, result.report

Extraction is per document and is stored with the newssift version and the
spaCy model (name, version) that made it; ``analyze`` reuses it while both
are unchanged and re-runs only the cross-document step, incrementally
(``store.incremental``: only the stories a new document touches are
re-aligned, claim embeddings are kept, superseded analyses are pruned; the
report equals ``newssift.pipeline.cross_document``'s). Extraction batches
are committed one by one and the report in one final transaction, so a crash
or Ctrl-C leaves the store consistent and rerunning finishes the job.

A document whose extraction raises is reported, recorded and skipped (see
``store.upkeep``); a run left ``running`` by a killed process is marked
``interrupted`` on the next open; database errors (a read-only or locked
store) surface as one-line ``StoreError``s.
"""
from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Self

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from .. import __version__
from ..config import DEFAULT_CONFIG, Config
from ..errors import StoreError
from ..models import DocExtraction, Document, Duplicate, InputProblem, Report
from . import rows, schema, upkeep
from .engine import (
    checkpoint,
    is_sqlite,
    make_engine,
    migrate,
    store_error,
    utcnow,
    write_tx,
)
from .scope import FAILED_STORY, PENDING_STORY, narrow_report, restrict_report

__all__ = [
    "EXTRACT_BATCH",
    "FAILED_STORY",
    "PENDING_STORY",
    "AddResult",
    "AnalyzeResult",
    "Store",
    "StoryRow",
    "model_key",
]

Progress = Callable[[str, int, int], None]

#: Documents extracted (spaCy + extract) and committed per transaction during
#: ``analyze``. 64 = two spaCy batches: a crash loses at most ~10 s of work on
#: the 2-core dev machine, while per-commit overhead stays under 1 %.
EXTRACT_BATCH = 64


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add_documents`` did: ids stored, and the copies it dropped."""

    added: tuple[str, ...]
    duplicates: tuple[Duplicate, ...]


@dataclass(frozen=True)
class AnalyzeResult:
    """The stored report of one ``analyze`` run and how much extraction it reused."""

    report: Report
    reused: int
    extracted: int
    #: Documents skipped because their extraction failed (now or in an earlier run): source = document id.
    failed: tuple[InputProblem, ...] = ()


@dataclass(frozen=True)
class StoryRow:
    """One story of the latest analysis (``analysed_at`` None: documents not analysed yet)."""

    id: str
    title: str
    docs: tuple[str, ...]
    analysed_at: str | None


def model_key(config: Config) -> str:
    """The spaCy model name and version plus the spaCy version: extraction is stale when it changes."""
    import importlib.metadata as md

    try:
        model_version = md.version(config.spacy_model)
    except md.PackageNotFoundError:
        model_version = "?"
    try:
        spacy_version = md.version("spacy")
    except md.PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        spacy_version = "?"
    return f"{config.spacy_model}=={model_version};spacy=={spacy_version}"


def _guarded(method):
    """Turn a database error inside a public ``Store`` method into a one-line ``StoreError``."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise store_error(exc, self.url) from exc

    return wrapper


class Store:
    """A newssift store over one database; open with ``Store.open(url)``."""

    def __init__(self, engine, url: str):
        self.engine = engine
        self.url = url
        # Extractions decoded for one analysis are kept for the next in this
        # process (``watch``, the web app re-analyse the same store).
        self._extractions = rows.ExtractionMemo()

    # ------------------------------------------------------------- lifecycle
    @classmethod
    def open(cls, url: str, create: bool = True) -> Store:
        """Open (and when ``create``, create) the store at a file path, ``sqlite:///path`` or ``postgresql://…``."""
        engine = make_engine(str(url), create=create)
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        upkeep.recover_runs(engine)
        return cls(engine, str(url))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    # ------------------------------------------------------------- runs
    def _start_run(self, conn, kind: str, config: Config | None = None, story: str | None = None) -> int:
        values = {
            "kind": kind,
            "status": "running",
            "started_at": utcnow(),
            "newssift_version": __version__,
            "spacy_model": config.spacy_model if config else None,
            "story": story,
            "config": _config_json(config) if config else None,
            "owner": upkeep.owner_tag(),
        }
        return conn.execute(schema.runs.insert().values(**values).returning(schema.runs.c.id)).scalar_one()

    def _finish_run(self, conn, run: int, **values) -> None:
        conn.execute(schema.runs.update().where(schema.runs.c.id == run).values(status="done", finished_at=utcnow(), **values))

    def _latest_analysis(self, conn, story: str | None) -> int | None:
        runs = schema.runs
        q = select(runs.c.id).where(runs.c.kind == "analyze", runs.c.status == "done")
        q = q.where(runs.c.story.is_(None) if story is None else (runs.c.story.is_(None) | (runs.c.story == story)))
        return conn.execute(q.order_by(runs.c.id.desc()).limit(1)).scalar()

    # ------------------------------------------------------------- documents
    @_guarded
    def add_documents(self, docs: Sequence[Document]) -> AddResult:
        """Store documents not stored yet (same content hash = same article) in one transaction."""
        added: list[Document] = []
        dups: list[Duplicate] = []
        with write_tx(self.engine) as conn:
            hashes = {d.content_hash or _hash(d.text) for d in docs}
            known = dict(
                conn.execute(
                    select(schema.documents.c.content_hash, schema.documents.c.id).where(
                        schema.documents.c.content_hash.in_(list(hashes))
                    )
                ).all()
            ) if hashes else {}
            taken = _taken_ids(conn, [d.id for d in docs])
            for d in docs:
                h = d.content_hash or _hash(d.text)
                if h in known:
                    dups.append(Duplicate(kept=known[h], dropped=d.id, source=d.path or d.url))
                    continue
                new_id = _free_id(conn, d.id, taken)
                taken.add(new_id)
                d = replace(d, id=new_id, content_hash=h)
                known[h] = d.id
                added.append(d)
            if added:
                run = self._start_run(conn, "add")
                first = (conn.execute(select(func.max(schema.documents.c.seq))).scalar() or 0) + 1
                rows.insert_documents(conn, added, run, first)
                self._finish_run(conn, run, added=len(added))
        return AddResult(added=tuple(d.id for d in added), duplicates=tuple(dups))

    @_guarded
    def documents(self, ids: Sequence[str] | None = None) -> list[Document]:
        """Stored documents in the order they were added (only ``ids`` when given)."""
        with self.engine.connect() as conn:
            return rows.load_documents(conn, ids)

    @_guarded
    def count_documents(self) -> int:
        """How many documents the store holds."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()

    # ------------------------------------------------------------- stories and reports
    @_guarded
    def stories(self) -> list[StoryRow]:
        """Stories of the latest whole-store analysis, then rows for documents not analysed yet and failed ones."""
        with self.engine.connect() as conn:
            run = self._latest_analysis(conn, None)
            out: list[StoryRow] = []
            covered: set[str] = set()
            if run is not None:
                finished = conn.execute(select(schema.runs.c.finished_at).where(schema.runs.c.id == run)).scalar()
                covered = set(conn.execute(select(schema.r_documents.c.doc_id).where(schema.r_documents.c.run == run)).scalars())
                out = [StoryRow(st.id, st.title, st.docs, finished) for st in rows.load_stories(conn, run)]
            all_ids = conn.execute(select(schema.documents.c.id).order_by(schema.documents.c.seq)).scalars().all()
            failed = upkeep.failed_ids(conn) - covered
        pending = tuple(i for i in all_ids if i not in covered and i not in failed)
        if pending:
            out.append(StoryRow(PENDING_STORY, f"{len(pending)} document(s) not analysed yet", pending, None))
        bad = tuple(i for i in all_ids if i in failed)
        if bad:
            out.append(StoryRow(FAILED_STORY, f"{len(bad)} document(s) could not be analysed", bad, None))
        return out

    @_guarded
    def report(self, story: str | None = None) -> Report:
        """The latest stored analysis: of the whole store, or restricted to one story's documents."""
        with self.engine.connect() as conn:
            if story in (PENDING_STORY, FAILED_STORY):
                listed = next((r for r in self.stories() if r.id == story), None)
                return Report(documents=tuple(rows.load_documents(conn, listed.docs)) if listed else ())
            run = self._latest_analysis(conn, story)
            if run is None:
                raise StoreError("nothing analysed yet: run newssift analyze --db …")
            scoped = conn.execute(select(schema.runs.c.story).where(schema.runs.c.id == run)).scalar()
            if story is None or scoped == story:
                return rows.load_report(conn, run)
            stories = {st.id: st for st in rows.load_stories(conn, run)}
            n_docs = conn.execute(
                select(func.count()).select_from(schema.r_documents).where(schema.r_documents.c.run == run)
            ).scalar_one()
            # A story that covers the whole run is the whole report; only a
            # proper part is worth reading row by row.
            if story in stories and len(set(stories[story].docs)) < n_docs:
                return narrow_report(rows.load_report(conn, run, story=story), story)
            report = rows.load_report(conn, run)
        return restrict_report(report, story)

    @_guarded
    def remove_document(self, doc_id: str) -> bool:
        """Delete a document with its extraction and every analysis that covered it; False when no such id.

        The remaining documents are listed as not analysed until the next ``analyze``.
        """
        with write_tx(self.engine) as conn:
            return upkeep.remove_document(conn, doc_id)

    # ------------------------------------------------------------- analysis
    def _scope_documents(self, story: str | None) -> list[Document]:
        if story is not None and story not in (PENDING_STORY, FAILED_STORY):
            scope = next((r for r in self.stories() if r.id == story), None)
            if scope is None:
                raise StoreError(f"no story {story!r} in the store (newssift stories lists them)")
            return self.documents(scope.docs)
        return self.documents() if story is None else self.report(story).documents

    @_guarded
    def analyze(
        self, story: str | None = None, config: Config = DEFAULT_CONFIG, progress: Progress | None = None
    ) -> AnalyzeResult:
        """Extract what has no valid stored extraction, re-run the cross-document step, store and return the report.

        ``progress(stage, done, total)`` is called as documents are extracted.
        A document whose extraction fails is recorded, listed in
        ``AnalyzeResult.failed`` and the report's problems, and left out; the
        run itself is marked ``failed`` (or ``interrupted`` on Ctrl-C) when it
        cannot finish.
        """
        docs = self._scope_documents(story)
        if not docs:
            raise StoreError("the store has no documents: add some first (newssift add INPUT… --db …)")
        with write_tx(self.engine) as conn:
            run = self._start_run(conn, "analyze", config, story)
        try:
            from ..engines import open_engine

            # --engine ray: extraction batches and the re-aligned story parts run as Ray tasks.
            with open_engine(config) as engine:
                return self._analyze_run(run, docs, story, config, progress, engine)
        except BaseException as exc:
            status = "failed" if isinstance(exc, Exception) else "interrupted"
            upkeep.mark_run(self.engine, run, status, upkeep.describe(exc))
            raise

    def _extract_missing(self, run: int, missing: list[Document], config: Config, key: str,
                         progress: Progress | None, engine=None) -> tuple[dict[str, DocExtraction], dict[str, str]]:
        """Extract ``missing`` in committed batches; (extractions, id → error of the documents that failed)."""
        done: dict[str, DocExtraction] = {}
        failed: dict[str, str] = {}
        for i in range(0, len(missing), EXTRACT_BATCH):
            batch = missing[i : i + EXTRACT_BATCH]
            step = None if progress is None else (lambda stage, k, _n, _i=i: progress(stage, _i + k, len(missing)))
            fresh, bad = _extract_isolated(batch, config, step, engine)
            now = utcnow()
            with write_tx(self.engine) as conn:
                rows.save_extractions(conn, fresh, run, __version__, key, now)
                upkeep.clear_failures(conn, [x.doc for x in fresh])
                upkeep.record_failures(conn, bad, run, __version__, key, utcnow())
            # Committed: the next analysis reads these rows back as these very objects.
            self._extractions.keep_saved(fresh, __version__, key, run, now)
            done.update({x.doc: x for x in fresh})
            failed.update(bad)
        return done, failed

    def _analyze_run(self, run: int, docs: list[Document], story: str | None, config: Config,
                     progress: Progress | None, engine=None) -> AnalyzeResult:
        from ..engines import engine_meta
        from .incremental import cross_document, prune_runs, prune_vectors

        t0 = time.perf_counter()
        key = model_key(config)
        ids = [d.id for d in docs]
        with self.engine.connect() as conn:
            stored = rows.load_extractions(conn, ids, __version__, key, memo=self._extractions)
            failed = {i: e for i, e in upkeep.load_failures(conn, ids, __version__, key).items() if i not in stored}
        reused = len(stored)
        missing = [d for d in docs if d.id not in stored and d.id not in failed]
        t1 = time.perf_counter()
        fresh, bad = self._extract_missing(run, missing, config, key, progress, engine)
        stored.update(fresh)
        failed.update(bad)
        t2 = time.perf_counter()
        docs = [d for d in docs if d.id not in failed]
        if not docs:
            raise StoreError(f"no document could be analysed ({len(failed)} failed; newssift stories lists them "
                             "under 'failed', newssift rm ID removes one)")
        # Only the stories a new document touches are re-aligned (store.incremental).
        report, cache = cross_document(self.engine, run, docs, [stored[d.id] for d in docs], config,
                                       runner=None if engine is None else engine.map)
        if story is not None and len(report.stories) == 1:
            report = _rename_story(report, story)
        problems = tuple(
            InputProblem(source=i, code="analysis",
                         message=f"could not be analysed ({e}); skipped — remove it with newssift rm {i}")
            for i, e in failed.items()
        )
        t3 = time.perf_counter()
        report = replace(
            report,
            problems=report.problems + problems,
            meta=report.meta
            + (
                ("newssift_version", __version__),
                ("store_run", str(run)),
                ("reused_extractions", str(reused)),
                ("extracted", str(len(fresh))),
                ("failed", str(len(failed))),
                ("time_extract_s", f"{t2 - t1:.3f}"),
                ("time_cross_document_s", f"{t3 - t2:.3f}"),
                *cache.stats.meta(),
                *engine_meta(engine),
            ),
        )
        with write_tx(self.engine) as conn:
            # The superseded analyses' rows go first, in the same transaction, so the
            # new rows reuse their pages: the store grows with content, not with re-analyses.
            prune_runs(conn, run, story)
            rows.save_report(conn, run, report)
            if story is None:
                cache.keep_only_used(conn)
                prune_vectors(conn, {c.text for c in report.claims})
            meta = report.meta + (("time_total_s", f"{time.perf_counter() - t0:.3f}"),)
            self._finish_run(conn, run, reused=reused, extracted=len(fresh), meta=[list(kv) for kv in meta])
        checkpoint(self.engine)
        return AnalyzeResult(report=replace(report, meta=meta), reused=reused, extracted=len(fresh), failed=problems)

    # ------------------------------------------------------------- checks
    @_guarded
    def integrity_problems(self) -> list[str]:
        """Problems an integrity check finds (empty when the store is sound); SQLite's own checks included."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            if is_sqlite(self.engine):
                res = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
                if res != ["ok"]:
                    problems += [f"integrity_check: {r}" for r in res]
                problems += [f"foreign_key_check: {tuple(r)}" for r in conn.exec_driver_sql("PRAGMA foreign_key_check").all()]
            d = schema.documents
            dup_hash = conn.execute(
                select(d.c.content_hash).group_by(d.c.content_hash).having(func.count() > 1)
            ).scalars().all()
            problems += [f"content hash stored twice: {h}" for h in dup_hash]
            stuck = conn.execute(
                select(func.count()).select_from(d).outerjoin(schema.runs, d.c.added_run == schema.runs.c.id)
                .where(schema.runs.c.status != "done")
            ).scalar_one()
            if stuck:
                problems.append(f"{stuck} document(s) belong to an unfinished add run")
        return problems


# ----------------------------------------------------------------- helpers
def _extract_isolated(batch: list[Document], config: Config, progress,
                      engine=None) -> tuple[list[DocExtraction], dict[str, str]]:
    """Extract a batch (on ``engine`` when given); when it raises, extract its documents one by one here.

    Only the documents that fail on their own are lost.
    """
    from ..errors import EngineError
    from ..pipeline import extract_documents

    try:
        if engine is not None:
            return engine.extract(batch, config, progress), {}
        return extract_documents(batch, config=config, progress=progress), {}
    except EngineError:
        raise  # the cluster itself failed: not one document's fault
    except Exception as exc:  # noqa: BLE001 - any failure of one document must not stop the others
        if len(batch) == 1:
            return [], {batch[0].id: upkeep.describe(exc)}
    fresh: list[DocExtraction] = []
    failed: dict[str, str] = {}
    for doc in batch:
        try:
            fresh += extract_documents([doc], config=config)
        except Exception as exc:  # noqa: BLE001
            failed[doc.id] = upkeep.describe(exc)
    return fresh, failed


def _hash(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _taken_ids(conn, ids: Sequence[str]) -> set[str]:
    taken: set[str] = set()
    for chunk in (ids[i : i + rows.IN_CHUNK] for i in range(0, len(ids), rows.IN_CHUNK)):
        taken |= set(conn.execute(select(schema.documents.c.id).where(schema.documents.c.id.in_(list(chunk)))).scalars())
    return taken


def _free_id(conn, wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… when another article (stored or in this batch) has that id."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken or _taken_ids(conn, [f"{wanted}-{n}"]):
        n += 1
    return f"{wanted}-{n}"


def _config_json(config: Config) -> dict:
    out = {}
    for f in dataclasses.fields(config):
        if f.name == "extra":
            continue
        v = getattr(config, f.name)
        out[f.name] = str(v) if v is not None and not isinstance(v, (bool, int, float, str)) else v
    return out


def _rename_story(report: Report, story: str) -> Report:
    """Give the single story of a story-scoped analysis the id it was asked under."""
    old = report.stories[0].id
    return replace(
        report,
        stories=(replace(report.stories[0], id=story),),
        facts=tuple(replace(f, story=story) if f.story == old else f for f in report.facts),
        figures=tuple(replace(f, story=story) if f.story == old else f for f in report.figures),
    )
