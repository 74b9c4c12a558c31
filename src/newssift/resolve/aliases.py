"""User alias files: names the user says are one entity.

YAML: a list of lists (``- [GUR, HUR, DIU, Defense Intelligence of Ukraine]``)
or a mapping ``canonical: [names...]``.  CSV: rows ``name,canonical`` (a
header row naming those two columns is optional).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from ..errors import ConfigError
from .names import alias_key

__all__ = ["load_aliases", "parse_aliases"]


def load_aliases(path: Path) -> dict[str, str]:
    """Read an alias file (YAML or CSV by extension) into normalised name -> canonical key."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"alias file {p}: cannot be read ({exc.strerror or exc})") from exc
    fmt = "csv" if p.suffix.lower() in (".csv", ".tsv") else "yaml"
    return parse_aliases(text, fmt)


def parse_aliases(text: str, fmt: str = "yaml") -> dict[str, str]:
    """Parse alias text ("yaml" or "csv"); every name maps to its group's canonical key."""
    groups: list[list[str]] = []
    if fmt == "csv":
        by_canonical: dict[str, list[str]] = {}
        for row in csv.reader(io.StringIO(text)):
            cells = [c.strip() for c in row if c.strip()]
            if len(cells) < 2 or [c.lower() for c in cells[:2]] == ["name", "canonical"]:
                continue
            by_canonical.setdefault(cells[1], [cells[1]]).append(cells[0])
        groups = list(by_canonical.values())
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"alias file is not valid YAML: {exc}") from exc
        if isinstance(data, dict):
            groups = [[str(k)] + [str(x) for x in (v or [])] for k, v in data.items()]
        elif isinstance(data, list):
            for item in data:
                if not isinstance(item, list) or not item:
                    raise ConfigError("alias file: each entry must be a list of names, e.g. - [GUR, HUR]")
                groups.append([str(x) for x in item])
        elif data is not None:
            raise ConfigError("alias file: expected a list of name lists or a mapping canonical: [names]")
    out: dict[str, str] = {}
    for names in groups:
        keys = [k for k in (alias_key(n) for n in names) if k]
        if not keys:
            continue
        # A name already listed in an earlier group joins this group to it.
        earlier = {out[k] for k in keys if k in out}
        canonical = min(earlier) if earlier else keys[0]
        for k in keys:
            out[k] = canonical
        for k, v in list(out.items()):
            if v in earlier:
                out[k] = canonical
    return out
