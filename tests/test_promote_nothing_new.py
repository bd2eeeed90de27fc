"""Promoting from a store events the curated file already holds as they are leaves the file
untouched (bytes and mtime) and says "nothing new", instead of a success line "0 added, 0 updated"
over a rewritten file; the app shows it as information, not success."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import storeview
from timeline.bulk import extract_to_store
from timeline.distributed import serial
from timeline.extract import Options
from timeline.query import Query

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ARTICLE = ("Militia fighters shelled the village of Arnost on 3 April 2024, officials said. Two days later "
           "troops arrested three fighters near Arnost.")


@pytest.fixture
def small_store(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "events.parquet"
    extract_to_store([str(tmp_path / "a.txt")], path, Options(), serial)
    return path


def test_promoting_again_changes_nothing_and_says_so(small_store, tmp_path):
    ids = storeview.page(small_store, Query()).table.ids.tolist()
    target = tmp_path / "curated.yaml"
    assert storeview.promote(small_store, ids, target)[0] is True
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    saved, message = storeview.promote(small_store, ids, target)
    assert saved is None and "nothing new, file left as it was" in message and f"{len(ids)} already there" in message
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before


def test_the_app_shows_nothing_new_as_information(small_store, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(small_store))
    ids = storeview.page(small_store, Query()).table.ids.tolist()
    storeview.promote(small_store, ids, tmp_path / "events.yaml")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.multiselect(key="s_promote").set_value(ids).run()
    next(b for b in at.button if b.label.startswith("Promote")).click().run()
    assert not at.success and any("nothing new" in i.value for i in at.info)
