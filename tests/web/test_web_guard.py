"""The guard around the web app: streamed body cap, the paste form's cap, Host check on any loopback address,
security headers on every response, and removing a document (one that fails analysis included)."""
from __future__ import annotations

import select
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

import httpx
import pytest

from newssift.config import DEFAULT_CONFIG

HEADERS = ("x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy")
STORY = ("The harbour board said on Tuesday that 8 cranes were idle after the storm. "
         "Dock manager Ines Vale told reporters repairs would take a week.")


def _chunked_post(base: str, path: str, total: int, chunk: int = 64 * 1024) -> tuple[bytes, int]:
    """POST a chunked JSON body of up to ``total`` bytes; stop once the server answers. (response, bytes sent)."""
    u = urlsplit(base)
    sock = socket.create_connection((u.hostname, u.port), timeout=30)
    sent = 0
    reply = b""
    try:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: {u.netloc}\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        piece = b'{"texts": ["' if sent == 0 else b""
        body = piece + b"a" * (chunk - len(piece))
        while sent < total:
            ready, _, _ = select.select([sock], [], [], 0)
            if ready:
                break
            try:
                sock.sendall(f"{len(body):x}\r\n".encode() + body + b"\r\n")
            except OSError:
                break
            sent += len(body)
            body = b"a" * chunk
        sock.settimeout(30)
        while not reply.endswith(b"}"):
            try:
                data = sock.recv(65536)
            except OSError:
                break
            if not data:
                break
            reply += data
    finally:
        sock.close()
    return reply, sent


def test_a_200_mb_chunked_body_is_refused_while_it_streams(tmp_path, serve_app):
    from newssift.web.app import create_app, max_request_bytes

    small = DEFAULT_CONFIG.with_(max_input_bytes=100_000)
    base, stop = serve_app(create_app(str(tmp_path / "s.db"), config=small))
    try:
        reply, sent = _chunked_post(base, "/api/texts", 200 * 1024 * 1024)
    finally:
        stop()
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    # Refused near the cap, not after the whole body was read.
    assert sent < 20 * max_request_bytes(small), sent


def test_the_paste_form_takes_what_the_page_advertises(server, finish_job):
    base, _ = server
    # 2 MB of prose: more than Starlette's default 1 MB per form field, less than the advertised 20 MB.
    text = "\n\n".join(f"{STORY} Paragraph {i} adds that berth {i} stayed closed." for i in range(12_000))
    assert 1024 * 1024 < len(text.encode()) < DEFAULT_CONFIG.max_input_bytes
    r = httpx.post(base + "/add/text", data={"text": text, "name": "long-paste"}, timeout=120)
    assert r.status_code == 303, r.text[:300]
    assert r.headers["location"].startswith("/jobs/")
    job = finish_job(base, r.headers["location"])
    assert job["state"] == "done" and job["message"].startswith("Added 1 document"), job


def test_the_host_check_holds_on_every_loopback_address(tmp_path):
    from newssift.web.guard import allowed_hosts_for

    assert allowed_hosts_for("127.0.0.2") is not None and allowed_hosts_for("::1") is not None
    assert allowed_hosts_for("0.0.0.0") is None
    with socket.socket() as s:
        s.bind(("127.0.0.2", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newssift", "serve", "--db", str(tmp_path / "s.db"),
                             "--host", "127.0.0.2", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.2:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                ok = httpx.get(base + "/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert ok.status_code == 200
        bad = httpx.get(base + "/api/stories", headers={"Host": "rebound.attacker.example"})
        assert bad.status_code == 400
        assert all(h in bad.headers for h in HEADERS)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_security_headers_on_errors_too(tmp_path, serve_app):
    from newssift.web.app import create_app

    app = create_app(str(tmp_path / "s.db"))

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("broken on purpose")

    @app.get("/boom")
    def boom_page():
        raise RuntimeError("broken on purpose")

    base, stop = serve_app(app)
    try:
        answers = [
            httpx.get(base + "/api/boom"),
            httpx.get(base + "/boom"),
            httpx.get(base + "/", headers={"Host": "attacker.example"}),
            httpx.post(base + "/api/texts", json={"texts": ["x"]}, headers={"Origin": "https://evil.example"}),
            httpx.get(base + "/api/stories/none/report"),
            httpx.get(base + "/api/stories"),
        ]
    finally:
        stop()
    assert [r.status_code for r in answers] == [500, 500, 400, 403, 404, 200]
    for r in answers:
        assert all(h in r.headers for h in HEADERS), (r.status_code, dict(r.headers))
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "broken on purpose" not in answers[0].text + answers[1].text


def test_delete_needs_the_same_site_and_removes_the_document(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=60) as c:
        added = c.post("/api/texts", json={"texts": [STORY + " Delete me."], "analyze": False}).json()["added"]
        doc = added[0]
        assert doc in c.get("/documents").text
        refused = c.post(f"/documents/{doc}/delete", headers={"Origin": "https://evil.example"})
        assert refused.status_code == 403
        assert c.delete(f"/api/documents/{doc}", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
        r = c.post(f"/documents/{doc}/delete", headers={"Origin": base})
        assert r.status_code == 303 and "Removed" in r.headers["location"]
        assert doc not in c.get("/documents").text
        assert c.delete(f"/api/documents/{doc}").status_code == 404


@pytest.mark.slow
def test_a_document_that_fails_analysis_does_not_block_the_app(tmp_path, serve_app, monkeypatch):
    from newssift import pipeline
    from newssift.web.app import create_app

    real = pipeline.extract_documents

    def extract(documents, config=DEFAULT_CONFIG, progress=None):
        if any("POISON" in d.text for d in documents):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
        return real(documents, config=config, progress=progress)

    monkeypatch.setattr(pipeline, "extract_documents", extract)
    base, stop = serve_app(create_app(str(tmp_path / "s.db")))
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            r = c.post("/api/texts", json={"texts": [STORY, "POISON. The council said nothing on Friday."]})
            assert r.status_code == 200, r.text
            ids = {s["id"]: s["docs"] for s in r.json()["stories"]}
            assert "failed" in ids and len(ids["failed"]) == 1
            home = c.get("/")
            assert home.status_code == 200 and "could not be analysed" in home.text and "/documents" in home.text
            assert c.get("/stories/failed").status_code == 200
            assert c.post("/api/analyze").status_code == 200
            assert c.delete(f"/api/documents/{ids['failed'][0]}").status_code == 200
            assert "failed" not in {s["id"] for s in c.get("/api/stories").json()}
    finally:
        stop()
