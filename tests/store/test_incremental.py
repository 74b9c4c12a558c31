"""The store analyses incrementally and gives the same report as a direct run (real pipeline, real databases)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from newssift.cli import main
from newssift.models import Document
from newssift.pipeline import extract_inputs
from newssift.report.json import report_to_dict
from newssift.store import PENDING_STORY, Store, schema

pytestmark = pytest.mark.slow

# Run facts that legitimately differ between two runs of the same analysis.
RUN_META = "meta"

SIXTH = (
    "Rescue teams reached the flooded valley on Sunday, the regional governor said.\n"
    "\"We have evacuated 312 people and expect to move at least 150 more,\" Governor Lena Hart told a news conference.\n"
    "According to the national weather service, rainfall over the weekend was the heaviest in forty years.\n"
)


def _comparable(report) -> dict:
    d = report_to_dict(report)
    d.pop(RUN_META)
    return d


def test_add_analyze_show_equals_direct_analyze(store_url, shared_corpus, tmp_path, capsys):
    direct = tmp_path / "direct.json"
    assert main(["analyze", str(shared_corpus), "--json", str(direct), "--quiet"]) == 0
    assert main(["add", str(shared_corpus), "--db", store_url, "--quiet"]) == 0
    assert main(["analyze", "--db", store_url, "--quiet"]) == 0
    with Store.open(store_url, create=False) as store:
        stories = store.stories()
    assert stories and all(s.analysed_at for s in stories)
    shown = {}
    for s in stories:
        out = tmp_path / f"show-{s.id}.json"
        assert main(["show", s.id, "--db", store_url, "--json", str(out)]) == 0
        shown[s.id] = json.loads(out.read_text())
    exported = tmp_path / "export.json"
    assert main(["export", "--db", store_url, "--json", str(exported)]) == 0
    want = json.loads(direct.read_text())
    got = json.loads(exported.read_text())
    for d in (want, got, *shown.values()):
        d.pop(RUN_META)
    assert got == want
    if len(stories) == 1:
        assert shown[stories[0].id] == want
    else:  # each story's view holds its own documents and nothing else
        for sid, view in shown.items():
            assert {d["id"] for d in view["documents"]} == set(next(s.docs for s in stories if s.id == sid))


def test_adding_a_sixth_article_reextracts_only_it(store_url, shared_corpus, tmp_path):
    five = extract_inputs([str(shared_corpus)]).documents
    assert len(five) == 5
    sixth_file = tmp_path / "valley-flood.txt"
    sixth_file.write_text(SIXTH, encoding="utf-8")
    sixth = extract_inputs([str(sixth_file)]).documents
    with Store.open(store_url) as store:
        store.add_documents(five)
        first = store.analyze()
        assert (first.reused, first.extracted) == (0, 5)
        added = store.add_documents(sixth)
        assert len(added.added) == 1
        assert [s.id for s in store.stories()][-1] == PENDING_STORY
        second = store.analyze()
        assert (second.reused, second.extracted) == (5, 1)
        assert {d.id for d in second.report.documents} == {d.id for d in five} | set(added.added)
        assert dict(second.report.meta)["reused_extractions"] == "5"
        # Nothing new: everything is reused and the report is the same.
        third = store.analyze()
        assert (third.reused, third.extracted) == (6, 0)
        assert _comparable(third.report) == _comparable(second.report)
        assert _comparable(store.report()) == _comparable(second.report)


def test_extraction_from_another_newssift_version_is_redone(store_url, tmp_path):
    docs = [Document(id=f"n{i}", text=SIXTH.replace("312", str(300 + i)), content_hash="") for i in range(3)]
    with Store.open(store_url) as store:
        store.add_documents(docs)
        assert store.analyze().extracted == 3
        with store.engine.begin() as conn:
            conn.execute(update(schema.extractions).where(schema.extractions.c.xdoc == "n1").values(newssift_version="0.0.0"))
        again = store.analyze()
        assert (again.reused, again.extracted) == (2, 1)


def test_story_scoped_analysis_keeps_the_story_id(store_url, tmp_path):
    docs = [Document(id=f"v{i}", text=SIXTH.replace("312", str(400 + i)), content_hash="") for i in range(2)]
    with Store.open(store_url) as store:
        store.add_documents(docs)
        whole = store.analyze()
        sid = whole.report.stories[0].id
        scoped = store.analyze(story=sid)
        assert scoped.reused == len(store.stories()[0].docs) and scoped.extracted == 0
        assert sid in [s.id for s in scoped.report.stories]
        assert {d.id for d in store.report(sid).documents} <= {"v0", "v1"}
