"""The Streamlit app, run headless with AppTest: chart, selection, details, editing, errors.

Also the app-side helpers of ``timeline.dashboard`` (selection, highlight, forms, saving) that
the app's layout relies on.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from timeline import dashboard, store
from timeline.figure import OPEN_FADE
from timeline.filters import DAY_MS, day_number
from timeline.models import Event

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

SMALL = """\
# A hand-written timeline: this comment must survive saves from the app.
title: Test timeline

documents:
  - id: news
    title: Daily news
    published: 2024-01-31
    text: "Fighting broke out on 19 September 2023. Talks went on through September 2023. Earlier, a truce was agreed."

events:
  # the day event
  - id: fighting
    title: Fighting breaks out
    type: armed_clash
    date: 2023-09-19
    actors: [Armenia, Azerbaijan]
    sources:
      - document: news
        quote: Fighting broke out on 19 September 2023
        start: 0
        end: 39

  - id: talks
    title: Talks through September
    type: negotiation
    date: 2023-09
    relations:
      - {relation: after, target: fighting}

  - id: truce
    title: A truce is agreed
    type: ceasefire
    date: ../2024-01-31
    date_inferred: true

rejected: []
"""


def _decode(value):
    """Plotly's JSON sends numpy arrays as {dtype, bdata}; turn them back into arrays."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
    return np.asarray(value, dtype=float)


def chart_traces(at) -> list[dict]:
    charts = at.get("plotly_chart")
    assert charts, "no chart on the page"
    return json.loads(charts[0].proto.spec)["data"]


def handles(at) -> dict[str, tuple[float, float]]:
    out = {}
    for t in chart_traces(at):
        if t.get("meta") == "event":
            for i, x, y in zip(t["customdata"], _decode(t["x"]), _decode(t["y"])):
                out[i] = (float(x), float(y))
    return out


def extent(at, y: float) -> tuple[float, float]:
    xs = []
    for t in chart_traces(at):
        if t.get("meta") == "span":
            x, yy = _decode(t["x"]), _decode(t["y"])
            xs += x[np.isclose(yy, y)].tolist()
    return min(xs), max(xs)


@pytest.fixture
def small_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    return path


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_app_runs_on_the_repository_timeline(monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(ROOT / "events.yaml"))
    at = run_app()
    try:
        timeline = store.load(ROOT / "events.yaml").timeline
    except store.TimelineError as exc:  # the seed article lives in ../shared beside the clone
        pytest.skip(f"events.yaml does not load here ({exc}); the error panel was shown instead")
    assert set(handles(at)) == {e.id for e in timeline.events}  # one item per event, id in customdata


def test_chart_extents_for_day_month_and_open_intervals(small_file):
    at = run_app()
    at.button_group(key="view").set_value("time").run()
    h = handles(at)
    assert set(h) == {"fighting", "talks", "truce"}
    assert h["fighting"][0] == day_number(__import__("datetime").date(2023, 9, 19)) * DAY_MS + DAY_MS / 2
    lo, hi = extent(at, h["talks"][1])
    assert (lo, hi) == (day_number(__import__("datetime").date(2023, 9, 1)) * DAY_MS,
                        day_number(__import__("datetime").date(2023, 10, 1)) * DAY_MS)
    lo, hi = extent(at, h["truce"][1])
    x0, x1 = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]["range"]
    assert hi == day_number(__import__("datetime").date(2024, 2, 1)) * DAY_MS
    assert hi - lo == pytest.approx((x1 - x0) * OPEN_FADE)  # "on or before" fades over a fixed share of the axis
    assert "Showing **3** of 3 events" in at.caption[0].value


def test_filters_change_the_chart_and_counts(small_file):
    at = run_app()
    at.sidebar.multiselect(key="f_type").set_value(["ceasefire"]).run()
    assert set(handles(at)) == {"truce"}
    assert "Showing **1** of 3 events" in at.caption[0].value
    at.sidebar.multiselect(key="f_type").set_value([]).run()
    at.sidebar.text_input(key="f_text").set_value("talks").run()
    assert set(handles(at)) == {"talks"}


def test_selecting_an_event_shows_its_details_and_evidence(small_file):
    at = run_app()
    at.session_state["selected"] = "fighting"  # what a click on the chart stores
    at.run()
    assert any("Fighting breaks out" in s.value for s in at.subheader)
    page = " ".join(str(getattr(e, "proto", "")) for e in at.get("html"))
    assert "<mark>" in page and "<strong>Fighting broke out on 19 September 2023</strong>" in page
    assert any(b.label.startswith("before: Talks") for b in at.button)  # related event, click-through
    next(b for b in at.button if b.label.startswith("before: Talks")).click().run()
    assert any("Talks through September" in s.value for s in at.subheader)


def test_saved_edit_lands_in_the_file_with_comments(small_file):
    at = run_app()
    at.session_state["selected"] = "talks"
    at.run()
    at.text_input(key="edit_title_talks").set_value("Talks in Moscow through September")
    next(b for b in at.button if b.label == "Save to file").click().run()
    assert not at.exception
    text = small_file.read_text(encoding="utf-8")
    assert "title: Talks in Moscow through September" in text
    assert "# A hand-written timeline: this comment must survive" in text and "# the day event" in text
    saved = store.load(small_file).timeline.event("talks")
    assert saved.curated and saved.relations[0].target == "fighting"
    assert any("saved talks" in s.value for s in at.success)


def test_file_changed_on_disk_is_reloaded_not_overwritten(small_file):
    at = run_app()
    at.session_state["selected"] = "talks"
    at.run()
    small_file.write_text(SMALL.replace("A truce is agreed", "A truce is agreed (edited elsewhere)"), encoding="utf-8")
    at.text_input(key="edit_title_talks").set_value("My edit")
    next(b for b in at.button if b.label == "Save to file").click().run()
    text = small_file.read_text(encoding="utf-8")
    assert "edited elsewhere" in text and "My edit" not in text
    assert any("changed on disk" in e.value for e in at.error)
    assert "A truce is agreed (edited elsewhere)" in " ".join(at.selectbox(key="pick").options)


def test_delete_remembers_the_id_as_rejected(small_file):
    at = run_app()
    at.session_state["selected"] = "fighting"
    at.run()
    at.button(key="delete").click().run()
    timeline = store.load(small_file).timeline
    assert timeline.event("fighting") is None and "fighting" in timeline.rejected
    assert timeline.event("talks").relations == []  # no dangling relation left behind


def test_broken_file_shows_the_error_panel_and_the_last_good_version(small_file):
    at = run_app()
    small_file.write_text(SMALL.replace("date: 2023-09\n", "date: 2023-13\n"), encoding="utf-8")
    at.run()
    assert not at.exception
    problems = " ".join(c.value for c in at.code)
    assert "events.yaml:" in problems and "2023-13" in problems
    assert any("last good version" in w.value for w in at.warning)
    assert set(handles(at)) == {"fighting", "talks", "truce"}


def test_broken_file_without_a_good_version(tmp_path, monkeypatch):
    bad = tmp_path / "events.yaml"
    bad.write_text("events:\n  - id: Bad Id\n    title: x\n    type: nonsense\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(bad))
    at = run_app()
    lines = " ".join(c.value for c in at.code).splitlines()
    assert any(line.startswith(f"{bad}:2:") or ":2:" in line for line in lines)
    assert not at.get("plotly_chart")


def test_hostile_text_is_shown_as_text(small_file):
    small_file.write_text(SMALL.replace("title: Fighting breaks out",
                                        "title: \"<script>alert(1)</script> **bold** [x](javascript:alert(1))\""),
                          encoding="utf-8")
    at = run_app()
    at.session_state["selected"] = "fighting"
    at.run()
    shown = " ".join(s.value for s in at.subheader) + " ".join(m.value for m in at.markdown)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "[x](javascript" not in shown  # markdown link syntax is escaped


# --- helpers the layout relies on ---------------------------------------------------------------


def test_selected_id_reads_customdata():
    assert dashboard.selected_id({"points": [{"customdata": "talks", "x": 1}]}) == "talks"
    assert dashboard.selected_id({"points": [{"customdata": ["talks"]}]}) == "talks"
    assert dashboard.selected_id({"points": []}) is None and dashboard.selected_id(None) is None


def test_highlight_marks_the_sentence_and_escapes():
    text = "First one. The <b>army</b> attacked at dawn. Then calm.\nNext paragraph."
    start = text.index("attacked")
    out = dashboard.highlight(text, start, start + len("attacked at dawn"))
    assert out == ("First one. <mark>The &lt;b&gt;army&lt;/b&gt; <strong>attacked at dawn</strong>.</mark> "
                   "Then calm.")


def test_form_errors_name_every_field():
    values = dashboard.event_to_form(None) | {"id": "Bad Id", "date": "2023-13", "relations": "soon x"}
    with pytest.raises(dashboard.FormError) as err:
        dashboard.form_to_event(values)
    text = " ".join(err.value.messages)
    assert "relations line 1" in text and "id" in text and "2023-13" in text


def test_load_is_cached_on_mtime(small_file):
    first = dashboard.load(small_file)
    assert dashboard.load(small_file) is first
    small_file.write_text(SMALL.replace("Talks through September", "Talks renamed"), encoding="utf-8")
    import os

    os.utime(small_file, ns=(first_ns := small_file.stat().st_mtime_ns + 1_000_000, first_ns))
    again = dashboard.load(small_file)
    assert again is not first and again.timeline.event("talks").title == "Talks renamed"


def test_details_html_escapes_every_value():
    event = dashboard.form_to_event(dashboard.event_to_form(None) | {"title": "<img src=x onerror=alert(1)>"})
    out = dashboard.details_html(event)
    assert "<img" not in out and "&lt;img src=x" in out


def test_md_escape_neutralises_markup():
    assert dashboard.md_escape("**a** <b>") == "\\*\\*a\\*\\* &lt;b&gt;"


def test_extract_in_the_app_merges_accepted_proposals(small_file):
    article = ("Published 2024-02-01. Azerbaijan launched an attack on the region on 19 September 2023. "
               "Russia then brokered a ceasefire between the two sides.")
    at = run_app()
    at.text_area(key="pasted").set_value(article)
    at.button(key="extract").click().run()
    assert not at.exception
    proposed = at.session_state["proposed"]
    assert proposed.events, "the extractor proposed nothing for this text"
    merge = at.button(key="merge")
    merge.click().run()
    timeline = store.load(small_file).timeline
    assert len(timeline.events) > 3  # the proposals were merged in
    assert timeline.event("fighting").title == "Fighting breaks out"  # the hand-written events untouched
    assert "# the day event" in small_file.read_text(encoding="utf-8")


def test_extract_in_the_app_dates_pasted_text_from_the_publication_date(small_file):
    import datetime as dt

    at = run_app()
    at.text_area(key="pasted").set_value("Rebels attacked a police post near the border on Monday.")
    at.date_input(key="published").set_value(dt.date(2024, 2, 1))  # a Thursday
    at.button(key="extract").click().run()
    assert not at.exception
    [attack] = at.session_state["proposed"].events
    assert attack.date == "2024-01-29"


def test_cli_app_refuses_a_missing_file(tmp_path, capsys):
    from timeline.cli import main

    assert main(["app", str(tmp_path / "missing.yaml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_warnings_name_the_events_of_a_contradiction(small_file):
    text = SMALL.replace("{relation: after, target: fighting}", "{relation: before, target: fighting}")
    text = text.replace("date: 2023-09\n", "date: 2023-10\n")
    small_file.write_text(text, encoding="utf-8")
    result = dashboard.load(small_file)
    if not result.ok:  # the store may already refuse a contradiction; then it is in the error panel
        assert any("talks" in p or "fighting" in p for p in result.problems)
        return
    assert dashboard.warnings(small_file, "talks")  # October talks cannot be before 19 September


def test_event_box_lists_shown_events_in_time_order_and_keeps_the_selection():
    from timeline.filters import build_table

    timeline = store.loads(SMALL)
    table = build_table(timeline)
    everything = np.ones(3, dtype=bool)
    assert dashboard.pick_options(table, everything, None) == ["talks", "fighting", "truce"]
    assert dashboard.pick_options(table, everything, None, limit=1) == ["talks"]
    only_truce = table.ids == "truce"
    assert dashboard.pick_options(table, only_truce, "fighting") == ["fighting", "truce"]


def test_empty_timeline_shows_an_empty_chart_and_a_hint(tmp_path, monkeypatch):
    empty = tmp_path / "events.yaml"
    empty.write_text("title: Nothing yet\nevents: []\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(empty))
    at = run_app()
    assert handles(at) == {}
    assert any("no events yet" in i.value for i in at.info)


# --- sequence view, map view and live narrowing -------------------------------------------------

NARROWING = """\
# Exercises, an attack during them, a reaction after it: nothing dated yet.
documents:
  - {id: news, published: 2024-01-31}

events:
  - id: exercises
    title: Joint exercises
    type: military_exercise
    date: ../2024-01-31
    date_inferred: true
    location: Armenia
    sources: [{document: news, quote: exercises}]

  - id: attack
    title: An attack during the exercises
    type: attack
    date: ../2024-01-31
    date_inferred: true
    location: Nagorno-Karabakh
    sources: [{document: news, quote: attack}]
    relations:
      - {relation: during, target: exercises}

  - id: reaction
    title: A call for dialogue
    type: appeal
    date: ../2024-01-31
    date_inferred: true
    sources: [{document: news, quote: dialogue}]
    relations:
      - {relation: after, target: attack}
"""


@pytest.fixture
def narrowing_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(NARROWING, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    return path


def test_views_switch_between_sequence_time_axis_and_map(small_file):
    at = run_app()
    assert at.button_group(key="view").value == "sequence"  # the story's order first
    assert set(handles(at)) == {"fighting", "talks", "truce"}
    assert any("Left to right" in c.value for c in at.caption)
    at.button_group(key="view").set_value("time").run()
    assert any(t.get("meta") == "span" for t in chart_traces(at)) and at.toggle(key="arrows")
    at.button_group(key="view").set_value("map").run()
    assert not at.exception
    assert any("0 events on the map; 3 without a place" in c.value for c in at.caption)


def test_sequence_view_shows_what_comes_before_and_after_the_selection(small_file):
    at = run_app()
    at.session_state["selected"] = "fighting"  # what a click on a node stores
    at.run()
    assert any(c.value.startswith("Before it: 0 events · after it: 1") for c in at.caption)
    assert any(t.get("meta") == "selected" for t in chart_traces(at))
    assert any("Fighting breaks out" in s.value for s in at.subheader)  # the same details panel


def test_map_view_places_events_and_selection_rings_them(narrowing_file):
    at = run_app()
    at.session_state["selected"] = "attack"
    at.button_group(key="view").set_value("map").run()
    traces = chart_traces(at)
    placed = {i for t in traces if t.get("meta") == "event" for i in t["customdata"]}
    assert placed == {"exercises", "attack"} and any(t.get("meta") == "selected" for t in traces)
    assert any("2 events on the map (Armenia 1, Nagorno-Karabakh 1); 1 without a place" in c.value for c in at.caption)


def test_setting_a_date_offers_to_narrow_and_saves_only_on_accept(narrowing_file):
    at = run_app()
    assert "narrow_accept" not in [b.key for b in at.button]  # nothing to narrow before a date is set
    at.session_state["selected"] = "exercises"
    at.run()
    at.text_input(key="edit_date_exercises").set_value("2023-09-11/2023-09-20")
    next(b for b in at.button if b.label == "Save to file").click().run()
    saved = store.load(narrowing_file).timeline
    assert saved.event("exercises").date == "2023-09-11/2023-09-20" and not saved.event("exercises").date_inferred
    assert saved.event("attack").date == "../2024-01-31"  # proposed, not yet saved
    panel = " ".join(m.value for m in at.markdown)
    assert "narrow 2 inferred dates" in panel
    accept = at.button(key="narrow_accept")
    assert accept.label == "Accept and save (2)"
    accept.click().run()
    saved = store.load(narrowing_file).timeline
    assert saved.event("attack").date == "2023-09-11/2023-09-20" and saved.event("attack").date_inferred
    assert saved.event("reaction").date == "2023-09-11/2024-01-31"
    assert "# Exercises, an attack during them" in narrowing_file.read_text(encoding="utf-8")
    assert any("narrowed 2 dates" in s.value for s in at.success)
    assert "narrow_accept" not in [b.key for b in at.button]  # nothing left to narrow


def test_not_now_hides_the_proposal_until_the_file_changes(narrowing_file):
    narrowing_file.write_text(NARROWING.replace("date: ../2024-01-31\n    date_inferred: true\n    location: Armenia",
                                                "date: 2023-09-11/2023-09-20\n    location: Armenia"), encoding="utf-8")
    at = run_app()
    assert "narrow_dismiss" in [b.key for b in at.button]
    at.button(key="narrow_dismiss").click().run()
    assert "narrow_accept" not in [b.key for b in at.button]
    assert store.load(narrowing_file).timeline.event("attack").date == "../2024-01-31"  # nothing written


def test_a_typed_date_is_a_stated_date():
    event = Event(id="a", title="A", type="attack", date="../2024-01-31", date_inferred=True)
    values = dashboard.event_to_form(event) | {"date": "2023-09-19"}
    assert dashboard.form_to_event(values, event).date_inferred is False
    unchanged = dashboard.form_to_event(dashboard.event_to_form(event), event)
    assert unchanged.date_inferred is True  # the same date keeps its flag


def test_big_timelines_open_on_the_time_axis():
    assert dashboard.default_view(17) == "sequence" and dashboard.default_view(dashboard.SEQUENCE_LIMIT + 1) == "time"


def test_a_very_large_file_looks_for_narrowings_only_when_asked(narrowing_file, monkeypatch):
    monkeypatch.setattr(dashboard, "NARROW_AUTO_LIMIT", 2)
    narrowing_file.write_text(NARROWING.replace("date: ../2024-01-31\n    date_inferred: true\n    location: Armenia",
                                                "date: 2023-09-11/2023-09-20\n    location: Armenia"), encoding="utf-8")
    at = run_app()
    assert "narrow_accept" not in [b.key for b in at.button]
    at.button(key="narrow_ask").click().run()
    assert "narrow_accept" in [b.key for b in at.button]
