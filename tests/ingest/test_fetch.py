"""URLs against a real HTTP server on 127.0.0.1: pages, refusals and failures."""
from __future__ import annotations

import http.server
import socket

from newssift.config import DEFAULT_CONFIG
from newssift.ingest import ingest

ARTICLE = b"""<!doctype html><html><head><meta charset="utf-8">
<title>Lighthouse keeper retires after 40 years - Shore Times</title>
<meta property="og:site_name" content="Shore Times">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/local">Local</a></nav>
<article><h1>Lighthouse keeper retires after 40 years</h1>
<p>The last keeper of the Grey Point lighthouse retired on Thursday after four decades of tending the lamp, the harbour trust said.</p>
<p>Elsa Marten, 66, said she would miss the storms most of all. "You never sleep through a good gale," she told the Shore Times.</p>
<blockquote class="twitter-tweet"><p lang="en">Forty years of keeping us safe. Thank you, Elsa! #GreyPoint pic.twitter.com/aB3dE5fG7h</p>&mdash; Harbour Trust (@HarbourTrust) <a href="https://twitter.com/x">May 2, 2024</a></blockquote>
<p>The lighthouse has been automated and will be monitored from the trust's office in the town, a spokesman added.</p>
</article><footer>Shore Times 2024</footer></body></html>"""
PLAIN = b"The market hall will open on Sundays from June, the council said on Tuesday, after traders asked for longer hours.\n"


def _ingest_from(handler, path: str, config):
    """Ingest one URL served by ``handler`` on 127.0.0.1; the server is stopped afterwards."""
    import http.server
    import threading

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        return ingest([f"http://127.0.0.1:{srv.server_address[1]}{path}"], config=config)
    finally:
        if getattr(handler, "stop", None) is not None:
            handler.stop.set()  # a handler that streams until told to stop
        srv.shutdown()
        srv.server_close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_html_url_is_fetched_with_metadata_and_embed(http_server):
    http_server.routes["/news/keeper"] = (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE)
    url = http_server.base + "/news/keeper"
    res = ingest([url])
    assert not res.problems
    (doc,) = res.documents
    assert doc.source_format == "url" and doc.url == url
    assert doc.id == "127-0-0-1-" + str(http_server.server_address[1]) + "-news-keeper"
    assert doc.title == "Lighthouse keeper retires after 40 years"
    assert doc.outlet == "Shore Times" and doc.published == "2024-05-02"
    assert "four decades" in doc.text and "monitored from the trust's office" in doc.text
    assert "pic.twitter.com" not in doc.text and "Thank you, Elsa" not in doc.text
    assert len(doc.embeds) == 1 and "@HarbourTrust" in doc.embeds[0] and "Thank you, Elsa!" in doc.embeds[0]
    assert http_server.agents == [DEFAULT_CONFIG.user_agent]


def test_non_html_url_is_refused_and_good_ones_still_come_out(http_server):
    http_server.routes["/photo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n....")
    http_server.routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ...")
    http_server.routes["/ok"] = (200, {"Content-Type": "text/html"}, ARTICLE)
    http_server.routes["/plain"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN)
    b = http_server.base
    res = ingest([b + "/photo.png", b + "/report.pdf", b + "/ok", b + "/plain"])
    assert [(p.code, p.message) for p in res.problems] == [
        ("unsupported", "not an HTML page (content type image/png)"),
        ("unsupported", "not an HTML page (content type application/pdf)"),
    ]
    assert {d.source_format for d in res.documents} == {"url"}
    assert any("market hall" in d.text for d in res.documents)
    assert any("four decades" in d.text for d in res.documents)


def test_unreachable_url_and_http_errors(http_server):
    http_server.routes["/ok"] = (200, {"Content-Type": "text/html"}, ARTICLE)
    dead = f"http://127.0.0.1:{_free_port()}/story"
    cfg = DEFAULT_CONFIG.with_(connect_timeout=2.0, read_timeout=2.0)
    res = ingest([dead, http_server.base + "/gone", http_server.base + "/ok"], config=cfg)
    assert [p.code for p in res.problems] == ["fetch", "fetch"]
    assert res.problems[0].source == dead and res.problems[0].message.startswith("could not connect")
    assert res.problems[1].message == "server answered HTTP 404 Not Found"
    assert all("\n" not in p.message for p in res.problems)
    assert len(res.documents) == 1


def test_redirect_loop_and_size_cap(http_server):
    b = http_server.base
    http_server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    http_server.routes["/hop"] = (301, {"Location": "/ok"}, b"")
    http_server.routes["/ok"] = (200, {"Content-Type": "text/html"}, ARTICLE)
    http_server.routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>")
    cfg = DEFAULT_CONFIG.with_(max_redirects=3, max_input_bytes=20_000)
    res = ingest([b + "/loop", b + "/big", b + "/hop"], config=cfg)
    assert [(p.code, p.message) for p in res.problems] == [
        ("fetch", "more than 3 redirects"),
        ("too_large", "page is 50,007 bytes, over the 20,000-byte limit"),
    ]
    (doc,) = res.documents
    assert doc.url == b + "/ok" and "four decades" in doc.text


class _Chunked(http.server.BaseHTTPRequestHandler):
    """A page sent in chunks with no Content-Length; subclasses say which chunks."""

    protocol_version = "HTTP/1.1"
    stop = None

    def chunks(self):
        return iter(())

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in self.chunks():
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client gave up: that is what the tests want

    def log_message(self, *a):
        pass


def test_streamed_body_over_cap_is_cut_off():
    """A server that sends no Content-Length: the download is stopped by counting bytes."""

    class Chunky(_Chunked):
        def chunks(self):
            return (b"<p>" + b"z" * 1000 + b"</p>" for _ in range(50))

    res = _ingest_from(Chunky, "/endless", DEFAULT_CONFIG.with_(max_input_bytes=10_000))
    assert [(p.code, p.message) for p in res.problems] == [("too_large", "page is over the 10,000-byte limit; download stopped")]
    assert not res.documents


def test_a_server_trickling_bytes_is_stopped_at_the_overall_deadline():
    """One byte every 0.2 s never trips the per-chunk read timeout; the whole-download deadline stops it."""
    import threading
    import time

    class Trickle(_Chunked):
        stop = threading.Event()

        def chunks(self):
            while not self.stop.is_set():
                yield b"x"
                time.sleep(0.2)

    res = _ingest_from(Trickle, "/slow", DEFAULT_CONFIG.with_(fetch_deadline_s=1.0))
    assert [p.code for p in res.problems] == ["fetch"]
    assert res.problems[0].message.startswith("took over 1 s in all; download stopped")
    assert not res.documents


def test_a_symbolic_link_loop_in_a_folder_is_one_problem_and_the_rest_is_read(tmp_path):
    import os

    (tmp_path / "budget.txt").write_text(PLAIN.decode(), encoding="utf-8")
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    res = ingest([str(tmp_path)])
    assert [d.id for d in res.documents] == ["budget"]
    assert res.problems and all("symbolic link" in p.message for p in res.problems)
