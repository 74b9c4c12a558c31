"""Growth of each cross-document stage from 1,000 to 10,000 articles (issue 11's target: <= 12x, <= 2 GiB).

    .venv/bin/python benchmarks/bench_growth.py --cache .realdata-work/scale/growth --prepare 10000
    .venv/bin/python benchmarks/bench_growth.py --cache .realdata-work/scale/growth --sizes 1000,2000,5000,10000
    .venv/bin/python benchmarks/bench_growth.py --cache DIR --size 1000 --report-json out.json   # one size, its report

The corpus is ``growth_corpus.make_corpus`` (fictional stories of varied
sizes, seven genres, a few hundred outlets, wire copies): see that module.
``--prepare N`` writes N articles as text files with a meta.csv sidecar, reads
them through the real ingest stage, runs annotate + extract (spaCy) once and
pickles each chunk of documents and extractions under ``--cache`` (never in
the repository: spaCy over 10,000 articles is too slow on a shared machine to
repeat per measurement). A chunk already pickled is kept, so an interrupted
preparation resumes.

Each size then runs in a fresh process: it loads the first N articles'
extractions, orders the documents as a feed would (by publication date,
then id), loads the sentence encoder (not timed: a load, not growth), and
runs ``pipeline.cross_document`` unchanged with its stage functions wrapped
(resolve, stories, facts, figures, flags). Per stage: seconds, the
process's peak resident memory during the stage (a thread samples
/proc/self/statm every 20 ms, so the peak is the process's, not the
stage's share) and the growth factor against the smallest size. Prints
figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from growth_corpus import make_corpus

STAGES = (
    ("resolve", "newssift.resolve", "resolve_entities"),
    ("stories", "newssift.align.stories", "cluster_stories"),
    # Who speaks for whom, built once for facts and figures (pipeline.cross_document).
    ("origins", "newssift.align.origins", "build_origin_index"),
    ("facts", "newssift.align.facts", "align_facts"),
    ("figures", "newssift.align.figures", "build_figures"),
    ("flags", "newssift.flags", "find_flags"),
)
CHUNK = 500
SEED = 11
PAGE = 4096


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


class PeakSampler:
    """A daemon thread noting the highest resident memory since the last ``reset``."""

    def __init__(self, every_s: float = 0.02):
        self.every_s, self.peak = every_s, _rss_mib()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, _rss_mib())
            time.sleep(self.every_s)

    def reset(self) -> None:
        self.peak = _rss_mib()


class StageTimer:
    """Wraps the cross-document stage functions; notes seconds and peak memory per stage."""

    def __init__(self, sampler: PeakSampler):
        self.sampler = sampler
        self.rows: dict[str, tuple[float, float]] = {}

    def _wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            self.sampler.reset()
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds = time.perf_counter() - t
                self.rows[stage] = (self.rows.get(stage, (0.0, 0.0))[0] + seconds, max(self.sampler.peak, _rss_mib()))

        return timed

    def install(self) -> None:
        for stage, module, name in STAGES:
            mod = importlib.import_module(module)
            setattr(mod, name, self._wrap(stage, getattr(mod, name)))


def prepare(cache: Path, n: int, reverse: bool = False) -> None:
    """Write, ingest, annotate and extract ``n`` generated articles, chunk by chunk, into ``cache``.

    A chunk being made holds a lock file, so a second process (``--reverse``,
    from the last chunk down) can share the work on a machine with idle cores.
    """
    from newssift.pipeline import extract_documents, extract_inputs

    corpus = make_corpus(n, seed=SEED)
    print(corpus.summary(), flush=True)
    starts = list(range(0, n, CHUNK))
    for start in reversed(starts) if reverse else starts:
        out = cache / f"chunk-{start:06d}.pkl"
        if out.exists():
            continue
        try:
            lock = os.open(cache / f"chunk-{start:06d}.lock", os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            continue  # another process is making it
        os.close(lock)
        folder = cache / "text" / f"{start:06d}"
        folder.mkdir(parents=True, exist_ok=True)
        arts = corpus.articles[start:start + CHUNK]
        with open(folder / "meta.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "outlet", "title", "published"])
            for a in arts:
                (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
                w.writerow([a.id, a.outlet, a.title, a.published])
        t = time.perf_counter()
        docs = list(extract_inputs([str(folder)]).documents)
        extractions = extract_documents(docs)
        tmp = out.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps((docs, extractions), protocol=pickle.HIGHEST_PROTOCOL))
        tmp.rename(out)
        (cache / f"chunk-{start:06d}.lock").unlink(missing_ok=True)
        print(f"chunk {start}: {len(docs)} documents, {sum(len(e.claims) for e in extractions)} claims, "
              f"{time.perf_counter() - t:.0f} s", flush=True)


def load(cache: Path, n: int) -> tuple[list, list]:
    """The first ``n`` articles' documents and extractions, in feed order (publication date, then id)."""
    docs, extractions = [], []
    for start in range(0, n, CHUNK):
        path = cache / f"chunk-{start:06d}.pkl"
        if not path.exists():
            raise SystemExit(f"{path} missing: run --prepare {n} first")
        d, e = pickle.loads(path.read_bytes())
        docs += d
        extractions += e
    docs, extractions = docs[:n], extractions[:n]
    order = sorted(range(len(docs)), key=lambda i: (docs[i].published or "", docs[i].id))
    return [docs[i] for i in order], [extractions[i] for i in order]


def run_one(cache: Path, n: int, report_json: Path | None, embeddings: bool = True) -> dict:
    """Time the cross-document stages on the first ``n`` cached articles (in this process)."""
    from dataclasses import replace

    from newssift.config import DEFAULT_CONFIG
    from newssift.pipeline import cross_document

    config = replace(DEFAULT_CONFIG, use_embeddings=DEFAULT_CONFIG.use_embeddings and embeddings)
    docs, extractions = load(cache, n)
    if config.use_embeddings:  # load the encoder before the clock starts
        from newssift.align.embeddings import load_encoder

        load_encoder(DEFAULT_CONFIG.embedding_model)
    sampler = PeakSampler()
    timer = StageTimer(sampler)
    timer.install()
    base = _rss_mib()
    t = time.perf_counter()
    report = cross_document(docs, extractions, config=config)
    total = time.perf_counter() - t
    if report_json:
        from newssift.report.json import report_to_dict

        data = report_to_dict(report)
        data["meta"] = [m for m in data.get("meta", []) if not str(m[0] if isinstance(m, list) else m).startswith("time_")]
        report_json.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    return {
        "articles": len(docs), "claims": len(report.claims), "entities": len(report.entities), "facts": len(report.facts),
        "figures": len(report.figures), "flags": len(report.flags), "stories": len(report.stories),
        "embeddings": config.use_embeddings, "base_mib": base, "total_s": total, "stages": {k: list(v) for k, v in timer.rows.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="folder for the generated articles and cached extractions")
    ap.add_argument("--prepare", type=int, help="generate and extract this many articles into the cache")
    ap.add_argument("--reverse", action="store_true", help="with --prepare: from the last chunk down")
    ap.add_argument("--sizes", default="1000,2000,5000,10000")
    ap.add_argument("--size", type=int, help="one size in this process; prints one JSON line")
    ap.add_argument("--no-embeddings", action="store_true", help="the facts stage without sentence embeddings")
    ap.add_argument("--report-json", type=Path, help="with --size: write the report (without timings) here")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.prepare:
        prepare(args.cache, args.prepare, args.reverse)
        return
    if args.size:
        print(json.dumps(run_one(args.cache, args.size, args.report_json, not args.no_embeddings)), flush=True)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    corpus = make_corpus(max(sizes), seed=SEED)
    results = []
    for n in sizes:
        print(corpus.summary(n), flush=True)
        extra = ["--no-embeddings"] if args.no_embeddings else []
        p = subprocess.run([sys.executable, __file__, "--cache", str(args.cache), "--size", str(n), *extra],
                           capture_output=True, text=True, check=False)
        if p.returncode:
            print(f"{n}: failed\n{p.stderr[-2000:]}", flush=True)
            continue
        r = json.loads(p.stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"{n} articles: {r['claims']} claims, {r['entities']} entities, {r['facts']} facts, {r['figures']} figures, "
              f"{r['flags']} flags, {r['stories']} stories; cross-document {r['total_s']:.1f} s "
              f"(process {r['base_mib']:.0f} MiB before; embeddings {'on' if r['embeddings'] else 'off'})", flush=True)
        for stage, (s, mib) in r["stages"].items():
            print(f"  {n:>6} {stage:<8} {s:8.2f} s  peak {mib:6.0f} MiB", flush=True)
    if len(results) > 1:
        first = results[0]
        print(f"growth against {first['articles']} articles (seconds ratio; peak MiB at the largest size):")
        for stage, *_ in STAGES:
            cells = [f"{r['stages'][stage][0] / max(first['stages'][stage][0], 1e-9):6.1f}x" for r in results[1:]]
            print(f"  {stage:<8} " + " ".join(cells) + f"   peak {results[-1]['stages'][stage][1]:.0f} MiB")


if __name__ == "__main__":
    main()
