"""The ``--meta`` sidecar: per-document id, url, outlet, title, published, author.

A CSV file with a header row, or JSON (a list of objects, or an object keyed
by id).  A row is matched to a document by id, then by file name, then by URL;
it fills only what the document could not say for itself.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from ..errors import ParseError
from .page import normalise_date
from .sources import stem_of

__all__ = ["META_FIELDS", "SIDECAR_NAMES", "apply_meta", "folder_sidecars", "load_meta"]

META_FIELDS = ("url", "outlet", "title", "published", "author")
#: File names of a sidecar that is used without ``--meta`` when it sits in a
#: folder given as input (first found wins).
SIDECAR_NAMES = ("meta.csv", "meta.json")
_KEYS = ("id", "file", "path", "filename")
T = TypeVar("T")


def load_meta(path: Path) -> list[dict[str, str]]:
    """Rows of the sidecar; ParseError with a one-line message if it cannot be read."""
    label = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(label, f"metadata file could not be read ({exc})") from exc
    if path.suffix.lower() == ".json" or raw.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ParseError(label, f"metadata file is not valid JSON ({exc.msg}, line {exc.lineno})") from exc
        if isinstance(data, dict):
            data = [dict(v, id=k) if isinstance(v, dict) else {} for k, v in data.items()]
        if not isinstance(data, list):
            raise ParseError(label, "metadata JSON must be a list of objects or an object keyed by id")
        rows = [r for r in data if isinstance(r, dict)]
    else:
        rows = list(csv.DictReader(io.StringIO(raw)))
    out = [{str(k).strip().lower(): str(v).strip() for k, v in r.items() if k and v is not None and str(v).strip()} for r in rows]
    if not any(any(k in r for k in _KEYS + ("url",)) for r in out):
        raise ParseError(label, "metadata has no id, file or url column")
    return out


def folder_sidecars(inputs) -> list[Path]:
    """The sidecar file (meta.csv, meta.json, ...) in each input that is a folder."""
    out: list[Path] = []
    for raw in inputs:
        folder = Path(raw)
        if raw == "-" or not folder.is_dir():
            continue
        found = next((folder / n for n in SIDECAR_NAMES if (folder / n).is_file()), None)
        if found is not None:
            out.append(found)
    return out


def apply_meta(docs: list[T], rows: list[dict[str, str]]) -> list[T]:
    """Fill each document's (or page's) missing url/outlet/title/published/author from its row.

    Items without those fields (input problems) pass through unchanged.
    """
    by_key: dict[str, dict[str, str]] = {}
    for r in rows:
        for k in _KEYS:
            if r.get(k):
                by_key.setdefault(r[k], r)
                by_key.setdefault(stem_of(Path(r[k])), r)
        if r.get("url"):
            by_key.setdefault("url:" + r["url"], r)
    out = []
    for d in docs:
        if not all(hasattr(d, f) for f in ("id", "path") + META_FIELDS):
            out.append(d)
            continue
        row = by_key.get(d.id) or (by_key.get(stem_of(Path(d.path))) if d.path else None) or (
            by_key.get("url:" + d.url) if d.url else None
        )
        if row:
            fill = {f: row[f] for f in META_FIELDS if row.get(f) and not getattr(d, f)}
            if "published" in fill:
                fill["published"] = normalise_date(fill["published"])
            if fill:
                d = replace(d, **fill)
        out.append(d)
    return out
