"""Benchmark: ingest 500 saved HTML pages and print pages per second.

The pages are generated from templates written for this script (fictional
outlets, site furniture, an embedded post on some pages) into a temporary
folder; the whole ``ingest()`` call over that folder is timed, as
``newssift extract`` runs it.  Usage: ``python benchmarks/bench_extract.py [N]``.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newssift.ingest import ingest

OUTLETS = ["Riverside Tribune", "The Northern Ledger", "Coastline Daily", "Metro Evening Star", "Hill Country Times"]
PLACES = ["Ashford", "Brennick", "Caldmoor", "Dunhollow", "Eastwick", "Farrowby", "Glenmere", "Holloway"]
PEOPLE = ["Mara Quint", "Owen Tallis", "Priya Desai", "Lukas Brandt", "Sofia Renner", "Idris Cole"]
TOPICS = ["a new tram line", "the flood defences", "a school merger", "the hospital car park", "a wind farm", "the old quarry"]
SENTENCES = [
    "{person} said on {day} that work on {topic} in {place} would start before the end of the year.",
    "The council's planning committee approved {topic} by six votes to three after a two-hour debate.",
    "Residents of {place} have complained for years about noise and traffic, according to a petition signed by {n} people.",
    '"We have listened to every objection and changed the plans where we could," {person} told reporters.',
    "Opponents said the cost, estimated at {n} thousand pounds, had more than doubled since the project was first proposed.",
    "A spokesperson for the regional authority said a decision on funding was expected in {month}.",
    "Local businesses in {place} said they had not been consulted before the plans for {topic} were published.",
    "The project is the largest of its kind in the region since the opening of the bypass almost a decade ago.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "June", "September", "November"]


def _para(rnd: random.Random) -> str:
    return " ".join(
        rnd.choice(SENTENCES).format(
            person=rnd.choice(PEOPLE), day=rnd.choice(DAYS), topic=rnd.choice(TOPICS), place=rnd.choice(PLACES),
            n=rnd.randint(120, 4000), month=rnd.choice(MONTHS),
        )
        for _ in range(rnd.randint(2, 4))
    )


def make_page(i: int, rnd: random.Random) -> str:
    """One saved news page: head metadata, scripts, nav, article, embed, sidebar, footer."""
    outlet = rnd.choice(OUTLETS)
    place = rnd.choice(PLACES)
    title = f"{place} council backs {rnd.choice(TOPICS)} despite objections ({i})"
    paras = "\n".join(f"<p>{_para(rnd)}</p>" for _ in range(rnd.randint(6, 14)))
    embed = ""
    if i % 4 == 0:
        embed = (f'<blockquote class="twitter-tweet"><p>Big day for {place}! Plans approved tonight. #{place}Council '
                 f'pic.twitter.com/x{i:05d}</p>&mdash; {rnd.choice(PEOPLE)} (@citydesk{i}) <a href="#">May {1 + i % 28}, 2024</a></blockquote>')
    # Real saved pages carry large inline scripts/styles and mega-menus; ~30 KiB of them.
    bundle = "var cfg=" + ",".join(f'{{"slot":"ad-{k}","sizes":[[300,250],[728,90]],"targeting":{{"sec":"news","pos":{k}}}}}' for k in range(200)) + ";"
    menu = "".join(f'<li><a href="/section/{k}">Section {k}</a><ul>' + "".join(f'<li><a href="/section/{k}/{j}">Topic {j}</a></li>' for j in range(8)) + "</ul></li>" for k in range(12))
    links = "".join(f'<li><a href="/story/{i}-{k}">Other story number {k} about {rnd.choice(PLACES)} and its people</a></li>' for k in range(12))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:title" content="{title}">
<meta name="author" content="{rnd.choice(PEOPLE)}"><meta property="article:published_time" content="2024-05-{1 + i % 28:02d}T09:00:00Z">
<script>window.dataLayer=[];function gtag(){{dataLayer.push(arguments)}};gtag('js',new Date());</script>
<style>.nav{{display:flex}}.ad{{height:250px}}</style><script>{bundle}</script></head><body>
<header><ul class="mega-menu">{menu}</ul></header>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<nav class="nav"><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a><a href="/weather">Weather</a><a href="/opinion">Opinion</a></nav>
<main><article><h1>{title}</h1><div class="byline">By {rnd.choice(PEOPLE)} &middot; 3 min read</div>
<div class="ad">Advertisement</div>{paras[: len(paras) // 2]}{embed}{paras[len(paras) // 2:]}
<div class="share">Share on Facebook Share on X Copy link</div></article>
<aside><h3>Most read</h3><ol>{links}</ol></aside></main>
<footer><p>&copy; 2024 {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<script>document.querySelector('.cookie button').onclick=function(){{this.parentNode.remove()}};</script></body></html>"""


def _timed(folder: Path) -> tuple[object, float, float]:
    """Run ingest over the folder: (result, wall seconds, CPU seconds of this process and its workers)."""
    import resource

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    result = ingest([str(folder)])
    return result, time.perf_counter() - t0, cpu() - c0


def main(n: int = 500) -> None:
    """Generate ``n`` pages, ingest them (one process, then worker processes), print throughput."""
    import newssift.ingest as ingest_mod

    rnd = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = 0
        for i in range(n):
            page = make_page(i, rnd)
            total += len(page)
            (folder / f"page-{i:04d}.html").write_text(page, encoding="utf-8")
        ingest([str(folder / "page-0000.html")])  # warm imports (trafilatura, lxml, py3langid) once
        print(f"pages: {n}  avg size: {total / n / 1024:.1f} KiB  cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.2f}")
        default, auto = ingest_mod.PARALLEL_MIN_FILES, ingest_mod._workers
        cores = min(os.cpu_count() or 1, ingest_mod.MAX_WORKERS)
        print(f"ingest would use {auto()} worker(s) at this load")
        # Both ways, whatever the load: one process, then one worker per core.
        for label, threshold, workers in (("one process", n + 1, auto), (f"{cores} workers", default, lambda: cores)):
            ingest_mod.PARALLEL_MIN_FILES, ingest_mod._workers = threshold, workers
            result, wall, cpu = _timed(folder)
            print(f"{label:>17}: {len(result.documents)} documents, {len(result.problems)} problems; "
                  f"{wall:.2f} s wall -> {n / wall:.1f} pages/s; {cpu:.2f} s CPU -> {n / cpu:.1f} pages/s per core")
        ingest_mod.PARALLEL_MIN_FILES, ingest_mod._workers = default, auto
        # The command as a user runs it: start-up, ingest and writing the JSON.
        out = folder / "out.json"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "newssift", "extract", str(folder), "--json", str(out), "-q"], check=False)
        wall = time.perf_counter() - t0
        status = "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
        print(f"{'newssift extract':>17}: {status}; {wall:.2f} s wall -> {n / wall:.1f} pages/s (JSON {out.stat().st_size / 1e6:.1f} MB)")
    # On a shared machine the wall clock includes time other processes held
    # the CPU; CPU seconds are the cost of ingest itself.


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
