"""Filter choices that differ only in case are one choice: a place written 'Reed marsh' in one
report and 'Reed Marsh' in another was two entries of the Place filter, so picking one missed the
other's events. The choice shows the most frequent spelling, counts both and matches both, in
the YAML view (actors, people) and the store view (actors, places) alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import columnar, store
from timeline.filters import Choice, fold_case
from timeline.models import Event, Timeline

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_spellings_differing_in_case_are_one_choice_shown_as_the_most_frequent():
    folded = fold_case([("Reed Marsh", 5), ("Tallow Ford", 4), ("Reed marsh", 2), ("REED MARSH", 1)])
    assert folded == [Choice("Reed Marsh", 8, ("Reed Marsh", "Reed marsh", "REED MARSH")),
                      Choice("Tallow Ford", 4, ("Tallow Ford",))]
    assert fold_case([("b", 1), ("B", 1)])[0].shown == "B"  # a tie: one spelling, the same every run
    assert fold_case([]) == []


def archive() -> Timeline:
    """Invented events: one marsh and one militia, each written in two cases."""
    spellings = [("Reed Marsh", "Grey Hand"), ("Reed Marsh", "Grey Hand"), ("Reed marsh", "grey hand"),
                 ("Tallow Ford", "River Guard")]
    events = [Event(id=f"event-{i}", title=f"Event {i}", type="attack", date=f"2030-05-{i + 1:02d}",
                    location=place, actors=[actor]) for i, (place, actor) in enumerate(spellings)]
    return Timeline(title="invented", events=events)


def _app(path: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _shown(at: AppTest) -> int:
    return int(at.caption[0].value.split("**")[1].replace(",", ""))


@pytest.fixture
def archive_store(tmp_path) -> Path:
    path = tmp_path / "events.parquet"
    columnar.write_small(path, archive())
    return path


@pytest.mark.parametrize("key", ["s_place", "s_actor"])
def test_the_store_view_offers_one_choice_that_matches_both_cases(archive_store, monkeypatch, key):
    at = _app(archive_store, monkeypatch)
    box = at.sidebar.multiselect(key=key)
    wanted = {"s_place": "Reed Marsh", "s_actor": "Grey Hand"}[key]
    assert [o for o in box.options if o.lower().startswith(wanted.lower())] == [f"{wanted} (3)"]
    box.select(wanted).run()
    assert not at.exception and _shown(at) == 3


def test_the_yaml_view_folds_actor_choices_too(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    store.save(path, archive(), None)
    at = _app(path, monkeypatch)
    box = at.sidebar.multiselect(key="f_actor")
    assert box.options == ["Grey Hand (3)", "River Guard (1)"]
    box.select("Grey Hand").run()
    assert not at.exception and _shown(at) == 3
