"""The web app under concurrent load: a 200-article story page with 20 clients, and 200 GETs at once.

    .venv/bin/python benchmarks/bench_web.py [--docs 200] [--clients 20] [--rounds 5] [--burst 200]

Builds a SQLite store holding one synthetic analysed story (fictional
articles of about 3,500 characters with 30 claims each, written straight
into the store: no spaCy, so the figures are the web app's own), serves it
with ``newssift serve`` in a separate process (so the clients' Python does
not share the server's), and prints:

* cold: the first request of the story page (the page is built: report read
  back, laid out, rendered);
* story page, 20 clients: each client requests page 1 of the story
  ``--rounds`` times, all clients at once; p50/p95/max latency;
* story pages, mixed: the same with each request asking for a random page;
* burst: ``--burst`` GETs sent at once over the main pages (index, story
  pages, documents, a document, search, the stories API), twice (first
  while those pages are built, then cached); how many were served (200) and
  the p50/p95/max latency; and, as a floor, the same burst of a 404 that
  reads nothing (what the server and this client cost per request here).
  The burst client is plain asyncio streams (one connection per request,
  ``Connection: close``), much leaner than httpx, so the figures are the server's.

Prints figures; asserts nothing (no timed unit tests).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str, src: str | None = None) -> tuple[subprocess.Popen, str]:
    import httpx

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": src} if src else None
    proc = subprocess.Popen([sys.executable, "-m", "newssift", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/api/stories", timeout=2)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("bench_web: the server did not start") from None
            time.sleep(0.2)


def _stats(times: list[float], ok: int, total: int) -> str:
    q = sorted(times)
    p95 = q[min(len(q) - 1, int(0.95 * len(q)))]
    return (f"served {ok}/{total}, p50 {1000 * statistics.median(q):.0f} ms, p95 {1000 * p95:.0f} ms, "
            f"max {1000 * q[-1]:.0f} ms")


async def _get(client, path: str) -> tuple[float, int, int]:
    t = time.perf_counter()
    r = await client.get(path)
    return time.perf_counter() - t, r.status_code, len(r.content)


async def _clients(base: str, paths_for_client, clients: int) -> tuple[list[float], int, int]:
    import httpx

    limits = httpx.Limits(max_connections=clients + 10, max_keepalive_connections=clients + 10)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        async def one(i: int):
            out = []
            for path in paths_for_client(i):
                out.append(await _get(client, path))
            return out

        results = [r for rs in await asyncio.gather(*(one(i) for i in range(clients))) for r in rs]
    return [t for t, _, _ in results], sum(1 for _, s, _ in results if s == 200), len(results)


async def _raw_get(host: str, port: int, path: str) -> tuple[float, int, int]:
    """One GET on its own connection with plain asyncio streams: a lean client, so the figures are the server's."""
    t = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("ascii"))
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), timeout=120)
    writer.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    return time.perf_counter() - t, status, len(data)


async def _burst(base: str, paths: list[str]) -> tuple[list[float], int, int]:
    """All ``paths`` requested at once, each on its own new connection."""
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    results = await asyncio.gather(*(_raw_get(host, int(port), p) for p in paths))
    return [t for t, _, _ in results], sum(1 for _, s, _ in results if s == 200), len(results)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--burst", type=int, default=200)
    ap.add_argument("--story-path", default=None,
                    help="path of the story page (default: its permalink /s/KEY); /stories/s1 for an older newssift")
    ap.add_argument("--server-src", default=None,
                    help="serve with the newssift under this src/ folder (e.g. an older commit, from git archive); "
                         "run the benchmark itself with PYTHONPATH=that folder too, so the store is that version's")
    args = ap.parse_args(argv)
    from synthetic_story import fill_story

    try:
        from newssift.web.story_view import page_count
    except ImportError:  # an older newssift (before/after runs): 20 articles a page, as now
        def page_count(n: int) -> int:
            return max(1, -(-n // 20))

    random.seed(7)
    print(f"load average before: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory(prefix="newssift-bench-web-") as tmp:
        db = str(Path(tmp) / "web.db")
        t = time.perf_counter()
        key = fill_story(db, args.docs, paragraphs=44, claims_per_doc=30)
        print(f"store: {args.docs} articles, one story, written in {time.perf_counter() - t:.1f} s")
        proc, base = _serve(db, args.server_src)
        try:
            story = args.story_path or f"/s/{key}"
            pages = page_count(args.docs)
            dt = asyncio.run(_burst(base, [story]))[0][0]
            cold = asyncio.run(_burst(base, [story + "?page=2"]))
            print(f"cold story page (first request, page built): {1000 * dt:.0f} ms; page 2 after it: "
                  f"{1000 * cold[0][0]:.0f} ms")
            times, ok, n = asyncio.run(_clients(base, lambda i: [story] * args.rounds, args.clients))
            print(f"story page 1, {args.clients} clients x {args.rounds}: {_stats(times, ok, n)}")
            mixed = lambda i: [f"{story}?page={random.randint(1, pages)}" for _ in range(args.rounds)]
            times, ok, n = asyncio.run(_clients(base, mixed, args.clients))
            print(f"story pages 1-{pages} mixed, {args.clients} clients x {args.rounds}: {_stats(times, ok, n)}")
            main_pages = ["/", story, f"{story}?page=3", "/documents", "/documents/art-0007", "/search?q=flood+families",
                          "/search?q=bridge&outlet=Outlet+2", "/api/stories"]
            burst = [main_pages[i % len(main_pages)] for i in range(args.burst)]
            for label in ("first, pages not built yet", "again, pages cached"):
                times, ok, n = asyncio.run(_burst(base, burst))
                print(f"burst of {args.burst} GETs at once over {len(main_pages)} pages ({label}): {_stats(times, ok, n)}")
            floor = asyncio.run(_burst(base, ["/api/jobs/none"] * args.burst))
            print(f"floor: burst of {args.burst} GETs of a 404 that reads nothing: {_stats(floor[0], args.burst, args.burst)}")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
