"""Keep a store sound around failures: dead runs, documents that fail analysis, removing a document.

* A run records the process that runs it (``runs.owner`` = ``host:pid``).
  When a store is opened, a ``running`` run whose process is gone from this
  host (killed, crashed, power cut) is marked ``interrupted``; a run that
  fails in-process is marked ``failed`` or ``interrupted`` by ``Store``
  itself. Runs owned by another host (a shared PostgreSQL store) are left
  alone: their process cannot be checked from here.
* A document whose extraction raises is recorded in ``failed_docs`` with
  the error, and skipped by later analyses until newssift or the model
  changes, so one bad document never blocks the rest of the store.
* ``remove_document`` deletes a document and everything derived from it;
  the analyses that covered it are ``invalidated`` (their rows deleted), so
  the remaining documents show as not analysed until the next ``analyze``.
"""
from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError

from . import schema as s

__all__ = [
    "clear_failures",
    "describe",
    "failed_ids",
    "load_failures",
    "mark_run",
    "owner_tag",
    "record_failures",
    "recover_runs",
    "remove_document",
]

#: Tables that hold one analysis run's results, children before parents.
_RUN_TABLES = (s.story_docs, s.stories, s.flags, s.figure_values, s.figures, s.facts,
               s.r_quantities, s.r_claims, s.r_mentions, s.r_entities, s.r_documents)


def owner_tag() -> str:
    """``host:pid`` of this process, stored with each run it starts."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists on this host and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            # The state letter follows the command name in parentheses; Z = killed, not yet reaped.
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _gone(owner: str | None) -> bool:
    """True when the run's process surely no longer runs (no owner: made before owners were kept)."""
    if not owner:
        return True
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    return not _alive(int(pid))


def recover_runs(engine: Engine) -> list[int]:
    """Mark ``running`` runs whose process is gone as ``interrupted``; return their ids.

    Best effort: a store that cannot be written (read-only) is left as it is.
    """
    from .engine import utcnow, write_tx

    try:
        with engine.connect() as conn:
            running = conn.execute(select(s.runs.c.id, s.runs.c.owner).where(s.runs.c.status == "running")).all()
        dead = [run for run, owner in running if _gone(owner)]
        if dead:
            with write_tx(engine) as conn:
                conn.execute(
                    s.runs.update().where(s.runs.c.id.in_(dead), s.runs.c.status == "running")
                    .values(status="interrupted", finished_at=utcnow())
                )
    except SQLAlchemyError:
        return []
    return dead


def mark_run(engine: Engine, run: int, status: str, message: str) -> None:
    """Record that ``run`` ended as ``status`` (failed, interrupted) and why; never raises."""
    from .engine import utcnow, write_tx

    problem = [{"source": f"run {run}", "message": message, "code": status}]
    try:
        with write_tx(engine) as conn:
            conn.execute(s.runs.update().where(s.runs.c.id == run, s.runs.c.status == "running")
                         .values(status=status, finished_at=utcnow(), problems=problem))
    except (SQLAlchemyError, OSError):
        pass  # the next open marks it interrupted instead


def describe(exc: BaseException) -> str:
    """One line naming an exception: ``ValueError: the first line of its message``."""
    text = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {text[0][:300]}" if text else exc.__class__.__name__


# ----------------------------------------------------------------- failed documents
def load_failures(conn: Connection, ids: Sequence[str], version: str, model_key: str) -> dict[str, str]:
    """The recorded errors of ``ids`` that failed under this newssift version and model."""
    f = s.failed_docs
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = select(f.c.doc_id, f.c.error).where(f.c.doc_id.in_(list(ids[i : i + 500])),
                                                f.c.newssift_version == version, f.c.model_key == model_key)
        out.update(conn.execute(q).all())
    return out


def failed_ids(conn: Connection) -> set[str]:
    """Every document with a recorded analysis failure (any version)."""
    return set(conn.execute(select(s.failed_docs.c.doc_id)).scalars())


def record_failures(conn: Connection, failures: Mapping[str, str], run: int, version: str, model_key: str, now: str) -> None:
    """Record (or replace) the failure of each document in ``failures`` (id → error)."""
    if not failures:
        return
    clear_failures(conn, list(failures))
    conn.execute(s.failed_docs.insert(), [
        {"doc_id": d, "newssift_version": version, "model_key": model_key, "run": run, "error": e, "failed_at": now}
        for d, e in failures.items()
    ])


def clear_failures(conn: Connection, ids: Iterable[str]) -> None:
    """Forget recorded failures of ``ids`` (they were extracted after all)."""
    ids = list(ids)
    for i in range(0, len(ids), 500):
        conn.execute(delete(s.failed_docs).where(s.failed_docs.c.doc_id.in_(ids[i : i + 500])))


# ----------------------------------------------------------------- removal
def remove_document(conn: Connection, doc_id: str) -> bool:
    """Delete a document and what depends on it, invalidating the analyses that covered it; False if absent."""
    if conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).scalar() is None:
        return False
    runs = set(conn.execute(select(s.r_documents.c.run).where(s.r_documents.c.doc_id == doc_id)).scalars())
    runs |= set(conn.execute(select(s.story_docs.c.run).where(s.story_docs.c.doc_id == doc_id)).scalars())
    if runs:
        for table in _RUN_TABLES:
            conn.execute(delete(table).where(table.c.run.in_(sorted(runs))))
        conn.execute(s.runs.update().where(s.runs.c.id.in_(sorted(runs))).values(
            status="invalidated", problems=[{"source": doc_id, "message": "document removed", "code": "removed"}]))
    # ON DELETE CASCADE removes its segments, embeds, extraction (and x_* rows) and failure record.
    conn.execute(delete(s.documents).where(s.documents.c.id == doc_id))
    return True
