"""``newssift watch``: feeds on a real HTTP server on 127.0.0.1 keep a store current, new items only, bounded."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newssift.cli import main
from newssift.errors import UsageError
from newssift.store import Store
from newssift.store.watch import parse_interval, watch

QUAKE = [
    ("Quake shakes Varden coast", ("An earthquake of magnitude 5.8 struck off the Varden coast on Tuesday, the national "
     "seismology institute said. \"We recorded more than 30 aftershocks,\" institute director Leon Brandt said.")),
    ("Varden counts quake damage", ("Officials in Varden said 14 buildings were damaged by Tuesday's earthquake. "
     "Mayor Petra Quist said schools would stay closed until engineers had inspected them.")),
    ("Aftershocks rattle Varden", ("Residents of Varden spent a second night outdoors as aftershocks continued, the "
     "regional emergency office said. \"Most homes are safe,\" spokeswoman Ida Holm said.")),
    ("Varden schools reopen", ("Schools in Varden reopened on Friday after engineers found no structural damage, the "
     "education board said. Mayor Petra Quist thanked the inspectors for working through the week.")),
]


def _watcher(args: list[str], **kw) -> subprocess.Popen:
    """``newssift watch ARGS`` in a child that takes Ctrl-C as a terminal would deliver it.

    A child inherits an ignored SIGINT (a test run started in the background
    by a non-interactive shell has one), and Python then installs no
    KeyboardInterrupt handler; the child gets the default disposition here,
    which it keeps across exec.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen([sys.executable, "-m", "newssift", "watch", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    finally:
        signal.signal(signal.SIGINT, previous)


def _page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{paras}</article></body></html>").encode()


def _rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Coast Wire</title>{items}</channel></rss>".encode()


class _Counting(dict):
    """Routes that count how often each path was asked for."""

    def __init__(self):
        super().__init__()
        self.hits: dict[str, int] = {}

    def get(self, key, default=None):
        self.hits[key] = self.hits.get(key, 0) + 1
        return super().get(key, default)


@pytest.fixture
def wire(http_server):
    """The test server with four article pages and a feed at /feed listing the first ``n`` (set_feed)."""
    http_server.routes = _Counting()
    for i, (title, text) in enumerate(QUAKE):
        http_server.routes[f"/news/{i}"] = (200, {"Content-Type": "text/html; charset=utf-8"}, _page(title, text))

    def set_feed(paths: list[str]) -> None:
        http_server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, _rss(http_server.base, paths))

    http_server.set_feed = set_feed
    set_feed([f"/news/{i}" for i in range(3)])
    return http_server


def test_new_items_only_and_at_most_max_items_per_poll(wire, tmp_path, capsys):
    db = str(tmp_path / "wire.db")
    polls = []

    def between_polls(_seconds):
        polls.append(_seconds)
        if len(polls) == 1:  # a fourth item appears after the first poll
            wire.set_feed([f"/news/{i}" for i in range(4)])

    rc = watch(db, [f"{wire.base}/feed"], every_s=5, max_items=2, max_polls=3, analyze=False, sleep=between_polls)
    assert rc == 0 and polls == [5, 5]
    with Store.open(db, create=False) as store:
        assert sorted(d.url for d in store.documents()) == [f"{wire.base}/news/{i}" for i in range(4)]
    # Each article was downloaded once, however often the feed listed it.
    assert [wire.routes.hits.get(f"/news/{i}") for i in range(4)] == [1, 1, 1, 1]
    assert wire.routes.hits["/feed"] == 3
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "poll 1: 2 new article(s)" in lines[0] and "1 more listed" in lines[0]
    assert "poll 2: 2 new article(s)" in lines[1] and "the store holds 4" in lines[1]
    assert "poll 3: 0 new article(s)" in lines[2]


@pytest.mark.slow
def test_watch_once_adds_analyses_and_drops_a_copy_at_another_url(wire, tmp_path, capsys):
    db = str(tmp_path / "wire.db")
    assert main(["watch", f"{wire.base}/feed", "--db", db, "--once"]) == 0
    first = capsys.readouterr().out.strip().splitlines()
    assert len(first) == 1 and "3 new article(s)" in first[0] and "analysed 3 document(s)" in first[0]
    # The same article republished at a new address: stored once (content hash).
    wire.routes["/mirror/0"] = wire.routes["/news/0"]
    wire.set_feed(["/news/0", "/mirror/0"])
    assert main(["watch", f"{wire.base}/feed", "--db", db, "--once"]) == 0
    second = capsys.readouterr().out.strip().splitlines()
    assert len(second) == 1 and "0 new article(s), 1 already stored" in second[0] and "analysed" not in second[0]
    assert wire.routes.hits["/news/0"] == 1  # a stored URL is not fetched again
    with Store.open(db, create=False) as store:
        assert store.count_documents() == 3
        assert store.stories()[0].analysed_at is not None


def test_a_dead_feed_is_one_line_and_the_others_are_read(wire, tmp_path, capsys):
    db = str(tmp_path / "wire.db")
    dead = f"{wire.base}/gone"
    rc = main(["watch", dead, f"{wire.base}/feed", "--db", db, "--once", "--no-analyze", "--max-items", "1"])
    assert rc == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"newssift: skipped {dead}: server answered HTTP 404 Not Found"]
    with Store.open(db, create=False) as store:
        assert store.count_documents() == 1


def test_intervals_and_bad_options():
    assert [parse_interval(x) for x in ("90", "30s", "10m", "2h", "1.5m", "1d")] == [90, 30, 600, 7200, 90, 86400]
    with pytest.raises(UsageError):
        parse_interval("soon")
    assert main(["watch", "http://127.0.0.1:9/feed", "--every", "soon", "--once"]) == 2
    assert main(["watch", "http://127.0.0.1:9/feed", "--max-polls", "0"]) == 2


def test_ctrl_c_stops_cleanly_with_one_line(wire, tmp_path):
    db = tmp_path / "wire.db"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = _watcher([f"{wire.base}/feed", "--db", str(db), "--every", "1h", "--no-analyze"], env=env)
    try:
        line = proc.stdout.readline()  # the first poll is done; now it sleeps
        assert "poll 1: 3 new article(s)" in line, proc.stderr.read()
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.strip() == f"newssift: watch stopped after 1 poll(s); the store holds 3 document(s) ({db})"
    assert "Traceback" not in out + err
    with Store.open(str(db), create=False) as store:
        assert store.count_documents() == 3 and store.integrity_problems() == []


def test_an_entry_without_a_link_is_known_by_its_id_at_the_next_poll(wire, tmp_path, capsys):
    body = " ".join(f"<p>{s}.</p>" for s in (
        "The Varden harbour master said on Thursday that two fishing boats sank at their moorings during the quake",
        "Nobody was aboard either boat when the first shock hit shortly before dawn, he told reporters at the quay",
        "Divers will inspect the harbour wall next week before the ferry service to the islands resumes",
        "The ferry operator said passengers with tickets for cancelled sailings would get their money back",
        "Fishermen said they would meet the regional council on Monday to ask for help replacing the lost boats",
    ))
    item = f"<item><title>Boats sink in Varden harbour</title><guid isPermaLink='false'>wire-77</guid>" \
           f"<description>Two boats sank.</description><content:encoded><![CDATA[{body}]]></content:encoded></item>"
    link = f"<item><title>Varden schools</title><link>{wire.base}/news/3</link></item>"
    feed = ("<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>Coast Wire</title>{item}{link}</channel></rss>").encode()
    wire.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    db = str(tmp_path / "wire.db")
    assert watch(db, [f"{wire.base}/feed"], every_s=0, max_items=1, max_polls=2, analyze=False, sleep=lambda _s: None) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "poll 1: 1 new article(s)" in lines[0] and "poll 2: 1 new article(s)" in lines[1]
    with Store.open(db, create=False) as store:
        titles = sorted(d.title for d in store.documents())
    assert titles == ["Boats sink in Varden harbour", "Varden schools reopen"]


def test_ctrl_c_during_slow_downloads_stops_without_waiting_for_them(http_server, tmp_path):
    """Items that take a minute each: Ctrl-C while they download ends the watcher in seconds."""
    import threading

    release = threading.Event()
    started = threading.Event()

    class Slow(dict):
        def get(self, key, default=None):
            if key.startswith("/news/"):
                started.set()
                release.wait(60)
            return super().get(key, default)

    routes = Slow()
    for i, (title, text) in enumerate(QUAKE):
        routes[f"/news/{i}"] = (200, {"Content-Type": "text/html; charset=utf-8"}, _page(title, text))
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, _rss(http_server.base, ["/news/0", "/news/1"]))
    http_server.routes = routes
    db = tmp_path / "wire.db"
    proc = _watcher([f"{http_server.base}/feed", "--db", str(db), "--once", "--no-analyze"])
    try:
        assert started.wait(60), "no item download started"
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        _, err = proc.communicate(timeout=45)
        stopped_in = time.monotonic() - t0
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and stopped_in < 15, (stopped_in, err)
    assert err.strip().splitlines()[-1].startswith("newssift: watch stopped after 1 poll(s); the store holds 0")
    assert "Traceback" not in err
