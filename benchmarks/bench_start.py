"""Cold start: five short articles end to end, beside `spacy.load` alone, each in a fresh process, interleaved.

    .venv/bin/python benchmarks/bench_start.py --rounds 3

Each round starts six new interpreters in turn (the order rotates from
round to round): one that only imports spaCy and loads the model, one that
does the same as it would without torch installed (thinc imports torch when
it can; newssift keeps it out, see ``newssift.startup``), one that
runs ``newssift analyze`` on five short fictional articles (written by
``bench_annotate_extract.make_article``) with the default settings, the
same with each sentence encoder named (``--encoder static``, ``--encoder
minilm``), and with ``--no-embeddings``.  Wall-clock seconds per process, medians and
ratios to ``spacy.load`` are printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_annotate_extract import make_article

BIN = Path(sys.executable).parent


def write_articles(folder: Path, n: int = 5) -> None:
    """``n`` short fictional articles as text files."""
    rnd = random.Random(5)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(make_article(i, rnd).text, encoding="utf-8")


def timed(cmd: list[str]) -> float:
    """Wall seconds of one fresh process; a failure stops the benchmark with its message."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {proc.stderr.strip().splitlines()[-1:]}")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default %(default)s)")
    args = ap.parse_args(argv)
    from newssift.config import DEFAULT_CONFIG

    with tempfile.TemporaryDirectory(prefix="newssift-start-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_articles(folder)
        out = str(Path(tmp) / "report.json")
        cmds = {
            "spacy.load": [sys.executable, "-c", f"import spacy; spacy.load({DEFAULT_CONFIG.spacy_model!r})"],
            # spaCy as it loads where torch is not installed (thinc then skips it): the stricter reference,
            # since newssift keeps torch out of thinc (newssift.startup).
            "spacy.load (no torch)": [sys.executable, "-c", ("import sys; sys.modules['torch'] = None; import spacy; "
                                      f"spacy.load({DEFAULT_CONFIG.spacy_model!r})")],
            "analyze": [str(BIN / "newssift"), "analyze", str(folder), "--json", out, "--quiet"],
            # Both sentence encoders by name, whichever the default is (docs/alignment.md, "Encoder runtime").
            "analyze --encoder static": [str(BIN / "newssift"), "analyze", str(folder), "--json", out, "--quiet",
                                         "--encoder", "static"],
            "analyze --encoder minilm": [str(BIN / "newssift"), "analyze", str(folder), "--json", out, "--quiet",
                                         "--encoder", "minilm"],
            "analyze --no-embeddings": [str(BIN / "newssift"), "analyze", str(folder), "--json", out, "--quiet",
                                        "--no-embeddings"],
        }
        names = list(cmds)
        times: dict[str, list[float]] = {k: [] for k in names}
        timed(cmds["spacy.load"])  # warm the file cache once, so round 1 is not a disk benchmark
        for r in range(max(1, args.rounds)):
            for name in names[r % len(names):] + names[:r % len(names)]:
                times[name].append(timed(cmds[name]))
    base = statistics.median(times["spacy.load"])
    lean = statistics.median(times["spacy.load (no torch)"])
    for name in names:
        med = statistics.median(times[name])
        each = ", ".join(f"{t:.2f}" for t in times[name])
        print(f"{name:26s} median {med:6.2f} s  (× spacy.load {med / base:4.2f}, × no-torch spacy.load "
              f"{med / lean:4.2f})  runs: {each}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
