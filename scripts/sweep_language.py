"""Sweep the English fast path of ingest's language check on the real-data development texts.

    .venv/bin/python scripts/sweep_language.py [--extraction-report .realdata-work/extraction/report.json]

For each text: the share of its words (first ``--chars`` characters) that
are ``lexicon.ENGLISH_MARKERS``, and py3langid's label (on its own
``LANG_PREFIX_CHARS``, as ingest calls it). The
non-English texts are the extraction split's pages that py3langid does not
call English (their cleaned text, from a report of `realdata.py
extraction`); the English ones are those pages called English plus the
attribution (PolNeAR), ECB+ and Gun Violence Archive article texts. For each
(minimum words, share) pair it prints how many English texts take the fast
path and how many non-English texts it would wrongly call English.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "realdata"


def main(argv=None) -> int:
    import py3langid

    from newssift.ingest.decode import LANG_PREFIX_CHARS, english_marker_share

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=LANG_PREFIX_CHARS,
                    help="characters whose words are counted (ingest uses py3langid's prefix)")
    ap.add_argument("--extraction-report", type=Path, default=ROOT / ".realdata-work" / "extraction" / "report.json")
    args = ap.parse_args(argv)
    if not args.extraction_report.exists():
        sys.exit(f"no {args.extraction_report}: run `python ../shared/eval/realdata.py extraction` first")
    texts = [d["text"] for d in json.loads(args.extraction_report.read_text(encoding="utf-8"))["documents"]]
    for folder in ("attribution/text", "ecbplus/text", "figures/text"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / folder).glob("*.txt"))]
    rows = []
    for t in texts:
        share, words = english_marker_share(t[:args.chars])
        rows.append((share, words, py3langid.classify(t[:LANG_PREFIX_CHARS])[0] == "en"))
    english = sum(1 for r in rows if r[2])
    print(f"{len(rows)} texts: {english} English, {len(rows) - english} not (py3langid)")
    print("min_words  share  english_fast  non_english_called_english")
    for min_words in (30, 50, 100):
        for share in (0.10, 0.12, 0.15, 0.18, 0.20, 0.25):
            fast = sum(1 for s, n, en in rows if en and n >= min_words and s >= share)
            wrong = sum(1 for s, n, en in rows if not en and n >= min_words and s >= share)
            print(f"{min_words:9d}  {share:5.2f}  {fast:5d} ({fast / english:.3f})  {wrong}")
    worst = max((s for s, n, en in rows if not en and n >= 20), default=0.0)
    print(f"highest share among non-English texts of 20+ words: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
