"""The details panel says whether extraction may still change an event as the merge decides it:
an extracted event edited by hand shows as curated although its `curated:` flag is false."""

from __future__ import annotations

from timeline import dashboard
from timeline.merge import is_curated, stamped
from timeline.models import Event

FRESH = stamped(Event(id="dam-shelled-8mm2qa", title="The dam is shelled", type="shelling", date="2031-10-04"))


def _row(event: Event) -> str:
    return dict(dashboard.details(event))["curated"]


def test_each_kind_of_event():
    edited = FRESH.model_copy(update={"actors": ["River Guard"]})
    written = Event(id="dam-talks", title="Talks on the dam", type="negotiation")
    flagged = FRESH.model_copy(update={"curated": True})
    assert _row(FRESH).startswith("no (extraction may update it")
    assert _row(edited) == "yes (edited by hand since extraction)"
    assert _row(written).startswith("yes (written by a person")
    assert _row(flagged) == "yes"


def test_the_panel_agrees_with_the_merge():
    for event in (FRESH, FRESH.model_copy(update={"title": "The dam is shelled again"}),
                  Event(id="x", title="X", type="statement"), FRESH.model_copy(update={"curated": True})):
        assert _row(event).startswith("yes") == is_curated(event)


def test_saving_an_unchanged_hand_edited_event_writes_nothing():
    edited = FRESH.model_copy(update={"actors": ["River Guard"]})
    assert dashboard.save_message(edited, edited.model_copy(update={"curated": True}))[0] is None
