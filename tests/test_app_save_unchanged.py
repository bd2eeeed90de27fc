"""Pressing Save in the app on an unchanged event: a first press confirms an extracted event
(curated from then on, and the message says so); a press on an unchanged curated event writes
nothing and says so, instead of reporting 'saved'."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import dashboard, store
from timeline.merge import stamped
from timeline.models import Event

APP = str(Path(__file__).resolve().parents[1] / "app.py")
EXTRACTED = Event(id="ferry-seized-4kq1zz", title="Coast guards seize a ferry", type="coercion", date="2031-07-02")
TIMELINE = """documents: []
events:
  - id: ferry-seized-4kq1zz
    title: Coast guards seize a ferry
    type: coercion
    date: 2031-07-02
    fingerprint: {fp}
"""


@pytest.fixture
def extracted_file(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE.format(fp=stamped(EXTRACTED).fingerprint), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    return path


def _press_save(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "Save to file").click().run()


def test_first_save_confirms_second_writes_nothing(extracted_file):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.session_state["selected"] = EXTRACTED.id
    at.run()
    _press_save(at)
    assert any("confirmed ferry" in s.value and "curated" in s.value for s in at.success)
    assert store.load(extracted_file).timeline.event(EXTRACTED.id).curated
    before = extracted_file.read_bytes()
    _press_save(at)
    assert extracted_file.read_bytes() == before
    assert not at.success and any("nothing to save" in i.value for i in at.info)


def test_save_message_kinds():
    curated = EXTRACTED.model_copy(update={"curated": True})
    edited = curated.model_copy(update={"title": "Coast guards seize a ferry off the cape"})
    assert dashboard.save_message(None, curated) == (True, "added ferry-seized-4kq1zz")
    assert dashboard.save_message(curated, edited) == (True, "saved ferry-seized-4kq1zz")
    assert dashboard.save_message(curated, curated)[0] is None
    assert dashboard.save_message(stamped(EXTRACTED), curated)[1].startswith("confirmed ")
