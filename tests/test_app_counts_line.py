"""The counts line above the chart names the most frequent types and counts the rest.

A briefing file of 600 events of 37 types gave a counts line of every type, seven lines deep at
768 pixels, pushing the chart down; the Type box already lists each type with its count."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline.taxonomy import event_types

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_many_types_are_named_up_to_eight_then_counted(tmp_path, monkeypatch):
    kinds = list(event_types())[:11]
    lines = ["title: Many kinds", "events:"]
    for n, kind in enumerate(kinds):
        lines += [f"  - {{id: event-{n}-{k}, title: Event {n} {k}, type: {kind}, date: 2031-05-0{1 + k}}}"
                  for k in range(1 + (n == 0))]  # the first type twice: it leads the line
    path = tmp_path / "events.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=120).run()
    line = at.caption[0].value
    first = event_types()[kinds[0]].label
    assert line.startswith(f"Showing **12** of 12 events · {first} 2, ")
    assert line.endswith(" and 3 more types") and line.split(" · ")[1].count(", ") == 7  # eight named
    at.sidebar.multiselect(key="f_type").set_value(kinds[:2]).run()
    assert "more types" not in at.caption[0].value  # a few types: all named
