"""Inputs of every kind: globs, recursion, stdin, records, WARC, feeds and the --meta sidecar."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from newssift.ingest import ingest

P1 = "The regional airport will add three new routes this summer, its operator said on Monday, including a daily flight to the coast."
P2 = "Passenger numbers rose by a fifth last year, according to figures published by the aviation authority in January."
P3 = "A new bus link between the airport and the town centre is due to open in May, the transport department confirmed."
HTML = f"""<html><head><title>Airport Adds Routes</title><meta property="og:site_name" content="Valley Post"></head>
<body><article><h1>Airport adds routes</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"""


def test_directory_recursion_globs_and_ids(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(P1 + "\n\n" + P2, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.html").write_text(HTML.replace(P1, P3 + " Extra words here."), encoding="utf-8")
    (tmp_path / "a" / "b" / "skip.csv").write_text("x", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "one.txt").write_text(P3 + "\n\n" + P2 + " Also more.", encoding="utf-8")
    res = ingest([str(tmp_path / "a"), str(tmp_path / "c" / "*.txt")])
    assert not res.problems
    # Same stem in two folders: the second gets a suffix, so ids stay unique.
    assert [d.id for d in res.documents] == ["one", "two", "one-2"]
    assert [d.source_format for d in res.documents] == ["text", "html", "text"]
    # A file named twice is read once.
    again = ingest([str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "**" / "*.txt")])
    assert len(again.documents) == 1 and not again.duplicates


def test_stdin_dash(tmp_path):
    from pathlib import Path

    out = tmp_path / "r.json"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-m", "newssift", "extract", "-", "--json", str(out)],
        input=(P1 + "\n\n" + P2).encode(), capture_output=True, cwd=root, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (doc,) = json.loads(out.read_text())["documents"]
    assert doc["id"] == "stdin" and doc["text"] == P1 + "\n\n" + P2


def test_json_and_jsonl_records(tmp_path):
    recs = tmp_path / "batch.jsonl"
    recs.write_text(
        "\n".join([
            json.dumps({"id": "r1", "text": P1 + "\n" + P2, "outlet": "Valley Post", "title": "Routes", "published": "2024-03-04"}),
            "{not json",
            json.dumps({"url": "https://valleypost.example/news/airport-bus", "html": HTML}),
            json.dumps({"title": "no body"}),
        ]),
        encoding="utf-8",
    )
    arr = tmp_path / "list.json"
    arr.write_text(json.dumps({"articles": [{"text": P3 + " " + P2, "author": "J. Doe"}]}), encoding="utf-8")
    res = ingest([str(recs), str(arr)])
    assert [(p.source.split("/")[-1], p.code) for p in res.problems] == [("batch.jsonl:2", "parse"), ("batch.jsonl:4", "parse")]
    assert res.problems[1].message == "record has no 'text', 'content', 'maintext' or 'html'"
    ids = [d.id for d in res.documents]
    assert ids == ["r1", "valleypost-example-news-airport-bus", "list-1"]
    r1, web, lst = res.documents
    assert (r1.outlet, r1.title, r1.published, r1.source_format) == ("Valley Post", "Routes", "2024-03-04", "record")
    assert r1.text == P1 + "\n" + P2
    assert web.url == "https://valleypost.example/news/airport-bus" and web.title == "Airport adds routes" and P2 in web.text
    assert lst.author == "J. Doe"


def test_warc_archive(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in [
            ("https://valleypost.example/airport", HTML.encode(), "text/html; charset=utf-8"),
            ("https://valleypost.example/logo.png", b"\x89PNG....", "image/png"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    (tmp_path / "broken.warc").write_bytes(b"this is not a warc file at all\n")
    res = ingest([str(path), str(tmp_path / "broken.warc")])
    (doc,) = res.documents
    assert doc.id == "valleypost-example-airport" and doc.source_format == "warc" and doc.url == "https://valleypost.example/airport"
    assert P1 in doc.text and doc.outlet == "Valley Post"
    assert [p.code for p in res.problems] == ["parse"]


def test_rss_feed_items_are_fetched(tmp_path, http_server):
    b = http_server.base
    http_server.routes["/airport"] = (200, {"Content-Type": "text/html"}, HTML.encode())
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Airport adds routes</title><link>{b}/airport</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Gone story</title><link>{b}/gone</link></item>
</channel></rss>"""
    http_server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed.encode())
    (tmp_path / "local.rss").write_text(feed, encoding="utf-8")
    res = ingest([b + "/feed.xml"])
    (doc,) = res.documents
    assert doc.source_format == "feed" and doc.outlet == "Valley Post" and doc.published == "2024-03-04T09:00:00Z"
    assert P3 in doc.text
    assert [(p.source, p.code) for p in res.problems] == [(b + "/gone", "fetch")]
    # The same feed as a local file gives the same article (and the copy is a duplicate).
    both = ingest([b + "/feed.xml", str(tmp_path / "local.rss")])
    assert len(both.documents) == 1 and len(both.duplicates) == 1


def test_meta_sidecar_fills_missing_fields(tmp_path):
    (tmp_path / "story-a.txt").write_text(P1 + "\n\n" + P2, encoding="utf-8")
    (tmp_path / "story-b.html").write_text(HTML.replace(P1, P3 + " And one more."), encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "id,url,outlet,title,published\n"
        "story-a,https://example.org/a,Example Daily,Airport grows,2024-02-01\n"
        "story-b,https://example.org/b,Other Name,Other title,2024-02-02\n",
        encoding="utf-8",
    )
    res = ingest([str(tmp_path / "story-a.txt"), str(tmp_path / "story-b.html")], meta=meta)
    a, b = res.documents
    assert (a.url, a.outlet, a.title, a.published) == ("https://example.org/a", "Example Daily", "Airport grows", "2024-02-01")
    # What the page says for itself wins; the sidecar only fills gaps.
    assert (b.outlet, b.title, b.url) == ("Valley Post", "Airport adds routes", "https://example.org/b")
    js = tmp_path / "meta.json"
    js.write_text(json.dumps({"story-a": {"outlet": "From JSON"}}), encoding="utf-8")
    assert ingest([str(tmp_path / "story-a.txt")], meta=js).documents[0].outlet == "From JSON"
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    res = ingest([str(tmp_path / "story-a.txt")], meta=bad)
    assert len(res.documents) == 1 and res.problems[0].code == "parse" and "not valid JSON" in res.problems[0].message


def test_harbour_fire_example_with_meta(examples_dir):
    story = examples_dir / "harbour-fire"
    if not story.is_dir():
        import pytest

        pytest.skip("examples/harbour-fire not present")
    res = ingest([str(story)], meta=story / "meta.csv")
    assert not res.problems and len(res.documents) == len(list(story.glob("*.txt")) + list(story.glob("*.html")))
    for d in res.documents:
        assert d.outlet and d.published and d.title and d.language == "en"
        assert d.title not in d.text
        assert "@" not in d.text and "pic.twitter.com" not in d.text and "Comments" not in d.text
    assert sum(len(d.embeds) for d in res.documents) >= 1


WORKER_CHECK = """
import sys
import newssift.ingest as m
folder = sys.argv[1]
m.PARALLEL_MIN_FILES = 10_000
one = m.ingest([folder])
m.PARALLEL_MIN_FILES = 2
m._workers = lambda: 2  # whatever the machine's load is now
real, used = m._read_in_workers, []
def spy(sources, config):
    out = real(sources, config)
    used.append(out is not None)
    return out
m._read_in_workers = spy
many = m.ingest([folder])
assert used == [True], used  # the worker path really ran
assert many == one
assert len(one.documents) == 12 and len(one.duplicates) == 1 and [p.code for p in one.problems] == ["empty"]
print("same")
"""


def test_worker_processes_give_the_same_result_as_one_process(tmp_path):
    # Run in a fresh interpreter: ingest refuses to fork while other threads
    # run (a lock could be copied held), and the test session has such threads
    # (web servers, model pools) left by other tests.
    import subprocess
    import sys

    for i in range(12):
        body = HTML.replace(P1, f"Story {i}: " + P1)
        (tmp_path / f"p{i:02d}.html").write_text(body, encoding="utf-8")
    (tmp_path / "p99.html").write_text(HTML.replace(P1, "Story 0: " + P1), encoding="utf-8")  # a copy of p00
    (tmp_path / "p98.html").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-c", WORKER_CHECK, str(tmp_path)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "same"


def test_html_file_in_its_declared_charset(tmp_path):
    text = "Мэр города заявил в понедельник, что мост через реку откроют весной после ремонта, который длился два года."
    page = f'<html><head><meta charset="windows-1251"><title>Мост</title></head><body><article><p>{text}</p><p>{text}</p></article></body></html>'
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (doc,) = ingest([str(tmp_path / "ru.html")]).documents
    assert text in doc.text and doc.language == "ru"


def test_html_cuts_are_recorded(tmp_path):
    page = HTML.replace("<body>", "<body><nav><ul><li>Home</li><li>Weather</li></ul></nav>").replace(
        "</article>", "</article><aside><h3>Most read</h3><p>Another story entirely</p></aside>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (doc,) = ingest([str(tmp_path / "p.html")]).documents
    cut = {r.reason: r.text for r in doc.removed}
    assert cut["outside_article"].startswith("Home\nWeather") or "Most read" in cut["outside_article"]
    outside = "\n".join(r.text for r in doc.removed if r.reason == "outside_article")
    for s in ("Home", "Weather", "Most read", "Another story entirely"):
        assert s in outside and s not in doc.text
    assert P1 not in outside


def test_saved_html_page_with_furniture(data_dir):
    (doc,) = ingest([str(data_dir / "tidewater_gazette.html")]).documents
    assert doc.id == "tidewater_gazette" and doc.source_format == "html"
    assert (doc.title, doc.outlet, doc.author, doc.published) == (
        "Ferry operator fined after engine fire forced evacuation", "Tidewater Gazette", "Lena Okafor", "2023-10-05")
    assert doc.text.startswith("A ferry company was fined 180,000 euros")
    assert doc.text.endswith("It has 30 days to appeal.")
    for gone in ("window.__ads", "cookies", "Most read", "Advertisement", "rights reserved", "onclick"):
        assert gone not in doc.text
    outside = "\n".join(r.text for r in doc.removed if r.reason == "outside_article")
    assert "Most read" in outside and "cookies" in outside


def test_gzipped_html_and_html_saved_as_txt(tmp_path):
    import gzip

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "saved.txt").write_text(HTML.replace(P1, P3 + " Saved as text."), encoding="utf-8")
    res = ingest([str(tmp_path / "page.html.gz"), str(tmp_path / "saved.txt")])
    assert not res.problems
    assert [(d.id, d.source_format) for d in res.documents] == [("page", "html"), ("saved", "html")]
    assert all("<p>" not in d.text and P2 in d.text for d in res.documents)


def test_atom_feed_file(tmp_path, http_server):
    http_server.routes["/a1"] = (200, {"Content-Type": "text/html"}, HTML.encode())
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Atom</title>
<entry><title>Airport adds routes</title><link href="{http_server.base}/a1"/><id>a1</id><updated>2024-03-05T10:00:00Z</updated></entry></feed>"""
    (tmp_path / "news.atom").write_text(atom, encoding="utf-8")
    (doc,) = ingest([str(tmp_path / "news.atom")]).documents
    # The item's own page names its outlet (og:site_name); the feed's title names the feed.
    assert doc.source_format == "feed" and doc.outlet == "Valley Post" and P1 in doc.text


def test_meta_json_inside_the_folder_is_not_an_article(tmp_path):
    (tmp_path / "story.txt").write_text(P1 + "\n\n" + P2, encoding="utf-8")
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps([{"id": "story", "outlet": "Valley Post"}]), encoding="utf-8")
    res = ingest([str(tmp_path)], meta=meta)
    assert not res.problems and [d.outlet for d in res.documents] == ["Valley Post"]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2024-12-16", "2024-12-16"),
        ("2024-12-16T09:30:00Z", "2024-12-16T09:30:00Z"),
        ("Mon, 16 Dec 2024 09:30:00 GMT", "2024-12-16T09:30:00+00:00"),
        ("16 December 2024", "2024-12-16"),
        ("December 16, 2024", "2024-12-16"),
        ("16.12.2024", "2024-12-16"),
        ("sometime last week", "sometime last week"),
    ],
)
def test_publication_dates_become_iso(written, iso):
    from newssift.ingest.page import normalise_date

    assert normalise_date(written) == iso


def test_sidecar_title_cuts_the_matching_headline(tmp_path):
    # A sentence-case headline the cleaner could not tell from a deck on its own.
    raw = "Ferry fares to rise in spring\n\nA second short line without a stop\n\n" + P1 + "\n\n" + P2
    (tmp_path / "fares.txt").write_text(raw, encoding="utf-8")
    meta = tmp_path / "m.csv"
    meta.write_text("id,title\nfares,Ferry fares to rise in spring\n", encoding="utf-8")
    (doc,) = ingest([str(tmp_path / "fares.txt")], meta=meta).documents
    assert doc.title == "Ferry fares to rise in spring"
    assert [r.reason for r in doc.removed if r.text == "Ferry fares to rise in spring"] == ["headline"]
    assert doc.text == P1 + "\n\n" + P2


def test_workers_only_for_idle_cores(monkeypatch):
    import newssift.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(ingest_mod.os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    assert ingest_mod._workers() == 2
    monkeypatch.setattr(ingest_mod.os, "getloadavg", lambda: (1.2, 1.0, 1.0))
    assert ingest_mod._workers() == 1
    monkeypatch.setattr(ingest_mod.os, "getloadavg", lambda: (6.5, 6.0, 5.0))
    assert ingest_mod._workers() == 1
    monkeypatch.setattr(ingest_mod.os, "cpu_count", lambda: 16)
    assert ingest_mod._workers() == ingest_mod.MAX_WORKERS
