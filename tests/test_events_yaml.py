"""The repository's own events.yaml is valid (quotes checked against the seed when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import store

EVENTS = Path(__file__).resolve().parents[1] / "events.yaml"


def test_repo_events_yaml_validates():
    if not EVENTS.exists():
        pytest.skip("events.yaml is not in this checkout")
    loaded = store.load(EVENTS)
    assert loaded.timeline.events, "events.yaml holds no events"
    ids = [e.id for e in loaded.timeline.events]
    assert len(ids) == len(set(ids))


def test_seed_quotes_are_checked_when_the_seed_is_present():
    timeline = store.load(EVENTS).timeline
    document = timeline.documents[0]
    from timeline.checks import document_text

    text = document_text(document, EVENTS.parent)
    if text is None:
        pytest.skip(f"seed article {document.origin} not found beside the repository")
    for event in timeline.events:
        for source in event.sources:
            assert text[source.start : source.end] == source.quote
