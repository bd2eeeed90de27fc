"""Buttons are as wide as their labels: at 1024 and 768 pixels the narrowing panel's count on
'Accept and save (12)' was cut to 'Accept an…' by a column a fifth of the panel wide, and the
Export tab's seven equal columns cut 'PLOVER' and 'TimelineJS' to 'PLO…' and 'Tim…'. A browser test,
because only the rendered width shows it."""

from __future__ import annotations

import json
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

CUT = """JSON.stringify([...document.querySelectorAll('button')].filter(b => b.offsetParent && LABELS.includes(b.innerText.trim()))
    .map(b => [b.innerText.trim(), [...b.querySelectorAll('*')].some(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)]))"""
EXPORTS = ["CSV", "JSON", "PLOVER", "ACLED", "TimelineJS", "VIS", "HTML"]
EXPORT_TAB = "[...document.querySelectorAll('[role=tab]')].find(t => t.innerText.trim() == 'Export').click()"


def _cut(tab, labels: list[str]) -> list:
    return json.loads(tab.settled(CUT.replace("LABELS", json.dumps(labels))))


def test_the_accept_and_export_buttons_show_their_whole_labels(tmp_path, tmp_path_factory):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE + "".join(AFTER.format(n=n) for n in range(12)), encoding="utf-8")
    with chromium_cdp.app_tab(APP, path, tmp_path_factory.mktemp("chromium-profile")) as tab:
        for width in (1024, 768):
            tab.call("Emulation.setDeviceMetricsOverride", width=width, height=1000, deviceScaleFactor=1, mobile=False)
            assert tab.wait_for("document.body.innerText.includes('Accept and save (12)')")
            assert _cut(tab, ["Accept and save (12)"]) == [["Accept and save (12)", False]], width
            tab.evaluate(EXPORT_TAB)
            assert tab.wait_for("document.body.innerText.includes('TimelineJS')")
            assert _cut(tab, EXPORTS) == [[name, False] for name in EXPORTS], width
            tab.screenshot(tmp_path / f"buttons-{width}.png")
