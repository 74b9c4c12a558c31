"""A real server (uvicorn on a free loopback port, in a thread) over a fresh SQLite store, and real Chromium."""
from __future__ import annotations

import socket
import threading
import time

import pytest

#: Seconds to wait for uvicorn to start listening before the test fails.
START_TIMEOUT_S = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_server(app):
    """Start ``app`` under uvicorn in a thread; return (base URL, stop function)."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)

    def stop():
        server.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture()
def serve_app():
    """A function that serves an app for real and returns (base URL, stop function)."""
    return run_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The web app over a new SQLite store, served for real; yields (base URL, db path)."""
    from newssift.web.app import create_app

    db = tmp_path_factory.mktemp("web") / "store.db"
    base, stop = run_server(create_app(str(db)))
    yield base, db
    stop()


#: Seconds a background job may take in the tests (an analysis on a loaded 2-core machine).
JOB_TIMEOUT_S = 300


def wait_job(base: str, location: str) -> dict:
    """Poll a job (``/jobs/ID`` as a form's redirect gives it) through the JSON API until it ends; its JSON."""
    import httpx

    url = base + location.replace("/jobs/", "/api/jobs/")
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while True:
        job = httpx.get(url, timeout=30).json()
        if job["state"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


@pytest.fixture()
def finish_job():
    """``finish_job(base, location)``: wait for a background job to end and return its JSON."""
    return wait_job
