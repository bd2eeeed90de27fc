"""`timeline show`: a plain table sorted by earliest date that fits the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main
from timeline.models import Event, Timeline
from timeline.table import render

DATA = Path(__file__).parent / "data"


def _timeline() -> Timeline:
    return Timeline(events=[
        Event(id="later", title="Later event", type="summit", date="2023-09-19", actors=["Armenia"]),
        Event(id="open-start", title="Some time before publication", type="statement", date="../2024-01-31",
              date_inferred=True),
        Event(id="earlier", title="Earlier event " + "with a very long title " * 6, type="attack", date="2023-09",
              actors=["Azerbaijan", "Nagorno-Karabakh", "Russia", "Armenia", "United States"]),
        Event(id="undated", title="No date at all", type="meeting"),
    ])


def test_rows_sorted_by_earliest_date_open_start_first():
    lines = render(_timeline()).splitlines()
    order = [line.split()[0] for line in lines[2:6]]
    assert order == ["open-start", "undated", "earlier", "later"]


def test_table_fits_width_and_marks_inferred_dates():
    for width in (100, 80, 72):
        text = render(_timeline(), width=width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert "../2024-01-31*" in text and "inferred" in text.splitlines()[-1]
    assert render(_timeline()).splitlines()[0].split() == ["id", "date", "precision", "type", "title", "actors"]


def test_show_prints_the_table(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - {id: a, title: An attack, type: attack, date: 2023-09-19}\n", encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2023-09-19" in out and "day" in out and "An attack" in out


def test_show_invalid_file_prints_problems_and_exits_1(capsys):
    assert main(["show", str(DATA / "broken_events.yaml")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "events[0].type" in captured.err


def test_show_help(capsys):
    with pytest.raises(SystemExit):
        main(["show", "--help"])
    assert "--width" in capsys.readouterr().out
