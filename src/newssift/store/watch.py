"""``newssift watch FEED… --db FILE --every 10m``: keep a store current as feed items arrive.

Each poll reads every feed, keeps the entries whose link is neither stored
nor already taken by this watcher, fetches at most ``max_items`` of them in
all (concurrently, as ``analyze`` fetches a feed), adds the articles (a copy
of a stored article, by content hash, is dropped) and, when something was
added, re-analyses the store incrementally (only the stories the new
articles touch are re-aligned). Each poll prints one line; each problem one
line. Ctrl-C stops between or during polls: what was committed stays, an
analysis cut short is marked interrupted and the next run finishes it.
"""
from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from ..config import DEFAULT_CONFIG, Config
from ..errors import UsageError
from . import Store, schema

__all__ = ["MAX_ITEMS", "PollResult", "parse_interval", "poll_once", "watch"]

#: New items fetched per poll, over all feeds, by default: a feed that
#: suddenly lists hundreds of unseen links (a first poll, a feed reset) is
#: taken in steps of this size instead of in one long poll.
MAX_ITEMS = 50

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval like ``90``, ``30s``, ``10m``, ``2h`` or ``1d``; a UsageError otherwise."""
    m = _INTERVAL.match(text or "")
    if not m:
        raise UsageError(f"--every {text!r}: give a number of seconds or minutes/hours, e.g. 30s, 10m, 2h")
    return float(m.group(1)) * _UNIT_S[m.group(2).lower()]


@dataclass(frozen=True)
class PollResult:
    """What one poll did."""

    listed: int  # new entries the feeds listed (before the max_items bound)
    added: int
    duplicates: int
    problems: tuple[str, ...]  # one line each
    analysed: str | None  # one line about the analysis, None when nothing was added


def _stored_urls(store: Store) -> set[str]:
    d = schema.documents
    with store.engine.connect() as conn:
        return {u for u in conn.execute(select(d.c.url).where(d.c.url.is_not(None))).scalars()}


def _entry_key(entry) -> str | None:
    """What makes a feed entry the same item at the next poll: its link, else its id."""
    link = entry.get("link")
    if link:
        return link
    return f"id:{entry['id']}" if entry.get("id") else None


def poll_once(store: Store, feeds: Sequence[str], seen: set[str], max_items: int = MAX_ITEMS,
              config: Config = DEFAULT_CONFIG, analyze: bool = True) -> PollResult:
    """Read each feed once, add its new items (at most ``max_items`` in all) and analyse; ``seen`` grows."""
    from ..ingest import read_feed

    known = seen | _stored_urls(store)
    budget = [max_items]
    listed = [0]

    def pick(entries: list) -> list:
        # New = a link (or, without one, an entry id) not stored nor taken
        # before; the content hash catches the rest when the article is added.
        fresh = [e for e in entries if _entry_key(e) is None or _entry_key(e) not in known]
        listed[0] += len(fresh)
        take = fresh[: max(0, budget[0])]
        budget[0] -= len(take)
        known.update(k for k in map(_entry_key, take) if k)
        return take

    added = dups = 0
    problems: list[str] = []
    for feed in feeds:
        got = read_feed(feed, config=config, select=pick)
        problems += [f"skipped {p.source}: {p.message}" for p in got.problems]
        if got.documents:
            result = store.add_documents(list(got.documents))
            added += len(result.added)
            dups += len(result.duplicates) + len(got.duplicates)
        # A link whose fetch failed stays unseen: the next poll tries it again.
        failed = {p.source for p in got.problems}
        seen.update(e for e in known if e not in failed)
    analysed = None
    if added and analyze:
        run = store.analyze(config=config)
        meta = dict(run.report.meta)
        analysed = (f"analysed {len(run.report.documents)} document(s) in {len(run.report.stories)} story(ies), "
                    f"{meta.get('incremental_parts_computed', '?')} story part(s) re-aligned")
    return PollResult(listed[0], added, dups, tuple(problems), analysed)


def watch(db: str, feeds: Sequence[str], every_s: float, max_items: int = MAX_ITEMS, max_polls: int | None = None,
          config: Config = DEFAULT_CONFIG, analyze: bool = True, quiet: bool = False,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll ``feeds`` into the store at ``db`` every ``every_s`` seconds (``max_polls`` times, or until Ctrl-C)."""
    if not feeds:
        raise UsageError("give at least one feed URL or file")
    if max_items < 1:
        raise UsageError("--max-items must be at least 1")
    seen: set[str] = set()
    polls = 0
    with Store.open(db) as store:
        try:
            while max_polls is None or polls < max_polls:
                if polls:
                    sleep(every_s)
                polls += 1
                res = poll_once(store, feeds, seen, max_items=max_items, config=config, analyze=analyze)
                for line in res.problems:
                    print(f"newssift: {line}", file=sys.stderr)
                if not quiet:
                    left = res.listed - max_items
                    more = f" ({left} more listed, for the next polls)" if left > 0 else ""
                    print(f"{time.strftime('%H:%M:%S')} poll {polls}: {res.added} new article(s), "
                          f"{res.duplicates} already stored{more}; the store holds {store.count_documents()}"
                          + (f"; {res.analysed}" if res.analysed else ""), flush=True)
        except KeyboardInterrupt:
            print(f"newssift: watch stopped after {polls} poll(s); the store holds {store.count_documents()} "
                  f"document(s) ({db})", file=sys.stderr)
            return 130
    return 0
