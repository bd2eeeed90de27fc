"""Real browser: the app starts headless on a free port and Chromium (driven over the DevTools
protocol, no extra packages) renders the chart.

Skips when Chromium is absent (`.ci/run` installs Debian's). Set TIMELINE_UPDATE_SCREENSHOT=1 to
also refresh docs/screenshot.png (the README's picture).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
           f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
           "--", str(ROOT / "events.yaml")]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """Ask a child process to end; kill it when it does not within ten seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


class _Page:
    """A tiny Chrome DevTools Protocol client: navigate, evaluate JavaScript, take a screenshot."""

    def __init__(self, ws):
        self._ws = ws
        self._next = 0

    def call(self, method: str, **params):
        self._next += 1
        self._ws.send(json.dumps({"id": self._next, "method": method, "params": params}))
        while True:
            reply = json.loads(self._ws.recv(timeout=60))
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 90) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.5)
        return False



@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    port = _free_port()
    profile = tmp_path_factory.mktemp("chromium-profile")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", "--window-size=1400,1000",
           f"--remote-debugging-port={port}", "--remote-allow-origins=*", "about:blank"]
    browser = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from websockets.sync.client import connect

        with connect(_page_target(port), max_size=None, open_timeout=30) as ws:
            yield _ready(_Page(ws), app_url)
    finally:
        _stop(browser)


def _ready(tab: _Page, app_url: str) -> _Page:
    """Open the app on the seed's summit event, in a window tall enough for the details."""
    tab.call("Page.enable")
    tab.call("Emulation.setDeviceMetricsOverride", width=1400, height=1750, deviceScaleFactor=1, mobile=False)
    tab.call("Page.navigate", url=app_url + "?event=cis-summit-handshake")  # deep link: details open
    return tab


def _page_target(port: int, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("Chromium's DevTools endpoint did not come up")


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
