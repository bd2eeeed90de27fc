"""Correcting an event so that the filters leave it out keeps the filters and says so.

An analyst filtering on attacks corrected one to shelling. When it was the last attack, the
Type box lost its only choice and Streamlit dropped the pick: the filter silently became "all"
and the view widened to every event. Otherwise the event vanished from the chart while its
details stayed open, with nothing saying why."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline import store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
FILE = """\
title: Border week
events:
  - {id: post-hit, title: Guns hit a border post, type: attack, date: 2031-05-02, actors: [Northern army]}
  - {id: road-cut, title: The road is cut, type: restriction, date: 2031-05-03}
"""
NOTE = "This event is not among the shown events"


def test_a_correction_that_leaves_the_filter_keeps_filters_and_says_so(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.multiselect(key="f_type").set_value(["attack"]).run()
    at.session_state["selected"] = "post-hit"
    at.run()
    assert not any(NOTE in c.value for c in at.caption)
    at.selectbox(key="edit_type_post-hit").set_value("shelling")
    next(b for b in at.button if b.label == "Save to file").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert store.load(path).timeline.event("post-hit").type == "shelling"
    assert at.sidebar.multiselect(key="f_type").value == ["attack"]  # the filters are as they were
    assert "Showing **0** of 2 events" in at.caption[0].value
    assert any(NOTE in c.value for c in at.caption)
