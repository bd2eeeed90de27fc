"""The YAML app filters by place, as `show --place` and the store view already did.

An analyst preparing a briefing on one district had no Place box in the sidebar of an
``events.yaml`` (only type, actor, person and article), although every event names its place."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline import store
from timeline.filters import Choice, Filters, apply, build_table, facets, fold_case, keep_picked

APP = str(Path(__file__).resolve().parents[1] / "app.py")
FILE = """\
title: Three towns
events:
  - {id: market-raid, title: Gunmen raid the market, type: attack, date: 2031-05-02, location: Ostra}
  - {id: well-seized, title: Militia seizes the well, type: territorial_change, date: 2031-05-04, location: ostra}
  - {id: bridge-closed, title: Army closes the bridge, type: restriction, date: 2031-05-05, location: Velin}
  - {id: talks-open, title: Elders open talks, type: negotiation, date: 2031-05-06}
"""


def _path(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_places_are_a_facet_and_a_filter(tmp_path):
    table = build_table(store.load(_path(tmp_path)).timeline)
    assert table.ids[apply(table, Filters(places=frozenset({"Velin"})))].tolist() == ["bridge-closed"]
    shown = facets(table, apply(table, Filters()))
    assert shown.counts["place"] == {"Ostra": 1, "ostra": 1, "Velin": 1}  # an event with no place counts nowhere


def test_the_sidebar_place_box_narrows_the_view(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(_path(tmp_path)))
    at = AppTest.from_file(APP, default_timeout=120).run()
    box = at.sidebar.multiselect(key="f_place")
    assert box.options == ["Ostra (2)", "Velin (1)"]  # one choice for both spellings, with their count
    box.set_value(["Ostra"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Showing **2** of 4 events" in at.caption[0].value
    assert any("(place Ostra, ostra)" in c.value for c in at.caption)  # the Export tab says which spellings


def test_a_pick_whose_spelling_is_no_longer_the_one_shown_keeps_its_count_and_spellings():
    """Picked as 'Ostra'; a correction makes 'ostra' the more frequent spelling, which the box then
    shows: the pick stays, still matching both spellings, not counted 0 and matching only one."""
    listed = fold_case([("Ostra", 1), ("ostra", 2), ("Velin", 1)])
    kept = keep_picked(listed, ["Ostra", "Tamar"])
    assert [c.shown for c in listed] == ["ostra", "Velin"]
    assert kept["Ostra"] == Choice("Ostra", 3, ("Ostra", "ostra"))
    assert kept["Tamar"] == Choice("Tamar", 0, ("Tamar",))  # no event holds it any more: counted 0, still picked
    assert kept["Velin"] == listed[1] and len(kept) == 4
