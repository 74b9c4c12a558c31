"""Story clustering keeps each report's tokens between runs in one process (a store re-analysed as articles arrive)."""
from __future__ import annotations

from newssift.align import stories
from newssift.models import DocExtraction, Document

REPORTS = [
    ("Harbour crane collapses in Tessport",
     "A container crane collapsed at the port of Tessport on Monday, injuring two dock workers, the port authority said."),
    ("Two hurt as crane falls at Tessport docks",
     "Two dock workers were injured when a container crane fell at Tessport harbour on Monday, officials said."),
    ("Orla Senn wins marathon in Velm",
     "Orla Senn won the Velm marathon on Sunday in two hours and twenty-one minutes, the organisers said."),
]


def _docs() -> list[Document]:
    return [Document(id=f"r{i}", text=text, title=title, content_hash=str(i)) for i, (title, text) in enumerate(REPORTS)]


def test_a_second_run_reads_the_tokens_of_unchanged_reports_from_the_cache_with_the_same_stories():
    stories._text_tokens.cache_clear()
    docs = _docs()
    extractions = [DocExtraction(doc=d.id, entities=(), claims=()) for d in docs]
    first = stories.cluster_stories(docs, extractions)
    assert stories._text_tokens.cache_info().hits == 0
    second = stories.cluster_stories(_docs(), extractions)  # new objects, same texts
    assert stories._text_tokens.cache_info().hits == len(docs)
    assert [s.docs for s in first] == [s.docs for s in second]
    assert {frozenset(s.docs) for s in first} >= {frozenset({"r0", "r1"})}


def test_the_tokens_put_the_headline_first_and_repeat_it():
    title_tokens = stories.content_tokens("Crane collapses")
    tokens = stories._text_tokens("Crane collapses", "The crane fell.")
    assert tokens[: len(title_tokens) * stories.TITLE_REPEAT] == tuple(title_tokens) * stories.TITLE_REPEAT
