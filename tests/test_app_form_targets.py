"""Saving an event from the app's form keeps every field it holds: the form had no Targets box,
so any save (even a date correction) silently deleted the event's targets."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline import dashboard, store
from timeline.models import Event, Relation, Source

APP = str(Path(__file__).resolve().parents[1] / "app.py")
FULL = Event(id="depot-raid", title="Raiders burn a fuel depot", type="arson", date="2031-03-04", date_inferred=True,
             actors=["Hill Brigade"], targets=["Port Authority", "depot guards"], people=["Ana Rill"],
             location="Mendel", modality="asserted", relations=[Relation(relation="after", target="curfew-order")],
             confidence=0.7, tags=["night"], notes="Two accounts.", curated=True,
             sources=[Source(document="d1", quote="burned a fuel depot", start=0, end=19)])


def test_the_form_gives_back_every_field_of_the_event():
    again = dashboard.form_to_event(dashboard.event_to_form(FULL), FULL)
    assert again.model_dump() == FULL.model_dump()
    assert set(Event.model_fields) - {"curated"} <= set(dashboard.event_to_form(FULL)) | {"sources", "fingerprint"}


TIMELINE = """documents: []
events:
  - id: depot-raid
    title: Raiders burn a fuel depot
    type: arson
    date: 2031-03
    actors: [Hill Brigade]
    targets: [Port Authority]
    curated: true
"""


def test_a_date_corrected_in_the_app_keeps_the_targets(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.session_state["selected"] = "depot-raid"
    at.run()
    assert next(t for t in at.text_input if t.label == "Targets (comma-separated)").value == "Port Authority"
    next(t for t in at.text_input if t.label == "Date (EDTF)").set_value("2031-03-04")
    next(b for b in at.button if b.label == "Save to file").click().run()
    event = store.load(path).timeline.event("depot-raid")
    assert event.date == "2031-03-04" and event.targets == ["Port Authority"] and event.actors == ["Hill Brigade"]


def test_the_details_panel_shows_the_targets():
    rows = dict(dashboard.details(FULL))
    assert rows["targets"] == "Port Authority, depot guards" and rows["actors"] == "Hill Brigade"
