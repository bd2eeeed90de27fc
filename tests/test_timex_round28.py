"""Twenty-eighth tagger round (twenty-third session): three months counted back from a quarter just told, on the project's own sentences."""

import datetime as dt

import pytest

from tagged import finder

found = finder(dt.date(2031, 8, 4), typed=True)


@pytest.mark.parametrize("text, span, value", [
    ("Timber sales at Druvik grew 1 percent in the first quarter, slowing from 2 percent in the previous three months.",
     "the previous three months", "2030-Q4"),
    ("Copper output at Varnsby rose 3 percent in the second quarter of 2031 after falling in the preceding three months.",
     "the preceding three months", "2031-Q1"),
])
def test_three_months_back_from_a_quarter_told_are_the_quarter_before(text, span, value):
    """'grew in the first quarter, slowing from 2 percent in the previous three months': the figure
    compared is the quarter before the one told, a point (DATE), not a length."""
    assert (span, "DATE", value) in found(text)


def test_three_months_back_with_no_quarter_told_stay_a_length():
    """Told after no quarter (or in another sentence), the three months are the length, as before."""
    assert ("the previous three months", "DURATION", "P3M") in found("Rainfall at Kessby was low in the previous three months.")
    assert ("the previous three months", "DURATION", "P3M") in found(
        "Ferry traffic to Lund rose in the first quarter. In the previous three months it had fallen.")


def test_a_year_earlier_still_counts_from_the_quarter_told():
    """The quarter counted back is a comparison's base, not a new reference: 'a year earlier' after it
    is still the told quarter a year before."""
    text = ("Wool exports from Pellam grew 0.5 percent in the third quarter of 2031, after 0.2 percent in the "
            "previous three months, and were 1.4 percent higher than a year earlier.")
    assert ("a year earlier", "DATE", "2030-Q3") in found(text)
