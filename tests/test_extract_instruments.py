"""Instruments type an attack ('with dynamite': a bombing), unless the weapon word is the target."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


def events(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.modality) for e in extract([Document(id="d", text=text)], Options(solve=False)).events]


@pytest.mark.parametrize("text,kind", [
    ("Rebels attacked the bank with dynamite.", "bombing"),  # told with its instrument
    ("TERRORISTS HAVE ATTACKED SEVERAL MINES LATELY.", "attack"),  # the mines are what was attacked
    ("The judge was murdered by a bomb hidden in his car.", "bombing"),  # a killing by its means
    ("A rocket killed two soldiers at the checkpoint.", "shelling"),
    ("Gunmen assassinated the mayor on Tuesday.", "killing"),  # no instrument: a killing
])
def test_instrument_refines_an_attack_unless_it_is_the_target(text, kind):
    """An attack told with a weapon is that kind of attack; a weapon word as the attack's object is its target."""
    assert [k for k, _ in events(text)] == [kind]


def test_a_weapon_carried_is_no_event():
    """'armed with rifles and dynamite': a verb's base form after 'and' is not read as the act."""
    assert "bombing" not in [k for k, _ in events("THE ATTACKERS, ARMED WITH RIFLES AND DYNAMITE, ESCAPED.")]
