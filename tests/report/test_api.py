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


def test_a_mistyped_path_is_a_clear_error_not_a_one_word_article(tmp_path):
    from newssift.errors import InputNotFoundError

    for typo in (str(tmp_path / "reprots"), "reports/day1.html", "council-minutes.txt"):
        with pytest.raises(InputNotFoundError, match="no such file or folder"):
            split_inputs([typo])
    # One word without a separator or ending is still text, and so is a sentence mentioning a path.
    assert split_inputs(["Hello"]) == ([], ["Hello"])
    assert split_inputs(["The file is at reports/day1.html today."])[1]


def _small_report():
    from newssift.models import Claim, Document, Entity, Fact, Report

    d = Document(id="a", outlet="Court Gazette", title="Jury finds Ellison guilty",
                 text="A jury found Mark Ellison guilty on Tuesday, the prosecutor said.")
    c = Claim(id="a#c0", doc="a", start=0, end=40, text=d.text[:40], kind="indirect", speaker="e1",
              speaker_text="the prosecutor")
    return Report(documents=(d,), claims=(c,), entities=(Entity(id="e1", name="County prosecutor", type="PERSON"),),
                  facts=(Fact("f1", ("a#c0",), "single_origin", ("e1",), story="s1", docs=("a",)),))


def test_report_to_pandas_names_speakers_and_origins_and_round_trips_through_parquet(tmp_path):
    pd = pytest.importorskip("pandas")
    report = _small_report()
    frames = report.to_pandas()
    assert set(frames) == {"documents", "claims", "facts", "figures", "entities", "flags"}
    assert frames["claims"].loc[0, "speaker_name"] == "County prosecutor"
    assert frames["facts"].loc[0, "origin_names"] == ["County prosecutor"]
    assert frames["documents"].loc[0, "outlet"] == "Court Gazette"
    paths = report.to_parquet(tmp_path / "pq")
    back = pd.read_parquet(tmp_path / "pq" / "claims.parquet")
    assert len(paths) == 6 and back.loc[0, "speaker_text"] == "the prosecutor"


def test_report_from_json_reads_a_path_a_string_and_refuses_other_json(tmp_path):
    report = _small_report()
    p = tmp_path / "r.json"
    p.write_text(report.to_json(), encoding="utf-8")
    assert newssift.Report.from_json(p).claims == report.claims
    assert newssift.Report.from_json(report.to_json()).documents[0].outlet == "Court Gazette"
    with pytest.raises(newssift.NewssiftError, match="not a newssift report"):
        newssift.Report.from_json('{"a": 1}')
    with pytest.raises(newssift.NewssiftError, match="cannot read a report"):
        newssift.Report.from_json(tmp_path / "missing.json")
    assert "# newssift brief" in report.to_markdown()
