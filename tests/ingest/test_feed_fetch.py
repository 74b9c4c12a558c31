"""A feed's items are downloaded concurrently, at most ``feed_fetch_workers`` at once, within a total budget."""
from __future__ import annotations

import http.server
import threading
import time

import pytest

from newssift.config import DEFAULT_CONFIG
from newssift.ingest import ingest

TOWNS = ["Alder", "Brook", "Cedar", "Dunmore", "Elmford", "Fernhill", "Glenroy", "Hollis", "Ivybridge", "Juniper"]


def _article(i: int) -> bytes:
    town = TOWNS[i]
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{town} opens a new library</title></head><body>"
        f"<article><h1>{town} opens a new library</h1>"
        f"<p>The town of {town} opened its new public library on Friday, {10 + i} months after building began, "
        f"the mayor said at the ceremony.</p>"
        f"<p>\"Every child in {town} now has a reading room within walking distance,\" Mayor Ruth Ames told the "
        f"crowd of about {100 + i} residents.</p>"
        f"<p>The building cost {2 + i} million pounds, the council said in a statement.</p></article></body></html>"
    ).encode()


def _feed(base: str, n: int) -> bytes:
    items = "".join(
        f"<item><title>{TOWNS[i]} library</title><link>{base}/item/{i}</link><guid>{i}</guid></item>" for i in range(n)
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>County News</title>{items}</channel></rss>".encode()


class _SlowItems(http.server.BaseHTTPRequestHandler):
    """Serves /feed and /item/N; each item takes ``delay`` seconds, and the most requests in flight at once is kept."""

    delay = 0.3
    lock = threading.Lock()
    inflight = 0
    most = 0
    n = 6

    def do_GET(self):
        cls = type(self)
        if self.path == "/feed":
            body, ctype = _feed(f"http://127.0.0.1:{self.server.server_address[1]}", cls.n), "application/rss+xml"
        else:
            with cls.lock:
                cls.inflight += 1
                cls.most = max(cls.most, cls.inflight)
            time.sleep(cls.delay)
            with cls.lock:
                cls.inflight -= 1
            body, ctype = _article(int(self.path.rsplit("/", 1)[1])), "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


@pytest.fixture
def slow_feed():
    handler = type("Handler", (_SlowItems,), {"inflight": 0, "most": 0, "lock": threading.Lock()})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield handler, f"http://127.0.0.1:{srv.server_address[1]}/feed"
    srv.shutdown()
    srv.server_close()


def test_items_are_fetched_concurrently_with_a_bound_and_kept_in_feed_order(slow_feed):
    handler, url = slow_feed
    res = ingest([url], config=DEFAULT_CONFIG.with_(feed_fetch_workers=3))
    assert not res.problems
    assert [d.title for d in res.documents] == [f"{t} opens a new library" for t in TOWNS[:6]]
    assert handler.most == 3  # more than one at once, never more than the bound


def test_one_worker_fetches_one_item_at_a_time(slow_feed):
    handler, url = slow_feed
    res = ingest([url], config=DEFAULT_CONFIG.with_(feed_fetch_workers=1))
    assert len(res.documents) == 6 and handler.most == 1


def test_items_not_started_within_the_feed_budget_are_skipped_with_a_message(slow_feed):
    handler, url = slow_feed
    handler.delay = 0.6
    res = ingest([url], config=DEFAULT_CONFIG.with_(feed_fetch_workers=2, feed_budget_s=0.3))
    # The first two start at once and finish; the rest would start after the budget ran out.
    assert [d.title for d in res.documents] == [f"{t} opens a new library" for t in TOWNS[:2]]
    assert len(res.problems) == 4
    assert all(p.code == "fetch" and "download budget ran out" in p.message for p in res.problems)
    assert [p.source.rsplit("/", 1)[1] for p in res.problems] == ["2", "3", "4", "5"]
