"""Terminal output: a compact rich summary of a report, and a progress bar for long runs.

The summary is what ``newssift analyze`` prints when no --json/--html/--csv is
asked for: facts by status, figures with their low/best/high, flags by kind.
``verbose`` adds the facts and flags themselves.  Colours come from rich and
fall away by themselves when output is not a terminal; every status is also
written out in words.
"""
from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.table import Table

from ..models import Report
from .html_index import fmt_number, humanise, outlet_label, shorten

__all__ = ["LONG_RUN_DOCS", "print_summary", "progress_bar", "summary_tables"]

#: Runs with fewer documents finish in a few seconds with the small spaCy
#: model (about 0.1 s per article here), so a bar would only flicker.
LONG_RUN_DOCS = 20
#: Facts and flags listed one by one in verbose mode before "and N more".
VERBOSE_ROWS = 30
#: Characters of a figure's subject in the figures table.
SUBJECT_CHARS = 28
#: Characters of a fact summary or flag passage on one terminal line.
LINE_CHARS = 90

_STATUS_STYLE = {"corroborated": "green", "single_origin": "yellow", "unattributed": "dim", "conflicting": "red"}
_STATUS_ORDER = ("corroborated", "conflicting", "single_origin", "unattributed")


def summary_tables(report: Report, verbose: bool = False) -> list[Table]:
    """The rich tables of the summary (facts by status, figures, flags), for printing or testing."""
    tables = []
    counts = Counter(f.status for f in report.facts)
    facts = Table(title="Facts by status", title_justify="left", show_edge=False)
    facts.add_column("status")
    facts.add_column("facts", justify="right")
    for status in _STATUS_ORDER:
        facts.add_row(f"[{_STATUS_STYLE[status]}]{humanise(status)}[/]", str(counts.get(status, 0)))
    tables.append(facts)
    if verbose and report.facts:
        detail = Table(title="Facts", title_justify="left", show_edge=False)
        detail.add_column("status")
        detail.add_column("docs", justify="right")
        detail.add_column("fact")
        claims = {c.id: c for c in report.claims}

        def n_docs(f) -> int:
            return len({claims[c].doc for c in f.claims if c in claims} | set(f.docs))

        # Like the HTML matrix: corroborated and conflicting first, the most widely reported first.
        rank = {s: i for i, s in enumerate(_STATUS_ORDER)}
        ordered = sorted(report.facts, key=lambda f: (rank.get(f.status, 9), -n_docs(f)))
        for f in ordered[:VERBOSE_ROWS]:
            text = f.summary or next((claims[c].text for c in f.claims if c in claims), f.id)
            detail.add_row(f"[{_STATUS_STYLE.get(f.status, '')}]{humanise(f.status)}[/]", str(n_docs(f)), shorten(text, LINE_CHARS))
        if len(report.facts) > VERBOSE_ROWS:
            detail.add_row("", "", f"… and {len(report.facts) - VERBOSE_ROWS} more")
        tables.append(detail)
    if report.figures:
        figs = Table(title="Figures", title_justify="left", show_edge=False)
        for col, just in (("measure", "left"), ("subject", "left"), ("values", "right"), ("low", "right"),
                          ("best", "right"), ("high", "right")):
            # Names stay on one line (cut with an ellipsis) so each figure is one row.
            figs.add_column(col, justify=just, no_wrap=True, overflow="ellipsis",
                            max_width=SUBJECT_CHARS if col == "subject" else None)
        for g in report.figures:
            figs.add_row(humanise(g.measure), g.subject or "", str(len(g.values)), fmt_number(g.low),
                         fmt_number(g.best), fmt_number(g.high))
        tables.append(figs)
    if report.flags:
        flags = Table(title="Flags", title_justify="left", show_edge=False)
        if verbose:
            docs = {d.id: outlet_label(d) for d in report.documents}
            flags.add_column("kind")
            flags.add_column("report")
            flags.add_column("passage")
            for f in report.flags[:VERBOSE_ROWS]:
                flags.add_row(humanise(f.kind), docs.get(f.doc, f.doc), shorten(f.text, LINE_CHARS))
        else:
            flags.add_column("kind")
            flags.add_column("flags", justify="right")
            for kind, n in Counter(f.kind for f in report.flags).most_common():
                flags.add_row(humanise(kind), str(n))
        tables.append(flags)
    return tables


def print_summary(report: Report, verbose: bool = False, console: Console | None = None) -> None:
    """Print a compact summary of the report to standard output."""
    con = console or Console(highlight=False)
    outlets = {d.outlet or outlet_label(d) for d in report.documents}
    con.print(
        f"[bold]{len(report.documents)}[/] reports from [bold]{len(outlets)}[/] outlets · "
        f"[bold]{len(report.claims)}[/] claims · [bold]{len(report.facts)}[/] facts · "
        f"[bold]{len(report.figures)}[/] figures · [bold]{len(report.flags)}[/] flags"
    )
    for table in summary_tables(report, verbose=verbose):
        con.print()
        con.print(table)
    if not verbose and (report.facts or report.flags):
        con.print("\n[dim]--verbose lists the facts and flags; --html writes the full report.[/]")


@contextlib.contextmanager
def progress_bar(total: int, enabled: bool = True) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress callback ``(stage, done, total)``; a rich bar on standard error.

    Yields None (no bar) when disabled, when standard error is not a
    terminal, or when the run is short (fewer than ``LONG_RUN_DOCS`` documents).
    """
    if not enabled or total < LONG_RUN_DOCS or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, n: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=n)
            bar.update(tasks[stage], completed=done, total=n)

        yield update
