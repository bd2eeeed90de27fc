"""Headless Chromium for the browser tests, driven over the DevTools protocol (no extra packages).

``browser(profile)`` starts Debian's Chromium with a fresh profile and yields a ``Page``: navigate,
evaluate JavaScript, wait for a condition, take a screenshot, and read back every console error,
uncaught exception and failed load the page reported. Tests skip when Chromium is absent
(``.ci/run`` installs it).
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    """Ask a child process to end; kill it when it does not within ten seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


class Page:
    """A tiny Chrome DevTools Protocol client that also keeps the page's error reports."""

    def __init__(self, ws):
        self._ws = ws
        self._next = 0
        self.problems: list[str] = []  # console errors, uncaught exceptions, failed loads

    def call(self, method: str, **params):
        self._next += 1
        self._ws.send(json.dumps({"id": self._next, "method": method, "params": params}))
        while True:
            reply = json.loads(self._ws.recv(timeout=60))
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]
            self._note(reply)

    def _note(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.problems.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.problems.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.problems.append(f"log: {params['entry']['text']} {params['entry'].get('url', '')}")

    def watch(self) -> None:
        """Start collecting console errors, exceptions and failed loads into ``problems``."""
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 90) -> bool:
        """Whether ``expression`` turned true within ``timeout`` seconds (read while pages load too)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._evaluate_while_loading(expression):
                return True
            time.sleep(0.25)
        return False

    def _evaluate_while_loading(self, expression: str):
        """The expression's value, or None while a reload has the page between documents (Chromium
        then answers 'Inspected target navigated or closed' instead of a value)."""
        try:
            return self.evaluate(expression)
        except AssertionError as exc:
            if "navigated or closed" in str(exc) or "context" in str(exc).lower():
                return None
            raise

    def settled(self, expression: str, timeout: float = 30):
        """The value of ``expression`` once two reads a moment apart agree (animations done)."""
        deadline = time.monotonic() + timeout
        last = self._evaluate_while_loading(expression)
        while time.monotonic() < deadline:
            time.sleep(0.4)
            now = self._evaluate_while_loading(expression)
            if now == last and now is not None:  # two reads between documents agree on nothing
                return now
            last = now
        return last

    def screenshot(self, path: Path) -> bytes:
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        png = base64.b64decode(data)
        path.write_bytes(png)
        return png


def page_target(port: int, timeout: float = 60) -> str:
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


@contextmanager
def browser(profile: Path, width: int = 1400, height: int = 1000) -> Iterator[Page]:
    """Chromium with a fresh profile in ``profile``; yields its first tab."""
    port = free_port()
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
           f"--remote-debugging-port={port}", "--remote-allow-origins=*", "about:blank"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from websockets.sync.client import connect

        with connect(page_target(port), max_size=None, open_timeout=30) as ws:
            yield Page(ws)
    finally:
        stop(proc)


def wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    """Wait until the Streamlit server at ``port`` answers its health check (or fail with its output)."""
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


@contextmanager
def app_tab(app: str, timeline_file: Path, profile: Path, query: str = "", height: int = 1100) -> Iterator[Page]:
    """The app started headless on ``timeline_file`` and a Chromium tab open on it (``query``:
    e.g. ``?view=Sequence&event=ID``), its console watched from the first page on."""
    import sys

    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", app, "--server.headless=true", f"--server.port={port}",
           "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--", str(timeline_file)]
    proc = subprocess.Popen(cmd, cwd=Path(app).parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_healthy(port, proc)
        with browser(profile) as tab:
            tab.watch()
            tab.call("Emulation.setDeviceMetricsOverride", width=1400, height=height, deviceScaleFactor=1, mobile=False)
            tab.call("Page.navigate", url=f"http://127.0.0.1:{port}/{query}")
            yield tab
    finally:
        stop(proc)
