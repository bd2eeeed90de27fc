"""The sequence view opens on the selected event: at archive size the story spans hundreds of
columns and only five fit the first view, so a selection far to the right (picked in the Event
box, followed from a related event or given as ``?event=``) used to open on the first columns,
off screen. The first view is now centred on it; with nothing selected it opens on the left."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from timeline import sequence, sequence_figure, store
from timeline.filters import build_table
from timeline.models import Event, Timeline

APP = str(Path(__file__).resolve().parents[1] / "app.py")
MONTHS = 40  # one event a month: forty columns, eight first views wide


def chain() -> Timeline:
    """Invented monthly events, each dated to its day, so the dates alone order them."""
    events = [Event(id=f"month-{i:02d}", title=f"Invented event of month {i}", type="meeting",
                    date=dt.date(2016 + i // 12, 1 + i % 12, 5).isoformat()) for i in range(MONTHS)]
    return Timeline(title="invented chain", events=events)


def _range(fig) -> tuple[float, float]:
    lo, hi = fig.layout.xaxis.range
    return lo, hi


def _column(fig, event_id: str) -> float:
    for trace in fig.data:
        if trace.customdata is not None and event_id in list(trace.customdata):
            return float(trace.x[list(trace.customdata).index(event_id)])
    raise AssertionError(f"{event_id} is not drawn")


@pytest.mark.parametrize("picked, expected", [(None, 0), ("month-00", 0), ("month-02", 0), ("month-20", 18),
                                              ("month-38", MONTHS - 5), ("month-39", MONTHS - 5)])
def test_the_first_view_holds_the_selected_event(picked, expected):
    tl = chain()
    order = sequence.build_order(tl)
    mask = np.ones(MONTHS, dtype=bool)
    fig = sequence_figure.build_sequence_figure(tl, order, build_table(tl), mask, picked)
    lo, hi = _range(fig)
    assert (lo, hi) == (expected - 0.5, expected + sequence.MAX_VISIBLE - 0.5)  # always a full view
    if picked:
        assert lo < _column(fig, picked) < hi


def test_a_new_selection_recentres_but_a_pan_is_kept_until_then():
    tl = chain()
    order, table, mask = sequence.build_order(tl), build_table(tl), np.ones(MONTHS, dtype=bool)
    revisions = {sequence_figure.build_sequence_figure(tl, order, table, mask, picked).layout.uirevision
                 for picked in ("month-05", "month-30")}
    assert len(revisions) == 2  # plotly keeps the user's pan while uirevision stays, and re-applies the range after
    again = sequence_figure.build_sequence_figure(tl, order, table, mask, "month-05").layout.uirevision
    assert again in revisions


def test_a_filtered_out_selection_opens_on_the_left():
    tl = chain()
    order, table = sequence.build_order(tl), build_table(tl)
    mask = np.arange(MONTHS) < 30
    fig = sequence_figure.build_sequence_figure(tl, order, table, mask, "month-35")
    assert _range(fig) == (-0.5, sequence.MAX_VISIBLE - 0.5)


@pytest.fixture()
def chain_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "events.yaml"
    store.save(path, chain(), None)
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    return path


def _chart_range(at: AppTest) -> list[float]:
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return spec["layout"]["xaxis"]["range"]


def test_picking_in_the_event_box_brings_the_event_into_the_sequence_view(chain_file):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert _chart_range(at) == [-0.5, 4.5]
    box = at.selectbox(key="pick")
    at.selectbox(key="pick").set_value(next(o for o in box.options if "(month-33)" in o)).run()
    assert any("month 33" in s.value for s in at.subheader)
    lo, hi = _chart_range(at)
    assert lo < 33 < hi


# --- a real browser: the selected event's halo is inside the drawn chart ----------------------------


@pytest.fixture(scope="module")
def chain_page(tmp_path_factory):
    chromium_cdp = pytest.importorskip("chromium_cdp")
    if chromium_cdp.CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    path = tmp_path_factory.mktemp("chain") / "events.yaml"
    store.save(path, chain(), None)
    with chromium_cdp.app_tab(APP, path, tmp_path_factory.mktemp("chromium-profile"), "?view=Sequence&event=month-36") as tab:
        yield tab


HALO = """(() => { const plot = document.querySelector('.js-plotly-plot .draglayer .nsewdrag').getBoundingClientRect();
    const trace = [...document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')]
        .find(t => t.__data__ && t.__data__[0] && t.__data__[0].trace.meta === 'selected');
    const halo = trace.querySelector('.point').getBoundingClientRect();
    return JSON.stringify([plot.left, plot.right, (halo.left + halo.right) / 2]); })()"""


def test_the_selected_event_is_drawn_inside_the_chart(chain_page, tmp_path):
    page = chain_page
    assert page.wait_for("document.body.innerText.includes('Invented event of month 36')")
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .scatterlayer .trace .point').length > 5")
    time.sleep(1.5)  # let plotly finish drawing
    left, right, halo = json.loads(page.evaluate(HALO))
    assert left < halo < right
    labels = page.evaluate("[...document.querySelectorAll('.js-plotly-plot .textpoint')].filter(e => {"
                           " const r = e.getBoundingClientRect(), p = document.querySelector("
                           "'.js-plotly-plot .draglayer .nsewdrag').getBoundingClientRect();"
                           " return r.left >= p.left && r.right <= p.right; }).map(e => e.textContent).join('|')")
    assert "of month36" in labels and "of month0" not in labels  # a label's lines run together in textContent
    data = page.screenshot(tmp_path / "sequence_selected.png")
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    assert page.problems == []
