"""An event with no date at all is not drawn on the time axis: at archive size its marker sat in a
column at the middle of the axis, which read as a date there. The chart counts the events left
off in a note, the app says the same beside the chart, and its Event box lists them after the
dated ones, in the YAML view and the store view alike."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from timeline import columnar, dashboard, figure, store
from timeline.filters import build_table
from timeline.models import Event, Timeline

APP = str(Path(__file__).resolve().parents[1] / "app.py")
DATED, UNDATED = 180, 24  # above the figure's label limit: compact lanes, as in an archive


def archive() -> Timeline:
    """Invented events over five years, a share of them with no date."""
    types = ["attack", "protest", "statement", "meeting"]
    events = [Event(id=f"dated-{i:03d}", title=f"Dated event {i}", type=types[i % 4],
                    date=(dt.date(2015, 1, 1) + dt.timedelta(days=10 * i)).isoformat()) for i in range(DATED)]
    events += [Event(id=f"undated-{i:02d}", title=f"Undated event {i}", type=types[i % 4]) for i in range(UNDATED)]
    return Timeline(title="invented archive", events=events)


def handle_ids(fig) -> list[str]:
    return [i for t in fig.data if t.meta == "event" for i in t.customdata]


@pytest.mark.parametrize("size", ["few", "archive"])
def test_undated_events_are_not_on_the_axis_and_the_chart_counts_them(size):
    tl = archive() if size == "archive" else Timeline(events=[archive().events[0], archive().events[-1]])
    fig = figure.build_figure(tl)
    undated = [e.id for e in tl.events if e.date is None]
    assert set(handle_ids(fig)) == {e.id for e in tl.events if e.date}
    notes = [a.text for a in fig.layout.annotations if a.name == "undated"]
    assert notes == [figure.undated_words(len(undated))]
    assert notes[0].startswith(f"{len(undated)} undated event")
    assert [t for t in fig.data if t.meta == "span"] == []  # the dated ones are days; no fade for the others


def test_the_axis_spans_the_dated_events_only_and_a_filter_counts_what_it_shows():
    tl = archive()
    table = build_table(tl)
    lo, hi = figure.build_figure(tl, table).layout.xaxis.range
    assert lo < figure.DAY_MS * table.lo_day[0] and hi > figure.DAY_MS * np.nanmax(table.hi_day)
    attacks = table.types == "attack"
    fig = figure.build_figure(tl, table, attacks)
    assert [a.text for a in fig.layout.annotations if a.name == "undated"] == [figure.undated_words(UNDATED // 4)]
    dated_only = figure.build_figure(tl, table, ~np.isnan(table.lo_day))
    assert [a for a in dated_only.layout.annotations if a.name == "undated"] == []


def test_the_event_box_lists_undated_events_after_the_dated_ones_even_when_many():
    tl = archive()
    table = build_table(tl)
    box = dashboard.pick_options(table, np.ones(len(table), dtype=bool), None, limit=50)
    assert box[:50] == [f"dated-{i:03d}" for i in range(50)]
    assert box[50:] == [f"undated-{i:02d}" for i in range(UNDATED)]


def _caption(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_yaml_view_says_how_many_are_off_the_axis(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    store.save(path, archive(), None)
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.button_group(key="view").set_value("time").run()
    assert not at.exception
    assert f"{UNDATED} undated events not on the time axis" in _caption(at)
    box = at.selectbox(key="pick").options
    assert all("(undated-" in o for o in box[-UNDATED:]) and not any("(undated-" in o for o in box[:-UNDATED])
    at.sidebar.multiselect(key="f_type").select("attack").run()
    assert f"{UNDATED // 4} undated events not on the time axis" in _caption(at)


@pytest.fixture(scope="module")
def archive_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("undated") / "events.parquet"
    columnar.write_small(path, archive())
    return path


def test_the_store_view_says_how_many_are_off_the_axis(archive_store, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(archive_store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert f"of {DATED + UNDATED:,} events match" in at.caption[0].value
    assert f"{UNDATED} undated events not on the time axis" in _caption(at)
    assert "they are listed last in the Event box" in _caption(at)


# --- a real browser: the store chart as plotly.js draws it ------------------------------------------


@pytest.fixture(scope="module")
def store_page(archive_store, tmp_path_factory):
    chromium_cdp = pytest.importorskip("chromium_cdp")
    if chromium_cdp.CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with chromium_cdp.app_tab(APP, archive_store, tmp_path_factory.mktemp("chromium-profile")) as tab:
        yield tab


DRAWN_IDS = """JSON.stringify([].concat(...document.querySelector('.js-plotly-plot').data
    .filter(t => t.meta === 'event').map(t => t.customdata)))"""


def test_the_store_chart_in_a_browser_draws_no_undated_marker(store_page, tmp_path):
    import json

    page = store_page
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .scatterlayer .trace, "
                         ".js-plotly-plot .gl-container').length > 0"), "the chart did not render"
    assert page.wait_for("document.querySelector('.js-plotly-plot .annotation-text') !== null && "
                         "[...document.querySelectorAll('.js-plotly-plot .annotation-text')]"
                         ".some(e => e.textContent.includes('undated events not on the time axis'))")
    drawn = json.loads(page.evaluate(DRAWN_IDS))
    assert len(drawn) == DATED and not any(i.startswith("undated-") for i in drawn)
    assert page.wait_for("document.body.innerText.includes('they are listed last in the Event box')")
    time.sleep(1.5)  # let plotly finish drawing
    data = page.screenshot(tmp_path / "store_undated.png")
    assert data.startswith(b"\x89PNG") and len(data) > 40_000  # a rendered page, not a blank one
    assert page.problems == []
