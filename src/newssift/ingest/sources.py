"""Expand what the user typed into concrete sources: files, stdin, URLs.

Directories are walked recursively for the file kinds newssift reads; globs
are expanded (``**`` included); ``-`` is standard input; ``http(s)://``
addresses are URLs.  What cannot be expanded becomes an InputProblem.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..models import InputProblem

__all__ = ["KNOWN_SUFFIXES", "Source", "expand_inputs", "kind_of_path", "stem_of"]

# File name endings and the reader each goes to.  Longer endings first so that
# ".warc.gz" wins over ".gz".
_KINDS: tuple[tuple[str, str], ...] = (
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".warc.gz", "warc"),
    (".txt.gz", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".shtml", "html"),
    (".txt", "text"),
    (".text", "text"),
    (".md", "text"),
    (".json", "record"),
    (".jsonl", "record"),
    (".ndjson", "record"),
    (".csv", "csv"),
    (".warc", "warc"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
)
KNOWN_SUFFIXES = tuple(s for s, _ in _KINDS)
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    """One thing to read."""

    label: str  # as shown to the user in problems
    kind: str  # text | html | record | warc | feed | auto (sniff the content) | url | stdin
    path: Path | None = None
    url: str | None = None


def kind_of_path(path: Path) -> str | None:
    """The reader for a file name, or None when the ending is not one newssift reads."""
    name = path.name.lower()
    for suffix, kind in _KINDS:
        if name.endswith(suffix):
            return kind
    return None


def stem_of(path: Path) -> str:
    """The file name without its reader ending (``a.html.gz`` → ``a``)."""
    name = path.name
    low = name.lower()
    for suffix, _ in _KINDS:
        if low.endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem or name


def expand_inputs(inputs: Sequence[str]) -> tuple[list[Source], list[InputProblem]]:
    """Turn the user's inputs into sources (each file once) and problems."""
    sources: list[Source] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()

    def add(src: Source) -> None:
        try:
            key = src.url or (str(src.path.resolve()) if src.path else src.label)
        except (RuntimeError, OSError):  # a symbolic link loop: Path.resolve() cannot end
            problems.append(InputProblem(src.label, "a symbolic link that loops back on itself; skipped", "not_found"))
            return
        if key not in seen:
            seen.add(key)
            sources.append(src)

    for inp in inputs:
        if inp == "-":
            add(Source(label="-", kind="stdin"))
            continue
        scheme = urlsplit(inp).scheme.lower()
        if scheme in ("http", "https"):
            add(Source(label=inp, kind="url", url=inp))
            continue
        if "://" in inp:
            problems.append(InputProblem(inp, f"unsupported address scheme '{scheme}:' (only http and https are fetched)", "unsupported"))
            continue
        p = Path(inp).expanduser()
        if p.is_dir():
            found = _walk(p, problems)
            if not found:
                problems.append(InputProblem(inp, "directory holds no article files (" + ", ".join(_listed()) + ")", "no_inputs"))
            for f in found:
                add(Source(label=str(f), kind=kind_of_path(f) or "auto", path=f))
        elif p.is_file():
            add(Source(label=inp, kind=kind_of_path(p) or "auto", path=p))
        elif _GLOB_CHARS & set(inp):
            matches = sorted(glob.glob(os.path.expanduser(inp), recursive=True))
            files = []
            for m in matches:
                mp = Path(m)
                files.extend(_walk(mp, problems) if mp.is_dir() else [mp] if mp.is_file() and kind_of_path(mp) else [])
            if not files:
                problems.append(InputProblem(inp, "pattern matched no article file", "not_found"))
            for f in files:
                add(Source(label=str(f), kind=kind_of_path(f) or "auto", path=f))
        elif p.exists():
            problems.append(InputProblem(inp, "not a regular file or directory", "unsupported"))
        else:
            problems.append(InputProblem(inp, "no such file or directory", "not_found"))
    return sources, problems


def _listed() -> list[str]:
    return [".txt", ".html", ".json", ".jsonl", ".csv", ".warc", ".rss", ".xml"]


def _walk(root: Path, problems: list[InputProblem]) -> list[Path]:
    """Files under ``root`` (recursively) with a known ending; hidden ones skipped.

    A folder that cannot be listed (no permission) becomes one problem naming
    it; the rest of the tree is still read.
    """
    out = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(root)
        why = exc.strerror or type(exc).__name__
        problems.append(InputProblem(str(where), f"folder could not be read ({why}); its files were left out, the rest was read",
                                     "unreadable"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = Path(dirpath) / name
            kind = kind_of_path(f)
            # A folder's other CSV files (data, a sidecar) are not articles.
            if kind and (kind != "csv" or _csv_of_articles(f)):
                out.append(f)
    return out


#: Header names that make a CSV file one of articles (a column with the text).
ARTICLE_CSV_COLUMNS = frozenset({"text", "content", "maintext", "raw_text", "body", "article", "html", "raw_html"})


def _csv_of_articles(path: Path) -> bool:
    """True if the CSV file's header row names a column holding article text."""
    import csv

    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
            header = next(csv.reader([fh.readline()]), [])
    except OSError:
        return False
    return bool({h.strip().lower() for h in header} & ARTICLE_CSV_COLUMNS)
