"""The JSON API and the safety guards, over HTTP against a real server."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import jsonschema
import pytest

from newssift.config import DEFAULT_CONFIG

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "contracts" / "report.schema.json"
#: The required fields of report schema 1, used when the shared contract is not beside this checkout.
MINIMAL_SCHEMA = {
    "type": "object",
    "required": ["schema_version", "documents", "entities", "claims", "facts", "flags"],
    "properties": {
        "schema_version": {"const": "1"},
        "documents": {"type": "array", "items": {"type": "object", "required": ["id", "text"]}},
        "claims": {"type": "array", "items": {"type": "object",
                   "required": ["id", "doc", "start", "end", "text", "speaker", "kind", "quantities"]}},
        "facts": {"type": "array", "items": {"type": "object", "required": ["id", "claims", "status", "origins"]}},
        "flags": {"type": "array", "items": {"type": "object", "required": ["kind", "doc", "text", "explanation"]}},
    },
}

TEXTS = [
    ("The port authority said on Monday that 12 container ships were waiting outside the harbour after the strike began.\n"
     "Dock workers walked out over pay, union leader Ana Ruiz said."),
    ("Twelve ships were stuck at anchor on Monday, the port authority said.\n"
     "About 900 dock workers joined the strike, according to the union."),
]


def _schema() -> dict:
    return json.loads(SCHEMA.read_text()) if SCHEMA.is_file() else MINIMAL_SCHEMA


@pytest.mark.slow
def test_texts_to_stories_to_report_json_matching_the_schema(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=120) as c:
        r = c.post("/api/texts", json={"texts": TEXTS})
        assert r.status_code == 200, r.text
        out = r.json()
        assert len(out["added"]) == 2 and out["stories"]
        stories = c.get("/api/stories").json()
        story = next(s for s in stories if set(out["added"]) <= set(s["docs"]))
        report = c.get(f"/api/stories/{story['id']}/report").json()
        jsonschema.validate(report, _schema())
        assert {d["id"] for d in report["documents"]} >= set(out["added"])
        jsonschema.validate(c.get("/api/report").json(), _schema())
        html = c.get(f"/stories/{story['id']}/report.html")
        assert html.headers["content-disposition"].startswith("attachment;")
        assert "Content-Security-Policy" in html.text and "<svg" in html.text or "No figures" in html.text
        import io
        import zipfile

        zipped = zipfile.ZipFile(io.BytesIO(c.get(f"/stories/{story['id']}/csv.zip").content))
        assert "figures.csv" in zipped.namelist()
        assert c.get("/report/csv.zip").status_code == 200
        again = c.post("/api/texts", json={"texts": TEXTS[:1], "analyze": False}).json()
        assert again["added"] == [] and len(again["duplicates"]) == 1


def test_openapi_is_served_and_lists_the_api(server):
    base, _ = server
    spec = httpx.get(base + "/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story}/report", "/api/documents", "/api/texts", "/api/analyze"} <= set(spec["paths"])
    page = httpx.get(base + "/docs").text
    assert "cdn" not in page.lower() and "<script" not in page
    # /docs describes the report JSON itself, from the same schema.
    assert 'id="report-schema"' in page and 'id="schema-Claim"' in page and "list of Claim" in page


def test_unknown_story_is_404(server):
    base, _ = server
    assert httpx.get(base + "/api/stories/no-such-story/report").status_code in (404,)


def test_cross_site_posts_are_refused(server):
    base, _ = server
    r = httpx.post(base + "/api/texts", json={"texts": ["x"]}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = httpx.post(base + "/analyze", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = httpx.post(base + "/api/texts", json={"texts": ["x"]}, headers={"Origin": "null"})
    assert r.status_code == 403
    r = httpx.post(base + "/api/texts", json={"texts": ["x"]}, headers={"Origin": base.replace("127.0.0.1", "127.0.0.1:1")})
    assert r.status_code == 403


def test_foreign_host_header_is_refused(server):
    base, _ = server
    assert httpx.get(base + "/", headers={"Host": "attacker.example"}).status_code == 400


def test_pages_carry_a_strict_csp(server):
    base, _ = server
    r = httpx.get(base + "/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_uploads_over_the_limit_are_refused(tmp_path, serve_app):
    from newssift.web.app import create_app

    small = DEFAULT_CONFIG.with_(max_input_bytes=1000)
    base, stop = serve_app(create_app(str(tmp_path / "s.db"), config=small))
    try:
        r = httpx.post(base + "/api/documents", files={"files": ("big.txt", b"word " * 1000, "text/plain")})
        assert r.status_code == 413
        r = httpx.post(base + "/api/documents", files={"files": ("ok.txt", b"x" * 900, "text/plain")},
                       data={"analyze": "false"})
        assert r.status_code == 200
        assert "big" not in " ".join(p.name for p in tmp_path.iterdir())
    finally:
        stop()


def test_page_errors_are_pages_and_api_errors_are_json(server):
    base, _ = server
    r = httpx.get(base + "/stories/no-such-story")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and ("no story" in r.text or "nothing analysed" in r.text)
    r = httpx.post(base + "/add/text", data={"name": "x"})
    assert r.status_code == 422 and "text" in r.text and r.headers["content-type"].startswith("text/html")
    r = httpx.post(base + "/api/texts", json={"texts": []})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")


def test_only_http_urls_are_fetched(server):
    base, _ = server
    for bad in ("file:///etc/passwd", "ftp://example.org/x", "/etc/passwd"):
        r = httpx.post(base + "/api/urls", json={"urls": [bad]})
        assert r.status_code == 422, bad


def test_newssift_serve_command_runs_a_loopback_server(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newssift", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json() == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)
