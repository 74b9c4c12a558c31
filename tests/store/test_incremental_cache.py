"""An incremental re-analysis re-aligns only touched stories, prunes superseded runs, and equals a fresh analysis."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from newssift.models import Document
from newssift.pipeline import analyze_documents
from newssift.report.json import report_to_dict
from newssift.store import Store, schema

pytestmark = pytest.mark.slow

COURT = [
    ("A judge in Marlow sentenced former councillor Peter Vane to six years in prison on Monday for taking bribes.\n"
    "\"The defendant betrayed the trust of the city,\" Judge Helen Orr said in her ruling.\n"
    "Prosecutors had asked for eight years, the Marlow prosecutor's office said.\n"),
    ("Former councillor Peter Vane was jailed for six years by a Marlow court on Monday over bribes he took.\n"
    "Judge Helen Orr said the defendant had betrayed the trust of the city.\n"
    "His lawyer, Tom Reed, said Vane would appeal the sentence.\n"),
]
BUSINESS = [
    ("Shipbuilder Kestrel Yards agreed to buy rival Norhaven Marine for 420 million euros, the companies said on Tuesday.\n"
    "\"Together we will build ships faster,\" Kestrel chief executive Mona Strand said.\n"
    "The deal still needs approval from competition regulators.\n"),
    ("Kestrel Yards will pay 420 million euros for Norhaven Marine, both firms said in a statement on Tuesday.\n"
    "Chief executive Mona Strand said the combined company would build ships faster.\n"
    "Analysts at Brightwater Bank said the price was fair.\n"),
]
SPORT = [
    ("Riverside United won the Cup final 3-1 against Harbour City on Saturday in front of 40,000 fans.\n"
    "\"This is the best day of my career,\" Riverside captain Joel Amari said after the match.\n"),
    ("Harbour City lost the Cup final 3-1 to Riverside United on Saturday, with 40,000 fans at the stadium.\n"
    "Riverside captain Joel Amari called it the best day of his career.\n"),
]
LATE_SPORT = (
    "Riverside United beat Harbour City 3-1 in Saturday's Cup final, watched by 40,000 fans.\n"
    "Captain Joel Amari said it was the best day of his career, and coach Ines Berg said the team had earned it.\n"
)


def _docs(texts: list[str], prefix: str) -> list[Document]:
    return [Document(id=f"{prefix}{i}", text=t, content_hash="", outlet=f"Outlet {i}") for i, t in enumerate(texts)]


def _comparable(report) -> dict:
    d = report_to_dict(report)
    d.pop("meta")  # timings and store bookkeeping differ between any two runs
    d.pop("problems")
    return d


def _count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture
def corpus() -> list[Document]:
    return _docs(COURT, "court") + _docs(BUSINESS, "deal") + _docs(SPORT, "cup")


def test_adding_an_article_realigns_only_its_story_and_equals_a_fresh_analysis(store_url, corpus):
    late = _docs([LATE_SPORT], "late")
    with Store.open(store_url) as store:
        store.add_documents(corpus)
        first = store.analyze()
        assert len(first.report.stories) == 3, [s.docs for s in first.report.stories]
        meta = dict(first.report.meta)
        assert meta["incremental_parts_reused"] == "0" and int(meta["incremental_parts_computed"]) >= 6
        store.add_documents(late)
        second = store.analyze()
        meta = dict(second.report.meta)
        # Two stories untouched (facts, then figures and flags: two parts each); the cup final redone.
        assert meta["incremental_parts_reused"] == "4", meta
        assert meta["incremental_parts_computed"] == "2", meta
        assert int(meta["incremental_vectors_reused"]) > 0 and int(meta["incremental_vectors_computed"]) > 0
        docs = store.documents()
    fresh = analyze_documents(docs)
    assert _comparable(second.report) == _comparable(fresh)
    cup = next(s for s in second.report.stories if "late0" in s.docs)
    assert set(cup.docs) == {"cup0", "cup1", "late0"}


def test_a_changed_story_is_not_served_from_the_cache(store_url, corpus):
    """A document replaced by an edited copy changes its part's key: the story is re-aligned, the report is right.

    (The replacement comes last in the store, so entity numbers after it
    shift and later stories are re-aligned too: only appending is cheap.)
    """
    with Store.open(store_url) as store:
        store.add_documents(corpus)
        store.analyze()
        # Same ids, one sentence more in one court report: a different article for the store.
        edited = replace(corpus[1], id="court1b", content_hash="",
                         text=COURT[1] + "Vane's lawyer said the sentence was too harsh.\n")
        assert store.remove_document("court1")
        store.add_documents([edited])
        again = store.analyze()
        meta = dict(again.report.meta)
        assert int(meta["incremental_parts_computed"]) >= 2, meta
        docs = store.documents()
    assert _comparable(again.report) == _comparable(analyze_documents(docs))


def test_reanalyses_do_not_grow_the_store(store_url, corpus):
    with Store.open(store_url) as store:
        store.add_documents(corpus)
        store.analyze()
        sizes = {t.name: _count(store, t) for t in (schema.r_claims, schema.r_mentions, schema.facts, schema.flags,
                                                    schema.story_docs, schema.part_cache, schema.claim_vectors)}
        for _ in range(3):
            again = store.analyze()
            assert dict(again.report.meta)["incremental_parts_computed"] == "0"
        assert {t: _count(store, getattr(schema, t)) for t in sizes} == sizes
        with store.engine.connect() as conn:
            statuses = conn.execute(select(schema.runs.c.status).where(schema.runs.c.kind == "analyze")
                                    .order_by(schema.runs.c.id)).scalars().all()
        assert statuses == ["superseded"] * 3 + ["done"]
        assert store.integrity_problems() == []


def test_parts_not_cached_go_to_the_engine_runner_in_one_call(store_url, corpus, monkeypatch):
    """With an engine (analyze --db --engine ray), the parts to compute are handed to its runner together."""
    from newssift.engines.split import serial_map
    from newssift.store import incremental

    calls: list[tuple[str, int]] = []

    def recording_runner(fn, shared, items):
        calls.append((fn.__name__, len(items)))
        return serial_map(fn, shared, items)

    real = incremental.cross_document
    monkeypatch.setattr(incremental, "cross_document",
                        lambda *a, **k: real(*a, **{**k, "runner": recording_runner}))
    with Store.open(store_url) as store:
        store.add_documents(corpus)
        first = store.analyze()
        assert calls == [("facts_task", 3), ("figures_flags_task", 3)], calls
        calls.clear()
        store.add_documents(_docs([LATE_SPORT], "late"))
        second = store.analyze()
        # Only the cup final's two parts are recomputed, and only they reach the runner.
        assert calls == [("facts_task", 1), ("figures_flags_task", 1)], calls
    fresh = analyze_documents(second.report.documents)
    assert _comparable(second.report)["facts"] == _comparable(fresh)["facts"]
    assert len(first.report.stories) == 3
