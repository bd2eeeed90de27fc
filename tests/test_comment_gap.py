"""A comment at the end of a line keeps the spaces a person put before it when the tool rewrites
the value in front of it (a correction in the app, a re-extraction): ruamel kept the comment's
column, so a longer value pushed it to one space after the value and the alignment was lost."""

from __future__ import annotations

import pytest

from timeline import store
from timeline.models import Timeline

FILE = """\
events:
  - id: bridge-shelled
    title: The bridge is shelled      # my wording
    type: shelling
    date: 2031-03-02                  # the night before, per the mayor
    notes: Checked twice    # ask again

  # --- the next day ---
  - id: bridge-closed
    title: The bridge is closed
    type: access
"""


def _saved(tmp_path, **changes) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    loaded = store.load(path)
    event = loaded.timeline.events[0].model_copy(update=changes)
    timeline = Timeline(events=[event, loaded.timeline.events[1]])
    store.save(path, timeline, loaded.digest)
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("title", ["The old road bridge is shelled at dawn", "Bridge shelled"])
def test_the_gap_before_a_comment_is_kept(tmp_path, title):
    lines = _saved(tmp_path, title=title)
    assert lines[2] == f"    title: {title}      # my wording"
    assert lines[4] == "    date: 2031-03-02                  # the night before, per the mayor"


def test_the_last_field_keeps_its_gap_and_the_lines_after_it(tmp_path):
    lines = _saved(tmp_path, notes="Checked twice with the council")
    assert lines[5:8] == ["    notes: Checked twice with the council    # ask again", "", "  # --- the next day ---"]
