"""The report JSON, schema version "1" (``shared/contracts/report.schema.json``).

Fields of the contract are never renamed or dropped; newssift adds its own
(``figures``, ``problems``, ``duplicates``, ``meta`` and extra per-item keys).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..models import (
    Claim,
    Document,
    Duplicate,
    Entity,
    Fact,
    Figure,
    FigureValue,
    Flag,
    InputProblem,
    Mention,
    Quantity,
    Removed,
    Report,
    SpanRef,
    Story,
    TimeRef,
)

__all__ = ["SCHEMA_VERSION", "document_to_dict", "report_from_dict", "report_to_dict", "write_json"]

SCHEMA_VERSION = "1"


def document_to_dict(d: Document) -> dict[str, Any]:
    """One document as the schema's ``documents`` item."""
    return {
        "id": d.id,
        "path": d.path,
        "url": d.url,
        "outlet": d.outlet,
        "title": d.title,
        "published": d.published,
        "author": d.author,
        "language": d.language,
        "text": d.text,
        "embeds": list(d.embeds),
        "removed": [asdict(r) for r in d.removed],
        "content_hash": d.content_hash,
        "source_format": d.source_format,
    }


def _mention(m: Mention) -> dict[str, Any]:
    out = {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "label": m.label}
    if m.part != "text":  # a headline mention: its offsets are into the document's title
        out["part"] = m.part
    if m.nominal:  # a description standing for the entity ("the lawyer"), not its name
        out["nominal"] = True
    return out


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "titles": list(e.titles),
        "mentions": [_mention(m) for m in e.mentions],
    }


def _claim(c: Claim) -> dict[str, Any]:
    out = asdict(c)
    out["quantities"] = [asdict(q) for q in c.quantities]
    out["time"] = _time(c.time)
    return out


def _time(t: TimeRef | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {k: v for k, v in asdict(t).items() if v is not None}


def _fact(f: Fact) -> dict[str, Any]:
    out = asdict(f)
    out["claims"] = list(f.claims)
    out["origins"] = list(f.origins)
    out["docs"] = list(f.docs)
    return out


def _flag(f: Flag) -> dict[str, Any]:
    out = asdict(f)
    out["related"] = [asdict(r) for r in f.related]
    return out


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as a JSON-ready dict following schema 1."""
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [document_to_dict(d) for d in report.documents],
        "entities": [_entity(e) for e in report.entities],
        "claims": [_claim(c) for c in report.claims],
        "facts": [_fact(f) for f in report.facts],
        "figures": [asdict(f) for f in report.figures],
        "flags": [_flag(f) for f in report.flags],
        "stories": [{"id": s.id, "docs": list(s.docs), "title": s.title} for s in report.stories],
        "problems": [asdict(p) for p in report.problems],
        "duplicates": [asdict(d) for d in report.duplicates],
        "meta": dict(report.meta),
    }


def write_json(report: Report, path: Path | str) -> Path:
    """Write the report JSON (UTF-8, indented) and return the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1), encoding="utf-8")
    return p


# ----------------------------------------------------------------- reading back
def _tuple(items, fn):
    return tuple(fn(x) for x in items or ())


def _quantity(d: dict) -> Quantity:
    d = dict(d)
    d["values"] = tuple(d.get("values") or ())  # a list's items come back as a JSON array
    return Quantity(**d)


def _claim_from(d: dict) -> Claim:
    d = dict(d)
    d["quantities"] = _tuple(d.get("quantities"), _quantity)
    t = d.get("time")
    d["time"] = TimeRef(**t) if t else None
    d["predicates"] = tuple(d.get("predicates") or ())
    return Claim(**{k: v for k, v in d.items() if k in Claim.__dataclass_fields__})


def _doc_from(d: dict) -> Document:
    d = {k: v for k, v in d.items() if k in Document.__dataclass_fields__}
    d["embeds"] = tuple(d.get("embeds") or ())
    d["removed"] = _tuple(d.get("removed"), lambda r: Removed(**r))
    return Document(**d)


def _entity_from(d: dict) -> Entity:
    mentions = tuple(
        Mention(doc=m["doc"], start=m["start"], end=m["end"], text=m["text"], label=m.get("label", d["type"]), entity=d["id"],
                part=m.get("part", "text"), nominal=bool(m.get("nominal", False)))
        for m in d.get("mentions", ())
    )
    return Entity(
        id=d["id"], name=d["name"], type=d["type"], aliases=tuple(d.get("aliases", ())),
        mentions=mentions, titles=tuple(d.get("titles", ())),
    )


def _figure_from(d: dict) -> Figure:
    d = dict(d)
    d["values"] = _tuple(d.get("values"), lambda v: FigureValue(**v))
    return Figure(**d)


def _flag_from(d: dict) -> Flag:
    d = dict(d)
    d["related"] = _tuple(d.get("related"), lambda r: SpanRef(**r))
    return Flag(**{k: v for k, v in d.items() if k in Flag.__dataclass_fields__})


def _fact_from(d: dict) -> Fact:
    d = dict(d)
    for k in ("claims", "origins", "docs"):
        d[k] = tuple(d.get(k) or ())
    return Fact(**{k: v for k, v in d.items() if k in Fact.__dataclass_fields__})


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a Report from its JSON dict (the inverse of ``report_to_dict``)."""
    return Report(
        documents=_tuple(data.get("documents"), _doc_from),
        entities=_tuple(data.get("entities"), _entity_from),
        claims=_tuple(data.get("claims"), _claim_from),
        facts=_tuple(data.get("facts"), _fact_from),
        figures=_tuple(data.get("figures"), _figure_from),
        flags=_tuple(data.get("flags"), _flag_from),
        stories=_tuple(data.get("stories"), lambda s: Story(id=s["id"], docs=tuple(s.get("docs", ())), title=s.get("title", ""))),
        problems=_tuple(data.get("problems"), lambda p: InputProblem(**p)),
        duplicates=_tuple(data.get("duplicates"), lambda p: Duplicate(**p)),
        meta=tuple((data.get("meta") or {}).items()),
    )
