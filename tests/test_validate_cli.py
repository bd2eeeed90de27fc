"""`timeline validate`: exit 0 with a summary when valid, 1 with every problem when not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

DATA = Path(__file__).parent / "data"
VALID = """documents:
  - id: doc
    text: "The army withdrew on Tuesday."
events:
  - id: withdrawal
    title: The army withdraws
    type: withdrawal
    sources:
      - {document: doc, quote: The army withdrew, start: 0, end: 17}
"""


def test_valid_file_exits_0_with_summary(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: 1 event, 1 document, valid"


def test_broken_file_exits_1_with_every_line(capsys):
    path = DATA / "broken_events.yaml"
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"{path}: 18 problems"
    assert all(line.startswith(f"{path}:") for line in err)
    assert f"{path}:18:5: events[0].type: unknown event type 'atack'" in "\n".join(err)


def test_missing_file_exits_1_without_traceback(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "Traceback" not in err


def test_syntax_error_exits_1_with_line(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: a\n    title: [unclosed\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert f"{path}:4:" in capsys.readouterr().err


def test_help_explains_the_command(capsys):
    with pytest.raises(SystemExit) as done:
        main(["validate", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "FILE:LINE:COL" in out and "events.yaml" in out and "Exit status" in out


def test_console_script_exit_codes(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(VALID, encoding="utf-8")
    run = [sys.executable, "-m", "timeline.cli", "validate"]
    assert subprocess.run(run + [str(path)], capture_output=True).returncode == 0
    assert subprocess.run(run + [str(DATA / "broken_events.yaml")], capture_output=True).returncode == 1
