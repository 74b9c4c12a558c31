"""Tables for analysis in Python: one pandas DataFrame per table, and Parquet files.

The tables are the CSV tables (``report.csv.csv_tables``: readable column
names, speakers and origins as names beside their ids) plus a documents
table.  List-valued cells (a fact's claims, an entity's aliases) stay lists.
pandas and pyarrow are imported only here, so the rest of newssift never
pays for them.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ModelMissingError
from ..models import Report
from .csv import csv_tables

__all__ = ["report_to_frames", "write_parquet"]


def _pandas():
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - pandas is a dependency
        raise ModelMissingError("pandas is not installed; install it with `pip install pandas pyarrow`") from exc
    return pandas


def _documents(report: Report) -> tuple[tuple[str, ...], list[tuple]]:
    header = ("id", "outlet", "title", "url", "published", "author", "language", "chars", "path")
    rows = [(d.id, d.outlet, d.title, d.url, d.published, d.author, d.language, len(d.text), d.path)
            for d in report.documents]
    return header, rows


def report_to_frames(report: Report) -> dict:
    """``{"documents", "claims", "facts", "figures", "entities", "flags"}`` → pandas DataFrame."""
    pd = _pandas()
    tables = {"documents.csv": _documents(report), **csv_tables(report)}
    out = {}
    for name, (header, rows) in tables.items():
        cleaned = [[list(v) if isinstance(v, tuple) else v for v in row] for row in rows]
        out[name.removesuffix(".csv")] = pd.DataFrame(cleaned, columns=list(header))
    return out


def write_parquet(report: Report, folder: Path | str) -> list[Path]:
    """One Parquet file per table in ``folder`` (needs pyarrow); returns the paths."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise ModelMissingError("pyarrow is not installed; install it with `pip install pyarrow`") from exc
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in report_to_frames(report).items():
        p = out / f"{name}.parquet"
        frame.to_parquet(p, index=False)
        paths.append(p)
    return paths
