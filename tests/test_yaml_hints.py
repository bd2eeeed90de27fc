"""YAML syntax errors carry a hint in a person's words (timeline/yaml_hints.yaml), each tried
on the example that stands beside it, through the same load as `timeline validate`."""

from __future__ import annotations

import pytest

from timeline.cli import main
from timeline.store import TimelineError, loads
from timeline.yamlread import syntax_hint, syntax_hints


@pytest.mark.parametrize("words", list(syntax_hints()))
def test_each_example_gets_its_hint(words):
    entry = syntax_hints()[words]
    with pytest.raises(TimelineError) as caught:
        loads(entry["example"], "events.yaml")
    message = str(caught.value)
    assert words in message and f"likely: {entry['hint']}" in message


def test_validate_shows_line_column_and_hint(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: raid\n    title: Raid\n    type: attack\n      date: 2031-05-01\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{path}:5:11: YAML syntax error: mapping values are not allowed")
    assert "likely: a line indented deeper than the one above it" in first


def test_a_message_without_a_known_cause_gets_no_guess():
    assert syntax_hint("YAML syntax error: something nobody has seen") == ""
