"""A date typed in the app's Edit form as a person writes it ('19 October 2031') is refused with what
to write instead, nothing is written; a file holding such a date shows the same hint, with its line
and column, in the error panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline.dashboard import md_escape

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMELINE = """documents: []
events:
  - id: depot-raid
    title: Gunmen raid a fuel depot
    type: attack
    date: {date}
    curated: true
"""


@pytest.fixture
def timeline_file(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE.format(date="2031-10"), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    return path


def test_the_form_says_what_to_write_and_writes_nothing(timeline_file):
    before = timeline_file.read_bytes()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.session_state["selected"] = "depot-raid"
    at.run()
    next(w for w in at.text_input if w.label == "Date (EDTF)").set_value("19 October 2031")
    next(b for b in at.button if b.label == "Save to file").click().run()
    assert any("Not saved" in e.value and md_escape("write 2031-10-19") in e.value for e in at.error)
    assert timeline_file.read_bytes() == before


def test_the_error_panel_shows_the_hint_with_its_line(timeline_file):
    timeline_file.write_text(TIMELINE.format(date="2031-10-19 to 2031-10-21"), encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    panel = "\n".join(c.value for c in at.code)
    assert f"{timeline_file}:6:5: events[0].date: " in panel
    assert panel.rstrip().endswith("; write 2031-10-19/2031-10-21")
