"""Export summaries count in good English: '1 ACLED row from 1 event', '0 rows', '2 events'."""

from __future__ import annotations

from timeline.export_common import Written


def test_singular_and_plural():
    assert Written("", 1, "ACLED rows", 1).summary() == "1 ACLED row from 1 event"
    assert Written("", 0, "rows", 1).summary() == "0 rows from 1 event"
    assert Written("", 2, "TimelineJS slides", 3).summary() == "2 TimelineJS slides from 3 events"
    assert Written("", 1, "events", 1).summary() == "1 event"
