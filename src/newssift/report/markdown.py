"""A Markdown brief: the story in sixty seconds, ready to paste into a CMS or a chat.

Per story: what is corroborated, what conflicts, the key figures each with
who gives them, and the editor's flags.  Every statement is cited as outlet,
the quoted words and a link to the report (its URL when the page gave one).
Text from the reports is escaped so that it cannot inject Markdown or HTML
into whatever the brief is pasted into.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..models import Claim, Document, Fact, Figure, Flag, Report, Story
from .html_index import outlet_label

__all__ = ["MAX_ITEMS", "QUOTE_CHARS", "report_to_markdown", "write_markdown"]

#: Items listed per section of a story; the rest is counted, not listed.
MAX_ITEMS = 8
#: Longest quoted excerpt in a citation, in characters.
QUOTE_CHARS = 160

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+|!~])")
_FLAG_TITLES = {
    "editorial_insertion": "Unattributed editorial line",
    "spelling_variant": "Name spelled differently",
    "quote_variant": "Quote worded differently",
    "social_embed": "Social post inside the article",
    "headline_mismatch": "Headline contradicted by the body",
    "conflicting_figure": "Figures that conflict",
}


def _esc(text: str) -> str:
    """Report text made inert: one line, Markdown and HTML characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def outlet_name(doc: Document | None) -> str:
    """The outlet as the HTML report names it (outlet, else URL host, else "file (unknown outlet)")."""
    if doc is None:
        return "unknown report"
    return outlet_label(doc)


def _cite(doc: Document | None, words: str) -> str:
    """Outlet, quoted words and a link: "[Outlet](url): “words”"."""
    name = _esc(outlet_name(doc))
    url = doc.url if doc is not None and doc.url and re.match(r"https?://", doc.url) else None
    label = f"[{name}](<{url.replace('>', '%3E')}>)" if url else f"**{name}**"
    return f"{label}: \u201c{_esc(_clip(words))}\u201d"


class _Index:
    """Lookups the brief needs, built once per report."""

    def __init__(self, report: Report):
        self.docs = {d.id: d for d in report.documents}
        self.claims = {c.id: c for c in report.claims}
        self.names = {e.id: e.name for e in report.entities}

    def origin(self, key: str) -> str:
        if key in self.names:
            return self.names[key]
        return key.split(":", 1)[-1] if ":" in key else key

    def claim_cites(self, claims: Iterable[Claim]) -> str:
        seen: set[str] = set()
        out = []
        for c in claims:
            if c.doc in seen:
                continue
            seen.add(c.doc)
            out.append(_cite(self.docs.get(c.doc), c.text))
        return "; ".join(out)


def _in_story(story: Story | None, doc: str) -> bool:
    return story is None or doc in story.docs


def _fact_lines(idx: _Index, facts: list[Fact], status: str) -> list[str]:
    out = []
    for f in [f for f in facts if f.status == status][:MAX_ITEMS]:
        claims = [idx.claims[c] for c in f.claims if c in idx.claims]
        origins = ", ".join(_esc(idx.origin(o)) for o in f.origins) or "no named source"
        why = f" ({_esc(f.conflict)})" if f.conflict else ""
        out.append(f"- {_esc(_clip(f.summary or (claims[0].text if claims else ''), 200))}{why} "
                   f"— sources: {origins}. {idx.claim_cites(claims)}")
    return out


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _figure_lines(idx: _Index, figures: list[Figure]) -> list[str]:
    out = []
    ranked = sorted(figures, key=lambda f: (-len({v.doc for v in f.values}), f.id))
    for fig in ranked[:MAX_ITEMS]:
        measure = fig.measure.replace("_", " ")
        # "North Korean troops" already says "troops": the measure is not repeated.
        subject = fig.subject or ""
        what = subject if measure.lower() in subject.lower() else " ".join(x for x in (subject, measure) if x)
        value = fig.best if fig.best is not None else fig.low if fig.low is not None else fig.high
        ranged = fig.low is not None and fig.high is not None and fig.low != fig.high
        shown = f"{_number(value)} (range {_number(fig.low)}–{_number(fig.high)})" if ranged else _number(value)
        head = f"- **{_esc(what)}**: {shown}"
        givers = []
        for v in fig.values[:MAX_ITEMS]:
            who = v.source_text or (idx.origin(v.source) if v.source else "unattributed")
            givers.append(f"{_esc(who)} via {_cite(idx.docs.get(v.doc), v.text)}")
        out.append(head + "\n  - " + "\n  - ".join(givers) if givers else head)
    return out


#: A flag on fewer words than this ("Korean" in a quote) is cited with the
#: words around it, so the reader sees where it stands.
SHORT_FLAG_WORDS = 4
#: Characters of context on each side of a short flag.
FLAG_CONTEXT_CHARS = 60


def _flag_words(doc: Document | None, fl: Flag) -> str:
    """The flagged words, widened to their surroundings ("…of North Korean to send…") when only a word or two."""
    text = doc.text if doc is not None else ""
    if len(fl.text.split()) >= SHORT_FLAG_WORDS or not (0 <= fl.start < fl.end <= len(text)):
        return fl.text
    lo = max(0, fl.start - FLAG_CONTEXT_CHARS)
    hi = min(len(text), fl.end + FLAG_CONTEXT_CHARS)
    # Whole words only: drop a word cut by the window's edge.
    before = text[lo:fl.start].split(None, 1)[-1] if lo > 0 and " " in text[lo:fl.start] else text[lo:fl.start]
    after = text[fl.end:hi].rsplit(None, 1)[0] if hi < len(text) and " " in text[fl.end:hi] else text[fl.end:hi]
    return ("…" if lo > 0 else "") + before + fl.text + after + ("…" if hi < len(text) else "")


def _flag_lines(idx: _Index, flags: list[Flag]) -> list[str]:
    out = []
    for fl in flags[:MAX_ITEMS]:
        title = _FLAG_TITLES.get(fl.kind, fl.kind.replace("_", " "))
        doc = idx.docs.get(fl.doc)
        out.append(f"- **{title}** — {_cite(doc, _flag_words(doc, fl))}. {_esc(fl.explanation)}")
    return out


def _section(title: str, lines: list[str], total: int) -> list[str]:
    if not lines:
        return []
    more = [f"- … and {total - len(lines)} more"] if total > len(lines) else []
    return [f"### {title}", "", *lines, *more, ""]


def _story_brief(idx: _Index, report: Report, story: Story | None) -> list[str]:
    facts = [f for f in report.facts if story is None or f.story == story.id or set(f.docs) & set(story.docs)]
    figures = [g for g in report.figures if story is None or g.story == story.id
               or any(v.doc in story.docs for v in g.values)]
    flags = [f for f in report.flags if _in_story(story, f.doc)]
    n_docs = len(story.docs) if story else len(report.documents)
    title = story.title if story and story.title else "All reports"
    corroborated = [f for f in facts if f.status == "corroborated"]
    conflicting = [f for f in facts if f.status == "conflicting"]
    lines = [f"## {_esc(title)}", "",
             (f"{n_docs} report(s) · {len(corroborated)} corroborated · {len(conflicting)} conflicting · "
             f"{len(figures)} figure(s) · {len(flags)} flag(s)"), ""]
    lines += _section("Corroborated by independent sources", _fact_lines(idx, facts, "corroborated"),
                      len(corroborated))
    lines += _section("Where reports conflict", _fact_lines(idx, facts, "conflicting"), len(conflicting))
    lines += _section("Key figures and who gives them", _figure_lines(idx, figures), len(figures))
    lines += _section("Editor's flags", _flag_lines(idx, flags), len(flags))
    return lines


def report_to_markdown(report: Report) -> str:
    """The whole brief as Markdown text: one section per story (or one for all reports)."""
    idx = _Index(report)
    lines = ["# newssift brief", ""]
    stories: list[Story | None] = list(report.stories) or [None]
    for story in stories:
        lines += _story_brief(idx, report, story)
    lines += ["---", "Reports: " + "; ".join(
        f"{_esc(outlet_name(d))} ({_esc(d.title) if d.title else 'untitled'})" for d in report.documents), ""]
    return "\n".join(lines)


def write_markdown(report: Report, path: Path | str) -> Path:
    """Write the brief to ``path`` (UTF-8) and return the path."""
    p = Path(path)
    p.write_text(report_to_markdown(report), encoding="utf-8")
    return p
