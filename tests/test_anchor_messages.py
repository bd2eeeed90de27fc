"""YAML anchors and aliases, which a person may use to avoid typing a list twice, are reported by
name with what to write instead (an alias gets the value its anchor holds), and an alias is
reported once: not again as the empty value it reads as."""

from __future__ import annotations

import pytest

from timeline import store

FILE = """\
events:
  - id: port-blockade
    title: Fishermen block the port
    type: protest
    actors: &crews [Harbour fishermen, Net menders]   # the same crews below
  - id: port-march
    title: The crews march to the town hall
    type: protest
    actors: *crews
    people: *nobody
  - &third
    id: port-talks
    title: The mayor meets the crews
    type: meeting
"""


@pytest.fixture(scope="module")
def problems() -> dict[str, store.Problem]:
    with pytest.raises(store.TimelineError) as caught:
        store.loads(FILE)
    return {f"{p.line}:{p.column}": p for p in caught.value.problems}


def test_an_anchor_says_what_to_delete(problems):
    assert problems["5:13"].message == "YAML anchors (&crews) are not allowed: delete '&crews' and keep the value"
    assert problems["11:5"].message.startswith("YAML anchors (&third) are not allowed")


def test_an_alias_says_what_its_anchor_holds(problems):
    assert problems["9:13"].path == "events[1].actors"
    assert problems["9:13"].message.endswith("write out what &crews on line 5 holds: [Harbour fishermen, Net menders]")


def test_an_alias_without_an_anchor_says_so(problems):
    assert "no &nobody comes before it" in problems["10:13"].message


def test_each_alias_is_one_problem(problems):
    assert sorted(problems) == ["10:13", "11:5", "5:13", "9:13"]  # no 'must be a list' for the alias's field


def test_an_anchor_over_several_lines_points_at_them():
    text = "events:\n  - id: a\n    title: A\n    type: protest\n    tags: &t\n      - one\n    notes: x\n" \
           "  - id: b\n    title: B\n    type: protest\n    tags: *t\n"
    with pytest.raises(store.TimelineError) as caught:
        store.loads(text)
    assert any(p.message.endswith("write out what &t on line 5 holds (the lines under it)") for p in caught.value.problems)
