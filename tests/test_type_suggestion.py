"""An unknown event type names the type the writer most likely meant."""

from __future__ import annotations

import pytest

from timeline.cli import main
from timeline.taxonomy import nearest_type


@pytest.mark.parametrize("written, meant", [
    ("atack", "attack"), ("Armed clash", "armed_clash"), ("air-strike", "airstrike"),
    ("negociation", "negotiation"), ("kidnaping", "abduction"),
])
def test_nearest_type(written, meant):
    assert nearest_type(written) == meant


def test_nothing_near_gives_no_guess():
    assert nearest_type("qwxzv") is None


def test_validate_message_carries_the_guess(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: raid\n    title: A raid\n    type: Armed clash\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4:5: events[0].type: unknown event type 'Armed clash'; did you mean 'armed_clash'?" in err
