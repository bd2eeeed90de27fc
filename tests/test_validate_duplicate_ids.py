"""A duplicate event id is reported once, not as a flood of date contradictions.

The solver keys events by id, so two events sharing one look like a single event holding both
dates; every chain through it then "cannot be dated". Those messages blame innocent events.
"""

from __future__ import annotations

from timeline.cli import main

TWO_STORIES = """events:
  - id: harbour-raid
    title: Raiders strike the harbour
    type: attack
    date: 2029-05-02
  - id: depot-fire
    title: The fuel depot burns
    type: arson
    date: 2029-05-01
    relations: [{relation: before, target: harbour-raid}]
  - id: convoy-stopped
    title: A convoy is stopped at the bridge
    type: access
    date: 2030-11-20
  - id: harbour-raid
    title: A second raid, typed with the same id by mistake
    type: attack
    date: 2030-11-25
    relations: [{relation: after, target: convoy-stopped}]
"""


def test_duplicate_id_reported_alone_with_its_line(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text(TWO_STORIES, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{path}:15:5: events[3].id: duplicate id 'harbour-raid' (also events[0], line 2)")
    assert "checked once ids are unique" in err[0]
    assert err[-1] == f"{path}: 1 problem"
    assert not any("cannot be dated" in line for line in err)


def test_contradiction_elsewhere_still_reported(tmp_path, capsys):
    unrelated = """  - id: ferry-seized
    title: A ferry is seized
    type: coercion
    date: 2032-02-10
  - id: crew-freed
    title: The crew is freed
    type: release
    date: 2032-02-01
    relations: [{relation: after, target: ferry-seized}]
"""
    path = tmp_path / "events.yaml"
    path.write_text(TWO_STORIES + unrelated, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "duplicate id 'harbour-raid'" in err
    assert "events[5].relations[0]" in err and err.strip().endswith("2 problems")
