"""CSV exports: claims, facts, figures (one row per reported value), entities and flags.

``figures.csv`` is shaped like a conflict-event dataset: one row per reported
value with its bounds, qualifier, source, outlet, date and the exact offsets
of the words in the document, so figures can be pivoted in a spreadsheet.

Cells are guarded against formula injection: a cell that a spreadsheet would
run as a formula (starting with ``= + - @``, tab or carriage return) gets a
leading apostrophe.  Numbers written by newssift itself are left as numbers.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ..models import Report

__all__ = [
    "FORMULA_PREFIXES",
    "csv_tables",
    "csv_zip",
    "safe_cell",
    "write_csv",
]

#: Leading characters that make Excel, LibreOffice or Google Sheets treat a
#: cell as a formula (OWASP's CSV-injection list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value as written to a cell: text that could run as a formula is defused.

    Numbers are returned as numbers (a negative number is data, not a
    formula; whole floats as ints); None becomes an empty cell; tuples are
    joined with ``|``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)  # counts read as counts: 11, not 11.0
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (tuple, list)):
        value = "|".join(str(v) for v in value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _name(report: Report) -> dict[str, str]:
    return {e.id: e.name for e in report.entities}


def csv_tables(report: Report) -> dict[str, tuple[Sequence[str], list[Sequence[object]]]]:
    """Every table as ``file name → (header, rows)``, before escaping."""
    names = _name(report)
    outlet = {d.id: (d.outlet or "") for d in report.documents}
    published = {d.id: (d.published or "") for d in report.documents}
    fact_of = {c: f.id for f in report.facts for c in f.claims}
    claims = [
        (c.id, c.doc, outlet.get(c.doc, ""), c.kind, c.speaker, names.get(c.speaker or "", ""), c.speaker_text,
         c.via, names.get(c.via or "", ""), c.cue, c.hedged, fact_of.get(c.id, ""),
         c.time.date or c.time.start_date or c.time.text if c.time else "", c.start, c.end, c.text)
        for c in report.claims
    ]
    facts = [
        (f.id, f.status, f.summary, len(f.claims), tuple(f.claims), tuple(f.origins),
         tuple(names.get(o, o) for o in f.origins), tuple(f.docs), f.story, f.conflict)
        for f in report.facts
    ]
    figures = [
        (g.id, g.measure, g.subject, v.low, v.high, v.qualifier, v.text, v.source, v.source_text or names.get(v.source or "", ""),
         v.outlet or outlet.get(v.doc, ""), v.time or published.get(v.doc, ""), v.doc, v.claim, v.start, v.end,
         g.low, g.best, g.high)
        for g in report.figures for v in g.values
    ]
    entities = [
        (e.id, e.name, e.type, tuple(e.aliases), tuple(e.titles), len(e.mentions),
         tuple(dict.fromkeys(m.doc for m in e.mentions)))
        for e in report.entities
    ]
    flags = [
        (f.kind, f.doc, outlet.get(f.doc, ""), f.start, f.end, f.text, f.explanation, f.detail,
         tuple(f"{r.doc}:{r.start}-{r.end}" for r in f.related))
        for f in report.flags
    ]
    return {
        "claims.csv": (("id", "doc", "outlet", "kind", "speaker", "speaker_name", "speaker_text", "via", "via_name", "cue",
                        "hedged", "fact", "time", "start", "end", "text"), claims),
        "facts.csv": (("id", "status", "summary", "n_claims", "claims", "origins", "origin_names", "docs", "story",
                       "conflict"), facts),
        "figures.csv": (("figure", "measure", "subject", "low", "high", "qualifier", "text", "source", "source_name",
                         "outlet", "date", "doc", "claim", "start", "end", "figure_low", "figure_best", "figure_high"), figures),
        "entities.csv": (("id", "name", "type", "aliases", "titles", "mentions", "docs"), entities),
        "flags.csv": (("kind", "doc", "outlet", "start", "end", "text", "explanation", "detail", "related"), flags),
    }


def _write_rows(fh: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    w = csv.writer(fh)
    w.writerow(header)
    for row in rows:
        w.writerow([safe_cell(v) for v in row])


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    # newline="" as the csv module asks; utf-8-sig so Excel reads non-ASCII names right.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        _write_rows(fh, header, rows)


def csv_zip(report: Report) -> bytes:
    """The five CSV files in one in-memory ZIP archive (for downloads; nothing touches the disk)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, (header, rows) in csv_tables(report).items():
            text = io.StringIO(newline="")
            _write_rows(text, header, rows)
            zf.writestr(name, "\ufeff" + text.getvalue())
    return buf.getvalue()


def write_csv(report: Report, folder: Path | str) -> list[Path]:
    """Write claims.csv, facts.csv, figures.csv, entities.csv and flags.csv into ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (header, rows) in csv_tables(report).items():
        p = out / name
        _write(p, header, rows)
        paths.append(p)
    return paths
