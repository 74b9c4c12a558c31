"""Everything the store keeps reads back exactly as written, on SQLite and on PostgreSQL."""
from __future__ import annotations

from dataclasses import replace

from newssift.report.json import report_to_dict
from newssift.store import rows
from newssift.store.engine import schema_version, write_tx
from newssift.store.migrations import all_migrations


def test_open_applies_every_migration_once(store):
    newest = max(m.VERSION for m in all_migrations())
    assert schema_version(store.engine) == newest
    # Opening again applies nothing new.
    from newssift.store import Store
    from newssift.store.engine import migrate

    assert migrate(store.engine) == []
    with Store.open(store.url) as again:
        assert schema_version(again.engine) == newest


def test_documents_round_trip_with_removed_and_embeds(store, samples):
    docs = [samples.document(1), samples.document(2, embeds=(), removed=(), title=None, url=None)]
    result = store.add_documents(docs)
    assert result.added == ("doc1", "doc2") and result.duplicates == ()
    assert store.documents() == docs
    assert store.documents(["doc2"]) == [docs[1]]


def test_same_content_is_stored_once_and_reported_as_duplicate(store, samples):
    d1 = samples.document(1)
    store.add_documents([d1])
    copy = replace(d1, id="other-name", path="/elsewhere/copy.txt")
    result = store.add_documents([copy, samples.document(3)])
    assert result.added == ("doc3",)
    assert [(d.kept, d.dropped, d.source) for d in result.duplicates] == [("doc1", "other-name", "/elsewhere/copy.txt")]
    assert [d.id for d in store.documents()] == ["doc1", "doc3"]
    # Adding the very same batch again changes nothing.
    again = store.add_documents([d1, samples.document(3)])
    assert again.added == () and len(again.duplicates) == 2
    assert store.count_documents() == 2


def test_a_different_article_with_a_taken_id_gets_a_new_id(store, samples):
    store.add_documents([samples.document(1)])
    other = samples.document(1, text="A different article that happens to share the file name.", content_hash="")
    result = store.add_documents([other])
    assert result.added == ("doc1-2",)
    stored = store.documents(["doc1-2"])[0]
    assert stored.text == other.text and len(stored.content_hash) == 64
    # A third article under the same name skips the numbers already used, stored or in the same batch.
    third = [samples.document(1, text=f"Yet another article, version {k}.", content_hash="") for k in (3, 4)]
    assert store.add_documents(third).added == ("doc1-3", "doc1-4")


def test_extractions_round_trip_and_go_stale_with_version_or_model(store, samples):
    docs = [samples.document(1), samples.document(2)]
    store.add_documents(docs)
    xs = [samples.extraction(d) for d in docs]
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_extractions(conn, xs, run, "1.0", "model-a", "2025-01-01T00:00:00+00:00")
    with store.engine.connect() as conn:
        assert rows.load_extractions(conn, ["doc1", "doc2"], "1.0", "model-a") == {x.doc: x for x in xs}
        assert rows.load_extractions(conn, ["doc1", "doc2"], "1.1", "model-a") == {}
        assert rows.load_extractions(conn, ["doc1"], "1.0", "model-b") == {}
    # Replacing a stale extraction leaves exactly one per document.
    newer = replace(xs[0], claims=xs[0].claims[:1])
    with write_tx(store.engine) as conn:
        rows.save_extractions(conn, [newer], run, "1.1", "model-a", "2025-01-02T00:00:00+00:00")
    with store.engine.connect() as conn:
        assert rows.load_extractions(conn, ["doc1", "doc2"], "1.1", "model-a") == {"doc1": newer}
        assert rows.load_extractions(conn, ["doc1", "doc2"], "1.0", "model-a") == {"doc2": xs[1]}


def test_report_round_trips_field_for_field(store, samples):
    docs = [samples.document(1), samples.document(2)]
    store.add_documents(docs)
    report = samples.report(docs)
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_report(conn, run, report)
        store._finish_run(conn, run)
    back = store.report()
    assert back == report
    assert report_to_dict(back) == report_to_dict(report)
    story = store.stories()
    assert [(s.id, s.title, s.docs) for s in story] == [("s1", "Flooding in Dörfli", ("doc1", "doc2"))]
    assert story[0].analysed_at is not None


def test_unfinished_analysis_is_not_shown(store, samples):
    docs = [samples.document(1)]
    store.add_documents(docs)
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_report(conn, run, samples.report(docs))
        # no _finish_run: as if the process died before the final commit
    assert [s.id for s in store.stories()] == ["unanalysed"]
    assert store.stories()[0].analysed_at is None


def test_one_story_of_several_reads_only_its_part(store, samples):
    from newssift.models import Story
    from newssift.store.scope import restrict_report

    docs = [samples.document(n) for n in (1, 2, 3)]
    store.add_documents(docs)
    whole = replace(samples.report(docs), stories=(
        Story(id="s1", docs=("doc1", "doc3"), title="first"), Story(id="s2", docs=("doc2",), title="second")))
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_report(conn, run, whole)
        store._finish_run(conn, run)
    for sid in ("s1", "s2"):
        part = store.report(sid)
        assert part == restrict_report(whole, sid)
        assert {d.id for d in part.documents} == set(next(s.docs for s in whole.stories if s.id == sid))
        assert all(c.doc in {d.id for d in part.documents} for c in part.claims)
        assert [s.id for s in part.stories] == [sid]
    assert store.report("s2").claims and store.report("s2").entities
    assert store.report() == whole


def test_a_store_from_a_newer_newssift_is_refused(store):
    import pytest

    from newssift.errors import StoreError
    from newssift.store import Store, schema

    with write_tx(store.engine) as conn:
        conn.execute(schema.schema_migrations.insert().values(version=999, name="future", applied_at="2099-01-01"))
    with pytest.raises(StoreError, match="newer than this newssift"):
        Store.open(store.url)


def test_unusable_store_locations_are_refused_with_a_reason(tmp_path):
    import pytest

    from newssift.errors import StoreError
    from newssift.store import Store

    text = tmp_path / "notes.db"
    text.write_text("these are notes, not a database\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not a database"):
        Store.open(str(text))
    with pytest.raises(StoreError, match="no store at"):
        Store.open(str(tmp_path / "missing.db"), create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(StoreError, match="unsupported store URL"):
        Store.open("mysql://somewhere/db")
