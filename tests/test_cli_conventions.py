"""CLI conventions: - as stdout, one-line errors with documented exit codes, NEWSSIFT_DB, help on every option."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newssift.cli import EXIT_FAILURE, EXIT_USAGE, build_parser, main

TEXT = "The orchestra said on Friday that its spring season will open with a new symphony.\n"


@pytest.fixture()
def story(tmp_path):
    p = tmp_path / "concert.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_json_dash_goes_to_stdout_and_no_file_named_dash(story, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(story), "--json", "-", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["id"] == "concert"
    assert not (tmp_path / "-").exists()


def test_an_output_that_is_a_folder_is_one_line_exit_1(story, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    proc = subprocess.run([sys.executable, "-m", "newssift", "extract", str(story), "--json", str(folder)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == EXIT_FAILURE
    assert proc.stderr.strip().splitlines()[-1].startswith("newssift: error: cannot write the report JSON")
    assert "Traceback" not in proc.stderr


def test_an_output_inside_a_file_is_one_line_exit_1(story, tmp_path, capsys):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    assert main(["extract", str(story), "--json", str(blocker / "r.json")]) == EXIT_FAILURE
    assert "cannot write the report JSON" in capsys.readouterr().err


def test_usage_errors_and_no_usable_input_exit_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["extract", str(empty), "--json", str(tmp_path / "r.json")]) == EXIT_USAGE
    assert main(["analyze"]) == EXIT_USAGE
    assert main(["extract", str(tmp_path / "missing.txt"), "--json", str(tmp_path / "r.json")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "give at least one input" in err and "Traceback" not in err


def test_newssift_db_names_the_default_store(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSSIFT_DB", str(tmp_path / "desk.db"))
    for cmd in (["stories"], ["add", "x"], ["show", "s1"], ["rm", "d1"], ["serve"]):
        assert build_parser().parse_args(cmd).db == str(tmp_path / "desk.db")
    monkeypatch.delenv("NEWSSIFT_DB")
    assert build_parser().parse_args(["stories"]).db == "newssift.db"


def test_every_option_of_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
    for name, p in sub.choices.items():
        for action in p._actions:
            assert action.help, (name, action.dest)


def test_csv_cannot_go_to_stdout(story, capsys):
    from newssift.cli import _write_outputs

    class Args:
        json = html = md = None
        csv = "-"
        quiet = True

    from newssift.errors import UsageError
    from newssift.models import Report

    with pytest.raises(UsageError, match="folder"):
        _write_outputs(Report(), Args())
