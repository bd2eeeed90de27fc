"""Publication dates found in the text itself: headers, datelines, JSON and HTML metadata."""

import datetime as dt

import pytest

from timeline.timex.published import find_closing_date, find_published


@pytest.mark.parametrize("text, expected", [
    ("A small nation's choice\n\nEastern Desk Updated on 2024-01-31\n\nText.", dt.date(2024, 1, 31)),
    ("Published: March 5, 2023\nThe ministers met.", dt.date(2023, 3, 5)),
    ("Published: March 5, 2023, 10:30 PM EST\nThe ministers met.", dt.date(2023, 3, 5)),  # one TIME
    ("SAN SALVADOR, 3 JAN 90 -- [TEXT] THE ARMY SAID", dt.date(1990, 1, 3)),
    ("MOSCOW (USSR), 6 JUL 89 (TASS) -- THE ENVOY", dt.date(1989, 7, 6)),
    ("Friday, January 4, 2019\n\nA footbridge collapsed on Monday.", dt.date(2019, 1, 4)),
    # a header line of place and date with no agency or dash after it, in capitals or not
    ("DURROW PROVINCE, JANUARY 1, 2020\n\nGunmen burned a bus on Tuesday.", dt.date(2020, 1, 1)),
    ("Port of Spain, Monday, March 3, 2025\n\nPolice said.", dt.date(2025, 3, 3)),
    ('{"headline": "x", "datePublished": "2022-10-07T08:00:00Z"}', dt.date(2022, 10, 7)),
    ('<html><head><meta property="article:published_time" content="2021-06-01"></head>'
     "<body><p>Talks resumed.</p></body></html>", dt.date(2021, 6, 1)),
    ("http : / / kcal . com / 2013 / 05 / 03 / mayor - may - resign\nThe mayor spoke on Thursday .", dt.date(2013, 5, 3)),
    ("https://www.example.com/world/2021-06-01-talks-resume\nTalks resumed.", dt.date(2021, 6, 1)),
    # a communique's closing line after the wire dateline dates the communique, not the report
    ("CLANDESTINE, 16 MAR 90 (RADIO VENCEREMOS) -- [COMMUNIQUE] [TEXT] WE REJECT IT.\n\n"
     "[ISSUED IN] EL SALVADOR, 15 MARCH 1990", dt.date(1990, 3, 16)),
])
def test_found(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("text", [
    "", "The talks failed yesterday and will resume on Tuesday.",
    "SAN SALVADOR, NO DATE (RADIO) -- THE ARMY SAID",
    "Rebels stormed the northern town of Kessora and held it until March 3, 2025\nThe army said.",  # a sentence, not a header
    "https://www.example.org/news/world-48151623\nRefugees flee shelling.",  # an article number, no day
])
def test_absent_gives_none_never_today(text):
    assert find_published(text) is None


@pytest.mark.parametrize("closing, expected", [
    ("[ISSUED IN] EL SALVADOR, 15 MARCH 1990", dt.date(1990, 3, 15)),
    ("THE EXTRADITABLES, 15 MARCH 1990", dt.date(1990, 3, 15)),
    ("[SIGNED] [FMLN, EL SALVADOR, 15 MARCH 1990]", dt.date(1990, 3, 15)),
    ("EL SALVADOR, 16 MARCH 1990", None),  # the report's own day: nothing to correct
    ("[DATED] 1 MARCH 1990", None),  # more than a week before the report: not the statement read today
    ("THE FMLN SAID ON 15 MARCH 1990 THAT IT WOULD KEEP UP ITS CAMPAIGN AGAINST THE ARMY IN THE NORTH", None),
    ("WE REJECT IT.", None),
])
def test_a_statement_quoted_whole_is_dated_by_its_closing_line(closing, expected):
    text = f"CLANDESTINE, 16 MAR 90 (RADIO VENCEREMOS) -- [COMMUNIQUE] [TEXT] WE REJECT IT.\n\n{closing}\n"
    assert find_closing_date(text, dt.date(1990, 3, 16)) == expected
