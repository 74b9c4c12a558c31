"""Extractions decoded once are reused by later analyses in one process, and never stand for changed rows."""
from __future__ import annotations

from dataclasses import replace

from newssift.store import rows
from newssift.store.engine import write_tx

FIRST_SAVE = "2025-01-01T00:00:00+00:00"


def _save(store, xs, version, when) -> int:
    """Save ``xs`` in a new run; that run's id."""
    with write_tx(store.engine) as conn:
        run = store._start_run(conn, "analyze")
        rows.save_extractions(conn, xs, run, version, "model-a", when)
    return run


def _load(store, memo=None):
    with store.engine.connect() as conn:
        return rows.load_extractions(conn, ["doc1", "doc2"], "1.0", "model-a", memo=memo)


def _two_saved(store, samples):
    """Two documents with their extractions saved (version 1.0), and the run that saved them."""
    docs = [samples.document(1), samples.document(2)]
    store.add_documents(docs)
    xs = [samples.extraction(d) for d in docs]
    return xs, _save(store, xs, "1.0", FIRST_SAVE)


def test_a_second_load_takes_the_decoded_extractions_and_reads_no_rows(store, samples, monkeypatch):
    xs, _run = _two_saved(store, samples)
    memo = rows.ExtractionMemo()
    first = _load(store, memo)
    assert first == {x.doc: x for x in xs} and len(memo) == 2
    read: list[list[str]] = []
    real = rows._decode_extractions
    monkeypatch.setattr(rows, "_decode_extractions", lambda conn, heads: read.append(list(heads)) or real(conn, heads))
    again = _load(store, memo)
    assert again == first and read == []
    assert all(again[d] is first[d] for d in again)  # the very objects: later passes may key on them


def test_a_replaced_extraction_is_read_again_not_taken_from_the_memo(store, samples):
    xs, _run = _two_saved(store, samples)
    memo = rows.ExtractionMemo()
    _load(store, memo)
    newer = replace(xs[0], claims=xs[0].claims[:1])
    _save(store, [newer], "1.0", "2025-01-02T00:00:00+00:00")  # a later run re-extracts doc1, same version
    got = _load(store, memo)
    assert got == {"doc1": newer, "doc2": xs[1]}
    assert newer != xs[0]


def test_the_memo_keeps_at_most_its_size():
    memo = rows.ExtractionMemo(size=2)
    for i in range(4):
        memo.put((f"doc{i}",), object())
    assert len(memo) == 2
    assert memo.get(("doc0",)) is None and memo.get(("doc3",)) is not None


def test_extractions_kept_as_saved_are_what_the_rows_read_back(store, samples, monkeypatch):
    xs, run = _two_saved(store, samples)
    memo = rows.ExtractionMemo()
    memo.keep_saved(xs, "1.0", "model-a", run, FIRST_SAVE)
    from_rows = _load(store)
    monkeypatch.setattr(rows, "_decode_extractions", lambda conn, heads: (_ for _ in ()).throw(AssertionError))
    kept = _load(store, memo)
    assert kept == from_rows == {x.doc: x for x in xs}
