"""Cross-document merging: reports of one incident join; incidents weeks apart never do."""

from __future__ import annotations

import datetime as dt

from timeline.extract import Options, extract
from timeline.extract.build import MERGE_WINDOW_DAYS
from timeline.models import Document

DATED = "Story\n\nYesterday, Houthi drones attacked the Saudi plant at Abqaiq, officials said."
UNDATED = "Story\n\nHouthi drones attacked the Saudi plant at Abqaiq, officials said."


def _attacks(*reports: tuple[str, dt.date, str]) -> list:
    docs = [Document(id=f"d{n}", published=day, text=f"{text}\n\nDispatch {n}.")  # texts differ: each is read
            for n, (text, day) in enumerate(reports)]
    return [e for e in extract(docs, Options()).events if e.location == "Abqaiq"]  # the strike, whatever its type


def _documents(event) -> set[str]:
    return {s.document for s in event.sources}


def test_an_undated_report_days_later_joins_the_dated_incident():
    [attack] = _attacks((DATED, dt.date(2019, 9, 15)), (UNDATED, dt.date(2019, 9, 23)))
    assert _documents(attack) == {"d0", "d1"} and attack.date == "2019-09-14"


def test_an_undated_report_weeks_later_is_another_incident():
    attacks = _attacks((DATED, dt.date(2019, 9, 15)), (UNDATED, dt.date(2019, 9, 15) + dt.timedelta(days=40)))
    assert len(attacks) == 2


def test_a_chain_of_reports_cannot_stretch_one_incident_over_weeks():
    first = dt.date(2019, 9, 15)
    reports = [(DATED, first)] + [(UNDATED, first + dt.timedelta(days=d)) for d in (6, 13, 20, 27)]
    attacks = _attacks(*reports)
    by_document = {doc: a for a in attacks for doc in _documents(a)}
    assert by_document["d0"] is by_document["d1"] is by_document["d2"]
    assert by_document["d3"] is not by_document["d0"] and by_document["d4"] is not by_document["d0"]
    for attack in attacks:
        days = [reports[int(doc[1:])][1] for doc in _documents(attack)]
        assert (max(days) - min(days)).days <= 2 * MERGE_WINDOW_DAYS


def test_two_dated_incidents_a_month_apart_stay_apart():
    later = "Story\n\nOn 14 October, Houthi drones attacked the Saudi plant at Abqaiq, officials said."
    assert len(_attacks((DATED, dt.date(2019, 9, 15)), (later, dt.date(2019, 10, 20)))) == 2
