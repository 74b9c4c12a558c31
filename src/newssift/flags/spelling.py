"""spelling_variant: a name written differently across reports, flagged on the minority spelling.

Resolve records, for every entity merged across spelling variants, which
documents use which spelling (``Entity.variants``).  The spelling used by the
fewest documents is the variant; when two spellings tie, each is flagged,
since the reports alone cannot say which one is right.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Entity, Flag, SpanRef

__all__ = ["find_spelling_variants"]


def find_spelling_variants(entities: Sequence[Entity]) -> list[Flag]:
    """One flag per document that uses a minority (or tied) spelling of an entity's name."""
    flags: list[Flag] = []
    for e in entities:
        if len(e.variants) < 2:
            continue
        counts = {spelling: len(docs) for spelling, docs in e.variants}
        fewest = min(counts.values())
        if all(c == fewest for c in counts.values()) and len(counts) > 2:
            continue  # every report spells it its own way: no majority, nothing to point at
        for spelling, docs in e.variants:
            if counts[spelling] != fewest:
                continue
            others = [(s, ds) for s, ds in e.variants if s != spelling]
            other_names = " or ".join(f"'{s}'" for s, _ in sorted(others, key=lambda x: -len(x[1])))
            for doc in docs:
                first = next((m for m in e.mentions if m.doc == doc and spelling in m.text), None)
                if first is None:
                    continue
                start = first.start + first.text.index(spelling)
                related = tuple(
                    SpanRef(m.doc, m.start, m.end, m.text)
                    for s, ds in others
                    for m in _first_per_doc(e, s, ds)
                )
                where = "another report" if sum(len(ds) for _, ds in others) == 1 else "other reports"
                flags.append(Flag(
                    kind="spelling_variant",
                    doc=doc,
                    text=spelling,
                    explanation=(f"'{spelling}' is spelled {other_names} in {where} "
                                 f"({e.name}{_kind(spelling, others)})."),
                    start=start,
                    end=start + len(spelling),
                    related=related,
                    detail=f"entity {e.id}: " + "; ".join(f"{s} in {', '.join(ds)}" for s, ds in e.variants),
                ))
    return flags


def _kind(spelling: str, others) -> str:
    """"; letters swapped" when another spelling has the same letters in another order (a typist's slip)."""
    if any(sorted(spelling.lower()) == sorted(s.lower()) for s, _ in others):
        return "; letters swapped, likely a typo"
    return ""


def _first_per_doc(e: Entity, spelling: str, docs: Sequence[str]):
    for d in docs:
        m = next((m for m in e.mentions if m.doc == d and spelling in m.text), None)
        if m is not None:
            yield m
