"""Clock times: tokenised writing, time zones as UTC offsets, and the day a clock time falls on
(written beside it, joined to it, or the last day mentioned)."""

import datetime as dt

import pytest

from timeline.timex import tag
from tagged import finder

PUBLISHED = dt.date(2013, 5, 3)  # a Friday, in daylight-saving time in the US and the UK


found = finder(PUBLISHED)


@pytest.mark.parametrize("text, expected", [
    ("Updated 5:40 p.m. ET", ("5:40 p.m. ET", "TIME", "2013-05-03T17:40-04:00")),
    ("Updated 5 : 40 p . m . ET", ("5 : 40 p . m . ET", "TIME", "2013-05-03T17:40-04:00")),
    ("It was 15.31 BST then", ("15.31 BST", "TIME", "2013-05-03T15:31+01:00")),
    ("at 3.31pm on the quay", ("3.31pm", "TIME", "2013-05-03T15:31")),
    ("at 1800 UTC", ("1800 UTC", "TIME", "2013-05-03T18:00Z")),
    ("Updated 15:01 IST", ("15:01 IST", "TIME", "2013-05-03T15:01+05:30")),
])
def test_clock_times_read_tokenised_and_zoned(text, expected):
    assert expected in found(text)


def test_a_named_zone_takes_the_offset_of_the_day():
    assert found("at 9 a.m. ET", dt.date(2013, 1, 15))[0][2] == "2013-01-15T09:00-05:00"
    assert found("at 9 a.m. ET", dt.date(2013, 7, 15))[0][2] == "2013-07-15T09:00-04:00"


@pytest.mark.parametrize("text, expected", [
    ("PUBLISHED : THURSDAY , MAY 2 , 2013 , 1 : 32 PM", ("THURSDAY , MAY 2 , 2013 , 1 : 32 PM", "2013-05-02T13:32")),
    ("10 : 17 a . m . EDT May 2 , 2013", ("10 : 17 a . m . EDT May 2 , 2013", "2013-05-02T10:17-04:00")),
    ("Posted 2 / 3 / 2009 11 : 11 PM", ("2 / 3 / 2009 11 : 11 PM", "2009-02-03T23:11")),
    ("Tue Jun 11, 2013 07:20 PM PDT", ("Tue Jun 11, 2013 07:20 PM PDT", "2013-06-11T19:20-07:00")),
    ("22:07 GMT, 7 July 2012", ("22:07 GMT, 7 July 2012", "2012-07-07T22:07Z")),
    ("Posted 2013-03-12 04:51:00 by", ("2013-03-12 04:51:00", "2013-03-12T04:51")),
    ("Monday, Apr 6, 2009 | Updated 4:05 PM PDT", ("Monday, Apr 6, 2009 | Updated 4:05 PM PDT", "2009-04-06T16:05-07:00")),
])
def test_a_timestamp_is_one_time(text, expected):
    assert [(t, v) for t, kind, v in found(text)] == [expected]


def test_a_preposition_keeps_day_and_clock_apart_but_the_clock_reads_the_day():
    assert found("It began at 11 a.m. on 11 November 1918.", dt.date(1918, 11, 12)) == [
        ("11 a.m.", "TIME", "1918-11-11T11:00"), ("11 November 1918", "DATE", "1918-11-11")]
    assert found("Ring the office Sunday night at 8 PM, she said.") == [
        ("Sunday night", "TIME", "2013-04-28TNI"), ("8 PM", "TIME", "2013-04-28T20:00")]


def test_a_bare_clock_time_falls_on_the_last_day_mentioned_and_dates_nothing():
    text = "A fire on Tuesday destroyed the dairy. Neighbours raised the alarm at 3:33 a.m."
    clock = tag(text, PUBLISHED)[-1]
    assert (clock.text, clock.value, clock.edtf) == ("3:33 a.m.", "2013-04-30T03:33", None)
    assert tag("Neighbours raised the alarm at 3:33 a.m.", PUBLISHED)[0].value == "2013-05-03T03:33"
    joined = tag("Posted May 2, 2013, 1:32 PM", PUBLISHED)[0]
    assert joined.edtf == "2013-05-02"


def test_the_weekday_of_a_clock_is_the_day_later_bare_clocks_fall_on():
    text = "The blast happened at 9 a.m. on Tuesday. Police arrived at 9:40 a.m."
    assert found(text)[-1] == ("9:40 a.m.", "TIME", "2013-04-30T09:40")


def test_a_clock_of_a_recurring_day_falls_on_no_one_day():
    assert found("Teams work from 7 a.m. to 4 p.m. each day. Police arrived at 9 p.m.") == [
        ("7 a.m.", "TIME", "XXXX-XX-XXT07:00"), ("4 p.m.", "TIME", "XXXX-XX-XXT16:00"),
        ("each day", "SET", "P1D"), ("9 p.m.", "TIME", "2013-05-03T21:00")]


@pytest.mark.parametrize("text, clock", [
    ("The bus leaves the depot every Tuesday and Thursday at 6:30 a.m., a driver said on Monday.", ("6:30 a.m.", "XXXX-XX-XXT06:30")),
    ("She reaches the square at 4:30 a.m. each market day, she said on Monday.", ("4:30 a.m.", "XXXX-XX-XXT04:30")),
    ("He swims four mornings a week, starting at 5 a.m., his coach said on Monday.", ("5 a.m.", "XXXX-XX-XXT05:00")),
    ("The thieves struck three times, each time shortly before midnight, police said on Monday.", ("midnight", "XXXX-XX-XXT24:00")),
])
def test_a_clock_of_a_weekday_an_occasion_or_a_rate_that_recurs_falls_on_no_one_day(text, clock):
    """Round 24: 'every Tuesday', 'each market day' (a word between), 'each time' and 'four mornings
    a week' recur as 'every day' does, so the clock beside them is any day's."""
    assert (clock[0], "TIME", clock[1]) in found(text)
    assert ("6:30 a.m.", "TIME", "2013-05-03T06:30") in found("Police arrived at 6:30 a.m., and officers have patrolled every day since.")


def test_a_recurring_day_opening_its_sentence_is_read_whole():
    """'Every day at 7 a.m.' after a sentence end: the clause keeps its first letter ('Every', not
    'very'), so the clock is of a recurring day, and a standing ban's clause keeps 'Banned'."""
    assert ("7 a.m.", "TIME", "XXXX-XX-XXT07:00") in found("The strike began on Monday. Every day at 7 a.m. the pickets gather.")
    assert ("10 p.m.", "TIME", "XXXX-XX-XXT22:00") in found("Curfew rules changed. Banned between 10 p.m. and 5 a.m., drivers stayed home.")


def test_a_race_time_is_not_a_time_of_day_but_a_length():
    assert found("She won, finishing in 3:07:35.") == [("3:07:35", "DURATION", "PT3H7M35S")]


@pytest.mark.parametrize("text, expected", [
    ("AT 1830, A FIRE ERUPTED", ("1830", "TIME", "2013-05-03T18:30")),
    ("A BOMB WENT OFF AT APPROXIMATELY 1940 AT A WAREHOUSE", ("APPROXIMATELY 1940", "TIME", "2013-05-03T19:40")),
    ("the truce began at 3 p . m . ( 1200 GMT ) .", ("3 p . m . ( 1200 GMT", "TIME", "2013-05-03T12:00Z")),
])
def test_wire_clock_times_are_not_years_and_a_restated_zone_is_one_time(text, expected):
    assert found(text) == [expected]


def test_a_clock_restated_in_gmt_is_dated_on_the_local_day():
    """'AT 2230 [0230 GMT ON 12 JANUARY]' happened on 11 January where it was 22:30."""
    first = tag("THE RAID BEGAN AT 2230 [0230 GMT ON 12 JANUARY] IN ORURO", dt.date(1990, 1, 12))[0]
    assert (first.value, first.edtf) == ("1990-01-12T02:30Z", "1990-01-11")


def test_a_day_told_in_gmt_without_the_local_clock_spans_the_days_a_zone_may_put_it_on():
    """'0400 GMT ON 10 SEPTEMBER' was 9 or 10 September where it happened, never the 11th."""
    clock, day = tag("TWO BLASTS SHOOK THE PORT AT APPROXIMATELY 0400 GMT ON 10 SEPTEMBER", dt.date(1989, 9, 11))
    assert (clock.edtf, day.edtf) == ("1989-09-09/1989-09-10", "1989-09-09/1989-09-10")
    assert day.value == "1989-09-10"  # the TimeML value stays what the text says


@pytest.mark.parametrize("text, expected", [
    ("ON 27 MARCH, FROM 1710 TO 2250, THE BASE WAS ATTACKED",
     [("27 MARCH", "DATE", "2013-03-27"), ("1710", "TIME", "2013-03-27T17:10"), ("2250", "TIME", "2013-03-27T22:50")]),
    ("THE SHOOTING HAPPENED BETWEEN 0200 AND 0300", [("0200", "TIME", "2013-05-03T02:00"), ("0300", "TIME", "2013-05-03T03:00")]),
    ("The war lasted from 1914 to 1918.", [("1914", "DATE", "1914"), ("1918", "DATE", "1918")]),  # years stay years
])
def test_a_range_of_wire_clock_times_is_two_times_when_one_end_cannot_be_a_year(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At around 9:10am US east coast time (1310 UTC), the rocket lifted off",
     ("around 9:10am US east coast time (1310 UTC", "TIME", "2013-05-03T13:10Z")),
    ("The bus set off at 8:45 am IST (0315 UTC), bound for the hills",
     ("8:45 am IST (0315 UTC", "TIME", "2013-05-03T08:45+05:30")),  # both zoned: the first says which instant
    ("Klitschko wins in six, Jul 7 2012, 5:55p.", ("Jul 7 2012, 5:55p", "TIME", "2012-07-07T17:55")),
])
def test_restated_zones_with_words_between_and_a_bare_p_after_the_minutes(text, expected):
    assert found(text) == [expected]


def test_a_bare_one_digit_clock_in_news_is_a_round_time_not_a_time_of_day():
    assert found("The referee stopped the fight at 2 : 56 .") == []
    assert found("The vote closed at 9:30 p.m.") == [("9:30 p.m.", "TIME", "2013-05-03T21:30")]
    assert found("The convoy left at 09:30 .") == [("09:30", "TIME", "2013-05-03T09:30")]


def test_a_day_and_a_utc_clock_restated_in_local_time_date_events_on_the_local_day():
    _, clock = tag("The storm reached the island on Tuesday at 09 : 12 a . m . UTC ( 5 : 12 a . m . EDT ) , flooding roads.",
                   dt.date(2013, 7, 2))
    assert (clock.value, clock.edtf) == ("2013-07-02T09:12Z", "2013-07-02")


def test_a_model_year_after_a_possessive_is_no_date():
    assert found("She drove her 2015 Volvo to the coast.") == []
    assert ("2009", "DATE", "2009") in found("They cited a 2009 analysis by the budget office.")


def test_a_clock_before_a_weekday_that_opens_a_full_date_keeps_its_clock():
    """'2:20 pm Tuesday, March 12, 2013': the weekday belongs to the date; the clock, which
    used to be dropped for the longer date, is joined to it."""
    assert found("Updated 2 : 20 pm Tuesday , March 12 , 2013") == [
        ("2 : 20 pm Tuesday , March 12 , 2013", "TIME", "2013-03-12T14:20")]
    assert found("The talks resume at 3 p.m. Saturday.")[0][:2] == ("3 p.m. Saturday", "TIME")


@pytest.mark.parametrize("text, expected", [
    ("Posted July 7, 5:59 PM EDT by staff", ("July 7, 5:59 PM EDT", "2024-07-07T17:59-04:00")),
    ("BELTS Jul . 7 5 : 59 PM EDT Klitschko stopped", ("Jul . 7 5 : 59 PM EDT", "2024-07-07T17:59-04:00")),
    ("Posted 7 July 17:59 by staff", ("7 July 17:59", "2024-07-07T17:59")),
])
def test_a_day_without_its_year_keeps_the_clock_after_it(text, expected):
    found = [(t.text, t.value) for t in tag(text, dt.date(2024, 7, 8))]
    assert found == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The blast came at 10 a.m. (0800 GMT) on Tuesday, police said.", ("10 a.m. (0800 GMT", "TIME", "2013-04-30T08:00Z")),
    ("The fire started around 8:30 p.m. BST (1930 UTC) on April 27.",
     ("around 8:30 p.m. BST (1930 UTC", "TIME", "2013-04-27T20:30+01:00")),
    ("It struck at 7:37 AM local time (2237 GMT) on Tuesday.",
     ("7:37 AM local time (2237 GMT", "TIME", "2013-04-29T22:37Z")),  # Tuesday morning there is Monday in GMT
])
def test_a_clock_restated_in_brackets_falls_on_the_day_told_after_them(text, expected):
    assert expected in found(text)


def test_a_bare_clock_told_in_the_past_does_not_fall_on_a_day_ahead_told_before():
    """'... until the burial on 24 March. The mayor banned alcohol sales at noon': the day last
    mentioned up to the report's; a day ahead told in the same sentence stays the clock's."""
    text = "BOGOTA, 22 MAR 90 -- His body will stay at the chapel until the burial on 24 March. The mayor banned alcohol sales at noon."
    assert ("noon", "TIME", "1990-03-22T12:00") in found(text, dt.date(1990, 3, 22))
    ahead = found("The guild urged its drivers to stop work on 1 November starting at 0600.", dt.date(1989, 10, 31))
    assert ("0600", "TIME", "1989-11-01T06:00") in ahead


def test_a_live_page_entry_stamp_is_the_publication_day_and_dates_its_entry():
    text = ("Crowds gathered on Monday.\n\n14:52 Police fired tear gas before 2.45pm, witnesses said.\n\n"
            "6:05 a.m. - More homes lost power.")
    stamps = [(t.text, t.value) for t in tag(text, PUBLISHED) if t.type == "TIME"]
    assert stamps == [("14:52", "2013-05-03T14:52"), ("2.45pm", "2013-05-03T14:45"),
                      ("6:05 a.m.", "2013-05-03T06:05")]


def test_a_clock_time_opening_a_sentence_line_is_no_stamp():
    text = "Crowds gathered on Monday.\nAround 2:18 p.m. police arrived.\n2:30 p.m., the square was cleared."
    assert [t.value for t in tag(text, PUBLISHED) if t.type == "TIME"] == ["2013-04-29T14:18", "2013-04-29T14:30"]


@pytest.mark.parametrize("text, expected", [
    # the sentence's day is Monday; Sunday is told in an 'after' clause with its own verb
    ("Troops retook the station on Monday after rebels seized it late Sunday. It ended at 7:30 a.m.",
     "2013-04-29T07:30"),
    # 'after the May 2 quake' is no clause: the day it names is the one the next times are told of
    ("Aid arrived on Monday, two days after the May 2 quake. Shops opened at 7:30 a.m.", "2013-05-02T07:30"),
])
def test_a_day_told_in_an_after_clause_is_background_for_the_times_that_follow(text, expected):
    assert [t.value for t in tag(text, PUBLISHED) if t.type == "TIME"] == [expected]
