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
        [sys.executable, "-m", "newssift", "add", *paths, "--db", store_url], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr[-1000:]
    assert f"added {N_FILES - stored} document(s), {stored} already stored" in rerun.stdout
    with Store.open(store_url, create=False) as store:
        assert store.integrity_problems() == []
        docs = store.documents()
    assert len(docs) == N_FILES
    assert sorted(d.path for d in docs) == sorted(paths)
    assert len({d.content_hash for d in docs}) == N_FILES
