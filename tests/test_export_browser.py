"""The exports open in the field's own viewers, in a real browser, with nothing from the network.

TimelineJS 3 and vis-timeline come from their npm packages (``tests/js``: ``npm ci`` there, which
``.ci/run`` does) and are loaded from local files into headless Chromium with every http(s)
request blocked. The timeline is the seed (most of its events open-ended, placed by order) plus three
dated ones (a day, a week, a month). Skips with a reason when Chromium, the npm packages or the
seed are missing. Set TIMELINE_EXPORT_SHOTS=folder to keep the screenshots.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from chromium_cdp import CHROMIUM, Page, browser

from timeline import export, export_viewers, store
from timeline.models import Event

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "tests" / "js" / "node_modules"
TIMELINEJS = JS / "@knight-lab" / "timelinejs" / "dist"
VIS = JS / "vis-timeline"
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not (TIMELINEJS.exists() and VIS.exists()),
                       reason="the viewers' npm packages are not installed: run `npm ci` in tests/js (.ci/run does)"),
]
DATED = [
    Event(id="day-event", title="A clash on a known day", type="armed_clash", date="2023-06-19", actors=["Armenia"]),
    Event(id="week-event", title='Talks on "the corridor"', type="negotiation", date="2023-07-10/2023-07-16"),
    Event(id="month-event", title="Exercises in August", type="military_exercise", date="2023-08"),
]


@pytest.fixture(scope="module")
def timeline():
    try:
        seed = store.load(ROOT / "events.yaml").timeline
    except store.TimelineError as exc:
        pytest.skip(f"events.yaml does not load here: {exc}")
    return seed.model_copy(update={"title": 'Seed "quoted" & <escaped>', "events": seed.events + DATED})


@pytest.fixture(scope="module")
def tab(tmp_path_factory):
    with browser(tmp_path_factory.mktemp("chromium-profile"), 1300, 800) as page:
        page.watch()
        page.call("Emulation.setDeviceMetricsOverride", width=1300, height=800, deviceScaleFactor=1, mobile=False)
        page.call("Network.enable")
        page.call("Network.setBlockedURLs", urls=["http://*", "https://*"])  # offline: only local files load
        yield page


def _open(tab: Page, folder: Path, name: str, head: str, body: str, data: str) -> None:
    (folder / f"{name}.js").write_text(f"window.DATA = {data};", encoding="utf-8")
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}<script src="{name}.js"></script></head>'
            f'<body style="margin:0">{body}</body></html>')
    (folder / f"{name}.html").write_text(page, encoding="utf-8")
    tab.problems.clear()
    tab.call("Page.navigate", url=(folder / f"{name}.html").as_uri())


def _shot(tab: Page, tmp_path: Path, name: str) -> None:
    keep = os.environ.get("TIMELINE_EXPORT_SHOTS")
    png = tab.screenshot((Path(keep) if keep else tmp_path) / f"{name}.png")
    assert png.startswith(b"\x89PNG")


def _spots(tab: Page, selector: str) -> list[tuple[int, int]]:
    """Where each marker is drawn: two markers on one spot hide each other; one above another does not."""
    boxes = tab.settled(f"[...document.querySelectorAll({json.dumps(selector)})]"
                        ".map(e => {const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)];})")
    return [tuple(box) for box in boxes]


def _spans(timeline) -> int:
    """Events drawn as spans: a closed window wider than one day."""
    return sum(1 for p in export_viewers.place(timeline) if p.end is not None)


def test_timelinejs_renders_every_marker_spread_out(tab, timeline, tmp_path):
    head = (f'<link rel="stylesheet" href="{(TIMELINEJS / "css" / "timeline.css").as_uri()}">'
            f'<script src="{(TIMELINEJS / "js" / "timeline.js").as_uri()}"></script>')
    body = '<div id="tl" style="width:1300px;height:780px"></div><script>new TL.Timeline("tl", window.DATA);</script>'
    _open(tab, tmp_path, "timelinejs", head, body, export.export(timeline, "timelinejs"))
    n = len(timeline.events)
    assert tab.wait_for(f"document.querySelectorAll('.tl-timemarker').length === {n}", 30), "markers did not render"
    spots = _spots(tab, ".tl-timemarker")
    assert len(set(spots)) == n, f"markers share a spot: {sorted(spots)}"
    lefts = [left for left, _ in spots]
    width = tab.evaluate("document.querySelector('.tl-timenav').getBoundingClientRect().width")
    assert max(lefts) - min(lefts) > 0.3 * width, "the navigation strip collapsed"
    assert tab.evaluate("document.querySelectorAll('.tl-timemarker-with-end').length") == _spans(timeline)
    assert tab.evaluate("document.querySelectorAll('.tl-timeera').length") == 1
    assert "Order from the text, not dates" in tab.evaluate("document.querySelector('.tl-timenav').innerText")
    _shot(tab, tmp_path, "timelinejs")
    assert tab.problems == []


def test_vis_timeline_renders_every_item_spread_out(tab, timeline, tmp_path):
    head = (f'<link rel="stylesheet" href="{(VIS / "styles" / "vis-timeline-graph2d.min.css").as_uri()}">'
            f'<script src="{(VIS / "standalone" / "umd" / "vis-timeline-graph2d.min.js").as_uri()}"></script>')
    body = ('<div id="vis"></div><script>new vis.Timeline(document.getElementById("vis"), '
            'new vis.DataSet(window.DATA.items), new vis.DataSet(window.DATA.groups), {});</script>')
    _open(tab, tmp_path, "vis", head, body, export.export(timeline, "vis"))
    n = len(timeline.events)
    assert tab.wait_for(f"document.querySelectorAll('.vis-item-content').length === {n}", 30), "items did not render"
    assert tab.wait_for("[...document.querySelectorAll('.vis-item.vis-box, .vis-item.vis-range')]"
                        ".every(e => e.style.transform)", 30), "vis did not lay the items out"
    spots = _spots(tab, ".vis-item.vis-box, .vis-item.vis-range")
    assert len(spots) == n and len(set(spots)) == n, f"items share a spot: {sorted(spots)}"
    assert tab.evaluate("document.querySelectorAll('.vis-item.vis-range').length") == _spans(timeline)
    assert 'Talks on "the corridor"' in tab.evaluate("document.querySelector('.vis-itemset').innerText")
    _shot(tab, tmp_path, "vis")
    assert tab.problems == []


def test_standalone_html_renders_with_the_network_blocked(tab, timeline, tmp_path):
    page = tmp_path / "timeline.html"
    page.write_text(export.export(timeline, "html"), encoding="utf-8")
    tab.problems.clear()
    tab.call("Page.navigate", url=page.as_uri())
    assert tab.wait_for("document.querySelectorAll('.main-svg .scatterlayer .trace').length > 3", 30)
    ticks = tab.evaluate("[...document.querySelectorAll('.ytick text')].map(t => t.textContent)")
    assert 'Talks on "the corridor"' in ticks and not any("&quot;" in t for t in ticks)
    assert tab.evaluate("document.querySelector('h1').textContent") == 'Seed "quoted" & <escaped>'
    assert tab.evaluate("document.querySelectorAll('.gtitle').length") == 0  # the title is said once, by the page
    _shot(tab, tmp_path, "html")
    assert tab.problems == []
