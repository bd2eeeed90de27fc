"""The Export tab writes the events the filters show, not the whole file, and the file says so.

It used to export the whole timeline whatever the sidebar showed: an analyst who narrowed 600 events
to one type and one month downloaded all 600 under the file's own name and title."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from timeline import export, export_shown, store
from timeline.filters import Filters, apply, build_table
from timeline.models import Timeline

APP = str(Path(__file__).resolve().parents[1] / "app.py")
FILE = """\
title: Lake district briefing
documents:
  - id: wire
    title: Lake wire
    published: 2031-03-04
    text: "Raiders burned a ferry at Kessa on 2 March 2031. Police arrested four men on 3 March 2031."
  - id: other
    title: Harbour note
    published: 2031-04-01
    text: "The harbour board met in April."
events:
  - id: ferry-burned
    title: Raiders burn a ferry at Kessa
    type: arson
    date: 2031-03-02
    actors: [Lake raiders]
    sources:
      - {document: wire, quote: Raiders burned a ferry at Kessa on 2 March 2031}
  - id: four-arrested
    title: Police arrest four men
    type: arrest
    date: 2031-03-03
    actors: [Kessa police]
    relations:
      - {relation: after, target: ferry-burned}
    sources:
      - {document: wire, quote: Police arrested four men on 3 March 2031}
  - id: board-meets
    title: The harbour board meets
    type: meeting
    date: 2031-04
    sources:
      - {document: other, quote: The harbour board met in April}
"""


def _timeline(tmp_path: Path) -> Timeline:
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    return store.load(path).timeline


def test_the_shown_events_are_exported_with_a_title_and_name_that_say_so(tmp_path):
    timeline = _timeline(tmp_path)
    flt = Filters(types=frozenset({"arrest", "meeting"}), start=dt.date(2031, 3, 3), text="police")
    mask = apply(build_table(timeline), flt)
    words = export_shown.describe(flt, {"type": {"arrest": "Arrest", "meeting": "Meeting"}})
    assert words == 'type Arrest, Meeting; from 2031-03-03; search "police"'
    chosen = export_shown.shown_timeline(timeline, mask, words)
    assert [e.id for e in chosen.events] == ["four-arrested"]
    assert chosen.title == f"Lake district briefing: 1 of 3 events ({words})"
    assert [d.id for d in chosen.documents] == ["wire"]  # only the articles the shown events cite
    assert chosen.events[0].relations == []  # its relation pointed at an event not exported
    data = json.loads(export.export(chosen, "json"))
    for record in data["events"]:
        record.pop("bounds")  # what the JSON export adds to each event
    assert Timeline.model_validate(data).events[0].id == "four-arrested"  # the file loads on its own
    rows = list(csv.DictReader(io.StringIO(export.export(chosen, "csv"))))
    assert [r["id"] for r in rows] == ["four-arrested"]
    assert export_shown.file_name("events", 1, 3, "csv") == "events-1-of-3.csv"
    assert export_shown.file_name("events", 3, 3, "csv") == "events.csv"


def test_nothing_filtered_exports_the_file_as_it_is(tmp_path):
    timeline = _timeline(tmp_path)
    assert export_shown.describe(Filters()) == ""
    assert export_shown.shown_timeline(timeline, np.ones(3, dtype=bool), "") is timeline


def test_the_export_tab_follows_the_sidebar(tmp_path, monkeypatch):
    (tmp_path / "events.yaml").write_text(FILE, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(tmp_path / "events.yaml"))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert any(c.value == "Exports all 3 events of the file." for c in at.caption)
    at.sidebar.multiselect(key="f_type").set_value(["arson"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Exports the **1** events shown of 3 (type Arson" in c.value for c in at.caption)
    at.sidebar.text_input(key="f_text").set_value("harbour").run()  # arson and 'harbour': nothing shown
    assert any("nothing to export" in i.value for i in at.info)
    assert not at.get("download_button")  # no button that would write an empty file
