"""Filters on show and export: a mistyped --type is an error naming the likely type, an alias or
'armed clash' is read as its type, and a filter that matches nothing says so (exit 1) instead of
printing an empty table."""

from __future__ import annotations

import pytest

from timeline.cli import main

TIMELINE = """events:
  - {id: pass-ambush, title: Ambush at the pass, type: armed_clash, date: 2031-09-03, actors: [Hill Front]}
  - {id: envoy-taken, title: An envoy is taken, type: abduction, date: 2031-09-05, actors: [Hill Front]}
"""


@pytest.fixture
def path(tmp_path):
    target = tmp_path / "events.yaml"
    target.write_text(TIMELINE, encoding="utf-8")
    return target


@pytest.mark.parametrize("command", ["show", "export"])
def test_mistyped_type_names_the_likely_one(path, capsys, command):
    extra = ["-f", "csv"] if command == "export" else []
    with pytest.raises(SystemExit) as exited:
        main([command, str(path), "--type", "abdction", *extra])
    assert exited.value.code == 2
    assert "unknown event type 'abdction'; did you mean 'abduction'?" in capsys.readouterr().err


@pytest.mark.parametrize("written", ["kidnapping", "armed clash", "Armed-Clash"])
def test_aliases_and_spelled_out_names_filter(path, capsys, written):
    assert main(["show", str(path), "--type", written]) == 0
    out = capsys.readouterr().out
    wanted = "envoy-taken" if written == "kidnapping" else "pass-ambush"
    assert wanted in out and len(out.strip().splitlines()) == 3


def test_nothing_matching_is_said_with_exit_1(path, capsys):
    assert main(["show", str(path), "--actor", "Hill", "--from", "2031-09-04"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no event matches --actor Hill --from 2031-09-04" in captured.err


def test_an_empty_file_without_filters_is_still_an_empty_table(tmp_path, capsys):
    target = tmp_path / "events.yaml"
    target.write_text("events: []\n", encoding="utf-8")
    assert main(["show", str(target)]) == 0
    assert capsys.readouterr().out.startswith("id")
