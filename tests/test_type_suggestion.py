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


@pytest.mark.parametrize("written, meant", [
    ("shooting", "attack"), ("raid", "attack"), ("ambush", "attack"),  # their type's description names them
    ("car bomb", "bombing"), ("suicide bombing", "bombing"),  # a word of the name is a type
])
def test_everyday_words_find_their_type(written, meant):
    assert nearest_type(written) == meant


@pytest.mark.parametrize("written", ["execution", "occupation"])
def test_a_close_spelling_with_another_first_letter_is_no_guess(written):
    """'shooting' was 'did you mean robbery?' (looting), 'execution' 'refusal' (rejection)."""
    assert nearest_type(written) is None


def test_nothing_near_gives_no_guess():
    assert nearest_type("qwxzv") is None


def test_validate_message_carries_the_guess(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: raid\n    title: A raid\n    type: Armed clash\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4:5: events[0].type: unknown event type 'Armed clash'; did you mean 'armed_clash'?" in err
