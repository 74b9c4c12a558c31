"""A SIGKILL in the middle of a large ``newssift add`` leaves a sound store; rerunning completes it exactly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newssift.store import Store
from newssift.store.commands import ADD_BATCH

# Enough files that the add is still running well after its first committed batch.
N_FILES = 6000
POLL_S = 0.01
START_TIMEOUT_S = 300


def _write_articles(folder, n):
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"report-{i:05d}.txt"
        p.write_text(
            f"Report number {i}. The harbour master said on Monday that {i % 97 + 3} boats were damaged overnight.\n"
            f"Crews from district {i % 13} worked until dawn, a spokesperson for the port added.\n",
            encoding="utf-8",
        )
        paths.append(str(p))
    return paths


def _add(paths, db):
    return subprocess.Popen(
        [sys.executable, "-m", "newssift", "add", *paths, "--db", db, "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_kill_during_add_then_rerun(store_url, tmp_path):
    paths = _write_articles(tmp_path / "in", N_FILES)
    with Store.open(store_url) as store:
        proc = _add(paths, store_url)
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while store.count_documents() == 0:
                assert proc.poll() is None, f"add ended before it was killed: {proc.stderr.read()[-500:]}"
                assert time.monotonic() < deadline, "add stored nothing in time"
                time.sleep(POLL_S)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait()
        assert proc.returncode == -signal.SIGKILL
        stored = store.count_documents()
    # Only whole batches were committed, and not all of them.
    assert 0 < stored < N_FILES
    assert stored % ADD_BATCH == 0
    with Store.open(store_url, create=False) as store:
        assert store.integrity_problems() == []
    rerun = subprocess.run(
        [sys.executable, "-m", "newssift", "add", *paths, "--db", store_url], capture_output=True, text=True, check=False
    )
    assert rerun.returncode == 0, rerun.stderr[-1000:]
    assert f"added {N_FILES - stored} document(s), {stored} already stored" in rerun.stdout
    with Store.open(store_url, create=False) as store:
        assert store.integrity_problems() == []
        docs = store.documents()
    assert len(docs) == N_FILES
    assert sorted(d.path for d in docs) == sorted(paths)
    assert len({d.content_hash for d in docs}) == N_FILES


N_ANALYSE = 150  # a little over two extraction batches


@pytest.mark.slow
def test_kill_during_analyze_keeps_finished_batches_for_the_rerun(store_url, tmp_path):
    from sqlalchemy import func, select

    from newssift.models import Document
    from newssift.store import EXTRACT_BATCH, PENDING_STORY, schema

    assert N_ANALYSE > 2 * EXTRACT_BATCH
    docs = [
        Document(id=f"d{i:03d}", content_hash="", text=(
            f"The mayor of district {i} said on Friday that {i + 4} streets would close for repairs. "
            f"Residents told the council that work on road {i % 17} had already been delayed twice."))
        for i in range(N_ANALYSE)
    ]

    def extracted(store) -> int:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.extractions)).scalar_one()

    with Store.open(store_url) as store:
        store.add_documents(docs)
        proc = subprocess.Popen([sys.executable, "-m", "newssift", "analyze", "--db", store_url, "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while extracted(store) == 0:
                assert proc.poll() is None, f"analyze ended before it was killed: {proc.stderr.read()[-500:]}"
                assert time.monotonic() < deadline, "analyze committed nothing in time"
                time.sleep(POLL_S)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait()
        done = extracted(store)
        assert 0 < done < N_ANALYSE and done % EXTRACT_BATCH == 0
        assert store.integrity_problems() == []
        # No analysis finished: every document is still listed as not analysed.
        assert [(s.id, len(s.docs)) for s in store.stories()] == [(PENDING_STORY, N_ANALYSE)]
        rerun = store.analyze()
        assert (rerun.reused, rerun.extracted) == (done, N_ANALYSE - done)
        assert len(rerun.report.documents) == N_ANALYSE
        assert store.integrity_problems() == []
