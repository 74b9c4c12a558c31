"""CSV exports: five files, one figures row per reported value, formula injection defused."""
from __future__ import annotations

import csv
from dataclasses import replace

from newssift.report.csv import safe_cell, write_csv


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_writes_the_five_files_with_one_row_per_item(sample_report, tmp_path):
    paths = write_csv(sample_report, tmp_path / "out")
    assert sorted(p.name for p in paths) == ["claims.csv", "entities.csv", "facts.csv", "figures.csv", "flags.csv"]
    rows = {p.name: _read(p) for p in paths}
    assert len(rows["claims.csv"]) == len(sample_report.claims)
    assert len(rows["facts.csv"]) == len(sample_report.facts)
    assert len(rows["figures.csv"]) == sum(len(f.values) for f in sample_report.figures)
    assert len(rows["entities.csv"]) == len(sample_report.entities)
    assert len(rows["flags.csv"]) == len(sample_report.flags)


def test_figure_rows_carry_bounds_source_outlet_and_exact_offsets(sample_report, tmp_path):
    write_csv(sample_report, tmp_path)
    rows = _read(tmp_path / "figures.csv")
    docs = {d.id: d for d in sample_report.documents}
    up_to = next(r for r in rows if r["qualifier"] == "up_to")
    assert (up_to["measure"], up_to["low"], up_to["high"], up_to["outlet"]) == ("killed", "", "20", "Flood Watch Daily")
    for r in rows:
        assert docs[r["doc"]].text[int(r["start"]):int(r["end"])] == r["text"]


def test_claim_rows_link_to_their_fact_and_speaker(sample_report, tmp_path):
    write_csv(sample_report, tmp_path)
    rows = {r["id"]: r for r in _read(tmp_path / "claims.csv")}
    assert rows["a#c2"]["fact"] == "f2"
    assert rows["a#c2"]["speaker_name"] == "regional fire service"
    assert rows["c#c3"]["speaker"] == "" and rows["c#c3"]["kind"] == "unattributed"


def test_formula_injection_is_defused(sample_report, tmp_path):
    evil = replace(sample_report.claims[0], text='=HYPERLINK("http://evil.example","x")', speaker_text="@SUM(1+1)")
    rep = replace(sample_report, claims=(evil,) + sample_report.claims[1:])
    write_csv(rep, tmp_path)
    row = _read(tmp_path / "claims.csv")[0]
    assert row["text"] == "'" + evil.text
    assert row["speaker_text"] == "'@SUM(1+1)"
    for cell in ("-2+3", "+1", "\tx", "\rx"):
        assert safe_cell(cell).startswith("'")


def test_numbers_stay_numbers():
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5
    assert safe_cell(11.0) == 11 and isinstance(safe_cell(11.0), int)
    assert safe_cell(None) == "" and safe_cell(True) == "true"
    assert safe_cell(("a", "b")) == "a|b"


def test_csv_zip_holds_the_same_five_tables(sample_report, tmp_path):
    import io
    import zipfile

    from newssift.report.csv import csv_zip

    zf = zipfile.ZipFile(io.BytesIO(csv_zip(sample_report)))
    assert sorted(zf.namelist()) == ["claims.csv", "entities.csv", "facts.csv", "figures.csv", "flags.csv"]
    write_csv(sample_report, tmp_path)
    for name in zf.namelist():
        assert zf.read(name) == (tmp_path / name).read_bytes()
