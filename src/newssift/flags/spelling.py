"""spelling_variant: a name written differently across reports, flagged on the minority spelling.

Resolve records, for every entity merged across spelling variants, which
documents use which spelling (``Entity.variants``).  The spelling used by the
fewest documents is the variant.  One flag per variant pair, not one per
report: it goes on the first report (in input order) that uses the minority
spelling and names the others that share it.  When two spellings tie, the
reports alone cannot say which one is right; the flag goes on the first
report in input order and says so.

Accepted romanisations are not flagged: two spellings that differ only in
the choices transliteration systems make ("y", "i" or "j"; a doubled
letter; "kh" or "h": Zelensky/Zelenskyy, Syrsky/Syrskyi, Oleksiy/Oleksii)
are both correct, kept as aliases of one entity.  A changed vowel
(Pavlek/Pavlik), letters in another order (Vorozhba/Vorobzha) or a replaced
consonant are not romanisation choices, and are flagged.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from ..models import Entity, Flag, SpanRef

__all__ = ["find_spelling_variants", "rename_flagged_entities"]


def find_spelling_variants(entities: Sequence[Entity], doc_order: Sequence[str] = ()) -> list[Flag]:
    """One flag per entity and minority (or tied) spelling that is not an accepted transliteration.

    ``doc_order`` is the reports' input order; it decides which report
    carries the flag when several use the spelling, or when two spellings tie.
    """
    rank = {d: i for i, d in enumerate(doc_order)}
    flags: list[Flag] = []
    for e in entities:
        if len(e.variants) < 2:
            continue
        counts = {spelling: len(docs) for spelling, docs in e.variants}
        fewest = min(counts.values())
        if all(c == fewest for c in counts.values()) and len(counts) > 2:
            continue  # every report spells it its own way: no majority, nothing to point at
        minority = [(s, ds) for s, ds in e.variants if counts[s] == fewest]
        tied = len(minority) == len(e.variants)
        if tied:
            # No majority: one flag for the pair, on the spelling met first in input order.
            minority = [min(minority, key=lambda v: min(rank.get(d, len(rank)) for d in v[1]))]
        for spelling, docs in minority:
            others = [(s, ds) for s, ds in e.variants if s != spelling and not _transliterated(spelling, s)]
            if not others:
                continue
            flag = _flag(e, spelling, sorted(docs, key=lambda d: (rank.get(d, len(rank)), d)), others, tied)
            if flag is not None:
                flags.append(flag)
    return flags


def _romanisation_key(word: str) -> str:
    """A word with the romanisation choices folded: "y"/"j" as "i", doubled letters single, "kh" as "h".

    Zelensky/Zelenskyy, Syrsky/Syrskyi, Oleksiy/Oleksii fold together; a
    changed vowel (Pavlek/Pavlik) or moved letters (Vorozhba/Vorobzha) do not.
    """
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = w.replace("kh", "h").replace("y", "i").replace("j", "i")
    return re.sub(r"(.)\1+", r"\1", w)


def _transliterated(a: str, b: str) -> bool:
    """Whether two spellings are romanisation choices of one name, not a misspelling of it."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(_romanisation_key(x) == _romanisation_key(y) for x, y in zip(wa, wb))


def _flag(e: Entity, spelling: str, docs: list[str], others, tied: bool) -> Flag | None:
    """The flag on the first mention of ``spelling`` in the first of ``docs`` that has one."""
    for doc in docs:
        first = next((m for m in e.mentions if m.doc == doc and spelling in m.text), None)
        if first is not None:
            break
    else:
        return None
    start = first.start + first.text.index(spelling)
    related = tuple(SpanRef(m.doc, m.start, m.end, m.text) for s, ds in others for m in _first_per_doc(e, s, ds))
    other_names = " or ".join(f"'{s}'" for s, _ in sorted(others, key=lambda x: -len(x[1])))
    where = "another report" if sum(len(ds) for _, ds in others) == 1 else "other reports"
    also = [d for d in docs if d != doc]
    note = f" The same spelling is in {len(also)} other report(s): {', '.join(also)}." if also else ""
    if tied:
        note += " The reports are split evenly, so neither spelling can be preferred from them alone."
    return Flag(
        kind="spelling_variant",
        doc=doc,
        text=spelling,
        explanation=f"'{spelling}' is spelled {other_names} in {where} ({e.name}{_kind(spelling, others)}).{note}",
        start=start,
        end=start + len(spelling),
        related=related,
        detail=f"entity {e.id}: " + "; ".join(f"{s} in {', '.join(ds)}" for s, ds in e.variants),
    )


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


def rename_flagged_entities(entities: Sequence[Entity], flags: Sequence[Flag]) -> list[Entity]:
    """Entities whose name is a spelling flagged as a variant, renamed to the unflagged spelling.

    The name a reader sees must never be the spelling the report itself
    points at as the likely error (on an even split, the one carrying the
    flag).  The old name stays an alias.
    """
    flagged: dict[str, set[str]] = {}
    for f in flags:
        if f.kind == "spelling_variant" and f.detail and f.detail.startswith("entity "):
            flagged.setdefault(f.detail.split(":", 1)[0].removeprefix("entity "), set()).add(f.text)
    out = []
    for e in entities:
        bad = flagged.get(e.id)
        if not bad or not any(b in e.name for b in bad):
            out.append(e)
            continue
        good = [(len(ds), s) for s, ds in e.variants if s not in bad]
        if not good:
            out.append(e)
            continue
        best = max(good)[1]
        name = e.name
        for b in bad:
            name = name.replace(b, best)
        aliases = tuple(dict.fromkeys(a for a in (e.name, *e.aliases) if a != name))
        out.append(replace(e, name=name, aliases=aliases))
    return out
