"""View-models of the HTML report's cross-document sections: glance, brief, fact matrix, sources.

Pure functions from a :class:`~newssift.models.Report` (through a
:class:`ReportIndex`) to small frozen records the Jinja templates draw.  No
HTML is built here: escaping is the templates' job (autoescape), so article
text can never become markup.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ..models import Claim, Fact
from .html_index import Cite, ReportIndex, humanise, shorten

__all__ = [
    "STATUS_LABELS",
    "BriefItem",
    "FactRow",
    "Glance",
    "MatrixCell",
    "SourceRow",
    "build_brief",
    "build_glance",
    "build_matrix",
    "build_sources",
    "matrix_is_compact",
]

#: Facts shown in the brief; six sentences is a paragraph an editor reads at a glance.
BRIEF_MAX_FACTS = 6
#: When nothing is corroborated, this many single-origin facts stand in, clearly labelled.
BRIEF_FALLBACK_FACTS = 3
#: Beyond this many reports the fact matrix stops drawing one column per
#: report (a 7rem column each: 24 already need a wide screen and scrolling)
#: and lists, per fact, the reports that carry it.
MATRIX_MAX_COLUMNS = 24
#: Other names and titles of a source listed on its card (all are in
#: entities.csv); more makes the cards hard to scan.
ALIASES_SHOWN = 6
TITLES_SHOWN = 3
#: Claims listed under one source before the rest are folded away.
SOURCE_CLAIMS_SHOWN = 8

#: Status → (label, symbol). The symbol and label carry the meaning; colour only repeats it.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "corroborated": ("Corroborated", "✓"),
    "single_origin": ("Single origin", "◐"),
    "unattributed": ("Unattributed", "?"),
    "conflicting": ("Conflicting", "≠"),
}
STATUS_ORDER = ("corroborated", "conflicting", "single_origin", "unattributed")


@dataclass(frozen=True)
class Glance:
    """Headline counts of the report."""

    documents: int
    outlets: int
    first_date: str | None
    last_date: str | None
    claims: int
    facts_by_status: tuple[tuple[str, str, str, int], ...]  # (status, label, symbol, count)
    figures: int
    flags: int
    title: str


@dataclass(frozen=True)
class BriefItem:
    """One sentence of the brief with its citations."""

    text: str
    status: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class MatrixCell:
    """What one outlet does with one fact: ``states`` | ``differs`` | ``silent``."""

    state: str
    cite: Cite | None = None
    count: int = 1  # reports of the outlet this cell stands for (a compact matrix groups them)


@dataclass(frozen=True)
class FactRow:
    """One row of the fact matrix."""

    id: str
    summary: str
    status: str
    status_label: str
    status_symbol: str
    origins: tuple[str, ...]
    cells: tuple[MatrixCell, ...]
    conflict: str | None
    n_docs: int
    wordings: tuple[tuple[Cite, str], ...] = ()  # each claim of the fact: (citation, who says it)


@dataclass(frozen=True)
class SourceRow:
    """A source and what it said, with the outlets that carried it."""

    key: str
    name: str
    type: str
    titles: tuple[str, ...]
    role: str  # "original source" | "relay" | "source" | "no source named"
    facts_originated: int
    outlets: tuple[str, ...]
    claims: tuple[Cite, ...]
    more: int
    aliases: tuple[str, ...]  # other names the outlets use for it (resolved across reports)
    relays_for: tuple[str, ...]  # sources whose claims this one passed on
    relayed_via: tuple[str, ...]  # intermediaries that passed this source's claims on


def _key_name(idx: ReportIndex, key: str) -> str:
    if not key:
        return "an unnamed source"
    return idx.entity_name(key.removeprefix("text:"))


def _fact_summary(idx: ReportIndex, fact: Fact) -> str:
    if fact.summary:
        return shorten(fact.summary)
    for cid in fact.claims:
        claim = idx.claims.get(cid)
        if claim:
            return shorten(claim.text)
    return fact.id


def _fact_claims(idx: ReportIndex, fact: Fact) -> list[Claim]:
    return [idx.claims[c] for c in fact.claims if c in idx.claims]


def _fact_docs(idx: ReportIndex, fact: Fact) -> list[str]:
    docs = {c.doc for c in _fact_claims(idx, fact)} | set(fact.docs)
    return [d.id for d in idx.report.documents if d.id in docs]


def build_glance(idx: ReportIndex) -> Glance:
    """The counts and title shown at the top of the report."""
    rep = idx.report
    dates = sorted(d.published[:10] for d in rep.documents if d.published)
    counts = Counter(f.status for f in rep.facts)
    by_status = tuple((s, *STATUS_LABELS[s], counts.get(s, 0)) for s in STATUS_ORDER)
    title = ""
    if rep.stories and rep.stories[0].title:
        title = rep.stories[0].title
    elif rep.documents:
        title = next((d.title for d in rep.documents if d.title), "") or ""
    return Glance(
        documents=len(rep.documents),
        outlets=len({d.outlet or idx.label(d.id) for d in rep.documents}),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        claims=len(rep.claims),
        facts_by_status=by_status,
        figures=len(rep.figures),
        flags=len(rep.flags),
        title=shorten(title, 160),
    )


def _cites(idx: ReportIndex, fact: Fact) -> tuple[Cite, ...]:
    # One citation per document (its first claim of the fact), in report order.
    first: dict[str, Claim] = {}
    for c in _fact_claims(idx, fact):
        first.setdefault(c.doc, c)
    return tuple(idx.cite_claim(first[d]) for d in _fact_docs(idx, fact) if d in first)


def build_brief(idx: ReportIndex) -> tuple[tuple[BriefItem, ...], bool]:
    """The story in a few cited sentences, and whether they are corroborated ones.

    Corroborated facts come first, the most widely reported first.  When none
    is corroborated the most widely reported single-origin facts stand in, and
    the second value is False so the page says so.
    """
    facts = list(idx.report.facts)
    corroborated = [f for f in facts if f.status == "corroborated"]
    pool, limit, ok = corroborated, BRIEF_MAX_FACTS, True
    if not corroborated:
        pool, limit, ok = [f for f in facts if f.status == "single_origin"], BRIEF_FALLBACK_FACTS, False
    position = {id(f): i for i, f in enumerate(facts)}
    pool.sort(key=lambda f: (-len(_fact_docs(idx, f)), position[id(f)]))
    items = tuple(BriefItem(_as_sentence(_fact_summary(idx, f)), f.status, _cites(idx, f)) for f in pool[:limit])
    return items, ok


def _as_sentence(text: str) -> str:
    """A claim's words read as a sentence of the brief: capital first letter, closing stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…\"'”’" else text + "."


def _signature(claim: Claim) -> tuple:
    """What a claim says in numbers; claims of one fact with different signatures disagree."""
    return tuple(sorted((q.measure or "", q.low, q.high, q.qualifier) for q in claim.quantities))


def matrix_is_compact(idx: ReportIndex) -> bool:
    """True when the matrix lists reporting outlets per fact instead of one column per report."""
    return len(idx.report.documents) > MATRIX_MAX_COLUMNS


def build_matrix(idx: ReportIndex) -> tuple[FactRow, ...]:
    """Facts × reports: which report states each fact, says it differently, or is silent.

    "Says it differently" is decided from the claims themselves: within a fact,
    the numbers most reports give are the common reading; a report whose claim
    gives other numbers, or that carries a flag inside its claim, differs.
    """
    doc_ids = [d.id for d in idx.report.documents]
    compact = matrix_is_compact(idx)
    flagged = {d: sorted(f.start for f in fl if f.start is not None) for d, fl in idx.flags_by_doc.items()}
    rows = []
    for fact in idx.report.facts:
        claims = _fact_claims(idx, fact)
        by_doc: dict[str, Claim] = {}
        for c in claims:
            by_doc.setdefault(c.doc, c)
        sigs = Counter(_signature(c) for c in by_doc.values())
        common = sigs.most_common(1)[0][0] if sigs else ()
        cells = []
        for d in doc_ids:
            claim = by_doc.get(d)
            if claim is None:
                state = "states" if d in fact.docs else "silent"
                cells.append(MatrixCell(state, Cite(idx.doc_anchor(d), idx.label(d)) if state == "states" else None))
                continue
            starts = flagged.get(d, ())
            i = bisect.bisect_left(starts, claim.start)
            has_flag = i < len(starts) and starts[i] < claim.end
            # A flag only marks a difference when another report states the fact too.
            differs = (len(sigs) > 1 and _signature(claim) != common) or (has_flag and len(by_doc) > 1)
            cells.append(MatrixCell("differs" if differs else "states", idx.cite_claim(claim)))
        if compact:
            cells = _by_outlet(idx, doc_ids, cells)
        label, symbol = STATUS_LABELS.get(fact.status, (humanise(fact.status), "•"))
        rows.append(FactRow(
            id=fact.id, summary=_fact_summary(idx, fact), status=fact.status, status_label=label,
            status_symbol=symbol, origins=tuple(idx.entity_name(o) for o in fact.origins), cells=tuple(cells),
            conflict=fact.conflict, n_docs=sum(c.count for c in cells if c.state != "silent"),
            wordings=tuple((idx.cite_claim(c), idx.speaker_name(c) or "no source named") for c in claims),
        ))
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    return tuple(sorted(rows, key=lambda r: (order.get(r.status, 9), -r.n_docs)))


def _by_outlet(idx: ReportIndex, doc_ids: list[str], cells: list[MatrixCell]) -> list[MatrixCell]:
    """One cell per outlet that carries the fact, in first-report order, for the compact matrix.

    A wire story reprinted by many reports of one outlet would otherwise list a
    chip per report. The outlet's cell "differs" when any of its reports
    differs (and cites that report); otherwise it cites the outlet's first one.
    """
    groups: dict[str, list[MatrixCell]] = {}
    for d, cell in zip(doc_ids, cells, strict=True):
        if cell.state != "silent":
            groups.setdefault(idx.outlets.get(d, idx.label(d)), []).append(cell)
    out = []
    for outlet, group in groups.items():
        shown = next((c for c in group if c.state == "differs"), group[0])
        cite = shown.cite and Cite(shown.cite.anchor, outlet, shown.cite.text)
        out.append(MatrixCell(shown.state, cite, len(group)))
    return out


def build_sources(idx: ReportIndex) -> tuple[SourceRow, ...]:
    """Who said what: each source's claims, the outlets that carried them, origin or relay.

    A source is "original" when some fact counts it among its independent
    origins; a "relay" when claims name it only as the intermediary (``via``).
    Claims with no named source are grouped last under "no source named".
    """
    rep = idx.report
    origin_count = Counter(o for f in rep.facts for o in f.origins)
    groups: dict[str, list[Claim]] = {}
    relays: dict[str, set[str]] = {}
    for c in rep.claims:
        key = c.speaker or (f"text:{c.speaker_text}" if c.speaker_text else "")
        groups.setdefault(key, []).append(c)
        if c.via:
            relays.setdefault(c.via, set()).add(key)
    for via in relays:
        groups.setdefault(via, [])
    rows = []
    for key, claims in groups.items():
        ent = idx.entities.get(key)
        if key == "":
            name, typ, role = "No source named (the outlet's own voice)", "", "no source named"
        elif ent:
            name, typ = ent.name, ent.type
            role = "original source" if origin_count.get(key) else ("relay" if key in relays and not claims else "source")
        else:
            name, typ = key.removeprefix("text:"), ""
            role = "original source" if origin_count.get(key) else "source"
        outlets = tuple(dict.fromkeys(idx.label(c.doc) for c in claims))
        rows.append(SourceRow(
            key=key, name=name, type=typ, titles=ent.titles[:TITLES_SHOWN] if ent else (), role=role,
            facts_originated=origin_count.get(key, 0), outlets=outlets,
            claims=tuple(idx.cite_claim(c) for c in claims[:SOURCE_CLAIMS_SHOWN]),
            more=max(0, len(claims) - SOURCE_CLAIMS_SHOWN),
            aliases=tuple(a for a in ent.aliases if a != ent.name)[:ALIASES_SHOWN] if ent else (),
            relays_for=tuple(sorted(_key_name(idx, k) for k in relays.get(key, ()))),
            relayed_via=tuple(sorted({idx.entity_name(c.via) for c in claims if c.via})),
        ))
    rank = {"original source": 0, "source": 1, "relay": 2, "no source named": 3}
    return tuple(sorted(rows, key=lambda r: (rank[r.role], -len(r.outlets), -len(r.claims), r.name.lower())))
