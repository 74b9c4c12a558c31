"""The notebook API: paths and texts together, Report conveniences."""
from __future__ import annotations

import json

import pytest

import newssift
from newssift.api import ingest_bytes, split_inputs

ARTICLE = (
    "The harbour authority said on Monday that the ferry service would resume on Friday.\n"
    "About 200 passengers were stranded overnight, according to the operator."
)


def test_split_inputs_tells_paths_and_urls_from_texts(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    inputs, texts = split_inputs([str(f), "https://news.example/story", ARTICLE, tmp_path, "no such file.txt"])
    assert inputs == [str(f), "https://news.example/story", str(tmp_path)]
    assert texts == [ARTICLE, "no such file.txt"]


def test_uploaded_names_never_reach_the_file_system():
    got = ingest_bytes([("../../etc/passwd", ARTICLE.encode()), ("C:\\x\\report.html", b"<p>x</p>")])
    ids = [d.id for d in got.documents]
    assert ids and all("/" not in i and "\\" not in i and ".." not in i for i in ids)
    assert all(d.path is None for d in got.documents)
    assert ids[0] == "passwd"


def test_ingest_bytes_reports_problems_under_the_clients_name():
    got = ingest_bytes([("blob.bin", b"\x00\xff" * 500)])
    assert got.documents == ()
    assert [p.source for p in got.problems] == ["blob.bin"]
    assert "newssift-" not in got.problems[0].message


@pytest.mark.slow
def test_analyze_texts_and_files_together(tmp_path):
    f = tmp_path / "other.txt"
    f.write_text("The operator said 180 passengers were stranded when the ferry was cancelled on Monday.", encoding="utf-8")
    report = newssift.analyze([ARTICLE, str(f)])
    assert {d.id for d in report.documents} == {"text-1", "other"}
    data = json.loads(report.to_json())
    assert data["schema_version"] == "1" and len(data["documents"]) == 2
    html = report.to_html()
    assert "Content-Security-Policy" in html and "harbour authority" in html
    frame = report._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="') and "<script" not in frame


def test_analyze_with_nothing_usable_raises():
    with pytest.raises(newssift.NoUsableInputError):
        newssift.analyze([""])
