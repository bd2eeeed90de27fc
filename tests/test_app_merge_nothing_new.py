"""Merging, in the app's Extract tab, an article the file already holds leaves the file untouched
(bytes and mtime) and says 'nothing new' as information: it was written again and reported as a
success ('merged: 0 added, 0 updated, 0 curated kept')."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline import store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ARTICLE = "Rebels shell the garrison at Fort Ellery\n\nRebels shelled the garrison at Fort Ellery on Sunday, the army said.\n"


def _extract_and_merge(path: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.text_area(key="pasted").set_value(ARTICLE)
    at.date_input(key="published").set_value(dt.date(2031, 7, 8))
    at.button(key="extract").click().run()
    at.button(key="merge").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_second_merge_of_one_article_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text("# my notes on the siege\ntitle: Siege of Fort Ellery\nevents: []\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    first = _extract_and_merge(path)
    assert any(s.value.startswith("merged: ") and "added" in s.value for s in first.success)
    merged = store.load(path).timeline
    assert merged.events and path.read_text(encoding="utf-8").startswith("# my notes on the siege\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    second = _extract_and_merge(path)
    assert not second.success
    assert any("nothing new, file left as it was" in i.value and "already there" in i.value for i in second.info)
    assert path.read_bytes() == before and path.stat().st_mtime == 1_000_000_000
