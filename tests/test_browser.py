"""Real browser: the app starts headless on a free port and Chromium (driven over the DevTools
protocol, no extra packages) renders the chart.

Skips when Chromium is absent (`.ci/run` installs Debian's). Set TIMELINE_UPDATE_SCREENSHOT=1 to
also refresh docs/screenshot.png (the README's picture).
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from chromium_cdp import CHROMIUM, Page, browser, free_port, stop

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def _wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit exited early:\n{proc.stdout.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("streamlit did not become healthy in time")


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
           "--", str(ROOT / "events.yaml")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    with browser(tmp_path_factory.mktemp("chromium-profile")) as tab:
        yield _ready(tab, app_url)


def _ready(tab: Page, app_url: str) -> Page:
    """Open the app on the seed's summit event, in a window tall enough for the details."""
    tab.call("Page.enable")
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
