"""The cross-document stages report their seconds (issue 11: where a run's time goes)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newssift.config import DEFAULT_CONFIG
from newssift.models import Document
from newssift.pipeline import analyze_documents, cross_document, extract_documents

# Short fictional reports across genres: a court ruling told twice, a flood, a cup final.
DOCS = [
    Document(id="court-a", title="Fraud boss jailed", published="2026-03-02",
             text="Judge Rosa Quayle sentenced Marta Okafor to nine years in prison on Monday, prosecutors said. "
                  "\"The harm cannot be undone,\" Quayle said."),
    Document(id="court-b", title="Okafor gets nine years", published="2026-03-02",
             text="Marta Okafor was sentenced to nine years on Monday by Judge Rosa Quayle, her lawyer said."),
    Document(id="flood", title="Flood in Millbrook", published="2026-03-05",
             text="A flood killed three people in Millbrook on Friday, fire chief Omar Lindqvist said."),
    Document(id="cup", title="Rovers reach final", published="2026-03-07",
             text="Kingsford Rovers beat Elmdale United 2-1 on Saturday, coach Ivan Petrov said."),
]
STAGES = ["time_resolve_s", "time_stories_s", "time_facts_s", "time_figures_s", "time_flags_s"]
CONFIG = replace(DEFAULT_CONFIG, use_embeddings=False)


@pytest.fixture(scope="module")
def extractions():
    return extract_documents(DOCS, config=CONFIG)


def test_cross_document_reports_each_stage_in_order_and_the_report_is_unchanged(extractions):
    timings: list[tuple[str, str]] = []
    timed = cross_document(DOCS, extractions, config=CONFIG, timings=timings)
    assert [k for k, _ in timings] == STAGES
    assert all(float(v) >= 0.0 for _, v in timings)
    # Timings go to the caller's list, not into the report: the same input gives the same report.
    untimed = cross_document(DOCS, extractions, config=CONFIG)
    assert timed == untimed
    assert not any(k.startswith("time_") for k, _ in untimed.meta)


def test_analyze_documents_puts_stage_seconds_in_the_report_meta():
    meta = dict(analyze_documents(DOCS, config=CONFIG).meta)
    assert set(STAGES) <= set(meta)
    stages_s = sum(float(meta[k]) for k in STAGES)
    # The stages run after extraction, inside the total.
    assert stages_s <= float(meta["time_total_s"]) - float(meta["time_extract_s"]) + 0.01  # each figure rounded to 1 ms
