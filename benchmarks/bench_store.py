"""Store insert and query times, SQLite and PostgreSQL, through the one ``Store`` code path.

    .venv/bin/python benchmarks/bench_store.py --sizes 1000,5000

For each size: synthetic articles (about 2,500 characters, with removed
segments and an embed) and synthetic extractions (6 entities with 2 mentions
each, 12 claims of which a third carry a quantity) are written the way the
store writes them in real use — documents in ``add`` batches, extractions in
``analyze`` batches, the report in one transaction — and read back. The
PostgreSQL server is a throw-away local cluster (tests/pg.py; fsync off, as in
the tests). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from newssift.models import (
    Claim,
    DocExtraction,
    Document,
    Entity,
    Fact,
    Mention,
    Quantity,
    Removed,
    Report,
    Story,
)

DEFAULT_SIZES = (1000, 5000)
ENTITIES_PER_DOC = 6
CLAIMS_PER_DOC = 12
PARAGRAPH = ("The harbour authority said on Monday that {n} containers were damaged and that crews "
             "would work through the night. Officials from the port union disputed the figure. ")


def make_document(i: int) -> Document:
    """One synthetic article, distinct by its number."""
    text = f"Report {i}. " + "".join(PARAGRAPH.format(n=i + k) for k in range(12))
    return Document(
        id=f"a{i:06d}", text=text, title=f"Harbour damage, report {i}", path=f"/bench/a{i:06d}.txt",
        outlet=f"Outlet {i % 40}", published="2025-05-05", language="en",
        embeds=(f"Post {i}: smoke over the harbour",), removed=(Removed("Home | News", "navigation", 1),),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def make_extraction(doc: Document) -> DocExtraction:
    """A synthetic extraction of the size the real extract stage gives a news article."""
    ents, mentions = [], []
    for e in range(ENTITIES_PER_DOC):
        eid = f"{doc.id}#e{e}"
        ms = tuple(Mention(doc.id, 10 * e + k, 10 * e + k + 5, "Actor", "ORG", eid) for k in range(2))
        mentions += ms
        ents.append(Entity(eid, f"Actor {e}", "ORG", aliases=(f"A{e}",), mentions=ms))
    claims = tuple(
        Claim(id=f"{doc.id}#c{c}", doc=doc.id, start=100 * c, end=100 * c + 80, text=doc.text[100 * c: 100 * c + 80],
              kind="indirect", speaker=f"{doc.id}#e{c % ENTITIES_PER_DOC}", speaker_text="The harbour authority",
              cue="said", quantities=(Quantity("12 containers", 12.0, 12.0, "exact", "damaged"),) if c % 3 == 0 else ())
        for c in range(CLAIMS_PER_DOC)
    )
    return DocExtraction(doc=doc.id, entities=tuple(ents), claims=claims, mentions=tuple(mentions))


def make_report(docs, extractions) -> Report:
    """A report over all documents: every entity and claim, one fact per 5 claims, one story per 50 documents."""
    claims = [c for x in extractions for c in x.claims]
    facts = tuple(Fact(f"f{i}", tuple(c.id for c in claims[i: i + 5]), "single_origin", ("E1",))
                  for i in range(0, len(claims), 5))
    stories = tuple(Story(f"s{i // 50 + 1}", tuple(d.id for d in docs[i: i + 50]), f"Story {i // 50 + 1}")
                    for i in range(0, len(docs), 50))
    return Report(documents=tuple(docs), entities=tuple(e for x in extractions for e in x.entities),
                  claims=tuple(claims), facts=facts, stories=stories)


def _timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def bench(url: str, n: int) -> dict:
    """Insert and query ``n`` synthetic articles in the store at ``url``."""
    from newssift import __version__
    from newssift.store import EXTRACT_BATCH, Store, rows
    from newssift.store.commands import ADD_BATCH
    from newssift.store.engine import utcnow, write_tx

    docs = [make_document(i) for i in range(n)]
    xs = [make_extraction(d) for d in docs]
    out: dict[str, float] = {}
    with Store.open(url) as store:
        def add():
            for i in range(0, n, ADD_BATCH):
                store.add_documents(docs[i: i + ADD_BATCH])
        _, out["add_documents_s"] = _timed(add)

        def save_x():
            with write_tx(store.engine) as conn:
                run = store._start_run(conn, "analyze")
            for i in range(0, n, EXTRACT_BATCH):
                with write_tx(store.engine) as conn:
                    rows.save_extractions(conn, xs[i: i + EXTRACT_BATCH], run, __version__, "bench", utcnow())
            return run
        run, out["save_extractions_s"] = _timed(save_x)

        def save_r():
            with write_tx(store.engine) as conn:
                rows.save_report(conn, run, make_report(docs, xs))
                store._finish_run(conn, run)
        _, out["save_report_s"] = _timed(save_r)

        ids = [d.id for d in docs]
        _, out["load_documents_all_s"] = _timed(store.documents)
        _, out["load_documents_100_s"] = _timed(lambda: store.documents(ids[::max(1, n // 100)][:100]))

        def load_x():
            with store.engine.connect() as conn:
                return rows.load_extractions(conn, ids, __version__, "bench")
        _, out["load_extractions_s"] = _timed(load_x)
        _, out["stories_s"] = _timed(store.stories)
        _, out["report_all_s"] = _timed(store.report)
        _, out["report_one_story_s"] = _timed(lambda: store.report("s1"))
    rows_written = n * (1 + 2 + 1 + ENTITIES_PER_DOC * 3 + CLAIMS_PER_DOC + CLAIMS_PER_DOC // 3)
    return {"documents": n, "rows_written_approx": rows_written * 2, **{k: round(v, 3) for k, v in out.items()},
            "add_docs_per_s": round(n / out["add_documents_s"], 1)}


def run(sizes) -> dict:
    """Every size on SQLite and, when a server can be started, on PostgreSQL."""
    from pg import PgUnavailable, start_temp_server

    results: dict[str, list] = {"sqlite": [], "postgresql": []}
    with tempfile.TemporaryDirectory(prefix="newssift-bench-store-") as tmp:
        for n in sizes:
            results["sqlite"].append(bench(str(Path(tmp) / f"bench-{n}.db"), n))
    try:
        server = start_temp_server()
    except PgUnavailable as exc:
        results["postgresql"] = [{"error": str(exc)}]
        return results
    try:
        for n in sizes:
            results["postgresql"].append(bench(server.create_database(), n))
    finally:
        server.stop()
    return results


def markdown(results: dict) -> str:
    """The results as a markdown table."""
    keys = ["add_documents_s", "add_docs_per_s", "save_extractions_s", "save_report_s", "load_documents_all_s",
            "load_documents_100_s", "load_extractions_s", "stories_s", "report_all_s", "report_one_story_s"]
    cols = [(db, r) for db, rs in results.items() for r in rs if "error" not in r]
    lines = ["| measure | " + " | ".join(f"{db} {r['documents']}" for db, r in cols) + " |",
             "| --- |" + " ---: |" * len(cols)]
    lines += [f"| {k} | " + " | ".join(str(r[k]) for _, r in cols) + " |" for k in keys]
    for db, rs in results.items():
        lines += [f"\n{db}: {r['error']}" for r in rs if "error" in r]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    results = run([int(s) for s in args.sizes.split(",") if s.strip()])
    print(json.dumps(results) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
