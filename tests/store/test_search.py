"""Full-text search and story keys over SQLite (FTS5) and PostgreSQL, with hand-made documents and claims."""
from __future__ import annotations

from newssift.models import Claim, DocExtraction, Document, Fact, Flag, Report, Story

ARTICLES = [
    ("court-1", "City Ledger", "2025-04-02", "Judge sentences former mayor",
     "A judge sentenced the former mayor to four years on Tuesday. The prosecutor said the bribes totalled 80,000 dollars."),
    ("sport-1", "Valley Sports", "2025-04-03", "Rovers win the cup",
     "The Rovers won the cup final 2-1 on Saturday. Their coach said the players had trained through the floods."),
    ("science-1", "Science Weekly", "2025-04-05", "Comet seen from the valley",
     "Astronomers said the comet would be visible for nine nights. The observatory counted 300 visitors on Friday."),
]


def _docs():
    return [Document(id=i, text=t, title=h, outlet=o, published=p) for i, o, p, h, t in ARTICLES]


def _extraction(doc: Document) -> DocExtraction:
    first = doc.text.split(". ")[0] + "."
    second_at = len(first) + 1
    claims = (
        Claim(id=f"{doc.id}#c1", doc=doc.id, start=0, end=len(first), text=first, kind="unattributed"),
        Claim(id=f"{doc.id}#c2", doc=doc.id, start=second_at, end=len(doc.text), text=doc.text[second_at:],
              kind="indirect", cue="said"),
    )
    return DocExtraction(doc=doc.id, entities=(), claims=claims)


def _fill(store, analysed: bool = True):
    from newssift import __version__
    from newssift.store import rows
    from newssift.store.engine import write_tx

    docs = _docs()
    store.add_documents(docs)
    xs = [_extraction(d) for d in docs]
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_extractions(conn, xs, run, __version__, "test", "2025-04-06T00:00:00+00:00")
    if not analysed:
        return run
    report = Report(
        documents=tuple(store.documents()), claims=tuple(c for x in xs for c in x.claims),
        facts=(Fact("f1", ("court-1#c2",), "conflicting", ()), Fact("f2", ("sport-1#c2",), "corroborated", ())),
        flags=(Flag(kind="headline_mismatch", doc="science-1", text="Comet", explanation="x"),),
        stories=(Story("s1", ("court-1",), "Mayor sentenced"), Story("s2", ("sport-1", "science-1"), "Valley")),
    )
    with write_tx(store.engine) as conn:
        rows.save_report(conn, run, report)
        store._finish_run(conn, run)
    return run


def test_words_find_documents_and_claims_stemmed(store):
    from newssift.store.search import search, split_snippet

    _fill(store)
    page = search(store.engine, "sentencing judges")  # stems: sentence, judg
    assert [d.id for d in page.docs] == ["court-1"]
    assert [c.id for c in page.claims] == ["court-1#c1"]
    parts = split_snippet(page.claims[0].snippet)
    assert any(hit and text.lower().startswith("sentenc") for text, hit in parts)
    assert search(store.engine, "comet observatory").n_docs == 1
    assert search(store.engine, "comet mayor").n_docs == 0  # every word must occur


def test_hostile_query_syntax_is_only_words(store):
    from newssift.store.search import search

    _fill(store, analysed=False)
    for q in ('"unbalanced', "NEAR(", "cup OR", "title:cup*", "') ; DROP TABLE documents; --"):
        search(store.engine, q)  # no error
    assert search(store.engine, "cup OR mayor").n_docs == 0  # 'OR' is not an operator: both words are required
    assert search(store.engine, "cup -rovers").n_docs == 1  # nor is '-'

    assert store.count_documents() == 3


def test_filters_outlet_dates_status_and_flag(store):
    from newssift.store.search import SearchFilters, facets, search

    _fill(store)
    assert [d.id for d in search(store.engine, "said", SearchFilters(outlet="valley sports")).docs] == ["sport-1"]
    dated = search(store.engine, "", SearchFilters(date_from="2025-04-03", date_to="2025-04-04"))
    assert [d.id for d in dated.docs] == ["sport-1"]
    conflicting = search(store.engine, "said", SearchFilters(status="conflicting"))
    assert [c.id for c in conflicting.claims] == ["court-1#c2"] and conflicting.claims[0].status == "conflicting"
    flagged = search(store.engine, "", SearchFilters(flag="headline_mismatch"))
    assert [d.id for d in flagged.docs] == ["science-1"]
    f = facets(store.engine.connect())
    assert f.outlets == ("City Ledger", "Science Weekly", "Valley Sports")
    assert set(f.statuses) == {"conflicting", "corroborated"} and f.flags == ("headline_mismatch",)
    assert f.dates == ("2025-04-02", "2025-04-05")


def test_index_follows_later_adds_and_removals(store):
    from newssift.store.search import search

    _fill(store, analysed=False)
    assert search(store.engine, "rovers").n_docs == 1  # index made now, from the stored rows
    store.add_documents([Document(id="politics-1", text="The council voted to close the harbour road.",
                                  title="Harbour road closed", outlet="Port Times")])
    assert [d.id for d in search(store.engine, "harbour").docs] == ["politics-1"]
    assert store.remove_document("sport-1")
    assert search(store.engine, "rovers").n_docs == 0 and search(store.engine, "rovers").n_claims == 0
    assert search(store.engine, "comet").n_claims == 1


def test_story_keys_survive_renumbering_and_merging(store):
    from newssift.store import rows
    from newssift.store.engine import write_tx
    from newssift.store.permalinks import doc_key, resolve_key, story_links

    run = _fill(store)
    with store.engine.connect() as conn:
        links = {link.id: link for link in story_links(conn, run)}
    assert links["s1"].key == doc_key("court-1") and links["s2"].key == doc_key("sport-1")
    # A re-analysis numbers the stories the other way round and merges them: keys still resolve.
    with write_tx(store.engine) as conn:
        run2 = store._start_run(conn, "analyze")
        rows.save_report(conn, run2, Report(documents=tuple(store.documents()),
                                            stories=(Story("s1", ("sport-1", "court-1", "science-1"), "All"),)))
        store._finish_run(conn, run2)
    with store.engine.connect() as conn:
        got_run, link = resolve_key(conn, doc_key("sport-1"))
        assert got_run == run2 and link.id == "s1" and link.key == doc_key("court-1")  # the older anchor
        assert resolve_key(conn, doc_key("court-1"))[1].id == "s1"
        assert resolve_key(conn, "st-000000000000") is None



def test_a_read_only_store_without_an_index_says_so_in_one_line(store, monkeypatch):
    import contextlib
    import sqlite3

    import pytest
    from sqlalchemy.exc import OperationalError

    from newssift.errors import StoreError
    from newssift.store import search as search_module

    store.add_documents(_docs())

    @contextlib.contextmanager
    def read_only(engine):  # what SQLite answers for a file without write permission (tests run as root here)
        raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("attempt to write a readonly database"))
        yield

    monkeypatch.setattr(search_module, "write_tx", read_only)
    monkeypatch.setattr(search_module, "_sqlite_has_index", lambda conn: False)
    with pytest.raises(StoreError) as err:
        search_module.search(store.engine, "rovers")
    assert "read-only" in str(err.value) and "\n" not in str(err.value)
