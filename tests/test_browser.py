"""Real browser: the app starts headless on a free port and Chromium (driven over the DevTools
protocol, no extra packages) renders the sequence view, the time axis and the map.

The page's console errors, exceptions and failed loads are recorded (``chromium_cdp``): no view
may report one, and every resource the page loads comes from the app itself (the map's land and
borders from its static folder). Label overlap is measured on the rendered text. Skips when
Chromium is absent (`.ci/run` installs Debian's). Set TIMELINE_UPDATE_SCREENSHOT=1 to also refresh
the pictures in docs/ (screenshot.png for the README, sequence.png and map.png).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from chromium_cdp import CHROMIUM, Page, browser, free_port, stop, wait_healthy

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    from timeline import store

    try:
        store.load(ROOT / "events.yaml")
    except store.TimelineError as exc:  # e.g. the seed article (../shared) is not beside the clone
        pytest.skip(f"events.yaml does not load here, so there is no chart to render: {exc}")
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
           f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
           "--server.enableStaticServing=true", "--", str(ROOT / "events.yaml")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    with browser(tmp_path_factory.mktemp("chromium-profile")) as tab:
        yield _ready(tab, app_url)


def _ready(tab: Page, app_url: str) -> Page:
    """Open the app on the seed's summit event, in a window tall enough for the details."""
    tab.watch()  # console errors, exceptions and failed loads, from the first page on
    tab.call("Emulation.setDeviceMetricsOverride", width=1400, height=1750, deviceScaleFactor=1, mobile=False)
    tab.call("Page.navigate", url=app_url + "?event=cis-summit-handshake")  # deep link: details open
    return tab


def test_page_renders_the_chart_not_an_error(page):
    assert page.wait_for("document.querySelectorAll('.main-svg').length > 0"), "the plotly chart did not render"
    assert page.wait_for("document.body.innerText.includes('Pashinyan')")  # an event label is on the page
    assert page.wait_for("document.querySelector('mark') !== null")  # the evidence sentence, highlighted
    text = page.evaluate("document.body.innerText")
    assert "Traceback" not in text
    assert not page.evaluate("document.querySelector('[data-testid=\"stException\"]') !== null")


def test_screenshot(page, tmp_path):
    assert page.wait_for("document.querySelectorAll('.main-svg .scatterlayer .trace').length > 5")
    time.sleep(1.5)  # let plotly finish its transitions
    shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
    data = base64.b64decode(shot["data"])
    assert data.startswith(b"\x89PNG") and len(data) > 60_000  # a rendered page, not a blank one
    (tmp_path / "screenshot.png").write_bytes(data)
    if os.environ.get("TIMELINE_UPDATE_SCREENSHOT"):
        (ROOT / "docs" / "screenshot.png").write_bytes(data)


BOXES = """JSON.stringify([...document.querySelectorAll('.js-plotly-plot .textpoint')].map(e => {
    const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, e.textContent]; }))"""
RESOURCES = "JSON.stringify(performance.getEntriesByType('resource').map(e => e.name))"


def _rendered_overlaps(page: Page) -> tuple[int, list[tuple[str, str]]]:
    """How many labels are drawn, and the pairs whose rendered text boxes intersect."""
    boxes = json.loads(page.evaluate(BOXES))
    found = []
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append((a[4], b[4]))
    return len(boxes), found


def _save_picture(page: Page, name: str, tmp_path) -> None:
    time.sleep(1.5)  # let plotly finish its transitions
    data = page.screenshot(tmp_path / name)
    assert data.startswith(b"\x89PNG") and len(data) > 40_000  # a rendered page, not a blank one
    if os.environ.get("TIMELINE_UPDATE_SCREENSHOT"):
        (ROOT / "docs" / name).write_bytes(data)


def _open(page: Page, query: str) -> None:
    page.call("Page.navigate", url=page.evaluate("location.origin") + "/" + query)


def test_sequence_view_renders_every_label_apart(page, tmp_path):
    _open(page, "?view=Sequence&event=azerbaijan-attack")
    assert page.wait_for("document.body.innerText.includes('Before it: 1 event')")  # the selection's neighbours
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .textpoint').length >= 17")
    assert page.wait_for("document.body.innerText.includes('11 to 20 Sep 2023')")  # a date the solver narrowed
    shown, overlapping = _rendered_overlaps(page)
    assert shown == 17 and overlapping == []
    _save_picture(page, "sequence.png", tmp_path)
    assert page.problems == []


def test_map_view_renders_offline(page, tmp_path):
    _open(page, "?view=Map&event=azerbaijan-attack")
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .geo .layer.land path').length > 0"), "no land"
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .scattergeo .point').length >= 9")
    assert page.wait_for("document.body.innerText.includes('events on the map')")
    loaded = json.loads(page.evaluate(RESOURCES))
    assert any(url.endswith("/app/static/world_110m.json") for url in loaded)
    assert [url for url in loaded if not url.startswith(page.evaluate("location.origin"))] == []
    _save_picture(page, "map.png", tmp_path)
    assert page.problems == []


def test_the_time_axis_still_renders_without_an_error(page):
    _open(page, "?view=Time+axis")
    assert page.wait_for("document.querySelectorAll('.js-plotly-plot .scatterlayer .trace').length > 5")
    assert page.wait_for("document.body.innerText.includes('Before/after arrows')")
    time.sleep(1)
    assert page.problems == []


def test_five_articles_render_without_overlapping_labels(page, tmp_path):
    """The 60-event, five-article timeline, drawn by plotly.js with columns as narrow as designed for."""
    import numpy as np
    import plotly.io as pio

    from five_articles import five_article_timeline
    from timeline import sequence, sequence_figure
    from timeline.filters import build_table

    timeline = five_article_timeline()
    order = sequence.build_order(timeline)
    mask = np.ones(len(timeline.events), dtype=bool)
    columns = sequence.lay_out(order, mask).columns
    spec = sequence_figure.build_sequence_figure(timeline, order, build_table(timeline), mask).to_dict()
    spec["layout"]["xaxis"]["range"] = [-0.5, columns - 0.5]  # every column at once, each COLUMN_PX wide
    spec["layout"]["width"] = columns * sequence.COLUMN_PX + sum(spec["layout"]["margin"][k] for k in ("l", "r"))
    html_file = tmp_path / "five.html"
    html_file.write_text(pio.to_html(spec, include_plotlyjs=True, full_html=True), encoding="utf-8")
    page.call("Page.navigate", url=html_file.as_uri())
    assert page.wait_for(f"document.querySelectorAll('.textpoint').length >= {len(timeline.events)}")
    shown, overlapping = _rendered_overlaps(page)
    assert shown == len(timeline.events) >= 60 and overlapping == []
