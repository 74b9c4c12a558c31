"""Runs that were killed or failed never stay ``running``; store errors are one line."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from newssift.errors import StoreError
from newssift.models import Document
from newssift.store import Store, schema

START_TIMEOUT_S = 120


def _statuses(store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(schema.runs.c.kind, schema.runs.c.status).order_by(schema.runs.c.id))]


def _docs(n: int) -> list[Document]:
    return [Document(id=f"r{i}", content_hash="", text=(
        f"The ferry operator said on Sunday that {i + 2} crossings were cancelled because of high winds. "
        f"Passengers on route {i} were offered refunds, a company spokeswoman said.")) for i in range(n)]


def test_kill_9_during_analyze_is_marked_interrupted_and_the_rerun_completes(store_url):
    with Store.open(store_url) as store:
        store.add_documents(_docs(20))
        proc = subprocess.Popen([sys.executable, "-m", "newssift", "analyze", "--db", store_url, "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while ("analyze", "running") not in _statuses(store):
                assert proc.poll() is None, f"analyze ended before it was killed: {proc.stderr.read()[-500:]}"
                assert time.monotonic() < deadline, "analyze did not start in time"
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait()
        # Opened while the run was alive, this store saw it running; a new open sees it dead.
        assert ("analyze", "running") in _statuses(store)
    with Store.open(store_url, create=False) as store:
        assert _statuses(store) == [("add", "done"), ("analyze", "interrupted")]
        assert store.integrity_problems() == []
        result = store.analyze()
        assert len(result.report.documents) == 20
        assert _statuses(store)[-1] == ("analyze", "done")


def test_a_live_run_of_this_process_is_not_marked(store_url):
    with Store.open(store_url) as store:
        store.add_documents(_docs(1))
        from newssift.store.engine import write_tx

        with write_tx(store.engine) as conn:
            store._start_run(conn, "analyze")
    with Store.open(store_url) as store:  # e.g. the web app opening the store while a request analyses
        assert _statuses(store)[-1] == ("analyze", "running")


def test_an_analysis_that_raises_is_marked_failed(store_url, monkeypatch):
    from newssift import pipeline

    def broken(*_a, **_k):
        raise RuntimeError("cross-document step broke")

    monkeypatch.setattr(pipeline, "resolve_and_cluster", broken)
    with Store.open(store_url) as store:
        store.add_documents(_docs(2))
        with pytest.raises(RuntimeError):
            store.analyze()
        assert _statuses(store)[-1] == ("analyze", "failed")


def test_a_read_only_store_gives_one_line(tmp_path):
    from sqlalchemy import event

    db = tmp_path / "ro.db"
    with Store.open(str(db)) as store:
        store.add_documents(_docs(1))
        # SQLite's own read-only mode (what a file without write permission gives a non-root user).
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda c, _r: c.execute("PRAGMA query_only=ON"))
        assert store.count_documents() == 1
        with pytest.raises(StoreError) as err:
            store.add_documents(_docs(2)[1:])
    msg = str(err.value)
    assert "read-only" in msg and str(db) in msg and "\n" not in msg and "sqlalchemy" not in msg.lower()


def test_a_store_locked_too_long_gives_one_line(tmp_path, monkeypatch):
    from newssift.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "locked.db"
    with Store.open(str(db)) as store:
        store.add_documents(_docs(1))
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        try:
            with pytest.raises(StoreError) as err:
                store.add_documents(_docs(2)[1:])
        finally:
            other.execute("ROLLBACK")
            other.close()
    msg = str(err.value)
    assert "locked by another process" in msg and "\n" not in msg and "sqlalchemy" not in msg.lower()
