"""The app on a columnar store: filters pushed down to DuckDB, a capped chart with the count,
evidence on demand, and promotion into a curated file without touching curated events."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import columnar, store, storeview
from timeline.bulk import extract_to_store
from timeline.distributed import serial
from timeline.extract import Options
from timeline.query import Query

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture(scope="module")
def events_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("app") / "events.parquet"
    extract_to_store([str(ARTICLES)], path, Options(), serial)
    return path


def test_a_page_is_capped_and_says_how_many_match(events_store):
    whole = storeview.page(events_store, Query())
    small = storeview.page(events_store, Query(), cap=5)
    assert whole.matched == whole.total == columnar.read_manifest(events_store)["events"] > 5
    assert small.capped and small.matched == whole.matched and len(small.table) == 5
    attacks = storeview.page(events_store, Query(types=frozenset({"attack"})))
    assert 0 < attacks.matched < whole.matched and set(attacks.table.types.tolist()) == {"attack"}


def test_evidence_reads_the_document_text_on_demand(events_store):
    page = storeview.page(events_store, Query())
    event = page.timeline.events[0]
    assert all(d.text is None for d in page.timeline.documents)
    opened = storeview.with_texts(events_store, event)
    document = opened.document(event.sources[0].document)
    assert document.text or document.origin


def test_promote_merges_into_the_curated_file_and_keeps_curated_events(events_store, tmp_path):
    page = storeview.page(events_store, Query())
    ids = page.table.ids.tolist()[:3]
    target = tmp_path / "events.yaml"
    ok, message = storeview.promote(events_store, ids, target)
    assert ok and "3 events written" in message
    curated = store.load(target).timeline
    assert sorted(e.id for e in curated.events) == sorted(ids)
    hand_edited = curated.events[0].model_copy(update={"title": "Checked by an analyst", "curated": True})
    store.save(target, curated.model_copy(update={"events": [hand_edited, *curated.events[1:]]}),
               store.load(target).digest)
    ok, message = storeview.promote(events_store, ids + page.table.ids.tolist()[3:5], target)
    after = store.load(target).timeline
    assert ok and after.event(hand_edited.id).title == "Checked by an analyst" and len(after.events) == 5


def test_the_app_opens_a_store_filters_it_and_shows_the_count(events_store, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(events_store))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    total = columnar.read_manifest(events_store)["events"]
    assert f"of {total:,} events match" in at.caption[0].value
    at.sidebar.multiselect(key="s_type").select("attack").run()
    assert not at.exception and f"of {total:,} events match" in at.caption[0].value
    shown = int(at.caption[0].value.split("**")[1].replace(",", ""))
    assert 0 < shown < total
    first = storeview.page(events_store, Query(types=frozenset({"attack"}))).table.ids[0]
    at.session_state["s_selected"] = first  # what a click on the chart stores
    at.run()
    assert not at.exception and any("Evidence" in m.value for m in at.markdown)
    assert any("<mark>" in h.proto.body for h in at.get("html"))


def test_promote_from_the_app_writes_the_curated_file(events_store, tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_FILE", str(events_store))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    target = tmp_path / "curated.yaml"
    first = storeview.page(events_store, Query()).table.ids[0]
    at.multiselect(key="s_promote").select(first)
    at.text_input(key="s_target").input(str(target))
    at.run()
    at.button(key="s_do_promote").click().run()
    assert not at.exception and any("1 event written" in s.value for s in at.success)
    assert [e.id for e in store.load(target).timeline.events] == [first]
