"""A document that fails analysis is reported, recorded and skipped; removing a document removes what depends on it."""
from __future__ import annotations

import pytest

from newssift.models import Document
from newssift.store import FAILED_STORY, PENDING_STORY, Store, schema

TEXTS = [
    "The city council said on Monday that 14 bridges would be inspected after the storm.",
    "Striker Lena Oduya scored twice as the Harbour Rovers won 3-1 on Saturday, the club said.",
    "The court ruled on Thursday that the mining permit was invalid, a spokesman for the judges said.",
]
POISON = "POISON-PILL"


def _docs(extra: str | None = None) -> list[Document]:
    docs = [Document(id=f"d{i}", content_hash="", text=t) for i, t in enumerate(TEXTS)]
    if extra:
        docs.append(Document(id="bad", content_hash="", text=extra))
    return docs


@pytest.fixture
def poisoned(monkeypatch):
    """Make extraction raise for any batch that holds a document containing POISON (as spaCy E088 did)."""
    from newssift import pipeline

    real = pipeline.extract_documents

    def extract(documents, config=None, progress=None):
        if any(POISON in d.text for d in documents):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.\nsecond line")
        return real(documents, config=config, progress=progress) if config else real(documents, progress=progress)

    monkeypatch.setattr(pipeline, "extract_documents", extract)


def _count(store, table) -> int:
    from sqlalchemy import func, select

    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_failing_document_is_reported_marked_and_skipped(store_url, poisoned):
    with Store.open(store_url) as store:
        store.add_documents(_docs(f"A long text. {POISON} The mayor said nothing."))
        result = store.analyze()
        assert {d.id for d in result.report.documents} == {"d0", "d1", "d2"}
        assert [p.source for p in result.failed] == ["bad"]
        assert "E088" in result.failed[0].message and "newssift rm bad" in result.failed[0].message
        assert "\n" not in result.failed[0].message
        assert any(p.code == "analysis" and p.source == "bad" for p in store.report().problems)
        rows = {r.id: r for r in store.stories()}
        assert rows[FAILED_STORY].docs == ("bad",) and PENDING_STORY not in rows
        # The next analysis skips it without trying again, and still reports it.
        again = store.analyze()
        assert (again.reused, again.extracted) == (3, 0) and [p.source for p in again.failed] == ["bad"]
        assert store.report(FAILED_STORY).documents[0].id == "bad"


def test_analyze_command_keeps_working_with_a_bad_document_stored(store_url, poisoned, capsys):
    from newssift.store.commands import analyze_store

    with Store.open(store_url) as store:
        store.add_documents(_docs(f"{POISON} here"))
    report = analyze_store(store_url, quiet=True)
    assert len(report.documents) == 3
    assert "newssift: bad could not be analysed" in capsys.readouterr().err
    from newssift.store.commands import list_stories

    list_stories(store_url)
    assert "newssift rm ID" in capsys.readouterr().out


def test_when_every_document_fails_the_run_is_marked_failed(store_url, poisoned):
    from newssift.errors import StoreError

    with Store.open(store_url) as store:
        store.add_documents([Document(id="only", content_hash="", text=f"{POISON} alone")])
        with pytest.raises(StoreError, match="no document could be analysed"):
            store.analyze()
        with store.engine.connect() as conn:
            from sqlalchemy import select

            assert conn.execute(select(schema.runs.c.status).where(schema.runs.c.kind == "analyze")).scalars().all() == ["failed"]


def test_remove_document_deletes_it_and_what_depends_on_it(store_url, samples):
    docs = [samples.document(1), samples.document(2)]
    with Store.open(store_url) as store:
        store.add_documents(docs)
        from newssift.store import rows
        from newssift.store.engine import utcnow, write_tx

        with write_tx(store.engine) as conn:
            run = store._start_run(conn, "analyze")
            rows.save_extractions(conn, [samples.extraction(d) for d in docs], run, "v", "k", utcnow())
            rows.save_report(conn, run, samples.report(docs))
            store._finish_run(conn, run)
        assert store.remove_document("doc1") is True
        assert store.remove_document("doc1") is False
        assert [d.id for d in store.documents()] == ["doc2"]
        assert _count(store, schema.removed_segments) == 2 and _count(store, schema.embeds) == 1
        assert _count(store, schema.extractions) == 1 and _count(store, schema.x_claims) == 2
        # The analysis that covered doc1 is gone; doc2 waits for the next one.
        assert _count(store, schema.r_claims) == 0 and _count(store, schema.facts) == 0
        assert [(r.id, r.docs) for r in store.stories()] == [(PENDING_STORY, ("doc2",))]
        assert store.integrity_problems() == []


def test_removing_a_failed_document_clears_its_failure(store_url, poisoned):
    with Store.open(store_url) as store:
        store.add_documents(_docs(f"{POISON}!"))
        store.analyze()
        assert store.remove_document("bad")
        assert _count(store, schema.failed_docs) == 0
        assert FAILED_STORY not in {r.id for r in store.stories()}
        assert store.analyze().failed == ()
