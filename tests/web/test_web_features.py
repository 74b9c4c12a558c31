"""Search, permalinks, document pages, background jobs, the report schema in OpenAPI, and the story page cache."""
from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from newssift.models import Document

COURT = ("A judge in Marlow sentenced the former harbour master to three years on Tuesday.\n"
         "Prosecutor Dana Kell said the bribes totalled 90,000 dollars, according to court papers.")
COURT_2 = ("The former harbour master of Marlow was jailed for three years on Tuesday, the court said.\n"
           "The bribes came to 90,000 dollars, prosecutor Dana Kell told the court.")
SPORT = ("The Ferry Rovers won the county cup 3-1 on Saturday.\n"
         "Coach Ilse Brand said her players had trained on a flooded pitch all week.")


def test_api_search_with_filters_and_a_bad_date(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        c.post("/api/texts", json={"texts": [SPORT], "analyze": False})
        found = c.get("/api/search", params={"q": "flooded pitches"}).json()  # stemmed: pitch, flood
        assert [d["snippet"] for d in found["documents"]] and "\x02" in found["documents"][0]["snippet"]
        assert c.get("/api/search", params={"q": "rovers", "outlet": "No Such Outlet"}).json()["total_documents"] == 0
        assert c.get("/api/search", params={"q": "rovers", "from": "31/12/2024"}).status_code == 422
        page = c.get("/search", params={"q": "rovers"})
        assert page.status_code == 200 and "<mark>Rovers</mark>" in page.text
        assert "script-src 'none'" in page.headers["content-security-policy"]


def test_paste_form_keeps_outlet_url_and_date(server, finish_job):
    base, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        r = c.post("/add/text", data={"text": "The mill reopened on Monday after the fire, its owner said.",
                                      "outlet": "Valley Courier", "url": "https://courier.example/mill",
                                      "published": "2025-02-03"})
        job = finish_job(base, r.headers["location"])
        doc = c.get(f"/api/documents/{job['result']['added'][0]}").json()
        assert (doc["outlet"], doc["url"], doc["published"]) == ("Valley Courier", "https://courier.example/mill", "2025-02-03")
        bad = c.post("/add/text", data={"text": "x", "published": "yesterday"})
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text
        bad = c.post("/add/text", data={"text": "x", "url": "javascript:alert(1)"})
        assert bad.status_code == 422


def test_background_job_reports_progress_then_result(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        r = c.post("/api/texts", json={"texts": ["The bakery on Quay Street closed on Friday, its owner said."],
                                       "analyze": False, "background": True})
        assert r.status_code == 202 and r.headers["location"].startswith("/api/jobs/")
        job = r.json()
        assert job["state"] in ("queued", "running", "done")
        while job["state"] not in ("done", "failed"):
            job = c.get(r.headers["location"]).json()
        assert job["state"] == "done" and len(job["result"]["added"]) == 1
        page = c.get(r.headers["location"].replace("/api", ""))
        assert "Added 1 document" in page.text and 'http-equiv="refresh"' not in page.text
        assert c.get("/api/jobs/nope").status_code == 404


def test_running_job_page_refreshes_itself_without_script(tmp_path, serve_app):
    from newssift.web.app import create_app

    app = create_app(str(tmp_path / "s.db"))
    gate = threading.Event()
    job = app.state.web.jobs.submit("wait", lambda progress: (progress("reading the articles", 2, 5), gate.wait(30),
                                                            ("Done.", {}))[-1])
    base, stop = serve_app(app)
    try:
        deadline = time.monotonic() + 30
        while app.state.web.jobs.get(job.id).done != 2:  # the job has started and reported its progress
            assert time.monotonic() < deadline, app.state.web.jobs.get(job.id)
            time.sleep(0.01)
        page = httpx.get(f"{base}/jobs/{job.id}")
        assert '<meta http-equiv="refresh" content="1">' in page.text and "2 of 5" in page.text
        assert "<script" not in page.text and "script-src 'none'" in page.headers["content-security-policy"]
    finally:
        gate.set()
        stop()


def test_openapi_carries_the_report_schema_generated_from_the_models(server):
    import jsonschema

    from newssift.report.json import report_to_dict
    from newssift.web.report_schema import report_json_schema

    base, _ = server
    spec = httpx.get(base + "/openapi.json").json()
    report = spec["components"]["schemas"]["Report"]
    assert {"schema_version", "documents", "claims", "facts", "flags"} <= set(report["required"])
    assert {"Claim", "Document", "Fact", "Flag", "Quantity"} <= set(spec["components"]["schemas"])
    ok = spec["paths"]["/api/stories/{story}/report"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/Report"}
    # The schema fits what the API sends, and refuses what it must not.
    import json

    doc = Document(id="d1", text="The dam held, engineers said.")
    data = json.loads(json.dumps(report_to_dict(__import__("newssift").models.Report(documents=(doc,)))))
    jsonschema.validate(data, report_json_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "schema_version": "2"}, report_json_schema())


@pytest.mark.slow
def test_permalinks_survive_reanalysis_and_document_pages(server, finish_job):
    base, _ = server
    with httpx.Client(base_url=base, timeout=300) as c:
        out = c.post("/api/texts", json={"texts": [COURT, COURT_2]}).json()
        court_docs = set(out["added"])
        story = next(s for s in c.get("/api/stories").json() if court_docs <= set(s["docs"]))
        key = story["key"]
        assert key.startswith("st-") and c.get(f"/s/{key}").status_code == 200
        # Another story arrives and the store is analysed again: ids may be renumbered, the key is not.
        c.post("/api/texts", json={"texts": [SPORT + " The cup final drew 4,000 fans, the club said."]})
        again = next(s for s in c.get("/api/stories").json() if court_docs <= set(s["docs"]))
        assert again["key"] == key
        report = c.get(f"/api/stories/{key}/report").json()
        assert court_docs <= {d["id"] for d in report["documents"]}
        assert c.get(f"/stories/{again['id']}").headers["location"] == f"/s/{key}"
        doc_id = min(court_docs)
        page = c.get(f"/documents/{doc_id}")
        assert page.status_code == 200 and f"/s/{key}" in page.text and "Remove this document" in page.text
        claims = c.get("/api/search", params={"q": "bribes"}).json()
        assert {h["doc"] for h in claims["claims"]} <= court_docs and claims["total_claims"] >= 1
        assert c.post(f"/documents/{doc_id}/delete", headers={"Origin": base}).status_code == 303
        assert c.get(f"/documents/{doc_id}").status_code == 404


def test_story_pages_are_cached_paginated_and_relinked(tmp_path, serve_app, monkeypatch):
    from synthetic_story import fill_story

    from newssift.web import story_view

    monkeypatch.setattr(story_view, "PER_PAGE", 2)
    from newssift.web.app import create_app

    db = tmp_path / "s.db"
    key = fill_story(str(db), 5)
    app = create_app(str(db))
    base, stop = serve_app(app)
    try:
        first = httpx.get(f"{base}/s/{key}")
        assert first.status_code == 200 and first.text.count('<article class="card doc"') == 2
        assert 'href="?page=3#doc-4"' in first.text  # a link to the fifth article points at its page
        assert "Articles 1–2 of 5" in first.text and 'Reports <span class="count">5</span>' in first.text
        third = httpx.get(f"{base}/s/{key}", params={"page": 3})
        assert third.text.count('<article class="card doc"') == 1 and 'id="doc-4"' in third.text
        builds = app.state.web.pages.builds
        for _ in range(3):
            assert httpx.get(f"{base}/s/{key}").text == first.text
        assert app.state.web.pages.builds == builds  # served from the cache
    finally:
        stop()


def test_a_build_nobody_waits_for_is_stopped():
    from newssift.web.cache import Cancelled, PageCache

    cache = PageCache()
    saw_stop = threading.Event()

    def build(stop):
        if not stop.wait(10):
            return b"too late"
        saw_stop.set()
        raise Cancelled

    async def gone():
        return True

    async def main():
        got = await cache.get("k", build, gone)
        await asyncio.get_running_loop().run_in_executor(None, saw_stop.wait, 10)
        await asyncio.sleep(0.05)
        return got

    assert asyncio.run(main()) is None
    assert saw_stop.is_set() and cache.cancelled == 1 and cache.cached("k") is None


@pytest.mark.postgres
def test_search_and_story_pages_over_postgresql(serve_app):
    from pg import PgUnavailable, start_temp_server
    from synthetic_story import fill_story

    from newssift.web.app import create_app

    try:
        server = start_temp_server()
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    try:
        url = server.create_database()
        key = fill_story(url, 8, claims_per_doc=3)
        base, stop = serve_app(create_app(url))
        try:
            found = httpx.get(f"{base}/api/search", params={"q": "flooded families", "outlet": "Outlet 2"}).json()
            assert found["total_documents"] == 1 and found["documents"][0]["outlet"] == "Outlet 2"
            assert "\x02" in found["documents"][0]["snippet"] and found["total_claims"] >= 1
            assert httpx.get(f"{base}/s/{key}").status_code == 200
            assert httpx.get(f"{base}/search", params={"q": "bridge"}).status_code == 200
        finally:
            stop()
    finally:
        server.stop()
