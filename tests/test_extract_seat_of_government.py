"""A capital that a state's act is aimed at stands for its government (arguments._seat_of_government)."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


@pytest.mark.parametrize("text,event_type,party", [
    ("Kenya recalled its ambassador from Kampala on Monday.", "sanction", "Uganda"),
    ("Tajikistan called on Bishkek to pull back its guards.", "appeal", "Kyrgyzstan"),
    ("Moscow accused Ankara of arming the rebels.", "accusation", "Turkey"),
])
def test_a_capital_a_state_act_is_aimed_at_is_its_government(text, event_type, party):
    """'recalled its ambassador from Kampala': the capital is the state the act is aimed at."""
    events = extract([Document(id="d", text="Story\n\n" + text)], Options(solve=False)).events
    assert any(e.type == event_type and party in e.targets for e in events), [(e.type, e.targets) for e in events]


@pytest.mark.parametrize("text,event_type,party", [
    ("Police arrested two men in Kampala on Monday.", "arrest", "Uganda"),  # where, not whom
    ("The minister urged the bus workers of Tehran to end their strike.", "appeal", "Iran"),  # whose workers
])
def test_a_capital_where_an_act_was_done_is_no_target(text, event_type, party):
    """After 'in' or 'of', or for an arrest, a capital is where, not the state aimed at."""
    events = extract([Document(id="d", text="Story\n\n" + text)], Options(solve=False)).events
    assert any(e.type == event_type for e in events) and not any(party in e.targets for e in events), \
        [(e.type, e.targets) for e in events]


@pytest.mark.parametrize("text,event_type,host,named", [
    ("Peru's army clashed with the rebels on Monday. The two sides will hold talks in Oslo next month.",
     "negotiation", "Norway", False),
    ("Chad's army fought the rebels on Monday. A meeting was held in Nairobi on Friday.", "meeting", "Kenya", False),
    ("Russian troops shelled Bender on Monday, Moldova said. A ceasefire was agreed in Moscow on Friday.",
     "ceasefire", "Russia", True),
])
def test_where_talks_are_held_is_a_side_only_when_the_story_names_it_as_one(text, event_type, host, named):
    """'talks in Oslo': the host state of talks, meetings and agreements is no side unless the story
    names it as a party (arguments._HOSTED); with no state named, the place is all there is."""
    events = [e for e in extract([Document(id="d", text="Story\n\n" + text)], Options(solve=False)).events
              if e.type == event_type]
    assert events and (host in events[0].actors) == named, [(e.type, e.actors) for e in events]
