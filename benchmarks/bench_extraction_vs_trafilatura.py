"""Benchmark: newssift's HTML extraction beside bare trafilatura, on the same pages, interleaved.

newssift's path per page is what ``newssift extract`` does for a saved HTML
file (decode, metadata from JSON-LD/meta tags, active content removed,
trafilatura's cascade, link-dense blocks, lead, cleaning into a Document);
the bare path is ``trafilatura.extract(page)`` with its defaults (no
metadata).  Both get the same bytes.  Rounds alternate which goes first, so
a burst of load from other processes on a shared machine hits both alike;
CPU time of this process is what is compared (wall time is printed too).

Pages: generated ones (``bench_extract.make_page``: fictional outlets with
scripts, menus, an embedded post) and the project's own HTML examples.
Usage: ``python benchmarks/bench_extraction_vs_trafilatura.py [N_PAGES] [ROUNDS]``.
"""
from __future__ import annotations

import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _make_page():
    """``make_page`` of the sibling benchmark (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_extract", Path(__file__).with_name("bench_extract.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_page


def pages(n: int) -> list[bytes]:
    """``n`` generated pages, then every HTML page under examples/."""
    make_page, rnd = _make_page(), random.Random(12)
    out = [make_page(i, rnd).encode("utf-8") for i in range(n)]
    out += [p.read_bytes() for p in sorted((ROOT / "examples").rglob("*.htm*"))]
    return out


def run_newssift(batch: list[bytes]) -> int:
    """Extract every page as ``newssift extract`` does; the number of documents."""
    from newssift.ingest.page import to_document
    from newssift.ingest.readers import html_page

    return sum(1 for i, data in enumerate(batch) if to_document(html_page(data, f"p{i}", f"p{i}")).text)


def run_trafilatura(batch: list[bytes]) -> int:
    """``trafilatura.extract`` with its defaults on every page; the number of texts."""
    import trafilatura

    return sum(1 for data in batch if trafilatura.extract(data))


def _timed(fn, batch) -> tuple[float, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    fn(batch)
    return time.process_time() - c0, time.perf_counter() - t0


def main(n: int = 120, rounds: int = 5) -> None:
    """Time both extractors over the same pages, ``rounds`` times, alternating which goes first."""
    batch = pages(n)
    run_newssift(batch[:2])  # imports and first-call set-up, outside the timing
    run_trafilatura(batch[:2])
    times: dict[str, list[tuple[float, float]]] = {"newssift": [], "trafilatura": []}
    fns = {"newssift": run_newssift, "trafilatura": run_trafilatura}
    for r in range(rounds):
        order = ("newssift", "trafilatura") if r % 2 == 0 else ("trafilatura", "newssift")
        for name in order:
            times[name].append(_timed(fns[name], batch))
    print(f"pages: {len(batch)} ({n} generated, {len(batch) - n} examples), rounds: {rounds}, interleaved")
    rates = {}
    for name, ts in times.items():
        cpu, wall = statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts)
        rates[name] = len(batch) / cpu
        print(f"{name:>12}: median {cpu:.2f} s CPU -> {len(batch) / cpu:.1f} pages/s; {wall:.2f} s wall")
    ratios = [b[0] / a[0] for a, b in zip(times["newssift"], times["trafilatura"])]
    print(f"speed newssift / bare trafilatura: {rates['newssift'] / rates['trafilatura']:.2f}x "
          f"(per round: {', '.join(f'{x:.2f}' for x in ratios)})")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
