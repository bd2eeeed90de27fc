"""An event citing several phrases of one paragraph shows that paragraph once, every quote in
bold and its sentence marked, instead of the same paragraph repeated per quote."""

from __future__ import annotations

from timeline import dashboard
from timeline.models import Document, Event, Source, Timeline

TEXT = ("Ashford, 2 March 2032 - Raiders burned the grain store in Ashford on Sunday, killing a guard. "
        "Villagers said the raiders came at night & left before dawn.\n\nA second paragraph <b>here</b>.")


def _source(quote: str) -> Source:
    start = TEXT.index(quote)
    return Source(document="wire", quote=quote, start=start, end=start + len(quote))


def _timeline(*quotes: str) -> tuple[Timeline, Event]:
    event = Event(id="store-burned", title="Raiders burn a grain store", type="arson",
                  sources=[_source(q) for q in quotes])
    return Timeline(documents=[Document(id="wire", title="Wire", text=TEXT)], events=[event]), event


def test_one_paragraph_shown_once_with_every_quote():
    timeline, event = _timeline("Raiders burned the grain store", "killing a guard", "came at night & left")
    [shown] = dashboard.evidence(timeline, event, None)
    assert shown.html.count("<strong>") == 3 and shown.html.count("Ashford, 2 March") == 1
    assert "<strong>came at night &amp; left</strong>" in shown.html
    assert shown.html.count("<mark>") == 2  # two sentences, each marked once
    assert shown.quote == "Raiders burned the grain store … killing a guard … came at night & left"


def test_quotes_in_different_paragraphs_stay_apart_and_escaped():
    timeline, event = _timeline("killing a guard", "A second paragraph <b>here</b>")
    first, second = dashboard.evidence(timeline, event, None)
    assert "<strong>killing a guard</strong>" in first.html and "second" not in first.html
    assert "&lt;b&gt;here&lt;/b&gt;" in second.html and "<b>" not in second.html


def test_a_single_quote_is_shown_as_before():
    timeline, event = _timeline("killing a guard")
    [shown] = dashboard.evidence(timeline, event, None)
    start = TEXT.index("killing a guard")
    assert shown.html == dashboard.highlight(TEXT, start, start + len("killing a guard"))
