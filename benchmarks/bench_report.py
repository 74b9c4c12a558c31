"""Render times of the report writers (HTML, CSV, JSON, terminal) on synthetic reports of growing size.

    .venv/bin/python benchmarks/bench_report.py --sizes 10,100,500

For each size N: N articles of about 2,000 characters, 10 claims each (a
third with a quantity), N×2 facts spread over the articles, N/5 figures of 5
values, N flags. Prints seconds and output sizes; asserts nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import tempfile
import time
from pathlib import Path

from rich.console import Console

from newssift.models import (
    Claim,
    Document,
    Entity,
    Fact,
    Figure,
    FigureValue,
    Flag,
    Quantity,
    Report,
    Story,
)
from newssift.report.csv import write_csv
from newssift.report.html import render_html
from newssift.report.json import write_json
from newssift.report.terminal import print_summary

SENTENCE = "The river authority said on Monday that {n} homes were flooded after the levee failed near the town. "
CLAIMS_PER_DOC = 10
STATUSES = ("corroborated", "single_origin", "unattributed", "conflicting")


def make_report(n: int) -> Report:
    """A synthetic report of ``n`` articles with claims, facts, figures and flags at every offset kind."""
    docs, claims, flags = [], [], []
    for i in range(n):
        parts = [SENTENCE.format(n=i + k) for k in range(20)]
        text = "".join(parts)
        docs.append(Document(id=f"d{i}", text=text, outlet=f"Outlet {i % 40}", title=f"Levee fails, report {i}",
                             published=f"2025-04-0{1 + i % 9}", content_hash=hashlib.sha256(text.encode()).hexdigest()))
        offset = 0
        for k in range(CLAIMS_PER_DOC):
            sent = parts[k]
            start = offset + sent.index("that") + 5
            end = offset + sent.index(".")
            qs = ()
            if k % 3 == 0:
                qs = (Quantity(str(i + k), i + k, i + k, "exact", "homes_flooded", start, start + len(str(i + k))),)
            claims.append(Claim(f"d{i}#c{k}", f"d{i}", start, end, text[start:end], "indirect", speaker="e1",
                                speaker_text="The river authority", speaker_start=offset, speaker_end=offset + 19, quantities=qs))
            offset += len(sent)
        flags.append(Flag("editorial_insertion", f"d{i}", text[:40], "An unattributed line.", 0, 40))
    facts = [Fact(f"f{j}", tuple(f"d{(j + m) % n}#c{j % CLAIMS_PER_DOC}" for m in range(3)), STATUSES[j % 4], ("e1",),
                  summary=f"Fact number {j} about the flooded homes.") for j in range(2 * n)]
    figures = []
    for g in range(max(1, n // 5)):
        vals = tuple(FigureValue(f"d{(g + m) % n}#c0", f"d{(g + m) % n}", "12", 10.0 + m, 12.0 + m if m % 2 else 10.0 + m,
                                 "range" if m % 2 else "exact", "e1", "river authority") for m in range(5))
        figures.append(Figure(f"g{g}", "homes_flooded", "homes", vals, 10, 12, 16))
    return Report(documents=tuple(docs), entities=(Entity("e1", "river authority", "ORG"),), claims=tuple(claims),
                  facts=tuple(facts), figures=tuple(figures), flags=tuple(flags),
                  stories=(Story("s1", tuple(d.id for d in docs), "Levee fails"),))


def _time(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,100,500", help="comma-separated article counts")
    args = ap.parse_args()
    print(f"{'articles':>8} {'claims':>7} {'html_s':>7} {'html_MB':>8} {'csv_s':>6} {'json_s':>7} {'term_s':>7}")
    for n in (int(s) for s in args.sizes.split(",")):
        rep = make_report(n)
        render_html(rep)  # warm the template cache so the figure is the render itself
        t_html, html = _time(lambda r=rep: render_html(r))
        with tempfile.TemporaryDirectory() as tmp:
            t_csv, _ = _time(lambda r=rep, t=tmp: write_csv(r, Path(t) / "csv"))
            t_json, _ = _time(lambda r=rep, t=tmp: write_json(r, Path(t) / "r.json"))
        t_term, _ = _time(lambda r=rep: print_summary(r, console=Console(file=io.StringIO(), width=120)))
        print(f"{n:>8} {len(rep.claims):>7} {t_html:>7.3f} {len(html.encode()) / 1e6:>8.2f} {t_csv:>6.3f} {t_json:>7.3f} {t_term:>7.3f}")


if __name__ == "__main__":
    main()
