"""A page opened (or reloaded) while the file is half-way through a hand edit still shows the last
version that loaded, read-only, beside the error panel: the last good version was kept per browser
session, so a reload showed the panel alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
GOOD = """\
events:
  - id: dam-opened
    title: The dam's gates are opened
    type: policy_change
    date: 2031-08-14
"""


def _session() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_new_session_on_a_broken_file_shows_the_last_good_version(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    _session()  # the file loads once
    path.write_text(GOOD.replace("    date: 2031-08-14\n", "    actors: [Upper valley, Lower valley\n"), encoding="utf-8")
    reloaded = _session()  # a new browser session: nothing in its session state
    assert "a [list] left open" in " ".join(c.value for c in reloaded.code)
    assert any("last good version" in w.value for w in reloaded.warning)
    assert any("Showing **1** of 1 events" in c.value for c in reloaded.caption)
    assert reloaded.selectbox(key="pick").options == ["The dam's gates are opened (dam-opened)"]
    assert reloaded.tabs and "Editing is off while the file has problems." in " ".join(i.value for i in reloaded.info)


def test_a_file_never_good_shows_the_panel_alone(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(GOOD.replace("type: policy_change", "type: [policy"), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = _session()
    assert at.code and not any("last good version" in w.value for w in at.warning) and not at.get("plotly_chart")


def test_a_reloaded_browser_page_shows_the_panel_and_the_last_good_chart(tmp_path, tmp_path_factory):
    chromium_cdp = pytest.importorskip("chromium_cdp")
    if chromium_cdp.CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    path = tmp_path / "events.yaml"
    path.write_text(GOOD, encoding="utf-8")
    with chromium_cdp.app_tab(APP, path, tmp_path_factory.mktemp("chromium-profile")) as tab:
        assert tab.wait_for("document.querySelectorAll('.main-svg').length > 0")
        path.write_text(GOOD.replace("type: policy_change", "type: policy_change\n    tittle: x"), encoding="utf-8")
        tab.call("Page.reload")
        assert tab.wait_for("document.body.innerText.includes(\"did you mean 'title'\")")
        assert tab.wait_for("document.body.innerText.includes('Showing the last good version')")
        assert tab.wait_for("document.querySelectorAll('.main-svg').length > 0")  # the chart of the last good version
        tab.screenshot(tmp_path / "reloaded.png")
        assert "Traceback" not in tab.evaluate("document.body.innerText")
