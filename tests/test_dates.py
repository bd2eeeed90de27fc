"""EDTF strings <-> bounds: precision kept, open ends kept, round trip through format_interval."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import dates


@pytest.mark.parametrize(
    "text, precision",
    [("2023-09-19", "day"), ("2023-09", "month"), ("2023-21", "season"), ("2023", "year"),
     ("199X", "decade"), ("19XX", "century"), ("2023-09/2023-10", "interval"), ("../2024-01-31", "open")],
)
def test_precision_is_named(text, precision):
    assert dates.parse(text).precision == precision


def test_season_spans_its_months():
    spring = dates.parse("2023-21")
    assert (spring.earliest, spring.latest) == (dt.date(2023, 3, 1), dt.date(2023, 5, 31))


@pytest.mark.parametrize("text", ["", "  ", "yesterday", "2023-13", "2023-09-19/2023-09-01", "a/b/c"])
def test_unreadable_dates_raise_a_readable_error(text):
    with pytest.raises(dates.DateError):
        dates.parse(text)


def test_contains_and_width():
    outer, inner = dates.parse("../2024-01-31"), dates.parse("2023-09-19")
    assert outer.contains(inner) and not inner.contains(outer)
    assert inner.width_days() == 1 and outer.width_days() == float("inf")


@pytest.mark.parametrize(
    "earliest, latest, text",
    [(dt.date(2023, 9, 1), dt.date(2023, 9, 30), "2023-09"), (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "2023"),
     (None, dt.date(2024, 1, 31), "../2024-01-31"), (dt.date(2024, 1, 31), None, "2024-01-31/.."),
     (dt.date(2023, 9, 11), dt.date(2023, 9, 20), "2023-09-11/2023-09-20")],
)
def test_format_interval_writes_the_shortest_form(earliest, latest, text):
    assert dates.format_interval(earliest, latest) == text


days = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))


@given(days | st.none(), days | st.none())
def test_format_then_parse_gives_the_same_bounds(a, b):
    if a is not None and b is not None and a > b:
        a, b = b, a
    bounds = dates.parse(dates.format_interval(a, b))
    assert (bounds.earliest, bounds.latest) == (a, b)


PLAIN_SIDE = st.one_of(
    st.just(""), st.just(".."),
    st.from_regex(r"\A[0-9]{4}(-(0[0-9]|1[0-4]|2[1-4])(-[0-3][0-9])?)?\Z"),
)


def _edtf_only(text: str) -> dates.Bounds:
    """The same parse with the plain-date shortcut switched off: the reference answer."""
    original = dates._parse_plain
    dates._parse_plain = lambda _text: None
    try:
        return dates.parse.__wrapped__(text)
    finally:
        dates._parse_plain = original


@settings(max_examples=80, deadline=None)
@given(start=PLAIN_SIDE, slash=st.booleans(), end=PLAIN_SIDE)
def test_plain_date_shortcut_agrees_with_the_edtf_parser(start, slash, end):
    text = f"{start}/{end}" if slash else start
    try:
        expected = _edtf_only(text)
    except dates.DateError:
        with pytest.raises(dates.DateError):
            dates.parse.__wrapped__(text)
        return
    assert dates.parse.__wrapped__(text) == expected
