"""The command line parses and runs the cheapest command end to end."""
import json
import subprocess
import sys

from newssift.cli import build_parser


def test_parser_knows_every_command():
    parser = build_parser()
    for cmd in ["analyze x", "extract x --json o", "add x", "stories", "show s1", "export --json o", "serve", "eval g --corpus c"]:
        args = parser.parse_args(cmd.split())
        assert args.command == cmd.split()[0]


def test_python_dash_m_extract_writes_schema_json(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("The council said on Monday that the bridge will reopen.\n", encoding="utf-8")
    out = tmp_path / "r.json"
    proc = subprocess.run([sys.executable, "-m", "newssift", "extract", str(src), "--json", str(out)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert data["schema_version"] == "1"
    assert data["documents"][0]["id"] == "story"
