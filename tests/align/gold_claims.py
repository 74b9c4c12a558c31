"""Build align-stage inputs from a newssift-gold/1 file, to measure align alone.

The gold file lists each claim's quote, source, relay and quantities; turning
them into Claim/Entity models lets the align stage be scored with the
reference scorer independently of how well extraction does.  Nothing here is
specific to one corpus: it reads whatever gold file and corpus it is given.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

from newssift.models import Claim, Document, Entity, Quantity, TimeRef

__all__ = ["load_gold_inputs", "load_scorer"]


def _fold(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def load_scorer(path: Path):
    """Import the reference scorer module (score.py) from the shared eval folder."""
    spec = importlib.util.spec_from_file_location("newssift_reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def load_gold_inputs(
    gold_path: Path, corpus: Path, documents: list[Document] | None = None
) -> tuple[dict, list[Document], list[Claim], list[Entity]]:
    """(gold dict, documents, claims, entities) derived from the gold annotations.

    Without ``documents`` the corpus files are read as plain text (fine for
    text corpora); pass ingested documents for HTML inputs.
    """
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    if documents is not None:
        by_id = {d.id: d for d in documents}
        docs = [by_id[doc_id] for doc_id in gold["documents"]]
    else:
        docs = []
        for doc_id in gold["documents"]:
            path = next(corpus.glob(doc_id + ".*"))
            docs.append(Document(id=doc_id, text=path.read_text(encoding="utf-8"), outlet=doc_id))
    text_of = {d.id: _fold(d.text) for d in docs}
    names: dict[str, list[str]] = {k: list(v["names"]) for k, v in gold.get("entities", {}).items()}
    types = {k: v.get("type", "ORG") for k, v in gold.get("entities", {}).items()}
    for k, v in (gold.get("source_names") or {}).items():
        names.setdefault(k, list(v))
        types.setdefault(k, "ORG")
    entities = [Entity(id=k, name=v[0], type=types[k], aliases=tuple(v[1:])) for k, v in names.items()]
    claims = []
    for gc in gold["claims"]:
        text = text_of[gc["doc"]]
        quote = _fold(gc["quote"])
        start = text.find(quote)
        if start < 0:  # a quote the cleaner cut or reflowed: keep the claim, offsets unknown
            start = -1
        src = gc.get("source")
        srcs = src if isinstance(src, list) else ([src] if src else [])
        speaker_text = " and ".join(names.get(s, [s])[0] for s in srcs) or None
        qs = []
        for q in gc.get("quantities") or []:
            qs.append(Quantity(text=str(q.get("text", q.get("low") or q.get("high"))), low=q.get("low"),
                               high=q.get("high"), qualifier=q["qualifier"], measure=q.get("measure")))
        t = gc.get("time")
        claims.append(Claim(
            id=gc["id"], doc=gc["doc"], start=start, end=start + len(quote) if start >= 0 else -1, text=gc["quote"],
            kind=gc["kind"], speaker=srcs[0] if srcs else None, speaker_text=speaker_text,
            via=gc.get("via"), quantities=tuple(qs),
            time=TimeRef(text=str(t.get("date")), date=str(t.get("date"))) if t else None,
        ))
    return gold, docs, claims, entities
