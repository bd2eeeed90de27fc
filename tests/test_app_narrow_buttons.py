"""The narrowing panel's buttons are as wide as their labels: at 1024 and 768 pixels the count on
'Accept and save (12)' was cut to 'Accept an…' by a column a fifth of the panel wide. A browser
test, because only the rendered width shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

chromium_cdp = pytest.importorskip("chromium_cdp")
pytestmark = pytest.mark.skipif(chromium_cdp.CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
AFTER = """  - id: reaction-{n}
    title: Reaction number {n} to the dam's opening
    type: statement
    relations:
      - {{relation: after, target: dam-opened}}
"""
TIMELINE = "events:\n  - id: dam-opened\n    title: The dam's gates are opened\n    type: policy_change\n    date: 2031-08-14\n"

CUT = """JSON.stringify([...document.querySelectorAll('button')].filter(b => b.innerText.includes('Accept and save'))
    .map(b => [b.innerText.trim(), [...b.querySelectorAll('*')].some(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)]))"""


def test_the_accept_button_shows_its_whole_label(tmp_path, tmp_path_factory):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE + "".join(AFTER.format(n=n) for n in range(12)), encoding="utf-8")
    with chromium_cdp.app_tab(APP, path, tmp_path_factory.mktemp("chromium-profile")) as tab:
        for width in (1024, 768):
            tab.call("Emulation.setDeviceMetricsOverride", width=width, height=1000, deviceScaleFactor=1, mobile=False)
            assert tab.wait_for("document.body.innerText.includes('Accept and save (12)')")
            found = tab.settled(CUT)
            tab.screenshot(tmp_path / f"narrowing-{width}.png")
            assert found == '[["Accept and save (12)",false]]', (width, found)
