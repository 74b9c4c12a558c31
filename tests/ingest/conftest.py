"""Helpers for the ingest tests: the test pages and a real local HTTP server."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the routes in ``server.routes``: path -> (status, headers, body)."""

    def do_GET(self):
        self.server.agents.append(self.headers.get("User-Agent"))
        status, headers, body = self.server.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not here"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture()
def http_server():
    """A real HTTP server on 127.0.0.1 in a thread; add routes to ``server.routes``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.routes = {}
    server.agents = []
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield server
    server.shutdown()
    server.server_close()
