"""A fight told as a noun whose own verb says it happened is the fight (triggers.yaml fight-happened)."""

from event_types import types_of


def test_a_gunfight_that_lasted_is_a_clash():
    """'a gunfight that lasted an hour': the duration tells a fight that took place."""
    assert "armed_clash" in types_of("The smugglers escaped across the dunes after a gunfight that lasted an hour.")


def test_scuffles_that_broke_out_are_a_clash():
    """'scuffles broke out': the fight with no support verb ('held', 'launched')."""
    assert "armed_clash" in types_of("Scuffles broke out between rival border guards near the pass on Tuesday.")


def test_other_nouns_that_lasted_are_no_fight():
    """'talks that lasted two days': only a fight noun is read."""
    assert "armed_clash" not in types_of("The talks that lasted two days ended without a deal.")
