"""The incremental store: re-analysis after adding one article, and database size over re-analyses.

    .venv/bin/python benchmarks/bench_incremental.py --size 200

Generates ``size`` + 1 fictional articles (variations of examples/, as
bench_pipeline.py makes them), adds ``size`` to a fresh SQLite store and
analyses it (the first analysis), adds the last one and analyses again
(the incremental re-analysis), then re-analyses five more times without new
content. Prints the seconds of each analysis, the ratio re-analysis ÷ first,
how much was reused, and the database size (file plus WAL) after the first
and after each later analysis. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_pipeline import generate  # the shared article generator

REANALYSES = 5


def _size(db: Path) -> int:
    """Bytes of the database file and its write-ahead log (the store empties the log after each analysis)."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def _timed_analysis(store) -> tuple[float, dict]:
    t = time.perf_counter()
    result = store.analyze()
    seconds = time.perf_counter() - t
    meta = dict(result.report.meta)
    keep = ("reused_extractions", "extracted", "time_extract_s", "time_cross_document_s",
            "incremental_parts_reused", "incremental_parts_computed", "incremental_vectors_reused",
            "incremental_vectors_computed")
    phases = {k: v for k, v in meta.items() if k.startswith("time_split_")}
    return seconds, {k: meta.get(k) for k in keep} | phases | {"stories": len(result.report.stories)}


def run(size: int, keep: Path | None = None) -> dict:
    """Measure one store of ``size`` articles plus one (the store is copied to ``keep`` when given)."""
    from newssift.pipeline import extract_inputs
    from newssift.store import Store

    out: dict = {"size": size}
    with tempfile.TemporaryDirectory(prefix="newssift-bench-incr-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = generate(size + 1, folder)
        docs = list(extract_inputs([str(p) for p in paths[:-1]]).documents)
        late = list(extract_inputs([str(paths[-1])]).documents)
        db = Path(tmp) / "store.db"
        with Store.open(str(db)) as store:
            store.add_documents(docs)
            out["first_s"], out["first"] = _timed_analysis(store)
            out["size_after_first"] = _size(db)
            store.add_documents(late)
            out["add_one_s"], out["add_one"] = _timed_analysis(store)
            out["ratio"] = round(out["add_one_s"] / out["first_s"], 3)
            out["size_after_add_one"] = _size(db)
            sizes, secs = [], []
            for _ in range(REANALYSES):
                s, _meta = _timed_analysis(store)
                secs.append(round(s, 2))
                sizes.append(_size(db))
            out["reanalysis_s"] = secs
            out["sizes_after_reanalyses"] = sizes
            out["size_growth_after_5"] = round(sizes[-1] / out["size_after_add_one"] - 1, 3)
            out["size_growth_after_5_vs_first"] = round(sizes[-1] / out["size_after_first"] - 1, 3)
        if keep is not None:
            import shutil

            shutil.copy(db, keep)
    out["first_s"] = round(out["first_s"], 2)
    out["add_one_s"] = round(out["add_one_s"], 2)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="copy the final store here (to profile a re-analysis)")
    args = ap.parse_args(argv)
    print(json.dumps(run(args.size, args.keep), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
