"""Inputs that are partly unreadable: what can be read is read, the rest is one message naming it."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newssift.ingest import ingest

PAGES = [
    ("https://courier.example/court/sentence",
     "Judge jails harbour fraudster",
     ("A judge in Port Ellin jailed former harbour manager Carl Moss for five years on Wednesday for stealing "
     "fuel money. \"He treated public money as his own,\" Judge Anna Pike said. Moss's lawyer said he would appeal.")),
    ("https://courier.example/business/merger",
     "Bakeries agree to merge",
     ("Two regional bakery chains, Goldcrust and Millstone, agreed to merge on Thursday in a deal worth 80 million "
     "pounds. \"Bread prices will not rise,\" Goldcrust chair Ivo Lind promised. The deal needs approval.")),
    ("https://courier.example/sport/final",
     "Ellin Rovers lift the trophy",
     ("Ellin Rovers won the county final 2-0 on Saturday in front of 9,000 fans. \"We earned this,\" captain "
     "Sara Holt said. The club last won the trophy twenty years ago, its chairman said.")),
]


def _html(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{paras}</article></body></html>").encode()


def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, title, text in PAGES:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(_html(title, text)),
                                                      http_headers=headers))
    return buf.getvalue()


def _record_starts(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(data))
    starts = []
    for rec in it:
        rec.content_stream().read()
        starts.append(it.get_record_offset())
    return starts


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_cut_short_warc_keeps_its_complete_records(tmp_path, name, gz):
    data = _warc(gz)
    third = _record_starts(data)[2]
    path = tmp_path / name
    path.write_bytes(data[: third + (len(data) - third) // 2])  # half of the third record is missing
    res = ingest([str(path)])
    assert [d.url for d in res.documents] == [u for u, _, _ in PAGES[:2]]
    assert "fuel money" in res.documents[0].text
    (problem,) = res.problems
    assert problem.source == str(path) and problem.code == "parse"
    assert problem.message.startswith("archive is cut short") and "2 complete record(s)" in problem.message


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_whole_warc_gives_every_record_and_no_problem(tmp_path, name, gz):
    path = tmp_path / name
    path.write_bytes(_warc(gz))
    res = ingest([str(path)])
    assert [d.url for d in res.documents] == [u for u, _, _ in PAGES] and not res.problems


def test_a_warc_gzipped_as_one_member_is_read_whole_or_up_to_its_cut(tmp_path):
    import gzip

    packed = gzip.compress(_warc(False))
    (tmp_path / "whole.warc.gz").write_bytes(packed)
    res = ingest([str(tmp_path / "whole.warc.gz")])
    assert [d.url for d in res.documents] == [u for u, _, _ in PAGES] and not res.problems
    (tmp_path / "cut.warc.gz").write_bytes(packed[: len(packed) * 3 // 4])
    res = ingest([str(tmp_path / "cut.warc.gz")])
    assert 1 <= len(res.documents) < 3 and res.documents[0].url == PAGES[0][0]
    assert [p.message.split(";")[0] for p in res.problems] == ["archive is cut short (an incomplete download?)"]


def test_a_warc_gz_that_is_not_gzip_is_one_plain_problem(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"not really compressed " * 20)
    res = ingest([str(path)])
    assert not res.documents
    assert [(p.code, p.message) for p in res.problems] == [("binary", "not valid gzip data (damaged, or not gzip at all)")]


def test_a_warc_cut_inside_its_first_record_is_one_problem(tmp_path):
    path = tmp_path / "tiny.warc.gz"
    data = _warc(True)
    path.write_bytes(data[: _record_starts(data)[1] // 2])
    res = ingest([str(path)])
    assert not res.documents
    assert [p.code for p in res.problems] == ["parse"] and str(path) in res.problems[0].source


def _folder_with_a_locked_subfolder(root: Path) -> Path:
    (root / "open").mkdir()
    (root / "open" / "budget.txt").write_text(
        "The city council approved a budget of 40 million pounds on Monday, the mayor said.\n", encoding="utf-8")
    locked = root / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("A ferry ran aground near Tarn Island on Sunday, the coastguard said.\n",
                                       encoding="utf-8")
    return locked


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any folder")
def test_an_unreadable_subfolder_is_named_and_the_rest_is_read(tmp_path):
    locked = _folder_with_a_locked_subfolder(tmp_path)
    locked.chmod(0)
    try:
        res = ingest([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert [d.id for d in res.documents] == ["budget"]
    assert [(p.source, p.code) for p in res.problems] == [(str(locked), "unreadable")]
    assert "could not be read" in res.problems[0].message


def test_a_subfolder_that_cannot_be_listed_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    """The same as the chmod test, for any user: listing the folder fails as it does without permission."""
    locked = _folder_with_a_locked_subfolder(tmp_path)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    res = ingest([str(tmp_path)])
    assert [d.id for d in res.documents] == ["budget"]
    assert [(p.source, p.code) for p in res.problems] == [(str(locked), "unreadable")]
    assert res.problems[0].message == "folder could not be read (Permission denied); its files were left out, the rest was read"
