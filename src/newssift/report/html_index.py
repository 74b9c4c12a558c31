"""Lookups shared by every view of the HTML report: documents, claims, entities, span anchors.

A span anchor is the HTML id of a highlighted passage in one report's text
(``d{doc index}-{start}-{end}``).  Every statement shown elsewhere in the
report links to one, so a reader can always jump to the exact words.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from ..models import Claim, Document, Entity, Report

__all__ = ["Cite", "ReportIndex", "fmt_number", "humanise", "outlet_label", "safe_url", "shorten"]

#: Longest snippet (characters) shown inline for a claim or passage before it
#: is cut with an ellipsis; two lines of text on a laptop-width column.
SNIPPET_CHARS = 220
#: Characters of an outlet label in a fact-matrix column header: two short
#: lines in a 7rem column.
SHORT_LABEL_CHARS = 22


def shorten(text: str, limit: int = SNIPPET_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def humanise(token: str | None) -> str:
    """``killed_or_wounded`` → ``killed or wounded``; None → empty string."""
    return (token or "").replace("_", " ").strip()


def fmt_number(value: float | None) -> str:
    """A count as people write it: ``1,200``; fractions keep up to two decimals."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link, else None (never ``javascript:`` or ``data:``)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


#: What a heading says of a report whose page, file and sidecar name no outlet.
UNKNOWN_OUTLET = "unknown outlet"


def outlet_label(doc: Document) -> str:
    """A short name for the document's outlet: its outlet, else the URL's host, else its file name.

    A file that names no outlet is labelled with its file name (never a
    hash) and says so: "statement.txt (unknown outlet)".
    """
    if doc.outlet:
        return doc.outlet
    url = safe_url(doc.url)
    if url:
        host = urlsplit(url).netloc.lower()
        return host.removeprefix("www.")
    name = PurePath(doc.path).name if doc.path else doc.id
    return f"{name} ({UNKNOWN_OUTLET})"


@dataclass(frozen=True)
class Cite:
    """A link to a span: the anchor to jump to and a short label (the outlet)."""

    anchor: str
    label: str
    text: str = ""


class ReportIndex:
    """Fast lookups over one report, built once per render."""

    def __init__(self, report: Report):
        self.report = report
        self.docs: dict[str, Document] = {d.id: d for d in report.documents}
        self.doc_pos: dict[str, int] = {d.id: i for i, d in enumerate(report.documents)}
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.entities: dict[str, Entity] = {e.id: e for e in report.entities}
        # Per-document lists, so that per-document views cost O(items) and not O(documents × items).
        self.claims_by_doc: dict[str, list[Claim]] = {}
        for c in report.claims:
            self.claims_by_doc.setdefault(c.doc, []).append(c)
        self.flags_by_doc: dict[str, list] = {}
        self.related_by_doc: dict[str, list] = {}
        for f in report.flags:
            self.flags_by_doc.setdefault(f.doc, []).append(f)
            for r in f.related:
                self.related_by_doc.setdefault(r.doc, []).append((f, r))
        self.values_by_doc: dict[str, list] = {}
        for fig in report.figures:
            for v in fig.values:
                self.values_by_doc.setdefault(v.doc, []).append((fig, v))
        labels = [outlet_label(d) for d in report.documents]
        # Two documents from one outlet get numbered labels so matrix columns stay distinct.
        seen: dict[str, int] = {}
        for lab in labels:
            seen[lab] = seen.get(lab, 0) + 1
        counter: dict[str, int] = {}
        self.labels: dict[str, str] = {}
        #: The outlet of each document, without the numbering (one chip per outlet in a compact matrix).
        self.outlets: dict[str, str] = {d.id: lab for d, lab in zip(report.documents, labels)}
        for d, lab in zip(report.documents, labels):
            if seen[lab] > 1:
                counter[lab] = counter.get(lab, 0) + 1
                lab = f"{lab} ({counter[lab]})"
            self.labels[d.id] = lab

    # ------------------------------------------------------------------ anchors
    def doc_anchor(self, doc_id: str) -> str:
        """The id of a document's section in the report (the reports section for an unknown id)."""
        return f"doc-{self.doc_pos[doc_id]}" if doc_id in self.doc_pos else "reports"

    def valid_span(self, doc_id: str, start: int | None, end: int | None) -> bool:
        """True when ``start:end`` is a non-empty span inside the document's text."""
        doc = self.docs.get(doc_id)
        return bool(doc is not None and start is not None and end is not None and 0 <= start < end <= len(doc.text))

    def span_anchor(self, doc_id: str, start: int | None, end: int | None) -> str:
        """The anchor of a span, or of the document when the span is unknown or out of range."""
        if self.valid_span(doc_id, start, end):
            return f"d{self.doc_pos[doc_id]}-{start}-{end}"
        return self.doc_anchor(doc_id)

    def cite_claim(self, claim: Claim) -> Cite:
        """A citation of one claim: its span anchor labelled with the outlet."""
        return Cite(self.span_anchor(claim.doc, claim.start, claim.end), self.label(claim.doc), shorten(claim.text))

    # ------------------------------------------------------------------ names
    def label(self, doc_id: str) -> str:
        """The outlet label of a document id (the id itself when unknown)."""
        return self.labels.get(doc_id, doc_id)

    def entity_name(self, key: str | None) -> str:
        """The display name of an entity id; for a source key that is no entity (``src:officials``), its name part."""
        if key is None:
            return ""
        ent = self.entities.get(key)
        if ent:
            return ent.name
        return key.split(":", 1)[1] if ":" in key and not key.startswith(("http:", "https:")) else key

    def short_label(self, doc_id: str) -> str:
        """The outlet label cut for a narrow column (the full one goes in a tooltip)."""
        return shorten(self.label(doc_id), SHORT_LABEL_CHARS)

    def speaker_name(self, claim: Claim) -> str:
        """Who asserts a claim, as a reader would name them."""
        if claim.speaker:
            ent = self.entities.get(claim.speaker)
            if ent:
                return ent.name
        if claim.speaker_text:
            return claim.speaker_text
        return claim.speaker or ""
