"""A selected event is named above the views, with its first quote and a link down to its details:
at a few hundred events the sequence chart is thousands of pixels tall (8,182 px for 342 events at
1024 px), so a click on it changed nothing the reader could see. The link is followed in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline.dashboard import md_escape

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ARTICLE = "Gunmen raided the fuel depot at Ashford on Monday. Police arrested four men on Tuesday.\n"
HEAD = f"""documents:
  - id: depot
    title: Depot raid
    published: 2031-05-07
    text: "{ARTICLE.strip()}"
events:
  - id: depot-raid
    title: Gunmen raid the fuel depot
    type: attack
    date: 2031-05-05
    sources:
      - {{document: depot, quote: Gunmen raided the fuel depot at Ashford, start: 0, end: 39}}
"""
LINKED = """  - id: step-{n}
    title: Step {n} of a long chain of reactions
    type: statement
    relations:
      - {{relation: after, target: {previous}}}
"""


def _file(path: Path, steps: int = 0) -> Path:
    chain = "".join(LINKED.format(n=n, previous="depot-raid" if n == 0 else f"step-{n - 1}") for n in range(steps))
    path.write_text(HEAD + chain, encoding="utf-8")
    return path


def test_the_selection_is_named_above_the_views_with_its_quote(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(_file(tmp_path / "events.yaml")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not any("Selected:" in m.value for m in at.markdown)  # nothing selected: no line
    at.session_state["selected"] = "depot-raid"
    at.run()
    line = next(m.value for m in at.markdown if m.value.startswith("**Selected:**"))
    assert md_escape("Gunmen raid the fuel depot · 05 May 2031") in line
    assert f"“{md_escape('Gunmen raided the fuel depot at Ashford')}”" in line and line.endswith("(#event-details)")
    assert any(s.value == md_escape("Gunmen raid the fuel depot") for s in at.subheader)


def test_the_link_scrolls_to_the_details_below_a_tall_chart(tmp_path, tmp_path_factory):
    chromium_cdp = pytest.importorskip("chromium_cdp")
    if chromium_cdp.CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    path = _file(tmp_path / "events.yaml", steps=40)
    with chromium_cdp.app_tab(APP, path, tmp_path_factory.mktemp("chromium-profile"), query="?event=depot-raid",
                              height=900) as tab:
        details = "(() => { const h = document.getElementById('event-details'); return h ? Math.round(h.getBoundingClientRect().top) : null; })()"
        assert tab.wait_for("document.querySelectorAll('.main-svg').length > 0")
        assert tab.wait_for(f"{details} !== null")
        assert tab.settled(details) > 900  # below the first screen: the chart stands between
        tab.evaluate("[...document.querySelectorAll('a')].find(a => a.innerText.includes('evidence and details below')).click()")
        top = tab.settled(details)
        tab.screenshot(tmp_path / "details.png")
        assert 0 <= top < 900, top
