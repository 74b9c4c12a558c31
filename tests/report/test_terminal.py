"""Terminal summary and progress bar."""
from __future__ import annotations

from rich.console import Console

from newssift.report.terminal import LONG_RUN_DOCS, print_summary, progress_bar


def _text(report, verbose=False):
    con = Console(record=True, width=140, color_system=None)
    print_summary(report, verbose=verbose, console=con)
    return con.export_text()


def test_summary_counts_facts_by_status_figures_and_flags(sample_report):
    out = _text(sample_report)
    assert "3 reports from 3 outlets" in out
    lines = {" ".join(line.replace("│", " ").replace("┃", " ").split()) for line in out.splitlines()}
    assert "corroborated 1" in lines and "single origin 2" in lines and "conflicting 1" in lines
    assert any(line.startswith("killed people 3 12 12 20") for line in lines)
    assert "editorial insertion 1" in lines
    assert "The dam failed on Tuesday." not in out


def test_verbose_lists_facts_and_flag_passages(sample_report):
    out = _text(sample_report, verbose=True)
    assert "The dam failed on Tuesday." in out
    # corroborated first, unattributed last
    assert out.index("The dam failed on Tuesday.") < out.index("People were killed") < out.index("This line was added")
    assert "Flood Watch Daily" in out


def test_progress_is_hidden_when_not_a_terminal_or_short(capsys):
    with progress_bar(LONG_RUN_DOCS * 5, enabled=True) as cb:  # pytest's stderr is not a TTY
        assert cb is None
    with progress_bar(1, enabled=True) as cb:
        assert cb is None
    with progress_bar(LONG_RUN_DOCS * 5, enabled=False) as cb:
        assert cb is None
    assert capsys.readouterr().err == ""


def test_progress_bar_is_drawn_on_a_terminal():
    import os
    import pty
    import subprocess
    import sys

    code = (
        "from newssift.report.terminal import progress_bar\n"
        f"with progress_bar({LONG_RUN_DOCS + 5}) as cb:\n"
        f"    assert cb is not None\n"
        f"    for i in range(1, {LONG_RUN_DOCS + 6}): cb('extract', i, {LONG_RUN_DOCS + 5})\n"
    )
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-c", code], check=False, stderr=slave, stdout=subprocess.PIPE, timeout=60)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
        if len(data) < 65536:
            break
    os.close(master)
    out = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "extract" in out and f"{LONG_RUN_DOCS + 5}/{LONG_RUN_DOCS + 5}" in out
