"""Twenty-fifth tagger round (twenty-first session): decades written in words or before the common era, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

found = finder(dt.date(2026, 3, 4), typed=True)


@pytest.mark.parametrize("text, span, value", [
    ("Her father fished here in the fifties and sold the boat in 1971.", "the fifties", "195"),
    ("The mill shut in the late eighties.", "the late eighties", "198"),
    ("FARMERS HAVE FOUGHT OVER THE VALLEY SINCE THE SEVENTIES.", "THE SEVENTIES", "197"),
])
def test_a_decade_in_words_after_the_is_a_decade_of_the_1900s(text, span, value):
    """'the fifties' is the decade 195, as 'the '50s' is."""
    assert (span, "DATE", value) in found(text)


@pytest.mark.parametrize("text", [
    "A woman in her fifties was treated for burns.",
    "Support for the plan is in the forties percent.",
])
def test_an_age_or_a_share_in_words_is_no_decade(text):
    """A possessive before it (an age) or a measure after it says it is not a decade."""
    assert not any(value.startswith("19") for _, _, value in found(text))


def test_a_decade_before_the_common_era():
    """'the 330s BC' is BC033, as '330 BC' is BC0330."""
    assert ("the 330s BC", "DATE", "BC033") in found("Throughout the 330s BC the king's army marched east.", published=None, mode="narrative")


@pytest.mark.parametrize("text, span, value", [
    ("Most of the damage was done in the first hour of the storm.", "the first hour", "PT1H"),
    ("The leaders pulled away in the final hour of the stage.", "the final hour", "PT1H"),
    ("Turnout rose in the final week of the campaign.", "the final week", "P1W"),
])
def test_the_first_or_final_stretch_of_a_story_is_one_unit_long(text, span, value):
    """'the first hour of the attack', like 'the first year of the war', is a length of one unit."""
    assert (span, "DURATION", value) in found(text)
