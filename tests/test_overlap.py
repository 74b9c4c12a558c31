"""A background iterator yields the same items in order, raises its source's errors here, and stops with its consumer."""
from __future__ import annotations

import sys
import threading
import time

import pytest

from newssift.annotate import annotate
from newssift.config import DEFAULT_CONFIG
from newssift.models import Document
from newssift.overlap import in_background
from newssift.pipeline import extract_documents


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "newssift-background"]


def test_items_come_in_order_and_all_of_them():
    assert list(in_background(lambda: iter(range(500)), depth=3)) == list(range(500))


def test_the_source_runs_on_another_thread():
    seen: list[str] = []

    def source():
        for i in range(3):
            seen.append(threading.current_thread().name)
            yield i

    assert list(in_background(source)) == [0, 1, 2]
    assert seen == ["newssift-background"] * 3


def test_an_error_in_the_source_is_raised_to_the_consumer_after_the_items_before_it():
    def source():
        yield "first quarter"
        raise ValueError("ledger unreadable")

    got = []
    with pytest.raises(ValueError, match="ledger unreadable"):
        got.extend(in_background(source))
    assert got == ["first quarter"]
    assert not _workers()


def test_a_consumer_that_stops_early_stops_the_source_and_its_thread():
    made: list[int] = []
    closed = threading.Event()

    def source():
        try:
            for i in range(10_000):
                made.append(i)
                yield i
        finally:
            closed.set()

    it = in_background(source, depth=2)
    assert next(it) == 0
    it.close()
    assert closed.is_set()  # the source's own clean-up ran
    assert not _workers()
    count = len(made)
    time.sleep(0.1)
    assert len(made) == count < 10_000  # nothing more is made after the consumer left


def test_the_switch_interval_is_lowered_while_running_and_restored_after():
    before = sys.getswitchinterval()
    during = []

    def source():
        yield 1

    for _ in in_background(source, switch_interval_s=before / 10):
        during.append(sys.getswitchinterval())
    assert during == [pytest.approx(before / 10)]
    assert sys.getswitchinterval() == pytest.approx(before)


def test_the_switch_interval_is_restored_when_the_source_fails():
    before = sys.getswitchinterval()

    def source():
        raise RuntimeError("scoreboard offline")
        yield  # pragma: no cover

    with pytest.raises(RuntimeError):
        list(in_background(source, switch_interval_s=before / 10))
    assert sys.getswitchinterval() == pytest.approx(before)


_STORIES = [
    ("The appeals court in Varn upheld the fraud verdict on Tuesday, the clerk said.\n"
     "Judge Mira Olsen wrote that the evidence was 'overwhelming'."),
    ("Kestrel Foods said quarterly profit rose 12% to $40 million, beating forecasts.\n"
     "Chief executive Dana Ruiz told analysts the outlook remained uncertain."),
    "Harbor City beat Lakeside 3-1 on Saturday. Coach Eli Brandt said the team 'earned it'.",
    ("Researchers at Tellan University reported that the new vaccine cut infections by half, "
     "according to a study published on Monday."),
    "The senate passed the budget by 52 votes to 47, officials said.",
    "Floodwater forced 1,200 people from their homes in Oskar county, the mayor said on Sunday.",
]


def test_a_background_parse_gives_the_same_extraction_as_parsing_in_the_calling_thread(nlp):
    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(_STORIES * 3)]
    here = extract_documents(docs, config=DEFAULT_CONFIG.with_(parse_in_background=False, spacy_batch_size=2))
    there = extract_documents(docs, config=DEFAULT_CONFIG.with_(parse_in_background=True, spacy_batch_size=2))
    assert here == there
    assert sum(len(e.claims) for e in here) >= len(docs)  # a comparison of empty extractions would prove nothing


def test_annotate_in_the_background_keeps_order(nlp):
    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(_STORIES)]
    parsed = list(annotate(docs, DEFAULT_CONFIG.with_(parse_in_background=True, spacy_batch_size=1)))
    assert [p.text for p in parsed] == _STORIES


def test_the_cross_document_share_prepared_during_the_parse_gives_the_same_report(nlp):
    from dataclasses import replace

    from newssift.pipeline import analyze_documents

    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(_STORIES * 2)]
    plain = analyze_documents(docs, config=DEFAULT_CONFIG.with_(parse_in_background=False))
    overlapped = analyze_documents(docs, config=DEFAULT_CONFIG.with_(parse_in_background=True))
    assert replace(overlapped, meta=()) == replace(plain, meta=())
    assert plain.entities and plain.claims


def test_documents_are_prepared_during_the_parse_only_when_asked_and_in_the_background(nlp, monkeypatch):
    from newssift import overlap
    from newssift.resolve import build

    monkeypatch.setattr(overlap, "spare_core", lambda: True)  # as on any machine with two cores

    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(_STORIES)]
    for prepare, background, expected in ((False, True, 0), (True, False, 0), (True, True, len(docs))):
        build._NODE_MEMO.clear()
        extract_documents(docs, config=DEFAULT_CONFIG.with_(parse_in_background=background), prepare=prepare)
        assert len(build._NODE_MEMO) == expected


def test_with_one_core_the_parse_stays_in_the_calling_thread(nlp, monkeypatch):
    from newssift import overlap

    seen: list[str] = []
    real = overlap.in_background

    def spy(*args, **kwargs):
        seen.append("background")
        return real(*args, **kwargs)

    monkeypatch.setattr(overlap, "in_background", spy)
    docs = [Document(id="d0", text=_STORIES[2])]
    monkeypatch.setattr(overlap, "spare_core", lambda: False)
    assert [p.text for p in annotate(docs, DEFAULT_CONFIG)] == [_STORIES[2]]
    assert seen == []
    monkeypatch.setattr(overlap, "spare_core", lambda: True)
    assert [p.text for p in annotate(docs, DEFAULT_CONFIG)] == [_STORIES[2]]
    assert seen == ["background"]


def test_spare_core_reads_the_cores_this_process_may_use(monkeypatch):
    from newssift import overlap

    monkeypatch.setattr(overlap.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert overlap.spare_core() is False
    monkeypatch.setattr(overlap.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert overlap.spare_core() is True


def test_a_failing_document_stops_the_parse_before_the_error_reaches_the_caller(nlp, monkeypatch):
    import newssift.annotate as annotate_mod
    import newssift.extract as extract_pkg

    closed: list[bool] = []
    real_annotate, real_extract = annotate_mod.annotate, extract_pkg.extract_document

    class Parses:
        """The parses, noting whether the caller closed them."""

        def __init__(self, docs, config):
            self.it = iter(real_annotate(docs, config))

        def __next__(self):
            return next(self.it)

        def close(self):
            closed.append(True)
            self.it.close()

    def fails_on_third(doc, parsed):
        if doc.id == "d2":
            raise ValueError("unreadable court record")
        return real_extract(doc, parsed)

    monkeypatch.setattr(annotate_mod, "annotate", lambda docs, config: Parses(docs, config))
    monkeypatch.setattr(extract_pkg, "extract_document", fails_on_third)
    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(_STORIES * 4)]
    with pytest.raises(ValueError, match="unreadable court record"):
        extract_documents(docs, config=DEFAULT_CONFIG.with_(spacy_batch_size=1))
    assert closed == [True]  # a caller that retries one by one never parses beside a live background parse
    assert not _workers()


def test_an_error_while_closing_the_source_still_reaches_the_consumer():
    class Ledger:
        """An iterator whose clean-up fails."""

        def __init__(self):
            self.items = iter(["first quarter", "second quarter"])

        def __iter__(self):
            return self

        def __next__(self):
            return next(self.items)

        def close(self):
            raise OSError("ledger file vanished")

    got = []
    with pytest.raises(OSError, match="ledger file vanished"):
        got.extend(in_background(Ledger))
    assert got == ["first quarter", "second quarter"]
    assert not _workers()
