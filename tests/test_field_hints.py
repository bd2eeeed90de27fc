"""A required field left out, or a field of one's own, is reported with what to write: an id made
from the event's title, a line for the title or type, where free text goes; a plain typo of a
field keeps its short 'did you mean'."""

from __future__ import annotations

import pytest

from timeline import store

EVENT = """\
events:
  - id: ferry-seized
    title: Coastguards seize a ferry off Port Alder
    type: arrest
    sources:
      - document: ferry-news
        quote: seize a ferry
documents:
  - id: ferry-news
    text: Coastguards seize a ferry off Port Alder.
"""


def _message(text: str, path: str) -> str:
    with pytest.raises(store.TimelineError) as caught:
        store.loads(text)
    return next(p.message for p in caught.value.problems if p.path == path)


def test_a_missing_id_gets_one_made_from_the_title():
    message = _message(EVENT.replace("  - id: ferry-seized\n    title", "  - title"), "events[0].id")
    assert message.startswith("required field is missing: add a line 'id: coastguards-seize-a-ferry-off-port-alder'")


@pytest.mark.parametrize("line, path, words", [
    ("    title: Coastguards seize a ferry off Port Alder\n", "events[0].title", "add a line 'title: ...'"),
    ("    type: arrest\n", "events[0].type", "add a line 'type: ...' with one of the types"),
    ("        quote: seize a ferry\n", "events[0].sources[0].quote", "add 'quote: ...' with the article's exact words"),
    ("      - document: ferry-news\n        quote", "events[0].sources[0].document", "add 'document: ...'"),
])
def test_a_missing_field_says_what_line_to_add(line, path, words):
    text = EVENT.replace(line, "      - quote" if line.startswith("      - document") else "")
    assert _message(text, path).startswith(f"required field is missing: {words}")


def test_a_field_of_one_s_own_is_pointed_at_notes():
    message = _message(EVENT.replace("    type: arrest\n", "    type: arrest\n    checked_by: me\n"), "events[0].checked_by")
    assert message.startswith("unknown field 'checked_by'; allowed: id, title")
    assert message.endswith("Anything else you want to keep goes in notes (free text) or tags.")


def test_a_typo_keeps_its_short_hint():
    message = _message(EVENT.replace("    type: arrest\n", "    type: arrest\n    notse: x\n"), "events[0].notse")
    assert message == "unknown field 'notse'; did you mean 'notes'?"


@pytest.mark.parametrize("relation, path", [
    ("      - relation: before\n", "events[0].relations[0].target"),
    ("      - target: ferry-seized\n", "events[0].relations[0].relation"),
])
def test_a_relation_missing_a_part_is_shown_whole(relation, path):
    """A relation needs both its kind and its target: the message shows one written out (braces kept, not a format slot)."""
    text = EVENT.replace("    type: arrest\n", "    type: arrest\n    relations:\n" + relation)
    assert _message(text, path).startswith("required field is missing: write it as {relation: before, target: other-event-id}")
