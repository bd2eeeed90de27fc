"""An invisible control character (left by a paste between programs) is one located problem in
`timeline validate` and in the app, never a traceback: YAML forbids them, and the careful reader
that locates problems refused them with an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import store
from timeline.cli import main

APP = str(Path(__file__).resolve().parents[1] / "app.py")

GOOD = """\
title: Notes on the harbour strike
events:
  - id: dockers-strike
    title: Dockers walk out at the north quay
    type: protest
    date: 2031-04-02
"""


def _broken(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("char", ["\x80", "\x9d", "\x01", "\x7f"])
def test_validate_names_the_character_and_where_it_is(tmp_path, capsys, char):
    path = _broken(tmp_path, GOOD.replace("north quay", f"north{char} quay").replace("type: protest", "type: protst"))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4:41: an invisible control character U+{ord(char):04X}" in err
    assert "delete it" in err and "Traceback" not in err


def test_every_further_one_is_counted(tmp_path):
    path = _broken(tmp_path, GOOD.replace("Dockers", "Dock\x80ers\x81").replace("quay", "qu\x82ay"))
    with pytest.raises(store.TimelineError) as caught:
        store.load(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 16) and problem.message.endswith("; 2 more in the file")


def test_text_given_directly_is_checked_too():
    with pytest.raises(store.TimelineError) as caught:
        store.loads(GOOD.replace("walk out", "walk\x85\x90 out"))
    assert caught.value.problems[0].line == 4 and "U+0090" in str(caught.value)  # U+0085 is YAML's own line break


def test_tabs_and_line_breaks_stay_allowed(tmp_path):
    path = _broken(tmp_path, GOOD.replace("    date: 2031-04-02\n", "    date: 2031-04-02\t\r\n"))
    assert store.load(path).timeline.events[0].date == "2031-04-02"


def test_the_app_shows_the_problem_not_an_exception(tmp_path, monkeypatch):
    path = _broken(tmp_path, GOOD.replace("north quay", "north\x80 quay").replace("type: protest", "type: riot\n    tittle: x"))
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "control character U+0080" in " ".join(c.value for c in at.code)
